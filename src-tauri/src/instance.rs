//! One app per workspace. The app holds the workspace's lock (see `rapport::db::lock`) and
//! leaves in it the path of a Unix socket it listens on; a second app started on the same
//! workspace finds the lock taken, asks the first to come to the front through that socket,
//! and exits.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};

use tauri::{Emitter, Manager};

/// This process's socket, and the note that names it.
pub fn socket() -> (PathBuf, String) {
    let dir = dirs::runtime_dir().unwrap_or_else(std::env::temp_dir);
    let path = dir.join(format!("rapport-{}.sock", std::process::id()));
    let note = format!("socket {}", path.display());
    (path, note)
}

/// Asks the app that left `note` to come to the front; false when it cannot be reached.
pub fn ask_to_focus(note: &str) -> bool {
    let Some(path) = note.strip_prefix("socket ") else {
        return false;
    };
    UnixStream::connect(path.trim())
        .and_then(|mut s| s.write_all(b"focus\n"))
        .is_ok()
}

/// Listens on `path` for a second instance; each "focus" brings the main window to the front
/// and tells the page (which says so), so the user sees why nothing new opened.
pub fn listen(app: tauri::AppHandle, path: &Path) {
    let _ = std::fs::remove_file(path);
    let listener = match UnixListener::bind(path) {
        Ok(l) => l,
        Err(e) => {
            tracing::warn!(?path, error = %e, "no single-instance socket");
            return;
        }
    };
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut line = String::new();
            if BufReader::new(stream).read_line(&mut line).is_ok() && line.trim() == "focus" {
                tracing::info!("another Rapport was started on this workspace; focusing this one");
                if let Some(w) = app.get_webview_window("main") {
                    let _ = w.unminimize();
                    let _ = w.show();
                    let _ = w.set_focus();
                }
                let _ = app.emit("focus-requested", ());
            }
        }
    });
}
