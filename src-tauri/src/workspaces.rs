//! Workspaces from the app: which one is open, the recent list, opening, creating and
//! switching, the sample in its own file, backups and restore, and the logs folder.

use std::path::{Path, PathBuf};

use rapport::backups::{self, BackupFile, BackupKind, BackupPreview};
use rapport::recent::{self, RecentWorkspace};
use rapport::{Error, ErrorPayload};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::state::{blocking, logged, today, AppState, Reply};

/// `<config dir>/rapport/recent.json`.
pub fn recent_file() -> PathBuf {
    dirs::config_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("rapport")
        .join("recent.json")
}

/// The sample workspace's own file, `<data dir>/rapport/sample.db`: never the user's data.
pub fn sample_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("rapport")
        .join("sample.db")
}

/// The workspace the app opens: `--db`, else `$RAPPORT_DB`, else the last one used, else the
/// default.
pub fn startup_path(arg: Option<PathBuf>) -> PathBuf {
    arg.or_else(|| {
        std::env::var_os("RAPPORT_DB")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .or_else(|| recent::last(&recent_file(), &sample_path()))
    .unwrap_or_else(rapport::db::default_path)
}

/// Remembers an opened workspace (the sample is not one to come back to on start).
pub fn remember(path: &Path) {
    if same(path, &sample_path()) {
        return;
    }
    if let Err(e) = recent::touch(&recent_file(), path, chrono::Utc::now()) {
        tracing::warn!(error = %e, "could not update the recent workspaces");
    }
}

fn same(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

/// What the Workspace screen (and a damaged workspace's screen) shows.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkspaceStatus {
    pub path: String,
    /// Why it is not open (`corrupt`, `newer_schema`, …); `null` when it is.
    pub error: Option<ErrorPayload>,
    pub is_sample: bool,
    pub size_bytes: i64,
    pub schema_version: Option<i64>,
    pub backups_dir: String,
    pub logs_dir: String,
}

/// A workspace's size on disk: its file and its write-ahead log, where recent changes wait
/// until SQLite folds them into the file.
fn size_on_disk(path: &Path) -> i64 {
    let len = |p: &Path| std::fs::metadata(p).map(|m| m.len() as i64).unwrap_or(0);
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    len(path) + len(Path::new(&wal))
}

pub async fn status(_app: tauri::AppHandle, state: &AppState) -> Reply<WorkspaceStatus> {
    let path = state.path();
    let workspace = state.workspace();
    // An open workspace says its version itself (the file's header lags behind its log).
    let open_version = match &workspace {
        Ok(ws) => {
            let ws = ws.clone();
            blocking(move || ws.read(|db| db.schema_version()))
                .await
                .ok()
        }
        Err(_) => None,
    };
    Ok(WorkspaceStatus {
        path: path.display().to_string(),
        error: workspace.err(),
        is_sample: same(&path, &sample_path()),
        size_bytes: size_on_disk(&path),
        schema_version: open_version.or_else(|| rapport::db::integrity::header_version(&path)),
        backups_dir: backups::dir(&path).display().to_string(),
        logs_dir: crate::logs::dir().display().to_string(),
    })
}

pub async fn recent_list(_app: tauri::AppHandle, _state: &AppState) -> Reply<Vec<RecentWorkspace>> {
    Ok(recent::list(&recent_file()))
}

/// A path the page may open: picked in a dialog, or one of the recent workspaces.
fn openable(state: &AppState, path: &str) -> Reply<PathBuf> {
    if recent::list(&recent_file()).iter().any(|r| r.path == path) {
        return Ok(PathBuf::from(path));
    }
    state.allowed(path)
}

async fn switch_to(state: &AppState, path: PathBuf) -> Reply<()> {
    let (current, target) = (state.current.clone(), path.clone());
    logged(
        "workspace_switch",
        blocking(move || current.switch(&target)).await,
    )?;
    remember(&path);
    Ok(())
}

pub async fn open(app: tauri::AppHandle, state: &AppState, path: String) -> Reply<WorkspaceStatus> {
    let path = openable(state, &path)?;
    switch_to(state, path).await?;
    status(app, state).await
}

/// A new, empty workspace at a path chosen in the save dialog; it becomes the open one.
pub async fn create(
    app: tauri::AppHandle,
    state: &AppState,
    path: String,
) -> Reply<WorkspaceStatus> {
    let path = state.allowed(&path)?;
    if path.exists() {
        return Err(ErrorPayload::from(Error::invalid(
            "path",
            format!(
                "{} already exists; pick a new name (or open it instead)",
                path.display()
            ),
        )));
    }
    let target = path.clone();
    logged(
        "workspace_create",
        blocking(move || rapport::open_workspace(&target).map(drop)).await,
    )?;
    switch_to(state, path).await?;
    status(app, state).await
}

/// Opens the sample workspace, built fresh in its own file; returns its roadmap's id.
pub async fn open_sample(_app: tauri::AppHandle, state: &AppState) -> Reply<String> {
    let sample = sample_path();
    let today = today();
    if same(&state.path(), &sample) {
        let current = state.current.clone();
        return logged(
            "sample_load",
            blocking(move || current.with_closed(|p| rapport::sample::create(p, today))).await,
        );
    }
    if rapport::db::lock::holder(&sample).is_some() {
        return Err(ErrorPayload::from(Error::InUse {
            path: sample.display().to_string(),
        }));
    }
    let target = sample.clone();
    let id = logged(
        "sample_load",
        blocking(move || rapport::sample::create(&target, today)).await,
    )?;
    switch_to(state, sample).await?;
    Ok(id)
}

pub async fn backups_list(_app: tauri::AppHandle, state: &AppState) -> Reply<Vec<BackupFile>> {
    let path = state.path();
    logged("backups_list", blocking(move || backups::list(&path)).await)
}

/// "Back up now".
pub async fn backups_create(_app: tauri::AppHandle, state: &AppState) -> Reply<BackupFile> {
    state
        .read("backups_create", |db| {
            backups::create(db, BackupKind::Manual, chrono::Utc::now())
        })
        .await
}

/// A file to restore from: one of this workspace's backups, or one picked in the dialog.
fn restorable(state: &AppState, path: &str) -> Reply<PathBuf> {
    let listed = backups::list(&state.path()).map_err(ErrorPayload::from)?;
    if listed.iter().any(|b| b.path == path) {
        return Ok(PathBuf::from(path));
    }
    state.allowed(path)
}

pub async fn backups_preview(
    _app: tauri::AppHandle,
    state: &AppState,
    path: String,
) -> Reply<BackupPreview> {
    let from = restorable(state, &path)?;
    logged(
        "backups_preview",
        blocking(move || backups::preview(&from)).await,
    )
}

/// Replaces the open workspace with a backup; the replaced one is kept as a backup, returned.
pub async fn backups_restore(
    _app: tauri::AppHandle,
    state: &AppState,
    path: String,
) -> Reply<Option<BackupFile>> {
    let from = restorable(state, &path)?;
    let current = state.current.clone();
    logged(
        "backups_restore",
        blocking(move || current.with_closed(|ws| backups::restore(ws, &from, chrono::Utc::now())))
            .await,
    )
}

/// Opens the logs folder in the file manager; returns its path.
pub async fn open_logs(app: tauri::AppHandle, state: &AppState) -> Reply<String> {
    let dir = crate::logs::dir();
    let shown = dir.display().to_string();
    if let Some(test) = &state.test_dialog_dir {
        // The E2E seam: record what would have been opened.
        let _ = std::fs::write(test.join("opened.txt"), &shown);
        return Ok(shown);
    }
    use tauri_plugin_opener::OpenerExt;
    let _ = std::fs::create_dir_all(&dir);
    app.opener()
        .open_path(&shown, None::<&str>)
        .map_err(|e| ErrorPayload::from(Error::Io(std::io::Error::other(e.to_string()))))?;
    Ok(shown)
}

/// The daily automatic backup: checked at start (after a short delay) and every half hour
/// while the app runs, on a read connection, so nobody waits for it.
pub fn schedule_backups(app: tauri::AppHandle) {
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(20));
        loop {
            use tauri::Manager;
            let state = app.state::<AppState>();
            if let Ok(ws) = state.workspace() {
                let made = ws.read(|db| {
                    let now = chrono::Utc::now();
                    if backups::policy(db)?.automatic && backups::due(db.path(), now)? {
                        return backups::create(db, BackupKind::Automatic, now).map(Some);
                    }
                    Ok(None)
                });
                match made {
                    Ok(Some(b)) => tracing::info!(path = b.path, "automatic backup"),
                    Ok(None) => {}
                    Err(e) => tracing::warn!(error = %e, "automatic backup failed"),
                }
            }
            std::thread::sleep(std::time::Duration::from_secs(30 * 60));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_on_disk_counts_the_write_ahead_log() {
        let dir = std::env::temp_dir().join(format!("rapport-size-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("w.db");
        std::fs::write(&db, vec![0u8; 4096]).unwrap();
        assert_eq!(size_on_disk(&db), 4096);
        std::fs::write(dir.join("w.db-wal"), vec![0u8; 1000]).unwrap();
        assert_eq!(size_on_disk(&db), 5096);
        assert_eq!(size_on_disk(&dir.join("missing.db")), 0);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
