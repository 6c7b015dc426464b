//! Rapport's desktop shell. Commands are declared once in `contract.rs`; each parses its
//! arguments, calls one core function and maps its error. No business rule lives here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod args;
mod contract;
mod dialogs;
mod files;
mod logs;
mod state;

use rapport::clock::Zone;
use rapport::db::Workspace;
use rapport::ErrorPayload;

use crate::state::AppState;

fn main() {
    let args = match args::Args::parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("rapport-app: {e}");
            std::process::exit(2);
        }
    };
    let _log_guard = logs::init();
    state::set_zone(args.zone.unwrap_or_else(Zone::system));
    let zone = state::zone();
    let path = args.db.clone().unwrap_or_else(rapport::db::default_path);
    let workspace = Workspace::open(&path).map_err(|e| {
        tracing::error!(?path, error = %e, "could not open the workspace");
        ErrorPayload::from(e)
    });
    tracing::info!(
        ?path,
        ok = workspace.is_ok(),
        zone = zone.name(),
        "workspace"
    );
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState::new(workspace, args.test_dialog_dir));
    contract::register(builder)
        .on_window_event(|window, event| {
            // A file dropped on the window may be opened by the page, like a picked one.
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                use tauri::Manager;
                let state = window.state::<AppState>();
                for p in paths {
                    state.allow(p);
                }
            }
        })
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("error while running Rapport");
}
