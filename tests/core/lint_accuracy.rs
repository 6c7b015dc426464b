//! Accuracy of the leading-question checker, on three sets of labelled questions:
//! - the old hand-labelled files (`tests/data/questions_labelled.csv`, `questions_holdout.csv`),
//!   written by the same hands as the rules;
//! - the corpus **train** split (`tests/data/corpus`), by source-grouped 5-fold cross-validation:
//!   the statistical layer is retrained in each fold without the held-out sites. The rules were
//!   written with the whole train split in view, so for them this is an in-sample figure;
//! - the corpus **test** split, frozen by source before any tuning. It is only reported, never
//!   tuned on: the test fails if the README's accuracy table does not show exactly these numbers.
//!
//! `cargo test -p rapport --test core lint_accuracy -- --nocapture` prints every report;
//! `LINT_SHOW_ERRORS=1` lists the misclassified questions of the old data and the train split.
use rapport::questions::lint::model::{self, train, TrainConfig};
use rapport::questions::lint::{check, check_with, is_leading, is_leading_with, RULES};
use std::collections::BTreeMap;

struct Row {
    question: String,
    leading: bool,
    /// Old data: the expected rule ("neutral" for neutral rows). Corpus: the category.
    category: String,
    /// Cross-validation group: the source's site (old data: one group).
    group: String,
}

fn data(path: &str) -> csv::Reader<std::fs::File> {
    let path = format!("{}/tests/data/{path}", env!("CARGO_MANIFEST_DIR"));
    csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn load_old(name: &str) -> Vec<Row> {
    let mut rdr = data(name);
    assert_eq!(rdr.headers().unwrap(), vec!["question", "leading", "rule"]);
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            let leading = match &r[1] {
                "1" => true,
                "0" => false,
                other => panic!("bad leading value {other:?}"),
            };
            assert_eq!(leading, !r[2].is_empty(), "rule column of {:?}", &r[0]);
            Row {
                question: r[0].to_string(),
                leading,
                category: if leading { &r[2] } else { "neutral" }.to_string(),
                group: "old".into(),
            }
        })
        .collect()
}

/// The site a source page belongs to: its registrable host, so that two articles of one site
/// always fall in the same fold (as the corpus split does).
fn site_of(url: &str) -> String {
    let host = url.split("://").nth(1).unwrap_or(url);
    let host = host.split('/').next().unwrap_or("").to_ascii_lowercase();
    if host.starts_with("leads") {
        return "leads".into();
    }
    const THREE: &[&str] = &[
        ".pages.dev",
        ".github.io",
        ".blogspot.com",
        ".wordpress.com",
        ".livejournal.com",
        ".substack.com",
        ".tripod.com",
        ".ku.dk",
        ".co.uk",
        ".com.au",
        ".net.au",
        ".yorku.ca",
    ];
    let keep = if THREE.iter().any(|s| host.ends_with(s)) {
        3
    } else {
        2
    };
    let labels: Vec<&str> = host.split('.').collect();
    labels[labels.len().saturating_sub(keep)..].join(".")
}

fn load_corpus(split: &str) -> Vec<Row> {
    let mut sources = data("corpus/sources.csv");
    let site: BTreeMap<String, String> = sources
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), site_of(&r[2]))
        })
        .collect();
    let mut rdr = data("corpus/questions.csv");
    assert_eq!(
        rdr.headers().unwrap(),
        vec![
            "id",
            "question",
            "leading",
            "category",
            "labelled_by",
            "source_id",
            "split"
        ]
    );
    rdr.records()
        .map(Result::unwrap)
        .filter(|r| &r[6] == split)
        .map(|r| Row {
            question: r[1].to_string(),
            leading: &r[2] == "1",
            category: r[3].to_string(),
            group: site[&r[5]].clone(),
        })
        .collect()
}

/// Source-grouped folds: sites sorted, shuffled with a fixed seed, dealt round-robin.
fn folds(rows: &[Row], k: usize) -> Vec<usize> {
    let mut groups: Vec<&str> = rows.iter().map(|r| r.group.as_str()).collect();
    groups.sort_unstable();
    groups.dedup();
    let mut seed: u64 = 20_261_123;
    for i in (1..groups.len()).rev() {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        groups.swap(i, (seed >> 33) as usize % (i + 1));
    }
    let fold: BTreeMap<&str, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (*g, i % k))
        .collect();
    rows.iter().map(|r| fold[r.group.as_str()]).collect()
}

#[derive(Default, Clone, Copy)]
struct Conf {
    tp: usize,
    fp: usize,
    fnn: usize,
    tn: usize,
}

impl Conf {
    fn add(&mut self, truth: bool, predicted: bool) {
        match (truth, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fnn += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fnn).max(1) as f64
    }
}

/// Prints the confusion matrix and per-category rates. Returns the overall counts, the README
/// table row `| title (n questions) | precision | recall |` and one README table row per
/// category: `| category | leading or neutral | questions | flagged |`.
fn report(title: &str, rows: &[Row], predicted: &[bool]) -> (Conf, String, Vec<String>) {
    let mut all = Conf::default();
    let mut per: BTreeMap<(bool, &str), Conf> = BTreeMap::new();
    for (r, &p) in rows.iter().zip(predicted) {
        all.add(r.leading, p);
        per.entry((!r.leading, &r.category))
            .or_default()
            .add(r.leading, p);
    }
    println!("\n=== {title}: {} questions ===", rows.len());
    println!(
        "  TP {}  FN {}  FP {}  TN {}",
        all.tp, all.fnn, all.fp, all.tn
    );
    let overall = format!(
        "| {title} ({} questions) | {:.2} | {:.2} |",
        rows.len(),
        all.precision(),
        all.recall()
    );
    println!("  {overall}");
    let categories: Vec<String> = per
        .iter()
        .map(|((neutral, cat), c)| {
            let label = if *neutral { "neutral" } else { "leading" };
            format!(
                "| {cat} | {label} | {} | {} |",
                c.tp + c.fp + c.fnn + c.tn,
                c.tp + c.fp
            )
        })
        .collect();
    for l in &categories {
        println!("    {l}");
    }
    if std::env::var("LINT_SHOW_ERRORS").is_ok_and(|v| v == "1") && !title.contains("test split") {
        for (r, &p) in rows.iter().zip(predicted) {
            if r.leading != p {
                let why: Vec<String> = check(&r.question)
                    .into_iter()
                    .map(|f| format!("{}:{:?}", f.rule, f.trigger))
                    .collect();
                let kind = if p { "FP" } else { "FN" };
                println!("  {kind} [{}] {}  {why:?}", r.category, r.question);
            }
        }
    }
    (all, overall, categories)
}

/// The README's accuracy tables must show what is measured, row for row.
fn assert_in_readme(rows: &[String]) {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let missing: Vec<&String> = rows
        .iter()
        .filter(|l| !readme.contains(l.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "README.md must show these rows as measured:\n{missing:#?}"
    );
}

fn committed(rows: &[Row]) -> Vec<bool> {
    rows.iter().map(|r| is_leading(&r.question)).collect()
}

/// The examples the committed weights are trained on: the corpus train split and the old
/// labelled file (never the old holdout, never the test split).
fn training_examples<'a>(corpus: &'a [Row], old: &'a [Row]) -> Vec<(&'a str, bool)> {
    corpus
        .iter()
        .chain(old)
        .map(|r| (r.question.as_str(), r.leading))
        .collect()
}

#[test]
fn old_labelled_data() {
    for (name, title) in [
        (
            "questions_labelled.csv",
            "Old `tests/data` set, written with the rules",
        ),
        ("questions_holdout.csv", "Old `tests/data` holdout"),
    ] {
        let rows = load_old(name);
        let (c, overall, _) = report(title, &rows, &committed(&rows));
        assert_in_readme(&[overall]);
        assert!(
            c.precision() >= 0.90,
            "{name}: precision {:.3}",
            c.precision()
        );
        assert!(c.recall() >= 0.85, "{name}: recall {:.3}", c.recall());
        // The expected rule is among the findings for most true positives.
        let flagged: Vec<&Row> = rows
            .iter()
            .filter(|r| r.leading && is_leading(&r.question))
            .collect();
        let hit = flagged
            .iter()
            .filter(|r| check(&r.question).iter().any(|f| f.rule == r.category))
            .count();
        println!(
            "  expected rule among the findings: {hit}/{}",
            flagged.len()
        );
        assert!(
            hit * 10 >= flagged.len() * 9,
            "{name}: expected rule for only {hit}"
        );
    }
}

#[test]
fn corpus_train_cross_validation() {
    let rows = load_corpus("train");
    let old = load_old("questions_labelled.csv");
    let rules_only: Vec<bool> = rows
        .iter()
        .map(|r| is_leading_with(&r.question, None))
        .collect();
    report(
        "Corpus train split, rules alone (in-sample)",
        &rows,
        &rules_only,
    );
    let fold = folds(&rows, 5);
    let mut cv = vec![false; rows.len()];
    for f in 0..5 {
        let ex: Vec<(&str, bool)> = (rows
            .iter()
            .zip(&fold)
            .filter(|(_, &g)| g != f)
            .map(|(r, _)| r))
        .chain(&old)
        .map(|r| (r.question.as_str(), r.leading))
        .collect();
        let m = train(&ex, &TrainConfig::COMMITTED).model();
        for (i, r) in rows.iter().enumerate().filter(|(i, _)| fold[*i] == f) {
            cv[i] = is_leading_with(&r.question, Some(&m));
        }
    }
    let title = "Corpus train split, 5-fold cross-validation by source";
    let (c, overall, _) = report(title, &rows, &cv);
    assert_in_readme(&[overall]);
    // A regression guard, not a claim of generalisation (the rules saw these questions).
    assert!(c.precision() >= 0.90, "CV precision {:.3}", c.precision());
    assert!(c.recall() >= 0.80, "CV recall {:.3}", c.recall());
}

/// The frozen split is reported, never tuned on; the README must show exactly these figures.
#[test]
fn frozen_test_split_matches_the_readme() {
    let rows = load_corpus("test");
    assert_eq!(rows.len(), 292, "the test split is frozen");
    let (_, overall, mut categories) =
        report("Corpus test split, frozen", &rows, &committed(&rows));
    categories.insert(0, overall);
    assert_in_readme(&categories);
}

#[test]
fn findings_are_well_formed_on_all_labelled_questions() {
    let mut rows = load_old("questions_labelled.csv");
    rows.extend(load_old("questions_holdout.csv"));
    rows.extend(load_corpus("train"));
    for r in &rows {
        let fs = check(&r.question);
        assert!(fs.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        for f in fs {
            assert!(RULES.iter().any(|(id, _)| *id == f.rule));
            assert_eq!(&r.question[f.span.start..f.span.end], f.trigger);
            assert!(f.explanation.contains(f.trigger.trim()), "{f:?}");
            let again: Vec<String> = check(&f.suggestion).into_iter().map(|x| x.rule).collect();
            assert!(
                again.is_empty(),
                "rewrite of {:?} ({}) leads: {:?} {again:?}",
                r.question,
                f.rule,
                f.suggestion
            );
        }
    }
    for r in load_old("questions_labelled.csv")
        .iter()
        .filter(|r| r.leading)
    {
        assert!(
            RULES.iter().any(|(id, _)| *id == r.category),
            "{}",
            r.category
        );
    }
}

/// Training is deterministic, so the committed weights must be exactly what it produces.
/// `RAPPORT_WRITE_WEIGHTS=1` rewrites the file instead.
#[test]
fn committed_weights_are_reproducible() {
    let corpus = load_corpus("train");
    let old = load_old("questions_labelled.csv");
    let cfg = TrainConfig::COMMITTED;
    let text =
        train(&training_examples(&corpus, &old), &cfg).to_file(&cfg, corpus.len(), old.len());
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/questions/lint/model_weights.txt"
    );
    if std::env::var("RAPPORT_WRITE_WEIGHTS").is_ok_and(|v| v == "1") {
        std::fs::write(path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap();
    assert!(
        text == committed,
        "model_weights.txt is stale: rerun with RAPPORT_WRITE_WEIGHTS=1"
    );
    assert!(model::Model::parse(&committed).is_ok());
}

#[test]
fn model_flags_carry_a_rule_span_and_rewrite() {
    // A model that flags everything the rules miss: its findings must still be complete.
    let ex = [
        ("What colour was the jacket?", true),
        ("Where were you?", false),
    ];
    let cfg = TrainConfig {
        residual: false,
        min_count: 1,
        threshold: 0.0,
        ..TrainConfig::COMMITTED
    };
    let m = train(&ex, &cfg).model();
    let q = "What colour was the youth's jacket?";
    let fs = check_with(q, Some(&m));
    assert_eq!(fs.len(), 1, "{fs:?}");
    let f = &fs[0];
    assert_eq!(f.rule, "leading-wording");
    assert_eq!(&q[f.span.start..f.span.end], f.trigger);
    assert!(f.explanation.contains(&f.trigger));
    assert!(!f.suggestion.is_empty());
}
