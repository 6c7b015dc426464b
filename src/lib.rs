//! Rapport core: every business rule, the SQLite store and its migrations. The Tauri shell
//! (`src-tauri`) and the CLI are thin callers of this crate; it knows nothing of either.

pub mod backups;
pub mod clock;
pub mod csv;
pub mod db;
pub mod desktop;
pub mod error;
pub mod files;
pub mod findings;
pub mod followups;
pub mod interviews;
pub mod markup;
pub mod paging;
pub mod people;
pub mod questions;
pub mod recent;
pub mod records;
pub mod reliability;
pub mod reports;
pub mod roadmaps;
pub mod sample;
pub mod scale;
pub mod search;
pub mod settings;
pub mod sprints;
pub mod tags;
pub mod text_enum;
pub mod today;
pub mod transcripts;
pub mod trash;
pub mod validate;

use std::path::Path;

pub use db::Db;
pub use error::{Error, ErrorPayload, Result};

/// Opens a workspace the way the app and the CLI do: migrated, with the starter question bank
/// added the first time.
pub fn open_workspace(path: &Path) -> Result<Db> {
    let db = Db::open(path)?;
    questions::seed_starter(&db)?;
    Ok(db)
}
