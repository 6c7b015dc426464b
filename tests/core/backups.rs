//! Backups, restore and damage: what a user relies on when something goes wrong.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use rapport::backups::{self, BackupKind, BackupPolicy};
use rapport::db::Db;
use rapport::people::{self, PersonFilter, Role};
use rapport::Error;

use crate::common::person;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn names(path: &Path) -> Vec<String> {
    let db = Db::open(path).unwrap();
    let mut n: Vec<String> = people::list(&db, &PersonFilter::default())
        .unwrap()
        .items
        .into_iter()
        .map(|p| p.name)
        .collect();
    n.sort();
    n
}

/// A workspace with enough rows to span many pages.
fn workspace(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let db = Db::open(&path).unwrap();
    person(&db, "Ana Lima", "SRE", Role::Ic);
    db.conn()
        .execute_batch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
             INSERT INTO settings (key, value) SELECT 'filler' || i, hex(randomblob(64)) FROM n;",
        )
        .unwrap();
    path
}

/// Overwrites a stretch of pages in the middle of the file, as a failing disk would.
fn damage(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 8192] {
        *b = 0xA5;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn back_up_now_writes_a_checked_file_into_the_backup_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace(dir.path(), "team.db");
    let db = Db::open(&path).unwrap();
    let b = backups::create(&db, BackupKind::Manual, at("2026-11-23T09:30:00Z")).unwrap();
    assert_eq!(b.kind, BackupKind::Manual);
    assert_eq!(b.created_at, "2026-11-23T09:30:00Z");
    assert_eq!(b.schema_version, Some(rapport::db::LATEST_VERSION));
    assert!(b.size_bytes > 100_000, "{b:?}");
    assert!(Path::new(&b.path).starts_with(dir.path().join("team-backups")));
    // A single self-contained file: no write-ahead log beside it.
    assert!(!Path::new(&format!("{}-wal", b.path)).exists());
    let again = backups::create(&db, BackupKind::Manual, at("2026-11-23T09:30:00Z")).unwrap();
    assert_ne!(again.path, b.path, "two backups in one second both kept");
    assert_eq!(backups::list(&path).unwrap().len(), 2);
    let preview = backups::preview(Path::new(&b.path)).unwrap();
    assert_eq!((preview.people, preview.interviews), (1, 0));
}

#[test]
fn automatic_backups_are_daily_and_pruned_to_the_policy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.db");
    let db = Db::open(&path).unwrap();
    let start = at("2026-09-01T03:00:00Z");
    assert!(backups::due(&path, start).unwrap());
    for day in 0..60 {
        let now = start + Duration::days(day);
        assert!(backups::due(&path, now).unwrap(), "day {day}");
        backups::create(&db, BackupKind::Automatic, now).unwrap();
        assert!(!backups::due(&path, now + Duration::hours(23)).unwrap());
    }
    backups::create(&db, BackupKind::Manual, start).unwrap();
    let all = backups::list(&path).unwrap();
    let autos = all
        .iter()
        .filter(|b| b.kind == BackupKind::Automatic)
        .count();
    assert_eq!(autos, 11, "7 daily + 4 weekly");
    assert_eq!(all.len(), 12, "a manual backup is never pruned");
    // A tighter policy prunes at the next automatic backup.
    backups::set_policy(
        &db,
        &BackupPolicy {
            automatic: true,
            keep_daily: 2,
            keep_weekly: 0,
        },
    )
    .unwrap();
    backups::create(&db, BackupKind::Automatic, start + Duration::days(61)).unwrap();
    assert_eq!(
        backups::list(&path)
            .unwrap()
            .iter()
            .filter(|b| b.kind == BackupKind::Automatic)
            .count(),
        2
    );
    let bad = backups::set_policy(
        &db,
        &BackupPolicy {
            automatic: true,
            keep_daily: 0,
            keep_weekly: 0,
        },
    )
    .unwrap_err();
    assert!(
        matches!(bad, Error::Validation { ref field, .. } if field == "keep_daily"),
        "{bad:?}"
    );
    assert_eq!(backups::policy(&db).unwrap().keep_daily, 2);
}

#[test]
fn restore_copies_the_backup_and_keeps_the_replaced_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace(dir.path(), "team.db");
    let db = Db::open(&path).unwrap();
    let b = backups::create(&db, BackupKind::Manual, at("2026-11-20T10:00:00Z")).unwrap();
    person(&db, "Added later", "SRE", Role::Ic);
    drop(db);
    let before = std::fs::read(&b.path).unwrap();

    let kept = backups::restore(&path, Path::new(&b.path), at("2026-11-23T10:00:00Z"))
        .unwrap()
        .unwrap();
    assert_eq!(names(&path), ["Ana Lima"]);
    assert_eq!(kept.kind, BackupKind::BeforeRestore);
    assert_eq!(names(Path::new(&kept.path)), ["Added later", "Ana Lima"]);
    assert_eq!(
        std::fs::read(&b.path).unwrap(),
        before,
        "the backup was not written to"
    );
    // Nothing temporary is left beside the workspace.
    let stray: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn restore_works_from_read_only_media() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace(dir.path(), "team.db");
    let media = dir.path().join("usb");
    std::fs::create_dir(&media).unwrap();
    let file = media.join("team-backup.sqlite");
    Db::open(&path).unwrap().backup_to(&file, |_| {}).unwrap();
    person(&Db::open(&path).unwrap(), "Added later", "SRE", Role::Ic);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&media, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = std::fs::read(&file).unwrap();
    let preview = backups::preview(&file).unwrap();
    assert_eq!(preview.people, 1);
    backups::restore(&path, &file, Utc::now()).unwrap();
    std::fs::set_permissions(&media, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(names(&path), ["Ana Lima"]);
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert_eq!(
        std::fs::read_dir(&media).unwrap().count(),
        1,
        "nothing written beside it"
    );
}

#[test]
fn an_older_backup_is_migrated_as_a_copy_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v1.sqlite");
    {
        let c = rusqlite::Connection::open(&old).unwrap();
        c.execute_batch(
            "CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT NOT NULL, team TEXT NOT NULL DEFAULT '',
                role TEXT NOT NULL, contact TEXT NOT NULL DEFAULT '', core_user INTEGER NOT NULL DEFAULT 0,
                notes TEXT NOT NULL DEFAULT '', archived_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
             INSERT INTO people (id, name, role, created_at, updated_at) VALUES ('p1', 'Old Timer', 'ic', 'x', 'x');
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let before = std::fs::read(&old).unwrap();
    let path = dir.path().join("team.db");
    Db::open(&path).unwrap();
    backups::restore(&path, &old, Utc::now()).unwrap();
    assert_eq!(names(&path), ["Old Timer"]);
    assert_eq!(
        Db::open(&path).unwrap().schema_version().unwrap(),
        rapport::db::LATEST_VERSION
    );
    assert_eq!(std::fs::read(&old).unwrap(), before);
}

#[test]
fn damage_is_caught_on_open_on_backup_and_on_restore() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace(dir.path(), "team.db");
    let good = dir.path().join("good.sqlite");
    let db = Db::open(&path).unwrap();
    db.backup_to(&good, |_| {}).unwrap();
    drop(db);
    // The checkpointed file is damaged on disk.
    damage(&path);
    let e = Db::open(&path)
        .err()
        .expect("a damaged workspace is refused");
    assert!(matches!(e, Error::Corrupt { .. }), "{e:?}");
    // A damaged file is never a backup to restore from, and the workspace stays as it is.
    let copy = dir.path().join("damaged-copy.sqlite");
    std::fs::copy(&path, &copy).unwrap();
    let damaged = std::fs::read(&path).unwrap();
    assert!(matches!(
        backups::preview(&copy),
        Err(Error::Corrupt { .. })
    ));
    assert!(matches!(
        backups::restore(&path, &copy, Utc::now()),
        Err(Error::Corrupt { .. })
    ));
    assert_eq!(std::fs::read(&path).unwrap(), damaged);
    // Restoring a good backup over it moves the damaged file aside, untouched.
    let kept = backups::restore(&path, &good, Utc::now()).unwrap().unwrap();
    assert_eq!(names(&path), ["Ana Lima"]);
    assert_eq!(std::fs::read(&kept.path).unwrap(), damaged);
}

#[test]
fn a_workspace_damaged_while_open_is_not_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace(dir.path(), "team.db");
    let db = Db::open(&path).unwrap();
    db.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    damage(&path);
    // Nothing of the file is left in the connection's cache.
    db.conn().execute_batch("PRAGMA shrink_memory").unwrap();
    let e = backups::create(&db, BackupKind::Manual, Utc::now()).unwrap_err();
    assert!(matches!(e, Error::Corrupt { .. }), "{e:?}");
    assert!(backups::list(&path).unwrap().is_empty());
}
