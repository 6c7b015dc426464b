//! confirmation-seeking: a closed yes/no question that asks the interviewee to confirm a
//! problem or feeling you named ("Do you have problems with Chef?"), or to approve
//! ("Do you like the dashboard?", "Was the help from SRE good enough?", "Do you rely on the
//! CLI a lot?").

use super::{balanced, Raw, Rule, Shape};
use crate::questions::lint::lexicon::{APPROVAL, AUX, BE, FUNCTION, INTENSIFIER, PERSON, VALENCE};
use crate::questions::lint::tokenizer::{Doc, Sent};

pub(super) fn run(d: &Doc, out: &mut Vec<Raw>) {
    for s in d.sents.iter().filter(|s| s.question) {
        let o = d.head(s);
        if d.f(o) & AUX == 0 || d.is_request(s) {
            continue;
        }
        // "Was it easy or difficult…?" offers both sides.
        if balanced(d, s.wa, s.wb) && d.find(o, s.wb, "or").is_some() {
            continue;
        }
        // "Is there anything you valued?" lets them say what; "Is that clear?" checks the
        // instructions were understood.
        let existential = d.w_at(o + 1, s) == "there"
            && matches!(
                d.w_at(o + 2, s),
                "any" | "anything" | "anyone" | "anybody" | "something" | "someone"
            );
        let check_in = s.wb == o + 3
            && matches!(d.w(o + 1), "that" | "this" | "everything" | "it")
            && matches!(d.w(o + 2), "clear" | "okay" | "ok" | "fine" | "alright");
        if existential || check_in {
            continue;
        }
        for k in o + 1..s.wb {
            let f = d.f(k);
            let w = d.w(k);
            if compared(d, k, s) {
                continue;
            }
            // "Has the problem happened before?" refers to a problem already on the table.
            let known = matches!(
                w,
                "problem" | "problems" | "issue" | "issues" | "trouble" | "difficulty" | "pain"
            ) && k > o + 1
                && matches!(d.w(k - 1), "the" | "this" | "that" | "these" | "those");
            if f & VALENCE != 0 && !(w == "like" || w == "likes") && !known {
                let shape = if f & APPROVAL != 0 {
                    Shape::Approval
                } else {
                    Shape::Plain
                };
                out.push(d.raw(Rule::Confirmation, o, k).shape(shape));
                break;
            }
            // "Was the rollback fast enough?", "Was the runbook detailed enough?" (not "Did you
            // have enough time?")
            if w == "enough"
                && k > o + 2
                && d.adjacent(k - 1)
                && d.f(k - 1) & (FUNCTION | AUX | BE) == 0
                && !matches!(d.w(k - 1), "have" | "had" | "get" | "got" | "long")
            {
                out.push(d.raw(Rule::Confirmation, o, k).shape(Shape::Approval));
                break;
            }
            // "Did the new runbook help?", "Does that work for you?": approval of a thing (not
            // "Did anyone help you?", which asks who).
            let approving_verb = (matches!(w, "help" | "helped" | "helps")
                && (k + 1 == s.wb || matches!(d.w_at(k + 1, s), "you" | "your")))
                || (matches!(w, "work" | "works" | "worked")
                    && d.w_at(k + 1, s) == "for"
                    && d.w_at(k + 2, s) == "you");
            if approving_verb && !(o + 1..k).any(|j| d.f(j) & PERSON != 0) {
                out.push(d.raw(Rule::Confirmation, o, k).shape(Shape::Approval));
                break;
            }
            // "Did the training meet your expectations?"
            if matches!(
                w,
                "meet" | "met" | "meets" | "exceed" | "exceeded" | "exceeds"
            ) && (k + 1..s.wb.min(k + 4)).any(|j| d.w(j) == "expectations")
            {
                out.push(d.raw(Rule::Confirmation, o, k).shape(Shape::Approval));
                break;
            }
            // "Do you prefer the new UI?" offers one side only ("…or the old one?" is fine).
            if matches!(w, "prefer" | "prefers" | "preferred")
                && !(k + 1..s.wb).any(|j| matches!(d.w(j), "or" | "over" | "to" | "than"))
            {
                out.push(d.raw(Rule::Confirmation, o, k).shape(Shape::Approval));
                break;
            }
            if f & APPROVAL != 0 && approval_word(d, k, s) {
                out.push(d.raw(Rule::Confirmation, o, k).shape(Shape::Approval));
                break;
            }
            // "Is the new layout an improvement?", "Was the migration a success?"
            if d.f(o) & BE != 0
                && matches!(
                    w,
                    "improvement" | "success" | "win" | "upgrade" | "failure" | "mistake"
                )
                && (k.saturating_sub(2).max(o + 1)..k).any(|j| matches!(d.w(j), "a" | "an"))
            {
                out.push(d.raw(Rule::Confirmation, o, k).shape(Shape::Approval));
                break;
            }
            if w == "too" && k + 1 < s.wb && d.adjacent(k) {
                out.push(d.raw(Rule::Confirmation, o, k + 1));
                break;
            }
            // "Do you rely on the CLI a lot?", "Do you really need…"
            if (w == "a" && d.w_at(k + 1, s) == "lot" && k + 2 == s.wb) || f & INTENSIFIER != 0 {
                let end = if w == "a" { k + 1 } else { k };
                out.push(d.raw(Rule::Confirmation, o, end).shape(Shape::Approval));
                break;
            }
        }
    }
}

/// "more useful than others", "less painful": a comparison, not a judgement to confirm.
fn compared(d: &Doc, k: usize, s: &Sent) -> bool {
    (k > s.wa && matches!(d.w(k - 1), "more" | "less" | "most" | "least"))
        || d.w_at(k + 1, s) == "than"
}

/// "like" as a verb of approval, not "feel like", "you'd like to", "looks like".
fn approval_word(d: &Doc, k: usize, s: &Sent) -> bool {
    let w = d.w(k);
    let prev = if k > s.wa { d.w(k - 1) } else { "" };
    if w == "well" {
        return !matches!(prev, "as" | "very");
    }
    if !matches!(w, "like" | "likes" | "liked") {
        return true;
    }
    // "imagine it like a movie": a comparison, not approval.
    if matches!(d.w_at(k + 1, s), "a" | "an") {
        return false;
    }
    !(matches!(
        prev,
        "feel"
            | "feels"
            | "felt"
            | "look"
            | "looks"
            | "looked"
            | "sound"
            | "sounds"
            | "seem"
            | "seems"
            | "be"
            | "is"
            | "was"
            | "it's"
            | "just"
            | "would"
            | "something"
            | "anything"
            | "more"
            | "things"
            | "thing"
    ) || prev.ends_with("'d"))
}
