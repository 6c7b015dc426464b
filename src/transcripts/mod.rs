//! Interview transcripts: parse WebVTT, SubRip and common plain-text exports (Zoom, Teams,
//! Meet, Otter) into timed, speaker-labelled cues, then audit the interviewer's questions
//! (see [`audit`]).
//!
//! Everything here is pure: bytes in, values out, no I/O. Parsers are hand-written single
//! passes over lines (no regular expressions), so a two-hour transcript parses in a few
//! milliseconds.
//!
//! Line numbers in [`Cue::line`] and [`ParseError::line`] are 1-based and count lines after
//! decoding, where CRLF and lone CR both end a line, exactly as an editor shows them.

pub mod audit;
mod srt;
mod store;
mod text;
mod vtt;

pub use audit::{audit, render_text, AskedQuestion, Audit, SpeakerStats};
pub use store::{
    audit_stored, delete, get, import, list, map_speaker, pull, summary, PullInput, Pulled, Side,
    Speaker, StoredCue, TranscriptSpan, TranscriptSummary, TranscriptView,
};

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// A parsed transcript: its detected format and its cues in file order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Transcript {
    pub format: Format,
    pub cues: Vec<Cue>,
}

/// The file format a transcript was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, rename = "TranscriptFormat")]
pub enum Format {
    Vtt,
    Srt,
    Text,
}

/// One timed stretch of speech by one speaker (or an unknown one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Cue {
    #[ts(type = "number")]
    pub start_ms: u64,
    #[ts(type = "number")]
    pub end_ms: u64,
    /// `None` when the file does not say who speaks; the audit counts it as "Unknown".
    pub speaker: Option<String>,
    /// Markup stripped and entities decoded; payload lines joined with `\n`.
    pub text: String,
    /// 1-based line where the cue's block starts (its identifier or number if it has one),
    /// so an editor or the UI can jump to it.
    #[ts(type = "number")]
    pub line: usize,
}

/// Why a file could not be read as a transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    /// 1-based line of the problem; 0 when it concerns the whole file (encoding, binary).
    #[ts(type = "number")]
    pub line: usize,
    pub message: String,
}

impl ParseError {
    pub(crate) fn new(line: usize, message: impl Into<String>) -> Self {
        ParseError {
            line,
            message: message.into(),
        }
    }
}

/// Decodes `bytes`, detects the format from the content (the file name's extension only
/// breaks ties) and parses it.
pub fn parse(bytes: &[u8], file_name: Option<&str>) -> Result<Transcript, ParseError> {
    let text = decode(bytes)?;
    let format = detect(&text, file_name);
    parse_text(&text, format)
}

/// Like [`parse`], but with the format forced (for a `--format` override).
pub fn parse_as(bytes: &[u8], format: Format) -> Result<Transcript, ParseError> {
    let text = decode(bytes)?;
    parse_text(&text, format)
}

fn parse_text(text: &str, format: Format) -> Result<Transcript, ParseError> {
    let cues = match format {
        Format::Vtt => vtt::parse(text)?,
        Format::Srt => srt::parse(text)?,
        Format::Text => text::parse(text)?,
    };
    Ok(Transcript { format, cues })
}

// ---------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------

/// UTF-8 (BOM optional) or UTF-16 with a BOM, to a `String` with `\n` line ends and no BOM.
fn decode(bytes: &[u8]) -> Result<String, ParseError> {
    if bytes.is_empty() {
        return Err(ParseError::new(0, "the file is empty"));
    }
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(ParseError::new(
            0,
            "UTF-32 is not supported: save the transcript as UTF-8",
        ));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes);
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if body.contains(&0) {
        return Err(binary_error(body));
    }
    match std::str::from_utf8(body) {
        Ok(s) => Ok(normalise_newlines(s)),
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + count_line_breaks(&body[..at]);
            let column = at
                - body[..at]
                    .iter()
                    .rposition(|&b| b == b'\n' || b == b'\r')
                    .map_or(0, |p| p + 1)
                + 1;
            Err(ParseError::new(
                line,
                format!(
                    "not valid UTF-8 (byte 0x{:02X} at column {column}): save the transcript as UTF-8",
                    body[at]
                ),
            ))
        }
    }
}

fn binary_error(body: &[u8]) -> ParseError {
    // UTF-16 text without a BOM has a NUL in nearly every other byte.
    let head = &body[..body.len().min(512)];
    let zeros_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let zeros_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let half = head.len() / 2;
    if half >= 4 && (zeros_even * 10 >= half * 8 || zeros_odd * 10 >= half * 8) {
        ParseError::new(
            0,
            "this looks like UTF-16 without a byte-order mark: save it as UTF-8 (or UTF-16 with a BOM)",
        )
    } else {
        ParseError::new(
            0,
            "binary file (it contains NUL bytes): expected a text transcript (WebVTT, SubRip or plain text)",
        )
    }
}

fn decode_utf16(body: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ParseError> {
    if !body.len().is_multiple_of(2) {
        return Err(ParseError::new(
            0,
            "UTF-16 file with an odd number of bytes: it looks truncated",
        ));
    }
    let units = body.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(body.len() / 2);
    let mut line = 1;
    for r in char::decode_utf16(units) {
        match r {
            Ok('\0') => return Err(binary_error(&[1])),
            Ok(c) => {
                if c == '\n' {
                    line += 1;
                }
                out.push(c);
            }
            Err(e) => {
                return Err(ParseError::new(
                    line,
                    format!(
                        "not valid UTF-16 (unpaired surrogate 0x{:04X})",
                        e.unpaired_surrogate()
                    ),
                ))
            }
        }
    }
    Ok(normalise_newlines(&out))
}

fn count_line_breaks(b: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => n += 1,
            b'\r' => {
                n += 1;
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    n
}

fn normalise_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Format detection
// ---------------------------------------------------------------------------------------

/// Content first: a `WEBVTT` first line is WebVTT; a first block that is a number followed by
/// a `-->` line is SubRip. Other files with a `-->` line among their first three lines are
/// cue files without a header or numbers: the extension decides (`.vtt` → WebVTT, which then
/// reports the missing header; otherwise SubRip, whose parser tolerates missing numbers).
/// Everything else is plain text.
fn detect(text: &str, file_name: Option<&str>) -> Format {
    let first = text.split('\n').next().unwrap_or("");
    if vtt::is_header(first) {
        return Format::Vtt;
    }
    let head: Vec<&str> = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .collect();
    if head.len() >= 2 && is_digits(head[0]) && head[1].contains("-->") {
        return Format::Srt;
    }
    if head.iter().any(|l| timing_like(l)) {
        let ext = file_name
            .and_then(|n| n.rsplit_once('.'))
            .map(|(_, e)| e.to_ascii_lowercase());
        return if ext.as_deref() == Some("vtt") {
            Format::Vtt
        } else {
            Format::Srt
        };
    }
    Format::Text
}

/// A `-->` line whose left side is made of digits and `:.,` (so prose with an arrow is not
/// taken for a cue file).
fn timing_like(line: &str) -> bool {
    line.split_once("-->").is_some_and(|(a, _)| {
        let a = a.trim();
        a.starts_with(|c: char| c.is_ascii_digit())
            && a.chars().all(|c| c.is_ascii_digit() || ":.,".contains(c))
    })
}

pub(crate) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

pub(crate) fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

// ---------------------------------------------------------------------------------------
// Timestamps
// ---------------------------------------------------------------------------------------

/// Which timestamp grammar to accept.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clock {
    /// WebVTT: `[h…:]mm:ss.ttt`, exactly three fraction digits after a dot; minutes and
    /// seconds two digits, at most 59. A first component that is not two digits or is over
    /// 59 must be hours, as in the spec's parsing algorithm.
    Vtt,
    /// SubRip: `h…:mm:ss,mmm` (also `.`; one to three fraction digits), hours optional.
    Srt,
    /// Plain text: `h:mm:ss` or `m:ss`/`mm:ss`, optional fraction.
    Text,
}

/// Parses a clock time to milliseconds, or `None` if it does not follow `clock`'s grammar.
pub(crate) fn parse_clock(s: &str, clock: Clock) -> Option<u64> {
    let (hms, frac) = match s.rfind(['.', ',']) {
        Some(p) => {
            let sep = s.as_bytes()[p];
            if clock == Clock::Vtt && sep != b'.' {
                return None;
            }
            (&s[..p], Some(&s[p + 1..]))
        }
        None => (s, None),
    };
    let ms = match frac {
        Some(f) => {
            let ok_len = match clock {
                Clock::Vtt => f.len() == 3,
                Clock::Srt | Clock::Text => (1..=3).contains(&f.len()),
            };
            if !ok_len || !is_digits(f) {
                return None;
            }
            let v: u64 = f.parse().ok()?;
            v * 10u64.pow(3 - f.len() as u32)
        }
        None if clock == Clock::Text => 0,
        None => return None,
    };
    let mut parts = [""; 3];
    let mut n = 0;
    for p in hms.split(':') {
        if n == 3 || !is_digits(p) || p.len() > 9 {
            return None;
        }
        parts[n] = p;
        n += 1;
    }
    let num = |p: &str| p.parse::<u64>().ok();
    let two = |p: &str| p.len() == 2 && num(p).is_some_and(|v| v <= 59);
    let (h, m, sec) = match n {
        3 => {
            if !two(parts[1]) || !two(parts[2]) {
                return None;
            }
            (num(parts[0])?, num(parts[1])?, num(parts[2])?)
        }
        2 => {
            let minutes_ok = match clock {
                Clock::Vtt => two(parts[0]),
                Clock::Srt | Clock::Text => parts[0].len() <= 3,
            };
            if !minutes_ok || !two(parts[1]) {
                return None;
            }
            (0, num(parts[0])?, num(parts[1])?)
        }
        _ => return None,
    };
    Some(((h * 60 + m) * 60 + sec) * 1000 + ms)
}

/// `hh:mm:ss` (hours grow past two digits when needed).
pub(crate) fn hms(ms: u64) -> String {
    let s = ms / 1000;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

fn vtt_timestamp(ms: u64) -> String {
    format!("{}.{:03}", hms(ms), ms % 1000)
}

// ---------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------

/// Counts words the way a reader would: whitespace- or dash-separated tokens that contain a
/// letter or digit ("don't", "CI/CD" and "v1.2" are one word each, a lone "—" is none), plus
/// one word per Han, Hiragana or Katakana character, since those scripts do not put spaces
/// between words.
pub(crate) fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        if is_cjk(c) {
            n += 1;
            in_word = false;
        } else if c.is_whitespace() || matches!(c, '—' | '–') {
            in_word = false;
        } else if c.is_alphanumeric() && !in_word {
            n += 1;
            in_word = true;
        }
    }
    n
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

// ---------------------------------------------------------------------------------------
// Speaker prefixes ("Jane Doe: text", "[Jane] text")
// ---------------------------------------------------------------------------------------

/// How much a prefix looks like a speaker's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameKind {
    /// Capitalised, 1–4 words ("Jane Doe", "Speaker 1", "JANE", "Maria de la Cruz").
    Name,
    /// All lower case ("jdoe", "jane doe"): only a name when the whole file is written so.
    Lower,
    /// "Q", "A", "Question", "Answer": a speaker only when the file is clearly in that style.
    Role,
}

/// Words that end with a colon in ordinary prose ("Note: …", "So: …") or that label sounds
/// ("[Music]"), never taken as a speaker.
#[rustfmt::skip]
const NOT_SPEAKERS: &[&str] = &[
    "note", "notes", "side note", "nb", "n.b.", "ps", "p.s.", "fyi", "update", "edit",
    "warning", "caution", "tip", "hint", "example", "e.g.", "i.e.", "summary", "important",
    "reminder", "re", "subject", "todo", "action", "action item", "action items", "next steps",
    "yes", "no", "so", "well", "okay", "ok", "also", "and", "but", "or", "then", "basically",
    "honestly", "anyway", "um", "uh", "wait", "look", "listen", "caveat", "context",
    "background", "problem", "issue", "result", "results", "goal", "goals", "plan", "idea",
    "correction", "disclaimer", "translation", "source", "fun fact", "bottom line", "spoiler",
    "quote", "bonus", "step", "status", "agenda", "date", "time", "location", "topic", "title",
    "attendees", "participants", "meeting", "transcript", "recording", "duration", "takeaway",
    "takeaways", "why", "what", "how", "who", "when", "where", "because", "like", "said",
    "the problem", "the question", "the answer", "the thing", "the point", "music", "laughter",
    "laughs", "laughing", "applause", "inaudible", "crosstalk", "silence", "noise",
    "background noise", "sighs", "sigh", "coughs", "cough", "indistinct", "chuckles", "foreign",
    "unintelligible", "pause", "beep", "no audio", "blank_audio", "static", "typing",
];

const ROLES: &[&str] = &["q", "a", "question", "answer", "response", "reply"];

/// Lower-case name particles allowed inside a capitalised name.
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "dos",
    "das", "bin", "al", "el", "y", "ter", "ten", "zu", "af",
];

/// Whether `raw` looks like a speaker's name: 1–4 words, at most 40 characters, letters,
/// digits and `-'’._@&` only (so no sentence punctuation), a trailing `(…)` allowed (Zoom's
/// "Jane Doe (she/her)"), a `.` ending a word only in a short abbreviation ("Dr.", "J."),
/// and either capitalised words (lower-case particles like "de" allowed) or all lower case.
/// Returns the name with whitespace collapsed.
pub(crate) fn classify_name(raw: &str) -> Option<(NameKind, String)> {
    let raw = raw.trim();
    if raw.is_empty() || raw.chars().count() > 40 {
        return None;
    }
    let (core, paren) = match raw.strip_suffix(')') {
        Some(_) => {
            let open = raw.rfind('(')?;
            let inner = &raw[open + 1..raw.len() - 1];
            if inner.is_empty() || inner.contains(['?', '!', ';', ':', '"', ',', '(']) {
                return None;
            }
            (raw[..open].trim_end(), &raw[open..])
        }
        None => (raw, ""),
    };
    if core.is_empty()
        || !core
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || "-'’._@&".contains(c))
    {
        return None;
    }
    let words: Vec<&str> = core.split_whitespace().collect();
    if words.len() > 4 {
        return None;
    }
    for w in &words {
        if w.ends_with('.') && w.chars().count() > 4 && !w.contains('@') {
            return None;
        }
        if !w.chars().any(char::is_alphanumeric) {
            return None;
        }
    }
    let first = words[0].chars().next()?;
    if !first.is_alphabetic() {
        return None;
    }
    let starts_lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let kind = if first.is_lowercase() {
        if !words.iter().all(|w| starts_lower(w)) {
            return None;
        }
        NameKind::Lower
    } else {
        if words[1..]
            .iter()
            .any(|w| starts_lower(w) && !PARTICLES.contains(&w.to_lowercase().as_str()))
        {
            return None;
        }
        NameKind::Name
    };
    let mut name = words.join(" ");
    let lower = name.to_lowercase();
    if NOT_SPEAKERS.contains(&lower.as_str()) {
        return None;
    }
    let kind = if ROLES.contains(&lower.as_str()) {
        NameKind::Role
    } else {
        kind
    };
    if !paren.is_empty() {
        name.push(' ');
        name.push_str(&paren.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    Some((kind, name))
}

/// A candidate speaker prefix at the start of `line`: `Name: text` (colon followed by a space
/// or the end of the line; a full-width `：` needs no space) or `[Name] text`. Returns the
/// kind, the name and the byte offset where the spoken text starts.
pub(crate) fn speaker_prefix(line: &str, brackets: bool) -> Option<(NameKind, String, usize)> {
    if brackets {
        if let Some(inner) = line.strip_prefix('[') {
            let close = inner.find(']')?;
            let (kind, name) = classify_name(&inner[..close])?;
            let after = &inner[close + 1..];
            if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
                return None;
            }
            let rest = 1 + close + 1 + (after.len() - after.trim_start().len());
            return Some((kind, name, rest));
        }
    }
    let (pos, colon) = line
        .char_indices()
        .take(42)
        .find(|&(_, c)| c == ':' || c == '：')?;
    let after = &line[pos + colon.len_utf8()..];
    if colon == ':' && !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let (kind, name) = classify_name(&line[..pos])?;
    let rest = line.len() - after.trim_start().len();
    Some((kind, name, rest))
}

/// Tally of candidate prefixes in a file, to decide which ones are really speakers.
///
/// A `Name` is a speaker if it prefixes at least two units or if the prefix style is
/// dominant; `Lower` and `Role` names need both. Dominant means at least `num/den` of the
/// units (cues, or lines in plain text) carry some candidate prefix. So "Note: …" is never a
/// speaker, a one-off "Kubernetes: it's a mess" in an unprefixed file is not either, but
/// "Q: …"/"A: …" turns and a Zoom file's one-time speaker are.
#[derive(Default)]
pub(crate) struct Votes {
    names: HashMap<String, (NameKind, usize)>,
    with_candidate: usize,
}

impl Votes {
    pub(crate) fn add(&mut self, kind: NameKind, name: &str) {
        self.with_candidate += 1;
        self.names.entry(name.to_owned()).or_insert((kind, 0)).1 += 1;
    }

    pub(crate) fn accepts(&self, name: &str, units: usize, num: usize, den: usize) -> bool {
        let Some(&(kind, count)) = self.names.get(name) else {
            return false;
        };
        let dominant = units > 0 && self.with_candidate * den >= units * num;
        match kind {
            NameKind::Name => count >= 2 || dominant,
            NameKind::Lower | NameKind::Role => count >= 2 && dominant,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Cue assembly shared by the WebVTT and SubRip parsers
// ---------------------------------------------------------------------------------------

/// One speaker's part of a cue, before speaker prefixes are resolved.
pub(crate) struct Turn {
    pub speaker: Option<String>,
    pub text: String,
}

pub(crate) struct RawCue {
    pub start_ms: u64,
    pub end_ms: u64,
    pub line: usize,
    pub turns: Vec<Turn>,
}

/// Resolves "Name: text" prefixes on turns that have no speaker yet (see [`Votes`]; the
/// dominance threshold is half of those turns), then splits cues with several turns.
pub(crate) fn finish_cues(mut raws: Vec<RawCue>, brackets: bool) -> Vec<Cue> {
    let mut votes = Votes::default();
    let mut units = 0;
    let mut cands: Vec<Option<(String, usize)>> = Vec::new();
    for turn in raws.iter().flat_map(|r| r.turns.iter()) {
        if turn.speaker.is_some() {
            cands.push(None);
            continue;
        }
        units += 1;
        let first = turn.text.split('\n').next().unwrap_or("");
        let cand = speaker_prefix(first, brackets).map(|(kind, name, rest)| {
            votes.add(kind, &name);
            (name, rest)
        });
        cands.push(cand);
    }
    let mut cands = cands.into_iter();
    let mut out = Vec::with_capacity(raws.len());
    for raw in &mut raws {
        for turn in &mut raw.turns {
            if let Some((name, rest)) = cands.next().flatten() {
                if votes.accepts(&name, units, 1, 2) {
                    turn.text = turn.text[rest..].trim_start().to_owned();
                    turn.speaker = Some(name);
                }
            }
        }
        raw.turns.retain(|t| !t.text.trim().is_empty());
        split_turns(raw, &mut out);
    }
    out
}

/// Emits one cue per turn, sharing the cue's time among its turns in proportion to their
/// words (a cue with two voices or two dialogue dashes has no finer timing).
fn split_turns(raw: &mut RawCue, out: &mut Vec<Cue>) {
    let weights: Vec<u64> = raw
        .turns
        .iter()
        .map(|t| word_count(&t.text).max(1) as u64)
        .collect();
    let total: u64 = weights.iter().sum();
    let span = u128::from(raw.end_ms - raw.start_ms);
    let mut acc = 0u64;
    for (turn, w) in raw.turns.drain(..).zip(weights) {
        let at = |k: u64| raw.start_ms + (span * u128::from(k) / u128::from(total)) as u64;
        let start_ms = at(acc);
        acc += w;
        out.push(Cue {
            start_ms,
            end_ms: at(acc),
            speaker: turn.speaker,
            text: turn.text,
            line: raw.line,
        });
    }
}

/// Trims each line, drops empty ones and joins the rest with `\n`.
pub(crate) fn tidy_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for l in s.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(l);
    }
    out
}

/// Decodes an HTML character reference starting at `s` (which begins with `&`): the named
/// ones WebVTT defines plus `&quot;`/`&apos;` and numeric ones. Returns the text and the bytes
/// consumed, or `None` to keep the `&` literally.
pub(crate) fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => '\u{a0}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')?
        }
    };
    Some((c, end + 1))
}

// ---------------------------------------------------------------------------------------
// Generated transcripts (benchmarks and tests)
// ---------------------------------------------------------------------------------------

/// A deterministic WebVTT interview of `cues` cues, about ten words each (so 2,000 cues is a
/// two-hour, 20,000-word interview): `<v>` voices, numeric and GUID-like identifiers, cue
/// settings, NOTE blocks, multi-line payloads, entities and `<i>` tags. Parsing it yields
/// exactly `cues` cues. Used by benchmarks in other targets, hence not `cfg(test)`.
pub fn generate_vtt(cues: usize, seed: u64) -> String {
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "deploy", "pipeline", "rollback", "on-call", "pager", "dashboard", "latency", "budget",
        "runbook", "the", "a", "we", "usually", "then", "staging", "canary", "cluster",
        "terraform", "alerts", "incident", "review", "merge", "build", "cache", "flaky",
        "tests", "queue", "config", "secrets", "service", "team", "week", "because", "it",
        "takes", "minutes", "hours", "sometimes", "manual", "approval", "ticket", "Slack",
        "Grafana", "logs", "traces", "release", "branch", "owner", "migration", "database",
    ];
    const SPEAKERS: &[&str] = &["Jane Doe", "Sam Patel", "Alex Kim"];
    let mut state = seed ^ 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64*: tiny, deterministic, good enough for filler text.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let mut out = String::with_capacity(cues * 110 + 64);
    out.push_str("WEBVTT - generated interview\nKind: captions\n\n");
    let mut t = 0u64;
    for i in 0..cues {
        if i % 250 == 0 {
            out.push_str("NOTE generated by transcripts::generate_vtt\n\n");
        }
        let r = next();
        let speaker = if r % 5 < 2 {
            0
        } else {
            1 + (r >> 8) as usize % 2
        };
        let n = 6 + (r >> 16) as usize % 9;
        let dur = n as u64 * 350 + (r >> 24) % 500;
        if i % 3 == 0 {
            out.push_str(&(i + 1).to_string());
        } else {
            out.push_str(&format!(
                "{:08x}-{:04x}-4{:03x}",
                r >> 32,
                (r >> 16) & 0xffff,
                r & 0xfff
            ));
        }
        out.push('\n');
        out.push_str(&vtt_timestamp(t));
        out.push_str(" --> ");
        out.push_str(&vtt_timestamp(t + dur));
        if i % 7 == 0 {
            out.push_str(" align:start position:10%");
        }
        out.push_str("\n<v ");
        out.push_str(SPEAKERS[speaker]);
        out.push('>');
        let question = speaker == 0 && (r >> 40) % 2 == 0;
        if question {
            out.push_str("How do you");
        }
        let words = if question { n - 3 } else { n };
        for k in 0..words {
            let w = WORDS[(next() % WORDS.len() as u64) as usize];
            if k > 0 || question {
                out.push(if k == 6 { '\n' } else { ' ' });
            }
            match (k, w) {
                (2, _) if i % 11 == 0 => {
                    out.push_str("<i>");
                    out.push_str(w);
                    out.push_str("</i>");
                }
                (_, "a") => out.push_str("&amp;"),
                _ => out.push_str(w),
            }
        }
        out.push_str(if question { "?" } else { "." });
        out.push_str("</v>\n\n");
        t += dur + (r >> 48) % 800;
    }
    out
}

/// [`generate_vtt`] with a fixed seed, for tests.
#[cfg(test)]
pub fn sample_vtt(cues: usize) -> String {
    generate_vtt(cues, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/transcripts/");
        std::fs::read(format!("{path}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    fn err(bytes: &[u8], name: Option<&str>) -> ParseError {
        parse(bytes, name).expect_err("should fail")
    }

    #[test]
    fn error_displays_its_line() {
        let e = ParseError::new(7, "malformed timestamp");
        assert_eq!(e.to_string(), "line 7: malformed timestamp");
    }

    #[test]
    fn decodes_utf8_with_bom_and_crlf() {
        let t = parse(
            b"\xEF\xBB\xBFWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHi\r\n",
            None,
        )
        .unwrap();
        assert_eq!(t.format, Format::Vtt);
        assert_eq!(t.cues[0].text, "Hi");
        // Lone CR ends a line too.
        let t = parse(b"WEBVTT\r\r00:01.000 --> 00:02.000\rHi\rthere\r", None).unwrap();
        assert_eq!(t.cues[0].text, "Hi\nthere");
        assert_eq!(t.cues[0].line, 3);
    }

    #[test]
    fn decodes_utf16_le_and_be_with_bom() {
        let t = parse(&fixture("teams_utf16le.vtt"), None).unwrap();
        assert_eq!(t.format, Format::Vtt);
        assert_eq!(t.cues.len(), 3);
        assert_eq!(t.cues[0].speaker.as_deref(), Some("Zoë Müller"));
        assert_eq!(t.cues[0].text, "Grüß dich — how’s the rollout going?");
        assert_eq!(t.cues[2].line, 10);

        let text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>¿Qué tal?\n";
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
        let t = parse(&be, None).unwrap();
        assert_eq!(t.cues[0].speaker.as_deref(), Some("Ana"));
        assert_eq!(t.cues[0].text, "¿Qué tal?");
    }

    #[test]
    fn rejects_bad_encodings_with_the_line() {
        let e = err(
            b"WEBVTT\n\n00:01.000 --> 00:02.000\ncaf\xE9 au lait\n",
            None,
        );
        assert_eq!(e.line, 4);
        assert!(
            e.message
                .contains("not valid UTF-8 (byte 0xE9 at column 4)"),
            "{e}"
        );
        // CRLF counts as one line break, lone CR as one.
        let e = err(b"a\r\nb\rc\n\xFF", None);
        assert_eq!(e.line, 4);

        let e = err(&fixture("binary.vtt"), Some("binary.vtt"));
        assert_eq!(e.line, 0);
        assert!(e.message.starts_with("binary file"), "{e}");

        let utf16_no_bom: Vec<u8> = "Jane: hello there\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let e = err(&utf16_no_bom, None);
        assert_eq!(e.line, 0);
        assert!(
            e.message.contains("UTF-16 without a byte-order mark"),
            "{e}"
        );

        assert_eq!(err(b"", None).message, "the file is empty");
        assert_eq!(err(&[0xFF, 0xFE, b'a'], None).line, 0);
        let e = err(&[0xFF, 0xFE, b'a', 0, b'\n', 0, 0x00, 0xD8, b'b', 0], None);
        assert_eq!(e.line, 2);
        assert!(e.message.contains("unpaired surrogate"), "{e}");
    }

    #[test]
    fn detects_by_content_then_extension() {
        let vtt = b"WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n";
        assert_eq!(parse(vtt, Some("x.srt")).unwrap().format, Format::Vtt);
        let srt = b"1\n00:00:01,000 --> 00:00:02,000\nHi\n";
        assert_eq!(parse(srt, Some("x.vtt")).unwrap().format, Format::Srt);
        assert_eq!(parse(srt, Some("x.txt")).unwrap().format, Format::Srt);
        let bare = b"00:00:01.000 --> 00:00:02.000\nHi\n";
        assert_eq!(parse(bare, None).unwrap().format, Format::Srt);
        assert_eq!(err(bare, Some("Talk.VTT")).line, 1);
        let arrow = b"Jane: the flow is build --> deploy\nBob: ok\n";
        assert_eq!(parse(arrow, None).unwrap().format, Format::Text);
        let text = b"Jane: Hi\nBob: Hello\n";
        assert_eq!(parse(text, Some("x.vtt")).unwrap().format, Format::Text);
        assert_eq!(parse_as(srt, Format::Srt).unwrap().cues.len(), 1);
    }

    #[test]
    fn clock_grammars() {
        assert_eq!(parse_clock("01:02:03.004", Clock::Vtt), Some(3_723_004));
        assert_eq!(parse_clock("02:03.004", Clock::Vtt), Some(123_004));
        assert_eq!(parse_clock("123:02:03.004", Clock::Vtt), Some(442_923_004));
        assert_eq!(parse_clock("1:02:03.004", Clock::Vtt), Some(3_723_004));
        for bad in [
            "02:03,004",
            "2:03.004",
            "02:60.000",
            "00:02:03.04",
            "00:02:03",
            "aa:bb.ccc",
            "61:00.000",
        ] {
            assert_eq!(parse_clock(bad, Clock::Vtt), None, "{bad}");
        }
        assert_eq!(parse_clock("00:00:01,5", Clock::Srt), Some(1_500));
        assert_eq!(parse_clock("00:00:01.250", Clock::Srt), Some(1_250));
        assert_eq!(parse_clock("00:00:01", Clock::Srt), None);
        assert_eq!(parse_clock("0:03", Clock::Text), Some(3_000));
        assert_eq!(parse_clock("1:02:03", Clock::Text), Some(3_723_000));
        assert_eq!(parse_clock("75:03", Clock::Text), Some(4_503_000));
        assert_eq!(parse_clock("1:2:3", Clock::Text), None);
        assert_eq!(hms(3_723_999), "01:02:03");
    }

    #[test]
    fn counts_words_unicode_aware() {
        assert_eq!(word_count("Don't  break CI/CD — ever, v1.2!"), 5);
        assert_eq!(word_count("Müller’s café naïve"), 3);
        assert_eq!(word_count("部署 is slow"), 4);
        assert_eq!(word_count(" — … "), 0);
        assert_eq!(word_count("deploy—rollback"), 2);
    }

    #[test]
    fn speaker_prefix_heuristic() {
        fn name(s: &str) -> Option<(NameKind, String, &str)> {
            speaker_prefix(s, true).map(|(k, n, r)| (k, n, &s[r..]))
        }
        assert_eq!(
            name("Jane Doe: we deploy"),
            Some((NameKind::Name, "Jane Doe".into(), "we deploy"))
        );
        assert_eq!(
            name("Jane  Doe (she/her): hi").map(|p| p.1),
            Some("Jane Doe (she/her)".into())
        );
        assert_eq!(
            name("Ana de la Cruz: ok").map(|p| p.1),
            Some("Ana de la Cruz".into())
        );
        assert_eq!(
            name("Dr. Ana Cruz: ok").map(|p| p.1),
            Some("Dr. Ana Cruz".into())
        );
        // Five words is more than a name.
        assert_eq!(name("Dr. Ana de la Cruz: ok"), None);
        assert_eq!(name("Speaker 1: ok").map(|p| p.0), Some(NameKind::Name));
        assert_eq!(name("SPEAKER_01: ok").map(|p| p.0), Some(NameKind::Name));
        assert_eq!(name("jdoe: ok").map(|p| p.0), Some(NameKind::Lower));
        assert_eq!(name("Q: how?").map(|p| p.0), Some(NameKind::Role));
        assert_eq!(name("[Jane] hello").map(|p| p.1), Some("Jane".into()));
        assert_eq!(name("[JANE]").map(|p| p.2), Some(""));
        assert_eq!(name("田中：はい").map(|p| p.1), Some("田中".into()));
        for not in [
            "Note: the deploy failed",
            "So: what now",
            "[Music]",
            "[laughs]x",
            "Jane said something like: hi",
            "Well, honestly: no",
            "That is fine. Jane: hi",
            "We met at 10:30 today",
            "http://example.com",
            "One two three four five: x",
            "The problem: deploys",
            "Jane:no-space",
            "2024 plan: x",
            "Side note: x",
        ] {
            assert_eq!(name(not), None, "{not}");
        }
    }

    #[test]
    fn votes_need_repetition_or_dominance() {
        let mut v = Votes::default();
        v.add(NameKind::Name, "Kubernetes");
        assert!(!v.accepts("Kubernetes", 10, 1, 2));
        assert!(v.accepts("Kubernetes", 2, 1, 2));
        v.add(NameKind::Role, "Q");
        assert!(!v.accepts("Q", 4, 1, 2));
        v.add(NameKind::Role, "Q");
        assert!(v.accepts("Q", 6, 1, 2));
        assert!(!v.accepts("Q", 7, 1, 2));
    }

    #[test]
    fn decodes_entities() {
        assert_eq!(entity("&amp;x"), Some(('&', 5)));
        assert_eq!(entity("&#39;"), Some(('\'', 5)));
        assert_eq!(entity("&#x201C;"), Some(('“', 8)));
        assert_eq!(entity("& then;"), None);
        assert_eq!(entity("&bogus;"), None);
        assert_eq!(entity("&#0;"), None);
        assert_eq!(entity("&amp;üüüüüü"), Some(('&', 5)));
    }

    #[test]
    fn generated_two_hour_interview_parses_fully() {
        let src = sample_vtt(2000);
        assert_eq!(src, generate_vtt(2000, 1), "deterministic");
        let started = std::time::Instant::now();
        let t = parse(src.as_bytes(), Some("big.vtt")).unwrap();
        let elapsed = started.elapsed();
        assert_eq!(t.cues.len(), 2000);
        let words: usize = t.cues.iter().map(|c| word_count(&c.text)).sum();
        assert!((18_000..=22_000).contains(&words), "{words} words");
        let last = t.cues.last().unwrap();
        assert!(
            last.end_ms > 90 * 60 * 1000,
            "about two hours: {}",
            hms(last.end_ms)
        );
        assert!(t
            .cues
            .iter()
            .all(|c| c.speaker.is_some() && !c.text.contains('<')));
        println!(
            "parsed 2000 cues / {words} words / {} bytes in {:.2} ms",
            src.len(),
            elapsed.as_secs_f64() * 1e3
        );
    }

    /// Every prefix of every fixture (so also cut UTF-8 and cut cues) parses or fails
    /// cleanly, and what parses can be audited.
    #[test]
    fn truncated_inputs_never_panic() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/transcripts");
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert!(names.len() >= 12, "{names:?}");
        let mut parsed = 0;
        for name in &names {
            let bytes = fixture(name);
            for cut in 0..=bytes.len() {
                if let Ok(t) = parse(&bytes[..cut], Some(name)) {
                    parsed += 1;
                    let a = audit(&t, &[], &|_| Vec::new());
                    for q in &a.questions {
                        assert!(
                            t.cues[q.cue].text.get(q.span.0..q.span.1).is_some(),
                            "{name}[..{cut}]: {q:?}"
                        );
                    }
                    for c in &t.cues {
                        assert!(
                            c.start_ms <= c.end_ms && c.line >= 1,
                            "{name}[..{cut}]: {c:?}"
                        );
                    }
                }
            }
        }
        assert!(parsed > 1000, "{parsed}");
    }
}
