//! Transcripts kept with their interview: imported once, read as a timeline, speakers mapped to
//! the interview's people, notes and quotes pulled from a span of the text, and the
//! interviewer audit computed from what is stored.
//!
//! Offsets into a cue's text are UTF-16 code units, as the UI's text selection reports them;
//! the core converts them to bytes and refuses one that splits a character.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::audit::{audit, Audit, UNKNOWN_SPEAKER};
use super::{parse, Cue, Format, Transcript};
use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::interviews::notes::{self, Note};
use crate::people::name_key;
use crate::questions::lint;
use crate::records;
use crate::tags::normalize_tag;
use crate::trash::{self, TrashEntry, TrashKind};

/// Largest transcript file accepted: a ten-hour recording is well under this.
pub const FILE_MAX_BYTES: usize = 20 * 1024 * 1024;

crate::text_enum! {
    /// Which side of the interview a speaker is on.
    #[ts(export)]
    pub enum Side {
        /// The person interviewing (you) or the note-taker.
        Interviewer = "interviewer",
        Interviewee = "interviewee",
    }
}

/// A transcript as the interview lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TranscriptSummary {
    pub id: String,
    pub interview_id: String,
    pub file_name: String,
    pub format: Format,
    pub cue_count: i64,
    pub word_count: i64,
    pub duration_ms: i64,
    pub imported_at: String,
    /// Speaker labels not yet mapped to a side.
    pub unmapped: i64,
    pub version: i64,
}

/// One speaker label of a transcript and who it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Speaker {
    pub label: String,
    /// `None` until mapped.
    pub side: Option<Side>,
    /// The interviewee or note-taker it is; `None` for you (the interviewer) or when unmapped.
    pub person_id: Option<String>,
    pub person_name: Option<String>,
}

/// One cue as stored: `seq` counts from 0 in file order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StoredCue {
    pub seq: i64,
    pub start_ms: i64,
    pub end_ms: i64,
    pub speaker: String,
    pub text: String,
}

/// Where in a transcript a note or quote was taken from: from cue `from_cue` at UTF-16
/// offset `from_offset` to cue `to_cue` at `to_offset` (exclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TranscriptSpan {
    pub transcript_id: String,
    pub from_cue: i64,
    pub from_offset: i64,
    pub to_cue: i64,
    pub to_offset: i64,
}

/// A note or quote pulled from this transcript, for highlighting its span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Pulled {
    pub note_id: String,
    pub is_quote: bool,
    pub span: TranscriptSpan,
}

/// Everything the transcript screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TranscriptView {
    pub transcript: TranscriptSummary,
    pub speakers: Vec<Speaker>,
    pub cues: Vec<StoredCue>,
    pub pulled: Vec<Pulled>,
    pub audit: Audit,
}

/// A selection turned into a quote (the words as said, speaker and time from the cue) or a
/// note (`text`, or the selected words when empty). `tags` are added as `#tags`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PullInput {
    pub span: TranscriptSpan,
    pub is_quote: bool,
    pub text: Option<String>,
    pub tags: Vec<String>,
}

fn format_str(f: Format) -> &'static str {
    match f {
        Format::Vtt => "vtt",
        Format::Srt => "srt",
        Format::Text => "text",
    }
}

fn format_of(s: &str) -> Format {
    match s {
        "vtt" => Format::Vtt,
        "srt" => Format::Srt,
        _ => Format::Text,
    }
}

/// Reads `bytes` as a transcript of the interview and stores it with its cues in one
/// transaction: a malformed file (reported with its line) or the same file imported twice
/// stores nothing. Speakers whose label is the name of an interviewee (or of the note-taker)
/// are mapped to them; the others wait for the user.
pub fn import(
    db: &Db,
    interview_id: &str,
    file_name: &str,
    bytes: &[u8],
) -> Result<TranscriptSummary> {
    let interview = crate::interviews::get(db, interview_id)?;
    if bytes.len() > FILE_MAX_BYTES {
        return Err(Error::invalid(
            "file",
            format!(
                "{file_name} is {} MB; a transcript is at most 20 MB",
                bytes.len() / 1_048_576
            ),
        ));
    }
    let parsed = parse(bytes, Some(file_name)).map_err(|e| {
        let at = if e.line == 0 {
            String::new()
        } else {
            format!(", line {}", e.line)
        };
        Error::invalid("file", format!("{file_name}{at}: {}", e.message))
    })?;
    if parsed.cues.is_empty() {
        return Err(Error::invalid(
            "file",
            format!("{file_name} has no cues: nothing was said in it"),
        ));
    }
    let hash = format!("{:x}", Sha256::digest(bytes));
    let existing: Option<String> = db
        .conn()
        .query_row(
            "SELECT imported_at FROM transcripts WHERE interview_id = ?1 AND content_hash = ?2",
            params![interview_id, hash],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(at) = existing {
        return Err(Error::invalid(
            "file",
            format!(
                "This transcript is already on this interview (imported {at}); nothing was added"
            ),
        ));
    }
    let words: usize = parsed.cues.iter().map(|c| super::word_count(&c.text)).sum();
    let duration = parsed.cues.iter().map(|c| c.end_ms).max().unwrap_or(0);
    let id = clock::new_id();
    let now = clock::now();
    let unit = db.unit()?;
    let tx = db.conn();
    tx.execute(
        "INSERT INTO transcripts (id, interview_id, file_name, format, content_hash, cue_count,
                                  word_count, duration_ms, imported_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            id,
            interview_id,
            file_name.trim(),
            format_str(parsed.format),
            hash,
            parsed.cues.len() as i64,
            words as i64,
            duration as i64,
            now
        ],
    )?;
    let mut labels: Vec<&str> = Vec::new();
    {
        let mut insert = tx.prepare_cached(
            "INSERT INTO transcript_cues (transcript_id, seq, start_ms, end_ms, speaker, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (seq, cue) in parsed.cues.iter().enumerate() {
            let label = label(cue);
            if !labels.contains(&label) {
                labels.push(label);
            }
            insert.execute(params![
                id,
                seq as i64,
                cue.start_ms as i64,
                cue.end_ms as i64,
                label,
                cue.text
            ])?;
        }
    }
    let mut people: Vec<(Side, &str, String)> = interview
        .interviewees
        .iter()
        .map(|p| (Side::Interviewee, p.id.as_str(), name_key(&p.name)))
        .collect();
    if let Some(t) = &interview.note_taker {
        people.push((Side::Interviewer, t.id.as_str(), name_key(&t.name)));
    }
    for l in labels {
        let guess = match_person(&name_key(l), &people);
        tx.execute(
            "INSERT INTO transcript_speakers (transcript_id, label, side, person_id) VALUES (?1, ?2, ?3, ?4)",
            params![id, l, guess.map(|g| g.0), guess.map(|g| g.1)],
        )?;
    }
    unit.commit()?;
    summary(db, &id)
}

fn label(cue: &Cue) -> &str {
    cue.speaker
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or(UNKNOWN_SPEAKER)
}

/// The one person whose full name, or else first name, is the label.
fn match_person<'a>(key: &str, people: &'a [(Side, &'a str, String)]) -> Option<(Side, &'a str)> {
    let one =
        |hits: Vec<&'a (Side, &'a str, String)>| (hits.len() == 1).then(|| (hits[0].0, hits[0].1));
    one(people.iter().filter(|p| p.2 == key).collect()).or_else(|| {
        one(people
            .iter()
            .filter(|p| !key.is_empty() && p.2.split(' ').next() == Some(key))
            .collect())
    })
}

const SUMMARY: &str =
    "SELECT t.id, t.interview_id, t.file_name, t.format, t.cue_count, t.word_count,
        t.duration_ms, t.imported_at, t.version,
        (SELECT count(*) FROM transcript_speakers s WHERE s.transcript_id = t.id AND s.side IS NULL)
    FROM transcripts t";

fn summary_row(r: &rusqlite::Row) -> rusqlite::Result<TranscriptSummary> {
    Ok(TranscriptSummary {
        id: r.get(0)?,
        interview_id: r.get(1)?,
        file_name: r.get(2)?,
        format: format_of(&r.get::<_, String>(3)?),
        cue_count: r.get(4)?,
        word_count: r.get(5)?,
        duration_ms: r.get(6)?,
        imported_at: r.get(7)?,
        version: r.get(8)?,
        unmapped: r.get(9)?,
    })
}

pub fn summary(db: &Db, id: &str) -> Result<TranscriptSummary> {
    db.conn()
        .query_row(&format!("{SUMMARY} WHERE t.id = ?1"), [id], summary_row)
        .optional()?
        .ok_or_else(|| Error::not_found("transcript", id))
}

/// The interview's transcripts, oldest import first.
pub fn list(db: &Db, interview_id: &str) -> Result<Vec<TranscriptSummary>> {
    let mut stmt = db.conn().prepare_cached(&format!(
        "{SUMMARY} WHERE t.interview_id = ?1 ORDER BY t.imported_at, t.id"
    ))?;
    let rows = stmt.query_map([interview_id], summary_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn speakers(db: &Db, id: &str) -> Result<Vec<Speaker>> {
    let mut stmt = db.conn().prepare_cached(
        "SELECT s.label, s.side, s.person_id, p.name FROM transcript_speakers s
         LEFT JOIN people p ON p.id = s.person_id
         WHERE s.transcript_id = ?1
         ORDER BY (SELECT min(seq) FROM transcript_cues c WHERE c.transcript_id = s.transcript_id AND c.speaker = s.label)",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Speaker {
            label: r.get(0)?,
            side: r.get(1)?,
            person_id: r.get(2)?,
            person_name: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn cues(db: &Db, id: &str) -> Result<Vec<StoredCue>> {
    let mut stmt = db.conn().prepare_cached(
        "SELECT seq, start_ms, end_ms, speaker, text FROM transcript_cues WHERE transcript_id = ?1 ORDER BY seq",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(StoredCue {
            seq: r.get(0)?,
            start_ms: r.get(1)?,
            end_ms: r.get(2)?,
            speaker: r.get(3)?,
            text: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The transcript with its speakers, cues, pulled spans and the interviewer audit.
pub fn get(db: &Db, id: &str) -> Result<TranscriptView> {
    let transcript = summary(db, id)?;
    let speakers = speakers(db, id)?;
    let cues = cues(db, id)?;
    let mut stmt = db.conn().prepare_cached(
        "SELECT id, is_quote, from_cue, from_offset, to_cue, to_offset FROM notes
         WHERE transcript_id = ?1 ORDER BY from_cue, from_offset",
    )?;
    let pulled = stmt
        .query_map([id], |r| {
            Ok(Pulled {
                note_id: r.get(0)?,
                is_quote: r.get(1)?,
                span: TranscriptSpan {
                    transcript_id: id.to_owned(),
                    from_cue: r.get(2)?,
                    from_offset: r.get(3)?,
                    to_cue: r.get(4)?,
                    to_offset: r.get(5)?,
                },
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let audit = audit_of(&transcript, &speakers, &cues);
    Ok(TranscriptView {
        transcript,
        speakers,
        cues,
        pulled,
        audit,
    })
}

/// The audit with the mapped interviewer side; with none mapped, the speaker asking the most
/// questions is taken (and the audit says it guessed).
fn audit_of(t: &TranscriptSummary, speakers: &[Speaker], cues: &[StoredCue]) -> Audit {
    let transcript = Transcript {
        format: t.format,
        cues: cues
            .iter()
            .map(|c| Cue {
                start_ms: c.start_ms as u64,
                end_ms: c.end_ms as u64,
                speaker: Some(c.speaker.clone()),
                text: c.text.clone(),
                line: c.seq as usize + 1,
            })
            .collect(),
    };
    let interviewer: Vec<String> = speakers
        .iter()
        .filter(|s| s.side == Some(Side::Interviewer))
        .map(|s| s.label.clone())
        .collect();
    audit(&transcript, &interviewer, &lint::check)
}

/// The audit of a stored transcript (for the interview report).
pub fn audit_stored(db: &Db, id: &str) -> Result<Audit> {
    Ok(audit_of(
        &summary(db, id)?,
        &speakers(db, id)?,
        &cues(db, id)?,
    ))
}

/// Maps `label` to a side (and, for an interviewee or the note-taker, the person), or unmaps
/// it. Quotes pulled from that speaker's words follow the new mapping.
pub fn map_speaker(
    db: &Db,
    id: &str,
    version: i64,
    label: &str,
    side: Option<Side>,
    person_id: Option<&str>,
) -> Result<TranscriptView> {
    let t = summary(db, id)?;
    let known: bool = db.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM transcript_speakers WHERE transcript_id = ?1 AND label = ?2)",
        params![id, label],
        |r| r.get(0),
    )?;
    if !known {
        return Err(Error::invalid(
            "label",
            format!("No speaker {label:?} in this transcript"),
        ));
    }
    let person_id = person_id.map(str::trim).filter(|p| !p.is_empty());
    if let Some(p) = person_id {
        let interview = crate::interviews::get(db, &t.interview_id)?;
        let ok = match side {
            Some(Side::Interviewee) => interview.interviewees.iter().any(|x| x.id == p),
            Some(Side::Interviewer) => interview.note_taker.as_ref().is_some_and(|x| x.id == p),
            None => false,
        };
        if !ok {
            return Err(Error::invalid(
                "person_id",
                match side {
                    Some(Side::Interviewee) => "Pick one of the interview's interviewees",
                    Some(Side::Interviewer) => {
                        "On the interviewer's side, pick you or the note-taker"
                    }
                    None => "An unmapped speaker has no person",
                },
            ));
        }
    } else if side == Some(Side::Interviewee) {
        return Err(Error::invalid(
            "person_id",
            "Pick which interviewee this is",
        ));
    }
    let person = if side == Some(Side::Interviewee) {
        person_id
    } else {
        None
    };
    let unit = db.unit()?;
    records::bump(db, "transcripts", id, version, || get(db, id))?;
    db.conn().execute(
        "UPDATE transcript_speakers SET side = ?3, person_id = ?4 WHERE transcript_id = ?1 AND label = ?2",
        params![id, label, side, person_id],
    )?;
    db.conn().execute(
        "UPDATE notes SET speaker_id = ?3, version = version + 1
         WHERE transcript_id = ?1 AND is_quote = 1 AND speaker_id IS NOT ?3
           AND (SELECT speaker FROM transcript_cues c
                WHERE c.transcript_id = notes.transcript_id AND c.seq = notes.from_cue) = ?2",
        params![id, label, person],
    )?;
    unit.commit()?;
    get(db, id)
}

fn cue_text(db: &Db, id: &str, seq: i64) -> Result<(String, String, i64)> {
    db.conn()
        .query_row(
            "SELECT text, speaker, start_ms FROM transcript_cues WHERE transcript_id = ?1 AND seq = ?2",
            params![id, seq],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or_else(|| Error::invalid("span", format!("The transcript has no cue {seq}")))
}

/// The byte index of UTF-16 offset `units` in `s`, if it falls between characters.
fn byte_at(s: &str, units: i64) -> Option<usize> {
    let mut n = 0i64;
    for (i, c) in s.char_indices() {
        if n == units {
            return Some(i);
        }
        if n > units {
            return None;
        }
        n += c.len_utf16() as i64;
    }
    (n == units).then_some(s.len())
}

/// The words a span covers, cue texts joined by a space, and the speakers it crosses.
fn span_words(db: &Db, span: &TranscriptSpan) -> Result<(String, Vec<String>, i64)> {
    let bad = || {
        Error::invalid(
            "span",
            "The selection does not fall on the transcript's text",
        )
    };
    if (span.to_cue, span.to_offset) <= (span.from_cue, span.from_offset) || span.from_cue < 0 {
        return Err(Error::invalid("span", "Select some words first"));
    }
    let mut words = Vec::new();
    let mut speakers: Vec<String> = Vec::new();
    let mut start_ms = 0;
    for seq in span.from_cue..=span.to_cue {
        let (text, speaker, start) = cue_text(db, &span.transcript_id, seq)?;
        let from = if seq == span.from_cue {
            byte_at(&text, span.from_offset).ok_or_else(bad)?
        } else {
            0
        };
        let to = if seq == span.to_cue {
            byte_at(&text, span.to_offset).ok_or_else(bad)?
        } else {
            text.len()
        };
        if seq == span.from_cue {
            start_ms = start;
        }
        let part = text[from..to.max(from)]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !part.is_empty() {
            words.push(part);
            if !speakers.contains(&speaker) {
                speakers.push(speaker);
            }
        }
    }
    let words = words.join(" ");
    if words.is_empty() {
        return Err(Error::invalid("span", "Select some words first"));
    }
    Ok((words, speakers, start_ms))
}

/// Makes a quote or a note from a selection, linked to it. A quote is one speaker's words;
/// its speaker is the person that speaker is mapped to.
pub fn pull(db: &Db, input: &PullInput) -> Result<Note> {
    let t = summary(db, &input.span.transcript_id)?;
    let (words, speakers, start_ms) = span_words(db, &input.span)?;
    if input.is_quote && speakers.len() > 1 {
        return Err(Error::invalid(
            "span",
            "A quote is one person's words: select within one speaker's turns",
        ));
    }
    if input.is_quote && input.text.as_deref().is_some_and(|t| !t.trim().is_empty()) {
        return Err(Error::invalid(
            "text",
            "A quote keeps the words as said; add a note instead",
        ));
    }
    let mut text = match input.text.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => t.to_owned(),
        _ => words,
    };
    for tag in &input.tags {
        let tag = normalize_tag(tag);
        if tag.is_empty() {
            return Err(Error::invalid("tags", "A tag needs a letter or digit"));
        }
        text.push_str(&format!(" #{tag}"));
    }
    let speaker_id: Option<String> = if input.is_quote {
        db.conn()
            .query_row(
                "SELECT person_id FROM transcript_speakers WHERE transcript_id = ?1 AND label = ?2 AND side = 'interviewee'",
                params![t.id, speakers[0]],
                |r| r.get(0),
            )
            .optional()?
            .flatten()
    } else {
        None
    };
    let s = &input.span;
    notes::add_pulled(
        db,
        &t.interview_id,
        &notes::NoteInput {
            text,
            is_quote: input.is_quote,
            speaker_id,
        },
        start_ms / 1000,
        s,
    )
}

/// Moves the transcript (with its cues and speakers) to the trash; notes pulled from it stay.
pub fn delete(db: &Db, id: &str) -> Result<TrashEntry> {
    let t = summary(db, id)?;
    trash::delete(db, TrashKind::Transcript, id, &t.file_name)
}
