//! The update meeting: walk the incomplete rows line by line and record a status and a note
//! per row. Updates are appended, never overwritten, so each row keeps its history.

use chrono::{Duration, NaiveDate};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{interval, Cadence};
use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::validate;

crate::text_enum! {
    #[ts(export)]
    pub enum UpdateStatus {
        OnTrack = "on-track",
        AtRisk = "at-risk",
        Blocked = "blocked",
        Done = "done",
        Dropped = "dropped",
    }
}

impl UpdateStatus {
    pub fn label(self) -> &'static str {
        match self {
            UpdateStatus::OnTrack => "on track",
            UpdateStatus::AtRisk => "at risk",
            UpdateStatus::Blocked => "blocked",
            UpdateStatus::Done => "done",
            UpdateStatus::Dropped => "dropped",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RowUpdate {
    pub id: String,
    pub row_id: String,
    /// The meeting's date, `YYYY-MM-DD`.
    pub meeting_on: String,
    pub status: UpdateStatus,
    pub note: String,
    pub created_at: String,
}

/// Each row's latest update in a roadmap, in one query.
pub(crate) fn latest_by_row(
    db: &Db,
    roadmap_id: &str,
) -> Result<std::collections::HashMap<String, RowUpdate>> {
    let mut stmt = db.conn().prepare_cached(
        "SELECT u.id, u.row_id, u.meeting_on, u.status, u.note, u.created_at
         FROM row_updates u JOIN roadmap_rows w ON w.id = u.row_id
         WHERE w.roadmap_id = ?1
           AND u.id = (SELECT u2.id FROM row_updates u2 WHERE u2.row_id = u.row_id
                       ORDER BY u2.created_at DESC, u2.id DESC LIMIT 1)",
    )?;
    let rows = stmt.query_map([roadmap_id], |r| {
        Ok((
            r.get::<_, String>(1)?,
            RowUpdate {
                id: r.get(0)?,
                row_id: r.get(1)?,
                meeting_on: r.get(2)?,
                status: r.get(3)?,
                note: r.get(4)?,
                created_at: r.get(5)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every update of a row, oldest first.
pub fn history(db: &Db, row_id: &str) -> Result<Vec<RowUpdate>> {
    let mut stmt = db.conn().prepare(
        "SELECT id, row_id, meeting_on, status, note, created_at FROM row_updates
         WHERE row_id = ?1 ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([row_id], |r| {
        Ok(RowUpdate {
            id: r.get(0)?,
            row_id: r.get(1)?,
            meeting_on: r.get(2)?,
            status: r.get(3)?,
            note: r.get(4)?,
            created_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records one line of the meeting. Refused once the interval has ended: what is left is the
/// retro.
pub fn record(
    db: &Db,
    row_id: &str,
    status: UpdateStatus,
    note: &str,
    today: NaiveDate,
) -> Result<RowUpdate> {
    let roadmap: String = db
        .conn()
        .query_row(
            "SELECT roadmap_id FROM roadmap_rows WHERE id = ?1",
            [row_id],
            |r| r.get(0),
        )
        .map_err(|_| Error::not_found("roadmap row", row_id))?;
    let (_, end) = interval(db, &roadmap)?;
    if today > end {
        return Err(Error::invalid(
            "status",
            format!("This interval ended on {end}; status updates are closed. Write the retro and carry unfinished rows over."),
        ));
    }
    let note = validate::optional("note", "Note", note, 2_000)?;
    let id = clock::new_id();
    db.conn().execute(
        "INSERT INTO row_updates (id, row_id, meeting_on, status, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, row_id, today.to_string(), status.as_str(), note, clock::now()],
    )?;
    Ok(history(db, row_id)?
        .into_iter()
        .find(|u| u.id == id)
        .expect("just inserted"))
}

/// When the next update meeting is due, by cadence: one cadence after the last meeting (or
/// after the start if none was held yet). `None` once the interval has ended.
pub fn next_meeting(db: &Db, roadmap_id: &str) -> Result<Option<NaiveDate>> {
    let (start, end) = interval(db, roadmap_id)?;
    let cadence: Cadence = db.conn().query_row(
        "SELECT cadence FROM roadmaps WHERE id = ?1",
        [roadmap_id],
        |x| x.get(0),
    )?;
    let last: Option<String> = db.conn().query_row(
        "SELECT max(u.meeting_on) FROM row_updates u JOIN roadmap_rows w ON w.id = u.row_id WHERE w.roadmap_id = ?1",
        [roadmap_id],
        |x| x.get(0),
    )?;
    Ok(next_after(start, end, cadence, last.as_deref()))
}

/// One cadence after the `last` meeting (`YYYY-MM-DD`), or after the start when none was held;
/// `None` past the stop date.
pub(crate) fn next_after(
    start: NaiveDate,
    end: NaiveDate,
    cadence: Cadence,
    last: Option<&str>,
) -> Option<NaiveDate> {
    let from = last
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .unwrap_or(start);
    let next = from + Duration::days(cadence.days());
    (next <= end).then_some(next)
}
