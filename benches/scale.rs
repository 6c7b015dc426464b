//! Team scale (`cargo bench --bench scale`, part of `make bench`): the calls behind every list
//! screen, search and CSV import on a generated workspace of 10k people, 5k interviews, 100k
//! notes, 2k findings and 3k follow-ups (`rapport::scale`, the same rows on every run), each
//! next to a reference measured in the same run: the same call on an empty workspace, raw SQL
//! or FTS5, or the `sqlite3` program. Times are medians of 7 runs (after one warm-up).
//!
//! `RAPPORT_SCALE_DB=path` keeps the generated workspace there (for the real-app timings in
//! `scripts/bench-app.sh`) instead of a temporary file.

use std::process::Command;
use std::time::{Duration, Instant};

use rapport::clock::Zone;
use rapport::csv::{self, ImportOptions, ListKind};
use rapport::db::statements::counted;
use rapport::findings::{self, FindingFilter};
use rapport::followups::{self, FollowUpFilter, FollowUpQuery};
use rapport::interviews::{self, notes, InterviewFilter};
use rapport::people::{self, PersonFilter};
use rapport::questions::{self, QuestionFilter};
use rapport::scale::{self, Sizes};
use rapport::{search, today, Db};

const RUNS: usize = 7;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The median time of `f` over [`RUNS`] runs, after a warm-up.
fn median(mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// One table line: what, the time, its reference, the ratio and the statements run.
fn line(what: &str, ours: Duration, reference: &str, theirs: Duration, statements: Option<u64>) {
    println!(
        "| {what} | {:.1} ms | {reference} {:.1} ms | {:.1}x | {} |",
        ms(ours),
        ms(theirs),
        ms(ours) / ms(theirs).max(0.001),
        statements.map_or("".into(), |n| n.to_string())
    );
}

fn main() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = std::env::var_os("RAPPORT_SCALE_DB")
        .map(Into::into)
        .unwrap_or_else(|| dir.path().join("scale.db"));
    let _ = std::fs::remove_file(&path);
    let db = Db::open(&path).unwrap();
    let t = Instant::now();
    scale::generate(&db, &Sizes::TEAM, today).unwrap();
    println!(
        "generated {:?} in {:.1} s at {}",
        Sizes::TEAM,
        t.elapsed().as_secs_f64(),
        path.display()
    );
    let empty = Db::open(&dir.path().join("empty.db")).unwrap();

    println!("\n| call (team scale) | time | reference | ratio | statements |");
    println!("| --- | --- | --- | --- | --- |");
    type Call = Box<dyn Fn(&Db)>;
    let lists: Vec<(&str, Call)> = vec![
        (
            "people list, first page",
            Box::new(|db| drop(people::list(db, &PersonFilter::default()).unwrap())),
        ),
        (
            "people filter \"ana\"",
            Box::new(|db| {
                let f = PersonFilter {
                    query: Some("ana".into()),
                    ..PersonFilter::default()
                };
                drop(people::list(db, &f).unwrap())
            }),
        ),
        (
            "interviews list",
            Box::new(|db| drop(interviews::list(db, &InterviewFilter::default()).unwrap())),
        ),
        (
            "findings list",
            Box::new(|db| drop(findings::list(db, &FindingFilter::default()).unwrap())),
        ),
        (
            "findings tags",
            Box::new(|db| drop(findings::tags(db).unwrap())),
        ),
        (
            "questions list",
            Box::new(|db| drop(questions::list(db, &QuestionFilter::default()).unwrap())),
        ),
        (
            "follow-ups list",
            Box::new(move |db| {
                let q = FollowUpQuery {
                    show: FollowUpFilter::Open,
                    page: None,
                };
                drop(followups::list(db, &q, today).unwrap())
            }),
        ),
        (
            "not contacted",
            Box::new(move |db| {
                drop(followups::not_contacted(db, 6, Zone::UTC, today, 50).unwrap())
            }),
        ),
        (
            "Today",
            Box::new(move |db| drop(today::dashboard(db, Zone::UTC, today).unwrap())),
        ),
    ];
    for (name, call) in &lists {
        let ours = median(|| call(&db));
        let theirs = median(|| call(&empty));
        let (_, n) = counted(&db, || call(&db));
        line(name, ours, "empty workspace", theirs, Some(n));
    }
    // An interview's 20 notes, and the notes of every interview as one query would read them.
    let ours = median(|| drop(notes::list(&db, "i00042").unwrap()));
    let theirs = median(|| {
        let mut s = db
            .conn()
            .prepare_cached("SELECT id, text FROM notes WHERE interview_id = ?1")
            .unwrap();
        let _ = s
            .query_map(["i00042"], |r| r.get::<_, String>(0))
            .unwrap()
            .count();
    });
    line("an interview's notes", ours, "raw SELECT", theirs, None);
    // The reference for "not contacted": one GROUP BY over who sat in what.
    let theirs = median(|| {
        let mut s = db
            .conn()
            .prepare_cached(
                "SELECT p.id, max(i.scheduled_at) FROM people p
                 LEFT JOIN interview_people ip ON ip.person_id = p.id
                 LEFT JOIN interviews i ON i.id = ip.interview_id GROUP BY p.id",
            )
            .unwrap();
        let _ = s.query_map([], |r| r.get::<_, String>(0)).unwrap().count();
    });
    let ours = median(|| drop(followups::not_contacted(&db, 6, Zone::UTC, today, 50).unwrap()));
    line("not contacted", ours, "one GROUP BY", theirs, None);

    search_figures(&db);
    import_figures(dir.path());
}

/// Twenty-four queries of every kind a user types, p50 and p95 over all of them, next to raw
/// FTS5 top-50 on the notes alone.
fn search_figures(db: &Db) {
    let rare = [
        scale::rare_word(7),
        scale::rare_word(123),
        scale::rare_word(391),
    ];
    let queries: Vec<String> = [
        "the",
        "deploy",
        "build",
        "review",
        "de",
        "roll",
        "stag",
        "canary rollback",
        "on-call pager",
        "flaky pipeline timeout",
        "\"flaky pipeline\"",
        "\"the build waits\"",
        "naive",
        "naïve retry",
        "resume",
        "zurich",
        "Zürich staging",
        "secrets cache",
        "alert dashboard latency",
        "release review",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain(rare.iter().cloned())
    .chain([format!("{} deploy", rare[0])])
    .collect();
    assert!(queries.len() >= 20);
    let time_all = |f: &dyn Fn(&str)| -> Vec<Duration> {
        let mut all: Vec<Duration> = queries.iter().map(|q| median(|| f(q))).collect();
        all.sort();
        all
    };
    let ours = time_all(&|q| drop(search::search(db, q, 50).unwrap()));
    let raw = time_all(&|q| {
        let words: Vec<String> = q
            .split_whitespace()
            .map(|w| format!("\"{}\"", w.trim_matches('"').replace('"', "")))
            .collect();
        let m = format!("{}*", words.join(" "));
        let mut s = db
            .conn()
            .prepare_cached(
                "SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?1 ORDER BY rank LIMIT 50",
            )
            .unwrap();
        let _ = s.query_map([m], |r| r.get::<_, i64>(0)).unwrap().count();
    });
    println!("\n| search, {} queries | p50 | p95 |", queries.len());
    println!("| --- | --- | --- |");
    println!(
        "| Rapport (notes, transcripts, everything else; 50 hits) | {:.1} ms | {:.1} ms |",
        ms(percentile(&ours, 0.5)),
        ms(percentile(&ours, 0.95))
    );
    println!(
        "| raw FTS5 top 50, notes only | {:.1} ms | {:.1} ms |",
        ms(percentile(&raw, 0.5)),
        ms(percentile(&raw, 0.95))
    );
    println!(
        "| ratio | {:.1}x | {:.1}x |",
        ms(percentile(&ours, 0.5)) / ms(percentile(&raw, 0.5)).max(0.001),
        ms(percentile(&ours, 0.95)) / ms(percentile(&raw, 0.95)).max(0.001)
    );
}

/// 100k questions with tags: Rapport's import (every validation) against `sqlite3` doing the
/// same inserts into the same schema in one transaction.
fn import_figures(dir: &std::path::Path) {
    const QUESTIONS: usize = 100_000;
    let file = dir.join("questions.csv");
    let text: String = std::iter::once("text,topic,tags\r\n".to_owned())
        .chain((0..QUESTIONS).map(|i| {
            format!(
                "\"Walk me through deploy number {i}, step by step.\",deploys,ci q{}\r\n",
                i % 50
            )
        }))
        .collect();
    std::fs::write(&file, &text).unwrap();
    let opts = |dry_run| ImportOptions {
        dry_run,
        ..ImportOptions::default()
    };
    let fresh = |name: &str| Db::open(&dir.join(name)).unwrap();
    let t = Instant::now();
    let dry = csv::import(
        &fresh("dry.db"),
        ListKind::Questions,
        text.as_bytes(),
        &opts(true),
        &mut |_| true,
    )
    .unwrap();
    let dry_t = t.elapsed();
    assert!(dry.errors.is_empty());
    let target = fresh("import.db");
    let t = Instant::now();
    let done = csv::import(
        &target,
        ListKind::Questions,
        text.as_bytes(),
        &opts(false),
        &mut |_| true,
    )
    .unwrap();
    let ours = t.elapsed();
    assert!(done.applied && done.rows as usize == QUESTIONS);

    // The same schema (an empty workspace), the same rows and tags, one transaction.
    let reference = dir.join("sqlite3.db");
    drop(fresh("sqlite3.db"));
    let script = format!(
        "CREATE TEMP TABLE t (text TEXT, topic TEXT, tags TEXT);
.import --csv --skip 1 '{}' t
BEGIN;
INSERT INTO questions (id, text, topic, created_at, updated_at, filter_key)
  SELECT 'q' || rowid, text, topic, strftime('%Y-%m-%dT%H:%M:%fZ'),
         strftime('%Y-%m-%dT%H:%M:%fZ'), lower(text) FROM t;
INSERT INTO question_tags (question_id, tag)
  SELECT 'q' || t.rowid, j.value FROM t, json_each('[\"' || replace(t.tags, ' ', '\",\"') || '\"]') j;
COMMIT;",
        file.display()
    );
    let t = Instant::now();
    let status = Command::new("sqlite3")
        .arg(&reference)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(script.as_bytes())?;
            c.wait()
        });
    let theirs = t.elapsed();
    println!("\n| import, {QUESTIONS} questions with tags | time | reference | ratio |");
    println!("| --- | --- | --- | --- |");
    match status {
        Ok(s) if s.success() => {
            let conn = rusqlite::Connection::open(&reference).unwrap();
            let n: i64 = conn
                .query_row(
                    "SELECT count(*) FROM questions WHERE id LIKE 'q%'",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(n as usize, QUESTIONS, "sqlite3 imported every row");
            for (what, d) in [("applied", ours), ("preview (dry run)", dry_t)] {
                println!(
                    "| Rapport import, {what} | {:.2} s | sqlite3 {:.2} s | {:.2}x |",
                    d.as_secs_f64(),
                    theirs.as_secs_f64(),
                    d.as_secs_f64() / theirs.as_secs_f64()
                );
            }
        }
        _ => println!("| sqlite3 not available: install the sqlite3 package to compare | | | |"),
    }
}
