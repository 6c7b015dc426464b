//! Findings: what the team learned, each backed by notes and quotes from interviews, with tags
//! for affinity grouping and a status. Every finding says how many distinct interviewees back
//! it, and how many of those are leads or managers, so one loud voice is not mistaken for a
//! pattern.

use std::collections::{BTreeMap, HashSet};

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::people::Role;
use crate::tags::normalize_tag;
use crate::validate;

pub mod report;

pub const TITLE_MAX: usize = 200;
pub const DETAIL_MAX: usize = 5_000;

crate::text_enum! {
    #[ts(export)]
    pub enum FindingStatus {
        Open = "open",
        Confirmed = "confirmed",
        Acted = "acted",
        Dismissed = "dismissed",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FindingInput {
    pub title: String,
    pub detail: String,
    pub status: FindingStatus,
    pub tags: Vec<String>,
    /// The notes and quotes this finding rests on (at least one).
    pub evidence_note_ids: Vec<String>,
}

/// One note or quote behind a finding, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Evidence {
    pub note_id: String,
    pub text: String,
    pub is_quote: bool,
    pub speaker: Option<String>,
    pub interview_id: String,
    pub interview_title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Finding {
    pub id: String,
    pub title: String,
    pub detail: String,
    pub status: FindingStatus,
    pub tags: Vec<String>,
    pub evidence: Vec<Evidence>,
    /// Where a finding without interview evidence came from (a sprint retro item); empty for
    /// findings backed by notes.
    pub source: String,
    /// Distinct people behind the evidence: a quote's speaker, or a note's interviewees.
    pub interviewee_count: i64,
    /// Of those, leads and managers …
    pub lead_count: i64,
    /// … and everyone else (ICs and others).
    pub ic_count: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// Findings sharing a tag (a finding with several tags appears in each group).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TagGroup {
    /// The tag, or an empty string for untagged findings.
    pub tag: String,
    pub findings: Vec<Finding>,
}

struct Clean {
    title: String,
    detail: String,
    tags: Vec<String>,
    evidence: Vec<String>,
}

fn validated(db: &Db, input: &FindingInput) -> Result<Clean> {
    let title = validate::required_line("title", "Title", &input.title, TITLE_MAX)?;
    let detail = validate::optional("detail", "Detail", &input.detail, DETAIL_MAX)?;
    let mut tags = Vec::new();
    for t in &input.tags {
        let tag = normalize_tag(t);
        if !tag.is_empty() && !tags.contains(&tag) {
            validate::single_line("tags", "A tag", &tag, 40)?;
            tags.push(tag);
        }
    }
    let mut seen = HashSet::new();
    let evidence: Vec<String> = input
        .evidence_note_ids
        .iter()
        .filter(|id| seen.insert(id.as_str()))
        .cloned()
        .collect();
    if evidence.is_empty() {
        return Err(Error::invalid(
            "evidence",
            "Select at least one note or quote as evidence",
        ));
    }
    for id in &evidence {
        let exists: bool = db.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM notes WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::invalid(
                "evidence",
                "A selected note no longer exists",
            ));
        }
    }
    Ok(Clean {
        title,
        detail,
        tags,
        evidence,
    })
}

fn write_links(tx: &rusqlite::Connection, id: &str, c: &Clean) -> Result<()> {
    tx.execute("DELETE FROM finding_tags WHERE finding_id = ?1", [id])?;
    tx.execute("DELETE FROM finding_evidence WHERE finding_id = ?1", [id])?;
    for tag in &c.tags {
        tx.execute(
            "INSERT INTO finding_tags (finding_id, tag) VALUES (?1, ?2)",
            params![id, tag],
        )?;
    }
    for note in &c.evidence {
        tx.execute(
            "INSERT INTO finding_evidence (finding_id, note_id) VALUES (?1, ?2)",
            params![id, note],
        )?;
    }
    Ok(())
}

pub fn create(db: &mut Db, input: &FindingInput) -> Result<Finding> {
    let c = validated(db, input)?;
    let (id, now) = (clock::new_id(), clock::now());
    let tx = db.write()?;
    tx.execute(
        "INSERT INTO findings (id, title, detail, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![id, c.title, c.detail, input.status.as_str(), now],
    )?;
    write_links(&tx, &id, &c)?;
    tx.commit()?;
    get(db, &id)
}

/// A finding whose evidence is not an interview note but a `source` the user can trace (a
/// sprint retro item). Written on `conn` so the caller can link it in the same transaction.
pub(crate) fn insert_sourced(
    conn: &rusqlite::Connection,
    title: &str,
    detail: &str,
    source: &str,
    tag: &str,
) -> Result<String> {
    let title = validate::required_line("title", "Title", title, TITLE_MAX)?;
    let (id, now) = (clock::new_id(), clock::now());
    conn.execute(
        "INSERT INTO findings (id, title, detail, status, source, created_at, updated_at)
         VALUES (?1, ?2, ?3, 'open', ?4, ?5, ?5)",
        params![id, title, detail, source, now],
    )?;
    conn.execute(
        "INSERT INTO finding_tags (finding_id, tag) VALUES (?1, ?2)",
        params![id, normalize_tag(tag)],
    )?;
    Ok(id)
}

pub fn update(db: &mut Db, id: &str, input: &FindingInput) -> Result<Finding> {
    let c = validated(db, input)?;
    let tx = db.write()?;
    let changed = tx.execute(
        "UPDATE findings SET title = ?2, detail = ?3, status = ?4, updated_at = ?5 WHERE id = ?1",
        params![id, c.title, c.detail, input.status.as_str(), clock::now()],
    )?;
    if changed == 0 {
        return Err(Error::not_found("finding", id));
    }
    write_links(&tx, id, &c)?;
    tx.commit()?;
    get(db, id)
}

pub fn set_status(db: &Db, id: &str, status: FindingStatus) -> Result<Finding> {
    let changed = db.conn().execute(
        "UPDATE findings SET status = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, status.as_str(), clock::now()],
    )?;
    if changed == 0 {
        return Err(Error::not_found("finding", id));
    }
    get(db, id)
}

pub fn delete(db: &Db, id: &str) -> Result<()> {
    if db
        .conn()
        .execute("DELETE FROM findings WHERE id = ?1", [id])?
        == 0
    {
        return Err(Error::not_found("finding", id));
    }
    Ok(())
}

fn evidence_of(db: &Db, id: &str) -> Result<Vec<Evidence>> {
    let mut stmt = db.conn().prepare(
        "SELECT n.id, n.text, n.is_quote, p.name, i.id, i.title
         FROM finding_evidence e
         JOIN notes n ON n.id = e.note_id
         JOIN interviews i ON i.id = n.interview_id
         LEFT JOIN people p ON p.id = n.speaker_id
         WHERE e.finding_id = ?1
         ORDER BY i.scheduled_at, n.created_at",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Evidence {
            note_id: r.get(0)?,
            text: r.get(1)?,
            is_quote: r.get(2)?,
            speaker: r.get(3)?,
            interview_id: r.get(4)?,
            interview_title: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The people behind a finding's evidence with their roles: a quote counts for its speaker
/// only; a plain note counts for everyone interviewed in that session.
fn backers(db: &Db, id: &str) -> Result<Vec<Role>> {
    let mut stmt = db.conn().prepare(
        "SELECT DISTINCT p.id, p.role FROM finding_evidence e
         JOIN notes n ON n.id = e.note_id
         JOIN interview_people ip ON ip.interview_id = n.interview_id
         JOIN people p ON p.id = ip.person_id
         WHERE e.finding_id = ?1
           AND (n.is_quote = 0 OR n.speaker_id IS NULL OR n.speaker_id = p.id)",
    )?;
    let rows = stmt.query_map([id], |r| r.get::<_, Role>(1))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(db: &Db, id: &str) -> Result<Finding> {
    type Head = (String, String, FindingStatus, String, String, String);
    let (title, detail, status, source, created_at, updated_at): Head = db
        .conn()
        .query_row(
            "SELECT title, detail, status, source, created_at, updated_at FROM findings WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )
            .optional()?
            .ok_or_else(|| Error::not_found("finding", id))?;
    let tags: Vec<String> = db
        .conn()
        .prepare("SELECT tag FROM finding_tags WHERE finding_id = ?1 ORDER BY tag")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let roles = backers(db, id)?;
    let lead_count = roles.iter().filter(|r| r.is_leadership()).count() as i64;
    Ok(Finding {
        id: id.to_owned(),
        title,
        detail,
        status,
        tags,
        evidence: evidence_of(db, id)?,
        source,
        interviewee_count: roles.len() as i64,
        lead_count,
        ic_count: roles.len() as i64 - lead_count,
        created_at,
        updated_at,
    })
}

/// Every finding, best supported first (most interviewees), then newest.
pub fn list(db: &Db) -> Result<Vec<Finding>> {
    let ids: Vec<String> = db
        .conn()
        .prepare("SELECT id FROM findings ORDER BY created_at DESC")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut all: Vec<Finding> = ids.iter().map(|id| get(db, id)).collect::<Result<_>>()?;
    all.sort_by_key(|f| std::cmp::Reverse(f.interviewee_count));
    Ok(all)
}

/// Findings grouped by tag (affinity map), tags alphabetically, untagged last.
pub fn by_tag(db: &Db) -> Result<Vec<TagGroup>> {
    let mut groups: BTreeMap<String, Vec<Finding>> = BTreeMap::new();
    let mut untagged = Vec::new();
    for f in list(db)? {
        if f.tags.is_empty() {
            untagged.push(f);
        } else {
            for t in &f.tags {
                groups.entry(t.clone()).or_default().push(f.clone());
            }
        }
    }
    let mut out: Vec<TagGroup> = groups
        .into_iter()
        .map(|(tag, findings)| TagGroup { tag, findings })
        .collect();
    if !untagged.is_empty() {
        out.push(TagGroup {
            tag: String::new(),
            findings: untagged,
        });
    }
    Ok(out)
}
