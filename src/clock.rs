//! Ids and timestamps, in the formats DESIGN.md fixes: UUIDv7 text ids, RFC 3339 UTC timestamps.

use chrono::{SecondsFormat, Utc};

/// A new globally unique, time-ordered id (UUIDv7), so workspaces can later be merged.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The current instant as RFC 3339 UTC text with millisecond precision (sorts as text).
pub fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Today's calendar date where the user is (roadmap rules are about the user's days).
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The user's local calendar day of a stored RFC 3339 instant; `None` if it does not parse.
pub fn local_day(rfc3339: &str) -> Option<chrono::NaiveDate> {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .map(|t| t.with_timezone(&chrono::Local).date_naive())
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
    fn now_is_rfc3339_utc() {
        let t = now();
        assert!(t.ends_with('Z'), "{t}");
        chrono::DateTime::parse_from_rfc3339(&t).unwrap();
    }
}
