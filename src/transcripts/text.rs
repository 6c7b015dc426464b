//! Plain-text transcripts, in the forms the common tools export:
//!
//! - Header form (Otter, Zoom's saved transcript, Rev): a line `Speaker Name  0:03` (the
//!   name, two or more spaces or a tab, then `h:mm:ss`, `mm:ss` or `m:ss`),
//!   `[Speaker Name] 10:15:23` or `Speaker Name (00:01:23):`, then the turn's text on the
//!   following lines, blank lines allowed, until the next header. Inside a turn, lines are
//!   text even if they look like "Name: …".
//! - Line form: `Speaker Name: text`, optionally after a timestamp (`[00:01:23]`,
//!   `(00:01:23)` or a bare `00:01:23`), including Zoom chat's `00:01:23 From Jane Doe to
//!   Everyone: text`. A line without a speaker prefix continues the previous turn, unless it
//!   starts with a timestamp: then it is a new cue for the previous speaker. A line holding
//!   only a timestamp (Meet writes one every few minutes) times the next cue. Which "Name:"
//!   prefixes are speakers is decided for the whole file (`Votes`, dominance at a third of
//!   the lines).
//!
//! The header form wins when the file has two or more headers, or one and no speaker
//! prefixes. Lines before the first turn (a title, a date) are dropped, and so is Otter's
//! "Transcribed by https://otter.ai" footer.
//!
//! Times: a cue ends where the next one starts; the last one lasts 400 ms per word (150
//! words a minute), at least one second. A cue without a timestamp starts 400 ms per word
//! after the previous cue's start (never past the next written timestamp), so a file with no
//! timestamps at all is timed by cumulative word count at 150 words a minute.

use super::{
    classify_name, parse_clock, speaker_prefix, word_count, Clock, Cue, NameKind, ParseError, Votes,
};

const MS_PER_WORD: u64 = 400;

enum Line<'a> {
    Blank,
    Header {
        name: String,
        ms: u64,
    },
    Body {
        /// The line, trimmed.
        full: &'a str,
        stamp: Option<Stamp>,
        /// `full` after the timestamp.
        body: &'a str,
        /// Candidate speaker and the offset of the text in `body`.
        prefix: Option<(NameKind, String, usize)>,
    },
}

#[derive(Clone, Copy)]
struct Stamp {
    ms: u64,
    bracketed: bool,
}

struct Pending {
    start: Option<u64>,
    speaker: Option<String>,
    text: String,
    line: usize,
}

impl Pending {
    fn push_line(&mut self, l: &str) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.text.push_str(l);
    }
}

pub(crate) fn parse(text: &str) -> Result<Vec<Cue>, ParseError> {
    let mut votes = Votes::default();
    let mut units = 0;
    let mut headers = 0;
    let lines: Vec<Line> = text
        .split('\n')
        .map(|raw| {
            let line = classify(raw);
            match &line {
                Line::Header { .. } => headers += 1,
                Line::Body { prefix, .. } => {
                    units += 1;
                    if let Some((kind, name, _)) = prefix {
                        votes.add(*kind, name);
                    }
                }
                Line::Blank => {}
            }
            line
        })
        .collect();
    let accepts = |name: &str| votes.accepts(name, units, 1, 3);
    let prefixed = lines
        .iter()
        .filter(|l| matches!(l, Line::Body { prefix: Some((_, n, _)), .. } if accepts(n)))
        .count();
    let pending = if headers >= 2 || (headers == 1 && prefixed == 0) {
        header_form(&lines)
    } else {
        line_form(&lines, &accepts)
    };
    let pending: Vec<Pending> = pending
        .into_iter()
        .filter(|p| !p.text.trim().is_empty())
        .collect();
    if pending.is_empty() {
        return Err(ParseError::new(
            1,
            "not a transcript: no 'Speaker: text' lines or timestamps found",
        ));
    }
    Ok(timed(pending))
}

fn classify(raw: &str) -> Line<'_> {
    let full = raw.trim();
    if full.is_empty() {
        return Line::Blank;
    }
    if let Some((name, ms)) = header(full) {
        return Line::Header { name, ms };
    }
    let (stamp, body) = match leading_stamp(full) {
        Some((stamp, body)) => (Some(stamp), body),
        None => (None, full),
    };
    let prefix = chat_prefix(body).or_else(|| speaker_prefix(body, true));
    Line::Body {
        full,
        stamp,
        body,
        prefix,
    }
}

/// `Name<2+ spaces or tab>time`, `[Name] time` or `Name (time):`, alone on the line.
fn header(line: &str) -> Option<(String, u64)> {
    let rev = line.strip_suffix(':').unwrap_or(line).strip_suffix(')');
    if let Some((name, time)) = rev.and_then(|r| r.rsplit_once('(')) {
        if let Some(ms) = parse_clock(time.trim(), Clock::Text) {
            return Some((classify_name(name)?.1, ms));
        }
    }
    if let Some(inner) = line.strip_prefix('[') {
        let close = inner.find(']')?;
        let ms = parse_clock(inner[close + 1..].trim(), Clock::Text)?;
        return Some((classify_name(&inner[..close])?.1, ms));
    }
    let p = line.rfind([' ', '\t'])?;
    let ms = parse_clock(&line[p + 1..], Clock::Text)?;
    let name = line[..=p].trim_end();
    let sep = &line[name.len()..=p];
    if sep.len() < 2 && !sep.contains('\t') {
        return None;
    }
    Some((classify_name(name)?.1, ms))
}

/// `[time]`, `(time)` or a bare `time` followed by a space, at the start of the line.
fn leading_stamp(line: &str) -> Option<(Stamp, &str)> {
    let (inner, rest, bracketed) = match line.as_bytes()[0] {
        open @ (b'[' | b'(') => {
            let close = line.find(if open == b'[' { ']' } else { ')' })?;
            (&line[1..close], &line[close + 1..], true)
        }
        _ => {
            let end = line.find(char::is_whitespace).unwrap_or(line.len());
            (&line[..end], &line[end..], false)
        }
    };
    let ms = parse_clock(inner.trim(), Clock::Text)?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace) || bracketed) {
        return None;
    }
    Some((Stamp { ms, bracketed }, rest.trim_start()))
}

/// Zoom chat: `From Jane Doe to Everyone: text` (older: `From Jane Doe : text`).
fn chat_prefix(body: &str) -> Option<(NameKind, String, usize)> {
    let rest = body.strip_prefix("From ")?;
    let colon = rest.find(':')?;
    let who = &rest[..colon];
    let who = who.find(" to ").map_or(who, |p| &who[..p]);
    let (_, name) = classify_name(who)?;
    let after = &rest[colon + 1..];
    Some((NameKind::Name, name, body.len() - after.trim_start().len()))
}

fn is_otter_footer(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    l.starts_with("transcribed by") && l.contains("otter.ai")
}

fn header_form(lines: &[Line]) -> Vec<Pending> {
    let mut out: Vec<Pending> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match line {
            Line::Header { name, ms } => out.push(Pending {
                start: Some(*ms),
                speaker: Some(name.clone()),
                text: String::new(),
                line: i + 1,
            }),
            Line::Body { full, .. } if !is_otter_footer(full) => {
                if let Some(cue) = out.last_mut() {
                    cue.push_line(full);
                }
            }
            _ => {}
        }
    }
    out
}

fn line_form(lines: &[Line], accepts: &dyn Fn(&str) -> bool) -> Vec<Pending> {
    let mut out: Vec<Pending> = Vec::new();
    let mut pending_stamp: Option<u64> = None;
    let mut last_ms: Option<u64> = None;
    for (i, line) in lines.iter().enumerate() {
        let Line::Body {
            full,
            stamp,
            body,
            prefix,
        } = line
        else {
            continue;
        };
        if is_otter_footer(full) {
            continue;
        }
        // A bare time that goes backwards is more likely prose ("10:30 is when…").
        let stamp = stamp.filter(|s| s.bracketed || last_ms.is_none_or(|l| s.ms >= l));
        let speaker = prefix.as_ref().filter(|(_, n, _)| accepts(n));
        if stamp.is_some() && speaker.is_none() && body.is_empty() {
            pending_stamp = stamp.map(|s| s.ms);
            last_ms = pending_stamp;
            continue;
        }
        let start = stamp.map(|s| s.ms).or(pending_stamp.take());
        if start.is_some() {
            last_ms = start;
        }
        let text = match (speaker, stamp) {
            (Some((_, _, rest)), _) => &body[*rest..],
            (None, Some(_)) => body,
            (None, None) => full,
        };
        if speaker.is_some() || start.is_some() {
            let speaker = match speaker {
                Some((_, name, _)) => Some(name.clone()),
                None => out.last().and_then(|c| c.speaker.clone()),
            };
            out.push(Pending {
                start,
                speaker,
                text: String::new(),
                line: i + 1,
            });
        }
        if let Some(cue) = out.last_mut() {
            cue.push_line(text);
        }
    }
    out
}

fn timed(pending: Vec<Pending>) -> Vec<Cue> {
    let words: Vec<u64> = pending.iter().map(|p| word_count(&p.text) as u64).collect();
    // The next written timestamp at or after each cue, to keep estimates from passing it.
    let mut next_known = vec![None; pending.len()];
    let mut known = None;
    for (i, p) in pending.iter().enumerate().rev() {
        known = p.start.or(known);
        next_known[i] = known;
    }
    let mut starts = Vec::with_capacity(pending.len());
    for (i, p) in pending.iter().enumerate() {
        let start = p.start.unwrap_or_else(|| {
            let est = match i {
                0 => 0,
                _ => starts[i - 1] + MS_PER_WORD * words[i - 1],
            };
            next_known[i].map_or(est, |k: u64| est.min(k))
        });
        starts.push(start);
    }
    pending
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let start_ms = starts[i];
            let end_ms = match starts.get(i + 1) {
                Some(&next) if next >= start_ms => next,
                _ => start_ms + (MS_PER_WORD * words[i]).max(1000),
            };
            Cue {
                start_ms,
                end_ms,
                speaker: p.speaker,
                text: p.text,
                line: p.line,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{parse as parse_file, Format};
    use super::*;

    fn cues(src: &str) -> Vec<Cue> {
        super::parse(src).unwrap_or_else(|e| panic!("{e}"))
    }

    fn summary(c: &[Cue]) -> Vec<(usize, u64, u64, &str, &str)> {
        c.iter()
            .map(|c| {
                (
                    c.line,
                    c.start_ms,
                    c.end_ms,
                    c.speaker.as_deref().unwrap_or("-"),
                    c.text.as_str(),
                )
            })
            .collect()
    }

    fn fixture(name: &str) -> Vec<Cue> {
        let path = format!(
            "{}/tests/data/transcripts/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let t = parse_file(&std::fs::read(&path).unwrap(), Some(name))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.format, Format::Text);
        t.cues
    }

    #[test]
    fn otter_export() {
        let c = fixture("otter.txt");
        assert_eq!(
            summary(&c),
            [
                (3, 3_000, 9_000, "Kim Nguyen", "Thanks for joining. So, tell me about the last time you were paged.\nTake your time."),
                (8, 9_000, 41_000, "Speaker 2", "Sure. It was Tuesday night, around 2am.\nNote: our alerts go to a shared channel first."),
                (13, 41_000, 64_000, "Kim Nguyen", "What did you do first?"),
                (16, 64_000, 3_725_000, "Speaker 2", "I opened Grafana. Then I, um, checked the deploy log."),
                (19, 3_725_000, 3_727_000, "Kim Nguyen", "Why that order?"),
                (22, 3_727_000, 3_729_800, "Speaker 2", "Habit, mostly.\n\u{2014} and the docs say so."),
            ]
        );
    }

    #[test]
    fn zoom_bracketed_timestamps() {
        let c = fixture("zoom_export.txt");
        assert_eq!(
            summary(&c),
            [
                (
                    3,
                    83_000,
                    90_000,
                    "Jane Doe",
                    "Can you show me how you cut a release?"
                ),
                (
                    4,
                    90_000,
                    102_000,
                    "Raj Patel",
                    "Sure, I'll share my screen.\nSo we start from the release branch."
                ),
                (
                    6,
                    102_000,
                    110_000,
                    "Raj Patel",
                    "Then the pipeline runs the smoke tests."
                ),
                (
                    7,
                    110_000,
                    115_000,
                    "Jane Doe",
                    "What happens when one fails?"
                ),
                (
                    8,
                    115_000,
                    117_400,
                    "Raj Patel",
                    "We retry it, honestly: usually twice."
                ),
            ]
        );
    }

    #[test]
    fn header_variants_and_chat() {
        let c = cues("[Jane Doe] 10:15:23\nHello there.\n[Raj] 10:15:30\nHi!\n");
        assert_eq!(
            summary(&c),
            [
                (1, 36_923_000, 36_930_000, "Jane Doe", "Hello there."),
                (3, 36_930_000, 36_931_000, "Raj", "Hi!")
            ]
        );
        let c = cues("Jane Doe (00:00:05):\nHello there.\n\nSpeaker 2 (01:02:03):\nHi.\nJane Doe (she/her): is a name\n");
        assert_eq!(
            summary(&c),
            [
                (1, 5_000, 3_723_000, "Jane Doe", "Hello there."),
                (
                    4,
                    3_723_000,
                    3_725_800,
                    "Speaker 2",
                    "Hi.\nJane Doe (she/her): is a name"
                )
            ]
        );
        let c = cues("Unknown Speaker\t1:02:03\nhello\n");
        assert_eq!(c[0].speaker.as_deref(), Some("Unknown Speaker"));
        // One space is not a header separator.
        assert!(super::parse("Meeting at 10:30\nwith people\n").is_err());
        let c =
            cues("10:02:33 From  Jane Doe  to  Everyone: link?\n10:02:40 From Raj Patel : here\n");
        assert_eq!(
            summary(&c),
            [
                (1, 36_153_000, 36_160_000, "Jane Doe", "link?"),
                (2, 36_160_000, 36_161_000, "Raj Patel", "here")
            ]
        );
    }

    #[test]
    fn untimed_lines_use_150_words_a_minute() {
        let c = cues(
            "Title of the call\n\nAna: one two three four five\nsix seven.\nBen: ok\nAna: a b c\n",
        );
        assert_eq!(
            summary(&c),
            [
                (3, 0, 2_800, "Ana", "one two three four five\nsix seven."),
                (5, 2_800, 3_200, "Ben", "ok"),
                (6, 3_200, 4_400, "Ana", "a b c"),
            ]
        );
    }

    #[test]
    fn timestamp_only_lines_and_mixed_timing() {
        let c = cues("00:00:05\nAna: Hello there everyone.\n00:00:09 and more\nBen: hi\n[00:00:10] Ana: ok\n");
        assert_eq!(
            summary(&c),
            [
                (2, 5_000, 9_000, "Ana", "Hello there everyone."),
                (3, 9_000, 9_800, "Ana", "and more"),
                (4, 9_800, 10_000, "Ben", "hi"),
                (5, 10_000, 11_000, "Ana", "ok"),
            ]
        );
        // A bare clock that goes backwards is prose, not a timestamp.
        let c = cues("[00:20:00] Ana: We deploy\n10:30 is when it starts.\n");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].text, "We deploy\n10:30 is when it starts.");
    }

    #[test]
    fn prose_is_not_a_transcript() {
        let e = super::parse(
            "We talked about deploys.\nNote: the deploy failed twice.\nIt was fine.\n",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 1: not a transcript: no 'Speaker: text' lines or timestamps found"
        );
        assert_eq!(super::parse("\n\n  \n").unwrap_err().line, 1);
        assert!(super::parse("Jane:\nBob:\n").is_err());
    }

    #[test]
    fn q_and_a_style_only_when_clear() {
        let c = cues(
            "Q: How do you deploy?\nA: With a script.\nQ: Who runs it?\nA: Whoever is on call.\n",
        );
        assert_eq!(
            c.iter()
                .map(|c| c.speaker.as_deref().unwrap())
                .collect::<Vec<_>>(),
            ["Q", "A", "Q", "A"]
        );
        let c = cues("Jane: How do you deploy?\nBob: With a script.\nQ: is that the standard?\nJane: Who runs it?\n");
        assert_eq!(c.len(), 3);
        assert_eq!(c[1].text, "With a script.\nQ: is that the standard?");
    }
}
