//! `guides` (export only): one line per question of each interview guide, in order.

use super::{count, rows, Spec};
use crate::db::Db;
use crate::error::Result;

pub struct Guides;

impl Spec for Guides {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "guide_id",
            "guide_title",
            "position",
            "question_id",
            "question",
            "minutes",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        count(db, "SELECT count(*) FROM guide_items")
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        rows(
            db,
            "SELECT g.id, g.title, gi.position, q.id, q.text, gi.minutes
             FROM guides g JOIN guide_items gi ON gi.guide_id = g.id JOIN questions q ON q.id = gi.question_id
             ORDER BY g.title, g.id, gi.position",
            &[],
            out,
        )
    }
}
