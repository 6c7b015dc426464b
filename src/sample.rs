//! The sample workspace: the "New CI" roadmap from the source talk (pilot → general
//! availability → final phase, stakeholders "Eng leads at company"), a few people and
//! interviews with notes, so a new user sees a full app.

use chrono::{Duration, NaiveDate};
use rusqlite::OptionalExtension;

use crate::db::Db;
use crate::error::{Error, Result};
use crate::interviews::notes::{self, NoteInput};
use crate::interviews::{self, InterviewInput};
use crate::people::{self, PersonInput, Role};
use crate::roadmaps::{
    self, Cadence, DeliverableInput, DeliverableStatus, Priority, RoadmapInput, RowInput,
};

const STAKEHOLDERS: &str = "Eng leads at company";

/// (title, owner, days after the start it is due, status)
type SampleDeliverable = (&'static str, &'static str, i64, DeliverableStatus);
/// (project, goal: what, goal: why, priority, deliverables)
type SampleRow = (
    &'static str,
    &'static str,
    &'static str,
    Priority,
    &'static [SampleDeliverable],
);

/// Writes a fresh sample workspace at `path` (replacing an earlier sample there): built in a
/// temporary file beside it and renamed into place once complete. Returns the roadmap's id.
pub fn create(path: &std::path::Path, today: NaiveDate) -> Result<String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = crate::files::temp_beside(path);
    let built = (|| {
        let db = crate::open_workspace(&tmp)?;
        let id = load(&db, today)?;
        db.conn().pragma_update(None, "journal_mode", "DELETE")?;
        Ok(id)
    })();
    let id = match built {
        Ok(id) => id,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    for ext in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    std::fs::rename(&tmp, path)?;
    Ok(id)
}

/// Loads the sample into the workspace, once (a second load is refused, nothing added).
/// `today` anchors the dates so the sample always looks current. Returns the roadmap's id.
pub fn load(db: &Db, today: NaiveDate) -> Result<String> {
    let loaded: Option<String> = db
        .conn()
        .query_row(
            "SELECT value FROM settings WHERE key = 'sample_loaded'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if loaded.is_some() {
        return Err(Error::invalid(
            "sample",
            "The sample workspace is already loaded",
        ));
    }
    db.atomically(|db| {
        let id = fill(db, today)?;
        db.conn().execute(
            "INSERT INTO settings (key, value) VALUES ('sample_loaded', ?1)",
            [crate::clock::now()],
        )?;
        Ok((id, true))
    })
}

fn person(db: &Db, name: &str, team: &str, role: Role, core: bool, notes: &str) -> Result<String> {
    let p = PersonInput {
        name: name.into(),
        team: team.into(),
        role,
        contact: format!(
            "{}@example.com",
            name.split(' ').next().unwrap_or(name).to_lowercase()
        ),
        core_user: core,
        notes: notes.into(),
        duplicate_ok: None,
    };
    Ok(people::create(db, &p)?.id)
}

fn fill(db: &Db, today: NaiveDate) -> Result<String> {
    let maya = person(
        db,
        "Maya Chen",
        "Payments",
        Role::Ic,
        true,
        "Deploys the payments API several times a week.",
    )?;
    let jonas = person(
        db,
        "Jonas Weber",
        "Checkout",
        Role::Ic,
        true,
        "Maintains the checkout service's CI config.",
    )?;
    let aisha = person(
        db,
        "Aisha Bello",
        "Search",
        Role::Lead,
        false,
        "Tech lead; wants predictable release trains.",
    )?;
    person(
        db,
        "Sam Rivera",
        "SRE",
        Role::Ic,
        false,
        "Our note-taker for pilot interviews.",
    )?;

    let day = |d: i64| today + Duration::days(d);
    let at = |d: i64, h: u32| format!("{}T{h:02}:00:00Z", day(d));
    let ics = interviews::plan(
        db,
        &InterviewInput {
            title: "New CI pilot: how Payments and Checkout ship today".into(),
            topic: "ci".into(),
            scheduled_at: at(-9, 10),
            duration_minutes: 30,
            interviewee_ids: vec![maya.clone(), jonas.clone()],
            note_taker_id: None,
            guide_id: None,
            acknowledge_mixed_roles: false,
        },
    )?;
    interviews::start(db, &ics.id)?;
    for (text, quote, speaker) in [
        (
            "Deploys wait 35–40 minutes, mostly for the integration suite #ci #slow",
            false,
            None,
        ),
        (
            "I rerun the pipeline until it goes green; nobody trusts the first red. #flaky",
            true,
            Some(&maya),
        ),
        (
            "Checkout copies its CI config from Payments and edits by hand #config",
            false,
            None,
        ),
        (
            "If it's red on Friday I just don't deploy until Monday. #deploys",
            true,
            Some(&jonas),
        ),
    ] {
        notes::add(
            db,
            &ics.id,
            &NoteInput {
                text: text.into(),
                is_quote: quote,
                speaker_id: speaker.cloned(),
            },
        )?;
    }
    interviews::finish(db, &ics.id)?;
    let lead = interviews::plan(
        db,
        &InterviewInput {
            title: "New CI pilot: a lead's view of release trains".into(),
            topic: "ci".into(),
            scheduled_at: at(-8, 14),
            duration_minutes: 30,
            interviewee_ids: vec![aisha.clone()],
            note_taker_id: None,
            guide_id: None,
            acknowledge_mixed_roles: false,
        },
    )?;
    interviews::start(db, &lead.id)?;
    notes::add(db, &lead.id, &NoteInput {
        text: "We batch releases weekly because CI is slow; batches make rollbacks scary #deploys #ci".into(),
        is_quote: false,
        speaker_id: None,
    })?;
    interviews::finish(db, &lead.id)?;
    interviews::plan(
        db,
        &InterviewInput {
            title: "Pilot retro prep with Jonas".into(),
            topic: "ci".into(),
            scheduled_at: at(2, 11),
            duration_minutes: 30,
            interviewee_ids: vec![jonas],
            note_taker_id: None,
            guide_id: None,
            acknowledge_mixed_roles: false,
        },
    )?;

    let start = day(-14);
    let roadmap = roadmaps::create(
        db,
        &RoadmapInput {
            title: "New CI".into(),
            starts_on: start.to_string(),
            ends_on: String::new(),
            cadence: Cadence::Biweekly,
        },
    )?;
    let rows: [SampleRow; 3] = [
        (
            "New CI pilot",
            "Get early feedback on the new CI pipeline",
            "before general rollout to all of eng",
            Priority::High,
            &[
                (
                    "User interviews & share findings",
                    "SRE",
                    0,
                    DeliverableStatus::Done,
                ),
                (
                    "Architecture design doc",
                    "SRE",
                    7,
                    DeliverableStatus::InProgress,
                ),
                (
                    "Select one eng team for pilot",
                    "SRE lead",
                    10,
                    DeliverableStatus::Planned,
                ),
                (
                    "Technical deliverables",
                    "SRE",
                    21,
                    DeliverableStatus::Planned,
                ),
                (
                    "Migrate team's services",
                    "Pilot team",
                    28,
                    DeliverableStatus::Planned,
                ),
                (
                    "SRE <> pilot eng team retro",
                    "SRE",
                    35,
                    DeliverableStatus::Planned,
                ),
            ],
        ),
        (
            "New CI general availability",
            "Improve all engineers' CI workflows",
            "so every team ships faster and with confidence",
            Priority::High,
            &[(
                "Transition all non-legacy applications with owners to new CI",
                "SRE",
                40,
                DeliverableStatus::Planned,
            )],
        ),
        (
            "New CI final phase",
            "Reduce risks to the engineering org",
            "no application is left on the old, unsupported CI",
            Priority::Low,
            &[(
                "Transition legacy and ownerless apps to new CI",
                "SRE",
                56,
                DeliverableStatus::Planned,
            )],
        ),
    ];
    for (project, what, why, priority, deliverables) in rows {
        let r = roadmaps::add_row(
            db,
            &roadmap.id,
            &RowInput {
                project: project.into(),
                stakeholders: STAKEHOLDERS.into(),
                goal_what: what.into(),
                goal_why: why.into(),
                priority,
            },
        )?;
        let row_id = r
            .rows
            .iter()
            .find(|x| x.project == project)
            .expect("just added")
            .id
            .clone();
        for (title, owner, due, status) in deliverables {
            roadmaps::add_deliverable(
                db,
                &row_id,
                &DeliverableInput {
                    title: (*title).into(),
                    owner: (*owner).into(),
                    due_on: (start + Duration::days(*due)).to_string(),
                    status: *status,
                },
                day(-2),
            )?;
        }
    }
    let r = roadmaps::get(db, &roadmap.id)?;
    let pilot = &r.rows[0].id;
    // The pilot interviews were about the pilot: finishing one of its deliverables offers
    // follow-ups with the people interviewed.
    roadmaps::link_interview(db, pilot, &ics.id)?;
    roadmaps::link_interview(db, pilot, &lead.id)?;
    roadmaps::meeting::record(
        db,
        pilot,
        roadmaps::meeting::UpdateStatus::OnTrack,
        "Interviews done; findings shared with Eng leads.",
        day(-1),
    )?;
    let ga = &r.rows[1].id;
    roadmaps::meeting::record(
        db,
        ga,
        roadmaps::meeting::UpdateStatus::AtRisk,
        "Depends on the pilot's design doc, which is a week late.",
        day(-1),
    )?;
    Ok(roadmap.id)
}
