//! Accuracy of the leading-question checker, on three sets of labelled questions:
//! - the old hand-labelled files (`tests/data/questions_labelled.csv`, `questions_holdout.csv`),
//!   written by the same hands as the rules;
//! - the corpus **train** split (`tests/data/corpus`). The checker has no learned part and its
//!   rules were written with the train split in view, so this figure is an in-sample one;
//! - the corpus **test** split (round 1) and **test2** split (round 2), each frozen by site before
//!   the round's tuning. They are only reported, never tuned on: the tests fail if the README's
//!   tables do not show exactly these numbers.
//!
//! `cargo test -p rapport --test core lint_accuracy -- --nocapture` prints every report;
//! `LINT_SHOW_ERRORS=1` lists the misclassified questions of the old data and the train split.
use rapport::questions::lint::{check, is_leading, RULES};
use std::collections::BTreeMap;

#[derive(Clone)]
struct Row {
    question: String,
    leading: bool,
    /// Old data: the expected rule ("neutral" for neutral rows). Corpus: the category.
    category: String,
    /// The source's site (old data: "old").
    site: String,
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
                site: "old".into(),
            }
        })
        .collect()
}

/// The site a source page belongs to: its registrable host, so that two articles of one site
/// never fall in two splits.
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
            site: site[&r[5]].clone(),
        })
        .collect()
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
    report_with(title, rows, predicted, true)
}

/// [`report`]; `show_errors` lets `LINT_SHOW_ERRORS=1` list the misclassified questions, which
/// is never done for a frozen test split.
fn report_with(
    title: &str,
    rows: &[Row],
    predicted: &[bool],
    show_errors: bool,
) -> (Conf, String, Vec<String>) {
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
    if show_errors && std::env::var("LINT_SHOW_ERRORS").is_ok_and(|v| v == "1") {
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

/// A per-category table must appear whole, under its own header, so a row cannot be matched
/// in another split's table.
fn assert_table_in_readme(name: &str, rows: &[String]) {
    let table = format!(
        "| category ({name}) | label | questions | flagged |\n| --- | --- | --- | --- |\n{}\n",
        rows.join("\n")
    );
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.contains(&table),
        "README.md must show this table as measured:\n{table}"
    );
}

fn committed(rows: &[Row]) -> Vec<bool> {
    rows.iter().map(|r| is_leading(&r.question)).collect()
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

/// The split the rules were written and tuned on: an in-sample figure and a regression guard.
#[test]
fn corpus_train_split() {
    let rows = load_corpus("train");
    let (c, overall, _) = report("Corpus train split, tuned on", &rows, &committed(&rows));
    assert_in_readme(&[overall]);
    assert!(
        c.precision() >= 0.90,
        "train precision {:.3}",
        c.precision()
    );
    assert!(c.recall() >= 0.80, "train recall {:.3}", c.recall());
}

/// The frozen splits are reported, never tuned on; the README must show exactly these figures.
#[test]
fn frozen_test_splits_match_the_readme() {
    let mut tables = Vec::new();
    for (split, size, title) in [
        ("test", 292, "Corpus test split, frozen in round 1"),
        ("test2", 167, "Corpus test2 split, frozen in round 2"),
    ] {
        let rows = load_corpus(split);
        assert_eq!(rows.len(), size, "the {split} split is frozen");
        tables.push((split, report_with(title, &rows, &committed(&rows), false)));
    }
    // Both reports are printed before either is checked.
    for (split, (_, overall, categories)) in tables {
        assert_in_readme(&[overall]);
        assert_table_in_readme(&format!("{split} split"), &categories);
    }
}

/// Splits are by site, so no site's phrasing is both tuned on and reported.
#[test]
fn no_site_straddles_two_splits() {
    let mut split_of: BTreeMap<String, &str> = BTreeMap::new();
    for split in ["train", "test", "test2"] {
        for r in load_corpus(split) {
            let first = *split_of.entry(r.site.clone()).or_insert(split);
            assert_eq!(first, split, "site {} is in {first} and {split}", r.site);
        }
    }
    assert!(split_of.len() > 100, "{} sites", split_of.len());
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
