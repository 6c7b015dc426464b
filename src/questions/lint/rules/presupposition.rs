//! presupposition: the question assumes a fact or a feeling ("Why does your team do so few
//! deploys?", "What's broken about the runbook?", "Have you stopped skipping reviews?",
//! "Did you click on that because it's yellow?", "Did you know that X is Y?").

use super::{balanced, Raw, Rule, Shape};
use crate::questions::lint::lexicon::{
    ACCUSE, AUX, BE, BENEFIT, DET, KNOW_VERB, LOADED, MODAL, NEG_AUX, PERSON, PREMISE, PRESUP,
    SO_ADJ, STOP_VERB, SUPERLATIVE, SYSTEM_NOUN, VALENCE,
};
use crate::questions::lint::tokenizer::{Doc, Sent};

pub(super) fn run(d: &Doc, out: &mut Vec<Raw>) {
    for s in &d.sents {
        let o = d.head(s);
        match d.w(o) {
            "why" => why(d, s, o, out),
            "when" => when(d, s, o, out),
            "how" => how(d, s, o, out),
            "what" | "what's" => what(d, s, o, out),
            _ => {}
        }
        biggest_problem(d, s, out);
        liked_about(d, s, out);
        if s.question {
            enjoyed_activity(d, s, o, out);
            witnessed(d, s, o, out);
            admission(d, s, o, out);
            stopped(d, s, o, out);
            claim(d, s, o, out);
            reason(d, s, o, out);
            accusation(d, s, out);
        }
    }
}

/// An adjective-like word after "so"/"too": "so few", "so obsessed", "so readily".
fn intensified(d: &Doc, k: usize, s: &Sent) -> bool {
    if k + 1 >= s.wb || !d.adjacent(k) {
        return false;
    }
    let next = d.w(k + 1);
    match d.w(k) {
        "so" => {
            d.f(k + 1) & SO_ADJ != 0
                || (next.len() > 4
                    && (next.ends_with("ly") || next.ends_with("ed") || next.ends_with("ous")))
        }
        "too" => !matches!(next, "and" | "or" | "but"),
        _ => false,
    }
}

fn why(d: &Doc, s: &Sent, o: usize, out: &mut Vec<Raw>) {
    // "Why did you think it was broken?" asks about their own belief at the time.
    if d.w_at(o + 1, s) == "did"
        && d.w_at(o + 2, s) == "you"
        && matches!(
            d.w_at(o + 3, s),
            "think" | "believe" | "expect" | "assume" | "feel" | "decide" | "suspect" | "conclude"
        )
    {
        return;
    }
    // "Why was it difficult?", "Why is that?": a follow-up on the interviewee's own words.
    let follow_up =
        d.f_at(o + 1, s) & BE != 0 && matches!(d.w_at(o + 2, s), "it" | "that" | "this");
    // "Why was there no canary?", "Why didn't monitoring catch it?", "Why wasn't the bad
    // config caught in staging?", "Why did the alert not fire?": asks about the system, not a
    // person ("Why didn't you / the on-call engineer / Alex …").
    let system_gap = d.f_at(o + 1, s) & (BE | NEG_AUX | AUX) != 0
        && o + 2 < s.wb
        && !person_in_subject(d, s, o + 2);
    for k in o + 1..s.wb {
        let f = d.f(k);
        if k == o + 1 && f & NEG_AUX != 0 {
            if system_gap {
                continue;
            }
            out.push(d.raw(Rule::Presupposition, o, k));
            return;
        }
        if f & PRESUP != 0 && !(system_gap && matches!(d.w(k), "no" | "not")) {
            out.push(d.raw(Rule::Presupposition, o, k));
            return;
        }
        // "Why wasn't the bad config caught?": a system's part, described, not a judgement.
        let described =
            system_gap && f & LOADED == 0 && k > o + 2 && d.f(k - 1) & DET != 0 && d.adjacent(k);
        if f & (VALENCE | LOADED) != 0 && !follow_up && !described {
            out.push(d.raw(Rule::Presupposition, o, k));
            return;
        }
        if intensified(d, k, s) {
            out.push(d.raw(Rule::Presupposition, o, k + 1));
            return;
        }
    }
}

/// A person among the first words of the subject: a pronoun or person noun ("you", "the
/// on-call engineer", "anyone", "your team") or a name ("Alex"), not a tool ("Terraform").
fn person_in_subject(d: &Doc, s: &Sent, from: usize) -> bool {
    let lex = crate::questions::lint::lexicon::get();
    (from..s.wb.min(from + 3)).any(|k| {
        let w = d.w(k);
        (d.f(k) & PERSON != 0 && d.f(k) & SYSTEM_NOUN == 0)
            || matches!(w, "i" | "we" | "us")
            || (d.capitalised(k)
                && d.f(k) == 0
                && lex.topic(w).is_none()
                && w.chars().all(char::is_alphabetic))
    })
}

fn when(d: &Doc, s: &Sent, o: usize, out: &mut Vec<Raw>) {
    // "When did you stop trusting…", "When did your team give up on…"
    for k in o + 1..s.wb.min(o + 6) {
        // "When did the team start ignoring the alerts?"
        let began_failing = matches!(d.w(k), "start" | "started" | "begin" | "began")
            && d.f_at(k + 1, s) & PRESUP != 0;
        if matches!(
            d.w(k),
            "stop" | "stopped" | "quit" | "abandon" | "abandoned" | "lose" | "lost"
        ) || (d.w(k) == "give" && d.w_at(k + 1, s) == "up")
            || began_failing
        {
            out.push(d.raw(Rule::Presupposition, o, k).shape(Shape::Stopped));
            return;
        }
    }
    // "When are you going to admit that you lied?"
    if let Some(g) = d.find(o + 1, s.wb.min(o + 5), "going") {
        if d.w_at(g + 1, s) == "to"
            && matches!(
                d.w_at(g + 2, s),
                "admit"
                    | "confess"
                    | "stop"
                    | "accept"
                    | "realize"
                    | "realise"
                    | "apologize"
                    | "apologise"
                    | "learn"
                    | "own"
            )
        {
            out.push(d.raw(Rule::Presupposition, o, g + 2));
        }
    }
}

fn how(d: &Doc, s: &Sent, o: usize, out: &mut Vec<Raw>) {
    let w1 = d.w_at(o + 1, s);
    if w1 == "long" {
        // "How long have you been unhappy with…"
        if let Some(b) = d.find(o + 2, s.wb, "been") {
            if let Some(k) = (b + 1..s.wb).find(|&k| d.f(k) & (VALENCE | LOADED) != 0) {
                out.push(d.raw(Rule::Presupposition, o, k));
            }
        }
    } else if matches!(w1, "has" | "have") {
        // "How has the new pipeline made your life better?"
        for k in o + 2..s.wb {
            let w = d.w(k);
            let benefit_soon = || (k + 1..s.wb.min(k + 5)).any(|j| d.f(j) & BENEFIT != 0);
            if matches!(
                w,
                "improved" | "helped" | "saved" | "simplified" | "sped" | "reduced"
            ) || (w == "made" && benefit_soon())
            {
                out.push(d.raw(Rule::Presupposition, o, k));
                return;
            }
        }
    } else if matches!(w1, "quickly" | "easily" | "smoothly") {
        // "How quickly were you able to fix it…"
        if (o + 2..s.wb).any(|k| matches!(d.w(k), "able" | "manage" | "managed" | "could")) {
            out.push(d.raw(Rule::Presupposition, o, o + 1));
        }
    }
}

fn what(d: &Doc, s: &Sent, o: usize, out: &mut Vec<Raw>) {
    let mut k = o + 1;
    if d.w(o) == "what" && matches!(d.w_at(k, s), "is" | "was" | "'s") {
        k += 1;
    }
    if matches!(d.w_at(o + 1, s), "makes" | "made" | "make") {
        // "What makes the deploy process so terrible?" (not "What made the issue hard to
        // detect?", which asks what caused a difficulty the interviewee reported).
        for k in o + 2..s.wb {
            if d.f(k) & LOADED != 0 || (d.w(k) == "so" && intensified(d, k, s)) {
                let end = if d.w(k) == "so" { k + 1 } else { k };
                out.push(d.raw(Rule::Presupposition, o, end));
                return;
            }
        }
        return;
    }
    // "What's broken about the runbook?", "What's so frustrating about on-call?", "What's
    // wrong with the deploy script?" (not "What went wrong?")
    if k > o + 1 || d.w(o) == "what's" {
        if d.w_at(k, s) == "so" {
            k += 1;
        }
        let present = d.w(o) == "what's" || d.w_at(o + 1, s) == "is";
        if present && d.w_at(k, s) == "wrong" && d.w_at(k + 1, s) == "with" {
            out.push(d.raw(Rule::Presupposition, o, k));
            return;
        }
        // A feeling asked about ("What's frustrating about that process?") lets them say
        // what; a defect ("What's broken about…") is asserted — unless intensified ("so").
        let intensified_here = d.w_at(k.saturating_sub(1), s) == "so";
        if k < s.wb
            && d.f(k) & LOADED != 0
            && (!super::loaded::feeling(d.w(k)) || intensified_here)
            && matches!(d.w_at(k + 1, s), "about" | "with" | "in")
            && !balanced(d, s.wa, s.wb)
        {
            out.push(d.raw(Rule::Presupposition, o, k));
        }
    }
}

/// "What do you love about the app?", "Tell me what you enjoyed about the launch": presumes the
/// enthusiasm (not "What, if anything, do you enjoy about…", "What did you love and hate…", or
/// the ranking probe "What did you enjoy most about…"). Plain "What do you like about your
/// job?" stays an open probe: sources label it both ways, and interview guides recommend it.
fn liked_about(d: &Doc, s: &Sent, out: &mut Vec<Raw>) {
    let Some(w) = (s.wa..s.wb).find(|&k| d.w(k) == "what") else {
        return;
    };
    let Some(v) = (w + 1..s.wb.min(w + 4)).find(|&k| {
        matches!(
            d.w(k),
            "love" | "loved" | "loves" | "enjoy" | "enjoyed" | "enjoys"
        )
    }) else {
        return;
    };
    if d.w_at(v + 1, s) != "about" || !(w + 1..v).any(|k| d.w(k) == "you") {
        return;
    }
    let hedged = (s.wa..s.wb).any(|k| {
        matches!(
            d.w(k),
            "anything"
                | "dislike"
                | "disliked"
                | "hate"
                | "hated"
                | "most"
                | "least"
                | "best"
                | "worst"
        ) || (d.w(k) == "not" && k > v)
    });
    if !hedged {
        out.push(d.raw(Rule::Presupposition, w, v));
    }
}

/// "Where do you like to party?", "When do you enjoy going for a run?": the question takes the
/// liking for granted and asks only where or when (not "What do you like to do?", which asks
/// what they like).
fn enjoyed_activity(d: &Doc, s: &Sent, o: usize, out: &mut Vec<Raw>) {
    let at = match d.w(o) {
        "where" | "when" => o + 1,
        "how" if matches!(d.w_at(o + 1, s), "often" | "much") => o + 2,
        _ => return,
    };
    if !matches!(d.w_at(at, s), "do" | "did" | "does") || d.w_at(at + 1, s) != "you" {
        return;
    }
    let v = at + 2;
    let liking = matches!(
        d.w_at(v, s),
        "like" | "love" | "enjoy" | "liked" | "loved" | "enjoyed"
    );
    let activity = d.w_at(v + 1, s) == "to" || d.w_at(v + 1, s).ends_with("ing");
    if liking && activity && v + 2 < s.wb {
        out.push(d.raw(Rule::Presupposition, o, v));
    }
}

/// "the biggest problem with…", "the worst part of…"
fn biggest_problem(d: &Doc, s: &Sent, out: &mut Vec<Raw>) {
    for k in s.wa..s.wb.saturating_sub(1) {
        if d.f(k) & SUPERLATIVE != 0
            && d.adjacent(k)
            && matches!(
                d.w(k + 1),
                "problem"
                    | "problems"
                    | "issue"
                    | "issues"
                    | "pain"
                    | "frustration"
                    | "frustrations"
                    | "complaint"
                    | "complaints"
                    | "annoyance"
                    | "flaw"
                    | "flaws"
                    | "weakness"
                    | "headache"
                    | "part"
                    | "thing"
                    | "mistake"
                    | "failure"
            )
            && (d.w(k) == "worst" || !matches!(d.w(k + 1), "part" | "thing"))
        {
            out.push(d.raw(Rule::Presupposition, k, k + 1));
        }
    }
}

/// "Did you see the defendant hit the victim?", "Did you hear him threaten her?": the event is
/// slipped in as a fact and the witness is only asked whether they perceived it ("Did you see
/// the car?" asks about the car, not about an act).
fn witnessed(d: &Doc, s: &Sent, o: usize, out: &mut Vec<Raw>) {
    if d.f(o) & AUX == 0 || d.w_at(o + 1, s) != "you" {
        return;
    }
    let p = o + 2;
    if !matches!(
        d.w_at(p, s),
        "see" | "hear" | "notice" | "watch" | "witness" | "observe"
    ) {
        return;
    }
    for k in p + 2..s.wb.min(p + 6) {
        let w = d.w(k);
        let acting = (w.len() > 5
            && w.ends_with("ing")
            && !matches!(
                w,
                "something"
                    | "anything"
                    | "nothing"
                    | "everything"
                    | "morning"
                    | "evening"
                    | "building"
                    | "meeting"
                    | "parking"
                    | "ceiling"
            ))
            || matches!(
                w,
                "hit"
                    | "take"
                    | "grab"
                    | "push"
                    | "punch"
                    | "kick"
                    | "steal"
                    | "threaten"
                    | "throw"
                    | "leave"
                    | "shoot"
                    | "strike"
                    | "attack"
                    | "break"
                    | "touch"
                    | "hurt"
                    | "drop"
                    | "run"
                    | "flee"
                    | "pull"
                    | "point"
            );
        let one_clause =
            (d.words[p]..d.words[k]).all(|t| !matches!(d.toks[t].punct, ',' | ';' | ':' | '-'));
        if acting && one_clause {
            out.push(d.raw(Rule::Presupposition, o, k));
            return;
        }
    }
}

/// "Are you going to apologize for being late again?", "Will you admit you skipped the
/// checklist?": asking for an admission presumes the fault.
fn admission(d: &Doc, s: &Sent, o: usize, out: &mut Vec<Raw>) {
    if d.f(o) & (AUX | MODAL | NEG_AUX) == 0 || d.w(o) == "how" {
        return;
    }
    if let Some(k) = (o + 1..s.wb.min(o + 5)).find(|&k| {
        matches!(
            d.w(k),
            "admit" | "confess" | "apologize" | "apologise" | "apologizing" | "apologising"
        )
    }) {
        if (o + 1..k).any(|j| d.w(j) == "you") {
            out.push(d.raw(Rule::Presupposition, o, k));
        }
    }
}

/// "Have you stopped skipping reviews?", "Did your team quit writing runbooks?"
fn stopped(d: &Doc, s: &Sent, o: usize, out: &mut Vec<Raw>) {
    if d.w(o) == "when" {
        return; // handled by `when`
    }
    for k in s.wa..s.wb.saturating_sub(1) {
        if d.f(k) & STOP_VERB == 0 {
            continue;
        }
        let next = d.w(k + 1);
        if next.len() > 4 && next.ends_with("ing") && d.adjacent(k) {
            let start = if d.f(o) & (AUX | MODAL) != 0 && o < k {
                o
            } else {
                k
            };
            out.push(
                d.raw(Rule::Presupposition, start, k + 1)
                    .shape(Shape::Stopped),
            );
            return;
        }
    }
}

/// "Did you know that X is a communist?", "Are you aware that…", "You are aware of…?"
fn claim(d: &Doc, s: &Sent, o: usize, out: &mut Vec<Raw>) {
    for k in s.wa..s.wb.saturating_sub(1) {
        if d.f(k) & KNOW_VERB == 0 {
            continue;
        }
        let w = d.w(k);
        let next = d.w(k + 1);
        let know_that = matches!(w, "know" | "realize" | "realise" | "aware")
            && next == "that"
            && k > o
            && d.w(k - 1) != "not";
        let aware_of = w == "aware"
            && next == "of"
            && k >= s.wa + 2
            && d.w(k - 2) == "you"
            && d.f(o) & AUX == 0;
        if know_that || aware_of {
            let start = if d.f(o) & AUX != 0 { o } else { k };
            out.push(
                d.raw(Rule::Presupposition, start, k + 1)
                    .shape(Shape::Claim),
            );
            return;
        }
    }
}

/// A yes/no question that offers its own reason: "Did you click on that because it's yellow?"
fn reason(d: &Doc, s: &Sent, o: usize, out: &mut Vec<Raw>) {
    if d.f(o) & (AUX | MODAL | NEG_AUX) == 0 {
        return;
    }
    if let Some(k) = (o + 1..s.wb).find(|&k| d.f(k) & PREMISE != 0 && d.w(k) == "because") {
        out.push(
            d.raw(Rule::Presupposition, k, s.wb - 1)
                .shape(Shape::Reason),
        );
        return;
    }
    // An opinion question that argues for its side: "Do you support the new policy, which
    // will reduce crime?", "Are you in favor of X in order to protect our children?"
    let opinion = (o + 1..s.wb).any(|k| {
        matches!(
            d.w(k),
            "support" | "favor" | "favour" | "approve" | "oppose" | "agree" | "endorse"
        )
    });
    if !opinion {
        return;
    }
    let justification = (o + 2..s.wb.saturating_sub(1)).find(|&k| {
        (d.w(k) == "which" && d.punct_before(k) == ',' && d.f_at(k + 1, s) & MODAL != 0)
            || (d.w(k) == "in" && d.w(k + 1) == "order" && d.w_at(k + 2, s) == "to")
            || (d.w(k) == "so" && d.w(k + 1) == "that")
    });
    if let Some(k) = justification {
        out.push(
            d.raw(Rule::Presupposition, k, s.wb - 1)
                .shape(Shape::Reason),
        );
    }
}

/// "Why did you steal the money?": an accusation built into the question.
fn accusation(d: &Doc, s: &Sent, out: &mut Vec<Raw>) {
    let Some(k) = (s.wa..s.wb).find(|&k| d.f(k) & ACCUSE != 0) else {
        return;
    };
    if (s.wa..s.wb).any(|j| matches!(d.w(j), "you" | "your" | "you've" | "you're")) {
        out.push(d.raw(Rule::Presupposition, k, k));
    }
}
