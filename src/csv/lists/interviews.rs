//! `interviews` (export only): one line per interview with its people and note count.

use super::{count, rows, Spec};
use crate::db::Db;
use crate::error::Result;

pub struct Interviews;

impl Spec for Interviews {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "id",
            "title",
            "topic",
            "scheduled_at",
            "duration_minutes",
            "interviewees",
            "interviewee_ids",
            "note_taker",
            "guide_id",
            "mixed_roles_ack_at",
            "started_at",
            "ended_at",
            "note_count",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        count(db, "SELECT count(*) FROM interviews")
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        rows(
            db,
            "SELECT i.id, i.title, i.topic, i.scheduled_at, i.duration_minutes,
                    (SELECT group_concat(p.name, '; ') FROM interview_people ip JOIN people p ON p.id = ip.person_id
                      WHERE ip.interview_id = i.id),
                    (SELECT group_concat(ip.person_id, ' ') FROM interview_people ip WHERE ip.interview_id = i.id),
                    (SELECT name FROM people WHERE id = i.note_taker_id), i.guide_id,
                    i.mixed_roles_ack_at, i.started_at, i.ended_at,
                    (SELECT count(*) FROM notes n WHERE n.interview_id = i.id)
             FROM interviews i ORDER BY i.scheduled_at, i.id",
            &[],
            out,
        )
    }
}
