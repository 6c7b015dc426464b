//! Six-week roadmaps: an interval with strict start and stop dates, rows that pair a
//! user-centric goal (what and why) with deliverables (how and when), in high and low priority
//! sections. Status updates, the retro and carry-over live in [`meeting`] and [`retro`];
//! stakeholder reports in [`report`].

pub mod meeting;
pub mod report;
pub mod retro;

use chrono::{Duration, NaiveDate};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::{self, parse_date};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::records;
use crate::trash::{self, TrashEntry, TrashKind};
use crate::validate;

/// Six weeks, the default interval.
pub const DEFAULT_DAYS: i64 = 42;
pub const MAX_DAYS: i64 = 366;
pub const TEXT_MAX: usize = 2_000;

crate::text_enum! {
    #[ts(export)]
    pub enum Cadence {
        Weekly = "weekly",
        Biweekly = "biweekly",
    }
}

impl Cadence {
    pub fn days(self) -> i64 {
        match self {
            Cadence::Weekly => 7,
            Cadence::Biweekly => 14,
        }
    }
}

crate::text_enum! {
    #[ts(export)]
    pub enum Priority {
        High = "high",
        Low = "low",
    }
}

crate::text_enum! {
    /// Whether a row is feature work or reliability work: the error-budget policy moves them
    /// in opposite directions.
    #[ts(export)]
    pub enum RowKind {
        Feature = "feature",
        Reliability = "reliability",
    }
}

crate::text_enum! {
    #[ts(export)]
    pub enum DeliverableStatus {
        Planned = "planned",
        InProgress = "in-progress",
        Done = "done",
        Dropped = "dropped",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoadmapInput {
    pub title: String,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    /// `YYYY-MM-DD`; empty for the default six weeks.
    pub ends_on: String,
    pub cadence: Cadence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoadmapSummary {
    pub id: String,
    pub title: String,
    pub starts_on: String,
    pub ends_on: String,
    pub cadence: Cadence,
    pub row_count: i64,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Deliverable {
    pub id: String,
    pub row_id: String,
    pub title: String,
    pub owner: String,
    pub due_on: Option<String>,
    pub status: DeliverableStatus,
    pub done_on: Option<String>,
    /// Soft problems worth showing (a due date outside the interval); never a refusal.
    pub warnings: Vec<String>,
    /// The postmortem action item this deliverable carries out; marking it done closes the
    /// item.
    pub action_item_id: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeliverableInput {
    pub title: String,
    pub owner: String,
    /// `YYYY-MM-DD` or empty.
    pub due_on: String,
    pub status: DeliverableStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RowInput {
    pub project: String,
    /// People or teams, as written: "Eng leads at company".
    pub stakeholders: String,
    /// The user-centric goal: what users get …
    pub goal_what: String,
    /// … and why it matters to them.
    pub goal_why: String,
    pub priority: Priority,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoadmapRow {
    pub id: String,
    pub project: String,
    pub stakeholders: String,
    pub goal_what: String,
    pub goal_why: String,
    pub priority: Priority,
    pub deliverables: Vec<Deliverable>,
    /// The latest status update, if any.
    pub latest: Option<meeting::RowUpdate>,
    /// Carried over from an earlier interval.
    pub carried: bool,
    /// Interviews held about this row's work.
    pub interviews: Vec<LinkedInterview>,
    /// Findings this row acts on.
    pub findings: Vec<LinkedFinding>,
    /// Feature or reliability work.
    pub kind: RowKind,
    /// The service the row's work serves, if any.
    pub service_id: Option<String>,
    pub service_name: Option<String>,
    /// Set while the service's error-budget policy wants this row moved (its service is in
    /// "reliability first" or "freeze"): what the policy proposes, or the exception that
    /// keeps it.
    pub policy_flag: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LinkedFinding {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LinkedInterview {
    pub id: String,
    pub title: String,
    pub scheduled_at: String,
}

impl RoadmapRow {
    /// A row is complete once its last update says done or dropped.
    pub fn is_complete(&self) -> bool {
        self.latest.as_ref().is_some_and(|u| {
            matches!(
                u.status,
                meeting::UpdateStatus::Done | meeting::UpdateStatus::Dropped
            )
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Roadmap {
    pub id: String,
    pub title: String,
    pub starts_on: String,
    pub ends_on: String,
    pub cadence: Cadence,
    pub carried_from: Option<String>,
    /// The interval its unfinished work was carried over into, once it was.
    pub carried_into: Option<String>,
    /// High priority first, each section in its own order.
    pub rows: Vec<RoadmapRow>,
    pub version: i64,
}

fn checked_interval(input: &RoadmapInput) -> Result<(String, NaiveDate, NaiveDate)> {
    let title = validate::required_line("title", "Title", &input.title, 200)?;
    let start = parse_date("starts_on", "Start", &input.starts_on)?;
    let end = if input.ends_on.trim().is_empty() {
        start + Duration::days(DEFAULT_DAYS)
    } else {
        parse_date("ends_on", "End", &input.ends_on)?
    };
    if end <= start {
        return Err(Error::invalid(
            "ends_on",
            "The interval must end after it starts",
        ));
    }
    if (end - start).num_days() > MAX_DAYS {
        return Err(Error::invalid(
            "ends_on",
            format!("An interval is at most {MAX_DAYS} days; six weeks is the norm"),
        ));
    }
    Ok((title, start, end))
}

pub fn create(db: &Db, input: &RoadmapInput) -> Result<Roadmap> {
    let (title, start, end) = checked_interval(input)?;
    let (id, now) = (clock::new_id(), clock::now());
    db.conn().execute(
        "INSERT INTO roadmaps (id, title, starts_on, ends_on, cadence, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            id,
            title,
            start.to_string(),
            end.to_string(),
            input.cadence.as_str(),
            now
        ],
    )?;
    get(db, &id)
}

/// Renames the roadmap or moves its dates or cadence, from `version`. Deliverables that fall
/// outside the new dates only warn, as on create.
pub fn update(db: &Db, id: &str, version: i64, input: &RoadmapInput) -> Result<Roadmap> {
    let (title, start, end) = checked_interval(input)?;
    let unit = db.unit()?;
    records::bump(db, "roadmaps", id, version, || get(db, id))?;
    db.conn().execute(
        "UPDATE roadmaps SET title = ?2, starts_on = ?3, ends_on = ?4, cadence = ?5 WHERE id = ?1",
        params![id, title, start.to_string(), end.to_string(), input.cadence],
    )?;
    unit.commit()?;
    get(db, id)
}

/// Moves the roadmap, with its rows, deliverables, updates and retro, to the trash.
pub fn delete(db: &Db, id: &str) -> Result<TrashEntry> {
    let r = get(db, id)?;
    trash::delete(db, TrashKind::Roadmap, id, &r.title)
}

pub fn list(db: &Db) -> Result<Vec<RoadmapSummary>> {
    let mut stmt = db.conn().prepare_cached(
        "SELECT r.id, r.title, r.starts_on, r.ends_on, r.cadence,
                (SELECT count(*) FROM roadmap_rows w WHERE w.roadmap_id = r.id), r.version
         FROM roadmaps r ORDER BY r.starts_on DESC, r.created_at DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(RoadmapSummary {
            id: r.get(0)?,
            title: r.get(1)?,
            starts_on: r.get(2)?,
            ends_on: r.get(3)?,
            cadence: r.get(4)?,
            row_count: r.get(5)?,
            version: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The interval's dates, for rules that depend on them.
pub(crate) fn interval(db: &Db, roadmap_id: &str) -> Result<(NaiveDate, NaiveDate)> {
    let (s, e): (String, String) = db
        .conn()
        .prepare_cached("SELECT starts_on, ends_on FROM roadmaps WHERE id = ?1")?
        .query_row([roadmap_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| Error::not_found("roadmap", roadmap_id))?;
    Ok((
        parse_date("starts_on", "Start", &s)?,
        parse_date("ends_on", "End", &e)?,
    ))
}

fn deliverable_from(r: &Row, interval: (NaiveDate, NaiveDate)) -> rusqlite::Result<Deliverable> {
    let due_on: Option<String> = r.get(4)?;
    let mut warnings = Vec::new();
    if let Some(due) = due_on
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        if due < interval.0 || due > interval.1 {
            warnings.push(format!(
                "Due {due}, outside the interval ({} – {})",
                interval.0, interval.1
            ));
        }
    }
    Ok(Deliverable {
        id: r.get(0)?,
        row_id: r.get(1)?,
        title: r.get(2)?,
        owner: r.get(3)?,
        due_on,
        status: r.get(5)?,
        done_on: r.get(6)?,
        warnings,
        version: r.get(7)?,
        action_item_id: r.get(8)?,
    })
}

/// Groups `(row_id, item)` pairs by row, keeping their order.
fn by_row<T>(pairs: Vec<(String, T)>) -> std::collections::HashMap<String, Vec<T>> {
    let mut map: std::collections::HashMap<String, Vec<T>> = std::collections::HashMap::new();
    for (row, item) in pairs {
        map.entry(row).or_default().push(item);
    }
    map
}

/// The roadmap with its rows, deliverables, latest updates and links: a fixed handful of
/// queries, however many rows it has.
pub fn get(db: &Db, id: &str) -> Result<Roadmap> {
    let conn = db.conn();
    let mut r = conn
        .prepare_cached(
            "SELECT title, starts_on, ends_on, cadence, carried_from, version,
                    (SELECT n.id FROM roadmaps n WHERE n.carried_from = r.id LIMIT 1)
             FROM roadmaps r WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok(Roadmap {
                id: id.to_owned(),
                title: r.get(0)?,
                starts_on: r.get(1)?,
                ends_on: r.get(2)?,
                cadence: r.get(3)?,
                carried_from: r.get(4)?,
                version: r.get(5)?,
                carried_into: r.get(6)?,
                rows: Vec::new(),
            })
        })
        .optional()?
        .ok_or_else(|| Error::not_found("roadmap", id))?;
    let span = (
        parse_date("starts_on", "Start", &r.starts_on)?,
        parse_date("ends_on", "End", &r.ends_on)?,
    );
    let mut deliverables = by_row(
        conn.prepare_cached(
            "SELECT d.id, d.row_id, d.title, d.owner, d.due_on, d.status, d.done_on, d.version,
                    (SELECT a.id FROM action_items a WHERE a.deliverable_id = d.id)
             FROM deliverables d JOIN roadmap_rows w ON w.id = d.row_id
             WHERE w.roadmap_id = ?1 ORDER BY d.row_id, d.position, d.created_at",
        )?
        .query_map([id], |r| Ok((r.get(1)?, deliverable_from(r, span)?)))?
        .collect::<rusqlite::Result<_>>()?,
    );
    let mut latest: std::collections::HashMap<String, meeting::RowUpdate> =
        meeting::latest_by_row(db, id)?;
    let mut interviews = by_row(
        conn.prepare_cached(
            "SELECT x.row_id, i.id, i.title, i.scheduled_at FROM row_interviews x
             JOIN interviews i ON i.id = x.interview_id JOIN roadmap_rows w ON w.id = x.row_id
             WHERE w.roadmap_id = ?1 ORDER BY i.scheduled_at",
        )?
        .query_map([id], |r| {
            Ok((
                r.get(0)?,
                LinkedInterview {
                    id: r.get(1)?,
                    title: r.get(2)?,
                    scheduled_at: r.get(3)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?,
    );
    let mut findings = by_row(
        conn.prepare_cached(
            "SELECT x.row_id, f.id, f.title FROM finding_rows x
             JOIN findings f ON f.id = x.finding_id JOIN roadmap_rows w ON w.id = x.row_id
             WHERE w.roadmap_id = ?1 ORDER BY f.created_at",
        )?
        .query_map([id], |r| {
            Ok((
                r.get(0)?,
                LinkedFinding {
                    id: r.get(1)?,
                    title: r.get(2)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?,
    );
    r.rows = conn
        .prepare_cached(
            "SELECT w.id, w.project, w.stakeholders, w.goal_what, w.goal_why, w.priority,
                    w.carried_from IS NOT NULL, w.version, w.kind, w.service_id,
                    coalesce(v.display_name, v.name)
             FROM roadmap_rows w LEFT JOIN services v ON v.id = w.service_id
             WHERE w.roadmap_id = ?1
             ORDER BY w.priority = 'low', w.position, w.created_at",
        )?
        .query_map([id], |r| {
            let rid: String = r.get(0)?;
            Ok(RoadmapRow {
                project: r.get(1)?,
                stakeholders: r.get(2)?,
                goal_what: r.get(3)?,
                goal_why: r.get(4)?,
                priority: r.get(5)?,
                carried: r.get(6)?,
                version: r.get(7)?,
                kind: r.get(8)?,
                service_id: r.get(9)?,
                service_name: r.get(10)?,
                policy_flag: None,
                deliverables: Vec::new(),
                latest: None,
                interviews: Vec::new(),
                findings: Vec::new(),
                id: rid,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let services: Vec<String> = r.rows.iter().filter_map(|w| w.service_id.clone()).collect();
    let flags = crate::reliability::services::row_flags(db, &services, chrono::Utc::now())?;
    for row in &mut r.rows {
        if let Some((name, state, exception)) = row.service_id.as_ref().and_then(|s| flags.get(s)) {
            row.policy_flag = crate::reliability::services::flag_text(
                name,
                *state,
                exception.as_ref(),
                row.kind,
                row.priority,
            );
        }
        row.deliverables = deliverables.remove(&row.id).unwrap_or_default();
        row.latest = latest.remove(&row.id);
        row.interviews = interviews.remove(&row.id).unwrap_or_default();
        row.findings = findings.remove(&row.id).unwrap_or_default();
    }
    Ok(r)
}

pub(crate) fn checked_row(input: &RowInput) -> Result<RowInput> {
    Ok(RowInput {
        project: validate::required_line("project", "Project", &input.project, 200)?,
        stakeholders: validate::single_line(
            "stakeholders",
            "Stakeholders",
            &input.stakeholders,
            300,
        )?,
        goal_what: validate::required(
            "goal_what",
            "The goal (what users get)",
            &input.goal_what,
            TEXT_MAX,
        )?,
        goal_why: validate::required(
            "goal_why",
            "Why it matters to users",
            &input.goal_why,
            TEXT_MAX,
        )?,
        priority: input.priority,
    })
}

pub(crate) fn row_roadmap(db: &Db, row_id: &str) -> Result<String> {
    db.conn()
        .query_row(
            "SELECT roadmap_id FROM roadmap_rows WHERE id = ?1",
            [row_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("roadmap row", row_id))
}

/// Inserts a checked row at the end of its roadmap (with `id` when an import brings one).
pub(crate) fn insert_row(
    conn: &rusqlite::Connection,
    roadmap_id: &str,
    r: &RowInput,
    id: Option<&str>,
    carried_from: Option<&str>,
) -> Result<String> {
    let id = id.map(str::to_owned).unwrap_or_else(clock::new_id);
    conn.prepare_cached(
        "INSERT INTO roadmap_rows (id, roadmap_id, project, stakeholders, goal_what, goal_why, priority,
                                   position, carried_from, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
                 (SELECT coalesce(max(position), 0) + 1 FROM roadmap_rows WHERE roadmap_id = ?2),
                 ?8, ?9, ?9)",
    )?
    .execute(params![
        id,
        roadmap_id,
        r.project,
        r.stakeholders,
        r.goal_what,
        r.goal_why,
        r.priority,
        carried_from,
        clock::now()
    ])?;
    Ok(id)
}

/// Adds a row at the end of its priority section.
pub fn add_row(db: &Db, roadmap_id: &str, input: &RowInput) -> Result<Roadmap> {
    let r = checked_row(input)?;
    interval(db, roadmap_id)?;
    insert_row(db.conn(), roadmap_id, &r, None, None)?;
    get(db, roadmap_id)
}

/// Saves an edit of a row (project, stakeholders, goal, priority) made from `version`.
pub fn update_row(db: &Db, row_id: &str, version: i64, input: &RowInput) -> Result<Roadmap> {
    let r = checked_row(input)?;
    let roadmap = row_roadmap(db, row_id)?;
    let unit = db.unit()?;
    records::bump(db, "roadmap_rows", row_id, version, || {
        Ok(get(db, &roadmap)?.rows.into_iter().find(|w| w.id == row_id))
    })?;
    db.conn().execute(
        "UPDATE roadmap_rows SET project = ?2, stakeholders = ?3, goal_what = ?4, goal_why = ?5,
                priority = ?6 WHERE id = ?1",
        params![
            row_id,
            r.project,
            r.stakeholders,
            r.goal_what,
            r.goal_why,
            r.priority
        ],
    )?;
    unit.commit()?;
    get(db, &roadmap)
}

/// Moves the row, with its deliverables and history, to the trash.
pub fn delete_row(db: &Db, row_id: &str) -> Result<TrashEntry> {
    let project: String = db
        .conn()
        .query_row(
            "SELECT project FROM roadmap_rows WHERE id = ?1",
            [row_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("roadmap row", row_id))?;
    trash::delete(db, TrashKind::RoadmapRow, row_id, &project)
}

/// Moves a row to another section (one action: "move to low priority"), at its end.
pub fn set_priority(db: &Db, row_id: &str, priority: Priority) -> Result<Roadmap> {
    let roadmap = row_roadmap(db, row_id)?;
    db.conn().execute(
        "UPDATE roadmap_rows SET priority = ?2, updated_at = ?3,
                position = (SELECT coalesce(max(position), 0) + 1 FROM roadmap_rows WHERE roadmap_id = ?4)
         WHERE id = ?1",
        params![row_id, priority, clock::now(), roadmap],
    )?;
    get(db, &roadmap)
}

/// Says whether a row is feature or reliability work and which service it serves, so the
/// service's error-budget policy can move it.
pub fn set_row_service(
    db: &Db,
    row_id: &str,
    service_id: Option<&str>,
    kind: RowKind,
) -> Result<Roadmap> {
    let roadmap = row_roadmap(db, row_id)?;
    let service_id = service_id.map(str::trim).filter(|s| !s.is_empty());
    if let Some(id) = service_id {
        let exists: bool = db.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM services WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::invalid("service_id", "That service does not exist"));
        }
    }
    db.conn().execute(
        "UPDATE roadmap_rows SET kind = ?2, service_id = ?3, updated_at = ?4, version = version + 1
         WHERE id = ?1",
        params![row_id, kind, service_id, clock::now()],
    )?;
    get(db, &roadmap)
}

/// Orders one priority section. `row_ids` must be exactly that section's rows.
pub fn reorder_rows(
    db: &Db,
    roadmap_id: &str,
    priority: Priority,
    row_ids: &[String],
) -> Result<Roadmap> {
    let current = get(db, roadmap_id)?;
    let mut have: Vec<&str> = current
        .rows
        .iter()
        .filter(|r| r.priority == priority)
        .map(|r| r.id.as_str())
        .collect();
    let mut want: Vec<&str> = row_ids.iter().map(String::as_str).collect();
    have.sort_unstable();
    want.sort_unstable();
    if have != want {
        return Err(Error::invalid(
            "order",
            "The roadmap changed since it was shown; reload it and try again",
        ));
    }
    let unit = db.unit()?;
    let tx = db.conn();
    for (i, id) in row_ids.iter().enumerate() {
        tx.execute(
            "UPDATE roadmap_rows SET position = ?2 WHERE id = ?1",
            params![id, i as i64 + 1],
        )?;
    }
    unit.commit()?;
    get(db, roadmap_id)
}

pub(crate) fn checked_deliverable(
    input: &DeliverableInput,
) -> Result<(String, String, Option<String>)> {
    let title = validate::required_line("title", "Deliverable", &input.title, 300)?;
    let owner = validate::single_line("owner", "Owner", &input.owner, 120)?;
    let due = if input.due_on.trim().is_empty() {
        None
    } else {
        Some(parse_date("due_on", "Due date", &input.due_on)?.to_string())
    };
    Ok((title, owner, due))
}

pub fn add_deliverable(
    db: &Db,
    row_id: &str,
    input: &DeliverableInput,
    today: NaiveDate,
) -> Result<Roadmap> {
    let roadmap = row_roadmap(db, row_id)?;
    insert_deliverable(db.conn(), row_id, input, today, None)?;
    get(db, &roadmap)
}

/// Appends a deliverable to a row on `conn` (the caller's transaction) and returns its id
/// (`id` when an import brings one).
pub(crate) fn insert_deliverable(
    conn: &rusqlite::Connection,
    row_id: &str,
    input: &DeliverableInput,
    today: NaiveDate,
    id: Option<&str>,
) -> Result<String> {
    let (title, owner, due) = checked_deliverable(input)?;
    let id = id.map(str::to_owned).unwrap_or_else(clock::new_id);
    let done_on = (input.status == DeliverableStatus::Done).then(|| today.to_string());
    conn.prepare_cached(
        "INSERT INTO deliverables (id, row_id, title, owner, due_on, status, done_on, position, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
                 (SELECT coalesce(max(position), 0) + 1 FROM deliverables WHERE row_id = ?2), ?8, ?8)",
    )?
    .execute(params![id, row_id, title, owner, due, input.status, done_on, clock::now()])?;
    Ok(id)
}

/// Records that an interview was about a row's work, so a shipped deliverable knows whom to
/// follow up with. Linking twice is harmless.
pub fn link_interview(db: &Db, row_id: &str, interview_id: &str) -> Result<Roadmap> {
    let roadmap = row_roadmap(db, row_id)?;
    let exists: bool = db.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM interviews WHERE id = ?1)",
        [interview_id],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(Error::invalid("interview", "That interview does not exist"));
    }
    db.conn().execute(
        "INSERT OR IGNORE INTO row_interviews (row_id, interview_id) VALUES (?1, ?2)",
        params![row_id, interview_id],
    )?;
    get(db, &roadmap)
}

pub fn unlink_interview(db: &Db, row_id: &str, interview_id: &str) -> Result<Roadmap> {
    let roadmap = row_roadmap(db, row_id)?;
    db.conn().execute(
        "DELETE FROM row_interviews WHERE row_id = ?1 AND interview_id = ?2",
        params![row_id, interview_id],
    )?;
    get(db, &roadmap)
}

fn deliverable_roadmap(db: &Db, id: &str) -> Result<String> {
    db.conn()
        .query_row(
            "SELECT w.roadmap_id FROM deliverables d JOIN roadmap_rows w ON w.id = d.row_id WHERE d.id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("deliverable", id))
}

/// Edits a deliverable (title, owner, due date, status) from `version`. Marking it done stamps
/// `done_on` with `today` (kept if already done).
pub fn update_deliverable(
    db: &Db,
    id: &str,
    version: i64,
    input: &DeliverableInput,
    today: NaiveDate,
) -> Result<Roadmap> {
    let (title, owner, due) = checked_deliverable(input)?;
    let roadmap = deliverable_roadmap(db, id)?;
    let unit = db.unit()?;
    records::bump(db, "deliverables", id, version, || {
        Ok(get(db, &roadmap)?
            .rows
            .into_iter()
            .flat_map(|w| w.deliverables)
            .find(|d| d.id == id))
    })?;
    db.conn().execute(
        "UPDATE deliverables SET title = ?2, owner = ?3, due_on = ?4, status = ?5,
                done_on = CASE WHEN ?5 = 'done' THEN coalesce(done_on, ?6) END
         WHERE id = ?1",
        params![id, title, owner, due, input.status, today.to_string()],
    )?;
    unit.commit()?;
    get(db, &roadmap)
}

/// Moves the deliverable to the trash.
pub fn delete_deliverable(db: &Db, id: &str) -> Result<TrashEntry> {
    let title: String = db
        .conn()
        .query_row("SELECT title FROM deliverables WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::not_found("deliverable", id))?;
    trash::delete(db, TrashKind::Deliverable, id, &title)
}
