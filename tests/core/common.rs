//! Helpers every core test module shares: fixtures built through the public API, and short
//! ways to read what a failure says.

#![allow(dead_code)]

use chrono::NaiveDate;
use rapport::db::Db;
use rapport::interviews::{self, InterviewInput};
use rapport::people::{self, PersonInput, Role};
use rapport::Error;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The field a validation (or acknowledgement) error points at; panics on any other result.
pub fn field_of(e: Error) -> String {
    match e {
        Error::Validation { field, .. } | Error::NeedsAcknowledgement { field, .. } => field,
        other => panic!("expected a field error, got {other:?}"),
    }
}

pub fn count(db: &Db, table: &str) -> i64 {
    db.conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

pub fn person_input(name: &str, team: &str, role: Role) -> PersonInput {
    PersonInput {
        name: name.into(),
        team: team.into(),
        role,
        contact: String::new(),
        core_user: false,
        notes: String::new(),
        duplicate_ok: None,
    }
}

/// A new person's id.
pub fn person(db: &Db, name: &str, team: &str, role: Role) -> String {
    people::create(db, &person_input(name, team, role))
        .unwrap()
        .id
}

pub fn core_person(db: &Db, name: &str, team: &str) -> String {
    let input = PersonInput {
        core_user: true,
        ..person_input(name, team, Role::Ic)
    };
    people::create(db, &input).unwrap().id
}

pub fn interview_input(title: &str, at: &str, ids: &[&str]) -> InterviewInput {
    InterviewInput {
        title: title.into(),
        topic: "ci".into(),
        scheduled_at: at.into(),
        duration_minutes: 30,
        interviewee_ids: ids.iter().map(|s| s.to_string()).collect(),
        note_taker_id: None,
        guide_id: None,
        acknowledge_mixed_roles: false,
    }
}

/// A planned interview's id.
pub fn interview(db: &Db, title: &str, at: &str, ids: &[&str]) -> String {
    interviews::plan(db, &interview_input(title, at, ids))
        .unwrap()
        .id
}

/// The stored version of a record, for edits made from it.
pub fn version(db: &Db, table: &str, id: &str) -> i64 {
    db.conn()
        .query_row(
            &format!("SELECT version FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .unwrap_or(1)
}

/// A check that needs a program from the system (LibreOffice, Python's iCalendar stack) is
/// skipped with a message when it is missing, except under `make test`, which installs them
/// (scripts/setup.sh test) and sets `RAPPORT_REQUIRE_EXTERNAL=1` so a missing one fails.
pub fn external_missing(what: &str) {
    if std::env::var_os("RAPPORT_REQUIRE_EXTERNAL").is_some() {
        panic!("{what} is missing; scripts/setup.sh test installs it");
    }
    eprintln!("skipped: {what} is missing (scripts/setup.sh test installs it)");
}
