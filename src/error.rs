//! The one error type of the core, and its wire form for the UI.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every failure the core can report. Variants map to stable `code`s the UI can branch on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input, attributed to the field the user has to fix.
    #[error("{message}")]
    Validation { field: String, message: String },
    /// A practice the product warns about (e.g. a lead and an IC in one interview): allowed only
    /// once the user acknowledges it, which the caller signals through `field`.
    #[error("{message}")]
    NeedsAcknowledgement { field: String, message: String },
    /// A referenced record does not exist (or no longer does).
    #[error("{entity} {id} was not found")]
    NotFound { entity: &'static str, id: String },
    /// The database was written by a newer Rapport; it is refused and left untouched.
    #[error(
        "This database was written by a newer version of Rapport (schema {found}, this build \
         knows up to {supported}); it was not opened or changed — update Rapport to use it"
    )]
    NewerSchema { found: i64, supported: i64 },
    /// The file is an SQLite database that Rapport did not write; it is left untouched.
    #[error(
        "{path} is not a Rapport workspace (it holds other data); it was not opened or changed"
    )]
    NotAWorkspace { path: String },
    /// The record changed since the user opened it (another window, another program): the
    /// stale edit is refused and `current` shows what is stored now.
    #[error("This {entity} was changed since you opened it, so your edit was not saved. Compare the two versions and save again.")]
    Conflict {
        entity: &'static str,
        id: String,
        current: serde_json::Value,
    },
    /// Another program kept the write lock for longer than a write waits.
    #[error("Another program has been writing to this workspace for {waited_secs} s; nothing was saved. Try again when it has finished.")]
    Busy { waited_secs: u64 },
    /// The workspace or a backup failed SQLite's integrity check.
    #[error("{path} is damaged ({detail}); it was not changed")]
    Corrupt { path: String, detail: String },
    /// Another Rapport window already has this workspace open (one writer per workspace).
    #[error("Rapport already has {path} open in another window")]
    InUse { path: String },
    /// The user cancelled a long operation; nothing was written.
    #[error("Cancelled; nothing was changed")]
    Cancelled,
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A validation error on `field`.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Error::Validation {
            field: field.to_owned(),
            message: message.into(),
        }
    }

    pub fn not_found(entity: &'static str, id: &str) -> Self {
        Error::NotFound {
            entity,
            id: id.to_owned(),
        }
    }

    /// Stable machine-readable code, part of the UI contract.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Validation { .. } => "validation",
            Error::NeedsAcknowledgement { .. } => "needs_ack",
            Error::NotFound { .. } => "not_found",
            Error::NewerSchema { .. } => "newer_schema",
            Error::NotAWorkspace { .. } => "not_a_workspace",
            Error::Conflict { .. } => "conflict",
            Error::Busy { .. } => "busy",
            Error::Corrupt { .. } => "corrupt",
            Error::InUse { .. } => "in_use",
            Error::Cancelled => "cancelled",
            Error::Db(_) => "database",
            Error::Io(_) => "io",
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Validation { field, .. } | Error::NeedsAcknowledgement { field, .. } => {
                Some(field)
            }
            _ => None,
        }
    }
}

/// What the UI receives when a command fails: `{ code, message, field? }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    /// For a `conflict`: the record as it is stored now, to show beside the user's edit.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub current: Option<serde_json::Value>,
}

impl From<&Error> for ErrorPayload {
    fn from(e: &Error) -> Self {
        ErrorPayload {
            code: e.code().to_owned(),
            message: e.to_string(),
            field: e.field().map(str::to_owned),
            current: match e {
                Error::Conflict { current, .. } => Some(current.clone()),
                _ => None,
            },
        }
    }
}

impl From<Error> for ErrorPayload {
    fn from(e: Error) -> Self {
        ErrorPayload::from(&e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_serializes_with_field() {
        let p = ErrorPayload::from(Error::invalid("name", "Name is required"));
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "validation", "message": "Name is required", "field": "name"})
        );
    }

    #[test]
    fn other_errors_have_no_field() {
        let p = ErrorPayload::from(Error::not_found("person", "abc"));
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "not_found", "message": "person abc was not found"})
        );
    }
}
