//! blame: asks who is at fault or why a person acted ("Who broke the deploy?", "Why didn't
//! you test it?", "Why did you merge without a second review?", "How did nobody notice this in
//! staging?", "What were you thinking?"). Incident reviews should ask how the system made the
//! action look reasonable at the time.

use super::{Raw, Rule, Shape};
use crate::questions::lint::lexicon::{
    AUX, BE, BLAME_VERB, DET, INCIDENT_NOUN, LOADED, NEG_AUX, PERSON, RISKY, SYSTEM_NOUN,
};
use crate::questions::lint::tokenizer::{Doc, Sent};

pub(super) fn run(d: &Doc, out: &mut Vec<Raw>) {
    for s in d.sents.iter().filter(|s| s.question) {
        let o = d.head(s);
        let r = match d.w(o) {
            "who" | "who's" | "whose" => who(d, s, o),
            "why" => why(d, s, o),
            "how" => how(d, s, o),
            "what" => thinking(d, s, o),
            _ => closed(d, s, o),
        };
        if let Some(r) = r {
            out.push(r);
        }
    }
}

fn judged_object(d: &Doc, s: &Sent, from: usize) -> bool {
    (from..s.wb.min(from + 3)).any(|k| {
        matches!(
            d.w(k),
            "bad" | "broken" | "faulty" | "buggy" | "wrong" | "breaking" | "this" | "that" | "it"
        ) || d.f(k) & LOADED != 0
    })
}

/// "this", "the outage", "that mistake" (not "the billing service": ownership is neutral).
fn incident_object(d: &Doc, s: &Sent, x: usize) -> bool {
    matches!(d.w_at(x, s), "this" | "that" | "it")
        || d.f_at(x, s) & INCIDENT_NOUN != 0
        || (d.f_at(x, s) & DET != 0 && d.f_at(x + 1, s) & INCIDENT_NOUN != 0)
}

fn who(d: &Doc, s: &Sent, o: usize) -> Option<Raw> {
    let w0 = d.w(o);
    let w1 = d.w_at(o + 1, s);
    let w2 = d.w_at(o + 2, s);
    let hit = |end: usize| Some(d.raw(Rule::Blame, o, end).shape(Shape::Who).aux(o + 1));
    if w0 == "whose" && matches!(w1, "fault" | "mistake" | "error" | "responsibility") {
        return hit(o + 1);
    }
    // "Who's to blame?", "Who's at fault?", "Who's responsible for this?"
    if w0 == "who's" {
        if (w1 == "to" && w2 == "blame") || (w1 == "at" && w2 == "fault") {
            return hit(o + 2);
        }
        if w1 == "responsible" && w2 == "for" && incident_object(d, s, o + 3) {
            return hit((o + 3).min(s.wb - 1));
        }
        return None;
    }
    if w0 != "who" {
        return None;
    }
    // "Who made the decision to ship without testing?"
    if let Some(k) = (o + 2..s.wb).find(|&k| d.f(k) & RISKY != 0) {
        if d.f_at(o + 1, s) & BE == 0 {
            return hit(k);
        }
    }
    // "Who should be held accountable for the outage?"
    if let Some(k) =
        (o + 1..s.wb).find(|&k| matches!(d.w(k), "accountable" | "blamed" | "punished"))
    {
        return hit(k);
    }
    if d.f_at(o + 1, s) & BE != 0 {
        // "Who is to blame?", "Who was at fault?", "Who is responsible for this outage?"
        if (w2 == "to" && d.w_at(o + 3, s) == "blame")
            || (w2 == "at" && d.w_at(o + 3, s) == "fault")
        {
            return hit(o + 3);
        }
        if w2 == "responsible" && d.w_at(o + 3, s) == "for" && incident_object(d, s, o + 4) {
            return hit((o + 4).min(s.wb - 1));
        }
        return None;
    }
    match w1 {
        // "Who let this happen?" (not "Who let you know?")
        "let" | "allowed" => {
            if matches!(w2, "this" | "that" | "it") {
                return hit(o + 2);
            }
            None
        }
        // "Who did this?"
        "did" if matches!(w2, "this" | "that" | "it") && o + 3 == s.wb => hit(o + 2),
        // "Who made a mistake?"
        "made" if (o + 2..s.wb.min(o + 5)).any(|k| d.f(k) & INCIDENT_NOUN != 0) => {
            let k = (o + 2..s.wb)
                .find(|&k| d.f(k) & INCIDENT_NOUN != 0)
                .unwrap_or(o + 1);
            hit(k)
        }
        // "Who pushed the bad config?", "Who merged this?"
        "pushed" | "merged" | "deployed" | "shipped" | "committed" | "wrote" | "changed"
        | "introduced" | "deleted" | "removed" | "disabled"
            if judged_object(d, s, o + 2) =>
        {
            hit(o + 1)
        }
        _ if d.f_at(o + 1, s) & BLAME_VERB != 0 && !matches!(w1, "let" | "allowed") => {
            let end = if w2 == "up" { o + 2 } else { o + 1 };
            hit(end)
        }
        _ => None,
    }
}

/// The subject after "why did/didn't": a person ("you", "the engineer", "Alex"), not a
/// system ("monitoring", "the canary"). Returns the last word of the subject.
fn person_subject(d: &Doc, s: &Sent, k: usize) -> Option<usize> {
    if k >= s.wb {
        return None;
    }
    let f = d.f(k);
    if f & PERSON != 0 && f & SYSTEM_NOUN == 0 {
        return Some(k);
    }
    if f & DET != 0 && d.f_at(k + 1, s) & PERSON != 0 && d.f_at(k + 1, s) & SYSTEM_NOUN == 0 {
        return Some(k + 1);
    }
    let lex = crate::questions::lint::lexicon::get();
    if d.capitalised(k)
        && f == 0
        && lex.topic(d.w(k)).is_none()
        && d.w(k).chars().all(char::is_alphabetic)
    {
        return Some(k); // a name ("Why didn't Alex…"), not a tool ("Why didn't Terraform…")
    }
    None
}

fn why(d: &Doc, s: &Sent, o: usize) -> Option<Raw> {
    let w1 = d.w_at(o + 1, s);
    let subj = person_subject(d, s, o + 2)?;
    let verb = subj + 1;
    let hit = |end: usize| {
        Some(
            d.raw(Rule::Blame, o, end)
                .shape(Shape::WhyYou)
                .aux(verb.min(s.wb - 1)),
        )
    };
    // "Why didn't you test it?", "Why wasn't the on-call engineer paged?" — the past, a person.
    if d.f_at(o + 1, s) & NEG_AUX != 0
        && matches!(
            w1,
            "didn't"
                | "didnt"
                | "wasn't"
                | "wasnt"
                | "weren't"
                | "werent"
                | "hadn't"
                | "hadnt"
                | "couldn't"
                | "couldnt"
                | "wouldn't"
                | "wouldnt"
        )
    {
        return hit(subj);
    }
    // "Why did you merge without a second review?", "Why did you do it that way?",
    // "Why would you push on a Friday?"
    if matches!(w1, "did" | "would") {
        for k in verb..s.wb {
            let w = d.w(k);
            let that_way = (w == "that" || w == "this") && d.w_at(k + 1, s) == "way";
            let do_that = k == verb
                && w == "do"
                && matches!(d.w_at(k + 1, s), "that" | "this" | "it")
                && (k + 2 == s.wb || d.w_at(k + 2, s) == "that");
            let blamed_act = k == verb && d.f(k) & BLAME_VERB != 0;
            if d.f(k) & RISKY != 0 || blamed_act || that_way || do_that {
                let end = if that_way { k + 1 } else { k };
                return hit(end);
            }
        }
    }
    None
}

fn how(d: &Doc, s: &Sent, o: usize) -> Option<Raw> {
    let w1 = d.w_at(o + 1, s);
    if !matches!(w1, "did" | "could" | "come" | "was" | "were" | "is") {
        return None;
    }
    let k = o + 2;
    let w2 = d.w_at(k, s);
    let hit = |end: usize| Some(d.raw(Rule::Blame, o, end).shape(Shape::HowCome).aux(end));
    // "How did nobody notice this in staging?"
    if matches!(w2, "nobody" | "no-one") {
        return hit(k);
    }
    if w2 == "no" && d.w_at(k + 1, s) == "one" {
        return hit(k + 1);
    }
    // "How could you miss that?", "How did you make this mess?"
    if matches!(w2, "you" | "he" | "she" | "they") && matches!(w1, "did" | "could") {
        let v = k + 1;
        if d.f_at(v, s) & BLAME_VERB != 0 || d.w_at(v, s) == "not" {
            return hit(v);
        }
        if matches!(d.w_at(v, s), "make" | "cause")
            && (v + 1..s.wb.min(v + 4)).any(|j| d.f(j) & INCIDENT_NOUN != 0)
        {
            return hit(v);
        }
    }
    None
}

/// "What were you thinking?", "What the heck were you thinking?"
fn thinking(d: &Doc, s: &Sent, o: usize) -> Option<Raw> {
    let t = d.find(o + 1, s.wb, "thinking")?;
    if t + 1 == s.wb
        && t >= o + 3
        && matches!(d.w(t - 2), "were" | "was")
        && matches!(d.w(t - 1), "you" | "he" | "she" | "they")
    {
        return Some(d.raw(Rule::Blame, o, t).shape(Shape::WhyYou).aux(t));
    }
    None
}

/// "Was it your mistake?", "Did you cause the outage?", "Did you break the build?"
fn closed(d: &Doc, s: &Sent, o: usize) -> Option<Raw> {
    if d.f(o) & AUX == 0 {
        return None;
    }
    for k in o + 1..s.wb.saturating_sub(1) {
        if matches!(d.w(k), "your" | "his" | "her" | "their")
            && matches!(d.w(k + 1), "fault" | "mistake" | "error" | "doing")
        {
            return Some(d.raw(Rule::Blame, o, k + 1).shape(Shape::Who).aux(k + 1));
        }
    }
    if d.w_at(o + 1, s) == "you"
        && matches!(
            d.w_at(o + 2, s),
            "cause"
                | "break"
                | "forget"
                | "ignore"
                | "skip"
                | "mess"
                | "screw"
                | "botch"
                | "bypass"
        )
    {
        return Some(d.raw(Rule::Blame, o, o + 2).shape(Shape::Who).aux(o + 2));
    }
    None
}
