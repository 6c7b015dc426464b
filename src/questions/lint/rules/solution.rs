//! solution-pitching: pitches a solution or an idea for approval ("Do you wish X happened
//! automatically?", "Should we build…", "Would it help if…", "What do you think of my idea?",
//! "How might we improve X by adding Y?").

use super::{Raw, Rule};
use crate::questions::lint::lexicon::{
    AUTOMATION, AUX, BENEFIT, BUILD_VERB, DET, EVAL, MODAL, NEG_AUX,
};
use crate::questions::lint::tokenizer::Doc;

pub(super) fn run(d: &Doc, out: &mut Vec<Raw>) {
    for s in d.sents.iter().filter(|s| s.question) {
        let o = d.head(s);
        let closed = d.f(o) & (AUX | MODAL | NEG_AUX) != 0;
        for k in s.wa..s.wb {
            let w = d.w(k);
            let w1 = d.w_at(k + 1, s);
            match w {
                // "Do you wish…", "Don't you ever wish…" (not "What do you wish you had
                // known?" or "tools you wish you had", which ask for their own wishes).
                "wish" | "wished" => {
                    let asked = d.f(o) & (AUX | NEG_AUX | MODAL) != 0
                        && o < k
                        && (o + 1..k).all(|j| {
                            matches!(
                                d.w(j),
                                "you"
                                    | "ever"
                                    | "sometimes"
                                    | "really"
                                    | "not"
                                    | "also"
                                    | "often"
                                    | "your"
                                    | "team"
                            )
                        });
                    if !asked {
                        continue;
                    }
                    let start = o;
                    let end = (k + 1..s.wb)
                        .find(|&j| d.f(j) & AUTOMATION != 0)
                        .unwrap_or(k);
                    out.push(d.raw(Rule::Solution, start, end).aux(k));
                }
                "would" | "wouldn't" | "could" => {
                    if matches!(w1, "it" | "that" | "this") {
                        let w2 = d.w_at(k + 2, s);
                        if matches!(w2, "help" | "helps") {
                            out.push(d.raw(Rule::Solution, k, k + 2));
                        } else if w2 == "be" && d.f_at(k + 3, s) & (BENEFIT | EVAL) != 0 {
                            out.push(d.raw(Rule::Solution, k, k + 3));
                        }
                    } else if k == o && d.f_at(k + 1, s) & DET != 0 {
                        // "Would a Slack integration … help you?"
                        if let Some(j) = (k + 2..s.wb).find(|&j| matches!(d.w(j), "help" | "helps"))
                        {
                            out.push(d.raw(Rule::Solution, k, j));
                        }
                    }
                }
                // "Wouldn't a single pane of glass make your life easier?" (not "What would
                // make this better?", an open probe).
                "make" | "makes" | "making" if closed => {
                    if let Some(j) = (k + 1..s.wb.min(k + 6)).find(|&j| d.f(j) & BENEFIT != 0) {
                        out.push(d.raw(Rule::Solution, k, j));
                    }
                }
                "should" if k == o && k + 1 < s.wb && !all_sides(d, s) => {
                    let end = if k + 2 < s.wb { k + 2 } else { k + 1 };
                    out.push(d.raw(Rule::Solution, k, end));
                }
                // "Do you think we should drop the approval step?", "Would you agree that I
                // should…": our own proposal, put up for a yes.
                "should"
                    if closed
                        && k + 1 < s.wb
                        && d.w_at(o + 1, s) == "you"
                        && matches!(
                            d.w_at(o + 2, s),
                            "think" | "agree" | "feel" | "believe" | "say"
                        )
                        && matches!(d.w(k - 1), "we" | "i")
                        && (k == o + 4 || (k == o + 5 && d.w(o + 3) == "that")) =>
                {
                    out.push(d.raw(Rule::Solution, o, k + 1));
                }
                "how" if w1 == "about" && k + 2 < s.wb && k == o => {
                    out.push(d.raw(Rule::Solution, k, k + 1));
                }
                // "How might we improve X by adding Y?": the answer is already chosen.
                "how"
                    if matches!(w1, "might" | "can" | "could" | "should")
                        && d.w_at(k + 2, s) == "we" =>
                {
                    if let Some(b) = (k + 3..s.wb.saturating_sub(1)).find(|&j| {
                        d.w(j) == "by" && d.w(j + 1).ends_with("ing") && d.w(j + 1).len() > 4
                    }) {
                        out.push(d.raw(Rule::Solution, b, b + 1));
                    }
                }
                "what" if w1 == "if" && k + 2 < s.wb && d.adjacent(k) => {
                    out.push(d.raw(Rule::Solution, k, k + 2));
                }
                "if" if matches!(w1, "we" | "i") && d.f_at(k + 2, s) & BUILD_VERB != 0 => {
                    out.push(d.raw(Rule::Solution, k, k + 2));
                }
                "want" | "wanted"
                    if k >= s.wa + 2
                        && k - 2 == o
                        && d.w(k - 1) == "you"
                        && d.f(k - 2) & (AUX | MODAL | NEG_AUX) != 0 =>
                {
                    out.push(d.raw(Rule::Solution, k - 2, k));
                }
                // "What do you think of my idea?", "Would you use my app?"
                "my" | "our"
                    if matches!(
                        w1,
                        "idea" | "ideas" | "concept" | "prototype" | "pitch" | "invention"
                    ) =>
                {
                    out.push(d.raw(Rule::Solution, k, k + 1));
                }
                _ => {}
            }
        }
    }
}

/// "Should the council spend more, less, or about the same?", "…, or not?": every answer is
/// offered.
fn all_sides(d: &Doc, s: &crate::questions::lint::tokenizer::Sent) -> bool {
    (s.wa + 1..s.wb).any(|k| {
        d.w(k - 1) == "or"
            && matches!(
                d.w(k),
                "not" | "about" | "the" | "neither" | "keep" | "less" | "fewer"
            )
    })
}
