//! `questions`: the question bank. Importable; re-importing an export updates the questions
//! it came from instead of doubling the bank.

use rusqlite::params;

use super::{by_ids, count, importable, rows, Change, Import, Spec};
use crate::clock;
use crate::csv::read::{field, Field, Mapping};
use crate::csv::{parse_id, words, ImportOptions};
use crate::db::Db;
use crate::error::Result;
use crate::questions::QuestionInput;

pub struct Questions;

impl Spec for Questions {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "id",
            "text",
            "topic",
            "tags",
            "leading_version",
            "rationale",
            "builtin",
            "archived_at",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        count(db, "SELECT count(*) FROM questions")
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        rows(
            db,
            "SELECT q.id, q.text, q.topic,
                    coalesce((SELECT group_concat(tag, ' ') FROM (SELECT tag FROM question_tags t
                              WHERE t.question_id = q.id ORDER BY tag)), ''),
                    q.leading_version, q.rationale,
                    CASE q.builtin WHEN 1 THEN 'true' ELSE 'false' END, q.archived_at
             FROM questions q ORDER BY q.topic, q.text, q.id",
            &[],
            out,
        )
    }

    importable!();
}

pub struct Row {
    id: Option<String>,
    input: QuestionInput,
}

impl Import for Questions {
    type Row = Row;
    type Ctx = ();
    const FIELDS: &'static [Field] = &[
        field("id", false, &["id"]),
        field("text", true, &["text", "question"]),
        field("topic", false, &["topic"]),
        field("tags", false, &["tags", "tag"]),
        field(
            "leading_version",
            false,
            &["leading_version", "leading version", "leading"],
        ),
        field("rationale", false, &["rationale", "why"]),
    ];

    fn context(_db: &Db, _opts: &ImportOptions) -> Result<()> {
        Ok(())
    }

    fn parse(get: &dyn Fn(&str) -> String, _map: &Mapping, _ctx: &()) -> Result<Row> {
        let input = QuestionInput {
            text: get("text"),
            topic: get("topic"),
            tags: words(&get("tags")),
            leading_version: Some(get("leading_version")).filter(|v| !v.trim().is_empty()),
            rationale: get("rationale"),
        }
        .validated()?;
        Ok(Row {
            id: parse_id(&get("id"))?,
            input,
        })
    }

    fn classify(
        db: &Db,
        _ctx: &(),
        rows: &[(u64, Row)],
        _note: &mut dyn FnMut(u64, &str, String, bool),
    ) -> Result<Vec<Change>> {
        let stored = by_ids(
            db,
            "SELECT q.id, q.text, q.topic, q.leading_version, q.rationale,
                    coalesce((SELECT json_group_array(tag) FROM (SELECT tag FROM question_tags t
                              WHERE t.question_id = q.id ORDER BY tag)), '[]')
             FROM questions q WHERE q.id IN (SELECT value FROM json_each(?1))",
            rows.iter().filter_map(|(_, r)| r.id.clone()),
            |r| {
                let tags: String = r.get(5)?;
                Ok(QuestionInput {
                    text: r.get(1)?,
                    topic: r.get(2)?,
                    leading_version: r.get(3)?,
                    rationale: r.get(4)?,
                    tags: serde_json::from_str(&tags).unwrap_or_default(),
                })
            },
        )?;
        Ok(rows
            .iter()
            .map(|(_, r)| match r.id.as_ref().and_then(|id| stored.get(id)) {
                None => Change::New,
                Some(s) if same(s, &r.input) => Change::Same,
                Some(_) => Change::Update,
            })
            .collect())
    }

    fn apply(db: &Db, _ctx: &(), rows: Vec<(Row, Change)>) -> Result<()> {
        let conn = db.conn();
        let now = clock::now();
        let mut insert = conn.prepare_cached(
            "INSERT INTO questions (id, text, topic, leading_version, rationale, builtin, created_at, updated_at,
                                    filter_key)
             VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6, ?7)",
        )?;
        let mut update = conn.prepare_cached(
            "UPDATE questions SET text = ?2, topic = ?3, leading_version = ?4, rationale = ?5,
                    updated_at = ?6, filter_key = ?7, version = version + 1
             WHERE id = ?1",
        )?;
        let mut clear = conn.prepare_cached("DELETE FROM question_tags WHERE question_id = ?1")?;
        let mut tag =
            conn.prepare_cached("INSERT INTO question_tags (question_id, tag) VALUES (?1, ?2)")?;
        for (r, change) in rows {
            let q = &r.input;
            let id = r.id.unwrap_or_else(clock::new_id);
            let args = params![
                id,
                q.text,
                q.topic,
                q.leading_version,
                q.rationale,
                now,
                q.filter_key()
            ];
            match change {
                Change::New => insert.execute(args)?,
                Change::Update => {
                    clear.execute([&id])?;
                    update.execute(args)?
                }
                Change::Same => continue,
            };
            for t in &q.tags {
                tag.execute(params![id, t])?;
            }
        }
        Ok(())
    }
}

fn same(a: &QuestionInput, b: &QuestionInput) -> bool {
    let mut ta = a.tags.clone();
    let mut tb = b.tags.clone();
    ta.sort();
    tb.sort();
    (&a.text, &a.topic, &a.leading_version, &a.rationale, ta)
        == (&b.text, &b.topic, &b.leading_version, &b.rationale, tb)
}
