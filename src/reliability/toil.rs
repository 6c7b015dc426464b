//! The toil log: manual, repetitive work a team does to keep a service running, with the six
//! traits that make it toil, and each team's weekly share of it against the 50% cap.
//!
//! An entry is a task of `minutes` that happens at a `frequency` from `started_on` (until
//! `ended_on`, when it stopped). Its minutes in a week (Monday to Sunday):
//! - `once`: its minutes in the week of `started_on`;
//! - `daily`: its minutes on each working day (Monday to Friday) it ran that week;
//! - `weekly`: its minutes in each week it ran;
//! - `monthly`: its minutes × 12 ÷ 52 in each week it ran.
//!
//! A team's week has `engineers × hours a week × 60` working minutes: the team's size as set
//! here, else its active people in People (by team name, case and accents ignored) at 40
//! hours. The share is toil minutes ÷ working minutes; above 50% the week is over the cap.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::slos::spec::tidy;
use super::Named;
use crate::clock::{self, parse_date};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::paging::{Page, PageRequest};
use crate::people::name_key;
use crate::records;
use crate::trash::{self, TrashEntry, TrashKind};
use crate::validate;

/// Above this share of a team's week, toil crowds out engineering work.
pub const CAP: f64 = 0.5;
pub const DEFAULT_HOURS: f64 = 40.0;

crate::text_enum! {
    #[ts(export)]
    pub enum Frequency {
        Once = "once",
        Daily = "daily",
        Weekly = "weekly",
        Monthly = "monthly",
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ToilTraits {
    pub manual: bool,
    pub repetitive: bool,
    pub automatable: bool,
    pub tactical: bool,
    pub no_enduring_value: bool,
    pub grows_with_service: bool,
}

impl ToilTraits {
    pub fn count(self) -> u8 {
        [
            self.manual,
            self.repetitive,
            self.automatable,
            self.tactical,
            self.no_enduring_value,
            self.grows_with_service,
        ]
        .iter()
        .filter(|t| **t)
        .count() as u8
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ToilInput {
    pub team: String,
    pub task: String,
    pub service_id: Option<String>,
    pub person_id: Option<String>,
    #[ts(type = "number")]
    pub minutes: i64,
    pub frequency: Frequency,
    /// `YYYY-MM-DD`.
    pub started_on: String,
    /// `YYYY-MM-DD`, or empty while it still happens.
    pub ended_on: String,
    pub traits: ToilTraits,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ToilEntry {
    pub id: String,
    pub team: String,
    pub task: String,
    pub service: Option<Named>,
    pub person: Option<Named>,
    #[ts(type = "number")]
    pub minutes: i64,
    pub frequency: Frequency,
    pub started_on: String,
    pub ended_on: Option<String>,
    pub traits: ToilTraits,
    /// How many of the six traits it has; fewer than three is a hint it may not be toil.
    pub trait_count: u8,
    /// Its minutes in a full week while it runs (a `once` entry: its minutes).
    pub weekly_minutes: f64,
    pub form: ToilInput,
    pub version: i64,
}

/// One team's toil in one week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ToilWeek {
    pub team: String,
    /// The Monday.
    pub week_start: String,
    pub toil_minutes: f64,
    /// `null` when the team's size is unknown.
    pub capacity_minutes: Option<f64>,
    pub share: Option<f64>,
    pub over_cap: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TeamCapacity {
    pub team: String,
    pub engineers: i64,
    pub hours_per_week: f64,
    /// True when set here, false when counted from People.
    pub set: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ToilFilter {
    #[serde(default)]
    #[ts(optional)]
    pub team: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub page: Option<PageRequest>,
}

/// An entry's minutes in the week starting on Monday `monday`.
pub fn minutes_in_week(
    minutes: i64,
    frequency: Frequency,
    started: NaiveDate,
    ended: Option<NaiveDate>,
    monday: NaiveDate,
) -> f64 {
    let sunday = monday + Duration::days(6);
    let first = started.max(monday);
    let last = ended.map_or(sunday, |e| e.min(sunday));
    if first > last {
        return 0.0;
    }
    let m = minutes as f64;
    tidy(match frequency {
        Frequency::Once => {
            if started >= monday && started <= sunday {
                m
            } else {
                0.0
            }
        }
        Frequency::Daily => {
            let mut days = 0;
            let mut d = first;
            while d <= last {
                if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                    days += 1;
                }
                d += Duration::days(1);
            }
            m * f64::from(days)
        }
        Frequency::Weekly => m,
        Frequency::Monthly => m * 12.0 / 52.0,
    })
}

/// The Monday of `d`'s week.
pub fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn named(id: Option<String>, name: Option<String>) -> Option<Named> {
    match (id, name) {
        (Some(id), Some(name)) => Some(Named { id, name }),
        _ => None,
    }
}

const COLUMNS: &str = "t.id, t.team, t.task, t.service_id, coalesce(v.display_name, v.name),
     t.person_id, p.name, t.minutes, t.frequency, t.started_on, t.ended_on, t.manual,
     t.repetitive, t.automatable, t.tactical, t.no_enduring_value, t.grows_with_service, t.notes,
     t.version";
const FROM: &str = "FROM toil_entries t LEFT JOIN services v ON v.id = t.service_id
     LEFT JOIN people p ON p.id = t.person_id";

fn from_row(r: &Row) -> rusqlite::Result<ToilEntry> {
    let traits = ToilTraits {
        manual: r.get(11)?,
        repetitive: r.get(12)?,
        automatable: r.get(13)?,
        tactical: r.get(14)?,
        no_enduring_value: r.get(15)?,
        grows_with_service: r.get(16)?,
    };
    let service = named(r.get(3)?, r.get(4)?);
    let person = named(r.get(5)?, r.get(6)?);
    let minutes: i64 = r.get(7)?;
    let frequency: Frequency = r.get(8)?;
    let started_on: String = r.get(9)?;
    let ended_on: Option<String> = r.get(10)?;
    let weekly_minutes = tidy(match frequency {
        Frequency::Once | Frequency::Weekly => minutes as f64,
        Frequency::Daily => minutes as f64 * 5.0,
        Frequency::Monthly => minutes as f64 * 12.0 / 52.0,
    });
    let form = ToilInput {
        team: r.get(1)?,
        task: r.get(2)?,
        service_id: service.as_ref().map(|s| s.id.clone()),
        person_id: person.as_ref().map(|p| p.id.clone()),
        minutes,
        frequency,
        started_on: started_on.clone(),
        ended_on: ended_on.clone().unwrap_or_default(),
        traits,
        notes: r.get(17)?,
    };
    Ok(ToilEntry {
        id: r.get(0)?,
        team: form.team.clone(),
        task: form.task.clone(),
        service,
        person,
        minutes,
        frequency,
        started_on,
        ended_on,
        trait_count: traits.count(),
        traits,
        weekly_minutes,
        form,
        version: r.get(18)?,
    })
}

pub fn get(db: &Db, id: &str) -> Result<ToilEntry> {
    db.conn()
        .prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE t.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("toil entry", id))
}

/// One page of entries, newest first (of one team when given, matched case-insensitively).
pub fn list(db: &Db, filter: &ToilFilter) -> Result<Page<ToilEntry>> {
    let (limit, offset) = filter.page.unwrap_or_default().sql();
    let team = filter
        .team
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let mut all: Vec<ToilEntry> = db
        .conn()
        .prepare_cached(&format!(
            "SELECT {COLUMNS} {FROM} ORDER BY t.started_on DESC, t.created_at DESC"
        ))?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    if let Some(t) = team {
        let key = name_key(t);
        all.retain(|e| name_key(&e.team) == key);
    }
    let total = all.len() as i64;
    let items = all
        .into_iter()
        .skip(offset as usize)
        .take(limit as usize)
        .collect();
    Ok(Page {
        total,
        offset,
        items,
    })
}

struct Clean {
    team: String,
    task: String,
    service_id: Option<String>,
    person_id: Option<String>,
    started: NaiveDate,
    ended: Option<NaiveDate>,
    notes: String,
}

fn check(db: &Db, input: &ToilInput) -> Result<Clean> {
    let team = validate::required_line("team", "Team", &input.team, 80)?;
    let task = validate::required_line("task", "Task", &input.task, 300)?;
    if !(1..=10_080).contains(&input.minutes) {
        return Err(Error::invalid(
            "minutes",
            "Minutes per occurrence are 1 to 10,080 (a week)",
        ));
    }
    let started = parse_date("started_on", "The start", &input.started_on)?;
    let ended = if input.ended_on.trim().is_empty() {
        None
    } else {
        let e = parse_date("ended_on", "The end", &input.ended_on)?;
        if e < started {
            return Err(Error::invalid(
                "ended_on",
                "It must stop on or after the day it started",
            ));
        }
        Some(e)
    };
    let service_id = match input.service_id.as_deref().map(str::trim) {
        Some(id) if !id.is_empty() => {
            let exists: bool = db.conn().query_row(
                "SELECT EXISTS (SELECT 1 FROM services WHERE id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(Error::invalid("service_id", "That service does not exist"));
            }
            Some(id.to_owned())
        }
        _ => None,
    };
    let person_id = match input.person_id.as_deref().map(str::trim) {
        Some(id) if !id.is_empty() => Some(super::active_person(db, id, "person_id")?.id),
        _ => None,
    };
    Ok(Clean {
        team,
        task,
        service_id,
        person_id,
        started,
        ended,
        notes: validate::optional("notes", "Notes", &input.notes, 4000)?,
    })
}

pub fn create(db: &Db, input: &ToilInput) -> Result<ToilEntry> {
    let c = check(db, input)?;
    let t = input.traits;
    let (id, now) = (clock::new_id(), clock::now());
    db.conn().execute(
        "INSERT INTO toil_entries (id, team, task, service_id, person_id, minutes, frequency,
                                   started_on, ended_on, manual, repetitive, automatable, tactical,
                                   no_enduring_value, grows_with_service, notes, created_at,
                                   updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)",
        params![
            id,
            c.team,
            c.task,
            c.service_id,
            c.person_id,
            input.minutes,
            input.frequency,
            c.started.to_string(),
            c.ended.map(|d| d.to_string()),
            t.manual,
            t.repetitive,
            t.automatable,
            t.tactical,
            t.no_enduring_value,
            t.grows_with_service,
            c.notes,
            now
        ],
    )?;
    get(db, &id)
}

pub fn update(db: &Db, id: &str, version: i64, input: &ToilInput) -> Result<ToilEntry> {
    let c = check(db, input)?;
    let t = input.traits;
    let unit = db.unit()?;
    records::bump(db, "toil_entries", id, version, || get(db, id))?;
    db.conn().execute(
        "UPDATE toil_entries SET team = ?2, task = ?3, service_id = ?4, person_id = ?5,
                minutes = ?6, frequency = ?7, started_on = ?8, ended_on = ?9, manual = ?10,
                repetitive = ?11, automatable = ?12, tactical = ?13, no_enduring_value = ?14,
                grows_with_service = ?15, notes = ?16
         WHERE id = ?1",
        params![
            id,
            c.team,
            c.task,
            c.service_id,
            c.person_id,
            input.minutes,
            input.frequency,
            c.started.to_string(),
            c.ended.map(|d| d.to_string()),
            t.manual,
            t.repetitive,
            t.automatable,
            t.tactical,
            t.no_enduring_value,
            t.grows_with_service,
            c.notes
        ],
    )?;
    unit.commit()?;
    get(db, id)
}

pub fn delete(db: &Db, id: &str) -> Result<TrashEntry> {
    let e = get(db, id)?;
    trash::delete(
        db,
        TrashKind::Toil,
        id,
        &format!("Toil: {} ({})", e.task, e.team),
    )
}

/// Every team named by the toil log, with its size: as set here, else counted from People.
pub fn capacities(db: &Db) -> Result<Vec<TeamCapacity>> {
    let teams: Vec<String> = db
        .conn()
        .prepare_cached("SELECT DISTINCT team FROM toil_entries ORDER BY team COLLATE NOCASE")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let set: Vec<(String, String, i64, f64)> = db
        .conn()
        .prepare_cached("SELECT team_key, team, engineers, hours_per_week FROM toil_teams")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let people: Vec<String> = db
        .conn()
        .prepare_cached("SELECT team FROM people WHERE archived_at IS NULL")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out: Vec<TeamCapacity> = Vec::new();
    for team in teams {
        let key = name_key(&team);
        if out.iter().any(|c| name_key(&c.team) == key) {
            continue;
        }
        out.push(match set.iter().find(|s| s.0 == key) {
            Some((_, _, engineers, hours)) => TeamCapacity {
                team,
                engineers: *engineers,
                hours_per_week: *hours,
                set: true,
            },
            None => TeamCapacity {
                engineers: people.iter().filter(|p| name_key(p) == key).count() as i64,
                team,
                hours_per_week: DEFAULT_HOURS,
                set: false,
            },
        });
    }
    Ok(out)
}

/// Sets a team's size for the weekly share (engineers and hours a week).
pub fn set_capacity(
    db: &Db,
    team: &str,
    engineers: i64,
    hours_per_week: f64,
) -> Result<TeamCapacity> {
    let team = validate::required_line("team", "Team", team, 80)?;
    if !(1..=1000).contains(&engineers) {
        return Err(Error::invalid(
            "engineers",
            "A team has 1 to 1,000 engineers",
        ));
    }
    if !(hours_per_week > 0.0 && hours_per_week <= 80.0) {
        return Err(Error::invalid(
            "hours_per_week",
            "Hours a week are above 0 and at most 80",
        ));
    }
    db.conn().execute(
        "INSERT INTO toil_teams (id, team_key, team, engineers, hours_per_week, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (team_key) DO UPDATE SET team = ?3, engineers = ?4, hours_per_week = ?5,
                                             updated_at = ?6",
        params![
            clock::new_id(),
            name_key(&team),
            team,
            engineers,
            hours_per_week,
            clock::now()
        ],
    )?;
    Ok(TeamCapacity {
        team,
        engineers,
        hours_per_week,
        set: true,
    })
}

/// Each team's toil share in the `weeks` weeks up to `today`'s (oldest first, by team).
pub fn weekly(db: &Db, weeks: u32, today: NaiveDate) -> Result<Vec<ToilWeek>> {
    let weeks = weeks.clamp(1, 104);
    let last = monday_of(today);
    let first = last - Duration::weeks(i64::from(weeks) - 1);
    let entries: Vec<(String, i64, Frequency, String, Option<String>)> = db
        .conn()
        .prepare_cached(
            "SELECT team, minutes, frequency, started_on, ended_on FROM toil_entries
             WHERE started_on <= ?2 AND (ended_on IS NULL OR ended_on >= ?1)",
        )?
        .query_map(
            params![first.to_string(), (last + Duration::days(6)).to_string()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?
        .collect::<rusqlite::Result<_>>()?;
    let caps = capacities(db)?;
    let mut out = Vec::new();
    for cap in &caps {
        let key = name_key(&cap.team);
        let mine: Vec<_> = entries.iter().filter(|e| name_key(&e.0) == key).collect();
        let capacity =
            (cap.engineers > 0).then(|| tidy(cap.engineers as f64 * cap.hours_per_week * 60.0));
        for w in 0..weeks {
            let monday = first + Duration::weeks(i64::from(w));
            let toil = tidy(
                mine.iter()
                    .map(|(_, minutes, freq, started, ended)| {
                        let s = NaiveDate::parse_from_str(started, "%Y-%m-%d").unwrap_or(monday);
                        let e = ended
                            .as_deref()
                            .and_then(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").ok());
                        minutes_in_week(*minutes, *freq, s, e, monday)
                    })
                    .sum(),
            );
            let share = capacity.map(|c| tidy(toil / c));
            out.push(ToilWeek {
                team: cap.team.clone(),
                week_start: monday.to_string(),
                toil_minutes: toil,
                capacity_minutes: capacity,
                share,
                over_cap: share.is_some_and(|s| s > CAP),
            });
        }
    }
    Ok(out)
}
