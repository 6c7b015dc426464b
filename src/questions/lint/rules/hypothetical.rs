//! hypothetical-future: asks what someone would or will do ("Would you use…?", "How much
//! would you pay…?", "Do you think you would…?") instead of what they did. Open "what would
//! you…" probes and likelihood-to-recommend (NPS) questions are not flagged.

use super::{balanced, Raw, Rule};
use crate::questions::lint::lexicon::{AUX, NPS_VERB, REQUEST_VERB};
use crate::questions::lint::tokenizer::{Doc, Sent};

pub(super) fn run(d: &Doc, out: &mut Vec<Raw>) {
    for s in d.sents.iter().filter(|s| s.question) {
        let o = d.head(s);
        let w0 = d.w(o);
        if matches!(w0, "would" | "will") && o + 1 < s.wb {
            // "Would you prefer email or phone?" offers alternatives.
            let choice = matches!(d.w_at(o + 2, s), "prefer" | "rather" | "choose")
                && d.find(o + 3, s.wb, "or").is_some();
            if !polite_request(d, o, s)
                && !choice
                && !matches!(d.w(o + 1), "it" | "that" | "this" | "there")
            {
                out.push(d.raw(Rule::Hypothetical, o, o + 1));
            }
        } else if w0 == "how" {
            let w1 = d.w_at(o + 1, s);
            if w1 == "likely" {
                // "How likely are you to recommend…" is the balanced 0–10 NPS question.
                if !d.any(o + 2, s.wb, NPS_VERB) && !balanced(d, s.wa, s.wb) {
                    out.push(d.raw(Rule::Hypothetical, o, o + 1));
                }
            } else if matches!(w1, "much" | "many") {
                // "How much would you pay for this?"
                if let Some(m) =
                    (o + 2..s.wb.min(o + 5)).find(|&k| matches!(d.w(k), "would" | "will"))
                {
                    if matches!(
                        d.w_at(m + 1, s),
                        "you" | "your" | "people" | "customers" | "users"
                    ) {
                        out.push(d.raw(Rule::Hypothetical, o, m + 1));
                    }
                }
            }
        } else if d.f(o) & AUX != 0 {
            // "Do you think you would have figured it out…?", "Do you think if the product did
            // X it would meet your needs?"
            if let Some(t) = (o + 1..s.wb.min(o + 4)).find(|&k| {
                matches!(
                    d.w(k),
                    "think" | "believe" | "expect" | "imagine" | "suppose" | "guess"
                )
            }) {
                if let Some(m) = (t + 1..s.wb).find(|&k| {
                    let w = d.w(k);
                    matches!(w, "would" | "will" | "you'd" | "they'd" | "it'd" | "we'd")
                }) {
                    out.push(d.raw(Rule::Hypothetical, t, m));
                }
            }
        }
    }
}

/// "Would you mind walking me through…", "Would you tell me…", "Would you be able to…".
fn polite_request(d: &Doc, k: usize, s: &Sent) -> bool {
    let w2 = d.w_at(k + 2, s);
    matches!(w2, "agree" | "say" | "mind")
        || d.f_at(k + 2, s) & REQUEST_VERB != 0
        || (w2 == "be" && matches!(d.w_at(k + 3, s), "able" | "okay" | "ok"))
        || (w2 == "be"
            && d.w_at(k + 3, s) == "willing"
            && d.w_at(k + 4, s) == "to"
            && d.f_at(k + 5, s) & REQUEST_VERB != 0)
        || (d.w_at(k + 1, s) == "you"
            && w2 == "like"
            && d.w_at(k + 3, s) == "to"
            && d.f_at(k + 4, s) & REQUEST_VERB != 0)
}
