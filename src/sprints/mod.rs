//! One-week prototyping sprints: one focus, a named set of core users, a card limit the user
//! sets (going over it needs an acknowledgement), a To do / Doing / Done board, a daily log, a
//! pre-mortem, demo notes and a retro whose items can become findings or roadmap deliverables.
//! The board's moves and the burndown live in [`board`]; log, pre-mortem and retro in [`entries`].

pub mod board;
pub mod entries;

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock;
use crate::clock::parse_date;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::people::{self, Person};
use crate::records;
use crate::trash::{self, TrashEntry, TrashKind};
use crate::validate;

pub use board::{Burndown, BurndownDay, Card, Lane};
pub use entries::{Entry, EntryKind};

/// A sprint is one week: its last day is at most six days after its first.
pub const MAX_SPAN_DAYS: i64 = 6;
/// Working days in a default sprint ("day N of 5").
pub const DEFAULT_WORKING_DAYS: usize = 5;
pub const MAX_CARD_LIMIT: i64 = 50;
pub const FOCUS_MAX: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SprintInput {
    /// The one thing this week is for, as a single statement.
    pub focus: String,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    /// `YYYY-MM-DD`; empty for five working days from the start.
    pub ends_on: String,
    /// How many cards the scope allows; going over it warns.
    pub card_limit: i64,
    pub core_user_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SprintSummary {
    pub id: String,
    pub focus: String,
    pub starts_on: String,
    pub ends_on: String,
    pub card_limit: i64,
    pub card_count: i64,
    pub done_count: i64,
}

/// Where a sprint stands on a given day: day `day` of `of` working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SprintDay {
    /// 1-based on a working day; on a weekend, the working days already behind (maybe 0).
    pub day: u32,
    pub of: u32,
    /// False on a weekend or holiday inside the sprint.
    pub working: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Sprint {
    pub id: String,
    pub focus: String,
    pub starts_on: String,
    pub ends_on: String,
    pub card_limit: i64,
    pub core_users: Vec<Person>,
    /// To do, then Doing, then Done, each lane in board order.
    pub cards: Vec<Card>,
    /// Daily log, pre-mortem and retro items, oldest first.
    pub entries: Vec<Entry>,
    pub demo_notes: String,
    /// The sprint's working days (Monday to Friday), `YYYY-MM-DD`.
    pub working_days: Vec<String>,
    /// Soft problems worth showing (over the card limit, no pre-mortem once started).
    pub warnings: Vec<String>,
    /// Today's place in the sprint; `null` before it starts or after it ends.
    pub today: Option<SprintDay>,
    pub burndown: Burndown,
    pub version: i64,
}

fn is_working(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The Monday-to-Friday days from `start` to `end`, inclusive.
pub fn working_days(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    start
        .iter_days()
        .take_while(|d| *d <= end)
        .filter(|d| is_working(*d))
        .collect()
}

/// The default end: the fifth working day from `start` (a Monday start ends on Friday).
pub fn default_end(start: NaiveDate) -> NaiveDate {
    start
        .iter_days()
        .filter(|d| is_working(*d))
        .nth(DEFAULT_WORKING_DAYS - 1)
        .expect("days never run out")
}

/// Day N of M on `today`, or `None` outside the sprint.
pub fn day_of(start: NaiveDate, end: NaiveDate, today: NaiveDate) -> Option<SprintDay> {
    if today < start || today > end {
        return None;
    }
    let days = working_days(start, end);
    let behind = days.iter().filter(|d| **d <= today).count() as u32;
    Some(SprintDay {
        day: behind,
        of: days.len() as u32,
        working: is_working(today),
    })
}

struct Checked {
    focus: String,
    start: NaiveDate,
    end: NaiveDate,
    limit: i64,
    users: Vec<String>,
}

fn check(db: &Db, input: &SprintInput, editing: Option<&str>) -> Result<Checked> {
    let focus = validate::required_line("focus", "Focus", &input.focus, FOCUS_MAX)?;
    let start = parse_date("starts_on", "Start", &input.starts_on)?;
    let end = if input.ends_on.trim().is_empty() {
        default_end(start)
    } else {
        parse_date("ends_on", "End", &input.ends_on)?
    };
    if end < start {
        return Err(Error::invalid(
            "ends_on",
            "The sprint must end on or after its start",
        ));
    }
    if (end - start).num_days() > MAX_SPAN_DAYS {
        return Err(Error::invalid(
            "ends_on",
            format!(
                "A sprint is one week at most: {start} to {end} is {} days. Pick an end by {}, \
                 or plan a second sprint with its own focus.",
                (end - start).num_days() + 1,
                start + Duration::days(MAX_SPAN_DAYS)
            ),
        ));
    }
    if working_days(start, end).is_empty() {
        return Err(Error::invalid(
            "ends_on",
            "A sprint needs at least one working day (Monday to Friday)",
        ));
    }
    if !(1..=MAX_CARD_LIMIT).contains(&input.card_limit) {
        return Err(Error::invalid(
            "card_limit",
            format!(
                "The card limit is a number from 1 to {MAX_CARD_LIMIT}; a small scope is the point"
            ),
        ));
    }
    let mut seen = HashSet::new();
    let users: Vec<String> = input
        .core_user_ids
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty() && seen.insert(s.clone()))
        .collect();
    if users.is_empty() {
        return Err(Error::invalid(
            "core_users",
            "Name at least one core user: the people this week's prototype is for",
        ));
    }
    for id in &users {
        people::get_active(db, id, "core_users", "A core user is not in People")?;
    }
    let clash: Option<(String, String, String)> = db
        .conn()
        .query_row(
            "SELECT focus, starts_on, ends_on FROM sprints
             WHERE starts_on <= ?2 AND ends_on >= ?1 AND id IS NOT ?3 ORDER BY starts_on LIMIT 1",
            params![start.to_string(), end.to_string(), editing],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    if let Some((other, s, e)) = clash {
        return Err(Error::invalid(
            "starts_on",
            format!("The sprint \"{other}\" already runs {s} to {e}: one focus at a time"),
        ));
    }
    Ok(Checked {
        focus,
        start,
        end,
        limit: input.card_limit,
        users,
    })
}

fn write_users(tx: &rusqlite::Connection, id: &str, users: &[String]) -> Result<()> {
    tx.execute("DELETE FROM sprint_users WHERE sprint_id = ?1", [id])?;
    for p in users {
        tx.execute(
            "INSERT INTO sprint_users (sprint_id, person_id) VALUES (?1, ?2)",
            params![id, p],
        )?;
    }
    Ok(())
}

pub fn create(db: &Db, input: &SprintInput, today: NaiveDate) -> Result<Sprint> {
    let c = check(db, input, None)?;
    let (id, now) = (clock::new_id(), clock::now());
    let unit = db.unit()?;
    let tx = db.conn();
    tx.execute(
        "INSERT INTO sprints (id, focus, starts_on, ends_on, card_limit, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            id,
            c.focus,
            c.start.to_string(),
            c.end.to_string(),
            c.limit,
            now
        ],
    )?;
    write_users(tx, &id, &c.users)?;
    unit.commit()?;
    get(db, &id, today)
}

/// Saves an edit of the sprint (focus, dates, limit, core users) made from `version`.
pub fn update(
    db: &Db,
    id: &str,
    version: i64,
    input: &SprintInput,
    today: NaiveDate,
) -> Result<Sprint> {
    sprint_dates(db, id)?;
    let c = check(db, input, Some(id))?;
    let unit = db.unit()?;
    records::bump(db, "sprints", id, version, || get(db, id, today))?;
    let tx = db.conn();
    tx.execute(
        "UPDATE sprints SET focus = ?2, starts_on = ?3, ends_on = ?4, card_limit = ?5 WHERE id = ?1",
        params![id, c.focus, c.start.to_string(), c.end.to_string(), c.limit],
    )?;
    write_users(tx, id, &c.users)?;
    unit.commit()?;
    get(db, id, today)
}

/// Moves the sprint, with its cards, log and retro, to the trash.
pub fn delete(db: &Db, id: &str) -> Result<TrashEntry> {
    let focus: String = db
        .conn()
        .query_row("SELECT focus FROM sprints WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::not_found("sprint", id))?;
    trash::delete(db, TrashKind::Sprint, id, &focus)
}

pub fn save_demo_notes(db: &Db, id: &str, notes: &str, today: NaiveDate) -> Result<Sprint> {
    let notes = validate::optional("demo_notes", "Demo notes", notes, 10_000)?;
    if db.conn().execute(
        "UPDATE sprints SET demo_notes = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, notes, clock::now()],
    )? == 0
    {
        return Err(Error::not_found("sprint", id));
    }
    get(db, id, today)
}

/// Newest first.
pub fn list(db: &Db) -> Result<Vec<SprintSummary>> {
    let mut stmt = db.conn().prepare(
        "SELECT s.id, s.focus, s.starts_on, s.ends_on, s.card_limit,
                (SELECT count(*) FROM sprint_cards c WHERE c.sprint_id = s.id),
                (SELECT count(*) FROM sprint_cards c WHERE c.sprint_id = s.id AND c.lane = 'done')
         FROM sprints s ORDER BY s.starts_on DESC, s.created_at DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(SprintSummary {
            id: r.get(0)?,
            focus: r.get(1)?,
            starts_on: r.get(2)?,
            ends_on: r.get(3)?,
            card_limit: r.get(4)?,
            card_count: r.get(5)?,
            done_count: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The sprint running on `today`, if any (sprints never overlap).
pub fn current(db: &Db, today: NaiveDate) -> Result<Option<Sprint>> {
    let id: Option<String> = db
        .conn()
        .query_row(
            "SELECT id FROM sprints WHERE starts_on <= ?1 AND ends_on >= ?1 LIMIT 1",
            [today.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    id.map(|id| get(db, &id, today)).transpose()
}

pub(crate) fn sprint_dates(db: &Db, id: &str) -> Result<(NaiveDate, NaiveDate)> {
    let (s, e): (String, String) = db
        .conn()
        .query_row(
            "SELECT starts_on, ends_on FROM sprints WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("sprint", id))?;
    Ok((
        parse_date("starts_on", "Start", &s)?,
        parse_date("ends_on", "End", &e)?,
    ))
}

pub fn get(db: &Db, id: &str, today: NaiveDate) -> Result<Sprint> {
    type Head = (String, String, String, i64, String, i64);
    let (focus, starts_on, ends_on, card_limit, demo_notes, version): Head = db
        .conn()
        .query_row(
            "SELECT focus, starts_on, ends_on, card_limit, demo_notes, version FROM sprints WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )
            .optional()?
            .ok_or_else(|| Error::not_found("sprint", id))?;
    let (start, end) = (
        parse_date("starts_on", "Start", &starts_on)?,
        parse_date("ends_on", "End", &ends_on)?,
    );
    let core_users = db
        .conn()
        .prepare_cached(&format!(
            "SELECT {} FROM sprint_users u JOIN people p ON p.id = u.person_id
             WHERE u.sprint_id = ?1 ORDER BY p.name COLLATE NOCASE",
            people::COLUMNS_P
        ))?
        .query_map([id], people::from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let cards = board::cards(db, id)?;
    let entries = entries::list(db, id)?;
    let days = working_days(start, end);

    let mut warnings = Vec::new();
    let count = cards.len() as i64;
    if count > card_limit {
        warnings.push(format!(
            "{count} cards for a limit of {card_limit}: cut the scope back to one week's focus"
        ));
    }
    if today >= start && !entries.iter().any(|e| e.kind == EntryKind::Risk) {
        warnings.push(
            "No pre-mortem yet: list the ways this sprint could fail before day 1 ends".into(),
        );
    }
    Ok(Sprint {
        id: id.to_owned(),
        focus,
        starts_on,
        ends_on,
        card_limit,
        core_users,
        burndown: board::burndown(&cards, &days, today),
        cards,
        entries,
        demo_notes,
        working_days: days.iter().map(ToString::to_string).collect(),
        warnings,
        today: day_of(start, end, today),
        version,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_monday_start_ends_on_friday_and_a_wednesday_start_spans_the_weekend() {
        assert_eq!(default_end(d("2026-11-23")), d("2026-11-27"));
        assert_eq!(default_end(d("2026-11-25")), d("2026-12-01"));
        assert_eq!(working_days(d("2026-11-25"), d("2026-12-01")).len(), 5);
    }

    #[test]
    fn day_of_counts_working_days_and_marks_weekends() {
        let (s, e) = (d("2026-11-25"), d("2026-12-01"));
        assert_eq!(day_of(s, e, d("2026-11-24")), None);
        let wed = day_of(s, e, s).unwrap();
        assert_eq!((wed.day, wed.of, wed.working), (1, 5, true));
        let sat = day_of(s, e, d("2026-11-28")).unwrap();
        assert_eq!((sat.day, sat.working), (3, false));
        assert_eq!(day_of(s, e, e).unwrap().day, 5);
        assert_eq!(day_of(s, e, d("2026-12-02")), None);
    }
}
