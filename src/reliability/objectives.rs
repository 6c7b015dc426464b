//! SLOs as a team keeps them: the objective (see [`super::slos::spec`]), the service it
//! belongs to, the user evidence behind it (the people it is for, findings, interview notes
//! and quotes), the readings entered by hand or from CSV, and where its budget stands now.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::slos::{
    self, AlertEval, BudgetStatus, BudgetingMethod, BurnPoint, CalendarUnit, PolicyState,
    PolicyStep, Reading, SloSpec, Window,
};
use super::{stamp, stored, Named};
use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::findings::Evidence;
use crate::paging::{Page, PageRequest};
use crate::records;
use crate::roadmaps::LinkedFinding;
use crate::trash::{self, TrashEntry, TrashKind};
use crate::validate;

pub const PERSONA_MAX: usize = 500;
pub const DISPLAY_NAME_MAX: usize = 200;

crate::text_enum! {
    /// How good and bad are counted (OpenSLO's `budgetingMethod`).
    #[ts(export)]
    pub enum MethodKind {
        Occurrences = "occurrences",
        Timeslices = "timeslices",
    }
}

/// An SLO as typed in its form. Numbers are text, as people type them: the target as "99.9%"
/// or "0.999", the window as "28d", "4w", "month" or "quarter", the slice as "5" or "5m".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SloInput {
    pub service_id: String,
    pub name: String,
    pub display_name: String,
    /// The user journey it protects, in words.
    pub journey: String,
    /// Who it is for, in words ("engineers merging to main").
    pub persona: String,
    pub target: String,
    pub window: String,
    /// IANA zone of a calendar window ("Europe/Berlin"); ignored for rolling windows.
    pub time_zone: String,
    pub method: MethodKind,
    /// Timeslices only: the slice length in minutes ("5", "5m", "1h").
    pub slice_minutes: String,
    /// Timeslices only: the share of good events that makes a slice good ("95%", "0.95").
    pub slice_target: String,
    /// The people it is for (from People).
    pub people_ids: Vec<String>,
    pub finding_ids: Vec<String>,
    /// Interview notes and quotes behind it.
    pub note_ids: Vec<String>,
}

/// The user evidence an SLO cites.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SloEvidence {
    pub people: Vec<Named>,
    pub findings: Vec<LinkedFinding>,
    pub notes: Vec<Evidence>,
}

impl SloEvidence {
    fn is_empty(&self) -> bool {
        self.people.is_empty() && self.findings.is_empty() && self.notes.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Slo {
    pub id: String,
    pub service_id: String,
    pub service_name: String,
    pub name: String,
    pub display_name: Option<String>,
    pub journey: String,
    /// OpenSLO's `spec.description`, when the SLO came from a file.
    pub description: Option<String>,
    pub persona: String,
    pub spec: SloSpec,
    pub evidence: SloEvidence,
    /// Said when the SLO cites no user evidence at all (a gentle nudge, not a refusal).
    pub evidence_warning: Option<String>,
    /// The SLI it measures, by name (its queries are kept as text, never run).
    pub indicator_name: String,
    /// The fields as its form shows them, to edit from.
    pub form: SloInput,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// One reading as stored, with its own burn rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StoredReading {
    pub id: String,
    pub slo_id: String,
    pub start: String,
    pub end: String,
    #[ts(type = "number")]
    pub good: u64,
    #[ts(type = "number")]
    pub total: u64,
    pub bad_minutes: Option<f64>,
    /// This reading's error ratio ÷ the budget.
    pub burn_rate: f64,
    pub version: i64,
}

/// A reading as typed: RFC 3339 instants, counts, and bad minutes for time-based SLOs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReadingInput {
    pub start: String,
    pub end: String,
    #[ts(type = "number")]
    pub good: i64,
    #[ts(type = "number")]
    pub total: i64,
    pub bad_minutes: Option<f64>,
}

/// The burn rate of one reading, for the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BurnRatePoint {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub rate: f64,
}

/// Everything the SLO screen shows: the objective, the budget now, the workbook's alerts
/// for the readings entered, and the chart series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SloView {
    pub slo: Slo,
    pub status: BudgetStatus,
    /// The state the service's policy puts this SLO in.
    pub state: PolicyState,
    pub steps: Vec<PolicyStep>,
    pub alerts: Vec<AlertEval>,
    pub burndown: Vec<BurnPoint>,
    pub burn_rates: Vec<BurnRatePoint>,
    /// What the budget allows, in words: "43.2 bad minutes over 30 days" or "1,000 bad
    /// events of the 1,000,000 seen".
    pub allowance: String,
    /// Readings stored in all (inside the window or not).
    pub readings_total: i64,
}

/// An SLO in a list, and in `rapport-cli slo status`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SloSummary {
    pub id: String,
    pub name: String,
    pub display_name: Option<String>,
    pub service_id: String,
    pub service_name: String,
    pub target: f64,
    /// "28d", "month", "quarter".
    pub window: String,
    pub method: MethodKind,
    pub events_total: f64,
    pub events_bad: f64,
    /// `budget × events_total`.
    pub events_allowed: f64,
    /// Timeslices: the bad minutes in the window and what the window allows.
    pub minutes_bad: Option<f64>,
    pub minutes_allowed: f64,
    pub consumed: f64,
    pub remaining: f64,
    pub burn_rate: Option<f64>,
    pub attainment: Option<f64>,
    pub projected_exhaustion: Option<DateTime<Utc>>,
    pub state: PolicyState,
    /// The workbook alerts that would fire ("page-1h", "page-6h", "ticket-3d").
    pub firing: Vec<String>,
    pub readings_used: u32,
    pub evidence_warning: bool,
}

/// An SLO's definition as loaded from its row: everything the arithmetic needs.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    pub id: String,
    pub service_id: String,
    pub service_name: String,
    pub name: String,
    pub display_name: Option<String>,
    pub spec: SloSpec,
    pub has_evidence: bool,
}

const COLUMNS: &str =
    "s.id, s.service_id, v.name, s.name, s.display_name, s.journey, s.description,
     s.persona, s.target, s.window_days, s.calendar_unit, s.time_zone, s.method, s.slice_minutes,
     s.slice_target, s.indicator_name, s.created_at, s.updated_at, s.version,
     EXISTS (SELECT 1 FROM slo_people x WHERE x.slo_id = s.id)
     OR EXISTS (SELECT 1 FROM slo_findings x WHERE x.slo_id = s.id)
     OR EXISTS (SELECT 1 FROM slo_notes x WHERE x.slo_id = s.id)";

const FROM: &str = "FROM slos s JOIN services v ON v.id = s.service_id";

fn loaded_from(r: &Row) -> rusqlite::Result<Loaded> {
    let spec = spec_from_columns(r)?;
    Ok(Loaded {
        id: r.get(0)?,
        service_id: r.get(1)?,
        service_name: r.get(2)?,
        name: r.get(3)?,
        display_name: r.get(4)?,
        spec,
        has_evidence: r.get(19)?,
    })
}

fn spec_from_columns(r: &Row) -> rusqlite::Result<SloSpec> {
    let days: Option<u32> = r.get(9)?;
    let unit: Option<CalendarUnit> = r.get(10)?;
    let window = match (days, unit) {
        (Some(days), _) => Window::Rolling { days },
        (None, Some(unit)) => Window::Calendar {
            unit,
            time_zone: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
        },
        (None, None) => Window::Rolling { days: 28 },
    };
    let method = match r.get::<_, MethodKind>(12)? {
        MethodKind::Occurrences => BudgetingMethod::Occurrences,
        MethodKind::Timeslices => BudgetingMethod::Timeslices {
            slice_minutes: r.get::<_, Option<u32>>(13)?.unwrap_or(1),
            slice_target: r.get::<_, Option<f64>>(14)?.unwrap_or(1.0),
        },
    };
    Ok(SloSpec {
        name: r.get(3)?,
        journey: r.get(5)?,
        target: r.get(8)?,
        window,
        method,
    })
}

/// Every SLO's definition (of one service when given), by service then name.
pub(crate) fn loaded(db: &Db, service_id: Option<&str>) -> Result<Vec<Loaded>> {
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE ?1 IS NULL OR s.service_id = ?1 ORDER BY v.name, s.name"
    ))?;
    let all = stmt
        .query_map([service_id], loaded_from)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(all)
}

fn load_one(db: &Db, id: &str) -> Result<Loaded> {
    db.conn()
        .prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE s.id = ?1"))?
        .query_row([id], loaded_from)
        .optional()?
        .ok_or_else(|| Error::not_found("SLO", id))
}

/// The form text of a window.
fn form_of(spec: &SloSpec) -> (String, String, MethodKind, String, String) {
    let tz = match &spec.window {
        Window::Calendar { time_zone, .. } => time_zone.clone(),
        Window::Rolling { .. } => String::new(),
    };
    match &spec.method {
        BudgetingMethod::Occurrences => (
            spec.window.text(),
            tz,
            MethodKind::Occurrences,
            String::new(),
            String::new(),
        ),
        BudgetingMethod::Timeslices {
            slice_minutes,
            slice_target,
        } => (
            spec.window.text(),
            tz,
            MethodKind::Timeslices,
            slice_minutes.to_string(),
            super::percent(*slice_target),
        ),
    }
}

const EVIDENCE_WARNING: &str = "No user evidence yet: cite the people this SLO is for, or \
     findings and quotes from interviews, so its target says what users need rather than what \
     the graphs happen to show.";

fn evidence(db: &Db, id: &str) -> Result<SloEvidence> {
    let conn = db.conn();
    let people = conn
        .prepare_cached(
            "SELECT p.id, p.name FROM slo_people x JOIN people p ON p.id = x.person_id
             WHERE x.slo_id = ?1 ORDER BY p.name COLLATE NOCASE",
        )?
        .query_map([id], |r| {
            Ok(Named {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let findings = conn
        .prepare_cached(
            "SELECT f.id, f.title FROM slo_findings x JOIN findings f ON f.id = x.finding_id
             WHERE x.slo_id = ?1 ORDER BY f.created_at",
        )?
        .query_map([id], |r| {
            Ok(LinkedFinding {
                id: r.get(0)?,
                title: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let notes = conn
        .prepare_cached(
            "SELECT n.id, n.text, n.is_quote, p.name, i.id, i.title
             FROM slo_notes x JOIN notes n ON n.id = x.note_id
             JOIN interviews i ON i.id = n.interview_id
             LEFT JOIN people p ON p.id = n.speaker_id
             WHERE x.slo_id = ?1 ORDER BY i.scheduled_at, n.created_at",
        )?
        .query_map([id], |r| {
            let quote: bool = r.get(2)?;
            let text: String = r.get(1)?;
            Ok(Evidence {
                note_id: r.get(0)?,
                text: if quote {
                    crate::tags::remove_tags(&text)
                } else {
                    text
                },
                is_quote: quote,
                speaker: r.get(3)?,
                interview_id: r.get(4)?,
                interview_title: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(SloEvidence {
        people,
        findings,
        notes,
    })
}

pub fn get(db: &Db, id: &str) -> Result<Slo> {
    let (l, rest) = db
        .conn()
        .prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE s.id = ?1"))?
        .query_row([id], |r| {
            Ok((
                loaded_from(r)?,
                (
                    r.get::<_, String>(15)?,
                    r.get::<_, String>(16)?,
                    r.get::<_, String>(17)?,
                    r.get::<_, i64>(18)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, String>(7)?,
                ),
            ))
        })
        .optional()?
        .ok_or_else(|| Error::not_found("SLO", id))?;
    let (indicator_name, created_at, updated_at, version, description, persona) = rest;
    let evidence = evidence(db, id)?;
    let (window, time_zone, method, slice_minutes, slice_target) = form_of(&l.spec);
    let form = SloInput {
        service_id: l.service_id.clone(),
        name: l.name.clone(),
        display_name: l.display_name.clone().unwrap_or_default(),
        journey: l.spec.journey.clone(),
        persona: persona.clone(),
        target: super::percent(l.spec.target),
        window,
        time_zone,
        method,
        slice_minutes,
        slice_target,
        people_ids: evidence.people.iter().map(|p| p.id.clone()).collect(),
        finding_ids: evidence.findings.iter().map(|f| f.id.clone()).collect(),
        note_ids: evidence.notes.iter().map(|n| n.note_id.clone()).collect(),
    };
    Ok(Slo {
        id: l.id,
        service_id: l.service_id,
        service_name: l.service_name,
        name: l.name,
        display_name: l.display_name,
        journey: l.spec.journey.clone(),
        description,
        persona,
        evidence_warning: evidence.is_empty().then(|| EVIDENCE_WARNING.to_owned()),
        evidence,
        spec: l.spec,
        indicator_name,
        form,
        created_at,
        updated_at,
        version,
    })
}

/// The SLO named `name` (as scripts name it).
pub fn by_name(db: &Db, name: &str) -> Result<Slo> {
    let id: Option<String> = db
        .conn()
        .query_row("SELECT id FROM slos WHERE name = ?1", [name.trim()], |r| {
            r.get(0)
        })
        .optional()?;
    match id {
        Some(id) => get(db, &id),
        None => Err(Error::invalid(
            "slo",
            format!("No SLO is named “{}”", name.trim()),
        )),
    }
}

/// Every SLO (of one service when given), by service then name.
pub fn list(db: &Db, service_id: Option<&str>) -> Result<Vec<Slo>> {
    loaded(db, service_id)?
        .into_iter()
        .map(|l| get(db, &l.id))
        .collect()
}

/// A checked form.
struct Checked {
    service_id: String,
    name: String,
    display_name: Option<String>,
    persona: String,
    spec: SloSpec,
    people_ids: Vec<String>,
    finding_ids: Vec<String>,
    note_ids: Vec<String>,
}

fn parse_slice_minutes(text: &str) -> Result<u32> {
    let t = text.trim().to_ascii_lowercase();
    let bad = || {
        Error::invalid(
            "slice_minutes",
            format!(
                "The slice length is 1 to {} minutes, e.g. 1 or 5 (or 5m, 1h); “{}” is not",
                slos::spec::MAX_SLICE_MINUTES,
                text.trim()
            ),
        )
    };
    let (n, mult) = if let Some(n) = t.strip_suffix('h') {
        (n, 60)
    } else if let Some(n) = t.strip_suffix('m') {
        (n, 1)
    } else {
        (t.as_str(), 1)
    };
    let n: u32 = n.trim().parse().map_err(|_| bad())?;
    let minutes = n.checked_mul(mult).ok_or_else(bad)?;
    if minutes == 0 || minutes > slos::spec::MAX_SLICE_MINUTES {
        return Err(bad());
    }
    Ok(minutes)
}

fn check(db: &Db, input: &SloInput) -> Result<Checked> {
    let service_id = input.service_id.trim().to_owned();
    let exists: bool = db.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM services WHERE id = ?1)",
        [&service_id],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(Error::invalid(
            "service_id",
            "Choose the service this SLO belongs to",
        ));
    }
    let name = input.name.trim().to_owned();
    slos::validate_name(&name)?;
    let display_name = validate::single_line(
        "display_name",
        "Display name",
        &input.display_name,
        DISPLAY_NAME_MAX,
    )?;
    let journey = input.journey.trim().to_owned();
    slos::spec::validate_journey(&journey)?;
    let persona = validate::optional("persona", "Persona", &input.persona, PERSONA_MAX)?;
    let target = slos::parse_target(&input.target)?;
    let window = slos::parse_window(&input.window, &input.time_zone)?;
    let method = match input.method {
        MethodKind::Occurrences => BudgetingMethod::Occurrences,
        MethodKind::Timeslices => BudgetingMethod::Timeslices {
            slice_minutes: parse_slice_minutes(&input.slice_minutes)?,
            slice_target: super::parse_share(
                "slice_target",
                "The slice target",
                &input.slice_target,
                true,
            )?,
        },
    };
    let spec = SloSpec {
        name: name.clone(),
        journey,
        target,
        window,
        method,
    };
    spec.validate()?;
    for id in &input.people_ids {
        super::active_person(db, id, "people_ids")?;
    }
    let missing = |table: &str, ids: &[String]| -> Result<Option<String>> {
        let mut stmt = db.conn().prepare_cached(&format!(
            "SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"
        ))?;
        for id in ids {
            if !stmt.query_row([id], |r| r.get::<_, bool>(0))? {
                return Ok(Some(id.clone()));
            }
        }
        Ok(None)
    };
    if missing("findings", &input.finding_ids)?.is_some() {
        return Err(Error::invalid(
            "finding_ids",
            "A cited finding no longer exists; remove it from the evidence",
        ));
    }
    if missing("notes", &input.note_ids)?.is_some() {
        return Err(Error::invalid(
            "note_ids",
            "A cited note or quote no longer exists; remove it from the evidence",
        ));
    }
    let dedup = |ids: &[String]| {
        let mut v: Vec<String> = ids.iter().map(|s| s.trim().to_owned()).collect();
        v.sort();
        v.dedup();
        v
    };
    Ok(Checked {
        service_id,
        name,
        display_name: (!display_name.is_empty()).then_some(display_name),
        persona,
        spec,
        people_ids: dedup(&input.people_ids),
        finding_ids: dedup(&input.finding_ids),
        note_ids: dedup(&input.note_ids),
    })
}

fn name_taken(db: &Db, name: &str, except: Option<&str>) -> Result<()> {
    let other: Option<String> = db
        .conn()
        .query_row(
            "SELECT id FROM slos WHERE name = ?1 AND id IS NOT ?2",
            params![name, except],
            |r| r.get(0),
        )
        .optional()?;
    if other.is_some() {
        return Err(Error::invalid(
            "name",
            format!("An SLO named “{name}” already exists; SLO names are unique"),
        ));
    }
    Ok(())
}

/// The window's columns: (days, unit, zone).
pub(crate) fn window_columns(w: &Window) -> (Option<u32>, Option<CalendarUnit>, Option<String>) {
    match w {
        Window::Rolling { days } => (Some(*days), None, None),
        Window::Calendar { unit, time_zone } => (None, Some(*unit), Some(time_zone.clone())),
    }
}

/// The method's columns: (kind, slice minutes, slice target).
pub(crate) fn method_columns(m: &BudgetingMethod) -> (MethodKind, Option<u32>, Option<f64>) {
    match m {
        BudgetingMethod::Occurrences => (MethodKind::Occurrences, None, None),
        BudgetingMethod::Timeslices {
            slice_minutes,
            slice_target,
        } => (
            MethodKind::Timeslices,
            Some(*slice_minutes),
            Some(*slice_target),
        ),
    }
}

fn write_evidence(db: &Db, id: &str, c: &Checked) -> Result<()> {
    let conn = db.conn();
    for table in ["slo_people", "slo_findings", "slo_notes"] {
        conn.execute(&format!("DELETE FROM {table} WHERE slo_id = ?1"), [id])?;
    }
    for (table, column, ids) in [
        ("slo_people", "person_id", &c.people_ids),
        ("slo_findings", "finding_id", &c.finding_ids),
        ("slo_notes", "note_id", &c.note_ids),
    ] {
        let mut stmt = conn.prepare_cached(&format!(
            "INSERT INTO {table} (slo_id, {column}) VALUES (?1, ?2)"
        ))?;
        for x in ids {
            stmt.execute(params![id, x])?;
        }
    }
    Ok(())
}

pub fn create(db: &Db, input: &SloInput) -> Result<Slo> {
    let c = check(db, input)?;
    name_taken(db, &c.name, None)?;
    let unit = db.unit()?;
    let id = clock::new_id();
    let (days, cal, tz) = window_columns(&c.spec.window);
    let (method, slice_minutes, slice_target) = method_columns(&c.spec.method);
    db.conn().execute(
        "INSERT INTO slos (id, service_id, name, display_name, journey, persona, target, window_days,
                           calendar_unit, time_zone, method, slice_minutes, slice_target,
                           indicator_name, indicator_ref, indicator_yaml, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?3, 0, ?14, ?15, ?15)",
        params![
            id,
            c.service_id,
            c.name,
            c.display_name,
            c.spec.journey,
            c.persona,
            c.spec.target,
            days,
            cal,
            tz,
            method,
            slice_minutes,
            slice_target,
            slos::openslo::manual_indicator(&c.name),
            clock::now()
        ],
    )?;
    write_evidence(db, &id, &c)?;
    unit.commit()?;
    get(db, &id)
}

/// Saves an edit made from `version`. What the SLO came with from an OpenSLO file (its
/// indicator, alert policies) is kept.
pub fn update(db: &Db, id: &str, version: i64, input: &SloInput) -> Result<Slo> {
    let c = check(db, input)?;
    name_taken(db, &c.name, Some(id))?;
    let unit = db.unit()?;
    records::bump(db, "slos", id, version, || get(db, id))?;
    let (days, cal, tz) = window_columns(&c.spec.window);
    let (method, slice_minutes, slice_target) = method_columns(&c.spec.method);
    db.conn().execute(
        "UPDATE slos SET service_id = ?2, name = ?3, display_name = ?4, journey = ?5, persona = ?6,
                target = ?7, window_days = ?8, calendar_unit = ?9, time_zone = ?10, method = ?11,
                slice_minutes = ?12, slice_target = ?13
         WHERE id = ?1",
        params![
            id,
            c.service_id,
            c.name,
            c.display_name,
            c.spec.journey,
            c.persona,
            c.spec.target,
            days,
            cal,
            tz,
            method,
            slice_minutes,
            slice_target
        ],
    )?;
    write_evidence(db, id, &c)?;
    unit.commit()?;
    get(db, id)
}

/// Moves the SLO, with its readings and evidence links, to the trash.
pub fn delete(db: &Db, id: &str) -> Result<TrashEntry> {
    let l = load_one(db, id)?;
    trash::delete(db, TrashKind::Slo, id, &format!("SLO {}", l.name))
}

// ---------------------------------------------------------------------------------------
// Readings.

fn reading_from(r: &Row) -> rusqlite::Result<(StoredReading, Reading)> {
    let start: String = r.get(2)?;
    let end: String = r.get(3)?;
    let good = r.get::<_, i64>(4)?.max(0) as u64;
    let total = r.get::<_, i64>(5)?.max(0) as u64;
    let bad_minutes: Option<f64> = r.get(6)?;
    Ok((
        StoredReading {
            id: r.get(0)?,
            slo_id: r.get(1)?,
            start: start.clone(),
            end: end.clone(),
            good,
            total,
            bad_minutes,
            burn_rate: 0.0,
            version: r.get(7)?,
        },
        Reading {
            start: stored(&start),
            end: stored(&end),
            good,
            total,
            bad_minutes,
        },
    ))
}

const READING_COLUMNS: &str = "id, slo_id, start_at, end_at, good, total, bad_minutes, version";

/// The readings of an SLO that end after `from` (all of them without), oldest first.
pub(crate) fn readings(db: &Db, slo_id: &str, from: Option<DateTime<Utc>>) -> Result<Vec<Reading>> {
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {READING_COLUMNS} FROM slo_readings
         WHERE slo_id = ?1 AND (?2 IS NULL OR end_at > ?2) ORDER BY start_at"
    ))?;
    let all = stmt
        .query_map(params![slo_id, from.map(stamp)], |r| {
            reading_from(r).map(|x| x.1)
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(all)
}

/// The readings that matter at `now`: those in the window, and the three days before the
/// latest one (the longest alert lookback).
pub(crate) fn relevant_readings(db: &Db, l: &Loaded, now: DateTime<Utc>) -> Result<Vec<Reading>> {
    let (ws, _) = slos::window_bounds(&l.spec.window, now);
    let latest: Option<String> = db.conn().query_row(
        "SELECT max(end_at) FROM slo_readings WHERE slo_id = ?1",
        [&l.id],
        |r| r.get(0),
    )?;
    let from = match latest {
        Some(t) => ws.min(stored(&t) - Duration::days(3)),
        None => ws,
    };
    readings(db, &l.id, Some(from))
}

/// One page of an SLO's readings, newest first, each with its burn rate.
pub fn readings_page(db: &Db, slo_id: &str, page: PageRequest) -> Result<Page<StoredReading>> {
    let l = load_one(db, slo_id)?;
    let (limit, offset) = page.sql();
    let total: i64 = db.conn().query_row(
        "SELECT count(*) FROM slo_readings WHERE slo_id = ?1",
        [slo_id],
        |r| r.get(0),
    )?;
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {READING_COLUMNS} FROM slo_readings WHERE slo_id = ?1
         ORDER BY start_at DESC LIMIT ?2 OFFSET ?3"
    ))?;
    let items = stmt
        .query_map(params![slo_id, limit, offset], reading_from)?
        .map(|x| {
            x.map(|(mut s, r)| {
                s.burn_rate = slos::burn_rates(&l.spec, std::slice::from_ref(&r))
                    .first()
                    .map_or(0.0, |p| p.1);
                s
            })
        })
        .collect::<rusqlite::Result<_>>()?;
    Ok(Page {
        total,
        offset,
        items,
    })
}

/// Checks a reading as typed and turns it into the arithmetic's form.
pub(crate) fn check_reading(input: &ReadingInput) -> Result<Reading> {
    let start = super::instant("start", "The start", &input.start)?;
    let end = super::instant("end", "The end", &input.end)?;
    if input.good < 0 {
        return Err(Error::invalid("good", "Good events cannot be negative"));
    }
    if input.total < 0 {
        return Err(Error::invalid("total", "The total cannot be negative"));
    }
    use chrono::Timelike;
    let r = Reading {
        start: start.with_nanosecond(0).unwrap_or(start),
        end: end.with_nanosecond(0).unwrap_or(end),
        good: input.good as u64,
        total: input.total as u64,
        bad_minutes: input.bad_minutes,
    };
    r.validate()?;
    Ok(r)
}

/// Stored readings of `slo_id` that overlap `[start, end)`, except `except`, as (start, end).
pub(crate) fn overlapping(
    db: &Db,
    slo_id: &str,
    r: &Reading,
    except: Option<&str>,
) -> Result<Vec<(String, String)>> {
    let mut stmt = db.conn().prepare_cached(
        "SELECT start_at, end_at FROM slo_readings
         WHERE slo_id = ?1 AND start_at < ?3 AND end_at > ?2 AND id IS NOT ?4
         ORDER BY start_at LIMIT 3",
    )?;
    let found = stmt
        .query_map(
            params![slo_id, stamp(r.start), stamp(r.end), except],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

pub(crate) fn overlap_error(found: &[(String, String)]) -> Error {
    let (s, e) = &found[0];
    Error::invalid(
        "start",
        format!(
            "This period overlaps the reading from {s} to {e}; its events would count twice. \
             Change the times, or edit that reading instead"
        ),
    )
}

/// Only time-based SLOs have bad minutes.
fn check_method(l: &Loaded, r: &Reading) -> Result<()> {
    if r.bad_minutes.is_some() && matches!(l.spec.method, BudgetingMethod::Occurrences) {
        return Err(Error::invalid(
            "bad_minutes",
            "Bad minutes are for time-based (Timeslices) SLOs; this one counts events",
        ));
    }
    Ok(())
}

pub(crate) fn insert_reading(
    conn: &rusqlite::Connection,
    slo_id: &str,
    r: &Reading,
) -> Result<String> {
    let (id, now) = (clock::new_id(), clock::now());
    conn.prepare_cached(
        "INSERT INTO slo_readings (id, slo_id, start_at, end_at, good, total, bad_minutes,
                                   created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute(params![
        id,
        slo_id,
        stamp(r.start),
        stamp(r.end),
        r.good as i64,
        r.total as i64,
        r.bad_minutes,
        now
    ])?;
    Ok(id)
}

fn get_reading(db: &Db, id: &str) -> Result<StoredReading> {
    let (mut s, r) = db
        .conn()
        .prepare_cached(&format!(
            "SELECT {READING_COLUMNS} FROM slo_readings WHERE id = ?1"
        ))?
        .query_row([id], reading_from)
        .optional()?
        .ok_or_else(|| Error::not_found("SLO reading", id))?;
    let l = load_one(db, &s.slo_id)?;
    s.burn_rate = slos::burn_rates(&l.spec, &[r]).first().map_or(0.0, |p| p.1);
    Ok(s)
}

/// Adds a reading typed by hand. A period that overlaps a stored reading is refused.
pub fn reading_add(db: &Db, slo_id: &str, input: &ReadingInput) -> Result<StoredReading> {
    let l = load_one(db, slo_id)?;
    let r = check_reading(input)?;
    check_method(&l, &r)?;
    let found = overlapping(db, slo_id, &r, None)?;
    if !found.is_empty() {
        return Err(overlap_error(&found));
    }
    let id = insert_reading(db.conn(), slo_id, &r)?;
    get_reading(db, &id)
}

/// Corrects a reading from `version`.
pub fn reading_update(
    db: &Db,
    id: &str,
    version: i64,
    input: &ReadingInput,
) -> Result<StoredReading> {
    let current = get_reading(db, id)?;
    let l = load_one(db, &current.slo_id)?;
    let r = check_reading(input)?;
    check_method(&l, &r)?;
    let found = overlapping(db, &current.slo_id, &r, Some(id))?;
    if !found.is_empty() {
        return Err(overlap_error(&found));
    }
    let unit = db.unit()?;
    records::bump(db, "slo_readings", id, version, || get_reading(db, id))?;
    db.conn().execute(
        "UPDATE slo_readings SET start_at = ?2, end_at = ?3, good = ?4, total = ?5, bad_minutes = ?6
         WHERE id = ?1",
        params![
            id,
            stamp(r.start),
            stamp(r.end),
            r.good as i64,
            r.total as i64,
            r.bad_minutes
        ],
    )?;
    unit.commit()?;
    get_reading(db, id)
}

pub fn reading_delete(db: &Db, id: &str) -> Result<TrashEntry> {
    let r = get_reading(db, id)?;
    let l = load_one(db, &r.slo_id)?;
    trash::delete(
        db,
        TrashKind::Reading,
        id,
        &format!("{} reading {} – {}", l.name, r.start, r.end),
    )
}

// ---------------------------------------------------------------------------------------
// Where an SLO stands.

/// The policy steps of every service, by service id.
pub(crate) fn steps_by_service(db: &Db) -> Result<HashMap<String, Vec<PolicyStep>>> {
    let mut stmt = db
        .conn()
        .prepare_cached("SELECT id, steps FROM budget_policies")?;
    let rows: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows
        .into_iter()
        .map(|(id, json)| {
            (
                id,
                serde_json::from_str(&json).unwrap_or_else(|_| slos::default_steps()),
            )
        })
        .collect())
}

/// The figures of one SLO at `now`.
pub(crate) struct Standing {
    pub status: BudgetStatus,
    pub state: PolicyState,
    pub alerts: Vec<AlertEval>,
    pub readings: Vec<Reading>,
}

pub(crate) fn standing(
    db: &Db,
    l: &Loaded,
    steps: &[PolicyStep],
    now: DateTime<Utc>,
) -> Result<Standing> {
    let readings = relevant_readings(db, l, now)?;
    let status = slos::status(&l.spec, &readings, now);
    let state = slos::state_for(steps, status.remaining);
    let alerts = slos::evaluate(&l.spec, &readings, None);
    Ok(Standing {
        status,
        state,
        alerts,
        readings,
    })
}

/// "43.2 bad minutes over 30 days" or "1,000 bad events of the 1,000,000 seen".
fn allowance(spec: &SloSpec, s: &BudgetStatus) -> String {
    let days = s.minutes_total / 1440.0;
    match spec.method {
        BudgetingMethod::Timeslices { .. } => format!(
            "{} bad minutes over {} days ({} of the budget)",
            number(s.minutes_allowed),
            number(days),
            super::percent(s.budget)
        ),
        BudgetingMethod::Occurrences => format!(
            "{} bad events of the {} seen in the window; at this error budget that is {} bad \
             minutes of a {}-day window",
            number(s.events_allowed),
            number(s.events_total),
            number(s.minutes_allowed),
            number(days)
        ),
    }
}

/// A figure with thousands separators and at most 4 decimals: "1,000,000", "43.2".
pub fn number(x: f64) -> String {
    let x = slos::spec::tidy(x);
    let neg = x < 0.0;
    let s = format!("{:.4}", x.abs());
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!(
        "{}{grouped}{}{frac}",
        if neg { "-" } else { "" },
        if frac.is_empty() { "" } else { "." }
    )
}

/// The SLO screen at `now`.
pub fn view(db: &Db, id: &str, now: DateTime<Utc>) -> Result<SloView> {
    let slo = get(db, id)?;
    let l = load_one(db, id)?;
    let steps = steps_by_service(db)?
        .remove(&l.service_id)
        .unwrap_or_else(slos::default_steps);
    let st = standing(db, &l, &steps, now)?;
    let (ws, we) = (st.status.window_start, st.status.window_end);
    let in_window: Vec<Reading> = st
        .readings
        .iter()
        .filter(|r| r.end > ws && r.start < we)
        .cloned()
        .collect();
    let readings_total: i64 = db.conn().query_row(
        "SELECT count(*) FROM slo_readings WHERE slo_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let mut sorted = in_window.clone();
    sorted.sort_by_key(|r| (r.end, r.start));
    let burn_rates = sorted
        .iter()
        .map(|r| BurnRatePoint {
            start: r.start,
            end: r.end,
            rate: slos::burn_rates(&l.spec, std::slice::from_ref(r))
                .first()
                .map_or(0.0, |p| p.1),
        })
        .collect();
    Ok(SloView {
        allowance: allowance(&l.spec, &st.status),
        burndown: slos::burndown(&l.spec, &in_window, now),
        burn_rates,
        status: st.status,
        state: st.state,
        steps,
        alerts: st.alerts,
        slo,
        readings_total,
    })
}

pub(crate) fn summary_of(l: &Loaded, st: &Standing) -> SloSummary {
    let s = &st.status;
    SloSummary {
        id: l.id.clone(),
        name: l.name.clone(),
        display_name: l.display_name.clone(),
        service_id: l.service_id.clone(),
        service_name: l.service_name.clone(),
        target: l.spec.target,
        window: l.spec.window.text(),
        method: method_columns(&l.spec.method).0,
        events_total: s.events_total,
        events_bad: s.events_bad,
        events_allowed: s.events_allowed,
        minutes_bad: s.minutes_bad,
        minutes_allowed: s.minutes_allowed,
        consumed: s.consumed,
        remaining: s.remaining,
        burn_rate: s.burn_rate,
        attainment: s.attainment,
        projected_exhaustion: s.projected_exhaustion,
        state: st.state,
        firing: st
            .alerts
            .iter()
            .filter(|a| a.fires)
            .map(|a| a.name.clone())
            .collect(),
        readings_used: s.readings_used,
        evidence_warning: !l.has_evidence,
    }
}

/// Every SLO (of one service when given) at `now`, by service then name.
pub fn summaries(db: &Db, service_id: Option<&str>, now: DateTime<Utc>) -> Result<Vec<SloSummary>> {
    let steps = steps_by_service(db)?;
    let default = slos::default_steps();
    loaded(db, service_id)?
        .iter()
        .map(|l| {
            let st = standing(db, l, steps.get(&l.service_id).unwrap_or(&default), now)?;
            Ok(summary_of(l, &st))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(number(1_000_000.0), "1,000,000");
        assert_eq!(number(43.2), "43.2");
        assert_eq!(number(-1234.5), "-1,234.5");
        assert_eq!(number(0.0), "0");
        assert_eq!(number(999.99999), "1,000");
    }

    #[test]
    fn slice_minutes_as_typed() {
        assert_eq!(parse_slice_minutes("5").unwrap(), 5);
        assert_eq!(parse_slice_minutes("5m").unwrap(), 5);
        assert_eq!(parse_slice_minutes(" 1h ").unwrap(), 60);
        for bad in ["", "0", "1441", "x", "25h"] {
            assert_eq!(
                parse_slice_minutes(bad).unwrap_err().field(),
                Some("slice_minutes"),
                "{bad}"
            );
        }
    }
}
