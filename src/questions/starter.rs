//! Built-in starter questions for SRE/platform interviews.
//!
//! Every `text` is a non-leading question (checked by a test against
//! [`crate::questions::lint::check`]); `leading_version`, where present, is the leading
//! question it replaces.

/// One question in the starter bank.
pub struct StarterQuestion {
    pub topic: &'static str,
    pub text: &'static str,
    pub tags: &'static [&'static str],
    pub leading_version: Option<&'static str>,
    pub rationale: &'static str,
}

const fn q(
    topic: &'static str,
    text: &'static str,
    tags: &'static [&'static str],
    rationale: &'static str,
) -> StarterQuestion {
    StarterQuestion {
        topic,
        text,
        tags,
        leading_version: None,
        rationale,
    }
}

pub const STARTER: &[StarterQuestion] = &[
    // --- The three before/after pairs -------------------------------------
    StarterQuestion {
        topic: "chef",
        text: "Have you created a Chef cookbook while working here? If so, tell me when and walk me through how.",
        tags: &["chef", "config-management", "past-behaviour"],
        leading_version: Some("Do you have problems with Chef?"),
        rationale: "A factual opener about something they actually did, followed by a walk-through, instead of asking them to confirm a problem you named.",
    },
    StarterQuestion {
        topic: "compliance",
        text: "Do you use the SRE-compliance spreadsheet? Do you find any columns on the spreadsheet more useful than others? How so?",
        tags: &["compliance", "prioritization", "tools"],
        leading_version: Some(
            "Do you wish correlating estimated resource weeks to priority happened automatically?",
        ),
        rationale: "Finds out how the spreadsheet is really used before anyone pitches automating part of it.",
    },
    StarterQuestion {
        topic: "deploys",
        text: "What are the steps to go from code committed to code successfully running in production for the application you work on?",
        tags: &["deploys", "pipeline", "process"],
        leading_version: Some("Why does your team do so few deploys? And why are they always huge?"),
        rationale: "Maps the real path to production without assuming deploys are rare or large, and asks one thing at a time.",
    },
    // --- Deploys ------------------------------------------------------------
    q(
        "deploys",
        "Tell me about the last time you deployed to production.",
        &["deploys", "past-behaviour"],
        "Anchors on one concrete, recent event, which people remember far better than an average.",
    ),
    q(
        "deploys",
        "How often does your team deploy?",
        &["deploys", "frequency"],
        "A neutral factual baseline; no judgement about whether the number is good or bad.",
    ),
    q(
        "deploys",
        "What happened the last time a deploy failed?",
        &["deploys", "failure", "past-behaviour"],
        "Asks for a story about a real failure rather than an opinion about reliability.",
    ),
    q(
        "deploys",
        "How do you decide when to roll back a release?",
        &["deploys", "rollback", "decision"],
        "Surfaces the actual decision criteria people use, in their own words.",
    ),
    q(
        "deploys",
        "What did you look at to decide the last deploy was safe?",
        &["deploys", "verification", "observability"],
        "Reveals which signals people trust without suggesting any.",
    ),
    q(
        "deploys",
        "Which parts of the release process did you do by hand last time?",
        &["deploys", "toil"],
        "Finds manual toil from what happened, not from a wish list.",
    ),
    // --- On-call --------------------------------------------------------------
    q(
        "on-call",
        "Walk me through your last on-call shift.",
        &["on-call", "past-behaviour"],
        "A walk-through of one real shift shows load and pain points without naming them.",
    ),
    q(
        "on-call",
        "How many times were you paged last week?",
        &["on-call", "paging", "frequency"],
        "A countable fact that can be compared across teams.",
    ),
    q(
        "on-call",
        "What did you do after the last alert woke you up?",
        &["on-call", "alerts", "past-behaviour"],
        "Gets the real response steps, including workarounds nobody documents.",
    ),
    q(
        "on-call",
        "How does your team decide who is on call?",
        &["on-call", "process"],
        "Neutral question about how the rotation works today.",
    ),
    q(
        "on-call",
        "What did the last handoff between on-call shifts look like?",
        &["on-call", "handoff"],
        "Looks at one concrete handoff instead of asking whether handoffs are good.",
    ),
    q(
        "on-call",
        "How do you decide which alerts should page someone?",
        &["on-call", "alerts", "decision"],
        "Asks about the criteria in use, without implying there is too much paging.",
    ),
    // --- CI -------------------------------------------------------------------
    q(
        "ci",
        "How long did your last CI run take?",
        &["ci", "duration"],
        "A specific, recent number rather than a feeling about speed.",
    ),
    q(
        "ci",
        "Who do you ask when a CI build fails and you don't know why?",
        &["ci", "support", "people"],
        "Shows where help really comes from.",
    ),
    q(
        "ci",
        "What do you do when a test fails in CI but passes locally?",
        &["ci", "flaky-tests", "behaviour"],
        "Describes real behaviour around flaky tests without calling them flaky.",
    ),
    q(
        "ci",
        "Walk me through the last time you changed a CI pipeline.",
        &["ci", "pipeline", "past-behaviour"],
        "A concrete change story shows how approachable the pipeline config is.",
    ),
    q(
        "ci",
        "What was the most recent reason a build of yours failed?",
        &["ci", "failure"],
        "One real failure is more informative than a general impression.",
    ),
    q(
        "ci",
        "What did you do the last time you got stuck on a CI failure? Who helped you?",
        &["ci", "support", "past-behaviour"],
        "An open story followed by a short follow-up about who helped.",
    ),
    // --- Observability --------------------------------------------------------
    q(
        "observability",
        "How do you find out that your service is unhealthy?",
        &["observability", "detection"],
        "Lets them name the signals they actually rely on.",
    ),
    q(
        "observability",
        "Where do you look for logs when something goes wrong?",
        &["observability", "logging"],
        "Finds the real entry point to debugging.",
    ),
    q(
        "observability",
        "Which metrics do you check first when latency goes up?",
        &["observability", "metrics"],
        "Reveals the mental model of the service without suggesting dashboards.",
    ),
    q(
        "observability",
        "What tools did you use the last time you debugged a production issue?",
        &["observability", "tools", "past-behaviour"],
        "Tools in real use, from a concrete event.",
    ),
    q(
        "observability",
        "How do new services get added to monitoring?",
        &["observability", "process"],
        "Neutral process question that shows gaps without assuming them.",
    ),
    q(
        "observability",
        "How did you set up tracing for your service?",
        &["observability", "tracing", "past-behaviour"],
        "Asks about a real setup effort instead of whether tracing is hard.",
    ),
    // --- Incidents ------------------------------------------------------------
    q(
        "incidents",
        "Tell me about the most recent incident you were involved in.",
        &["incidents", "past-behaviour"],
        "The most recent incident is remembered in detail and is not cherry-picked.",
    ),
    q(
        "incidents",
        "What dashboards did you open during the last incident?",
        &["incidents", "observability"],
        "Concrete behaviour during an incident.",
    ),
    q(
        "incidents",
        "Talk me through what you did during the last incident where you were incident commander.",
        &["incidents", "incident-command"],
        "A walk-through of the coordinating role, in their own words.",
    ),
    q(
        "incidents",
        "How do you share what you learned from an incident with other teams?",
        &["incidents", "learning"],
        "Neutral question about how learning spreads today.",
    ),
    q(
        "incidents",
        "How do you hand over an incident at the end of your shift?",
        &["incidents", "handoff"],
        "Looks at a real practice without implying it goes badly.",
    ),
    q(
        "incidents",
        "What happened the last time you had to restore from a backup?",
        &["incidents", "backups", "past-behaviour"],
        "A concrete recovery story shows whether restores are practised.",
    ),
    // --- Other platform topics -----------------------------------------------
    q(
        "postmortems",
        "Tell me about the last postmortem you wrote or attended.",
        &["postmortems", "past-behaviour"],
        "One real postmortem shows the process as it runs, not as documented.",
    ),
    q(
        "postmortems",
        "What happens to the action items from a postmortem?",
        &["postmortems", "follow-up"],
        "Finds out whether action items are tracked, without assuming they are dropped.",
    ),
    q(
        "runbooks",
        "When was the last time you edited a runbook?",
        &["runbooks", "maintenance"],
        "A factual recency question that hints at how runbooks are maintained.",
    ),
    q(
        "terraform",
        "Who reviews your Terraform changes?",
        &["terraform", "code-review"],
        "Finds the real review path for infrastructure changes.",
    ),
    q(
        "secrets",
        "How do you get a new secret into your application?",
        &["secrets", "process"],
        "Lets them describe the workflow step by step.",
    ),
    q(
        "code-review",
        "What happens after a pull request is opened on your team?",
        &["code-review", "process"],
        "Neutral walk-through of the review flow.",
    ),
    q(
        "slos",
        "How does your team set its SLOs?",
        &["slos", "process"],
        "Asks how targets are chosen today, without judging them.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questions::lint::check;

    #[test]
    fn starter_texts_pass_and_leading_versions_are_flagged() {
        for s in STARTER {
            let f = check(s.text);
            assert!(
                f.is_empty(),
                "starter text flagged: {:?} -> {:?}",
                s.text,
                f
            );
            assert!(!s.rationale.trim().is_empty(), "{}", s.text);
            assert!(!s.tags.is_empty(), "{}", s.text);
            if let Some(l) = s.leading_version {
                assert!(!check(l).is_empty(), "leading version not flagged: {l:?}");
            }
        }
    }

    #[test]
    fn starter_bank_shape() {
        let pairs: Vec<&str> = STARTER
            .iter()
            .filter(|s| s.leading_version.is_some())
            .map(|s| s.topic)
            .collect();
        assert_eq!(pairs, ["chef", "compliance", "deploys"]);
        let plain = STARTER
            .iter()
            .filter(|s| s.leading_version.is_none())
            .count();
        assert!(plain >= 32, "only {plain} non-leading starters");
        for topic in ["deploys", "on-call", "ci", "observability", "incidents"] {
            let n = STARTER
                .iter()
                .filter(|s| s.topic == topic && s.leading_version.is_none())
                .count();
            assert!(n >= 5, "{topic}: {n}");
        }
        let mut texts: Vec<&str> = STARTER.iter().map(|s| s.text).collect();
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), STARTER.len(), "duplicate starter text");
    }
}
