//! Blameless postmortems: the template's sections, a time-stamped timeline, the budget the
//! incident used, and the rules for finishing one.
//!
//! - Every text section is checked for language that blames a person with the question
//!   checker's `blame` rule ([`crate::questions::lint::check_prose`]); each flag names its
//!   section and carries a system-focused rewrite. Marking a postmortem complete while flags
//!   remain needs the author's acknowledgement.
//! - An incident that used more of an SLO's budget than its service's policy allows
//!   (20% by default) can't be marked complete without a P0 or P1 action item.
//! - A postmortem is closed only once every action item is resolved (done, or won't do with a
//!   reason).

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::actions::{self, ActionItem};
use super::slos::{self, budget, BudgetingMethod};
use super::{instant, stamp, stored, Named};
use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::paging::{Page, PageRequest};
use crate::questions::lint::{self, LintFinding};
use crate::records;
use crate::trash::{self, TrashEntry, TrashKind};
use crate::validate;

pub const SECTION_MAX: usize = 20_000;
pub const TIMELINE_MAX: usize = 500;
/// Used when a service has no policy (or the postmortem names none).
pub const DEFAULT_SHARE: f64 = 0.2;

crate::text_enum! {
    /// How bad the incident was; it sets the default due date of its action items.
    #[ts(export)]
    pub enum IncidentSeverity {
        Sev1 = "sev1",
        Sev2 = "sev2",
        Sev3 = "sev3",
        Sev4 = "sev4",
    }
}

impl IncidentSeverity {
    /// Days from the postmortem to an action item's default due date.
    pub fn due_days(self) -> i64 {
        match self {
            IncidentSeverity::Sev1 => 15,
            IncidentSeverity::Sev2 => 30,
            IncidentSeverity::Sev3 => 45,
            IncidentSeverity::Sev4 => 60,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            IncidentSeverity::Sev1 => "SEV-1",
            IncidentSeverity::Sev2 => "SEV-2",
            IncidentSeverity::Sev3 => "SEV-3",
            IncidentSeverity::Sev4 => "SEV-4",
        }
    }
}

crate::text_enum! {
    #[ts(export)]
    pub enum PostmortemStatus {
        Draft = "draft",
        /// Written, reviewed and shared; its action items are being worked on.
        Complete = "complete",
        /// Every action item is resolved.
        Closed = "closed",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimelineEntry {
    /// RFC 3339.
    pub at: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostmortemInput {
    pub title: String,
    pub service_id: Option<String>,
    /// The SLO whose budget the incident used.
    pub slo_id: Option<String>,
    pub severity: IncidentSeverity,
    /// When the incident started (RFC 3339).
    pub started_at: String,
    /// When it ended; empty while it is still going on.
    pub ended_at: String,
    pub summary: String,
    /// Who was affected and how.
    pub impact_users: String,
    pub contributing_factors: String,
    pub went_well: String,
    pub went_wrong: String,
    pub got_lucky: String,
    pub lessons: String,
    /// The share of the SLO's budget used, as typed ("25%"); empty to take it from the
    /// readings.
    pub budget_consumed: String,
    pub timeline: Vec<TimelineEntry>,
}

/// Blaming words in one section (`field`; `timeline.3` for the fourth entry), with the
/// checker's finding (its span indexes that section's text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BlameFlag {
    pub field: String,
    pub finding: LintFinding,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Postmortem {
    pub id: String,
    pub title: String,
    pub service: Option<Named>,
    pub slo: Option<Named>,
    pub severity: IncidentSeverity,
    pub status: PostmortemStatus,
    pub started_at: String,
    pub ended_at: Option<String>,
    pub duration_minutes: Option<i64>,
    pub summary: String,
    pub impact_users: String,
    pub contributing_factors: String,
    pub went_well: String,
    pub went_wrong: String,
    pub got_lucky: String,
    pub lessons: String,
    pub timeline: Vec<TimelineEntry>,
    /// The share of the SLO's budget the incident used: as entered, else from the readings
    /// over the incident (`null` when neither says).
    pub budget_consumed: Option<f64>,
    pub budget_from_readings: bool,
    /// Above this share the postmortem needs a P0 or P1 action item.
    pub budget_threshold: f64,
    /// It is over the threshold and has no P0/P1 item yet.
    pub needs_high_priority_item: bool,
    pub blame: Vec<BlameFlag>,
    pub items: Vec<ActionItem>,
    pub open_items: i64,
    pub form: PostmortemInput,
    pub completed_at: Option<String>,
    pub closed_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostmortemSummary {
    pub id: String,
    pub title: String,
    pub severity: IncidentSeverity,
    pub status: PostmortemStatus,
    pub started_at: String,
    pub service_name: Option<String>,
    pub items_total: i64,
    pub items_open: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostmortemFilter {
    #[serde(default)]
    #[ts(optional)]
    pub status: Option<PostmortemStatus>,
    #[serde(default)]
    #[ts(optional)]
    pub service_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub page: Option<PageRequest>,
}

/// The sections whose words are checked, with their field names.
fn sections(p: &PostmortemInput) -> [(&'static str, &str); 8] {
    [
        ("title", &p.title),
        ("summary", &p.summary),
        ("impact_users", &p.impact_users),
        ("contributing_factors", &p.contributing_factors),
        ("went_well", &p.went_well),
        ("went_wrong", &p.went_wrong),
        ("got_lucky", &p.got_lucky),
        ("lessons", &p.lessons),
    ]
}

/// Every blaming phrase in the postmortem's text, section by section, then the timeline.
pub fn blame_flags(p: &PostmortemInput) -> Vec<BlameFlag> {
    let mut out = Vec::new();
    for (field, text) in sections(p) {
        for finding in lint::check_prose(text) {
            out.push(BlameFlag {
                field: field.to_owned(),
                finding,
            });
        }
    }
    for (i, e) in p.timeline.iter().enumerate() {
        for finding in lint::check_prose(&e.text) {
            out.push(BlameFlag {
                field: format!("timeline.{i}"),
                finding,
            });
        }
    }
    out
}

struct Clean {
    input: PostmortemInput,
    started: DateTime<Utc>,
    ended: Option<DateTime<Utc>>,
    budget: Option<f64>,
}

fn check(db: &Db, input: &PostmortemInput) -> Result<Clean> {
    let title = validate::required_line("title", "Title", &input.title, 300)?;
    let started = instant("started_at", "The start", &input.started_at)?;
    let ended = if input.ended_at.trim().is_empty() {
        None
    } else {
        let e = instant("ended_at", "The end", &input.ended_at)?;
        if e < started {
            return Err(Error::invalid(
                "ended_at",
                "The incident must end after it started",
            ));
        }
        Some(e)
    };
    let exists = |table: &str, id: &str| -> Result<bool> {
        Ok(db.conn().query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
            [id],
            |r| r.get(0),
        )?)
    };
    let service_id = input
        .service_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if let Some(id) = service_id {
        if !exists("services", id)? {
            return Err(Error::invalid("service_id", "That service does not exist"));
        }
    }
    let slo_id = input
        .slo_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let mut service_id = service_id.map(str::to_owned);
    if let Some(id) = slo_id {
        let owner: Option<String> = db
            .conn()
            .query_row("SELECT service_id FROM slos WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        match (owner, &service_id) {
            (None, _) => return Err(Error::invalid("slo_id", "That SLO does not exist")),
            (Some(o), Some(s)) if o != *s => {
                return Err(Error::invalid(
                    "slo_id",
                    "That SLO belongs to another service",
                ))
            }
            (Some(o), _) => service_id = Some(o),
        }
    }
    let mut clean = PostmortemInput {
        title,
        service_id,
        slo_id: slo_id.map(str::to_owned),
        severity: input.severity,
        started_at: stamp(started),
        ended_at: ended.map(stamp).unwrap_or_default(),
        summary: String::new(),
        impact_users: String::new(),
        contributing_factors: String::new(),
        went_well: String::new(),
        went_wrong: String::new(),
        got_lucky: String::new(),
        lessons: String::new(),
        budget_consumed: String::new(),
        timeline: Vec::new(),
    };
    for (field, label, from, to) in [
        ("summary", "The summary", &input.summary, &mut clean.summary),
        (
            "impact_users",
            "The impact",
            &input.impact_users,
            &mut clean.impact_users,
        ),
        (
            "contributing_factors",
            "Contributing factors",
            &input.contributing_factors,
            &mut clean.contributing_factors,
        ),
        (
            "went_well",
            "What went well",
            &input.went_well,
            &mut clean.went_well,
        ),
        (
            "went_wrong",
            "What went wrong",
            &input.went_wrong,
            &mut clean.went_wrong,
        ),
        (
            "got_lucky",
            "Where we got lucky",
            &input.got_lucky,
            &mut clean.got_lucky,
        ),
        ("lessons", "Lessons", &input.lessons, &mut clean.lessons),
    ] {
        *to = validate::optional(field, label, from, SECTION_MAX)?;
    }
    let budget = if input.budget_consumed.trim().is_empty() {
        None
    } else {
        let t = input.budget_consumed.trim();
        let (n, percent) = match t.strip_suffix('%') {
            Some(n) => (n.trim_end(), true),
            None => (t, false),
        };
        let v: f64 = n
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && *v >= 0.0)
            .ok_or_else(|| {
                Error::invalid(
                    "budget_consumed",
                    format!(
                        "The budget used is a share like 25% (or 0.25), at least 0; “{t}” is not"
                    ),
                )
            })?;
        Some(if percent {
            slos::spec::tidy(v / 100.0)
        } else {
            v
        })
    };
    clean.budget_consumed = budget.map(super::percent).unwrap_or_default();
    if input.timeline.len() > TIMELINE_MAX {
        return Err(Error::invalid(
            "timeline",
            format!("A timeline holds at most {TIMELINE_MAX} entries"),
        ));
    }
    for (i, e) in input.timeline.iter().enumerate() {
        let field = format!("timeline.{i}");
        let at = instant(&field, &format!("Timeline entry {}", i + 1), &e.at)?;
        let text = validate::required(&field, &format!("Timeline entry {}", i + 1), &e.text, 2000)?;
        clean.timeline.push(TimelineEntry {
            at: stamp(at),
            text,
        });
    }
    clean.timeline.sort_by(|a, b| a.at.cmp(&b.at));
    Ok(Clean {
        input: clean,
        started,
        ended,
        budget,
    })
}

/// The share of `slo_id`'s budget the readings over `[start, end]` used: bad events (or
/// bad minutes) in the incident ÷ what the window ending at `end` allows.
pub fn budget_used(
    db: &Db,
    slo_id: &str,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<Option<f64>> {
    let Some(l) = super::objectives::loaded(db, None)?
        .into_iter()
        .find(|l| l.id == slo_id)
    else {
        return Ok(None);
    };
    let (ws, we) = slos::window_bounds(&l.spec.window, end);
    let readings = super::objectives::readings(db, slo_id, Some(ws.min(start)))?;
    let incident = budget::tally(&l.spec.method, &readings, start, end);
    if incident.readings == 0 {
        return Ok(None);
    }
    let window = budget::tally(&l.spec.method, &readings, ws, we.min(end.max(ws)));
    let b = l.spec.budget();
    let share = match l.spec.method {
        BudgetingMethod::Occurrences => {
            let allowed = b * window.events_total;
            if allowed > 0.0 {
                incident.events_bad / allowed
            } else {
                0.0
            }
        }
        BudgetingMethod::Timeslices { .. } => {
            let allowed = b * (we - ws).num_milliseconds() as f64 / 60_000.0;
            if allowed > 0.0 {
                incident.minutes_bad / allowed
            } else {
                0.0
            }
        }
    };
    Ok(Some(slos::spec::tidy(share)))
}

fn threshold(db: &Db, service_id: Option<&str>) -> Result<f64> {
    Ok(match service_id {
        Some(id) => db
            .conn()
            .query_row(
                "SELECT postmortem_share FROM budget_policies WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(DEFAULT_SHARE),
        None => DEFAULT_SHARE,
    })
}

const COLUMNS: &str = "p.id, p.title, p.service_id, v.name, p.slo_id, s.name, p.severity, p.status,
     p.started_at, p.ended_at, p.summary, p.impact_users, p.contributing_factors, p.went_well,
     p.went_wrong, p.got_lucky, p.lessons, p.budget_consumed, p.completed_at, p.closed_at,
     p.created_at, p.updated_at, p.version";

const FROM: &str = "FROM postmortems p LEFT JOIN services v ON v.id = p.service_id
     LEFT JOIN slos s ON s.id = p.slo_id";

fn named(id: Option<String>, name: Option<String>) -> Option<Named> {
    match (id, name) {
        (Some(id), Some(name)) => Some(Named { id, name }),
        _ => None,
    }
}

fn from_row(r: &Row) -> rusqlite::Result<Postmortem> {
    let started_at: String = r.get(8)?;
    let ended_at: Option<String> = r.get(9)?;
    let budget: Option<f64> = r.get(17)?;
    let service = named(r.get(2)?, r.get(3)?);
    let slo = named(r.get(4)?, r.get(5)?);
    let form = PostmortemInput {
        title: r.get(1)?,
        service_id: service.as_ref().map(|s| s.id.clone()),
        slo_id: slo.as_ref().map(|s| s.id.clone()),
        severity: r.get(6)?,
        started_at: started_at.clone(),
        ended_at: ended_at.clone().unwrap_or_default(),
        summary: r.get(10)?,
        impact_users: r.get(11)?,
        contributing_factors: r.get(12)?,
        went_well: r.get(13)?,
        went_wrong: r.get(14)?,
        got_lucky: r.get(15)?,
        lessons: r.get(16)?,
        budget_consumed: budget.map(super::percent).unwrap_or_default(),
        timeline: Vec::new(),
    };
    Ok(Postmortem {
        id: r.get(0)?,
        title: form.title.clone(),
        service,
        slo,
        severity: form.severity,
        status: r.get(7)?,
        duration_minutes: ended_at
            .as_deref()
            .map(|e| (stored(e) - stored(&started_at)).num_minutes()),
        started_at,
        ended_at,
        summary: form.summary.clone(),
        impact_users: form.impact_users.clone(),
        contributing_factors: form.contributing_factors.clone(),
        went_well: form.went_well.clone(),
        went_wrong: form.went_wrong.clone(),
        got_lucky: form.got_lucky.clone(),
        lessons: form.lessons.clone(),
        timeline: Vec::new(),
        budget_consumed: budget,
        budget_from_readings: false,
        budget_threshold: DEFAULT_SHARE,
        needs_high_priority_item: false,
        blame: Vec::new(),
        items: Vec::new(),
        open_items: 0,
        form,
        completed_at: r.get(18)?,
        closed_at: r.get(19)?,
        created_at: r.get(20)?,
        updated_at: r.get(21)?,
        version: r.get(22)?,
    })
}

fn timeline(db: &Db, id: &str) -> Result<Vec<TimelineEntry>> {
    let mut stmt = db.conn().prepare_cached(
        "SELECT at, text FROM postmortem_timeline WHERE postmortem_id = ?1 ORDER BY position",
    )?;
    let all = stmt
        .query_map([id], |r| {
            Ok(TimelineEntry {
                at: r.get(0)?,
                text: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(all)
}

/// The postmortem with its timeline, items, budget figures and blame flags.
pub fn get(db: &Db, id: &str, today: chrono::NaiveDate) -> Result<Postmortem> {
    let mut p = db
        .conn()
        .prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE p.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("postmortem", id))?;
    p.timeline = timeline(db, id)?;
    p.form.timeline = p.timeline.clone();
    if p.budget_consumed.is_none() {
        if let (Some(slo), Some(end)) = (&p.slo, &p.ended_at) {
            p.budget_consumed = budget_used(db, &slo.id, stored(&p.started_at), stored(end))?;
            p.budget_from_readings = p.budget_consumed.is_some();
        }
    }
    p.budget_threshold = threshold(db, p.service.as_ref().map(|s| s.id.as_str()))?;
    p.items = actions::for_postmortem(db, id, today)?;
    p.open_items = p
        .items
        .iter()
        .filter(|i| i.status == actions::ItemStatus::Open)
        .count() as i64;
    p.needs_high_priority_item = p.budget_consumed.is_some_and(|b| b > p.budget_threshold)
        && !p.items.iter().any(|i| i.priority.is_high());
    p.blame = blame_flags(&p.form);
    Ok(p)
}

fn write_timeline(db: &Db, id: &str, entries: &[TimelineEntry]) -> Result<()> {
    let conn = db.conn();
    conn.execute(
        "DELETE FROM postmortem_timeline WHERE postmortem_id = ?1",
        [id],
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO postmortem_timeline (id, postmortem_id, at, text, position)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, e) in entries.iter().enumerate() {
        stmt.execute(params![clock::new_id(), id, e.at, e.text, i as i64 + 1])?;
    }
    Ok(())
}

pub fn create(db: &Db, input: &PostmortemInput, today: chrono::NaiveDate) -> Result<Postmortem> {
    let c = check(db, input)?;
    let p = &c.input;
    let unit = db.unit()?;
    let (id, now) = (clock::new_id(), clock::now());
    db.conn().execute(
        "INSERT INTO postmortems (id, title, service_id, slo_id, severity, status, started_at,
                                  ended_at, summary, impact_users, contributing_factors, went_well,
                                  went_wrong, got_lucky, lessons, budget_consumed, created_at,
                                  updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)",
        params![
            id,
            p.title,
            p.service_id,
            p.slo_id,
            p.severity,
            stamp(c.started),
            c.ended.map(stamp),
            p.summary,
            p.impact_users,
            p.contributing_factors,
            p.went_well,
            p.went_wrong,
            p.got_lucky,
            p.lessons,
            c.budget,
            now
        ],
    )?;
    write_timeline(db, &id, &p.timeline)?;
    unit.commit()?;
    get(db, &id, today)
}

/// Saves an edit made from `version`. A closed postmortem is not edited (reopen it first).
pub fn update(
    db: &Db,
    id: &str,
    version: i64,
    input: &PostmortemInput,
    today: chrono::NaiveDate,
) -> Result<Postmortem> {
    let c = check(db, input)?;
    let p = &c.input;
    let unit = db.unit()?;
    records::bump(db, "postmortems", id, version, || get(db, id, today))?;
    db.conn().execute(
        "UPDATE postmortems SET title = ?2, service_id = ?3, slo_id = ?4, severity = ?5,
                started_at = ?6, ended_at = ?7, summary = ?8, impact_users = ?9,
                contributing_factors = ?10, went_well = ?11, went_wrong = ?12, got_lucky = ?13,
                lessons = ?14, budget_consumed = ?15
         WHERE id = ?1",
        params![
            id,
            p.title,
            p.service_id,
            p.slo_id,
            p.severity,
            stamp(c.started),
            c.ended.map(stamp),
            p.summary,
            p.impact_users,
            p.contributing_factors,
            p.went_well,
            p.went_wrong,
            p.got_lucky,
            p.lessons,
            c.budget
        ],
    )?;
    write_timeline(db, id, &p.timeline)?;
    unit.commit()?;
    get(db, id, today)
}

/// Moves the postmortem, with its timeline and action items, to the trash.
pub fn delete(db: &Db, id: &str) -> Result<TrashEntry> {
    let title: String = db
        .conn()
        .query_row("SELECT title FROM postmortems WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::not_found("postmortem", id))?;
    trash::delete(
        db,
        TrashKind::Postmortem,
        id,
        &format!("Postmortem: {title}"),
    )
}

/// Moves a postmortem to `status` (from `version`), checking the rules of the module doc.
/// `blame_ok` acknowledges the blame flags that remain when marking it complete.
pub fn set_status(
    db: &Db,
    id: &str,
    version: i64,
    status: PostmortemStatus,
    blame_ok: bool,
    today: chrono::NaiveDate,
) -> Result<Postmortem> {
    let p = get(db, id, today)?;
    if p.version != version {
        return Err(Error::Conflict {
            entity: "postmortem",
            id: id.to_owned(),
            current: serde_json::to_value(&p).map_err(|e| Error::Io(std::io::Error::other(e)))?,
        });
    }
    if matches!(
        status,
        PostmortemStatus::Complete | PostmortemStatus::Closed
    ) {
        if p.summary.trim().is_empty() {
            return Err(Error::invalid(
                "summary",
                "Write the summary before marking the postmortem complete",
            ));
        }
        if p.needs_high_priority_item {
            return Err(Error::invalid(
                "items",
                format!(
                    "This incident used {} of the budget, more than the {} the policy allows \
                     without one: add a P0 or P1 action item before marking it complete",
                    super::percent(p.budget_consumed.unwrap_or(0.0)),
                    super::percent(p.budget_threshold)
                ),
            ));
        }
        if !p.blame.is_empty() && !blame_ok && p.status == PostmortemStatus::Draft {
            return Err(Error::NeedsAcknowledgement {
                field: "blame".into(),
                message: format!(
                    "{} phrase{} in this postmortem blame{} a person (e.g. “{}”). Rewrite {} to \
                     say what in the system made it possible, or mark it complete anyway.",
                    p.blame.len(),
                    if p.blame.len() == 1 { "" } else { "s" },
                    if p.blame.len() == 1 { "s" } else { "" },
                    p.blame[0].finding.trigger,
                    if p.blame.len() == 1 { "it" } else { "them" }
                ),
            });
        }
    }
    if status == PostmortemStatus::Closed && p.open_items > 0 {
        return Err(Error::invalid(
            "status",
            format!(
                "{} action item{} still open; a postmortem is closed once every item is done or \
                 won't be done (with a reason)",
                p.open_items,
                if p.open_items == 1 { " is" } else { "s are" }
            ),
        ));
    }
    let now = clock::now();
    db.conn().execute(
        "UPDATE postmortems SET status = ?2, version = version + 1, updated_at = ?3,
                completed_at = CASE WHEN ?2 = 'draft' THEN NULL ELSE coalesce(completed_at, ?3) END,
                closed_at = CASE WHEN ?2 = 'closed' THEN coalesce(closed_at, ?3) END
         WHERE id = ?1",
        params![id, status, now],
    )?;
    get(db, id, today)
}

/// One page of postmortems, newest incident first.
pub fn list(db: &Db, filter: &PostmortemFilter) -> Result<Page<PostmortemSummary>> {
    let (limit, offset) = filter.page.unwrap_or_default().sql();
    let service = filter.service_id.as_deref();
    let total: i64 = db.conn().query_row(
        "SELECT count(*) FROM postmortems p
         WHERE (?1 IS NULL OR p.status = ?1) AND (?2 IS NULL OR p.service_id = ?2)",
        params![filter.status, service],
        |r| r.get(0),
    )?;
    let mut stmt = db.conn().prepare_cached(
        "SELECT p.id, p.title, p.severity, p.status, p.started_at, coalesce(v.display_name, v.name),
                (SELECT count(*) FROM action_items a WHERE a.postmortem_id = p.id),
                (SELECT count(*) FROM action_items a WHERE a.postmortem_id = p.id AND a.status = 'open')
         FROM postmortems p LEFT JOIN services v ON v.id = p.service_id
         WHERE (?1 IS NULL OR p.status = ?1) AND (?2 IS NULL OR p.service_id = ?2)
         ORDER BY p.started_at DESC, p.id DESC LIMIT ?3 OFFSET ?4",
    )?;
    let items = stmt
        .query_map(params![filter.status, service, limit, offset], |r| {
            Ok(PostmortemSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                severity: r.get(2)?,
                status: r.get(3)?,
                started_at: r.get(4)?,
                service_name: r.get(5)?,
                items_total: r.get(6)?,
                items_open: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Page {
        total,
        offset,
        items,
    })
}

/// Every postmortem whose incident started in `[from, to)`, oldest first (for reports).
pub(crate) fn between(
    db: &Db,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    today: chrono::NaiveDate,
) -> Result<Vec<Postmortem>> {
    let ids: Vec<String> = db
        .conn()
        .prepare_cached(
            "SELECT id FROM postmortems WHERE started_at >= ?1 AND started_at < ?2
             ORDER BY started_at",
        )?
        .query_map(params![stamp(from), stamp(to)], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter().map(|id| get(db, id, today)).collect()
}
