//! `roadmap_updates` (export only): every status line recorded in update meetings.

use super::{count, rows, Spec};
use crate::db::Db;
use crate::error::Result;

pub struct RoadmapUpdates;

impl Spec for RoadmapUpdates {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "roadmap_id",
            "roadmap",
            "project",
            "meeting_on",
            "status",
            "note",
            "created_at",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        count(db, "SELECT count(*) FROM row_updates")
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        rows(
            db,
            "SELECT r.id, r.title, w.project, u.meeting_on, u.status, u.note, u.created_at
             FROM row_updates u JOIN roadmap_rows w ON w.id = u.row_id JOIN roadmaps r ON r.id = w.roadmap_id
             ORDER BY r.starts_on, r.id, w.position, u.created_at",
            &[],
            out,
        )
    }
}
