//! The people directory: create, edit, archive, list, and bad input.

use crate::common::*;
use rapport::db::Db;
use rapport::people::{self, PersonFilter, PersonInput, Role};
use rapport::Error;

#[test]
fn create_trims_and_stores_every_field() {
    let db = Db::open_in_memory().unwrap();
    let mut i = person_input("  Bea Costa ", " SRE ", Role::Lead);
    i.contact = "@bea".into();
    i.core_user = true;
    i.notes = "Owns the deploy pipeline.\nPrefers async.".into();
    let p = people::create(&db, &i).unwrap();
    assert_eq!(p.name, "Bea Costa");
    assert_eq!(p.team, "SRE");
    assert_eq!(p.role, Role::Lead);
    assert!(p.core_user);
    assert_eq!(p.notes, "Owns the deploy pipeline.\nPrefers async.");
    assert_eq!(p.archived_at, None);
    assert_eq!(p.created_at, p.updated_at);
    assert_eq!(people::get(&db, &p.id).unwrap(), p);
}

#[test]
fn bad_input_names_the_field_and_stores_nothing() {
    let db = Db::open_in_memory().unwrap();
    let cases = [
        (
            person_input("   ", "", Role::Ic),
            "name",
            "Name is required",
        ),
        (
            person_input(&"n".repeat(121), "", Role::Ic),
            "name",
            "Name is too long",
        ),
        (
            person_input("Two\nlines", "", Role::Ic),
            "name",
            "Name must be a single line",
        ),
        (
            person_input("Ok", &"t".repeat(81), Role::Ic),
            "team",
            "Team is too long",
        ),
        (
            PersonInput {
                notes: "x".repeat(10_001),
                ..person_input("Ok", "", Role::Ic)
            },
            "notes",
            "Notes is too long",
        ),
        (
            PersonInput {
                contact: "a\u{0}b".into(),
                ..person_input("Ok", "", Role::Ic)
            },
            "contact",
            "Contact contains a control character",
        ),
    ];
    for (bad, field, message) in cases {
        let err = people::create(&db, &bad).unwrap_err();
        assert!(err.to_string().starts_with(message), "{err}");
        assert_eq!(field_of(err), field);
    }
    assert_eq!(count(&db, "people"), 0);
}

#[test]
fn update_changes_fields_and_keeps_identity() {
    let db = Db::open_in_memory().unwrap();
    let p = people::create(&db, &person_input("Caio", "Infra", Role::Ic)).unwrap();
    let u = people::update(
        &db,
        &p.id,
        version(&db, "people", &p.id),
        &person_input("Caio Reis", "Platform", Role::Manager),
    )
    .unwrap();
    assert_eq!(
        (u.id.as_str(), u.name.as_str(), u.role),
        (p.id.as_str(), "Caio Reis", Role::Manager)
    );
    assert_eq!(u.created_at, p.created_at);
    assert!(u.updated_at >= p.updated_at);
    let err = people::update(
        &db,
        &p.id,
        version(&db, "people", &p.id),
        &person_input("", "", Role::Ic),
    )
    .unwrap_err();
    assert_eq!(field_of(err), "name");
    assert_eq!(
        people::get(&db, &p.id).unwrap().name,
        "Caio Reis",
        "a bad edit changes nothing"
    );
}

#[test]
fn unknown_ids_are_not_found() {
    let db = Db::open_in_memory().unwrap();
    let nf = |e: Error| assert_eq!(e.code(), "not_found");
    nf(people::get(&db, "nope").unwrap_err());
    nf(people::update(&db, "nope", 1, &person_input("A", "", Role::Ic)).unwrap_err());
    nf(people::set_archived(&db, "nope", true).unwrap_err());
}

#[test]
fn archive_hides_from_the_default_list_and_restore_brings_back() {
    let db = Db::open_in_memory().unwrap();
    let a = people::create(&db, &person_input("Ana", "", Role::Ic)).unwrap();
    let b = people::create(&db, &person_input("bruno", "", Role::Ic)).unwrap();
    let archived = people::set_archived(&db, &a.id, true).unwrap();
    assert!(archived.archived_at.is_some());
    let again = people::set_archived(&db, &a.id, true).unwrap();
    assert_eq!(
        again.archived_at, archived.archived_at,
        "archiving twice keeps the first date"
    );

    let names = |f: &PersonFilter| -> Vec<String> {
        people::list(&db, f)
            .unwrap()
            .items
            .into_iter()
            .map(|p| p.name)
            .collect()
    };
    assert_eq!(names(&PersonFilter::default()), ["bruno"]);
    let all = PersonFilter {
        include_archived: true,
        query: None,
        page: None,
    };
    assert_eq!(
        names(&all),
        ["bruno", "Ana"],
        "active first, archived after"
    );

    people::set_archived(&db, &a.id, false).unwrap();
    assert_eq!(
        names(&PersonFilter::default()),
        ["Ana", "bruno"],
        "case-insensitive order"
    );
    assert_eq!(people::get(&db, &b.id).unwrap().archived_at, None);
}

#[test]
fn list_filters_by_name_team_or_contact_treating_wildcards_literally() {
    let db = Db::open_in_memory().unwrap();
    people::create(&db, &person_input("Ana", "Payments", Role::Ic)).unwrap();
    people::create(&db, &person_input("Bea", "SRE", Role::Lead)).unwrap();
    people::create(&db, &person_input("100% Carl", "SRE_core", Role::Ic)).unwrap();
    let q = |s: &str| -> Vec<String> {
        let f = PersonFilter {
            include_archived: false,
            query: Some(s.into()),
            page: None,
        };
        people::list(&db, &f)
            .unwrap()
            .items
            .into_iter()
            .map(|p| p.name)
            .collect()
    };
    assert_eq!(q("sre"), ["100% Carl", "Bea"]);
    assert_eq!(q("pay"), ["Ana"]);
    assert_eq!(q("%"), ["100% Carl"]);
    assert_eq!(q("_"), ["100% Carl"]);
    assert_eq!(q("  "), ["100% Carl", "Ana", "Bea"]);
    people::create(&db, &person_input("Élise Dubois", "Öps", Role::Ic)).unwrap();
    assert_eq!(
        q("élise"),
        ["Élise Dubois"],
        "case folding is Unicode, not ASCII only"
    );
    assert_eq!(q("ÖPS"), ["Élise Dubois"]);
}

#[test]
fn roles_serialize_as_lowercase_words() {
    assert_eq!(serde_json::to_string(&Role::Ic).unwrap(), "\"ic\"");
    assert_eq!(Role::parse(" Manager "), Some(Role::Manager));
    assert!(Role::Lead.is_leadership() && Role::Manager.is_leadership());
    assert!(!Role::Ic.is_leadership() && !Role::Other.is_leadership());
}

#[test]
fn a_merge_moves_every_reference_and_restore_un_merges_exactly() {
    use rapport::interviews::notes::{self, NoteInput};
    use rapport::{followups, interviews, trash};
    let db = Db::open_in_memory().unwrap();
    let ana = person(&db, "Ana Lima", "Payments", Role::Ic);
    let dup = person(&db, "A. Lima", "Payments", Role::Ic);
    let bo = person(&db, "Bo", "Payments", Role::Ic);
    // The duplicate sat one interview alone and one with Ana, spoke a quote, has a follow-up.
    let alone = interview(
        &db,
        "Deploys",
        "2026-11-02T10:00:00Z",
        &[dup.as_str(), bo.as_str()],
    );
    let both = interview(
        &db,
        "Rollbacks",
        "2026-11-03T10:00:00Z",
        &[ana.as_str(), dup.as_str()],
    );
    interviews::start(&db, &alone).unwrap();
    let quote = notes::add(
        &db,
        &alone,
        &NoteInput {
            text: "I wait for CI".into(),
            is_quote: true,
            speaker_id: Some(dup.clone()),
        },
    )
    .unwrap();
    let fu = followups::create(
        &db,
        &followups::FollowUpInput {
            person_id: dup.clone(),
            reason: "Ask again".into(),
            due_on: "2026-12-01".into(),
            deliverable_id: None,
            interview_id: None,
            release: String::new(),
        },
        d("2026-11-24"),
    )
    .unwrap();
    let ids = |iv: &str| {
        let mut v: Vec<String> = interviews::get(&db, iv)
            .unwrap()
            .interviewees
            .into_iter()
            .map(|p| p.id)
            .collect();
        v.sort();
        v
    };
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    // Who spoke the quote, and who the follow-up is with.
    let spoke_and_followed = || {
        (
            notes::get(&db, &quote.id).unwrap().speaker_id,
            followups::get(&db, &fu.id, d("2026-11-24"))
                .unwrap()
                .person_id,
        )
    };
    let before = (ids(&alone), ids(&both));

    let entry = people::merge(&db, &ana, &dup).unwrap();
    assert_eq!(ids(&alone), sorted(vec![ana.clone(), bo.clone()]));
    assert_eq!(ids(&both), vec![ana.clone()], "one place, not two");
    assert_eq!(spoke_and_followed(), (Some(ana.clone()), ana.clone()));
    assert_eq!(people::get(&db, &dup).unwrap_err().code(), "not_found");

    trash::restore(&db, &entry.id).unwrap();
    assert_eq!((ids(&alone), ids(&both)), before);
    assert_eq!(spoke_and_followed(), (Some(dup.clone()), dup.clone()));
}
