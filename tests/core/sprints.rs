//! One-week sprints: validation of the week, focus, card limit and core users; the board and its
//! moves; the burndown; the log, pre-mortem and retro, and retro items becoming findings or
//! roadmap deliverables.

use crate::common::*;
use rapport::csv::{self, ExportOptions, ListKind};
use rapport::db::Db;
use rapport::findings;
use rapport::people::{self, PersonInput, Role};
use rapport::roadmaps::{self, Cadence, DeliverableStatus, Priority, RoadmapInput, RowInput};
use rapport::sprints::{self, entries, EntryKind, Lane, Sprint, SprintInput};
use rapport::Error;

/// A Monday.
const MON: &str = "2026-11-23";

fn person(db: &Db, name: &str) -> String {
    let input = PersonInput {
        name: name.into(),
        team: "Platform".into(),
        role: Role::Ic,
        contact: String::new(),
        core_user: true,
        notes: String::new(),
        duplicate_ok: None,
    };
    people::create(db, &input).unwrap().id
}

fn input(start: &str, end: &str, limit: i64, users: &[&str]) -> SprintInput {
    SprintInput {
        focus: "Deploy preview in one click".into(),
        starts_on: start.into(),
        ends_on: end.into(),
        card_limit: limit,
        core_user_ids: users.iter().map(|s| s.to_string()).collect(),
    }
}

/// A workspace with one core user and a Monday-to-Friday sprint with room for `limit` cards.
fn setup(limit: i64) -> (Db, String, Sprint) {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana");
    let s = sprints::create(&db, &input(MON, "", limit, &[&ana]), d(MON)).unwrap();
    (db, ana, s)
}

fn titles(s: &Sprint, lane: Lane) -> Vec<String> {
    s.cards
        .iter()
        .filter(|c| c.lane == lane)
        .map(|c| c.title.clone())
        .collect()
}

fn card_id(s: &Sprint, title: &str) -> String {
    s.cards
        .iter()
        .find(|c| c.title == title)
        .unwrap()
        .id
        .clone()
}

#[test]
fn the_default_end_is_the_fifth_working_day() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana");
    let s = sprints::create(&db, &input(MON, "", 5, &[&ana]), d(MON)).unwrap();
    assert_eq!(
        (s.starts_on.as_str(), s.ends_on.as_str()),
        (MON, "2026-11-27")
    );
    assert_eq!(
        s.working_days,
        [
            "2026-11-23",
            "2026-11-24",
            "2026-11-25",
            "2026-11-26",
            "2026-11-27"
        ]
    );
    assert_eq!(s.focus, "Deploy preview in one click");
    assert_eq!(s.core_users.len(), 1);
    assert_eq!(s.core_users[0].id, ana);

    // A Wednesday start runs over the weekend to the next Tuesday.
    let s = sprints::create(&db, &input("2026-12-02", "", 5, &[&ana]), d(MON)).unwrap();
    assert_eq!(s.ends_on, "2026-12-08");
    assert_eq!(s.working_days.len(), 5);
    assert!(!s.working_days.contains(&"2026-12-05".to_string()));
}

#[test]
fn the_week_focus_and_limit_are_checked() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana");
    let today = d(MON);

    let mut no_focus = input(MON, "", 5, &[&ana]);
    no_focus.focus = "   ".into();
    assert_eq!(
        field_of(sprints::create(&db, &no_focus, today).unwrap_err()),
        "focus"
    );

    // Monday to the next Monday is eight days: more than a week.
    let err = sprints::create(&db, &input(MON, "2026-11-30", 5, &[&ana]), today).unwrap_err();
    assert!(err.to_string().contains("one week"), "{err}");
    assert!(err.to_string().contains("2026-11-29"), "{err}");
    assert_eq!(field_of(err), "ends_on");
    // Seven days (Monday to Sunday) is still one week.
    let week = sprints::create(&db, &input(MON, "2026-11-29", 5, &[&ana]), today).unwrap();
    assert_eq!(week.working_days.len(), 5);
    sprints::delete(&db, &week.id).unwrap();

    let err = sprints::create(&db, &input(MON, "2026-11-22", 5, &[&ana]), today).unwrap_err();
    assert_eq!(field_of(err), "ends_on");

    // Saturday and Sunday only: no working day.
    let err =
        sprints::create(&db, &input("2026-11-28", "2026-11-29", 5, &[&ana]), today).unwrap_err();
    assert!(err.to_string().contains("working day"), "{err}");
    assert_eq!(field_of(err), "ends_on");

    assert_eq!(
        field_of(sprints::create(&db, &input("someday", "", 5, &[&ana]), today).unwrap_err()),
        "starts_on"
    );

    for limit in [0, -1, 51] {
        assert_eq!(
            field_of(sprints::create(&db, &input(MON, "", limit, &[&ana]), today).unwrap_err()),
            "card_limit",
            "{limit}"
        );
    }
    for limit in [1, 50] {
        let s = sprints::create(&db, &input(MON, "", limit, &[&ana]), today).unwrap();
        assert_eq!(s.card_limit, limit);
        sprints::delete(&db, &s.id).unwrap();
    }
    assert_eq!(count(&db, "sprints"), 0, "refused sprints are not stored");
}

#[test]
fn core_users_must_be_active_people() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana");
    let old = person(&db, "Olga");
    people::set_archived(&db, &old, true).unwrap();
    let today = d(MON);

    assert_eq!(
        field_of(sprints::create(&db, &input(MON, "", 5, &[]), today).unwrap_err()),
        "core_users"
    );
    assert_eq!(
        field_of(sprints::create(&db, &input(MON, "", 5, &[" "]), today).unwrap_err()),
        "core_users"
    );
    assert_eq!(
        field_of(
            sprints::create(&db, &input(MON, "", 5, &[&ana, "no-such-person"]), today).unwrap_err()
        ),
        "core_users"
    );
    let err = sprints::create(&db, &input(MON, "", 5, &[&ana, &old]), today).unwrap_err();
    assert!(err.to_string().contains("Olga is archived"), "{err}");
    assert_eq!(field_of(err), "core_users");
    assert_eq!(count(&db, "sprints"), 0);
    assert_eq!(count(&db, "sprint_users"), 0);

    // The same person twice counts once.
    let s = sprints::create(&db, &input(MON, "", 5, &[&ana, &ana]), today).unwrap();
    assert_eq!(s.core_users.len(), 1);
}

#[test]
fn sprints_do_not_overlap_but_a_sprint_can_move_its_own_dates() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana");
    let bo = person(&db, "Bo");
    let today = d(MON);
    let first = sprints::create(&db, &input(MON, "", 5, &[&ana]), today).unwrap();

    // Friday of the first sprint to the next Thursday overlaps it.
    let err =
        sprints::create(&db, &input("2026-11-27", "2026-12-03", 5, &[&ana]), today).unwrap_err();
    assert!(
        err.to_string().contains("Deploy preview in one click"),
        "{err}"
    );
    assert_eq!(field_of(err), "starts_on");
    // The next Monday does not.
    let second = sprints::create(&db, &input("2026-11-30", "", 5, &[&ana]), today).unwrap();
    assert_eq!(second.ends_on, "2026-12-04");

    // Editing the first sprint's own dates and users is allowed...
    let mut edit = input("2026-11-24", "2026-11-27", 8, &[&bo, &ana]);
    edit.focus = "Preview links in chat".into();
    let s = sprints::update(
        &db,
        &first.id,
        version(&db, "sprints", &first.id),
        &edit,
        today,
    )
    .unwrap();
    assert_eq!(
        (s.starts_on.as_str(), s.ends_on.as_str()),
        ("2026-11-24", "2026-11-27")
    );
    assert_eq!(
        (s.focus.as_str(), s.card_limit),
        ("Preview links in chat", 8)
    );
    assert_eq!(
        s.core_users
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["Ana", "Bo"]
    );
    // ...but not moving it onto the second.
    assert_eq!(
        field_of(
            sprints::update(
                &db,
                &first.id,
                version(&db, "sprints", &first.id),
                &input("2026-11-26", "2026-12-01", 5, &[&ana]),
                today
            )
            .unwrap_err()
        ),
        "starts_on"
    );
    assert_eq!(
        sprints::get(&db, &first.id, today).unwrap().starts_on,
        "2026-11-24",
        "a refused edit changes nothing"
    );

    let list = sprints::list(&db).unwrap();
    assert_eq!(
        list.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        [second.id.as_str(), first.id.as_str()],
        "newest first"
    );
}

#[test]
fn a_card_past_the_limit_needs_an_acknowledgement() {
    let (db, _, s) = setup(2);
    let today = d(MON);
    sprints::board::add_card(&db, &s.id, "Spike the preview API", false, today).unwrap();
    let s2 = sprints::board::add_card(&db, &s.id, "Chat command", false, today).unwrap();
    assert!(
        s2.warnings.iter().all(|w| !w.contains("limit")),
        "{:?}",
        s2.warnings
    );

    let err = sprints::board::add_card(&db, &s.id, "Dashboard", false, today).unwrap_err();
    match &err {
        Error::NeedsAcknowledgement { field, message } => {
            assert_eq!(field, "over_limit_ok");
            assert!(message.contains("scope is 2 cards"), "{message}");
        }
        other => panic!("expected an acknowledgement, got {other:?}"),
    }
    assert_eq!(err.code(), "needs_ack");
    assert_eq!(count(&db, "sprint_cards"), 2, "nothing written");

    let s3 = sprints::board::add_card(&db, &s.id, "Dashboard", true, today).unwrap();
    assert_eq!(s3.cards.len(), 3);
    assert!(
        s3.warnings
            .iter()
            .any(|w| w.contains("3 cards for a limit of 2")),
        "{:?}",
        s3.warnings
    );
    let summary = &sprints::list(&db).unwrap()[0];
    assert_eq!((summary.card_count, summary.card_limit), (3, 2));

    // Blank titles are refused; cards can be renamed and deleted.
    assert_eq!(
        field_of(sprints::board::add_card(&db, &s.id, "  ", true, today).unwrap_err()),
        "title"
    );
    let dash = card_id(&s3, "Dashboard");
    let s4 = sprints::board::rename_card(
        &db,
        &dash,
        version(&db, "sprint_cards", &dash),
        "Status page",
        today,
    )
    .unwrap();
    assert_eq!(titles(&s4, Lane::Todo)[2], "Status page");
    sprints::board::delete_card(&db, &dash).unwrap();
    let s5 = sprints::get(&db, &s.id, today).unwrap();
    assert_eq!(s5.cards.len(), 2);
    assert!(s5.warnings.iter().all(|w| !w.contains("limit")));
}

#[test]
fn moving_cards_reorders_lanes_and_stamps_done() {
    let (db, _, s) = setup(10);
    let mon = d(MON);
    for t in ["A", "B", "C", "D"] {
        sprints::board::add_card(&db, &s.id, t, false, mon).unwrap();
    }
    let s = sprints::get(&db, &s.id, mon).unwrap();
    assert_eq!(titles(&s, Lane::Todo), ["A", "B", "C", "D"]);
    assert!(s.cards.iter().all(|c| c.added_on == MON));
    let (a, b, c, dd) = (
        card_id(&s, "A"),
        card_id(&s, "B"),
        card_id(&s, "C"),
        card_id(&s, "D"),
    );

    // Reorder within To do: D to the front, A past the end (clamped to last).
    let s1 = sprints::board::move_card(&db, &dd, Lane::Todo, 0, mon).unwrap();
    assert_eq!(titles(&s1, Lane::Todo), ["D", "A", "B", "C"]);
    let s1 = sprints::board::move_card(&db, &a, Lane::Todo, 99, mon).unwrap();
    assert_eq!(titles(&s1, Lane::Todo), ["D", "B", "C", "A"]);

    // To Doing, then a second card ahead of it with a negative index (clamped to first).
    sprints::board::move_card(&db, &b, Lane::Doing, 0, mon).unwrap();
    let s2 = sprints::board::move_card(&db, &c, Lane::Doing, -5, d("2026-11-24")).unwrap();
    assert_eq!(titles(&s2, Lane::Doing), ["C", "B"]);
    assert_eq!(titles(&s2, Lane::Todo), ["D", "A"]);
    assert!(s2.cards.iter().all(|x| x.done_on.is_none()));
    let positions: Vec<(String, i64)> = db
        .conn()
        .prepare("SELECT title, position FROM sprint_cards WHERE lane = 'doing' ORDER BY position")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(positions, [("C".to_string(), 1), ("B".to_string(), 2)]);

    // Done stamps the day it got there; the board lists To do, Doing, Done in that order.
    let wed = d("2026-11-25");
    let s3 = sprints::board::move_card(&db, &b, Lane::Done, 0, wed).unwrap();
    let done = s3.cards.iter().find(|x| x.id == b).unwrap();
    assert_eq!(done.lane, Lane::Done);
    assert_eq!(done.done_on.as_deref(), Some("2026-11-25"));
    assert_eq!(
        s3.cards.iter().map(|x| x.lane).collect::<Vec<_>>(),
        [Lane::Todo, Lane::Todo, Lane::Doing, Lane::Done]
    );
    // Reordering inside Done keeps the first stamp.
    let s3 = sprints::board::move_card(&db, &b, Lane::Done, 0, d("2026-11-26")).unwrap();
    assert_eq!(
        s3.cards
            .iter()
            .find(|x| x.id == b)
            .unwrap()
            .done_on
            .as_deref(),
        Some("2026-11-25")
    );
    assert_eq!(sprints::list(&db).unwrap()[0].done_count, 1);

    // Back out of Done clears the stamp.
    let s4 = sprints::board::move_card(&db, &b, Lane::Todo, 1, d("2026-11-26")).unwrap();
    let back = s4.cards.iter().find(|x| x.id == b).unwrap();
    assert_eq!((back.lane, back.done_on.as_deref()), (Lane::Todo, None));
    assert_eq!(titles(&s4, Lane::Todo), ["D", "B", "A"]);
    assert!(titles(&s4, Lane::Done).is_empty());

    assert!(matches!(
        sprints::board::move_card(&db, "nope", Lane::Done, 0, wed).unwrap_err(),
        Error::NotFound { .. }
    ));
}

#[test]
fn the_burndown_counts_cards_done_each_day() {
    let (db, _, s) = setup(10);
    let mon = d(MON);
    for t in ["A", "B", "C", "D"] {
        sprints::board::add_card(&db, &s.id, t, false, mon).unwrap();
    }
    let s = sprints::get(&db, &s.id, mon).unwrap();
    let (a, b) = (card_id(&s, "A"), card_id(&s, "B"));
    // A is done on Tuesday, B on Wednesday; a fifth card joins on Wednesday.
    sprints::board::move_card(&db, &a, Lane::Done, 0, d("2026-11-24")).unwrap();
    sprints::board::move_card(&db, &b, Lane::Done, 0, d("2026-11-25")).unwrap();
    sprints::board::add_card(&db, &s.id, "E", false, d("2026-11-25")).unwrap();

    let wed = sprints::get(&db, &s.id, d("2026-11-25")).unwrap();
    let days = &wed.burndown.days;
    assert_eq!(
        days.iter().map(|x| x.day.as_str()).collect::<Vec<_>>(),
        wed.working_days
    );
    assert_eq!(
        days.iter().map(|x| x.remaining).collect::<Vec<_>>(),
        [Some(4), Some(3), Some(3), None, None],
        "Wednesday: 4 - A - B + E; Thursday and Friday are ahead"
    );
    assert_eq!(
        days.iter().map(|x| x.scope).collect::<Vec<_>>(),
        [4, 4, 5, 5, 5]
    );
    assert_eq!(
        days.iter().map(|x| x.ideal).collect::<Vec<_>>(),
        [4.0, 3.0, 2.0, 1.0, 0.0]
    );

    // Seen after the sprint, every day has a value.
    let after = sprints::get(&db, &s.id, d("2026-11-30")).unwrap();
    assert_eq!(
        after
            .burndown
            .days
            .iter()
            .map(|x| x.remaining)
            .collect::<Vec<_>>(),
        [Some(4), Some(3), Some(3), Some(3), Some(3)]
    );
    assert_eq!(after.today, None);
}

#[test]
fn the_log_stays_inside_the_sprint_and_the_pre_mortem_warning_clears() {
    let (db, _, s) = setup(5);
    let mon = d(MON);
    // On the first day without a pre-mortem, the sprint warns.
    let s0 = sprints::get(&db, &s.id, mon).unwrap();
    assert!(
        s0.warnings.iter().any(|w| w.contains("pre-mortem")),
        "{:?}",
        s0.warnings
    );
    // Before the sprint starts it does not.
    let before = sprints::get(&db, &s.id, d("2026-11-20")).unwrap();
    assert!(before.warnings.is_empty(), "{:?}", before.warnings);

    let err = entries::add(
        &db,
        &s.id,
        EntryKind::Log,
        "Paired on the API",
        "2026-11-28",
        mon,
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("2026-11-23 to 2026-11-27"),
        "{err}"
    );
    assert_eq!(field_of(err), "day");
    assert_eq!(
        field_of(entries::add(&db, &s.id, EntryKind::Log, "x", "2026-11-20", mon).unwrap_err()),
        "day"
    );
    assert_eq!(
        field_of(entries::add(&db, &s.id, EntryKind::Log, " \n ", "", mon).unwrap_err()),
        "text"
    );
    assert_eq!(
        field_of(entries::add(&db, &s.id, EntryKind::Log, "x", "Tuesday", mon).unwrap_err()),
        "day"
    );
    assert_eq!(count(&db, "sprint_entries"), 0);

    // A log line with no day is for today, kept inside the sprint.
    let s1 = entries::add(
        &db,
        &s.id,
        EntryKind::Log,
        "Paired on the API",
        "",
        d("2026-11-24"),
    )
    .unwrap();
    assert_eq!(s1.entries.len(), 1);
    assert_eq!(
        (s1.entries[0].kind, s1.entries[0].day.as_str()),
        (EntryKind::Log, "2026-11-24")
    );
    let s1 = entries::add(
        &db,
        &s.id,
        EntryKind::Log,
        "Weekend thoughts",
        "",
        d("2026-11-29"),
    )
    .unwrap();
    assert_eq!(s1.entries[1].day, "2026-11-27", "clamped to the last day");
    assert!(s1.warnings.iter().any(|w| w.contains("pre-mortem")));

    let s2 = entries::add(
        &db,
        &s.id,
        EntryKind::Risk,
        "Nobody tries the preview",
        "",
        d("2026-11-24"),
    )
    .unwrap();
    assert!(
        s2.warnings.iter().all(|w| !w.contains("pre-mortem")),
        "{:?}",
        s2.warnings
    );
    // Deleting the only risk brings the warning back.
    let risk = s2
        .entries
        .iter()
        .find(|e| e.kind == EntryKind::Risk)
        .unwrap()
        .id
        .clone();
    entries::delete(&db, &risk).unwrap();
    let s3 = sprints::get(&db, &s.id, d("2026-11-24")).unwrap();
    assert!(s3.warnings.iter().any(|w| w.contains("pre-mortem")));
    assert_eq!(s3.entries.len(), 2);
}

#[test]
fn a_retro_item_becomes_a_finding_once() {
    let (db, _, s) = setup(5);
    let fri = d("2026-11-27");
    entries::add(
        &db,
        &s.id,
        EntryKind::Learned,
        "Engineers want previews in chat\nnot in a dashboard",
        "",
        fri,
    )
    .unwrap();
    let s1 = entries::add(&db, &s.id, EntryKind::Log, "Demo went fine", "", fri).unwrap();
    let learned = s1
        .entries
        .iter()
        .find(|e| e.kind == EntryKind::Learned)
        .unwrap()
        .id
        .clone();
    let log = s1
        .entries
        .iter()
        .find(|e| e.kind == EntryKind::Log)
        .unwrap()
        .id
        .clone();

    let s2 = entries::to_finding(&db, &learned, fri).unwrap();
    let e = s2.entries.iter().find(|e| e.id == learned).unwrap();
    let finding_id = e.finding_id.clone().expect("linked to its finding");
    assert_eq!(e.deliverable_id, None);
    let f = findings::get(&db, &finding_id).unwrap();
    assert_eq!(f.title, "Engineers want previews in chat");
    assert_eq!(
        f.detail,
        "Engineers want previews in chat\nnot in a dashboard"
    );
    assert_eq!(f.tags, ["sprint-retro"]);
    assert!(
        f.source.contains("Deploy preview in one click") && f.source.contains(MON),
        "{}",
        f.source
    );
    assert!(f.source.contains("learned"), "{}", f.source);

    let err = entries::to_finding(&db, &learned, fri).unwrap_err();
    assert!(err.to_string().contains("already"), "{err}");
    assert_eq!(field_of(err), "entry");
    let err = entries::to_finding(&db, &log, fri).unwrap_err();
    assert!(err.to_string().contains("Only retro items"), "{err}");
    assert_eq!(count(&db, "findings"), 1);

    // A long item makes a title cut to the finding's limit; a pasted tab does not block it.
    let long = format!("{}\nand more", "x".repeat(250));
    entries::add(&db, &s.id, EntryKind::WentWell, &long, "", fri).unwrap();
    let s4 = entries::add(
        &db,
        &s.id,
        EntryKind::ToImprove,
        "Demo:\tlaptop died",
        "",
        fri,
    )
    .unwrap();
    for e in s4
        .entries
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::WentWell | EntryKind::ToImprove))
    {
        let s5 = entries::to_finding(&db, &e.id, fri).unwrap();
        let id = s5
            .entries
            .iter()
            .find(|x| x.id == e.id)
            .unwrap()
            .finding_id
            .clone()
            .unwrap();
        let f = findings::get(&db, &id).unwrap();
        assert_eq!(f.detail, e.text);
        if e.kind == EntryKind::WentWell {
            assert_eq!(f.title.chars().count(), findings::TITLE_MAX);
            assert!(f.title.ends_with("x…"), "{}", f.title);
        } else {
            assert_eq!(f.title, "Demo: laptop died");
        }
    }
    assert_eq!(count(&db, "findings"), 3);

    // Deleting the finding unlinks the retro item, which can then be promoted again.
    findings::delete(&db, &finding_id).unwrap();
    let s3 = sprints::get(&db, &s.id, fri).unwrap();
    assert_eq!(
        s3.entries
            .iter()
            .find(|e| e.id == learned)
            .unwrap()
            .finding_id,
        None
    );
}

#[test]
fn a_retro_item_becomes_a_deliverable_on_a_roadmap_row() {
    let (db, _, s) = setup(5);
    let fri = d("2026-11-27");
    let r = roadmaps::create(
        &db,
        &RoadmapInput {
            title: "Q4 developer experience".into(),
            starts_on: "2026-11-02".into(),
            ends_on: String::new(),
            cadence: Cadence::Weekly,
        },
    )
    .unwrap();
    let r = roadmaps::add_row(
        &db,
        &r.id,
        &RowInput {
            project: "Preview environments".into(),
            stakeholders: "Platform".into(),
            goal_what: "Engineers see their change running before merge".into(),
            goal_why: "so reviews catch what tests miss".into(),
            priority: Priority::High,
        },
    )
    .unwrap();
    let row_id = r.rows[0].id.clone();
    entries::add(
        &db,
        &s.id,
        EntryKind::ToImprove,
        "Previews need a teardown job",
        "",
        fri,
    )
    .unwrap();
    let s1 = entries::add(
        &db,
        &s.id,
        EntryKind::WentWell,
        "Pairing\twith SRE",
        "",
        fri,
    )
    .unwrap();
    let item = s1
        .entries
        .iter()
        .find(|e| e.kind == EntryKind::ToImprove)
        .unwrap()
        .id
        .clone();

    let err = entries::to_deliverable(&db, &item, "no-such-row", fri).unwrap_err();
    assert_eq!(field_of(err), "row");
    assert_eq!(count(&db, "deliverables"), 0, "nothing written");
    assert_eq!(
        sprints::get(&db, &s.id, fri)
            .unwrap()
            .entries
            .iter()
            .find(|e| e.id == item)
            .unwrap()
            .deliverable_id,
        None
    );

    let s2 = entries::to_deliverable(&db, &item, &row_id, fri).unwrap();
    let deliverable = s2
        .entries
        .iter()
        .find(|e| e.id == item)
        .unwrap()
        .deliverable_id
        .clone()
        .expect("linked to its deliverable");
    let r = roadmaps::get(&db, &r.id).unwrap();
    let ds = &r.rows[0].deliverables;
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].id, deliverable);
    assert_eq!(ds[0].title, "Previews need a teardown job");
    assert_eq!(ds[0].status, DeliverableStatus::Planned);

    // Already promoted: neither a second deliverable nor a finding.
    assert_eq!(
        field_of(entries::to_deliverable(&db, &item, &row_id, fri).unwrap_err()),
        "entry"
    );
    assert_eq!(
        field_of(entries::to_finding(&db, &item, fri).unwrap_err()),
        "entry"
    );
    assert_eq!(count(&db, "deliverables"), 1);
    assert_eq!(count(&db, "findings"), 0);

    // A pasted tab becomes a space in the deliverable's one-line title.
    let went_well = s1
        .entries
        .iter()
        .find(|e| e.kind == EntryKind::WentWell)
        .unwrap()
        .id
        .clone();
    entries::to_deliverable(&db, &went_well, &row_id, fri).unwrap();
    let r = roadmaps::get(&db, &r.id).unwrap();
    assert_eq!(
        r.rows[0]
            .deliverables
            .iter()
            .map(|x| x.title.as_str())
            .collect::<Vec<_>>(),
        ["Previews need a teardown job", "Pairing with SRE"]
    );
}

#[test]
fn deleting_a_sprint_removes_its_cards_users_and_entries() {
    let (db, _, s) = setup(5);
    let mon = d(MON);
    sprints::board::add_card(&db, &s.id, "A", false, mon).unwrap();
    entries::add(&db, &s.id, EntryKind::Risk, "Scope creep", "", mon).unwrap();
    let learned = entries::add(&db, &s.id, EntryKind::Learned, "Keep it small", "", mon)
        .unwrap()
        .entries
        .iter()
        .find(|e| e.kind == EntryKind::Learned)
        .unwrap()
        .id
        .clone();
    entries::to_finding(&db, &learned, mon).unwrap();
    sprints::save_demo_notes(&db, &s.id, "Showed the preview bot", mon).unwrap();
    assert_eq!(
        sprints::get(&db, &s.id, mon).unwrap().demo_notes,
        "Showed the preview bot"
    );

    sprints::delete(&db, &s.id).unwrap();
    for table in ["sprints", "sprint_cards", "sprint_users", "sprint_entries"] {
        assert_eq!(count(&db, table), 0, "{table}");
    }
    assert_eq!(count(&db, "findings"), 1, "findings outlive their sprint");
    assert_eq!(count(&db, "people"), 1, "core users are not deleted");
    assert!(matches!(
        sprints::get(&db, &s.id, mon).unwrap_err(),
        Error::NotFound { .. }
    ));
    assert!(matches!(
        sprints::delete(&db, &s.id).unwrap_err(),
        Error::NotFound { .. }
    ));
}

#[test]
fn today_and_current_place_the_sprint_in_its_week() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana");
    // Wednesday to the next Tuesday.
    let s = sprints::create(&db, &input("2026-11-25", "", 5, &[&ana]), d(MON)).unwrap();
    assert_eq!(s.today, None, "before the start");

    let day = |today: &str| sprints::get(&db, &s.id, d(today)).unwrap().today;
    let wed = day("2026-11-25").unwrap();
    assert_eq!((wed.day, wed.of, wed.working), (1, 5, true));
    let sat = day("2026-11-28").unwrap();
    assert_eq!((sat.day, sat.of, sat.working), (3, 5, false));
    let mon = day("2026-11-30").unwrap();
    assert_eq!((mon.day, mon.working), (4, true));
    assert_eq!(day("2026-12-01").unwrap().day, 5);
    assert_eq!(day("2026-12-02"), None, "after the end");

    assert!(sprints::current(&db, d(MON)).unwrap().is_none());
    let cur = sprints::current(&db, d("2026-11-28")).unwrap().unwrap();
    assert_eq!(cur.id, s.id);
    assert_eq!(cur.today.unwrap().day, 3);
    assert_eq!(
        sprints::current(&db, d("2026-12-01")).unwrap().unwrap().id,
        s.id
    );
    assert!(sprints::current(&db, d("2026-12-02")).unwrap().is_none());
}

#[test]
fn sprint_cards_export_to_csv_with_formulas_neutralised() {
    let (db, _, s) = setup(5);
    let mon = d(MON);
    sprints::board::add_card(&db, &s.id, "=1+1", false, mon).unwrap();
    let s1 = sprints::board::add_card(&db, &s.id, "Ship the bot", false, mon).unwrap();
    let ship = card_id(&s1, "Ship the bot");
    sprints::board::move_card(&db, &ship, Lane::Done, 0, d("2026-11-24")).unwrap();

    let mut out = Vec::new();
    let n = csv::export(
        &db,
        ListKind::SprintCards,
        &mut out,
        ExportOptions::default(),
        |_| {},
    )
    .unwrap();
    assert_eq!(n, 2);
    assert_eq!(csv::count_rows(&db, ListKind::SprintCards).unwrap(), 2);
    let text = String::from_utf8(out).unwrap();
    let mut rows = ::csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, ListKind::SprintCards.columns());
    let records: Vec<Vec<String>> = rows
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(records.len(), 2);
    // To do before Done; every line carries its sprint.
    let todo = &records[0];
    assert_eq!(todo[0], s.id);
    assert_eq!(todo[1], "Deploy preview in one click");
    assert_eq!(
        (todo[2].as_str(), todo[3].as_str(), todo[4].as_str()),
        (MON, "2026-11-27", "5")
    );
    assert_eq!(todo[6], "'=1+1", "a formula-like title is neutralised");
    assert_eq!(
        (todo[7].as_str(), todo[8].as_str(), todo[9].as_str()),
        ("todo", MON, "")
    );
    let done = &records[1];
    assert_eq!(done[5], ship);
    assert_eq!(done[6], "Ship the bot");
    assert_eq!((done[7].as_str(), done[9].as_str()), ("done", "2026-11-24"));
    assert!(!text.contains(",=1+1"), "{text}");
}
