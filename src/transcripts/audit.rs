//! The interviewer audit: which questions the interviewer asked, which of them lead (by the
//! question checker), and how talk time was shared.
//!
//! Questions are sentences of the interviewer's cues that end in `?`, or that open with a
//! prompt ("tell me", "walk me through", "talk me through", "describe", "show me", "explain",
//! "can you", "could you", and the "us" forms), after up to three fillers such as "so,",
//! "okay" or "please". A sentence left open at the end of a cue continues into the next cue
//! when the same speaker says it, because captioners cut cues by time, not by sentence.
//! Only interviewer cues are read, so a question an interviewee quotes or asks back is not
//! counted against the interviewer.

use super::{hms, word_count, Cue, Transcript};
use crate::questions::lint::LintFinding;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

/// Label for cues whose speaker the transcript does not name.
pub const UNKNOWN_SPEAKER: &str = "Unknown";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Audit {
    /// Every speaker, in order of first appearance.
    pub speakers: Vec<SpeakerStats>,
    /// The interviewer's questions, in transcript order.
    pub questions: Vec<AskedQuestion>,
    #[ts(type = "number")]
    pub asked: usize,
    #[ts(type = "number")]
    pub leading: usize,
    /// The interviewer labels, spelled as in the transcript where they match a speaker.
    pub interviewer: Vec<String>,
    /// True when no interviewer was given and the one asking the most questions was taken.
    pub interviewer_guessed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SpeakerStats {
    pub label: String,
    #[ts(type = "number")]
    pub words: usize,
    pub seconds: f64,
    /// Fraction of all words, 0..1 (0 when nobody spoke).
    pub share_words: f64,
    /// Fraction of all cue time, 0..1 (0 when the cues have no duration).
    pub share_seconds: f64,
    pub interviewer: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AskedQuestion {
    pub speaker: String,
    /// Index into the transcript's cues: the cue where the question starts.
    #[ts(type = "number")]
    pub cue: usize,
    #[ts(type = "number")]
    pub start_ms: u64,
    /// `hh:mm:ss` of the cue's start.
    pub start: String,
    /// The question. For a question within one cue this is exactly `cue.text[span]`; for one
    /// that runs on into the next cues, their parts joined with a space.
    pub text: String,
    /// Byte range of the question in its (first) cue's text, `end` exclusive.
    #[ts(type = "[number, number]")]
    pub span: (usize, usize),
    pub leading: bool,
    /// The checker's findings; their spans are byte offsets into `text`.
    pub rules: Vec<LintFinding>,
}

/// Audits `t` with `interviewer` as the interviewer's speaker labels (matched trimmed and
/// case-insensitively; empty = guess) and `check` as the leading-question checker.
pub fn audit(
    t: &Transcript,
    interviewer: &[String],
    check: &dyn Fn(&str) -> Vec<LintFinding>,
) -> Audit {
    let cues = &t.cues;
    let labels: Vec<&str> = cues.iter().map(label).collect();

    // Talk time, with speakers in order of first appearance. Milliseconds are summed as
    // integers so shares are exact quotients.
    let mut order: Vec<&str> = Vec::new();
    let mut tally: HashMap<&str, (usize, u64)> = HashMap::new();
    for (cue, &l) in cues.iter().zip(&labels) {
        let e = tally.entry(l).or_insert_with(|| {
            order.push(l);
            (0, 0)
        });
        e.0 += word_count(&cue.text);
        e.1 += cue.end_ms.saturating_sub(cue.start_ms);
    }

    let found = find_questions(cues);

    let given: Vec<&str> = interviewer
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let (chosen, guessed) = if given.is_empty() {
        (guess_interviewer(cues, &found, &order), true)
    } else {
        let mut names: Vec<String> = Vec::new();
        for g in given {
            let w = g.to_lowercase();
            let name = order
                .iter()
                .copied()
                .find(|l| l.to_lowercase() == w)
                .unwrap_or(g);
            if !names.iter().any(|n| n.to_lowercase() == w) {
                names.push(name.to_owned());
            }
        }
        (names, false)
    };
    let is_interviewer: HashSet<String> = chosen.iter().map(|s| s.trim().to_lowercase()).collect();
    let asks = |l: &str| is_interviewer.contains(&l.trim().to_lowercase());

    let questions: Vec<AskedQuestion> = found
        .into_iter()
        .filter(|q| asks(labels[q.cue]))
        .map(|q| {
            let rules = check(&q.text);
            let start_ms = cues[q.cue].start_ms;
            AskedQuestion {
                speaker: labels[q.cue].to_owned(),
                cue: q.cue,
                start_ms,
                start: hms(start_ms),
                leading: !rules.is_empty(),
                text: q.text,
                span: q.span,
                rules,
            }
        })
        .collect();

    let total_words: usize = tally.values().map(|v| v.0).sum();
    let total_ms: u64 = tally.values().map(|v| v.1).sum();
    let share = |part: f64, total: f64| if total > 0.0 { part / total } else { 0.0 };
    let speakers = order
        .iter()
        .map(|&l| {
            let (words, ms) = tally[l];
            SpeakerStats {
                label: l.to_owned(),
                words,
                seconds: ms as f64 / 1000.0,
                share_words: share(words as f64, total_words as f64),
                share_seconds: share(ms as f64, total_ms as f64),
                interviewer: asks(l),
            }
        })
        .collect();

    Audit {
        speakers,
        asked: questions.len(),
        leading: questions.iter().filter(|q| q.leading).count(),
        questions,
        interviewer: chosen,
        interviewer_guessed: guessed,
    }
}

fn label(c: &Cue) -> &str {
    match c.speaker.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() => s,
        _ => UNKNOWN_SPEAKER,
    }
}

/// The named speaker with the most questions; ties go to whoever spoke first. Nobody when
/// the transcript names no speaker.
fn guess_interviewer(cues: &[Cue], found: &[Found], order: &[&str]) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for q in found {
        *counts.entry(label(&cues[q.cue])).or_default() += 1;
    }
    let mut best: Option<(&str, usize)> = None;
    for &l in order {
        if !cues
            .iter()
            .any(|c| c.speaker.as_deref().map(str::trim) == Some(l))
        {
            continue;
        }
        let n = counts.get(l).copied().unwrap_or(0);
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((l, n));
        }
    }
    best.map(|(l, _)| vec![l.to_owned()]).unwrap_or_default()
}

/// A question found in the transcript, before the interviewer filter and the checker.
struct Found {
    cue: usize,
    span: (usize, usize),
    text: String,
}

/// Every speaker's questions, joining a sentence left open at the end of a cue with the
/// start of the next cue when the same speaker says both.
fn find_questions(cues: &[Cue]) -> Vec<Found> {
    let mut out = Vec::new();
    // An open sentence carried into the next cue: (cue, span, text so far).
    let mut carry: Option<(usize, (usize, usize), String)> = None;
    for (i, cue) in cues.iter().enumerate() {
        let continues = cues.get(i + 1).is_some_and(|n| label(n) == label(cue));
        let sents = sentences(&cue.text);
        if sents.is_empty() {
            if !continues {
                if let Some((c, span, text)) = carry.take() {
                    judge(&mut out, c, span, text);
                }
            }
            continue;
        }
        let last = sents.len() - 1;
        for (k, s) in sents.iter().enumerate() {
            let part = &cue.text[s.start..s.end];
            let (c, span, text) = match carry.take() {
                Some((c, span, mut text)) => {
                    text.push(' ');
                    text.push_str(part);
                    (c, span, text)
                }
                None => (i, (s.start, s.end), part.to_owned()),
            };
            if k == last && !s.terminated && continues {
                carry = Some((c, span, text));
            } else {
                judge(&mut out, c, span, text);
            }
        }
    }
    out
}

fn judge(out: &mut Vec<Found>, cue: usize, span: (usize, usize), text: String) {
    if is_question(&text) {
        out.push(Found { cue, span, text });
    }
}

#[derive(Debug, PartialEq)]
struct Sentence {
    start: usize,
    end: usize,
    /// False for a sentence that runs to the end of the text with no `.`, `?`, `!` or `…`.
    terminated: bool,
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '。' | '？' | '！')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '」')
}

/// Words that end with a dot without ending a sentence.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "vs", "dr", "mr", "mrs", "ms", "prof", "approx", "cf", "st", "jr", "sr",
    "fig",
];

/// Splits text into sentences: a run of terminal punctuation (with closing quotes or
/// brackets) followed by whitespace or the end ends one, except after an abbreviation or
/// inside a number ("2.5"). Spans exclude surrounding whitespace.
fn sentences(text: &str) -> Vec<Sentence> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut j = 0;
    while j < chars.len() {
        let (pos, c) = chars[j];
        let Some(s) = start else {
            if !c.is_whitespace() {
                start = Some(pos);
            } else {
                j += 1;
            }
            continue;
        };
        if !is_terminal(c) {
            j += 1;
            continue;
        }
        let mut k = j + 1;
        while k < chars.len() && (is_terminal(chars[k].1) || is_closer(chars[k].1)) {
            k += 1;
        }
        let end = chars.get(k).map_or(text.len(), |&(p, _)| p);
        let boundary =
            k == chars.len() || chars[k].1.is_whitespace() || matches!(c, '。' | '？' | '！');
        let abbreviation = c == '.' && k == j + 1 && {
            let word = text[s..pos]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            ABBREVIATIONS.contains(&word.to_lowercase().as_str())
        };
        if boundary && !abbreviation {
            out.push(Sentence {
                start: s,
                end,
                terminated: true,
            });
            start = None;
        }
        j = k;
    }
    if let Some(s) = start {
        let end = text.trim_end().len();
        if end > s {
            out.push(Sentence {
                start: s,
                end,
                terminated: false,
            });
        }
    }
    out
}

#[rustfmt::skip]
const FILLERS: &[&str] = &[
    "so", "okay", "ok", "alright", "all right", "right", "and", "now", "well", "great", "cool",
    "please", "then", "next", "first", "finally", "lastly",
];

#[rustfmt::skip]
const PROMPTS: &[&str] = &[
    "tell me", "tell us", "walk me through", "walk us through", "talk me through",
    "talk us through", "describe", "show me", "show us", "explain", "can you", "could you",
];

/// Whether a sentence asks something: it ends in a question mark, or it opens with a prompt.
fn is_question(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(is_closer);
    if t.ends_with(['?', '？']) {
        return true;
    }
    let lower: String = s.chars().take(80).collect::<String>().to_lowercase();
    let mut rest = lower.as_str();
    for _ in 0..3 {
        match FILLERS.iter().find_map(|f| after_word(rest, f)) {
            Some(r) => rest = r.trim_start_matches(punctuation_or_space),
            None => break,
        }
    }
    PROMPTS.iter().any(|p| after_word(rest, p).is_some())
}

fn punctuation_or_space(c: char) -> bool {
    c.is_whitespace() || ",.!;:—–-".contains(c)
}

/// `s` after `word` if `s` starts with it as whole words.
fn after_word<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(word)?;
    match rest.chars().next() {
        Some(c) if c.is_alphanumeric() || c == '\'' || c == '’' => None,
        _ => Some(rest),
    }
}

/// A plain-text report: the question count, each leading question with its rules and a
/// rewrite, the talk-time table, and who was taken as the interviewer and why.
pub fn render_text(a: &Audit) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let plural = if a.asked == 1 {
        "question"
    } else {
        "questions"
    };
    if a.interviewer.is_empty() {
        out.push_str(
            "No speaker is named in this transcript, so your questions cannot be told apart.\n",
        );
    } else {
        let _ = writeln!(out, "You asked {} {plural}; {} led.", a.asked, a.leading);
    }
    if a.leading > 0 {
        out.push_str("\nLeading questions:\n");
        for q in a.questions.iter().filter(|q| q.leading) {
            let _ = write!(out, "{} {}: {}", q.start, q.speaker, one_line(&q.text));
            for (k, f) in q.rules.iter().enumerate() {
                let sep = if k == 0 { " — " } else { "; " };
                let _ = write!(out, "{sep}{}: '{}'", f.rule, f.trigger);
            }
            if let Some(f) = q.rules.iter().find(|f| !f.suggestion.trim().is_empty()) {
                let _ = write!(out, " — rewrite: {}", one_line(&f.suggestion));
            }
            out.push('\n');
        }
    }

    out.push_str("\nTalk time:\n");
    let mark = |s: &SpeakerStats| if s.interviewer { " *" } else { "" };
    let width = a
        .speakers
        .iter()
        .map(|s| s.label.chars().count() + mark(s).len())
        .max()
        .unwrap_or(0)
        .max("speaker".len());
    let _ = writeln!(
        out,
        "  {:<width$}  {:>7}  {:>6}  {:>8}  {:>6}",
        "speaker", "words", "share", "time", "share"
    );
    for s in &a.speakers {
        let name = format!("{}{}", s.label, mark(s));
        let _ = writeln!(
            out,
            "  {name:<width$}  {:>7}  {:>5.1}%  {:>8}  {:>5.1}%",
            s.words,
            s.share_words * 100.0,
            hms((s.seconds * 1000.0).round() as u64),
            s.share_seconds * 100.0,
        );
    }
    if a.speakers.iter().any(|s| s.interviewer) {
        out.push_str("  (* interviewer)\n");
    }

    out.push('\n');
    let quoted = a
        .interviewer
        .iter()
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(", ");
    if a.interviewer_guessed {
        if a.interviewer.is_empty() {
            out.push_str("Pass --interviewer to say who the interviewer is.\n");
        } else {
            let _ = writeln!(
                out,
                "Took {quoted} as the interviewer: they asked the most questions ({}); pass --interviewer to choose.",
                a.asked
            );
        }
    } else {
        let noun = if a.interviewer.len() == 1 {
            "interviewer"
        } else {
            "interviewers"
        };
        let _ = writeln!(out, "The {noun}: {quoted}, as given.");
        let known: HashSet<String> = a.speakers.iter().map(|s| s.label.to_lowercase()).collect();
        for n in a
            .interviewer
            .iter()
            .filter(|n| !known.contains(&n.to_lowercase()))
        {
            let names = a
                .speakers
                .iter()
                .map(|s| s.label.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(
                out,
                "No speaker is called '{n}' in this transcript; its speakers are: {names}."
            );
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::{parse, Format};
    use super::*;
    use crate::questions::lint::Span;

    /// A stand-in for the real checker: three easy rules with spans into the question.
    fn fake_check(q: &str) -> Vec<LintFinding> {
        let lower = q.to_lowercase();
        let mut out = Vec::new();
        let mut flag = |rule: &str, at: usize, len: usize, suggestion: &str| {
            out.push(LintFinding {
                rule: rule.into(),
                span: Span {
                    start: at,
                    end: at + len,
                },
                trigger: q[at..at + len].into(),
                explanation: "test".into(),
                suggestion: suggestion.into(),
            })
        };
        if lower.starts_with("do you like") {
            flag(
                "confirmation-seeking",
                0,
                11,
                "What did you do the last time you used it?",
            );
        }
        if lower.starts_with("don't you") {
            flag("agreement-seeking", 0, 9, "");
        }
        if let Some(p) = lower.find("frustrating") {
            flag("loaded-wording", p, 11, "How did that go?");
        }
        out
    }

    fn interview() -> Transcript {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/transcripts/interview.vtt"
        ))
        .unwrap();
        let t = parse(&bytes, Some("interview.vtt")).unwrap();
        assert_eq!(t.format, Format::Vtt);
        t
    }

    #[test]
    fn counts_questions_and_leading_ones_with_a_guessed_interviewer() {
        let t = interview();
        let a = audit(&t, &[], &fake_check);
        assert_eq!(a.interviewer, ["Priya Raman"]);
        assert!(a.interviewer_guessed);
        let got: Vec<_> = a
            .questions
            .iter()
            .map(|q| (q.cue, q.start.as_str(), q.text.as_str(), q.leading))
            .collect();
        assert_eq!(
            got,
            [
                (0, "00:00:00", "Tell me about your team.", false),
                (2, "00:00:16", "Do you like the new dashboard?", true),
                (
                    4,
                    "00:00:30",
                    "What did you do the last time a build got stuck?",
                    false
                ),
                (7, "00:00:50", "Don't you think that's frustrating?", true),
                (7, "00:00:50", "How long did you wait?", false),
                (
                    9,
                    "00:01:05",
                    "So, walk me through how you found the cause.",
                    false
                ),
                (11, "00:01:25", "Isn't the alerting frustrating?", true),
                (
                    11,
                    "00:01:25",
                    "Could you show me the alert you got.",
                    false
                ),
            ]
        );
        assert_eq!((a.asked, a.leading), (8, 3));
        assert!(a.questions.iter().all(|q| q.speaker == "Priya Raman"));
        let rules: Vec<&str> = a.questions[3]
            .rules
            .iter()
            .map(|r| r.rule.as_str())
            .collect();
        assert_eq!(rules, ["agreement-seeking", "loaded-wording"]);
        assert_eq!(a.questions[3].rules[1].trigger, "frustrating");
    }

    #[test]
    fn spans_point_into_the_cue_text() {
        let t = interview();
        let a = audit(&t, &[], &fake_check);
        for q in &a.questions {
            let cue = &t.cues[q.cue];
            assert_eq!(q.start_ms, cue.start_ms);
            let part = &cue.text[q.span.0..q.span.1];
            assert!(q.text.starts_with(part), "{part:?} / {:?}", q.text);
        }
        // Single-cue questions are exactly their span; the split one is its first part.
        assert_eq!(a.questions[4].span, (36, 58));
        assert_eq!(a.questions[2].span, (0, t.cues[4].text.len()));
        assert_eq!(&t.cues[4].text, "What did you do the last time");
    }

    #[test]
    fn talk_time_is_exact() {
        let a = audit(&interview(), &[], &fake_check);
        let rows: Vec<_> = a
            .speakers
            .iter()
            .map(|s| (s.label.as_str(), s.words, s.seconds, s.interviewer))
            .collect();
        assert_eq!(
            rows,
            [
                ("Priya Raman", 59, 32.0, true),
                ("Marcus O'Neil", 59, 68.0, false),
                ("Unknown", 1, 2.0, false)
            ]
        );
        let shares: Vec<_> = a
            .speakers
            .iter()
            .map(|s| (s.share_words, s.share_seconds))
            .collect();
        assert_eq!(
            shares,
            [
                (59.0 / 119.0, 32.0 / 102.0),
                (59.0 / 119.0, 68.0 / 102.0),
                (1.0 / 119.0, 2.0 / 102.0)
            ]
        );
        let sum: f64 = a.speakers.iter().map(|s| s.share_seconds).sum();
        assert!((sum - 1.0).abs() < 1e-12);
    }

    #[test]
    fn given_interviewer_is_matched_loosely_and_their_questions_count() {
        let t = interview();
        let a = audit(&t, &["  priya RAMAN ".into()], &fake_check);
        assert_eq!(
            (a.interviewer.as_slice(), a.interviewer_guessed, a.asked),
            (&["Priya Raman".to_string()][..], false, 8)
        );
        // Taking the interviewee as the interviewer counts their four questions, quoted or not.
        let a = audit(&t, &["Marcus O'Neil".into()], &fake_check);
        let texts: Vec<_> = a.questions.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Why would I?",
                "I asked in Slack, \"is anyone else seeing this?\"",
                "Can I ask you something?",
                "Is this recorded?"
            ]
        );
        // Both: every question of both.
        let a = audit(
            &t,
            &[
                "Marcus O'Neil".into(),
                "Priya Raman".into(),
                "priya raman".into(),
            ],
            &fake_check,
        );
        assert_eq!((a.asked, a.interviewer.len()), (12, 2));
        // Nobody by that name.
        let a = audit(&t, &["Jo".into()], &fake_check);
        assert_eq!(
            (a.asked, a.interviewer.as_slice()),
            (0, &["Jo".to_string()][..])
        );
        assert!(render_text(&a).contains("No speaker is called 'Jo' in this transcript; its speakers are: Priya Raman, Marcus O'Neil, Unknown."));
    }

    #[test]
    fn guess_ties_go_to_who_spoke_first_and_unnamed_transcripts_have_none() {
        let t = Transcript {
            format: Format::Text,
            cues: vec![
                cue(0, Some("Bo"), "Hi. Why?"),
                cue(1, Some("Al"), "What? How?"),
                cue(2, Some("Bo"), "Tell me more."),
                cue(3, None, "Who? What? When?"),
            ],
        };
        let a = audit(&t, &[], &fake_check);
        assert_eq!(
            (a.interviewer.as_slice(), a.asked),
            (&["Bo".to_string()][..], 2)
        );
        let t = Transcript {
            format: Format::Text,
            cues: vec![cue(0, None, "Why?"), cue(1, Some("  "), "How?")],
        };
        let a = audit(&t, &[], &fake_check);
        assert!(a.interviewer.is_empty() && a.interviewer_guessed);
        assert_eq!(a.asked, 0);
        assert_eq!(a.speakers.len(), 1);
        assert!(render_text(&a).starts_with("No speaker is named"));
        let empty = audit(
            &Transcript {
                format: Format::Vtt,
                cues: vec![],
            },
            &[],
            &fake_check,
        );
        assert!(empty.speakers.is_empty() && empty.questions.is_empty());
    }

    fn cue(sec: u64, speaker: Option<&str>, text: &str) -> Cue {
        Cue {
            start_ms: sec * 1000,
            end_ms: sec * 1000 + 1000,
            speaker: speaker.map(Into::into),
            text: text.into(),
            line: 1,
        }
    }

    #[test]
    fn questions_split_across_cues_join_only_within_one_speaker() {
        let t = Transcript {
            format: Format::Text,
            cues: vec![
                cue(0, Some("I"), "OK. And how often do you"),
                cue(1, Some("I"), "deploy on"),
                cue(2, Some("I"), "a Friday? Fine."),
                cue(3, Some("I"), "Can you tell me"),
                cue(4, Some("E"), "about what?"),
                cue(5, Some("I"), "Describe it"),
            ],
        };
        let a = audit(&t, &["I".into()], &fake_check);
        let got: Vec<_> = a
            .questions
            .iter()
            .map(|q| (q.cue, q.span, q.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (0, (4, 24), "And how often do you deploy on a Friday?"),
                (3, (0, 15), "Can you tell me"),
                (5, (0, 11), "Describe it"),
            ]
        );
    }

    #[test]
    fn sentence_and_question_rules() {
        fn spans(s: &str) -> Vec<&str> {
            sentences(s).iter().map(|x| &s[x.start..x.end]).collect()
        }
        assert_eq!(
            spans("  Hi there.  Is v2.5 out, e.g. today?! Yes…  maybe"),
            ["Hi there.", "Is v2.5 out, e.g. today?!", "Yes…", "maybe"]
        );
        assert_eq!(
            spans("He said \"why?\" then left. 好吗？好。"),
            ["He said \"why?\"", "then left.", "好吗？", "好。"]
        );
        assert!(sentences(" \n ").is_empty());
        for q in [
            "How so?",
            "Really?\"",
            "Tell me about it.",
            "So, okay — walk me through the deploy.",
            "Please describe the last incident",
            "Alright. Explain that",
            "Could you share the doc.",
            "TALK US THROUGH IT",
        ] {
            assert!(is_question(q), "{q}");
        }
        for s in [
            "We tell me nothing.",
            "Telling me is hard.",
            "Describes it.",
            "So we deploy.",
            "Canyon trip.",
            "Shown meaning.",
        ] {
            assert!(!is_question(s), "{s}");
        }
    }

    #[test]
    fn report_text() {
        let a = audit(&interview(), &[], &fake_check);
        let r = render_text(&a);
        assert!(r.starts_with("You asked 8 questions; 3 led.\n"), "{r}");
        assert!(r.contains("00:00:16 Priya Raman: Do you like the new dashboard? — confirmation-seeking: 'Do you like' — rewrite: What did you do the last time you used it?\n"), "{r}");
        assert!(r.contains("00:00:50 Priya Raman: Don't you think that's frustrating? — agreement-seeking: 'Don't you'; loaded-wording: 'frustrating' — rewrite: How did that go?\n"), "{r}");
        assert!(
            r.contains("  Priya Raman *       59   49.6%  00:00:32   31.4%\n"),
            "{r}"
        );
        assert!(
            r.contains("  Unknown              1    0.8%  00:00:02    2.0%\n"),
            "{r}"
        );
        assert!(r.ends_with("Took 'Priya Raman' as the interviewer: they asked the most questions (8); pass --interviewer to choose.\n"), "{r}");
        let r = render_text(&audit(&interview(), &["PRIYA RAMAN".into()], &|_| vec![]));
        assert!(
            r.starts_with("You asked 8 questions; 0 led.\n\nTalk time:"),
            "{r}"
        );
        assert!(
            r.ends_with("The interviewer: 'Priya Raman', as given.\n"),
            "{r}"
        );
    }

    #[test]
    fn json_has_the_documented_keys() {
        let a = audit(&interview(), &[], &fake_check);
        let v = serde_json::to_value(&a).unwrap();
        for k in ["speakers", "questions", "asked", "leading"] {
            assert!(v.get(k).is_some(), "{k}");
        }
        for k in ["label", "words", "seconds", "share_words", "share_seconds"] {
            assert!(v["speakers"][0].get(k).is_some(), "{k}");
        }
        for k in ["speaker", "start", "text", "leading", "rules"] {
            assert!(v["questions"][1].get(k).is_some(), "{k}");
        }
        assert_eq!(
            v["questions"][1]["rules"][0]["rule"],
            "confirmation-seeking"
        );
        assert_eq!(
            v["questions"][1]["rules"][0]["span"],
            serde_json::json!({"start": 0, "end": 11})
        );
        assert_eq!(v["questions"][1]["span"], serde_json::json!([0, 30]));
        assert_eq!(v["asked"], 8);
        let back: Audit = serde_json::from_value(v).unwrap();
        assert_eq!(back, a);
    }

    #[test]
    fn typescript_bindings_use_number() {
        let cfg = ts_rs::Config::new();
        let decl = AskedQuestion::decl(&cfg);
        assert!(
            decl.contains("cue: number") && decl.contains("start_ms: number"),
            "{decl}"
        );
        assert!(decl.contains("span: [number, number]"), "{decl}");
        assert!(decl.contains("rules: Array<LintFinding>"), "{decl}");
        let decl = super::super::Cue::decl(&cfg);
        assert!(
            decl.contains("speaker: string | null") && decl.contains("line: number"),
            "{decl}"
        );
        let format = super::super::Format::decl(&cfg);
        assert!(format.contains("\"vtt\" | \"srt\" | \"text\""), "{format}");
    }
}
