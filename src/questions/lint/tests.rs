//! Unit tests of the checker: the rules one by one, must-flag and must-pass lists written for
//! the shapes leading questions take, rewrites, spans, prose, robustness.

use super::*;

fn rules_of(q: &str) -> Vec<String> {
    check(q).into_iter().map(|f| f.rule).collect()
}

fn finding(q: &str, rule: &str) -> LintFinding {
    check(q)
        .into_iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("{rule} not found in {q:?}: {:?}", rules_of(q)))
}

/// The finding exists, its trigger is `trigger`, its span is right, and its rewrite is clean.
fn assert_rule(q: &str, rule: &str, trigger: &str) {
    let f = finding(q, rule);
    assert_eq!(f.trigger, trigger, "trigger for {rule} in {q:?}");
    assert_well_formed(q, &f);
}

fn assert_well_formed(q: &str, f: &LintFinding) {
    assert!(
        RULES.iter().any(|(id, _)| *id == f.rule),
        "unknown rule {}",
        f.rule
    );
    assert_eq!(&q[f.span.start..f.span.end], f.trigger);
    assert!(!f.trigger.trim().is_empty(), "empty trigger in {q:?}");
    assert!(
        f.explanation.contains(f.trigger.trim()),
        "explanation does not name the trigger: {f:?}"
    );
    assert!(!f.suggestion.trim().is_empty());
    assert!(
        !is_leading(&f.suggestion),
        "suggestion {:?} for {q:?} is itself leading: {:?}",
        f.suggestion,
        rules_of(&f.suggestion)
    );
}

/// Questions that must be flagged, with the rule expected among the findings.
const MUST_FLAG: &[(&str, &str)] = &[
    // presumption in "how much" questions
    ("How frustrating is the new alerting?", "scale-anchored"),
    ("How badly did the rollout go?", "scale-anchored"),
    ("What's broken about the runbook?", "presupposition"),
    (
        "How much did you enjoy the new on-call tooling?",
        "scale-anchored",
    ),
    ("How easy was it to set up tracing?", "scale-anchored"),
    (
        "How useful were the new dashboards during the outage?",
        "scale-anchored",
    ),
    (
        "How painful is the release process for your team?",
        "scale-anchored",
    ),
    ("How important is faster CI to you?", "scale-anchored"),
    ("What's so annoying about the deploy bot?", "presupposition"),
    (
        "Why is the staging environment always broken?",
        "presupposition",
    ),
    (
        "Why do reviews take so long on your team?",
        "presupposition",
    ),
    (
        "Have you stopped skipping the canary stage?",
        "presupposition",
    ),
    (
        "Did you roll back because the dashboards were red?",
        "presupposition",
    ),
    (
        "Are you aware that most outages start with a config change?",
        "presupposition",
    ),
    // yes/no approval or satisfaction
    ("Do you like the dashboard?", "confirmation-seeking"),
    ("Was the help from SRE good enough?", "confirmation-seeking"),
    ("Do you rely on the CLI a lot?", "confirmation-seeking"),
    (
        "Are you happy with the new runners?",
        "confirmation-seeking",
    ),
    ("Did you enjoy the game day?", "confirmation-seeking"),
    ("Is the incident bot helpful?", "confirmation-seeking"),
    (
        "Does the new pager policy work well for you?",
        "confirmation-seeking",
    ),
    ("Do you prefer the new deploy UI?", "confirmation-seeking"),
    (
        "Were you satisfied with the support from the platform team?",
        "confirmation-seeking",
    ),
    // double-barreled
    (
        "Are the dashboards clear and up to date?",
        "double-barreled",
    ),
    ("Should we cut pages and add dashboards?", "double-barreled"),
    (
        "How satisfied are you with the build speed and the test coverage?",
        "double-barreled",
    ),
    (
        "Is the runbook accurate and easy to find?",
        "double-barreled",
    ),
    (
        "How often do you deploy, and who approves it?",
        "double-barreled",
    ),
    // loaded / one-sided wording
    (
        "How do you work around the broken legacy tool?",
        "loaded-wording",
    ),
    (
        "Do you support fixing the obviously slow build?",
        "loaded-wording",
    ),
    (
        "What do you think of our excellent new portal?",
        "loaded-wording",
    ),
    (
        "How do you cope with the ridiculous approval chain?",
        "loaded-wording",
    ),
    (
        "Do you always forget to update the runbook?",
        "loaded-wording",
    ),
    // statement or premise first
    (
        "Since on-call is so stressful, how do you recover after a bad week?",
        "statement-before-question",
    ),
    (
        "Some people say the SLOs are pointless; what's your view?",
        "statement-before-question",
    ),
    (
        "Given how unreliable staging is, how do you test your changes?",
        "statement-before-question",
    ),
    (
        "Most engineers think the freeze is too long. What do you think?",
        "statement-before-question",
    ),
    (
        "Deploys here are slow. How do you cope?",
        "statement-before-question",
    ),
    (
        "Everyone agrees the old CI was bad. How does the new one compare?",
        "statement-before-question",
    ),
    // tag questions and statements asked as questions
    (
        "You used the rollback button, don't you?",
        "agreement-seeking",
    ),
    (
        "You were on call that night, weren't you?",
        "agreement-seeking",
    ),
    ("You weren't paged, were you?", "agreement-seeking"),
    ("The alert fired twice, didn't it?", "agreement-seeking"),
    ("The migration went fine, right?", "agreement-seeking"),
    ("You checked the dashboard first?", "agreement-seeking"),
    ("Isn't the new pipeline faster?", "agreement-seeking"),
    (
        "Don't you think the postmortem template is too long?",
        "agreement-seeking",
    ),
    (
        "Wouldn't you say the pager load is unfair?",
        "agreement-seeking",
    ),
    // unbalanced scales
    ("How satisfied were you?", "scale-anchored"),
    (
        "How satisfied were you with the migration support?",
        "scale-anchored",
    ),
    (
        "How would you rate the new runbooks? Excellent / Very good / Good / Fair / Poor",
        "scale-anchored",
    ),
    ("How helpful was the incident channel?", "scale-anchored"),
    // hypotheticals and pitches
    (
        "Would you use a self-service rollback button?",
        "hypothetical-future",
    ),
    (
        "Will your team adopt the new templates?",
        "hypothetical-future",
    ),
    (
        "How much would you pay for faster builds?",
        "hypothetical-future",
    ),
    (
        "Do you think you would use a chat-ops bot?",
        "hypothetical-future",
    ),
    (
        "How likely are you to use a deploy calendar?",
        "hypothetical-future",
    ),
    (
        "Do you wish the certificates rotated automatically?",
        "solution-pitching",
    ),
    (
        "Should we build a status page for the platform?",
        "solution-pitching",
    ),
    (
        "What do you think of my idea for a deploy queue?",
        "solution-pitching",
    ),
    (
        "Would it help if we added a pre-merge check?",
        "solution-pitching",
    ),
    // blame
    ("Who broke the deploy?", "blame"),
    ("Why did you merge without a second review?", "blame"),
    ("How did nobody notice this in staging?", "blame"),
    ("Who pushed the bad config?", "blame"),
    ("Why didn't you test it in staging first?", "blame"),
    ("Whose fault was the outage?", "blame"),
    ("Who is responsible for this outage?", "blame"),
    ("Who approved this change?", "blame"),
    ("Why did you deploy on a Friday?", "blame"),
    ("What were you thinking?", "blame"),
    ("Why didn't the on-call engineer escalate sooner?", "blame"),
    ("Who forgot to renew the certificate?", "blame"),
    ("How could you miss the alert?", "blame"),
    ("So, who let this happen?", "blame"),
    ("Why did you ignore the failing check?", "blame"),
];

/// Open probes and balanced questions that must not be flagged.
const MUST_PASS: &[&str] = &[
    "How would you go about setting this up?",
    "What do you expect this button to do?",
    "What would you try after that?",
    "How likely is it that you'd suggest this tool to a colleague?",
    "From very dissatisfied to very satisfied, how was the migration?",
    "Could you say more about that?",
    "Is there anyone else we should speak with?",
    "Tell me about the last time you deployed to production.",
    "Walk me through how you respond when you get paged.",
    "What happened the last time a deploy failed?",
    "How often does your team deploy?",
    "What did you do next?",
    "What were you expecting to see on the dashboard?",
    "What made that look like the right action at the time?",
    "What did you know at the time?",
    "What made merging without a second review look reasonable at the time?",
    "What in the process allowed the change to go out unreviewed?",
    "Why didn't the alert fire before customers noticed?",
    "Why was there no rollback plan?",
    "What safeguards were missing?",
    "What conditions made this outcome possible?",
    "Who was involved in the response?",
    "Who do you ask when a build fails and you don't know why?",
    "Who reviews your Terraform changes?",
    "Who else should we talk to?",
    "What would make the runbook easier to follow?",
    "What would you change about the on-call rotation, if anything?",
    "How satisfied or dissatisfied were you with the migration support?",
    "On a scale from very difficult to very easy, how was the setup?",
    "How would you rate the new runbooks? Very poor / Poor / Fair / Good / Very good",
    "What was easy or hard about the migration?",
    "What did you like and dislike about the new portal?",
    "How do you decide when to roll back a release?",
    "Have you used Terraform in the last month? If so, tell me about it.",
    "Why did you choose Postgres for that service?",
    "Why did your team pick Argo CD?",
    "What was the hardest part of the migration?",
    "What was the most confusing part of the setup?",
    "How did you first hear about the service catalog?",
    "How long did the last CI run take?",
    "How much time did you spend on call last week?",
    "Which checks do you always run before merging?",
    "What did you do when the build was broken last week?",
    "Do you use feature flags? If so, walk me through the last one you added.",
    "Can you show me how you check whether a deploy succeeded?",
    "Would you walk me through your last deploy?",
    "Would you mind sharing your screen?",
    "What's the first thing you check when a deploy goes out?",
    "Is there anything else about deploys you think I should know?",
    "Since the migration, how often have you been paged?",
    "What do most people on your team say about the freeze?",
    "How did you notice the problem?",
    "How could you tell the deploy was stuck?",
    "Tell me about a time a runbook helped you, or didn't.",
    "What was the last alert you silenced, and why?",
    "Can you describe a project you worked on and how you handled it?",
    "Did you take part in the last game day? What did you do?",
    "Are you on the on-call rotation this quarter?",
    "What would you do differently next time?",
    "How do you feel about the current release cadence?",
    "What's your experience with the service mesh?",
    "Walk me through the last time you changed a CI pipeline.",
    "What tools do you use to debug a slow request?",
    "How many services does your team own?",
    "What do you think about the new on-call policy?",
    "How might we make onboarding clearer for new engineers?",
    "What stood out to you, good or bad?",
    "",
];

#[test]
fn rules_table_covers_every_rule() {
    assert_eq!(RULES.len(), rules::RULE_COUNT);
    let ids: Vec<&str> = RULES.iter().map(|r| r.0).collect();
    for id in [
        "confirmation-seeking",
        "loaded-wording",
        "presupposition",
        "hypothetical-future",
        "agreement-seeking",
        "double-barreled",
        "solution-pitching",
        "scale-anchored",
        "statement-before-question",
        "blame",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    assert!(RULES.iter().all(|r| !r.1.is_empty()));
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len());
}

#[test]
fn must_flag_questions_are_flagged() {
    let mut failures = Vec::new();
    for &(q, rule) in MUST_FLAG {
        let fs = check(q);
        if !fs.iter().any(|f| f.rule == rule) {
            failures.push(format!("{q:?}: expected {rule}, got {:?}", rules_of(q)));
            continue;
        }
        for f in &fs {
            assert_well_formed(q, f);
        }
        assert!(is_leading(q));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn must_pass_questions_are_not_flagged() {
    let failures: Vec<String> = MUST_PASS
        .iter()
        .filter(|q| is_leading(q))
        .map(|q| {
            let fs: Vec<String> = check(q)
                .iter()
                .map(|f| format!("{}:{:?}", f.rule, f.trigger))
                .collect();
            format!("{q:?} -> {fs:?}")
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    for q in MUST_PASS {
        assert!(check(q).is_empty());
    }
}

#[test]
fn confirmation_seeking() {
    assert_rule(
        "Do you have problems with Chef?",
        "confirmation-seeking",
        "Do you have problems",
    );
    assert_rule(
        "Is the SLO process too bureaucratic?",
        "confirmation-seeking",
        "Is the SLO process too bureaucratic",
    );
    assert_rule(
        "Do you like the dashboard?",
        "confirmation-seeking",
        "Do you like",
    );
    assert_rule(
        "Do you rely on the CLI a lot?",
        "confirmation-seeking",
        "Do you rely on the CLI a lot",
    );
    let f = finding("Do you have problems with Chef?", "confirmation-seeking");
    assert_eq!(
        f.suggestion,
        "Tell me about the last time you worked with Chef. Walk me through what you did."
    );
    // Comparisons and "feel like" are not approval.
    assert!(
        check("Do you find any columns on the spreadsheet more useful than others?").is_empty()
    );
    assert!(check("Does it feel like a good fit?")
        .iter()
        .all(|f| f.trigger != "like"));
}

#[test]
fn loaded_wording() {
    assert_rule(
        "How do you deal with the awful alert noise?",
        "loaded-wording",
        "awful",
    );
    let f = finding(
        "How do you deal with the awful alert noise?",
        "loaded-wording",
    );
    assert_eq!(f.suggestion, "How do you deal with the alert noise?");
    assert_rule(
        "Why does your team do so few deploys?",
        "loaded-wording",
        "so few",
    );
    let f = finding("Tell me about an amazing tool you use.", "loaded-wording");
    assert_eq!(f.suggestion, "Tell me about a tool you use.");
    assert_rule(
        "How do you work around the broken legacy tool?",
        "loaded-wording",
        "broken",
    );
    let f = finding(
        "How do you work around the broken legacy tool?",
        "loaded-wording",
    );
    assert_eq!(f.suggestion, "How do you work around the legacy tool?");
}

#[test]
fn presupposition() {
    assert_rule(
        "Why does your team do so few deploys?",
        "presupposition",
        "Why does your team do so few",
    );
    assert_rule(
        "Why haven't you migrated to Kubernetes yet?",
        "presupposition",
        "Why haven't",
    );
    assert_rule(
        "When did you stop trusting the dashboards?",
        "presupposition",
        "When did you stop",
    );
    assert_rule(
        "What's broken about the runbook?",
        "presupposition",
        "What's broken",
    );
    assert_rule(
        "Have you stopped skipping the canary stage?",
        "presupposition",
        "Have you stopped skipping",
    );
    assert_rule(
        "Did you roll back because the dashboards were red?",
        "presupposition",
        "because the dashboards were red",
    );
    assert!(check("Why did you choose Postgres for that service?").is_empty());
    assert_rule(
        "What do you love about the new alert routing?",
        "presupposition",
        "What do you love",
    );
    assert_rule(
        "Did you see Mr. Hale leave the building?",
        "presupposition",
        "Did you see Mr. Hale leave",
    );
    assert!(!is_leading(
        "What, if anything, do you enjoy about the new alert routing?"
    ));
    assert!(!is_leading("What do you like about the new alert routing?"));
}

#[test]
fn hypothetical_future() {
    assert_rule(
        "Would you use a self-service deploy portal?",
        "hypothetical-future",
        "Would you",
    );
    assert_rule(
        "If we built a Slack bot for incident status, would you use it?",
        "hypothetical-future",
        "would you",
    );
    assert_rule(
        "How much would you pay for faster builds?",
        "hypothetical-future",
        "How much would you",
    );
    assert!(check("Would you walk me through your last deploy?").is_empty());
    assert!(check("What would you do next?").is_empty());
    assert!(check("How likely are you to recommend the platform to a colleague?").is_empty());
}

#[test]
fn agreement_seeking() {
    assert_rule(
        "Don't you think the release process is too slow?",
        "agreement-seeking",
        "Don't you think",
    );
    assert_rule(
        "The alerts are too noisy, right?",
        "agreement-seeking",
        "right",
    );
    assert_rule(
        "Code review takes forever here, doesn't it?",
        "agreement-seeking",
        "doesn't it",
    );
    assert_rule(
        "You weren't paged, were you?",
        "agreement-seeking",
        "were you",
    );
    assert_rule(
        "You were on call that night, weren't you?",
        "agreement-seeking",
        "weren't you",
    );
    assert_rule(
        "Wouldn't you agree that on-call needs more people?",
        "agreement-seeking",
        "Wouldn't you agree",
    );
    assert_rule(
        "You checked the dashboard first?",
        "agreement-seeking",
        "You checked the dashboard first",
    );
    // "Why wasn't it obvious?" asks about the system; "wasn't it" is not a tag there.
    assert!(check("Why wasn't it obvious?").is_empty());
}

#[test]
fn double_barreled() {
    let q = "Why does your team do so few deploys? And why are they always huge?";
    assert_rule(q, "double-barreled", "And why are they always huge");
    let f = finding(
        "How do you write runbooks and how do you keep them up to date?",
        "double-barreled",
    );
    assert_eq!(f.suggestion, "How do you write runbooks?");
    let f = finding(
        "How do you deploy and monitor your services?",
        "double-barreled",
    );
    assert_eq!(f.trigger, "deploy and monitor");
    assert_eq!(f.suggestion, "How do you deploy your services?");
    let f = finding(
        "Are the dashboards clear and up to date?",
        "double-barreled",
    );
    assert_eq!(f.trigger, "clear and up");
    // "Are the dashboards clear?" would ask for approval, so the rewrite is an open one.
    assert_eq!(
        f.suggestion,
        "Tell me about the last time you looked at a dashboard. Walk me through it step by step."
    );
    let f = finding(
        "Are you satisfied with your job and your salary?",
        "double-barreled",
    );
    assert_eq!(f.trigger, "job and your salary");
    // Balanced halves and fixed pairs are fine.
    assert!(check("What did you like, and what did you find frustrating?").is_empty());
    assert!(check("Did you discuss the pros and cons with your team?").is_empty());
}

#[test]
fn solution_pitching() {
    let q = "Do you wish correlating estimated resource weeks to priority happened automatically?";
    assert_rule(q, "solution-pitching", &q[..q.len() - 1]);
    let f = finding(q, "solution-pitching");
    assert_eq!(
        f.suggestion,
        "How do you handle correlating estimated resource weeks to priority today? Walk me through the last time you did it."
    );
    assert_rule(
        "Should we add a dashboard for deploy frequency?",
        "solution-pitching",
        "Should we add",
    );
    assert_rule(
        "What do you think of my idea for a deploy queue?",
        "solution-pitching",
        "my idea",
    );
    assert!(check("What would make this easier for you?").is_empty());
}

#[test]
fn scale_anchored() {
    assert_rule(
        "How much faster would your deploys be with a new pipeline?",
        "scale-anchored",
        "How much faster",
    );
    assert_rule(
        "On a scale of 1 to 10, how great is the new CI?",
        "scale-anchored",
        "On a scale of 1 to 10, how great",
    );
    assert_rule("How satisfied were you?", "scale-anchored", "How satisfied");
    let f = finding(
        "How satisfied were you with the migration support?",
        "scale-anchored",
    );
    assert_eq!(
        f.suggestion,
        "How satisfied or dissatisfied were you with the migration support?"
    );
    let q = "How would you rate the new runbooks? Excellent / Very good / Good / Fair / Poor";
    let f = finding(q, "scale-anchored");
    assert_eq!(f.trigger, "Excellent / Very good / Good / Fair / Poor");
    assert_eq!(
        f.suggestion,
        "How would you rate the new runbooks? Very poor / Poor / Fair / Good / Very good"
    );
    assert!(check("How much time did you spend on call last week?").is_empty());
}

#[test]
fn statement_before_question() {
    let f = finding(
        "Since on-call is so stressful, how do you recover after a bad week?",
        "statement-before-question",
    );
    assert_eq!(f.trigger, "Since on-call is so stressful");
    assert_eq!(f.suggestion, "How do you recover after a bad week?");
    let f = finding(
        "Some people say the SLOs are pointless; what's your view?",
        "statement-before-question",
    );
    assert_eq!(f.trigger, "Some people say the SLOs are pointless");
    let q = "The runbooks are out of date everywhere. How do you handle incidents?";
    let f = finding(q, "statement-before-question");
    assert_eq!(f.suggestion, "How do you handle incidents?");
    assert!(check("Think about the last report you built. What was it for?").is_empty());
    assert!(check(
        "I'd like to understand how your team plans work. How did you plan the current sprint?"
    )
    .is_empty());
}

#[test]
fn blame() {
    assert_rule("Who broke the deploy?", "blame", "Who broke");
    let f = finding("Why did you merge without a second review?", "blame");
    assert_eq!(f.trigger, "Why did you merge without");
    assert_eq!(
        f.suggestion,
        "What made merging without a second review look reasonable at the time?"
    );
    let f = finding("How did nobody notice this in staging?", "blame");
    assert_eq!(f.trigger, "How did nobody");
    assert_eq!(
        f.suggestion,
        "What would have helped someone notice this in staging sooner?"
    );
    let f = finding("Why didn't you test it?", "blame");
    assert_eq!(
        f.suggestion,
        "What would have helped you test it at the time?"
    );
    let f = finding("Who broke the deploy?", "blame");
    assert_eq!(
        f.suggestion,
        "Walk me through what happened with the deploy. What in the system made it possible?"
    );
    // Blame replaces the presupposition over the same words.
    assert_eq!(rules_of("Why didn't you test it?"), vec!["blame"]);
}

#[test]
fn gerunds() {
    use super::rewrites::gerund;
    for (v, g) in [
        ("merge", "merging"),
        ("push", "pushing"),
        ("stop", "stopping"),
        ("do", "doing"),
        ("skip", "skipping"),
        ("deploy", "deploying"),
        ("see", "seeing"),
        ("lie", "lying"),
        ("test", "testing"),
        ("open", "opening"),
        ("run", "running"),
    ] {
        assert_eq!(gerund(v), g);
    }
}

#[test]
fn builtin_examples() {
    assert_eq!(
        rules_of("Do you have problems with Chef?"),
        vec!["confirmation-seeking"]
    );
    assert!(rules_of(
        "Do you wish correlating estimated resource weeks to priority happened automatically?"
    )
    .contains(&"solution-pitching".to_string()));
    let r = rules_of("Why does your team do so few deploys? And why are they always huge?");
    assert!(r.contains(&"presupposition".to_string()), "{r:?}");
    assert!(r.contains(&"double-barreled".to_string()), "{r:?}");
    for q in [
        "Have you created a Chef cookbook while working here? If so, tell me when and walk me through how.",
        "Do you use the SRE-compliance spreadsheet? Do you find any columns on the spreadsheet more useful than others? How so?",
        "What are the steps to go from code committed to code successfully running in production for the application you work on?",
    ] {
        assert!(check(q).is_empty(), "{q:?} -> {:?}", rules_of(q));
    }
}

#[test]
fn findings_sorted_and_deduplicated() {
    for q in [
        "Why does your team do so few deploys? And why are they always huge?",
        "Since the obviously broken CI is so slow, don't you think we should replace it, right?",
    ] {
        let fs = check(q);
        assert!(fs.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        for (i, a) in fs.iter().enumerate() {
            for b in &fs[i + 1..] {
                assert!(!(a.rule == b.rule && a.span == b.span), "duplicate {a:?}");
            }
        }
    }
}

#[test]
fn safe_fallback_is_clean() {
    assert!(!is_leading(rewrites::SAFE));
    assert!(check_prose(rewrites::SAFE).is_empty());
}

#[test]
fn non_ascii_spans_are_char_boundaries() {
    let q = "Ça marche? Don't you think it's \u{201c}broken\u{201d}?";
    let fs = check(q);
    assert!(fs
        .iter()
        .any(|f| f.rule == "agreement-seeking" && f.trigger == "Don't you think"));
    for f in &fs {
        assert!(q.is_char_boundary(f.span.start) && q.is_char_boundary(f.span.end));
        assert_eq!(&q[f.span.start..f.span.end], f.trigger);
    }
    assert!(is_leading("Don\u{2019}t you think deploys are slow?"));
    let q = "Ärger mit Chef: do you have problems with Chef, naïvely speaking? 😅";
    for f in check(q) {
        assert!(q.is_char_boundary(f.span.start) && q.is_char_boundary(f.span.end));
    }
}

#[test]
fn never_panics_on_odd_input() {
    let mut inputs: Vec<String> = [
        "",
        " ",
        "?",
        "???",
        "...?!",
        ",,,,",
        "😀",
        "😀😀? 🤔!",
        "\u{301}\u{301}?",
        "e\u{301}?",
        "'",
        "-",
        "a-",
        "-a",
        "don'",
        "'t",
        "so",
        "so?",
        "why",
        "why?",
        "how much",
        "how much?",
        "would",
        "Would you?",
        "and",
        "and how",
        "? And why?",
        "right?",
        ", right?",
        "Isn't",
        "wish",
        "I wish",
        "on a scale",
        "e.g.",
        "e.g. what?",
        "\t\n\r",
        "\u{0}",
        "İİİ?",
        "ǅ ǈ ǋ?",
        "ß?",
        "ﬁ?",
        "你好吗？你好吗？",
        "/ / /",
        "a / b / c",
        "Good / / Bad",
        "who",
        "who?",
        "Who did",
        "why did you",
        "Why didn't",
        "How did nobody",
        "since",
        "Since,",
        "Some people say",
        "You were, weren't",
        ", were you?",
        "and and and?",
        "Mr.",
        "Mr. ?",
        "ÇA MARCHE? DON'T YOU THINK IT'S \u{201c}BROKEN\u{201d}?",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let frags = [
        "why",
        "so",
        "few",
        "and",
        "or",
        "how",
        "much",
        "would",
        "you",
        "don't",
        "isn't",
        "it",
        "?",
        ".",
        ",",
        "!",
        "wish",
        "make",
        "easier",
        "right",
        "😀",
        "Ça",
        "’",
        "“",
        "scale",
        "a",
        "an",
        "awful",
        "if",
        "we",
        "built",
        "tell",
        "me",
        "-",
        "'",
        "e.g.",
        "/",
        "who",
        "broke",
        "since",
        "satisfied",
        "were",
        "didn't",
        "nobody",
        "some",
        "people",
        "say",
        ";",
        "because",
        "stopped",
        "skipping",
        "up",
        "to",
        "date",
        "clear",
        "Bob",
        "failed",
        "forgot",
        "human",
        "error",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for n in 0..600 {
        let mut s = String::new();
        for _ in 0..(n % 17) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push_str(frags[(seed % frags.len() as u64) as usize]);
            if seed & 8 == 0 {
                s.push(' ');
            }
        }
        inputs.push(s);
    }
    inputs.push("Why ".repeat(5000) + "?");
    inputs.push("Do you have problems with Chef? ".repeat(2000));
    inputs.push("a".repeat(100_000));
    inputs.push("😀".repeat(10_000));
    for q in &inputs {
        let fs = check(q);
        assert_eq!(is_leading(q), !fs.is_empty(), "{q:?}");
        for f in fs {
            assert!(f.span.start <= f.span.end && f.span.end <= q.len());
            assert!(q.is_char_boundary(f.span.start) && q.is_char_boundary(f.span.end));
            assert!(!f.suggestion.is_empty() && !f.explanation.is_empty());
        }
        for f in check_prose(q) {
            assert!(q.is_char_boundary(f.span.start) && q.is_char_boundary(f.span.end));
        }
    }
}

#[test]
fn serde_derives_are_usable() {
    fn assert_serde<T: Serialize + for<'de> Deserialize<'de>>() {}
    assert_serde::<LintFinding>();
    assert_serde::<Span>();
}

// ---------------------------------------------------------------------------
// Postmortem prose
// ---------------------------------------------------------------------------

const BLAMING_PROSE: &[(&str, &str)] = &[
    ("The outage was caused by human error.", "human error"),
    (
        "Bob failed to run the migration before the deploy.",
        "Bob failed to",
    ),
    (
        "The on-call engineer forgot to silence the alert.",
        "The on-call engineer forgot to",
    ),
    (
        "The incident was caused by Alice's mistake.",
        "Alice's mistake",
    ),
    (
        "He should have known that the flag was still on.",
        "should have known",
    ),
    (
        "A careless change to the load balancer took the site down.",
        "careless",
    ),
    (
        "We still need to find out who caused the outage.",
        "who caused",
    ),
    (
        "Dana should have checked the dashboard before merging.",
        "should have checked",
    ),
    (
        "The reviewer was negligent and approved the change.",
        "negligent",
    ),
    ("The developers are to blame for the data loss.", "to blame"),
    (
        "The engineer's error deleted the production table.",
        "The engineer's error",
    ),
    ("Sam ignored the warning in the deploy log.", "Sam ignored"),
];

const NEUTRAL_PROSE: &[&str] = &[
    "The deploy failed at 14:02 because the health check timed out.",
    "The health check failed to respond within 5 seconds.",
    "Alice rolled back the release at 14:10 and paged the database team.",
    "The error budget was exhausted by Tuesday.",
    "The runbook did not cover this failure mode.",
    "The migration job failed to acquire a lock on the users table.",
    "Bob noticed the alert at 14:05 and opened an incident.",
    "The on-call engineer followed the runbook and restarted the service.",
    "Kubernetes failed to schedule the pod because the node pool was full.",
    "The alert did not fire because the threshold was set too high.",
    "Error rates rose to 5% for ten minutes.",
    "The change was merged without a second review because the review tool was down.",
    "The fault-injection test did not cover the cache tier.",
    "Nothing in the pipeline checked that the migration had run.",
    "Customers saw errors for 12 minutes before the rollback completed.",
];

#[test]
fn prose_blame_is_flagged_with_spans_and_clean_rewrites() {
    for &(text, trigger) in BLAMING_PROSE {
        let fs = check_prose(text);
        let f = fs
            .iter()
            .find(|f| f.trigger == trigger)
            .unwrap_or_else(|| panic!("{text:?}: no finding on {trigger:?}: {fs:?}"));
        assert_eq!(f.rule, "blame");
        assert_eq!(&text[f.span.start..f.span.end], f.trigger);
        assert!(f.explanation.contains(trigger));
        assert!(
            check_prose(&f.suggestion).is_empty(),
            "{text:?} -> {:?} still blames",
            f.suggestion
        );
    }
}

#[test]
fn neutral_prose_passes() {
    for text in NEUTRAL_PROSE {
        assert!(
            check_prose(text).is_empty(),
            "{text:?} -> {:?}",
            check_prose(text)
        );
    }
}

#[test]
fn prose_spans_are_relative_to_the_whole_text() {
    let text = "At 14:02 the deploy failed. Customers saw errors for ten minutes. \
                The root cause was human error: Bob failed to run the migration. \
                Alice rolled back at 14:12.";
    let fs = check_prose(text);
    let triggers: Vec<&str> = fs.iter().map(|f| f.trigger.as_str()).collect();
    assert_eq!(triggers, vec!["human error", "Bob failed to"]);
    for f in &fs {
        assert_eq!(&text[f.span.start..f.span.end], f.trigger);
    }
    assert!(fs[0].span.start > 60);
}

#[test]
fn prose_rewrites() {
    let f = &check_prose("The outage was caused by human error.")[0];
    assert_eq!(
        f.suggestion,
        "The outage was caused by a step that the process and tooling let go wrong."
    );
    let f = &check_prose("Bob failed to run the migration before the deploy.")[0];
    assert_eq!(
        f.suggestion,
        "Running the migration before the deploy did not happen, and nothing in the process or tooling caught it."
    );
    let f = &check_prose("The incident was caused by Alice's mistake.")[0];
    assert_eq!(
        f.suggestion,
        "The incident was caused by a change that the process and tooling let through."
    );
    let f = &check_prose("Dana should have checked the dashboard before merging.")[0];
    assert_eq!(
        f.suggestion,
        "Checking the dashboard before merging was not prompted by the process or tooling at the time."
    );
    let f = &check_prose("A careless change to the load balancer took the site down.")[0];
    assert_eq!(
        f.suggestion,
        "A change to the load balancer took the site down."
    );
}

#[test]
fn every_template_with_every_topic_is_clean() {
    // Trusted rewrites skip the run-time check; this is the check.
    use rules::{Rule, Shape};
    let lex = lexicon::get();
    let mut subjects = vec![rewrites::Subject::fallback()];
    for t in &lex.topics {
        if t.name.contains("{}") || t.exp.contains("{}") {
            continue; // not trusted: these repeat the question's word
        }
        subjects.push(rewrites::Subject {
            name: t.name.to_string(),
            exp: t.exp.to_string(),
            from_table: true,
        });
    }
    assert!(subjects.len() > 20);
    let rules = [
        Rule::Confirmation,
        Rule::Loaded,
        Rule::Presupposition,
        Rule::Hypothetical,
        Rule::Agreement,
        Rule::DoubleBarreled,
        Rule::Solution,
        Rule::Scale,
        Rule::StatementFirst,
        Rule::Blame,
    ];
    let shapes = [
        Shape::Plain,
        Shape::Approval,
        Shape::Tag,
        Shape::Declarative,
        Shape::Reason,
        Shape::Claim,
        Shape::Stopped,
        Shape::Pair,
        Shape::Options,
        Shape::OneSided,
        Shape::Premise,
        Shape::Crowd,
        Shape::Who,
        Shape::WhyYou,
        Shape::HowCome,
    ];
    for s in &subjects {
        for r in rules {
            for sh in shapes {
                let text = rewrites::template(r, sh, s);
                assert!(
                    !is_leading(&text),
                    "{r:?}/{sh:?}: {text:?} -> {:?}",
                    rules_of(&text)
                );
            }
        }
    }
}

/// More questions written for these tests (one per line): interview, usability, survey,
/// legal and incident-review styles. Every neutral one must pass; every leading one must be
/// flagged by some rule, with a well-formed finding.
#[test]
fn extended_question_lists() {
    let mut failures = Vec::new();
    for q in include_str!("testdata/neutral.txt")
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        if is_leading(q) {
            failures.push(format!("neutral flagged: {q:?} -> {:?}", rules_of(q)));
        }
    }
    for q in include_str!("testdata/leading.txt")
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let fs = check(q);
        if fs.is_empty() {
            failures.push(format!("leading missed: {q:?}"));
        }
        for f in &fs {
            assert_well_formed(q, f);
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn extended_neutral_prose() {
    let text = include_str!("testdata/neutral_prose.txt");
    assert!(check_prose(text).is_empty(), "{:?}", check_prose(text));
}
