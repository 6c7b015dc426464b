//! Ids and timestamps, in the formats DESIGN.md fixes: UUIDv7 text ids, RFC 3339 UTC timestamps.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

use crate::error::{Error, Result};

/// A new globally unique, time-ordered id (UUIDv7), so workspaces can later be merged.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The current instant as RFC 3339 UTC text with millisecond precision (sorts as text).
pub fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The user's time zone. What is stored is UTC; every date a person reads (screens, reports,
/// file names, "today") is in this zone. It is passed explicitly so the rules can be tested in
/// any zone, whatever the machine running the tests is set to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone(pub chrono_tz::Tz);

impl Zone {
    pub const UTC: Zone = Zone(chrono_tz::UTC);

    /// The zone of this machine: `TZ` when set to an IANA name, else the system setting, else UTC.
    pub fn system() -> Zone {
        std::env::var("TZ")
            .ok()
            .and_then(|tz| Zone::named(tz.trim_start_matches(':')).ok())
            .or_else(|| {
                iana_time_zone::get_timezone()
                    .ok()
                    .and_then(|n| Zone::named(&n).ok())
            })
            .unwrap_or(Zone::UTC)
    }

    /// An IANA zone such as `Europe/Berlin`; a validation error on `time_zone` otherwise.
    pub fn named(name: &str) -> Result<Zone> {
        name.trim().parse::<chrono_tz::Tz>().map(Zone).map_err(|_| {
            Error::invalid(
                "time_zone",
                format!("“{name}” is not a time zone name like Europe/Berlin"),
            )
        })
    }

    pub fn name(self) -> &'static str {
        self.0.name()
    }

    pub fn now(self) -> DateTime<chrono_tz::Tz> {
        Utc::now().with_timezone(&self.0)
    }

    /// Today's calendar date here (roadmap and follow-up rules are about the user's days).
    pub fn today(self) -> NaiveDate {
        self.now().date_naive()
    }

    /// The local calendar day of a stored RFC 3339 instant; `None` if it does not parse.
    pub fn day(self, rfc3339: &str) -> Option<NaiveDate> {
        self.local(rfc3339).map(|t| t.date_naive())
    }

    pub fn local(self, rfc3339: &str) -> Option<DateTime<chrono_tz::Tz>> {
        DateTime::parse_from_rfc3339(rfc3339)
            .ok()
            .map(|t| t.with_timezone(&self.0))
    }

    /// "Mon 23 Nov 2026, 19:00 CET": how a stored instant is printed for a person.
    pub fn format(self, rfc3339: &str) -> String {
        self.local(rfc3339)
            .map(|t| t.format("%a %-d %b %Y, %H:%M %Z").to_string())
            .unwrap_or_else(|| rfc3339.to_owned())
    }

    /// The local instant `date` at `time`, as stored (UTC). In a DST gap the later time is used.
    pub fn at(self, date: NaiveDate, time: chrono::NaiveTime) -> DateTime<Utc> {
        use chrono::TimeZone;
        let naive = date.and_time(time);
        match self.0.from_local_datetime(&naive) {
            chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
                t.with_timezone(&Utc)
            }
            chrono::LocalResult::None => (naive + chrono::Duration::hours(1))
                .and_local_timezone(self.0)
                .earliest()
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_else(|| naive.and_utc()),
        }
    }
}

/// A calendar date typed by the user, `YYYY-MM-DD`; a validation error on `field` otherwise.
pub fn parse_date(
    field: &str,
    label: &str,
    value: &str,
) -> crate::error::Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| {
        crate::error::Error::invalid(field, format!("{label} must be a date like 2026-11-23"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_v7_and_ordered() {
        let a = new_id();
        let b = new_id();
        assert_eq!(uuid::Uuid::parse_str(&a).unwrap().get_version_num(), 7);
        assert!(a < b, "UUIDv7 text sorts by creation time");
    }

    #[test]
    fn the_same_instant_is_a_different_day_far_from_utc() {
        let t = "2026-11-23T18:30:00Z";
        let day = |z: &str| Zone::named(z).unwrap().day(t).unwrap().to_string();
        assert_eq!(day("Pacific/Kiritimati"), "2026-11-24"); // UTC+14
        assert_eq!(day("America/Anchorage"), "2026-11-23"); // UTC-9
        assert_eq!(day("Asia/Kolkata"), "2026-11-24"); // UTC+5:30: 00:00 the next day
        assert_eq!(
            Zone::named("Europe/Berlin").unwrap().format(t),
            "Mon 23 Nov 2026, 19:30 CET"
        );
        assert!(Zone::named("Mars/Olympus").is_err());
    }

    #[test]
    fn a_local_time_in_a_dst_gap_moves_forward() {
        let z = Zone::named("Europe/Berlin").unwrap();
        let d = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let t = chrono::NaiveTime::from_hms_opt(2, 30, 0).unwrap();
        assert_eq!(z.at(d, t).to_rfc3339(), "2026-03-29T01:30:00+00:00");
    }

    #[test]
    fn now_is_rfc3339_utc() {
        let t = now();
        assert!(t.ends_with('Z'), "{t}");
        chrono::DateTime::parse_from_rfc3339(&t).unwrap();
    }
}
