//! `follow_ups` (export only): every follow-up with its person and what it is about.

use super::{count, rows, Spec};
use crate::db::Db;
use crate::error::Result;

pub struct FollowUps;

impl Spec for FollowUps {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "id",
            "person",
            "core_user",
            "reason",
            "deliverable",
            "interview",
            "release",
            "due_on",
            "done_on",
            "outcome",
            "created_at",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        count(db, "SELECT count(*) FROM followups")
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        rows(
            db,
            "SELECT f.id, p.name, CASE p.core_user WHEN 1 THEN 'true' ELSE 'false' END, f.reason,
                    d.title, i.title, f.release, f.due_on, f.done_on, f.outcome, f.created_at
             FROM followups f JOIN people p ON p.id = f.person_id
             LEFT JOIN deliverables d ON d.id = f.deliverable_id
             LEFT JOIN interviews i ON i.id = f.interview_id
             ORDER BY f.due_on, p.name COLLATE NOCASE, f.id",
            &[],
            out,
        )
    }
}
