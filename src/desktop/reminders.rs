//! Which desktop notifications are due. Pure: the app's timer calls [`due`] about once a minute
//! with the instant it last checked, shows what comes back, and records every key of each shown
//! reminder (see [`Reminder::keys`]) as sent.
//!
//! Three kinds of reminder: a follow-up on its due date at the morning hour, an interview
//! 10 minutes before it starts, a roadmap update meeting on the morning of its date.
//!
//! Rapport sends nothing while it is closed, and a reminder fires only when its time falls in
//! the stretch of time the app was watching: `(last_check, now]`. So each fires once, and
//! opening the app does not replay a backlog — Today already lists what was missed. Instead:
//! - At start (`last_check = None`) the app watches from one minute back. Reminders whose time
//!   passed in the [`MISSED_LOOKBACK_HOURS`] before that and were never sent are folded into
//!   one summary ("3 reminders while Rapport was closed") that opens Today. Its
//!   [`Reminder::covers`] lists their keys, so a later start does not count them again.
//! - A gap between checks longer than [`MAX_CHECK_GAP_MINUTES`] means the computer slept with
//!   the app open; it is handled like a start, with "while this computer was asleep".
//! - An interview whose reminder was missed but that has not started yet is still worth one:
//!   it fires at once ("Starts at 14:00, in 4 minutes") rather than joining the summary.
//!
//! Quiet hours: a reminder whose time falls in them is moved to the end of the quiet period
//! and fires then if the app is open (if not, the summary at the next start counts it). An
//! interview reminder that would be moved past the interview's start is dropped: it could only
//! say "this started". While it is quiet, no summary is shown (and its reminders stay unsent,
//! so the next start may count them).

use std::collections::HashSet;

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::calendar::resolve_local;
use crate::error::{Error, Result};

/// How long before an interview its reminder fires: time to open the guide and join.
pub const INTERVIEW_LEAD_MINUTES: i64 = 10;
/// At start the app has watched nothing yet; it takes the last minute as its own, so a
/// reminder due at the very moment it opens still fires.
pub const START_GRACE_MINUTES: i64 = 1;
/// The timer ticks about every minute; a longer silence means the computer was asleep.
pub const MAX_CHECK_GAP_MINUTES: i64 = 10;
/// The summary counts missed reminders of the last day only; older ones are stale as
/// notifications, and Today shows them anyway.
pub const MISSED_LOOKBACK_HOURS: i64 = 24;
/// At most this many missed titles are named in the summary's body.
const SUMMARY_NAMES: usize = 3;

/// The user's notification preferences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReminderSettings {
    pub enabled: bool,
    /// Start of quiet hours, local time. Equal start and end mean no quiet hours.
    pub quiet_start: NaiveTime,
    /// End of quiet hours; before `quiet_start` means the period wraps past midnight.
    pub quiet_end: NaiveTime,
    /// When follow-up and update-meeting reminders fire on their day.
    pub morning: NaiveTime,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
        ReminderSettings {
            enabled: true,
            quiet_start: hm(22, 0),
            quiet_end: hm(8, 0),
            morning: hm(9, 0),
        }
    }
}

impl ReminderSettings {
    /// Refuses what the settings screen cannot mean: times finer than a minute (the UI picks
    /// HH:MM, so seconds are a corrupted value), and a morning hour inside quiet hours, which
    /// would silently move every morning reminder to the end of the quiet period.
    pub fn validate(&self) -> Result<()> {
        for (field, t) in [
            ("quiet_start", self.quiet_start),
            ("quiet_end", self.quiet_end),
            ("morning", self.morning),
        ] {
            if t.second() != 0 || t.nanosecond() != 0 {
                return Err(Error::invalid(
                    field,
                    "Pick a time in whole minutes (HH:MM)",
                ));
            }
        }
        if self.in_quiet_hours(self.morning) {
            return Err(Error::invalid(
                "morning",
                format!(
                    "Morning reminders at {} would fall in quiet hours ({}–{}); pick a time \
                     outside them",
                    self.morning.format("%H:%M"),
                    self.quiet_start.format("%H:%M"),
                    self.quiet_end.format("%H:%M"),
                ),
            ));
        }
        Ok(())
    }

    /// Whether a local time of day is in quiet hours: `[quiet_start, quiet_end)`, wrapping
    /// past midnight when the end is earlier than the start.
    pub fn in_quiet_hours(&self, t: NaiveTime) -> bool {
        let (s, e) = (self.quiet_start, self.quiet_end);
        if s <= e {
            s <= t && t < e
        } else {
            t >= s || t < e
        }
    }
}

/// Something that may need a reminder. The caller passes the open ones only: planned
/// interviews, open follow-ups, upcoming update meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Subject {
    FollowUp {
        id: String,
        person: String,
        reason: String,
        due_on: NaiveDate,
    },
    Interview {
        id: String,
        title: String,
        starts_at: DateTime<Utc>,
    },
    UpdateMeeting {
        roadmap_id: String,
        roadmap_name: String,
        on: NaiveDate,
    },
}

/// A notification to show now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Reminder {
    /// Stable identity, recorded once shown so it never fires twice. It carries the date or
    /// start time it is about, so a rescheduled interview or follow-up gets a new reminder.
    pub key: String,
    pub title: String,
    pub body: String,
    /// The app route that clicking the notification opens.
    pub target: String,
    /// When it became due (after any quiet-hours delay); `now` for a summary or late reminder.
    pub at: DateTime<Utc>,
    /// For the summary: the keys of the missed reminders it stands for (empty otherwise).
    pub covers: Vec<String>,
}

impl Reminder {
    /// Every key to record as sent once this reminder is shown.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.key.as_str()).chain(self.covers.iter().map(String::as_str))
    }
}

/// The reminders to show at `now`, given the instant of the previous check (`None` right after
/// the app started), the keys already sent, the settings and the user's zone. See the module
/// documentation for what happens to reminders that fell while the app was not watching.
pub fn due(
    now: DateTime<Utc>,
    last_check: Option<DateTime<Utc>>,
    subjects: &[Subject],
    sent: &HashSet<String>,
    settings: &ReminderSettings,
    tz: Tz,
) -> Vec<Reminder> {
    if !settings.enabled {
        return Vec::new();
    }
    let grace = now - Duration::minutes(START_GRACE_MINUTES);
    let lookback = now - Duration::hours(MISSED_LOOKBACK_HOURS);
    // (watched from, missed since, why it was not watching)
    let (watched_from, missed) = match last_check {
        Some(t) if t <= now && now - t <= Duration::minutes(MAX_CHECK_GAP_MINUTES) => (t, None),
        Some(t) if t <= now => (grace, Some((t.max(lookback), Gap::Asleep))),
        // The clock went back: watch the last minute; `sent` keeps repeats out.
        Some(_) => (grace, None),
        None => (grace, Some((lookback, Gap::Closed))),
    };
    let quiet_now = settings.in_quiet_hours(now.with_timezone(&tz).time());

    let mut fired = Vec::new();
    let mut missed_plans = Vec::new();
    let mut seen = HashSet::new();
    for p in subjects.iter().filter_map(|s| plan(s, settings, tz)) {
        if sent.contains(&p.key) || !seen.insert(p.key.clone()) {
            continue;
        }
        if watched_from < p.at && p.at <= now {
            fired.push(p.reminder(p.at, tz));
        } else if let Some((since, _)) = missed {
            if since < p.at && p.at <= watched_from {
                match p.starts_at {
                    Some(start) if start > now && !quiet_now => fired.push(p.reminder(now, tz)),
                    _ => missed_plans.push(p),
                }
            }
        }
    }
    fired.sort_by(|a, b| (a.at, &a.key).cmp(&(b.at, &b.key)));

    if let (Some((_, gap)), false, false) = (missed, missed_plans.is_empty(), quiet_now) {
        missed_plans.sort_by(|a, b| (a.at, &a.key).cmp(&(b.at, &b.key)));
        fired.push(summary(now, gap, &missed_plans));
    }
    fired
}

#[derive(Debug, Clone, Copy)]
enum Gap {
    Closed,
    Asleep,
}

/// A subject's reminder before the window test.
struct Plan {
    key: String,
    title: String,
    body: String,
    target: String,
    /// When it fires, after any quiet-hours delay.
    at: DateTime<Utc>,
    /// For interviews: the body is written relative to the moment it fires.
    starts_at: Option<DateTime<Utc>>,
}

impl Plan {
    fn reminder(&self, at: DateTime<Utc>, tz: Tz) -> Reminder {
        let body = match self.starts_at {
            Some(start) => {
                // Rounded up: "in 10 minutes" at exactly ten minutes before.
                let mins = ((start - at).num_seconds().max(0) as u64).div_ceil(60);
                let clock = start.with_timezone(&tz).format("%H:%M");
                match mins {
                    0 => format!("Starts at {clock}, now"),
                    1 => format!("Starts at {clock}, in 1 minute"),
                    m => format!("Starts at {clock}, in {m} minutes"),
                }
            }
            None => self.body.clone(),
        };
        Reminder {
            key: self.key.clone(),
            title: self.title.clone(),
            body,
            target: self.target.clone(),
            at,
            covers: Vec::new(),
        }
    }
}

fn plan(s: &Subject, settings: &ReminderSettings, tz: Tz) -> Option<Plan> {
    let morning = |d: NaiveDate| resolve_local(tz, d.and_time(settings.morning));
    let p = match s {
        Subject::FollowUp {
            id,
            person,
            reason,
            due_on,
        } => Plan {
            key: format!("followup:{id}:{due_on}"),
            title: format!("Follow up with {}", person.trim()),
            body: match reason.trim() {
                "" => "Due today".to_owned(),
                r => format!("Due today: {r}"),
            },
            target: format!("#/followups/{id}"),
            at: morning(*due_on),
            starts_at: None,
        },
        Subject::Interview {
            id,
            title,
            starts_at,
        } => Plan {
            key: format!(
                "interview:{id}:{INTERVIEW_LEAD_MINUTES}min:{}",
                starts_at.format("%Y%m%dT%H%M%SZ")
            ),
            title: format!("Interview: {}", title.trim()),
            body: String::new(),
            target: format!("#/interviews/{id}"),
            at: *starts_at - Duration::minutes(INTERVIEW_LEAD_MINUTES),
            starts_at: Some(*starts_at),
        },
        Subject::UpdateMeeting {
            roadmap_id,
            roadmap_name,
            on,
        } => Plan {
            key: format!("meeting:{roadmap_id}:{on}"),
            title: format!("Update meeting today: {}", roadmap_name.trim()),
            body: "Walk the incomplete rows and record a status for each.".to_owned(),
            target: format!("#/roadmaps/{roadmap_id}/meeting"),
            at: morning(*on),
            starts_at: None,
        },
    };
    let at = after_quiet_hours(p.at, settings, tz);
    match p.starts_at {
        Some(start) if at >= start => None,
        _ => Some(Plan { at, ..p }),
    }
}

/// `t`, or the end of the quiet period it falls in.
fn after_quiet_hours(t: DateTime<Utc>, settings: &ReminderSettings, tz: Tz) -> DateTime<Utc> {
    let local = t.with_timezone(&tz).naive_local();
    if !settings.in_quiet_hours(local.time()) {
        return t;
    }
    let wraps = settings.quiet_start > settings.quiet_end;
    let day = if wraps && local.time() >= settings.quiet_start {
        local.date() + Duration::days(1)
    } else {
        local.date()
    };
    let end = day.and_time(settings.quiet_end);
    // On the night the clocks go back the end's wall-clock time may occur twice: take the
    // first pass that is still after `t`.
    match tz.from_local_datetime(&end) {
        LocalResult::Ambiguous(a, b) => {
            let (a, b) = (a.with_timezone(&Utc), b.with_timezone(&Utc));
            let (first, second) = (a.min(b), a.max(b));
            if first > t {
                first
            } else {
                second
            }
        }
        _ => resolve_local(tz, end),
    }
    .max(t)
}

fn summary(now: DateTime<Utc>, gap: Gap, missed: &[Plan]) -> Reminder {
    let n = missed.len();
    let while_ = match gap {
        Gap::Closed => "while Rapport was closed",
        Gap::Asleep => "while this computer was asleep",
    };
    let plural = if n == 1 { "" } else { "s" };
    let mut names: Vec<&str> = missed
        .iter()
        .take(SUMMARY_NAMES)
        .map(|p| p.title.as_str())
        .collect();
    let more = (n > SUMMARY_NAMES).then(|| format!("and {} more", n - SUMMARY_NAMES));
    if let Some(m) = &more {
        names.push(m);
    }
    Reminder {
        key: format!("missed:{}", now.format("%Y%m%dT%H%M%SZ")),
        title: format!("{n} reminder{plural} {while_}"),
        body: format!("{}. See Today.", names.join("; ")),
        target: "#/today".to_owned(),
        at: now,
        covers: missed.iter().map(|p| p.key.clone()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn tz(name: &str) -> Tz {
        name.parse().unwrap()
    }

    fn quiet(start: NaiveTime, end: NaiveTime) -> ReminderSettings {
        ReminderSettings {
            quiet_start: start,
            quiet_end: end,
            ..ReminderSettings::default()
        }
    }

    fn follow_up(id: &str, due_on: &str) -> Subject {
        Subject::FollowUp {
            id: id.into(),
            person: "Ana Lima".into(),
            reason: "New CI pilot shipped".into(),
            due_on: date(due_on),
        }
    }

    fn interview(id: &str, starts_at: &str) -> Subject {
        Subject::Interview {
            id: id.into(),
            title: "Deploys".into(),
            starts_at: utc(starts_at),
        }
    }

    fn meeting(on: &str) -> Subject {
        Subject::UpdateMeeting {
            roadmap_id: "r1".into(),
            roadmap_name: "New CI".into(),
            on: date(on),
        }
    }

    /// Runs `due` for the window `(last, now]` with nothing sent.
    fn run(
        now: &str,
        last: Option<&str>,
        subjects: &[Subject],
        settings: &ReminderSettings,
        zone: &str,
    ) -> Vec<Reminder> {
        due(
            utc(now),
            last.map(utc),
            subjects,
            &HashSet::new(),
            settings,
            tz(zone),
        )
    }

    fn keys(r: &[Reminder]) -> Vec<&str> {
        r.iter().map(|r| r.key.as_str()).collect()
    }

    #[test]
    fn settings_default_and_validate() {
        let d = ReminderSettings::default();
        assert_eq!(
            (d.quiet_start, d.quiet_end, d.morning),
            (hm(22, 0), hm(8, 0), hm(9, 0))
        );
        assert!(d.enabled);
        d.validate().unwrap();

        let mut s = d.clone();
        s.quiet_start = NaiveTime::from_hms_opt(22, 0, 30).unwrap();
        assert_eq!(s.validate().unwrap_err().field(), Some("quiet_start"));
        let mut s = d.clone();
        s.quiet_end = hm(9, 30);
        let e = s.validate().unwrap_err();
        assert_eq!(e.field(), Some("morning"));
        assert_eq!(
            e.to_string(),
            "Morning reminders at 09:00 would fall in quiet hours (22:00–09:30); pick a time \
             outside them"
        );
        // Equal start and end: no quiet hours at all.
        let s = quiet(hm(9, 0), hm(9, 0));
        s.validate().unwrap();
        assert!(!s.in_quiet_hours(hm(9, 0)));
    }

    #[test]
    fn quiet_hours_wrap_midnight() {
        let s = quiet(hm(22, 0), hm(7, 0));
        for (t, q) in [
            (hm(21, 59), false),
            (hm(22, 0), true),
            (hm(23, 59), true),
            (hm(0, 0), true),
            (hm(6, 59), true),
            (hm(7, 0), false),
            (hm(12, 0), false),
        ] {
            assert_eq!(s.in_quiet_hours(t), q, "{t}");
        }
        let lunch = quiet(hm(12, 0), hm(13, 0));
        assert!(lunch.in_quiet_hours(hm(12, 30)));
        assert!(!lunch.in_quiet_hours(hm(13, 0)));
        assert!(!lunch.in_quiet_hours(hm(23, 0)));
    }

    #[test]
    fn interview_fires_ten_minutes_before_exactly_once() {
        let s = ReminderSettings::default();
        let subjects = [interview("i1", "2026-03-05T14:00:00Z")];
        // Berlin, winter: 15:00 local. Window (13:49, 13:50] holds 13:50.
        let r = run(
            "2026-03-05T13:50:00Z",
            Some("2026-03-05T13:49:00Z"),
            &subjects,
            &s,
            "Europe/Berlin",
        );
        assert_eq!(
            r,
            [Reminder {
                key: "interview:i1:10min:20260305T140000Z".into(),
                title: "Interview: Deploys".into(),
                body: "Starts at 15:00, in 10 minutes".into(),
                target: "#/interviews/i1".into(),
                at: utc("2026-03-05T13:50:00Z"),
                covers: vec![],
            }]
        );
        // The next window starts where this one ended: (13:50, 13:51] is empty.
        assert!(run(
            "2026-03-05T13:51:00Z",
            Some("2026-03-05T13:50:00Z"),
            &subjects,
            &s,
            "Europe/Berlin"
        )
        .is_empty());
        // One second early: not yet.
        assert!(run(
            "2026-03-05T13:49:59Z",
            Some("2026-03-05T13:49:00Z"),
            &subjects,
            &s,
            "Europe/Berlin"
        )
        .is_empty());
    }

    #[test]
    fn dedup_by_key() {
        let s = ReminderSettings::default();
        let subjects = [
            follow_up("f1", "2026-03-05"),
            follow_up("f1", "2026-03-05"), // listed twice by the caller
            interview("i1", "2026-03-05T08:10:00Z"),
        ];
        let now = utc("2026-03-05T08:00:30Z");
        let mut sent = HashSet::new();
        let first = due(
            now,
            Some(utc("2026-03-05T07:59:30Z")),
            &subjects,
            &sent,
            &s,
            tz("UTC"),
        );
        assert_eq!(keys(&first), ["interview:i1:10min:20260305T081000Z"]);
        sent.extend(first.iter().flat_map(|r| r.keys().map(str::to_owned)));
        // An overlapping window (a retried tick) does not repeat it.
        let again = due(
            now,
            Some(utc("2026-03-05T07:55:00Z")),
            &subjects,
            &sent,
            &s,
            tz("UTC"),
        );
        assert!(again.is_empty(), "{again:?}");
        // 09:00 UTC: the follow-up fires once, though the caller listed it twice.
        let nine = due(
            utc("2026-03-05T09:00:00Z"),
            Some(utc("2026-03-05T08:59:00Z")),
            &subjects,
            &sent,
            &s,
            tz("UTC"),
        );
        assert_eq!(keys(&nine), ["followup:f1:2026-03-05"]);
        sent.extend(nine.iter().flat_map(|r| r.keys().map(str::to_owned)));
        assert!(due(
            utc("2026-03-05T09:00:00Z"),
            Some(utc("2026-03-05T08:58:00Z")),
            &subjects,
            &sent,
            &s,
            tz("UTC")
        )
        .is_empty());
    }

    #[test]
    fn rescheduling_gives_a_new_reminder() {
        let s = ReminderSettings::default();
        let mut sent = HashSet::new();
        sent.insert("interview:i1:10min:20260305T140000Z".to_owned());
        sent.insert("followup:f1:2026-03-05".to_owned());
        let moved = [
            interview("i1", "2026-03-05T15:00:00Z"),
            follow_up("f1", "2026-03-06"),
        ];
        let r = due(
            utc("2026-03-05T14:50:00Z"),
            Some(utc("2026-03-05T14:49:00Z")),
            &moved,
            &sent,
            &s,
            tz("UTC"),
        );
        assert_eq!(keys(&r), ["interview:i1:10min:20260305T150000Z"]);
    }

    #[test]
    fn kiritimati_morning_is_the_previous_utc_day() {
        // 09:00 at +14 on 5 March = 19:00Z on 4 March.
        let s = ReminderSettings::default();
        let subjects = [follow_up("f1", "2026-03-05"), meeting("2026-03-05")];
        let r = run(
            "2026-03-04T19:00:00Z",
            Some("2026-03-04T18:59:00Z"),
            &subjects,
            &s,
            "Pacific/Kiritimati",
        );
        assert_eq!(
            keys(&r),
            ["followup:f1:2026-03-05", "meeting:r1:2026-03-05"]
        );
        assert!(r.iter().all(|x| x.at == utc("2026-03-04T19:00:00Z")));
        assert_eq!(r[0].title, "Follow up with Ana Lima");
        assert_eq!(r[0].body, "Due today: New CI pilot shipped");
        assert_eq!(r[0].target, "#/followups/f1");
        assert_eq!(r[1].title, "Update meeting today: New CI");
        assert_eq!(r[1].target, "#/roadmaps/r1/meeting");
        // At 09:00 UTC on 5 March (23:00 local) nothing is due for that day any more.
        assert!(run(
            "2026-03-05T09:00:00Z",
            Some("2026-03-05T08:59:00Z"),
            &subjects,
            &s,
            "Pacific/Kiritimati"
        )
        .is_empty());
    }

    #[test]
    fn kiritimati_quiet_hours_wrap_midnight() {
        let s = quiet(hm(22, 0), hm(7, 0));
        let k = "Pacific/Kiritimati";
        // 07:05 local on 6 March = 17:05Z on 5 March; its reminder (06:55) waits until 07:00.
        let early = [interview("i1", "2026-03-05T17:05:00Z")];
        assert!(run(
            "2026-03-05T16:55:00Z",
            Some("2026-03-05T16:54:00Z"),
            &early,
            &s,
            k
        )
        .is_empty());
        let r = run(
            "2026-03-05T17:00:00Z",
            Some("2026-03-05T16:59:00Z"),
            &early,
            &s,
            k,
        );
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].at, utc("2026-03-05T17:00:00Z"));
        assert_eq!(r[0].body, "Starts at 07:05, in 5 minutes");
        // 23:30 local: its reminder would wait until after the interview, so there is none.
        let late = [interview("i2", "2026-03-05T09:30:00Z")];
        for now in ["2026-03-05T09:20:00Z", "2026-03-05T17:00:00Z"] {
            let before = utc(now) - Duration::minutes(1);
            assert!(due(utc(now), Some(before), &late, &HashSet::new(), &s, tz(k)).is_empty());
        }
    }

    #[test]
    fn anchorage_follows_its_dst_change() {
        let s = ReminderSettings::default();
        let a = "America/Anchorage";
        // Friday 6 March: AKST (−9), 09:00 = 18:00Z. Monday 9 March: AKDT (−8), 09:00 = 17:00Z.
        let subjects = [meeting("2026-03-06"), meeting("2026-03-09")];
        let fri = run(
            "2026-03-06T18:00:00Z",
            Some("2026-03-06T17:59:00Z"),
            &subjects,
            &s,
            a,
        );
        assert_eq!(keys(&fri), ["meeting:r1:2026-03-06"]);
        let mon = run(
            "2026-03-09T17:00:00Z",
            Some("2026-03-09T16:59:00Z"),
            &subjects,
            &s,
            a,
        );
        assert_eq!(keys(&mon), ["meeting:r1:2026-03-09"]);
        assert!(run(
            "2026-03-09T18:00:00Z",
            Some("2026-03-09T17:59:00Z"),
            &subjects,
            &s,
            a
        )
        .is_empty());
    }

    #[test]
    fn dst_days_in_new_york() {
        let ny = "America/New_York";
        let s = ReminderSettings::default();
        // Spring forward (8 March 2026): 09:00 EDT = 13:00Z, the day before 09:00 EST = 14:00Z.
        let subjects = [follow_up("f1", "2026-03-07"), follow_up("f2", "2026-03-08")];
        let sat = run(
            "2026-03-07T14:00:00Z",
            Some("2026-03-07T13:59:00Z"),
            &subjects,
            &s,
            ny,
        );
        assert_eq!(keys(&sat), ["followup:f1:2026-03-07"]);
        let sun = run(
            "2026-03-08T13:00:00Z",
            Some("2026-03-08T12:59:00Z"),
            &subjects,
            &s,
            ny,
        );
        assert_eq!(keys(&sun), ["followup:f2:2026-03-08"]);

        // Fall back (1 November 2026) with quiet hours 22:00–07:00: the night is an hour
        // longer, and 07:00 EST is 12:00Z. An interview at 07:05 EST: reminder held to 12:00Z.
        let s = quiet(hm(22, 0), hm(7, 0));
        let subjects = [interview("i1", "2026-11-01T12:05:00Z")];
        assert!(run(
            "2026-11-01T11:55:00Z",
            Some("2026-11-01T11:54:00Z"),
            &subjects,
            &s,
            ny
        )
        .is_empty());
        assert!(run(
            "2026-11-01T11:00:00Z",
            Some("2026-11-01T10:59:00Z"),
            &subjects,
            &s,
            ny
        )
        .is_empty());
        let r = run(
            "2026-11-01T12:00:00Z",
            Some("2026-11-01T11:59:00Z"),
            &subjects,
            &s,
            ny,
        );
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].at, utc("2026-11-01T12:00:00Z"));
    }

    #[test]
    fn quiet_end_inside_the_repeated_hour_takes_the_pass_after_the_reminder() {
        // Quiet 00:00–01:30 in New York on 1 November 2026: 01:30 happens twice (05:30Z EDT,
        // 06:30Z EST). A reminder at 01:10 EST (06:10Z) is quiet; it waits for 06:30Z.
        let s = quiet(hm(0, 0), hm(1, 30));
        let subjects = [interview("i1", "2026-11-01T06:20:00Z")];
        let r = after_quiet_hours(utc("2026-11-01T06:10:00Z"), &s, tz("America/New_York"));
        assert_eq!(r, utc("2026-11-01T06:30:00Z"));
        // …which is after that interview's start: dropped.
        assert!(plan(&subjects[0], &s, tz("America/New_York")).is_none());
        // A reminder at 00:50 EDT (04:50Z) waits for the first 01:30 (05:30Z).
        let r = after_quiet_hours(utc("2026-11-01T04:50:00Z"), &s, tz("America/New_York"));
        assert_eq!(r, utc("2026-11-01T05:30:00Z"));
    }

    #[test]
    fn quiet_end_in_a_spring_gap_is_read_like_rfc_5545() {
        // Berlin, 29 March 2026: 02:00–03:00 does not exist. Quiet until 02:30 ends at
        // 02:30 CET = 01:30Z (03:30 CEST).
        let s = quiet(hm(23, 0), hm(2, 30));
        let r = after_quiet_hours(utc("2026-03-29T00:30:00Z"), &s, tz("Europe/Berlin"));
        assert_eq!(r, utc("2026-03-29T01:30:00Z"));
    }

    #[test]
    fn app_closed_overnight_fires_no_backlog_only_a_summary() {
        let s = ReminderSettings::default();
        let b = "Europe/Berlin";
        let subjects = [
            follow_up("old", "2026-03-04"), // 09:00 yesterday: over 24 h ago
            follow_up("f1", "2026-03-05"),  // 09:00 today: missed
            interview("i1", "2026-03-05T07:30:00Z"), // 08:30 today: over
            meeting("2026-03-05"),          // 09:00 today: missed
            interview("i2", "2026-03-05T08:35:00Z"), // 09:35 today: still ahead
            follow_up("f2", "2026-03-06"),  // tomorrow
        ];
        // Opened at 09:30 Berlin (08:30Z).
        let r = run("2026-03-05T08:30:00Z", None, &subjects, &s, b);
        assert_eq!(r.len(), 2, "{r:#?}");
        assert_eq!(r[0].key, "interview:i2:10min:20260305T083500Z");
        assert_eq!(r[0].at, utc("2026-03-05T08:30:00Z"));
        assert_eq!(r[0].body, "Starts at 09:35, in 5 minutes");
        assert_eq!(
            r[1],
            Reminder {
                key: "missed:20260305T083000Z".into(),
                title: "3 reminders while Rapport was closed".into(),
                body: "Interview: Deploys; Follow up with Ana Lima; Update meeting today: New CI. \
                       See Today."
                    .into(),
                target: "#/today".into(),
                at: utc("2026-03-05T08:30:00Z"),
                covers: vec![
                    "interview:i1:10min:20260305T073000Z".into(),
                    "followup:f1:2026-03-05".into(),
                    "meeting:r1:2026-03-05".into(),
                ],
            }
        );
        let mut sent: HashSet<String> = HashSet::new();
        sent.extend(r.iter().flat_map(|x| x.keys().map(str::to_owned)));
        // The next tick: nothing.
        let tick = due(
            utc("2026-03-05T08:31:00Z"),
            Some(utc("2026-03-05T08:30:00Z")),
            &subjects,
            &sent,
            &s,
            tz(b),
        );
        assert!(tick.is_empty(), "{tick:?}");
        // Restarted ten minutes later: no second summary for the same reminders.
        let restart = due(
            utc("2026-03-05T08:40:00Z"),
            None,
            &subjects,
            &sent,
            &s,
            tz(b),
        );
        assert!(restart.is_empty(), "{restart:?}");
    }

    #[test]
    fn start_catches_the_last_minute_and_summarises_one() {
        let s = ReminderSettings::default();
        let subjects = [follow_up("f1", "2026-03-05"), follow_up("f2", "2026-03-05")];
        // Opened at 09:00:40 UTC: 09:00 is within the last minute, so it fires as usual.
        let r = run("2026-03-05T09:00:40Z", None, &subjects, &s, "UTC");
        assert_eq!(
            keys(&r),
            ["followup:f1:2026-03-05", "followup:f2:2026-03-05"]
        );
        // Opened at 09:01:01: both missed, one summary.
        let r = run("2026-03-05T09:01:01Z", None, &subjects[..1], &s, "UTC");
        assert_eq!(keys(&r), ["missed:20260305T090101Z"]);
        assert_eq!(r[0].title, "1 reminder while Rapport was closed");
        assert_eq!(r[0].body, "Follow up with Ana Lima. See Today.");
    }

    #[test]
    fn summary_names_three_and_counts_the_rest() {
        let s = ReminderSettings::default();
        let subjects: Vec<Subject> = (1..=5)
            .map(|n| follow_up(&format!("f{n}"), "2026-03-05"))
            .collect();
        let r = run("2026-03-05T12:00:00Z", None, &subjects, &s, "UTC");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].title, "5 reminders while Rapport was closed");
        assert_eq!(
            r[0].body,
            "Follow up with Ana Lima; Follow up with Ana Lima; Follow up with Ana Lima; and 2 \
             more. See Today."
        );
        assert_eq!(r[0].covers.len(), 5);
    }

    #[test]
    fn asleep_overnight_is_like_a_start() {
        let s = ReminderSettings::default();
        let subjects = [
            follow_up("f1", "2026-03-05"),
            interview("i1", "2026-03-05T08:30:00Z"),
        ];
        // Last tick at 21:00 the day before; woke at 09:30 UTC.
        let r = run(
            "2026-03-05T09:30:00Z",
            Some("2026-03-04T21:00:00Z"),
            &subjects,
            &s,
            "UTC",
        );
        assert_eq!(keys(&r), ["missed:20260305T093000Z"]);
        assert_eq!(r[0].title, "2 reminders while this computer was asleep");
        // A short gap (5 minutes) is just a slow tick: what fell in it fires.
        let r = run(
            "2026-03-05T09:03:00Z",
            Some("2026-03-05T08:58:00Z"),
            &subjects,
            &s,
            "UTC",
        );
        assert_eq!(keys(&r), ["followup:f1:2026-03-05"]);
    }

    #[test]
    fn no_summary_during_quiet_hours() {
        let s = ReminderSettings::default();
        let subjects = [follow_up("f1", "2026-03-05")];
        // Opened at 23:00 UTC (quiet): nothing, not even the summary.
        assert!(run("2026-03-05T23:00:00Z", None, &subjects, &s, "UTC").is_empty());
    }

    #[test]
    fn clock_going_back_only_watches_the_last_minute() {
        let s = ReminderSettings::default();
        let subjects = [follow_up("f1", "2026-03-05")];
        let r = run(
            "2026-03-05T09:00:30Z",
            Some("2026-03-05T10:00:00Z"),
            &subjects,
            &s,
            "UTC",
        );
        assert_eq!(keys(&r), ["followup:f1:2026-03-05"]);
        assert!(run(
            "2026-03-05T09:30:00Z",
            Some("2026-03-05T10:00:00Z"),
            &subjects,
            &s,
            "UTC"
        )
        .is_empty());
    }

    #[test]
    fn disabled_sends_nothing() {
        let s = ReminderSettings {
            enabled: false,
            ..ReminderSettings::default()
        };
        assert!(run(
            "2026-03-05T09:00:00Z",
            Some("2026-03-05T08:59:00Z"),
            &[follow_up("f1", "2026-03-05")],
            &s,
            "UTC"
        )
        .is_empty());
        assert!(run(
            "2026-03-05T12:00:00Z",
            None,
            &[follow_up("f1", "2026-03-05")],
            &s,
            "UTC"
        )
        .is_empty());
    }

    #[test]
    fn wire_forms() {
        let json = serde_json::to_value(interview("i1", "2026-03-05T14:00:00Z")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "interview", "id": "i1", "title": "Deploys",
                "starts_at": "2026-03-05T14:00:00Z"})
        );
        let back: Subject = serde_json::from_value(serde_json::json!({"kind": "update-meeting",
            "roadmap_id": "r1", "roadmap_name": "New CI", "on": "2026-03-05"}))
        .unwrap();
        assert_eq!(back, meeting("2026-03-05"));
        let settings = serde_json::to_value(ReminderSettings::default()).unwrap();
        assert_eq!(
            settings,
            serde_json::json!({"enabled": true, "quiet_start": "22:00:00",
                "quiet_end": "08:00:00", "morning": "09:00:00"})
        );
        let decl = <Subject as TS>::decl(&ts_rs::Config::default());
        assert!(decl.contains("\"kind\": \"follow-up\""), "{decl}");
    }
}
