//! CSV throughput on a generated 100k-note workspace: `cargo bench --bench csv` (or `make bench`).
//! Prints Rapport's notes export next to `sqlite3 -csv` on the same rows, and the time to
//! import 100k questions (dry run and applied), as ratios. No pass/fail: numbers to watch.

use std::process::Command;
use std::time::{Duration, Instant};

use rapport::csv::{self, ExportOptions, ListKind};
use rapport::Db;
use rusqlite::params;

const NOTES: usize = 100_000;
const INTERVIEWS: usize = 500;
const PEOPLE: usize = 200;
const QUESTIONS: usize = 100_000;

/// A deterministic workspace: the same rows on every run.
fn generate(db: &mut Db) {
    let words = [
        "deploy",
        "pipeline",
        "flaky",
        "on-call",
        "pager",
        "rollback",
        "terraform",
        "dashboard",
        "alert",
        "runbook",
        "latency",
        "canary",
        "\"quoted\"",
        "comma,",
        "Zoë",
        "日本",
        "=SUM(1)",
    ];
    let mut seed: u64 = 42;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let unit = db.unit().unwrap();
    let tx = db.conn();
    for p in 0..PEOPLE {
        tx.execute(
            "INSERT INTO people (id, name, team, role, created_at, updated_at) VALUES (?1, ?2, 'SRE', ?3, 'x', 'x')",
            params![format!("p{p}"), format!("Person {p}"), if p % 7 == 0 { "lead" } else { "ic" }],
        )
        .unwrap();
    }
    for i in 0..INTERVIEWS {
        tx.execute(
            "INSERT INTO interviews (id, title, scheduled_at, duration_minutes, created_at, updated_at)
             VALUES (?1, ?2, '2026-11-01T10:00:00Z', 30, 'x', 'x')",
            params![format!("i{i}"), format!("Interview {i}")],
        )
        .unwrap();
        tx.execute(
            "INSERT INTO interview_people (interview_id, person_id) VALUES (?1, ?2)",
            params![format!("i{i}"), format!("p{}", i % PEOPLE)],
        )
        .unwrap();
    }
    for n in 0..NOTES {
        let len = 6 + next() % 20;
        let mut text: Vec<&str> = (0..len).map(|_| words[next() % words.len()]).collect();
        if n % 3 == 0 {
            text.push("#ci");
        }
        let is_quote = n % 5 == 0;
        let interview = n % INTERVIEWS;
        tx.execute(
            "INSERT INTO notes (id, interview_id, text, is_quote, speaker_id, offset_seconds, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                format!("n{n:06}"),
                format!("i{interview}"),
                text.join(" "),
                is_quote,
                is_quote.then(|| format!("p{}", interview % PEOPLE)),
                (n % 1800) as i64,
                format!("2026-11-01T10:{:02}:{:02}.000Z", (n / 60) % 60, n % 60),
            ],
        )
        .unwrap();
    }
    unit.commit().unwrap();
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    let mut db = Db::open(&path).unwrap();
    let t = Instant::now();
    generate(&mut db);
    println!(
        "generated {NOTES} notes in {INTERVIEWS} interviews in {:.2} s",
        secs(t.elapsed())
    );

    let out = dir.path().join("notes.csv");
    let t = Instant::now();
    let rows = csv::export(
        &db,
        ListKind::Notes,
        std::io::BufWriter::new(std::fs::File::create(&out).unwrap()),
        ExportOptions::default(),
        |_| {},
    )
    .unwrap();
    let ours = t.elapsed();
    assert_eq!(rows as usize, NOTES);
    println!(
        "rapport export: {rows} notes in {:.3} s ({} bytes)",
        secs(ours),
        std::fs::metadata(&out).unwrap().len()
    );

    let sql = "SELECT n.id, n.interview_id, i.title, n.offset_seconds, n.text, n.is_quote, p.name, n.text, n.created_at
               FROM notes n JOIN interviews i ON i.id = n.interview_id LEFT JOIN people p ON p.id = n.speaker_id
               ORDER BY i.scheduled_at, n.created_at, n.id";
    let t = Instant::now();
    let sqlite = Command::new("sqlite3")
        .args(["-csv", "-header"])
        .arg(&path)
        .arg(sql)
        .stdout(std::fs::File::create(dir.path().join("sqlite.csv")).unwrap())
        .status();
    let theirs = t.elapsed();
    match sqlite {
        Ok(s) if s.success() => println!(
            "sqlite3 -csv:   {NOTES} notes in {:.3} s  -> rapport/sqlite3 = {:.2}x",
            secs(theirs),
            secs(ours) / secs(theirs)
        ),
        _ => println!("sqlite3 -csv:   not available (install the sqlite3 package to compare)"),
    }

    // Import: 100k questions, dry run then applied, through the same rules as the app.
    let qcsv: String = std::iter::once("text,topic,tags\r\n".to_owned())
        .chain((0..QUESTIONS).map(|i| {
            format!(
                "\"Walk me through deploy number {i}, step by step.\",deploys,ci q{}\r\n",
                i % 50
            )
        }))
        .collect();
    let t = Instant::now();
    let opts = |dry_run| csv::ImportOptions {
        dry_run,
        ..csv::ImportOptions::default()
    };
    let dry = csv::import(
        &db,
        ListKind::Questions,
        qcsv.as_bytes(),
        &opts(true),
        &mut |_| true,
    )
    .unwrap();
    let dry_t = t.elapsed();
    assert!(dry.errors.is_empty() && !dry.applied);
    let t = Instant::now();
    let done = csv::import(
        &db,
        ListKind::Questions,
        qcsv.as_bytes(),
        &opts(false),
        &mut |_| true,
    )
    .unwrap();
    let apply_t = t.elapsed();
    assert!(done.applied && done.rows as usize == QUESTIONS);
    println!(
        "rapport import: {QUESTIONS} questions, dry run {:.2} s, applied {:.2} s ({:.0} rows/s); import/export per row = {:.1}x",
        secs(dry_t),
        secs(apply_t),
        QUESTIONS as f64 / secs(apply_t),
        (secs(apply_t) / QUESTIONS as f64) / (secs(ours) / NOTES as f64)
    );
}
