//! Rapport's desktop shell. Commands are declared once in `contract.rs`; each parses its
//! arguments, calls one core function and maps its error. No business rule lives here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod args;
mod contract;
mod dialogs;
mod files;
mod instance;
mod logs;
mod menu;
mod reminders;
mod state;
mod workspaces;

use rapport::clock::Zone;

use crate::state::{AppState, Slot};

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
    let path = workspaces::startup_path(args.db.clone());
    let (socket, note) = instance::socket();
    let slot = match Slot::open(&path, &note) {
        Ok(slot) => slot,
        Err(rapport::Error::InUse { .. }) => {
            // One app per workspace: bring the one that has it to the front instead.
            let other = rapport::db::lock::holder(&path).unwrap_or_default();
            let focused = instance::ask_to_focus(&other);
            tracing::info!(?path, focused, "the workspace is open in another Rapport");
            eprintln!(
                "rapport-app: {} is already open in Rapport{}",
                path.display(),
                if focused { "; switched to it" } else { "" }
            );
            std::process::exit(0);
        }
        Err(e) => {
            eprintln!("rapport-app: {e}");
            std::process::exit(2);
        }
    };
    if slot.workspace.is_ok() {
        workspaces::remember(&path);
    }
    tracing::info!(zone = zone.name(), "started");
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .manage(AppState::new(slot, &note, args.test_dialog_dir))
        .setup(move |app| {
            logs::report_panics_to(app.handle().clone());
            instance::listen(app.handle().clone(), &socket);
            workspaces::schedule_backups(app.handle().clone());
            menu::install(app.handle())?;
            reminders::start(app.handle().clone());
            Ok(())
        });
    contract::register(builder)
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::Focused(true) = event {
                use tauri::Manager;
                reminders::on_focus(window.app_handle());
            }
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
