//! End of interval: a retrospective on the roadmapping process, estimation and execution with
//! planned-vs-done figures, and carrying unfinished work into the next interval.

use chrono::{Duration, NaiveDate};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{get, interval, DeliverableStatus, Roadmap, RowInput};
use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::validate;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RetroFigures {
    pub rows: i64,
    pub rows_complete: i64,
    pub deliverables_planned: i64,
    pub deliverables_done: i64,
    pub deliverables_dropped: i64,
    /// Done by their due date, among done deliverables that had one.
    pub done_on_time: i64,
    /// Estimation accuracy: done on time ÷ deliverables that had a due date (0–1; `null`
    /// when nothing had a due date).
    pub estimation_accuracy: Option<f64>,
    /// Deliverables that missed their due date (done late, or not done by the end).
    pub slipped: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RetroNotes {
    /// How the roadmapping process itself went.
    pub process: String,
    /// How good the estimates were, and why.
    pub estimation: String,
    /// How execution went.
    pub execution: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Retro {
    pub figures: RetroFigures,
    pub notes: RetroNotes,
}

fn date(s: &Option<String>) -> Option<NaiveDate> {
    s.as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// Planned vs done for `r`, as of `today`.
pub fn figures(r: &Roadmap, today: NaiveDate) -> RetroFigures {
    let all: Vec<_> = r.rows.iter().flat_map(|w| &w.deliverables).collect();
    let done: Vec<_> = all
        .iter()
        .filter(|d| d.status == DeliverableStatus::Done)
        .collect();
    let with_due = all
        .iter()
        .filter(|d| d.due_on.is_some() && d.status != DeliverableStatus::Dropped)
        .count() as i64;
    let on_time = done
        .iter()
        .filter(|d| matches!((date(&d.done_on), date(&d.due_on)), (Some(a), Some(b)) if a <= b))
        .count() as i64;
    let slipped = all
        .iter()
        .filter(|d| d.status != DeliverableStatus::Dropped)
        .filter(|d| match (date(&d.due_on), date(&d.done_on)) {
            (Some(due), Some(done_on)) => done_on > due,
            (Some(due), None) => due < today,
            _ => false,
        })
        .map(|d| d.title.clone())
        .collect();
    RetroFigures {
        rows: r.rows.len() as i64,
        rows_complete: r.rows.iter().filter(|w| w.is_complete()).count() as i64,
        deliverables_planned: all.len() as i64,
        deliverables_done: done.len() as i64,
        deliverables_dropped: all
            .iter()
            .filter(|d| d.status == DeliverableStatus::Dropped)
            .count() as i64,
        done_on_time: on_time,
        estimation_accuracy: (with_due > 0).then(|| on_time as f64 / with_due as f64),
        slipped,
    }
}

pub fn get_retro(db: &Db, roadmap_id: &str, today: NaiveDate) -> Result<Retro> {
    let r = get(db, roadmap_id)?;
    let notes = db
        .conn()
        .query_row(
            "SELECT process, estimation, execution FROM retros WHERE roadmap_id = ?1",
            [roadmap_id],
            |x| {
                Ok(RetroNotes {
                    process: x.get(0)?,
                    estimation: x.get(1)?,
                    execution: x.get(2)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default();
    Ok(Retro {
        figures: figures(&r, today),
        notes,
    })
}

/// Saves the retro notes. Allowed at any time, including after the interval has ended.
pub fn save_notes(
    db: &Db,
    roadmap_id: &str,
    notes: &RetroNotes,
    today: NaiveDate,
) -> Result<Retro> {
    interval(db, roadmap_id)?;
    let process = validate::optional("process", "Process notes", &notes.process, 10_000)?;
    let estimation =
        validate::optional("estimation", "Estimation notes", &notes.estimation, 10_000)?;
    let execution = validate::optional("execution", "Execution notes", &notes.execution, 10_000)?;
    db.conn().execute(
        "INSERT INTO retros (roadmap_id, process, estimation, execution, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (roadmap_id) DO UPDATE SET process = excluded.process, estimation = excluded.estimation,
                execution = excluded.execution, updated_at = excluded.updated_at",
        params![roadmap_id, process, estimation, execution, clock::now()],
    )?;
    get_retro(db, roadmap_id, today)
}

/// Starts the next interval the day after this one ends (same length and cadence) with every
/// incomplete row and its unfinished deliverables, in one transaction.
///
/// Done once: a second attempt points at the interval already made instead of copying the
/// work again.
pub fn carry_over(db: &Db, roadmap_id: &str) -> Result<Roadmap> {
    let r = get(db, roadmap_id)?;
    if let Some(next) = &r.carried_into {
        let title = get(db, next)?.title;
        return Err(Error::invalid(
            "carry_over",
            format!("Its unfinished work was already carried over into “{title}”"),
        ));
    }
    let (start, end) = (
        crate::clock::parse_date("starts_on", "Start", &r.starts_on)?,
        crate::clock::parse_date("ends_on", "End", &r.ends_on)?,
    );
    let next_start = end + Duration::days(1);
    let next_end = next_start + (end - start);
    let title = format!("{} (carried over)", r.title);
    let (id, now) = (clock::new_id(), clock::now());
    let unit = db.unit()?;
    let tx = db.conn();
    tx.execute(
        "INSERT INTO roadmaps (id, title, starts_on, ends_on, cadence, carried_from, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, title, next_start.to_string(), next_end.to_string(), r.cadence.as_str(), roadmap_id, now],
    )?;
    for row in r.rows.iter().filter(|w| !w.is_complete()) {
        let input = RowInput {
            project: row.project.clone(),
            stakeholders: row.stakeholders.clone(),
            goal_what: row.goal_what.clone(),
            goal_why: row.goal_why.clone(),
            priority: row.priority,
        };
        let new_row = super::insert_row(tx, &id, &input, None, Some(&row.id))?;
        let open = row.deliverables.iter().filter(|d| {
            !matches!(
                d.status,
                DeliverableStatus::Done | DeliverableStatus::Dropped
            )
        });
        for (dpos, d) in open.enumerate() {
            tx.execute(
                "INSERT INTO deliverables (id, row_id, title, owner, due_on, status, position, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, ?7)",
                params![clock::new_id(), new_row, d.title, d.owner, d.status.as_str(), dpos as i64 + 1, now],
            )?;
        }
    }
    unit.commit()?;
    get(db, &id)
}
