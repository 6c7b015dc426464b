//! `roadmap_rows`: one line per deliverable, like the usual roadmap spreadsheet. Importable
//! into a roadmap the user picks: lines with the same project become one row; a line whose
//! `row_id` / `deliverable_id` belongs to that roadmap updates it, anything else is added (so
//! a file exported from one interval can seed another).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::params;

use super::{by_ids, count, importable, rows, Change, Import, Spec};
use crate::csv::read::{field, Field, Mapping};
use crate::csv::{choice, parse_id, ImportOptions};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::roadmaps::{
    self, checked_deliverable, checked_row, DeliverableInput, DeliverableStatus, Priority, RowInput,
};

pub struct RoadmapRows;

impl Spec for RoadmapRows {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "roadmap_id",
            "roadmap",
            "priority",
            "project",
            "stakeholders",
            "goal_what",
            "goal_why",
            "deliverable",
            "owner",
            "due_on",
            "status",
            "done_on",
            "latest_status",
            "row_id",
            "deliverable_id",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        count(
            db,
            "SELECT count(*) FROM roadmap_rows w LEFT JOIN deliverables d ON d.row_id = w.id",
        )
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        rows(
            db,
            "SELECT r.id, r.title, w.priority, w.project, w.stakeholders, w.goal_what, w.goal_why,
                    d.title, d.owner, d.due_on, d.status, d.done_on,
                    (SELECT u.status FROM row_updates u WHERE u.row_id = w.id
                      ORDER BY u.created_at DESC LIMIT 1),
                    w.id, d.id
             FROM roadmap_rows w JOIN roadmaps r ON r.id = w.roadmap_id
             LEFT JOIN deliverables d ON d.row_id = w.id
             ORDER BY r.starts_on, r.id, w.priority = 'low', w.position, d.position",
            &[],
            out,
        )
    }

    importable!();
}

pub struct Ctx {
    roadmap: String,
    today: NaiveDate,
}

pub struct Row {
    row_id: Option<String>,
    row: RowInput,
    deliverable_id: Option<String>,
    deliverable: Option<DeliverableInput>,
}

impl Import for RoadmapRows {
    type Row = Row;
    type Ctx = Ctx;
    const FIELDS: &'static [Field] = &[
        field("project", true, &["project"]),
        field("stakeholders", false, &["stakeholders"]),
        field("goal_what", true, &["goal_what", "goal", "what"]),
        field("goal_why", true, &["goal_why", "why"]),
        field("priority", false, &["priority"]),
        field(
            "deliverable",
            false,
            &["deliverable", "deliverables", "how"],
        ),
        field("owner", false, &["owner"]),
        field("due_on", false, &["due_on", "due", "when"]),
        field("status", false, &["status"]),
        field("row_id", false, &["row_id"]),
        field("deliverable_id", false, &["deliverable_id"]),
    ];

    fn context(db: &Db, opts: &ImportOptions) -> Result<Ctx> {
        let roadmap = opts.roadmap_id.clone().ok_or_else(|| {
            Error::invalid("roadmap", "Choose the roadmap to import these rows into")
        })?;
        roadmaps::get(db, &roadmap)?;
        Ok(Ctx {
            roadmap,
            today: opts
                .today
                .unwrap_or_else(|| crate::clock::Zone::system().today()),
        })
    }

    fn parse(get: &dyn Fn(&str) -> String, _map: &Mapping, _ctx: &Ctx) -> Result<Row> {
        let row = checked_row(&RowInput {
            project: get("project"),
            stakeholders: get("stakeholders"),
            goal_what: get("goal_what"),
            goal_why: get("goal_why"),
            priority: choice("priority", &get("priority"), Priority::High)?,
        })?;
        let title = get("deliverable");
        let deliverable = if title.trim().is_empty() {
            None
        } else {
            let d = DeliverableInput {
                title,
                owner: get("owner"),
                due_on: get("due_on"),
                status: choice("status", &get("status"), DeliverableStatus::Planned)?,
            };
            checked_deliverable(&d)?;
            Some(d)
        };
        Ok(Row {
            row_id: parse_id(&get("row_id")).map_err(|e| rename(e, "row_id"))?,
            row,
            deliverable_id: parse_id(&get("deliverable_id"))
                .map_err(|e| rename(e, "deliverable_id"))?,
            deliverable,
        })
    }

    fn classify(
        db: &Db,
        ctx: &Ctx,
        rows: &[(u64, Row)],
        _note: &mut dyn FnMut(u64, &str, String, bool),
    ) -> Result<Vec<Change>> {
        let (own_rows, own_deliverables) = owned(db, ctx, rows)?;
        let mut seen_projects = HashSet::new();
        Ok(rows
            .iter()
            .map(|(_, r)| {
                let first = seen_projects.insert(r.row.project.clone());
                let row_change = match r.row_id.as_ref().and_then(|id| own_rows.get(id)) {
                    Some(stored) if !first || *stored == r.row => Change::Same,
                    Some(_) => Change::Update,
                    None if first => Change::New,
                    None => Change::Same,
                };
                let d_change = match (&r.deliverable, r.deliverable_id.as_ref()) {
                    (None, _) => Change::Same,
                    (Some(d), Some(id)) => match own_deliverables.get(id) {
                        Some(stored) if stored == d => Change::Same,
                        Some(_) => Change::Update,
                        None => Change::New,
                    },
                    (Some(_), None) => Change::New,
                };
                match (row_change, d_change) {
                    (Change::New, _) | (_, Change::New) => Change::New,
                    (Change::Update, _) | (_, Change::Update) => Change::Update,
                    _ => Change::Same,
                }
            })
            .collect())
    }

    fn apply(db: &Db, ctx: &Ctx, rows: Vec<(Row, Change)>) -> Result<()> {
        let conn = db.conn();
        let lines: Vec<Row> = rows.into_iter().map(|(r, _)| r).collect();
        let (own_rows, own_deliverables) = owned(
            db,
            ctx,
            &lines.iter().map(|r| (0, clone(r))).collect::<Vec<_>>(),
        )?;
        let mut row_of: HashMap<String, String> = HashMap::new();
        for r in &lines {
            let row_id = match row_of.get(&r.row.project) {
                Some(id) => id.clone(),
                None => {
                    let id = match r.row_id.as_ref().filter(|id| own_rows.contains_key(*id)) {
                        Some(id) => {
                            if own_rows.get(id) != Some(&r.row) {
                                conn.prepare_cached(
                                    "UPDATE roadmap_rows SET project = ?2, stakeholders = ?3,
                                            goal_what = ?4, goal_why = ?5, priority = ?6,
                                            updated_at = ?7, version = version + 1
                                     WHERE id = ?1",
                                )?
                                .execute(params![
                                    id,
                                    r.row.project,
                                    r.row.stakeholders,
                                    r.row.goal_what,
                                    r.row.goal_why,
                                    r.row.priority,
                                    crate::clock::now()
                                ])?;
                            }
                            id.clone()
                        }
                        None => roadmaps::insert_row(conn, &ctx.roadmap, &r.row, None, None)?,
                    };
                    row_of.insert(r.row.project.clone(), id.clone());
                    id
                }
            };
            if let Some(d) = &r.deliverable {
                match r
                    .deliverable_id
                    .as_ref()
                    .filter(|id| own_deliverables.contains_key(*id))
                {
                    Some(id) if own_deliverables.get(id) != Some(d) => {
                        let (title, owner, due) = checked_deliverable(d)?;
                        conn.prepare_cached(
                            "UPDATE deliverables SET row_id = ?2, title = ?3, owner = ?4, due_on = ?5,
                                    status = ?6,
                                    done_on = CASE WHEN ?6 = 'done' THEN coalesce(done_on, ?7) END,
                                    updated_at = ?8, version = version + 1
                             WHERE id = ?1",
                        )?
                        .execute(params![
                            id,
                            row_id,
                            title,
                            owner,
                            due,
                            d.status,
                            ctx.today.to_string(),
                            crate::clock::now()
                        ])?;
                    }
                    Some(_) => {}
                    None => {
                        roadmaps::insert_deliverable(conn, &row_id, d, ctx.today, None)?;
                    }
                }
            }
        }
        Ok(())
    }
}

fn rename(e: Error, field: &str) -> Error {
    match e {
        Error::Validation { message, .. } => Error::invalid(field, message),
        other => other,
    }
}

fn clone(r: &Row) -> Row {
    Row {
        row_id: r.row_id.clone(),
        row: r.row.clone(),
        deliverable_id: r.deliverable_id.clone(),
        deliverable: r.deliverable.clone(),
    }
}

type Owned = (HashMap<String, RowInput>, HashMap<String, DeliverableInput>);

/// The rows and deliverables named by the file that belong to the target roadmap, as stored.
fn owned(db: &Db, ctx: &Ctx, rows: &[(u64, Row)]) -> Result<Owned> {
    let own_rows = by_ids(
        db,
        "SELECT id, project, stakeholders, goal_what, goal_why, priority, roadmap_id FROM roadmap_rows
         WHERE id IN (SELECT value FROM json_each(?1))",
        rows.iter().filter_map(|(_, r)| r.row_id.clone()),
        |r| {
            Ok((
                RowInput {
                    project: r.get(1)?,
                    stakeholders: r.get(2)?,
                    goal_what: r.get(3)?,
                    goal_why: r.get(4)?,
                    priority: r.get(5)?,
                },
                r.get::<_, String>(6)?,
            ))
        },
    )?
    .into_iter()
    .filter(|(_, (_, roadmap))| *roadmap == ctx.roadmap)
    .map(|(id, (row, _))| (id, row))
    .collect();
    let own_deliverables = by_ids(
        db,
        "SELECT d.id, d.title, d.owner, coalesce(d.due_on, ''), d.status, w.roadmap_id
         FROM deliverables d JOIN roadmap_rows w ON w.id = d.row_id
         WHERE d.id IN (SELECT value FROM json_each(?1))",
        rows.iter().filter_map(|(_, r)| r.deliverable_id.clone()),
        |r| {
            Ok((
                DeliverableInput {
                    title: r.get(1)?,
                    owner: r.get(2)?,
                    due_on: r.get(3)?,
                    status: r.get(4)?,
                },
                r.get::<_, String>(5)?,
            ))
        },
    )?
    .into_iter()
    .filter(|(_, (_, roadmap))| *roadmap == ctx.roadmap)
    .map(|(id, (d, _))| (id, d))
    .collect();
    Ok((own_rows, own_deliverables))
}
