//! The workspace database: pragmas, the newer-schema guard and online backups.

use rapport::db::{Db, LATEST_VERSION};
use rapport::people::{self, PersonFilter, PersonInput, Role};
use rapport::Error;

fn ana() -> PersonInput {
    PersonInput {
        name: "Ana Lima".into(),
        team: "Payments".into(),
        role: Role::Ic,
        contact: "ana@example.com".into(),
        core_user: true,
        notes: String::new(),
        duplicate_ok: None,
    }
}

#[test]
fn open_sets_the_pragmas_and_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("nested/dir/ws.db")).unwrap();
    let c = db.conn();
    let mode: String = c
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let sync: i64 = c
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    let fk: i64 = c
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    let busy: i64 = c
        .pragma_query_value(None, "busy_timeout", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(sync, 2, "FULL");
    assert_eq!(fk, 1);
    assert!(busy >= 1000);
    assert_eq!(db.schema_version().unwrap(), LATEST_VERSION);
}

#[test]
fn reopening_keeps_data_and_does_not_migrate_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.db");
    let id = people::create(&Db::open(&path).unwrap(), &ana())
        .unwrap()
        .id;
    let db = Db::open(&path).unwrap();
    assert_eq!(people::get(&db, &id).unwrap().name, "Ana Lima");
    let backups = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".bak.")
        })
        .count();
    assert_eq!(backups, 0);
}

#[test]
fn a_newer_schema_is_refused_and_left_byte_for_byte_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        c.pragma_update(None, "user_version", LATEST_VERSION + 7)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Db::open(&path).err().expect("newer schema must be refused");
    assert!(matches!(err, Error::NewerSchema { found, supported }
        if found == LATEST_VERSION + 7 && supported == LATEST_VERSION));
    assert_eq!(err.code(), "newer_schema");
    assert!(
        err.to_string().contains("newer version of Rapport"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no -wal, -shm or backup created: {names:?}");
}

#[test]
fn online_backup_copies_everything_and_reports_progress() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("ws.db")).unwrap();
    for i in 0..300 {
        let mut p = ana();
        p.name = format!("Person {i}");
        p.notes = "x".repeat(2000);
        people::create(&db, &p).unwrap();
    }
    let out = dir.path().join("backups/copy.sqlite");
    let mut seen = Vec::new();
    db.backup_to(&out, |p| seen.push(p)).unwrap();
    let last = *seen.last().unwrap();
    assert!(last.total > 100, "{last:?}");
    assert_eq!(last.done, last.total);
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done));
    let copy = Db::open(&out).unwrap();
    let all = people::list(&copy, &PersonFilter::default()).unwrap().items;
    assert_eq!(all.len(), 300);
    assert!(!dir.path().join("backups/copy.partial").exists());
}

#[test]
fn a_foreign_sqlite_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other-app.db");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE accounts (x); INSERT INTO accounts VALUES (1);")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Db::open(&path)
        .err()
        .expect("a foreign database must be refused");
    assert_eq!(err.code(), "not_a_workspace");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn open_existing_refuses_a_missing_file_and_backup_refuses_its_own_source() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.db");
    assert_eq!(Db::open_existing(&path).err().unwrap().code(), "io");
    assert!(!path.exists(), "nothing was created");
    let db = Db::open(&path).unwrap();
    let err = db.backup_to(&path, |_| {}).unwrap_err();
    assert_eq!(err.code(), "validation");
    assert!(Db::open_existing(&path).is_ok());
}
