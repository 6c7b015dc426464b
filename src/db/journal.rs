//! Long writes from the CLI (a million-row import) commit in short steps, so the app's own
//! writes (a note typed in an interview) wait for one step, never for the whole import. What
//! keeps such a write all-or-nothing is an undo journal: while it runs, temporary triggers on
//! its own connection record, in the same transaction as each change, the statement that
//! reverses it (the technique of <https://sqlite.org/undoredo.html>). A finished write drops
//! its journal; a failed one is reversed at once; one whose process died (`kill -9`) is
//! reversed the next time the workspace opens.
//!
//! Reversal never destroys what someone else wrote meanwhile: a reversing statement that would
//! break a constraint (a note the app added for an imported person) is skipped and logged.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection};

use super::{end_transaction, Db};
use crate::clock;
use crate::error::{Error, Result};

/// How long the write lock is left free between two steps.
pub const STEP_GAP: std::time::Duration = std::time::Duration::from_millis(5);

/// Undo rows removed per transaction when a journal is cleared, so clearing a million of them
/// never holds the write lock for long either.
const CLEAR_STEP: i64 = 20_000;

/// A stepped write in progress. Dropping it without [`Journal::finish`] (an error, a panic)
/// reverses every step.
pub struct Journal<'a> {
    db: &'a Db,
    id: String,
    tables: Vec<String>,
    /// Held while the write runs: tells an opener that the journal's owner is alive.
    _alive: Option<File>,
    done: bool,
}

/// The file whose lock says a stepped write on `db` is running: `.<name>.journal.lock`.
fn alive_path(db: &Path) -> PathBuf {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    db.with_file_name(format!(".{name}.journal.lock"))
}

fn open_alive(db: &Path) -> Option<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(alive_path(db))
        .ok()
}

/// The workspace's own tables that rows live in: not SQLite's, not the journal's, not the
/// search index (kept by the workspace's triggers) and not its shadow tables.
fn data_tables(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master t
         WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
           AND name NOT IN ('undo_journals', 'undo_log')
           AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
           AND NOT EXISTS (SELECT 1 FROM sqlite_master v
                           WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'
                             AND t.name LIKE v.name || '\\_%' ESCAPE '\\')
         ORDER BY name",
    )?;
    let names = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// The three triggers that record how to reverse an insert, an update and a delete on `table`.
fn triggers(conn: &Connection, journal: &str, table: &str) -> Result<String> {
    let mut cols: Vec<(String, bool)> = Vec::new();
    let mut stmt = conn.prepare("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
    for c in stmt.query_map([table], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? > 0))
    })? {
        cols.push(c?);
    }
    let without_rowid: bool = conn.query_row(
        "SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE name = ?1",
        [table],
        |r| r.get(0),
    )?;
    // SQL that builds SQL: `'"a"=' || quote(old."a")`, joined by `sep`.
    let build = |row: &str, names: &[&String], sep: &str| {
        names
            .iter()
            .map(|c| format!("'\"{c}\"=' || quote({row}.\"{c}\")"))
            .collect::<Vec<_>>()
            .join(&format!(" || '{sep}' || "))
    };
    let all: Vec<&String> = cols.iter().map(|(c, _)| c).collect();
    let key: Vec<&String> = cols.iter().filter(|(_, pk)| *pk).map(|(c, _)| c).collect();
    let key_of = |row: &str| {
        if without_rowid {
            build(row, &key, " AND ")
        } else {
            format!("'rowid=' || {row}.rowid")
        }
    };
    let (names, values) = {
        let mut names: Vec<String> = all.iter().map(|c| format!("\"{c}\"")).collect();
        let mut values: Vec<String> = all.iter().map(|c| format!("quote(old.\"{c}\")")).collect();
        if !without_rowid {
            names.insert(0, "rowid".into());
            values.insert(0, "old.rowid".into());
        }
        (names.join(","), values.join(" || ',' || "))
    };
    let log = |stmt: String| {
        format!("INSERT INTO undo_log (journal_id, stmt) VALUES ('{journal}', {stmt});")
    };
    Ok(format!(
        "CREATE TEMP TRIGGER \"undo_{table}_i\" AFTER INSERT ON main.\"{table}\" BEGIN {} END;
         CREATE TEMP TRIGGER \"undo_{table}_u\" AFTER UPDATE ON main.\"{table}\" BEGIN {} END;
         CREATE TEMP TRIGGER \"undo_{table}_d\" AFTER DELETE ON main.\"{table}\" BEGIN {} END;",
        log(format!(
            "'DELETE FROM \"{table}\" WHERE ' || {}",
            key_of("new")
        )),
        log(format!(
            "'UPDATE \"{table}\" SET ' || {} || ' WHERE ' || {}",
            build("old", &all, ","),
            key_of("new")
        )),
        log(format!(
            "'INSERT INTO \"{table}\" ({names}) VALUES (' || {values} || ')'"
        )),
    ))
}

impl<'a> Journal<'a> {
    /// Starts a stepped write called `what` ("import of people.csv"). Not for in-memory
    /// workspaces (nobody else can write to those): use one transaction there.
    pub fn begin(db: &'a Db, what: &str) -> Result<Journal<'a>> {
        let alive = open_alive(db.path());
        if let Some(f) = &alive {
            f.lock()?;
        }
        let id = clock::new_id();
        let conn = db.conn();
        conn.execute(
            "INSERT INTO undo_journals (id, what, started_at) VALUES (?1, ?2, ?3)",
            params![id, what, clock::now()],
        )?;
        let tables = data_tables(conn)?;
        let mut sql = String::new();
        for t in &tables {
            sql.push_str(&triggers(conn, &id, t)?);
        }
        conn.execute_batch(&sql)?;
        Ok(Journal {
            db,
            id,
            tables,
            _alive: alive,
            done: false,
        })
    }

    /// Runs `f` as one step: its own write transaction, committed when it returns `Ok`. After
    /// the commit the write lock stays free for [`STEP_GAP`], so a writer waiting for it (the
    /// app, polling every millisecond) gets it before the next step.
    pub fn step<T>(&self, f: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        let conn = self.db.conn();
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let out = end_transaction(conn, f(self.db))?;
        std::thread::sleep(STEP_GAP);
        Ok(out)
    }

    fn drop_triggers(&self) -> Result<()> {
        let mut sql = String::new();
        for t in &self.tables {
            for k in ["i", "u", "d"] {
                sql.push_str(&format!("DROP TRIGGER IF EXISTS temp.\"undo_{t}_{k}\";"));
            }
        }
        self.db.conn().execute_batch(&sql)?;
        Ok(())
    }

    /// Keeps everything the steps wrote and clears the journal.
    pub fn finish(mut self) -> Result<()> {
        self.done = true;
        self.drop_triggers()?;
        clear(self.db.conn(), &self.id)
    }

    /// What a process that dies mid-write leaves: the steps and their journal, and no lock.
    /// For tests of the reversal at open.
    #[doc(hidden)]
    pub fn abandon(mut self) {
        self.done = true;
        let _ = self.drop_triggers();
    }
}

impl Drop for Journal<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = self.db.conn().execute_batch("ROLLBACK");
            let reversed = self
                .drop_triggers()
                .and_then(|_| reverse(self.db.conn(), &self.id));
            if let Err(e) = reversed {
                tracing::error!(error = %e, journal = %self.id, "could not reverse a stepped write; it is reversed when the workspace next opens");
            }
        }
    }
}

/// Marks journal `id` done (one small transaction: from here on its writes are kept), then
/// removes its undo rows in steps.
fn clear(conn: &Connection, id: &str) -> Result<()> {
    conn.execute(
        "UPDATE undo_journals SET state = 'done' WHERE id = ?1",
        [id],
    )?;
    loop {
        let n = conn.execute(
            "DELETE FROM undo_log WHERE seq IN
               (SELECT seq FROM undo_log WHERE journal_id = ?1 LIMIT ?2)",
            params![id, CLEAR_STEP],
        )?;
        if n == 0 {
            break;
        }
    }
    conn.execute("DELETE FROM undo_journals WHERE id = ?1", [id])?;
    Ok(())
}

/// Runs journal `id`'s reversing statements, newest first, in one transaction, then clears it.
fn reverse(conn: &Connection, id: &str) -> Result<()> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let run = || -> Result<usize> {
        let mut skipped = 0;
        let mut stmt =
            conn.prepare("SELECT stmt FROM undo_log WHERE journal_id = ?1 ORDER BY seq DESC")?;
        let stmts: Vec<String> = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for s in stmts {
            conn.execute_batch("SAVEPOINT one")?;
            match conn.execute_batch(&s) {
                Ok(()) => conn.execute_batch("RELEASE one")?,
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == rusqlite::ErrorCode::ConstraintViolation =>
                {
                    conn.execute_batch("ROLLBACK TO one; RELEASE one")?;
                    skipped += 1;
                }
                Err(e) => return Err(e.into()),
            }
        }
        conn.execute("DELETE FROM undo_log WHERE journal_id = ?1", [id])?;
        conn.execute("DELETE FROM undo_journals WHERE id = ?1", [id])?;
        Ok(skipped)
    };
    let skipped = end_transaction(conn, run())?;
    if skipped > 0 {
        tracing::warn!(journal = %id, skipped, "kept rows others came to depend on while reversing a stepped write");
    }
    Ok(())
}

/// At open: reverses stepped writes whose process died, and finishes clearing done ones.
/// A journal whose owner still runs (its lock is held) is left alone. Returns how many were
/// reversed.
pub(crate) fn recover(db: &Db) -> Result<usize> {
    let conn = db.conn();
    let journals: Vec<(String, String)> = conn
        .prepare("SELECT id, state FROM undo_journals ORDER BY started_at")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if journals.is_empty() {
        return Ok(0);
    }
    let Some(alive) = open_alive(db.path()) else {
        return Ok(0);
    };
    match alive.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => return Ok(0),
        Err(TryLockError::Error(e)) => return Err(Error::Io(e)),
    }
    let mut reversed = 0;
    for (id, state) in journals {
        if state == "done" {
            clear(conn, &id)?;
        } else {
            reverse(conn, &id)?;
            reversed += 1;
            tracing::warn!(journal = %id, "reversed a stepped write whose process ended before it finished");
        }
    }
    Ok(reversed)
}
