//! Leading-question checker for interview questions.
//!
//! Self-contained: depends only on `std` and `serde`. The text is tokenised
//! once (words are lower-cased and classified through a small lexicon), split
//! into sentences, and then every rule is a hand-written pattern over the
//! classified word sequence. No regular expressions.
//!
//! All spans are byte offsets into the original input and always fall on
//! `char` boundaries (they are taken from `char_indices`).

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;
use ts_rs::TS;

/// Byte range into the checked question, `end` exclusive, on char boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One reason a question may lead the interviewee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LintFinding {
    /// Rule id, one of the ids in [`RULES`].
    pub rule: String,
    /// The words that trigger the rule.
    pub span: Span,
    /// The text of `span`.
    pub trigger: String,
    /// Why this leads the interviewee.
    pub explanation: String,
    /// A suggested non-leading rewrite of the whole question.
    pub suggestion: String,
}

/// `(rule id, one-line description)` for every rule, in a stable order.
pub const RULES: &[(&str, &str)] = &[
    (
        "confirmation-seeking",
        "A closed yes/no question that asks the interviewee to confirm a problem or feeling you already named.",
    ),
    (
        "loaded-wording",
        "Emotional or judgemental words (terrible, obviously, always, hate, so slow…) that signal the answer you expect.",
    ),
    (
        "presupposition",
        "Assumes a fact is true, usually a negative one (\"Why does your team do so few deploys?\").",
    ),
    (
        "hypothetical-future",
        "Asks what someone would or will do instead of what they actually did.",
    ),
    (
        "agreement-seeking",
        "Invites agreement: \"don't you think\", \"isn't it\", \"…, right?\", \"surely\".",
    ),
    (
        "double-barreled",
        "Two questions in one turn, so only one of them gets a real answer.",
    ),
    (
        "solution-pitching",
        "Pitches a solution for approval (\"Do you wish X happened automatically?\", \"Should we build…\").",
    ),
    (
        "scale-anchored",
        "Anchors the size or direction of the answer (\"How much better…\", \"On a scale… how great\").",
    ),
    (
        "statement-before-question",
        "An opinion or assertion placed before the question, which frames the answer.",
    ),
];

/// Check one question. Returns an empty vector for a non-leading question.
/// Findings are sorted by `span.start` and deduplicated.
pub fn check(question: &str) -> Vec<LintFinding> {
    let doc = Doc::new(question);
    let raws = detect(&doc);
    if raws.is_empty() {
        return Vec::new();
    }
    let mut cache: [Option<String>; 9] = Default::default();
    let mut subject: Option<Subject> = None;
    raws.iter()
        .map(|r| {
            let subj = subject.get_or_insert_with(|| Subject::of(&doc));
            let suggestion = cache[r.rule as usize]
                .get_or_insert_with(|| suggest(&doc, r, subj))
                .clone();
            let (start, end) = doc.byte_span(r);
            let trigger = question[start..end].to_string();
            LintFinding {
                rule: r.rule.id().to_string(),
                explanation: explain(r.rule, &trigger),
                span: Span { start, end },
                trigger,
                suggestion,
            }
        })
        .collect()
}

/// `true` when [`check`] would report at least one finding.
pub fn is_leading(question: &str) -> bool {
    !detect(&Doc::new(question)).is_empty()
}

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Rule {
    Confirmation = 0,
    Loaded,
    Presupposition,
    Hypothetical,
    Agreement,
    DoubleBarreled,
    Solution,
    Scale,
    StatementFirst,
}

impl Rule {
    fn id(self) -> &'static str {
        RULES[self as usize].0
    }
}

/// How a double-barreled question can be split back into its first ask.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cut {
    None,
    /// Keep the text up to and including this token (a terminator).
    KeepThrough(usize),
    /// Keep the text before this token and end it with "?".
    KeepBefore(usize),
    /// Remove tokens `a..=b`.
    Remove(usize, usize),
}

/// A finding before it is turned into text: token range `ts..=te`.
#[derive(Clone, Copy, Debug)]
struct Raw {
    rule: Rule,
    ts: usize,
    te: usize,
    cut: Cut,
    /// Rule-specific word index (e.g. the "wish" in solution-pitching).
    aux: usize,
}

fn explain(rule: Rule, trigger: &str) -> String {
    let t = trigger.trim();
    match rule {
        Rule::Confirmation => format!(
            "\u{201c}{t}\u{201d} asks the interviewee to confirm a problem or feeling you already named, and most people politely agree. Ask what actually happened instead."
        ),
        Rule::Loaded => format!(
            "\u{201c}{t}\u{201d} is emotional or judgemental wording that tells the interviewee what you think. They tend to echo it instead of describing their own experience."
        ),
        Rule::Presupposition => format!(
            "\u{201c}{t}\u{201d} assumes something is already true, so the interviewee has to defend or explain it rather than describe what happens. Start from a concrete recent example."
        ),
        Rule::Hypothetical => format!(
            "\u{201c}{t}\u{201d} asks about imagined future behaviour; people are poor predictors of what they would do and tend to say yes. Ask about what they did in the past."
        ),
        Rule::Agreement => format!(
            "\u{201c}{t}\u{201d} signals the answer you want and invites the interviewee to agree with you. Ask an open question about their own experience."
        ),
        Rule::DoubleBarreled => format!(
            "\u{201c}{t}\u{201d} packs a second question into the same turn, so usually only one of them gets answered. Ask one thing at a time."
        ),
        Rule::Solution => format!(
            "\u{201c}{t}\u{201d} pitches a solution and asks for approval, which tells you little about the underlying need. Ask how they handle the task today."
        ),
        Rule::Scale => format!(
            "\u{201c}{t}\u{201d} anchors the answer on a size or improvement you have already assumed. Ask what happened and let them judge the size themselves."
        ),
        Rule::StatementFirst => format!(
            "\u{201c}{t}\u{201d} states an opinion before the question, which frames it and hints at the expected answer. Drop the statement and ask about their experience."
        ),
    }
}

fn detect(d: &Doc) -> Vec<Raw> {
    let mut out = Vec::new();
    if d.words.is_empty() {
        return out;
    }
    confirmation(d, &mut out);
    loaded(d, &mut out);
    presupposition(d, &mut out);
    hypothetical(d, &mut out);
    agreement(d, &mut out);
    double_barreled(d, &mut out);
    solution(d, &mut out);
    scale(d, &mut out);
    statement_first(d, &mut out);
    if out.len() > 1 {
        // Sort by start, longest first, then drop same-rule findings that are
        // contained in an already kept one (this also removes exact duplicates).
        out.sort_by(|a, b| (a.ts, b.te, a.rule).cmp(&(b.ts, a.te, b.rule)));
        let mut kept: Vec<Raw> = Vec::with_capacity(out.len());
        for r in out {
            if !kept
                .iter()
                .any(|k| k.rule == r.rule && k.ts <= r.ts && r.te <= k.te)
            {
                kept.push(r);
            }
        }
        kept.sort_by_key(|a| (a.ts, a.rule, a.te));
        out = kept;
    }
    out
}

fn confirmation(d: &Doc, out: &mut Vec<Raw>) {
    for s in &d.sents {
        if !s.question {
            continue;
        }
        let o = d.first_content(s);
        if d.f(o) & AUX == 0 {
            continue;
        }
        for k in o + 1..s.wb {
            if d.f(k) & VALENCE != 0 {
                out.push(d.raw(Rule::Confirmation, o, k));
                break;
            }
            if d.w(k) == "too" && k + 1 < s.wb && d.adjacent(k) {
                out.push(d.raw(Rule::Confirmation, o, k + 1));
                break;
            }
        }
    }
}

fn loaded(d: &Doc, out: &mut Vec<Raw>) {
    for s in &d.sents {
        for k in s.wa..s.wb {
            if d.w(k) == "so" && k + 1 < s.wb && d.adjacent(k) && d.f(k + 1) & SO_ADJ != 0 {
                out.push(d.raw(Rule::Loaded, k, k + 1));
            } else if d.f(k) & LOADED != 0 {
                out.push(d.raw(Rule::Loaded, k, k));
            }
        }
    }
}

fn presupposition(d: &Doc, out: &mut Vec<Raw>) {
    for s in &d.sents {
        let o = d.first_content(s);
        let w0 = d.w(o);
        let next = |k: usize| if k < s.wb { d.w(k) } else { "" };
        match w0 {
            "why" => {
                for k in o + 1..s.wb {
                    if d.f(k) & (PRESUP | NEG_AUX | VALENCE | LOADED) != 0 {
                        out.push(d.raw(Rule::Presupposition, o, k));
                        break;
                    }
                    if (d.w(k) == "so" && d.f_at(k + 1, s) & SO_ADJ != 0)
                        || (d.w(k) == "too" && k + 1 < s.wb)
                    {
                        out.push(d.raw(Rule::Presupposition, o, k + 1));
                        break;
                    }
                }
            }
            "when" => {
                // "When did you stop trusting…", "When did your team give up on…"
                for k in o + 1..s.wb.min(o + 6) {
                    if matches!(
                        d.w(k),
                        "stop" | "stopped" | "quit" | "abandon" | "abandoned" | "lose" | "lost"
                    ) || (d.w(k) == "give" && next(k + 1) == "up")
                    {
                        out.push(d.raw(Rule::Presupposition, o, k));
                        break;
                    }
                }
            }
            "how" => {
                let w1 = next(o + 1);
                if w1 == "long" {
                    // "How long have you been unhappy with…"
                    if let Some(b) = (o + 2..s.wb).find(|&k| d.w(k) == "been") {
                        if let Some(k) = (b + 1..s.wb).find(|&k| d.f(k) & (VALENCE | LOADED) != 0) {
                            out.push(d.raw(Rule::Presupposition, o, k));
                        }
                    }
                } else if matches!(w1, "has" | "have") {
                    // "How has the new pipeline made your life better?"
                    for k in o + 2..s.wb {
                        let w = d.w(k);
                        let benefit_soon =
                            || (k + 1..s.wb.min(k + 5)).any(|j| d.f(j) & BENEFIT != 0);
                        if matches!(
                            w,
                            "improved" | "helped" | "saved" | "simplified" | "sped" | "reduced"
                        ) || (w == "made" && benefit_soon())
                        {
                            out.push(d.raw(Rule::Presupposition, o, k));
                            break;
                        }
                    }
                } else if matches!(w1, "quickly" | "easily" | "smoothly") {
                    // "How quickly were you able to fix it…"
                    if (o + 2..s.wb)
                        .any(|k| matches!(d.w(k), "able" | "manage" | "managed" | "could"))
                    {
                        out.push(d.raw(Rule::Presupposition, o, o + 1));
                    }
                }
            }
            "what" | "what's" => {
                if matches!(next(o + 1), "makes" | "made" | "make") {
                    // "What makes the deploy process so terrible?"
                    for k in o + 2..s.wb {
                        if d.f(k) & (VALENCE | LOADED) != 0
                            || (d.w(k) == "so" && d.f_at(k + 1, s) & SO_ADJ != 0)
                        {
                            let end = if d.w(k) == "so" { k + 1 } else { k };
                            out.push(d.raw(Rule::Presupposition, o, end));
                            break;
                        }
                    }
                }
            }
            _ => {}
        }
        // "the biggest problem with…", "the worst part of…"
        for k in s.wa..s.wb.saturating_sub(1) {
            if matches!(
                d.w(k),
                "biggest" | "worst" | "main" | "greatest" | "largest" | "top"
            ) && d.adjacent(k)
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
}

fn hypothetical(d: &Doc, out: &mut Vec<Raw>) {
    for s in d.sents.iter().filter(|s| s.question) {
        let o = d.first_content(s);
        for k in s.wa..s.wb {
            let w = d.w(k);
            if (w == "would" || w == "will") && k + 1 < s.wb {
                let w1 = d.w(k + 1);
                let subject = matches!(
                    w1,
                    "you"
                        | "your"
                        | "y'all"
                        | "u"
                        | "anyone"
                        | "anybody"
                        | "people"
                        | "folks"
                        | "everyone"
                        | "someone"
                        | "they"
                        | "engineers"
                        | "developers"
                        | "customers"
                        | "users"
                );
                let at_open = k == o && !matches!(w1, "it" | "that" | "this" | "there");
                if !(subject || at_open) {
                    continue;
                }
                // Polite requests are not hypotheticals: "Would you mind walking me through…".
                let w2 = d.w_at(k + 2, s);
                if matches!(w2, "agree" | "say" | "mind")
                    || d.f_at(k + 2, s) & REQUEST_VERB != 0
                    || (w2 == "be" && matches!(d.w_at(k + 3, s), "able" | "okay" | "ok"))
                    || (w1 == "you" && w2 == "like" && d.f_at(k + 4, s) & REQUEST_VERB != 0)
                {
                    continue;
                }
                out.push(d.raw(Rule::Hypothetical, k, k + 1));
            } else if w == "how" && d.w_at(k + 1, s) == "likely" {
                out.push(d.raw(Rule::Hypothetical, k, k + 1));
            }
        }
    }
}

fn agreement(d: &Doc, out: &mut Vec<Raw>) {
    for (i, s) in d.sents.iter().enumerate() {
        let o = d.first_content(s);
        if s.question && d.f(o) & NEG_AUX != 0 && o + 1 < s.wb {
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
        for k in s.wa..s.wb {
            let w = d.w(k);
            if d.f(k) & NEG_AUX != 0
                && k + 1 < s.wb
                && d.adjacent(k)
                && matches!(
                    d.w(k + 1),
                    "you" | "it" | "they" | "we" | "that" | "this" | "there" | "he" | "she"
                )
                && (s.question || k + 2 == s.wb)
            {
                out.push(d.raw(Rule::Agreement, k, k + 1));
            } else if w == "surely" {
                out.push(d.raw(Rule::Agreement, k, k));
            } else if w == "agree" {
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
            } else if w == "say" && k >= s.wa + 2 && d.w(k - 1) == "you" && d.w(k - 2) == "would" {
                out.push(d.raw(Rule::Agreement, k - 2, k));
            }
        }
        // Tag questions: "…, right?", "…, correct?", and a lone "Right?" after a statement.
        if s.question {
            let last = s.wb - 1;
            if d.f(last) & TAG_WORD != 0
                && ((last == s.wa && i > 0) || (last > s.wa && d.punct_before(last) == ','))
            {
                out.push(d.raw(Rule::Agreement, last, last));
            }
        }
    }
}

fn double_barreled(d: &Doc, out: &mut Vec<Raw>) {
    let mut prev_q: Option<usize> = None;
    for (i, s) in d.sents.iter().enumerate() {
        if !s.question {
            continue;
        }
        // Two questions in a row.
        if let Some(p) = prev_q {
            let ps = &d.sents[p];
            let n = s.wb - s.wa;
            let first = d.w(s.wa);
            let conj_start = d.f(s.wa) & CONJ != 0 && n > 2 && d.w(s.wa + 1) != "if";
            let follow_up = n <= 5
                || (first == "if" && matches!(d.w_at(s.wa + 1, s), "so" | "not" | "yes" | "no"));
            let prev_closed = d.f(d.first_content(ps)) & (AUX | MODAL) != 0;
            let prev_tiny = ps.wb - ps.wa <= 2;
            if conj_start || !(follow_up || prev_closed || prev_tiny) {
                let mut r = d.raw(Rule::DoubleBarreled, s.wa, s.wb - 1);
                r.cut = Cut::KeepThrough(ps.tb);
                out.push(r);
            }
        }
        prev_q = Some(i);

        // "and"/"or" joining two asks inside one question.
        let o = d.first_content(s);
        for k in s.wa + 1..s.wb.saturating_sub(1) {
            if !matches!(d.w(k), "and" | "or") || k <= o {
                continue;
            }
            let n1 = k + 1;
            let second_ask = (d.f(n1) & WH != 0 && n1 + 1 < s.wb)
                || (d.f(n1) & (AUX | MODAL) != 0
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
                    ));
            if second_ask {
                let mut r = d.raw(Rule::DoubleBarreled, k, s.wb - 1);
                let tok = d.words[k];
                let cut_at = if tok > 0 && d.toks[tok - 1].punct == ',' {
                    tok - 1
                } else {
                    tok
                };
                r.cut = Cut::KeepBefore(cut_at);
                out.push(r);
                break;
            }
        }
        // "How do you deploy and monitor your services?"
        if d.f(o) & WH != 0 {
            for k in o + 1..s.wb.saturating_sub(3) {
                if matches!(
                    d.w(k),
                    "you" | "team" | "they" | "we" | "teams" | "engineers" | "people"
                ) && d.f(k + 1) & PROCESS_VERB != 0
                    && d.w(k + 2) == "and"
                    && d.f(k + 3) & PROCESS_VERB != 0
                {
                    let mut r = d.raw(Rule::DoubleBarreled, k + 1, k + 3);
                    r.cut = Cut::Remove(d.words[k + 2], d.words[k + 3]);
                    out.push(r);
                    break;
                }
            }
        }
        // "What do you think of X and the Y?"
        for k in s.wa..s.wb.saturating_sub(2) {
            if matches!(d.w(k), "think" | "feel") && matches!(d.w(k + 1), "of" | "about") {
                if let Some(j) = (k + 3..s.wb.saturating_sub(1))
                    .find(|&j| d.w(j) == "and" && d.f(j + 1) & DET != 0)
                {
                    let mut r = d.raw(Rule::DoubleBarreled, j, s.wb - 1);
                    r.cut = Cut::KeepBefore(d.words[j]);
                    out.push(r);
                }
                break;
            }
        }
    }
}

fn solution(d: &Doc, out: &mut Vec<Raw>) {
    for s in d.sents.iter().filter(|s| s.question) {
        let o = d.first_content(s);
        for k in s.wa..s.wb {
            let w = d.w(k);
            let w1 = d.w_at(k + 1, s);
            match w {
                "wish" | "wished" => {
                    let start = if o < k && d.f(o) & (AUX | NEG_AUX | MODAL) != 0 {
                        o
                    } else {
                        k
                    };
                    let end = (k + 1..s.wb)
                        .find(|&j| d.f(j) & AUTOMATION != 0)
                        .unwrap_or(k);
                    let mut r = d.raw(Rule::Solution, start, end);
                    r.aux = k;
                    out.push(r);
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
                "make" | "makes" | "making" => {
                    if let Some(j) = (k + 1..s.wb.min(k + 6)).find(|&j| d.f(j) & BENEFIT != 0) {
                        out.push(d.raw(Rule::Solution, k, j));
                    }
                }
                "should" if matches!(w1, "we" | "i" | "us") || (k == o && k + 1 < s.wb) => {
                    let end = if k + 2 < s.wb { k + 2 } else { k + 1 };
                    out.push(d.raw(Rule::Solution, k, end));
                }
                "how" if w1 == "about" && k + 2 < s.wb => {
                    out.push(d.raw(Rule::Solution, k, k + 1));
                }
                "what" if w1 == "if" && k + 2 < s.wb => {
                    out.push(d.raw(Rule::Solution, k, k + 2));
                }
                "if" if matches!(w1, "we" | "i") && d.f_at(k + 2, s) & BUILD_VERB != 0 => {
                    out.push(d.raw(Rule::Solution, k, k + 2));
                }
                "want" | "wanted"
                    if k >= s.wa + 2
                        && d.w(k - 1) == "you"
                        && d.f(k - 2) & (AUX | MODAL | NEG_AUX) != 0 =>
                {
                    out.push(d.raw(Rule::Solution, k - 2, k));
                }
                _ => {}
            }
        }
    }
}

fn scale(d: &Doc, out: &mut Vec<Raw>) {
    for s in &d.sents {
        for k in s.wa..s.wb.saturating_sub(1) {
            let w = d.w(k);
            if w == "how" && d.adjacent(k) {
                let w1 = d.w(k + 1);
                if (w1 == "much" || w1 == "many") && k + 2 < s.wb {
                    if d.f(k + 2) & COMPARATIVE != 0 {
                        out.push(d.raw(Rule::Scale, k, k + 2));
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
                        )
                    }) {
                        out.push(d.raw(Rule::Scale, k, j));
                    }
                } else if d.f(k + 1) & EVAL != 0 {
                    out.push(d.raw(Rule::Scale, k, k + 1));
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
                    out.push(d.raw(Rule::Scale, start, j + 1));
                }
            }
        }
    }
}

fn statement_first(d: &Doc, out: &mut Vec<Raw>) {
    for (i, s) in d.sents.iter().enumerate() {
        if s.question || !s.terminated || s.wb - s.wa < 3 {
            continue;
        }
        if !d.sents[i + 1..].iter().any(|t| t.question) {
            continue;
        }
        let o = d.first_content(s);
        let w0 = d.w(o);
        if d.f(o) & IMPERATIVE != 0 || matches!(w0, "if" | "once") {
            continue;
        }
        let marked = (s.wa..s.wb).any(|k| {
            d.f(k) & (VALENCE | LOADED) != 0
                || (d.w(k) == "too" && k + 1 < s.wb)
                || (d.w(k) == "so" && d.f_at(k + 1, s) & SO_ADJ != 0)
        });
        let framing = d.f(o) & FRAMING != 0
            || (w0 == "you"
                && matches!(
                    d.w_at(o + 1, s),
                    "mentioned" | "said" | "told" | "described" | "talked" | "noted" | "brought"
                ));
        if framing && !marked {
            continue;
        }
        out.push(d.raw(Rule::StatementFirst, s.wa, s.wb - 1));
    }
}

// ---------------------------------------------------------------------------
// Suggestions
// ---------------------------------------------------------------------------

struct Topic {
    keys: &'static [&'static str],
    /// Display name; "{}" is replaced by the matched word as written.
    name: &'static str,
    /// A concrete past experience; "{}" is replaced by the matched word.
    exp: &'static str,
}

/// Ordered from specific (named tools) to general areas; the most specific
/// topic mentioned in a question is used for its suggestion.
const TOPICS: &[Topic] = &[
    Topic {
        keys: &["chef", "cookbook", "cookbooks"],
        name: "Chef",
        exp: "the last time you worked with Chef",
    },
    Topic {
        keys: &["terraform"],
        name: "Terraform",
        exp: "the last time you changed Terraform code",
    },
    Topic {
        keys: &[
            "pulumi",
            "ansible",
            "puppet",
            "argo",
            "jenkins",
            "vault",
            "pagerduty",
            "grafana",
            "prometheus",
            "datadog",
            "spinnaker",
        ],
        name: "{}",
        exp: "the last time you worked with {}",
    },
    Topic {
        keys: &["kubernetes", "k8s"],
        name: "Kubernetes",
        exp: "the last time you worked with Kubernetes",
    },
    Topic {
        keys: &["helm"],
        name: "Helm",
        exp: "the last time you changed a Helm chart",
    },
    Topic {
        keys: &[
            "postmortem",
            "postmortems",
            "post-mortem",
            "post-mortems",
            "retro",
            "retros",
            "retrospective",
        ],
        name: "postmortems",
        exp: "the last postmortem you wrote or attended",
    },
    Topic {
        keys: &["runbook", "runbooks", "playbook", "playbooks"],
        name: "runbooks",
        exp: "the last time you used a runbook",
    },
    Topic {
        keys: &["slo", "slos", "sli", "slis", "budget"],
        name: "SLOs",
        exp: "the last time your team looked at its SLOs",
    },
    Topic {
        keys: &["secret", "secrets", "credential", "credentials"],
        name: "secrets",
        exp: "the last time you added or rotated a secret",
    },
    Topic {
        keys: &["review", "reviews", "reviewer", "reviewers", "pr", "prs"],
        name: "code review",
        exp: "the last code review you were part of",
    },
    Topic {
        keys: &["approval", "approvals", "freeze", "cab"],
        name: "the approval process",
        exp: "the last change you had to get approved",
    },
    Topic {
        keys: &["compliance"],
        name: "the compliance spreadsheet",
        exp: "the last time you used the compliance spreadsheet",
    },
    Topic {
        keys: &["portal", "catalog", "catalogue"],
        name: "the internal developer portal",
        exp: "the last time you used the internal developer portal",
    },
    Topic {
        keys: &["onboarding", "onboard"],
        name: "onboarding",
        exp: "the last time you went through onboarding",
    },
    Topic {
        keys: &["staging", "environment", "environments"],
        name: "the staging environment",
        exp: "the last time you used the staging environment",
    },
    Topic {
        keys: &["migration", "migrations", "migrate", "migrated"],
        name: "migrations",
        exp: "the last migration you were part of",
    },
    Topic {
        keys: &[
            "priority",
            "priorities",
            "prioritize",
            "prioritise",
            "prioritization",
            "estimate",
            "estimated",
            "estimates",
        ],
        name: "prioritization",
        exp: "the last time you prioritized a piece of work",
    },
    Topic {
        keys: &["on-call", "paged", "pager", "paging", "oncall"],
        name: "on-call",
        exp: "your last on-call shift",
    },
    Topic {
        keys: &["incident", "incidents", "outage", "outages"],
        name: "incidents",
        exp: "the last incident you worked on",
    },
    Topic {
        keys: &["alert", "alerts", "alerting"],
        name: "alerts",
        exp: "the last alert you responded to",
    },
    Topic {
        keys: &["dashboard", "dashboards"],
        name: "dashboards",
        exp: "the last time you looked at a dashboard",
    },
    Topic {
        keys: &[
            "observability",
            "monitoring",
            "logging",
            "logs",
            "tracing",
            "metrics",
            "canaries",
            "canary",
        ],
        name: "observability",
        exp: "the last time you debugged a production issue",
    },
    Topic {
        keys: &["ci", "build", "builds", "test", "tests", "runners"],
        name: "CI",
        exp: "the last time you waited on a CI run",
    },
    Topic {
        keys: &[
            "deploy",
            "deploys",
            "deployment",
            "deployments",
            "release",
            "releases",
            "rollback",
            "rollbacks",
            "deploying",
            "pipeline",
            "pipelines",
            "production",
        ],
        name: "deploys",
        exp: "the last deploy you did",
    },
    Topic {
        keys: &["ticket", "tickets", "backlog"],
        name: "tickets",
        exp: "the last ticket you worked on",
    },
    Topic {
        keys: &[
            "product", "app", "checkout", "search", "export", "feature", "tool", "cli", "report",
            "signup", "redesign", "website", "site",
        ],
        name: "the {}",
        exp: "the last time you used the {}",
    },
];

struct Subject {
    name: String,
    exp: String,
}

impl Subject {
    fn of(d: &Doc) -> Subject {
        let map = topic_map();
        // The most specific topic wins: TOPICS is ordered from named tools to
        // general areas, so take the lowest table index mentioned.
        let best = (0..d.words.len())
            .filter_map(|k| map.get(d.w(k)).map(|&ti| (ti, k)))
            .min();
        if let Some((ti, k)) = best {
            let t = &TOPICS[ti];
            let orig = d.orig(k);
            return Subject {
                name: t.name.replace("{}", orig),
                exp: t.exp.replace("{}", orig),
            };
        }
        if let Some(p) = subject_phrase(d) {
            let first_word = p.split_whitespace().next().unwrap_or("");
            let exp = if first_word.ends_with("ing") && first_word.len() > 4 {
                format!("the last time you were {p}")
            } else {
                format!("the last time you dealt with {p}")
            };
            return Subject { name: p, exp };
        }
        Subject {
            name: "this".to_string(),
            exp: "the last time this came up".to_string(),
        }
    }
}

fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "for"
            | "with"
            | "to"
            | "of"
            | "in"
            | "on"
            | "at"
            | "by"
            | "from"
            | "into"
            | "during"
            | "than"
            | "if"
            | "that"
            | "which"
            | "you"
            | "it"
            | "they"
            | "we"
            | "me"
            | "us"
            | "them"
            | "i"
            | "there"
            | "so"
            | "too"
            | "very"
            | "really"
            | "here"
            | "now"
            | "when"
            | "while"
            | "because"
            | "about"
            | "last"
            | "this"
            | "these"
            | "those"
    )
}

/// Words that end a subject phrase.
fn phrase_stop(d: &Doc, k: usize) -> bool {
    d.f(k) & (AUX | MODAL | NEG_AUX | VALENCE | LOADED | PRESUP | WH | CONJ | AUTOMATION) != 0
}

/// The thing a question is about when no known topic is mentioned, taken as
/// written: "Was the database failover scary?" -> "the database failover".
fn subject_phrase(d: &Doc) -> Option<String> {
    let s = d.sents.iter().find(|s| s.question).or(d.sents.first())?;
    let text = |a: usize, b: usize| {
        let (ta, tb) = (d.words[a], d.words[b]);
        d.src[d.toks[ta].start..d.toks[tb].end].to_string()
    };
    let pronoun = |k: usize| {
        matches!(
            d.w(k),
            "you" | "it" | "they" | "we" | "i" | "there" | "this" | "that" | "a" | "an" | "me"
        )
    };
    // (1) After a yes/no opener, up to the judgement: "Is [the Vault integration] a hassle".
    let o = d.first_content(s);
    if d.f(o) & AUX != 0 && o + 1 < s.wb && !pronoun(o + 1) {
        let mut e = o + 1;
        while e < s.wb && e < o + 8 && !phrase_stop(d, e) && !matches!(d.w(e), "a" | "an") {
            e += 1;
        }
        if e > o + 1 && e < s.wb && e - o <= 7 && d.adjacent_range(o + 1, e - 1) {
            return Some(text(o + 1, e - 1));
        }
    }
    // (2) "… with/about [the service mesh]" running to the end of the sentence.
    for k in s.wa..s.wb {
        if matches!(d.w(k), "with" | "about" | "using") && k + 1 < s.wb {
            let ok = (k + 1..s.wb).all(|j| !phrase_stop(d, j) && !is_function_word(d.w(j)))
                && s.wb - k - 1 <= 5
                && d.adjacent_range(k + 1, s.wb - 1);
            if ok {
                return Some(text(k + 1, s.wb - 1));
            }
        }
    }
    // (3) The last determiner phrase ending the sentence: "… avoid [the platform team's tools]".
    for k in (s.wa..s.wb).rev() {
        if matches!(d.w(k), "the" | "your" | "our" | "their") {
            let ok = k + 1 < s.wb
                && s.wb - k <= 5
                && (k + 1..s.wb).all(|j| !phrase_stop(d, j) && !is_function_word(d.w(j)))
                && d.adjacent_range(k, s.wb - 1);
            if ok {
                return Some(text(k, s.wb - 1));
            }
            break;
        }
    }
    None
}

fn is_clean(text: &str) -> bool {
    detect(&Doc::new(text)).is_empty()
}

fn suggest(d: &Doc, r: &Raw, subj: &Subject) -> String {
    let exp = &subj.exp;
    match r.rule {
        Rule::Confirmation => format!("Tell me about {exp}. Walk me through what you did."),
        Rule::Loaded => loaded_rewrite(d)
            .filter(|c| is_clean(c))
            .unwrap_or_else(|| format!("Tell me about {exp}. What happened, step by step?")),
        Rule::Presupposition => {
            format!("Tell me about {exp}. How did it go, from start to finish?")
        }
        Rule::Hypothetical => format!("Tell me about {exp}. What did you use to get it done?"),
        Rule::Agreement => format!(
            "What has your experience been with {}? Tell me about a recent example.",
            subj.name
        ),
        Rule::DoubleBarreled => split_first_ask(d, r.cut)
            .filter(|c| is_clean(c))
            .unwrap_or_else(|| format!("Tell me about {exp}. Walk me through it step by step.")),
        Rule::Solution => match wish_task(d, r) {
            Some(task) => {
                format!("How do you handle {task} today? Walk me through the last time you did it.")
            }
            None => format!("Tell me about {exp}. How did you handle it?"),
        },
        Rule::Scale => format!("Tell me about {exp}. How long did each step take?"),
        Rule::StatementFirst => question_after(d, r)
            .filter(|c| is_clean(c))
            .unwrap_or_else(|| {
                format!(
                    "What has your experience been with {}? Tell me about {exp}.",
                    subj.name
                )
            }),
    }
}

/// Remove loaded adjectives/adverbs that sit between two words
/// ("the awful alert noise" -> "the alert noise").
fn loaded_rewrite(d: &Doc) -> Option<String> {
    let mut removed = Vec::new();
    for k in 1..d.words.len().saturating_sub(1) {
        let t = d.words[k];
        if d.f(k) & REMOVABLE == 0 || d.words[k - 1] + 1 != t || d.words[k + 1] != t + 1 {
            continue;
        }
        let w = d.w(k);
        let adverb = w.ends_with("ly") && w != "silly";
        // "the awful alert noise" -> "the alert noise", but never "the build was
        // broken last week" -> "the build was last week".
        let ok = if adverb {
            true
        } else {
            d.f(k - 1) & DET != 0
                && d.f(k + 1) & (AUX | MODAL | NEG_AUX | CONJ | WH) == 0
                && !is_function_word(d.w(k + 1))
        };
        if ok {
            removed.push(t);
        }
    }
    if removed.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(d.src.len());
    let mut pos = 0;
    for &t in &removed {
        let tok = &d.toks[t];
        out.push_str(&d.src[pos..tok.start]);
        // Skip the following whitespace.
        let next = &d.toks[t + 1];
        pos = next.start;
        // Fix "a"/"an" before the new next word.
        let prev = d.toks[t - 1];
        let prev_w = &d.lower[prev.lo..prev.hi];
        if prev_w == "a" || prev_w == "an" {
            let vowel = d.lower[next.lo..next.hi]
                .chars()
                .next()
                .is_some_and(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'));
            let art_start = out.len() - (tok.start - prev.start);
            let orig_art = &d.src[prev.start..prev.end];
            let cap = orig_art.starts_with('A');
            let art = match (vowel, cap) {
                (true, true) => "An",
                (true, false) => "an",
                (false, true) => "A",
                (false, false) => "a",
            };
            let gap = d.src[prev.end..tok.start].to_string();
            out.truncate(art_start);
            out.push_str(art);
            out.push_str(&gap);
        }
    }
    out.push_str(&d.src[pos..]);
    Some(out)
}

fn split_first_ask(d: &Doc, cut: Cut) -> Option<String> {
    let text = match cut {
        Cut::None => return None,
        Cut::KeepThrough(t) => d.src[..d.toks.get(t)?.end].trim().to_string(),
        Cut::KeepBefore(t) => {
            let head = d.src[..d.toks.get(t)?.start].trim_end();
            format!("{}?", head.trim_end_matches([',', ';', ' ']).trim())
        }
        Cut::Remove(a, b) => {
            let (ta, tb) = (d.toks.get(a)?, d.toks.get(b)?);
            let tail = d.src[tb.end..].trim_start();
            let sep = if tail.starts_with(|c: char| c.is_alphanumeric()) {
                " "
            } else {
                ""
            };
            format!("{}{}{}", d.src[..ta.start].trim_end(), sep, tail)
                .trim()
                .to_string()
        }
    };
    if text.is_empty() {
        None
    } else {
        Some(text)
    }
}

/// "Do you wish correlating X to Y happened automatically?" -> "correlating X to Y".
fn wish_task(d: &Doc, r: &Raw) -> Option<String> {
    if r.rule != Rule::Solution || !matches!(d.w(r.aux), "wish" | "wished") {
        return None;
    }
    let s = d.sents.iter().find(|s| s.wa <= r.aux && r.aux < s.wb)?;
    let a = r.aux + 1;
    if a >= s.wb
        || matches!(
            d.w(a),
            "you" | "we" | "i" | "it" | "there" | "that" | "this" | "they" | "to" | "someone"
        )
    {
        return None;
    }
    let b = (a..s.wb).find(|&j| {
        d.f(j) & (AUX | MODAL | AUTOMATION) != 0
            || matches!(
                d.w(j),
                "happened" | "happen" | "happens" | "worked" | "ran" | "got" | "be" | "just"
            )
    })?;
    if b == a || b - a > 9 {
        return None;
    }
    let (ts, te) = (d.words[a], d.words[b - 1]);
    Some(d.src[d.toks[ts].start..d.toks[te].end].to_string())
}

/// The question that follows a statement, if it stands on its own.
fn question_after(d: &Doc, r: &Raw) -> Option<String> {
    let si = d
        .sents
        .iter()
        .position(|s| s.ta <= r.ts && r.ts < s.tb.max(s.ta + 1))?;
    let q = d.sents[si + 1..].iter().find(|s| s.question)?;
    if q.wb - q.wa < 5
        || (q.wa..q.wb).any(|k| {
            matches!(
                d.w(k),
                "it" | "that" | "this" | "them" | "those" | "they" | "there" | "these"
            )
        })
    {
        return None;
    }
    let end = d.toks.get(q.tb).map_or(d.src.len(), |t| t.end);
    Some(d.src[d.toks[q.ta].start..end].trim().to_string())
}

// ---------------------------------------------------------------------------
// Lexicon
// ---------------------------------------------------------------------------

const AUX: u32 = 1;
const NEG_AUX: u32 = 1 << 1;
const WH: u32 = 1 << 2;
const CONJ: u32 = 1 << 3;
/// Problem or feeling words a yes/no question may ask to confirm.
const VALENCE: u32 = 1 << 4;
const LOADED: u32 = 1 << 5;
/// Loaded modifiers that can simply be dropped in a rewrite.
const REMOVABLE: u32 = 1 << 6;
/// Words that make "so X" an intensifier.
const SO_ADJ: u32 = 1 << 7;
/// Markers that make a why-question assume a fact.
const PRESUP: u32 = 1 << 8;
const DET: u32 = 1 << 9;
const IMPERATIVE: u32 = 1 << 10;
const FRAMING: u32 = 1 << 11;
const COMPARATIVE: u32 = 1 << 12;
const EVAL: u32 = 1 << 13;
const MODAL: u32 = 1 << 14;
const PROCESS_VERB: u32 = 1 << 15;
const BUILD_VERB: u32 = 1 << 16;
const DISCOURSE: u32 = 1 << 17;
const TAG_WORD: u32 = 1 << 18;
const AUTOMATION: u32 = 1 << 19;
const BENEFIT: u32 = 1 << 20;
const REQUEST_VERB: u32 = 1 << 21;

const LEXICON: &[(u32, &[&str])] = &[
    (
        AUX,
        &[
            "do", "does", "did", "is", "are", "was", "were", "am", "have", "has", "had", "can",
            "could",
        ],
    ),
    (
        NEG_AUX,
        &[
            "don't",
            "doesn't",
            "didn't",
            "isn't",
            "aren't",
            "wasn't",
            "weren't",
            "haven't",
            "hasn't",
            "hadn't",
            "won't",
            "wouldn't",
            "can't",
            "couldn't",
            "shouldn't",
            "ain't",
            "dont",
            "doesnt",
            "didnt",
            "isnt",
            "arent",
            "wasnt",
            "werent",
            "havent",
            "hasnt",
            "wont",
            "wouldnt",
            "cant",
            "couldnt",
            "shouldnt",
        ],
    ),
    (MODAL, &["would", "will", "should", "shall", "might"]),
    (
        WH,
        &[
            "what", "how", "why", "who", "whom", "whose", "where", "when", "which", "what's",
            "how's", "who's", "where's", "why's", "when's",
        ],
    ),
    (CONJ, &["and", "or", "also", "plus", "but"]),
    (
        DISCOURSE,
        &[
            "and", "so", "but", "ok", "okay", "well", "now", "then", "also", "plus", "hey",
            "alright", "anyway", "oh", "um", "uh", "right",
        ],
    ),
    (
        VALENCE,
        &[
            "problem",
            "problems",
            "problematic",
            "issue",
            "issues",
            "trouble",
            "troubles",
            "troublesome",
            "pain",
            "painful",
            "painfully",
            "slow",
            "slower",
            "hard",
            "harder",
            "difficult",
            "difficulty",
            "difficulties",
            "frustrated",
            "frustrating",
            "frustration",
            "frustrates",
            "annoyed",
            "annoying",
            "annoys",
            "annoyance",
            "struggle",
            "struggles",
            "struggling",
            "confusing",
            "confused",
            "stressful",
            "stressed",
            "stress",
            "worry",
            "worries",
            "worried",
            "worrying",
            "overwhelmed",
            "overwhelming",
            "unhappy",
            "bureaucratic",
            "tedious",
            "burden",
            "burdensome",
            "broken",
            "flaky",
            "noisy",
            "bad",
            "worse",
            "unreliable",
            "complicated",
            "cumbersome",
            "clunky",
            "hate",
            "hated",
            "love",
            "loved",
            "enjoy",
            "enjoyed",
            "happy",
            "satisfied",
            "dissatisfied",
            "unsatisfied",
            "pleased",
            "easy",
            "easier",
            "good",
            "great",
            "better",
            "tired",
            "sick",
            "messy",
            "hassle",
            "headache",
            "nightmare",
            "bottleneck",
            "friction",
            "fragile",
            "brittle",
            "inefficient",
            "wasteful",
            "clumsy",
            "outdated",
            "terrible",
            "awful",
            "horrible",
            "upset",
            "angry",
            "scary",
            "scared",
            "afraid",
            "anxious",
            "painpoint",
            "disappointed",
            "disappointing",
        ],
    ),
    (
        LOADED,
        &[
            "terrible",
            "terribly",
            "awful",
            "awfully",
            "horrible",
            "horribly",
            "horrendous",
            "painful",
            "painfully",
            "frustrating",
            "frustrated",
            "frustratingly",
            "annoying",
            "annoyed",
            "annoyingly",
            "broken",
            "obviously",
            "clearly",
            "huge",
            "always",
            "never",
            "hate",
            "hates",
            "hated",
            "hating",
            "love",
            "loves",
            "loved",
            "loving",
            "ridiculous",
            "ridiculously",
            "nightmare",
            "nightmares",
            "clunky",
            "stupid",
            "useless",
            "pointless",
            "insane",
            "insanely",
            "crazy",
            "absurd",
            "awesome",
            "amazing",
            "fantastic",
            "wonderful",
            "brilliant",
            "dreaded",
            "dreadful",
            "notorious",
            "infamous",
            "bloated",
            "garbage",
            "trash",
            "mess",
            "messy",
            "disaster",
            "disastrous",
            "chaotic",
            "chaos",
            "completely",
            "totally",
            "utterly",
            "constantly",
            "forever",
            "endless",
            "endlessly",
            "hellish",
            "unbearable",
            "unusable",
            "archaic",
            "sluggish",
            "dumb",
            "silly",
            "horrific",
            "atrocious",
            "abysmal",
            "pathetic",
            "miserable",
            "toxic",
            "incompetent",
            "lazy",
            "overkill",
            "hopeless",
            "shoddy",
            "janky",
            "sucks",
            "suck",
        ],
    ),
    (
        REMOVABLE,
        &[
            "terrible",
            "terribly",
            "awful",
            "awfully",
            "horrible",
            "horribly",
            "horrendous",
            "painful",
            "frustrating",
            "annoying",
            "broken",
            "obviously",
            "clearly",
            "huge",
            "ridiculous",
            "clunky",
            "stupid",
            "useless",
            "pointless",
            "insane",
            "crazy",
            "absurd",
            "awesome",
            "amazing",
            "fantastic",
            "wonderful",
            "brilliant",
            "dreaded",
            "dreadful",
            "notorious",
            "infamous",
            "bloated",
            "messy",
            "chaotic",
            "completely",
            "totally",
            "utterly",
            "constantly",
            "endless",
            "endlessly",
            "unbearable",
            "unusable",
            "archaic",
            "sluggish",
            "dumb",
            "silly",
            "horrific",
            "atrocious",
            "abysmal",
            "pathetic",
            "miserable",
            "shoddy",
            "janky",
        ],
    ),
    (
        SO_ADJ,
        &[
            "slow",
            "few",
            "many",
            "much",
            "long",
            "little",
            "bad",
            "hard",
            "difficult",
            "painful",
            "complex",
            "complicated",
            "noisy",
            "flaky",
            "often",
            "rarely",
            "late",
            "big",
            "large",
            "huge",
            "terrible",
            "awful",
            "frustrating",
            "annoying",
            "broken",
            "expensive",
            "confusing",
            "tedious",
            "manual",
            "unreliable",
            "fragile",
            "messy",
            "good",
            "great",
            "easy",
            "fast",
            "quick",
            "useful",
            "helpful",
            "badly",
            "poorly",
            "slowly",
            "infrequently",
            "seldom",
        ],
    ),
    (
        PRESUP,
        &[
            "not",
            "never",
            "no",
            "nobody",
            "nothing",
            "none",
            "always",
            "keep",
            "keeps",
            "kept",
            "avoid",
            "avoids",
            "avoided",
            "avoiding",
            "ignore",
            "ignores",
            "ignored",
            "ignoring",
            "still",
            "yet",
            "late",
            "slowly",
            "rarely",
            "seldom",
            "only",
            "few",
            "fewer",
            "little",
            "less",
            "fail",
            "fails",
            "failed",
            "failing",
            "refuse",
            "refuses",
            "refused",
            "resist",
            "resists",
            "skip",
            "skips",
            "skipped",
            "neglect",
            "neglects",
            "forget",
            "forgets",
            "forgot",
            "even",
            "anymore",
            "constantly",
            "barely",
            "hardly",
            "lack",
            "lacks",
            "missing",
            "poorly",
            "badly",
            "hate",
            "hates",
            "stopped",
            "stop",
            "reluctant",
            "afraid",
            "resisting",
            "often",
        ],
    ),
    (
        DET,
        &[
            "the", "a", "an", "your", "our", "their", "its", "this", "that", "these", "those",
            "my", "some", "any",
        ],
    ),
    (
        IMPERATIVE,
        &[
            "tell", "walk", "talk", "describe", "show", "think", "imagine", "picture", "remember",
            "consider", "let's", "lets", "let", "please", "take", "give", "help", "share",
            "explain", "go", "pick", "choose", "list", "name", "recall", "start", "bring",
            "suppose", "say",
        ],
    ),
    (
        FRAMING,
        &[
            "i", "i'm", "i'd", "i've", "i'll", "we're", "we'd", "we've", "we'll", "we", "my",
            "thanks", "thank", "hi", "hello", "ok", "okay", "so", "quick", "next", "now", "before",
            "earlier", "last", "this", "today",
        ],
    ),
    (
        COMPARATIVE,
        &[
            "better", "worse", "faster", "slower", "easier", "harder", "simpler", "quicker",
            "smoother", "happier", "safer", "cheaper", "nicer", "calmer", "more", "less",
            "smarter", "cleaner",
        ],
    ),
    (
        EVAL,
        &[
            "great",
            "good",
            "useful",
            "helpful",
            "valuable",
            "easy",
            "amazing",
            "awesome",
            "bad",
            "terrible",
            "awful",
            "painful",
            "frustrating",
            "annoying",
            "happy",
            "satisfied",
            "pleased",
            "excited",
            "effective",
            "smooth",
            "intuitive",
            "hard",
            "difficult",
            "simple",
            "nice",
            "beneficial",
            "impressed",
            "wonderful",
            "fantastic",
            "horrible",
            "stressful",
            "confusing",
            "annoyed",
            "frustrated",
            "unhappy",
        ],
    ),
    (
        BENEFIT,
        &[
            "easier", "simpler", "better", "faster", "quicker", "smoother", "nicer", "safer",
            "cheaper", "less", "easy", "simple", "helpful", "useful", "valuable", "worth", "good",
            "great",
        ],
    ),
    (
        PROCESS_VERB,
        &[
            "deploy",
            "monitor",
            "test",
            "build",
            "write",
            "maintain",
            "review",
            "manage",
            "track",
            "debug",
            "fix",
            "rotate",
            "store",
            "release",
            "ship",
            "design",
            "plan",
            "measure",
            "document",
            "update",
            "handle",
            "run",
            "operate",
            "configure",
            "secure",
            "scale",
            "provision",
            "patch",
            "upgrade",
            "restore",
            "triage",
            "prioritize",
            "prioritise",
            "estimate",
            "investigate",
            "detect",
            "respond",
            "resolve",
            "onboard",
            "train",
            "hire",
            "find",
            "create",
            "delete",
            "communicate",
            "escalate",
            "approve",
            "merge",
            "backup",
            "install",
            "migrate",
            "version",
            "package",
            "audit",
        ],
    ),
    (
        BUILD_VERB,
        &[
            "built",
            "build",
            "added",
            "add",
            "made",
            "make",
            "offered",
            "offer",
            "gave",
            "give",
            "created",
            "create",
            "provided",
            "provide",
            "shipped",
            "ship",
            "launched",
            "launch",
            "released",
            "introduced",
            "introduce",
            "automated",
            "automate",
            "had",
            "replaced",
            "replace",
            "switched",
            "switch",
            "moved",
            "bought",
            "buy",
        ],
    ),
    (
        TAG_WORD,
        &[
            "right", "correct", "yes", "no", "true", "agreed", "yeah", "eh", "huh", "ok", "okay",
            "yep", "innit", "surely",
        ],
    ),
    (
        AUTOMATION,
        &[
            "automatically",
            "automated",
            "automatic",
            "automate",
            "automagically",
            "auto-magically",
            "auto",
        ],
    ),
    (
        REQUEST_VERB,
        &[
            "walk",
            "tell",
            "describe",
            "show",
            "share",
            "talk",
            "explain",
            "mind",
            "elaborate",
            "expand",
            "clarify",
            "repeat",
            "summarize",
            "summarise",
        ],
    ),
];

/// A tiny FxHash-style hasher: the lexicon keys are short ASCII words, and the
/// default SipHash would dominate the per-question cost.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<WordHasher>>;

fn lexicon() -> &'static WordMap<u32> {
    static LEX: OnceLock<WordMap<u32>> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut m = WordMap::default();
        for &(flag, words) in LEXICON {
            for &w in words {
                *m.entry(w).or_insert(0) |= flag;
            }
        }
        m
    })
}

fn topic_map() -> &'static WordMap<usize> {
    static MAP: OnceLock<WordMap<usize>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = WordMap::default();
        for (i, t) in TOPICS.iter().enumerate() {
            for &k in t.keys {
                m.entry(k).or_insert(i);
            }
        }
        m
    })
}

// ---------------------------------------------------------------------------
// Tokenisation
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
struct Tok {
    /// Byte range in the source.
    start: usize,
    end: usize,
    /// Byte range of the normalised lower-case text in `Doc::lower`.
    lo: usize,
    hi: usize,
    flags: u32,
    /// Normalised punctuation character, or '\0' for a word.
    punct: char,
}

#[derive(Clone, Copy, Debug)]
struct Sent {
    /// Content tokens `ta..tb`; `tb` is the first terminator token (if any).
    ta: usize,
    tb: usize,
    /// Words `wa..wb` (indices into `Doc::words`), never empty.
    wa: usize,
    wb: usize,
    question: bool,
    terminated: bool,
}

struct Doc<'a> {
    src: &'a str,
    lower: String,
    toks: Vec<Tok>,
    /// Token index of every word, in order.
    words: Vec<usize>,
    sents: Vec<Sent>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Characters that join two word parts ("don't", "on-call", "node.js").
fn joiner(c: char) -> Option<char> {
    match c {
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' => Some('\''),
        '-' | '\u{2010}' | '\u{2011}' => Some('-'),
        '.' => Some('.'),
        _ => None,
    }
}

fn norm_punct(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{201b}' | '`' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => '"',
        '\u{ff1f}' | '\u{00bf}' => '?',
        '\u{ff01}' | '\u{00a1}' => '!',
        '\u{3002}' | '\u{2026}' => '.',
        '\u{ff0c}' | '\u{3001}' => ',',
        // '\0' marks word tokens internally.
        '\0' => '\u{fffd}',
        _ => c,
    }
}

fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(c.to_lowercase());
    }
}

fn is_term(c: char) -> bool {
    matches!(c, '?' | '!' | '.')
}

impl<'a> Doc<'a> {
    fn new(src: &'a str) -> Doc<'a> {
        let lex = lexicon();
        let mut lower = String::with_capacity(src.len());
        let mut toks: Vec<Tok> = Vec::with_capacity(src.len() / 4 + 4);
        let mut words = Vec::with_capacity(src.len() / 5 + 2);
        let mut it = src.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if is_word_char(c) {
                let lo = lower.len();
                push_lower(&mut lower, c);
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if is_word_char(d) {
                        push_lower(&mut lower, d);
                        end = j + d.len_utf8();
                        it.next();
                    } else if let Some(nj) = joiner(d) {
                        let k = j + d.len_utf8();
                        match src[k..].chars().next() {
                            Some(e) if is_word_char(e) => {
                                lower.push(nj);
                                end = k;
                                it.next();
                            }
                            _ => break,
                        }
                    } else {
                        break;
                    }
                }
                let flags = lex.get(&lower[lo..]).copied().unwrap_or(0);
                words.push(toks.len());
                toks.push(Tok {
                    start: i,
                    end,
                    lo,
                    hi: lower.len(),
                    flags,
                    punct: '\0',
                });
            } else if !c.is_whitespace() {
                let lo = lower.len();
                toks.push(Tok {
                    start: i,
                    end: i + c.len_utf8(),
                    lo,
                    hi: lo,
                    flags: 0,
                    punct: norm_punct(c),
                });
            }
        }

        let mut doc = Doc {
            src,
            lower,
            toks,
            words,
            sents: Vec::new(),
        };
        doc.split_sentences();
        doc
    }

    fn split_sentences(&mut self) {
        let n = self.toks.len();
        let mut sents = Vec::new();
        let (mut ta, mut wa, mut wc, mut i) = (0, 0, 0, 0);
        while i < n {
            let t = self.toks[i];
            if t.punct == '\0' {
                wc += 1;
                i += 1;
                continue;
            }
            if is_term(t.punct) && !self.is_abbreviation_dot(i) {
                let tb = i;
                let mut q = false;
                while i < n {
                    let p = self.toks[i].punct;
                    if is_term(p) {
                        q |= p == '?';
                    } else if !matches!(p, '"' | '\'' | ')' | ']') {
                        break;
                    }
                    i += 1;
                }
                if wc > wa {
                    sents.push(Sent {
                        ta,
                        tb,
                        wa,
                        wb: wc,
                        question: q,
                        terminated: true,
                    });
                }
                ta = i;
                wa = wc;
                continue;
            }
            i += 1;
        }
        if wc > wa {
            sents.push(Sent {
                ta,
                tb: n,
                wa,
                wb: wc,
                question: false,
                terminated: false,
            });
        }
        self.sents = sents;
        // An unterminated trailing sentence is a question if it opens like one.
        if let Some(last) = self.sents.last().copied() {
            if !last.terminated {
                let o = self.first_content(&last);
                let q = self.f(o) & (AUX | NEG_AUX | WH | MODAL) != 0;
                self.sents.last_mut().unwrap().question = q;
            }
        }
    }

    /// "e.g." / "etc." in the middle of a sentence is not a full stop.
    fn is_abbreviation_dot(&self, i: usize) -> bool {
        if self.toks[i].punct != '.' || i == 0 {
            return false;
        }
        let prev = self.toks[i - 1];
        if prev.punct != '\0' || prev.end != self.toks[i].start {
            return false;
        }
        let w = &self.lower[prev.lo..prev.hi];
        matches!(
            w,
            "e.g" | "i.e" | "etc" | "vs" | "eg" | "ie" | "approx" | "cf"
        ) && self
            .toks
            .get(i + 1)
            .is_some_and(|t| t.punct == '\0' || t.punct == ',')
    }

    /// Lower-case text of word `k`.
    fn w(&self, k: usize) -> &str {
        let t = &self.toks[self.words[k]];
        &self.lower[t.lo..t.hi]
    }

    /// Word `k` if it is inside sentence `s`, else "".
    fn w_at(&self, k: usize, s: &Sent) -> &str {
        if k < s.wb {
            self.w(k)
        } else {
            ""
        }
    }

    /// Original text of word `k`.
    fn orig(&self, k: usize) -> &'a str {
        let t = &self.toks[self.words[k]];
        &self.src[t.start..t.end]
    }

    fn f(&self, k: usize) -> u32 {
        self.toks[self.words[k]].flags
    }

    /// Flags of word `k` if it is inside sentence `s`, else 0.
    fn f_at(&self, k: usize, s: &Sent) -> u32 {
        if k < s.wb {
            self.f(k)
        } else {
            0
        }
    }

    /// Word `k` is immediately followed by word `k + 1` (no punctuation between).
    fn adjacent(&self, k: usize) -> bool {
        k + 1 < self.words.len() && self.words[k + 1] == self.words[k] + 1
    }

    /// Words `a..=b` follow each other with no punctuation between them.
    fn adjacent_range(&self, a: usize, b: usize) -> bool {
        (a..b).all(|k| self.adjacent(k))
    }

    /// The punctuation token right before word `k`, or '\0'.
    fn punct_before(&self, k: usize) -> char {
        let t = self.words[k];
        if t == 0 {
            '\0'
        } else {
            self.toks[t - 1].punct
        }
    }

    /// First word of the sentence after discourse markers ("So, and, well…").
    fn first_content(&self, s: &Sent) -> usize {
        let mut k = s.wa;
        while k + 1 < s.wb && self.f(k) & DISCOURSE != 0 {
            k += 1;
        }
        k
    }

    fn raw(&self, rule: Rule, k1: usize, k2: usize) -> Raw {
        Raw {
            rule,
            ts: self.words[k1],
            te: self.words[k2.max(k1)],
            cut: Cut::None,
            aux: k1,
        }
    }

    fn byte_span(&self, r: &Raw) -> (usize, usize) {
        (self.toks[r.ts].start, self.toks[r.te].end)
    }
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_of(q: &str) -> Vec<String> {
        check(q).into_iter().map(|f| f.rule).collect()
    }

    fn finding(q: &str, rule: &str) -> LintFinding {
        check(q)
            .into_iter()
            .find(|f| f.rule == rule)
            .unwrap_or_else(|| panic!("{rule} not found in {q:?}: {:?}", rules_of(q)))
    }

    fn assert_rule(q: &str, rule: &str, trigger: &str) {
        let f = finding(q, rule);
        assert_eq!(f.trigger, trigger, "trigger for {rule} in {q:?}");
        assert_eq!(&q[f.span.start..f.span.end], f.trigger);
        assert!(!f.explanation.trim().is_empty());
        assert!(!f.suggestion.trim().is_empty());
        assert!(
            check(&f.suggestion).is_empty(),
            "suggestion {:?} is itself leading: {:?}",
            f.suggestion,
            rules_of(&f.suggestion)
        );
    }

    #[test]
    fn rules_table_covers_every_rule() {
        assert_eq!(RULES.len(), 9);
        let ids: Vec<&str> = RULES.iter().map(|r| r.0).collect();
        for id in [
            "confirmation-seeking",
            "loaded-wording",
            "presupposition",
            "hypothetical-future",
            "agreement-seeking",
            "double-barreled",
            "solution-pitching",
            "scale-anchored",
            "statement-before-question",
        ] {
            assert!(ids.contains(&id), "{id}");
        }
        assert!(RULES.iter().all(|r| !r.1.is_empty()));
    }

    #[test]
    fn confirmation_seeking() {
        assert_rule(
            "Do you have problems with Chef?",
            "confirmation-seeking",
            "Do you have problems",
        );
        assert_rule(
            "Is the deploy pipeline painful to use?",
            "confirmation-seeking",
            "Is the deploy pipeline painful",
        );
        assert_rule(
            "Are you frustrated with how long CI takes?",
            "confirmation-seeking",
            "Are you frustrated",
        );
        assert_rule(
            "Is the SLO process too bureaucratic?",
            "confirmation-seeking",
            "Is the SLO process too bureaucratic",
        );
    }

    #[test]
    fn chef_suggestion_reuses_subject() {
        let f = finding("Do you have problems with Chef?", "confirmation-seeking");
        assert_eq!(
            f.suggestion,
            "Tell me about the last time you worked with Chef. Walk me through what you did."
        );
    }

    #[test]
    fn loaded_wording() {
        assert_rule(
            "How do you deal with the awful alert noise?",
            "loaded-wording",
            "awful",
        );
        let f = finding(
            "How do you deal with the awful alert noise?",
            "loaded-wording",
        );
        assert_eq!(f.suggestion, "How do you deal with the alert noise?");
        assert_rule(
            "What do you hate most about on-call?",
            "loaded-wording",
            "hate",
        );
        assert_rule(
            "Why does your team do so few deploys?",
            "loaded-wording",
            "so few",
        );
        let f = finding("Tell me about an amazing tool you use.", "loaded-wording");
        assert_eq!(f.suggestion, "Tell me about a tool you use.");
    }

    #[test]
    fn presupposition() {
        assert_rule(
            "Why does your team do so few deploys?",
            "presupposition",
            "Why does your team do so few",
        );
        assert_rule(
            "Why haven't you migrated to Kubernetes yet?",
            "presupposition",
            "Why haven't",
        );
        assert_rule(
            "When did you stop trusting the dashboards?",
            "presupposition",
            "When did you stop",
        );
        assert_rule(
            "What's the biggest problem with our on-call rotation?",
            "presupposition",
            "biggest problem",
        );
        // A why-question about a past decision does not presuppose anything.
        assert!(check("Why did you choose Postgres for that service?").is_empty());
    }

    #[test]
    fn hypothetical_future() {
        assert_rule(
            "Would you use a self-service deploy portal?",
            "hypothetical-future",
            "Would you",
        );
        assert_rule(
            "If we built a Slack bot for incident status, would you use it?",
            "hypothetical-future",
            "would you",
        );
        assert_rule(
            "Will you adopt the new CI runners next quarter?",
            "hypothetical-future",
            "Will you",
        );
        assert_rule(
            "How likely would you be to use a runbook generator?",
            "hypothetical-future",
            "How likely",
        );
        // Polite requests are fine.
        assert!(check("Would you walk me through your last deploy?").is_empty());
    }

    #[test]
    fn agreement_seeking() {
        assert_rule(
            "Don't you think the release process is too slow?",
            "agreement-seeking",
            "Don't you think",
        );
        assert_rule(
            "Isn't it frustrating when the build breaks?",
            "agreement-seeking",
            "Isn't it",
        );
        assert_rule(
            "The alerts are too noisy, right?",
            "agreement-seeking",
            "right",
        );
        assert_rule(
            "Surely the manual approval step is unnecessary?",
            "agreement-seeking",
            "Surely",
        );
        assert_rule(
            "Code review takes forever here, doesn't it?",
            "agreement-seeking",
            "doesn't it",
        );
        assert_rule(
            "Wouldn't you agree that on-call needs more people?",
            "agreement-seeking",
            "Wouldn't you agree",
        );
    }

    #[test]
    fn double_barreled() {
        let q = "Why does your team do so few deploys? And why are they always huge?";
        assert_rule(q, "double-barreled", "And why are they always huge");
        assert_rule(
            "How do you write runbooks and how do you keep them up to date?",
            "double-barreled",
            "and how do you keep them up to date",
        );
        let f = finding(
            "How do you write runbooks and how do you keep them up to date?",
            "double-barreled",
        );
        assert_eq!(f.suggestion, "How do you write runbooks?");
        let f = finding(
            "How do you deploy and monitor your services?",
            "double-barreled",
        );
        assert_eq!(f.trigger, "deploy and monitor");
        assert_eq!(f.suggestion, "How do you deploy your services?");
        assert_rule(
            "What do you think of the CI system and the code review process?",
            "double-barreled",
            "and the code review process",
        );
    }

    #[test]
    fn solution_pitching() {
        let q =
            "Do you wish correlating estimated resource weeks to priority happened automatically?";
        assert_rule(q, "solution-pitching", &q[..q.len() - 1]);
        let f = finding(q, "solution-pitching");
        assert_eq!(
            f.suggestion,
            "How do you handle correlating estimated resource weeks to priority today? Walk me through the last time you did it."
        );
        assert_rule(
            "Would it help if we added auto-remediation to the alerts?",
            "solution-pitching",
            "Would it help",
        );
        assert_rule(
            "Should we add a dashboard for deploy frequency?",
            "solution-pitching",
            "Should we add",
        );
        assert_rule(
            "How about a tool that generates postmortem templates?",
            "solution-pitching",
            "How about",
        );
    }

    #[test]
    fn scale_anchored() {
        assert_rule(
            "How much faster would your deploys be with a new pipeline?",
            "scale-anchored",
            "How much faster",
        );
        assert_rule(
            "On a scale of 1 to 10, how great is the new CI?",
            "scale-anchored",
            "On a scale of 1 to 10, how great",
        );
        assert_rule(
            "How much would automated canaries improve your confidence?",
            "scale-anchored",
            "How much would",
        );
        assert!(check("How much time did you spend on call last week?").is_empty());
    }

    #[test]
    fn statement_before_question() {
        assert_rule(
            "Deploys here are slow. How do you cope?",
            "statement-before-question",
            "Deploys here are slow",
        );
        let q = "The runbooks are out of date everywhere. How do you handle incidents?";
        let f = finding(q, "statement-before-question");
        assert_eq!(f.suggestion, "How do you handle incidents?");
        // Neutral framing and imperatives are fine.
        assert!(check("Think about the last report you built. What was it for?").is_empty());
        assert!(check(
            "I'd like to understand how your team plans work. How did you plan the current sprint?"
        )
        .is_empty());
    }

    #[test]
    fn builtin_examples() {
        assert_eq!(
            rules_of("Do you have problems with Chef?"),
            vec!["confirmation-seeking"]
        );
        assert!(rules_of(
            "Do you wish correlating estimated resource weeks to priority happened automatically?"
        )
        .contains(&"solution-pitching".to_string()));
        let r = rules_of("Why does your team do so few deploys? And why are they always huge?");
        assert!(r.contains(&"presupposition".to_string()), "{r:?}");
        assert!(r.contains(&"double-barreled".to_string()), "{r:?}");
    }

    #[test]
    fn open_questions_pass() {
        for q in [
            "Tell me about the last time you deployed to production.",
            "Walk me through how you respond when you get paged.",
            "What are the steps to go from code committed to code successfully running in production for the application you work on?",
            "Have you created a Chef cookbook while working here? If so, tell me when and walk me through how.",
            "Do you use the SRE-compliance spreadsheet? Do you find any columns on the spreadsheet more useful than others? How so?",
            "Have you used Terraform in the last month?",
            "How often does your team deploy?",
            "What happened the last time a deploy failed?",
            "Who do you ask when a CI build fails and you don't know why?",
            "How do you decide when to roll back a release?",
            "",
        ] {
            assert!(check(q).is_empty(), "{q:?} -> {:?}", check(q));
            assert!(!is_leading(q));
        }
    }

    #[test]
    fn findings_sorted_and_deduplicated() {
        let q = "Why does your team do so few deploys? And why are they always huge?";
        let fs = check(q);
        assert!(fs.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        for (i, a) in fs.iter().enumerate() {
            for b in &fs[i + 1..] {
                assert!(!(a.rule == b.rule && a.span == b.span), "duplicate {a:?}");
            }
        }
    }

    #[test]
    fn non_ascii_spans_are_char_boundaries() {
        let q = "Ça marche? Don't you think it's \u{201c}broken\u{201d}?";
        let fs = check(q);
        assert!(fs
            .iter()
            .any(|f| f.rule == "agreement-seeking" && f.trigger == "Don't you think"));
        assert!(fs
            .iter()
            .any(|f| f.rule == "loaded-wording" && f.trigger == "broken"));
        for f in &fs {
            assert!(q.is_char_boundary(f.span.start) && q.is_char_boundary(f.span.end));
            assert_eq!(&q[f.span.start..f.span.end], f.trigger);
        }
        // Curly apostrophes are normalised.
        assert!(is_leading("Don\u{2019}t you think deploys are slow?"));
        // Non-ASCII letters around a finding.
        let q = "Ärger mit Chef: do you have problems with Chef, naïvely speaking? 😅";
        for f in check(q) {
            assert!(q.is_char_boundary(f.span.start) && q.is_char_boundary(f.span.end));
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let mut inputs: Vec<String> = vec![
            String::new(),
            " ".into(),
            "?".into(),
            "???".into(),
            "...?!".into(),
            ",,,,".into(),
            "😀".into(),
            "😀😀? 🤔!".into(),
            "\u{301}\u{301}?".into(),
            "e\u{301}?".into(),
            "'".into(),
            "-".into(),
            "a-".into(),
            "-a".into(),
            "don'".into(),
            "'t".into(),
            "so".into(),
            "so?".into(),
            "why".into(),
            "why?".into(),
            "how much".into(),
            "how much?".into(),
            "would".into(),
            "Would you?".into(),
            "and".into(),
            "and how".into(),
            "? And why?".into(),
            "right?".into(),
            ", right?".into(),
            "Isn't".into(),
            "wish".into(),
            "I wish".into(),
            "on a scale".into(),
            "e.g.".into(),
            "e.g. what?".into(),
            "\t\n\r".into(),
            "\u{0}".into(),
            "İİİ?".into(),
            "ǅ ǈ ǋ?".into(),
            "ß?".into(),
            "ﬁ?".into(),
            "你好吗？你好吗？".into(),
            "ÇA MARCHE? DON'T YOU THINK IT'S \u{201c}BROKEN\u{201d}?".into(),
        ];
        // Generated combinations of tricky fragments.
        let frags = [
            "why", "so", "few", "and", "or", "how", "much", "would", "you", "don't", "isn't", "it",
            "?", ".", ",", "!", "wish", "make", "easier", "right", "😀", "Ça", "’", "“", "scale",
            "a", "an", "awful", "if", "we", "built", "tell", "me", "-", "'", "e.g.",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for n in 0..400 {
            let mut s = String::new();
            for _ in 0..(n % 17) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(frags[(seed % frags.len() as u64) as usize]);
                if seed & 8 == 0 {
                    s.push(' ');
                }
            }
            inputs.push(s);
        }
        inputs.push("Why ".repeat(5000) + "?");
        inputs.push("Do you have problems with Chef? ".repeat(2000));
        inputs.push("a".repeat(100_000));
        inputs.push("😀".repeat(10_000));
        for q in &inputs {
            let fs = check(q);
            assert_eq!(is_leading(q), !fs.is_empty());
            for f in fs {
                assert!(f.span.start <= f.span.end && f.span.end <= q.len());
                assert!(q.is_char_boundary(f.span.start) && q.is_char_boundary(f.span.end));
                assert!(!f.suggestion.is_empty() && !f.explanation.is_empty());
            }
        }
    }

    #[test]
    fn serde_derives_are_usable() {
        fn assert_serde<T: Serialize + for<'de> Deserialize<'de>>() {}
        assert_serde::<LintFinding>();
        assert_serde::<Span>();
    }
}
