//! User interviews: planning (at most two interviewees, leads apart from ICs, an optional
//! note-taker and guide) and the live session (start, autosaved draft, finish). Notes live in
//! [`notes`].

pub mod notes;
pub mod report;

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::people::{self, Person};
use crate::validate;

/// Interviews last 30 minutes unless planned otherwise.
pub const DEFAULT_MINUTES: i64 = 30;
pub const MAX_MINUTES: i64 = 240;
/// More than two interviewees turns an interview into a meeting.
pub const MAX_INTERVIEWEES: usize = 2;
pub const TITLE_MAX: usize = 200;
pub const DRAFT_MAX: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InterviewInput {
    pub title: String,
    pub topic: String,
    /// RFC 3339 date-time of the start.
    pub scheduled_at: String,
    pub duration_minutes: i64,
    pub interviewee_ids: Vec<String>,
    pub note_taker_id: Option<String>,
    pub guide_id: Option<String>,
    /// The user has read the warning about mixing leads/managers with ICs and plans anyway.
    #[serde(default)]
    pub acknowledge_mixed_roles: bool,
}

crate::text_enum! {
    #[ts(export)]
    pub enum InterviewStatus {
        Planned = "planned",
        Running = "running",
        Done = "done",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Interview {
    pub id: String,
    pub title: String,
    pub topic: String,
    pub scheduled_at: String,
    pub duration_minutes: i64,
    pub interviewees: Vec<Person>,
    pub note_taker: Option<Person>,
    pub guide_id: Option<String>,
    /// When the user acknowledged mixing leads with ICs (`null` when not mixed).
    pub mixed_roles_ack_at: Option<String>,
    pub status: InterviewStatus,
    pub started_at: Option<String>,
    pub ended_at: Option<String>,
    /// The note being typed, saved as it is typed so nothing is lost if the app dies.
    pub draft: String,
    pub note_count: i64,
    pub created_at: String,
    pub updated_at: String,
}

fn parse_time(field: &str, label: &str, value: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(value.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| Error::invalid(field, format!("{label} is not a valid date and time")))
}

struct Checked {
    title: String,
    topic: String,
    scheduled_at: String,
    duration: i64,
    interviewees: Vec<String>,
    note_taker: Option<String>,
    guide: Option<String>,
    mixed_ack: bool,
}

/// All planning rules, in the order a user would fix them.
fn check(db: &Db, input: &InterviewInput) -> Result<Checked> {
    let title = validate::required_line("title", "Title", &input.title, TITLE_MAX)?;
    let topic = validate::single_line("topic", "Topic", &input.topic, 60)?.to_lowercase();
    let when = parse_time("scheduled_at", "Start", &input.scheduled_at)?;
    let duration = input.duration_minutes;
    if duration <= 0 {
        return Err(Error::invalid(
            "duration_minutes",
            "The interview must end after it starts",
        ));
    }
    if duration > MAX_MINUTES {
        return Err(Error::invalid(
            "duration_minutes",
            format!("At most {MAX_MINUTES} minutes (got {duration}); 30 is the norm"),
        ));
    }

    let mut seen = HashSet::new();
    let ids: Vec<String> = input
        .interviewee_ids
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| seen.insert(s.clone()))
        .collect();
    if ids.is_empty() {
        return Err(Error::invalid(
            "interviewees",
            "Pick at least one interviewee",
        ));
    }
    if ids.len() > MAX_INTERVIEWEES {
        return Err(Error::invalid(
            "interviewees",
            format!(
                "At most {MAX_INTERVIEWEES} interviewees per interview ({} picked): with more, \
                 people speak for the group instead of for themselves. Split it into two interviews.",
                ids.len()
            ),
        ));
    }
    let mut who = Vec::new();
    for id in &ids {
        who.push(people::get_active(
            db,
            id,
            "interviewees",
            "An interviewee is not in People",
        )?);
    }

    let leaders: Vec<&Person> = who.iter().filter(|p| p.role.is_leadership()).collect();
    let mixed = !leaders.is_empty() && leaders.len() < who.len();
    if mixed && !input.acknowledge_mixed_roles {
        let ic = who.iter().find(|p| !p.role.is_leadership()).expect("mixed");
        return Err(Error::NeedsAcknowledgement {
            field: "acknowledge_mixed_roles".into(),
            message: format!(
                "{} is a {} and {} is not: leads and managers are interviewed apart from ICs, \
                 who speak less freely in front of them. Acknowledge to plan it anyway.",
                leaders[0].name,
                leaders[0].role.as_str(),
                ic.name
            ),
        });
    }

    let note_taker = match input
        .note_taker_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(id) => {
            if ids.iter().any(|i| i == id) {
                return Err(Error::invalid(
                    "note_taker_id",
                    "The note-taker cannot also be an interviewee",
                ));
            }
            people::get(db, id)
                .map_err(|_| Error::invalid("note_taker_id", "The note-taker is not in People"))?;
            Some(id.to_owned())
        }
    };
    let guide = match input
        .guide_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(id) => {
            crate::questions::guides::get(db, id)
                .map_err(|_| Error::invalid("guide_id", "That guide does not exist"))?;
            Some(id.to_owned())
        }
    };
    Ok(Checked {
        title,
        topic,
        scheduled_at: when.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        duration,
        interviewees: ids,
        note_taker,
        guide,
        mixed_ack: mixed,
    })
}

fn write_people(tx: &rusqlite::Connection, id: &str, ids: &[String]) -> Result<()> {
    tx.execute("DELETE FROM interview_people WHERE interview_id = ?1", [id])?;
    for p in ids {
        tx.execute(
            "INSERT INTO interview_people (interview_id, person_id) VALUES (?1, ?2)",
            params![id, p],
        )?;
    }
    Ok(())
}

pub fn plan(db: &mut Db, input: &InterviewInput) -> Result<Interview> {
    let c = check(db, input)?;
    let (id, now) = (clock::new_id(), clock::now());
    let tx = db.write()?;
    tx.execute(
        "INSERT INTO interviews (id, title, topic, scheduled_at, duration_minutes, note_taker_id,
                                 guide_id, mixed_roles_ack_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            id,
            c.title,
            c.topic,
            c.scheduled_at,
            c.duration,
            c.note_taker,
            c.guide,
            c.mixed_ack.then_some(&now),
            now
        ],
    )?;
    write_people(&tx, &id, &c.interviewees)?;
    tx.commit()?;
    get(db, &id)
}

pub fn update(db: &mut Db, id: &str, input: &InterviewInput) -> Result<Interview> {
    let c = check(db, input)?;
    let now = clock::now();
    let tx = db.write()?;
    let changed = tx.execute(
        "UPDATE interviews SET title = ?2, topic = ?3, scheduled_at = ?4, duration_minutes = ?5,
                note_taker_id = ?6, guide_id = ?7,
                mixed_roles_ack_at = CASE WHEN ?8 THEN coalesce(mixed_roles_ack_at, ?9) END,
                updated_at = ?9
         WHERE id = ?1",
        params![
            id,
            c.title,
            c.topic,
            c.scheduled_at,
            c.duration,
            c.note_taker,
            c.guide,
            c.mixed_ack,
            now
        ],
    )?;
    if changed == 0 {
        return Err(Error::not_found("interview", id));
    }
    write_people(&tx, id, &c.interviewees)?;
    tx.commit()?;
    get(db, id)
}

pub fn delete(db: &Db, id: &str) -> Result<()> {
    if db
        .conn()
        .execute("DELETE FROM interviews WHERE id = ?1", [id])?
        == 0
    {
        return Err(Error::not_found("interview", id));
    }
    Ok(())
}

/// Starts the interview clock (once; starting again keeps the first start).
pub fn start(db: &Db, id: &str) -> Result<Interview> {
    let changed = db.conn().execute(
        "UPDATE interviews SET started_at = coalesce(started_at, ?2), updated_at = ?2 WHERE id = ?1",
        params![id, clock::now()],
    )?;
    if changed == 0 {
        return Err(Error::not_found("interview", id));
    }
    get(db, id)
}

/// Ends the interview. A draft still in the box is kept, not lost.
pub fn finish(db: &Db, id: &str) -> Result<Interview> {
    let now = clock::now();
    let changed = db.conn().execute(
        "UPDATE interviews SET started_at = coalesce(started_at, ?2), ended_at = ?2, updated_at = ?2
         WHERE id = ?1",
        params![id, now],
    )?;
    if changed == 0 {
        return Err(Error::not_found("interview", id));
    }
    get(db, id)
}

/// Stores what is being typed. Called on every pause in typing, so it must stay cheap.
pub fn save_draft(db: &Db, id: &str, draft: &str) -> Result<()> {
    if draft.chars().count() > DRAFT_MAX {
        return Err(Error::invalid(
            "draft",
            format!("A note is at most {DRAFT_MAX} characters"),
        ));
    }
    let changed = db.conn().execute(
        "UPDATE interviews SET draft = ?2 WHERE id = ?1",
        params![id, draft],
    )?;
    if changed == 0 {
        return Err(Error::not_found("interview", id));
    }
    Ok(())
}

fn people_of(db: &Db, id: &str) -> Result<Vec<Person>> {
    let mut stmt = db.conn().prepare(
        "SELECT person_id FROM interview_people ip JOIN people p ON p.id = ip.person_id
         WHERE interview_id = ?1 ORDER BY p.name COLLATE NOCASE",
    )?;
    let ids: Vec<String> = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter().map(|p| people::get(db, p)).collect()
}

pub fn get(db: &Db, id: &str) -> Result<Interview> {
    type RowT = (
        String,
        String,
        String,
        i64,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
        i64,
        String,
        String,
    );
    let r: RowT = db
        .conn()
        .query_row(
            "SELECT title, topic, scheduled_at, duration_minutes, note_taker_id, guide_id,
                    mixed_roles_ack_at, started_at, ended_at, draft,
                    (SELECT count(*) FROM notes n WHERE n.interview_id = i.id), created_at, updated_at
             FROM interviews i WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?,
                    r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?, r.get(12)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| Error::not_found("interview", id))?;
    let status = match (&r.7, &r.8) {
        (_, Some(_)) => InterviewStatus::Done,
        (Some(_), None) => InterviewStatus::Running,
        _ => InterviewStatus::Planned,
    };
    Ok(Interview {
        id: id.to_owned(),
        title: r.0,
        topic: r.1,
        scheduled_at: r.2,
        duration_minutes: r.3,
        interviewees: people_of(db, id)?,
        note_taker: r.4.as_deref().map(|p| people::get(db, p)).transpose()?,
        guide_id: r.5,
        mixed_roles_ack_at: r.6,
        status,
        started_at: r.7,
        ended_at: r.8,
        draft: r.9,
        note_count: r.10,
        created_at: r.11,
        updated_at: r.12,
    })
}

/// Every interview, soonest upcoming first, then past ones most recent first.
pub fn list(db: &Db) -> Result<Vec<Interview>> {
    let ids: Vec<String> = db
        .conn()
        .prepare(
            "SELECT id FROM interviews
             ORDER BY ended_at IS NOT NULL, CASE WHEN ended_at IS NULL THEN scheduled_at END,
                      scheduled_at DESC",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter().map(|id| get(db, id)).collect()
}
