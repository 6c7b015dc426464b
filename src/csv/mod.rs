//! CSV in and out. Export: RFC 4180 with CRLF, UTF-8 with an optional BOM for Excel, stable
//! documented columns (docs/csv.md), and cells that a spreadsheet would run as a formula are
//! neutralised. Import: the file's encoding and delimiter are detected, headers are mapped to
//! fields, every row is checked by the core's own rules, rows whose `id` matches a record
//! update it, and the preview says what would be new, updated or unchanged before anything is
//! written — in one transaction, or not at all.
//!
//! Each list lives in `lists/`: its columns, its export query and, if importable, how a line
//! becomes a record. Adding a list is one file there and one line in [`ListKind`].

mod lists;
pub mod read;

use std::collections::HashMap;
use std::io::Write;

use ::csv as rcsv;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::journal::Journal;
use crate::db::{Db, Progress};
use crate::error::{Error, Result};

/// Errors listed in a report; the rest are only counted, so a bad million-row file gives a
/// short answer.
pub const MAX_LISTED_ERRORS: usize = 200;

crate::text_enum! {
    #[ts(export)]
    pub enum ListKind {
        People = "people",
        Interviews = "interviews",
        Notes = "notes",
        Quotes = "quotes",
        Findings = "findings",
        Questions = "questions",
        Guides = "guides",
        /// One line per deliverable (a row without deliverables gets one line of its own).
        RoadmapRows = "roadmap_rows",
        RoadmapUpdates = "roadmap_updates",
        /// One line per sprint card, with its sprint's focus and dates.
        SprintCards = "sprint_cards",
        FollowUps = "follow_ups",
        /// One line per transcript cue.
        Transcripts = "transcripts",
        Slos = "slos",
        /// Importable into one SLO.
        SloReadings = "slo_readings",
        Postmortems = "postmortems",
        ActionItems = "action_items",
        Toil = "toil",
    }
}

impl ListKind {
    /// The stable export columns (docs/csv.md).
    pub fn columns(self) -> &'static [&'static str] {
        lists::spec(self).columns()
    }
}

/// Characters that make Excel, LibreOffice or Sheets treat a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Prefixes `'` to a cell a spreadsheet would evaluate. A cell that already starts with `'`s
/// before such a character gets one more, so [`unneutralise`] restores every value exactly.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let rest = cell.trim_start_matches('\'');
    if rest.starts_with(FORMULA_START) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The inverse of [`neutralise`], applied on import.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_START) => rest,
        _ => cell,
    }
}

/// Export `kind` to `path` (a file the user picked in the save dialog).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CsvExport {
    pub kind: ListKind,
    pub path: String,
    /// Start with a UTF-8 byte-order mark so Excel detects UTF-8.
    pub bom: bool,
}

/// Import (or, with `dry_run`, preview) the file at `path` as `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CsvImport {
    pub kind: ListKind,
    pub path: String,
    pub dry_run: bool,
    /// Field → column name, when a header was not recognised.
    pub overrides: HashMap<String, String>,
    /// Where roadmap rows go.
    pub roadmap_id: Option<String>,
    /// The SLO readings go into.
    #[serde(default)]
    #[ts(optional)]
    pub slo_id: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportOptions {
    /// Start with a UTF-8 byte-order mark so Excel detects UTF-8.
    pub bom: bool,
}

/// How to import: column overrides, dry run, and where roadmap rows go.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub overrides: HashMap<String, String>,
    pub dry_run: bool,
    pub roadmap_id: Option<String>,
    /// The SLO readings go into.
    pub slo_id: Option<String>,
    /// Today in the user's zone (a deliverable imported as done is done today).
    pub today: Option<chrono::NaiveDate>,
    /// Commit every this many rows, with an undo journal that keeps the whole import
    /// all-or-nothing (`db::journal`), so other programs' writes never wait for all of it.
    /// `None`: one transaction.
    pub step_rows: Option<usize>,
}

/// What an import would do (dry run) or did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportReport {
    /// Data rows in the file.
    pub rows: u64,
    /// The file's header row, for choosing a mapping by hand.
    pub headers: Vec<String>,
    /// Which CSV column feeds each field.
    pub mapping: Vec<ColumnMap>,
    /// Columns in the file that no field uses.
    pub ignored_columns: Vec<String>,
    /// The first [`MAX_LISTED_ERRORS`] errors, by row and column.
    pub errors: Vec<RowError>,
    /// How many errors there are in all.
    pub error_total: u64,
    /// Things worth a look that do not stop the import (a name already in People).
    pub warnings: Vec<RowError>,
    /// Rows that would add a record …
    pub new: u64,
    /// … change the record with their `id` …
    pub updated: u64,
    /// … or leave it as it is.
    pub unchanged: u64,
    /// How the file was read: "UTF-8", "UTF-16LE", "Windows-1252" …
    pub encoding: String,
    /// "," ";" or a tab.
    pub delimiter: String,
    /// True only when every row was valid and the rows were written.
    pub applied: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ColumnMap {
    pub field: String,
    pub column: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RowError {
    /// 1-based line in spreadsheet terms: the header is row 1.
    pub row: u64,
    pub column: String,
    pub message: String,
}

impl ImportReport {
    fn error(&mut self, e: RowError) {
        self.error_total += 1;
        if self.errors.len() < MAX_LISTED_ERRORS {
            self.errors.push(e);
        }
    }

    fn warn(&mut self, e: RowError) {
        if self.warnings.len() < MAX_LISTED_ERRORS {
            self.warnings.push(e);
        }
    }
}

fn write_row<W: Write>(w: &mut rcsv::Writer<W>, row: &[String]) -> Result<()> {
    for c in row {
        w.write_field(neutralise(c).as_bytes()).map_err(csv_err)?;
    }
    w.write_record(None::<&[u8]>).map_err(csv_err)
}

fn csv_err(e: rcsv::Error) -> Error {
    match e.into_kind() {
        rcsv::ErrorKind::Io(io) => Error::Io(io),
        other => Error::Io(std::io::Error::other(format!("{other:?}"))),
    }
}

/// Writes `kind` as CSV to `out`, reporting rows written. Returns the number of data rows.
pub fn export<W: Write>(
    db: &Db,
    kind: ListKind,
    mut out: W,
    opts: ExportOptions,
    mut on_progress: impl FnMut(Progress),
) -> Result<u64> {
    if opts.bom {
        out.write_all("\u{FEFF}".as_bytes())?;
    }
    let spec = lists::spec(kind);
    let mut w = rcsv::WriterBuilder::new()
        .terminator(rcsv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(spec.columns()).map_err(csv_err)?;
    let total = spec.count(db)?;
    let mut done = 0u64;
    spec.export(db, &mut |row| {
        write_row(&mut w, row)?;
        done += 1;
        if done.is_multiple_of(1000) || done == total {
            on_progress(Progress { done, total });
        }
        Ok(())
    })?;
    w.flush()?;
    on_progress(Progress { done, total: done });
    Ok(done)
}

/// How many data rows an export of `kind` has.
pub fn count_rows(db: &Db, kind: ListKind) -> Result<u64> {
    lists::spec(kind).count(db)
}

/// The fields an importable list takes (`None`: export only), for a mapping screen.
pub fn import_fields(kind: ListKind) -> Option<Vec<String>> {
    lists::spec(kind)
        .fields()
        .map(|f| f.iter().map(|f| f.name.to_owned()).collect())
}

/// Imports the file `bytes` as `kind`. Every row is checked first (reading only); the rows are
/// written — new ones added, those whose `id` matches updated — in one unit, only if all of
/// them pass and this is not a dry run. `on_progress` sees rows checked; returning `false`
/// cancels, and nothing is written.
pub fn import(
    db: &Db,
    kind: ListKind,
    bytes: &[u8],
    opts: &ImportOptions,
    on_progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<ImportReport> {
    let spec = lists::spec(kind);
    if spec.fields().is_none() {
        return Err(Error::invalid(
            "kind",
            format!("{} cannot be imported (export only)", kind.as_str()),
        ));
    }
    let table = read::table(bytes)?;
    spec.import(db, &table, opts, on_progress)
}

/// The generic part of every import: map the headers, check each row with the list's rules,
/// classify rows as new / updated / unchanged, then write them all or none.
fn run<L: lists::Import>(
    db: &Db,
    table: &read::Table,
    opts: &ImportOptions,
    on_progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<ImportReport> {
    let ctx = L::context(db, opts)?;
    let (map, mapping, ignored, header_errors) =
        read::Mapping::new(table, L::FIELDS, &opts.overrides);
    let mut report = ImportReport {
        rows: table.rows.len() as u64,
        headers: table.headers.clone(),
        mapping,
        ignored_columns: ignored,
        encoding: table.encoding.to_owned(),
        delimiter: table.delimiter.to_string(),
        ..ImportReport::default()
    };
    for e in header_errors {
        report.error(e);
    }
    if report.error_total > 0 {
        return Ok(report);
    }
    let total = table.rows.len() as u64;
    let mut rows = Vec::with_capacity(table.rows.len());
    for (i, (row, record)) in table.rows.iter().enumerate() {
        let record = match record {
            Ok(r) => r,
            Err(message) => {
                report.error(RowError {
                    row: *row,
                    column: String::new(),
                    message: message.clone(),
                });
                continue;
            }
        };
        let get = |field: &str| map.get(record, field);
        match L::parse(&get, &map, &ctx) {
            Ok(parsed) => rows.push((*row, parsed)),
            Err(Error::Validation { field, message }) => report.error(RowError {
                row: *row,
                column: map.column_of(&field),
                message,
            }),
            Err(other) => return Err(other),
        }
        if (i + 1) % 1000 == 0
            && !on_progress(Progress {
                done: i as u64 + 1,
                total,
            })
        {
            return Err(Error::Cancelled);
        }
    }
    let changes = L::classify(db, &ctx, &rows, &mut |row, column, message, warning| {
        let e = RowError {
            row,
            column: map.column_of(column),
            message,
        };
        if warning {
            report.warn(e)
        } else {
            report.error(e)
        }
    })?;
    for c in &changes {
        match c {
            lists::Change::New => report.new += 1,
            lists::Change::Update => report.updated += 1,
            lists::Change::Same => report.unchanged += 1,
        }
    }
    on_progress(Progress { done: total, total });
    if report.error_total > 0 || opts.dry_run {
        return Ok(report);
    }
    let rows: Vec<_> = rows.into_iter().map(|(_, r)| r).zip(changes).collect();
    match opts.step_rows {
        // A caller's own transaction (a merge, a test) already makes it one unit.
        Some(step) if rows.len() > step && db.conn().is_autocommit() => {
            let journal = Journal::begin(db, &format!("import of {} rows", rows.len()))?;
            let mut rows = rows.into_iter().peekable();
            while rows.peek().is_some() {
                let chunk: Vec<_> = rows.by_ref().take(step).collect();
                journal.step(|db| L::apply(db, &ctx, chunk))?;
            }
            journal.finish()?;
        }
        _ => {
            let unit = db.unit()?;
            L::apply(db, &ctx, rows)?;
            unit.commit()?;
        }
    }
    report.applied = true;
    Ok(report)
}

/// A value that must be one of an enum's words ("" gives `default`).
fn choice<T: std::str::FromStr<Err = String>>(field: &str, value: &str, default: T) -> Result<T> {
    if value.trim().is_empty() {
        return Ok(default);
    }
    value.parse().map_err(|m: String| Error::invalid(field, m))
}

fn parse_bool(field: &str, v: &str) -> Result<bool> {
    match v.trim().to_lowercase().as_str() {
        "" | "false" | "no" | "n" | "0" => Ok(false),
        "true" | "yes" | "y" | "1" => Ok(true),
        other => Err(Error::invalid(
            field,
            format!("“{other}” is not yes/no (true/false)"),
        )),
    }
}

/// An `id` cell: empty (a new record), or an id Rapport wrote (UUID).
fn parse_id(v: &str) -> Result<Option<String>> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    uuid::Uuid::parse_str(v)
        .map(|_| Some(v.to_owned()))
        .map_err(|_| {
            Error::invalid(
                "id",
                format!("“{v}” is not an id Rapport wrote; leave it empty to add a new record"),
            )
        })
}

/// Space-separated words (tags, ids).
fn words(v: &str) -> Vec<String> {
    v.split_whitespace().map(str::to_owned).collect()
}
