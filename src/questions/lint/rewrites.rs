//! Suggested rewrites. Every suggestion is a whole, non-leading question; `mod.rs` checks it
//! with the full checker and falls back to a fixed open prompt if a rewrite would itself lead.

use super::lexicon::{
    self, Flags, AUTOMATION, AUX, CONJ, DET, LOADED, MODAL, NEG_AUX, PRESUP, REMOVABLE, VALENCE, WH,
};
use super::rules::{Cut, Raw, Rule, Shape};
use super::tokenizer::Doc;

/// The open prompt used when no specific rewrite is clean.
pub(crate) const SAFE: &str =
    "Tell me about the last time this came up. What happened, step by step?";

pub(crate) struct Subject {
    pub name: String,
    pub exp: String,
    /// Taken from the topic table (or the fixed fallback), not from the question's words.
    pub from_table: bool,
}

impl Subject {
    pub fn of(d: &Doc) -> Subject {
        let lex = lexicon::get();
        // The most specific topic wins: topics are ordered from named tools to general areas.
        let best = (0..d.words.len())
            .filter_map(|k| lex.topic(d.w(k)).map(|ti| (ti, k)))
            .min();
        if let Some((ti, k)) = best {
            let t = &lex.topics[ti];
            let orig = d.orig(k);
            // "{}" topics repeat the question's own word, which the table cannot vouch for.
            return Subject {
                name: t.name.replace("{}", orig),
                exp: t.exp.replace("{}", orig),
                from_table: !t.name.contains("{}") && !t.exp.contains("{}"),
            };
        }
        if let Some(p) = subject_phrase(d) {
            let first_word = p.split_whitespace().next().unwrap_or("");
            let exp = if first_word.ends_with("ing") && first_word.len() > 4 {
                format!("the last time you were {p}")
            } else {
                format!("the last time you dealt with {p}")
            };
            return Subject {
                name: p,
                exp,
                from_table: false,
            };
        }
        Subject::fallback()
    }

    pub fn fallback() -> Subject {
        Subject {
            name: "this".to_string(),
            exp: "the last time this came up".to_string(),
            from_table: true,
        }
    }
}

fn is_function_word(w: &str) -> bool {
    lexicon::get().flags(w) & lexicon::FUNCTION != 0
}

/// Words that end a subject phrase.
fn phrase_stop(d: &Doc, k: usize) -> bool {
    const STOP: Flags = AUX | MODAL | NEG_AUX | VALENCE | LOADED | PRESUP | WH | CONJ | AUTOMATION;
    d.f(k) & STOP != 0
}

/// The thing a question is about when no known topic is mentioned, taken as written:
/// "Was the database failover scary?" -> "the database failover".
fn subject_phrase(d: &Doc) -> Option<String> {
    let s = d.sents.iter().find(|s| s.question).or(d.sents.first())?;
    let pronoun = |k: usize| {
        matches!(
            d.w(k),
            "you" | "it" | "they" | "we" | "i" | "there" | "this" | "that" | "a" | "an" | "me"
        )
    };
    let o = d.first_content(s);
    if d.f(o) & AUX != 0 && o + 1 < s.wb && !pronoun(o + 1) {
        let mut e = o + 1;
        while e < s.wb && e < o + 8 && !phrase_stop(d, e) && !matches!(d.w(e), "a" | "an") {
            e += 1;
        }
        if e > o + 1 && e < s.wb && e - o <= 7 && d.adjacent_range(o + 1, e - 1) {
            return Some(d.text(o + 1, e - 1).to_string());
        }
    }
    for k in s.wa..s.wb {
        if matches!(d.w(k), "with" | "about" | "using") && k + 1 < s.wb {
            let ok = (k + 1..s.wb).all(|j| !phrase_stop(d, j) && !is_function_word(d.w(j)))
                && s.wb - k - 1 <= 5
                && d.adjacent_range(k + 1, s.wb - 1);
            if ok {
                return Some(d.text(k + 1, s.wb - 1).to_string());
            }
        }
    }
    for k in (s.wa..s.wb).rev() {
        if matches!(d.w(k), "the" | "your" | "our" | "their") {
            let ok = k + 1 < s.wb
                && s.wb - k <= 5
                && (k + 1..s.wb).all(|j| !phrase_stop(d, j) && !is_function_word(d.w(j)))
                && d.adjacent_range(k, s.wb - 1);
            if ok {
                return Some(d.text(k, s.wb - 1).to_string());
            }
            break;
        }
    }
    None
}

/// A candidate rewrite. `trusted` candidates are built only from fixed text and the topic
/// table; a unit test checks every template with every topic, so they skip the run-time check.
pub(crate) struct Candidate {
    pub text: String,
    pub trusted: bool,
}

/// Candidate rewrites for one finding, best first: rewrites of the question itself (checked
/// at run time), then the rule's template.
pub(crate) fn candidates(d: &Doc, r: &Raw, subj: &Subject) -> Vec<Candidate> {
    let mut specific: Vec<String> = Vec::with_capacity(3);
    match (r.rule, r.shape) {
        (Rule::Loaded, _) => specific.extend(drop_loaded(d)),
        (Rule::Presupposition, Shape::Reason) => {
            let head = d.src[..d.toks[r.ts].start].trim_end().trim_end_matches(',');
            if !head.trim().is_empty() {
                specific.push(format!("{}? What led to that?", head.trim()));
            }
        }
        (Rule::DoubleBarreled, _) => specific.extend(apply_cut(d, r.cut)),
        (Rule::Solution, _) => {
            if let Some(task) = wish_task(d, r) {
                specific.push(format!(
                    "How do you handle {task} today? Walk me through the last time you did it."
                ));
            }
        }
        (Rule::Scale, Shape::Options) => specific.extend(balanced_options(d, r)),
        (Rule::Scale, Shape::OneSided) => specific.extend(add_opposite(d, r)),
        (Rule::StatementFirst, _) => {
            specific.extend(apply_cut(d, r.cut));
            specific.extend(question_after(d, r));
        }
        (Rule::Blame, shape) => specific.extend(blame_rewrite(d, r, shape)),
        _ => {}
    }
    let mut c: Vec<Candidate> = specific
        .into_iter()
        .map(|text| Candidate {
            text,
            trusted: false,
        })
        .collect();
    c.push(Candidate {
        text: template(r.rule, r.shape, subj),
        trusted: subj.from_table,
    });
    c
}

/// The rule's generic rewrite about the question's subject.
pub(crate) fn template(rule: Rule, shape: Shape, subj: &Subject) -> String {
    let exp = &subj.exp;
    let name = &subj.name;
    match (rule, shape) {
        (Rule::Confirmation, Shape::Approval) => format!("Tell me about {exp}. How did it go?"),
        (Rule::Confirmation, _) => format!("Tell me about {exp}. Walk me through what you did."),
        (Rule::Loaded, _) => format!("Tell me about {exp}. What happened, step by step?"),
        (Rule::Presupposition, Shape::Reason) => format!("Tell me about {exp}. What led to it?"),
        (Rule::Presupposition, Shape::Claim) => {
            format!("Tell me what you know about {name}, and where you heard it.")
        }
        (Rule::Presupposition, _) => {
            format!("Tell me about {exp}. How did it go, from start to finish?")
        }
        (Rule::Hypothetical, _) => format!("Tell me about {exp}. What did you use to get it done?"),
        (Rule::Agreement, _) if name == "this" => {
            "Tell me about the last time this came up. What happened?".to_string()
        }
        (Rule::Agreement, _) => {
            format!("What has your experience been with {name}? Tell me about a recent example.")
        }
        (Rule::DoubleBarreled, _) => {
            format!("Tell me about {exp}. Walk me through it step by step.")
        }
        (Rule::Solution, _) => format!("Tell me about {exp}. How did you handle it?"),
        (Rule::Scale, Shape::Options | Shape::OneSided) => {
            format!("Tell me about {exp}. How did it go?")
        }
        (Rule::Scale, _) => format!("Tell me about {exp}. How long did each step take?"),
        (Rule::StatementFirst, _) => {
            format!("What has your experience been with {name}? Tell me about {exp}.")
        }
        (Rule::Blame, _) => {
            "Walk me through what happened. What in the system made it possible?".to_string()
        }
    }
}

/// Capitalise the first letter.
fn sentence_case(s: &str) -> String {
    let mut it = s.chars();
    match it.next() {
        Some(f) => f.to_uppercase().chain(it).collect(),
        None => String::new(),
    }
}

/// Remove loaded adjectives/adverbs that sit between two words
/// ("the awful alert noise" -> "the alert noise").
fn drop_loaded(d: &Doc) -> Option<String> {
    let mut removed = Vec::new();
    for k in 1..d.words.len().saturating_sub(1) {
        let t = d.words[k];
        if d.f(k) & REMOVABLE == 0 || d.words[k - 1] + 1 != t || d.words[k + 1] != t + 1 {
            continue;
        }
        let w = d.w(k);
        let adverb = w.ends_with("ly") && w != "silly";
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
            let cap = d.src[prev.start..prev.end].starts_with('A');
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

fn apply_cut(d: &Doc, cut: Cut) -> Option<String> {
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
        Cut::KeepFrom(t) => sentence_case(d.src[d.toks.get(t)?.start..].trim()),
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
    let s = d.sent_of(r.aux)?;
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
    Some(d.text(a, b - 1).to_string())
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

/// "How satisfied were you…" -> "How satisfied or dissatisfied were you…".
fn add_opposite(d: &Doc, r: &Raw) -> Option<String> {
    let k = r.aux + 1;
    let opposite = match d.w(k) {
        "satisfied" => "dissatisfied",
        "dissatisfied" | "unsatisfied" => "satisfied",
        "easy" => "difficult",
        "difficult" | "hard" => "easy",
        "useful" => "useless",
        "helpful" => "unhelpful",
        "happy" => "unhappy",
        "unhappy" => "happy",
        "good" | "great" => "bad",
        "bad" | "terrible" | "awful" => "good",
        "well" => "badly",
        "badly" | "poorly" => "well",
        "important" => "unimportant",
        "effective" => "ineffective",
        "positively" => "negatively",
        _ => return None,
    };
    let (_, e) = d.word_span(k, k);
    Some(format!("{} or {}{}", &d.src[..e], opposite, &d.src[e..]))
}

/// Replace unbalanced answer options with a balanced five-point set of the same kind.
fn balanced_options(d: &Doc, r: &Raw) -> Option<String> {
    let opts = d.src[d.toks[r.ts].start..d.toks[r.te].end].to_ascii_lowercase();
    let set = if opts.contains("agree") {
        "Strongly disagree / Disagree / Neither agree nor disagree / Agree / Strongly agree"
    } else if opts.contains("satisf") {
        "Very dissatisfied / Dissatisfied / Neither / Satisfied / Very satisfied"
    } else {
        "Very poor / Poor / Fair / Good / Very good"
    };
    let head = d.src[..d.toks[r.ts].start].trim_end();
    let tail = &d.src[d.toks[r.te].end..];
    Some(format!("{head} {set}{tail}"))
}

/// "merge" -> "merging", "stop" -> "stopping", "do" -> "doing".
pub(crate) fn gerund(v: &str) -> String {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let chars: Vec<char> = v.chars().collect();
    let n = chars.len();
    if n == 0 {
        return String::new();
    }
    if matches!(v, "be" | "see" | "flee" | "agree" | "free") {
        return format!("{v}ing");
    }
    if let Some(stem) = v.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    if let Some(stem) = v.strip_suffix('e') {
        if n > 2 && !matches!(stem.chars().last(), Some('e' | 'y' | 'o')) {
            return format!("{stem}ing");
        }
    }
    let vowel_groups = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| vowel(c) && (i == 0 || !vowel(chars[i - 1])))
        .count();
    if n >= 3
        && vowel_groups == 1
        && !vowel(chars[n - 1])
        && !matches!(chars[n - 1], 'w' | 'x' | 'y')
        && vowel(chars[n - 2])
        && !vowel(chars[n - 3])
    {
        return format!("{v}{}ing", chars[n - 1]);
    }
    format!("{v}ing")
}

/// System-focused rewrites of blaming questions.
fn blame_rewrite(d: &Doc, r: &Raw, shape: Shape) -> Option<String> {
    let s = d.sent_of(r.aux)?;
    let v = r.aux;
    let rest = |from: usize| -> Option<String> {
        if from >= s.wb {
            None
        } else {
            Some(d.text(from, s.wb - 1).to_string())
        }
    };
    let head_word = d.w(d.head(s));
    match shape {
        Shape::WhyYou if head_word == "why" => {
            let negative = d.toks[r.ts..=r.te].iter().any(|t| t.flags & NEG_AUX != 0);
            let verb = d.w(v).to_string();
            let tail = rest(v + 1).map(|t| format!(" {t}")).unwrap_or_default();
            if negative {
                Some(format!(
                    "What would have helped you {verb}{tail} at the time?"
                ))
            } else {
                Some(format!(
                    "What made {}{tail} look reasonable at the time?",
                    gerund(&verb)
                ))
            }
        }
        Shape::WhyYou => Some(
            "Walk me through what you knew and what you were trying to do at that moment."
                .to_string(),
        ),
        Shape::HowCome if matches!(d.w(v), "nobody" | "no-one" | "one") => {
            let tail = rest(v + 1)?;
            Some(format!("What would have helped someone {tail} sooner?"))
        }
        Shape::Who => {
            // "Who broke the deploy?" -> "…what happened with the deploy…"
            let obj = (r.aux + 1..s.wb)
                .find(|&k| d.f(k) & DET != 0)
                .and_then(rest);
            Some(match obj {
                Some(o) => format!(
                    "Walk me through what happened with {o}. What in the system made it possible?"
                ),
                None => "Walk me through what happened. What in the system made it possible?"
                    .to_string(),
            })
        }
        _ => None,
    }
}
