//! One writer per workspace: the app holds an exclusive lock on a small file beside the
//! workspace while it has it open. A second app on the same workspace sees the lock (and the
//! note the first one left in it, where to ask it to come to the front); the CLI warns.
//! The operating system releases the lock when the process ends, even on `kill -9`.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The lock file of the workspace at `db`: `.<name>.lock` beside it.
pub fn lock_path(db: &Path) -> PathBuf {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    db.with_file_name(format!(".{name}.lock"))
}

/// The held lock; dropping it releases it.
#[derive(Debug)]
pub struct WorkspaceLock {
    file: File,
}

impl WorkspaceLock {
    /// Takes the workspace's lock. `Err(InUse)` when another process holds it; `Ok(None)` when
    /// no lock file can be written there (read-only media, where nobody can write anyway).
    pub fn acquire(db: &Path) -> Result<Option<WorkspaceLock>> {
        let path = lock_path(db);
        let Ok(file) = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
        else {
            return Ok(None);
        };
        match file.try_lock() {
            Ok(()) => Ok(Some(WorkspaceLock { file })),
            Err(TryLockError::WouldBlock) => Err(Error::InUse {
                path: db.display().to_string(),
            }),
            Err(TryLockError::Error(e)) => Err(e.into()),
        }
    }

    /// Leaves a note for a second instance (the app writes where it listens for "come to the
    /// front").
    pub fn set_note(&mut self, note: &str) -> Result<()> {
        self.file.set_len(0)?;
        self.file.rewind()?;
        self.file.write_all(note.as_bytes())?;
        self.file.sync_all()?;
        Ok(())
    }
}

/// Whether another process holds the lock of `db` right now, and the note it left.
pub fn holder(db: &Path) -> Option<String> {
    let mut file = File::open(lock_path(db)).ok()?;
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            None
        }
        Err(TryLockError::WouldBlock) => {
            let mut note = String::new();
            let _ = file.read_to_string(&mut note);
            Some(note)
        }
        Err(TryLockError::Error(_)) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("team.db");
        let mut first = WorkspaceLock::acquire(&db).unwrap().expect("a lock file");
        first.set_note("socket /tmp/x").unwrap();
        assert!(matches!(
            WorkspaceLock::acquire(&db),
            Err(Error::InUse { .. })
        ));
        assert_eq!(holder(&db).as_deref(), Some("socket /tmp/x"));
        drop(first);
        assert_eq!(holder(&db), None);
        assert!(WorkspaceLock::acquire(&db).unwrap().is_some());
    }
}
