//! `transcripts` (export only): one line per cue of every transcript, with the person its
//! speaker is mapped to, so a spreadsheet can filter by who said what.

use super::{count, Spec};
use crate::db::Db;
use crate::error::Result;

pub struct Transcripts;

/// `hh:mm:ss.mmm` from the start of the recording.
fn at(ms: i64) -> String {
    let ms = ms.max(0) as u64;
    format!("{}.{:03}", crate::transcripts::hms(ms), ms % 1000)
}

impl Spec for Transcripts {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "interview_id",
            "interview",
            "file",
            "start",
            "end",
            "speaker",
            "person",
            "text",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        count(db, "SELECT count(*) FROM transcript_cues")
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        let mut stmt = db.conn().prepare(
            "SELECT i.id, i.title, t.file_name, c.start_ms, c.end_ms, c.speaker,
                    CASE WHEN s.side = 'interviewer' AND s.person_id IS NULL THEN 'interviewer'
                         ELSE coalesce(p.name, '') END,
                    c.text
             FROM transcript_cues c
             JOIN transcripts t ON t.id = c.transcript_id
             JOIN interviews i ON i.id = t.interview_id
             LEFT JOIN transcript_speakers s ON s.transcript_id = c.transcript_id AND s.label = c.speaker
             LEFT JOIN people p ON p.id = s.person_id
             ORDER BY i.scheduled_at, t.imported_at, t.id, c.seq",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            out(&[
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                at(r.get(3)?),
                at(r.get(4)?),
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ])?;
        }
        Ok(())
    }
}
