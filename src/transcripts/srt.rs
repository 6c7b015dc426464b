//! SubRip (`.srt`): numbered blocks of `00:00:01,000 --> 00:00:04,000` and text.
//!
//! Lenient where real files are sloppy: the number line may be missing (or be any single
//! line before the timing line), `.` is accepted for `,`, one to three fraction digits, text
//! after the end time (`X1:… Y1:…`) is ignored, a missing blank line before the next
//! numbered block is tolerated, and a text block after a blank line inside a subtitle is
//! taken as more of that subtitle. A timing line that does not parse is an error on its line.
//!
//! Speakers: "Name: text" and "[Name] text" prefixes (see `Votes` in the parent module for
//! when a prefix counts). Dialogue dashes ("- Hi.\n- Hello.") start a new turn each, with an
//! unknown speaker unless the dash line has its own prefix; the cue's time is shared among
//! its turns by word count.

use super::{
    entity, finish_cues, is_blank, is_digits, parse_clock, tidy_lines, Clock, Cue, ParseError,
    RawCue, Turn,
};

struct Block {
    start_ms: u64,
    end_ms: u64,
    line: usize,
    payload: String,
}

pub(crate) fn parse(text: &str) -> Result<Vec<Cue>, ParseError> {
    let lines: Vec<&str> = text.split('\n').collect();
    let n = lines.len();
    let starts_block =
        |k: usize| is_digits(lines[k].trim()) && k + 1 < n && lines[k + 1].contains("-->");
    let mut blocks: Vec<Block> = Vec::new();
    let mut i = 0;
    loop {
        while i < n && is_blank(lines[i]) {
            i += 1;
        }
        if i >= n {
            break;
        }
        let first = lines[i].trim();
        let timing = if first.contains("-->") {
            i
        } else if i + 1 < n && lines[i + 1].contains("-->") {
            i + 1
        } else if is_digits(first) {
            return Err(if i + 1 < n && !is_blank(lines[i + 1]) {
                ParseError::new(
                    i + 2,
                    format!("expected a timing line like 00:00:01,000 --> 00:00:04,000 after subtitle number {first}"),
                )
            } else {
                ParseError::new(i + 1, format!("subtitle number {first} has no timing line"))
            });
        } else {
            let start = i;
            while i < n && !is_blank(lines[i]) {
                i += 1;
            }
            let Some(last) = blocks.last_mut() else {
                return Err(ParseError::new(
                    start + 1,
                    "expected a subtitle number or a timing line like 00:00:01,000 --> 00:00:04,000",
                ));
            };
            for l in &lines[start..i] {
                last.payload.push('\n');
                last.payload.push_str(l);
            }
            continue;
        };
        let (start_ms, end_ms) = parse_timing(lines[timing], timing + 1)?;
        let mut k = timing + 1;
        while k < n && !is_blank(lines[k]) && !lines[k].contains("-->") && !starts_block(k) {
            k += 1;
        }
        blocks.push(Block {
            start_ms,
            end_ms,
            line: i + 1,
            payload: lines[timing + 1..k].join("\n"),
        });
        i = k;
    }
    let raws = blocks
        .into_iter()
        .map(|b| RawCue {
            start_ms: b.start_ms,
            end_ms: b.end_ms,
            line: b.line,
            turns: dialogue_turns(&strip_markup(&b.payload)),
        })
        .collect();
    Ok(finish_cues(raws, true))
}

fn parse_timing(line: &str, lineno: usize) -> Result<(u64, u64), ParseError> {
    let (a, b) = line.split_once("-->").unwrap_or((line, ""));
    let start_s = a.trim();
    let end_s = b.trim_start().split([' ', '\t']).next().unwrap_or("");
    let ts = |s: &str| {
        parse_clock(s, Clock::Srt).ok_or_else(|| {
            ParseError::new(
                lineno,
                format!("malformed timestamp \"{s}\": expected hh:mm:ss,mmm"),
            )
        })
    };
    let (start, end) = (ts(start_s)?, ts(end_s)?);
    if end < start {
        return Err(ParseError::new(
            lineno,
            format!("the subtitle ends ({end_s}) before it starts ({start_s})"),
        ));
    }
    Ok((start, end))
}

/// Drops HTML-like tags (`<i>`, `<b>`, `<u>`, `<font …>` and their end tags: a `<` followed
/// by a letter or `/`, up to `>` on the same line), `{\an8}`-style override codes, and
/// decodes character references. A `<` that starts no tag ("I <3 it") is kept.
fn strip_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find(['<', '{', '&']) {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let skip = match rest.as_bytes()[0] {
            b'<' if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') => rest
                .find(['>', '\n'])
                .filter(|&e| rest.as_bytes()[e] == b'>')
                .map(|e| e + 1),
            b'{' if rest[1..].starts_with('\\') => rest.find('}').map(|e| e + 1),
            b'&' => entity(rest).map(|(c, used)| {
                out.push(c);
                used
            }),
            _ => None,
        };
        match skip {
            Some(len) => rest = &rest[len..],
            None => {
                out.push_str(&rest[..1]);
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Splits a subtitle at dialogue dashes. Lines before the first dash form their own turn.
fn dialogue_turns(text: &str) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    for line in tidy_lines(text).split('\n').filter(|l| !l.is_empty()) {
        match dash_rest(line) {
            Some(rest) => turns.push(Turn {
                speaker: None,
                text: rest.to_owned(),
            }),
            None => match turns.last_mut() {
                Some(t) => {
                    t.text.push('\n');
                    t.text.push_str(line);
                }
                None => turns.push(Turn {
                    speaker: None,
                    text: line.to_owned(),
                }),
            },
        }
    }
    turns.retain(|t| !t.text.is_empty());
    turns
}

/// The text after a dialogue dash: `-`/`–` then a space, or directly a letter ("-Hi").
fn dash_rest(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(['-', '–'])?;
    match rest.chars().next() {
        Some(c) if c.is_whitespace() => Some(rest.trim_start()),
        Some(c) if c.is_alphabetic() => Some(rest),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse as parse_file, Format};
    use super::*;

    fn who(c: &Cue) -> (&str, &str) {
        (c.speaker.as_deref().unwrap_or("-"), c.text.as_str())
    }

    fn cues(src: &str) -> Vec<Cue> {
        super::parse(src).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn fixture_with_crlf_tags_and_multiline() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/transcripts/interview.srt"
        ))
        .unwrap();
        assert!(bytes.windows(2).any(|w| w == b"\r\n"), "fixture uses CRLF");
        let t = parse_file(&bytes, Some("interview.srt")).unwrap();
        assert_eq!(t.format, Format::Srt);
        let got: Vec<_> = t
            .cues
            .iter()
            .map(|c| (c.line, c.start_ms, c.end_ms, who(c)))
            .collect();
        assert_eq!(
            got,
            [
                (
                    1,
                    1_000,
                    4_000,
                    (
                        "Nadia",
                        "Describe your deploy process\nfrom merge to production."
                    )
                ),
                (
                    6,
                    4_500,
                    9_250,
                    (
                        "Omar",
                        "We merge, wait for CI,\nthen click deploy in Spinnaker."
                    )
                ),
                (11, 9_500, 11_000, ("Nadia", "Do you like Spinnaker?")),
                (15, 11_000, 15_000, ("Omar", "It's fine. It's slow though.")),
                (19, 15_500, 16_500, ("-", "Slow how?")),
                (19, 16_500, 17_500, ("-", "Twenty minutes.")),
                (24, 18_000, 20_000, ("-", "[laughs] yeah.")),
            ]
        );
    }

    #[test]
    fn tolerates_missing_numbers_dot_separator_coordinates_and_glued_blocks() {
        let c = cues("00:00:01.000 --> 00:00:02.000 X1:40 X2:600 Y1:20 Y2:50\nOne\n2\n00:00:03,5 --> 00:00:04,000\nTwo\n\nmore two\n");
        assert_eq!(
            c.iter()
                .map(|c| (c.start_ms, c.text.as_str()))
                .collect::<Vec<_>>(),
            [(1_000, "One"), (3_500, "Two\nmore two")]
        );
        assert_eq!(c[1].line, 3);
    }

    #[test]
    fn errors_name_the_line() {
        let e = super::parse(
            "1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:03 --> 00:00:04,000\nHo\n",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 6: malformed timestamp \"00:00:03\": expected hh:mm:ss,mmm"
        );
        let e = super::parse("1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\nHo\n").unwrap_err();
        assert_eq!(e.line, 6);
        let e = super::parse("1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 5: subtitle number 2 has no timing line"
        );
        let e = super::parse("1\n00:00:03,000 --> 00:00:02,000\nHi\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = super::parse("hello\nworld\n").unwrap_err();
        assert_eq!(e.line, 1);
    }

    #[test]
    fn markup_and_prefixes() {
        assert_eq!(
            strip_markup("{\\an8}<font color=\"#ff0\">Hi</font> I <3 <i>it</i> &amp; a<b"),
            "Hi I <3 it & a<b"
        );
        let c = cues("1\n00:00:01,000 --> 00:00:02,000\n[JANE] Hi there.\n\n2\n00:00:02,000 --> 00:00:03,000\nBOB: Hey.\n\n3\n00:00:03,000 --> 00:00:04,000\n[JANE]\nHow are you?\n");
        assert_eq!(
            c.iter().map(who).collect::<Vec<_>>(),
            [
                ("JANE", "Hi there."),
                ("BOB", "Hey."),
                ("JANE", "How are you?")
            ]
        );
        let c = cues("1\n00:00:01,000 --> 00:00:03,000\n- Ana: Ready?\n- Ben: Yes.\n");
        assert_eq!(
            c.iter().map(who).collect::<Vec<_>>(),
            [("Ana", "Ready?"), ("Ben", "Yes.")]
        );
        // A lone sound label is not a speaker; nor is a one-off "Remember:" in plain subtitles.
        let c = cues("1\n00:00:01,000 --> 00:00:02,000\n[Music]\n\n2\n00:00:02,000 --> 00:00:03,000\nRemember: ship it.\n\n3\n00:00:03,000 --> 00:00:04,000\nOkay.\n");
        assert_eq!(
            c.iter().map(|c| who(c).0).collect::<Vec<_>>(),
            ["-", "-", "-"]
        );
        assert_eq!(dash_rest("-1 degrees"), None);
        assert_eq!(dash_rest("--"), None);
        assert_eq!(dash_rest("-Hi"), Some("Hi"));
    }
}
