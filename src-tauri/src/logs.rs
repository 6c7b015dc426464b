//! Logging: to stderr, and to a daily-rotated file a user can find (Help → Open logs folder).
//! A panic is logged, and the page is told so it can show a message.

use std::path::PathBuf;

use tracing_subscriber::prelude::*;
use tracing_subscriber::{fmt, EnvFilter};

/// Log files kept (one a day).
const KEEP_FILES: usize = 14;

/// `$XDG_STATE_HOME/rapport/logs` (`~/.local/state/rapport/logs` on Linux).
pub fn dir() -> PathBuf {
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .unwrap_or_else(std::env::temp_dir)
        .join("rapport")
        .join("logs")
}

/// Starts logging; keep the guard alive for the life of the app so the file is flushed.
pub fn init() -> Option<tracing_appender::non_blocking::WorkerGuard> {
    let filter = || EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
    let stderr = fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_filter(filter());
    // The appender prunes old files at start and complains when the folder is not there yet.
    let _ = std::fs::create_dir_all(dir());
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("rapport")
        .filename_suffix("log")
        .max_log_files(KEEP_FILES)
        .build(dir());
    let (file, guard) = match appender {
        Ok(a) => {
            let (w, g) = tracing_appender::non_blocking(a);
            (
                Some(
                    fmt::layer()
                        .with_writer(w)
                        .with_ansi(false)
                        .with_filter(filter()),
                ),
                Some(g),
            )
        }
        Err(e) => {
            eprintln!("rapport-app: no log file ({e})");
            (None, None)
        }
    };
    tracing_subscriber::registry()
        .with(stderr)
        .with(file)
        .init();
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        tracing::error!(panic = %info, "Rapport crashed");
        if let Some(app) = APP.get() {
            use tauri::Emitter;
            let _ = app.emit("internal-error", dir().display().to_string());
        }
        default_hook(info);
    }));
    guard
}

/// The app, once it runs, so a panic can tell the page (which shows a message with the logs
/// folder) instead of failing silently.
static APP: std::sync::OnceLock<tauri::AppHandle> = std::sync::OnceLock::new();

pub fn report_panics_to(app: tauri::AppHandle) {
    let _ = APP.set(app);
}
