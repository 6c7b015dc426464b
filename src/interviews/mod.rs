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
use crate::paging::{Page, PageRequest};
use crate::people::{self, Person, Role};
use crate::records;
use crate::trash::{self, TrashEntry, TrashKind};
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
    /// How long it really ran, in minutes, once finished.
    pub held_minutes: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// Someone in a list row: enough to show and link to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonRef {
    pub id: String,
    pub name: String,
    pub role: Role,
}

/// An interview as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InterviewSummary {
    pub id: String,
    pub title: String,
    pub topic: String,
    pub scheduled_at: String,
    pub duration_minutes: i64,
    pub status: InterviewStatus,
    pub interviewees: Vec<PersonRef>,
    pub note_taker: Option<PersonRef>,
    pub note_count: i64,
    pub held_minutes: Option<i64>,
    /// Leads and ICs together, acknowledged when planned.
    pub mixed_roles: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InterviewFilter {
    /// Matches the title, topic or an interviewee's name, ignoring case and accents.
    #[serde(default)]
    #[ts(optional)]
    pub query: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub page: Option<PageRequest>,
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

pub fn plan(db: &Db, input: &InterviewInput) -> Result<Interview> {
    let c = check(db, input)?;
    let (id, now) = (clock::new_id(), clock::now());
    let unit = db.unit()?;
    let tx = db.conn();
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
    write_people(tx, &id, &c.interviewees)?;
    unit.commit()?;
    get(db, &id)
}

/// Saves an edit made from `version` (title, time, people, guide…), with the planning rules.
pub fn update(db: &Db, id: &str, version: i64, input: &InterviewInput) -> Result<Interview> {
    let c = check(db, input)?;
    let now = clock::now();
    let unit = db.unit()?;
    records::bump(db, "interviews", id, version, || get(db, id))?;
    let changed = db.conn().execute(
        "UPDATE interviews SET title = ?2, topic = ?3, scheduled_at = ?4, duration_minutes = ?5,
                note_taker_id = ?6, guide_id = ?7,
                mixed_roles_ack_at = CASE WHEN ?8 THEN coalesce(mixed_roles_ack_at, ?9) END
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
    write_people(db.conn(), id, &c.interviewees)?;
    unit.commit()?;
    get(db, id)
}

/// Moves the interview, with its notes, quotes and links, to the trash.
pub fn delete(db: &Db, id: &str) -> Result<TrashEntry> {
    let i = get(db, id)?;
    trash::delete(db, TrashKind::Interview, id, &i.title)
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
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {} FROM interview_people ip JOIN people p ON p.id = ip.person_id
         WHERE ip.interview_id = ?1 ORDER BY p.name COLLATE NOCASE",
        people::COLUMNS_P
    ))?;
    let found = stmt
        .query_map([id], people::from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

fn status_of(started: &Option<String>, ended: &Option<String>) -> InterviewStatus {
    match (started, ended) {
        (_, Some(_)) => InterviewStatus::Done,
        (Some(_), None) => InterviewStatus::Running,
        _ => InterviewStatus::Planned,
    }
}

/// Minutes between start and end, once both are known.
fn held(started: &Option<String>, ended: &Option<String>) -> Option<i64> {
    let t = |s: &Option<String>| {
        s.as_deref()
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
    };
    Some(((t(ended)? - t(started)?).num_seconds().max(0) + 59) / 60)
}

pub fn get(db: &Db, id: &str) -> Result<Interview> {
    let mut i = db
        .conn()
        .prepare_cached(
            "SELECT title, topic, scheduled_at, duration_minutes, note_taker_id, guide_id,
                    mixed_roles_ack_at, started_at, ended_at, draft,
                    (SELECT count(*) FROM notes n WHERE n.interview_id = i.id), created_at,
                    updated_at, version
             FROM interviews i WHERE id = ?1",
        )?
        .query_row([id], |r| {
            let (started, ended) = (r.get(7)?, r.get(8)?);
            Ok((
                Interview {
                    id: id.to_owned(),
                    title: r.get(0)?,
                    topic: r.get(1)?,
                    scheduled_at: r.get(2)?,
                    duration_minutes: r.get(3)?,
                    interviewees: Vec::new(),
                    note_taker: None,
                    guide_id: r.get(5)?,
                    mixed_roles_ack_at: r.get(6)?,
                    status: status_of(&started, &ended),
                    held_minutes: held(&started, &ended),
                    started_at: started,
                    ended_at: ended,
                    draft: r.get(9)?,
                    note_count: r.get(10)?,
                    created_at: r.get(11)?,
                    updated_at: r.get(12)?,
                    version: r.get(13)?,
                },
                r.get::<_, Option<String>>(4)?,
            ))
        })
        .optional()?
        .ok_or_else(|| Error::not_found("interview", id))?;
    i.0.interviewees = people_of(db, id)?;
    i.0.note_taker = i.1.as_deref().map(|p| people::get(db, p)).transpose()?;
    Ok(i.0)
}

/// `[{id, name, role}]` of an interview's people, as JSON built by SQLite.
const INTERVIEWEES_JSON: &str = "(SELECT json_group_array(json_object('id', p.id, 'name', p.name, 'role', p.role))
       FROM (SELECT p.id, p.name, p.role FROM interview_people ip JOIN people p ON p.id = ip.person_id
             WHERE ip.interview_id = i.id ORDER BY p.name COLLATE NOCASE) p)";

/// Upcoming and running interviews first (soonest first), then ended ones, most recent first.
const LIST_ORDER: &str = "i.ended_at IS NOT NULL,
    CASE WHEN i.ended_at IS NULL THEN i.scheduled_at END, i.scheduled_at DESC";

/// One page of interviews, soonest upcoming first, then past ones most recent first, in one
/// query however long the list is. The page is picked first, so the people and note counts
/// are read only for the interviews shown.
pub fn list(db: &Db, filter: &InterviewFilter) -> Result<Page<InterviewSummary>> {
    let needle = filter
        .query
        .as_deref()
        .map(people::name_key)
        .filter(|n| !n.is_empty())
        .map(|n| format!("%{}%", validate::like_escape(&n)));
    let (limit, offset) = filter.page.unwrap_or_default().sql();
    let matches = "(?1 IS NULL OR lower(i.title || ' ' || i.topic) LIKE ?1 ESCAPE '\\'
          OR EXISTS (SELECT 1 FROM interview_people ip JOIN people p ON p.id = ip.person_id
                     WHERE ip.interview_id = i.id AND p.name_key LIKE ?1 ESCAPE '\\'))";
    let total: i64 = db
        .conn()
        .prepare_cached(&format!(
            "SELECT count(*) FROM interviews i WHERE {matches}"
        ))?
        .query_row([&needle], |r| r.get(0))?;
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT i.id, i.title, i.topic, i.scheduled_at, i.duration_minutes, i.started_at, i.ended_at,
                {INTERVIEWEES_JSON},
                (SELECT json_object('id', p.id, 'name', p.name, 'role', p.role) FROM people p
                  WHERE p.id = i.note_taker_id),
                (SELECT count(*) FROM notes n WHERE n.interview_id = i.id),
                i.mixed_roles_ack_at IS NOT NULL
         FROM (SELECT * FROM interviews i WHERE {matches} ORDER BY {LIST_ORDER}
               LIMIT ?2 OFFSET ?3) i
         ORDER BY {LIST_ORDER}"
    ))?;
    let items = stmt
        .query_map(params![needle, limit, offset], summary_from)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Page {
        total,
        offset,
        items,
    })
}

/// Interviews scheduled in `[from, to)` (RFC 3339 UTC), earliest first, in one query.
pub fn between(db: &Db, from: &str, to: &str) -> Result<Vec<InterviewSummary>> {
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT i.id, i.title, i.topic, i.scheduled_at, i.duration_minutes, i.started_at, i.ended_at,
                {INTERVIEWEES_JSON},
                (SELECT json_object('id', p.id, 'name', p.name, 'role', p.role) FROM people p
                  WHERE p.id = i.note_taker_id),
                (SELECT count(*) FROM notes n WHERE n.interview_id = i.id),
                i.mixed_roles_ack_at IS NOT NULL
         FROM interviews i WHERE i.scheduled_at >= ?1 AND i.scheduled_at < ?2
         ORDER BY i.scheduled_at"
    ))?;
    let all = stmt
        .query_map([from, to], summary_from)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(all)
}

fn summary_from(r: &rusqlite::Row) -> rusqlite::Result<InterviewSummary> {
    let (started, ended): (Option<String>, Option<String>) = (r.get(5)?, r.get(6)?);
    Ok(InterviewSummary {
        id: r.get(0)?,
        title: r.get(1)?,
        topic: r.get(2)?,
        scheduled_at: r.get(3)?,
        duration_minutes: r.get(4)?,
        status: status_of(&started, &ended),
        held_minutes: held(&started, &ended),
        interviewees: json_col(r, 7)?.unwrap_or_default(),
        note_taker: json_col(r, 8)?,
        note_count: r.get(9)?,
        mixed_roles: r.get(10)?,
    })
}

/// A JSON column built by SQLite, decoded.
pub(crate) fn json_col<T: serde::de::DeserializeOwned>(
    r: &rusqlite::Row,
    i: usize,
) -> rusqlite::Result<Option<T>> {
    let text: Option<String> = r.get(i)?;
    text.map(|t| {
        serde_json::from_str(&t).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}
