//! Nothing a user made is lost by one click: a delete moves the record, with everything that
//! goes with it, to the trash, and restore puts back exactly what was there.
//!
//! A delete snapshots the record and, following the schema's foreign keys, every row the
//! delete cascades to (an interview's notes, their tags, the findings evidence that cites
//! them…) and every reference it would clear (`ON DELETE SET NULL`). Restore re-inserts the
//! rows parents first and re-points the cleared references. Because it reads the schema,
//! a new table is covered without touching this file. After 30 days (or "Delete forever")
//! the snapshot is dropped and only a tombstone stays, for a later merge of workspaces.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};

/// Days a deleted record can be restored before its snapshot is purged.
pub const KEEP_DAYS: i64 = 30;

crate::text_enum! {
    /// What was deleted.
    #[ts(export)]
    pub enum TrashKind {
        Interview = "interview",
        Note = "note",
        Finding = "finding",
        Guide = "guide",
        GuideItem = "guide-item",
        Roadmap = "roadmap",
        RoadmapRow = "roadmap-row",
        Deliverable = "deliverable",
        Sprint = "sprint",
        Card = "card",
        SprintEntry = "sprint-entry",
        FollowUp = "follow-up",
        /// A person merged into another: restore un-merges them.
        Merge = "merge",
        Service = "service",
        Slo = "slo",
        Reading = "reading",
        Postmortem = "postmortem",
        ActionItem = "action-item",
        Toil = "toil",
        Transcript = "transcript",
    }
}

impl TrashKind {
    /// The table holding this kind of record.
    pub fn table(self) -> &'static str {
        match self {
            TrashKind::Interview => "interviews",
            TrashKind::Note => "notes",
            TrashKind::Finding => "findings",
            TrashKind::Guide => "guides",
            TrashKind::GuideItem => "guide_items",
            TrashKind::Roadmap => "roadmaps",
            TrashKind::RoadmapRow => "roadmap_rows",
            TrashKind::Deliverable => "deliverables",
            TrashKind::Sprint => "sprints",
            TrashKind::Card => "sprint_cards",
            TrashKind::SprintEntry => "sprint_entries",
            TrashKind::FollowUp => "followups",
            TrashKind::Merge => "people",
            TrashKind::Service => "services",
            TrashKind::Slo => "slos",
            TrashKind::Reading => "slo_readings",
            TrashKind::Postmortem => "postmortems",
            TrashKind::ActionItem => "action_items",
            TrashKind::Toil => "toil_entries",
            TrashKind::Transcript => "transcripts",
        }
    }

    /// How a person names it.
    pub fn noun(self) -> &'static str {
        match self {
            TrashKind::Interview => "interview",
            TrashKind::Note => "note",
            TrashKind::Finding => "finding",
            TrashKind::Guide => "guide",
            TrashKind::GuideItem => "question in a guide",
            TrashKind::Roadmap => "roadmap",
            TrashKind::RoadmapRow => "roadmap row",
            TrashKind::Deliverable => "deliverable",
            TrashKind::Sprint => "sprint",
            TrashKind::Card => "card",
            TrashKind::SprintEntry => "sprint note",
            TrashKind::FollowUp => "follow-up",
            TrashKind::Merge => "merged person",
            TrashKind::Service => "service",
            TrashKind::Slo => "SLO",
            TrashKind::Reading => "SLO reading",
            TrashKind::Postmortem => "postmortem",
            TrashKind::ActionItem => "action item",
            TrashKind::Toil => "toil entry",
            TrashKind::Transcript => "transcript",
        }
    }
}

/// A deleted record as the Trash screen and the "Deleted … Undo" toast show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrashEntry {
    pub id: String,
    pub kind: TrashKind,
    pub entity_id: String,
    pub label: String,
    pub deleted_at: String,
    /// What went with it, e.g. "12 notes, 3 tags".
    pub contents: String,
    /// When restore stops being possible (`deleted_at` + 30 days).
    pub purge_after: String,
}

/// One cell, typed exactly as SQLite stored it (so an integer stays an integer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Cell {
    #[serde(rename = "n")]
    Null,
    #[serde(rename = "i")]
    Int(i64),
    #[serde(rename = "r")]
    Real(f64),
    #[serde(rename = "t")]
    Text(String),
    #[serde(rename = "b")]
    Blob(Vec<u8>),
}

impl Cell {
    fn of(v: ValueRef<'_>) -> Cell {
        match v {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(i) => Cell::Int(i),
            ValueRef::Real(f) => Cell::Real(f),
            ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Cell::Blob(b.to_vec()),
        }
    }

    fn value(&self) -> Value {
        match self {
            Cell::Null => Value::Null,
            Cell::Int(i) => Value::Integer(*i),
            Cell::Real(f) => Value::Real(*f),
            Cell::Text(t) => Value::Text(t.clone()),
            Cell::Blob(b) => Value::Blob(b.clone()),
        }
    }
}

/// A row as it was: its table and every column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct SavedRow {
    table: String,
    columns: Vec<String>,
    cells: Vec<Cell>,
}

/// A reference the delete (or merge) changed: in `table`, the row with `key` had `column` set to
/// `was`; it is now `now` (NULL after a delete, the kept person after a merge).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Relink {
    table: String,
    key: Vec<(String, Cell)>,
    column: String,
    was: Cell,
    now: Cell,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Payload {
    rows: Vec<SavedRow>,
    relinks: Vec<Relink>,
}

/// A foreign key: `child.column` refers to `parent.parent_column`.
#[derive(Debug, Clone)]
struct ForeignKey {
    child: String,
    column: String,
    parent: String,
    parent_column: String,
    on_delete: String,
}

fn foreign_keys(conn: &Connection) -> Result<Vec<ForeignKey>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.name, f.\"from\", f.\"table\", coalesce(f.\"to\", 'id'), f.on_delete
         FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table'",
    )?;
    let fks = stmt
        .query_map([], |r| {
            Ok(ForeignKey {
                child: r.get(0)?,
                column: r.get(1)?,
                parent: r.get(2)?,
                parent_column: r.get(3)?,
                on_delete: r.get::<_, String>(4)?.to_uppercase(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(fks)
}

/// The primary-key columns of `table`, in key order.
fn key_columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk")?;
    let cols = stmt
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(cols)
}

fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Every row of `table` where `column = value`, with its columns.
fn rows_where(
    conn: &Connection,
    table: &str,
    column: &str,
    value: &Value,
) -> Result<Vec<SavedRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT * FROM {} WHERE {} = ?1",
        ident(table),
        ident(column)
    ))?;
    let columns: Vec<String> = stmt.column_names().map(|c| c.to_string()).collect();
    let mut rows = stmt.query([value])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let cells = (0..columns.len())
            .map(|i| r.get_ref(i).map(Cell::of))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.push(SavedRow {
            table: table.to_owned(),
            columns: columns.clone(),
            cells,
        });
    }
    Ok(out)
}

impl SavedRow {
    fn get(&self, column: &str) -> Option<&Cell> {
        self.columns
            .iter()
            .position(|c| c == column)
            .map(|i| &self.cells[i])
    }

    fn key(&self, key_cols: &[String]) -> Vec<(String, Cell)> {
        key_cols
            .iter()
            .map(|k| (k.clone(), self.get(k).cloned().unwrap_or(Cell::Null)))
            .collect()
    }
}

/// Walks from the rows of `table` where `column = value` down every cascading foreign key,
/// saving each row once, and records the references a delete would clear.
struct Walk<'a> {
    conn: &'a Connection,
    fks: Vec<ForeignKey>,
    payload: Payload,
    seen: HashSet<String>,
}

impl Walk<'_> {
    fn collect(&mut self, table: &str, column: &str, value: &Value) -> Result<()> {
        let key_cols = key_columns(self.conn, table)?;
        for row in rows_where(self.conn, table, column, value)? {
            let id = format!("{table}:{:?}", row.key(&key_cols));
            if !self.seen.insert(id) {
                continue;
            }
            let children: Vec<ForeignKey> = self
                .fks
                .iter()
                .filter(|fk| fk.parent == table)
                .cloned()
                .collect();
            self.payload.rows.push(row.clone());
            for fk in children {
                let Some(parent_value) = row.get(&fk.parent_column).map(Cell::value) else {
                    continue;
                };
                match fk.on_delete.as_str() {
                    "CASCADE" => self.collect(&fk.child, &fk.column, &parent_value)?,
                    "SET NULL" => {
                        let child_keys = key_columns(self.conn, &fk.child)?;
                        for child in rows_where(self.conn, &fk.child, &fk.column, &parent_value)? {
                            self.payload.relinks.push(Relink {
                                table: fk.child.clone(),
                                key: child.key(&child_keys),
                                column: fk.column.clone(),
                                was: Cell::of(ValueRef::from(&parent_value)),
                                now: Cell::Null,
                            });
                        }
                    }
                    _ => {
                        let n = rows_where(self.conn, &fk.child, &fk.column, &parent_value)?.len();
                        if n > 0 {
                            return Err(Error::invalid(
                                "id",
                                format!(
                                    "It can't be deleted while {n} {} record{} refer to it",
                                    fk.child.replace('_', " "),
                                    if n == 1 { "" } else { "s" }
                                ),
                            ));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// What went with the record, for the Trash screen: "12 notes, 3 note tags".
fn contents(p: &Payload) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for r in p.rows.iter().skip(1) {
        match counts.iter_mut().find(|(t, _)| *t == r.table) {
            Some((_, n)) => *n += 1,
            None => counts.push((r.table.clone(), 1)),
        }
    }
    let mut parts: Vec<String> = counts
        .into_iter()
        .map(|(t, n)| {
            let noun = t.replace('_', " ");
            let noun = if n == 1 {
                noun.strip_suffix('s').unwrap_or(&noun).to_owned()
            } else {
                noun
            };
            format!("{n} {noun}")
        })
        .collect();
    if !p.relinks.is_empty() {
        parts.push(format!(
            "{} link{}",
            p.relinks.len(),
            if p.relinks.len() == 1 { "" } else { "s" }
        ));
    }
    parts.join(", ")
}

fn record(
    conn: &Connection,
    kind: TrashKind,
    entity_id: &str,
    label: &str,
    payload: &Payload,
) -> Result<TrashEntry> {
    let (id, now) = (clock::new_id(), clock::now());
    let json = serde_json::to_string(payload).map_err(|e| Error::Io(std::io::Error::other(e)))?;
    conn.execute(
        "INSERT INTO trash (id, kind, entity_id, label, deleted_at, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, kind, entity_id, label, now, json],
    )?;
    entry(conn, &id)
}

/// Moves the record `id` of `kind`, and everything that goes with it, to the trash.
/// `label` is how the user will recognise it ("Interview: How deploys work").
pub fn delete(db: &Db, kind: TrashKind, id: &str, label: &str) -> Result<TrashEntry> {
    let conn = db.conn();
    let mut walk = Walk {
        conn,
        fks: foreign_keys(conn)?,
        payload: Payload::default(),
        seen: HashSet::new(),
    };
    walk.collect(kind.table(), "id", &Value::Text(id.to_owned()))?;
    if walk.payload.rows.is_empty() {
        return Err(Error::not_found(kind.noun(), id));
    }
    let sp = db.unit()?;
    conn.execute(
        &format!("DELETE FROM {} WHERE id = ?1", ident(kind.table())),
        [id],
    )?;
    let e = record(conn, kind, id, label, &walk.payload)?;
    sp.commit()?;
    Ok(e)
}

/// Merges person `from` into person `into`: every reference to `from` now points at `into`,
/// and `from` goes to the trash; restoring it un-merges exactly. Where both were in the same
/// place (the same interview), `from`'s place is removed rather than doubled.
pub fn merge_person(db: &Db, into: &str, from: &str, label: &str) -> Result<TrashEntry> {
    let conn = db.conn();
    let sp = db.unit()?;
    let fks: Vec<ForeignKey> = foreign_keys(conn)?
        .into_iter()
        .filter(|fk| fk.parent == "people")
        .collect();
    let mut payload = Payload::default();
    let person = rows_where(conn, "people", "id", &Value::Text(from.to_owned()))?;
    let Some(person) = person.into_iter().next() else {
        return Err(Error::not_found("person", from));
    };
    payload.rows.push(person);
    let from_v = Value::Text(from.to_owned());
    for fk in fks {
        let keys = key_columns(conn, &fk.child)?;
        for row in rows_where(conn, &fk.child, &fk.column, &from_v)? {
            let old_key = row.key(&keys);
            let (clause, mut args) = key_clause(&old_key);
            args[0] = Value::Text(into.to_owned());
            let moved = conn.execute(
                &format!(
                    "UPDATE OR IGNORE {} SET {} = ?1 WHERE {clause}",
                    ident(&fk.child),
                    ident(&fk.column)
                ),
                rusqlite::params_from_iter(args.iter()),
            )?;
            if moved == 1 {
                let new_key = old_key
                    .iter()
                    .map(|(k, v)| {
                        if *k == fk.column {
                            (k.clone(), Cell::Text(into.to_owned()))
                        } else {
                            (k.clone(), v.clone())
                        }
                    })
                    .collect();
                payload.relinks.push(Relink {
                    table: fk.child.clone(),
                    key: new_key,
                    column: fk.column.clone(),
                    was: Cell::Text(from.to_owned()),
                    now: Cell::Text(into.to_owned()),
                });
            } else {
                // `into` is already there: drop `from`'s duplicate place, keeping it to restore.
                let (clause, args) = key_clause(&old_key);
                conn.execute(
                    &format!("DELETE FROM {} WHERE {clause}", ident(&fk.child)),
                    rusqlite::params_from_iter(args.iter()),
                )?;
                payload.rows.push(row);
            }
        }
    }
    conn.execute("DELETE FROM people WHERE id = ?1", [from])?;
    let e = record(conn, TrashKind::Merge, from, label, &payload)?;
    sp.commit()?;
    Ok(e)
}

/// `"a" = ?2 AND "b" = ?3`, with its arguments after a placeholder for `?1`.
fn key_clause(key: &[(String, Cell)]) -> (String, Vec<Value>) {
    let clause = key
        .iter()
        .enumerate()
        .map(|(i, (k, _))| format!("{} IS ?{}", ident(k), i + 2))
        .collect::<Vec<_>>()
        .join(" AND ");
    let mut args = vec![Value::Null];
    args.extend(key.iter().map(|(_, v)| v.value()));
    (clause, args)
}

/// Puts a deleted record back exactly as it was, with what went with it.
pub fn restore(db: &Db, trash_id: &str) -> Result<TrashEntry> {
    let conn = db.conn();
    let e = entry(conn, trash_id)?;
    let payload: Option<String> =
        conn.query_row("SELECT payload FROM trash WHERE id = ?1", [trash_id], |r| {
            r.get(0)
        })?;
    let Some(payload) = payload else {
        return Err(Error::invalid(
            "trash",
            "It was deleted forever and can no longer be restored",
        ));
    };
    let payload: Payload =
        serde_json::from_str(&payload).map_err(|e| Error::Io(std::io::Error::other(e)))?;
    let sp = db.unit()?;
    for row in parents_first(&payload.rows, &foreign_keys(conn)?) {
        let cols = row
            .columns
            .iter()
            .map(|c| ident(c))
            .collect::<Vec<_>>()
            .join(", ");
        let marks = (1..=row.cells.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        conn.execute(
            &format!(
                "INSERT INTO {} ({cols}) VALUES ({marks})",
                ident(&row.table)
            ),
            rusqlite::params_from_iter(row.cells.iter().map(Cell::value)),
        )
        .map_err(|err| restore_error(err, &e))?;
    }
    for l in &payload.relinks {
        let (clause, mut args) = key_clause(&l.key);
        args[0] = l.was.value();
        let n = args.len();
        args.push(l.now.value());
        conn.execute(
            &format!(
                "UPDATE {} SET {col} = ?1 WHERE {clause} AND {col} IS ?{}",
                ident(&l.table),
                n + 1,
                col = ident(&l.column)
            ),
            rusqlite::params_from_iter(args.iter()),
        )?;
    }
    conn.execute("DELETE FROM trash WHERE id = ?1", [trash_id])?;
    sp.commit()?;
    Ok(e)
}

/// The saved rows, every table after the tables it refers to (the walk saved them depth
/// first, so a note can come before the transcript it points at); rows of one table keep
/// their order.
fn parents_first<'a>(rows: &'a [SavedRow], fks: &[ForeignKey]) -> Vec<&'a SavedRow> {
    let mut tables: Vec<&str> = Vec::new();
    for r in rows {
        if !tables.contains(&r.table.as_str()) {
            tables.push(&r.table);
        }
    }
    let mut order: Vec<&str> = Vec::new();
    while order.len() < tables.len() {
        let before = order.len();
        for &t in &tables {
            let ready = !order.contains(&t)
                && fks.iter().all(|fk| {
                    fk.child != t
                        || fk.parent == t
                        || !tables.contains(&fk.parent.as_str())
                        || order.contains(&fk.parent.as_str())
                });
            if ready {
                order.push(t);
            }
        }
        if order.len() == before {
            // A cycle between tables: keep the walk's order for the rest.
            order.extend(
                tables
                    .iter()
                    .filter(|t| !order.contains(t))
                    .collect::<Vec<_>>(),
            );
        }
    }
    order
        .iter()
        .flat_map(|t| rows.iter().filter(move |r| r.table == *t))
        .collect()
}

fn restore_error(err: rusqlite::Error, e: &TrashEntry) -> Error {
    match err.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => {
            let msg = err.to_string();
            if msg.contains("FOREIGN KEY") {
                Error::invalid(
                    "trash",
                    format!(
                        "“{}” belongs to something that is itself deleted; restore that first",
                        e.label
                    ),
                )
            } else {
                Error::invalid("trash", format!("“{}” can't be restored: {msg}", e.label))
            }
        }
        _ => err.into(),
    }
}

const ENTRY_COLUMNS: &str = "id, kind, entity_id, label, deleted_at, payload";

fn entry_from(r: &rusqlite::Row) -> rusqlite::Result<TrashEntry> {
    let deleted_at: String = r.get(4)?;
    let payload: Option<String> = r.get(5)?;
    let contents = payload
        .and_then(|p| serde_json::from_str::<Payload>(&p).ok())
        .map(|p| contents(&p))
        .unwrap_or_default();
    let purge_after = DateTime::parse_from_rfc3339(&deleted_at)
        .map(|t| {
            (t.with_timezone(&Utc) + Duration::days(KEEP_DAYS))
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        })
        .unwrap_or_default();
    Ok(TrashEntry {
        id: r.get(0)?,
        kind: r.get(1)?,
        entity_id: r.get(2)?,
        label: r.get(3)?,
        deleted_at,
        contents,
        purge_after,
    })
}

fn entry(conn: &Connection, id: &str) -> Result<TrashEntry> {
    conn.query_row(
        &format!("SELECT {ENTRY_COLUMNS} FROM trash WHERE id = ?1"),
        [id],
        entry_from,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("trash entry", id))
}

/// Everything that can still be restored, newest first.
pub fn list(db: &Db) -> Result<Vec<TrashEntry>> {
    let mut stmt = db.conn().prepare(&format!(
        "SELECT {ENTRY_COLUMNS} FROM trash WHERE payload IS NOT NULL ORDER BY deleted_at DESC, id DESC"
    ))?;
    let all = stmt
        .query_map([], entry_from)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(all)
}

/// "Delete forever": drops the snapshot now, keeping the tombstone.
pub fn purge(db: &Db, trash_id: &str) -> Result<()> {
    let n = db.conn().execute(
        "UPDATE trash SET payload = NULL, purged_at = ?2 WHERE id = ?1 AND payload IS NOT NULL",
        params![trash_id, clock::now()],
    )?;
    if n == 0 {
        return Err(Error::not_found("trash entry", trash_id));
    }
    Ok(())
}

/// Drops the snapshots of records deleted more than [`KEEP_DAYS`] before `now`.
pub fn purge_expired(db: &Db, now: DateTime<Utc>) -> Result<usize> {
    let cutoff =
        (now - Duration::days(KEEP_DAYS)).to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    Ok(db.conn().execute(
        "UPDATE trash SET payload = NULL, purged_at = ?2 WHERE payload IS NOT NULL AND deleted_at < ?1",
        params![cutoff, clock::now()],
    )?)
}
