//! Lists stay set-based: each call runs the same small number of statements on a workspace
//! of any size (a loop of one query per row, N+1, would grow with it), and search still
//! finds what a user means at team scale.

use rapport::clock::Zone;
use rapport::db::statements::counted;
use rapport::findings::{self, FindingFilter};
use rapport::followups::{self, FollowUpFilter, FollowUpQuery};
use rapport::interviews::{self, notes, InterviewFilter};
use rapport::people::{self, PersonFilter};
use rapport::questions::{self, QuestionFilter};
use rapport::scale::{self, Sizes};
use rapport::{search, today, Db};

use crate::common::d;

/// More than any list needs: a page, its total and one batched query per kind of detail.
const MAX_STATEMENTS: u64 = 8;
/// Search runs a vocabulary lookup per word and one ranked query per source (notes,
/// transcripts, everything else), whatever the number of hits.
const MAX_SEARCH_STATEMENTS: u64 = 20;

fn workspace(sizes: Sizes) -> Db {
    let db = Db::open_in_memory().unwrap();
    scale::generate(&db, &sizes, d("2026-11-23")).unwrap();
    db
}

/// The statements each screen's call runs, by name.
fn statements(db: &Db) -> Vec<(&'static str, u64)> {
    let today = d("2026-11-23");
    let mut out = Vec::new();
    let mut run = |name, f: &dyn Fn()| out.push((name, counted(db, f).1));
    run("people::list", &|| {
        people::list(db, &PersonFilter::default()).unwrap();
    });
    run("people::list (filtered)", &|| {
        let filter = PersonFilter {
            query: Some("ana".into()),
            ..PersonFilter::default()
        };
        people::list(db, &filter).unwrap();
    });
    run("interviews::list", &|| {
        interviews::list(db, &InterviewFilter::default()).unwrap();
    });
    run("notes::list", &|| {
        notes::list(db, "i00001").unwrap();
    });
    run("findings::list", &|| {
        findings::list(db, &FindingFilter::default()).unwrap();
    });
    run("findings::tags", &|| {
        findings::tags(db).unwrap();
    });
    run("questions::list", &|| {
        questions::list(db, &QuestionFilter::default()).unwrap();
    });
    run("followups::list", &|| {
        let q = FollowUpQuery {
            show: FollowUpFilter::All,
            page: None,
        };
        followups::list(db, &q, today).unwrap();
    });
    run("followups::not_contacted", &|| {
        followups::not_contacted(db, 6, Zone::UTC, today, 50).unwrap();
    });
    run("today::dashboard", &|| {
        today::dashboard(db, Zone::UTC, today).unwrap();
    });
    run("search::search", &|| {
        search::search(db, "rollback canary", 50).unwrap();
    });
    out
}

#[test]
fn lists_run_a_constant_number_of_statements() {
    let small = statements(&workspace(Sizes::scaled(200)));
    let large = statements(&workspace(Sizes::scaled(25)));
    for ((name, s), (_, l)) in small.iter().zip(&large) {
        println!("{name}: {s} statements (1/200 scale), {l} (1/25 scale)");
        let max = if name.starts_with("search") {
            MAX_SEARCH_STATEMENTS
        } else {
            MAX_STATEMENTS
        };
        assert!(*l <= max, "{name} ran {l} statements");
        assert_eq!(s, l, "{name} runs more statements on a larger workspace");
    }
}

#[test]
fn the_generated_workspace_is_deterministic_and_complete() {
    let sizes = Sizes::scaled(100);
    let (a, b) = (workspace(sizes), workspace(sizes));
    let dump = |db: &Db| -> Vec<String> {
        let mut stmt = db
            .conn()
            .prepare("SELECT i.title || '|' || group_concat(n.text, '|') FROM interviews i JOIN notes n ON n.interview_id = i.id GROUP BY i.id ORDER BY i.id LIMIT 5")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(dump(&a), dump(&b));
    for (table, n) in [
        ("people", sizes.people),
        ("interviews", sizes.interviews),
        ("notes", sizes.notes),
        ("findings", sizes.findings),
        ("followups", sizes.followups),
    ] {
        assert_eq!(crate::common::count(&a, table) as usize, n, "{table}");
    }
}

/// Labelled queries: what a user types and the record they are after. Each must be in the
/// first results, at team scale among 100k other notes.
#[test]
fn search_finds_what_is_meant_among_many_notes() {
    let db = workspace(Sizes::scaled(10));
    let ana: String = db
        .conn()
        .query_row("SELECT id FROM people ORDER BY rowid LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let interview = crate::common::interview(
        &db,
        "Zürich on-call review",
        "2026-11-02T10:00:00Z",
        &[&ana],
    );
    let add = |text: &str| {
        notes::add(
            &db,
            &interview,
            &notes::NoteInput {
                text: text.into(),
                is_quote: false,
                speaker_id: None,
            },
        )
        .unwrap()
        .id
    };
    let quorum = add("The etcd quorum was lost during the upgrade");
    let phrase = add("Nobody owns the runbook for the canary rollback");
    let accent = add("The naïve retry loop doubled the load on Zürich");
    let cases: [(&str, &str); 6] = [
        ("quorum", &quorum),
        ("etcd quor", &quorum),
        ("owns runbook", &phrase),
        ("\"owns the runbook\"", &phrase),
        ("naive retry", &accent),
        ("zurich retry", &accent),
    ];
    for (query, want) in cases {
        let hits = search::search(&db, query, 50).unwrap();
        let rank = hits.iter().position(|h| h.id == *want);
        assert!(
            matches!(rank, Some(r) if r < 3),
            "{query:?}: wanted note at rank < 3, got {rank:?}"
        );
    }
}
