//! What makes Rapport a desktop app people live in: calendar files for planned interviews and
//! a roadmap's update meetings ([`calendar`], built from the workspace here), and desktop
//! reminders ([`reminders`] decides what is due; here are its inputs from the workspace, the
//! user's settings and the record of what was already sent).

pub mod calendar;
pub mod reminders;

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rusqlite::params;

use crate::clock::{parse_date, Zone};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::interviews;
use crate::roadmaps::{meeting, Cadence};
use crate::settings;
use calendar::{Attendee, AttendeeRole, InviteInterview, MeetingSeries};
use reminders::{Reminder, ReminderSettings, Subject};

/// A roadmap stores no meeting time: update meetings go into calendars at 10:00 local, for
/// 30 minutes, and the user moves the series in their calendar if the team meets otherwise.
pub const MEETING_HOUR: u32 = 10;
pub const MEETING_MINUTES: u32 = 30;

/// A calendar file ready to save: its text and a file name to suggest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsFile {
    pub file_name: String,
    pub text: String,
}

/// `name` made safe as a file name: letters, digits and dashes, at most 60 characters.
fn file_stem(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "rapport".to_owned()
    } else {
        out
    }
}

/// The interview as a calendar needs it: interviewees and the note-taker as attendees (their
/// contact, when it is an email, becomes the address), the guide's questions in order.
pub fn invite_interview(db: &Db, id: &str) -> Result<InviteInterview> {
    let i = interviews::get(db, id)?;
    let starts_at = DateTime::parse_from_rfc3339(&i.scheduled_at)
        .map_err(|_| Error::invalid("scheduled_at", "The interview has no valid start time"))?
        .with_timezone(&Utc);
    let mut attendees: Vec<Attendee> = i
        .interviewees
        .iter()
        .map(|p| Attendee {
            name: p.name.clone(),
            contact: p.contact.clone(),
            role: AttendeeRole::Interviewee,
        })
        .collect();
    attendees.extend(i.note_taker.iter().map(|p| Attendee {
        name: p.name.clone(),
        contact: p.contact.clone(),
        role: AttendeeRole::NoteTaker,
    }));
    let guide_questions = match &i.guide_id {
        Some(g) => db
            .conn()
            .prepare_cached(
                "SELECT q.text FROM guide_items gi JOIN questions q ON q.id = gi.question_id
                 WHERE gi.guide_id = ?1 ORDER BY gi.position",
            )?
            .query_map([g], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?,
        None => Vec::new(),
    };
    Ok(InviteInterview {
        id: i.id,
        title: i.title,
        topic: i.topic,
        starts_at,
        duration_minutes: u32::try_from(i.duration_minutes).unwrap_or(0),
        attendees,
        organizer: None,
        guide_questions,
    })
}

/// The `.ics` of interview `id`, in the user's zone.
pub fn interview_ics(db: &Db, id: &str, zone: Zone, now: DateTime<Utc>) -> Result<IcsFile> {
    let invite = invite_interview(db, id)?;
    let text = calendar::interview_invite(&invite, zone.name(), now)?;
    let day = invite.starts_at.with_timezone(&zone.0).date_naive();
    Ok(IcsFile {
        file_name: format!("interview-{day}-{}.ics", file_stem(&invite.title)),
        text,
    })
}

/// A roadmap's update meetings: the first one cadence after the start (as Today counts them),
/// then every cadence until the interval's stop date.
pub fn meeting_series(db: &Db, roadmap_id: &str) -> Result<MeetingSeries> {
    let (title, starts_on, ends_on, cadence): (String, String, String, Cadence) = db
        .conn()
        .query_row(
            "SELECT title, starts_on, ends_on, cadence FROM roadmaps WHERE id = ?1",
            [roadmap_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Error::not_found("roadmap", roadmap_id),
            e => e.into(),
        })?;
    let start = parse_date("starts_on", "Start", &starts_on)?;
    let until = parse_date("ends_on", "End", &ends_on)?;
    let Some(first) = meeting::next_after(start, until, cadence, None) else {
        return Err(Error::invalid(
            "cadence",
            format!(
                "This interval ends before its first {} update meeting",
                cadence.as_str()
            ),
        ));
    };
    Ok(MeetingSeries {
        roadmap_id: roadmap_id.to_owned(),
        description: format!(
            "Roadmap “{}”, {starts_on} to {ends_on}. Walk the incomplete rows line by line and \
             record a status and a note for each.",
            title.trim()
        ),
        roadmap_name: title,
        first,
        until,
        cadence,
        local_time: NaiveTime::from_hms_opt(MEETING_HOUR, 0, 0).unwrap_or(NaiveTime::MIN),
        duration_minutes: MEETING_MINUTES,
    })
}

/// The `.ics` of roadmap `id`'s update meetings, in the user's zone.
pub fn meetings_ics(db: &Db, id: &str, zone: Zone, now: DateTime<Utc>) -> Result<IcsFile> {
    let series = meeting_series(db, id)?;
    let text = calendar::update_meetings(&series, zone.name(), now)?;
    Ok(IcsFile {
        file_name: format!(
            "update-meetings-{}-{}.ics",
            series.first,
            file_stem(&series.roadmap_name)
        ),
        text,
    })
}

const SETTINGS_KEY: &str = "reminders";
const SENT_KEY: &str = "reminders_sent";
/// A sent key only matters while its reminder could still fire or be summarised.
const SENT_KEEP_DAYS: i64 = 3;

/// The stored reminder settings; missing or unreadable ones are the defaults.
pub fn reminder_settings(db: &Db) -> Result<ReminderSettings> {
    Ok(settings::get(db, SETTINGS_KEY)?
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

pub fn save_reminder_settings(db: &Db, s: &ReminderSettings) -> Result<ReminderSettings> {
    s.validate()?;
    let json = serde_json::to_string(s).map_err(|e| Error::invalid("enabled", e.to_string()))?;
    settings::put(db, SETTINGS_KEY, &json)?;
    reminder_settings(db)
}

fn sent_map(db: &Db) -> Result<BTreeMap<String, String>> {
    Ok(settings::get(db, SENT_KEY)?
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

/// What could need a reminder around `now`: open follow-ups due within a day or two, planned
/// interviews starting within a day, the next update meeting of each running roadmap.
pub fn subjects(db: &Db, zone: Zone, now: DateTime<Utc>) -> Result<Vec<Subject>> {
    let today = now.with_timezone(&zone.0).date_naive();
    let (from, to) = (today - Duration::days(2), today + Duration::days(2));
    let conn = db.conn();
    let mut out: Vec<Subject> = conn
        .prepare_cached(
            "SELECT f.id, p.name, f.reason, f.due_on FROM followups f JOIN people p ON p.id = f.person_id
             WHERE f.done_on IS NULL AND f.due_on BETWEEN ?1 AND ?2",
        )?
        .query_map([from.to_string(), to.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, String>(3)?))
        })?
        .filter_map(|row| match row {
            Ok((id, person, reason, due)) => NaiveDate::parse_from_str(&due, "%Y-%m-%d")
                .ok()
                .map(|due_on| {
                    Ok(Subject::FollowUp {
                        id,
                        person,
                        reason,
                        due_on,
                    })
                }),
            Err(e) => Some(Err(e)),
        })
        .collect::<rusqlite::Result<_>>()?;

    let window = |d: Duration| (now + d).to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let planned: Vec<(String, String, String)> = conn
        .prepare_cached(
            "SELECT id, title, scheduled_at FROM interviews
             WHERE started_at IS NULL AND scheduled_at BETWEEN ?1 AND ?2",
        )?
        .query_map(
            [window(Duration::days(-1)), window(Duration::days(2))],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?
        .collect::<rusqlite::Result<_>>()?;
    out.extend(planned.into_iter().filter_map(|(id, title, at)| {
        let starts_at = DateTime::parse_from_rfc3339(&at).ok()?.with_timezone(&Utc);
        Some(Subject::Interview {
            id,
            title,
            starts_at,
        })
    }));

    let running: Vec<(String, String, String, String, Cadence, Option<String>)> = conn
        .prepare_cached(
            "SELECT r.id, r.title, r.starts_on, r.ends_on, r.cadence,
                    (SELECT max(u.meeting_on) FROM row_updates u JOIN roadmap_rows w ON w.id = u.row_id
                      WHERE w.roadmap_id = r.id)
             FROM roadmaps r WHERE r.starts_on <= ?2 AND r.ends_on >= ?1",
        )?
        .query_map(params![from.to_string(), to.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (id, title, starts_on, ends_on, cadence, last) in running {
        let start = parse_date("starts_on", "Start", &starts_on)?;
        let end = parse_date("ends_on", "End", &ends_on)?;
        if let Some(on) = meeting::next_after(start, end, cadence, last.as_deref()) {
            out.push(Subject::UpdateMeeting {
                roadmap_id: id,
                roadmap_name: title,
                on,
            });
        }
    }
    Ok(out)
}

/// The reminders to show at `now` (see [`reminders::due`]), recorded as sent in the same
/// transaction, so each is shown once even if the app is restarted right after.
pub fn take_due(
    db: &Db,
    zone: Zone,
    now: DateTime<Utc>,
    last_check: Option<DateTime<Utc>>,
) -> Result<Vec<Reminder>> {
    let settings = reminder_settings(db)?;
    if !settings.enabled {
        return Ok(Vec::new());
    }
    let mut sent = sent_map(db)?;
    let keys: HashSet<String> = sent.keys().cloned().collect();
    let due = reminders::due(
        now,
        last_check,
        &subjects(db, zone, now)?,
        &keys,
        &settings,
        zone.0,
    );
    let cutoff = (now - Duration::days(SENT_KEEP_DAYS)).to_rfc3339();
    let before = sent.len();
    sent.retain(|_, at| *at >= cutoff);
    if due.is_empty() && sent.len() == before {
        return Ok(due);
    }
    let stamp = now.to_rfc3339();
    for r in &due {
        for k in r.keys() {
            sent.insert(k.to_owned(), stamp.clone());
        }
    }
    let json = serde_json::to_string(&sent).map_err(|e| Error::invalid("sent", e.to_string()))?;
    settings::put(db, SENT_KEY, &json)?;
    Ok(due)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem("Deploys: how, why?"), "deploys-how-why");
        assert_eq!(file_stem("  "), "rapport");
        assert_eq!(file_stem("Revue d'été"), "revue-d-été");
        assert!(file_stem(&"a ".repeat(100)).chars().count() <= 60);
    }
}
