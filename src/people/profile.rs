//! A page per person: everything the workspace knows about one person, in a fixed handful of
//! queries however many interviews, notes or follow-ups there are. Long lists are bounded
//! (the page offers "show all").

use chrono::{DateTime, Duration, NaiveDate};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Person;
use crate::clock::Zone;
use crate::db::Db;
use crate::error::Result;
use crate::followups::FollowUpState;
use crate::interviews::InterviewStatus;
use crate::settings;

/// How many items each section lists unless the page asks for all of them.
pub const SECTION_LIMIT: i64 = 20;
/// "Show all" still stops somewhere: a page is not a report.
pub const SECTION_MAX: i64 = 5_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonProfile {
    pub person: Person,
    /// Interviews they sat in (as interviewee or note-taker), most recent first.
    pub interviews: Vec<ProfileInterview>,
    pub interviews_total: i64,
    /// What they said, as recorded quotes, most recent first, with the findings each backs.
    pub quotes: Vec<ProfileQuote>,
    pub quotes_total: i64,
    /// Open follow-ups with them, soonest due first.
    pub followups_open: Vec<ProfileFollowUp>,
    pub followups_open_total: i64,
    /// Done follow-ups, most recent first.
    pub followups_done: Vec<ProfileFollowUp>,
    pub followups_done_total: i64,
    /// Roadmap rows whose free-text stakeholders name them.
    pub roadmap_rows: Vec<StakeholderRow>,
    /// SLOs that cite them as evidence or whose service they own, by service then name.
    pub slos: Vec<ProfileSlo>,
    pub contact: ContactState,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileInterview {
    pub id: String,
    pub title: String,
    pub scheduled_at: String,
    pub status: InterviewStatus,
    /// They took notes rather than being interviewed.
    pub note_taker: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FindingRef {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileQuote {
    pub id: String,
    pub text: String,
    pub interview_id: String,
    pub interview_title: String,
    pub created_at: String,
    pub findings: Vec<FindingRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileFollowUp {
    pub id: String,
    pub reason: String,
    pub due_on: String,
    pub done_on: Option<String>,
    pub outcome: String,
    pub state: FollowUpState,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StakeholderRow {
    pub roadmap_id: String,
    pub roadmap_title: String,
    pub starts_on: String,
    pub ends_on: String,
    pub row_id: String,
    pub project: String,
    pub goal_what: String,
    pub stakeholders: String,
}

/// An SLO they have a stake in: they are cited as its evidence, or they own its service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileSlo {
    pub id: String,
    pub name: String,
    pub display_name: Option<String>,
    pub journey: String,
    pub target: f64,
    pub service_id: String,
    pub service_name: String,
    /// Cited among the SLO's evidence (people behind it).
    pub evidence: bool,
    /// Owner of the SLO's service.
    pub owner: bool,
}

/// When we last talked with them, and whether that is longer ago than the workspace's "not
/// contacted for N weeks" (the same rule as `followups::not_contacted`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ContactState {
    /// `YYYY-MM-DD`; `null` if never.
    pub last_contact: Option<String>,
    /// "interview" or "follow-up".
    pub via: Option<String>,
    pub days_since: Option<i64>,
    /// N in "not contacted for N weeks".
    pub weeks: u32,
    /// Active and not contacted for `weeks` weeks (or never).
    pub stale: bool,
}

/// Everything about person `id`. `all` lifts the per-section limit ([`SECTION_LIMIT`]).
pub fn profile(
    db: &Db,
    id: &str,
    all: bool,
    zone: Zone,
    today: NaiveDate,
) -> Result<PersonProfile> {
    let person = super::get(db, id)?;
    let limit = if all { SECTION_MAX } else { SECTION_LIMIT };
    let conn = db.conn();

    let interviews_total: i64 = conn.prepare_cached(
        "SELECT count(*) FROM interviews i
         WHERE i.note_taker_id = ?1
            OR EXISTS (SELECT 1 FROM interview_people ip WHERE ip.interview_id = i.id AND ip.person_id = ?1)",
    )?
    .query_row([id], |r| r.get(0))?;
    let interviews = conn
        .prepare_cached(
            "SELECT i.id, i.title, i.scheduled_at,
                    CASE WHEN i.ended_at IS NOT NULL THEN 'done'
                         WHEN i.started_at IS NOT NULL THEN 'running' ELSE 'planned' END,
                    i.note_taker_id IS ?1
                      AND NOT EXISTS (SELECT 1 FROM interview_people ip
                                      WHERE ip.interview_id = i.id AND ip.person_id = ?1)
             FROM interviews i
             WHERE i.note_taker_id = ?1
                OR EXISTS (SELECT 1 FROM interview_people ip WHERE ip.interview_id = i.id AND ip.person_id = ?1)
             ORDER BY i.scheduled_at DESC, i.id LIMIT ?2",
        )?
        .query_map(params![id, limit], |r| {
            Ok(ProfileInterview {
                id: r.get(0)?,
                title: r.get(1)?,
                scheduled_at: r.get(2)?,
                status: r.get(3)?,
                note_taker: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let quotes_total: i64 = conn
        .prepare_cached("SELECT count(*) FROM notes WHERE speaker_id = ?1 AND is_quote = 1")?
        .query_row([id], |r| r.get(0))?;
    let quotes = conn
        .prepare_cached(
            "SELECT n.id, n.text, n.interview_id, i.title, n.created_at,
                    (SELECT json_group_array(json_object('id', f.id, 'title', f.title))
                       FROM (SELECT f.id, f.title FROM finding_evidence e
                             JOIN findings f ON f.id = e.finding_id
                             WHERE e.note_id = n.id ORDER BY f.title COLLATE NOCASE) f)
             FROM notes n JOIN interviews i ON i.id = n.interview_id
             WHERE n.speaker_id = ?1 AND n.is_quote = 1
             ORDER BY n.created_at DESC, n.id LIMIT ?2",
        )?
        .query_map(params![id, limit], |r| {
            let findings: String = r.get(5)?;
            Ok(ProfileQuote {
                id: r.get(0)?,
                text: r.get(1)?,
                interview_id: r.get(2)?,
                interview_title: r.get(3)?,
                created_at: r.get(4)?,
                findings: serde_json::from_str(&findings).unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let count_followups = |done: bool| -> Result<i64> {
        Ok(conn
            .prepare_cached(
                "SELECT count(*) FROM followups WHERE person_id = ?1 AND (done_on IS NOT NULL) = ?2",
            )?
            .query_row(params![id, done], |r| r.get(0))?)
    };
    let list_followups = |done: bool| -> Result<Vec<ProfileFollowUp>> {
        let order = if done {
            "done_on DESC, id"
        } else {
            "due_on, id"
        };
        let items = conn
            .prepare_cached(&format!(
                "SELECT id, reason, due_on, done_on, outcome FROM followups
                 WHERE person_id = ?1 AND (done_on IS NOT NULL) = ?2 ORDER BY {order} LIMIT ?3"
            ))?
            .query_map(params![id, done, limit], |r| {
                let due_on: String = r.get(2)?;
                let done_on: Option<String> = r.get(3)?;
                Ok(ProfileFollowUp {
                    state: follow_up_state(&due_on, done_on.is_some(), today),
                    id: r.get(0)?,
                    reason: r.get(1)?,
                    due_on,
                    done_on,
                    outcome: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(items)
    };

    Ok(PersonProfile {
        interviews,
        interviews_total,
        quotes,
        quotes_total,
        followups_open: list_followups(false)?,
        followups_open_total: count_followups(false)?,
        followups_done: list_followups(true)?,
        followups_done_total: count_followups(true)?,
        roadmap_rows: stakeholder_rows(db, &person.name)?,
        slos: stake_slos(db, id)?,
        contact: contact_state(db, &person, zone, today)?,
        person,
    })
}

fn follow_up_state(due_on: &str, done: bool, today: NaiveDate) -> FollowUpState {
    let due = NaiveDate::parse_from_str(due_on, "%Y-%m-%d").unwrap_or(today);
    match (done, due.cmp(&today)) {
        (true, _) => FollowUpState::Done,
        (false, std::cmp::Ordering::Less) => FollowUpState::Overdue,
        (false, std::cmp::Ordering::Equal) => FollowUpState::DueToday,
        (false, std::cmp::Ordering::Greater) => FollowUpState::Upcoming,
    }
}

/// Whether the free-text `stakeholders` names `name` as a whole: case-insensitive, and not
/// as part of a longer word ("Ana" is not in "Anabel, Bo").
pub fn names_person(stakeholders: &str, name: &str) -> bool {
    let hay = stakeholders.to_lowercase();
    let needle = name.trim().to_lowercase();
    if needle.is_empty() {
        return false;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(&needle).any(|(at, m)| {
        !word(hay[..at].chars().next_back()) && !word(hay[at + m.len()..].chars().next())
    })
}

/// Rows naming `name` among their stakeholders, newest interval first. Roadmap rows are few
/// (a handful per six weeks), so they are matched in Rust, where case folding is Unicode-aware.
fn stakeholder_rows(db: &Db, name: &str) -> Result<Vec<StakeholderRow>> {
    let rows = db
        .conn()
        .prepare_cached(
            "SELECT r.id, r.title, r.starts_on, r.ends_on, w.id, w.project, w.goal_what, w.stakeholders
             FROM roadmap_rows w JOIN roadmaps r ON r.id = w.roadmap_id
             WHERE w.stakeholders <> ''
             ORDER BY r.starts_on DESC, w.priority, w.position",
        )?
        .query_map([], |r| {
            Ok(StakeholderRow {
                roadmap_id: r.get(0)?,
                roadmap_title: r.get(1)?,
                starts_on: r.get(2)?,
                ends_on: r.get(3)?,
                row_id: r.get(4)?,
                project: r.get(5)?,
                goal_what: r.get(6)?,
                stakeholders: r.get(7)?,
            })
        })?
        .filter(|row| {
            row.as_ref()
                .map_or(true, |row| names_person(&row.stakeholders, name))
        })
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The last contact as `followups::not_contacted` counts it: an interview they sat (held, or
/// scheduled before the end of today) or a follow-up done with them.
/// SLOs citing person `id` as evidence or owned (through their service) by them, in one query.
fn stake_slos(db: &Db, id: &str) -> Result<Vec<ProfileSlo>> {
    let mut stmt = db.conn().prepare_cached(
        "SELECT s.id, s.name, s.display_name, s.journey, s.target, v.id, v.name,
                EXISTS (SELECT 1 FROM slo_people p WHERE p.slo_id = s.id AND p.person_id = ?1),
                v.owner_id IS ?1
         FROM slos s JOIN services v ON v.id = s.service_id
         WHERE v.owner_id = ?1
            OR s.id IN (SELECT slo_id FROM slo_people WHERE person_id = ?1)
         ORDER BY v.name, s.name
         LIMIT ?2",
    )?;
    let slos = stmt
        .query_map(params![id, SECTION_MAX], |r| {
            Ok(ProfileSlo {
                id: r.get(0)?,
                name: r.get(1)?,
                display_name: r.get(2)?,
                journey: r.get(3)?,
                target: r.get(4)?,
                service_id: r.get(5)?,
                service_name: r.get(6)?,
                evidence: r.get(7)?,
                owner: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(slos)
}

fn contact_state(db: &Db, person: &Person, zone: Zone, today: NaiveDate) -> Result<ContactState> {
    let weeks = settings::contact_weeks(db)?;
    let end_of_today = (today + Duration::days(1)).to_string();
    let (interviewed, followed): (Option<String>, Option<String>) = db
        .conn()
        .prepare_cached(
            "SELECT (SELECT max(i.scheduled_at) FROM interview_people ip
                     JOIN interviews i ON i.id = ip.interview_id
                     WHERE ip.person_id = ?1 AND (i.started_at IS NOT NULL OR i.scheduled_at < ?2)),
                    (SELECT max(done_on) FROM followups WHERE person_id = ?1)",
        )?
        .query_row(params![person.id, end_of_today], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let interviewed = interviewed.and_then(|t| {
        DateTime::parse_from_rfc3339(&t)
            .ok()
            .map(|t| t.with_timezone(&zone.0).date_naive())
    });
    let followed = followed.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let last = match (interviewed, followed) {
        (Some(i), Some(f)) if f > i => Some((f, "follow-up")),
        (Some(i), _) => Some((i, "interview")),
        (None, Some(f)) => Some((f, "follow-up")),
        (None, None) => None,
    };
    let cutoff = today - Duration::weeks(weeks.into());
    Ok(ContactState {
        last_contact: last.map(|(d, _)| d.to_string()),
        via: last.map(|(_, v)| v.to_owned()),
        days_since: last.map(|(d, _)| (today - d).num_days()),
        weeks,
        stale: person.archived_at.is_none() && last.is_none_or(|(d, _)| d <= cutoff),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stakeholders_name_a_person_as_a_whole_word() {
        assert!(names_person("Ana Lima, Platform & Bo", "ana lima"));
        assert!(names_person("Eng leads (José Díaz)", "JOSÉ DÍAZ"));
        assert!(!names_person("Anabel, Bo", "Ana"));
        assert!(names_person("Bo", "Bo"));
        assert!(!names_person("anything", "  "));
    }
}
