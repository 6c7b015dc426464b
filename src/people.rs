//! The people directory: the engineers Rapport's users serve and interview. A page per
//! person is built in [`profile`].

pub mod profile;

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::paging::{Page, PageRequest};
use crate::records;
use crate::trash::{self, TrashEntry};
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
    /// Bumped by every edit; an edit made from an older version is refused.
    pub version: i64,
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
    /// The user saw that someone with the same name exists and wants a second person anyway.
    #[serde(default)]
    #[ts(optional)]
    pub duplicate_ok: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonFilter {
    /// Include archived people (they are listed after active ones).
    #[serde(default)]
    pub include_archived: bool,
    /// Matches name, team or contact, ignoring case and accents.
    #[serde(default)]
    #[ts(optional)]
    pub query: Option<String>,
    /// Which rows; the first page when absent.
    #[serde(default)]
    #[ts(optional)]
    pub page: Option<PageRequest>,
}

impl PersonInput {
    /// Checks and cleans every field, reporting the first bad one.
    pub(crate) fn validated(&self) -> Result<PersonInput> {
        Ok(PersonInput {
            name: validate::name("name", "Name", &self.name, NAME_MAX)?,
            team: validate::single_line("team", "Team", &self.team, TEAM_MAX)?,
            role: self.role,
            contact: validate::single_line("contact", "Contact", &self.contact, CONTACT_MAX)?,
            core_user: self.core_user,
            notes: validate::optional("notes", "Notes", &self.notes, NOTES_MAX)?,
            duplicate_ok: self.duplicate_ok,
        })
    }

    /// What the list filter matches: name, team and contact, folded.
    pub(crate) fn filter_key(&self) -> String {
        name_key(&format!("{} {} {}", self.name, self.team, self.contact))
    }
}

const COLUMNS: &str =
    "id, name, team, role, contact, core_user, notes, archived_at, created_at, updated_at, version";
/// [`COLUMNS`] qualified by the alias `p`, for joins.
pub(crate) const COLUMNS_P: &str = "p.id, p.name, p.team, p.role, p.contact, p.core_user, p.notes, p.archived_at, p.created_at, p.updated_at, p.version";

pub(crate) fn from_row(r: &Row) -> rusqlite::Result<Person> {
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
        version: r.get(10)?,
    })
}

/// People already stored under `name` (ignoring case, accents and spacing), except `except`.
pub fn same_name(db: &Db, name: &str, except: Option<&str>) -> Result<Vec<Person>> {
    let key = name_key(name);
    if key.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM people WHERE name_key = ?1 AND id IS NOT ?2
         ORDER BY archived_at IS NOT NULL, created_at"
    ))?;
    let found = stmt
        .query_map(params![key, except], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

/// A name already in People needs the user's say-so, so one person does not turn into two.
fn check_duplicate(db: &Db, p: &PersonInput, except: Option<&str>) -> Result<()> {
    if p.duplicate_ok == Some(true) {
        return Ok(());
    }
    if let Some(other) = same_name(db, &p.name, except)?.into_iter().next() {
        let team = if other.team.is_empty() {
            String::new()
        } else {
            format!(" ({})", other.team)
        };
        let archived = if other.archived_at.is_some() {
            ", archived"
        } else {
            ""
        };
        return Err(Error::NeedsAcknowledgement {
            field: "name".into(),
            message: format!(
                "{}{team}{archived} is already in People. Open them, or add a second person with this name anyway.",
                other.name
            ),
        });
    }
    Ok(())
}

pub fn create(db: &Db, input: &PersonInput) -> Result<Person> {
    let p = input.validated()?;
    check_duplicate(db, &p, None)?;
    let (id, now) = (clock::new_id(), clock::now());
    db.conn().execute(
        "INSERT INTO people (id, name, team, role, contact, core_user, notes, created_at, updated_at,
                             name_key, filter_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10)",
        params![
            id,
            p.name,
            p.team,
            p.role,
            p.contact,
            p.core_user,
            p.notes,
            now,
            name_key(&p.name),
            p.filter_key()
        ],
    )?;
    get(db, &id)
}

/// Saves an edit made from `version`; a newer stored version refuses it (both are shown).
pub fn update(db: &Db, id: &str, version: i64, input: &PersonInput) -> Result<Person> {
    let p = input.validated()?;
    check_duplicate(db, &p, Some(id))?;
    records::bump(db, "people", id, version, || get(db, id))?;
    db.conn().execute(
        "UPDATE people SET name = ?2, team = ?3, role = ?4, contact = ?5, core_user = ?6,
                notes = ?7, name_key = ?8, filter_key = ?9
         WHERE id = ?1",
        params![
            id,
            p.name,
            p.team,
            p.role,
            p.contact,
            p.core_user,
            p.notes,
            name_key(&p.name),
            p.filter_key()
        ],
    )?;
    get(db, id)
}

/// Archives (hides from pickers, keeps history) or restores a person.
pub fn set_archived(db: &Db, id: &str, archived: bool) -> Result<Person> {
    let now = clock::now();
    let changed = db.conn().execute(
        "UPDATE people SET archived_at = CASE WHEN ?2 THEN coalesce(archived_at, ?3) END,
                updated_at = ?3, version = version + 1
         WHERE id = ?1",
        params![id, archived, now],
    )?;
    if changed == 0 {
        return Err(Error::not_found("person", id));
    }
    get(db, id)
}

/// Merges the duplicate `from` into `into`: `from`'s interviews, quotes, follow-ups, sprints
/// and links move to `into`, and `from` goes to the trash, from where restore un-merges.
pub fn merge(db: &Db, into: &str, from: &str) -> Result<TrashEntry> {
    if into == from {
        return Err(Error::invalid(
            "from",
            "Choose two different people to merge",
        ));
    }
    let keep = get(db, into)?;
    let gone = get(db, from)?;
    trash::merge_person(
        db,
        into,
        from,
        &format!("{} (merged into {})", gone.name, keep.name),
    )
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

/// One page of people sorted by name (active first), filtered in SQL on the folded key so a
/// keystroke at 10k people stays fast.
pub fn list(db: &Db, filter: &PersonFilter) -> Result<Page<Person>> {
    let needle = filter
        .query
        .as_deref()
        .map(name_key)
        .filter(|n| !n.is_empty())
        .map(|n| format!("%{}%", validate::like_escape(&n)));
    let (limit, offset) = filter.page.unwrap_or_default().sql();
    let total: i64 = db
        .conn()
        .prepare_cached(
            "SELECT count(*) FROM people
         WHERE (?1 OR archived_at IS NULL) AND (?2 IS NULL OR filter_key LIKE ?2 ESCAPE '\\')",
        )?
        .query_row(params![filter.include_archived, needle], |r| r.get(0))?;
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM people
         WHERE (?1 OR archived_at IS NULL) AND (?2 IS NULL OR filter_key LIKE ?2 ESCAPE '\\')
         ORDER BY archived_at IS NOT NULL, name COLLATE NOCASE, created_at
         LIMIT ?3 OFFSET ?4"
    ))?;
    let items = stmt
        .query_map(
            params![filter.include_archived, needle, limit, offset],
            from_row,
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Page {
        total,
        offset,
        items,
    })
}

/// Every active person, by name (for pickers and rules that look at everyone).
pub fn active(db: &Db) -> Result<Vec<Person>> {
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM people WHERE archived_at IS NULL
         ORDER BY name COLLATE NOCASE, created_at"
    ))?;
    let all = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(all)
}

/// A name folded for duplicate checks: case, accents and spacing ignored ("José  Díaz" and
/// "jose diaz" are the same person).
pub fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Fills the folded keys for people stored before they existed (migration 8).
pub(crate) fn backfill_name_keys(conn: &rusqlite::Connection) -> Result<()> {
    let people: Vec<(String, String, String, String)> = conn
        .prepare("SELECT id, name, team, contact FROM people")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt =
        conn.prepare("UPDATE people SET name_key = ?2, filter_key = ?3 WHERE id = ?1")?;
    for (id, name, team, contact) in people {
        let filter = name_key(&format!("{name} {team} {contact}"));
        stmt.execute(params![id, name_key(&name), filter])?;
    }
    Ok(())
}
