//! statement-before-question: an opinion, premise or claim placed before the question
//! ("Deploys here are slow. How do you cope?", "Since on-call is so stressful, how…",
//! "Given the benefits of X, how likely…", "Some people say the SLOs are pointless; what's
//! your view?").

use super::{Cut, Raw, Rule, Shape};
use crate::questions::lint::lexicon::{
    ABSOLUTE, AUX, BE, COMPARATIVE, CROWD, IMPERATIVE, INTENSIFIER, LOADED, MODAL, NEG_AUX,
    OPINION_VERB, PREMISE, SO_ADJ, VALENCE, WH,
};
use crate::questions::lint::tokenizer::{Doc, Sent};

pub(super) fn run(d: &Doc, out: &mut Vec<Raw>) {
    for (i, s) in d.sents.iter().enumerate() {
        let later_question = d.sents[i + 1..].iter().any(|t| t.question);
        // "Great job! What did you think of that?": a short exclamation counts too.
        let exclaimed = d.toks.get(s.tb).is_some_and(|t| t.punct == '!');
        if !s.question
            && s.terminated
            && (s.wb - s.wa >= 3 || (exclaimed && s.wb - s.wa == 2))
            && later_question
        {
            statement(d, s, out);
        }
        if s.question {
            premise(d, s, out);
            with_the_crowd(d, s, out);
        }
        crowd(d, s, later_question, out);
    }
}

fn statement(d: &Doc, s: &Sent, out: &mut Vec<Raw>) {
    let o = d.first_content(s);
    let w0 = d.w(o);
    if d.f(o) & IMPERATIVE != 0 || matches!(w0, "if" | "once") {
        return;
    }
    // Only a statement that takes a side frames the question. Neutral context — a task
    // scenario ("The app has three tabs."), a timeline entry ("At 14:10 the error rate
    // doubled.") — does not.
    let marked = (s.wa..s.wb).any(|k| {
        d.f(k) & (VALENCE | LOADED | ABSOLUTE | COMPARATIVE | INTENSIFIER) != 0
            || (d.w(k) == "too" && k + 1 < s.wb)
            || (d.w(k) == "so" && d.f_at(k + 1, s) & SO_ADJ != 0)
            || claim_word(d.w(k))
            // "…, as most experts agree, …", "Many people say …"
            || (d.f(k) & CROWD != 0
                && (k + 1..s.wb.min(k + 4)).any(|j| d.f(j) & OPINION_VERB != 0))
    });
    if !marked || two_views(d, s) {
        return;
    }
    // "You mentioned the build was slow. Can you tell me more?" reflects their own words.
    let echo = matches!(w0, "you" | "earlier" | "before")
        && (o + 1..s.wb.min(o + 4)).any(|k| {
            matches!(
                d.w(k),
                "mentioned"
                    | "said"
                    | "told"
                    | "described"
                    | "talked"
                    | "noted"
                    | "brought"
                    | "called"
                    | "wrote"
            )
        });
    if echo {
        return;
    }
    out.push(d.raw(Rule::StatementFirst, s.wa, s.wb - 1));
}

/// Words that make a statement argue rather than describe: importance, obligation, a
/// concession set against the question, a sweeping degree ("overwhelmingly", "take ages").
fn claim_word(w: &str) -> bool {
    matches!(
        w,
        "important"
            | "essential"
            | "critical"
            | "crucial"
            | "vital"
            | "necessary"
            | "should"
            | "must"
            | "would"
            | "while"
            | "although"
            | "though"
            | "whereas"
            | "despite"
            | "overwhelmingly"
            | "widely"
            | "hugely"
            | "vastly"
            | "massively"
            | "ages"
    )
}

/// The first word after a comma (or ";", ":", dash) that opens the question proper.
fn question_start(d: &Doc, s: &Sent, from: usize) -> Option<usize> {
    (from..s.wb).find(|&k| {
        matches!(d.punct_before(k), ',' | ';' | ':' | '-')
            && d.f(k) & (AUX | NEG_AUX | MODAL | WH) != 0
            && s.wb - k >= 2
    })
}

/// "Since on-call is so stressful, how do you…", "Given the benefits of X, how likely…",
/// "As you know, …". Not "Since the migration, how often…" (a time, not a premise).
fn premise(d: &Doc, s: &Sent, out: &mut Vec<Raw>) {
    let o = d.first_content(s);
    if d.f(o) & PREMISE == 0 {
        return;
    }
    let Some(q) = question_start(d, s, o + 2) else {
        return;
    };
    let clause = o..q;
    let w0 = d.w(o);
    let asserts = match w0 {
        "given" | "considering" => true,
        "as" => {
            matches!(d.w_at(o + 1, s), "you" | "we" | "everyone" | "everybody")
                && clause.clone().any(|k| {
                    matches!(
                        d.w(k),
                        "know" | "knows" | "agreed" | "said" | "discussed" | "saw"
                    )
                })
        }
        _ => clause
            .clone()
            .any(|k| d.f(k) & (BE | AUX | VALENCE | LOADED) != 0 || d.w(k) == "so"),
    };
    if asserts {
        out.push(
            d.raw(Rule::StatementFirst, o, q - 1)
                .shape(Shape::Premise)
                .cut(Cut::KeepFrom(d.words[q])),
        );
    }
}

/// "Like most Americans, do you support…?", "Do you believe, along with many others, that…?":
/// the question tells them which side the majority is on.
fn with_the_crowd(d: &Doc, s: &Sent, out: &mut Vec<Raw>) {
    let o = d.first_content(s);
    for k in s.wa..s.wb.saturating_sub(2) {
        let w = d.w(k);
        let opener =
            (matches!(w, "like" | "unlike") && k == o) || (w == "along" && d.w(k + 1) == "with");
        if !opener {
            continue;
        }
        let from = if w == "along" { k + 2 } else { k + 1 };
        let Some(c) = (from..s.wb.min(from + 3)).find(|&j| {
            d.f(j) & CROWD != 0
                && matches!(
                    d.w_at(j.saturating_sub(1), s),
                    "most" | "many" | "all" | "other" | "millions" | "thousands"
                )
                || matches!(
                    d.w(j),
                    "most" | "many" | "others" | "everyone" | "everybody"
                )
        }) else {
            continue;
        };
        let end = (c..s.wb)
            .find(|&j| j + 1 < s.wb && matches!(d.punct_before(j + 1), ',' | ';' | ':' | '-'))
            .unwrap_or(c);
        let mut r = d.raw(Rule::StatementFirst, k, end).shape(Shape::Crowd);
        if k == o {
            if let Some(q) = question_start(d, s, end + 1) {
                r = r.cut(Cut::KeepFrom(d.words[q]));
            }
        } else {
            r = r.cut(Cut::Remove(d.words[k], d.words[end]));
        }
        out.push(r);
        return;
    }
}

/// "Some people say…", "Most experts evaluate the policy as effective. What do you think?",
/// "Studies have shown that…" ahead of the question (not "What do most people say about X?").
fn crowd(d: &Doc, s: &Sent, later_question: bool, out: &mut Vec<Raw>) {
    if two_views(d, s) {
        return;
    }
    let head = d.head(s);
    for c in s.wa..s.wb {
        if d.f(c) & CROWD == 0 {
            continue;
        }
        let clause_start = c == d.first_content(s)
            || matches!(d.punct_before(c), ',' | ';' | ':' | '-')
            || (c > s.wa && matches!(d.w(c - 1), "and" | "but" | "that"));
        if !clause_start
            || (s.question && d.f(head) & (WH | AUX | MODAL | NEG_AUX) != 0 && head < c)
        {
            continue;
        }
        let Some(v) = (c + 1..s.wb.min(c + 4)).find(|&k| d.f(k) & OPINION_VERB != 0) else {
            continue;
        };
        // The question must come after the claim: a later sentence, or a question clause.
        let q = if s.question {
            question_start(d, s, v + 1)
        } else {
            None
        };
        if q.is_none() && !later_question {
            continue;
        }
        let end = q.map_or(s.wb - 1, |q| q - 1);
        let mut r = d.raw(Rule::StatementFirst, c, end).shape(Shape::Crowd);
        if let Some(q) = q {
            r = r.cut(Cut::KeepFrom(d.words[q]));
        }
        out.push(r);
        return;
    }
}

/// "Some people say X; others say Y." sets two views side by side (the balanced form survey
/// guides recommend), so neither is pressed on the respondent.
fn two_views(d: &Doc, s: &Sent) -> bool {
    let Some(c) = (s.wa..s.wb).find(|&k| d.f(k) & CROWD != 0) else {
        return false;
    };
    (c + 2..s.wb).any(|k| {
        let w = d.w(k);
        w == "others"
            || (w == "other" && d.f_at(k + 1, s) & CROWD != 0)
            || (w == d.w(c) && w == "some")
    })
}
