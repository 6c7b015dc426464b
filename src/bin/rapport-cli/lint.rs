//! `rapport-cli lint`: the leading-question checker for scripts and editors.

use std::path::PathBuf;

use rapport::questions::lint::{self, LintFinding};
use serde::Serialize;

#[derive(clap::Args)]
pub struct Args {
    /// The question to check.
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    question: Option<String>,
    /// Check every line of a file instead (`-` reads standard input; blank lines and lines
    /// starting with # are skipped).
    #[arg(long)]
    file: Option<PathBuf>,
    /// Check running prose (a postmortem, an incident timeline) for blaming wording instead of
    /// checking each line as an interview question.
    #[arg(long)]
    prose: bool,
    /// Print one JSON array: per question its line, text and findings (rule, span, trigger,
    /// explanation, suggestion). Spans are byte offsets into the question (with --prose, into
    /// the whole text).
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Checked<'a> {
    line: usize,
    question: &'a str,
    leading: bool,
    findings: Vec<LintFinding>,
}

/// Exit code 1 when anything leads (or blames), 0 otherwise.
pub fn run(args: Args) -> rapport::Result<u8> {
    let text = match (&args.question, &args.file) {
        (Some(q), _) => q.clone(),
        (None, Some(path)) if path.as_os_str() == "-" => std::io::read_to_string(std::io::stdin())?,
        (None, Some(path)) => std::fs::read_to_string(path)
            .map_err(|e| rapport::Error::invalid("file", format!("{}: {e}", path.display())))?,
        (None, None) => unreachable!("clap requires a question or --file"),
    };
    let checked: Vec<Checked> = if args.prose {
        let findings = lint::check_prose(&text);
        vec![Checked {
            line: 1,
            question: &text,
            leading: !findings.is_empty(),
            findings,
        }]
    } else if args.question.is_some() {
        vec![check(1, text.trim())]
    } else {
        text.lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim()))
            .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
            .map(|(i, l)| check(i, l))
            .collect()
    };
    let flagged = checked.iter().filter(|c| !c.findings.is_empty()).count();
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&checked).expect("findings serialise")
        );
    } else if args.prose {
        print_prose(&text, &checked[0].findings);
    } else {
        print_questions(&checked, checked.len() > 1);
    }
    Ok(u8::from(flagged > 0))
}

fn check(line: usize, question: &str) -> Checked<'_> {
    let findings = lint::check(question);
    Checked {
        line,
        question,
        leading: !findings.is_empty(),
        findings,
    }
}

fn print_questions(checked: &[Checked], show_line: bool) {
    let mut leading = 0;
    for c in checked.iter().filter(|c| c.leading) {
        leading += 1;
        let at = if show_line {
            format!("line {}: ", c.line)
        } else {
            String::new()
        };
        println!("{at}{}", c.question);
        for f in &c.findings {
            println!("  [{}] \"{}\": {}", f.rule, f.trigger, f.explanation);
        }
        println!("  try: {}", c.findings[0].suggestion);
    }
    let n = checked.len();
    eprintln!(
        "{leading} of {n} question{} lead{}",
        if n == 1 { "" } else { "s" },
        if leading == 1 { "s" } else { "" }
    );
}

fn print_prose(text: &str, findings: &[LintFinding]) {
    for f in findings {
        let line = text[..f.span.start].matches('\n').count() + 1;
        println!(
            "line {line}: [{}] \"{}\": {}",
            f.rule, f.trigger, f.explanation
        );
        println!("  try: {}", f.suggestion);
    }
    eprintln!(
        "{} blaming phrase{}",
        findings.len(),
        if findings.len() == 1 { "" } else { "s" }
    );
}
