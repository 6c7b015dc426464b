//! `findings`: what was learned, with its backing and evidence. Importable: the evidence is
//! named by note ids, which must exist in the workspace.

use std::collections::HashSet;

use rusqlite::params;

use super::{by_ids, importable, Change, Import, Spec};
use crate::clock;
use crate::csv::read::{field, Field, Mapping};
use crate::csv::{choice, parse_id, words, ImportOptions};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::findings::{self, FindingStatus};
use crate::tags::normalize_tag;
use crate::validate;

pub struct Findings;

impl Spec for Findings {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "id",
            "title",
            "detail",
            "status",
            "tags",
            "evidence_count",
            "interviewee_count",
            "lead_count",
            "ic_count",
            "evidence_note_ids",
            "created_at",
            "recommendation",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        super::count(db, "SELECT count(*) FROM findings")
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        for f in findings::all(db)? {
            out(&[
                f.id,
                f.title,
                f.detail,
                f.status.as_str().to_owned(),
                f.tags.join(" "),
                f.evidence.len().to_string(),
                f.interviewee_count.to_string(),
                f.lead_count.to_string(),
                f.ic_count.to_string(),
                f.evidence
                    .iter()
                    .map(|e| e.note_id.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                f.created_at,
                f.recommendation,
            ])?;
        }
        Ok(())
    }

    importable!();
}

#[derive(PartialEq)]
pub struct Row {
    id: Option<String>,
    title: String,
    detail: String,
    recommendation: String,
    status: FindingStatus,
    tags: Vec<String>,
    evidence: Vec<String>,
}

impl Import for Findings {
    type Row = Row;
    type Ctx = ();
    const FIELDS: &'static [Field] = &[
        field("id", false, &["id"]),
        field("title", true, &["title", "finding"]),
        field("detail", false, &["detail", "details", "description"]),
        field("recommendation", false, &["recommendation", "recommend"]),
        field("status", false, &["status"]),
        field("tags", false, &["tags", "tag"]),
        field("evidence", true, &["evidence_note_ids", "evidence"]),
    ];

    fn context(_db: &Db, _opts: &ImportOptions) -> Result<()> {
        Ok(())
    }

    fn parse(get: &dyn Fn(&str) -> String, _map: &Mapping, _ctx: &()) -> Result<Row> {
        let title = validate::required_line("title", "Title", &get("title"), findings::TITLE_MAX)?;
        let detail = validate::optional("detail", "Detail", &get("detail"), findings::DETAIL_MAX)?;
        let recommendation = validate::optional(
            "recommendation",
            "Recommendation",
            &get("recommendation"),
            findings::DETAIL_MAX,
        )?;
        let mut tags = Vec::new();
        for t in words(&get("tags")) {
            let t = normalize_tag(&t);
            if !t.is_empty() && !tags.contains(&t) {
                tags.push(t);
            }
        }
        let mut evidence = words(&get("evidence"));
        evidence.dedup();
        if evidence.is_empty() {
            return Err(Error::invalid(
                "evidence",
                "List at least one note id as evidence",
            ));
        }
        Ok(Row {
            id: parse_id(&get("id"))?,
            title,
            detail,
            recommendation,
            status: choice("status", &get("status"), FindingStatus::Open)?,
            tags,
            evidence,
        })
    }

    fn classify(
        db: &Db,
        _ctx: &(),
        rows: &[(u64, Row)],
        note: &mut dyn FnMut(u64, &str, String, bool),
    ) -> Result<Vec<Change>> {
        let notes: HashSet<String> = by_ids(
            db,
            "SELECT id FROM notes WHERE id IN (SELECT value FROM json_each(?1))",
            rows.iter().flat_map(|(_, r)| r.evidence.clone()),
            |_| Ok(()),
        )?
        .into_keys()
        .collect();
        let stored = by_ids(
            db,
            "SELECT f.id, f.title, f.detail, f.recommendation, f.status,
                    (SELECT json_group_array(tag) FROM (SELECT tag FROM finding_tags t
                      WHERE t.finding_id = f.id ORDER BY tag)),
                    (SELECT json_group_array(note_id) FROM (SELECT note_id FROM finding_evidence e
                      WHERE e.finding_id = f.id ORDER BY note_id))
             FROM findings f WHERE f.id IN (SELECT value FROM json_each(?1))",
            rows.iter().filter_map(|(_, r)| r.id.clone()),
            |r| {
                let list = |i: usize| -> rusqlite::Result<Vec<String>> {
                    Ok(serde_json::from_str(&r.get::<_, String>(i)?).unwrap_or_default())
                };
                Ok(Row {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    detail: r.get(2)?,
                    recommendation: r.get(3)?,
                    status: r.get(4)?,
                    tags: list(5)?,
                    evidence: list(6)?,
                })
            },
        )?;
        Ok(rows
            .iter()
            .map(|(row, r)| {
                if let Some(missing) = r.evidence.iter().find(|e| !notes.contains(*e)) {
                    note(
                        *row,
                        "evidence",
                        format!("The note {missing} is not in this workspace"),
                        false,
                    );
                }
                match r.id.as_ref().and_then(|id| stored.get(id)) {
                    None => Change::New,
                    Some(s) if sorted(s) == sorted(r) => Change::Same,
                    Some(_) => Change::Update,
                }
            })
            .collect())
    }

    fn apply(db: &Db, _ctx: &(), rows: Vec<(Row, Change)>) -> Result<()> {
        let conn = db.conn();
        let now = clock::now();
        let mut insert = conn.prepare_cached(
            "INSERT INTO findings (id, title, detail, recommendation, status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        )?;
        let mut update = conn.prepare_cached(
            "UPDATE findings SET title = ?2, detail = ?3, recommendation = ?4, status = ?5,
                    updated_at = ?6, version = version + 1 WHERE id = ?1",
        )?;
        let mut clear_tags =
            conn.prepare_cached("DELETE FROM finding_tags WHERE finding_id = ?1")?;
        let mut clear_ev =
            conn.prepare_cached("DELETE FROM finding_evidence WHERE finding_id = ?1")?;
        let mut tag =
            conn.prepare_cached("INSERT INTO finding_tags (finding_id, tag) VALUES (?1, ?2)")?;
        let mut ev = conn
            .prepare_cached("INSERT INTO finding_evidence (finding_id, note_id) VALUES (?1, ?2)")?;
        for (r, change) in rows {
            let id = r.id.clone().unwrap_or_else(clock::new_id);
            let args = params![id, r.title, r.detail, r.recommendation, r.status, now];
            match change {
                Change::New => insert.execute(args)?,
                Change::Update => {
                    clear_tags.execute([&id])?;
                    clear_ev.execute([&id])?;
                    update.execute(args)?
                }
                Change::Same => continue,
            };
            for t in &r.tags {
                tag.execute(params![id, t])?;
            }
            for n in &r.evidence {
                ev.execute(params![id, n])?;
            }
        }
        Ok(())
    }
}

/// A row with its lists sorted, to compare with what is stored.
fn sorted(r: &Row) -> (&str, &str, &str, FindingStatus, Vec<String>, Vec<String>) {
    let mut tags = r.tags.clone();
    tags.sort();
    let mut ev = r.evidence.clone();
    ev.sort();
    (&r.title, &r.detail, &r.recommendation, r.status, tags, ev)
}
