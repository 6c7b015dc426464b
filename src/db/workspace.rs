//! A workspace shared by the app's threads: one writer connection and a small pool of read-only
//! connections. Under WAL a read never waits for a write, so a long import or a slow list never
//! holds up the rest of the app; writes queue on the writer and wait out another program's
//! lock (the CLI importing a big file) instead of failing with "database is locked".

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::Db;
use crate::error::{Error, Result};

/// How long a write keeps retrying while another program holds the write lock. A user's typed
/// note is worth waiting for; past this the other program is surely stuck.
const WRITE_WAIT: Duration = Duration::from_secs(600);
/// Read connections kept open; more are opened when several reads run at once.
const IDLE_READERS: usize = 4;

pub struct Workspace {
    path: PathBuf,
    writer: Mutex<Db>,
    readers: Mutex<Vec<Db>>,
}

impl Workspace {
    /// Opens (creating and migrating if needed) the workspace at `path`.
    pub fn open(path: &Path) -> Result<Workspace> {
        let mut writer = crate::open_workspace(path)?;
        // Another program's long write (a CLI import) frees the lock for a few milliseconds
        // between its steps (db::journal); SQLite's own busy handler sleeps up to 100 ms at a
        // time and would miss those gaps, so the app's writer looks every millisecond.
        writer.conn_mut().busy_handler(Some(poll_every_ms))?;
        Ok(Workspace {
            path: writer.path().to_owned(),
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` on a read-only connection: it sees the last committed state and never blocks
    /// on, or blocks, a writer.
    pub fn read<T>(&self, f: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        let reader = self.readers.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let reader = match reader {
            Some(r) => r,
            None => Db::open_reader(&self.path)?,
        };
        let out = f(&reader);
        let mut idle = self.readers.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < IDLE_READERS {
            idle.push(reader);
        }
        out
    }

    /// Runs `f` as one transaction on the writer: all of it is kept, or none of it. The write
    /// lock is taken first (`BEGIN IMMEDIATE`), so `f` never meets a lock half-way; while
    /// another program holds it, the attempt is retried rather than failed.
    pub fn write<T>(&self, f: impl FnOnce(&mut Db) -> Result<T>) -> Result<T> {
        let mut db = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        begin_immediate(&db)?;
        let out = f(&mut db);
        super::end_transaction(db.conn(), out)
    }

    /// Runs `f` on the writer without a surrounding transaction, for work that manages its
    /// own (a backup, a restore, a dry run that must not hold the write lock).
    pub fn with_writer<T>(&self, f: impl FnOnce(&mut Db) -> Result<T>) -> Result<T> {
        let mut db = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut db)
    }
}

/// A busy handler: wait a millisecond and try again, for about five seconds (after which
/// [`begin_immediate`] logs and keeps waiting, up to [`WRITE_WAIT`]).
fn poll_every_ms(attempt: i32) -> bool {
    std::thread::sleep(Duration::from_millis(1));
    attempt < 5_000
}

fn begin_immediate(db: &Db) -> Result<()> {
    let started = Instant::now();
    loop {
        match db.conn().execute_batch("BEGIN IMMEDIATE") {
            Ok(()) => return Ok(()),
            Err(e) if is_busy(&e) && started.elapsed() < WRITE_WAIT => {
                tracing::warn!(
                    waited_ms = started.elapsed().as_millis() as u64,
                    "the workspace is locked by another program; waiting to write"
                );
            }
            Err(e) if is_busy(&e) => {
                return Err(Error::Busy {
                    waited_secs: started.elapsed().as_secs(),
                })
            }
            Err(e) => return Err(e.into()),
        }
    }
}

pub(crate) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::{self, PersonInput, Role};

    fn ana() -> PersonInput {
        PersonInput {
            name: "Ana".into(),
            team: String::new(),
            role: Role::Ic,
            contact: String::new(),
            core_user: false,
            notes: String::new(),
            duplicate_ok: Some(true),
        }
    }

    #[test]
    fn a_failed_write_keeps_nothing_and_readers_see_commits() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open(&dir.path().join("w.db")).unwrap();
        let err = ws.write(|db| {
            people::create(db, &ana())?;
            Err::<(), _>(Error::invalid("x", "stop"))
        });
        assert!(err.is_err());
        let n = ws.read(|db| Ok(people::list(db, &Default::default())?.total));
        assert_eq!(n.unwrap(), 0, "rolled back");
        ws.write(|db| people::create(db, &ana())).unwrap();
        assert_eq!(
            ws.read(|db| Ok(people::list(db, &Default::default())?.total))
                .unwrap(),
            1
        );
        let e = ws
            .read(|db| people::create(db, &ana()).map(drop))
            .unwrap_err();
        assert!(e.to_string().contains("readonly"), "{e}");
    }

    #[test]
    fn a_write_waits_for_another_programs_lock_instead_of_failing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let ws = Workspace::open(&path).unwrap();
        let other = rusqlite::Connection::open(&path).unwrap();
        other.execute_batch("BEGIN IMMEDIATE").unwrap();
        let t = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            other.execute_batch("COMMIT").unwrap();
        });
        // A read goes through at once while the other program holds the write lock.
        ws.read(|db| people::list(db, &Default::default())).unwrap();
        ws.write(|db| people::create(db, &ana())).unwrap();
        t.join().unwrap();
    }
}
