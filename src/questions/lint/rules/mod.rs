//! The hand-written rules. Each family lives in its own file and pushes raw findings (token
//! ranges) for one document; `detect` runs them all and removes contained duplicates.

mod agreement;
mod blame;
mod confirmation;
mod double_barreled;
mod hypothetical;
mod loaded;
mod presupposition;
mod scale;
mod solution;
mod statement;

use super::tokenizer::Doc;

/// `(rule id, one-line description)` for every rule, in a stable order. The order matches
/// [`Rule`]'s discriminants.
pub(crate) const RULE_TABLE: &[(&str, &str)] = &[
    (
        "confirmation-seeking",
        "A closed yes/no question that asks the interviewee to confirm a problem, a feeling or their approval (\"Do you have problems with…\", \"Do you like…\", \"Was it good enough?\").",
    ),
    (
        "loaded-wording",
        "Emotional or judgemental words (terrible, obviously, excellent, the broken…, so slow…) that signal the answer you expect.",
    ),
    (
        "presupposition",
        "Assumes a fact or feeling is true (\"Why does your team do so few deploys?\", \"What's broken about…\", \"Have you stopped…\").",
    ),
    (
        "hypothetical-future",
        "Asks what someone would or will do instead of what they actually did.",
    ),
    (
        "agreement-seeking",
        "Invites agreement: \"don't you think\", tag questions (\"…, weren't you?\", \"…, right?\") and statements asked as questions.",
    ),
    (
        "double-barreled",
        "Two questions or two things to judge in one turn (\"clear and up to date\"), so only one of them gets a real answer.",
    ),
    (
        "solution-pitching",
        "Pitches a solution or idea for approval (\"Do you wish X happened automatically?\", \"Should we build…\", \"What do you think of my idea?\").",
    ),
    (
        "scale-anchored",
        "Anchors or unbalances the scale: \"How much better…\", \"How satisfied…\" with no dissatisfied side, more positive than negative answer options.",
    ),
    (
        "statement-before-question",
        "An opinion, premise or claim placed before the question (\"Since on-call is so stressful, …\", \"Some people say…; what's your view?\").",
    ),
    (
        "blame",
        "Asks who is at fault or why a person acted (\"Who broke the deploy?\", \"Why didn't you test it?\") instead of how the system made the action reasonable.",
    ),
];

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
pub(crate) enum Rule {
    Confirmation = 0,
    Loaded,
    Presupposition,
    Hypothetical,
    Agreement,
    DoubleBarreled,
    Solution,
    Scale,
    StatementFirst,
    Blame,
}

pub(crate) const RULE_COUNT: usize = 10;

impl Rule {
    pub fn id(self) -> &'static str {
        RULE_TABLE[self as usize].0
    }
}

/// How a question can be cut back to a single, clean ask for the rewrite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cut {
    None,
    /// Keep the text up to and including this token (a terminator).
    KeepThrough(usize),
    /// Keep the text before this token and end it with "?".
    KeepBefore(usize),
    /// Remove tokens `a..=b`.
    Remove(usize, usize),
    /// Keep the text from this token on (drops a premise or statement before it).
    KeepFrom(usize),
}

/// Which shape of a rule matched; picks the explanation and the rewrite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    Plain,
    /// confirmation-seeking: approval or satisfaction.
    Approval,
    /// agreement-seeking: tag question.
    Tag,
    /// agreement-seeking: a statement with a question mark.
    Declarative,
    /// presupposition: a suggested reason ("…because…?").
    Reason,
    /// presupposition: an embedded claim ("Did you know that…", "Are you aware that…").
    Claim,
    /// presupposition: "Have you stopped…", "When did you stop…".
    Stopped,
    /// double-barreled: two things to judge joined by "and".
    Pair,
    /// scale-anchored: answer options with more of one side.
    Options,
    /// scale-anchored: one-sided "How satisfied…", "How easy…".
    OneSided,
    /// statement-before-question: "Since…", "Given…".
    Premise,
    /// statement-before-question: "Some people say…".
    Crowd,
    /// blame: "Who broke…".
    Who,
    /// blame: "Why did you…" / "Why didn't you…".
    WhyYou,
    /// blame: "How did nobody notice…".
    HowCome,
}

/// A finding before it is turned into text: token range `ts..=te`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Raw {
    pub rule: Rule,
    pub ts: usize,
    pub te: usize,
    pub cut: Cut,
    pub shape: Shape,
    /// Rule-specific word index (e.g. the "wish" in solution-pitching, the verb in blame).
    pub aux: usize,
}

impl Doc<'_> {
    /// A raw finding over words `k1..=k2`.
    pub fn raw(&self, rule: Rule, k1: usize, k2: usize) -> Raw {
        Raw {
            rule,
            ts: self.words[k1],
            te: self.words[k2.max(k1)],
            cut: Cut::None,
            shape: Shape::Plain,
            aux: k1,
        }
    }

    pub fn byte_span(&self, r: &Raw) -> (usize, usize) {
        (self.toks[r.ts].start, self.toks[r.te].end)
    }
}

impl Raw {
    pub fn shape(mut self, s: Shape) -> Raw {
        self.shape = s;
        self
    }
    pub fn cut(mut self, c: Cut) -> Raw {
        self.cut = c;
        self
    }
    pub fn aux(mut self, k: usize) -> Raw {
        self.aux = k;
        self
    }
}

/// Run every rule over the document.
pub(crate) fn detect(d: &Doc) -> Vec<Raw> {
    let mut out = Vec::new();
    if d.words.is_empty() {
        return out;
    }
    confirmation::run(d, &mut out);
    loaded::run(d, &mut out);
    presupposition::run(d, &mut out);
    hypothetical::run(d, &mut out);
    agreement::run(d, &mut out);
    double_barreled::run(d, &mut out);
    solution::run(d, &mut out);
    scale::run(d, &mut out);
    statement::run(d, &mut out);
    blame::run(d, &mut out);
    dedup(out)
}

/// Sort by start, longest first, then drop same-rule findings contained in a kept one (this
/// also removes exact duplicates). Blame supersedes a presupposition over the same words.
fn dedup(mut out: Vec<Raw>) -> Vec<Raw> {
    if out.len() > 1 {
        out.sort_by(|a, b| (a.ts, b.te, a.rule).cmp(&(b.ts, a.te, b.rule)));
        let blame: Vec<(usize, usize)> = out
            .iter()
            .filter(|r| r.rule == Rule::Blame)
            .map(|r| (r.ts, r.te))
            .collect();
        let mut kept: Vec<Raw> = Vec::with_capacity(out.len());
        for r in out {
            if r.rule == Rule::Presupposition && blame.iter().any(|&(a, b)| a <= r.ts && r.ts <= b)
            {
                continue;
            }
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

/// Does the text name both poles of a scale ("easy or difficult", "satisfied … dissatisfied",
/// "clear or unclear", "useful or not useful"), or leave room for none ("…, if at all?")?
/// Then a one-sided word is balanced by its opposite.
pub(crate) fn balanced(d: &Doc, a: usize, b: usize) -> bool {
    use super::lexicon::{NEG, POS};
    if d.any(a, b, POS) && d.any(a, b, NEG) {
        return true;
    }
    (a..b).any(|k| {
        let w = d.w(k);
        (PREFIXES.iter().any(|p| w.starts_with(p)) && with_opposite(d, k, a, b))
            || (w == "or" && k > a && k + 2 < b && d.w(k + 1) == "not" && d.w(k + 2) == d.w(k - 1))
            || (w == "at" && k > a && d.w(k - 1) == "if" && k + 1 < b && d.w(k + 1) == "all")
    })
}

/// Negative prefixes of adjectives.
const PREFIXES: [&str; 8] = ["un", "in", "im", "dis", "non-", "non", "ir", "il"];

/// Word `k` is a negative-prefixed adjective whose stem also occurs in words `a..b`
/// ("unclear" with "clear", "unfair" with "fair"), or the stem of one that does. Only
/// adjective-like stems count ("inform" is not the opposite of "form").
pub(crate) fn with_opposite(d: &Doc, k: usize, a: usize, b: usize) -> bool {
    use super::lexicon::{APPROVAL, EVAL, NEG, POS, VALENCE};
    const ADJ_ENDINGS: [&str; 13] = [
        "ful", "ive", "able", "ible", "ent", "ant", "ied", "ous", "al", "ar", "ly", "ear", "air",
    ];
    let adjective = |w: &str, j: usize| {
        w.len() > 2
            && (d.f(j) & (APPROVAL | EVAL | POS | NEG | VALENCE) != 0
                || ADJ_ENDINGS.iter().any(|e| w.ends_with(e)))
    };
    let w = d.w(k);
    let prefixed = |x: &str, stem: &str| PREFIXES.iter().any(|p| x.strip_prefix(p) == Some(stem));
    (a..b).any(|j| {
        let x = d.w(j);
        (prefixed(w, x) && adjective(x, j)) || (prefixed(x, w) && adjective(w, k))
    })
}
