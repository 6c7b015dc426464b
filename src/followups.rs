//! Following up with users: a person, a reason, what it is about (a deliverable, a release or
//! an interview), a due date, and an outcome once done. Marking a deliverable done offers
//! follow-ups for its stakeholders and the people interviewed about it; people not contacted
//! for N weeks are listed, core users first.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock;
use crate::clock::parse_date;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::paging::{Page, PageRequest};
use crate::people::{self, Person};
use crate::records;
use crate::roadmaps::DeliverableStatus;
use crate::trash::{self, TrashEntry, TrashKind};
use crate::validate;

pub const REASON_MAX: usize = 500;
pub const OUTCOME_MAX: usize = 5_000;
/// A follow-up offered after a release is due a week later: long enough to have used it.
pub const OFFER_DAYS: i64 = 7;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FollowUpInput {
    pub person_id: String,
    pub reason: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
    pub deliverable_id: Option<String>,
    pub interview_id: Option<String>,
    /// A release name or version, as the team calls it; may be empty.
    pub release: String,
}

crate::text_enum! {
    #[ts(export)]
    pub enum FollowUpState {
        Upcoming = "upcoming",
        DueToday = "due-today",
        Overdue = "overdue",
        Done = "done",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FollowUp {
    pub id: String,
    pub person_id: String,
    pub person_name: String,
    pub core_user: bool,
    pub reason: String,
    pub due_on: String,
    pub deliverable_id: Option<String>,
    pub deliverable_title: Option<String>,
    /// The roadmap holding the linked deliverable, to open it.
    pub roadmap_id: Option<String>,
    pub interview_id: Option<String>,
    pub interview_title: Option<String>,
    pub release: String,
    pub done_on: Option<String>,
    pub outcome: String,
    pub state: FollowUpState,
    /// Days past due (0 unless overdue).
    pub days_overdue: i64,
    pub version: i64,
}

/// Which follow-ups, and which page of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FollowUpQuery {
    pub show: FollowUpFilter,
    #[serde(default)]
    #[ts(optional)]
    pub page: Option<PageRequest>,
}

crate::text_enum! {
    #[ts(export)]
    pub enum FollowUpFilter {
        Open = "open",
        Done = "done",
        All = "all",
    }
}

const SELECT: &str = "SELECT f.id, f.person_id, p.name, p.core_user, f.reason, f.due_on,
        f.deliverable_id, d.title, w.roadmap_id, f.interview_id, i.title, f.release, f.done_on, f.outcome,
        f.version
     FROM followups f JOIN people p ON p.id = f.person_id
     LEFT JOIN deliverables d ON d.id = f.deliverable_id
     LEFT JOIN roadmap_rows w ON w.id = d.row_id
     LEFT JOIN interviews i ON i.id = f.interview_id";

fn from_row(r: &Row, today: NaiveDate) -> rusqlite::Result<FollowUp> {
    let due_on: String = r.get(5)?;
    let done_on: Option<String> = r.get(12)?;
    let due = NaiveDate::parse_from_str(&due_on, "%Y-%m-%d").unwrap_or(today);
    let state = match (&done_on, due.cmp(&today)) {
        (Some(_), _) => FollowUpState::Done,
        (None, std::cmp::Ordering::Less) => FollowUpState::Overdue,
        (None, std::cmp::Ordering::Equal) => FollowUpState::DueToday,
        (None, std::cmp::Ordering::Greater) => FollowUpState::Upcoming,
    };
    Ok(FollowUp {
        id: r.get(0)?,
        person_id: r.get(1)?,
        person_name: r.get(2)?,
        core_user: r.get(3)?,
        reason: r.get(4)?,
        deliverable_id: r.get(6)?,
        deliverable_title: r.get(7)?,
        roadmap_id: r.get(8)?,
        interview_id: r.get(9)?,
        interview_title: r.get(10)?,
        release: r.get(11)?,
        outcome: r.get(13)?,
        days_overdue: if state == FollowUpState::Overdue {
            (today - due).num_days()
        } else {
            0
        },
        state,
        due_on,
        done_on,
        version: r.get(14)?,
    })
}

pub fn get(db: &Db, id: &str, today: NaiveDate) -> Result<FollowUp> {
    db.conn()
        .query_row(&format!("{SELECT} WHERE f.id = ?1"), [id], |r| {
            from_row(r, today)
        })
        .optional()?
        .ok_or_else(|| Error::not_found("follow-up", id))
}

fn filter_sql(filter: FollowUpFilter) -> &'static str {
    match filter {
        FollowUpFilter::Open => "WHERE f.done_on IS NULL",
        FollowUpFilter::Done => "WHERE f.done_on IS NOT NULL",
        FollowUpFilter::All => "",
    }
}

/// One page: open ones by due date (overdue first), then done ones most recent first.
pub fn list(db: &Db, query: &FollowUpQuery, today: NaiveDate) -> Result<Page<FollowUp>> {
    let where_ = filter_sql(query.show);
    let (limit, offset) = query.page.unwrap_or_default().sql();
    let total: i64 = db
        .conn()
        .prepare_cached(&format!("SELECT count(*) FROM followups f {where_}"))?
        .query_row([], |r| r.get(0))?;
    let items = db
        .conn()
        .prepare_cached(&format!(
            "{SELECT} {where_} ORDER BY f.done_on IS NOT NULL, f.done_on DESC, f.due_on,
                      p.core_user DESC, p.name COLLATE NOCASE, f.id
             LIMIT ?1 OFFSET ?2"
        ))?
        .query_map([limit, offset], |r| from_row(r, today))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Page {
        total,
        offset,
        items,
    })
}

/// Open follow-ups due on or before `today`, most overdue first.
pub fn due(db: &Db, today: NaiveDate) -> Result<Vec<FollowUp>> {
    let all = db
        .conn()
        .prepare_cached(&format!(
            "{SELECT} WHERE f.done_on IS NULL AND f.due_on <= ?1
             ORDER BY f.due_on, p.core_user DESC, p.name COLLATE NOCASE, f.id"
        ))?
        .query_map([today.to_string()], |r| from_row(r, today))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(all)
}

fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

struct Checked {
    person: String,
    reason: String,
    due: NaiveDate,
    deliverable: Option<String>,
    interview: Option<String>,
    release: String,
}

fn check(db: &Db, input: &FollowUpInput, today: NaiveDate) -> Result<Checked> {
    let person = people::get_active(
        db,
        input.person_id.trim(),
        "person_id",
        "Pick who to follow up with",
    )?;
    let reason = validate::required("reason", "Reason", &input.reason, REASON_MAX)?;
    let due = parse_date("due_on", "Due date", &input.due_on)?;
    if due < today {
        return Err(Error::invalid(
            "due_on",
            format!("The due date {due} is in the past; pick today or later"),
        ));
    }
    let exists =
        |sql: &str, id: &str| -> Result<bool> { Ok(db.conn().query_row(sql, [id], |r| r.get(0))?) };
    let deliverable = non_empty(&input.deliverable_id).map(str::to_owned);
    if let Some(d) = &deliverable {
        if !exists(
            "SELECT EXISTS (SELECT 1 FROM deliverables WHERE id = ?1)",
            d,
        )? {
            return Err(Error::invalid(
                "deliverable_id",
                "That deliverable no longer exists",
            ));
        }
    }
    let interview = non_empty(&input.interview_id).map(str::to_owned);
    if let Some(i) = &interview {
        if !exists("SELECT EXISTS (SELECT 1 FROM interviews WHERE id = ?1)", i)? {
            return Err(Error::invalid(
                "interview_id",
                "That interview no longer exists",
            ));
        }
    }
    let release = validate::single_line("release", "Release", &input.release, 120)?;
    Ok(Checked {
        person: person.id,
        reason,
        due,
        deliverable,
        interview,
        release,
    })
}

fn insert(conn: &rusqlite::Connection, c: &Checked) -> Result<String> {
    let (id, now) = (clock::new_id(), clock::now());
    conn.execute(
        "INSERT INTO followups (id, person_id, reason, deliverable_id, interview_id, release, due_on,
                                created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            id,
            c.person,
            c.reason,
            c.deliverable,
            c.interview,
            c.release,
            c.due.to_string(),
            now
        ],
    )?;
    Ok(id)
}

pub fn create(db: &Db, input: &FollowUpInput, today: NaiveDate) -> Result<FollowUp> {
    let c = check(db, input, today)?;
    let id = insert(db.conn(), &c)?;
    get(db, &id, today)
}

/// Creates several follow-ups at once (the offer after a release): all or none.
pub fn create_many(db: &Db, inputs: &[FollowUpInput], today: NaiveDate) -> Result<Vec<FollowUp>> {
    if inputs.is_empty() {
        return Err(Error::invalid(
            "people",
            "Pick at least one person to follow up with",
        ));
    }
    let checked = inputs
        .iter()
        .map(|i| check(db, i, today))
        .collect::<Result<Vec<_>>>()?;
    let unit = db.unit()?;
    let tx = db.conn();
    let ids = checked
        .iter()
        .map(|c| insert(tx, c))
        .collect::<Result<Vec<_>>>()?;
    unit.commit()?;
    ids.iter().map(|id| get(db, id, today)).collect()
}

/// Saves an edit (person, reason, due date, links) made from `version`.
pub fn update(
    db: &Db,
    id: &str,
    version: i64,
    input: &FollowUpInput,
    today: NaiveDate,
) -> Result<FollowUp> {
    let current = get(db, id, today)?;
    if current.done_on.is_some() {
        return Err(Error::invalid(
            "reason",
            "This follow-up is done; reopen it to change it",
        ));
    }
    // An overdue follow-up keeps its date when only the reason or links change.
    let c = if input.due_on.trim() == current.due_on {
        check(
            db,
            input,
            today.min(parse_date("due_on", "Due date", &current.due_on)?),
        )?
    } else {
        check(db, input, today)?
    };
    let unit = db.unit()?;
    records::bump(db, "followups", id, version, || get(db, id, today))?;
    db.conn().execute(
        "UPDATE followups SET person_id = ?2, reason = ?3, deliverable_id = ?4, interview_id = ?5,
                release = ?6, due_on = ?7 WHERE id = ?1",
        params![
            id,
            c.person,
            c.reason,
            c.deliverable,
            c.interview,
            c.release,
            c.due.to_string()
        ],
    )?;
    unit.commit()?;
    get(db, id, today)
}

/// Marks a follow-up done on `today`; what came of it is required.
pub fn complete(db: &Db, id: &str, outcome: &str, today: NaiveDate) -> Result<FollowUp> {
    let outcome = validate::required("outcome", "Outcome (what you heard)", outcome, OUTCOME_MAX)?;
    if get(db, id, today)?.done_on.is_some() {
        return Err(Error::invalid("outcome", "This follow-up is already done"));
    }
    db.conn().execute(
        "UPDATE followups SET done_on = ?2, outcome = ?3, updated_at = ?4, version = version + 1
         WHERE id = ?1",
        params![id, today.to_string(), outcome, clock::now()],
    )?;
    get(db, id, today)
}

/// Back to open, keeping the outcome text for reference until it is done again.
pub fn reopen(db: &Db, id: &str, today: NaiveDate) -> Result<FollowUp> {
    get(db, id, today)?;
    db.conn().execute(
        "UPDATE followups SET done_on = NULL, updated_at = ?2, version = version + 1 WHERE id = ?1",
        params![id, clock::now()],
    )?;
    get(db, id, today)
}

/// Moves the follow-up to the trash.
pub fn delete(db: &Db, id: &str) -> Result<TrashEntry> {
    let f = get(db, id, clock::Zone::UTC.today())?;
    trash::delete(
        db,
        TrashKind::FollowUp,
        id,
        &format!("{}: {}", f.person_name, f.reason),
    )
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Candidate {
    pub person: Person,
    /// Why they are offered: "stakeholder (Platform team)", "interviewed in “CI pain”".
    pub why: String,
    /// They already have an open follow-up about this deliverable.
    pub already_open: bool,
}

/// What marking a deliverable done offers: who to follow up with, a reason and a due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FollowUpOffer {
    pub deliverable_id: String,
    pub deliverable_title: String,
    pub project: String,
    pub reason: String,
    pub due_on: String,
    pub candidates: Vec<Candidate>,
    /// Parts of the row's stakeholders that match no one in People (e.g. "Eng leads at
    /// company"): the user picks those people by hand.
    pub unmatched_stakeholders: Vec<String>,
}

/// Splits free-text stakeholders ("Ana Lima, Platform team & Bo") into names.
fn stakeholder_parts(text: &str) -> Vec<String> {
    text.split([',', ';', '&', '/', '\n'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The follow-ups to offer once deliverable `id` is done: each stakeholder part matched to a
/// person by name or to everyone on a team by team name, then everyone interviewed in the
/// interviews linked to the row. Archived people are left out; nothing is written.
pub fn offer_for_deliverable(db: &Db, id: &str, today: NaiveDate) -> Result<FollowUpOffer> {
    let (title, status, stakeholders, project, row_id): (String, String, String, String, String) =
        db.conn()
            .query_row(
                "SELECT d.title, d.status, w.stakeholders, w.project, w.id
             FROM deliverables d JOIN roadmap_rows w ON w.id = d.row_id WHERE d.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?
            .ok_or_else(|| Error::not_found("deliverable", id))?;
    let active = people::active(db)?;
    let mut seen = HashSet::new();
    let mut candidates = Vec::new();
    let open: HashSet<String> = db
        .conn()
        .prepare("SELECT person_id FROM followups WHERE deliverable_id = ?1 AND done_on IS NULL")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut offer = |p: &Person, why: String, candidates: &mut Vec<Candidate>| {
        if seen.insert(p.id.clone()) {
            candidates.push(Candidate {
                already_open: open.contains(&p.id),
                person: p.clone(),
                why,
            });
        }
    };
    let mut unmatched = Vec::new();
    for part in stakeholder_parts(&stakeholders) {
        let key = part.to_lowercase();
        let by_name: Vec<&Person> = active
            .iter()
            .filter(|p| p.name.to_lowercase() == key)
            .collect();
        let by_team: Vec<&Person> = active
            .iter()
            .filter(|p| !p.team.is_empty() && p.team.to_lowercase() == key)
            .collect();
        if by_name.is_empty() && by_team.is_empty() {
            unmatched.push(part);
            continue;
        }
        for p in by_name {
            offer(p, "stakeholder".into(), &mut candidates);
        }
        for p in by_team {
            offer(p, format!("stakeholder ({})", p.team), &mut candidates);
        }
    }
    let mut stmt = db.conn().prepare(
        "SELECT ip.person_id, i.title FROM row_interviews x
         JOIN interviews i ON i.id = x.interview_id
         JOIN interview_people ip ON ip.interview_id = i.id
         WHERE x.row_id = ?1 ORDER BY i.scheduled_at",
    )?;
    let interviewed: Vec<(String, String)> = stmt
        .query_map([&row_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (pid, interview) in interviewed {
        if let Some(p) = active.iter().find(|p| p.id == pid) {
            offer(p, format!("interviewed in “{interview}”"), &mut candidates);
        }
    }
    let shipped = if status == DeliverableStatus::Done.as_str() {
        "shipped"
    } else {
        "is coming"
    };
    Ok(FollowUpOffer {
        deliverable_id: id.to_owned(),
        reason: format!("“{title}” {shipped}: is it working for you? What changed in your week?"),
        deliverable_title: title,
        project,
        due_on: (today + Duration::days(OFFER_DAYS)).to_string(),
        candidates,
        unmatched_stakeholders: unmatched,
    })
}

/// People not contacted for `weeks` weeks (the workspace's setting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NotContacted {
    pub weeks: u32,
    /// The first of them, in order (see [`not_contacted`]).
    pub people: Vec<StaleContact>,
    /// How many there are in all.
    pub total: u64,
}

/// The most people [`not_contacted`] lists at once however many a screen asks for.
pub const NOT_CONTACTED_MAX: usize = 5_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StaleContact {
    pub person: Person,
    /// The last time we talked with them, `YYYY-MM-DD`; `null` if never.
    pub last_contact: Option<String>,
    /// "interview" or "follow-up".
    pub via: Option<String>,
    pub days_since: Option<i64>,
}

/// Active people not contacted for `weeks` weeks (an interview they sat, or a follow-up done
/// with them), core users first, then never contacted, then longest ago: the first `limit` of
/// them (at most [`NOT_CONTACTED_MAX`]) and how many there are. Everyone is judged on a light
/// row (id, name, two dates); only the people returned are read in full.
pub fn not_contacted(
    db: &Db,
    weeks: u32,
    zone: clock::Zone,
    today: NaiveDate,
    limit: usize,
) -> Result<(Vec<StaleContact>, u64)> {
    let cutoff = today - Duration::weeks(weeks.into());
    // Held, or at least scheduled before the end of today: a planned interview still ahead is
    // not contact yet. One query for everyone: each person's last interview and last follow-up.
    let end_of_today = (today + Duration::days(1)).to_string();
    let mut stmt = db.conn().prepare_cached(
        "WITH li AS (
             SELECT ip.person_id, max(i.scheduled_at) AS at
             FROM interview_people ip JOIN interviews i ON i.id = ip.interview_id
             WHERE i.started_at IS NOT NULL OR i.scheduled_at < ?1
             GROUP BY ip.person_id),
         lf AS (SELECT person_id, max(done_on) AS on_ FROM followups GROUP BY person_id)
         SELECT p.id, p.core_user, p.name, li.at, lf.on_ FROM people p
         LEFT JOIN li ON li.person_id = p.id LEFT JOIN lf ON lf.person_id = p.id
         WHERE p.archived_at IS NULL",
    )?;
    struct Stale {
        id: String,
        core_user: bool,
        name: String,
        last: Option<(NaiveDate, &'static str)>,
    }
    let mut stale = Vec::new();
    let rows = stmt.query_map([end_of_today], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, bool>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    for row in rows {
        let (id, core_user, name, interviewed, followed) = row?;
        let interviewed = interviewed.and_then(|t| zone.day(&t));
        let followed = followed.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
        let last = match (interviewed, followed) {
            (Some(i), Some(f)) if f > i => Some((f, "follow-up")),
            (Some(i), _) => Some((i, "interview")),
            (None, Some(f)) => Some((f, "follow-up")),
            (None, None) => None,
        };
        if last.is_some_and(|(d, _)| d > cutoff) {
            continue;
        }
        stale.push(Stale {
            id,
            core_user,
            name: name.to_lowercase(),
            last,
        });
    }
    let total = stale.len() as u64;
    let key = |s: &Stale| (!s.core_user, s.last.is_some(), s.last.map(|(d, _)| d));
    let shown = limit.min(NOT_CONTACTED_MAX).min(stale.len());
    let order = |a: &Stale, b: &Stale| key(a).cmp(&key(b)).then_with(|| a.name.cmp(&b.name));
    if shown < stale.len() {
        stale.select_nth_unstable_by(shown, order);
        stale.truncate(shown);
    }
    stale.sort_by(order);

    let ids = serde_json::Value::from(stale.iter().map(|s| s.id.as_str()).collect::<Vec<_>>())
        .to_string();
    let mut people: std::collections::HashMap<String, Person> = db
        .conn()
        .prepare_cached(&format!(
            "SELECT {} FROM people p WHERE p.id IN (SELECT value FROM json_each(?1))",
            people::COLUMNS_P
        ))?
        .query_map([ids], people::from_row)?
        .map(|p| p.map(|p| (p.id.clone(), p)))
        .collect::<rusqlite::Result<_>>()?;
    let out = stale
        .into_iter()
        .filter_map(|s| {
            let person = people.remove(&s.id)?;
            Some(StaleContact {
                person,
                last_contact: s.last.map(|(d, _)| d.to_string()),
                via: s.last.map(|(_, v)| v.to_owned()),
                days_since: s.last.map(|(d, _)| (today - d).num_days()),
            })
        })
        .collect();
    Ok((out, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stakeholders_split_on_commas_ampersands_and_and() {
        assert_eq!(
            stakeholder_parts("Ana Lima, Platform & Bo and Cy; Eng leads at company"),
            ["Ana Lima", "Platform", "Bo", "Cy", "Eng leads at company"]
        );
        assert!(stakeholder_parts("  ").is_empty());
    }
}
