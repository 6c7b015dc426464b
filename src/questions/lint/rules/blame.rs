//! blame: asks who is at fault or why a person acted ("Who broke the deploy?", "Why didn't
//! you test it?", "Why did you merge without a second review?", "How did nobody notice this in
//! staging?", "What were you thinking?"). Incident reviews should ask how the system made the
//! action look reasonable at the time.

use super::{Raw, Rule, Shape};
use crate::questions::lint::lexicon::{
    AUX, BE, BLAME_VERB, DET, INCIDENT_NOUN, LOADED, MODAL, NEG_AUX, PERSON, RISKY, SYSTEM_NOUN,
};
use crate::questions::lint::tokenizer::{Doc, Sent};

pub(super) fn run(d: &Doc, out: &mut Vec<Raw>) {
    for s in d.sents.iter().filter(|s| s.question) {
        let o = d.head(s);
        let r = match d.w(o) {
            "who" | "who's" | "whose" => who(d, s, o),
            "which" => which(d, s, o),
            "why" => why(d, s, o),
            "how" => how(d, s, o),
            "what" => thinking(d, s, o),
            _ => closed(d, s, o),
        };
        if let Some(r) = r
            .or_else(|| hindsight(d, s))
            .or_else(|| counterfactual(d, s))
            .or_else(|| possessive_fault(d, s))
        {
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
    // "Whose idea was it to deploy on a Friday?"
    if w0 == "whose" && matches!(w1, "idea" | "decision" | "call") {
        if let Some(k) = (o + 2..s.wb).find(|&k| d.f(k) & RISKY != 0) {
            return hit(k);
        }
    }
    // "Whose change caused the incident?", "Whose code broke the build?"
    if w0 == "whose" && d.f_at(o + 2, s) & BLAME_VERB != 0 {
        return hit(o + 2);
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
        // "Who was responsible?" on its own: for the outage under review.
        if w2 == "responsible" && o + 3 == s.wb {
            return hit(o + 2);
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
        // "Who signed off on this?"
        "signed" if w2 == "off" && judged_object(d, s, o + 3) => hit(o + 2),
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

/// "Which engineer approved this change?", "Which developer pushed the bad config?": "who",
/// asked through a person noun.
fn which(d: &Doc, s: &Sent, o: usize) -> Option<Raw> {
    let p = o + 1;
    if d.f_at(p, s) & PERSON == 0 || d.f_at(p, s) & SYSTEM_NOUN != 0 {
        return None;
    }
    let v = p + 1;
    let w = d.w_at(v, s);
    let blamed = d.f_at(v, s) & BLAME_VERB != 0
        || (matches!(
            w,
            "pushed" | "merged" | "deployed" | "shipped" | "committed" | "wrote" | "changed"
        ) && judged_object(d, s, v + 1));
    blamed.then(|| d.raw(Rule::Blame, o, v).shape(Shape::Who).aux(v))
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
    // "How could you miss that?", "How did you make this mess?", "How did the engineer miss
    // the alert?"
    let subject_end = if matches!(w2, "you" | "he" | "she" | "they") {
        Some(k)
    } else {
        person_subject(d, s, k)
    };
    if let (Some(e), true) = (subject_end, matches!(w1, "did" | "could")) {
        let v = e + 1;
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

/// Hindsight: "What should you have done differently?", "What could the team have caught
/// earlier?" judge the people by what is known now.
fn hindsight(d: &Doc, s: &Sent) -> Option<Raw> {
    for k in s.wa..s.wb.saturating_sub(3) {
        if !matches!(d.w(k), "should" | "could" | "shouldn't" | "couldn't") {
            continue;
        }
        let subj = if matches!(d.w(k + 1), "you" | "we" | "they" | "he" | "she") {
            Some(k + 1)
        } else {
            person_subject(d, s, k + 1)
        };
        let Some(e) = subj else { continue };
        if d.w_at(e + 1, s) == "have" && e + 2 < s.wb {
            return Some(d.raw(Rule::Blame, k, e + 2).shape(Shape::WhyYou).aux(e + 2));
        }
    }
    None
}

/// Counterfactual hindsight: "If you had tested it, would this have happened?", "Could this
/// have been avoided if the engineer had followed the process?" name the person's omission as
/// the cause.
fn counterfactual(d: &Doc, s: &Sent) -> Option<Raw> {
    let i = (s.wa..s.wb).find(|&k| d.w(k) == "if")?;
    let subj = if matches!(d.w_at(i + 1, s), "you" | "we" | "they" | "he" | "she") {
        Some(i + 1)
    } else {
        person_subject(d, s, i + 1)
    }?;
    if !matches!(d.w_at(subj + 1, s), "had" | "hadn't") || subj + 2 >= s.wb {
        return None;
    }
    let outcome = (s.wa..s.wb).any(|k| {
        matches!(
            d.w(k),
            "avoided" | "prevented" | "happened" | "occurred" | "caught" | "stopped"
        )
    }) && (s.wa..s.wb).any(|k| {
        d.w(k) == "have" && (k.saturating_sub(3).max(s.wa)..k).any(|j| d.f(j) & MODAL != 0)
    });
    outcome.then(|| {
        d.raw(Rule::Blame, i, subj + 2)
            .shape(Shape::WhyYou)
            .aux(subj + 2)
    })
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

/// "Was it your mistake?", "When did you realise your error?", "Is that his fault?": the fault
/// is already assigned to a person (not "What did you learn from mistakes?").
fn possessive_fault(d: &Doc, s: &Sent) -> Option<Raw> {
    let o = d.head(s);
    (s.wa..s.wb.saturating_sub(1))
        .find(|&k| {
            matches!(d.w(k), "your" | "his" | "her" | "their")
                && matches!(
                    d.w(k + 1),
                    "fault" | "mistake" | "error" | "doing" | "blunder"
                )
        })
        .map(|k| {
            let start = if o < k { o } else { k };
            d.raw(Rule::Blame, start, k + 1)
                .shape(Shape::Who)
                .aux(k + 1)
        })
}

/// "Did you cause the outage?", "Did you break the build?"
fn closed(d: &Doc, s: &Sent, o: usize) -> Option<Raw> {
    if d.f(o) & AUX == 0 {
        return None;
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
