//! Follow-ups with users: validation, due states, completing and reopening, lists, the offer
//! made when a deliverable ships, and people not contacted for a while.

use crate::common::*;
use chrono::{Local, NaiveDate, TimeZone, Utc};
use rapport::csv::{self, ExportOptions, ListKind};
use rapport::db::Db;
use rapport::followups::{self, FollowUpFilter, FollowUpInput, FollowUpQuery, FollowUpState};
use rapport::interviews::{self, InterviewInput};
use rapport::people::{self, PersonInput, Role};
use rapport::roadmaps::{
    self, Cadence, DeliverableInput, DeliverableStatus, Priority, RoadmapInput, RowInput,
};
use rapport::settings;
use rapport::Error;

/// A Monday.
const TODAY: &str = "2026-11-23";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    d(TODAY)
}

/// Noon on `day` where the tests run, as the RFC 3339 UTC text interviews store, so the local
/// day is `day` whatever the machine's time zone.
fn noon(day: &str) -> String {
    let local = Local
        .from_local_datetime(&d(day).and_hms_opt(12, 0, 0).unwrap())
        .earliest()
        .unwrap();
    local.with_timezone(&Utc).to_rfc3339()
}

fn person(db: &Db, name: &str, team: &str, core_user: bool) -> String {
    let input = PersonInput {
        name: name.into(),
        team: team.into(),
        role: Role::Ic,
        contact: String::new(),
        core_user,
        notes: String::new(),
        duplicate_ok: None,
    };
    people::create(db, &input).unwrap().id
}

fn interview(db: &Db, title: &str, day: &str, ids: &[&str]) -> String {
    let input = InterviewInput {
        title: title.into(),
        topic: "ci".into(),
        scheduled_at: noon(day),
        duration_minutes: 30,
        interviewee_ids: ids.iter().map(|s| s.to_string()).collect(),
        note_taker_id: None,
        guide_id: None,
        acknowledge_mixed_roles: false,
    };
    interviews::plan(db, &input).unwrap().id
}

/// An interview that took place on `day`.
fn held(db: &Db, title: &str, day: &str, ids: &[&str]) -> String {
    let id = interview(db, title, day, ids);
    interviews::start(db, &id).unwrap();
    interviews::finish(db, &id).unwrap();
    id
}

/// A roadmap with one row (whose stakeholders are `stakeholders`) and one deliverable; returns
/// (roadmap, row, deliverable) ids.
fn roadmap(db: &Db, stakeholders: &str, status: DeliverableStatus) -> (String, String, String) {
    let r = roadmaps::create(
        db,
        &RoadmapInput {
            title: "Faster CI".into(),
            starts_on: "2026-11-02".into(),
            ends_on: String::new(),
            cadence: Cadence::Weekly,
        },
    )
    .unwrap();
    let r = roadmaps::add_row(
        db,
        &r.id,
        &RowInput {
            project: "Build cache".into(),
            stakeholders: stakeholders.into(),
            goal_what: "Engineers get CI feedback in minutes".into(),
            goal_why: "so they ship small changes often".into(),
            priority: Priority::High,
        },
    )
    .unwrap();
    let row = r.rows[0].id.clone();
    let r = roadmaps::add_deliverable(
        db,
        &row,
        &DeliverableInput {
            title: "Remote cache".into(),
            owner: "SRE".into(),
            due_on: "2026-11-20".into(),
            status,
        },
        today(),
    )
    .unwrap();
    let deliverable = r.rows[0].deliverables[0].id.clone();
    (r.id, row, deliverable)
}

fn fu(person_id: &str, due: &str) -> FollowUpInput {
    FollowUpInput {
        person_id: person_id.into(),
        reason: "Ask how the remote cache feels".into(),
        due_on: due.into(),
        deliverable_id: None,
        interview_id: None,
        release: String::new(),
    }
}

fn names(list: &[followups::FollowUp]) -> Vec<&str> {
    list.iter().map(|f| f.person_name.as_str()).collect()
}

#[test]
fn create_checks_person_reason_date_and_links() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana", "Platform", true);
    let old = person(&db, "Olga", "Platform", false);
    people::set_archived(&db, &old, true).unwrap();
    let (roadmap_id, _, deliverable) = roadmap(&db, "Platform", DeliverableStatus::Done);
    let iv = held(&db, "CI pain", "2026-11-16", &[&ana]);

    let cases: Vec<(FollowUpInput, &str)> = vec![
        (fu("", TODAY), "person_id"),
        (fu("no-such-person", TODAY), "person_id"),
        (fu(&old, TODAY), "person_id"),
        (
            FollowUpInput {
                reason: "  ".into(),
                ..fu(&ana, TODAY)
            },
            "reason",
        ),
        (fu(&ana, "2026-11-22"), "due_on"),
        (fu(&ana, "next week"), "due_on"),
        (
            FollowUpInput {
                deliverable_id: Some("gone".into()),
                ..fu(&ana, TODAY)
            },
            "deliverable_id",
        ),
        (
            FollowUpInput {
                interview_id: Some("gone".into()),
                ..fu(&ana, TODAY)
            },
            "interview_id",
        ),
        (
            FollowUpInput {
                release: "v2\nbeta".into(),
                ..fu(&ana, TODAY)
            },
            "release",
        ),
    ];
    for (input, field) in cases {
        assert_eq!(
            field_of(followups::create(&db, &input, today()).unwrap_err()),
            field,
            "{input:?}"
        );
    }
    let err = followups::create(&db, &fu(&old, TODAY), today()).unwrap_err();
    assert!(err.to_string().contains("Olga is archived"), "{err}");
    let err = followups::create(&db, &fu(&ana, "2026-11-22"), today()).unwrap_err();
    assert!(err.to_string().contains("in the past"), "{err}");
    assert_eq!(count(&db, "followups"), 0, "nothing stored");

    let f = followups::create(
        &db,
        &FollowUpInput {
            reason: "  Ask how the remote cache feels ".into(),
            deliverable_id: Some(deliverable.clone()),
            interview_id: Some(iv.clone()),
            release: "v2.1".into(),
            ..fu(&ana, TODAY)
        },
        today(),
    )
    .unwrap();
    assert_eq!(f.person_id, ana);
    assert_eq!(f.person_name, "Ana");
    assert!(f.core_user);
    assert_eq!(f.reason, "Ask how the remote cache feels");
    assert_eq!(f.due_on, TODAY);
    assert_eq!(f.deliverable_id.as_deref(), Some(deliverable.as_str()));
    assert_eq!(f.deliverable_title.as_deref(), Some("Remote cache"));
    assert_eq!(f.roadmap_id.as_deref(), Some(roadmap_id.as_str()));
    assert_eq!(f.interview_id.as_deref(), Some(iv.as_str()));
    assert_eq!(f.interview_title.as_deref(), Some("CI pain"));
    assert_eq!(f.release, "v2.1");
    assert_eq!((f.done_on.clone(), f.outcome.as_str()), (None, ""));
    assert_eq!(f.state, FollowUpState::DueToday);

    // Blank links are no links.
    let g = followups::create(
        &db,
        &FollowUpInput {
            deliverable_id: Some(" ".into()),
            interview_id: Some(String::new()),
            ..fu(&ana, "2026-12-01")
        },
        today(),
    )
    .unwrap();
    assert_eq!((g.deliverable_id, g.interview_id), (None, None));
    assert_eq!(count(&db, "followups"), 2);
}

#[test]
fn the_state_follows_the_due_date() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana", "", false);
    let id = followups::create(&db, &fu(&ana, "2026-11-25"), today())
        .unwrap()
        .id;
    let at = |day: &str| {
        let f = followups::get(&db, &id, d(day)).unwrap();
        (f.state, f.days_overdue)
    };
    assert_eq!(at("2026-11-23"), (FollowUpState::Upcoming, 0));
    assert_eq!(at("2026-11-24"), (FollowUpState::Upcoming, 0));
    assert_eq!(at("2026-11-25"), (FollowUpState::DueToday, 0));
    assert_eq!(at("2026-11-26"), (FollowUpState::Overdue, 1));
    assert_eq!(at("2026-12-05"), (FollowUpState::Overdue, 10));
    assert!(matches!(
        followups::get(&db, "nope", today()).unwrap_err(),
        Error::NotFound { .. }
    ));
}

#[test]
fn completing_needs_an_outcome_and_happens_once_then_reopens() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana", "", false);
    let id = followups::create(&db, &fu(&ana, "2026-11-24"), today())
        .unwrap()
        .id;
    let late = d("2026-11-27");

    assert_eq!(
        field_of(followups::complete(&db, &id, " \n ", late).unwrap_err()),
        "outcome"
    );
    assert_eq!(followups::get(&db, &id, late).unwrap().done_on, None);

    let f = followups::complete(&db, &id, "Cache hits 80%; wants it on Windows", late).unwrap();
    assert_eq!(f.done_on.as_deref(), Some("2026-11-27"));
    assert_eq!(f.outcome, "Cache hits 80%; wants it on Windows");
    assert_eq!((f.state, f.days_overdue), (FollowUpState::Done, 0));

    let err = followups::complete(&db, &id, "Again", d("2026-11-28")).unwrap_err();
    assert!(err.to_string().contains("already done"), "{err}");
    assert_eq!(field_of(err), "outcome");
    let f = followups::get(&db, &id, late).unwrap();
    assert_eq!(
        f.done_on.as_deref(),
        Some("2026-11-27"),
        "first completion kept"
    );
    assert_eq!(f.outcome, "Cache hits 80%; wants it on Windows");

    // A done follow-up cannot be edited until it is reopened.
    assert_eq!(
        field_of(
            followups::update(
                &db,
                &id,
                version(&db, "followups", &id),
                &fu(&ana, "2026-11-30"),
                late
            )
            .unwrap_err()
        ),
        "reason"
    );

    let f = followups::reopen(&db, &id, late).unwrap();
    assert_eq!(f.done_on, None);
    assert_eq!((f.state, f.days_overdue), (FollowUpState::Overdue, 3));
    assert_eq!(f.outcome, "Cache hits 80%; wants it on Windows", "kept");
    let f = followups::complete(&db, &id, "Windows support shipped", d("2026-11-30")).unwrap();
    assert_eq!(f.done_on.as_deref(), Some("2026-11-30"));

    followups::delete(&db, &id).unwrap();
    assert_eq!(count(&db, "followups"), 0);
    assert!(matches!(
        followups::delete(&db, &id).unwrap_err(),
        Error::NotFound { .. }
    ));
}

#[test]
fn an_overdue_follow_up_can_be_edited_without_moving_its_date() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana", "", false);
    let bo = person(&db, "Bo", "", false);
    let id = followups::create(&db, &fu(&ana, "2026-11-24"), today())
        .unwrap()
        .id;
    let late = d("2026-11-27");

    let f = followups::update(
        &db,
        &id,
        version(&db, "followups", &id),
        &FollowUpInput {
            reason: "Ask about cache misses".into(),
            ..fu(&bo, "2026-11-24")
        },
        late,
    )
    .unwrap();
    assert_eq!(f.reason, "Ask about cache misses");
    assert_eq!(f.person_name, "Bo");
    assert_eq!(f.due_on, "2026-11-24");
    assert_eq!((f.state, f.days_overdue), (FollowUpState::Overdue, 3));

    // Moving it to another past date is refused; to a future one is fine.
    assert_eq!(
        field_of(
            followups::update(
                &db,
                &id,
                version(&db, "followups", &id),
                &fu(&bo, "2026-11-25"),
                late
            )
            .unwrap_err()
        ),
        "due_on"
    );
    assert_eq!(followups::get(&db, &id, late).unwrap().due_on, "2026-11-24");
    let f = followups::update(
        &db,
        &id,
        version(&db, "followups", &id),
        &fu(&bo, "2026-12-01"),
        late,
    )
    .unwrap();
    assert_eq!(
        (f.due_on.as_str(), f.state),
        ("2026-12-01", FollowUpState::Upcoming)
    );
    assert!(matches!(
        followups::update(&db, "nope", 1, &fu(&bo, "2026-12-01"), late).unwrap_err(),
        Error::NotFound { .. }
    ));
}

#[test]
fn lists_filter_and_order_and_due_keeps_what_needs_doing() {
    let db = Db::open_in_memory().unwrap();
    let zoe = person(&db, "Zoe", "", true);
    let abe = person(&db, "Abe", "", false);
    let cy = person(&db, "Cy", "", false);
    let dee = person(&db, "Dee", "", false);
    let eve = person(&db, "Eve", "", false);
    followups::create(&db, &fu(&cy, "2026-11-30"), today()).unwrap();
    followups::create(&db, &fu(&abe, "2026-11-24"), today()).unwrap();
    followups::create(&db, &fu(&zoe, "2026-11-24"), today()).unwrap();
    followups::create(&db, &fu(&eve, TODAY), today()).unwrap();
    let early = followups::create(&db, &fu(&dee, TODAY), today()).unwrap();
    let later = followups::create(&db, &fu(&eve, TODAY), today()).unwrap();
    followups::complete(&db, &early.id, "Fine", d("2026-11-24")).unwrap();
    followups::complete(&db, &later.id, "Fine", d("2026-11-26")).unwrap();

    let wed = d("2026-11-25");
    let open = followups::list(
        &db,
        &FollowUpQuery {
            show: FollowUpFilter::Open,
            page: None,
        },
        wed,
    )
    .unwrap()
    .items;
    // By due date; on the same date core users first, then by name.
    assert_eq!(names(&open), ["Eve", "Zoe", "Abe", "Cy"]);
    assert_eq!(
        open.iter().map(|f| f.state).collect::<Vec<_>>(),
        [
            FollowUpState::Overdue,
            FollowUpState::Overdue,
            FollowUpState::Overdue,
            FollowUpState::Upcoming
        ]
    );
    assert_eq!(open[0].days_overdue, 2);
    assert_eq!(open[1].days_overdue, 1);

    let done = followups::list(
        &db,
        &FollowUpQuery {
            show: FollowUpFilter::Done,
            page: None,
        },
        wed,
    )
    .unwrap()
    .items;
    assert_eq!(names(&done), ["Eve", "Dee"], "most recently done first");
    assert!(done.iter().all(|f| f.state == FollowUpState::Done));

    let all = followups::list(
        &db,
        &FollowUpQuery {
            show: FollowUpFilter::All,
            page: None,
        },
        wed,
    )
    .unwrap()
    .items;
    assert_eq!(names(&all), ["Eve", "Zoe", "Abe", "Cy", "Eve", "Dee"]);

    // Due: open and due today or before, never upcoming or done.
    let due = followups::due(&db, d("2026-11-24")).unwrap();
    assert_eq!(names(&due), ["Eve", "Zoe", "Abe"]);
    assert_eq!(
        due.iter().map(|f| f.state).collect::<Vec<_>>(),
        [
            FollowUpState::Overdue,
            FollowUpState::DueToday,
            FollowUpState::DueToday
        ]
    );
    assert!(followups::due(&db, d("2026-11-22")).unwrap().is_empty());
    assert_eq!(followups::due(&db, d("2026-12-01")).unwrap().len(), 4);
}

#[test]
fn create_many_writes_all_or_nothing() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana", "", false);
    let bo = person(&db, "Bo", "", false);
    let old = person(&db, "Olga", "", false);
    people::set_archived(&db, &old, true).unwrap();

    assert_eq!(
        field_of(followups::create_many(&db, &[], today()).unwrap_err()),
        "people"
    );
    let err = followups::create_many(
        &db,
        &[
            fu(&ana, "2026-11-30"),
            fu(&bo, "2026-11-30"),
            fu(&old, "2026-11-30"),
        ],
        today(),
    )
    .unwrap_err();
    assert_eq!(field_of(err), "person_id");
    assert_eq!(count(&db, "followups"), 0, "one bad input writes nothing");
    let err = followups::create_many(
        &db,
        &[fu(&ana, "2026-11-30"), fu(&bo, "2026-11-01")],
        today(),
    )
    .unwrap_err();
    assert_eq!(field_of(err), "due_on");
    assert_eq!(count(&db, "followups"), 0);

    let made = followups::create_many(
        &db,
        &[fu(&ana, "2026-11-30"), fu(&bo, "2026-12-01")],
        today(),
    )
    .unwrap();
    assert_eq!(names(&made), ["Ana", "Bo"]);
    assert_eq!(made[1].due_on, "2026-12-01");
    assert_eq!(count(&db, "followups"), 2);
}

#[test]
fn a_shipped_deliverable_offers_its_stakeholders_and_interviewees() {
    let db = Db::open_in_memory().unwrap();
    // Ana is named and on the team: offered once, as named.
    let ana = person(&db, "Ana Lima", "Platform", true);
    let bo = person(&db, "Bo", "Platform", false);
    let cy = person(&db, "Cy", "platform", false);
    let dee = person(&db, "Dee", "Platform", false);
    people::set_archived(&db, &dee, true).unwrap();
    let eve = person(&db, "Eve", "Mobile", false);
    let fay = person(&db, "Fay", "Mobile", false);
    let gil = person(&db, "Gil", "Mobile", false);

    let (roadmap_id, row, deliverable) = roadmap(
        &db,
        "Ana Lima, Platform & Eng leads at company",
        DeliverableStatus::Done,
    );
    let pain = held(&db, "CI pain", "2026-11-10", &[&eve, &ana]);
    let fay_iv = held(&db, "Mobile builds", "2026-11-12", &[&fay]);
    held(&db, "Unrelated", "2026-11-13", &[&gil]);
    // Fay left after her interview: archived people are never offered.
    people::set_archived(&db, &fay, true).unwrap();
    let r = roadmaps::link_interview(&db, &row, &pain).unwrap();
    roadmaps::link_interview(&db, &row, &pain).unwrap();
    let r2 = roadmaps::link_interview(&db, &row, &fay_iv).unwrap();
    assert_eq!(r.id, roadmap_id);
    assert_eq!(
        r.rows[0]
            .interviews
            .iter()
            .map(|i| i.title.as_str())
            .collect::<Vec<_>>(),
        ["CI pain"]
    );
    assert_eq!(r2.rows[0].interviews.len(), 2, "linking twice is harmless");
    assert_eq!(
        field_of(roadmaps::link_interview(&db, &row, "no-such-interview").unwrap_err()),
        "interview"
    );

    // An open follow-up about this deliverable marks Bo; a done one does not mark Cy.
    followups::create(
        &db,
        &FollowUpInput {
            deliverable_id: Some(deliverable.clone()),
            ..fu(&bo, "2026-11-25")
        },
        today(),
    )
    .unwrap();
    let done = followups::create(
        &db,
        &FollowUpInput {
            deliverable_id: Some(deliverable.clone()),
            ..fu(&cy, TODAY)
        },
        today(),
    )
    .unwrap();
    followups::complete(&db, &done.id, "Happy", today()).unwrap();
    // An open follow-up about something else does not mark Eve.
    followups::create(&db, &fu(&eve, "2026-11-25"), today()).unwrap();
    let before = count(&db, "followups");

    let offer = followups::offer_for_deliverable(&db, &deliverable, today()).unwrap();
    assert_eq!(count(&db, "followups"), before, "an offer writes nothing");
    assert_eq!(offer.deliverable_id, deliverable);
    assert_eq!(offer.deliverable_title, "Remote cache");
    assert_eq!(offer.project, "Build cache");
    assert_eq!(offer.due_on, "2026-11-30");
    assert!(
        offer.reason.contains("Remote cache") && offer.reason.contains("shipped"),
        "{}",
        offer.reason
    );
    let got: Vec<(&str, &str, bool)> = offer
        .candidates
        .iter()
        .map(|c| (c.person.name.as_str(), c.why.as_str(), c.already_open))
        .collect();
    assert_eq!(
        got,
        [
            ("Ana Lima", "stakeholder", false),
            ("Bo", "stakeholder (Platform)", true),
            ("Cy", "stakeholder (platform)", false),
            ("Eve", "interviewed in “CI pain”", false),
        ]
    );
    assert_eq!(offer.unmatched_stakeholders, ["Eng leads at company"]);
    assert!(!offer.candidates.iter().any(|c| c.person.id == gil));

    // Names match whatever their case; unlinking an interview stops offering its people.
    roadmaps::update_row(
        &db,
        &row,
        version(&db, "roadmap_rows", &row),
        &RowInput {
            project: "Build cache".into(),
            stakeholders: "ANA LIMA; nobody here".into(),
            goal_what: "Engineers get CI feedback in minutes".into(),
            goal_why: "so they ship small changes often".into(),
            priority: Priority::High,
        },
    )
    .unwrap();
    let r = roadmaps::unlink_interview(&db, &row, &pain).unwrap();
    assert_eq!(r.rows[0].interviews.len(), 1);
    let offer = followups::offer_for_deliverable(&db, &deliverable, today()).unwrap();
    assert_eq!(
        offer
            .candidates
            .iter()
            .map(|c| c.person.id.as_str())
            .collect::<Vec<_>>(),
        [ana.as_str()]
    );
    assert_eq!(offer.unmatched_stakeholders, ["nobody here"]);

    assert!(matches!(
        followups::offer_for_deliverable(&db, "no-such-deliverable", today()).unwrap_err(),
        Error::NotFound { .. }
    ));
}

#[test]
fn a_deliverable_not_yet_done_is_offered_as_coming() {
    let db = Db::open_in_memory().unwrap();
    person(&db, "Bo", "Platform", false);
    let (_, _, deliverable) = roadmap(&db, "Platform", DeliverableStatus::Planned);
    let offer = followups::offer_for_deliverable(&db, &deliverable, d("2026-12-01")).unwrap();
    assert!(offer.reason.contains("is coming"), "{}", offer.reason);
    assert_eq!(offer.due_on, "2026-12-08");
    assert_eq!(offer.candidates.len(), 1);
    assert!(offer.unmatched_stakeholders.is_empty());
}

#[test]
fn people_not_contacted_for_weeks_are_listed_core_users_first() {
    let db = Db::open_in_memory().unwrap();
    let zed = person(&db, "Zed", "", true); // core, never contacted
    let yan = person(&db, "Yan", "", true); // core, interviewed long ago
    person(&db, "Abe", "", false); // never contacted
    let bea = person(&db, "Bea", "", false); // interviewed long ago
    let cal = person(&db, "Cal", "", false); // follow-up done long ago
    let dan = person(&db, "Dan", "", false); // interviewed a week ago
    let eli = person(&db, "Eli", "", false); // follow-up done three days ago
    let fay = person(&db, "Fay", "", false); // archived
    let gus = person(&db, "Gus", "", false); // interviewed long ago, followed up recently
    let hal = person(&db, "Hal", "", false); // only a planned interview, far ahead
    people::set_archived(&db, &fay, true).unwrap();

    held(&db, "Onboarding", "2026-09-01", &[&yan]);
    held(&db, "Deploys", "2026-08-01", &[&bea, &gus]);
    held(&db, "Flaky tests", "2026-11-16", &[&dan]);
    interview(&db, "Someday", "2099-01-05", &[&hal]);
    let done_on = |db: &Db, who: &str, created: &str, due: &str, done: &str| {
        let f = followups::create(db, &fu(who, due), d(created)).unwrap();
        followups::complete(db, &f.id, "Talked", d(done)).unwrap();
    };
    done_on(&db, &cal, "2026-08-10", "2026-08-14", "2026-08-15");
    done_on(&db, &eli, "2026-11-18", "2026-11-19", "2026-11-20");
    done_on(&db, &gus, "2026-11-18", "2026-11-19", "2026-11-20");
    // An open follow-up is not a contact.
    followups::create(&db, &fu(&zed, TODAY), today()).unwrap();

    let weeks = settings::contact_weeks(&db).unwrap();
    assert_eq!(weeks, 6, "six weeks unless set otherwise");
    let (stale, total) =
        followups::not_contacted(&db, weeks, rapport::clock::Zone::system(), today(), 100).unwrap();
    assert_eq!(total, 6);
    type Row<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<i64>);
    let got: Vec<Row> = stale
        .iter()
        .map(|s| {
            (
                s.person.name.as_str(),
                s.last_contact.as_deref(),
                s.via.as_deref(),
                s.days_since,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Zed", None, None, None),
            ("Yan", Some("2026-09-01"), Some("interview"), Some(83)),
            ("Abe", None, None, None),
            ("Hal", None, None, None),
            ("Bea", Some("2026-08-01"), Some("interview"), Some(114)),
            ("Cal", Some("2026-08-15"), Some("follow-up"), Some(100)),
        ]
    );

    // One week: Dan, interviewed exactly seven days ago, is due again; Eli is not.
    let names = |weeks: u32| -> Vec<String> {
        followups::not_contacted(&db, weeks, rapport::clock::Zone::system(), today(), 100)
            .unwrap()
            .0
            .into_iter()
            .map(|s| s.person.name)
            .collect()
    };
    assert_eq!(names(1), ["Zed", "Yan", "Abe", "Hal", "Bea", "Cal", "Dan"]);
    // Twenty weeks: only those never contacted.
    assert_eq!(names(20), ["Zed", "Abe", "Hal"]);
    // A screen gets the first few, in the same order, and the count of all.
    let (first, total) =
        followups::not_contacted(&db, 1, rapport::clock::Zone::system(), today(), 3).unwrap();
    assert_eq!(total, 7);
    assert_eq!(
        first
            .iter()
            .map(|s| s.person.name.as_str())
            .collect::<Vec<_>>(),
        ["Zed", "Yan", "Abe"]
    );

    assert_eq!(settings::set_contact_weeks(&db, 12).unwrap(), 12);
    assert_eq!(settings::contact_weeks(&db).unwrap(), 12);
    assert_eq!(
        field_of(settings::set_contact_weeks(&db, 0).unwrap_err()),
        "contact_weeks"
    );
    assert_eq!(settings::contact_weeks(&db).unwrap(), 12);
}

#[test]
fn follow_ups_export_to_csv_with_formulas_neutralised() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana", "Platform", true);
    let bo = person(&db, "=Bo", "", false);
    let (_, _, deliverable) = roadmap(&db, "Platform", DeliverableStatus::Done);
    let iv = held(&db, "CI pain", "2026-11-16", &[&ana]);
    followups::create(
        &db,
        &FollowUpInput {
            reason: "+1 on the cache?".into(),
            deliverable_id: Some(deliverable),
            interview_id: Some(iv),
            release: "v2.1".into(),
            ..fu(&ana, "2026-11-25")
        },
        today(),
    )
    .unwrap();
    let done = followups::create(&db, &fu(&bo, TODAY), today()).unwrap();
    followups::complete(&db, &done.id, "@channel loves it", today()).unwrap();

    let mut out = Vec::new();
    let n = csv::export(
        &db,
        ListKind::FollowUps,
        &mut out,
        ExportOptions::default(),
        |_| {},
    )
    .unwrap();
    assert_eq!(n, 2);
    assert_eq!(csv::count_rows(&db, ListKind::FollowUps).unwrap(), 2);
    let text = String::from_utf8(out).unwrap();
    let mut rows = ::csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, ListKind::FollowUps.columns());
    let records: Vec<Vec<String>> = rows
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    // By due date: Bo's (today, done) before Ana's.
    let bo_row = &records[0];
    assert_eq!(bo_row[0], done.id);
    assert_eq!(bo_row[1], "'=Bo");
    assert_eq!(bo_row[2], "false");
    assert_eq!((bo_row[4].as_str(), bo_row[5].as_str()), ("", ""));
    assert_eq!((bo_row[7].as_str(), bo_row[8].as_str()), (TODAY, TODAY));
    assert_eq!(bo_row[9], "'@channel loves it");
    let ana_row = &records[1];
    assert_eq!((ana_row[1].as_str(), ana_row[2].as_str()), ("Ana", "true"));
    assert_eq!(ana_row[3], "'+1 on the cache?");
    assert_eq!(
        (
            ana_row[4].as_str(),
            ana_row[5].as_str(),
            ana_row[6].as_str()
        ),
        ("Remote cache", "CI pain", "v2.1")
    );
    assert_eq!(
        (ana_row[7].as_str(), ana_row[8].as_str()),
        ("2026-11-25", "")
    );
    assert_eq!(ana_row[9], "", "open: no outcome");
}
