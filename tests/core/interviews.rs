//! Interviews: planning rules, the live session, notes and autosaved drafts.

use crate::common::*;
use rapport::db::Db;
use rapport::interviews::notes::{self, NoteInput};
use rapport::interviews::{self, InterviewInput, InterviewStatus};
use rapport::people::{self, Role};

fn plan_input(ids: &[&str]) -> InterviewInput {
    InterviewInput {
        title: "CI pilot: how deploys work today".into(),
        topic: "CI".into(),
        scheduled_at: "2026-11-24T10:00:00+01:00".into(),
        duration_minutes: 30,
        interviewee_ids: ids.iter().map(|s| s.to_string()).collect(),
        note_taker_id: None,
        guide_id: None,
        acknowledge_mixed_roles: false,
    }
}

#[test]
fn plan_stores_the_interview_in_utc_with_its_people() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana", "Payments", Role::Ic);
    let bo = person(&db, "Bo", "Payments", Role::Ic);
    let sam = person(&db, "Sam", "Payments", Role::Ic);
    let mut input = plan_input(&[&bo, &ana]);
    input.note_taker_id = Some(sam.clone());
    let i = interviews::plan(&db, &input).unwrap();
    assert_eq!(i.scheduled_at, "2026-11-24T09:00:00Z");
    assert_eq!(i.topic, "ci");
    assert_eq!(i.duration_minutes, 30);
    assert_eq!(
        i.interviewees
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["Ana", "Bo"]
    );
    assert_eq!(i.note_taker.unwrap().id, sam);
    assert_eq!(i.status, InterviewStatus::Planned);
    assert_eq!(i.mixed_roles_ack_at, None);
}

#[test]
fn a_third_interviewee_is_refused_and_nothing_is_stored() {
    let db = Db::open_in_memory().unwrap();
    let ids: Vec<String> = ["Ana", "Bo", "Cy"]
        .iter()
        .map(|n| person(&db, n, "Payments", Role::Ic))
        .collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let err = interviews::plan(&db, &plan_input(&refs)).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("At most 2 interviewees per interview (3 picked)"),
        "{err}"
    );
    assert_eq!(field_of(err), "interviewees");
    assert_eq!(count(&db, "interviews"), 0);
    assert_eq!(count(&db, "interview_people"), 0);
    // The same person twice counts once.
    let twice = plan_input(&[refs[0], refs[0]]);
    assert_eq!(interviews::plan(&db, &twice).unwrap().interviewees.len(), 1);
}

#[test]
fn mixing_a_lead_with_an_ic_needs_an_acknowledgement_which_is_stored() {
    let db = Db::open_in_memory().unwrap();
    let lead = person(&db, "Lee", "Payments", Role::Lead);
    let ic = person(&db, "Ivy", "Payments", Role::Ic);
    let err = interviews::plan(&db, &plan_input(&[&lead, &ic])).unwrap_err();
    assert_eq!(err.code(), "needs_ack");
    assert!(
        err.to_string().contains("Lee is a lead and Ivy is not"),
        "{err}"
    );
    assert_eq!(count(&db, "interviews"), 0);

    let mut ack = plan_input(&[&lead, &ic]);
    ack.acknowledge_mixed_roles = true;
    let i = interviews::plan(&db, &ack).unwrap();
    assert!(i.mixed_roles_ack_at.is_some());

    // Two leads together are not a mix; a manager with an IC is.
    let lead2 = person(&db, "Lou", "Payments", Role::Manager);
    let i2 = interviews::plan(&db, &plan_input(&[&lead, &lead2])).unwrap();
    assert_eq!(i2.mixed_roles_ack_at, None);
    assert_eq!(
        interviews::plan(&db, &plan_input(&[&lead2, &ic]))
            .unwrap_err()
            .code(),
        "needs_ack"
    );
}

#[test]
fn bad_plans_name_their_field() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana", "Payments", Role::Ic);
    let archived = person(&db, "Old", "Payments", Role::Ic);
    people::set_archived(&db, &archived, true).unwrap();
    let cases: Vec<(InterviewInput, &str)> = vec![
        (
            InterviewInput {
                title: " ".into(),
                ..plan_input(&[&ana])
            },
            "title",
        ),
        (
            InterviewInput {
                title: "t".repeat(201),
                ..plan_input(&[&ana])
            },
            "title",
        ),
        (
            InterviewInput {
                scheduled_at: "tomorrow 10am".into(),
                ..plan_input(&[&ana])
            },
            "scheduled_at",
        ),
        (
            InterviewInput {
                duration_minutes: 0,
                ..plan_input(&[&ana])
            },
            "duration_minutes",
        ),
        (
            InterviewInput {
                duration_minutes: -30,
                ..plan_input(&[&ana])
            },
            "duration_minutes",
        ),
        (
            InterviewInput {
                duration_minutes: 241,
                ..plan_input(&[&ana])
            },
            "duration_minutes",
        ),
        (plan_input(&[]), "interviewees"),
        (plan_input(&["no-such-person"]), "interviewees"),
        (plan_input(&[&archived]), "interviewees"),
        (
            InterviewInput {
                note_taker_id: Some(ana.clone()),
                ..plan_input(&[&ana])
            },
            "note_taker_id",
        ),
        (
            InterviewInput {
                note_taker_id: Some("ghost".into()),
                ..plan_input(&[&ana])
            },
            "note_taker_id",
        ),
        (
            InterviewInput {
                guide_id: Some("ghost".into()),
                ..plan_input(&[&ana])
            },
            "guide_id",
        ),
    ];
    for (input, field) in cases {
        assert_eq!(field_of(interviews::plan(&db, &input).unwrap_err()), field);
    }
    let err = interviews::plan(
        &db,
        &InterviewInput {
            duration_minutes: -5,
            ..plan_input(&[&ana])
        },
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "The interview must end after it starts");
    assert_eq!(count(&db, "interviews"), 0);
}

#[test]
fn the_live_session_notes_quotes_tags_and_draft() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana", "Payments", Role::Ic);
    let other = person(&db, "Zed", "Payments", Role::Ic);
    let i = interviews::plan(&db, &plan_input(&[&ana])).unwrap();
    let i = interviews::start(&db, &i.id).unwrap();
    assert_eq!(i.status, InterviewStatus::Running);

    interviews::save_draft(&db, &i.id, "Deploys take 40 min #deploys #CI").unwrap();
    assert_eq!(
        interviews::get(&db, &i.id).unwrap().draft,
        "Deploys take 40 min #deploys #CI"
    );
    let n = notes::add(
        &db,
        &i.id,
        &NoteInput {
            text: "Deploys take 40 min #deploys #CI".into(),
            is_quote: false,
            speaker_id: None,
        },
    )
    .unwrap();
    assert_eq!(n.tags, ["deploys", "ci"]);
    assert!(n.offset_seconds.unwrap() >= 0);
    assert_eq!(
        interviews::get(&db, &i.id).unwrap().draft,
        "",
        "adding the note clears the draft"
    );

    let quote = NoteInput {
        text: "“I just wait and hope.” #waiting".into(),
        is_quote: true,
        speaker_id: Some(ana.clone()),
    };
    let q = notes::add(&db, &i.id, &quote).unwrap();
    assert!(q.is_quote);
    assert_eq!(q.speaker_id.as_deref(), Some(ana.as_str()));

    let bad_speaker = NoteInput {
        speaker_id: Some(other),
        ..quote.clone()
    };
    assert_eq!(
        field_of(notes::add(&db, &i.id, &bad_speaker).unwrap_err()),
        "speaker_id"
    );
    let empty = NoteInput {
        text: "  ".into(),
        is_quote: false,
        speaker_id: None,
    };
    assert_eq!(
        field_of(notes::add(&db, &i.id, &empty).unwrap_err()),
        "text"
    );
    assert_eq!(
        notes::add(&db, "ghost", &quote).unwrap_err().code(),
        "not_found"
    );

    let edited = notes::update(
        &db,
        &n.id,
        version(&db, "notes", &n.id),
        &NoteInput {
            text: "Deploys take 45 min #slow".into(),
            is_quote: false,
            speaker_id: None,
        },
    )
    .unwrap();
    assert_eq!(edited.tags, ["slow"]);
    let tags: Vec<String> = db
        .conn()
        .prepare("SELECT tag FROM note_tags WHERE note_id = ?1")
        .unwrap()
        .query_map([&n.id], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(tags, ["slow"]);

    let all = notes::list(&db, &i.id).unwrap();
    assert_eq!(
        all.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
        [n.id.as_str(), q.id.as_str()]
    );
    let done = interviews::finish(&db, &i.id).unwrap();
    assert_eq!((done.status, done.note_count), (InterviewStatus::Done, 2));
    assert_eq!(
        field_of(interviews::save_draft(&db, &i.id, &"x".repeat(20_001)).unwrap_err()),
        "draft"
    );
}

#[test]
fn tags_are_parsed_from_words_not_from_symbols_in_words() {
    assert_eq!(
        rapport::tags::parse_tags("#Flaky-tests and #on_call, C# is not, issue#3 neither, #42 no"),
        ["flaky-tests", "on_call"]
    );
    assert_eq!(
        rapport::tags::parse_tags("#déploiement #Déploiement #"),
        ["déploiement"]
    );
    assert!(rapport::tags::parse_tags("").is_empty());
}

#[test]
fn list_puts_upcoming_first_and_delete_cascades() {
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana", "Payments", Role::Ic);
    let mut later = plan_input(&[&ana]);
    later.scheduled_at = "2026-12-01T10:00:00Z".into();
    let later = interviews::plan(&db, &later).unwrap();
    let sooner = interviews::plan(&db, &plan_input(&[&ana])).unwrap();
    let done = interviews::plan(&db, &plan_input(&[&ana])).unwrap();
    interviews::finish(&db, &done.id).unwrap();
    let order: Vec<String> = interviews::list(&db, &Default::default())
        .unwrap()
        .items
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(
        order,
        [sooner.id.clone(), later.id.clone(), done.id.clone()]
    );
    notes::add(
        &db,
        &sooner.id,
        &NoteInput {
            text: "x".into(),
            is_quote: false,
            speaker_id: None,
        },
    )
    .unwrap();
    interviews::delete(&db, &sooner.id).unwrap();
    assert_eq!(count(&db, "notes"), 0);
    assert_eq!(count(&db, "interview_people"), 2);
}
