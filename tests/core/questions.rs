//! Question bank and guides: storage rules, the starter bank, budgets, order and exports.

use crate::common::*;
use rapport::db::Db;
use rapport::markup::DocFormat;
use rapport::questions::guides::{self, GuideInput, BUDGET_MINUTES};
use rapport::questions::{self, starter, QuestionFilter, QuestionInput};

fn q(text: &str, topic: &str, tags: &[&str]) -> QuestionInput {
    QuestionInput {
        text: text.into(),
        topic: topic.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        leading_version: None,
        rationale: String::new(),
    }
}

#[test]
fn questions_store_normalised_tags_and_carry_checker_findings() {
    let db = Db::open_in_memory().unwrap();
    let good = questions::create(
        &db,
        &q(
            "Walk me through your last deploy.",
            " Deploys ",
            &["#On Call", "ci", "CI", " "],
        ),
    )
    .unwrap();
    assert_eq!(good.topic, "deploys");
    assert_eq!(good.tags, ["ci", "on-call"]);
    assert!(good.findings.is_empty());

    let leading = questions::create(&db, &q("Don't you think CI is too slow?", "ci", &[])).unwrap();
    let rules: Vec<_> = leading.findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(rules.contains(&"agreement-seeking"), "{rules:?}");
}

#[test]
fn bad_questions_are_refused_at_the_field_and_store_nothing() {
    let db = Db::open_in_memory().unwrap();
    let too_many: Vec<String> = (0..13).map(|i| format!("t{i}")).collect();
    let cases = [
        (q("  ", "", &[]), "text"),
        (q(&"x".repeat(501), "", &[]), "text"),
        (q("Ok?", "two\nlines", &[]), "topic"),
        (
            QuestionInput {
                tags: too_many,
                ..q("Ok?", "", &[])
            },
            "tags",
        ),
        (
            QuestionInput {
                tags: vec!["x".repeat(41)],
                ..q("Ok?", "", &[])
            },
            "tags",
        ),
        (
            QuestionInput {
                rationale: "r".repeat(2001),
                ..q("Ok?", "", &[])
            },
            "rationale",
        ),
    ];
    for (bad, field) in cases {
        assert_eq!(field_of(questions::create(&db, &bad).unwrap_err()), field);
    }
    assert_eq!(count(&db, "questions"), 0);
    assert_eq!(count(&db, "question_tags"), 0);
}

#[test]
fn update_replaces_tags_and_archive_hides() {
    let db = Db::open_in_memory().unwrap();
    let a = questions::create(&db, &q("How often do you deploy?", "deploys", &["a", "b"])).unwrap();
    let u = questions::update(
        &db,
        &a.id,
        version(&db, "questions", &a.id),
        &q("How often did you deploy last month?", "deploys", &["c"]),
    )
    .unwrap();
    assert_eq!(u.tags, ["c"]);
    assert_eq!(u.created_at, a.created_at);
    let err = questions::update(
        &db,
        &a.id,
        version(&db, "questions", &a.id),
        &q("", "", &["z"]),
    )
    .unwrap_err();
    assert_eq!(field_of(err), "text");
    assert_eq!(
        questions::get(&db, &a.id).unwrap().tags,
        ["c"],
        "a refused edit changes nothing"
    );
    questions::set_archived(&db, &a.id, true).unwrap();
    assert!(questions::list(&db, &QuestionFilter::default())
        .unwrap()
        .items
        .is_empty());
    let all = QuestionFilter {
        include_archived: true,
        ..Default::default()
    };
    assert_eq!(questions::list(&db, &all).unwrap().items.len(), 1);
    assert_eq!(
        questions::update(&db, "nope", 1, &q("x?", "", &[]))
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[test]
fn list_filters_by_text_topic_and_tag() {
    let db = Db::open_in_memory().unwrap();
    questions::create(
        &db,
        &q("Walk me through your last page.", "on-call", &["pager"]),
    )
    .unwrap();
    questions::create(
        &db,
        &q("How do you find a failing test in CI?", "ci", &["tests"]),
    )
    .unwrap();
    questions::create(
        &db,
        &q("Who reviews your 100% rollout?", "deploys", &["review"]),
    )
    .unwrap();
    let texts = |f: QuestionFilter| -> Vec<String> {
        questions::list(&db, &f)
            .unwrap()
            .items
            .into_iter()
            .map(|q| q.text)
            .collect()
    };
    assert_eq!(
        texts(QuestionFilter {
            topic: Some("ci".into()),
            ..Default::default()
        })
        .len(),
        1
    );
    assert_eq!(
        texts(QuestionFilter {
            tag: Some("#Pager".into()),
            ..Default::default()
        }),
        ["Walk me through your last page."]
    );
    assert_eq!(
        texts(QuestionFilter {
            query: Some("100%".into()),
            ..Default::default()
        }),
        ["Who reviews your 100% rollout?"]
    );
    let topics = questions::topics(&db).unwrap();
    assert_eq!(
        topics.iter().map(|t| t.topic.as_str()).collect::<Vec<_>>(),
        ["ci", "deploys", "on-call"]
    );
}

#[test]
fn the_starter_bank_is_added_once_and_every_question_in_it_passes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.db");
    let db = rapport::open_workspace(&path).unwrap();
    let all = questions::list(&db, &QuestionFilter::default())
        .unwrap()
        .items;
    assert_eq!(all.len(), starter::STARTER.len());
    assert!(all.len() >= 33, "3 pairs + at least 30 questions");
    assert!(all.iter().all(|q| q.builtin && q.findings.is_empty()));
    let pairs: Vec<_> = all.iter().filter(|q| q.leading_version.is_some()).collect();
    assert_eq!(pairs.len(), 3);
    for p in pairs {
        let leading = p.leading_version.as_deref().unwrap();
        assert!(questions::lint::is_leading(leading), "{leading}");
    }
    for topic in ["deploys", "on-call", "ci", "observability", "incidents"] {
        let n = all.iter().filter(|q| q.topic == topic).count();
        assert!(n >= 5, "{topic}: {n}");
    }
    // Archive one, reopen: nothing is re-added.
    questions::set_archived(&db, &all[0].id, true).unwrap();
    drop(db);
    let db = rapport::open_workspace(&path).unwrap();
    assert_eq!(questions::seed_starter(&db).unwrap(), 0);
    assert_eq!(
        questions::list(&db, &QuestionFilter::default())
            .unwrap()
            .items
            .len(),
        all.len() - 1
    );
}

#[test]
fn guides_budget_against_thirty_minutes_and_warn_when_over() {
    let db = Db::open_in_memory().unwrap();
    let g = guides::create(
        &db,
        &GuideInput {
            title: "CI pilot".into(),
            goal: "Learn how teams ship".into(),
        },
    )
    .unwrap();
    assert_eq!(
        (g.total_minutes, g.budget_minutes, g.over_budget),
        (0, BUDGET_MINUTES, false)
    );
    let mut ids = Vec::new();
    for (i, text) in [
        "Walk me through your last deploy.",
        "Who do you ask when CI fails?",
        "Don't you think CI is slow?",
    ]
    .iter()
    .enumerate()
    {
        ids.push(questions::create(&db, &q(text, "ci", &[])).unwrap().id);
        let g = guides::add_question(&db, &g.id, &ids[i], 10).unwrap();
        assert_eq!(g.items.len(), i + 1);
    }
    let g = guides::get(&db, &g.id).unwrap();
    assert_eq!(
        (g.total_minutes, g.over_budget, g.leading_count),
        (30, false, 1)
    );
    let g = guides::set_minutes(&db, &g.items[0].id, 11).unwrap();
    assert_eq!((g.total_minutes, g.over_budget), (31, true));
    assert_eq!(
        field_of(guides::set_minutes(&db, &g.items[0].id, 0).unwrap_err()),
        "minutes"
    );
    assert_eq!(
        field_of(guides::set_minutes(&db, &g.items[0].id, 31).unwrap_err()),
        "minutes"
    );
    assert_eq!(
        field_of(guides::add_question(&db, &g.id, &ids[0], 3).unwrap_err()),
        "question"
    );
    assert_eq!(
        field_of(guides::add_question(&db, &g.id, "missing", 3).unwrap_err()),
        "question"
    );
    let summary = guides::list(&db).unwrap();
    assert_eq!(
        (summary[0].question_count, summary[0].total_minutes),
        (3, 31)
    );
}

#[test]
fn reorder_needs_every_item_exactly_once() {
    let db = Db::open_in_memory().unwrap();
    let g = guides::create(
        &db,
        &GuideInput {
            title: "G".into(),
            goal: String::new(),
        },
    )
    .unwrap();
    for text in ["One?", "Two?", "Three?"] {
        let id = questions::create(&db, &q(text, "", &[])).unwrap().id;
        guides::add_question(&db, &g.id, &id, 5).unwrap();
    }
    let items: Vec<String> = guides::get(&db, &g.id)
        .unwrap()
        .items
        .into_iter()
        .map(|i| i.id)
        .collect();
    let new_order = vec![items[2].clone(), items[0].clone(), items[1].clone()];
    let g2 = guides::reorder(&db, &g.id, &new_order).unwrap();
    assert_eq!(
        g2.items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(),
        ["Three?", "One?", "Two?"]
    );
    for bad in [
        vec![items[0].clone(), items[1].clone()],
        vec![items[0].clone(), items[0].clone(), items[1].clone()],
    ] {
        assert_eq!(
            field_of(guides::reorder(&db, &g.id, &bad).unwrap_err()),
            "order"
        );
    }
    let removed = guides::remove_item(&db, &items[0]).unwrap();
    let after = guides::get(&db, &g.id).unwrap();
    assert_eq!(
        after
            .items
            .iter()
            .map(|i| i.text.as_str())
            .collect::<Vec<_>>(),
        ["Three?", "Two?"]
    );
    // Taking a question out is undone in place.
    rapport::trash::restore(&db, &removed.id).unwrap();
    assert_eq!(guides::get(&db, &g.id).unwrap().items.len(), 3);
    guides::delete(&db, &g.id).unwrap();
    assert_eq!(count(&db, "guide_items"), 0);
    assert_eq!(
        count(&db, "questions"),
        3,
        "deleting a guide keeps the bank"
    );
}

#[test]
fn exports_escape_user_text() {
    let db = Db::open_in_memory().unwrap();
    let g = guides::create(
        &db,
        &GuideInput {
            title: "<script>x</script> & co".into(),
            goal: "Why \"deploys\"".into(),
        },
    )
    .unwrap();
    let id = questions::create(&db, &q("What's <b>your</b> last deploy?", "", &[]))
        .unwrap()
        .id;
    let g = guides::add_question(&db, &g.id, &id, 4).unwrap();
    let html = guides::document(&g).render(DocFormat::Html);
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt; &amp; co"));
    assert!(html.contains("What&#39;s &lt;b&gt;your&lt;/b&gt; last deploy?"));
    assert!(!html.contains("<script>") && !html.contains("<b>"));
    assert!(html.contains("Planned time: 4 of 30 minutes"));
    let md = guides::document(&g).render(DocFormat::Markdown);
    assert!(
        md.contains(r"1. What's \<b\>your\</b\> last deploy? _(4 min)_"),
        "{md}"
    );
    assert!(
        md.starts_with("# \\<script\\>x\\</script\\> \\& co\n\n- **Goal:** Why \"deploys\""),
        "{md}"
    );
    // A line break in a question cannot break the numbered list.
    let id2 = questions::create(&db, &q("First line\n# Not a heading", "", &[]))
        .unwrap()
        .id;
    let g = guides::add_question(&db, &g.id, &id2, 2).unwrap();
    assert!(guides::document(&g)
        .render(DocFormat::Markdown)
        .contains("2. First line  \n  \\# Not a heading _(2 min)_\n"));
}
