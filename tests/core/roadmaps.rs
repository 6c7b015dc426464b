//! Roadmaps: strict intervals, goals with deliverables, line-by-line updates, retro, carry-over,
//! stakeholder reports and the sample workspace.

use crate::common::*;
use rapport::db::Db;
use rapport::markup::DocFormat;
use rapport::roadmaps::meeting::{self, UpdateStatus};
use rapport::roadmaps::report::{self, StakeholderReport};
use rapport::roadmaps::retro::{self, RetroNotes};
use rapport::roadmaps::{
    self, Cadence, DeliverableInput, DeliverableStatus, Priority, RoadmapInput, RowInput,
};

fn input(start: &str, end: &str) -> RoadmapInput {
    RoadmapInput {
        title: "New CI".into(),
        starts_on: start.into(),
        ends_on: end.into(),
        cadence: Cadence::Weekly,
    }
}

fn row(project: &str, priority: Priority) -> RowInput {
    RowInput {
        project: project.into(),
        stakeholders: "Eng leads at company".into(),
        goal_what: "Engineers get CI feedback in minutes".into(),
        goal_why: "so they ship small changes often".into(),
        priority,
    }
}

fn deliverable(title: &str, due: &str, status: DeliverableStatus) -> DeliverableInput {
    DeliverableInput {
        title: title.into(),
        owner: "SRE".into(),
        due_on: due.into(),
        status,
    }
}

#[test]
fn intervals_are_strict_and_six_weeks_by_default() {
    let db = Db::open_in_memory().unwrap();
    let r = roadmaps::create(&db, &input("2026-11-02", "")).unwrap();
    assert_eq!(
        (r.starts_on.as_str(), r.ends_on.as_str()),
        ("2026-11-02", "2026-12-14")
    );
    for (start, end, field) in [
        ("2026-11-02", "2026-11-01", "ends_on"),
        ("2026-11-02", "2026-11-02", "ends_on"),
        ("2026-11-02", "2028-01-01", "ends_on"),
        ("next monday", "", "starts_on"),
        ("2026-11-02", "14/12/2026", "ends_on"),
    ] {
        assert_eq!(
            field_of(roadmaps::create(&db, &input(start, end)).unwrap_err()),
            field,
            "{start} {end}"
        );
    }
    let err = roadmaps::create(&db, &input("2026-11-02", "2026-11-01")).unwrap_err();
    assert_eq!(err.to_string(), "The interval must end after it starts");
    assert_eq!(roadmaps::list(&db).unwrap().len(), 1);
}

#[test]
fn rows_need_a_user_centric_goal_and_deliverables_outside_the_interval_warn() {
    let db = Db::open_in_memory().unwrap();
    let r = roadmaps::create(&db, &input("2026-11-02", "")).unwrap();
    let no_why = RowInput {
        goal_why: " ".into(),
        ..row("Pilot", Priority::High)
    };
    assert_eq!(
        field_of(roadmaps::add_row(&db, &r.id, &no_why).unwrap_err()),
        "goal_why"
    );
    let no_what = RowInput {
        goal_what: String::new(),
        ..row("Pilot", Priority::High)
    };
    assert_eq!(
        field_of(roadmaps::add_row(&db, &r.id, &no_what).unwrap_err()),
        "goal_what"
    );
    let r = roadmaps::add_row(&db, &r.id, &row("Pilot", Priority::High)).unwrap();
    let row_id = r.rows[0].id.clone();
    let today = d("2026-11-10");
    let r = roadmaps::add_deliverable(
        &db,
        &row_id,
        &deliverable("Design doc", "2026-11-20", DeliverableStatus::Planned),
        today,
    )
    .unwrap();
    assert!(r.rows[0].deliverables[0].warnings.is_empty());
    let r = roadmaps::add_deliverable(
        &db,
        &row_id,
        &deliverable("Migrate", "2027-01-15", DeliverableStatus::Planned),
        today,
    )
    .unwrap();
    assert_eq!(
        r.rows[0].deliverables[1].warnings,
        ["Due 2027-01-15, outside the interval (2026-11-02 – 2026-12-14)"]
    );
    assert_eq!(
        field_of(
            roadmaps::add_deliverable(
                &db,
                &row_id,
                &deliverable("", "", DeliverableStatus::Planned),
                today
            )
            .unwrap_err()
        ),
        "title"
    );
    assert_eq!(
        field_of(
            roadmaps::add_deliverable(
                &db,
                &row_id,
                &deliverable("X", "soon", DeliverableStatus::Planned),
                today
            )
            .unwrap_err()
        ),
        "due_on"
    );
    // Done stamps the day; editing keeps the first stamp.
    let id = r.rows[0].deliverables[0].id.clone();
    let r = roadmaps::update_deliverable(
        &db,
        &id,
        version(&db, "deliverables", &id),
        &deliverable("Design doc", "2026-11-20", DeliverableStatus::Done),
        today,
    )
    .unwrap();
    assert_eq!(
        r.rows[0].deliverables[0].done_on.as_deref(),
        Some("2026-11-10")
    );
    let r = roadmaps::update_deliverable(
        &db,
        &id,
        version(&db, "deliverables", &id),
        &deliverable("Design doc v2", "2026-11-20", DeliverableStatus::Done),
        d("2026-11-12"),
    )
    .unwrap();
    assert_eq!(
        r.rows[0].deliverables[0].done_on.as_deref(),
        Some("2026-11-10")
    );
}

#[test]
fn sections_reorder_and_move_to_low_priority_is_one_action() {
    let db = Db::open_in_memory().unwrap();
    let r = roadmaps::create(&db, &input("2026-11-02", "")).unwrap();
    for p in ["A", "B", "C"] {
        roadmaps::add_row(&db, &r.id, &row(p, Priority::High)).unwrap();
    }
    let r = roadmaps::add_row(&db, &r.id, &row("Z", Priority::Low)).unwrap();
    let names = |r: &roadmaps::Roadmap| {
        r.rows
            .iter()
            .map(|w| format!("{}:{}", w.project, w.priority.as_str()))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&r), ["A:high", "B:high", "C:high", "Z:low"]);
    let a = r.rows[0].id.clone();
    let r = roadmaps::set_priority(&db, &a, Priority::Low).unwrap();
    assert_eq!(names(&r), ["B:high", "C:high", "Z:low", "A:low"]);
    let (b, c) = (r.rows[0].id.clone(), r.rows[1].id.clone());
    let r = roadmaps::reorder_rows(&db, &r.id, Priority::High, &[c.clone(), b.clone()]).unwrap();
    assert_eq!(names(&r), ["C:high", "B:high", "Z:low", "A:low"]);
    assert_eq!(
        field_of(roadmaps::reorder_rows(&db, &r.id, Priority::High, &[c]).unwrap_err()),
        "order"
    );
}

#[test]
fn updates_keep_history_and_close_after_the_stop_date() {
    let db = Db::open_in_memory().unwrap();
    let r = roadmaps::create(&db, &input("2026-11-02", "2026-12-14")).unwrap();
    let r = roadmaps::add_row(&db, &r.id, &row("Pilot", Priority::High)).unwrap();
    let id = r.rows[0].id.clone();
    assert_eq!(
        meeting::next_meeting(&db, &r.id).unwrap(),
        Some(d("2026-11-09")),
        "weekly from the start"
    );
    meeting::record(
        &db,
        &id,
        UpdateStatus::OnTrack,
        "Interviews booked",
        d("2026-11-09"),
    )
    .unwrap();
    meeting::record(
        &db,
        &id,
        UpdateStatus::AtRisk,
        "Design doc late",
        d("2026-11-16"),
    )
    .unwrap();
    let h = meeting::history(&db, &id).unwrap();
    assert_eq!(
        h.iter()
            .map(|u| (u.status, u.note.as_str()))
            .collect::<Vec<_>>(),
        [
            (UpdateStatus::OnTrack, "Interviews booked"),
            (UpdateStatus::AtRisk, "Design doc late")
        ]
    );
    assert_eq!(
        roadmaps::get(&db, &r.id).unwrap().rows[0]
            .latest
            .as_ref()
            .unwrap()
            .status,
        UpdateStatus::AtRisk
    );
    assert_eq!(
        meeting::next_meeting(&db, &r.id).unwrap(),
        Some(d("2026-11-23"))
    );
    // On the stop date updates are still allowed; the day after, refused — and nothing stored.
    meeting::record(&db, &id, UpdateStatus::Done, "", d("2026-12-14")).unwrap();
    let err =
        meeting::record(&db, &id, UpdateStatus::OnTrack, "late", d("2026-12-15")).unwrap_err();
    assert!(err.to_string().contains("ended on 2026-12-14"), "{err}");
    assert_eq!(meeting::history(&db, &id).unwrap().len(), 3);
    assert!(roadmaps::get(&db, &r.id).unwrap().rows[0].is_complete());
    assert_eq!(
        meeting::next_meeting(&db, &r.id).unwrap(),
        None,
        "no meeting after the end"
    );
    // The retro is still open after the stop date.
    let notes = RetroNotes {
        process: "Weekly was too often".into(),
        estimation: "Design doc took 2x".into(),
        execution: "Good".into(),
    };
    let retro = retro::save_notes(&db, &r.id, &notes, d("2026-12-20")).unwrap();
    assert_eq!(retro.notes, notes);
}

#[test]
fn retro_figures_and_carry_over() {
    let db = Db::open_in_memory().unwrap();
    let r = roadmaps::create(&db, &input("2026-11-02", "2026-12-14")).unwrap();
    let r = roadmaps::add_row(&db, &r.id, &row("Pilot", Priority::High)).unwrap();
    let r = roadmaps::add_row(&db, &r.id, &row("GA", Priority::Low)).unwrap();
    let (pilot, ga) = (r.rows[0].id.clone(), r.rows[1].id.clone());
    let t = d("2026-11-20");
    roadmaps::add_deliverable(
        &db,
        &pilot,
        &deliverable("Interviews", "2026-11-10", DeliverableStatus::Done),
        d("2026-11-09"),
    )
    .unwrap();
    roadmaps::add_deliverable(
        &db,
        &pilot,
        &deliverable("Design doc", "2026-11-15", DeliverableStatus::Done),
        t,
    )
    .unwrap();
    roadmaps::add_deliverable(
        &db,
        &pilot,
        &deliverable("Migrate", "2026-12-01", DeliverableStatus::InProgress),
        t,
    )
    .unwrap();
    roadmaps::add_deliverable(
        &db,
        &ga,
        &deliverable("All apps", "2026-12-10", DeliverableStatus::Planned),
        t,
    )
    .unwrap();
    roadmaps::add_deliverable(
        &db,
        &ga,
        &deliverable("Old idea", "", DeliverableStatus::Dropped),
        t,
    )
    .unwrap();
    meeting::record(&db, &ga, UpdateStatus::OnTrack, "", t).unwrap();

    let f = retro::get_retro(&db, &r.id, d("2026-12-15"))
        .unwrap()
        .figures;
    assert_eq!(
        (
            f.rows,
            f.rows_complete,
            f.deliverables_planned,
            f.deliverables_done,
            f.deliverables_dropped,
            f.done_on_time
        ),
        (2, 0, 5, 2, 1, 1)
    );
    assert_eq!(
        f.estimation_accuracy,
        Some(0.25),
        "1 on time of 4 with a due date"
    );
    assert_eq!(f.slipped, ["Design doc", "Migrate", "All apps"]);

    let next = retro::carry_over(&db, &r.id).unwrap();
    assert_eq!(
        (next.starts_on.as_str(), next.ends_on.as_str()),
        ("2026-12-15", "2027-01-26")
    );
    assert_eq!(next.carried_from.as_deref(), Some(r.id.as_str()));
    let shape: Vec<(String, Vec<String>)> = next
        .rows
        .iter()
        .map(|w| {
            (
                w.project.clone(),
                w.deliverables.iter().map(|d| d.title.clone()).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("Pilot".to_owned(), vec!["Migrate".to_owned()]),
            ("GA".to_owned(), vec!["All apps".to_owned()])
        ]
    );
    assert!(next.rows.iter().all(|w| w.carried && w.latest.is_none()));
    assert_eq!(
        next.rows[0].deliverables[0].status,
        DeliverableStatus::InProgress
    );
}

#[test]
fn stakeholder_reports_come_from_the_data_in_three_formats() {
    let db = Db::open_in_memory().unwrap();
    let r = roadmaps::create(&db, &input("2026-11-02", "2026-12-14")).unwrap();
    let r = roadmaps::add_row(&db, &r.id, &row("New CI pilot", Priority::High)).unwrap();
    let id = r.rows[0].id.clone();
    let today = d("2026-11-20");
    roadmaps::add_deliverable(
        &db,
        &id,
        &deliverable(
            "User interviews & share findings",
            "2026-11-15",
            DeliverableStatus::Done,
        ),
        d("2026-11-14"),
    )
    .unwrap();
    roadmaps::add_deliverable(
        &db,
        &id,
        &deliverable(
            "Architecture design doc",
            "2026-11-27",
            DeliverableStatus::InProgress,
        ),
        today,
    )
    .unwrap();
    meeting::record(&db, &id, UpdateStatus::AtRisk, "Design doc <late>", today).unwrap();

    let text = report::document(&db, &r.id, StakeholderReport::Biweekly, today)
        .unwrap()
        .render(DocFormat::Text);
    assert!(
        text.starts_with("Status update: New CI — 2026-11-20\n"),
        "{text}"
    );
    assert!(
        text.contains("1 of 2 deliverables done; 24 days left."),
        "{text}"
    );
    assert!(
        text.contains(
            "Needs attention\n---------------\n\n  - New CI pilot: at risk (as of 2026-11-20) — Design doc <late>"
        ),
        "{text}"
    );
    assert!(text.contains("Done in the last 14 days\n------------------------\n\n  - User interviews & share findings — New CI pilot (2026-11-14)"), "{text}");
    assert!(text.contains("Due in the next two weeks\n-------------------------\n\n  - Architecture design doc — New CI pilot (due 2026-11-27, SRE)"), "{text}");
    let md = report::document(&db, &r.id, StakeholderReport::Biweekly, today)
        .unwrap()
        .render(DocFormat::Markdown);
    assert!(
        md.contains("## Needs attention") && md.contains("Design doc \\<late\\>"),
        "{md}"
    );
    let html = report::document(&db, &r.id, StakeholderReport::Monthly, today)
        .unwrap()
        .render(DocFormat::Html);
    assert!(
        html.contains("<h1>Monthly summary: New CI — November 2026</h1>"),
        "{html}"
    );
    assert!(
        html.contains("Progress: 1/2 deliverables; 1 status update this month; now at risk."),
        "{html}"
    );
    assert!(!html.contains("<late>"));
}

#[test]
fn the_sample_workspace_loads_the_new_ci_roadmap_once() {
    let db = Db::open_in_memory().unwrap();
    let today = d("2026-11-23");
    let id = rapport::sample::load(&db, today).unwrap();
    let r = roadmaps::get(&db, &id).unwrap();
    let projects: Vec<&str> = r.rows.iter().map(|w| w.project.as_str()).collect();
    assert_eq!(
        projects,
        [
            "New CI pilot",
            "New CI general availability",
            "New CI final phase"
        ]
    );
    assert!(r
        .rows
        .iter()
        .all(|w| w.stakeholders == "Eng leads at company"));
    assert_eq!(
        r.rows[0].goal_what,
        "Get early feedback on the new CI pipeline"
    );
    assert_eq!(
        r.rows[0]
            .deliverables
            .iter()
            .map(|d| d.title.as_str())
            .collect::<Vec<_>>(),
        [
            "User interviews & share findings",
            "Architecture design doc",
            "Select one eng team for pilot",
            "Technical deliverables",
            "Migrate team's services",
            "SRE <> pilot eng team retro"
        ]
    );
    assert_eq!(
        r.rows[1].deliverables[0].title,
        "Transition all non-legacy applications with owners to new CI"
    );
    assert_eq!(
        r.rows[2].deliverables[0].title,
        "Transition legacy and ownerless apps to new CI"
    );
    assert_eq!(r.rows[2].priority, Priority::Low);
    assert!(
        rapport::interviews::list(&db, &Default::default())
            .unwrap()
            .items
            .len()
            >= 3
    );
    // The pilot interviews are linked to the pilot row, so shipping one of its deliverables
    // offers follow-ups with the people interviewed (the stakeholders are not people).
    assert_eq!(r.rows[0].interviews.len(), 2);
    let offer =
        rapport::followups::offer_for_deliverable(&db, &r.rows[0].deliverables[4].id, today)
            .unwrap();
    assert_eq!(offer.unmatched_stakeholders, ["Eng leads at company"]);
    assert!(offer.candidates.len() >= 2, "{:?}", offer.candidates);
    assert!(offer
        .candidates
        .iter()
        .all(|c| c.why.starts_with("interviewed in")));
    assert_eq!(
        rapport::sample::load(&db, today).unwrap_err().code(),
        "validation"
    );
    assert_eq!(roadmaps::list(&db).unwrap().len(), 1, "nothing added twice");
}
