//! One file per list: its columns, export query and (if importable) import rules. [`spec`] is
//! the only place that names them all.

mod findings;
mod follow_ups;
mod guides;
mod interviews;
mod notes;
mod people;
mod questions;
mod reliability;
mod roadmap_rows;
mod roadmap_updates;
mod slo_readings;
mod sprint_cards;
mod transcripts;

use super::read::{Field, Mapping, Table};
use super::{ImportOptions, ImportReport, ListKind};
use crate::db::{Db, Progress};
use crate::error::Result;

pub(super) fn spec(kind: ListKind) -> &'static dyn Spec {
    match kind {
        ListKind::People => &people::People,
        ListKind::Interviews => &interviews::Interviews,
        ListKind::Notes => &notes::Notes { quotes_only: false },
        ListKind::Quotes => &notes::Notes { quotes_only: true },
        ListKind::Findings => &findings::Findings,
        ListKind::Questions => &questions::Questions,
        ListKind::Guides => &guides::Guides,
        ListKind::RoadmapRows => &roadmap_rows::RoadmapRows,
        ListKind::RoadmapUpdates => &roadmap_updates::RoadmapUpdates,
        ListKind::SprintCards => &sprint_cards::SprintCards,
        ListKind::FollowUps => &follow_ups::FollowUps,
        ListKind::Transcripts => &transcripts::Transcripts,
        ListKind::Slos => &reliability::Slos,
        ListKind::SloReadings => &slo_readings::SloReadings,
        ListKind::Postmortems => &reliability::Postmortems,
        ListKind::ActionItems => &reliability::ActionItems,
        ListKind::Toil => &reliability::Toil,
    }
}

/// A list: its columns and how it is exported (and imported, when it is).
pub(super) trait Spec: Sync {
    /// The stable export columns (docs/csv.md).
    fn columns(&self) -> &'static [&'static str];
    /// Rows an export writes (for progress).
    fn count(&self, db: &Db) -> Result<u64>;
    /// Streams every row, cells in column order.
    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()>;
    /// The fields an import maps; `None` for export-only lists.
    fn fields(&self) -> Option<&'static [Field]> {
        None
    }
    fn import(
        &self,
        _db: &Db,
        _table: &Table,
        _opts: &ImportOptions,
        _on_progress: &mut dyn FnMut(Progress) -> bool,
    ) -> Result<ImportReport> {
        unreachable!("import() is only called on lists with fields()")
    }
}

/// What a valid row does when applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Change {
    New,
    /// Its `id` matches a record, which it changes.
    Update,
    /// Its `id` matches a record that already says the same.
    Same,
}

/// How lines of a file become records of a list.
pub(super) trait Import {
    /// One checked line.
    type Row;
    /// What the whole import shares (the target roadmap, today…).
    type Ctx;
    const FIELDS: &'static [Field];
    fn context(db: &Db, opts: &ImportOptions) -> Result<Self::Ctx>;
    /// Checks one line with the core's rules; a validation error names the field.
    fn parse(get: &dyn Fn(&str) -> String, map: &Mapping, ctx: &Self::Ctx) -> Result<Self::Row>;
    /// Decides, for all rows at once (a few queries, not one per row), whether each adds,
    /// changes or repeats a record. `note(row, field, message, is_warning)` reports problems
    /// found against the workspace.
    fn classify(
        db: &Db,
        ctx: &Self::Ctx,
        rows: &[(u64, Self::Row)],
        note: &mut dyn FnMut(u64, &str, String, bool),
    ) -> Result<Vec<Change>>;
    /// Writes every row (inside the caller's unit), with cached statements.
    fn apply(db: &Db, ctx: &Self::Ctx, rows: Vec<(Self::Row, Change)>) -> Result<()>;
}

/// [`Spec::fields`] and [`Spec::import`] for a list that implements [`Import`].
macro_rules! importable {
    () => {
        fn fields(&self) -> Option<&'static [crate::csv::read::Field]> {
            Some(<Self as crate::csv::lists::Import>::FIELDS)
        }
        fn import(
            &self,
            db: &crate::db::Db,
            table: &crate::csv::read::Table,
            opts: &crate::csv::ImportOptions,
            on_progress: &mut dyn FnMut(crate::db::Progress) -> bool,
        ) -> crate::error::Result<crate::csv::ImportReport> {
            crate::csv::run::<Self>(db, table, opts, on_progress)
        }
    };
}
use importable;

/// Streams the rows of `sql` (its columns in export order) as text cells.
fn rows(
    db: &Db,
    sql: &str,
    params: &[&dyn rusqlite::ToSql],
    out: &mut dyn FnMut(&[String]) -> Result<()>,
) -> Result<()> {
    let mut stmt = db.conn().prepare(sql)?;
    let n = stmt.column_count();
    let mut rows = stmt.query(params)?;
    let mut cells = vec![String::new(); n];
    while let Some(r) = rows.next()? {
        for (i, c) in cells.iter_mut().enumerate() {
            *c = cell(r.get_ref(i)?);
        }
        out(&cells)?;
    }
    Ok(())
}

fn cell(v: rusqlite::types::ValueRef<'_>) -> String {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => String::new(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into_owned(),
    }
}

fn count(db: &Db, sql: &str) -> Result<u64> {
    Ok(db.conn().query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
}

/// The rows of `sql` for `ids`, keyed by id, in one query: `sql` takes the ids as a JSON array
/// in `?1` (`WHERE id IN (SELECT value FROM json_each(?1))`) and selects the id first.
fn by_ids<T>(
    db: &Db,
    sql: &str,
    ids: impl Iterator<Item = String>,
    f: impl Fn(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<std::collections::HashMap<String, T>> {
    let json = serde_json::to_string(&ids.collect::<Vec<_>>())
        .map_err(|e| crate::error::Error::Io(std::io::Error::other(e)))?;
    let mut stmt = db.conn().prepare(sql)?;
    let found = stmt
        .query_map([json], |r| Ok((r.get(0)?, f(r)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}
