//! scale-anchored: anchors the size or direction of the answer ("How much better…", "On a scale
//! of 1 to 10, how great…"), one-sided rating questions ("How satisfied were you?", "How easy
//! was it?") with no opposite pole, and answer options with more of one side
//! ("Excellent / Great / Good / Fair / Poor").

use super::{balanced, Raw, Rule, Shape};
use crate::questions::lint::lexicon::{COMPARATIVE, EVAL, NEG, POS};
use crate::questions::lint::tokenizer::Doc;

pub(super) fn run(d: &Doc, out: &mut Vec<Raw>) {
    let both_poles = balanced(d, 0, d.words.len());
    for s in &d.sents {
        for k in s.wa..s.wb.saturating_sub(1) {
            let w = d.w(k);
            if w == "how" && d.adjacent(k) {
                let w1 = d.w(k + 1);
                // "How strongly do you support the policy?" (not "…support or oppose…").
                if w1 == "strongly" && k + 2 < s.wb && !both_poles {
                    if let Some(j) = (k + 2..s.wb.min(k + 6)).find(|&j| attitude_verb(d.w(j))) {
                        out.push(d.raw(Rule::Scale, k, j).shape(Shape::OneSided));
                        continue;
                    }
                }
                if (w1 == "much" || w1 == "many") && k + 2 < s.wb {
                    if d.f(k + 2) & COMPARATIVE != 0 {
                        out.push(d.raw(Rule::Scale, k, k + 2));
                        continue;
                    }
                    if both_poles {
                        continue;
                    }
                    if let Some(j) = (k + 2..s.wb).find(|&j| {
                        matches!(
                            d.w(j),
                            "would"
                                | "will"
                                | "could"
                                | "enjoy"
                                | "enjoyed"
                                | "like"
                                | "liked"
                                | "love"
                                | "loved"
                                | "appreciate"
                                | "appreciated"
                                | "hate"
                                | "hated"
                                | "improve"
                                | "improved"
                                | "help"
                                | "helped"
                                | "annoy"
                                | "annoyed"
                                | "frustrate"
                                | "frustrated"
                                | "bother"
                                | "bothered"
                                | "benefit"
                                | "benefited"
                                | "hurt"
                                | "hurts"
                                | "harm"
                                | "harmed"
                                | "damage"
                                | "damaged"
                                | "waste"
                                | "wasted"
                                | "suffer"
                                | "suffered"
                                | "struggle"
                                | "struggled"
                                | "save"
                                | "saved"
                                | "simplify"
                                | "simplified"
                        ) || (attitude_verb(d.w(j)) && subject(d.w(j - 1)))
                    }) {
                        // "How much would you pay…" is a hypothetical, not a scale.
                        if matches!(d.w(j), "would" | "will" | "could")
                            && matches!(d.w_at(j + 1, s), "you" | "your" | "people")
                        {
                            continue;
                        }
                        out.push(d.raw(Rule::Scale, k, j));
                    }
                } else if (d.f(k + 1) & EVAL != 0
                    || (w1 == "high" && (k + 2..s.wb.min(k + 6)).any(|j| d.w(j) == "rate")))
                    && !both_poles
                {
                    out.push(d.raw(Rule::Scale, k, k + 1).shape(Shape::OneSided));
                }
            } else if w == "scale" && k > s.wa && d.w(k - 1) == "a" {
                let start = if k >= s.wa + 2 && d.w(k - 2) == "on" {
                    k - 2
                } else {
                    k - 1
                };
                if let Some(j) = (k + 1..s.wb.saturating_sub(1))
                    .find(|&j| d.w(j) == "how" && (d.f(j + 1) & EVAL != 0 || d.w(j + 1) == "much"))
                {
                    if !both_poles {
                        out.push(d.raw(Rule::Scale, start, j + 1));
                    }
                }
            }
        }
    }
    options(d, out);
}

/// "… Strongly agree / Agree / Somewhat agree / Slightly agree / Disagree / Strongly disagree":
/// count the positive and negative answer options; a difference unbalances the scale.
fn options(d: &Doc, out: &mut Vec<Raw>) {
    let slashes: Vec<usize> = (0..d.toks.len())
        .filter(|&t| d.toks[t].punct == '/')
        .collect();
    if slashes.len() < 2 {
        return;
    }
    // Word index ranges of each option: the 1–2 words around each slash.
    let word_at = |t: usize| d.words.binary_search(&t).ok();
    let mut opts: Vec<(usize, usize)> = Vec::new();
    for (n, &t) in slashes.iter().enumerate() {
        if t == 0 || t + 1 >= d.toks.len() {
            return;
        }
        if n == 0 {
            // The option before the first slash: its last word, plus an intensifier.
            let Some(e) = word_at(t - 1) else { return };
            let b = if e > 0 && d.words[e - 1] + 1 == d.words[e] && intensifier(d.w(e - 1)) {
                e - 1
            } else {
                e
            };
            opts.push((b, e));
        }
        let Some(b) = word_at(t + 1) else { return };
        let e = if b + 1 < d.words.len()
            && d.words[b + 1] == d.words[b] + 1
            && (intensifier(d.w(b)) || slashes.get(n + 1).is_some_and(|&u| u == d.words[b + 1] + 1))
        {
            b + 1
        } else {
            b
        };
        opts.push((b, e));
    }
    let (mut pos, mut neg) = (0, 0);
    for &(b, e) in &opts {
        if (b..=e).any(|k| d.f(k) & NEG != 0) {
            neg += 1;
        } else if (b..=e).any(|k| d.f(k) & POS != 0 || matches!(d.w(k), "excellent" | "great")) {
            pos += 1;
        }
    }
    if pos + neg > 0 && pos != neg {
        let (first, last) = (opts[0].0, opts[opts.len() - 1].1);
        out.push(d.raw(Rule::Scale, first, last).shape(Shape::Options));
    }
}

/// One side of an attitude ("agree", "support", "trust"); its other side ("disagree",
/// "oppose") balances it.
fn attitude_verb(w: &str) -> bool {
    matches!(
        w,
        "agree" | "support" | "favor" | "favour" | "trust" | "value" | "approve" | "admire"
    )
}

/// A subject before an attitude verb ("do you trust"), so the noun in "contact support" is
/// not read as one.
fn subject(w: &str) -> bool {
    matches!(
        w,
        "you" | "i" | "we" | "they" | "people" | "users" | "customers" | "teams"
    )
}

fn intensifier(w: &str) -> bool {
    matches!(
        w,
        "very"
            | "somewhat"
            | "slightly"
            | "strongly"
            | "extremely"
            | "fairly"
            | "quite"
            | "not"
            | "rather"
            | "mostly"
    )
}
