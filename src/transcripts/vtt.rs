//! WebVTT (<https://www.w3.org/TR/webvtt1/>), as Zoom, Teams and Meet write it.
//!
//! Follows the spec's parser where it matters for transcripts: the `WEBVTT` signature line,
//! header lines up to the first blank line, NOTE/STYLE/REGION blocks skipped, optional cue
//! identifiers, timing lines with settings (ignored), payloads ending at a blank line or at a
//! line containing `-->`, and blocks without a timing line dropped. Unlike the spec's
//! parser, which silently drops bad cues, a malformed timestamp or a cue that ends before it
//! starts is an error naming its line, so a broken export is noticed rather than half-read.

use super::{
    entity, finish_cues, is_blank, parse_clock, tidy_lines, Clock, Cue, ParseError, RawCue, Turn,
};

/// `WEBVTT` alone or followed by a space or tab and any text.
pub(crate) fn is_header(line: &str) -> bool {
    line.strip_prefix("WEBVTT")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

pub(crate) fn parse(text: &str) -> Result<Vec<Cue>, ParseError> {
    let lines: Vec<&str> = text.split('\n').collect();
    if !is_header(lines[0]) {
        return Err(ParseError::new(
            1,
            "missing WEBVTT header: a WebVTT file must start with the line \"WEBVTT\"",
        ));
    }
    let n = lines.len();
    let mut i = 1;
    while i < n && !is_blank(lines[i]) && !lines[i].contains("-->") {
        i += 1;
    }
    let mut raws = Vec::new();
    loop {
        while i < n && is_blank(lines[i]) {
            i += 1;
        }
        if i >= n {
            break;
        }
        let first = lines[i].trim_end();
        let timing = if first.contains("-->") {
            i
        } else if i + 1 < n && lines[i + 1].contains("-->") && !is_block_keyword(first) {
            i + 1
        } else {
            // NOTE, STYLE and REGION blocks, and blocks with no timing line, are skipped.
            while i < n && !is_blank(lines[i]) {
                i += 1;
            }
            continue;
        };
        let (start_ms, end_ms) = parse_timing(lines[timing], timing + 1)?;
        let mut k = timing + 1;
        while k < n && !is_blank(lines[k]) && !lines[k].contains("-->") {
            k += 1;
        }
        let turns = voices(&lines[timing + 1..k].join("\n"));
        raws.push(RawCue {
            start_ms,
            end_ms,
            line: i + 1,
            turns,
        });
        i = k;
    }
    Ok(finish_cues(raws, false))
}

fn is_block_keyword(line: &str) -> bool {
    ["NOTE", "STYLE", "REGION"].iter().any(|k| {
        line.strip_prefix(k)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    })
}

/// `start --> end [settings]`; settings are ignored.
fn parse_timing(line: &str, lineno: usize) -> Result<(u64, u64), ParseError> {
    let (a, b) = line.split_once("-->").unwrap_or((line, ""));
    let start_s = a.trim();
    let end_s = b.trim_start().split([' ', '\t']).next().unwrap_or("");
    let ts = |s: &str| {
        parse_clock(s, Clock::Vtt).ok_or_else(|| {
            ParseError::new(
                lineno,
                format!("malformed timestamp \"{s}\": expected hh:mm:ss.ttt or mm:ss.ttt"),
            )
        })
    };
    let (start, end) = (ts(start_s)?, ts(end_s)?);
    if end < start {
        return Err(ParseError::new(
            lineno,
            format!("the cue ends ({end_s}) before it starts ({start_s})"),
        ));
    }
    Ok((start, end))
}

/// Strips cue markup and splits the payload at voice changes. `<v Name>` and
/// `<v.class Name>` set the speaker for the text that follows; every other tag (`<c>`, `<i>`,
/// `<b>`, `<u>`, `<lang>`, `<ruby>`, `<rt>`, timestamp tags, end tags) is dropped, keeping
/// its text. Following the spec's tokenizer, a `<` always starts a tag (a literal one is
/// written `&lt;`).
fn voices(payload: &str) -> Vec<Turn> {
    let mut turns = Vec::new();
    let mut speaker: Option<String> = None;
    let mut buf = String::with_capacity(payload.len());
    let mut rest = payload;
    while let Some(p) = rest.find(['<', '&']) {
        buf.push_str(&rest[..p]);
        rest = &rest[p..];
        if rest.starts_with('&') {
            match entity(rest) {
                Some((c, used)) => {
                    buf.push(c);
                    rest = &rest[used..];
                }
                None => {
                    buf.push('&');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[1..end];
        rest = &rest[(end + 1).min(rest.len())..];
        let name_end = tag.find(['.', ' ', '\t', '\n']).unwrap_or(tag.len());
        if &tag[..name_end] != "v" {
            continue;
        }
        let annotation = tag[name_end..]
            .trim_start_matches(|c: char| !c.is_whitespace())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let voice = (!annotation.is_empty()).then_some(annotation);
        if voice != speaker {
            push_turn(&mut turns, speaker.take(), &mut buf);
            speaker = voice;
        }
    }
    buf.push_str(rest);
    push_turn(&mut turns, speaker, &mut buf);
    turns
}

fn push_turn(turns: &mut Vec<Turn>, speaker: Option<String>, buf: &mut String) {
    let text = tidy_lines(buf);
    buf.clear();
    if !text.is_empty() {
        turns.push(Turn { speaker, text });
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse, Format, Transcript};
    use super::*;

    fn fixture(name: &str) -> Transcript {
        let path = format!(
            "{}/tests/data/transcripts/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let t = parse(&bytes, Some(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(t.format, Format::Vtt);
        t
    }

    fn cues(src: &str) -> Vec<Cue> {
        super::parse(src).unwrap_or_else(|e| panic!("{e}"))
    }

    fn who(c: &Cue) -> (&str, &str) {
        (c.speaker.as_deref().unwrap_or("-"), c.text.as_str())
    }

    #[test]
    fn header_forms() {
        assert!(is_header("WEBVTT"));
        assert!(is_header("WEBVTT - Zoom transcript"));
        assert!(is_header("WEBVTT\tKind"));
        assert!(!is_header("WEBVTTX"));
        assert!(!is_header(" WEBVTT"));
        assert!(!is_header("webvtt"));
    }

    #[test]
    fn zoom_names_from_prefixes() {
        let t = fixture("zoom.vtt");
        assert_eq!(t.cues.len(), 8);
        assert_eq!(
            who(&t.cues[0]),
            (
                "Priya Raman",
                "Thanks for making the time. Could you start by telling me what your team ships?"
            )
        );
        assert_eq!(
            (t.cues[0].start_ms, t.cues[0].end_ms, t.cues[0].line),
            (1_200, 6_480, 3)
        );
        assert_eq!(who(&t.cues[1]).0, "Marcus O'Neil");
        // A one-off speaker still counts: the file is written in that style throughout.
        assert_eq!(who(&t.cues[5]).0, "Dana (she/her)");
        // "Note:" inside a cue stays text.
        assert_eq!(
            who(&t.cues[6]),
            ("Marcus O'Neil", "Note: the runbook is out of date.")
        );
    }

    #[test]
    fn teams_voice_tags_and_guid_ids() {
        let t = fixture("teams.vtt");
        let got: Vec<_> = t.cues.iter().map(who).collect();
        assert_eq!(
            got,
            [
                (
                    "Lee Chen",
                    "Walk me through the last time you rotated a secret."
                ),
                (
                    "Sofia Alvarez",
                    "Sure. We open a ticket, then someone with vault access does it by hand."
                ),
                ("Sofia Alvarez", "It takes about two days end to end."),
                ("Lee Chen", "What happens while you wait?"),
                ("Sofia Alvarez", "We block. Nothing ships."),
            ]
        );
        assert_eq!(t.cues[0].line, 3, "the identifier's line");
        assert_eq!(t.cues[3].start_ms, 12_020);
    }

    #[test]
    fn meet_style_without_hours_and_unclosed_voices() {
        let t = fixture("meet.vtt");
        assert_eq!(t.cues.len(), 5);
        assert_eq!(
            who(&t.cues[0]),
            ("Ravi Iyer", "How do you find out a deploy failed?")
        );
        assert_eq!(
            (t.cues[4].start_ms, t.cues[4].end_ms),
            (3_601_500, 3_605_000)
        );
        // Two voices in one cue: split, time shared by words (4 and 2).
        assert_eq!(who(&t.cues[2]), ("Ravi Iyer", "And then what happens?"));
        assert_eq!(who(&t.cues[3]), ("Mia Park", "We rollback."));
        assert_eq!(
            (t.cues[2].start_ms, t.cues[2].end_ms, t.cues[3].end_ms),
            (20_000, 24_000, 26_000)
        );
        assert_eq!(t.cues[2].line, t.cues[3].line);
    }

    #[test]
    fn kitchen_sink_blocks_settings_markup_crlf_bom() {
        let t = fixture("kitchen_sink.vtt");
        let got: Vec<_> = t.cues.iter().map(|c| (c.line, who(c))).collect();
        assert_eq!(
            got,
            [
                (22, ("Ana Lima", "Tell me about your on-call week.")),
                (
                    26,
                    (
                        "Tom Baker",
                        "It was rough & long:\nthree pages < midnight, two > 2am."
                    )
                ),
                (
                    31,
                    (
                        "Tom Baker",
                        "The dashboards lied\u{a0}—\u{200e}we had to read logs."
                    )
                ),
                (36, ("Ana Lima", "What did you do next?")),
                (43, ("Tom Baker", "We wrote a runbook. 漢字 too.")),
            ]
        );
        assert_eq!((t.cues[4].start_ms, t.cues[4].end_ms), (40_000, 40_000));
    }

    #[test]
    fn malformed_timestamp_names_its_line() {
        let t = super::super::parse(
            &std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/data/transcripts/bad_timestamp.vtt"
            ))
            .unwrap(),
            None,
        );
        let e = t.unwrap_err();
        assert_eq!(e.line, 11);
        assert_eq!(
            e.message,
            "malformed timestamp \"00:00:9.500\": expected hh:mm:ss.ttt or mm:ss.ttt"
        );
    }

    #[test]
    fn missing_header_is_line_one() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/transcripts/no_header.vtt"
        ))
        .unwrap();
        let e = super::super::parse(&bytes, Some("no_header.vtt")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 1: missing WEBVTT header: a WebVTT file must start with the line \"WEBVTT\""
        );
    }

    #[test]
    fn end_before_start_and_other_timing_errors() {
        let e = super::parse("WEBVTT\n\n00:05.000 --> 00:04.000\nHi\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 3: the cue ends (00:04.000) before it starts (00:05.000)"
        );
        let e = super::parse("WEBVTT\n\nid\n00:01.000 --> 00:02.000align:start\nHi\n").unwrap_err();
        assert_eq!(e.line, 4);
        let e = super::parse("WEBVTT\n\n00:01.000 -> 00:02.000\n00:01,000 --> 00:02.000\n")
            .unwrap_err();
        assert!(e.message.contains("\"00:01,000\""), "{e}");
        assert_eq!(e.line, 4);
    }

    #[test]
    fn empty_cues_and_timing_only_blocks_are_skipped() {
        let c = cues("WEBVTT\n\n00:01.000 --> 00:02.000\n\n00:02.000 --> 00:03.000\n<i></i>\n\n00:03.000 --> 00:04.000\nok\n");
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].text.as_str(), c[0].line), ("ok", 8));
    }

    #[test]
    fn payload_ends_at_an_arrow_line_and_header_may_run_into_a_cue() {
        let c = cues(
            "WEBVTT\nKind: captions\n00:01.000 --> 00:02.000\none\n00:02.000 --> 00:03.000\ntwo\n",
        );
        assert_eq!(
            c.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
            ["one", "two"]
        );
    }

    #[test]
    fn markup_is_stripped_and_voices_are_read() {
        let t = voices("<v.loud.x  Mary  Jo >Hi <c.yellow>there</c> <00:00:01.500><b>you</b></v>");
        assert_eq!(
            (t[0].speaker.as_deref(), t[0].text.as_str()),
            (Some("Mary Jo"), "Hi there you")
        );
        let t = voices(
            "<ruby>漢<rt>kan</rt></ruby> <lang en-GB>colour</lang> a &lt;b&gt; &bogus; AT&T",
        );
        assert_eq!(
            (t[0].speaker.as_deref(), t[0].text.as_str()),
            (None, "漢kan colour a <b> &bogus; AT&T")
        );
        let t = voices("<v>no name</v> I <3 it");
        assert_eq!(t[0].text, "no name I");
        let t = voices("<v A>one\n<v B>two\n<v A>three");
        assert_eq!(
            t.iter()
                .map(|t| t.speaker.as_deref().unwrap())
                .collect::<Vec<_>>(),
            ["A", "B", "A"]
        );
    }

    #[test]
    fn prefix_needs_the_style_or_repetition() {
        // One "Q:" cue in a file that otherwise has no prefixes: "Q" is not a speaker.
        let src = "WEBVTT\n\n00:01.000 --> 00:02.000\nQ: how do you deploy?\n\n00:02.000 --> 00:03.000\nWe just push.\n\n00:03.000 --> 00:04.000\nAnd then it goes out.\n";
        let c = cues(src);
        assert_eq!(who(&c[0]), ("-", "Q: how do you deploy?"));
        // Clearly a Q/A transcript: Q and A are speakers.
        let src = "WEBVTT\n\n00:01.000 --> 00:02.000\nQ: how do you deploy?\n\n00:02.000 --> 00:03.000\nA: We push.\n\n00:03.000 --> 00:04.000\nQ: and then?\n\n00:04.000 --> 00:05.000\nA: It ships.\n";
        let c = cues(src);
        assert_eq!(
            c.iter().map(|c| who(c).0).collect::<Vec<_>>(),
            ["Q", "A", "Q", "A"]
        );
        assert_eq!(c[1].text, "We push.");
    }
}
