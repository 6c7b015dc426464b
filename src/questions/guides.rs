//! Interview guides: an ordered list of bank questions, each with a time allowance, checked
//! against the interview's 30 minutes, and exported for printing.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::lint::LintFinding;
use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::markup::{Block, Doc, Item};
use crate::records;
use crate::trash::{self, TrashEntry, TrashKind};
use crate::validate;

/// An interview lasts 30 minutes unless planned otherwise; a guide is budgeted against that.
pub const BUDGET_MINUTES: i64 = 30;
pub const DEFAULT_ITEM_MINUTES: i64 = 3;
pub const TITLE_MAX: usize = 120;
pub const GOAL_MAX: usize = 2_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GuideInput {
    pub title: String,
    /// What the team wants to learn from these interviews.
    pub goal: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GuideSummary {
    pub id: String,
    pub title: String,
    pub goal: String,
    pub question_count: i64,
    pub total_minutes: i64,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GuideItem {
    pub id: String,
    pub question_id: String,
    pub text: String,
    pub topic: String,
    pub minutes: i64,
    /// The question was archived in the bank after it was added here.
    pub archived: bool,
    pub findings: Vec<LintFinding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Guide {
    pub id: String,
    pub title: String,
    pub goal: String,
    pub items: Vec<GuideItem>,
    pub total_minutes: i64,
    pub budget_minutes: i64,
    /// The planned time exceeds the interview's length: a warning, not a refusal.
    pub over_budget: bool,
    /// How many of the guide's questions the checker flags.
    pub leading_count: i64,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

impl GuideInput {
    fn validated(&self) -> Result<GuideInput> {
        Ok(GuideInput {
            title: validate::required_line("title", "Title", &self.title, TITLE_MAX)?,
            goal: validate::optional("goal", "Goal", &self.goal, GOAL_MAX)?,
        })
    }
}

fn check_minutes(minutes: i64) -> Result<i64> {
    if !(1..=BUDGET_MINUTES).contains(&minutes) {
        return Err(Error::invalid(
            "minutes",
            format!("Minutes must be between 1 and {BUDGET_MINUTES} (got {minutes})"),
        ));
    }
    Ok(minutes)
}

fn touch(db: &Db, id: &str) -> Result<()> {
    db.conn().execute(
        "UPDATE guides SET updated_at = ?2 WHERE id = ?1",
        params![id, clock::now()],
    )?;
    Ok(())
}

fn exists(db: &Db, table: &str, id: &str) -> Result<bool> {
    Ok(db
        .conn()
        .query_row(
            &format!("SELECT 1 FROM {table} WHERE id = ?1"),
            [id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

pub fn create(db: &Db, input: &GuideInput) -> Result<Guide> {
    let g = input.validated()?;
    let (id, now) = (clock::new_id(), clock::now());
    db.conn().execute(
        "INSERT INTO guides (id, title, goal, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
        params![id, g.title, g.goal, now],
    )?;
    get(db, &id)
}

/// Renames the guide or changes its goal, from `version`.
pub fn update(db: &Db, id: &str, version: i64, input: &GuideInput) -> Result<Guide> {
    let g = input.validated()?;
    let unit = db.unit()?;
    records::bump(db, "guides", id, version, || get(db, id))?;
    db.conn().execute(
        "UPDATE guides SET title = ?2, goal = ?3 WHERE id = ?1",
        params![id, g.title, g.goal],
    )?;
    unit.commit()?;
    get(db, id)
}

/// Moves the guide to the trash; interviews that used it forget it until it is restored.
pub fn delete(db: &Db, id: &str) -> Result<TrashEntry> {
    let g = get(db, id)?;
    trash::delete(db, TrashKind::Guide, id, &g.title)
}

pub fn list(db: &Db) -> Result<Vec<GuideSummary>> {
    let mut stmt = db.conn().prepare(
        "SELECT g.id, g.title, g.goal, count(i.id), coalesce(sum(i.minutes), 0), g.updated_at
         FROM guides g LEFT JOIN guide_items i ON i.guide_id = g.id
         GROUP BY g.id ORDER BY g.updated_at DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(GuideSummary {
            id: r.get(0)?,
            title: r.get(1)?,
            goal: r.get(2)?,
            question_count: r.get(3)?,
            total_minutes: r.get(4)?,
            updated_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The guide with its questions in order, checked, and its time against the budget.
pub fn get(db: &Db, id: &str) -> Result<Guide> {
    let (title, goal, created_at, updated_at, version) = db
        .conn()
        .query_row(
            "SELECT title, goal, created_at, updated_at, version FROM guides WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("guide", id))?;
    let mut stmt = db.conn().prepare(
        "SELECT i.id, q.id, q.text, q.topic, i.minutes, q.archived_at IS NOT NULL
         FROM guide_items i JOIN questions q ON q.id = i.question_id
         WHERE i.guide_id = ?1 ORDER BY i.position",
    )?;
    let items: Vec<GuideItem> = stmt
        .query_map([id], |r| {
            let text: String = r.get(2)?;
            Ok(GuideItem {
                id: r.get(0)?,
                question_id: r.get(1)?,
                findings: super::lint::check(&text),
                text,
                topic: r.get(3)?,
                minutes: r.get(4)?,
                archived: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let total_minutes = items.iter().map(|i| i.minutes).sum();
    let leading_count = items.iter().filter(|i| !i.findings.is_empty()).count() as i64;
    Ok(Guide {
        id: id.to_owned(),
        title,
        goal,
        items,
        total_minutes,
        budget_minutes: BUDGET_MINUTES,
        over_budget: total_minutes > BUDGET_MINUTES,
        leading_count,
        created_at,
        updated_at,
        version,
    })
}

/// Appends a bank question to the guide.
pub fn add_question(db: &Db, guide_id: &str, question_id: &str, minutes: i64) -> Result<Guide> {
    let minutes = check_minutes(minutes)?;
    if !exists(db, "guides", guide_id)? {
        return Err(Error::not_found("guide", guide_id));
    }
    if !exists(db, "questions", question_id)? {
        return Err(Error::invalid(
            "question",
            "That question is not in the bank",
        ));
    }
    let already: bool = db.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM guide_items WHERE guide_id = ?1 AND question_id = ?2)",
        params![guide_id, question_id],
        |r| r.get(0),
    )?;
    if already {
        return Err(Error::invalid(
            "question",
            "That question is already in this guide",
        ));
    }
    db.conn().execute(
        "INSERT INTO guide_items (id, guide_id, question_id, position, minutes)
         VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM guide_items WHERE guide_id = ?2), ?4)",
        params![clock::new_id(), guide_id, question_id, minutes],
    )?;
    touch(db, guide_id)?;
    get(db, guide_id)
}

fn item_guide(db: &Db, item_id: &str) -> Result<String> {
    db.conn()
        .query_row(
            "SELECT guide_id FROM guide_items WHERE id = ?1",
            [item_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("guide item", item_id))
}

/// Takes a question out of the guide (to the trash, so it can be put back in its place).
pub fn remove_item(db: &Db, item_id: &str) -> Result<TrashEntry> {
    let guide_id = item_guide(db, item_id)?;
    let text: String = db.conn().query_row(
        "SELECT q.text FROM guide_items i JOIN questions q ON q.id = i.question_id WHERE i.id = ?1",
        [item_id],
        |r| r.get(0),
    )?;
    let e = trash::delete(db, TrashKind::GuideItem, item_id, &text)?;
    touch(db, &guide_id)?;
    Ok(e)
}

pub fn set_minutes(db: &Db, item_id: &str, minutes: i64) -> Result<Guide> {
    let minutes = check_minutes(minutes)?;
    let guide_id = item_guide(db, item_id)?;
    db.conn().execute(
        "UPDATE guide_items SET minutes = ?2 WHERE id = ?1",
        params![item_id, minutes],
    )?;
    touch(db, &guide_id)?;
    get(db, &guide_id)
}

/// Puts the guide's items in the given order. `item_ids` must name every item exactly once,
/// so a stale screen cannot silently drop or duplicate a question.
pub fn reorder(db: &Db, guide_id: &str, item_ids: &[String]) -> Result<Guide> {
    let current = get(db, guide_id)?;
    let mut have: Vec<&str> = current.items.iter().map(|i| i.id.as_str()).collect();
    let mut want: Vec<&str> = item_ids.iter().map(String::as_str).collect();
    have.sort_unstable();
    want.sort_unstable();
    if have != want {
        return Err(Error::invalid(
            "order",
            "The guide changed since it was shown; reload it and try again",
        ));
    }
    let unit = db.unit()?;
    let tx = db.conn();
    {
        let mut stmt = tx.prepare("UPDATE guide_items SET position = ?2 WHERE id = ?1")?;
        for (pos, id) in item_ids.iter().enumerate() {
            stmt.execute(params![id, pos as i64 + 1])?;
        }
    }
    tx.execute(
        "UPDATE guides SET updated_at = ?2 WHERE id = ?1",
        params![guide_id, clock::now()],
    )?;
    unit.commit()?;
    get(db, guide_id)
}

/// The guide as a document: numbered questions with their minutes and, when printed, room
/// to write under each.
pub fn document(g: &Guide) -> Doc {
    let mut doc = Doc::new(&g.title);
    if !g.goal.is_empty() {
        doc.facts(vec![("Goal".to_owned(), g.goal.clone())]);
    }
    doc.meta(format!(
        "Planned time: {} of {} minutes{}",
        g.total_minutes,
        g.budget_minutes,
        if g.over_budget { " (over budget)" } else { "" }
    ))
    .push(Block::List {
        items: g
            .items
            .iter()
            .map(|item| Item {
                text: item.text.clone(),
                note: Some(format!("({} min)", item.minutes)),
                ..Item::default()
            })
            .collect(),
        ordered: true,
        writing_space: true,
    });
    doc
}
