//! Leading-question checker for interview questions, and blame checker for postmortem prose.
//!
//! The text is tokenised once (`tokenizer`; words are lower-cased and classified through the
//! word lists in `lexicon.txt`), split into sentences, and every rule (`rules/`, one file per
//! family) is a hand-written pattern over the classified word sequence; no regular
//! expressions and no learned weights. Every finding carries a rewrite (`rewrites`) that passes
//! the checker.
//!
//! All spans are byte offsets into the original input and always fall on `char` boundaries.

mod lexicon;
mod prose;
mod rewrites;
mod rules;
mod tokenizer;

use rules::{Raw, Rule, Shape, RULE_COUNT};
use serde::{Deserialize, Serialize};
use tokenizer::Doc;
use ts_rs::TS;

pub use prose::check_prose;

/// Byte range into the checked question, `end` exclusive, on char boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One reason a question may lead the interviewee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LintFinding {
    /// Rule id, one of the ids in [`RULES`].
    pub rule: String,
    /// The words that trigger the rule.
    pub span: Span,
    /// The text of `span`.
    pub trigger: String,
    /// Why this leads the interviewee.
    pub explanation: String,
    /// A suggested non-leading rewrite of the whole question.
    pub suggestion: String,
}

/// `(rule id, one-line description)` for every rule, in a stable order.
pub const RULES: &[(&str, &str)] = rules::RULE_TABLE;

/// Check one question. Returns an empty vector for a non-leading question.
/// Findings are sorted by `span.start` and deduplicated.
pub fn check(question: &str) -> Vec<LintFinding> {
    let doc = Doc::new(question);
    let raws = rules::detect(&doc);
    if raws.is_empty() {
        return Vec::new();
    }
    let mut cache: [Option<(Shape, String)>; RULE_COUNT] = Default::default();
    let mut subject: Option<rewrites::Subject> = None;
    let findings: Vec<LintFinding> = raws
        .iter()
        .map(|r| {
            let subj = subject.get_or_insert_with(|| rewrites::Subject::of(&doc));
            // Rewrites that depend on where the finding is are never shared.
            let own = !matches!(r.cut, rules::Cut::None)
                || matches!(r.rule, Rule::Blame | Rule::Scale)
                || r.shape == Shape::Reason;
            let suggestion = match &cache[r.rule as usize] {
                Some((shape, s)) if *shape == r.shape && !own => s.clone(),
                _ => {
                    let s = suggest(&doc, r, subj);
                    cache[r.rule as usize] = Some((r.shape, s.clone()));
                    s
                }
            };
            let (start, end) = doc.byte_span(r);
            let trigger = question[start..end].to_string();
            let explanation = explain(r.rule, r.shape, &trigger);
            LintFinding {
                rule: r.rule.id().to_string(),
                explanation,
                span: Span { start, end },
                trigger,
                suggestion,
            }
        })
        .collect();
    dedup_findings(findings)
}

fn dedup_findings(mut f: Vec<LintFinding>) -> Vec<LintFinding> {
    f.sort_by(|a, b| (a.span.start, &a.rule, a.span.end).cmp(&(b.span.start, &b.rule, b.span.end)));
    f.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
    f
}

/// `true` when [`check`] would report at least one finding.
pub fn is_leading(question: &str) -> bool {
    !rules::detect(&Doc::new(question)).is_empty()
}

/// The first candidate rewrite that passes the whole checker, else a fixed open prompt.
fn suggest(d: &Doc, r: &Raw, subj: &rewrites::Subject) -> String {
    rewrites::candidates(d, r, subj)
        .into_iter()
        .find(|c| c.trusted || (!c.text.trim().is_empty() && !is_leading(&c.text)))
        .map_or_else(|| rewrites::SAFE.to_string(), |c| c.text)
}

fn explain(rule: Rule, shape: Shape, trigger: &str) -> String {
    let t = trigger.trim();
    match (rule, shape) {
        (Rule::Confirmation, Shape::Approval) => format!(
            "\u{201c}{t}\u{201d} asks for a yes or no on approval or satisfaction; people tend to say yes to be polite. Ask what they did and how it went."
        ),
        (Rule::Confirmation, _) => format!(
            "\u{201c}{t}\u{201d} asks the interviewee to confirm a problem or feeling you already named, and most people politely agree. Ask what actually happened instead."
        ),
        (Rule::Loaded, _) => format!(
            "\u{201c}{t}\u{201d} is emotional or judgemental wording that tells the interviewee what you think. They tend to echo it instead of describing their own experience."
        ),
        (Rule::Presupposition, Shape::Reason) => format!(
            "\u{201c}{t}\u{201d} offers the reason for them, so the interviewee only has to agree. Ask what led to it in their own words."
        ),
        (Rule::Presupposition, Shape::Claim) => format!(
            "\u{201c}{t}\u{201d} slips a claim into the question as if it were established. Ask what they know, without asserting it."
        ),
        (Rule::Presupposition, Shape::Stopped) => format!(
            "\u{201c}{t}\u{201d} assumes they used to do it, so any answer admits it. Ask what they do and have done, without the assumption."
        ),
        (Rule::Presupposition, _) => format!(
            "\u{201c}{t}\u{201d} assumes something is already true, so the interviewee has to defend or explain it rather than describe what happens. Start from a concrete recent example."
        ),
        (Rule::Hypothetical, _) => format!(
            "\u{201c}{t}\u{201d} asks about imagined future behaviour; people are poor predictors of what they would do and tend to say yes. Ask about what they did in the past."
        ),
        (Rule::Agreement, Shape::Tag) => format!(
            "\u{201c}{t}\u{201d} is a tag that turns a statement into a request for agreement. Ask an open question and let them say what happened."
        ),
        (Rule::Agreement, Shape::Declarative) => format!(
            "\u{201c}{t}\u{201d} is a statement with a question mark: it supplies the answer and invites a yes. Ask an open question instead."
        ),
        (Rule::Agreement, _) => format!(
            "\u{201c}{t}\u{201d} signals the answer you want and invites the interviewee to agree with you. Ask an open question about their own experience."
        ),
        (Rule::DoubleBarreled, Shape::Pair) => format!(
            "\u{201c}{t}\u{201d} asks them to judge two things at once; a single answer cannot tell you which one it is about. Ask about each separately."
        ),
        (Rule::DoubleBarreled, _) => format!(
            "\u{201c}{t}\u{201d} packs a second question into the same turn, so usually only one of them gets answered. Ask one thing at a time."
        ),
        (Rule::Solution, _) => format!(
            "\u{201c}{t}\u{201d} pitches a solution or idea and asks for approval, which tells you little about the underlying need. Ask how they handle the task today."
        ),
        (Rule::Scale, Shape::Options) => format!(
            "The answer options \u{201c}{t}\u{201d} have more choices on one side than the other, which pulls answers that way. Offer as many negative as positive options."
        ),
        (Rule::Scale, Shape::OneSided) => format!(
            "\u{201c}{t}\u{201d} names only one end of the scale, so it assumes the answer lies there. Name both ends, or ask how it went."
        ),
        (Rule::Scale, _) => format!(
            "\u{201c}{t}\u{201d} anchors the answer on a size or improvement you have already assumed. Ask what happened and let them judge the size themselves."
        ),
        (Rule::StatementFirst, Shape::Premise) => format!(
            "\u{201c}{t}\u{201d} states a premise before the question, so the answer has to accept it. Drop the premise and ask the question on its own."
        ),
        (Rule::StatementFirst, Shape::Crowd) => format!(
            "\u{201c}{t}\u{201d} tells them what others think before asking, which pressures them to conform. Ask for their own view without it."
        ),
        (Rule::StatementFirst, _) => format!(
            "\u{201c}{t}\u{201d} states an opinion before the question, which frames it and hints at the expected answer. Drop the statement and ask about their experience."
        ),
        (Rule::Blame, _) => format!(
            "\u{201c}{t}\u{201d} looks for who is at fault, which puts people on the defensive: they justify themselves instead of describing what they saw. Ask how the system made the action look reasonable at the time."
        ),
    }
}

#[cfg(test)]
mod tests;
