//! The workspace database: pragmas, the newer-schema guard and online backups.

use rapport::db::{Db, LATEST_VERSION};
use rapport::people::{self, PersonFilter, PersonInput, Role};
use rapport::Error;

use crate::common::count;

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

/// Every row of every table the journal covers, as text, to compare a workspace before and after.
fn dump(db: &Db) -> Vec<String> {
    let c = db.conn();
    let tables: Vec<String> = c
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'
             AND name NOT LIKE 'undo%' AND sql NOT LIKE 'CREATE VIRTUAL%'
             AND name NOT LIKE '%fts%' AND name NOT LIKE 'search_index%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut out = Vec::new();
    for t in tables {
        let mut s = c
            .prepare(&format!("SELECT * FROM \"{t}\" ORDER BY 1, 2"))
            .unwrap();
        let n = s.column_count();
        let rows = s
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap();
        out.extend(rows.map(|r| format!("{t}: {}", r.unwrap())));
    }
    out
}

fn named(name: impl Into<String>) -> PersonInput {
    PersonInput {
        name: name.into(),
        ..ana()
    }
}

fn search_hits(db: &Db, word: &str) -> usize {
    rapport::search::search(db, word, 100).unwrap().len()
}

#[test]
fn a_stepped_write_is_reversed_whole_when_dropped_and_kept_whole_when_finished() {
    use rapport::db::journal::Journal;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.db");
    let db = Db::open(&path).unwrap();
    let kept = people::create(&db, &ana()).unwrap();
    let before = dump(&db);

    // Three steps: adds (with tags and search rows), an edit, a delete; then dropped.
    let journal = Journal::begin(&db, "test").unwrap();
    journal
        .step(|db| {
            for i in 0..50 {
                people::create(db, &named(format!("Zebulon {i}")))?;
            }
            Ok(())
        })
        .unwrap();
    journal
        .step(|db| {
            let p = people::get(db, &kept.id)?;
            people::update(
                db,
                &kept.id,
                p.version,
                &PersonInput {
                    notes: "edited\nwith 'quotes' and \"doubles\"".into(),
                    ..ana()
                },
            )
        })
        .unwrap();
    journal
        .step(|db| {
            Ok(db.conn().execute(
                "DELETE FROM questions WHERE rowid IN (SELECT rowid FROM questions LIMIT 3)",
                [],
            )?)
        })
        .unwrap();
    assert_eq!(search_hits(&db, "Zebulon"), 50);
    assert!(dump(&db) != before);
    drop(journal);
    assert_eq!(dump(&db), before, "every table is back as it was");
    assert_eq!(search_hits(&db, "Zebulon"), 0, "and so is the search index");
    assert_eq!(count(&db, "undo_log"), 0);
    assert_eq!(count(&db, "undo_journals"), 0);

    // Finished: everything is kept and the journal is gone.
    let journal = Journal::begin(&db, "test").unwrap();
    journal
        .step(|db| people::create(db, &named("Yara")))
        .unwrap();
    journal.finish().unwrap();
    assert_eq!(
        people::list(&db, &PersonFilter::default()).unwrap().total as usize,
        2
    );
    assert_eq!(count(&db, "undo_log"), 0);
    // Without the journal, nothing records undo any more.
    people::create(&db, &named("Xia")).unwrap();
    assert_eq!(count(&db, "undo_log"), 0);
}

#[test]
fn an_unfinished_stepped_write_is_reversed_at_open_but_keeps_what_others_built_on_it() {
    use rapport::db::journal::Journal;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.db");
    let before;
    let zeb;
    {
        let db = Db::open(&path).unwrap();
        before = people::list(&db, &PersonFilter::default()).unwrap().total as usize;
        let journal = Journal::begin(&db, "test").unwrap();
        zeb = journal
            .step(|db| people::create(db, &named("Zebulon")))
            .unwrap()
            .id;
        journal
            .step(|db| people::create(db, &named("Yara")))
            .unwrap();
        // Meanwhile another program interviews Zebulon.
        let other = Db::open(&path).unwrap();
        crate::common::interview(&other, "Deploys", "2026-11-02T10:00:00Z", &[zeb.as_str()]);
        drop(other);
        // The process dies: no finish, no reversal, and its lock goes with it.
        journal.abandon();
    }
    let db = Db::open(&path).unwrap();
    let names: Vec<String> = people::list(&db, &PersonFilter::default())
        .unwrap()
        .items
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert!(
        !names.contains(&"Yara".to_owned()),
        "reversed at open: {names:?}"
    );
    assert!(
        names.contains(&"Zebulon".to_owned()),
        "kept: an interview the app added refers to him"
    );
    assert_eq!(names.len(), before + 1);
    assert_eq!(count(&db, "undo_journals"), 0);
    assert_eq!(count(&db, "undo_log"), 0);
}

#[test]
fn a_stepped_write_whose_owner_runs_is_left_alone_by_an_opener() {
    use rapport::db::journal::Journal;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.db");
    let db = Db::open(&path).unwrap();
    let journal = Journal::begin(&db, "test").unwrap();
    journal
        .step(|db| people::create(db, &named("Zebulon")))
        .unwrap();
    let other = Db::open(&path).unwrap();
    assert_eq!(
        people::list(&other, &PersonFilter::default())
            .unwrap()
            .total as usize,
        1
    );
    assert_eq!(count(&other, "undo_journals"), 1);
    journal.finish().unwrap();
    assert_eq!(count(&other, "undo_journals"), 0);
}
