//! `sprint_cards` (export only): one line per card, with its sprint's focus and dates.

use super::{count, rows, Spec};
use crate::db::Db;
use crate::error::Result;

pub struct SprintCards;

impl Spec for SprintCards {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "sprint_id",
            "focus",
            "starts_on",
            "ends_on",
            "card_limit",
            "card_id",
            "card",
            "lane",
            "added_on",
            "done_on",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        count(db, "SELECT count(*) FROM sprint_cards")
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        rows(
            db,
            "SELECT s.id, s.focus, s.starts_on, s.ends_on, s.card_limit, c.id, c.title, c.lane,
                    c.added_on, c.done_on
             FROM sprint_cards c JOIN sprints s ON s.id = c.sprint_id
             ORDER BY s.starts_on, s.id, CASE c.lane WHEN 'todo' THEN 0 WHEN 'doing' THEN 1 ELSE 2 END,
                      c.position",
            &[],
            out,
        )
    }
}
