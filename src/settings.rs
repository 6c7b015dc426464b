//! Per-workspace preferences, stored in the workspace so they travel with its backups.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Db;
use crate::error::{Error, Result};

/// People not contacted for this many weeks are listed for a follow-up, unless set otherwise.
pub const DEFAULT_CONTACT_WEEKS: u32 = 6;
pub const MAX_CONTACT_WEEKS: u32 = 52;

crate::text_enum! {
    #[ts(export)]
    #[derive(Default)]
    pub enum Theme {
        /// Follow the operating system's light/dark setting.
        #[default]
        System = "system",
        Light = "light",
        Dark = "dark",
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Preferences {
    pub theme: Theme,
}

pub(crate) fn get(db: &Db, key: &str) -> Result<Option<String>> {
    Ok(db
        .conn()
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub(crate) fn put(db: &Db, key: &str, value: &str) -> Result<()> {
    db.conn().execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// The stored preferences; unknown or missing values fall back to defaults.
pub fn load(db: &Db) -> Result<Preferences> {
    let theme = get(db, "theme")?
        .and_then(|v| Theme::parse(&v))
        .unwrap_or_default();
    Ok(Preferences { theme })
}

pub fn save(db: &Db, prefs: &Preferences) -> Result<Preferences> {
    put(db, "theme", prefs.theme.as_str())?;
    load(db)
}

/// N in "not contacted for N weeks".
pub fn contact_weeks(db: &Db) -> Result<u32> {
    Ok(get(db, "contact_weeks")?
        .and_then(|v| v.parse().ok())
        .filter(|w| (1..=MAX_CONTACT_WEEKS).contains(w))
        .unwrap_or(DEFAULT_CONTACT_WEEKS))
}

pub fn set_contact_weeks(db: &Db, weeks: u32) -> Result<u32> {
    if !(1..=MAX_CONTACT_WEEKS).contains(&weeks) {
        return Err(Error::invalid(
            "contact_weeks",
            format!("Weeks must be from 1 to {MAX_CONTACT_WEEKS}"),
        ));
    }
    put(db, "contact_weeks", &weeks.to_string())?;
    contact_weeks(db)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_round_trips_and_defaults_to_system() {
        let db = Db::open_in_memory().unwrap();
        assert_eq!(load(&db).unwrap().theme, Theme::System);
        let saved = save(&db, &Preferences { theme: Theme::Dark }).unwrap();
        assert_eq!(saved.theme, Theme::Dark);
        put(&db, "theme", "neon").unwrap();
        assert_eq!(
            load(&db).unwrap().theme,
            Theme::System,
            "unknown value falls back"
        );
    }

    #[test]
    fn contact_weeks_defaults_validates_and_round_trips() {
        let db = Db::open_in_memory().unwrap();
        assert_eq!(contact_weeks(&db).unwrap(), DEFAULT_CONTACT_WEEKS);
        assert_eq!(set_contact_weeks(&db, 3).unwrap(), 3);
        let e = set_contact_weeks(&db, 0).unwrap_err();
        assert_eq!(e.field(), Some("contact_weeks"));
        assert!(set_contact_weeks(&db, 53).is_err());
        assert_eq!(
            contact_weeks(&db).unwrap(),
            3,
            "a refused value leaves the old one"
        );
    }
}
