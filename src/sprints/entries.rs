//! What a sprint writes down besides cards: the daily log, the pre-mortem ("ways this could
//! fail", written at the start) and the retro (went well / to improve / learned), whose items
//! can become findings or roadmap deliverables.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{get, sprint_dates, Sprint};
use crate::clock;
use crate::clock::parse_date;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::findings;
use crate::roadmaps::{self, DeliverableInput, DeliverableStatus};
use crate::trash::{self, TrashEntry, TrashKind};
use crate::validate;

pub const TEXT_MAX: usize = 2_000;

crate::text_enum! {
    #[ts(export)]
    pub enum EntryKind {
        /// A line of the daily log.
        Log = "log",
        /// A pre-mortem item: one way this sprint could fail.
        Risk = "risk",
        WentWell = "went-well",
        ToImprove = "to-improve",
        Learned = "learned",
    }
}

impl EntryKind {
    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Log => "log",
            EntryKind::Risk => "pre-mortem",
            EntryKind::WentWell => "went well",
            EntryKind::ToImprove => "to improve",
            EntryKind::Learned => "learned",
        }
    }
    pub fn is_retro(self) -> bool {
        matches!(
            self,
            EntryKind::WentWell | EntryKind::ToImprove | EntryKind::Learned
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Entry {
    pub id: String,
    pub kind: EntryKind,
    /// The day it is about, `YYYY-MM-DD`.
    pub day: String,
    pub text: String,
    /// The finding this retro item became, if any.
    pub finding_id: Option<String>,
    /// The roadmap deliverable this retro item became, if any.
    pub deliverable_id: Option<String>,
    pub created_at: String,
}

pub(crate) fn list(db: &Db, sprint_id: &str) -> Result<Vec<Entry>> {
    let mut stmt = db.conn().prepare(
        "SELECT id, kind, day, text, finding_id, deliverable_id, created_at FROM sprint_entries
         WHERE sprint_id = ?1 ORDER BY day, created_at, id",
    )?;
    let rows = stmt.query_map([sprint_id], |r| {
        Ok(Entry {
            id: r.get(0)?,
            kind: r.get(1)?,
            day: r.get(2)?,
            text: r.get(3)?,
            finding_id: r.get(4)?,
            deliverable_id: r.get(5)?,
            created_at: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds a log line, pre-mortem item or retro item. `day` (empty for today) must fall inside
/// the sprint for log lines: the log is of this week's days.
pub fn add(
    db: &Db,
    sprint_id: &str,
    kind: EntryKind,
    text: &str,
    day: &str,
    today: NaiveDate,
) -> Result<Sprint> {
    let text = validate::required("text", kind.label(), text, TEXT_MAX)?;
    let (start, end) = sprint_dates(db, sprint_id)?;
    let day = if day.trim().is_empty() {
        if kind == EntryKind::Log {
            today.clamp(start, end)
        } else {
            today
        }
    } else {
        parse_date("day", "Day", day)?
    };
    if kind == EntryKind::Log && (day < start || day > end) {
        return Err(Error::invalid(
            "day",
            format!("The log covers the sprint's days, {start} to {end}"),
        ));
    }
    db.conn().execute(
        "INSERT INTO sprint_entries (id, sprint_id, kind, day, text, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            clock::new_id(),
            sprint_id,
            kind.as_str(),
            day.to_string(),
            text,
            clock::now()
        ],
    )?;
    get(db, sprint_id, today)
}

/// An entry's sprint, kind, text, finding and deliverable.
type EntryHead = (String, EntryKind, String, Option<String>, Option<String>);

fn entry(db: &Db, id: &str) -> Result<EntryHead> {
    db.conn()
        .query_row(
            "SELECT sprint_id, kind, text, finding_id, deliverable_id FROM sprint_entries WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| Error::not_found("sprint entry", id))
}

/// Moves the log line, pre-mortem or retro item to the trash.
pub fn delete(db: &Db, id: &str) -> Result<TrashEntry> {
    let (_, _, text, ..) = entry(db, id)?;
    let label: String = text.chars().take(80).collect();
    trash::delete(db, TrashKind::SprintEntry, id, &label)
}

/// The retro item `id`, checked to be a retro item that has not become anything yet.
fn promotable(db: &Db, id: &str) -> Result<(String, EntryKind, String)> {
    let (sprint, kind, text, finding, deliverable) = entry(db, id)?;
    if !kind.is_retro() {
        return Err(Error::invalid(
            "entry",
            "Only retro items (went well, to improve, learned) become findings or deliverables",
        ));
    }
    if finding.is_some() || deliverable.is_some() {
        return Err(Error::invalid(
            "entry",
            "This retro item already became a finding or a deliverable",
        ));
    }
    Ok((sprint, kind, text))
}

/// A one-line title from a retro item: its first line, cut at `max` characters. Tabs and
/// other whitespace inside it become single spaces, as titles must be single lines.
fn title_of(text: &str, max: usize) -> String {
    let first = text.lines().next().unwrap_or("");
    let line = first.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        line
    } else {
        let cut: String = line.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Turns a retro item into an open finding tagged `sprint-retro`, linked both ways.
pub fn to_finding(db: &Db, id: &str, today: NaiveDate) -> Result<Sprint> {
    let (sprint, kind, text) = promotable(db, id)?;
    let (focus, starts_on): (String, String) = db.conn().query_row(
        "SELECT focus, starts_on FROM sprints WHERE id = ?1",
        [&sprint],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let source = format!(
        "retro of the sprint \"{focus}\" ({starts_on}), {}",
        kind.label()
    );
    let unit = db.unit()?;
    let tx = db.conn();
    let finding = findings::insert_sourced(
        tx,
        &title_of(&text, findings::TITLE_MAX),
        &text,
        &source,
        "sprint-retro",
    )?;
    tx.execute(
        "UPDATE sprint_entries SET finding_id = ?2 WHERE id = ?1",
        params![id, finding],
    )?;
    unit.commit()?;
    get(db, &sprint, today)
}

/// Turns a retro item into a planned deliverable on roadmap row `row_id`, linked both ways.
pub fn to_deliverable(db: &Db, id: &str, row_id: &str, today: NaiveDate) -> Result<Sprint> {
    let (sprint, _, text) = promotable(db, id)?;
    roadmaps::row_roadmap(db, row_id)
        .map_err(|_| Error::invalid("row", "Pick a roadmap row for the deliverable"))?;
    let input = DeliverableInput {
        title: title_of(&text, 300),
        owner: String::new(),
        due_on: String::new(),
        status: DeliverableStatus::Planned,
    };
    let unit = db.unit()?;
    let tx = db.conn();
    let deliverable = roadmaps::insert_deliverable(tx, row_id, &input, today, None)?;
    tx.execute(
        "UPDATE sprint_entries SET deliverable_id = ?2 WHERE id = ?1",
        params![id, deliverable],
    )?;
    unit.commit()?;
    get(db, &sprint, today)
}
