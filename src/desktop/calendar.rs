//! RFC 5545 (`.ics`) export of a planned interview and of a roadmap's update meetings.
//!
//! Pure: each function returns the file's text, and the caller writes it beside its target and
//! renames it (DESIGN: files are written whole). Nothing is sent to anyone: the calendar says
//! `METHOD:PUBLISH`, so a calendar app imports it as an event rather than as an invitation to
//! answer. UIDs are derived from Rapport ids, so importing a later export updates the same event
//! instead of adding a copy.
//!
//! Times are written in the user's IANA zone (`DTSTART;TZID=…`) with a `VTIMEZONE` generated
//! from chrono-tz for exactly the years the event spans, so a calendar without that zone (or
//! with older rules) still places the event right, and a recurring meeting stays at the same
//! wall-clock time across DST changes.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone, Timelike, Utc,
};
use chrono_tz::{GapInfo, OffsetComponents, Tz};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::roadmaps::Cadence;

/// Identifies the producer; RFC 5545 requires it and calendar apps show it in diagnostics.
pub const PRODID: &str = "-//Rapport//Rapport 0.1//EN";
/// The right-hand side of every UID: globally unique together with the UUIDv7 ids.
pub const UID_DOMAIN: &str = "rapport.app";
/// A calendar event longer than a day is not an interview or a meeting; it is a typo.
pub const MAX_DURATION_MINUTES: u32 = 24 * 60;
/// Update meetings run inside one roadmap interval, which is at most a year (roadmaps::MAX_DAYS).
pub const MAX_SERIES_DAYS: i64 = 366;
/// RFC 5545 §3.1: content lines SHOULD NOT be longer than 75 octets, excluding the line break.
const LINE_OCTETS: usize = 75;
const CRLF: &str = "\r\n";

/// What a person does in the interview; decides their `ROLE` in the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum AttendeeRole {
    Interviewee,
    NoteTaker,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Attendee {
    pub name: String,
    /// An email address, or free text ("@ana on Slack"). Only an email becomes a `mailto:`.
    pub contact: String,
    pub role: AttendeeRole,
}

/// The interview as the calendar needs it (the core's `Interview` flattened, names resolved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InviteInterview {
    pub id: String,
    pub title: String,
    pub topic: String,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: u32,
    pub attendees: Vec<Attendee>,
    /// The user exporting, if they want to appear as organizer (only with an email).
    pub organizer: Option<Attendee>,
    /// The guide's questions in order; they go into the description, numbered.
    pub guide_questions: Vec<String>,
}

/// A roadmap's update meetings: from the first meeting to the interval's stop date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingSeries {
    pub roadmap_id: String,
    pub roadmap_name: String,
    /// The date of the first meeting; its weekday is the meeting day.
    pub first: NaiveDate,
    /// The roadmap's stop date, inclusive: no meeting after it.
    pub until: NaiveDate,
    pub cadence: Cadence,
    /// Wall-clock time in the user's zone; it stays the same across DST changes.
    pub local_time: NaiveTime,
    pub duration_minutes: u32,
    pub description: String,
}

/// The `.ics` text of one interview: a single `VEVENT`, `SEQUENCE:0`, `STATUS:CONFIRMED`.
///
/// Interviewees are `ROLE=REQ-PARTICIPANT`; the note-taker is `ROLE=OPT-PARTICIPANT` (they do
/// attend, but the interview happens without them; `NON-PARTICIPANT` means "copied for
/// information only", and some clients then leave the event off that person's calendar).
/// Only contacts that look like an email become `ATTENDEE`/`ORGANIZER` (their value must be a
/// URI); everyone is also named in the description, so people without an email are not lost.
pub fn interview_invite(i: &InviteInterview, tz: &str, now: DateTime<Utc>) -> Result<String> {
    let tz = parse_tz(tz)?;
    let id = required("id", &i.id, "The interview has no id")?;
    required("title", &i.title, "An interview needs a title")?;
    let minutes = duration("duration_minutes", i.duration_minutes)?;

    let start = whole_seconds(i.starts_at);
    let end = start + minutes;
    let mut uses_tz = false;
    let mut event = vec![
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", text(&format!("{id}@{UID_DOMAIN}"))),
        format!("DTSTAMP:{}", utc_stamp(now)),
        date_time("DTSTART", start, tz, &mut uses_tz),
        date_time("DTEND", end, tz, &mut uses_tz),
        format!("SUMMARY:{}", text(i.title.trim())),
        format!("DESCRIPTION:{}", text(&interview_description(i))),
    ];
    if let Some(o) = &i.organizer {
        if let Some(email) = email_of(&o.contact) {
            event.push(format!("ORGANIZER{}:mailto:{email}", cn(&o.name)));
        }
    }
    for a in &i.attendees {
        if let Some(email) = email_of(&a.contact) {
            let role = match a.role {
                AttendeeRole::Interviewee => "REQ-PARTICIPANT",
                AttendeeRole::NoteTaker => "OPT-PARTICIPANT",
            };
            event.push(format!(
                "ATTENDEE{};ROLE={role}:mailto:{email}",
                cn(&a.name)
            ));
        }
    }
    event.extend(["SEQUENCE:0", "STATUS:CONFIRMED", "END:VEVENT"].map(str::to_owned));

    let years = uses_tz.then(|| (local_year(start, tz), local_year(end, tz)));
    Ok(calendar(tz, years, event))
}

/// The `.ics` text of a roadmap's update meetings: one `VEVENT` with a weekly or bi-weekly
/// `RRULE`, so the calendar shows every meeting and one import replaces them all.
///
/// `DTSTART` is local time with `TZID`, so each meeting keeps its wall-clock time across DST.
/// `UNTIL` is the last second of the stop date (local), in UTC: RFC 5545 §3.3.10 requires UTC
/// there when `DTSTART` has a `TZID`. It is not the last meeting's exact instant: a reader
/// that expands the series with the first meeting's UTC offset (Python's dateutil through
/// pytz does, `tests/core/ics/check_ics.py` caught it) then places a meeting after a spring
/// DST change an hour later than that instant and drops it. The next meeting after the stop
/// date is at least a week later, so the end of the day never adds one.
pub fn update_meetings(r: &MeetingSeries, tz: &str, now: DateTime<Utc>) -> Result<String> {
    let tz = parse_tz(tz)?;
    let id = required("roadmap_id", &r.roadmap_id, "The roadmap has no id")?;
    let name = required("roadmap_name", &r.roadmap_name, "The roadmap needs a name")?;
    let minutes = duration("duration_minutes", r.duration_minutes)?;
    let days = (r.until - r.first).num_days();
    if days < 0 {
        return Err(Error::invalid(
            "until",
            "The stop date is before the first update meeting",
        ));
    }
    if days > MAX_SERIES_DAYS {
        return Err(Error::invalid(
            "until",
            format!(
                "Update meetings can span at most {MAX_SERIES_DAYS} days, one roadmap interval"
            ),
        ));
    }

    let local_time = r.local_time.with_nanosecond(0).unwrap_or(r.local_time);
    let step = r.cadence.days();
    let last = r.first + Duration::days(days / step * step);
    let first_local = r.first.and_time(local_time);
    let start = resolve_local(tz, first_local);
    let last_start = resolve_local(tz, last.and_time(local_time));
    let end_of_stop = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
    let until = resolve_local(tz, r.until.and_time(end_of_stop));
    let description = match r.description.trim() {
        "" => "Walk the roadmap's incomplete rows line by line and record a status and a note \
               for each."
            .to_owned(),
        d => d.to_owned(),
    };

    let mut uses_tz = true;
    let event = vec![
        "BEGIN:VEVENT".to_owned(),
        format!(
            "UID:{}",
            text(&format!("roadmap-{id}-updates@{UID_DOMAIN}"))
        ),
        format!("DTSTAMP:{}", utc_stamp(now)),
        // The series is anchored on the wall-clock time, written as given even on a DST day.
        format!("DTSTART;TZID={}:{}", tz.name(), local_stamp(first_local)),
        date_time("DTEND", start + minutes, tz, &mut uses_tz),
        format!(
            "RRULE:FREQ=WEEKLY;INTERVAL={};UNTIL={}",
            r.cadence.days() / 7,
            utc_stamp(until)
        ),
        format!(
            "SUMMARY:{}",
            text(&format!("{name}: roadmap update meeting"))
        ),
        format!("DESCRIPTION:{}", text(&description)),
        "SEQUENCE:0".to_owned(),
        "STATUS:CONFIRMED".to_owned(),
        "END:VEVENT".to_owned(),
    ];
    let years = (r.first.year(), local_year(last_start + minutes, tz));
    Ok(calendar(tz, Some(years), event))
}

/// The user's zone by its IANA name; a bad one is a validation error on `tz`.
pub fn parse_tz(name: &str) -> Result<Tz> {
    name.trim().parse::<Tz>().map_err(|_| {
        Error::invalid(
            "tz",
            format!("\"{name}\" is not an IANA time zone name (like Europe/Berlin)"),
        )
    })
}

/// The instant a wall-clock time names, read the way RFC 5545 §3.3.5 reads `TZID` times: a time
/// that occurs twice (clocks going back) is the first one, and a time that does not exist
/// (clocks going forward) is read with the offset from before the gap, landing just after it.
pub fn resolve_local(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(a, b) => a.with_timezone(&Utc).min(b.with_timezone(&Utc)),
        LocalResult::None => {
            let before = GapInfo::new(&local, &tz)
                .and_then(|g| g.begin)
                .map(|(_, offset)| offset.fix().local_minus_utc())
                // A day and a half earlier is before the gap whatever the zone's offset.
                .unwrap_or_else(|| offset_at(tz, local.and_utc().timestamp() - 36 * 3600).0);
            (local - Duration::seconds(i64::from(before))).and_utc()
        }
    }
}

fn required<'a>(field: &str, value: &'a str, message: &str) -> Result<&'a str> {
    match value.trim() {
        "" => Err(Error::invalid(field, message)),
        v => Ok(v),
    }
}

fn duration(field: &str, minutes: u32) -> Result<Duration> {
    if minutes == 0 || minutes > MAX_DURATION_MINUTES {
        return Err(Error::invalid(
            field,
            format!("The duration must be between 1 and {MAX_DURATION_MINUTES} minutes"),
        ));
    }
    Ok(Duration::minutes(i64::from(minutes)))
}

fn whole_seconds(t: DateTime<Utc>) -> DateTime<Utc> {
    t.with_nanosecond(0).unwrap_or(t)
}

fn local_year(t: DateTime<Utc>, tz: Tz) -> i32 {
    t.with_timezone(&tz).year()
}

fn utc_stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

fn local_stamp(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// `NAME;TZID=zone:local` for an instant, or `NAME:…Z` when the local time is the second pass
/// through a repeated hour: a `TZID` time there would be read as the first pass, an hour off.
fn date_time(name: &str, t: DateTime<Utc>, tz: Tz, uses_tz: &mut bool) -> String {
    let local = t.with_timezone(&tz).naive_local();
    if resolve_local(tz, local) == t {
        *uses_tz = true;
        format!("{name};TZID={}:{}", tz.name(), local_stamp(local))
    } else {
        format!("{name}:{}", utc_stamp(t))
    }
}

fn interview_description(i: &InviteInterview) -> String {
    let mut blocks = Vec::new();
    if !i.topic.trim().is_empty() {
        blocks.push(i.topic.trim().to_owned());
    }
    let questions: Vec<String> = i
        .guide_questions
        .iter()
        .map(|q| q.trim())
        .filter(|q| !q.is_empty())
        .enumerate()
        .map(|(n, q)| format!("{}. {q}", n + 1))
        .collect();
    if !questions.is_empty() {
        blocks.push(format!("Questions:\n{}", questions.join("\n")));
    }
    let names = |role: AttendeeRole| -> Vec<String> {
        i.attendees
            .iter()
            .filter(|a| a.role == role)
            .filter_map(person_label)
            .collect()
    };
    let mut people = Vec::new();
    for (label, role) in [
        ("Interviewees", AttendeeRole::Interviewee),
        ("Note-taker", AttendeeRole::NoteTaker),
    ] {
        let list = names(role);
        if !list.is_empty() {
            people.push(format!("{label}: {}", list.join(", ")));
        }
    }
    if let Some(o) = i.organizer.as_ref().and_then(person_label) {
        people.push(format!("Organizer: {o}"));
    }
    if !people.is_empty() {
        blocks.push(people.join("\n"));
    }
    blocks.join("\n\n")
}

/// "Name", or "Name (contact)" when the contact is not an email (so it is not lost), or the
/// contact alone when there is no name.
fn person_label(a: &Attendee) -> Option<String> {
    let name = a.name.trim();
    let contact = a.contact.trim();
    let extra = (email_of(contact).is_none() && !contact.is_empty()).then_some(contact);
    match (name, extra) {
        ("", None) if contact.is_empty() => None,
        ("", _) => Some(contact.to_owned()),
        (n, Some(c)) => Some(format!("{n} ({c})")),
        (n, None) => Some(n.to_owned()),
    }
}

/// The address when `contact` looks like an email (`ana@example.com`, `Ana <ana@example.com>`,
/// `mailto:ana@example.com`). Deliberately strict, ASCII only: it becomes a `mailto:` URI, and
/// anything doubtful stays free text in the description instead.
fn email_of(contact: &str) -> Option<String> {
    let mut c = contact.trim();
    if let (Some(open), Some(close)) = (c.rfind('<'), c.rfind('>')) {
        if open < close {
            c = c[open + 1..close].trim();
        }
    }
    if c.len() > 7 && c[..7].eq_ignore_ascii_case("mailto:") {
        c = &c[7..];
    }
    let (local, domain) = c.split_once('@')?;
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ".!$&'*+-=^_{|}~".contains(ch));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
        });
    (local_ok && domain_ok && c.len() <= 254).then(|| c.to_owned())
}

/// `;CN="…"`, always quoted (names carry commas and colons). A parameter value cannot hold a
/// double quote or a control character (RFC 5545 §3.1), so those are replaced rather than
/// RFC 6868-encoded, which few clients decode.
fn cn(name: &str) -> String {
    let clean: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '"' => '\'',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    if clean.trim().is_empty() {
        String::new()
    } else {
        format!(";CN=\"{}\"", clean.trim())
    }
}

/// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon and comma are escaped, every line
/// break becomes `\n`; other control characters (not allowed in TEXT) are dropped, except tab.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line at 75 octets (RFC 5545 §3.1): continuation lines start with one
/// space, which counts toward their 75. A break never splits a UTF-8 sequence.
pub fn fold(line: &str) -> String {
    if line.len() <= LINE_OCTETS {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len() + line.len() / 37 + 3);
    let mut rest = line;
    let mut room = LINE_OCTETS;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str(CRLF);
        out.push(' ');
        rest = &rest[cut..];
        room = LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out
}

/// The whole file: header, the `VTIMEZONE` for `years` (when a property uses `TZID`), events.
fn calendar(tz: Tz, years: Option<(i32, i32)>, event: Vec<String>) -> String {
    let mut lines: Vec<String> = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    .map(str::to_owned)
    .to_vec();
    if let Some((first, last)) = years {
        lines.extend(vtimezone(tz, first, last.max(first)));
    }
    lines.extend(event);
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for l in &lines {
        out.push_str(&fold(l));
        out.push_str(CRLF);
    }
    out
}

const DAY: i64 = 86_400;

/// (total offset, DST part) in seconds at a Unix instant: what distinguishes two observances.
fn offset_at(tz: Tz, ts: i64) -> (i32, i32) {
    let utc = DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .naive_utc();
    let o = tz.offset_from_utc_datetime(&utc);
    (
        o.fix().local_minus_utc(),
        o.dst_offset().num_seconds() as i32,
    )
}

/// The first second in `(lo, hi]` whose offset differs from `lo`'s, given that `hi`'s does.
fn first_change(tz: Tz, mut lo: i64, mut hi: i64) -> i64 {
    let before = offset_at(tz, lo);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if offset_at(tz, mid) == before {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

/// One `STANDARD`/`DAYLIGHT` sub-component: a single onset, no `RRULE`.
struct Observance {
    onset: i64,
    from: i32,
    to: i32,
    dst: i32,
    name: String,
}

fn observance(tz: Tz, onset: i64, from: i32) -> Observance {
    let utc = DateTime::from_timestamp(onset, 0).unwrap_or_default();
    let o = tz.offset_from_utc_datetime(&utc.naive_utc());
    Observance {
        onset,
        from,
        to: o.fix().local_minus_utc(),
        dst: o.dst_offset().num_seconds() as i32,
        // The tzdb abbreviation, or its numeric form ("+0530") where tzdb has none.
        name: o.to_string(),
    }
}

/// `VTIMEZONE` for the local years `first..=last`: the observance in force on 1 January of
/// `first` (with the onset of its last change, searched back to 1970), then every change inside
/// the years, each as its own sub-component with its exact onset. Explicit onsets instead of
/// `RRULE`s are always right, whatever the zone's rules, and need no interpretation by the
/// reader. chrono-tz does not expose its transition table, so changes are found by probing
/// the offset daily and bisecting to the second.
fn vtimezone(tz: Tz, first: i32, last: i32) -> Vec<String> {
    let jan1 = |y: i32| {
        let d = NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default();
        resolve_local(tz, d.and_time(NaiveTime::MIN)).timestamp()
    };
    let (start, end) = (jan1(first), jan1(last + 1));
    let floor = 0; // 1970-01-01: older history never matters for a file made today.

    let initial = offset_at(tz, start);
    let mut observances = Vec::new();
    let mut t = start;
    let mut onset = None;
    while t > floor {
        let prev = (t - DAY).max(floor);
        if offset_at(tz, prev) != initial {
            onset = Some(first_change(tz, prev, t));
            break;
        }
        t = prev;
    }
    observances.push(match onset {
        Some(x) => observance(tz, x, offset_at(tz, x - 1).0),
        // Unchanged since 1970: one observance that has always applied, FROM = TO.
        None => observance(tz, -i64::from(initial.0), initial.0),
    });

    let (mut t, mut current) = (start, initial);
    while t < end {
        let next = (t + DAY).min(end);
        if offset_at(tz, next) != current {
            let x = first_change(tz, t, next);
            observances.push(observance(tz, x, current.0));
            current = offset_at(tz, x);
            t = x;
        } else {
            t = next;
        }
    }

    let mut lines = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{}", tz.name())];
    for o in observances {
        // DST means a positive DST part; tzdb's negative DST (Europe/Dublin's winter) is the
        // legal standard time there, so both of its observances are STANDARD.
        let kind = if o.dst > 0 { "DAYLIGHT" } else { "STANDARD" };
        let local = DateTime::from_timestamp(o.onset + i64::from(o.from), 0)
            .unwrap_or_default()
            .naive_utc();
        lines.extend([
            format!("BEGIN:{kind}"),
            format!("DTSTART:{}", local_stamp(local)),
            format!("TZOFFSETFROM:{}", utc_offset(o.from)),
            format!("TZOFFSETTO:{}", utc_offset(o.to)),
            format!("TZNAME:{}", text(&o.name)),
            format!("END:{kind}"),
        ]);
    }
    lines.push("END:VTIMEZONE".to_owned());
    lines
}

/// `±HHMM[SS]` (RFC 5545 §3.3.14); zero is `+0000`, as `-0000` is not allowed.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use icalendar::{Calendar, CalendarComponent, Component, EventLike};

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const NOW: &str = "2026-02-01T12:00:00Z";

    fn person(name: &str, contact: &str, role: AttendeeRole) -> Attendee {
        Attendee {
            name: name.into(),
            contact: contact.into(),
            role,
        }
    }

    fn interview(starts_at: &str, minutes: u32) -> InviteInterview {
        InviteInterview {
            id: "0194f3a2-7c1e-7b2a-9d1e-5f0a1b2c3d4e".into(),
            title: "Deploy pipeline interview".into(),
            topic: "How teams ship to production".into(),
            starts_at: utc(starts_at),
            duration_minutes: minutes,
            attendees: vec![],
            organizer: None,
            guide_questions: vec![],
        }
    }

    fn series(first: &str, until: &str, cadence: Cadence) -> MeetingSeries {
        MeetingSeries {
            roadmap_id: "0194f3a2-0000-7000-8000-000000000001".into(),
            roadmap_name: "New CI".into(),
            first: date(first),
            until: date(until),
            cadence,
            local_time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            duration_minutes: 45,
            description: "Walk the rows.".into(),
        }
    }

    /// Physical lines, checked for the RFC's framing on the way: CRLF only, ≤ 75 octets each,
    /// every line valid UTF-8 on its own (no character split by a fold).
    fn physical_lines(ics: &str) -> Vec<String> {
        assert!(ics.ends_with("\r\n"));
        let bytes = ics.as_bytes();
        assert!(
            !bytes
                .iter()
                .enumerate()
                .any(|(i, &b)| b == b'\n' && (i == 0 || bytes[i - 1] != b'\r')),
            "bare LF"
        );
        let body = &bytes[..bytes.len() - 2];
        let mut lines = Vec::new();
        let mut start = 0;
        for i in 0..body.len() {
            if body[i] == b'\r' && body.get(i + 1) == Some(&b'\n') {
                lines.push(&body[start..i]);
                start = i + 2;
            }
        }
        lines.push(&body[start..]);
        lines
            .into_iter()
            .map(|l| {
                assert!(l.len() <= 75, "{} octets", l.len());
                String::from_utf8(l.to_vec()).expect("a fold split a UTF-8 character")
            })
            .collect()
    }

    /// Unfolded content lines.
    fn content_lines(ics: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for l in physical_lines(ics) {
            match l.strip_prefix(' ') {
                Some(cont) => out.last_mut().unwrap().push_str(cont),
                None => out.push(l),
            }
        }
        out
    }

    fn block(ics: &str, begin: &str, end: &str) -> Vec<String> {
        let lines = content_lines(ics);
        let a = lines.iter().position(|l| l == begin).unwrap();
        let b = lines.iter().position(|l| l == end).unwrap();
        lines[a..=b].to_vec()
    }

    fn parse(ics: &str) -> Calendar {
        ics.parse::<Calendar>()
            .expect("icalendar parses the export")
    }

    fn only_event(cal: &Calendar) -> &icalendar::Event {
        let events: Vec<_> = cal
            .components
            .iter()
            .filter_map(|c| match c {
                CalendarComponent::Event(e) => Some(e),
                _ => None,
            })
            .collect();
        assert_eq!(events.len(), 1);
        events[0]
    }

    /// Files for `check_ics.py`: written when RAPPORT_ICS_OUT names a folder. `expect` lists
    /// each occurrence as [local wall-clock time, UTC instant].
    fn write_out(name: &str, ics: &str, tz: &str, expect: &[(&str, &str)]) {
        let Ok(dir) = std::env::var("RAPPORT_ICS_OUT") else {
            return;
        };
        let dir = std::path::Path::new(&dir);
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(format!("{name}.ics")), ics).unwrap();
        let expect = serde_json::json!({
            "tz": tz,
            "occurrences": expect.iter().map(|(l, u)| [l, u]).collect::<Vec<_>>(),
        });
        std::fs::write(
            dir.join(format!("{name}.expect.json")),
            serde_json::to_string_pretty(&expect).unwrap(),
        )
        .unwrap();
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let ascii = format!("SUMMARY:{}", "a".repeat(200));
        assert_eq!(
            fold(&ascii),
            format!(
                "SUMMARY:{}\r\n {}\r\n {}",
                "a".repeat(67),
                "a".repeat(74),
                "a".repeat(59)
            )
        );
        // 8 + 33 × 2 = 74: a 34th "é" would straddle octet 75.
        let accents = format!("SUMMARY:{}", "é".repeat(40));
        assert_eq!(
            fold(&accents),
            format!("SUMMARY:{}\r\n {}", "é".repeat(33), "é".repeat(7))
        );
        // 1 + 18 × 4 = 73 on the first line; 1 + 18 × 4 on the second; the rest on the third.
        let emoji = format!("X{}", "🚀".repeat(40));
        assert_eq!(
            fold(&emoji),
            format!(
                "X{}\r\n {}\r\n {}",
                "🚀".repeat(18),
                "🚀".repeat(18),
                "🚀".repeat(4)
            )
        );
        assert_eq!(fold(&"b".repeat(75)), "b".repeat(75));
    }

    #[test]
    fn long_unicode_title_folds_and_round_trips() {
        let unit = "Revue d'été 🚀 naïve façade, déjà vu; Ünïcödé ☕ ";
        let title: String = unit.chars().cycle().take(199).chain(['!']).collect();
        assert_eq!(title.chars().count(), 200);
        let mut i = interview("2026-06-10T14:00:00Z", 30);
        i.title = title.clone();
        let ics = interview_invite(&i, "Europe/Berlin", utc(NOW)).unwrap();

        let physical = physical_lines(&ics);
        let summary_at = physical
            .iter()
            .position(|l| l.starts_with("SUMMARY:"))
            .unwrap();
        let folded: Vec<&String> = physical[summary_at..]
            .iter()
            .take_while(|l| l.starts_with("SUMMARY:") || l.starts_with(' '))
            .collect();
        assert!(folded.len() >= 4, "{folded:?}");
        // A line is only shorter than 75 where the next character would not fit.
        for pair in folded.windows(2) {
            let next = pair[1][1..].chars().next().unwrap();
            assert!(pair[0].len() + next.len_utf8() > 75, "{:?}", pair[0]);
        }
        assert_eq!(
            content_lines(&ics)
                .into_iter()
                .find(|l| l.starts_with("SUMMARY:"))
                .unwrap(),
            format!("SUMMARY:{}", text(&title))
        );
        let cal = parse(&ics);
        assert_eq!(only_event(&cal).get_summary(), Some(title.as_str()));
        write_out(
            "long-unicode-title",
            &ics,
            "Europe/Berlin",
            &[("2026-06-10T16:00:00", "2026-06-10T14:00:00Z")],
        );
    }

    #[test]
    fn escapes_text() {
        assert_eq!(
            text("a\\b;c,d\ne\r\nf\rg: h\u{7}\ti"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng: h\ti"
        );
        let mut i = interview("2026-06-10T14:00:00Z", 30);
        i.title = "Deploys; rollbacks, and \\ paths".into();
        i.topic = "Line one\nLine two, with; all: of it".into();
        let ics = interview_invite(&i, "UTC", utc(NOW)).unwrap();
        let lines = content_lines(&ics);
        assert!(lines.contains(&"SUMMARY:Deploys\\; rollbacks\\, and \\\\ paths".to_owned()));
        assert!(lines.contains(&"DESCRIPTION:Line one\\nLine two\\, with\\; all: of it".to_owned()));
        let cal = parse(&ics);
        let e = only_event(&cal);
        assert_eq!(e.get_summary(), Some("Deploys; rollbacks, and \\ paths"));
        assert_eq!(
            e.get_description(),
            Some("Line one\nLine two, with; all: of it")
        );
    }

    #[test]
    fn new_york_interview_across_the_spring_dst_change() {
        // 01:30 EST, 150 minutes: the clocks jump 02:00 → 03:00 in between, so it ends 05:00 EDT.
        let mut i = interview("2026-03-08T06:30:00Z", 150);
        i.guide_questions = vec![
            "Walk me through your last deploy.".into(),
            "  ".into(),
            "What happened after you pressed merge?".into(),
        ];
        i.attendees = vec![
            person("Ana Lima", "ana@example.com", AttendeeRole::Interviewee),
            person("Bo Chen", "@bo on Slack", AttendeeRole::Interviewee),
            person(
                "Cy Díaz, SRE",
                "Cy <cy.diaz@example.org>",
                AttendeeRole::NoteTaker,
            ),
        ];
        i.organizer = Some(person("Dee", "dee@example.com", AttendeeRole::NoteTaker));
        let ics = interview_invite(&i, "America/New_York", utc(NOW)).unwrap();
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Rapport//Rapport 0.1//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VTIMEZONE",
            "TZID:America/New_York",
            "BEGIN:STANDARD",
            "DTSTART:20251102T020000",
            "TZOFFSETFROM:-0400",
            "TZOFFSETTO:-0500",
            "TZNAME:EST",
            "END:STANDARD",
            "BEGIN:DAYLIGHT",
            "DTSTART:20260308T020000",
            "TZOFFSETFROM:-0500",
            "TZOFFSETTO:-0400",
            "TZNAME:EDT",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "DTSTART:20261101T020000",
            "TZOFFSETFROM:-0400",
            "TZOFFSETTO:-0500",
            "TZNAME:EST",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:0194f3a2-7c1e-7b2a-9d1e-5f0a1b2c3d4e@rapport.app",
            "DTSTAMP:20260201T120000Z",
            "DTSTART;TZID=America/New_York:20260308T013000",
            "DTEND;TZID=America/New_York:20260308T050000",
            "SUMMARY:Deploy pipeline interview",
            "DESCRIPTION:How teams ship to production\\n\\nQuestions:\\n1. Walk me through \
             your last deploy.\\n2. What happened after you pressed merge?\\n\\nInterviewees: \
             Ana Lima\\, Bo Chen (@bo on Slack)\\nNote-taker: Cy Díaz\\, SRE\\nOrganizer: Dee",
            "ORGANIZER;CN=\"Dee\":mailto:dee@example.com",
            "ATTENDEE;CN=\"Ana Lima\";ROLE=REQ-PARTICIPANT:mailto:ana@example.com",
            "ATTENDEE;CN=\"Cy Díaz, SRE\";ROLE=OPT-PARTICIPANT:mailto:cy.diaz@example.org",
            "SEQUENCE:0",
            "STATUS:CONFIRMED",
            "END:VEVENT",
            "END:VCALENDAR",
        ];
        assert_eq!(content_lines(&ics), expected);

        let cal = parse(&ics);
        let e = only_event(&cal);
        let attendees = &e.multi_properties()["ATTENDEE"];
        assert_eq!(attendees.len(), 2);
        assert_eq!(attendees[0].value(), "mailto:ana@example.com");
        assert_eq!(
            attendees[1].params()["ROLE"].value(),
            "OPT-PARTICIPANT",
            "the note-taker"
        );
        assert_eq!(attendees[1].params()["CN"].value(), "Cy Díaz, SRE");
        assert!(e
            .get_description()
            .unwrap()
            .contains("Bo Chen (@bo on Slack)"));
        write_out(
            "new-york-interview",
            &ics,
            "America/New_York",
            &[("2026-03-08T01:30:00", "2026-03-08T06:30:00Z")],
        );
    }

    #[test]
    fn second_pass_of_a_repeated_hour_is_written_in_utc() {
        // 2026-11-01 01:30 happens twice in New York; 05:30Z is the first (EDT), 06:30Z the second.
        let first = interview_invite(
            &interview("2026-11-01T05:30:00Z", 30),
            "America/New_York",
            utc(NOW),
        )
        .unwrap();
        let lines = content_lines(&first);
        assert!(lines.contains(&"DTSTART;TZID=America/New_York:20261101T013000".to_owned()));
        // It ends at 01:00 EST, the second pass of 01:00.
        assert!(lines.contains(&"DTEND:20261101T060000Z".to_owned()));
        let second = interview_invite(
            &interview("2026-11-01T06:30:00Z", 30),
            "America/New_York",
            utc(NOW),
        )
        .unwrap();
        let lines = content_lines(&second);
        assert!(lines.contains(&"DTSTART:20261101T063000Z".to_owned()));
        assert!(lines.contains(&"DTEND;TZID=America/New_York:20261101T020000".to_owned()));
        write_out(
            "new-york-repeated-hour",
            &second,
            "America/New_York",
            &[("2026-11-01T01:30:00", "2026-11-01T06:30:00Z")],
        );
    }

    #[test]
    fn resolves_local_times_like_rfc_5545() {
        let ny: Tz = "America/New_York".parse().unwrap();
        let local = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        // Gap: 02:30 does not exist; read with the offset before it (EST), i.e. 03:30 EDT.
        assert_eq!(
            resolve_local(ny, local("2026-03-08T02:30:00")),
            utc("2026-03-08T07:30:00Z")
        );
        // Repeated: 01:30 is taken as its first pass (EDT).
        assert_eq!(
            resolve_local(ny, local("2026-11-01T01:30:00")),
            utc("2026-11-01T05:30:00Z")
        );
    }

    /// Expands the series with the `icalendar` crate's own recurrence support (the `rrule`
    /// crate), independently of how the export computed `UNTIL`.
    fn occurrences(ics: &str, tz: Tz) -> Vec<(String, DateTime<Utc>)> {
        let cal = parse(ics);
        let e = only_event(&cal);
        e.get_recurrence()
            .unwrap()
            .all(100)
            .dates
            .into_iter()
            .map(|d| {
                (
                    d.with_timezone(&tz).format("%Y-%m-%d %a %H:%M").to_string(),
                    d.with_timezone(&Utc),
                )
            })
            .collect()
    }

    #[test]
    fn berlin_weekly_meetings_stay_at_ten_across_the_october_change() {
        let tz: Tz = "Europe/Berlin".parse().unwrap();
        let ics = update_meetings(
            &series("2026-10-12", "2026-11-09", Cadence::Weekly),
            "Europe/Berlin",
            utc(NOW),
        )
        .unwrap();
        let lines = content_lines(&ics);
        for l in [
            "DTSTART;TZID=Europe/Berlin:20261012T100000",
            "DTEND;TZID=Europe/Berlin:20261012T104500",
            "RRULE:FREQ=WEEKLY;INTERVAL=1;UNTIL=20261109T225959Z",
            "UID:roadmap-0194f3a2-0000-7000-8000-000000000001-updates@rapport.app",
            "SUMMARY:New CI: roadmap update meeting",
            "DESCRIPTION:Walk the rows.",
        ] {
            assert!(lines.contains(&l.to_owned()), "{l}");
        }
        assert_eq!(
            block(&ics, "BEGIN:VTIMEZONE", "END:VTIMEZONE"),
            [
                "BEGIN:VTIMEZONE",
                "TZID:Europe/Berlin",
                "BEGIN:STANDARD",
                "DTSTART:20251026T030000",
                "TZOFFSETFROM:+0200",
                "TZOFFSETTO:+0100",
                "TZNAME:CET",
                "END:STANDARD",
                "BEGIN:DAYLIGHT",
                "DTSTART:20260329T020000",
                "TZOFFSETFROM:+0100",
                "TZOFFSETTO:+0200",
                "TZNAME:CEST",
                "END:DAYLIGHT",
                "BEGIN:STANDARD",
                "DTSTART:20261025T030000",
                "TZOFFSETFROM:+0200",
                "TZOFFSETTO:+0100",
                "TZNAME:CET",
                "END:STANDARD",
                "END:VTIMEZONE",
            ]
        );
        let expected = [
            ("2026-10-12 Mon 10:00", "2026-10-12T08:00:00Z"),
            ("2026-10-19 Mon 10:00", "2026-10-19T08:00:00Z"),
            ("2026-10-26 Mon 10:00", "2026-10-26T09:00:00Z"),
            ("2026-11-02 Mon 10:00", "2026-11-02T09:00:00Z"),
            ("2026-11-09 Mon 10:00", "2026-11-09T09:00:00Z"),
        ];
        let got = occurrences(&ics, tz);
        assert_eq!(
            got,
            expected
                .iter()
                .map(|(l, u)| (l.to_string(), utc(u)))
                .collect::<Vec<_>>()
        );
        write_out(
            "berlin-weekly",
            &ics,
            "Europe/Berlin",
            &[
                ("2026-10-12T10:00:00", "2026-10-12T08:00:00Z"),
                ("2026-10-19T10:00:00", "2026-10-19T08:00:00Z"),
                ("2026-10-26T10:00:00", "2026-10-26T09:00:00Z"),
                ("2026-11-02T10:00:00", "2026-11-02T09:00:00Z"),
                ("2026-11-09T10:00:00", "2026-11-09T09:00:00Z"),
            ],
        );
    }

    #[test]
    fn biweekly_until_is_the_end_of_the_stop_date_and_no_meeting_falls_after_it() {
        let tz: Tz = "Europe/Berlin".parse().unwrap();
        let ics = update_meetings(
            &series("2026-10-12", "2026-11-22", Cadence::Biweekly),
            "Europe/Berlin",
            utc(NOW),
        )
        .unwrap();
        assert!(content_lines(&ics)
            .contains(&"RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20261122T225959Z".to_owned()));
        let got: Vec<String> = occurrences(&ics, tz).into_iter().map(|(l, _)| l).collect();
        assert_eq!(
            got,
            [
                "2026-10-12 Mon 10:00",
                "2026-10-26 Mon 10:00",
                "2026-11-09 Mon 10:00"
            ]
        );
        write_out(
            "berlin-biweekly",
            &ics,
            "Europe/Berlin",
            &[
                ("2026-10-12T10:00:00", "2026-10-12T08:00:00Z"),
                ("2026-10-26T10:00:00", "2026-10-26T09:00:00Z"),
                ("2026-11-09T10:00:00", "2026-11-09T09:00:00Z"),
            ],
        );
        // A stop date on the first meeting: a series of one.
        let one = update_meetings(
            &series("2026-10-12", "2026-10-18", Cadence::Biweekly),
            "Europe/Berlin",
            utc(NOW),
        )
        .unwrap();
        assert!(content_lines(&one)
            .contains(&"RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20261018T215959Z".to_owned()));
        assert_eq!(occurrences(&one, tz).len(), 1);
    }

    #[test]
    fn kolkata_has_one_standard_observance() {
        // 10:00 IST = 04:30Z.
        let ics = interview_invite(
            &interview("2026-05-04T04:30:00Z", 30),
            "Asia/Kolkata",
            utc(NOW),
        )
        .unwrap();
        assert_eq!(
            block(&ics, "BEGIN:VTIMEZONE", "END:VTIMEZONE"),
            [
                "BEGIN:VTIMEZONE",
                "TZID:Asia/Kolkata",
                "BEGIN:STANDARD",
                "DTSTART:19700101T000000",
                "TZOFFSETFROM:+0530",
                "TZOFFSETTO:+0530",
                "TZNAME:IST",
                "END:STANDARD",
                "END:VTIMEZONE",
            ]
        );
        assert!(
            content_lines(&ics).contains(&"DTSTART;TZID=Asia/Kolkata:20260504T100000".to_owned())
        );
        write_out(
            "kolkata-interview",
            &ics,
            "Asia/Kolkata",
            &[("2026-05-04T10:00:00", "2026-05-04T04:30:00Z")],
        );
    }

    #[test]
    fn chatham_offsets_have_quarter_hours() {
        // 09:00 CHAST (+12:45) on 15 June = 20:15Z the day before.
        let ics = interview_invite(
            &interview("2026-06-14T20:15:00Z", 60),
            "Pacific/Chatham",
            utc(NOW),
        )
        .unwrap();
        assert_eq!(
            block(&ics, "BEGIN:VTIMEZONE", "END:VTIMEZONE"),
            [
                "BEGIN:VTIMEZONE",
                "TZID:Pacific/Chatham",
                "BEGIN:DAYLIGHT",
                "DTSTART:20250928T024500",
                "TZOFFSETFROM:+1245",
                "TZOFFSETTO:+1345",
                "TZNAME:+1345",
                "END:DAYLIGHT",
                "BEGIN:STANDARD",
                "DTSTART:20260405T034500",
                "TZOFFSETFROM:+1345",
                "TZOFFSETTO:+1245",
                "TZNAME:+1245",
                "END:STANDARD",
                "BEGIN:DAYLIGHT",
                "DTSTART:20260927T024500",
                "TZOFFSETFROM:+1245",
                "TZOFFSETTO:+1345",
                "TZNAME:+1345",
                "END:DAYLIGHT",
                "END:VTIMEZONE",
            ]
        );
        let lines = content_lines(&ics);
        assert!(lines.contains(&"DTSTART;TZID=Pacific/Chatham:20260615T090000".to_owned()));
        assert!(lines.contains(&"DTEND;TZID=Pacific/Chatham:20260615T100000".to_owned()));
        write_out(
            "chatham-interview",
            &ics,
            "Pacific/Chatham",
            &[("2026-06-15T09:00:00", "2026-06-14T20:15:00Z")],
        );
        // A weekly series over the April change: 09:00 local throughout.
        let mut s = series("2026-03-23", "2026-04-13", Cadence::Weekly);
        s.local_time = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        let ics = update_meetings(&s, "Pacific/Chatham", utc(NOW)).unwrap();
        let tz: Tz = "Pacific/Chatham".parse().unwrap();
        let got = occurrences(&ics, tz);
        let want = [
            ("2026-03-23 Mon 09:00", "2026-03-22T19:15:00Z"),
            ("2026-03-30 Mon 09:00", "2026-03-29T19:15:00Z"),
            ("2026-04-06 Mon 09:00", "2026-04-05T20:15:00Z"),
            ("2026-04-13 Mon 09:00", "2026-04-12T20:15:00Z"),
        ];
        assert_eq!(
            got,
            want.iter()
                .map(|(l, u)| (l.to_string(), utc(u)))
                .collect::<Vec<_>>()
        );
        write_out(
            "chatham-weekly",
            &ics,
            "Pacific/Chatham",
            &[
                ("2026-03-23T09:00:00", "2026-03-22T19:15:00Z"),
                ("2026-03-30T09:00:00", "2026-03-29T19:15:00Z"),
                ("2026-04-06T09:00:00", "2026-04-05T20:15:00Z"),
                ("2026-04-13T09:00:00", "2026-04-12T20:15:00Z"),
            ],
        );
    }

    #[test]
    fn kiritimati_is_fourteen_hours_ahead() {
        // 09:00 on 1 January 2026 local is still 2025 in UTC.
        let ics = interview_invite(
            &interview("2025-12-31T19:00:00Z", 30),
            "Pacific/Kiritimati",
            utc(NOW),
        )
        .unwrap();
        assert_eq!(
            block(&ics, "BEGIN:VTIMEZONE", "END:VTIMEZONE"),
            [
                "BEGIN:VTIMEZONE",
                "TZID:Pacific/Kiritimati",
                "BEGIN:STANDARD",
                "DTSTART:19941231T000000",
                "TZOFFSETFROM:-1000",
                "TZOFFSETTO:+1400",
                "TZNAME:+14",
                "END:STANDARD",
                "END:VTIMEZONE",
            ]
        );
        assert!(content_lines(&ics)
            .contains(&"DTSTART;TZID=Pacific/Kiritimati:20260101T090000".to_owned()));
        write_out(
            "kiritimati-interview",
            &ics,
            "Pacific/Kiritimati",
            &[("2026-01-01T09:00:00", "2025-12-31T19:00:00Z")],
        );
    }

    #[test]
    fn only_emails_become_calendar_addresses() {
        for (contact, want) in [
            ("ana@example.com", Some("ana@example.com")),
            (
                "  Ana Lima <ana.lima+ops@corp.example.co.uk> ",
                Some("ana.lima+ops@corp.example.co.uk"),
            ),
            ("MAILTO:bo@example.org", Some("bo@example.org")),
            ("@bo on Slack", None),
            ("bo@localhost", None),
            ("bo at example.com", None),
            ("bo@exa mple.com", None),
            ("bö@example.com", None),
            ("a@b@example.com", None),
            ("", None),
        ] {
            assert_eq!(email_of(contact).as_deref(), want, "{contact:?}");
        }
        // No email, no ATTENDEE: the person is still named in the description.
        let mut i = interview("2026-06-10T14:00:00Z", 30);
        i.attendees = vec![person(
            "Bo \"B\" Chen",
            "ext. 4411",
            AttendeeRole::Interviewee,
        )];
        let ics = interview_invite(&i, "UTC", utc(NOW)).unwrap();
        assert!(!ics.contains("ATTENDEE"));
        let description = only_event(&parse(&ics))
            .get_description()
            .unwrap()
            .to_owned();
        assert!(description.ends_with("Interviewees: Bo \"B\" Chen (ext. 4411)"));
        assert_eq!(cn("Bo \"B\" Chen"), ";CN=\"Bo 'B' Chen\"");
    }

    #[test]
    fn utc_zone_and_offsets_format() {
        assert_eq!(utc_offset(0), "+0000");
        assert_eq!(utc_offset(-9 * 3600 - 30 * 60), "-0930");
        assert_eq!(utc_offset(3600 + 75), "+010115");
        let ics =
            interview_invite(&interview("2026-06-10T14:00:00Z", 30), "UTC", utc(NOW)).unwrap();
        assert!(content_lines(&ics).contains(&"DTSTART;TZID=UTC:20260610T140000".to_owned()));
    }

    #[test]
    fn bad_input_is_refused_at_its_field() {
        let field = |r: Result<String>| r.unwrap_err().field().map(str::to_owned);
        let ok = interview("2026-06-10T14:00:00Z", 30);
        assert_eq!(
            field(interview_invite(&ok, "Mars/Olympus", utc(NOW))).as_deref(),
            Some("tz")
        );
        let mut i = ok.clone();
        i.duration_minutes = 0;
        assert_eq!(
            field(interview_invite(&i, "UTC", utc(NOW))).as_deref(),
            Some("duration_minutes")
        );
        let mut i = ok.clone();
        i.title = "   ".into();
        assert_eq!(
            field(interview_invite(&i, "UTC", utc(NOW))).as_deref(),
            Some("title")
        );
        let s = series("2026-10-12", "2026-10-11", Cadence::Weekly);
        assert_eq!(
            field(update_meetings(&s, "UTC", utc(NOW))).as_deref(),
            Some("until")
        );
        let s = series("2026-01-01", "2027-06-01", Cadence::Weekly);
        assert_eq!(
            field(update_meetings(&s, "UTC", utc(NOW))).as_deref(),
            Some("until")
        );
    }

    #[test]
    fn uid_is_stable_across_exports() {
        let i = interview("2026-06-10T14:00:00Z", 30);
        let a = interview_invite(&i, "Europe/Berlin", utc(NOW)).unwrap();
        let mut moved = i.clone();
        moved.starts_at = utc("2026-06-11T09:00:00Z");
        let b = interview_invite(&moved, "Europe/Berlin", utc("2026-02-02T08:00:00Z")).unwrap();
        let uid = |s: &str| {
            content_lines(s)
                .into_iter()
                .find(|l| l.starts_with("UID:"))
                .unwrap()
        };
        assert_eq!(uid(&a), uid(&b));
        assert_eq!(
            uid(&a),
            "UID:0194f3a2-7c1e-7b2a-9d1e-5f0a1b2c3d4e@rapport.app"
        );
    }
}
