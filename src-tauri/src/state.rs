//! What the shell holds between commands: the open workspace (and its lock), the user's time
//! zone, and the files the user picked in a native dialog. Database work runs on tokio's
//! blocking pool, never on the async runtime; reads and writes take different connections (see
//! `Workspace`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::{Duration, Instant};

use rapport::clock::Zone;
use rapport::db::{Workspace, WorkspaceLock};
use rapport::{Db, Error, ErrorPayload};

pub type Reply<T> = Result<T, ErrorPayload>;

/// A command's result as the page receives it (typed on the page by the contract).
pub type Json = serde_json::Value;
pub type ReadJob = Box<dyn FnOnce(&Db) -> rapport::Result<Json> + Send>;
pub type WriteJob = Box<dyn FnOnce(&mut Db) -> rapport::Result<Json> + Send>;

/// A result as JSON, for [`AppState::read_json`] and [`AppState::write_json`].
pub fn json<T: serde::Serialize>(value: T) -> rapport::Result<Json> {
    serde_json::to_value(value).map_err(|e| rapport::Error::Io(std::io::Error::other(e)))
}

/// The user's time zone for this run (`--tz NAME`, else the system's), set once at start.
static ZONE: OnceLock<Zone> = OnceLock::new();

pub fn set_zone(z: Zone) {
    let _ = ZONE.set(z);
}

pub fn zone() -> Zone {
    *ZONE.get_or_init(Zone::system)
}

/// Today in the user's zone.
pub fn today() -> chrono::NaiveDate {
    zone().today()
}

/// The workspace the app has open: its path, the lock that makes this app its only writer,
/// and the open workspace, or why it could not be opened (damaged, newer, …).
pub struct Slot {
    pub path: PathBuf,
    pub workspace: Result<Arc<Workspace>, ErrorPayload>,
    _lock: Option<WorkspaceLock>,
}

impl Slot {
    /// Takes the workspace's lock and opens it. `Err(InUse)` when another Rapport has it; a
    /// workspace that fails to open still gives a slot (with its error), so a damaged one can
    /// be restored in place.
    pub fn open(path: &Path, note: &str) -> rapport::Result<Slot> {
        let mut lock = WorkspaceLock::acquire(path)?;
        if let Some(l) = lock.as_mut() {
            l.set_note(note)?;
        }
        let workspace = Workspace::open(path).map(Arc::new).map_err(|e| {
            tracing::error!(?path, error = %e, "could not open the workspace");
            ErrorPayload::from(e)
        });
        tracing::info!(?path, ok = workspace.is_ok(), "workspace");
        Ok(Slot {
            path: path.to_owned(),
            workspace,
            _lock: lock,
        })
    }
}

/// The open workspace, shareable with blocking work (switches and restores run off the async
/// runtime).
#[derive(Clone)]
pub struct Current {
    slot: Arc<RwLock<Slot>>,
    /// One switch or restore at a time.
    switching: Arc<Mutex<()>>,
    /// Where a second instance asks this app to come to the front (left in the lock file).
    note: Arc<str>,
}

pub struct AppState {
    pub current: Current,
    /// Test seam (`--test-dialog-dir DIR`): file dialogs answer from DIR instead of asking,
    /// because WebDriver cannot drive native GTK dialogs. Never set in normal use.
    pub test_dialog_dir: Option<PathBuf>,
    /// Paths the user picked in a native dialog since the app started: the only files the
    /// page may have read or written.
    picked: Mutex<HashSet<PathBuf>>,
    /// Set to stop the long operation under way (an import); each starts with a fresh flag.
    cancel: Mutex<Arc<AtomicBool>>,
}

impl AppState {
    pub fn new(slot: Slot, note: &str, test_dialog_dir: Option<PathBuf>) -> AppState {
        AppState {
            current: Current {
                slot: Arc::new(RwLock::new(slot)),
                switching: Arc::new(Mutex::new(())),
                note: note.into(),
            },
            test_dialog_dir,
            picked: Mutex::new(HashSet::new()),
            cancel: Mutex::new(Arc::new(AtomicBool::new(false))),
        }
    }

    pub fn workspace(&self) -> Reply<Arc<Workspace>> {
        self.current.workspace()
    }

    pub fn path(&self) -> PathBuf {
        self.current.path()
    }

    /// Runs a read on the blocking pool, on a read connection.
    pub async fn read<T: Send + 'static>(
        &self,
        command: &'static str,
        f: impl FnOnce(&Db) -> rapport::Result<T> + Send + 'static,
    ) -> Reply<T> {
        let ws = self.workspace()?;
        logged(command, blocking(move || ws.read(f)).await)
    }

    /// A contract command's read: its result goes out as JSON, through one path that is
    /// compiled once (a boxed job), not once per command; with some 160 commands, per-command
    /// copies of the blocking-pool and logging code were megabytes of the binary.
    pub async fn read_json(&self, command: &'static str, job: ReadJob) -> Reply<Json> {
        self.read(command, job).await
    }

    /// A contract command's write, like [`AppState::read_json`].
    pub async fn write_json(&self, command: &'static str, job: WriteJob) -> Reply<Json> {
        self.write(command, job).await
    }

    /// Runs a write on the blocking pool, as one transaction on the writer.
    pub async fn write<T: Send + 'static>(
        &self,
        command: &'static str,
        f: impl FnOnce(&mut Db) -> rapport::Result<T> + Send + 'static,
    ) -> Reply<T> {
        let ws = self.workspace()?;
        logged(command, blocking(move || ws.write(f)).await)
    }

    /// A fresh cancel flag for a long operation starting now.
    pub fn start_job(&self) -> Arc<AtomicBool> {
        let flag = Arc::new(AtomicBool::new(false));
        *self.cancel.lock().unwrap_or_else(|p| p.into_inner()) = flag.clone();
        flag
    }

    /// Asks the long operation under way to stop.
    pub fn cancel(&self) {
        self.cancel
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .store(true, Ordering::Relaxed);
    }

    /// Remembers a path the user chose in a native dialog.
    pub fn allow(&self, path: &Path) {
        self.picked
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(path.to_owned());
    }

    /// The path, if the user picked it in a dialog; an error otherwise. The page can name any
    /// string, so a path it sends is never trusted on its own.
    pub fn allowed(&self, path: &str) -> Reply<PathBuf> {
        let p = PathBuf::from(path);
        if self
            .picked
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(&p)
        {
            Ok(p)
        } else {
            tracing::warn!(path, "refused a path the user did not pick");
            Err(ErrorPayload::from(rapport::Error::invalid(
                "path",
                "Choose the file in the file dialog first",
            )))
        }
    }
}

impl Current {
    pub fn workspace(&self) -> Reply<Arc<Workspace>> {
        self.slot
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .workspace
            .clone()
    }

    /// The path of the workspace the app has open (or failed to open).
    pub fn path(&self) -> PathBuf {
        self.slot
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .path
            .clone()
    }

    /// Replaces the open workspace with the one at `path` (refused while another Rapport has
    /// it, or when it is not a workspace this build can open; a damaged one is opened so it can
    /// be restored). Calls under way finish on the old one.
    pub fn switch(&self, path: &Path) -> rapport::Result<()> {
        let _one = self.switching.lock().unwrap_or_else(|p| p.into_inner());
        let same = |a: &Path, b: &Path| matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b);
        if same(path, &self.path()) && self.workspace().is_ok() {
            return Ok(());
        }
        let slot = Slot::open(path, &self.note)?;
        if let Err(e) = &slot.workspace {
            if e.code != "corrupt" {
                return Err(Error::invalid("path", e.message.clone()));
            }
        }
        *self.slot.write().unwrap_or_else(|p| p.into_inner()) = slot;
        Ok(())
    }

    /// Closes the open workspace (keeping its lock), waits for calls under way to finish, runs
    /// `f` on the closed file, and opens it again, whatever `f` returned.
    pub fn with_closed<T>(
        &self,
        f: impl FnOnce(&Path) -> rapport::Result<T>,
    ) -> rapport::Result<T> {
        let _one = self.switching.lock().unwrap_or_else(|p| p.into_inner());
        let path = self.path();
        let open = {
            let mut slot = self.slot.write().unwrap_or_else(|p| p.into_inner());
            std::mem::replace(
                &mut slot.workspace,
                Err(ErrorPayload::from(Error::invalid(
                    "workspace",
                    "The workspace is being restored; try again in a moment",
                ))),
            )
        };
        if let Ok(ws) = open {
            let started = Instant::now();
            let mut ws = ws;
            loop {
                match Arc::try_unwrap(ws) {
                    Ok(only) => {
                        drop(only);
                        break;
                    }
                    Err(shared) if started.elapsed() < Duration::from_secs(30) => {
                        ws = shared;
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    Err(shared) => {
                        self.slot
                            .write()
                            .unwrap_or_else(|p| p.into_inner())
                            .workspace = Ok(shared);
                        return Err(Error::invalid("workspace", "The workspace is still busy; try again when the import or export has finished"));
                    }
                }
            }
        }
        let out = f(&path);
        let reopened = Workspace::open(&path)
            .map(Arc::new)
            .map_err(ErrorPayload::from);
        self.slot
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .workspace = reopened;
        out
    }
}

/// Runs blocking work off the async runtime.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> rapport::Result<T> + Send + 'static,
) -> rapport::Result<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| Err(rapport::Error::Io(std::io::Error::other(e.to_string()))))
}

/// Maps a core result to the wire, logging every failure with its command and code.
pub fn logged<T>(command: &'static str, out: rapport::Result<T>) -> Reply<T> {
    out.map_err(|e| {
        let p = ErrorPayload::from(&e);
        match &e {
            rapport::Error::Validation { .. } | rapport::Error::NeedsAcknowledgement { .. } => {
                tracing::info!(command, code = p.code, field = ?p.field, "{}", p.message)
            }
            _ => tracing::warn!(command, code = p.code, "{}", p.message),
        }
        p
    })
}
