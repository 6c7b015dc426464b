//! Blame in postmortem prose: "human error", "Bob failed to run the migration", "caused by
//! Alice's mistake", "should have known", "careless", "who caused this". Each finding spans the
//! blaming words (byte offsets into the whole text) and suggests a system-focused rewrite of
//! that sentence. Neutral, factual prose ("The deploy failed at 14:02 because the health check
//! timed out.") is not flagged.

use super::lexicon::{
    self, BLAME_NOUN, BLAME_VERB, DET, PERCEIVE_VERB, PERSON, PROCESS_VERB, PROSE_BLAME,
    SYSTEM_NOUN,
};
use super::rewrites::gerund;
use super::rules::Rule;
use super::tokenizer::{Doc, Sent};
use super::{LintFinding, Span};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// "human error", "operator error"
    HumanError,
    /// "<person> failed to / forgot to / neglected to <verb>"; `aux` = the verb.
    Omission,
    /// "<person> should have <verb>"; `aux` = the verb.
    ShouldHave,
    /// "<person>'s mistake"
    PersonsMistake,
    /// "careless", "negligence", "to blame", "at fault"
    Judgement,
    /// "who caused", "who broke"; `aux` = the verb.
    WhoDid,
}

struct Hit {
    kind: Kind,
    a: usize,
    b: usize,
    aux: usize,
    /// The subject words `sa..=b'` removed by the rewrite, if any.
    subj: Option<usize>,
}

/// Check postmortem prose for language that blames a person.
pub fn check_prose(text: &str) -> Vec<LintFinding> {
    let d = Doc::new(text);
    let mut out = Vec::new();
    for s in &d.sents {
        let mut hits = Vec::new();
        scan(&d, s, &mut hits);
        for h in hits {
            let (start, end) = d.word_span(h.a, h.b);
            let trigger = text[start..end].to_string();
            let suggestion = rewrite(&d, s, &h)
                .filter(|r| is_clean(r))
                .unwrap_or_else(|| GENERIC.to_string());
            out.push(LintFinding {
                rule: Rule::Blame.id().to_string(),
                span: Span { start, end },
                explanation: explain(h.kind, &trigger),
                trigger,
                suggestion,
            });
        }
    }
    out.sort_by_key(|f| (f.span.start, f.span.end));
    out.dedup_by(|a, b| a.span == b.span);
    out
}

fn is_clean(s: &str) -> bool {
    let d = Doc::new(s);
    d.sents.iter().all(|s| {
        let mut h = Vec::new();
        scan(&d, s, &mut h);
        h.is_empty()
    })
}

fn explain(kind: Kind, t: &str) -> String {
    match kind {
        Kind::HumanError => format!(
            "\u{201c}{t}\u{201d} ends the analysis at a person. Say what made the action easy to get wrong: the tooling, the defaults, the time pressure, the missing check."
        ),
        Kind::Omission | Kind::ShouldHave => format!(
            "\u{201c}{t}\u{201d} judges a person against hindsight. Describe what did not happen and why the system did not prompt or catch it at the time."
        ),
        Kind::PersonsMistake => format!(
            "\u{201c}{t}\u{201d} names a person as the cause. Describe the change and the conditions that let it through."
        ),
        Kind::Judgement => format!(
            "\u{201c}{t}\u{201d} is a judgement of a person, not a description of what happened. Blameless write-ups describe actions and conditions."
        ),
        Kind::WhoDid => format!(
            "\u{201c}{t}\u{201d} looks for a culprit. Ask which conditions made the outcome possible."
        ),
    }
}

/// The person words ending right before word `k` ("Bob", "the on-call engineer", "he", "we").
/// Returns the first word of the subject.
fn person_before(d: &Doc, s: &Sent, k: usize) -> Option<usize> {
    if k == s.wa || !d.adjacent(k - 1) {
        return None;
    }
    let lex = lexicon::get();
    let j = k - 1;
    let f = d.f(j);
    let w = d.w(j);
    let name = d.capitalised(j)
        && f == 0
        && lex.topic(w).is_none()
        && w.chars().all(char::is_alphabetic)
        && !d.orig(j).chars().all(|c| c.is_uppercase());
    let person = (f & PERSON != 0 && f & SYSTEM_NOUN == 0) || matches!(w, "we" | "i");
    if !(person || name) {
        return None;
    }
    let mut a = j;
    while a > s.wa
        && d.adjacent(a - 1)
        && (d.f(a - 1) & (PERSON | DET) != 0)
        && d.f(a - 1) & SYSTEM_NOUN == 0
    {
        a -= 1;
    }
    Some(a)
}

fn human_verb(w: &str, f: u64) -> bool {
    f & (PROCESS_VERB | PERCEIVE_VERB) != 0
        || matches!(
            w,
            "follow"
                | "read"
                | "verify"
                | "inform"
                | "tell"
                | "notify"
                | "ask"
                | "wait"
                | "double-check"
                | "confirm"
                | "communicate"
                | "page"
                | "update"
                | "roll"
                | "look"
                | "remove"
                | "add"
                | "set"
                | "turn"
                | "enable"
                | "disable"
        )
}

fn scan(d: &Doc, s: &Sent, hits: &mut Vec<Hit>) {
    for k in s.wa..s.wb {
        let w = d.w(k);
        let f = d.f(k);
        let next = d.w_at(k + 1, s);
        // "human error", "operator error"
        if matches!(
            w,
            "human" | "operator" | "user" | "engineer" | "pilot" | "personnel"
        ) && matches!(next, "error" | "errors" | "mistake" | "mistakes")
        {
            hits.push(Hit {
                kind: Kind::HumanError,
                a: k,
                b: k + 1,
                aux: k,
                subj: None,
            });
            continue;
        }
        // "<person> failed to / forgot to / neglected to <verb>"
        if matches!(
            w,
            "failed" | "forgot" | "neglected" | "omitted" | "fails" | "forgets"
        ) && next == "to"
            && k + 2 < s.wb
        {
            if let Some(a) = person_before(d, s, k) {
                let v = k + 2;
                let always = matches!(w, "forgot" | "forgets" | "neglected");
                let named = d.f(k - 1) & PERSON == 0 && !matches!(d.w(k - 1), "we" | "i");
                if always || !named || human_verb(d.w(v), d.f(v)) {
                    hits.push(Hit {
                        kind: Kind::Omission,
                        a,
                        b: k + 1,
                        aux: v,
                        subj: Some(a),
                    });
                    continue;
                }
            }
        }
        // "<person> didn't bother to", "<person> ignored the alert"
        if (w == "ignored" || (w == "bother" && k > s.wa && d.w(k - 1).ends_with("n't")))
            && k + 1 < s.wb
        {
            let at = if w == "bother" { k - 1 } else { k };
            if let Some(a) = person_before(d, s, at) {
                hits.push(Hit {
                    kind: Kind::Judgement,
                    a,
                    b: k,
                    aux: k,
                    subj: Some(a),
                });
                continue;
            }
        }
        // "should have known", "shouldn't have deployed"
        if matches!(w, "should" | "shouldn't" | "could" | "ought")
            && next == "have"
            && k + 2 < s.wb
            && (w != "could" || d.w_at(k + 2, s) == "avoided")
        {
            let v = k + 2;
            if let Some(a) = person_before(d, s, k) {
                hits.push(Hit {
                    kind: Kind::ShouldHave,
                    a: k,
                    b: v,
                    aux: v,
                    subj: Some(a),
                });
                continue;
            }
            if d.w(v) == "known" {
                hits.push(Hit {
                    kind: Kind::ShouldHave,
                    a: k,
                    b: v,
                    aux: v,
                    subj: None,
                });
                continue;
            }
        }
        // "Bob's mistake", "the engineer's error"
        if let Some(owner) = w.strip_suffix("'s") {
            let mistake = matches!(
                next,
                "mistake"
                    | "error"
                    | "oversight"
                    | "negligence"
                    | "carelessness"
                    | "fault"
                    | "lapse"
                    | "blunder"
                    | "slip"
                    | "failure"
            );
            let lex = lexicon::get();
            let of = lex.flags(owner);
            let person = (of & PERSON != 0 && of & SYSTEM_NOUN == 0)
                || (d.capitalised(k) && of == 0 && lex.topic(owner).is_none());
            if mistake && person {
                let a = if k > s.wa && d.f(k - 1) & DET != 0 {
                    k - 1
                } else {
                    k
                };
                hits.push(Hit {
                    kind: Kind::PersonsMistake,
                    a,
                    b: k + 1,
                    aux: k,
                    subj: None,
                });
                continue;
            }
        }
        // "careless", "negligence", "to blame", "at fault", "blamed"
        let judged_fault = w == "fault" && k > s.wa && matches!(d.w(k - 1), "at" | "whose");
        let to_blame = w == "blame" && k > s.wa && d.w(k - 1) == "to";
        if f & PROSE_BLAME != 0
            || (f & BLAME_NOUN != 0 && !matches!(w, "fault" | "blame"))
            || judged_fault
            || to_blame
            || w == "blamed"
        {
            let a = if judged_fault || to_blame { k - 1 } else { k };
            hits.push(Hit {
                kind: Kind::Judgement,
                a,
                b: k,
                aux: k,
                subj: None,
            });
            continue;
        }
        // "who caused this", "who broke the build"
        if w == "who" && d.f_at(k + 1, s) & BLAME_VERB != 0 {
            hits.push(Hit {
                kind: Kind::WhoDid,
                a: k,
                b: k + 1,
                aux: k + 1,
                subj: None,
            });
        }
    }
}

/// Text from word `a` to the end of the sentence, without the final punctuation.
fn tail(d: &Doc, s: &Sent, a: usize) -> Option<String> {
    (a < s.wb).then(|| d.text(a, s.wb - 1).to_string())
}

fn sentence_case(s: &str) -> String {
    let mut it = s.chars();
    match it.next() {
        Some(f) => f.to_uppercase().chain(it).collect(),
        None => String::new(),
    }
}

fn rewrite(d: &Doc, s: &Sent, h: &Hit) -> Option<String> {
    let sent_start = d.toks[s.ta.min(d.toks.len() - 1)].start;
    let (hs, he) = d.word_span(h.a, h.b);
    let before = d.src[sent_start..hs].trim_start();
    let after_end = d.toks.get(s.tb).map_or(d.src.len(), |t| t.end);
    let after = &d.src[he..after_end];
    match h.kind {
        Kind::HumanError => Some(format!(
            "{before}a step that the process and tooling let go wrong{after}"
        )),
        Kind::PersonsMistake if d.w(h.b) == "fault" => None,
        Kind::PersonsMistake => Some(format!(
            "{before}a change that the process and tooling let through{after}"
        )),
        Kind::Omission => {
            let rest = tail(d, s, h.aux + 1)
                .map(|t| format!(" {t}"))
                .unwrap_or_default();
            let lead = d.src[sent_start..d.word_span(h.subj?, h.subj?).0].trim();
            let lead = if lead.is_empty() {
                String::new()
            } else {
                format!("{lead} ")
            };
            Some(sentence_case(&format!(
                "{lead}{}{rest} did not happen, and nothing in the process or tooling caught it.",
                gerund(d.w(h.aux))
            )))
        }
        Kind::ShouldHave => {
            let v = d.w(h.aux);
            let rest = tail(d, s, h.aux + 1).unwrap_or_default();
            if v == "known" {
                let rest = rest.strip_prefix("that ").unwrap_or(&rest);
                return Some(format!("Nothing at the time made it clear that {rest}."));
            }
            let base = match v {
                "caught" => "catch".to_string(),
                "seen" => "see".to_string(),
                "done" => "do".to_string(),
                "read" | "run" | "set" | "put" => v.to_string(),
                _ if v.ends_with("ed") => base_form(v),
                _ => return None,
            };
            let rest = if rest.is_empty() {
                String::new()
            } else {
                format!(" {rest}")
            };
            let neg = d.w(h.a) == "shouldn't";
            Some(if neg {
                sentence_case(&format!(
                    "{}{rest} was possible, and nothing in the process or tooling questioned it.",
                    gerund(&base)
                ))
            } else {
                sentence_case(&format!(
                    "{}{rest} was not prompted by the process or tooling at the time.",
                    gerund(&base)
                ))
            })
        }
        Kind::WhoDid => {
            let rest = tail(d, s, h.aux + 1).unwrap_or_else(|| "this".to_string());
            Some(format!("{before}what led to {rest}."))
        }
        Kind::Judgement => {
            // Drop an adjective or adverb between two words ("a careless change").
            if h.a == h.b && d.f(h.a) & PROSE_BLAME != 0 && h.a > s.wa && h.a + 1 < s.wb {
                let (ps, _) = d.word_span(h.a, h.a);
                let (ns, _) = d.word_span(h.a + 1, h.a + 1);
                let prev = d.w(h.a - 1);
                if d.f(h.a - 1) & DET != 0 || d.w(h.a).ends_with("ly") {
                    let head = &d.src[sent_start..ps];
                    let head = if matches!(prev, "a" | "an") {
                        let cut = head.trim_end().len() - prev.len();
                        let next_vowel = d.w(h.a + 1).starts_with(['a', 'e', 'i', 'o', 'u']);
                        format!("{}{} ", &head[..cut], if next_vowel { "an" } else { "a" })
                    } else {
                        head.to_string()
                    };
                    return Some(sentence_case(&format!("{head}{}", &d.src[ns..after_end])));
                }
            }
            None
        }
    }
}

/// "checked" -> "check", "merged" -> "merge".
fn base_form(v: &str) -> String {
    if let Some(b) = v.strip_suffix("ied") {
        return format!("{b}y");
    }
    if let Some(b) = v.strip_suffix("ed") {
        if b.ends_with("at")
            || b.ends_with("iz")
            || b.ends_with("is")
            || matches!(
                b,
                "merg" | "us" | "notic" | "pag" | "chang" | "stag" | "revok" | "clos" | "sav"
            )
        {
            return format!("{b}e");
        }
        let c: Vec<char> = b.chars().collect();
        if c.len() >= 2 && c[c.len() - 1] == c[c.len() - 2] && !matches!(c[c.len() - 1], 'l' | 's')
        {
            return c[..c.len() - 1].iter().collect();
        }
        return b.to_string();
    }
    v.to_string()
}

/// The rewrite used when a sentence cannot be rewritten word by word.
const GENERIC: &str = "Describe what happened and which conditions in the system made it possible.";
