//! Opening the workspace database: pragmas, versioned migrations, the newer-schema guard and
//! online backups. Every other module borrows the connection from [`Db`].

pub mod integrity;
pub mod journal;
pub mod lock;
pub(crate) mod migrations;
pub mod statements;
mod workspace;

pub use lock::WorkspaceLock;
pub use workspace::Workspace;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

pub use migrations::LATEST_VERSION;

/// How long a writer waits on a lock held by another connection before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Page cache per connection. SQLite's default (2 MiB) is a tenth of a team-scale workspace's
/// hot pages (notes, people, evidence), so lists re-read them from the OS on every call.
const CACHE_KIB: i64 = 16 * 1024;

/// What the app shows about the open workspace (About, backups, bug reports).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkspaceInfo {
    pub path: String,
    pub schema_version: i64,
    pub app_version: String,
}

/// Ends the transaction open on `conn` by how the work in it went: COMMIT when `out` is `Ok`,
/// ROLLBACK otherwise (and also when the COMMIT itself fails, so no transaction is left open).
pub(crate) fn end_transaction<T>(conn: &Connection, out: Result<T>) -> Result<T> {
    let end = if out.is_ok() { "COMMIT" } else { "ROLLBACK" };
    if let Err(e) = conn.execute_batch(end) {
        let _ = conn.execute_batch("ROLLBACK");
        return Err(e.into());
    }
    out
}

/// An open Rapport workspace.
pub struct Db {
    conn: Connection,
    path: PathBuf,
}

/// Progress of a long operation, in the operation's own units (pages for a backup, rows for
/// an export).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

impl Db {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// A database from a newer Rapport, or a damaged one (`quick_check`), is refused before
    /// anything is written to it. Before an existing database is migrated, it is backed up.
    pub fn open(path: &Path) -> Result<Db> {
        Db::open_with(path, true)
    }

    /// Opens a copy being restored: checked and migrated like [`Db::open`], but not backed up
    /// first (the original is the backup).
    pub(crate) fn open_copy(path: &Path) -> Result<Db> {
        Db::open_with(path, false)
    }

    fn open_with(path: &Path, backup_before_migrate: bool) -> Result<Db> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Read the version before any pragma that writes (journal_mode=WAL changes the header).
        let found = user_version(&conn)?;
        if found > LATEST_VERSION {
            return Err(Error::NewerSchema {
                found,
                supported: LATEST_VERSION,
            });
        }
        if found == 0 {
            let tables: i64 =
                conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
            if tables > 0 {
                return Err(Error::NotAWorkspace {
                    path: path.display().to_string(),
                });
            }
        }
        if found > 0 {
            integrity::quick_check(&conn, path)?;
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        let mut db = Db {
            conn,
            path: path.to_owned(),
        };
        if found < LATEST_VERSION {
            if found > 0 && backup_before_migrate {
                let backup = crate::backups::path_for(
                    path,
                    crate::backups::BackupKind::BeforeUpgrade,
                    chrono::Utc::now(),
                );
                db.backup_to(&backup, |_| {})?;
                tracing::info!(?backup, from = found, "backed up before migrating");
            }
            migrations::migrate(&mut db.conn, found, LATEST_VERSION)?;
        }
        journal::recover(&db)?;
        Ok(db)
    }

    /// A read-only connection to an existing workspace, for the app's read pool.
    pub fn open_reader(path: &Path) -> Result<Db> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "query_only", "ON")?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        Ok(Db {
            conn,
            path: path.to_owned(),
        })
    }

    /// Opens a workspace that must already exist (for scripts: a mistyped path is an error,
    /// not a new empty workspace).
    pub fn open_existing(path: &Path) -> Result<Db> {
        if !path.is_file() {
            return Err(Error::Io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no workspace at {}", path.display()),
            )));
        }
        Db::open(path)
    }

    /// An in-memory workspace, for tests and previews.
    pub fn open_in_memory() -> Result<Db> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::migrate(&mut conn, 0, LATEST_VERSION)?;
        Ok(Db {
            conn,
            path: PathBuf::from(":memory:"),
        })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Starts one unit of work on a shared borrow: a savepoint that is released by
    /// [`Unit::commit`] and rolled back if the unit is dropped first (an early `?` return).
    /// Units nest, so a domain write composes with a larger one (an import, a merge).
    pub fn unit(&self) -> Result<Unit<'_>> {
        self.conn.execute_batch("SAVEPOINT unit")?;
        Ok(Unit {
            conn: &self.conn,
            done: false,
        })
    }

    /// Runs `f` as one all-or-nothing unit that may call domain functions (which nest their own
    /// savepoints). Its writes are kept only when it returns `Ok((_, true))`; an error or
    /// `Ok((_, false))` (a dry run, a file with bad rows) rolls everything back.
    pub fn atomically<T>(&self, f: impl FnOnce(&Db) -> Result<(T, bool)>) -> Result<T> {
        self.conn.execute_batch("SAVEPOINT atomically")?;
        let out = f(self);
        let end = if matches!(out, Ok((_, true))) {
            "RELEASE atomically"
        } else {
            "ROLLBACK TO atomically; RELEASE atomically"
        };
        self.conn.execute_batch(end)?;
        out.map(|(value, _)| value)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64> {
        user_version(&self.conn)
    }

    pub fn info(&self) -> Result<WorkspaceInfo> {
        Ok(WorkspaceInfo {
            path: self.path.display().to_string(),
            schema_version: self.schema_version()?,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
        })
    }

    /// Copies the live database to `dest` with SQLite's online backup (safe while the app is
    /// writing), reporting page progress. The copy is written beside `dest`, made a single
    /// self-contained file, checked with `quick_check`, and only then renamed to `dest`.
    pub fn backup_to(&self, dest: &Path, mut on_progress: impl FnMut(Progress)) -> Result<()> {
        use rusqlite::backup::{Backup, StepResult};
        let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if same(dest, &self.path) {
            return Err(Error::invalid(
                "dest",
                "The backup cannot replace the workspace it copies",
            ));
        }
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        if let Some(dir) = dest.parent() {
            crate::files::clean_partials(dir);
        }
        let partial = crate::files::temp_beside(dest);
        let written = (|| -> Result<()> {
            let mut out = Connection::open(&partial)?;
            {
                let backup = Backup::new(&self.conn, &mut out)?;
                loop {
                    let step = backup.step(256)?;
                    let p = backup.progress();
                    let total = p.pagecount.max(0) as u64;
                    on_progress(Progress {
                        done: total.saturating_sub(p.remaining.max(0) as u64),
                        total,
                    });
                    match step {
                        StepResult::Done => break,
                        StepResult::More => {}
                        StepResult::Busy | StepResult::Locked => {
                            std::thread::sleep(Duration::from_millis(20))
                        }
                        _ => {}
                    }
                }
            }
            out.pragma_update(None, "journal_mode", "DELETE")?;
            integrity::quick_check(&out, dest)?;
            drop(out);
            std::fs::File::open(&partial)?.sync_all()?;
            std::fs::rename(&partial, dest)?;
            crate::files::sync_dir(dest);
            Ok(())
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        written
    }
}

/// See [`Db::unit`].
pub struct Unit<'a> {
    conn: &'a Connection,
    done: bool,
}

impl Unit<'_> {
    pub fn commit(mut self) -> Result<()> {
        self.done = true;
        self.conn.execute_batch("RELEASE unit")?;
        Ok(())
    }
}

impl Drop for Unit<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = self.conn.execute_batch("ROLLBACK TO unit; RELEASE unit");
        }
    }
}

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Where the app and the CLI keep the workspace unless told otherwise:
/// `$RAPPORT_DB`, else `<data dir>/rapport/rapport.db` (`~/.local/share/rapport/rapport.db` on Linux).
pub fn default_path() -> PathBuf {
    if let Some(p) = std::env::var_os("RAPPORT_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("rapport")
        .join("rapport.db")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_an_existing_database_backs_it_up_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ws.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            migrations::migrate(&mut conn, 0, 1).unwrap();
            conn.execute(
                "INSERT INTO people (id, name, role, created_at, updated_at)
                 VALUES ('p1', 'Ana', 'ic', 'x', 'x')",
                [],
            )
            .unwrap();
        }
        let db = Db::open(&path).unwrap();
        assert_eq!(db.schema_version().unwrap(), LATEST_VERSION);
        let backups = crate::backups::list(&path).unwrap();
        assert_eq!(backups.len(), 1, "{backups:?}");
        assert_eq!(backups[0].kind, crate::backups::BackupKind::BeforeUpgrade);
        assert_eq!(backups[0].schema_version, Some(1));
        let old = Connection::open(&backups[0].path).unwrap();
        let v: i64 = old
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1, "the backup holds the pre-migration schema");
        let name: String = old
            .query_row("SELECT name FROM people", [], |r| r.get(0))
            .unwrap();
        assert_eq!(name, "Ana");
    }

    #[test]
    fn a_fresh_database_is_not_backed_up() {
        let dir = tempfile::tempdir().unwrap();
        Db::open(&dir.path().join("ws.db")).unwrap();
        let files = std::fs::read_dir(dir.path()).unwrap().count();
        assert!(files <= 3, "db, -wal, -shm only");
    }

    #[test]
    fn a_failing_migration_rolls_back_to_the_last_complete_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations::migrate(&mut conn, 0, 1).unwrap();
        // Make migration 2 fail: its table already exists.
        conn.execute_batch("CREATE TABLE settings (x)").unwrap();
        assert!(migrations::migrate(&mut conn, 1, 2).is_err());
        assert_eq!(user_version(&conn).unwrap(), 1);
    }
}
