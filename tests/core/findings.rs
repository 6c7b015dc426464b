//! Findings with evidence, affinity by tag, search and the shareable reports.

use crate::common::*;
use rapport::clock::Zone;
use rapport::db::Db;
use rapport::findings::report as findings_report;
use rapport::findings::{self, FindingFilter, FindingInput, FindingStatus};
use rapport::interviews::notes::{self, NoteInput};
use rapport::interviews::report;
use rapport::interviews::{self, InterviewInput};
use rapport::markup::DocFormat;
use rapport::people::Role;
use rapport::search::{self, HitKind};
use rapport::Error;

struct Fixture {
    db: Db,
    ana: String,
    note: String,
    quote: String,
    lead_note: String,
    interview: String,
}

fn interview(db: &Db, title: &str, ids: &[&str]) -> String {
    let input = InterviewInput {
        title: title.into(),
        topic: "ci".into(),
        scheduled_at: "2026-11-20T10:00:00Z".into(),
        duration_minutes: 30,
        interviewee_ids: ids.iter().map(|s| s.to_string()).collect(),
        note_taker_id: None,
        guide_id: None,
        acknowledge_mixed_roles: false,
    };
    let id = interviews::plan(db, &input).unwrap().id;
    interviews::start(db, &id).unwrap();
    id
}

fn note(db: &Db, interview: &str, text: &str, speaker: Option<&str>) -> String {
    let input = NoteInput {
        text: text.into(),
        is_quote: speaker.is_some(),
        speaker_id: speaker.map(str::to_owned),
    };
    notes::add(db, interview, &input).unwrap().id
}

fn fixture() -> Fixture {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana", "Checkout", Role::Ic);
    let bo = person(&db, "Bo", "Checkout", Role::Ic);
    let lee = person(&db, "Lee", "Checkout", Role::Lead);
    let i1 = interview(&db, "Ana & Bo on deploys", &[&ana, &bo]);
    let i2 = interview(&db, "Lee on deploys", &[&lee]);
    let note_id = note(
        &db,
        &i1,
        "Deploys wait 40 minutes for the flaky integration suite #ci",
        None,
    );
    let quote = note(
        &db,
        &i1,
        "I rerun the pipeline until it's green",
        Some(&ana),
    );
    let lead_note = note(&db, &i2, "Leads see deploy frequency dropping", None);
    Fixture {
        db,
        ana,
        note: note_id,
        quote,
        lead_note,
        interview: i1,
    }
}

fn input(title: &str, tags: &[&str], evidence: &[&str]) -> FindingInput {
    FindingInput {
        title: title.into(),
        detail: String::new(),
        status: FindingStatus::Open,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        evidence_note_ids: evidence.iter().map(|t| t.to_string()).collect(),
        recommendation: String::new(),
        row_ids: Vec::new(),
    }
}

#[test]
fn backing_counts_distinct_people_and_splits_leads_from_ics() {
    let f = fixture();
    // A plain note backs both interviewees of its session; a quote only its speaker.
    let a = findings::create(
        &f.db,
        &input("Flaky tests slow deploys", &["#CI", "flaky"], &[&f.note]),
    )
    .unwrap();
    assert_eq!((a.interviewee_count, a.lead_count, a.ic_count), (2, 0, 2));
    let b = findings::create(&f.db, &input("Reruns are the workaround", &[], &[&f.quote])).unwrap();
    assert_eq!((b.interviewee_count, b.ic_count), (1, 1));
    assert_eq!(b.evidence[0].speaker.as_deref(), Some("Ana"));
    let c = findings::create(
        &f.db,
        &input(
            "Deploys are slowing",
            &["ci"],
            &[&f.note, &f.quote, &f.lead_note, &f.note],
        ),
    )
    .unwrap();
    assert_eq!(c.evidence.len(), 3, "duplicates collapse");
    assert_eq!((c.interviewee_count, c.lead_count, c.ic_count), (3, 1, 2));
    assert_eq!(a.tags, ["ci", "flaky"]);
    let _ = f.ana;
}

#[test]
fn each_finding_is_listed_once_filtered_by_tag_and_status_strongest_first() {
    let f = fixture();
    findings::create(&f.db, &input("A", &["ci", "flaky"], &[&f.note])).unwrap();
    let b = findings::create(&f.db, &input("B", &["ci"], &[&f.lead_note, &f.note])).unwrap();
    findings::create(&f.db, &input("C", &[], &[&f.quote])).unwrap();
    let titles = |filter: FindingFilter| -> Vec<String> {
        findings::list(&f.db, &filter)
            .unwrap()
            .items
            .into_iter()
            .map(|x| x.title)
            .collect()
    };
    assert_eq!(
        titles(FindingFilter::default()),
        ["B", "A", "C"],
        "once each, most interviewees first (B: 3, A: 2, C: 1)"
    );
    let ci = FindingFilter {
        tag: Some("#CI".into()),
        ..FindingFilter::default()
    };
    assert_eq!(titles(ci), ["B", "A"]);
    findings::set_status(&f.db, &b.id, FindingStatus::Acted).unwrap();
    let acted = FindingFilter {
        status: Some(FindingStatus::Acted),
        ..FindingFilter::default()
    };
    assert_eq!(titles(acted), ["B"]);
    let newest = FindingFilter {
        sort: Some(rapport::findings::FindingSort::Newest),
        ..FindingFilter::default()
    };
    assert_eq!(titles(newest), ["C", "B", "A"]);
    let tags: Vec<(String, i64)> = findings::tags(&f.db)
        .unwrap()
        .into_iter()
        .map(|t| (t.tag, t.count))
        .collect();
    assert_eq!(tags, [("ci".to_owned(), 2), ("flaky".to_owned(), 1)]);
}

#[test]
fn bad_findings_are_refused_and_store_nothing() {
    let f = fixture();
    let cases = [
        (input("  ", &[], &[&f.note]), "title"),
        (input(&"t".repeat(201), &[], &[&f.note]), "title"),
        (input("No evidence", &[], &[]), "evidence"),
        (input("Ghost evidence", &[], &["nope"]), "evidence"),
        (
            FindingInput {
                detail: "d".repeat(5001),
                ..input("Long", &[], &[&f.note])
            },
            "detail",
        ),
    ];
    for (bad, field) in cases {
        match findings::create(&f.db, &bad).unwrap_err() {
            Error::Validation { field: got, .. } => assert_eq!(got, field),
            other => panic!("{other:?}"),
        }
    }
    let n: i64 =
        f.db.conn()
            .query_row("SELECT count(*) FROM findings", [], |r| r.get(0))
            .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn status_update_and_cascade_when_evidence_is_deleted() {
    let f = fixture();
    let a = findings::create(&f.db, &input("A", &[], &[&f.note, &f.quote])).unwrap();
    assert_eq!(
        findings::set_status(&f.db, &a.id, FindingStatus::Confirmed)
            .unwrap()
            .status,
        FindingStatus::Confirmed
    );
    notes::delete(&f.db, &f.quote).unwrap();
    assert_eq!(findings::get(&f.db, &a.id).unwrap().evidence.len(), 1);
    let a = findings::get(&f.db, &a.id).unwrap();
    let u = findings::update(
        &f.db,
        &a.id,
        a.version,
        &input("A2", &["x"], &[&f.lead_note]),
    )
    .unwrap();
    assert_eq!(
        (u.title.as_str(), u.evidence.len(), u.lead_count),
        ("A2", 1, 1)
    );
    findings::delete(&f.db, &a.id).unwrap();
    assert_eq!(findings::get(&f.db, &a.id).unwrap_err().code(), "not_found");
}

#[test]
fn search_finds_notes_quotes_and_findings_with_highlighted_snippets() {
    let f = fixture();
    findings::create(
        &f.db,
        &input("Flaky integration tests block deploys", &[], &[&f.note]),
    )
    .unwrap();
    let hits = search::search(&f.db, "flaky", 20).unwrap();
    let kinds: Vec<HitKind> = hits.iter().map(|h| h.kind).collect();
    assert!(
        kinds.contains(&HitKind::Note) && kinds.contains(&HitKind::Finding),
        "{kinds:?}"
    );
    let note_hit = hits.iter().find(|h| h.kind == HitKind::Note).unwrap();
    assert_eq!(note_hit.parent_id.as_deref(), Some(f.interview.as_str()));
    assert_eq!(note_hit.title, "Ana & Bo on deploys");
    assert_eq!(note_hit.context, "Note · Ana & Bo on deploys");
    assert!(note_hit
        .snippet
        .iter()
        .any(|p| p.hit && p.text.eq_ignore_ascii_case("flaky")));

    let q = search::search(&f.db, "rerun pipeline", 20).unwrap();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].kind, HitKind::Quote);
    // Prefixes, and FTS syntax typed by a person.
    assert_eq!(search::search(&f.db, "integ", 20).unwrap().len(), 2);
    assert!(search::search(&f.db, "\"unbalanced (", 20).is_ok());
    assert!(search::search(&f.db, "   ", 20).unwrap().is_empty());
    assert_eq!(
        search::search(&f.db, &"x".repeat(201), 20)
            .unwrap_err()
            .code(),
        "validation"
    );
    // Edits and deletes keep the index in step.
    notes::update(
        &f.db,
        &f.quote,
        version(&f.db, "notes", &f.quote),
        &NoteInput {
            text: "I retry until green".into(),
            is_quote: true,
            speaker_id: Some(f.ana.clone()),
        },
    )
    .unwrap();
    assert!(search::search(&f.db, "rerun", 20).unwrap().is_empty());
    assert_eq!(search::search(&f.db, "retry", 20).unwrap().len(), 1);
    notes::delete(&f.db, &f.quote).unwrap();
    assert!(search::search(&f.db, "retry", 20).unwrap().is_empty());
}

#[test]
fn reports_carry_the_content_escaped_for_their_format() {
    let f = fixture();
    note(
        &f.db,
        &f.interview,
        "<script>alert(1)</script> & #tags",
        None,
    );
    findings::create(
        &f.db,
        &input("Flaky <b>tests</b>", &["ci"], &[&f.note, &f.quote]),
    )
    .unwrap();
    let md = report::interview(&f.db, &f.interview, Zone::UTC)
        .unwrap()
        .render(DocFormat::Markdown);
    assert!(md.starts_with("# Ana \\& Bo on deploys\n"), "{md}");
    assert!(
        md.contains("> “I rerun the pipeline until it's green” — Ana"),
        "{md}"
    );
    assert!(
        md.contains("\\<script\\>alert(1)\\</script\\> \\& \\#tags"),
        "{md}"
    );
    let html = report::interview(&f.db, &f.interview, Zone::UTC)
        .unwrap()
        .render(DocFormat::Html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; #tags"));
    assert!(!html.contains("<script>"));

    let fr = findings_report::findings(&f.db)
        .unwrap()
        .render(DocFormat::Markdown);
    assert!(fr.contains("### Flaky \\<b\\>tests\\</b\\>"), "{fr}");
    assert!(
        fr.contains("_2 interviewees (0 lead/manager, 2 IC/other) · open · \\#ci_"),
        "{fr}"
    );
    let frh = findings_report::findings(&f.db)
        .unwrap()
        .render(DocFormat::Html);
    assert!(frh.contains("Flaky &lt;b&gt;tests&lt;/b&gt;") && !frh.contains("<b>tests"));

    let qs = report::quotes(&f.db, Zone::UTC)
        .unwrap()
        .render(DocFormat::Markdown);
    assert!(
        qs.contains("| “I rerun the pipeline until it's green” | Ana | Ana \\& Bo on deploys | 2026-11-20 |"),
        "{qs}"
    );
    assert_eq!(qs.matches("\n| “").count(), 1, "only quotes: {qs}");
    assert!(report::quotes(&f.db, Zone::UTC)
        .unwrap()
        .render(DocFormat::Html)
        .contains("<td>Ana</td>"));
}

/// Every finding's backing counted from scratch, the way the list once did per call.
fn counted(db: &Db) -> Vec<(String, i64, i64)> {
    db.conn()
        .prepare(
            "SELECT f.id, count(b.pid), coalesce(sum(b.role IN ('lead', 'manager')), 0)
             FROM findings f LEFT JOIN (
                 SELECT DISTINCT fe.finding_id, p.id AS pid, p.role
                 FROM finding_evidence fe JOIN notes n ON n.id = fe.note_id
                 JOIN interview_people ip ON ip.interview_id = n.interview_id
                 JOIN people p ON p.id = ip.person_id
                 WHERE n.is_quote = 0 OR n.speaker_id IS NULL OR n.speaker_id = p.id
             ) b ON b.finding_id = f.id GROUP BY f.id ORDER BY f.id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// What the list shows, by finding.
fn listed(db: &Db) -> Vec<(String, i64, i64)> {
    let mut out: Vec<_> = findings::all(db)
        .unwrap()
        .into_iter()
        .map(|f| (f.id, f.interviewee_count, f.lead_count))
        .collect();
    out.sort();
    out
}

#[test]
fn kept_backing_matches_a_fresh_count_after_every_kind_of_change() {
    let f = fixture();
    let db = &f.db;
    let cy = person(db, "Cy", "Checkout", Role::Ic);
    let a = findings::create(db, &input("Flaky", &[], &[&f.note])).unwrap();
    let b = findings::create(db, &input("Reruns", &[], &[&f.quote, &f.lead_note])).unwrap();
    let check = |what: &str| assert_eq!(listed(db), counted(db), "after {what}");
    check("creating");
    assert_eq!((b.interviewee_count, b.lead_count), (2, 1));

    // Evidence added and removed by an edit.
    findings::update(
        db,
        &a.id,
        a.version,
        &input("Flaky", &[], &[&f.note, &f.lead_note]),
    )
    .unwrap();
    check("adding evidence");
    let a = findings::get(db, &a.id).unwrap();
    findings::update(db, &a.id, a.version, &input("Flaky", &[], &[&f.lead_note])).unwrap();
    check("removing evidence");
    // A quote's speaker changes, then it becomes a plain note.
    let q = notes::get(db, &f.quote).unwrap();
    let bo = rapport::people::list(db, &Default::default())
        .unwrap()
        .items
        .into_iter()
        .find(|p| p.name == "Bo")
        .unwrap()
        .id;
    let q = notes::update(
        db,
        &q.id,
        q.version,
        &NoteInput {
            text: q.text.clone(),
            is_quote: true,
            speaker_id: Some(bo.clone()),
        },
    )
    .unwrap();
    check("a new speaker");
    notes::update(
        db,
        &q.id,
        q.version,
        &NoteInput {
            text: q.text.clone(),
            is_quote: false,
            speaker_id: None,
        },
    )
    .unwrap();
    check("a quote made a note");
    // Someone joins the interview; a role changes; two people merge.
    let iv = interviews::get(db, &f.interview).unwrap();
    // Bo leaves the interview and Cy takes his place.
    let ids = vec![f.ana.clone(), cy.clone()];
    let changed = InterviewInput {
        title: iv.title.clone(),
        topic: iv.topic.clone(),
        scheduled_at: iv.scheduled_at.clone(),
        duration_minutes: iv.duration_minutes,
        interviewee_ids: ids,
        note_taker_id: None,
        guide_id: None,
        acknowledge_mixed_roles: true,
    };
    interviews::update(db, &iv.id, iv.version, &changed).unwrap();
    check("an interviewee replaced");
    let p = rapport::people::get(db, &cy).unwrap();
    rapport::people::update(
        db,
        &cy,
        p.version,
        &person_input("Cy", "Checkout", Role::Manager),
    )
    .unwrap();
    check("a role changed");
    rapport::people::merge(db, &bo, &cy).unwrap();
    check("a merge");
    // Deletes go to the trash and come back.
    let gone = notes::delete(db, &f.lead_note).unwrap();
    check("a note deleted");
    rapport::trash::restore(db, &gone.id).unwrap();
    check("the note restored");
    let gone = interviews::delete(db, &f.interview).unwrap();
    check("an interview deleted");
    rapport::trash::restore(db, &gone.id).unwrap();
    check("the interview restored");
    let gone = findings::delete(db, &b.id).unwrap();
    check("a finding deleted");
    rapport::trash::restore(db, &gone.id).unwrap();
    check("the finding restored");
    assert!(
        listed(db).iter().any(|(_, n, _)| *n > 0),
        "something is backed"
    );
}
