//! Edits carry the version they started from. A record edited elsewhere since (another window,
//! another program) refuses the stale edit and returns what is stored now, so the user can
//! compare the two instead of silently losing one.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};

/// Moves `table`'s row `id` from `version` to the next, stamping `updated_at`. Fails with
/// `Conflict` (carrying `current()`) when the stored version is another, `NotFound` when the row
/// is gone.
pub fn bump<T: Serialize>(
    db: &Db,
    table: &str,
    id: &str,
    version: i64,
    current: impl FnOnce() -> Result<T>,
) -> Result<()> {
    let n = db.conn().execute(
        &format!(
            "UPDATE {table} SET version = version + 1, updated_at = ?3 WHERE id = ?1 AND version = ?2"
        ),
        params![id, version, clock::now()],
    )?;
    if n == 1 {
        return Ok(());
    }
    let exists: Option<i64> = db
        .conn()
        .query_row(
            &format!("SELECT version FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .optional()?;
    let entity = entity_of(table);
    match exists {
        None => Err(Error::not_found(entity, id)),
        Some(_) => Err(Error::Conflict {
            entity,
            id: id.to_owned(),
            current: serde_json::to_value(current()?)
                .map_err(|e| Error::Io(std::io::Error::other(e)))?,
        }),
    }
}

/// How a person names a record of `table`.
fn entity_of(table: &str) -> &'static str {
    match table {
        "people" => "person",
        "questions" => "question",
        "guides" => "guide",
        "interviews" => "interview",
        "notes" => "note",
        "findings" => "finding",
        "roadmaps" => "roadmap",
        "roadmap_rows" => "roadmap row",
        "deliverables" => "deliverable",
        "sprints" => "sprint",
        "sprint_cards" => "card",
        "followups" => "follow-up",
        "retros" => "retro",
        "services" => "service",
        "slos" => "SLO",
        "postmortems" => "postmortem",
        "action_items" => "action item",
        "slo_readings" => "SLO reading",
        "budget_policies" => "budget policy",
        "toil_entries" => "toil entry",
        "transcripts" => "transcript",
        _ => "record",
    }
}
