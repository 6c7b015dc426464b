//! Tokenisation: words (lower-cased, classified once through the lexicon), punctuation
//! tokens and sentences. Every token keeps its byte range in the source, so spans always
//! fall on `char` boundaries (they come from `char_indices`).

use super::lexicon::{self, Flags, AUX, DISCOURSE, MODAL, NEG_AUX, REQUEST_VERB, WH};

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// Byte range in the source.
    pub start: usize,
    pub end: usize,
    /// Byte range of the normalised lower-case text in `Doc::lower`.
    pub lo: usize,
    pub hi: usize,
    pub flags: Flags,
    /// Normalised punctuation character, or '\0' for a word.
    pub punct: char,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Sent {
    /// Content tokens `ta..tb`; `tb` is the first terminator token (if any).
    pub ta: usize,
    pub tb: usize,
    /// Words `wa..wb` (indices into `Doc::words`), never empty.
    pub wa: usize,
    pub wb: usize,
    /// Ends with "?" (or is an unterminated last sentence that opens like a question).
    pub question: bool,
    /// Really ends with a terminator ("?", "!", ".").
    pub terminated: bool,
    /// Where the question proper starts (see [`Doc::head`]).
    pub head: usize,
}

pub(crate) struct Doc<'a> {
    pub src: &'a str,
    pub lower: String,
    pub toks: Vec<Tok>,
    /// Token index of every word, in order.
    pub words: Vec<usize>,
    pub sents: Vec<Sent>,
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
        '\u{ff1b}' => ';',
        '\u{2013}' | '\u{2014}' => '-',
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
    pub fn new(src: &'a str) -> Doc<'a> {
        let lex = lexicon::get();
        let mut lower = String::with_capacity(src.len());
        let mut toks: Vec<Tok> = Vec::with_capacity(src.len() / 4 + 4);
        let mut words = Vec::with_capacity(src.len() / 5 + 2);
        if src.is_ascii() {
            Self::scan_ascii(src, lex, &mut lower, &mut toks, &mut words);
        } else {
            Self::scan_unicode(src, lex, &mut lower, &mut toks, &mut words);
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

    /// The same tokens as [`Doc::scan_unicode`], byte by byte, for ASCII text (the common case).
    fn scan_ascii(
        src: &str,
        lex: &lexicon::Lexicon,
        lower: &mut String,
        toks: &mut Vec<Tok>,
        words: &mut Vec<usize>,
    ) {
        let b = src.as_bytes();
        let n = b.len();
        let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
        let mut i = 0;
        while i < n {
            let c = b[i];
            if word(c) {
                let lo = lower.len();
                let start = i;
                while i < n {
                    let c = b[i];
                    if word(c) {
                        lower.push(char::from(c.to_ascii_lowercase()));
                    } else if matches!(c, b'\'' | b'-' | b'.') && i + 1 < n && word(b[i + 1]) {
                        lower.push(char::from(c));
                    } else {
                        break;
                    }
                    i += 1;
                }
                let flags = lex.flags(&lower[lo..]);
                words.push(toks.len());
                toks.push(Tok {
                    start,
                    end: i,
                    lo,
                    hi: lower.len(),
                    flags,
                    punct: '\0',
                });
                continue;
            }
            if !char::from(c).is_whitespace() {
                let lo = lower.len();
                toks.push(Tok {
                    start: i,
                    end: i + 1,
                    lo,
                    hi: lo,
                    flags: 0,
                    punct: norm_punct(char::from(c)),
                });
            }
            i += 1;
        }
    }

    fn scan_unicode(
        src: &str,
        lex: &lexicon::Lexicon,
        lower: &mut String,
        toks: &mut Vec<Tok>,
        words: &mut Vec<usize>,
    ) {
        let mut it = src.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if is_word_char(c) {
                let lo = lower.len();
                push_lower(lower, c);
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if is_word_char(d) {
                        push_lower(lower, d);
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
                let flags = lex.flags(&lower[lo..]);
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
                        head: wa,
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
                head: wa,
            });
        }
        for s in &mut sents {
            s.head = self.find_head(s);
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

    /// "e.g." / "etc." / "Mr." / "p.m." in the middle of a sentence is not a full stop.
    fn is_abbreviation_dot(&self, i: usize) -> bool {
        if self.toks[i].punct != '.' || i == 0 {
            return false;
        }
        let prev = self.toks[i - 1];
        if prev.punct != '\0' || prev.end != self.toks[i].start {
            return false;
        }
        let w = &self.lower[prev.lo..prev.hi];
        let next_ok = self
            .toks
            .get(i + 1)
            .is_some_and(|t| t.punct == '\0' || t.punct == ',');
        let title = matches!(w, "mr" | "mrs" | "ms" | "dr" | "st" | "prof" | "jr" | "sr");
        let abbr = matches!(
            w,
            "e.g" | "i.e" | "etc" | "vs" | "eg" | "ie" | "approx" | "cf" | "a.m" | "p.m"
        );
        // "A.I. technology", "the U.S. market": single letters with dots, then a lower-case word.
        let initials = w.contains('.') && w.split('.').all(|p| p.chars().count() == 1);
        let next_lower = self.toks.get(i + 1).is_some_and(|t| {
            t.punct == '\0' && self.src[t.start..t.end].starts_with(|c: char| c.is_lowercase())
        });
        (title && self.toks.get(i + 1).is_some_and(|t| t.punct == '\0'))
            || (abbr && next_ok)
            || (initials && next_lower)
    }

    /// Lower-case text of word `k`.
    pub fn w(&self, k: usize) -> &str {
        let t = &self.toks[self.words[k]];
        &self.lower[t.lo..t.hi]
    }

    /// Word `k` if it is inside sentence `s`, else "".
    pub fn w_at(&self, k: usize, s: &Sent) -> &str {
        if k >= s.wa && k < s.wb {
            self.w(k)
        } else {
            ""
        }
    }

    /// Original text of word `k`.
    pub fn orig(&self, k: usize) -> &'a str {
        let t = &self.toks[self.words[k]];
        &self.src[t.start..t.end]
    }

    /// Word `k` starts with an upper-case letter in the source.
    pub fn capitalised(&self, k: usize) -> bool {
        self.orig(k).chars().next().is_some_and(char::is_uppercase)
    }

    pub fn f(&self, k: usize) -> Flags {
        self.toks[self.words[k]].flags
    }

    /// Flags of word `k` if it is inside sentence `s`, else 0.
    pub fn f_at(&self, k: usize, s: &Sent) -> Flags {
        if k >= s.wa && k < s.wb {
            self.f(k)
        } else {
            0
        }
    }

    /// Word `k` is immediately followed by word `k + 1` (no punctuation between).
    pub fn adjacent(&self, k: usize) -> bool {
        k + 1 < self.words.len() && self.words[k + 1] == self.words[k] + 1
    }

    /// Words `a..=b` follow each other with no punctuation between them.
    pub fn adjacent_range(&self, a: usize, b: usize) -> bool {
        (a..b).all(|k| self.adjacent(k))
    }

    /// The punctuation token right before word `k`, or '\0'.
    pub fn punct_before(&self, k: usize) -> char {
        let t = self.words[k];
        if t == 0 {
            '\0'
        } else {
            self.toks[t - 1].punct
        }
    }

    /// First word of the sentence after discourse markers ("So, and, well…").
    pub fn first_content(&self, s: &Sent) -> usize {
        let mut k = s.wa;
        while k + 1 < s.wb && self.f(k) & DISCOURSE != 0 {
            k += 1;
        }
        k
    }

    /// Where the question proper starts: the first content word, or, after a vocative or
    /// an introductory clause ("Sir, do you…", "So, Silas, why…", "Overall, how…",
    /// "If we built X, would you…"), the first word after a comma that opens a question.
    /// Tag questions ("…, weren't you?") are not heads.
    pub fn head(&self, s: &Sent) -> usize {
        s.head
    }

    fn find_head(&self, s: &Sent) -> usize {
        let o = self.first_content(s);
        let opener = self.f(o) & (AUX | NEG_AUX | MODAL | WH) != 0;
        // "When it comes to pets, do you…": "when" + a subject opens a clause, not a question.
        let subordinate = matches!(
            self.w(o),
            "when" | "where" | "while" | "once" | "after" | "before"
        ) && o + 1 < s.wb
            && self.f(o + 1) & (AUX | NEG_AUX | MODAL) == 0;
        if opener && !subordinate {
            return o;
        }
        for k in o + 1..s.wb {
            if matches!(self.punct_before(k), ',' | ';' | ':' | '-')
                && self.f(k) & (AUX | NEG_AUX | MODAL | WH) != 0
                && s.wb - k > 2
            {
                return k;
            }
        }
        o
    }

    /// "Can you tell me…", "Could you describe…", "Would you walk me through…": a polite
    /// request, i.e. an open prompt, not a yes/no question.
    pub fn is_request(&self, s: &Sent) -> bool {
        let o = s.head;
        matches!(self.w(o), "can" | "could" | "would" | "will")
            && self.w_at(o + 1, s) == "you"
            && (o + 2..s.wb.min(o + 4)).any(|k| self.f(k) & REQUEST_VERB != 0)
    }

    /// The sentence containing word `k`.
    pub fn sent_of(&self, k: usize) -> Option<&Sent> {
        self.sents.iter().find(|s| s.wa <= k && k < s.wb)
    }

    /// Byte range of words `a..=b`.
    pub fn word_span(&self, a: usize, b: usize) -> (usize, usize) {
        (self.toks[self.words[a]].start, self.toks[self.words[b]].end)
    }

    /// Source text of words `a..=b`.
    pub fn text(&self, a: usize, b: usize) -> &'a str {
        let (s, e) = self.word_span(a, b);
        &self.src[s..e]
    }

    /// Any word in `a..b` carries one of `flags`.
    pub fn any(&self, a: usize, b: usize, flags: Flags) -> bool {
        (a..b).any(|k| self.f(k) & flags != 0)
    }

    /// First word in `a..b` equal to `w`.
    pub fn find(&self, a: usize, b: usize, w: &str) -> Option<usize> {
        (a..b).find(|&k| self.w(k) == w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(d: &Doc) -> Vec<(usize, usize, String, char, Flags)> {
        d.toks
            .iter()
            .map(|t| {
                (
                    t.start,
                    t.end,
                    d.lower[t.lo..t.hi].to_string(),
                    t.punct,
                    t.flags,
                )
            })
            .collect()
    }

    #[test]
    fn ascii_fast_path_matches_the_unicode_scanner() {
        let lex = lexicon::get();
        for src in [
            "Don't you think it's broken?",
            "On-call, node.js and e.g. CI... ok?! 'quoted' -dash- a_b x.y.z",
            "Mr. Smith at 3 p.m. / Good / Bad\tTabs\x0bvt\r\n",
            "Why?? And why... not!",
            "trailing' -lead .dot- it's",
            "",
        ] {
            let (mut l1, mut t1, mut w1) = (String::new(), Vec::new(), Vec::new());
            Doc::scan_ascii(src, lex, &mut l1, &mut t1, &mut w1);
            let (mut l2, mut t2, mut w2) = (String::new(), Vec::new(), Vec::new());
            Doc::scan_unicode(src, lex, &mut l2, &mut t2, &mut w2);
            let a = Doc {
                src,
                lower: l1,
                toks: t1,
                words: w1,
                sents: Vec::new(),
            };
            let b = Doc {
                src,
                lower: l2,
                toks: t2,
                words: w2,
                sents: Vec::new(),
            };
            assert_eq!(tokens(&a), tokens(&b), "{src:?}");
            assert_eq!(a.words, b.words);
        }
    }
}
