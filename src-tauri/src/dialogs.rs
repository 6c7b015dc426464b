//! Native file dialogs. Every path the page may use comes from here: a picked path is
//! remembered in the state, and file commands refuse any other.

use std::path::PathBuf;

use rapport::files::FileKind;
use tauri_plugin_dialog::DialogExt;

use crate::state::{AppState, Reply};

/// Asks the user for a file to save (`default_name`) or to open; `None` when they cancel.
pub async fn pick(
    app: tauri::AppHandle,
    state: &AppState,
    kind: FileKind,
    save: bool,
    default_name: String,
) -> Reply<Option<String>> {
    let picked = match &state.test_dialog_dir {
        Some(dir) => Some(test_answer(dir, save, &default_name)),
        None => {
            let (label, extensions) = kind.filter();
            let dialog = app.dialog().file().add_filter(label, extensions);
            tauri::async_runtime::spawn_blocking(move || {
                if save {
                    dialog.set_file_name(&default_name).blocking_save_file()
                } else {
                    dialog.blocking_pick_file()
                }
            })
            .await
            .ok()
            .flatten()
            .and_then(|p| p.into_path().ok())
        }
    };
    Ok(picked.map(|p| {
        state.allow(&p);
        p.display().to_string()
    }))
}

/// The E2E seam: a save goes to DIR/<default name>; an open reads the path from
/// DIR/open-path.txt.
fn test_answer(dir: &std::path::Path, save: bool, default_name: &str) -> PathBuf {
    if save {
        dir.join(default_name)
    } else {
        PathBuf::from(
            std::fs::read_to_string(dir.join("open-path.txt"))
                .unwrap_or_default()
                .trim(),
        )
    }
}
