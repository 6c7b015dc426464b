//! `people`: the directory. Importable; a line with a known `id` updates that person (their
//! archived state is kept), and a name already in People is a warning, not a second copy.

use std::collections::HashMap;

use rusqlite::params;

use super::{by_ids, count, importable, rows, Change, Import, Spec};
use crate::clock;
use crate::csv::read::{field, Field, Mapping};
use crate::csv::{choice, parse_bool, parse_id, ImportOptions};
use crate::db::Db;
use crate::error::Result;
use crate::people::{name_key, PersonInput, Role};

pub struct People;

impl Spec for People {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "id",
            "name",
            "team",
            "role",
            "contact",
            "core_user",
            "notes",
            "archived_at",
            "created_at",
            "updated_at",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        count(db, "SELECT count(*) FROM people")
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        rows(
            db,
            "SELECT id, name, team, role, contact, CASE core_user WHEN 1 THEN 'true' ELSE 'false' END,
                    notes, archived_at, created_at, updated_at
             FROM people ORDER BY name COLLATE NOCASE, id",
            &[],
            out,
        )
    }

    importable!();
}

pub struct Row {
    id: Option<String>,
    input: PersonInput,
}

impl Import for People {
    type Row = Row;
    type Ctx = ();
    const FIELDS: &'static [Field] = &[
        field("id", false, &["id"]),
        field("name", true, &["name", "full name", "person"]),
        field("team", false, &["team", "group"]),
        field("role", false, &["role"]),
        field("contact", false, &["contact", "email", "handle"]),
        field("core_user", false, &["core_user", "core user", "core"]),
        field("notes", false, &["notes", "note"]),
    ];

    fn context(_db: &Db, _opts: &ImportOptions) -> Result<()> {
        Ok(())
    }

    fn parse(get: &dyn Fn(&str) -> String, _map: &Mapping, _ctx: &()) -> Result<Row> {
        let input = PersonInput {
            name: get("name"),
            team: get("team"),
            role: choice("role", &get("role"), Role::Ic)?,
            contact: get("contact"),
            core_user: parse_bool("core_user", &get("core_user"))?,
            notes: get("notes"),
            duplicate_ok: Some(true),
        }
        .validated()?;
        Ok(Row {
            id: parse_id(&get("id"))?,
            input,
        })
    }

    fn classify(
        db: &Db,
        _ctx: &(),
        rows: &[(u64, Row)],
        note: &mut dyn FnMut(u64, &str, String, bool),
    ) -> Result<Vec<Change>> {
        let stored = by_ids(
            db,
            "SELECT id, name, team, role, contact, core_user, notes FROM people
             WHERE id IN (SELECT value FROM json_each(?1))",
            rows.iter().filter_map(|(_, r)| r.id.clone()),
            |r| {
                Ok(PersonInput {
                    name: r.get(1)?,
                    team: r.get(2)?,
                    role: r.get(3)?,
                    contact: r.get(4)?,
                    core_user: r.get(5)?,
                    notes: r.get(6)?,
                    duplicate_ok: Some(true),
                })
            },
        )?;
        // Names already in People (or twice in the file) warn: a duplicate would show twice in
        // follow-up offers.
        let mut by_key: HashMap<String, (String, String)> = HashMap::new();
        let mut stmt = db.conn().prepare("SELECT name_key, id, name FROM people")?;
        for r in stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
            let (k, id, name): (String, String, String) = r?;
            by_key.insert(k, (id, name));
        }
        let mut in_file: HashMap<String, u64> = HashMap::new();
        let mut out = Vec::with_capacity(rows.len());
        for (row, r) in rows {
            let key = name_key(&r.input.name);
            match by_key.get(&key) {
                Some((id, name)) if r.id.as_deref() != Some(id) => note(
                    *row,
                    "name",
                    format!(
                        "{name} is already in People; this adds a second person with the same name"
                    ),
                    true,
                ),
                _ => {}
            }
            if let Some(first) = in_file.insert(key, *row) {
                note(
                    *row,
                    "name",
                    format!("The same name is on row {first}"),
                    true,
                );
            }
            out.push(match r.id.as_ref().and_then(|id| stored.get(id)) {
                None => Change::New,
                Some(s) if *s == r.input => Change::Same,
                Some(_) => Change::Update,
            });
        }
        Ok(out)
    }

    fn apply(db: &Db, _ctx: &(), rows: Vec<(Row, Change)>) -> Result<()> {
        let conn = db.conn();
        let now = clock::now();
        let mut insert = conn.prepare_cached(
            "INSERT INTO people (id, name, team, role, contact, core_user, notes, created_at,
                                 updated_at, name_key, filter_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10)",
        )?;
        let mut update = conn.prepare_cached(
            "UPDATE people SET name = ?2, team = ?3, role = ?4, contact = ?5, core_user = ?6,
                    notes = ?7, updated_at = ?8, name_key = ?9, filter_key = ?10,
                    version = version + 1
             WHERE id = ?1",
        )?;
        for (r, change) in rows {
            let p = &r.input;
            let id = r.id.unwrap_or_else(clock::new_id);
            let args = params![
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
            ];
            match change {
                Change::New => insert.execute(args)?,
                Change::Update => update.execute(args)?,
                Change::Same => 0,
            };
        }
        Ok(())
    }
}
