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
    /// Test seam (`--test-dialog-dir DIR`): file dialogs answer from DIR instead of asking,
    /// because WebDriver cannot drive native GTK dialogs. Never set in normal use.
    pub test_dialog_dir: Option<PathBuf>,
}

/// `--db PATH` (or `--db=PATH`) picks the workspace; `Ok(None)` means the default path.
/// A `--db` without a path is an error, never a silent fall-back to the user's real workspace.
fn db_path_from_args(args: impl IntoIterator<Item = String>) -> Result<Option<PathBuf>, String> {
    path_arg(args, "--db")
}

/// The value of `--name PATH` or `--name=PATH`; an error when the flag has no value.
fn path_arg(args: impl IntoIterator<Item = String>, name: &str) -> Result<Option<PathBuf>, String> {
    let mut args = args.into_iter();
    let eq = format!("{name}=");
    while let Some(a) = args.next() {
        let value = if a == name {
            args.next()
        } else if let Some(p) = a.strip_prefix(eq.as_str()) {
            Some(p.to_owned())
        } else {
            continue;
        };
        return match value.filter(|v| !v.is_empty() && !v.starts_with("--")) {
            Some(v) => Ok(Some(PathBuf::from(v))),
            None => Err(format!("{name} needs a path")),
        };
    }
    Ok(None)
}

fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let path = match db_path_from_args(std::env::args().skip(1)) {
        Ok(p) => p.unwrap_or_else(rapport::db::default_path),
        Err(e) => {
            eprintln!("rapport-app: {e}");
            std::process::exit(2);
        }
    };
    let test_dialog_dir = path_arg(std::env::args().skip(1), "--test-dialog-dir").unwrap_or(None);
    let db = rapport::open_workspace(&path).map_err(|e| {
        tracing::error!(?path, error = %e, "could not open the workspace");
        ErrorPayload::from(e)
    });
    tracing::info!(?path, ok = db.is_ok(), "workspace");
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState {
            db: Mutex::new(db),
            test_dialog_dir,
        })
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
            commands::interviews_list,
            commands::interviews_get,
            commands::interviews_plan,
            commands::interviews_update,
            commands::interviews_delete,
            commands::interviews_start,
            commands::interviews_finish,
            commands::interviews_save_draft,
            commands::notes_list,
            commands::notes_add,
            commands::notes_update,
            commands::notes_delete,
            commands::findings_by_tag,
            commands::findings_create,
            commands::findings_set_status,
            commands::findings_delete,
            commands::search_all,
            commands::report_interview,
            commands::report_findings,
            commands::report_quotes,
            commands::csv_export,
            commands::csv_import,
            commands::csv_import_fields,
            commands::pick_csv_path,
            commands::roadmaps_list,
            commands::roadmaps_get,
            commands::roadmaps_create,
            commands::roadmaps_add_row,
            commands::roadmaps_update_row,
            commands::roadmaps_delete_row,
            commands::roadmaps_set_priority,
            commands::roadmaps_reorder_rows,
            commands::roadmaps_add_deliverable,
            commands::roadmaps_update_deliverable,
            commands::roadmaps_delete_deliverable,
            commands::roadmaps_record_update,
            commands::roadmaps_history,
            commands::roadmaps_next_meeting,
            commands::roadmaps_retro,
            commands::roadmaps_save_retro,
            commands::roadmaps_carry_over,
            commands::roadmaps_report,
            commands::sample_load,
            commands::today_date,
            commands::roadmaps_link_interview,
            commands::roadmaps_unlink_interview,
            commands::sprints_list,
            commands::sprints_get,
            commands::sprints_create,
            commands::sprints_update,
            commands::sprints_delete,
            commands::sprints_save_demo,
            commands::sprints_add_card,
            commands::sprints_rename_card,
            commands::sprints_delete_card,
            commands::sprints_move_card,
            commands::sprints_add_entry,
            commands::sprints_delete_entry,
            commands::sprints_entry_to_finding,
            commands::sprints_entry_to_deliverable,
            commands::followups_list,
            commands::followups_create,
            commands::followups_create_many,
            commands::followups_update,
            commands::followups_complete,
            commands::followups_reopen,
            commands::followups_delete,
            commands::followups_offer,
            commands::followups_not_contacted,
            commands::followups_set_contact_weeks,
            commands::today_dashboard,
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
        let ok = |a: &[&str]| db_path_from_args(args(a)).unwrap();
        assert_eq!(ok(&["--db", "/t/a.db"]), Some(PathBuf::from("/t/a.db")));
        assert_eq!(ok(&["-x", "--db=/t/b.db"]), Some(PathBuf::from("/t/b.db")));
        assert_eq!(ok(&[]), None);
        assert!(db_path_from_args(args(&["--db"])).is_err());
        assert!(db_path_from_args(args(&["--db="])).is_err());
        assert!(db_path_from_args(args(&["--db", "--verbose"])).is_err());
    }
}
