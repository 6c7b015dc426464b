//! Desktop reminders. A timer thread asks the core about once a minute which reminders are due
//! (`rapport::desktop::take_due`, which also records them as sent), and shows each as a native
//! notification. Nothing runs while the app is closed: the first check after a start gets the
//! core's summary of what was missed, and Today lists it anyway.
//!
//! Clicks: the notification plugin cannot route a click back on Linux and Windows, so the
//! latest reminder's item is opened the next time the window gains focus (which clicking a
//! notification does), if that is within [`OPEN_ON_FOCUS_FOR`].
//!
//! Test seam: when `RAPPORT_NOTIFY_LOG` names a file, each notification is appended there as a
//! JSON line instead of being shown (no notification daemon runs under Xvfb).

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rapport::desktop::reminders::Reminder;
use tauri::{Emitter, Manager};

use crate::state::{zone, AppState};

/// How often the timer checks.
const TICK: Duration = Duration::from_secs(60);
/// The first check after start: once the page has loaded and listens.
const FIRST_CHECK: Duration = Duration::from_secs(3);
/// How long after a notification the next focus still opens its item.
const OPEN_ON_FOCUS_FOR: Duration = Duration::from_secs(30 * 60);

/// The route of the latest notification shown, and when.
static PENDING: Mutex<Option<(String, Instant)>> = Mutex::new(None);

/// Starts the timer thread.
pub fn start(app: tauri::AppHandle) {
    std::thread::spawn(move || {
        std::thread::sleep(FIRST_CHECK);
        // The instant of the last check, per workspace: switching workspaces starts afresh.
        let mut last: Option<(PathBuf, DateTime<Utc>)> = None;
        loop {
            check(&app, &mut last);
            std::thread::sleep(TICK);
        }
    });
}

fn check(app: &tauri::AppHandle, last: &mut Option<(PathBuf, DateTime<Utc>)>) {
    let state = app.state::<AppState>();
    let Ok(ws) = state.workspace() else {
        return;
    };
    let path = state.path();
    let now = Utc::now();
    let last_check = last.as_ref().filter(|(p, _)| *p == path).map(|(_, t)| *t);
    match ws.write(|db| rapport::desktop::take_due(db, zone(), now, last_check)) {
        Ok(due) => {
            for r in &due {
                show(app, r);
            }
            *last = Some((path, now));
        }
        Err(e) => tracing::warn!(error = %e, "reminder check failed"),
    }
}

fn show(app: &tauri::AppHandle, r: &Reminder) {
    tracing::info!(key = r.key, "reminder");
    // Someone working in the window sees the notification there; only an unfocused window
    // opens its item on the next focus.
    let focused = app
        .get_webview_window("main")
        .and_then(|w| w.is_focused().ok())
        .unwrap_or(false);
    if let Ok(mut p) = PENDING.lock() {
        *p = (!focused).then(|| (r.target.clone(), Instant::now()));
    }
    if let Some(log) = std::env::var_os("RAPPORT_NOTIFY_LOG").filter(|v| !v.is_empty()) {
        let line = serde_json::to_string(r).unwrap_or_default();
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .and_then(|mut f| writeln!(f, "{line}"));
        if let Err(e) = written {
            tracing::warn!(error = %e, "could not append to RAPPORT_NOTIFY_LOG");
        }
        return;
    }
    use tauri_plugin_notification::NotificationExt;
    if let Err(e) = app
        .notification()
        .builder()
        .title(&r.title)
        .body(&r.body)
        .show()
    {
        tracing::warn!(error = %e, "could not show a notification");
    }
}

/// Called when the main window gains focus: opens the latest notification's item, once.
pub fn on_focus(app: &tauri::AppHandle) {
    let pending = PENDING.lock().ok().and_then(|mut p| p.take());
    if let Some((target, at)) = pending {
        if at.elapsed() <= OPEN_ON_FOCUS_FOR {
            let _ = app.emit("navigate", target);
        }
    }
}
