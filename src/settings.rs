//! Per-workspace preferences, stored in the workspace so they travel with its backups.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Db;
use crate::error::Result;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the operating system's light/dark setting.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        [Theme::System, Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.as_str() == s)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Preferences {
    pub theme: Theme,
}

fn get(db: &Db, key: &str) -> Result<Option<String>> {
    Ok(db
        .conn()
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

fn put(db: &Db, key: &str, value: &str) -> Result<()> {
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
}
