//! double-barreled: two questions in one turn ("How do you write runbooks and how do you keep
//! them up to date?"), or two things to judge in one closed question ("Are the dashboards
//! clear and up to date?", "Should we cut pages and add dashboards?").

use super::{Cut, Raw, Rule, Shape};
use crate::questions::lint::lexicon::{
    self, APPROVAL, AUX, BE, CONJ, DET, EVAL, FUNCTION, MODAL, NEG, NEG_AUX, POS, PREP,
    PROCESS_VERB, SUBJ_PRONOUN, WH,
};
use crate::questions::lint::tokenizer::{Doc, Sent};

pub(super) fn run(d: &Doc, out: &mut Vec<Raw>) {
    let mut prev_q: Option<usize> = None;
    for (i, s) in d.sents.iter().enumerate() {
        if !s.question {
            continue;
        }
        two_questions(d, s, prev_q, out);
        prev_q = Some(i);
        let o = d.first_content(s);
        let found = second_ask(d, s, o, out) || process_pair(d, s, o, out) || think_of(d, s, out);
        if !found {
            judged_pair(d, s, out);
        }
    }
}

/// Two questions in a row, unless the second is a short follow-up ("If so, how?").
fn two_questions(d: &Doc, s: &Sent, prev: Option<usize>, out: &mut Vec<Raw>) {
    let Some(p) = prev else { return };
    let ps = &d.sents[p];
    let n = s.wb - s.wa;
    let first = d.w(s.wa);
    let conj_start = d.f(s.wa) & CONJ != 0 && n > 2 && d.w(s.wa + 1) != "if";
    let follow_up =
        n <= 5 || (first == "if" && matches!(d.w_at(s.wa + 1, s), "so" | "not" | "yes" | "no"));
    let prev_closed = d.f(d.first_content(ps)) & (AUX | MODAL) != 0;
    let prev_tiny = ps.wb - ps.wa <= 2;
    if conj_start || !(follow_up || prev_closed || prev_tiny) {
        out.push(
            d.raw(Rule::DoubleBarreled, s.wa, s.wb - 1)
                .cut(Cut::KeepThrough(ps.tb)),
        );
    }
}

/// Both poles named in the two halves: "what do you enjoy, and what do you find challenging?"
/// Also "what went well, and what could have gone better / didn't?" (a retrospective pair).
fn opposite_halves(d: &Doc, s: &Sent, k: usize) -> bool {
    let improves = (k..s.wb).any(|j| {
        d.f(j) & NEG_AUX != 0 || matches!(d.w(j), "not" | "better" | "improve" | "improved")
    });
    (d.any(s.wa, k, POS) && (d.any(k, s.wb, NEG) || improves))
        || (d.any(s.wa, k, NEG) && d.any(k, s.wb, POS))
}

/// "…and how do you keep them up to date?", "…and did the action items get done?"
fn second_ask(d: &Doc, s: &Sent, o: usize, out: &mut Vec<Raw>) -> bool {
    for k in s.wa + 1..s.wb.saturating_sub(1) {
        if d.w(k) != "and" || k <= o {
            continue;
        }
        let n1 = k + 1;
        let wh_ask = d.f(n1) & WH != 0
            && n1 + 1 < s.wb
            && d.f(n1 + 1) & SUBJ_PRONOUN == 0
            && !matches!(d.w(n1 + 1), "your" | "the" | "to");
        let aux_ask = d.f(n1) & (AUX | MODAL) != 0
            && matches!(
                d.w_at(n1 + 1, s),
                "you"
                    | "your"
                    | "the"
                    | "they"
                    | "it"
                    | "we"
                    | "anyone"
                    | "a"
                    | "an"
                    | "any"
                    | "there"
                    | "people"
            );
        if (wh_ask || aux_ask) && !opposite_halves(d, s, k) {
            let tok = d.words[k];
            let cut_at = if tok > 0 && d.toks[tok - 1].punct == ',' {
                tok - 1
            } else {
                tok
            };
            out.push(
                d.raw(Rule::DoubleBarreled, k, s.wb - 1)
                    .cut(Cut::KeepBefore(cut_at)),
            );
            return true;
        }
    }
    false
}

/// "How do you deploy and monitor your services?"
fn process_pair(d: &Doc, s: &Sent, o: usize, out: &mut Vec<Raw>) -> bool {
    if d.f(o) & WH == 0 {
        return false;
    }
    for k in o + 1..s.wb.saturating_sub(3) {
        if matches!(
            d.w(k),
            "you" | "team" | "they" | "we" | "teams" | "engineers" | "people"
        ) && d.f(k + 1) & PROCESS_VERB != 0
            && d.w(k + 2) == "and"
            && d.f(k + 3) & PROCESS_VERB != 0
        {
            out.push(
                d.raw(Rule::DoubleBarreled, k + 1, k + 3)
                    .cut(Cut::Remove(d.words[k + 2], d.words[k + 3])),
            );
            return true;
        }
    }
    false
}

/// "What do you think of the CI system and the code review process?", "How do you rate the
/// speed and stability of the build?", "How would you describe your experience with A and B?":
/// one opinion asked about two things.
fn think_of(d: &Doc, s: &Sent, out: &mut Vec<Raw>) -> bool {
    // Closed questions ("Are you satisfied with your job and your salary?") are `judged_pair`'s.
    if d.f(d.head(s)) & WH == 0 {
        return false;
    }
    let lex = lexicon::get();
    for k in s.wa..s.wb.saturating_sub(2) {
        let w = d.w(k);
        let next = d.w(k + 1);
        let judging = (matches!(w, "think" | "feel") && matches!(next, "of" | "about"))
            || matches!(w, "rate" | "rank" | "grade")
            || (matches!(w, "experience" | "experiences" | "satisfied" | "happy")
                && next == "with")
            || (matches!(w, "opinion" | "opinions" | "view" | "views") && next == "of");
        if !judging {
            continue;
        }
        let blocker = SUBJ_PRONOUN | AUX | MODAL | NEG_AUX | WH | FUNCTION;
        for j in k + 3..s.wb.saturating_sub(1) {
            if d.w(j) != "and" || !d.adjacent(j - 1) || !d.adjacent(j) {
                continue;
            }
            let l = j - 1;
            let mut r = j + 1;
            if d.f(r) & DET != 0 && r + 1 < s.wb {
                r += 1;
            }
            if d.f(l) & blocker != 0 || d.f(r) & blocker != 0 || lex.is_pair(d.w(l), d.w(r)) {
                return false;
            }
            out.push(
                d.raw(Rule::DoubleBarreled, j, s.wb - 1)
                    .cut(Cut::KeepBefore(d.words[j])),
            );
            return true;
        }
        return false;
    }
    false
}

/// Two things to judge in one closed or rating question: "Are the dashboards clear and up to
/// date?", "How satisfied are you with your pay and benefits?", "Do you support X and Y?"
fn judged_pair(d: &Doc, s: &Sent, out: &mut Vec<Raw>) {
    let o = d.head(s);
    let closed = d.f(o) & (AUX | MODAL | NEG_AUX) != 0;
    // "How fast and reliable is the build?": two qualities, whatever they are.
    let rating = d.w(o) == "how"
        && (matches!(d.w_at(o + 1, s), "much" | "likely" | "strongly")
            || d.f_at(o + 1, s) & (EVAL | APPROVAL) != 0
            || (d.w_at(o + 2, s) == "and" && d.f_at(o + 4, s) & (BE | AUX) != 0));
    if !(closed || rating) || d.is_request(s) {
        return;
    }
    if d.find(s.wa, s.wb, "between").is_some() {
        return;
    }
    let lex = lexicon::get();
    for k in o + 2..s.wb.saturating_sub(1) {
        if d.w(k) != "and" || !d.adjacent(k - 1) || !d.adjacent(k) {
            continue;
        }
        let l = k - 1;
        let mut r = k + 1;
        let blocker = SUBJ_PRONOUN | AUX | MODAL | NEG_AUX | WH;
        if d.f(l) & (FUNCTION | blocker) != 0 && d.w(l) != "it" {
            continue;
        }
        if d.f(r) & DET != 0 && r + 1 < s.wb {
            r += 1;
        }
        let (lw, rw) = (d.w(l), d.w(r));
        if d.f(r) & (FUNCTION | blocker) != 0 && rw != "up" {
            continue;
        }
        if (d.capitalised(l) && d.capitalised(r) && l > s.wa)
            || lex.is_pair(lw, rw)
            || lw.starts_with(|c: char| c.is_ascii_digit())
            || rw.starts_with(|c: char| c.is_ascii_digit())
            || (d.f(l) & POS != 0 && d.f(r) & NEG != 0)
            || (d.f(l) & NEG != 0 && d.f(r) & POS != 0)
        {
            continue;
        }
        let end = right_end(d, s, l, k, r);
        out.push(
            d.raw(Rule::DoubleBarreled, l, r)
                .shape(Shape::Pair)
                .cut(Cut::Remove(d.words[k], d.words[end])),
        );
        return;
    }
}

/// Where the second conjunct ends, for the rewrite that keeps only the first one.
fn right_end(d: &Doc, s: &Sent, l: usize, k: usize, r: usize) -> usize {
    let last = s.wb - 1;
    if d.w(k + 1) == "up" && d.w_at(k + 2, s) == "to" && d.w_at(k + 3, s) == "date" {
        return k + 3;
    }
    if r > k + 1 {
        // "your job and your salary": the noun phrase after the determiner.
        let mut e = r;
        while e < last && d.adjacent(e) && d.f(e + 1) & (PREP | FUNCTION) == 0 {
            e += 1;
        }
        return e;
    }
    let next_is_content = r < last && d.adjacent(r) && d.f(r + 1) & (PREP | FUNCTION) == 0;
    if !next_is_content {
        return r; // "fair and effective?"
    }
    // "federal and state income tax returns", "collecting and analysing data": a shared head
    // follows, so drop only the second modifier. "reduce taxes and increase spending on
    // education": the first conjunct is complete, so drop the rest of the question.
    let shared = (d.w(l).ends_with("ing") && d.w(r).ends_with("ing"))
        || !(d.w(l).ends_with('s') || d.f(r) & PROCESS_VERB != 0);
    if shared {
        r
    } else {
        last
    }
}
