//! Rapport core: every business rule, the SQLite store and its migrations. The Tauri shell
//! (`src-tauri`) and the CLI are thin callers of this crate; it knows nothing of either.

pub mod bindings;
pub mod clock;
pub mod db;
pub mod error;
pub mod people;
pub mod settings;
pub mod validate;

pub use db::Db;
pub use error::{Error, ErrorPayload, Result};
