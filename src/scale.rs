//! A deterministic team-scale workspace: the same rows on every run, for `make bench`, the
//! statement-count tests and the real-app timings (`rapport-cli gen-scale`).
//!
//! People go in through the CSV import, so their derived keys are the core's own; the bulk
//! (interviews, notes and their tags, findings with evidence, follow-ups) goes in with plain
//! SQL in one transaction, the way a year of use would have left it.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use rusqlite::params;

use crate::csv::{self, ImportOptions, ListKind};
use crate::db::Db;
use crate::error::Result;

/// How many of each record to generate.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub people: usize,
    pub interviews: usize,
    pub notes: usize,
    pub findings: usize,
    pub followups: usize,
}

impl Sizes {
    /// A team that has used Rapport for a year (the figures).
    pub const TEAM: Sizes = Sizes {
        people: 10_000,
        interviews: 5_000,
        notes: 100_000,
        findings: 2_000,
        followups: 3_000,
    };

    /// `TEAM` divided by `by`, keeping at least one of each.
    pub fn scaled(by: usize) -> Sizes {
        let d = |n: usize| (n / by).max(1);
        let t = Sizes::TEAM;
        Sizes {
            people: d(t.people),
            interviews: d(t.interviews),
            notes: d(t.notes),
            findings: d(t.findings),
            followups: d(t.followups),
        }
    }
}

const FIRST: [&str; 20] = [
    "Ana", "Ben", "Chloé", "Dev", "Emeka", "Farah", "Gus", "Hana", "Ivan", "Jo", "Kofi", "Lena",
    "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tomás",
];
const LAST: [&str; 20] = [
    "Lima", "Okafor", "Martin", "Patel", "Nguyen", "Schmidt", "Kowalski", "Haddad", "Sato",
    "Müller", "Rossi", "Silva", "Cohen", "Ivanova", "Dubois", "Khan", "Larsen", "Moreau", "Novak",
    "Reyes",
];
const TEAMS: [&str; 8] = [
    "SRE", "Payments", "Search", "Mobile", "Data", "Identity", "Checkout", "Growth",
];
const WORDS: [&str; 25] = [
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
    "the",
    "build",
    "waits",
    "for",
    "review",
    "staging",
    "secrets",
    "cache",
    "timeout",
    "Zürich",
    "release",
    "naïve",
    "résumé",
];
/// Syllables of the rare words: 400 made-up words, each in a few hundred notes at most, the
/// long tail of a real vocabulary (team and service names, jargon).
const SYLLABLES: [&str; 20] = [
    "ka", "lo", "mi", "ru", "te", "zan", "bo", "qui", "fe", "dro", "ny", "sul", "vak", "pe", "gor",
    "ith", "ul", "ma", "xen", "da",
];
const TAGS: [&str; 10] = [
    "deploys", "ci", "oncall", "alerts", "docs", "cost", "secrets", "speed", "trust", "access",
];

/// A fixed-seed generator (PCG-style LCG): the same sequence on every run and platform.
struct Seq(u64);

impl Seq {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }

    /// `n` words: mostly common ones, one in five from the long tail.
    fn words(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| {
                if self.next(5) == 0 {
                    rare_word(self.next(SYLLABLES.len() * SYLLABLES.len()))
                } else {
                    WORDS[self.next(WORDS.len())].to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The `i`th rare word (`i` < 400), e.g. "kalo".
pub fn rare_word(i: usize) -> String {
    let n = SYLLABLES.len();
    format!("{}{}", SYLLABLES[(i / n) % n], SYLLABLES[i % n])
}

/// Fills an empty workspace with `sizes` records, relative to `today` (half the interviews
/// and follow-ups are past, half ahead).
pub fn generate(db: &Db, sizes: &Sizes, today: NaiveDate) -> Result<()> {
    let mut seq = Seq(20_261_123);
    let mut people = String::from("name,team,role,contact\r\n");
    for i in 0..sizes.people {
        let name = format!(
            "{} {}{}",
            FIRST[i % FIRST.len()],
            LAST[(i / FIRST.len()) % LAST.len()],
            // Past 400 the pairs repeat; a number keeps every name distinct.
            if i < FIRST.len() * LAST.len() {
                String::new()
            } else {
                format!(" {}", i / (FIRST.len() * LAST.len()))
            }
        );
        let role = ["ic", "ic", "ic", "lead", "manager"][seq.next(5)];
        people.push_str(&format!(
            "{name},{},{role},person{i}@example.com\r\n",
            TEAMS[seq.next(TEAMS.len())]
        ));
    }
    csv::import(
        db,
        ListKind::People,
        people.as_bytes(),
        &ImportOptions::default(),
        &mut |_| true,
    )?;
    let ids: Vec<String> = db
        .conn()
        .prepare("SELECT id FROM people ORDER BY rowid")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;

    let unit = db.unit()?;
    let c = db.conn();
    let stamp = "2026-01-01T09:00:00Z";
    let start = Utc.from_utc_datetime(&today.and_hms_opt(9, 0, 0).unwrap()) - Duration::days(365)
        + Duration::minutes(7);
    // Interviews every ~2 hours across the year before and the weeks after today.
    let step = Duration::minutes((365 * 24 * 60 / sizes.interviews.max(1)) as i64 * 11 / 10);
    let mut interview = c.prepare_cached(
        "INSERT INTO interviews (id, title, topic, scheduled_at, duration_minutes, note_taker_id,
                                 started_at, ended_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, 30, ?5, ?6, ?7, ?8, ?8)",
    )?;
    let mut sat = c.prepare_cached(
        "INSERT OR IGNORE INTO interview_people (interview_id, person_id) VALUES (?1, ?2)",
    )?;
    let now = Utc.from_utc_datetime(&today.and_hms_opt(12, 0, 0).unwrap());
    for n in 0..sizes.interviews {
        let at = start + step * n as i32;
        let held = at < now;
        let topic = TAGS[n % TAGS.len()];
        interview.execute(params![
            format!("i{n:05}"),
            format!("How {topic} work for team {}", TEAMS[n % TEAMS.len()]),
            topic,
            at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            ids[seq.next(ids.len())],
            held.then(|| at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            held.then(
                || (at + Duration::minutes(31)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            ),
            stamp,
        ])?;
        for k in 0..2 {
            sat.execute(params![
                format!("i{n:05}"),
                ids[(n * 7 + k * 3) % ids.len()]
            ])?;
        }
    }

    let mut note = c.prepare_cached(
        "INSERT INTO notes (id, interview_id, text, is_quote, speaker_id, offset_seconds,
                            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?;
    let mut note_tag =
        c.prepare_cached("INSERT OR IGNORE INTO note_tags (note_id, tag) VALUES (?1, ?2)")?;
    for n in 0..sizes.notes {
        let i = n % sizes.interviews.max(1);
        let quote = n % 4 == 0;
        let tag = TAGS[seq.next(TAGS.len())];
        let words = 6 + seq.next(14);
        let text = if quote {
            format!("\"{}\"", seq.words(words))
        } else {
            format!("{} #{tag}", seq.words(words))
        };
        let id = format!("n{n:06}");
        note.execute(params![
            id,
            format!("i{i:05}"),
            text,
            quote,
            quote.then(|| ids[(i * 7) % ids.len()].clone()),
            (n / sizes.interviews.max(1)) as i64 * 60,
            format!("2026-01-01T09:{:02}:{:02}Z", (n / 60) % 60, n % 60),
        ])?;
        note_tag.execute(params![id, tag])?;
    }

    let mut finding = c.prepare_cached(
        "INSERT INTO findings (id, title, detail, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?;
    let mut finding_tag =
        c.prepare_cached("INSERT OR IGNORE INTO finding_tags (finding_id, tag) VALUES (?1, ?2)")?;
    let mut evidence = c.prepare_cached(
        "INSERT OR IGNORE INTO finding_evidence (finding_id, note_id) VALUES (?1, ?2)",
    )?;
    for f in 0..sizes.findings {
        let id = format!("f{f:05}");
        finding.execute(params![
            id,
            format!("{} {}", TAGS[f % TAGS.len()], seq.words(5)),
            seq.words(25),
            ["open", "confirmed", "acted", "dismissed"][f % 4],
            stamp,
        ])?;
        for k in 0..1 + f % 3 {
            finding_tag.execute(params![id, TAGS[(f + k * 3) % TAGS.len()]])?;
        }
        for _ in 0..5 {
            evidence.execute(params![id, format!("n{:06}", seq.next(sizes.notes))])?;
        }
    }

    let mut followup = c.prepare_cached(
        "INSERT INTO followups (id, person_id, reason, interview_id, due_on, done_on, outcome,
                                created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?;
    for f in 0..sizes.followups {
        let due = today + Duration::days(seq.next(120) as i64 - 60);
        let done = f % 2 == 0 && due <= today;
        followup.execute(params![
            format!("u{f:05}"),
            ids[seq.next(ids.len())],
            format!("Tell them the {} change shipped", TAGS[f % TAGS.len()]),
            format!("i{:05}", seq.next(sizes.interviews)),
            due.to_string(),
            done.then(|| due.to_string()),
            if done { "Told them; happy" } else { "" },
            stamp,
        ])?;
    }
    drop((
        interview,
        sat,
        note,
        note_tag,
        finding,
        finding_tag,
        evidence,
        followup,
    ));
    unit.commit()
}
