//! loaded-wording: emotional or judgemental words ("the awful alert noise", "so few deploys",
//! "our excellent customer service", "the broken legacy tool").

use super::{balanced, with_opposite, Raw, Rule};
use crate::questions::lint::lexicon::{
    ABSOLUTE, DET, EVAL, IMPERATIVE, LOADED, NEG, POS, PRAISE, SO_ADJ, WH,
};
use crate::questions::lint::tokenizer::{Doc, Sent};

pub(super) fn run(d: &Doc, out: &mut Vec<Raw>) {
    for s in &d.sents {
        let wh_question = s.question && d.f(d.head(s)) & WH != 0;
        // "What did you like, and what did you find frustrating?" asks for both sides.
        let both_poles = balanced(d, s.wa, s.wb);
        for k in s.wa..s.wb {
            let w = d.w(k);
            let f = d.f(k);
            if w == "such"
                && k + 2 < s.wb
                && matches!(d.w(k + 1), "a" | "an")
                && d.adjacent_range(k, k + 2)
                && d.f(k + 2) & (SO_ADJ | EVAL | LOADED | PRAISE) != 0
            {
                // "such a great team", "such an awful week"
                out.push(d.raw(Rule::Loaded, k, k + 2));
            } else if w == "so" && k + 1 < s.wb && d.adjacent(k) && d.f(k + 1) & SO_ADJ != 0 {
                if !matches!(d.w_at(k + 2, s), "that" | "far") {
                    out.push(d.raw(Rule::Loaded, k, k + 1));
                }
            } else if f & LOADED != 0 {
                if superlative_part(d, k, s)
                    || (w == "broken" && !attributive(d, k, s))
                    || (both_poles && (f & (POS | NEG) != 0 || with_opposite(d, k, s.wa, s.wb)))
                    || own_feeling(d, k, s)
                {
                    continue;
                }
                out.push(d.raw(Rule::Loaded, k, k));
            } else if f & PRAISE != 0
                && k > s.wa
                && matches!(
                    d.w(k - 1),
                    "this" | "that" | "our" | "your" | "the" | "these" | "those"
                )
                && k + 1 < s.wb
                && d.adjacent(k)
                && !both_poles
            {
                // "What do you think of this great new feature?"
                out.push(d.raw(Rule::Loaded, k, k));
            } else if f & ABSOLUTE != 0
                && !wh_question
                && (s.question || followed_by_question(d, s))
            {
                out.push(d.raw(Rule::Loaded, k, k));
            }
        }
    }
}

/// "the most frustrating part", "the least annoying thing": asking for the extreme of the
/// interviewee's own experience is a standard open probe.
fn superlative_part(d: &Doc, k: usize, s: &Sent) -> bool {
    k > s.wa
        && matches!(d.w(k - 1), "most" | "least")
        && (k + 1..(k + 3).min(s.wb)).any(|j| {
            matches!(
                d.w(j),
                "part" | "parts" | "thing" | "things" | "aspect" | "aspects"
            )
        })
}

/// "What was frustrating?", "What did you find annoying, if anything?", "Tell me about a time
/// you felt frustrated": the interviewee is asked where they had the feeling, not told they
/// had it about something the interviewer named ("How frustrating is X?", "the frustrating X").
fn own_feeling(d: &Doc, k: usize, s: &Sent) -> bool {
    if !feeling(d.w(k))
        || (k + 1 < s.wb
            && d.adjacent(k)
            && d.f(k + 1) & LOADED == 0
            && !matches!(
                d.w(k + 1),
                "about" | "with" | "in" | "for" | "to" | "when" | "if"
            ))
    {
        return false;
    }
    if (s.wa..s.wb).any(|j| d.w(j) == "anything" && j > s.wa && d.w(j - 1) == "if") {
        return true;
    }
    let head = d.head(s);
    let asks_where = matches!(d.w(head), "what" | "which" | "where" | "when" | "what's")
        && (head + 1..k).all(|j| {
            matches!(
                d.w(j),
                "was"
                    | "is"
                    | "were"
                    | "are"
                    | "did"
                    | "do"
                    | "you"
                    | "find"
                    | "found"
                    | "feel"
                    | "felt"
                    | "most"
                    | "least"
                    | "the"
                    | "part"
                    | "parts"
                    | "thing"
                    | "things"
                    | "got"
                    | "get"
                    | "made"
                    | "makes"
                    | "seemed"
                    | "seems"
            )
        });
    let recounting = d.f(d.first_content(s)) & IMPERATIVE != 0
        && k > s.wa
        && matches!(
            d.w(k - 1),
            "felt" | "feel" | "feeling" | "got" | "get" | "was" | "were"
        );
    asks_where || recounting
}

/// Feelings a person has (as opposed to defects a thing has: "broken", "useless").
pub(super) fn feeling(w: &str) -> bool {
    matches!(
        w,
        "frustrating"
            | "frustrated"
            | "annoying"
            | "annoyed"
            | "confusing"
            | "confused"
            | "painful"
            | "stressful"
            | "stressed"
            | "tedious"
    )
}

/// "the broken legacy tool" (judging) vs "when the build was broken" (describing).
fn attributive(d: &Doc, k: usize, s: &Sent) -> bool {
    k > s.wa && d.f(k - 1) & (DET | LOADED) != 0 && k + 1 < s.wb
}

fn followed_by_question(d: &Doc, s: &Sent) -> bool {
    d.sents.iter().any(|t| t.wa >= s.wb && t.question)
}
