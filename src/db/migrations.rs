//! Versioned schema migrations. Version N is `MIGRATIONS[N - 1]`; `PRAGMA user_version` records
//! the applied version. Migrations are append-only: never edit one that has shipped.

use rusqlite::Connection;

use crate::error::Result;

const MIGRATIONS: &[&str] = &[
    // 1: people directory.
    r#"
    CREATE TABLE people (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
        team        TEXT NOT NULL DEFAULT '',
        role        TEXT NOT NULL CHECK (role IN ('ic', 'lead', 'manager', 'other')),
        contact     TEXT NOT NULL DEFAULT '',
        core_user   INTEGER NOT NULL DEFAULT 0 CHECK (core_user IN (0, 1)),
        notes       TEXT NOT NULL DEFAULT '',
        archived_at TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX people_name ON people (name COLLATE NOCASE);
    "#,
    // 2: small per-workspace preferences (theme, …).
    r#"
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;
    "#,
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies the migrations after `from` up to `to`, each in its own transaction together with its
/// version bump, so a failure leaves the database at the last complete version.
pub(crate) fn migrate(conn: &mut Connection, from: i64, to: i64) -> Result<()> {
    let (from, to) = (from.max(0) as usize, to.max(0) as usize);
    for (i, sql) in MIGRATIONS.iter().enumerate().take(to).skip(from) {
        let version = i as i64 + 1;
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
        tracing::info!(version, "applied migration");
    }
    Ok(())
}
