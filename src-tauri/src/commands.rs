//! IPC commands: argument parsing and error mapping only.

use rapport::db::WorkspaceInfo;
use rapport::people::{self, Person, PersonFilter, PersonInput};
use rapport::settings::{self, Preferences};
use rapport::{Db, ErrorPayload};
use tauri::State;

use crate::AppState;

type Reply<T> = Result<T, ErrorPayload>;

/// Runs `f` on the open workspace, or returns why there is none.
fn with_db<T>(state: &State<AppState>, f: impl FnOnce(&Db) -> rapport::Result<T>) -> Reply<T> {
    let guard = state.db.lock().unwrap_or_else(|p| p.into_inner());
    match &*guard {
        Ok(db) => f(db).map_err(ErrorPayload::from),
        Err(e) => Err(e.clone()),
    }
}

#[tauri::command]
pub fn workspace_info(state: State<AppState>) -> Reply<WorkspaceInfo> {
    with_db(&state, Db::info)
}

#[tauri::command]
pub fn preferences_get(state: State<AppState>) -> Reply<Preferences> {
    with_db(&state, settings::load)
}

#[tauri::command]
pub fn preferences_save(state: State<AppState>, prefs: Preferences) -> Reply<Preferences> {
    with_db(&state, |db| settings::save(db, &prefs))
}

#[tauri::command]
pub fn people_list(state: State<AppState>, filter: PersonFilter) -> Reply<Vec<Person>> {
    with_db(&state, |db| people::list(db, &filter))
}

#[tauri::command]
pub fn people_create(state: State<AppState>, input: PersonInput) -> Reply<Person> {
    with_db(&state, |db| people::create(db, &input))
}

#[tauri::command]
pub fn people_update(state: State<AppState>, id: String, input: PersonInput) -> Reply<Person> {
    with_db(&state, |db| people::update(db, &id, &input))
}

#[tauri::command]
pub fn people_set_archived(state: State<AppState>, id: String, archived: bool) -> Reply<Person> {
    with_db(&state, |db| people::set_archived(db, &id, archived))
}
