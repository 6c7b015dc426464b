//! Live notes taken during an interview: time-stamped, optionally a verbatim quote with its
//! speaker, with `#tags` written inline.

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::records;
use crate::tags::{parse_tags, strip_tags};
use crate::transcripts::TranscriptSpan;
use crate::trash::{self, TrashEntry, TrashKind};
use crate::validate;

pub const TEXT_MAX: usize = 5_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NoteInput {
    pub text: String,
    /// A verbatim quote (then `speaker_id` names who said it).
    pub is_quote: bool,
    pub speaker_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Note {
    pub id: String,
    pub interview_id: String,
    pub text: String,
    pub is_quote: bool,
    pub speaker_id: Option<String>,
    /// Seconds since the interview started (`null` if it had not started).
    pub offset_seconds: Option<i64>,
    /// The `#tags` found in `text`, lower-case, in order of appearance.
    pub tags: Vec<String>,
    /// What is shown and exported: for a quote, the words said, without its `#tags`.
    pub display: String,
    /// The transcript words it was taken from, if any.
    pub source: Option<TranscriptSpan>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// A note's text as shown: a quote loses its `#tags` (they stay as tags), a note keeps them.
pub fn display(text: &str, is_quote: bool) -> String {
    if is_quote {
        strip_tags(text)
    } else {
        text.to_owned()
    }
}

fn from_row(r: &Row) -> rusqlite::Result<Note> {
    let text: String = r.get(2)?;
    let is_quote: bool = r.get(3)?;
    Ok(Note {
        id: r.get(0)?,
        interview_id: r.get(1)?,
        tags: parse_tags(&text),
        display: display(&text, is_quote),
        text,
        is_quote,
        speaker_id: r.get(4)?,
        offset_seconds: r.get(5)?,
        created_at: r.get(6)?,
        updated_at: r.get(7)?,
        version: r.get(8)?,
        source: match r.get::<_, Option<String>>(9)? {
            Some(transcript_id) => Some(TranscriptSpan {
                transcript_id,
                from_cue: r.get(10)?,
                from_offset: r.get(11)?,
                to_cue: r.get(12)?,
                to_offset: r.get(13)?,
            }),
            None => None,
        },
    })
}

const COLUMNS: &str =
    "id, interview_id, text, is_quote, speaker_id, offset_seconds, created_at, updated_at,
     version, transcript_id, from_cue, from_offset, to_cue, to_offset";

/// Checks the note against its interview: a quote's speaker must be one of the interviewees.
fn validated(db: &Db, interview_id: &str, input: &NoteInput) -> Result<NoteInput> {
    let text = validate::required("text", "Note", &input.text, TEXT_MAX)?;
    let speaker = input
        .speaker_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if let Some(s) = speaker {
        let ok: bool = db.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM interview_people WHERE interview_id = ?1 AND person_id = ?2)",
            params![interview_id, s],
            |r| r.get(0),
        )?;
        if !ok {
            return Err(Error::invalid(
                "speaker_id",
                "The speaker must be one of the interviewees",
            ));
        }
    }
    Ok(NoteInput {
        text,
        is_quote: input.is_quote,
        speaker_id: if input.is_quote {
            speaker.map(str::to_owned)
        } else {
            None
        },
    })
}

fn write_tags(conn: &rusqlite::Connection, note_id: &str, text: &str) -> Result<()> {
    conn.execute("DELETE FROM note_tags WHERE note_id = ?1", [note_id])?;
    for tag in parse_tags(text) {
        conn.execute(
            "INSERT INTO note_tags (note_id, tag) VALUES (?1, ?2)",
            params![note_id, tag],
        )?;
    }
    Ok(())
}

/// Adds a note stamped with the time since the interview started, and clears the draft it came
/// from, in one transaction: the text is always in exactly one of the two places.
pub fn add(db: &Db, interview_id: &str, input: &NoteInput) -> Result<Note> {
    let started: Option<Option<String>> = db
        .conn()
        .query_row(
            "SELECT started_at FROM interviews WHERE id = ?1",
            [interview_id],
            |r| r.get(0),
        )
        .optional()?;
    let started = started.ok_or_else(|| Error::not_found("interview", interview_id))?;
    let offset = started
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(&s).ok())
        .map(|s| {
            (chrono::Utc::now() - s.with_timezone(&chrono::Utc))
                .num_seconds()
                .max(0)
        });
    insert(db, interview_id, input, offset, None)
}

/// Adds a note taken from a transcript span, stamped with the time of its first cue.
pub(crate) fn add_pulled(
    db: &Db,
    interview_id: &str,
    input: &NoteInput,
    offset_seconds: i64,
    span: &TranscriptSpan,
) -> Result<Note> {
    insert(db, interview_id, input, Some(offset_seconds), Some(span))
}

fn insert(
    db: &Db,
    interview_id: &str,
    input: &NoteInput,
    offset: Option<i64>,
    span: Option<&TranscriptSpan>,
) -> Result<Note> {
    let n = validated(db, interview_id, input)?;
    let now = clock::now();
    let id = clock::new_id();
    let unit = db.unit()?;
    let tx = db.conn();
    tx.execute(
        "INSERT INTO notes (id, interview_id, text, is_quote, speaker_id, offset_seconds, created_at, updated_at,
                            transcript_id, from_cue, from_offset, to_cue, to_offset)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            id,
            interview_id,
            n.text,
            n.is_quote,
            n.speaker_id,
            offset,
            now,
            span.map(|s| &s.transcript_id),
            span.map(|s| s.from_cue),
            span.map(|s| s.from_offset),
            span.map(|s| s.to_cue),
            span.map(|s| s.to_offset)
        ],
    )?;
    write_tags(tx, &id, &n.text)?;
    if span.is_none() {
        // A note typed live came from the draft, which is now empty.
        tx.execute(
            "UPDATE interviews SET draft = '' WHERE id = ?1",
            [interview_id],
        )?;
    }
    unit.commit()?;
    get(db, &id)
}

/// Saves an edit made from `version`: the text (line breaks kept), note ⇄ quote, the
/// speaker; the `#tags` follow the text.
pub fn update(db: &Db, id: &str, version: i64, input: &NoteInput) -> Result<Note> {
    let current = get(db, id)?;
    let n = validated(db, &current.interview_id, input)?;
    let unit = db.unit()?;
    records::bump(db, "notes", id, version, || get(db, id))?;
    let tx = db.conn();
    tx.execute(
        "UPDATE notes SET text = ?2, is_quote = ?3, speaker_id = ?4 WHERE id = ?1",
        params![id, n.text, n.is_quote, n.speaker_id],
    )?;
    write_tags(tx, id, &n.text)?;
    unit.commit()?;
    get(db, id)
}

/// Moves the note (and its place in findings' evidence) to the trash.
pub fn delete(db: &Db, id: &str) -> Result<TrashEntry> {
    let n = get(db, id)?;
    let label: String = n.display.chars().take(80).collect();
    trash::delete(db, TrashKind::Note, id, &label)
}

pub fn get(db: &Db, id: &str) -> Result<Note> {
    db.conn()
        .query_row(
            &format!("SELECT {COLUMNS} FROM notes WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or_else(|| Error::not_found("note", id))
}

/// The interview's notes in the order they were taken.
pub fn list(db: &Db, interview_id: &str) -> Result<Vec<Note>> {
    let mut stmt = db.conn().prepare(&format!(
        "SELECT {COLUMNS} FROM notes WHERE interview_id = ?1 ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([interview_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
