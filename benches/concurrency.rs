//! The app under load (`cargo bench --bench concurrency`, part of `make bench`): while
//! `rapport-cli import` writes 1M people (all-or-nothing, committed in steps with an undo
//! journal), the app's model (`Workspace`: a writer and a pool of WAL readers) serves the
//! screens' reads and adds a note every 200 ms for as long as the import runs (at least 100),
//! as a user typing in interview mode would. Reports failures and latencies, next to the same
//! reads and note adds with nothing else running.

use std::io::Write;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rapport::clock::Zone;
use rapport::db::Workspace;
use rapport::interviews::{self, notes, InterviewInput};
use rapport::people::{self, PersonFilter, PersonInput, Role};
use rapport::today;

const ROWS: usize = 1_000_000;
const NOTES: usize = 100;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn summary(mut times: Vec<Duration>) -> String {
    if times.is_empty() {
        return "none".into();
    }
    times.sort();
    let at = |p: f64| ms(times[((times.len() - 1) as f64 * p).round() as usize]);
    format!(
        "{} calls, p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        times.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    )
}

/// The reads a screen makes, timed one after another until `stop`.
fn reads(ws: &Workspace, stop: &AtomicBool, limit: usize) -> Vec<Duration> {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut out = Vec::new();
    while !stop.load(Ordering::Relaxed) && out.len() < limit {
        let t = Instant::now();
        ws.read(|db| people::list(db, &PersonFilter::default()))
            .unwrap();
        ws.read(|db| today::dashboard(db, Zone::UTC, day)).unwrap();
        out.push(t.elapsed());
        std::thread::sleep(Duration::from_millis(50));
    }
    out
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("load.db");
    let ws = Arc::new(Workspace::open(&path).unwrap());
    let interview = ws
        .write(|db| {
            let ana = people::create(
                db,
                &PersonInput {
                    name: "Ana Lima".into(),
                    team: "SRE".into(),
                    role: Role::Ic,
                    contact: String::new(),
                    core_user: false,
                    notes: String::new(),
                    duplicate_ok: None,
                },
            )?;
            interviews::plan(
                db,
                &InterviewInput {
                    title: "Deploys under load".into(),
                    topic: "deploys".into(),
                    scheduled_at: "2026-11-23T10:00:00Z".into(),
                    duration_minutes: 30,
                    interviewee_ids: vec![ana.id],
                    note_taker_id: None,
                    guide_id: None,
                    acknowledge_mixed_roles: false,
                },
            )
        })
        .unwrap()
        .id;

    let quiet = reads(&ws, &AtomicBool::new(false), 40);
    println!("reads, nothing else running: {}", summary(quiet));
    let note = |i: usize| notes::NoteInput {
        text: format!("Typed during the import, note {i} #load"),
        is_quote: false,
        speaker_id: None,
    };
    let quiet_writes = (0..40)
        .map(|i| {
            let t = Instant::now();
            ws.write(|db| notes::add(db, &interview, &note(i))).unwrap();
            t.elapsed()
        })
        .collect();
    println!("note adds, nothing else running: {}", summary(quiet_writes));

    let csv = dir.path().join("people.csv");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&csv).unwrap());
    writeln!(f, "name,team,role").unwrap();
    for i in 0..ROWS {
        writeln!(f, "Imported person {i},Team {},ic", i % 300).unwrap();
    }
    drop(f);

    let started = Instant::now();
    let mut import = Command::new(env!("CARGO_BIN_EXE_rapport-cli"))
        .arg("--db")
        .arg(&path)
        .args(["import", "people"])
        .arg(&csv)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Let the import start before the user starts typing.
    std::thread::sleep(Duration::from_secs(2));
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let (ws, stop) = (ws.clone(), stop.clone());
        std::thread::spawn(move || reads(&ws, &stop, usize::MAX))
    };
    let mut writes = Vec::new();
    let mut failures = Vec::new();
    let mut i = 0;
    while i < NOTES || import.try_wait().unwrap().is_none() {
        let t = Instant::now();
        match ws.write(|db| notes::add(db, &interview, &note(i))) {
            Ok(_) => writes.push(t.elapsed()),
            Err(e) => failures.push(e.to_string()),
        }
        i += 1;
        std::thread::sleep(Duration::from_millis(200));
    }
    let status = import.wait().unwrap();
    let import_time = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    let during = reader.join().unwrap();
    assert!(status.success(), "the import failed");
    let stored: i64 = ws
        .read(|db| {
            Ok(db.conn().query_row(
                "SELECT count(*) FROM notes WHERE text LIKE 'Typed during%'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    println!(
        "rapport-cli import of {ROWS} people: {:.1} s, exit {status}",
        import_time.as_secs_f64()
    );
    println!("reads during the import: {}", summary(during));
    // The import's rows are visible as each step commits, so the reads above count a growing
    // People list; the fair reference is the same reads on the finished workspace.
    let after = reads(&ws, &AtomicBool::new(false), 40);
    println!(
        "reads after the import, nothing else running: {}",
        summary(after)
    );
    println!(
        "note adds during the import: {}; failures {} {:?}; stored {stored} of {}",
        summary(writes),
        failures.len(),
        failures.first(),
        i + 40
    );
}
