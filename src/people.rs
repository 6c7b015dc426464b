//! The people directory: the engineers Rapport's users serve and interview.

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::validate;

pub const NAME_MAX: usize = 120;
pub const TEAM_MAX: usize = 80;
pub const CONTACT_MAX: usize = 200;
pub const NOTES_MAX: usize = 10_000;

crate::text_enum! {
    /// What someone does; leads and managers are interviewed apart from ICs.
    #[ts(export)]
    pub enum Role {
        Ic = "ic",
        Lead = "lead",
        Manager = "manager",
        Other = "other",
    }
}

impl Role {
    /// Leads and managers: their presence changes what ICs say in an interview.
    pub fn is_leadership(self) -> bool {
        matches!(self, Role::Lead | Role::Manager)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub team: String,
    pub role: Role,
    pub contact: String,
    /// A core user: someone whose workflow the team designs for first.
    pub core_user: bool,
    pub notes: String,
    /// When the person was archived (hidden from pickers, kept for history); `null` if active.
    pub archived_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// The editable fields of a person, as typed in the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonInput {
    pub name: String,
    pub team: String,
    pub role: Role,
    pub contact: String,
    pub core_user: bool,
    pub notes: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonFilter {
    /// Include archived people (they are listed after active ones).
    #[serde(default)]
    pub include_archived: bool,
    /// Case-insensitive match on name, team or contact.
    #[serde(default)]
    #[ts(optional)]
    pub query: Option<String>,
}

impl PersonInput {
    /// Checks and cleans every field, reporting the first bad one.
    fn validated(&self) -> Result<PersonInput> {
        Ok(PersonInput {
            name: validate::required_line("name", "Name", &self.name, NAME_MAX)?,
            team: validate::single_line("team", "Team", &self.team, TEAM_MAX)?,
            role: self.role,
            contact: validate::single_line("contact", "Contact", &self.contact, CONTACT_MAX)?,
            core_user: self.core_user,
            notes: validate::optional("notes", "Notes", &self.notes, NOTES_MAX)?,
        })
    }
}

const COLUMNS: &str =
    "id, name, team, role, contact, core_user, notes, archived_at, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        name: r.get(1)?,
        team: r.get(2)?,
        role: r.get(3)?,
        contact: r.get(4)?,
        core_user: r.get(5)?,
        notes: r.get(6)?,
        archived_at: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

pub fn create(db: &Db, input: &PersonInput) -> Result<Person> {
    let p = input.validated()?;
    let (id, now) = (clock::new_id(), clock::now());
    db.conn().execute(
        "INSERT INTO people (id, name, team, role, contact, core_user, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, p.name, p.team, p.role.as_str(), p.contact, p.core_user, p.notes, now],
    )?;
    get(db, &id)
}

pub fn update(db: &Db, id: &str, input: &PersonInput) -> Result<Person> {
    let p = input.validated()?;
    let changed = db.conn().execute(
        "UPDATE people SET name = ?2, team = ?3, role = ?4, contact = ?5, core_user = ?6,
                notes = ?7, updated_at = ?8
         WHERE id = ?1",
        params![
            id,
            p.name,
            p.team,
            p.role.as_str(),
            p.contact,
            p.core_user,
            p.notes,
            clock::now()
        ],
    )?;
    if changed == 0 {
        return Err(Error::not_found("person", id));
    }
    get(db, id)
}

/// Archives (hides from pickers, keeps history) or restores a person.
pub fn set_archived(db: &Db, id: &str, archived: bool) -> Result<Person> {
    let now = clock::now();
    let changed = db.conn().execute(
        "UPDATE people SET archived_at = CASE WHEN ?2 THEN coalesce(archived_at, ?3) END,
                updated_at = ?3
         WHERE id = ?1",
        params![id, archived, now],
    )?;
    if changed == 0 {
        return Err(Error::not_found("person", id));
    }
    get(db, id)
}

pub fn get(db: &Db, id: &str) -> Result<Person> {
    db.conn()
        .query_row(
            &format!("SELECT {COLUMNS} FROM people WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or_else(|| Error::not_found("person", id))
}

/// A person who can take part in something new (an interview, a sprint, a follow-up): they
/// exist and are not archived. Failures are validation errors on `field`; `missing` says what
/// is wrong when the id matches no one.
pub fn get_active(db: &Db, id: &str, field: &str, missing: &str) -> Result<Person> {
    let p = get(db, id).map_err(|e| match e {
        Error::NotFound { .. } => Error::invalid(field, missing),
        other => other,
    })?;
    if p.archived_at.is_some() {
        return Err(Error::invalid(
            field,
            format!("{} is archived; restore them in People first", p.name),
        ));
    }
    Ok(p)
}

/// People sorted by name (active first), optionally filtered.
pub fn list(db: &Db, filter: &PersonFilter) -> Result<Vec<Person>> {
    let needle = validate::needle(filter.query.as_deref());
    let mut stmt = db.conn().prepare(&format!(
        "SELECT {COLUMNS} FROM people WHERE (?1 OR archived_at IS NULL)
         ORDER BY archived_at IS NOT NULL, name COLLATE NOCASE, created_at"
    ))?;
    let rows = stmt.query_map(params![filter.include_archived], from_row)?;
    let all: Vec<Person> = rows.collect::<rusqlite::Result<_>>()?;
    Ok(match needle {
        None => all,
        Some(n) => all
            .into_iter()
            .filter(|p| validate::any_contains(&n, &[&p.name, &p.team, &p.contact]))
            .collect(),
    })
}
