//! The checker's word lists. They live in `lexicon.txt` (compiled in with `include_str!`) and
//! are parsed once, on first use, into a `OnceLock`: a map from lower-cased word to a bit
//! set of classes, the topic table used by the rewrites, and fixed "X and Y" pairs.
//!
//! File format: `[class]` starts a list, words are separated by whitespace, `#` starts a
//! comment. `[topics]` lines are `keys … | display name | a concrete past experience`, where
//! `{}` stands for the matched word as written. `[pairs]` lines are two words, `left right`,
//! for fixed expressions such as "pros and cons".

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

pub(crate) type Flags = u64;

macro_rules! classes {
    ($($name:ident = $bit:expr, $key:literal;)*) => {
        $(pub(crate) const $name: Flags = 1 << $bit;)*
        const CLASSES: &[(&str, Flags)] = &[$(($key, $name)),*];
    };
}

classes! {
    AUX = 0, "aux";
    NEG_AUX = 1, "neg_aux";
    WH = 2, "wh";
    CONJ = 3, "conj";
    VALENCE = 4, "valence";
    LOADED = 5, "loaded";
    REMOVABLE = 6, "removable";
    SO_ADJ = 7, "so_adj";
    PRESUP = 8, "presup";
    DET = 9, "det";
    IMPERATIVE = 10, "imperative";
    FRAMING = 11, "framing";
    COMPARATIVE = 12, "comparative";
    EVAL = 13, "eval";
    MODAL = 14, "modal";
    PROCESS_VERB = 15, "process_verb";
    BUILD_VERB = 16, "build_verb";
    DISCOURSE = 17, "discourse";
    TAG_WORD = 18, "tag_word";
    AUTOMATION = 19, "automation";
    BENEFIT = 20, "benefit";
    REQUEST_VERB = 21, "request_verb";
    PERSON = 22, "person";
    BLAME_VERB = 23, "blame_verb";
    APPROVAL = 24, "approval";
    POS = 25, "pos";
    NEG = 26, "neg";
    PREMISE = 27, "premise";
    OPINION_VERB = 28, "opinion_verb";
    CROWD = 29, "crowd";
    NPS_VERB = 30, "nps_verb";
    RISKY = 31, "risky";
    ACCUSE = 32, "accuse";
    ABSOLUTE = 33, "absolute";
    INCIDENT_NOUN = 34, "incident_noun";
    FUNCTION = 35, "function";
    SUBJ_PRONOUN = 36, "subj_pronoun";
    INTENSIFIER = 37, "intensifier";
    PREP = 38, "prep";
    BE = 39, "be";
    NEG_WORD = 40, "negation";
    PERCEIVE_VERB = 41, "perceive_verb";
    SYSTEM_NOUN = 42, "system_noun";
    BLAME_NOUN = 43, "blame_noun";
    PROSE_BLAME = 44, "prose_blame";
    PRAISE = 45, "praise";
    SUPERLATIVE = 46, "superlative";
    STOP_VERB = 47, "stop_verb";
    KNOW_VERB = 48, "know_verb";
}

const SOURCE: &str = include_str!("lexicon.txt");

pub(crate) struct Topic {
    /// Display name; "{}" is replaced by the matched word as written.
    pub name: &'static str,
    /// A concrete past experience; "{}" is replaced by the matched word.
    pub exp: &'static str,
}

pub(crate) struct Lexicon {
    words: WordMap<Flags>,
    /// Ordered from specific (named tools) to general areas.
    pub topics: Vec<Topic>,
    topic_of: WordMap<usize>,
    pairs: HashSet<(&'static str, &'static str), BuildHasherDefault<WordHasher>>,
}

impl Lexicon {
    pub fn flags(&self, w: &str) -> Flags {
        self.words.get(w).copied().unwrap_or(0)
    }

    /// Index into `topics` of the topic a word belongs to.
    pub fn topic(&self, w: &str) -> Option<usize> {
        self.topic_of.get(w).copied()
    }

    /// "pros" + "cons": a fixed expression, not two asks.
    pub fn is_pair(&self, left: &str, right: &str) -> bool {
        self.pairs.contains(&(left, right))
    }
}

pub(crate) fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| parse(SOURCE).unwrap_or_else(|e| panic!("lexicon.txt: {e}")))
}

fn parse(src: &'static str) -> Result<Lexicon, String> {
    let mut lex = Lexicon {
        words: WordMap::default(),
        topics: Vec::new(),
        topic_of: WordMap::default(),
        pairs: HashSet::default(),
    };
    let mut section: Option<&str> = None;
    let mut flag: Flags = 0;
    for (n, raw) in src.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = Some(name);
            flag = 0;
            if !matches!(name, "topics" | "pairs") {
                flag = CLASSES
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, f)| *f)
                    .ok_or_else(|| format!("line {}: unknown class [{name}]", n + 1))?;
            }
            continue;
        }
        match section {
            None => return Err(format!("line {}: words before any [class]", n + 1)),
            Some("topics") => {
                let parts: Vec<&str> = line.split('|').map(str::trim).collect();
                if parts.len() != 3 {
                    return Err(format!("line {}: a topic needs `keys | name | exp`", n + 1));
                }
                let idx = lex.topics.len();
                for k in parts[0].split_whitespace() {
                    lex.topic_of.entry(k).or_insert(idx);
                }
                lex.topics.push(Topic {
                    name: parts[1],
                    exp: parts[2],
                });
            }
            Some("pairs") => {
                let ws: Vec<&'static str> = line.split_whitespace().collect();
                if ws.len() != 2 {
                    return Err(format!("line {}: a pair is two words", n + 1));
                }
                lex.pairs.insert((ws[0], ws[1]));
            }
            Some(_) => {
                for w in line.split_whitespace() {
                    *lex.words.entry(w).or_insert(0) |= flag;
                }
            }
        }
    }
    Ok(lex)
}

/// A tiny FxHash-style hasher: the keys are short ASCII words, and the default SipHash
/// would dominate the per-question cost.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

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

pub(crate) type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<WordHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_parses_and_classifies() {
        let l = get();
        assert_ne!(l.flags("don't") & NEG_AUX, 0);
        assert_ne!(l.flags("terrible") & LOADED, 0);
        assert_eq!(l.flags("kubernetes") & LOADED, 0);
        assert!(l.topic("chef").is_some());
        assert!(l.is_pair("pros", "cons"));
        assert!(!l.topics.is_empty());
    }

    #[test]
    fn bad_lexicon_is_refused() {
        assert!(parse("[nonsense]\nword").is_err());
        assert!(parse("word").is_err());
        assert!(parse("[topics]\nonly | two").is_err());
    }
}
