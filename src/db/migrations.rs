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
    // 3: question bank and interview guides.
    r#"
    CREATE TABLE questions (
        id              TEXT PRIMARY KEY,
        text            TEXT NOT NULL CHECK (length(trim(text)) > 0),
        topic           TEXT NOT NULL DEFAULT '',
        leading_version TEXT,
        rationale       TEXT NOT NULL DEFAULT '',
        builtin         INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
        archived_at     TEXT,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
    ) STRICT;
    CREATE TABLE question_tags (
        question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        tag         TEXT NOT NULL,
        PRIMARY KEY (question_id, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX question_tags_tag ON question_tags (tag);
    CREATE TABLE guides (
        id         TEXT PRIMARY KEY,
        title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
        goal       TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE guide_items (
        id          TEXT PRIMARY KEY,
        guide_id    TEXT NOT NULL REFERENCES guides (id) ON DELETE CASCADE,
        question_id TEXT NOT NULL REFERENCES questions (id),
        position    INTEGER NOT NULL,
        minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 30),
        UNIQUE (guide_id, question_id)
    ) STRICT;
    CREATE INDEX guide_items_guide ON guide_items (guide_id, position);
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
