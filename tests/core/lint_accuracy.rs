//! Accuracy of `is_leading` on the hand-labelled question set.
//! Run with `cargo test --test accuracy -- --nocapture` to see the report.
use rapport::questions::lint::{check, is_leading, RULES};

struct Row {
    question: String,
    leading: bool,
    rule: String,
}

fn load() -> Vec<Row> {
    load_file("questions_labelled.csv")
}

fn load_file(name: &str) -> Vec<Row> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut rdr = csv::Reader::from_path(path).expect("open labelled csv");
    let headers = rdr.headers().expect("headers").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        ["question", "leading", "rule"]
    );
    rdr.records()
        .map(|r| {
            let r = r.expect("csv record");
            let leading = match &r[1] {
                "1" => true,
                "0" => false,
                other => panic!("bad leading value {other:?}"),
            };
            Row {
                question: r[0].to_string(),
                leading,
                rule: r[2].to_string(),
            }
        })
        .collect()
}

#[test]
fn labelled_data_is_well_formed() {
    let rows = load();
    assert!(rows.len() >= 160, "only {} rows", rows.len());
    let lead = rows.iter().filter(|r| r.leading).count();
    let ratio = lead as f64 / rows.len() as f64;
    assert!((0.4..=0.6).contains(&ratio), "leading ratio {ratio}");
    for r in &rows {
        if r.leading {
            assert!(
                RULES.iter().any(|(id, _)| *id == r.rule),
                "unknown rule {:?} for {:?}",
                r.rule,
                r.question
            );
        } else {
            assert!(
                r.rule.is_empty(),
                "neutral row with a rule: {:?}",
                r.question
            );
        }
    }
    let mut qs: Vec<&str> = rows.iter().map(|r| r.question.as_str()).collect();
    qs.sort_unstable();
    qs.dedup();
    assert_eq!(qs.len(), rows.len(), "duplicate questions in the data");
}

struct Metrics {
    precision: f64,
    recall: f64,
}

fn report(title: &str, rows: &[Row]) -> Metrics {
    let (mut tp, mut fp, mut fnn, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let mut rule_hit = 0usize;
    let mut misses = Vec::new();
    let mut rule_misses = Vec::new();
    for r in rows {
        let predicted = is_leading(&r.question);
        match (r.leading, predicted) {
            (true, true) => {
                tp += 1;
                let rules: Vec<String> = check(&r.question).into_iter().map(|f| f.rule).collect();
                if rules.contains(&r.rule) {
                    rule_hit += 1;
                } else {
                    rule_misses.push(format!(
                        "  expected {:<26} got {:?}: {}",
                        r.rule, rules, r.question
                    ));
                }
            }
            (false, true) => {
                fp += 1;
                let rules: Vec<String> = check(&r.question)
                    .into_iter()
                    .map(|f| format!("{}:{:?}", f.rule, f.trigger))
                    .collect();
                misses.push(format!("  FP {:?}: {}", rules, r.question));
            }
            (true, false) => {
                fnn += 1;
                misses.push(format!("  FN [{}]: {}", r.rule, r.question));
            }
            (false, false) => tn += 1,
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fnn).max(1) as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    println!("\n=== {title}: {} labelled questions ===", rows.len());
    println!("TP {tp}  FP {fp}  FN {fnn}  TN {tn}");
    println!("precision {precision:.3}  recall {recall:.3}  F1 {f1:.3}");
    println!(
        "expected main rule among findings: {rule_hit}/{tp} true positives ({:.1}%)",
        100.0 * rule_hit as f64 / tp.max(1) as f64
    );
    println!("misclassified ({}):", misses.len());
    for m in &misses {
        println!("{m}");
    }
    if !rule_misses.is_empty() {
        println!(
            "flagged, but not by the expected rule ({}):",
            rule_misses.len()
        );
        for m in &rule_misses {
            println!("{m}");
        }
    }
    Metrics { precision, recall }
}

#[test]
fn precision_and_recall_on_labelled_questions() {
    let m = report("labelled set (rules were written with it in view)", &load());
    assert!(m.precision >= 0.90, "precision {:.3} < 0.90", m.precision);
    assert!(m.recall >= 0.85, "recall {:.3} < 0.85", m.recall);
}

/// A second set written after the rules, never used to tune them: an honest
/// out-of-sample estimate. Report only, no threshold.
#[test]
fn holdout_report() {
    let rows = load_file("questions_holdout.csv");
    assert!(!rows.is_empty());
    let _ = report("holdout set (written after the rules, not tuned on)", &rows);
}

#[test]
fn suggestions_for_labelled_questions_are_not_leading() {
    let mut rows = load();
    rows.extend(load_file("questions_holdout.csv"));
    for r in rows {
        for f in check(&r.question) {
            assert!(
                !is_leading(&f.suggestion),
                "suggestion for {:?} ({}) is leading: {:?} -> {:?}",
                r.question,
                f.rule,
                f.suggestion,
                check(&f.suggestion)
                    .iter()
                    .map(|x| &x.rule)
                    .collect::<Vec<_>>()
            );
            assert_eq!(&r.question[f.span.start..f.span.end], f.trigger);
        }
    }
}
