//! Findings: what the team learned, each backed by notes and quotes from interviews, with tags,
//! a status, a recommendation and the roadmap rows that act on it. Every finding says how many
//! distinct interviewees back it, and how many of those are leads or managers, so one loud voice
//! is not mistaken for a pattern.

use std::collections::HashSet;

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::interviews::json_col;
use crate::interviews::notes::display;
use crate::paging::{Page, PageRequest};
use crate::records;
use crate::tags::normalize_tag;
use crate::trash::{self, TrashEntry, TrashKind};
use crate::validate;

pub(crate) mod backing;
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

crate::text_enum! {
    /// How the findings list is ordered.
    #[ts(export)]
    pub enum FindingSort {
        /// Most interviewees behind it first: the strongest patterns on top.
        Backing = "backing",
        Newest = "newest",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FindingInput {
    pub title: String,
    pub detail: String,
    /// What to do about it.
    #[serde(default)]
    pub recommendation: String,
    pub status: FindingStatus,
    pub tags: Vec<String>,
    /// The notes and quotes this finding rests on (at least one), from any interviews.
    pub evidence_note_ids: Vec<String>,
    /// Roadmap rows that act on this finding.
    #[serde(default)]
    pub row_ids: Vec<String>,
}

/// One note or quote behind a finding, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Evidence {
    pub note_id: String,
    /// As shown: a quote without its `#tags`.
    pub text: String,
    pub is_quote: bool,
    pub speaker: Option<String>,
    pub interview_id: String,
    pub interview_title: String,
}

/// A roadmap row a finding is linked to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RowRef {
    pub row_id: String,
    pub project: String,
    pub roadmap_id: String,
    pub roadmap_title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Finding {
    pub id: String,
    pub title: String,
    pub detail: String,
    pub recommendation: String,
    pub status: FindingStatus,
    pub tags: Vec<String>,
    pub evidence: Vec<Evidence>,
    pub rows: Vec<RowRef>,
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
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FindingFilter {
    #[serde(default)]
    #[ts(optional)]
    pub status: Option<FindingStatus>,
    /// Only findings with this tag.
    #[serde(default)]
    #[ts(optional)]
    pub tag: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub sort: Option<FindingSort>,
    #[serde(default)]
    #[ts(optional)]
    pub page: Option<PageRequest>,
}

/// A tag and how many findings carry it (for the filter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TagCount {
    pub tag: String,
    pub count: i64,
}

struct Clean {
    title: String,
    detail: String,
    recommendation: String,
    tags: Vec<String>,
    evidence: Vec<String>,
    rows: Vec<String>,
}

fn unique(ids: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    ids.iter()
        .map(|s| s.trim().to_owned())
        .filter(|id| !id.is_empty() && seen.insert(id.clone()))
        .collect()
}

fn exists(db: &Db, table: &str, id: &str) -> Result<bool> {
    Ok(db.conn().query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
        [id],
        |r| r.get(0),
    )?)
}

/// Checks every field; `evidence_required` is false only for a finding from a retro, which may
/// have no interview evidence.
fn validated(db: &Db, input: &FindingInput, evidence_required: bool) -> Result<Clean> {
    let title = validate::required_line("title", "Title", &input.title, TITLE_MAX)?;
    let detail = validate::optional("detail", "Detail", &input.detail, DETAIL_MAX)?;
    let recommendation = validate::optional(
        "recommendation",
        "Recommendation",
        &input.recommendation,
        DETAIL_MAX,
    )?;
    let mut tags = Vec::new();
    for t in &input.tags {
        let tag = normalize_tag(t);
        if !tag.is_empty() && !tags.contains(&tag) {
            validate::single_line("tags", "A tag", &tag, 40)?;
            tags.push(tag);
        }
    }
    let evidence = unique(&input.evidence_note_ids);
    if evidence.is_empty() && evidence_required {
        return Err(Error::invalid(
            "evidence",
            "Select at least one note or quote as evidence",
        ));
    }
    for id in &evidence {
        if !exists(db, "notes", id)? {
            return Err(Error::invalid(
                "evidence",
                "A selected note no longer exists",
            ));
        }
    }
    let rows = unique(&input.row_ids);
    for id in &rows {
        if !exists(db, "roadmap_rows", id)? {
            return Err(Error::invalid(
                "rows",
                "A linked roadmap row no longer exists",
            ));
        }
    }
    Ok(Clean {
        title,
        detail,
        recommendation,
        tags,
        evidence,
        rows,
    })
}

fn write_links(tx: &rusqlite::Connection, id: &str, c: &Clean) -> Result<()> {
    tx.execute("DELETE FROM finding_tags WHERE finding_id = ?1", [id])?;
    tx.execute("DELETE FROM finding_evidence WHERE finding_id = ?1", [id])?;
    tx.execute("DELETE FROM finding_rows WHERE finding_id = ?1", [id])?;
    let mut tag =
        tx.prepare_cached("INSERT INTO finding_tags (finding_id, tag) VALUES (?1, ?2)")?;
    for t in &c.tags {
        tag.execute(params![id, t])?;
    }
    let mut ev =
        tx.prepare_cached("INSERT INTO finding_evidence (finding_id, note_id) VALUES (?1, ?2)")?;
    for note in &c.evidence {
        ev.execute(params![id, note])?;
    }
    let mut row =
        tx.prepare_cached("INSERT INTO finding_rows (finding_id, row_id) VALUES (?1, ?2)")?;
    for r in &c.rows {
        row.execute(params![id, r])?;
    }
    Ok(())
}

pub fn create(db: &Db, input: &FindingInput) -> Result<Finding> {
    let c = validated(db, input, true)?;
    let (id, now) = (clock::new_id(), clock::now());
    let unit = db.unit()?;
    db.conn().execute(
        "INSERT INTO findings (id, title, detail, recommendation, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![id, c.title, c.detail, c.recommendation, input.status, now],
    )?;
    write_links(db.conn(), &id, &c)?;
    unit.commit()?;
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

/// Saves an edit made from `version`: title, detail, recommendation, tags, the evidence (add or
/// remove notes from any interview) and the linked rows. A sourced finding (from a retro) may
/// keep no interview evidence.
pub fn update(db: &Db, id: &str, version: i64, input: &FindingInput) -> Result<Finding> {
    let current = get(db, id)?;
    let c = validated(db, input, current.source.is_empty())?;
    let unit = db.unit()?;
    records::bump(db, "findings", id, version, || get(db, id))?;
    db.conn().execute(
        "UPDATE findings SET title = ?2, detail = ?3, recommendation = ?4, status = ?5 WHERE id = ?1",
        params![id, c.title, c.detail, c.recommendation, input.status],
    )?;
    write_links(db.conn(), id, &c)?;
    unit.commit()?;
    get(db, id)
}

pub fn set_status(db: &Db, id: &str, status: FindingStatus) -> Result<Finding> {
    let changed = db.conn().execute(
        "UPDATE findings SET status = ?2, updated_at = ?3, version = version + 1 WHERE id = ?1",
        params![id, status, clock::now()],
    )?;
    if changed == 0 {
        return Err(Error::not_found("finding", id));
    }
    get(db, id)
}

/// Moves the finding to the trash; its notes stay where they are.
pub fn delete(db: &Db, id: &str) -> Result<TrashEntry> {
    let f = get(db, id)?;
    trash::delete(db, TrashKind::Finding, id, &f.title)
}

/// The findings query: each finding once, with its tags, evidence, rows and backing built by
/// SQLite in the same statement. `cond`, `order` and `limit` pick the page first, so the
/// evidence and tags are built only for the findings shown, not for every finding sorted;
/// backing is kept up to date by triggers (`backing.rs`).
fn select(cond: &str, order: &str, limit: &str) -> String {
    format!(
        "
WITH page AS (
    SELECT f.id, coalesce(c.backing, 0) AS backing, coalesce(c.leads, 0) AS leads,
           row_number() OVER (ORDER BY {order}) AS pos
    FROM findings f LEFT JOIN finding_backing c ON c.finding_id = f.id
    WHERE {cond} ORDER BY pos {limit}
)
SELECT f.id, f.title, f.detail, f.recommendation, f.status, f.source, f.created_at,
       f.updated_at, f.version, page.backing, page.leads,
       (SELECT json_group_array(tag) FROM (SELECT tag FROM finding_tags t
         WHERE t.finding_id = f.id ORDER BY tag)),
       (SELECT json_group_array(json_object('note_id', n.id, 'text', n.text,
               'is_quote', json(CASE n.is_quote WHEN 1 THEN 'true' ELSE 'false' END),
               'speaker', p.name, 'interview_id', i.id, 'interview_title', i.title))
          FROM (SELECT n.* FROM finding_evidence fe JOIN notes n ON n.id = fe.note_id
                JOIN interviews i2 ON i2.id = n.interview_id
                WHERE fe.finding_id = f.id ORDER BY i2.scheduled_at, n.created_at) n
          JOIN interviews i ON i.id = n.interview_id
          LEFT JOIN people p ON p.id = n.speaker_id),
       (SELECT json_group_array(json_object('row_id', w.id, 'project', w.project,
               'roadmap_id', r.id, 'roadmap_title', r.title))
          FROM finding_rows fr JOIN roadmap_rows w ON w.id = fr.row_id
          JOIN roadmaps r ON r.id = w.roadmap_id WHERE fr.finding_id = f.id)
FROM page JOIN findings f ON f.id = page.id ORDER BY page.pos"
    )
}

/// Best supported first, then newest.
const BY_BACKING: &str = "coalesce(c.backing, 0) DESC, f.created_at DESC, f.id";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Finding> {
    let backing: i64 = r.get(9)?;
    let leads: i64 = r.get(10)?;
    let mut evidence: Vec<Evidence> = json_col(r, 12)?.unwrap_or_default();
    for e in &mut evidence {
        e.text = display(&e.text, e.is_quote);
    }
    Ok(Finding {
        id: r.get(0)?,
        title: r.get(1)?,
        detail: r.get(2)?,
        recommendation: r.get(3)?,
        status: r.get(4)?,
        source: r.get(5)?,
        created_at: r.get(6)?,
        updated_at: r.get(7)?,
        version: r.get(8)?,
        interviewee_count: backing,
        lead_count: leads,
        ic_count: backing - leads,
        tags: json_col(r, 11)?.unwrap_or_default(),
        evidence,
        rows: json_col(r, 13)?.unwrap_or_default(),
    })
}

pub fn get(db: &Db, id: &str) -> Result<Finding> {
    db.conn()
        .prepare_cached(&select("f.id = ?1", "f.id", ""))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("finding", id))
}

/// One page of findings, each once, filtered by status and tag, best supported first (or
/// newest first).
pub fn list(db: &Db, filter: &FindingFilter) -> Result<Page<Finding>> {
    let tag = filter
        .tag
        .as_deref()
        .map(normalize_tag)
        .filter(|t| !t.is_empty());
    let cond = "(?1 IS NULL OR f.status = ?1)
        AND (?2 IS NULL OR EXISTS (SELECT 1 FROM finding_tags t WHERE t.finding_id = f.id AND t.tag = ?2))";
    let order = match filter.sort.unwrap_or(FindingSort::Backing) {
        FindingSort::Backing => BY_BACKING,
        FindingSort::Newest => "f.created_at DESC, f.id",
    };
    let (limit, offset) = filter.page.unwrap_or_default().sql();
    let total: i64 = db
        .conn()
        .prepare_cached(&format!("SELECT count(*) FROM findings f WHERE {cond}"))?
        .query_row(params![filter.status, tag], |r| r.get(0))?;
    let items = db
        .conn()
        .prepare_cached(&select(cond, order, "LIMIT ?3 OFFSET ?4"))?
        .query_map(params![filter.status, tag, limit, offset], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Page {
        total,
        offset,
        items,
    })
}

/// Every finding, best supported first (for reports and exports).
pub fn all(db: &Db) -> Result<Vec<Finding>> {
    let all = db
        .conn()
        .prepare_cached(&select("1", BY_BACKING, ""))?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(all)
}

/// The tags in use, most used first.
pub fn tags(db: &Db) -> Result<Vec<TagCount>> {
    let all = db
        .conn()
        .prepare_cached(
            "SELECT tag, count(*) FROM finding_tags GROUP BY tag ORDER BY count(*) DESC, tag",
        )?
        .query_map([], |r| {
            Ok(TagCount {
                tag: r.get(0)?,
                count: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(all)
}
