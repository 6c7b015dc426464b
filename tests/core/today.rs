//! The Today dashboard: today's interviews, follow-ups due, update meetings due by cadence,
//! roadmaps in progress and the running sprint.

use crate::common::*;
use chrono::{Local, TimeZone, Utc};
use rapport::db::Db;
use rapport::followups::{self, FollowUpInput, FollowUpState};
use rapport::interviews::{self, InterviewInput};
use rapport::people::{self, PersonInput, Role};
use rapport::roadmaps::meeting::{self, UpdateStatus};
use rapport::roadmaps::{self, Cadence, Priority, RoadmapInput, RowInput};
use rapport::sprints::{self, Lane, SprintInput};
use rapport::today;

/// A Monday.
const TODAY: &str = "2026-11-23";

/// `hh:mm` on `day` in the machine's time zone, as the RFC 3339 UTC text interviews store.
fn local(day: &str, h: u32, m: u32) -> String {
    Local
        .from_local_datetime(&d(day).and_hms_opt(h, m, 0).unwrap())
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
        .to_rfc3339()
}

fn person(db: &Db, name: &str) -> String {
    let input = PersonInput {
        name: name.into(),
        team: "Platform".into(),
        role: Role::Ic,
        contact: String::new(),
        core_user: false,
        notes: String::new(),
        duplicate_ok: None,
    };
    people::create(db, &input).unwrap().id
}

fn interview(db: &Db, title: &str, at: String, who: &str) -> String {
    let input = InterviewInput {
        title: title.into(),
        topic: String::new(),
        scheduled_at: at,
        duration_minutes: 30,
        interviewee_ids: vec![who.to_owned()],
        note_taker_id: None,
        guide_id: None,
        acknowledge_mixed_roles: false,
    };
    interviews::plan(db, &input).unwrap().id
}

/// A roadmap with one row; returns (roadmap, row) ids.
fn roadmap(db: &Db, title: &str, start: &str, end: &str, cadence: Cadence) -> (String, String) {
    let r = roadmaps::create(
        db,
        &RoadmapInput {
            title: title.into(),
            starts_on: start.into(),
            ends_on: end.into(),
            cadence,
        },
    )
    .unwrap();
    let r = roadmaps::add_row(
        db,
        &r.id,
        &RowInput {
            project: "Build cache".into(),
            stakeholders: "Platform".into(),
            goal_what: "Engineers get CI feedback in minutes".into(),
            goal_why: "so they ship small changes often".into(),
            priority: Priority::High,
        },
    )
    .unwrap();
    let row = r.rows[0].id.clone();
    (r.id, row)
}

fn fu(person_id: &str, due: &str) -> FollowUpInput {
    FollowUpInput {
        person_id: person_id.into(),
        reason: "Ask how it went".into(),
        due_on: due.into(),
        deliverable_id: None,
        interview_id: None,
        release: String::new(),
    }
}

#[test]
fn an_empty_workspace_has_nothing_today() {
    let dir = tempfile::tempdir().unwrap();
    let db = rapport::open_workspace(&dir.path().join("w.db")).unwrap();
    let t = today::dashboard(&db, rapport::clock::Zone::system(), d(TODAY)).unwrap();
    assert_eq!(t.date, TODAY);
    assert!(t.interviews.is_empty());
    assert!(t.followups.is_empty());
    assert!(t.meetings.is_empty());
    assert!(t.roadmaps.is_empty());
    assert_eq!(t.sprint, None);
}

#[test]
fn only_interviews_on_the_local_day_are_listed_earliest_first() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana");
    let noon = interview(&db, "Noon", local(TODAY, 12, 0), &ana);
    let late = interview(&db, "Late", local(TODAY, 23, 30), &ana);
    let early = interview(&db, "Early", local(TODAY, 0, 15), &ana);
    interview(&db, "Yesterday", local("2026-11-22", 23, 45), &ana);
    interview(&db, "Tomorrow", local("2026-11-24", 0, 30), &ana);
    interview(&db, "Next week", local("2026-11-30", 12, 0), &ana);

    let t = today::dashboard(&db, rapport::clock::Zone::system(), d(TODAY)).unwrap();
    assert_eq!(
        t.interviews
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>(),
        [early.as_str(), noon.as_str(), late.as_str()]
    );
    assert_eq!(t.interviews[0].title, "Early");
    assert_eq!(t.interviews[0].interviewees[0].name, "Ana");

    let tomorrow = today::dashboard(&db, rapport::clock::Zone::system(), d("2026-11-24")).unwrap();
    assert_eq!(
        tomorrow
            .interviews
            .iter()
            .map(|i| i.title.as_str())
            .collect::<Vec<_>>(),
        ["Tomorrow"]
    );
    assert!(
        today::dashboard(&db, rapport::clock::Zone::system(), d("2026-11-26"))
            .unwrap()
            .interviews
            .is_empty()
    );
}

#[test]
fn follow_ups_due_or_overdue_are_listed_most_overdue_first() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana");
    let bo = person(&db, "Bo");
    let cy = person(&db, "Cy");
    let dee = person(&db, "Dee");
    let created = d("2026-11-16");
    let due_today = followups::create(&db, &fu(&ana, TODAY), created).unwrap();
    let week_late = followups::create(&db, &fu(&bo, "2026-11-16"), created).unwrap();
    let day_late = followups::create(&db, &fu(&cy, "2026-11-22"), created).unwrap();
    followups::create(&db, &fu(&dee, "2026-11-24"), created).unwrap();
    let done = followups::create(&db, &fu(&dee, "2026-11-20"), created).unwrap();
    followups::complete(&db, &done.id, "Talked", d("2026-11-21")).unwrap();

    let t = today::dashboard(&db, rapport::clock::Zone::system(), d(TODAY)).unwrap();
    assert_eq!(
        t.followups
            .iter()
            .map(|f| f.id.as_str())
            .collect::<Vec<_>>(),
        [
            week_late.id.as_str(),
            day_late.id.as_str(),
            due_today.id.as_str()
        ]
    );
    assert_eq!(
        t.followups
            .iter()
            .map(|f| (f.state, f.days_overdue))
            .collect::<Vec<_>>(),
        [
            (FollowUpState::Overdue, 7),
            (FollowUpState::Overdue, 1),
            (FollowUpState::DueToday, 0)
        ]
    );
}

#[test]
fn update_meetings_fall_due_by_cadence_and_roadmaps_count_days_left() {
    let db = Db::open_in_memory().unwrap();
    let today_ = d(TODAY);
    // Weekly, started a week ago, no meeting yet: due today.
    let (fresh, fresh_row) = roadmap(&db, "Fresh", "2026-11-16", "", Cadence::Weekly);
    // Weekly, last meeting two weeks ago: a week overdue.
    let (late, late_row) = roadmap(&db, "Late", "2026-11-02", "", Cadence::Weekly);
    meeting::record(&db, &late_row, UpdateStatus::OnTrack, "", d("2026-11-09")).unwrap();
    // Every two weeks, started a week ago: not due yet.
    let (slow, _) = roadmap(&db, "Slow", "2026-11-16", "2026-12-31", Cadence::Biweekly);
    // Over, and not started: neither is listed.
    roadmap(&db, "Past", "2026-09-01", "2026-10-13", Cadence::Weekly);
    roadmap(&db, "Future", "2026-12-07", "", Cadence::Weekly);

    let t = today::dashboard(&db, rapport::clock::Zone::system(), today_).unwrap();
    let meetings: Vec<(&str, &str, &str, i64)> = t
        .meetings
        .iter()
        .map(|m| {
            (
                m.roadmap_id.as_str(),
                m.title.as_str(),
                m.due_on.as_str(),
                m.days_overdue,
            )
        })
        .collect();
    assert_eq!(
        meetings,
        [
            (late.as_str(), "Late", "2026-11-16", 7),
            (fresh.as_str(), "Fresh", "2026-11-23", 0)
        ]
    );
    let left: Vec<(&str, &str, i64, Option<&str>)> = t
        .roadmaps
        .iter()
        .map(|r| {
            (
                r.roadmap_id.as_str(),
                r.ends_on.as_str(),
                r.days_left,
                r.next_meeting.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        left,
        [
            (late.as_str(), "2026-12-14", 21, Some("2026-11-16")),
            (fresh.as_str(), "2026-12-28", 35, Some("2026-11-23")),
            (slow.as_str(), "2026-12-31", 38, Some("2026-11-30")),
        ]
    );

    // Holding today's meeting clears it until next week.
    meeting::record(&db, &fresh_row, UpdateStatus::AtRisk, "CI runners", today_).unwrap();
    let t = today::dashboard(&db, rapport::clock::Zone::system(), today_).unwrap();
    assert_eq!(
        t.meetings
            .iter()
            .map(|m| m.title.as_str())
            .collect::<Vec<_>>(),
        ["Late"]
    );
    let fresh_left = t.roadmaps.iter().find(|r| r.roadmap_id == fresh).unwrap();
    assert_eq!(fresh_left.next_meeting.as_deref(), Some("2026-11-30"));

    // On the last day of an interval it still counts, with 0 days left.
    let last = today::dashboard(&db, rapport::clock::Zone::system(), d("2026-12-14")).unwrap();
    let l = last.roadmaps.iter().find(|r| r.roadmap_id == late).unwrap();
    assert_eq!(l.days_left, 0);
}

#[test]
fn the_running_sprint_shows_its_day_and_cards() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana");
    let mon = d(TODAY);
    let s = sprints::create(
        &db,
        &SprintInput {
            focus: "Deploy preview in one click".into(),
            starts_on: TODAY.into(),
            ends_on: String::new(),
            card_limit: 5,
            core_user_ids: vec![ana],
        },
        mon,
    )
    .unwrap();
    for t in ["A", "B", "C"] {
        sprints::board::add_card(&db, &s.id, t, false, mon).unwrap();
    }
    let a = sprints::get(&db, &s.id, mon).unwrap().cards[0].id.clone();
    sprints::board::move_card(&db, &a, Lane::Done, 0, d("2026-11-24")).unwrap();

    let t = today::dashboard(&db, rapport::clock::Zone::system(), d("2026-11-25")).unwrap();
    let sp = t.sprint.expect("a sprint runs on Wednesday");
    assert_eq!(sp.sprint_id, s.id);
    assert_eq!(sp.focus, "Deploy preview in one click");
    assert_eq!((sp.day.day, sp.day.of, sp.day.working), (3, 5, true));
    assert_eq!((sp.cards_done, sp.cards_total), (1, 3));

    assert_eq!(
        today::dashboard(&db, rapport::clock::Zone::system(), d("2026-11-27"))
            .unwrap()
            .sprint
            .unwrap()
            .day
            .day,
        5
    );
    assert_eq!(
        today::dashboard(&db, rapport::clock::Zone::system(), d("2026-11-28"))
            .unwrap()
            .sprint,
        None
    );
    assert_eq!(
        today::dashboard(&db, rapport::clock::Zone::system(), d("2026-11-20"))
            .unwrap()
            .sprint,
        None
    );
}
