//! agreement-seeking: "Don't you think…", "Isn't it…", tag questions ("…, weren't you?",
//! "You weren't paged, were you?", "…, right?"), "surely", "you'd agree that…", and statements
//! asked as questions ("You came home after midnight?").

use super::{Raw, Rule, Shape};
use crate::questions::lint::lexicon::{AUX, MODAL, NEG_AUX, SUBJ_PRONOUN, TAG_WORD, WH};
use crate::questions::lint::tokenizer::{Doc, Sent};

fn tag_pronoun(w: &str) -> bool {
    matches!(
        w,
        "you" | "it" | "they" | "we" | "that" | "this" | "there" | "he" | "she" | "i"
    )
}

pub(super) fn run(d: &Doc, out: &mut Vec<Raw>) {
    for (i, s) in d.sents.iter().enumerate() {
        let o = d.head(s);
        let wh = d.f(o) & WH != 0;
        // "Don't you think we need to speed up?" keeps its lead even when written with a full
        // stop.
        let opinion_ask = d.f(o) & NEG_AUX != 0
            && d.w_at(o + 1, s) == "you"
            && matches!(d.w_at(o + 2, s), "think" | "agree" | "feel" | "believe");
        if (s.question || opinion_ask) && d.f(o) & NEG_AUX != 0 && o + 1 < s.wb {
            // "Isn't it…", "Don't you think…", "Wouldn't a … make …"
            let mut end = o + 1;
            if matches!(
                d.w_at(o + 2, s),
                "think" | "find" | "agree" | "feel" | "love" | "like" | "hate" | "wish" | "believe"
            ) {
                end = o + 2;
            }
            out.push(d.raw(Rule::Agreement, o, end));
        }
        // "Were you not paying attention?", "Did you not see the sign?": the negative question,
        // written in two words.
        if s.question
            && d.f(o) & AUX != 0
            && d.f_at(o + 1, s) & SUBJ_PRONOUN != 0
            && d.w_at(o + 2, s) == "not"
            && o + 3 < s.wb
        {
            out.push(d.raw(Rule::Agreement, o, o + 2));
        }
        put_to_you(d, s, o, out);
        let tagged = s.question && tag(d, i, s, o, wh, out);
        for k in s.wa..s.wb {
            let w = d.w(k);
            if w == "surely" {
                out.push(d.raw(Rule::Agreement, k, k));
            } else if w == "agree" {
                if wh || d.w_at(k + 1, s) == "or" || (k > s.wa && d.w(k - 1) == "or") {
                    continue; // "How strongly do you agree or disagree…" is a scale
                }
                if k > s.wa && matches!(d.w(k - 1), "you" | "you'd" | "we" | "i") {
                    let start = if k >= s.wa + 2 && d.f(k - 2) & (AUX | MODAL | NEG_AUX) != 0 {
                        k - 2
                    } else {
                        k - 1
                    };
                    out.push(d.raw(Rule::Agreement, start, k));
                } else if d.w_at(k + 1, s) == "that" {
                    out.push(d.raw(Rule::Agreement, k, k + 1));
                }
            } else if w == "say"
                && k >= s.wa + 2
                && d.w(k - 1) == "you"
                && matches!(d.w(k - 2), "would" | "wouldn't")
                && (k - 2 == o || d.w(k - 2) == "wouldn't")
            {
                out.push(d.raw(Rule::Agreement, k - 2, k));
            }
        }
        if s.question && !tagged {
            declarative(d, s, out);
        }
    }
}

/// The interviewer's own claim put up for a yes: "Would it be fair to say the meeting went
/// badly?", "Is it accurate to say…", "Am I right that you left early?", "I put it to you
/// that…", "I suggest that you…" (the last two with or without a question mark: in
/// cross-examination they are the question).
fn put_to_you(d: &Doc, s: &Sent, o: usize, out: &mut Vec<Raw>) {
    let w = |k: usize| d.w_at(k, s);
    // "Would it be fair to say", "Is it fair to say", "Isn't it true to say"
    let it_at = if w(o + 1) == "it" && w(o + 2) == "be" {
        Some(o + 3)
    } else if w(o + 1) == "it" {
        Some(o + 2)
    } else {
        None
    };
    if let Some(a) = it_at.filter(|_| s.question) {
        if d.f(o) & (AUX | MODAL | NEG_AUX) != 0
            && matches!(w(a), "fair" | "accurate" | "correct" | "right" | "true")
            && w(a + 1) == "to"
            && w(a + 2) == "say"
        {
            out.push(d.raw(Rule::Agreement, o, a + 2));
            return;
        }
    }
    if s.question && w(o) == "am" && w(o + 1) == "i" && matches!(w(o + 2), "right" | "correct") {
        out.push(d.raw(Rule::Agreement, o, o + 2));
        return;
    }
    let first = d.first_content(s);
    if w(first) == "i" {
        let v = first + 1;
        if w(v) == "put" && w(v + 1) == "it" && w(v + 2) == "to" && w(v + 3) == "you" {
            out.push(d.raw(Rule::Agreement, first, v + 3));
        } else if matches!(w(v), "suggest" | "submit") && matches!(w(v + 1), "that" | "to") {
            out.push(d.raw(Rule::Agreement, first, v + 1));
        }
    }
}

/// Tag questions. Returns whether one was found.
fn tag(d: &Doc, i: usize, s: &Sent, o: usize, wh: bool, out: &mut Vec<Raw>) -> bool {
    let last = s.wb - 1;
    // "…, right?", "…, correct?", and a lone "Right?" after a statement.
    if d.f(last) & TAG_WORD != 0
        && ((last == s.wa && i > 0) || (last > s.wa && d.punct_before(last) == ','))
    {
        out.push(d.raw(Rule::Agreement, last, last).shape(Shape::Tag));
        return true;
    }
    if last < s.wa + 2 {
        return false;
    }
    // "…, isn't that right?", "…, don't you think?", "…, wouldn't you say?"
    if last >= s.wa + 3 && d.f(last - 2) & NEG_AUX != 0 && last - 2 > o {
        let w = d.w(last);
        if (d.w(last - 1) == "that" && matches!(w, "right" | "so" | "true" | "correct"))
            || (d.w(last - 1) == "you"
                && matches!(w, "think" | "agree" | "say" | "feel" | "reckon" | "believe"))
        {
            out.push(d.raw(Rule::Agreement, last - 2, last).shape(Shape::Tag));
            return true;
        }
    }
    // "…, weren't you?", "…, does she?", "…oath haven't you?"
    let a = last - 1;
    if tag_pronoun(d.w(last)) && d.f(a) & (AUX | NEG_AUX | MODAL) != 0 && a > o {
        let comma = d.punct_before(a) == ',';
        let bare_negative = d.f(a) & NEG_AUX != 0 && !wh && d.adjacent(a);
        if comma || bare_negative {
            out.push(d.raw(Rule::Agreement, a, last).shape(Shape::Tag));
            return true;
        }
    }
    false
}

/// "You came home after midnight?", "It rained last night?", "Looking at page one, you see
/// that this is your signature?", "And your ability to see that was the sign?": a statement
/// with a question mark.
fn declarative(d: &Doc, s: &Sent, out: &mut Vec<Raw>) {
    let asked = d.toks.get(s.tb).is_some_and(|t| t.punct == '?');
    if !asked {
        return;
    }
    let first = d.first_content(s);
    // The statement's subject: the first word, or the first word after an introductory
    // phrase ("Looking at page one, you …", "So when you use the term, you mean …").
    let intro_end = (first + 1..s.wb).find(|&k| d.punct_before(k) == ',');
    let o = match intro_end {
        Some(k)
            if d.f(first) & (SUBJ_PRONOUN | AUX | MODAL | NEG_AUX | WH) == 0
                || matches!(d.w(first), "when" | "if" | "after" | "before") =>
        {
            k
        }
        _ => first,
    };
    if s.wb - o < 3 || d.f(o) & AUX != 0 {
        return;
    }
    let pronoun = d.f(o) & SUBJ_PRONOUN != 0;
    // "your ability to see that was …": a possessive noun phrase, then "was"/"is".
    let possessive = matches!(d.w(o), "your" | "his" | "her" | "their")
        && (o + 2..s.wb.min(o + 6)).any(|k| matches!(d.w(k), "was" | "is" | "were" | "are"));
    if !(pronoun || possessive) {
        return;
    }
    // A real question inside ("…, where would you go?") or alternatives ("A or B?") — but a
    // relative clause ("You were the one who deployed it?") is still a statement.
    let inner_question = (o + 1..s.wb).any(|k| {
        d.f(k) & WH != 0
            && (matches!(d.punct_before(k), ',' | ';' | ':' | '-')
                || (d.f_at(k + 1, s) & (AUX | MODAL | NEG_AUX) != 0
                    && d.f_at(k + 2, s) & SUBJ_PRONOUN != 0))
    });
    if inner_question || d.find(o, s.wb, "or").is_some() {
        return;
    }
    out.push(
        d.raw(Rule::Agreement, o, s.wb - 1)
            .shape(Shape::Declarative),
    );
}
