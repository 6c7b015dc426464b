//! The question bank: non-leading questions with topic, tags, the leading version they replace
//! and why. Every question is returned with the checker's findings, so a leading question in
//! the bank is visible wherever it is shown.

pub mod guides;
pub mod lint;
pub mod starter;

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
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
}

/// A topic and how many active questions it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TopicCount {
    pub topic: String,
    pub count: i64,
}

impl QuestionInput {
    fn validated(&self) -> Result<QuestionInput> {
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

const COLUMNS: &str =
    "id, text, topic, leading_version, rationale, builtin, archived_at, created_at, updated_at";

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
        "INSERT INTO questions (id, text, topic, leading_version, rationale, builtin, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, q.text, q.topic, q.leading_version, q.rationale, builtin, now],
    )?;
    write_tags(tx, &id, &q.tags)?;
    Ok(id)
}

pub fn create(db: &mut Db, input: &QuestionInput) -> Result<Question> {
    let q = input.validated()?;
    let tx = db.write()?;
    let id = insert(&tx, &q, false)?;
    tx.commit()?;
    get(db, &id)
}

pub fn update(db: &mut Db, id: &str, input: &QuestionInput) -> Result<Question> {
    let q = input.validated()?;
    let tx = db.write()?;
    let changed = tx.execute(
        "UPDATE questions SET text = ?2, topic = ?3, leading_version = ?4, rationale = ?5, updated_at = ?6
         WHERE id = ?1",
        params![id, q.text, q.topic, q.leading_version, q.rationale, clock::now()],
    )?;
    if changed == 0 {
        return Err(Error::not_found("question", id));
    }
    write_tags(&tx, id, &q.tags)?;
    tx.commit()?;
    get(db, id)
}

/// Archives (hides from the bank and pickers; guides that use it keep it) or restores.
pub fn set_archived(db: &Db, id: &str, archived: bool) -> Result<Question> {
    let now = clock::now();
    let changed = db.conn().execute(
        "UPDATE questions SET archived_at = CASE WHEN ?2 THEN coalesce(archived_at, ?3) END, updated_at = ?3
         WHERE id = ?1",
        params![id, archived, now],
    )?;
    if changed == 0 {
        return Err(Error::not_found("question", id));
    }
    get(db, id)
}

fn tags_by_question(db: &Db) -> Result<BTreeMap<String, Vec<String>>> {
    let mut stmt = db
        .conn()
        .prepare("SELECT question_id, tag FROM question_tags ORDER BY tag")?;
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (id, tag) = row?;
        map.entry(id).or_default().push(tag);
    }
    Ok(map)
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

/// Questions by topic then text, filtered by free text (question, rationale, leading version),
/// topic and tag.
pub fn list(db: &Db, filter: &QuestionFilter) -> Result<Vec<Question>> {
    let needle = validate::needle(filter.query.as_deref());
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
    let mut stmt = db.conn().prepare(&format!(
        "SELECT {COLUMNS} FROM questions q
         WHERE (?1 OR archived_at IS NULL)
           AND (?2 IS NULL OR topic = ?2)
           AND (?3 IS NULL OR EXISTS (SELECT 1 FROM question_tags t WHERE t.question_id = q.id AND t.tag = ?3))
         ORDER BY archived_at IS NOT NULL, topic, text COLLATE NOCASE"
    ))?;
    let mut out: Vec<Question> = stmt
        .query_map(params![filter.include_archived, topic, tag], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    if let Some(n) = needle {
        out.retain(|q| {
            let leading = q.leading_version.as_deref().unwrap_or("");
            validate::any_contains(&n, &[&q.text, &q.rationale, leading])
        });
    }
    let mut tags = tags_by_question(db)?;
    for q in &mut out {
        q.tags = tags.remove(&q.id).unwrap_or_default();
    }
    Ok(out)
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
pub fn seed_starter(db: &mut Db) -> Result<usize> {
    let tx = db.write()?;
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
        insert(&tx, &input, true)?;
    }
    tx.execute(
        "INSERT INTO settings (key, value) VALUES ('starter_bank', ?1)",
        [clock::now()],
    )?;
    tx.commit()?;
    Ok(starter::STARTER.len())
}
