//! The question bank: non-leading questions with topic, tags, the leading version they replace
//! and why. Every question is returned with the checker's findings, so a leading question in
//! the bank is visible wherever it is shown.

pub mod guides;
pub mod lint;
pub mod starter;

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::paging::{Page, PageRequest};
use crate::records;
use crate::tags::normalize_tag;
use crate::validate;
use lint::LintFinding;

pub const TEXT_MAX: usize = 500;
pub const TOPIC_MAX: usize = 60;
pub const TAG_MAX: usize = 40;
pub const TAGS_MAX: usize = 12;
pub const RATIONALE_MAX: usize = 2_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub topic: String,
    pub tags: Vec<String>,
    /// The leading question this one replaces, kept as a teaching example.
    pub leading_version: Option<String>,
    /// Why this wording works.
    pub rationale: String,
    /// Shipped with Rapport (the starter bank) rather than written by the team.
    pub builtin: bool,
    pub archived_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// What the checker finds in `text` (empty for a non-leading question).
    pub findings: Vec<LintFinding>,
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuestionInput {
    pub text: String,
    pub topic: String,
    pub tags: Vec<String>,
    pub leading_version: Option<String>,
    pub rationale: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuestionFilter {
    #[serde(default)]
    #[ts(optional)]
    pub query: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub topic: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub tag: Option<String>,
    #[serde(default)]
    pub include_archived: bool,
    #[serde(default)]
    #[ts(optional)]
    pub page: Option<PageRequest>,
}

/// A topic and how many active questions it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TopicCount {
    pub topic: String,
    pub count: i64,
}

impl QuestionInput {
    /// What the free-text filter matches: question, rationale and leading version, folded.
    pub(crate) fn filter_key(&self) -> String {
        crate::people::name_key(&format!(
            "{} {} {}",
            self.text,
            self.rationale,
            self.leading_version.as_deref().unwrap_or("")
        ))
    }

    pub(crate) fn validated(&self) -> Result<QuestionInput> {
        let mut tags: Vec<String> = Vec::new();
        for raw in &self.tags {
            let tag = normalize_tag(raw);
            if tag.is_empty() || tags.contains(&tag) {
                continue;
            }
            validate::single_line("tags", "A tag", &tag, TAG_MAX)?;
            tags.push(tag);
        }
        if tags.len() > TAGS_MAX {
            return Err(Error::invalid(
                "tags",
                format!(
                    "At most {TAGS_MAX} tags per question ({} given)",
                    tags.len()
                ),
            ));
        }
        let leading = validate::optional(
            "leading_version",
            "Leading version",
            self.leading_version.as_deref().unwrap_or(""),
            TEXT_MAX,
        )?;
        Ok(QuestionInput {
            text: validate::required("text", "Question", &self.text, TEXT_MAX)?,
            topic: validate::single_line("topic", "Topic", &self.topic, TOPIC_MAX)?.to_lowercase(),
            tags,
            leading_version: Some(leading).filter(|l| !l.is_empty()),
            rationale: validate::optional(
                "rationale",
                "Rationale",
                &self.rationale,
                RATIONALE_MAX,
            )?,
        })
    }
}

const COLUMNS: &str = "id, text, topic, leading_version, rationale, builtin, archived_at, created_at, updated_at, version";

fn from_row(r: &Row) -> rusqlite::Result<Question> {
    let text: String = r.get(1)?;
    Ok(Question {
        id: r.get(0)?,
        findings: lint::check(&text),
        text,
        topic: r.get(2)?,
        tags: Vec::new(),
        leading_version: r.get(3)?,
        rationale: r.get(4)?,
        builtin: r.get(5)?,
        archived_at: r.get(6)?,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
        version: r.get(9)?,
    })
}

fn write_tags(tx: &rusqlite::Connection, id: &str, tags: &[String]) -> Result<()> {
    tx.execute("DELETE FROM question_tags WHERE question_id = ?1", [id])?;
    let mut stmt = tx.prepare("INSERT INTO question_tags (question_id, tag) VALUES (?1, ?2)")?;
    for tag in tags {
        stmt.execute(params![id, tag])?;
    }
    Ok(())
}

fn insert(tx: &rusqlite::Connection, q: &QuestionInput, builtin: bool) -> Result<String> {
    let (id, now) = (clock::new_id(), clock::now());
    tx.execute(
        "INSERT INTO questions (id, text, topic, leading_version, rationale, builtin, created_at, updated_at,
                                filter_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
        params![id, q.text, q.topic, q.leading_version, q.rationale, builtin, now, q.filter_key()],
    )?;
    write_tags(tx, &id, &q.tags)?;
    Ok(id)
}

pub fn create(db: &Db, input: &QuestionInput) -> Result<Question> {
    let q = input.validated()?;
    let unit = db.unit()?;
    let tx = db.conn();
    let id = insert(tx, &q, false)?;
    unit.commit()?;
    get(db, &id)
}

/// Saves an edit of a question made from `version`.
pub fn update(db: &Db, id: &str, version: i64, input: &QuestionInput) -> Result<Question> {
    let q = input.validated()?;
    let unit = db.unit()?;
    records::bump(db, "questions", id, version, || get(db, id))?;
    let tx = db.conn();
    tx.execute(
        "UPDATE questions SET text = ?2, topic = ?3, leading_version = ?4, rationale = ?5,
                filter_key = ?6
         WHERE id = ?1",
        params![
            id,
            q.text,
            q.topic,
            q.leading_version,
            q.rationale,
            q.filter_key()
        ],
    )?;
    write_tags(tx, id, &q.tags)?;
    unit.commit()?;
    get(db, id)
}

/// Archives (hides from the bank and pickers; guides that use it keep it) or restores.
pub fn set_archived(db: &Db, id: &str, archived: bool) -> Result<Question> {
    let now = clock::now();
    let changed = db.conn().execute(
        "UPDATE questions SET archived_at = CASE WHEN ?2 THEN coalesce(archived_at, ?3) END, updated_at = ?3,
                version = version + 1
         WHERE id = ?1",
        params![id, archived, now],
    )?;
    if changed == 0 {
        return Err(Error::not_found("question", id));
    }
    get(db, id)
}

/// Fills the filter key of questions stored before it existed (migration 8).
pub(crate) fn backfill_filter_keys(conn: &rusqlite::Connection) -> Result<()> {
    let rows: Vec<(String, String, String, Option<String>)> = conn
        .prepare("SELECT id, text, rationale, leading_version FROM questions")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare("UPDATE questions SET filter_key = ?2 WHERE id = ?1")?;
    for (id, text, rationale, leading) in rows {
        let key = crate::people::name_key(&format!(
            "{text} {rationale} {}",
            leading.unwrap_or_default()
        ));
        stmt.execute(params![id, key])?;
    }
    Ok(())
}

pub fn get(db: &Db, id: &str) -> Result<Question> {
    let mut q = db
        .conn()
        .query_row(
            &format!("SELECT {COLUMNS} FROM questions WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or_else(|| Error::not_found("question", id))?;
    let mut stmt = db
        .conn()
        .prepare("SELECT tag FROM question_tags WHERE question_id = ?1 ORDER BY tag")?;
    q.tags = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(q)
}

/// One page of questions by topic then text, filtered in SQL by free text (question,
/// rationale, leading version; case and accents ignored), topic and tag.
pub fn list(db: &Db, filter: &QuestionFilter) -> Result<Page<Question>> {
    let needle = filter
        .query
        .as_deref()
        .map(crate::people::name_key)
        .filter(|n| !n.is_empty())
        .map(|n| format!("%{}%", validate::like_escape(&n)));
    let topic = filter
        .topic
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let tag = filter
        .tag
        .as_deref()
        .map(normalize_tag)
        .filter(|t| !t.is_empty());
    let cond = "(?1 OR archived_at IS NULL)
           AND (?2 IS NULL OR topic = ?2)
           AND (?3 IS NULL OR EXISTS (SELECT 1 FROM question_tags t WHERE t.question_id = q.id AND t.tag = ?3))
           AND (?4 IS NULL OR filter_key LIKE ?4 ESCAPE '\\')";
    let (limit, offset) = filter.page.unwrap_or_default().sql();
    let args = params![filter.include_archived, topic, tag, needle];
    let total: i64 = db
        .conn()
        .prepare_cached(&format!("SELECT count(*) FROM questions q WHERE {cond}"))?
        .query_row(args, |r| r.get(0))?;
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {COLUMNS},
                (SELECT json_group_array(tag) FROM (SELECT tag FROM question_tags t
                  WHERE t.question_id = q.id ORDER BY tag))
         FROM questions q WHERE {cond}
         ORDER BY archived_at IS NOT NULL, topic, text COLLATE NOCASE, id
         LIMIT ?5 OFFSET ?6"
    ))?;
    let items = stmt
        .query_map(
            params![filter.include_archived, topic, tag, needle, limit, offset],
            |r| {
                let mut q = from_row(r)?;
                q.tags = crate::interviews::json_col(r, 10)?.unwrap_or_default();
                Ok(q)
            },
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Page {
        total,
        offset,
        items,
    })
}

/// Topics of active questions, with counts, alphabetically.
pub fn topics(db: &Db) -> Result<Vec<TopicCount>> {
    let mut stmt = db.conn().prepare(
        "SELECT topic, count(*) FROM questions WHERE archived_at IS NULL AND topic <> ''
         GROUP BY topic ORDER BY topic",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(TopicCount {
            topic: r.get(0)?,
            count: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds the starter bank once per workspace (a marker in settings remembers it, so questions
/// the team archives or edits are never re-added). Returns how many were added.
pub fn seed_starter(db: &Db) -> Result<usize> {
    let unit = db.unit()?;
    let tx = db.conn();
    let seeded: Option<String> = tx
        .query_row(
            "SELECT value FROM settings WHERE key = 'starter_bank'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if seeded.is_some() {
        return Ok(0);
    }
    for s in starter::STARTER {
        let input = QuestionInput {
            text: s.text.into(),
            topic: s.topic.into(),
            tags: s.tags.iter().map(|t| t.to_string()).collect(),
            leading_version: s.leading_version.map(str::to_owned),
            rationale: s.rationale.into(),
        }
        .validated()?;
        insert(tx, &input, true)?;
    }
    tx.execute(
        "INSERT INTO settings (key, value) VALUES ('starter_bank', ?1)",
        [clock::now()],
    )?;
    unit.commit()?;
    Ok(starter::STARTER.len())
}
