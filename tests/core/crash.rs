//! Crash storm: `rapport-cli` killed with SIGKILL at random moments while it imports a CSV and
//! while it writes a backup. After every kill the workspace must open (which runs
//! `quick_check`), hold all of the import or none of it, and a backup must be either absent or
//! complete and checked. The seed is printed so a failure can be replayed (`CRASH_SEED=…`).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rapport::db::Db;

const IMPORT_KILLS: usize = 16;
const BACKUP_KILLS: usize = 12;
const ROWS: usize = 6_000;

fn questions(db: &Path) -> i64 {
    Db::open(db)
        .expect("the workspace opens and passes quick_check after a kill")
        .conn()
        .query_row("SELECT count(*) FROM questions", [], |r| r.get(0))
        .unwrap()
}

/// Undo journals left in the file, read without opening it as a workspace (which would reverse them).
fn unfinished_journals(db: &Path) -> i64 {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    c.query_row("SELECT count(*) FROM undo_journals", [], |r| r.get(0))
        .unwrap()
}

fn rapport_cli(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rapport-cli"));
    c.args(args).stdout(Stdio::null()).stderr(Stdio::null());
    c
}

/// Runs the command and kills it after `after` (if it is still running); true if it was killed.
fn kill_after(mut cmd: Command, after: Duration) -> bool {
    let mut child = cmd.spawn().unwrap();
    let start = Instant::now();
    while start.elapsed() < after {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    true
}

fn time(mut cmd: Command) -> Duration {
    let start = Instant::now();
    assert!(cmd.status().unwrap().success());
    start.elapsed()
}

struct Rng(u64);

impl Rng {
    /// A fraction in [0, 1).
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[test]
fn kills_during_import_and_backup_never_leave_a_damaged_or_half_written_workspace() {
    let seed = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    println!("CRASH_SEED={seed}");
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("team.db");
    let db_s = db.to_str().unwrap();
    rapport::open_workspace(&db).unwrap();
    let base = questions(&db);
    let csv = dir.path().join("questions.csv");
    let mut text = String::from("text,topic,tags\n");
    for i in 0..ROWS {
        text.push_str(&format!(
            "Walk me through deploy number {i} last week,deploys,storm\n"
        ));
    }
    std::fs::write(&csv, text).unwrap();
    let import = || rapport_cli(&["--db", db_s, "import", "questions", csv.to_str().unwrap()]);

    // How long one import takes on this machine, on a copy, so kills land throughout it.
    let probe = dir.path().join("probe.db");
    std::fs::copy(&db, &probe).unwrap();
    let full = time(rapport_cli(&[
        "--db",
        probe.to_str().unwrap(),
        "import",
        "questions",
        csv.to_str().unwrap(),
    ]));

    let mut killed = 0;
    let mut stepped = 0;
    let mut expected = base;
    for _ in 0..IMPORT_KILLS {
        let at = full.mul_f64(rng.next() * 1.1);
        let was_killed = kill_after(import(), at);
        // The CLI commits in steps: a kill between two leaves its undo journal for the next
        // open to reverse (db::journal), which `questions` does.
        stepped += unfinished_journals(&db);
        let n = questions(&db);
        if was_killed {
            killed += 1;
            // Killed before its commit (none) or after it, while exiting (all).
            assert!(
                n == expected || n == expected + ROWS as i64,
                "after a kill at {at:?}: {n} questions, expected {expected} or {} (all or none)",
                expected + ROWS as i64
            );
        } else {
            assert_eq!(
                n,
                expected + ROWS as i64,
                "a completed import has every row"
            );
        }
        expected = n;
    }

    // Backups: a killed one leaves no backup (or the previous one) and no leftovers once the
    // next backup has run.
    let out = dir.path().join("out").join("team-backup.sqlite");
    let backup = || rapport_cli(&["--db", db_s, "backup", out.to_str().unwrap()]);
    let full = time(backup());
    let size = std::fs::metadata(&out).unwrap().len();
    for _ in 0..BACKUP_KILLS {
        std::fs::remove_file(&out).ok();
        let at = full.mul_f64(rng.next());
        if kill_after(backup(), at) {
            killed += 1;
        }
        assert_eq!(
            questions(&db),
            expected,
            "the workspace is untouched by a killed backup"
        );
        if out.exists() {
            let p = rapport::backups::preview(&out)
                .expect("a backup that exists is complete and checked");
            assert_eq!(std::fs::metadata(&out).unwrap().len(), size);
            assert!(p.people == 0);
        }
    }
    assert!(time(backup()) > Duration::ZERO);
    let left: Vec<String> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        ["team-backup.sqlite"],
        "leftovers of killed backups were cleaned"
    );
    println!("{killed} kills landed mid-write (import {full:?} per run); {stepped} between committed steps, reversed at open");
    assert!(
        stepped > 0,
        "no kill landed between two committed steps of an import; seed {seed}"
    );
    assert!(
        killed >= 20,
        "only {killed} kills landed mid-write; seed {seed}"
    );
}
