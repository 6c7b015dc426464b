//! The desktop features over a real workspace: the page per person, calendar files built from
//! interviews and roadmaps (checked by Python's own iCalendar stack when it is installed), and
//! reminders taken once.

use std::path::Path;
use std::process::Command;

use crate::common::*;
use chrono::{DateTime, NaiveTime, Utc};
use icalendar::{Calendar, CalendarComponent, Component, EventLike};
use rapport::clock::Zone;
use rapport::db::Db;
use rapport::desktop::{self, reminders::ReminderSettings};
use rapport::findings::{self, FindingInput, FindingStatus};
use rapport::followups::{self, FollowUpInput, FollowUpState};
use rapport::interviews::notes::{self, NoteInput};
use rapport::interviews::{self, InterviewInput, InterviewStatus};
use rapport::people::{self, profile, PersonInput, Role};
use rapport::roadmaps::{self, Cadence, Priority, RoadmapInput, RowInput};

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn with_contact(db: &Db, name: &str, contact: &str, role: Role) -> String {
    people::create(
        db,
        &PersonInput {
            contact: contact.into(),
            ..person_input(name, "Platform", role)
        },
    )
    .unwrap()
    .id
}

fn roadmap(
    db: &Db,
    title: &str,
    starts: &str,
    ends: &str,
    cadence: Cadence,
    stakeholders: &[&str],
) -> String {
    let r = roadmaps::create(
        db,
        &RoadmapInput {
            title: title.into(),
            starts_on: starts.into(),
            ends_on: ends.into(),
            cadence,
        },
    )
    .unwrap();
    for (n, s) in stakeholders.iter().enumerate() {
        roadmaps::add_row(
            db,
            &r.id,
            &RowInput {
                project: format!("Project {n}"),
                stakeholders: (*s).into(),
                goal_what: "Engineers get CI feedback in minutes".into(),
                goal_why: "so they ship small changes often".into(),
                priority: Priority::High,
            },
        )
        .unwrap();
    }
    r.id
}

fn follow_up(db: &Db, person: &str, reason: &str, due: &str, today: &str) -> String {
    followups::create(
        db,
        &FollowUpInput {
            person_id: person.into(),
            reason: reason.into(),
            due_on: due.into(),
            deliverable_id: None,
            interview_id: None,
            release: String::new(),
        },
        d(today),
    )
    .unwrap()
    .id
}

#[test]
fn a_person_page_gathers_everything_in_bounded_sections() {
    let db = Db::open_in_memory().unwrap();
    let ana = with_contact(&db, "Ana Lima", "ana@example.com", Role::Ic);
    let bo = person(&db, "Bo Chen", "Checkout", Role::Ic);
    let cy = person(&db, "Cy Díaz", "SRE", Role::Ic);
    let anabel = person(&db, "Anabel", "Checkout", Role::Ic);

    // Held with Ana and Bo, Cy taking notes; one quote of Ana's backs a finding.
    let held = interviews::plan(
        &db,
        &InterviewInput {
            note_taker_id: Some(cy.clone()),
            ..interview_input("Deploy pipeline", "2026-11-10T14:00:00Z", &[&ana, &bo])
        },
    )
    .unwrap()
    .id;
    interviews::start(&db, &held).unwrap();
    let quote = notes::add(
        &db,
        &held,
        &NoteInput {
            text: "I wait twenty minutes for CI every time.".into(),
            is_quote: true,
            speaker_id: Some(ana.clone()),
        },
    )
    .unwrap()
    .id;
    notes::add(
        &db,
        &held,
        &NoteInput {
            text: "Bo retries flaky jobs by hand.".into(),
            is_quote: true,
            speaker_id: Some(bo.clone()),
        },
    )
    .unwrap();
    interviews::finish(&db, &held).unwrap();
    findings::create(
        &db,
        &FindingInput {
            title: "CI is slow enough to change how people work".into(),
            detail: String::new(),
            recommendation: String::new(),
            status: FindingStatus::Open,
            tags: vec![],
            evidence_note_ids: vec![quote.clone()],
            row_ids: vec![],
        },
    )
    .unwrap();
    let planned = interview(&db, "Rollbacks", "2026-12-01T14:00:00Z", &[&ana]);

    // 25 open follow-ups with Ana, one done; a row naming her, one naming Anabel only.
    for n in 0..25 {
        follow_up(
            &db,
            &ana,
            &format!("Check in {n:02}"),
            &format!("2026-12-{:02}", n + 1),
            "2026-11-23",
        );
    }
    let done = follow_up(&db, &ana, "Ask about the cache", "2026-11-23", "2026-11-23");
    followups::complete(&db, &done, "Loves it", d("2026-11-23")).unwrap();
    roadmap(
        &db,
        "New CI",
        "2026-11-02",
        "",
        Cadence::Weekly,
        &["ana lima & Platform", "Anabel, Bo Chen"],
    );

    let zone = Zone::named("Europe/Berlin").unwrap();
    let p = profile::profile(&db, &ana, false, zone, d("2026-11-24")).unwrap();
    assert_eq!(p.person.name, "Ana Lima");
    assert_eq!(p.person.contact, "ana@example.com");
    assert_eq!(p.interviews_total, 2);
    assert_eq!(
        p.interviews
            .iter()
            .map(|i| (i.id.as_str(), i.status, i.note_taker))
            .collect::<Vec<_>>(),
        [
            (planned.as_str(), InterviewStatus::Planned, false),
            (held.as_str(), InterviewStatus::Done, false)
        ]
    );
    assert_eq!(p.quotes_total, 1, "only her own quotes");
    assert_eq!(p.quotes[0].id, quote);
    assert_eq!(p.quotes[0].interview_title, "Deploy pipeline");
    assert_eq!(p.quotes[0].findings.len(), 1);
    assert_eq!(
        p.quotes[0].findings[0].title,
        "CI is slow enough to change how people work"
    );
    assert_eq!(p.followups_open_total, 25);
    assert_eq!(
        p.followups_open.len() as i64,
        profile::SECTION_LIMIT,
        "bounded"
    );
    assert_eq!(p.followups_open[0].reason, "Check in 00");
    assert_eq!(p.followups_open[0].state, FollowUpState::Upcoming);
    assert_eq!(p.followups_done_total, 1);
    assert_eq!(p.followups_done[0].outcome, "Loves it");
    assert_eq!(p.roadmap_rows.len(), 1);
    assert_eq!(p.roadmap_rows[0].project, "Project 0");
    // Contact: the follow-up done on the 23rd is later than the interview on the 10th.
    assert_eq!(p.contact.last_contact.as_deref(), Some("2026-11-23"));
    assert_eq!(p.contact.via.as_deref(), Some("follow-up"));
    assert_eq!(p.contact.days_since, Some(1));
    assert!(!p.contact.stale);

    let all = profile::profile(&db, &ana, true, zone, d("2026-11-24")).unwrap();
    assert_eq!(all.followups_open.len(), 25, "show all");

    // Cy only took notes; never contacted by the rule (note-takers are not interviewed).
    let c = profile::profile(&db, &cy, false, zone, d("2026-11-24")).unwrap();
    assert_eq!(c.interviews.len(), 1);
    assert!(c.interviews[0].note_taker);
    assert!(c.contact.stale);
    assert_eq!(c.contact.last_contact, None);

    let a = profile::profile(&db, &anabel, false, zone, d("2026-11-24")).unwrap();
    assert_eq!(a.roadmap_rows.len(), 1);
    assert_eq!(a.roadmap_rows[0].project, "Project 1");
    assert!(a.quotes.is_empty() && a.interviews.is_empty());

    assert_eq!(
        profile::profile(&db, "nope", false, zone, d("2026-11-24"))
            .unwrap_err()
            .code(),
        "not_found"
    );
}

fn parse(ics: &str) -> Calendar {
    ics.parse::<Calendar>()
        .expect("icalendar parses the export")
}

fn only_event(cal: &Calendar) -> icalendar::Event {
    let events: Vec<_> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(events.len(), 1);
    events.into_iter().next().unwrap()
}

/// Writes NAME.ics and NAME.expect.json for check_ics.py.
fn write_case(dir: &Path, name: &str, ics: &str, tz: &str, occurrences: &[(&str, &str)]) {
    std::fs::write(dir.join(format!("{name}.ics")), ics).unwrap();
    let expect = serde_json::json!({
        "tz": tz,
        "occurrences": occurrences.iter().map(|(l, u)| [l, u]).collect::<Vec<_>>(),
    });
    std::fs::write(dir.join(format!("{name}.expect.json")), expect.to_string()).unwrap();
}

/// A Python that can run check_ics.py (the system one on Debian, with python3-icalendar and
/// python3-recurring-ical-events), or `None`.
fn python_with_icalendar() -> Option<&'static str> {
    ["python3", "/usr/bin/python3"].into_iter().find(|py| {
        Command::new(py)
            .args(["-c", "import icalendar, recurring_ical_events"])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn calendar_files_from_the_workspace_hold_in_far_time_zones() {
    let db = Db::open_in_memory().unwrap();
    let ana = with_contact(&db, "Ana Lima", "Ana <ana@example.com>", Role::Ic);
    let bo = with_contact(&db, "Bo Chen", "@bo on Slack", Role::Ic);
    let cy = with_contact(&db, "Cy Díaz", "cy@example.org", Role::Ic);
    let guide = rapport::questions::guides::create(
        &db,
        &rapport::questions::guides::GuideInput {
            title: "Deploys".into(),
            goal: String::new(),
        },
    )
    .unwrap();
    rapport::questions::seed_starter(&db).unwrap();
    let q = rapport::questions::list(&db, &Default::default())
        .unwrap()
        .items;
    for question in &q[..2] {
        rapport::questions::guides::add_question(&db, &guide.id, &question.id, 5).unwrap();
    }
    let plan = |title: &str, at: &str| {
        interviews::plan(
            &db,
            &InterviewInput {
                note_taker_id: Some(cy.clone()),
                guide_id: Some(guide.id.clone()),
                duration_minutes: 45,
                ..interview_input(title, at, &[&ana, &bo])
            },
        )
        .unwrap()
        .id
    };
    let now = Utc::now();
    let dir = tempfile::tempdir().unwrap();

    // Kiritimati (UTC+14): 09:00 on 1 January 2026 is still 2025 in UTC.
    let kiritimati = plan("New year, new CI", "2025-12-31T19:00:00Z");
    let file = desktop::interview_ics(
        &db,
        &kiritimati,
        Zone::named("Pacific/Kiritimati").unwrap(),
        now,
    )
    .unwrap();
    assert_eq!(file.file_name, "interview-2026-01-01-new-year-new-ci.ics");
    assert!(file
        .text
        .contains("DTSTART;TZID=Pacific/Kiritimati:20260101T090000\r\n"));
    let e = only_event(&parse(&file.text));
    assert_eq!(e.get_summary(), Some("New year, new CI"));
    assert_eq!(
        e.get_uid(),
        Some(format!("{kiritimati}@rapport.app").as_str())
    );
    let description = e.get_description().unwrap();
    assert!(
        description.contains(&format!("Questions:\n1. {}\n2. {}", q[0].text, q[1].text)),
        "{description}"
    );
    assert!(
        description.contains("Interviewees: Ana Lima, Bo Chen (@bo on Slack)"),
        "{description}"
    );
    assert!(description.contains("Note-taker: Cy Díaz"), "{description}");
    let attendees = &e.multi_properties()["ATTENDEE"];
    assert_eq!(
        attendees.iter().map(|a| a.value()).collect::<Vec<_>>(),
        ["mailto:ana@example.com", "mailto:cy@example.org"],
        "only emails become attendees"
    );
    assert_eq!(attendees[1].params()["ROLE"].value(), "OPT-PARTICIPANT");
    write_case(
        dir.path(),
        "kiritimati",
        &file.text,
        "Pacific/Kiritimati",
        &[("2026-01-01T09:00:00", "2025-12-31T19:00:00Z")],
    );

    // Kathmandu (UTC+5:45): 10:00 is 04:15 UTC.
    let kathmandu = plan("Quarter-hour zone", "2026-06-15T04:15:00Z");
    let file = desktop::interview_ics(&db, &kathmandu, Zone::named("Asia/Kathmandu").unwrap(), now)
        .unwrap();
    assert!(file
        .text
        .contains("DTSTART;TZID=Asia/Kathmandu:20260615T100000\r\n"));
    assert!(file
        .text
        .contains("DTEND;TZID=Asia/Kathmandu:20260615T104500\r\n"));
    write_case(
        dir.path(),
        "kathmandu",
        &file.text,
        "Asia/Kathmandu",
        &[("2026-06-15T10:00:00", "2026-06-15T04:15:00Z")],
    );

    // St John's (UTC−3:30, −2:30 in summer): 09:00 NDT is 11:30 UTC.
    let st_johns = plan("Half-hour zone", "2026-07-01T11:30:00Z");
    let tz = Zone::named("America/St_Johns").unwrap();
    let file = desktop::interview_ics(&db, &st_johns, tz, now).unwrap();
    assert!(file
        .text
        .contains("DTSTART;TZID=America/St_Johns:20260701T090000\r\n"));
    write_case(
        dir.path(),
        "st-johns-interview",
        &file.text,
        "America/St_Johns",
        &[("2026-07-01T09:00:00", "2026-07-01T11:30:00Z")],
    );

    // A weekly series across St John's spring change (8 March 2026): 10:00 local throughout,
    // from one week after the start to the stop date.
    let r = roadmap(
        &db,
        "New CI",
        "2026-02-23",
        "2026-03-23",
        Cadence::Weekly,
        &[],
    );
    let file = desktop::meetings_ics(&db, &r, tz, now).unwrap();
    assert_eq!(file.file_name, "update-meetings-2026-03-02-new-ci.ics");
    assert!(file
        .text
        .contains("DTSTART;TZID=America/St_Johns:20260302T100000\r\n"));
    assert!(file
        .text
        .contains("RRULE:FREQ=WEEKLY;INTERVAL=1;UNTIL=20260324T022959Z\r\n"));
    let e = only_event(&parse(&file.text));
    assert_eq!(e.get_summary(), Some("New CI: roadmap update meeting"));
    let dates = e.get_recurrence().unwrap().all(100).dates;
    assert_eq!(
        dates
            .iter()
            .map(|t| t.with_timezone(&Utc))
            .collect::<Vec<_>>(),
        [
            utc("2026-03-02T13:30:00Z"),
            utc("2026-03-09T12:30:00Z"),
            utc("2026-03-16T12:30:00Z"),
            utc("2026-03-23T12:30:00Z")
        ]
    );
    write_case(
        dir.path(),
        "st-johns-weekly",
        &file.text,
        "America/St_Johns",
        &[
            ("2026-03-02T10:00:00", "2026-03-02T13:30:00Z"),
            ("2026-03-09T10:00:00", "2026-03-09T12:30:00Z"),
            ("2026-03-16T10:00:00", "2026-03-16T12:30:00Z"),
            ("2026-03-23T10:00:00", "2026-03-23T12:30:00Z"),
        ],
    );

    // Bi-weekly in Kiritimati: the stop date is not a meeting day, so the last is before it.
    let r = roadmap(
        &db,
        "Kiritimati CI",
        "2026-01-05",
        "2026-02-10",
        Cadence::Biweekly,
        &[],
    );
    let file =
        desktop::meetings_ics(&db, &r, Zone::named("Pacific/Kiritimati").unwrap(), now).unwrap();
    write_case(
        dir.path(),
        "kiritimati-biweekly",
        &file.text,
        "Pacific/Kiritimati",
        &[
            ("2026-01-19T10:00:00", "2026-01-18T20:00:00Z"),
            ("2026-02-02T10:00:00", "2026-02-01T20:00:00Z"),
        ],
    );

    // An interval shorter than one cadence has no meeting to put in a calendar.
    let short = roadmap(
        &db,
        "Short",
        "2026-01-05",
        "2026-01-10",
        Cadence::Weekly,
        &[],
    );
    assert_eq!(
        field_of(desktop::meetings_ics(&db, &short, tz, now).unwrap_err()),
        "cadence"
    );
    assert_eq!(
        desktop::interview_ics(&db, "nope", tz, now)
            .unwrap_err()
            .code(),
        "not_found"
    );

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/core/ics/check_ics.py");
    let Some(python) = python_with_icalendar() else {
        external_missing("python3 with icalendar and recurring_ical_events");
        return;
    };
    let out = Command::new(python)
        .arg(&script)
        .arg(dir.path())
        .output()
        .unwrap();
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{report}");
    assert!(report.contains("5 passed, 0 failed"), "{report}");
}

#[test]
fn reminders_come_from_the_workspace_once() {
    let db = Db::open_in_memory().unwrap();
    let zone = Zone::named("Asia/Kathmandu").unwrap();
    let ana = person(&db, "Ana Lima", "Platform", Role::Ic);
    let f = follow_up(&db, &ana, "Ask about the cache", "2026-03-05", "2026-03-01");
    let i = interview(&db, "Deploys", "2026-03-05T08:00:00Z", &[&ana]);
    roadmap(&db, "New CI", "2026-02-26", "", Cadence::Weekly, &[]);

    assert_eq!(
        desktop::reminder_settings(&db).unwrap(),
        ReminderSettings::default()
    );
    let bad = ReminderSettings {
        morning: NaiveTime::from_hms_opt(23, 0, 0).unwrap(),
        ..ReminderSettings::default()
    };
    assert_eq!(
        field_of(desktop::save_reminder_settings(&db, &bad).unwrap_err()),
        "morning"
    );

    // 09:00 in Kathmandu is 03:15 UTC: the follow-up and the meeting (one week after the start).
    let r = desktop::take_due(
        &db,
        zone,
        utc("2026-03-05T03:15:30Z"),
        Some(utc("2026-03-05T03:14:30Z")),
    )
    .unwrap();
    let targets: Vec<&str> = r.iter().map(|x| x.target.as_str()).collect();
    assert_eq!(r.len(), 2, "{r:?}");
    assert!(targets.contains(&format!("#/followups/{f}").as_str()));
    assert!(r.iter().any(|x| x.title == "Update meeting today: New CI"));
    // Taken once: the same window again gives nothing.
    let again = desktop::take_due(
        &db,
        zone,
        utc("2026-03-05T03:15:30Z"),
        Some(utc("2026-03-05T03:14:30Z")),
    )
    .unwrap();
    assert!(again.is_empty(), "{again:?}");
    // The interview 10 minutes before its start.
    let r = desktop::take_due(
        &db,
        zone,
        utc("2026-03-05T07:50:10Z"),
        Some(utc("2026-03-05T07:49:10Z")),
    )
    .unwrap();
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].target, format!("#/interviews/{i}"));
    assert_eq!(r[0].body, "Starts at 13:45, in 10 minutes");

    // Switched off: nothing.
    let off = ReminderSettings {
        enabled: false,
        ..ReminderSettings::default()
    };
    desktop::save_reminder_settings(&db, &off).unwrap();
    let f2 = follow_up(&db, &ana, "Again", "2026-03-06", "2026-03-01");
    assert!(desktop::take_due(
        &db,
        zone,
        utc("2026-03-06T03:15:30Z"),
        Some(utc("2026-03-06T03:14:30Z"))
    )
    .unwrap()
    .is_empty());
    assert!(!f2.is_empty());
}
