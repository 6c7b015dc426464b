//! `notes` and `quotes` (export only): every note, or only the verbatim quotes. A quote's text
//! is the words said; its `#tags` are in the tags column.

use super::{count, Spec};
use crate::db::Db;
use crate::error::Result;
use crate::interviews::notes::display;
use crate::tags::parse_tags;

pub struct Notes {
    pub quotes_only: bool,
}

impl Spec for Notes {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "id",
            "interview_id",
            "interview_title",
            "offset_seconds",
            "text",
            "is_quote",
            "speaker",
            "tags",
            "created_at",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        count(
            db,
            if self.quotes_only {
                "SELECT count(*) FROM notes WHERE is_quote = 1"
            } else {
                "SELECT count(*) FROM notes"
            },
        )
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        let mut stmt = db.conn().prepare(
            "SELECT n.id, n.interview_id, i.title, n.offset_seconds, n.text, n.is_quote, p.name,
                    n.created_at
             FROM notes n JOIN interviews i ON i.id = n.interview_id
             LEFT JOIN people p ON p.id = n.speaker_id
             WHERE ?1 = 0 OR n.is_quote = 1
             ORDER BY i.scheduled_at, n.created_at, n.id",
        )?;
        let mut rows = stmt.query([self.quotes_only])?;
        while let Some(r) = rows.next()? {
            let text: String = r.get(4)?;
            let is_quote: bool = r.get(5)?;
            out(&[
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get::<_, Option<i64>>(3)?
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                display(&text, is_quote),
                is_quote.to_string(),
                r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                parse_tags(&text).join(" "),
                r.get(7)?,
            ])?;
        }
        Ok(())
    }
}
