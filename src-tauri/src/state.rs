//! What the shell holds between commands: the open workspace, the user's time zone, and the
//! files the user picked in a native dialog. Database work runs on tokio's blocking pool, never
//! on the async runtime; reads and writes take different connections (see `Workspace`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use rapport::clock::Zone;
use rapport::db::Workspace;
use rapport::{Db, ErrorPayload};

pub type Reply<T> = Result<T, ErrorPayload>;

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

pub struct AppState {
    workspace: RwLock<Result<Arc<Workspace>, ErrorPayload>>,
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
    pub fn new(
        workspace: Result<Workspace, ErrorPayload>,
        test_dialog_dir: Option<PathBuf>,
    ) -> AppState {
        AppState {
            workspace: RwLock::new(workspace.map(Arc::new)),
            test_dialog_dir,
            picked: Mutex::new(HashSet::new()),
            cancel: Mutex::new(Arc::new(AtomicBool::new(false))),
        }
    }

    pub fn workspace(&self) -> Reply<Arc<Workspace>> {
        self.workspace
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
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
