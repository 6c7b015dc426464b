//! Reliability: services and SLOs with their rules, budget figures from stored readings, the
//! workbook's alerts, the budget policy on the roadmap and its append-only decision log,
//! readings CSV, postmortems with blame flags, action items closed through roadmap
//! deliverables, the closure rate, toil shares, OpenSLO round trips, search, reports and CSV.

use chrono::{DateTime, Duration, Utc};
use rapport::csv::{self, ImportOptions, ListKind};
use rapport::db::Db;
use rapport::people::Role;
use rapport::reliability::actions::{
    self, ActionItemFilter, ActionItemInput, ItemKind, ItemPriority, ItemStatus,
};
use rapport::reliability::objectives::{self, MethodKind, ReadingInput, SloInput};
use rapport::reliability::openslo_io;
use rapport::reliability::postmortems::{
    self, IncidentSeverity, PostmortemInput, PostmortemStatus, TimelineEntry,
};
use rapport::reliability::services::{
    self, DecisionInput, DecisionKind, PolicyInput, ServiceInput,
};
use rapport::reliability::slos::PolicyState;
use rapport::reliability::toil::{self, Frequency, ToilInput, ToilTraits};
use rapport::roadmaps::{
    self, Cadence, DeliverableInput, DeliverableStatus, Priority, RoadmapInput, RowInput, RowKind,
};
use rapport::Error;

use crate::common::*;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// Now, to the second: readings are stored to the second, so a window ending at `now` holds
/// whole readings.
fn now_s() -> DateTime<Utc> {
    use chrono::Timelike;
    let n = Utc::now();
    n.with_nanosecond(0).unwrap_or(n)
}

fn service(db: &Db, name: &str) -> String {
    services::create(
        db,
        &ServiceInput {
            name: name.into(),
            display_name: String::new(),
            description: "Builds and tests every commit".into(),
            owner_id: None,
            user_groups: vec!["Backend engineers".into()],
        },
        Utc::now(),
    )
    .unwrap()
    .id
}

fn slo_input(service_id: &str, name: &str, target: &str, window: &str) -> SloInput {
    SloInput {
        service_id: service_id.into(),
        name: name.into(),
        display_name: String::new(),
        journey: "Engineers get a CI result within 10 minutes of pushing".into(),
        persona: "Engineers merging to main".into(),
        target: target.into(),
        window: window.into(),
        time_zone: String::new(),
        method: MethodKind::Occurrences,
        slice_minutes: String::new(),
        slice_target: String::new(),
        people_ids: vec![],
        finding_ids: vec![],
        note_ids: vec![],
    }
}

fn reading(start: DateTime<Utc>, end: DateTime<Utc>, good: i64, total: i64) -> ReadingInput {
    ReadingInput {
        start: start.to_rfc3339(),
        end: end.to_rfc3339(),
        good,
        total,
        bad_minutes: None,
    }
}

/// Thirty daily readings ending at `now`: 1,000,000 events with `bad` bad ones on day 10.
fn million(db: &Db, slo: &str, now: DateTime<Utc>, bad: i64) {
    for d in 0..30 {
        let start = now - Duration::days(30 - d);
        let total = if d == 0 {
            1_000_000 - 29 * 33_333
        } else {
            33_333
        };
        let b = if d == 10 { bad } else { 0 };
        objectives::reading_add(
            db,
            slo,
            &reading(start, start + Duration::days(1), total - b, total),
        )
        .unwrap();
    }
}

#[test]
fn every_slo_rule_is_refused_at_its_field() {
    let db = Db::open_in_memory().unwrap();
    let svc = service(&db, "ci");
    let ok = slo_input(&svc, "ci-results", "99.9%", "30d");
    let slo = objectives::create(&db, &ok).unwrap();
    assert_eq!(slo.spec.target, 0.999, "99.9% entered as a percent");
    assert_eq!(slo.form.target, "99.9%");
    assert_eq!(slo.form.window, "30d");
    let cases: Vec<(SloInput, &str)> = vec![
        (slo_input(&svc, "CI Results", "99.9", "30d"), "name"),
        (slo_input(&svc, &"a".repeat(64), "99.9", "30d"), "name"),
        (slo_input(&svc, "ci-results", "99.9", "30d"), "name"),
        (
            SloInput {
                journey: " ".into(),
                ..slo_input(&svc, "x", "99.9", "30d")
            },
            "journey",
        ),
        (slo_input(&svc, "x", "100%", "30d"), "target"),
        (slo_input(&svc, "x", "0", "30d"), "target"),
        (slo_input(&svc, "x", "150", "30d"), "target"),
        (slo_input(&svc, "x", "99.9", "0d"), "window"),
        (slo_input(&svc, "x", "99.9", "fortnight"), "window"),
        (slo_input(&svc, "x", "99.9", "month"), "time_zone"),
        (
            SloInput {
                time_zone: "Mars/Olympus".into(),
                ..slo_input(&svc, "x", "99.9", "quarter")
            },
            "time_zone",
        ),
        (
            SloInput {
                method: MethodKind::Timeslices,
                slice_minutes: "0".into(),
                slice_target: "95%".into(),
                ..slo_input(&svc, "x", "99.9", "28d")
            },
            "slice_minutes",
        ),
        (
            SloInput {
                method: MethodKind::Timeslices,
                slice_minutes: "5".into(),
                slice_target: "120%".into(),
                ..slo_input(&svc, "x", "99.9", "28d")
            },
            "slice_target",
        ),
        (slo_input("nope", "x", "99.9", "28d"), "service_id"),
        (
            SloInput {
                people_ids: vec!["nobody".into()],
                ..slo_input(&svc, "x", "99.9", "28d")
            },
            "people_ids",
        ),
    ];
    for (input, field) in cases {
        let e = objectives::create(&db, &input).unwrap_err();
        assert_eq!(field_of(e), field, "{input:?}");
    }
    assert_eq!(count(&db, "slos"), 1, "nothing half-written");
    // A calendar window in a far zone, and timeslices with their slice.
    let cal = objectives::create(
        &db,
        &SloInput {
            time_zone: "Pacific/Kiritimati".into(),
            method: MethodKind::Timeslices,
            slice_minutes: "5m".into(),
            slice_target: "95%".into(),
            ..slo_input(&svc, "ci-uptime", "99.5", "month")
        },
    )
    .unwrap();
    assert_eq!(cal.form.window, "month");
    assert_eq!(cal.form.slice_minutes, "5");
    assert_eq!(cal.form.slice_target, "95%");
}

#[test]
fn an_slo_without_user_evidence_gets_a_gentle_warning() {
    let db = Db::open_in_memory().unwrap();
    let svc = service(&db, "ci");
    let slo = objectives::create(&db, &slo_input(&svc, "ci-results", "99.9", "28d")).unwrap();
    assert!(slo
        .evidence_warning
        .as_deref()
        .unwrap()
        .starts_with("No user evidence yet"));
    let ana = person(&db, "Ana", "Payments", Role::Ic);
    let iv = interview(&db, "CI pain", "2026-11-02T10:00:00Z", &[ana.as_str()]);
    let note = rapport::interviews::notes::add(
        &db,
        &iv,
        &rapport::interviews::notes::NoteInput {
            text: "I wait 40 minutes for CI and lose my flow".into(),
            is_quote: true,
            speaker_id: Some(ana.clone()),
        },
    )
    .unwrap();
    let cited = objectives::update(
        &db,
        &slo.id,
        slo.version,
        &SloInput {
            people_ids: vec![ana.clone()],
            note_ids: vec![note.id.clone()],
            ..slo.form.clone()
        },
    )
    .unwrap();
    assert_eq!(cited.evidence_warning, None);
    assert_eq!(cited.evidence.people[0].name, "Ana");
    assert_eq!(cited.evidence.notes[0].speaker.as_deref(), Some("Ana"));
    // A stale edit is refused with what is stored now.
    let e = objectives::update(&db, &slo.id, slo.version, &slo.form).unwrap_err();
    assert!(matches!(e, Error::Conflict { .. }), "{e:?}");
}

#[test]
fn budget_figures_from_stored_readings_are_exact() {
    let db = Db::open_in_memory().unwrap();
    let svc = service(&db, "ci");
    let slo = objectives::create(&db, &slo_input(&svc, "ci-results", "99.9%", "30d")).unwrap();
    let now = at("2026-06-30T00:00:00Z");
    million(&db, &slo.id, now, 600);
    let v = objectives::view(&db, &slo.id, now).unwrap();
    let s = &v.status;
    assert_eq!(s.budget, 0.001);
    assert_eq!(
        s.minutes_allowed, 43.2,
        "99.9% over 30 days is 43.2 minutes"
    );
    assert_eq!(s.events_total, 1_000_000.0);
    assert_eq!(s.events_bad, 600.0);
    assert_eq!(s.events_allowed, 1_000.0);
    assert_eq!(s.consumed, 0.6, "600 bad of 1M at 99.9% uses 60%");
    assert_eq!(s.remaining, 0.4);
    assert_eq!(s.burn_rate, Some(0.6));
    assert_eq!(s.attainment, Some(0.9994));
    assert_eq!(v.state, PolicyState::Watch, "40% left is at or below 50%");
    assert_eq!(
        v.allowance,
        "1,000 bad events of the 1,000,000 seen in the window; at this error budget that is \
         43.2 bad minutes of a 30-day window"
    );
    assert_eq!(v.burndown.len(), 30);
    assert_eq!(v.burndown[9].remaining, 1.0);
    assert_eq!(v.burndown[10].remaining, 0.4);
    assert_eq!(v.burn_rates.len(), 30);
    assert_eq!(v.burn_rates[10].rate, 18.0001800018, "600 ÷ 33,333 ÷ 0.001");
    assert_eq!(v.burn_rates[9].rate, 0.0);
    assert_eq!(v.readings_total, 30);
    // The summary and CLI figures agree.
    let sum = &objectives::summaries(&db, None, now).unwrap()[0];
    assert_eq!(
        (sum.consumed, sum.remaining, sum.burn_rate),
        (0.6, 0.4, Some(0.6))
    );
    assert_eq!(sum.firing, Vec::<String>::new());
}

#[test]
fn projected_exhaustion_and_time_based_minutes() {
    let db = Db::open_in_memory().unwrap();
    let svc = service(&db, "ci");
    let slo = objectives::create(
        &db,
        &SloInput {
            method: MethodKind::Timeslices,
            slice_minutes: "1".into(),
            slice_target: "0.95".into(),
            ..slo_input(&svc, "ci-up", "99.9", "30d")
        },
    )
    .unwrap();
    let now = at("2026-06-30T00:00:00Z");
    for d in 0..30 {
        let start = now - Duration::days(30 - d);
        objectives::reading_add(
            &db,
            &slo.id,
            &ReadingInput {
                bad_minutes: Some(if d == 29 { 21.6 } else { 0.0 }),
                ..reading(start, start + Duration::days(1), 1000, 1000)
            },
        )
        .unwrap();
    }
    let s = objectives::view(&db, &slo.id, now).unwrap().status;
    assert_eq!(s.minutes_allowed, 43.2);
    assert_eq!(s.minutes_bad, Some(21.6));
    assert_eq!(s.consumed, 0.5);
    // Last day's burn rate 15: 0.5 × 43,200 ÷ 15 = 1,440 minutes, one day from now.
    assert_eq!(s.projected_exhaustion, Some(now + Duration::days(1)));
    // Bad minutes are for time-based SLOs only, and never more than the period.
    let occ = objectives::create(&db, &slo_input(&svc, "ci-occ", "99.9", "30d")).unwrap();
    let e = objectives::reading_add(
        &db,
        &occ.id,
        &ReadingInput {
            bad_minutes: Some(1.0),
            ..reading(now, now + Duration::hours(1), 1, 1)
        },
    )
    .unwrap_err();
    assert_eq!(field_of(e), "bad_minutes");
    let e = objectives::reading_add(
        &db,
        &slo.id,
        &ReadingInput {
            bad_minutes: Some(61.0),
            ..reading(now, now + Duration::hours(1), 1, 1)
        },
    )
    .unwrap_err();
    assert_eq!(field_of(e), "bad_minutes");
}

#[test]
fn burn_rate_alerts_would_fire_or_not_for_the_readings_entered() {
    let db = Db::open_in_memory().unwrap();
    let svc = service(&db, "ci");
    let slo = objectives::create(&db, &slo_input(&svc, "ci-results", "99.9", "30d")).unwrap();
    let end = at("2026-06-30T00:00:00Z");
    // 72 hours of 5-minute readings; the last hour at 2% errors (burn rate 20).
    for i in 0..(72 * 12) {
        let e = end - Duration::minutes(5 * i);
        let bad = if i < 12 { 200 } else { 0 };
        objectives::reading_add(
            &db,
            &slo.id,
            &reading(e - Duration::minutes(5), e, 10_000 - bad, 10_000),
        )
        .unwrap();
    }
    let v = objectives::view(&db, &slo.id, end).unwrap();
    let by = |n: &str| v.alerts.iter().find(|a| a.name == n).unwrap().clone();
    let p1 = by("page-1h");
    assert_eq!(
        (p1.threshold, p1.long_window, p1.short_window),
        (14.4, 60, 5)
    );
    assert_eq!((p1.long_burn, p1.short_burn), (Some(20.0), Some(20.0)));
    assert!(p1.fires, "page: 14.4× over 1h with 5m");
    let p6 = by("page-6h");
    assert_eq!(
        (p6.threshold, p6.long_window, p6.short_window),
        (6.0, 360, 30)
    );
    assert_eq!(p6.long_burn, Some(3.33333333333));
    assert!(!p6.fires, "page: 6× over 6h with 30m would not fire");
    let t = by("ticket-3d");
    assert_eq!(
        (t.threshold, t.long_window, t.short_window),
        (1.0, 4320, 360)
    );
    assert_eq!(t.long_burn, Some(0.277777777778));
    assert!(!t.fires);
    let sum = &objectives::summaries(&db, None, end).unwrap()[0];
    assert_eq!(sum.firing, vec!["page-1h".to_owned()]);
}

#[test]
fn overlapping_readings_are_refused_and_edits_are_versioned() {
    let db = Db::open_in_memory().unwrap();
    let svc = service(&db, "ci");
    let slo = objectives::create(&db, &slo_input(&svc, "ci-results", "99.9", "30d")).unwrap();
    let t = at("2026-06-01T00:00:00Z");
    let r =
        objectives::reading_add(&db, &slo.id, &reading(t, t + Duration::hours(1), 9, 10)).unwrap();
    let e = objectives::reading_add(
        &db,
        &slo.id,
        &reading(t + Duration::minutes(30), t + Duration::hours(2), 9, 10),
    )
    .unwrap_err();
    assert_eq!(field_of(e), "start");
    for (input, field) in [
        (reading(t, t, 1, 1), "end"),
        (reading(t, t + Duration::hours(1), 11, 10), "good"),
        (reading(t, t + Duration::hours(1), -1, 10), "good"),
        (
            ReadingInput {
                start: "yesterday".into(),
                ..reading(t, t, 1, 1)
            },
            "start",
        ),
    ] {
        assert_eq!(
            field_of(objectives::reading_add(&db, &slo.id, &input).unwrap_err()),
            field
        );
    }
    // Adjacent periods are fine; an edit moves a reading if it still fits.
    objectives::reading_add(
        &db,
        &slo.id,
        &reading(t + Duration::hours(1), t + Duration::hours(2), 10, 10),
    )
    .unwrap();
    let fixed = objectives::reading_update(
        &db,
        &r.id,
        r.version,
        &reading(t, t + Duration::hours(1), 10, 10),
    )
    .unwrap();
    assert_eq!((fixed.good, fixed.version), (10, 2));
    assert!(matches!(
        objectives::reading_update(&db, &r.id, 1, &reading(t, t + Duration::hours(1), 8, 10)),
        Err(Error::Conflict { .. })
    ));
    let gone = objectives::reading_delete(&db, &r.id).unwrap();
    assert_eq!(count(&db, "slo_readings"), 1);
    rapport::trash::restore(&db, &gone.id).unwrap();
    assert_eq!(count(&db, "slo_readings"), 2);
}

fn import_readings(db: &Db, slo: &str, text: &str, dry_run: bool) -> csv::ImportReport {
    csv::import(
        db,
        ListKind::SloReadings,
        text.as_bytes(),
        &ImportOptions {
            dry_run,
            slo_id: Some(slo.into()),
            ..ImportOptions::default()
        },
        &mut |_| true,
    )
    .unwrap()
}

#[test]
fn readings_import_from_csv_all_or_nothing_and_twice_is_unchanged() {
    let db = Db::open_in_memory().unwrap();
    let svc = service(&db, "ci");
    let slo = objectives::create(&db, &slo_input(&svc, "ci-results", "99.9", "30d")).unwrap();
    let file = std::fs::read_to_string("tests/data/reliability/readings.csv").unwrap();
    let preview = import_readings(&db, &slo.id, &file, true);
    assert_eq!((preview.rows, preview.new, preview.error_total), (3, 3, 0));
    assert!(!preview.applied);
    assert_eq!(count(&db, "slo_readings"), 0, "a preview writes nothing");
    let done = import_readings(&db, &slo.id, &file, false);
    assert!(done.applied);
    assert_eq!(count(&db, "slo_readings"), 3);
    // The same file again: every line is the reading already stored.
    let again = import_readings(&db, &slo.id, &file, false);
    assert_eq!((again.new, again.updated, again.unchanged), (0, 0, 3));
    assert_eq!(count(&db, "slo_readings"), 3);
    // Corrected counts for a stored period update it.
    let corrected = file.replace(
        "2026-11-03T00:00:00Z,999000,1000000",
        "2026-11-03T00:00:00Z,998000,1000000",
    );
    let fix = import_readings(&db, &slo.id, &corrected, false);
    assert_eq!((fix.new, fix.updated, fix.unchanged), (0, 1, 2));
    // One bad row (an overlap with a stored reading, good above total) and nothing is written.
    let bad = "start,end,good,total\n\
               2026-11-05,2026-11-06,10,10\n\
               2026-11-02T12:00:00Z,2026-11-03T12:00:00Z,5,5\n\
               2026-11-07,2026-11-08,11,10\n\
               2026-11-09,2026-11-10,5,5\n\
               2026-11-09T12:00:00Z,2026-11-10T12:00:00Z,5,5\n";
    let r = import_readings(&db, &slo.id, bad, false);
    assert!(!r.applied);
    let mut errors: Vec<(u64, String)> =
        r.errors.iter().map(|e| (e.row, e.column.clone())).collect();
    errors.sort();
    assert_eq!(
        errors,
        vec![(3, "start".into()), (4, "good".into()), (6, "start".into())]
    );
    assert_eq!(count(&db, "slo_readings"), 3);
    // Readings need their SLO.
    let e = csv::import(
        &db,
        ListKind::SloReadings,
        file.as_bytes(),
        &ImportOptions::default(),
        &mut |_| true,
    )
    .unwrap_err();
    assert_eq!(field_of(e), "slo");
}

fn roadmap_with_rows(db: &Db, svc: &str) -> (String, String, String) {
    let today = chrono::Utc::now().date_naive();
    let r = roadmaps::create(
        db,
        &RoadmapInput {
            title: "H2".into(),
            starts_on: (today - Duration::days(7)).to_string(),
            ends_on: String::new(),
            cadence: Cadence::Weekly,
        },
    )
    .unwrap();
    let row = |project: &str, priority| RowInput {
        project: project.into(),
        stakeholders: "Eng leads".into(),
        goal_what: "Engineers ship".into(),
        goal_why: "so users get fixes".into(),
        priority,
    };
    roadmaps::add_row(db, &r.id, &row("Checkout v2", Priority::High)).unwrap();
    let r = roadmaps::add_row(db, &r.id, &row("Retry budget", Priority::Low)).unwrap();
    let (feature, rel) = (r.rows[0].id.clone(), r.rows[1].id.clone());
    roadmaps::set_row_service(db, &feature, Some(svc), RowKind::Feature).unwrap();
    roadmaps::set_row_service(db, &rel, Some(svc), RowKind::Reliability).unwrap();
    (r.id, feature, rel)
}

#[test]
fn the_budget_policy_flags_the_roadmap_and_decisions_are_append_only() {
    let db = Db::open_in_memory().unwrap();
    let svc = service(&db, "checkout");
    let slo = objectives::create(&db, &slo_input(&svc, "checkout-ok", "99.9", "30d")).unwrap();
    let (roadmap, feature, rel) = roadmap_with_rows(&db, &svc);
    let now = now_s();
    let today = now.date_naive();
    // 80% of the budget used: 20% left is at or below 25%, "reliability first".
    million(&db, &slo.id, now, 800);
    let v = services::view(&db, &svc, today, now).unwrap();
    assert_eq!(v.service.state, PolicyState::ReliabilityFirst);
    assert_eq!(v.service.worst_remaining, Some(0.2));
    assert!(v.impact.needs_decision);
    let proposals: Vec<(String, Option<Priority>)> = v
        .impact
        .rows
        .iter()
        .map(|r| (r.project.clone(), r.proposed))
        .collect();
    assert_eq!(
        proposals,
        vec![
            ("Checkout v2".into(), Some(Priority::Low)),
            ("Retry budget".into(), Some(Priority::High))
        ]
    );
    let r = roadmaps::get(&db, &roadmap).unwrap();
    let flagged = r.rows.iter().find(|w| w.id == feature).unwrap();
    assert_eq!(
        flagged.policy_flag.as_deref(),
        Some("checkout is in “reliability first”: the budget policy proposes moving this feature row to low priority")
    );
    // An exception needs a named approver and a reason.
    let ana = person(&db, "Ana", "SRE", Role::Lead);
    let bo = person(&db, "Bo", "Eng", Role::Manager);
    let exception = |approver: Option<String>, reason: &str| DecisionInput {
        kind: DecisionKind::Exception,
        decided_by: ana.clone(),
        approver_id: approver,
        reason: reason.into(),
    };
    assert_eq!(
        field_of(services::decide(&db, &svc, &exception(None, "launch"), today, now).unwrap_err()),
        "approver_id"
    );
    assert_eq!(
        field_of(
            services::decide(&db, &svc, &exception(Some(bo.clone()), " "), today, now).unwrap_err()
        ),
        "reason"
    );
    let v = services::decide(
        &db,
        &svc,
        &exception(
            Some(bo.clone()),
            "Contractual launch date; rollback plan rehearsed",
        ),
        today,
        now,
    )
    .unwrap();
    assert!(!v.impact.needs_decision);
    assert_eq!(
        v.impact
            .exception
            .as_ref()
            .unwrap()
            .approver
            .as_ref()
            .unwrap()
            .name,
        "Bo"
    );
    let r = roadmaps::get(&db, &roadmap).unwrap();
    assert!(r
        .rows
        .iter()
        .find(|w| w.id == feature)
        .unwrap()
        .policy_flag
        .as_deref()
        .unwrap()
        .contains("exception approved by Bo"));
    // Applying the proposal moves both rows in one action and records it.
    let v = services::decide(
        &db,
        &svc,
        &DecisionInput {
            kind: DecisionKind::Apply,
            decided_by: ana.clone(),
            approver_id: None,
            reason: "Budget below a quarter; retries first".into(),
        },
        today,
        now,
    )
    .unwrap();
    let r = roadmaps::get(&db, &roadmap).unwrap();
    let pri = |id: &str| r.rows.iter().find(|w| w.id == id).unwrap().priority;
    assert_eq!((pri(&feature), pri(&rel)), (Priority::Low, Priority::High));
    assert!(r.rows.iter().all(|w| w.policy_flag.is_none()));
    assert_eq!(v.decisions.len(), 2);
    let d = &v.decisions[0];
    assert_eq!(
        (d.kind, d.state, d.decided_by.name.as_str()),
        (DecisionKind::Apply, PolicyState::ReliabilityFirst, "Ana")
    );
    assert_eq!(d.remaining, Some(0.2));
    assert_eq!(
        d.moved,
        vec![
            "“Checkout v2” (H2): high → low",
            "“Retry budget” (H2): low → high"
        ]
    );
    assert!(!v.impact.needs_decision);
    // Append-only: no edit, no delete.
    assert!(db
        .conn()
        .execute("UPDATE policy_decisions SET reason = 'x'", [])
        .is_err());
    assert!(db
        .conn()
        .execute("DELETE FROM policy_decisions", [])
        .is_err());
    assert_eq!(count(&db, "policy_decisions"), 2);
    // Deleting the service takes its log to the trash with it; restore brings it back.
    let gone = services::delete(&db, &svc).unwrap();
    assert_eq!(count(&db, "policy_decisions"), 0);
    assert_eq!(count(&db, "slo_readings"), 0);
    rapport::trash::restore(&db, &gone.id).unwrap();
    assert_eq!(count(&db, "policy_decisions"), 2);
    assert_eq!(count(&db, "slo_readings"), 30);
    let r = roadmaps::get(&db, &roadmap).unwrap();
    assert_eq!(
        r.rows[0].service_id.as_deref(),
        Some(svc.as_str()),
        "links restored"
    );
    // Below "reliability first" there is nothing to decide.
    let calm = service(&db, "calm");
    let e = services::decide(&db, &calm, &exception(Some(bo), "x"), today, now).unwrap_err();
    assert_eq!(field_of(e), "kind");
}

#[test]
fn policy_steps_and_text_are_saved_and_checked() {
    let db = Db::open_in_memory().unwrap();
    let svc = service(&db, "ci");
    let p = services::policy(&db, &svc).unwrap();
    assert_eq!(p.postmortem_share, 0.2);
    assert_eq!(p.policy.steps.len(), 3);
    let mut policy = p.policy.clone();
    policy.steps[0].below_remaining = 0.25;
    let e = services::policy_save(
        &db,
        &svc,
        p.version,
        &PolicyInput {
            policy: policy.clone(),
            postmortem_share: "20%".into(),
        },
    )
    .unwrap_err();
    assert_eq!(field_of(e), "steps");
    policy.steps[0].below_remaining = 0.6;
    policy.escalation = "The VP of Engineering decides.".into();
    let saved = services::policy_save(
        &db,
        &svc,
        p.version,
        &PolicyInput {
            policy,
            postmortem_share: "10%".into(),
        },
    )
    .unwrap();
    assert_eq!(saved.postmortem_share, 0.1);
    assert_eq!(saved.policy.steps[0].below_remaining, 0.6);
    assert!(matches!(
        services::policy_save(
            &db,
            &svc,
            p.version,
            &PolicyInput {
                policy: saved.policy.clone(),
                postmortem_share: "10%".into()
            }
        ),
        Err(Error::Conflict { .. })
    ));
}

fn pm_input(title: &str) -> PostmortemInput {
    PostmortemInput {
        title: title.into(),
        service_id: None,
        slo_id: None,
        severity: IncidentSeverity::Sev1,
        started_at: "2026-06-10T14:00:00Z".into(),
        ended_at: "2026-06-10T15:30:00Z".into(),
        summary: "Checkout failed for 90 minutes after a config push.".into(),
        impact_users: "Shoppers could not pay.".into(),
        contributing_factors: "The config push skipped the canary stage.".into(),
        went_well: "Rollback took five minutes once started.".into(),
        went_wrong: "The alert fired 40 minutes late.".into(),
        got_lucky: "It was a quiet afternoon.".into(),
        lessons: "Config is code.".into(),
        budget_consumed: String::new(),
        timeline: vec![
            TimelineEntry {
                at: "2026-06-10T14:00:00Z".into(),
                text: "Config pushed to all regions.".into(),
            },
            TimelineEntry {
                at: "2026-06-10T14:40:00Z".into(),
                text: "Page fired for checkout errors.".into(),
            },
        ],
    }
}

fn item(title: &str, owner: &str, priority: ItemPriority) -> ActionItemInput {
    ActionItemInput {
        title: title.into(),
        kind: ItemKind::Prevent,
        owner_id: owner.into(),
        priority,
        due_on: String::new(),
        status: ItemStatus::Open,
        reason: String::new(),
        ticket_url: String::new(),
        proof: String::new(),
        title_ok: None,
    }
}

#[test]
fn postmortems_flag_blame_and_need_high_priority_items_when_the_budget_burned() {
    let db = Db::open_in_memory().unwrap();
    let today = at("2026-06-12T00:00:00Z").date_naive();
    let ana = person(&db, "Ana", "SRE", Role::Ic);
    let mut input = pm_input("Checkout outage");
    input.contributing_factors =
        "Human error during the config push. Bob failed to run the canary.".into();
    input.timeline[1].text = "Who caused the outage was unclear.".into();
    input.budget_consumed = "35%".into();
    let p = postmortems::create(&db, &input, today).unwrap();
    let fields: Vec<&str> = p.blame.iter().map(|b| b.field.as_str()).collect();
    assert_eq!(
        fields,
        vec!["contributing_factors", "contributing_factors", "timeline.1"]
    );
    let triggers: Vec<&str> = p.blame.iter().map(|b| b.finding.trigger.as_str()).collect();
    assert!(
        triggers[0].to_lowercase().contains("human error"),
        "{triggers:?}"
    );
    assert!(triggers[1].contains("failed to"), "{triggers:?}");
    assert!(
        triggers[2].to_lowercase().contains("who caused"),
        "{triggers:?}"
    );
    // Spans index the section's text.
    let f = &p.blame[1].finding;
    assert_eq!(&p.contributing_factors[f.span.start..f.span.end], f.trigger);
    assert!(!f.suggestion.is_empty());
    assert_eq!(p.duration_minutes, Some(90));
    assert_eq!((p.budget_consumed, p.budget_threshold), (Some(0.35), 0.2));
    assert!(p.needs_high_priority_item);
    // 35% > 20%: no completing without a P0/P1 item.
    let e = postmortems::set_status(
        &db,
        &p.id,
        p.version,
        PostmortemStatus::Complete,
        true,
        today,
    )
    .unwrap_err();
    assert_eq!(field_of(e), "items");
    actions::create(
        &db,
        &p.id,
        &item("Document the config rollout", &ana, ItemPriority::P2),
        today,
    )
    .unwrap();
    let p = postmortems::get(&db, &p.id, today).unwrap();
    assert!(p.needs_high_priority_item, "a P2 is not enough");
    actions::create(
        &db,
        &p.id,
        &item(
            "Add a canary stage to config pushes",
            &ana,
            ItemPriority::P1,
        ),
        today,
    )
    .unwrap();
    let p = postmortems::get(&db, &p.id, today).unwrap();
    assert!(!p.needs_high_priority_item);
    // Blame left in the text needs acknowledging.
    let e = postmortems::set_status(
        &db,
        &p.id,
        p.version,
        PostmortemStatus::Complete,
        false,
        today,
    )
    .unwrap_err();
    assert_eq!(e.code(), "needs_ack");
    assert!(
        e.to_string()
            .starts_with("3 phrases in this postmortem blame a person"),
        "{e}"
    );
    // Rewritten blamelessly, it completes without asking.
    let mut clean = p.form.clone();
    clean.contributing_factors =
        "The config push path had no canary stage, so one change reached every region.".into();
    clean.timeline[1].text = "Page fired for checkout errors.".into();
    let p = postmortems::update(&db, &p.id, p.version, &clean, today).unwrap();
    assert!(p.blame.is_empty());
    let p = postmortems::set_status(
        &db,
        &p.id,
        p.version,
        PostmortemStatus::Complete,
        false,
        today,
    )
    .unwrap();
    assert_eq!(p.status, PostmortemStatus::Complete);
    // Closed only when every item is resolved.
    let e = postmortems::set_status(
        &db,
        &p.id,
        p.version,
        PostmortemStatus::Closed,
        false,
        today,
    )
    .unwrap_err();
    assert!(
        e.to_string().starts_with("2 action items are still open"),
        "{e}"
    );
    for i in &p.items {
        let mut f = i.form.clone();
        f.status = ItemStatus::WontDo;
        let e = actions::update(&db, &i.id, i.version, &f, today).unwrap_err();
        assert_eq!(field_of(e), "reason", "won't do needs a reason");
        f.reason = "Superseded by the new deploy system".into();
        actions::update(&db, &i.id, i.version, &f, today).unwrap();
    }
    let p = postmortems::get(&db, &p.id, today).unwrap();
    let p = postmortems::set_status(
        &db,
        &p.id,
        p.version,
        PostmortemStatus::Closed,
        false,
        today,
    )
    .unwrap();
    assert_eq!(p.status, PostmortemStatus::Closed);
    assert!(p.closed_at.is_some());
}

#[test]
fn budget_used_by_an_incident_comes_from_the_readings() {
    let db = Db::open_in_memory().unwrap();
    let svc = service(&db, "checkout");
    let slo = objectives::create(&db, &slo_input(&svc, "checkout-ok", "99.9", "30d")).unwrap();
    let now = at("2026-06-30T00:00:00Z");
    million(&db, &slo.id, now, 600);
    // The bad day is day 10 (June 10): its 600 bad events are 60% of the 1,000 allowed.
    let mut input = pm_input("Checkout outage");
    input.slo_id = Some(slo.id.clone());
    input.started_at = "2026-06-10T00:00:00Z".into();
    input.ended_at = "2026-06-11T00:00:00Z".into();
    let p = postmortems::create(&db, &input, now.date_naive()).unwrap();
    assert_eq!(p.service.as_ref().unwrap().id, svc, "the SLO's service");
    assert!(p.budget_from_readings);
    // At the incident's end the 30-day window holds 11 days of readings (366,673 events, so
    // 366.673 allowed): the 600 bad events used 163.6% of what the window allowed so far.
    assert_eq!(p.budget_consumed, Some(1.63633537239));
    assert!(p.needs_high_priority_item);
}

#[test]
fn action_items_close_through_their_roadmap_deliverable() {
    let db = Db::open_in_memory().unwrap();
    let today = Utc::now().date_naive();
    let ana = person(&db, "Ana", "SRE", Role::Ic);
    let mut input = pm_input("Checkout outage");
    input.started_at = format!("{today}T09:00:00Z");
    input.ended_at = format!("{today}T10:00:00Z");
    let p = postmortems::create(&db, &input, today).unwrap();
    // Verb first; the due date defaults from the severity (SEV-1: 15 days).
    let e = actions::create(
        &db,
        &p.id,
        &item("The canary stage", &ana, ItemPriority::P1),
        today,
    )
    .unwrap_err();
    assert_eq!(field_of(e), "title");
    let e = actions::create(
        &db,
        &p.id,
        &item("Canary stage everywhere", &ana, ItemPriority::P1),
        today,
    )
    .unwrap_err();
    assert_eq!(e.code(), "needs_ack");
    let e = actions::create(
        &db,
        &p.id,
        &item("Add a canary", "", ItemPriority::P1),
        today,
    )
    .unwrap_err();
    assert_eq!(field_of(e), "owner_id");
    let it = actions::create(
        &db,
        &p.id,
        &item("Add a canary stage", &ana, ItemPriority::P1),
        today,
    )
    .unwrap();
    assert_eq!(it.due_on, (today + Duration::days(15)).to_string());
    let mut sev2 = pm_input("Slow search");
    sev2.severity = IncidentSeverity::Sev2;
    sev2.started_at = "2026-03-01T10:00:00Z".into();
    sev2.ended_at = String::new();
    let p2 = postmortems::create(&db, &sev2, today).unwrap();
    let it2 = actions::create(
        &db,
        &p2.id,
        &item("Cache search results", &ana, ItemPriority::P2),
        today,
    )
    .unwrap();
    assert_eq!(it2.due_on, "2026-03-31", "SEV-2: 30 days from the incident");
    // One action: a deliverable on a roadmap row, linked both ways.
    let svc = service(&db, "checkout");
    let (roadmap, _, rel) = roadmap_with_rows(&db, &svc);
    let it = actions::to_deliverable(&db, &it.id, &rel, today).unwrap();
    let d = it.deliverable.clone().unwrap();
    assert_eq!(
        (d.title.as_str(), d.status),
        ("Add a canary stage", DeliverableStatus::Planned)
    );
    let r = roadmaps::get(&db, &roadmap).unwrap();
    let stored = r
        .rows
        .iter()
        .flat_map(|w| &w.deliverables)
        .find(|x| x.id == d.id)
        .unwrap();
    assert_eq!(stored.action_item_id.as_deref(), Some(it.id.as_str()));
    assert_eq!(stored.owner, "Ana");
    assert_eq!(
        field_of(actions::to_deliverable(&db, &it.id, &rel, today).unwrap_err()),
        "row_id"
    );
    // Marking the deliverable done closes the item, with the deliverable as proof.
    roadmaps::update_deliverable(
        &db,
        &d.id,
        stored.version,
        &DeliverableInput {
            title: stored.title.clone(),
            owner: stored.owner.clone(),
            due_on: stored.due_on.clone().unwrap_or_default(),
            status: DeliverableStatus::Done,
        },
        today,
    )
    .unwrap();
    let closed = actions::get(&db, &it.id, today).unwrap();
    assert_eq!(closed.status, ItemStatus::Done);
    assert_eq!(
        closed.closed_on.as_deref(),
        Some(today.to_string().as_str())
    );
    assert_eq!(
        closed.proof,
        format!("Roadmap deliverable “Add a canary stage” marked done on {today}")
    );
    // Un-doing the deliverable reopens the item it closed.
    let stored = roadmaps::get(&db, &roadmap)
        .unwrap()
        .rows
        .into_iter()
        .flat_map(|w| w.deliverables)
        .find(|x| x.id == d.id)
        .unwrap();
    roadmaps::update_deliverable(
        &db,
        &d.id,
        stored.version,
        &DeliverableInput {
            title: stored.title.clone(),
            owner: stored.owner.clone(),
            due_on: String::new(),
            status: DeliverableStatus::InProgress,
        },
        today,
    )
    .unwrap();
    let reopened = actions::get(&db, &it.id, today).unwrap();
    assert_eq!(
        (reopened.status, reopened.proof.as_str()),
        (ItemStatus::Open, "")
    );
    // Closing the item by hand marks its deliverable done too.
    let mut f = reopened.form.clone();
    f.status = ItemStatus::Done;
    f.proof = "https://ci.example/pipelines/42".into();
    actions::update(&db, &it.id, reopened.version, &f, today).unwrap();
    let again = actions::get(&db, &it.id, today).unwrap();
    assert_eq!(again.deliverable.unwrap().status, DeliverableStatus::Done);
    assert_eq!(again.proof, "https://ci.example/pipelines/42");
    // Overdue items are on Today.
    let t = rapport::today::dashboard(&db, rapport::clock::Zone::UTC, today).unwrap();
    let overdue: Vec<&str> = t
        .action_items_overdue
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(overdue, vec!["Cache search results"]);
    assert!(t.action_items_overdue[0].days_overdue > 0);
    let listed = actions::list(
        &db,
        &ActionItemFilter {
            overdue: true,
            ..Default::default()
        },
        today,
    )
    .unwrap();
    assert_eq!(listed.total, 1);
}

#[test]
fn closure_rate_per_quarter() {
    let db = Db::open_in_memory().unwrap();
    let today = at("2026-11-23T12:00:00Z").date_naive();
    let ana = person(&db, "Ana", "SRE", Role::Ic);
    let p = postmortems::create(&db, &pm_input("Outage"), today).unwrap();
    let mk = |title: &str, due: &str, status: ItemStatus| {
        let i = actions::create(
            &db,
            &p.id,
            &ActionItemInput {
                due_on: due.into(),
                ..item(title, &ana, ItemPriority::P2)
            },
            today,
        )
        .unwrap();
        if status != ItemStatus::Open {
            let mut f = i.form.clone();
            f.status = status;
            f.reason = "Not worth it".into();
            actions::update(&db, &i.id, i.version, &f, today).unwrap();
        }
        i.id
    };
    // Q3: four due, three resolved (closed on 2026-11-23: after their due dates), one open.
    mk("Add alert A", "2026-07-10", ItemStatus::Done);
    mk("Add alert B", "2026-08-10", ItemStatus::Done);
    mk("Add alert C", "2026-09-10", ItemStatus::WontDo);
    mk("Add alert D", "2026-09-30", ItemStatus::Open);
    // Q4: two due, one done on time (today, before its due date), one open.
    mk("Add alert E", "2026-12-01", ItemStatus::Done);
    mk("Add alert F", "2026-12-20", ItemStatus::Open);
    // Next year: not counted yet.
    mk("Add alert G", "2027-02-01", ItemStatus::Open);
    let rates = actions::closure_rates(&db, today).unwrap();
    type Quarter<'a> = (&'a str, i64, i64, i64, Option<f64>, Option<f64>);
    let got: Vec<Quarter> = rates
        .iter()
        .map(|q| {
            (
                q.quarter.as_str(),
                q.due,
                q.closed,
                q.on_time,
                q.closure_rate,
                q.on_time_rate,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("2026-Q4", 2, 1, 1, Some(0.5), Some(0.5)),
            ("2026-Q3", 4, 3, 0, Some(0.75), Some(0.0)),
        ]
    );
}

#[test]
fn weekly_toil_share_against_the_cap() {
    let db = Db::open_in_memory().unwrap();
    for n in ["Ana", "Bo", "Cy", "Di"] {
        person(&db, n, "SRE", Role::Ic);
    }
    let today = at("2026-11-18T12:00:00Z").date_naive(); // a Wednesday
    let entry = |task: &str, minutes: i64, frequency, started: &str| ToilInput {
        team: "sre".into(),
        task: task.into(),
        service_id: None,
        person_id: None,
        minutes,
        frequency,
        started_on: started.into(),
        ended_on: String::new(),
        traits: ToilTraits {
            manual: true,
            repetitive: true,
            automatable: true,
            ..ToilTraits::default()
        },
        notes: String::new(),
    };
    // From Wednesday 2026-11-11: daily 60 min (3 working days that week, 5 after).
    toil::create(
        &db,
        &entry("Restart stuck runners", 60, Frequency::Daily, "2026-11-11"),
    )
    .unwrap();
    toil::create(
        &db,
        &entry("Rotate certificates", 120, Frequency::Weekly, "2026-11-09"),
    )
    .unwrap();
    toil::create(
        &db,
        &entry("Reconcile quotas", 520, Frequency::Monthly, "2026-11-09"),
    )
    .unwrap();
    toil::create(
        &db,
        &entry(
            "Hand-migrate a database",
            180,
            Frequency::Once,
            "2026-11-17",
        ),
    )
    .unwrap();
    let e = toil::create(&db, &entry("Bad", 0, Frequency::Once, "2026-11-17")).unwrap_err();
    assert_eq!(field_of(e), "minutes");
    let weeks = toil::weekly(&db, 2, today).unwrap();
    type Week<'a> = (&'a str, f64, Option<f64>, Option<f64>, bool);
    let got: Vec<Week> = weeks
        .iter()
        .map(|w| {
            (
                w.week_start.as_str(),
                w.toil_minutes,
                w.capacity_minutes,
                w.share,
                w.over_cap,
            )
        })
        .collect();
    // 4 people in People's "SRE" × 40 h = 9,600 min. Week of 11-09: 180 + 120 + 120 = 420.
    // Week of 11-16: 300 + 120 + 120 + 180 = 720.
    assert_eq!(
        got,
        vec![
            ("2026-11-09", 420.0, Some(9600.0), Some(0.04375), false),
            ("2026-11-16", 720.0, Some(9600.0), Some(0.075), false),
        ]
    );
    // A team of one at 10 hours a week is over the 50% cap.
    toil::set_capacity(&db, "SRE", 1, 10.0).unwrap();
    let w = toil::weekly(&db, 1, today).unwrap();
    assert_eq!(
        (w[0].capacity_minutes, w[0].share, w[0].over_cap),
        (Some(600.0), Some(1.2), true)
    );
    assert_eq!(
        field_of(toil::set_capacity(&db, "SRE", 0, 10.0).unwrap_err()),
        "engineers"
    );
}

#[test]
fn openslo_round_trip_is_lossless_and_importing_twice_changes_nothing() {
    let db = Db::open_in_memory().unwrap();
    let shop = std::fs::read_to_string("tests/data/reliability/shop.yaml").unwrap();
    let dry = openslo_io::import(&db, &shop, true).unwrap();
    assert!(!dry.applied);
    assert_eq!(count(&db, "slos"), 0, "a preview writes nothing");
    let r = openslo_io::import(&db, &shop, false).unwrap();
    assert_eq!((r.services_new, r.slos_new, r.slis, r.kept), (1, 4, 1, 4));
    assert!(
        r.notes.iter().any(|n| n.contains("kept as written")),
        "{:?}",
        r.notes
    );
    let checkout = objectives::by_name(&db, "checkout-availability").unwrap();
    assert_eq!(checkout.spec.target, 0.999, "targetPercent 99.9");
    assert_eq!(checkout.service_name, "web-shop");
    // A UI-made SLO exports too (with an indicator saying its counts are entered by hand).
    let svc = service(&db, "ci");
    objectives::create(&db, &slo_input(&svc, "ci-results", "99.5", "28d")).unwrap();
    let first = openslo_io::export(&db).unwrap();
    assert!(
        first.contains("kind: AlertPolicy"),
        "kept documents are exported back"
    );
    assert!(first.contains("type: manual"));
    // Into a new workspace and out again: the same text.
    let other = Db::open_in_memory().unwrap();
    openslo_io::import(&other, &first, false).unwrap();
    assert_eq!(openslo_io::export(&other).unwrap(), first);
    // The same file twice: nothing changes.
    let again = openslo_io::import(&db, &first, false).unwrap();
    assert_eq!(
        (
            again.services_new,
            again.slos_new,
            again.slos_updated,
            again.slos_unchanged
        ),
        (0, 0, 0, 5)
    );
    assert_eq!(openslo_io::export(&db).unwrap(), first);
    assert_eq!(count(&db, "openslo_kept"), 4);
}

#[test]
fn invalid_openslo_names_the_document_and_the_field_and_writes_nothing() {
    let db = Db::open_in_memory().unwrap();
    let shop = std::fs::read_to_string("tests/data/reliability/shop.yaml").unwrap();
    let bad = shop.replace("targetPercent: 99.9", "targetPercent: 100");
    let e = openslo_io::import(&db, &bad, false).unwrap_err();
    assert_eq!(e.field(), Some("file"));
    assert!(
        e.to_string().contains(
            "document 4 (slo 'checkout-availability'): spec.objectives[0].targetPercent must be between 0 and 100"
        ),
        "{e}"
    );
    assert_eq!(count(&db, "services"), 0);
    let no_service = "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: lonely\nspec:\n  \
                      indicator:\n    metadata:\n      name: x\n    spec:\n      ratioMetric:\n        \
                      counter: true\n  budgetingMethod: Occurrences\n  objectives:\n    - target: 0.99\n";
    let e = openslo_io::import(&db, no_service, false).unwrap_err();
    assert!(e.to_string().contains("spec.service is required"), "{e}");
    assert_eq!(count(&db, "slos"), 0);
}

#[test]
fn search_reports_and_csv_cover_reliability() {
    let db = Db::open_in_memory().unwrap();
    let today = at("2026-06-12T00:00:00Z").date_naive();
    let svc = service(&db, "checkout");
    let slo = objectives::create(&db, &slo_input(&svc, "checkout-ok", "99.9", "30d")).unwrap();
    million(&db, &slo.id, at("2026-06-30T00:00:00Z"), 600);
    let ana = person(&db, "Ana", "SRE", Role::Ic);
    let p = postmortems::create(&db, &pm_input("Checkout outage"), today).unwrap();
    actions::create(
        &db,
        &p.id,
        &item("Add a canary stage", &ana, ItemPriority::P1),
        today,
    )
    .unwrap();
    let kinds = |q: &str| -> Vec<String> {
        rapport::search::search(&db, q, 20)
            .unwrap()
            .into_iter()
            .map(|h| h.kind.as_str().to_owned())
            .collect()
    };
    assert!(kinds("checkout").contains(&"service".to_owned()));
    assert!(kinds("pushing").contains(&"slo".to_owned()));
    assert!(kinds("rollback").contains(&"postmortem".to_owned()));
    assert!(kinds("canary stage").contains(&"action-item".to_owned()));
    // The monthly report.
    let doc = rapport::reliability::report::monthly(
        &db,
        Some("2026-06"),
        rapport::clock::Zone::UTC,
        at("2026-07-02T00:00:00Z").date_naive(),
        at("2026-06-30T00:00:00Z"),
    )
    .unwrap();
    let md = doc.render(rapport::markup::DocFormat::Markdown);
    assert!(md.starts_with("# Reliability report — June 2026"), "{md}");
    assert!(
        md.contains("| checkout-ok | checkout | 99.9% | 99.9379% | 40% | watch |  |"),
        "{md}"
    );
    assert!(
        md.contains("| Checkout outage | SEV-1 | 90 min | — | draft | 1 |"),
        "{md}"
    );
    let html = doc.render(rapport::markup::DocFormat::Html);
    assert!(html.contains("Reliability report"));
    let e = rapport::reliability::report::monthly(
        &db,
        Some("June"),
        rapport::clock::Zone::UTC,
        today,
        Utc::now(),
    )
    .unwrap_err();
    assert_eq!(field_of(e), "month");
    let pmdoc =
        rapport::reliability::report::postmortem(&db, &p.id, rapport::clock::Zone::UTC, today)
            .unwrap();
    assert!(pmdoc
        .render(rapport::markup::DocFormat::Text)
        .contains("Add a canary stage"));
    // CSV for every list.
    for (kind, head) in [
        (
            ListKind::Slos,
            "id,service,name,display_name,journey,persona,target,window",
        ),
        (
            ListKind::SloReadings,
            "start,end,good,total,bad_minutes,slo,slo_id,id",
        ),
        (
            ListKind::Postmortems,
            "id,title,service,slo,severity,status,started_at",
        ),
        (
            ListKind::ActionItems,
            "id,postmortem_id,postmortem,title,kind,owner,priority,due_on",
        ),
        (
            ListKind::Toil,
            "id,team,task,service,person,minutes,frequency",
        ),
    ] {
        let mut out = Vec::new();
        let n = csv::export(&db, kind, &mut out, csv::ExportOptions::default(), |_| {}).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with(head), "{kind}: {text}");
        assert_eq!(n, csv::count_rows(&db, kind).unwrap());
    }
    let mut out = Vec::new();
    csv::export(
        &db,
        ListKind::SloReadings,
        &mut out,
        csv::ExportOptions::default(),
        |_| {},
    )
    .unwrap();
    // An exported readings file imports back into the SLO unchanged.
    let r = import_readings(&db, &slo.id, &String::from_utf8(out).unwrap(), false);
    assert_eq!((r.unchanged, r.error_total), (30, 0));
}

#[test]
fn calendar_windows_follow_far_time_zones() {
    let db = Db::open_in_memory().unwrap();
    let svc = service(&db, "ci");
    let mk = |name: &str, tz: &str| {
        objectives::create(
            &db,
            &SloInput {
                time_zone: tz.into(),
                ..slo_input(&svc, name, "99.9", "month")
            },
        )
        .unwrap()
        .id
    };
    let kiri = mk("kiri", "Pacific/Kiritimati"); // UTC+14
    let pago = mk("pago", "Pacific/Pago_Pago"); // UTC-11
                                                // 2026-06-30T12:00Z is already July 1 in Kiritimati and still June 30 in Pago Pago.
    let now = at("2026-06-30T12:00:00Z");
    let k = objectives::view(&db, &kiri, now).unwrap().status;
    assert_eq!(
        (k.window_start, k.window_end),
        (at("2026-06-30T10:00:00Z"), at("2026-07-31T10:00:00Z"))
    );
    assert_eq!(k.minutes_allowed, 44.64, "31 days");
    let p = objectives::view(&db, &pago, now).unwrap().status;
    assert_eq!(
        (p.window_start, p.window_end),
        (at("2026-06-01T11:00:00Z"), at("2026-07-01T11:00:00Z"))
    );
    assert_eq!(p.minutes_allowed, 43.2, "30 days");
}

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rapport-cli"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn cli_imports_exports_and_reports_slo_status() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.db");
    let db_s = path.to_str().unwrap();
    drop(rapport::open_workspace(&path).unwrap());
    // An invalid OpenSLO file: exit 1, the document and field named, nothing written.
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        std::fs::read_to_string("tests/data/reliability/shop.yaml")
            .unwrap()
            .replace("target: 0.99\n", "target: 99\n"),
    )
    .unwrap();
    let (code, out, _) = cli(&["--db", db_s, "slo", "import", bad.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("document 5 (slo 'search-slo'): spec.objectives[0].target"),
        "{out}"
    );
    let (code, _, err) = cli(&[
        "--db",
        db_s,
        "slo",
        "import",
        "tests/data/reliability/shop.yaml",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("SLOs 4 new, 0 updated, 0 unchanged"), "{err}");
    assert!(err.contains("4 other documents kept"), "{err}");
    // Readings go into an SLO named on the command line, with the same rules as the app.
    let (code, _, err) = cli(&[
        "--db",
        db_s,
        "import",
        "slo_readings",
        "tests/data/reliability/readings.csv",
        "--slo",
        "checkout-availability",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("3 new, 0 updated, 0 unchanged"), "{err}");
    let (code, _, err) = cli(&[
        "--db",
        db_s,
        "import",
        "slo_readings",
        "tests/data/reliability/readings.csv",
        "--slo",
        "checkout-availability",
    ]);
    assert_eq!(code, 0);
    assert!(err.contains("0 new, 0 updated, 3 unchanged"), "{err}");
    let overlap = dir.path().join("overlap.csv");
    std::fs::write(
        &overlap,
        "start,end,good,total\n2026-11-01T12:00:00Z,2026-11-01T13:00:00Z,5,5\n",
    )
    .unwrap();
    let (code, out, _) = cli(&[
        "--db",
        db_s,
        "import",
        "slo_readings",
        overlap.to_str().unwrap(),
        "--slo",
        "checkout-availability",
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains("row 2, column \"start\": This period overlaps"),
        "{out}"
    );
    let (code, _, err) = cli(&[
        "--db",
        db_s,
        "import",
        "slo_readings",
        overlap.to_str().unwrap(),
        "--slo",
        "nope",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("No SLO is named “nope”"), "{err}");
    // Status at the end of the readings: 3M events, 1,500 bad, 28-day window at 99.9%.
    let (code, out, _) = cli(&[
        "--db",
        db_s,
        "slo",
        "status",
        "--at",
        "2026-11-04T00:00:00Z",
    ]);
    assert_eq!(code, 0);
    let line = out
        .lines()
        .find(|l| l.starts_with("checkout-availability\t"))
        .unwrap();
    assert_eq!(
        line,
        "checkout-availability\tweb-shop\t99.9%\t28d\t1,500 events\t3,000 events\t50%\t50%\t0.5\twatch\tnone"
    );
    assert!(
        out.starts_with("slo\tservice\ttarget\twindow\tbad\tallowed\tconsumed"),
        "{out}"
    );
    let (code, out, _) = cli(&[
        "--db",
        db_s,
        "slo",
        "status",
        "--json",
        "--at",
        "2026-11-04T00:00:00Z",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let c = v
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "checkout-availability")
        .unwrap();
    assert_eq!(
        (c["consumed"].as_f64(), c["state"].as_str()),
        (Some(0.5), Some("watch"))
    );
    assert_eq!(c["firing"], serde_json::json!([]));
    // Export, and the file imports back unchanged.
    let out_file = dir.path().join("slos.yaml");
    let (code, _, _) = cli(&[
        "--db",
        db_s,
        "slo",
        "export",
        "--out",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let (code, stdout, _) = cli(&["--db", db_s, "slo", "export"]);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_to_string(&out_file).unwrap(), stdout);
    let (code, _, err) = cli(&["--db", db_s, "slo", "import", out_file.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(err.contains("SLOs 0 new, 0 updated, 4 unchanged"), "{err}");
    assert_eq!(cli(&["--db", db_s, "slo", "bogus"]).0, 2);
}

#[test]
fn the_person_page_lists_the_slos_citing_them_or_owned_by_them() {
    use rapport::clock::Zone;
    use rapport::people::profile;
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana", "Payments", Role::Ic);
    let bo = person(&db, "Bo", "Platform", Role::Manager);
    let cy = person(&db, "Cy", "Platform", Role::Ic);
    let owned = services::create(
        &db,
        &ServiceInput {
            name: "deploys".into(),
            display_name: String::new(),
            description: String::new(),
            owner_id: Some(bo.clone()),
            user_groups: vec![],
        },
        Utc::now(),
    )
    .unwrap()
    .id;
    let other = service(&db, "ci");
    let cites_ana = SloInput {
        people_ids: vec![ana.clone()],
        ..slo_input(&owned, "deploy-latency", "99", "28d")
    };
    objectives::create(&db, &cites_ana).unwrap();
    objectives::create(&db, &slo_input(&owned, "deploy-success", "99.5", "28d")).unwrap();
    objectives::create(&db, &slo_input(&other, "ci-results", "99.9", "28d")).unwrap();
    objectives::create(
        &db,
        &SloInput {
            people_ids: vec![ana.clone(), bo.clone()],
            ..slo_input(&other, "ci-queue", "95", "7d")
        },
    )
    .unwrap();

    let page = |id: &str| {
        let zone = Zone::named("UTC").unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        profile::profile(&db, id, false, zone, today).unwrap().slos
    };
    let seen = |id: &str| {
        page(id)
            .into_iter()
            .map(|s| (s.service_name, s.name, s.evidence, s.owner))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        seen(&ana),
        [
            ("ci".into(), "ci-queue".into(), true, false),
            ("deploys".into(), "deploy-latency".into(), true, false)
        ]
    );
    // Bo owns both SLOs of "deploys" and is cited once on "ci"; each SLO is listed once.
    assert_eq!(
        seen(&bo),
        [
            ("ci".into(), "ci-queue".into(), true, false),
            ("deploys".into(), "deploy-latency".into(), false, true),
            ("deploys".into(), "deploy-success".into(), false, true)
        ]
    );
    assert!(page(&cy).is_empty());
    assert_eq!(page(&ana)[0].target, 0.95);
}
