//! Rapport's desktop shell. Each command parses its arguments, calls one core function and maps
//! its error to `{code, message, field?}`; no business rule lives here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;

use std::path::PathBuf;
use std::sync::Mutex;

use rapport::{Db, ErrorPayload};

/// The open workspace, or why it could not be opened (shown by the UI instead of crashing).
pub struct AppState {
    pub db: Mutex<Result<Db, ErrorPayload>>,
}

/// `--db PATH` (or `--db=PATH`) picks the workspace; otherwise the core's default path.
fn db_path_from_args(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        if a == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(p) = a.strip_prefix("--db=") {
            return Some(PathBuf::from(p));
        }
    }
    None
}

fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let path =
        db_path_from_args(std::env::args().skip(1)).unwrap_or_else(rapport::db::default_path);
    let db = rapport::open_workspace(&path).map_err(|e| {
        tracing::error!(?path, error = %e, "could not open the workspace");
        ErrorPayload::from(e)
    });
    tracing::info!(?path, ok = db.is_ok(), "workspace");
    tauri::Builder::default()
        .manage(AppState { db: Mutex::new(db) })
        .invoke_handler(tauri::generate_handler![
            commands::workspace_info,
            commands::preferences_get,
            commands::preferences_save,
            commands::people_list,
            commands::people_create,
            commands::people_update,
            commands::people_set_archived,
            commands::lint_check,
            commands::questions_list,
            commands::questions_topics,
            commands::questions_create,
            commands::questions_update,
            commands::questions_set_archived,
            commands::guides_list,
            commands::guides_get,
            commands::guides_create,
            commands::guides_update,
            commands::guides_delete,
            commands::guides_add_question,
            commands::guides_remove_item,
            commands::guides_set_minutes,
            commands::guides_reorder,
            commands::guides_export,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("error while running Rapport");
}

#[cfg(test)]
mod tests {
    use super::db_path_from_args;
    use std::path::PathBuf;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn db_argument_forms() {
        assert_eq!(
            db_path_from_args(args(&["--db", "/t/a.db"])),
            Some(PathBuf::from("/t/a.db"))
        );
        assert_eq!(
            db_path_from_args(args(&["-x", "--db=/t/b.db"])),
            Some(PathBuf::from("/t/b.db"))
        );
        assert_eq!(db_path_from_args(args(&["--db"])), None);
        assert_eq!(db_path_from_args(args(&[])), None);
    }
}
