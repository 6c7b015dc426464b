//! An empty Tauri 2 window titled "Bare": the reference for `scripts/bench-app.sh`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("error while running the bare Tauri app");
}
