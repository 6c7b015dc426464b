//! Transcripts in a workspace: import (all or nothing), speaker mapping, pulling quotes and
//! notes from a span, the interviewer audit, search, CSV, the report and the trash.

use crate::common::*;
use rapport::csv::{self, ExportOptions, ListKind};
use rapport::db::Db;
use rapport::interviews::{self, notes};
use rapport::people::Role;
use rapport::search::{self, HitKind};
use rapport::transcripts::{self, PullInput, Side, TranscriptSpan};
use rapport::{trash, Error};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/data/transcripts/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// An interview of Marcus O'Neil with Sam as note-taker, and the fixture transcript imported.
fn setup() -> (Db, String, String, transcripts::TranscriptSummary) {
    let db = Db::open_in_memory().unwrap();
    let marcus = person(&db, "Marcus O'Neil", "Build", Role::Ic);
    let sam = person(&db, "Sam Lee", "SRE", Role::Ic);
    let mut input = interview_input("Build farm", "2026-11-20T10:00:00Z", &[&marcus]);
    input.note_taker_id = Some(sam);
    let iv = interviews::plan(&db, &input).unwrap().id;
    let t = transcripts::import(&db, &iv, "interview.vtt", &fixture("interview.vtt")).unwrap();
    (db, iv, marcus, t)
}

fn span(t: &str, from: (i64, i64), to: (i64, i64)) -> TranscriptSpan {
    TranscriptSpan {
        transcript_id: t.into(),
        from_cue: from.0,
        from_offset: from.1,
        to_cue: to.0,
        to_offset: to.1,
    }
}

fn quote(t: &str, from: (i64, i64), to: (i64, i64)) -> PullInput {
    PullInput {
        span: span(t, from, to),
        is_quote: true,
        text: None,
        tags: vec![],
    }
}

#[test]
fn import_stores_every_cue_and_maps_the_interviewee_by_name() {
    let (db, iv, marcus, t) = setup();
    assert_eq!((t.cue_count, t.file_name.as_str()), (14, "interview.vtt"));
    assert_eq!(t.duration_ms, 102_000);
    let v = transcripts::get(&db, &t.id).unwrap();
    assert_eq!(v.cues.len(), 14);
    assert_eq!(v.cues[1].speaker, "Marcus O'Neil");
    assert_eq!(
        v.cues[1].text,
        "We run the build farm. Honestly it's a lot of YAML."
    );
    let labels: Vec<(&str, Option<Side>, Option<&str>)> = v
        .speakers
        .iter()
        .map(|s| (s.label.as_str(), s.side, s.person_id.as_deref()))
        .collect();
    assert_eq!(
        labels,
        [
            ("Priya Raman", None, None),
            (
                "Marcus O'Neil",
                Some(Side::Interviewee),
                Some(marcus.as_str())
            ),
            ("Unknown", None, None),
        ]
    );
    assert_eq!(t.unmapped, 2);
    assert_eq!(transcripts::list(&db, &iv).unwrap().len(), 1);
}

#[test]
fn a_malformed_file_or_the_same_file_twice_stores_nothing() {
    let (db, iv, _, _) = setup();
    let before = count(&db, "transcript_cues");
    let e = transcripts::import(&db, &iv, "bad_timestamp.vtt", &fixture("bad_timestamp.vtt"))
        .unwrap_err();
    let Error::Validation { field, message } = e else {
        panic!("{e:?}")
    };
    assert_eq!(field, "file");
    assert!(
        message.starts_with("bad_timestamp.vtt, line 11: "),
        "{message}"
    );
    let e = transcripts::import(&db, &iv, "copy.vtt", &fixture("interview.vtt")).unwrap_err();
    assert!(e.to_string().contains("already on this interview"), "{e}");
    let e = transcripts::import(&db, &iv, "x.vtt", &fixture("binary.vtt")).unwrap_err();
    assert_eq!(field_of(e), "file");
    assert_eq!(count(&db, "transcript_cues"), before);
    assert_eq!(count(&db, "transcripts"), 1);
    assert!(matches!(
        transcripts::import(&db, "nope", "a.vtt", &fixture("interview.vtt")),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn the_audit_uses_the_mapping_and_counts_leading_questions() {
    let (db, _, _, t) = setup();
    let guessed = transcripts::get(&db, &t.id).unwrap().audit;
    assert!(guessed.interviewer_guessed);
    assert_eq!(guessed.interviewer, ["Priya Raman"]);
    let v = transcripts::map_speaker(
        &db,
        &t.id,
        t.version,
        "Priya Raman",
        Some(Side::Interviewer),
        None,
    )
    .unwrap();
    let a = &v.audit;
    assert!(!a.interviewer_guessed);
    let asked: Vec<&str> = a.questions.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        asked,
        [
            "Tell me about your team.",
            "Do you like the new dashboard?",
            "What did you do the last time a build got stuck?",
            "Don't you think that's frustrating?",
            "How long did you wait?",
            "So, walk me through how you found the cause.",
            "Isn't the alerting frustrating?",
            "Could you show me the alert you got.",
        ]
    );
    let led: Vec<&str> = a
        .questions
        .iter()
        .filter(|q| q.leading)
        .map(|q| q.text.as_str())
        .collect();
    assert_eq!(
        led,
        [
            "Do you like the new dashboard?",
            "Don't you think that's frustrating?",
            "Isn't the alerting frustrating?"
        ]
    );
    assert_eq!((a.asked, a.leading), (8, 3));
    // Marcus asked two questions back; they are not the interviewer's.
    assert!(a.questions.iter().all(|q| q.speaker == "Priya Raman"));
    let marcus = a
        .speakers
        .iter()
        .find(|s| s.label == "Marcus O'Neil")
        .unwrap();
    assert!(
        !marcus.interviewer && marcus.share_seconds > 0.6,
        "{marcus:?}"
    );
    let shares: f64 = a.speakers.iter().map(|s| s.share_words).sum();
    assert!((shares - 1.0).abs() < 1e-9);
}

#[test]
fn mapping_is_checked_and_refuses_a_stale_version() {
    let (db, _, marcus, t) = setup();
    let e = transcripts::map_speaker(
        &db,
        &t.id,
        t.version,
        "Priya Raman",
        Some(Side::Interviewee),
        None,
    )
    .unwrap_err();
    assert_eq!(field_of(e), "person_id");
    let outsider = person(&db, "Zoe", "Web", Role::Ic);
    let e = transcripts::map_speaker(
        &db,
        &t.id,
        t.version,
        "Unknown",
        Some(Side::Interviewee),
        Some(&outsider),
    )
    .unwrap_err();
    assert_eq!(field_of(e), "person_id");
    let e = transcripts::map_speaker(&db, &t.id, t.version, "Nobody", None, None).unwrap_err();
    assert_eq!(field_of(e), "label");
    let v = transcripts::map_speaker(
        &db,
        &t.id,
        t.version,
        "Unknown",
        Some(Side::Interviewee),
        Some(&marcus),
    )
    .unwrap();
    assert_eq!(v.transcript.unmapped, 1);
    let stale = transcripts::map_speaker(&db, &t.id, t.version, "Unknown", None, None).unwrap_err();
    assert!(matches!(stale, Error::Conflict { .. }), "{stale:?}");
}

#[test]
fn a_quote_takes_its_words_speaker_and_time_from_the_cue_and_follows_the_mapping() {
    let (db, iv, marcus, t) = setup();
    // "It hides the queue depth." in cue 3, in UTF-16 units.
    let text = "Not really. Why would I? It hides the queue depth.";
    let from = text.find("It hides").unwrap() as i64;
    let q = transcripts::pull(&db, &quote(&t.id, (3, from), (3, text.len() as i64))).unwrap();
    assert_eq!(q.display, "It hides the queue depth.");
    assert!(q.is_quote);
    assert_eq!(q.speaker_id.as_deref(), Some(marcus.as_str()));
    assert_eq!(q.offset_seconds, Some(20));
    assert_eq!(q.source.as_ref().unwrap().from_cue, 3);
    assert_eq!(notes::list(&db, &iv).unwrap().len(), 1);
    let v = transcripts::get(&db, &t.id).unwrap();
    assert_eq!(v.pulled.len(), 1);
    assert_eq!(v.pulled[0].note_id, q.id);
    // Unmap Marcus: the quote no longer names him; map him back: it does again.
    let v = transcripts::map_speaker(
        &db,
        &t.id,
        v.transcript.version,
        "Marcus O'Neil",
        None,
        None,
    )
    .unwrap();
    assert_eq!(notes::get(&db, &q.id).unwrap().speaker_id, None);
    transcripts::map_speaker(
        &db,
        &t.id,
        v.transcript.version,
        "Marcus O'Neil",
        Some(Side::Interviewee),
        Some(&marcus),
    )
    .unwrap();
    assert_eq!(
        notes::get(&db, &q.id).unwrap().speaker_id.as_deref(),
        Some(marcus.as_str())
    );
}

#[test]
fn pulls_span_cues_keep_tags_and_refuse_bad_selections() {
    let (db, _, _, t) = setup();
    // Cues 4 and 5 are one question cut in two by the captioner.
    let note = transcripts::pull(
        &db,
        &PullInput {
            span: span(&t.id, (4, 0), (5, 18)),
            is_quote: false,
            text: None,
            tags: vec!["Stuck Builds".into()],
        },
    )
    .unwrap();
    assert_eq!(
        note.text,
        "What did you do the last time a build got stuck? #stuck-builds"
    );
    assert_eq!(note.tags, ["stuck-builds"]);
    let two_speakers = transcripts::pull(&db, &quote(&t.id, (2, 0), (3, 5))).unwrap_err();
    assert_eq!(field_of(two_speakers), "span");
    let empty = transcripts::pull(&db, &quote(&t.id, (3, 4), (3, 4))).unwrap_err();
    assert_eq!(field_of(empty), "span");
    let past_end = transcripts::pull(&db, &quote(&t.id, (3, 0), (3, 999))).unwrap_err();
    assert_eq!(field_of(past_end), "span");
    let no_cue = transcripts::pull(&db, &quote(&t.id, (40, 0), (40, 3))).unwrap_err();
    assert_eq!(field_of(no_cue), "span");
    let edited = PullInput {
        text: Some("my words".into()),
        ..quote(&t.id, (3, 0), (3, 5))
    };
    assert_eq!(
        field_of(transcripts::pull(&db, &edited).unwrap_err()),
        "text"
    );
}

#[test]
fn offsets_are_utf16_units_and_never_split_a_character() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana", "Build", Role::Ic);
    let iv = interview(&db, "Emoji", "2026-11-20T10:00:00Z", &[&ana]);
    let vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ana>Deploys 🚀 are fine, café.\n";
    let t = transcripts::import(&db, &iv, "e.vtt", vtt.as_bytes()).unwrap();
    // In UTF-16 the rocket is two units: "Deploys " is 8, the rocket 8..10.
    let q = transcripts::pull(&db, &quote(&t.id, (0, 11), (0, 25))).unwrap();
    assert_eq!(q.display, "are fine, café");
    let split = transcripts::pull(&db, &quote(&t.id, (0, 9), (0, 12))).unwrap_err();
    assert_eq!(field_of(split), "span");
}

#[test]
fn search_finds_transcript_words_and_points_at_the_moment() {
    let (db, iv, _, t) = setup();
    let hits = search::search(&db, "grepped runner", 20).unwrap();
    let hit = hits
        .iter()
        .find(|h| h.kind == HitKind::Transcript)
        .expect("a transcript hit");
    assert_eq!(hit.id, format!("{}/10", t.id));
    assert_eq!(hit.parent_id.as_deref(), Some(iv.as_str()));
    assert!(
        hit.context.contains("Marcus O'Neil at 00:01:10"),
        "{}",
        hit.context
    );
    assert!(hit.snippet.iter().any(|p| p.hit && p.text == "grepped"));
}

#[test]
fn csv_export_has_one_line_per_cue_with_the_mapped_person() {
    let (db, _, _, t) = setup();
    transcripts::map_speaker(
        &db,
        &t.id,
        t.version,
        "Priya Raman",
        Some(Side::Interviewer),
        None,
    )
    .unwrap();
    let mut out = Vec::new();
    let n = csv::export(
        &db,
        ListKind::Transcripts,
        &mut out,
        ExportOptions { bom: false },
        |_| {},
    )
    .unwrap();
    assert_eq!(n, 14);
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "interview_id,interview,file,start,end,speaker,person,text"
    );
    assert!(lines[1].ends_with(",Build farm,interview.vtt,00:00:00.000,00:00:06.000,Priya Raman,interviewer,Thanks for joining. Tell me about your team."), "{}", lines[1]);
    assert!(
        lines[2].contains(",Marcus O'Neil,Marcus O'Neil,"),
        "{}",
        lines[2]
    );
}

#[test]
fn the_interview_report_carries_the_audit() {
    let (db, iv, _, t) = setup();
    transcripts::map_speaker(
        &db,
        &t.id,
        t.version,
        "Priya Raman",
        Some(Side::Interviewer),
        None,
    )
    .unwrap();
    let doc = rapport::interviews::report::interview(
        &db,
        &iv,
        rapport::clock::Zone::named("UTC").unwrap(),
    )
    .unwrap();
    let md = doc.render(rapport::markup::DocFormat::Markdown);
    assert!(md.contains("Interviewer audit: interview.vtt"), "{md}");
    assert!(md.contains("You asked 8 questions; 3 led."), "{md}");
    assert!(md.contains("Do you like the new dashboard?"), "{md}");
}

#[test]
fn deleting_a_transcript_keeps_its_quotes_and_undo_relinks_them() {
    let (db, iv, _, t) = setup();
    let q = transcripts::pull(&db, &quote(&t.id, (1, 0), (1, 22))).unwrap();
    let entry = transcripts::delete(&db, &t.id).unwrap();
    assert_eq!(count(&db, "transcript_cues"), 0);
    assert!(search::search(&db, "grepped", 10).unwrap().is_empty());
    let kept = notes::get(&db, &q.id).unwrap();
    assert_eq!(
        (kept.display.as_str(), kept.source.is_none()),
        ("We run the build farm.", true)
    );
    trash::restore(&db, &entry.id).unwrap();
    assert_eq!(count(&db, "transcript_cues"), 14);
    assert_eq!(
        notes::get(&db, &q.id)
            .unwrap()
            .source
            .unwrap()
            .transcript_id,
        t.id
    );
    assert_eq!(search::search(&db, "grepped", 10).unwrap().len(), 1);
    // Deleting the interview takes its transcripts with it, and undo brings them back.
    let entry = interviews::delete(&db, &iv).unwrap();
    assert_eq!(count(&db, "transcripts"), 0);
    trash::restore(&db, &entry.id).unwrap();
    assert_eq!(transcripts::get(&db, &t.id).unwrap().cues.len(), 14);
}
