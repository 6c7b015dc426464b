//! The error-budget policy: what a team agreed, in writing, to do as a service's budget runs
//! down, and the machine-readable steps that turn a remaining budget into a state the
//! roadmap shows (reliability work pre-empting features).
//!
//! A step applies when the remaining budget is **at or below** its `below_remaining`
//! threshold, and the most severe step that applies wins. "At or below" so that a budget
//! spent to the last minute (remaining exactly 0) counts as spent. The default steps:
//!
//! | remaining budget | state |
//! | --- | --- |
//! | above 50% | `ok` |
//! | ≤ 50% | `watch`: look at what is burning it, no change of plans yet |
//! | ≤ 25% | `reliability_first`: reliability work goes ahead of features |
//! | ≤ 0 | `freeze`: feature releases stop until the budget is back |
//!
//! A service's state is the most severe state of its SLOs.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// Longest text section, in characters.
pub const SECTION_MAX: usize = 20_000;

crate::text_enum! {
    /// How much a team lets reliability pre-empt feature work, from least to most severe
    /// (declaration order is severity order).
    #[ts(export)]
    pub enum PolicyState {
        Ok = "ok",
        Watch = "watch",
        ReliabilityFirst = "reliability_first",
        Freeze = "freeze",
    }
}

impl PolicyState {
    /// The state as people say it, for reports and messages.
    pub fn label(self) -> &'static str {
        match self {
            PolicyState::Ok => "ok",
            PolicyState::Watch => "watch",
            PolicyState::ReliabilityFirst => "reliability first",
            PolicyState::Freeze => "freeze",
        }
    }
}

/// "When the remaining budget is at or below `below_remaining`, the service is in `state`."
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PolicyStep {
    /// Fraction of the budget left, in (−1, 1]: 0.5 is half left, 0 is spent, −0.5 is
    /// overspent by half.
    pub below_remaining: f64,
    pub state: PolicyState,
}

/// A service's error-budget policy: the agreement in words, and the steps that apply it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BudgetPolicy {
    /// What the service is and who it serves.
    pub overview: String,
    /// What the policy is for.
    pub goals: String,
    /// What it is deliberately not for.
    pub non_goals: String,
    /// What happens when an SLO is missed.
    pub slo_miss_policy: String,
    /// What happens after an outage that uses a large part of the budget at once.
    pub outage_policy: String,
    /// Who decides when the teams disagree.
    pub escalation: String,
    pub steps: Vec<PolicyStep>,
}

/// The default steps (see the module doc): watch at 50% left, reliability first at 25%,
/// freeze once spent.
pub fn default_steps() -> Vec<PolicyStep> {
    vec![
        PolicyStep {
            below_remaining: 0.5,
            state: PolicyState::Watch,
        },
        PolicyStep {
            below_remaining: 0.25,
            state: PolicyState::ReliabilityFirst,
        },
        PolicyStep {
            below_remaining: 0.0,
            state: PolicyState::Freeze,
        },
    ]
}

impl Default for BudgetPolicy {
    /// A starting point a team edits, so no policy starts from a blank page.
    fn default() -> Self {
        BudgetPolicy {
            overview: "This service is used by other engineers every day. Its SLOs say what \
                       they need from it; this policy says what we do when we fall short."
                .to_owned(),
            goals: "Protect the people who depend on this service from repeated SLO misses. \
                    Let the team ship features while the error budget allows it, and agree in \
                    advance when reliability work comes first."
                .to_owned(),
            non_goals: "This policy does not punish anyone for missing an SLO, and it is not \
                        a reason to aim for 100%. An unspent budget is room to take risks."
                .to_owned(),
            slo_miss_policy: "Below half of the budget left, look at what is burning it. \
                              Below a quarter, reliability work goes ahead of feature work. \
                              Once the budget is spent, feature releases stop, except urgent \
                              security and data fixes, until the SLO is met over the window \
                              again."
                .to_owned(),
            outage_policy: "An incident that uses more than 20% of the budget on its own gets a \
                            blameless postmortem, and its action items go on the roadmap in \
                            the high-priority section."
                .to_owned(),
            escalation: "If the team disagrees about the budget calculation or the actions \
                         above, the decision goes to the engineering lead for the service."
                .to_owned(),
            steps: default_steps(),
        }
    }
}

impl BudgetPolicy {
    /// Checks the text sections' lengths (naming the section) and the steps (`steps`).
    pub fn validate(&self) -> Result<()> {
        for (field, text) in [
            ("overview", &self.overview),
            ("goals", &self.goals),
            ("non_goals", &self.non_goals),
            ("slo_miss_policy", &self.slo_miss_policy),
            ("outage_policy", &self.outage_policy),
            ("escalation", &self.escalation),
        ] {
            let n = text.chars().count();
            if n > SECTION_MAX {
                return Err(Error::invalid(
                    field,
                    format!("This section is {n} characters long; keep it to {SECTION_MAX}"),
                ));
            }
        }
        validate_steps(&self.steps)
    }

    /// The state the policy puts an SLO with `remaining` budget in.
    pub fn state_for(&self, remaining: f64) -> PolicyState {
        state_for(&self.steps, remaining)
    }
}

/// Checks steps can be read one way only: thresholds in (−1, 1], no threshold twice, no
/// `ok` step (it is the state when no step applies), and states strictly more severe as the
/// threshold goes down. Steps may be given in any order. Errors name `steps`.
pub fn validate_steps(steps: &[PolicyStep]) -> Result<()> {
    for s in steps {
        let t = s.below_remaining;
        if !(t.is_finite() && t > -1.0 && t <= 1.0) {
            return Err(Error::invalid(
                "steps",
                format!(
                    "The '{}' step's threshold must be a remaining budget above -100% and at \
                     most 100%; {} is not",
                    s.state.label(),
                    percent(t)
                ),
            ));
        }
        if s.state == PolicyState::Ok {
            return Err(Error::invalid(
                "steps",
                format!(
                    "A step to 'ok' (at {}) changes nothing: 'ok' is the state until a step \
                     applies. Remove it",
                    percent(t)
                ),
            ));
        }
    }
    let mut sorted: Vec<&PolicyStep> = steps.iter().collect();
    sorted.sort_by(|a, b| b.below_remaining.total_cmp(&a.below_remaining));
    for pair in sorted.windows(2) {
        let (higher, lower) = (pair[0], pair[1]);
        if higher.below_remaining == lower.below_remaining {
            return Err(Error::invalid(
                "steps",
                format!(
                    "Two steps share the threshold {} ('{}' and '{}'); give each its own",
                    percent(higher.below_remaining),
                    higher.state.label(),
                    lower.state.label()
                ),
            ));
        }
        if lower.state <= higher.state {
            return Err(Error::invalid(
                "steps",
                format!(
                    "Steps must get stricter as the budget runs down, but '{}' at {} comes \
                     after '{}' at {}",
                    lower.state.label(),
                    percent(lower.below_remaining),
                    higher.state.label(),
                    percent(higher.below_remaining)
                ),
            ));
        }
    }
    Ok(())
}

/// The most severe state whose step applies to `remaining` (at or below its threshold);
/// `ok` when none does. Steps need not be sorted.
pub fn state_for(steps: &[PolicyStep], remaining: f64) -> PolicyState {
    steps
        .iter()
        .filter(|s| remaining <= s.below_remaining)
        .map(|s| s.state)
        .max()
        .unwrap_or(PolicyState::Ok)
}

/// A service's state: the most severe of its SLOs' states, given each SLO's remaining
/// budget. A service with no SLO is `ok`.
pub fn service_state(steps: &[PolicyStep], remainings: &[f64]) -> PolicyState {
    worst(remainings.iter().map(|&r| state_for(steps, r)))
}

/// The most severe of some states (`ok` when there are none), e.g. across services for a
/// roadmap banner.
pub fn worst(states: impl IntoIterator<Item = PolicyState>) -> PolicyState {
    states.into_iter().max().unwrap_or(PolicyState::Ok)
}

fn percent(fraction: f64) -> String {
    format!("{}%", super::spec::tidy(fraction * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(t: f64, state: PolicyState) -> PolicyStep {
        PolicyStep {
            below_remaining: t,
            state,
        }
    }

    #[test]
    fn default_steps_map_remaining_budget_to_states() {
        let s = default_steps();
        assert!(validate_steps(&s).is_ok());
        let cases = [
            (1.0, PolicyState::Ok),
            (0.51, PolicyState::Ok),
            (0.5, PolicyState::Watch),
            (0.3, PolicyState::Watch),
            (0.25, PolicyState::ReliabilityFirst),
            (0.01, PolicyState::ReliabilityFirst),
            (0.0, PolicyState::Freeze),
            (-2.0, PolicyState::Freeze),
        ];
        for (remaining, want) in cases {
            assert_eq!(state_for(&s, remaining), want, "{remaining}");
        }
        assert_eq!(BudgetPolicy::default().state_for(0.4), PolicyState::Watch);
        assert!(BudgetPolicy::default().validate().is_ok());
    }

    #[test]
    fn states_are_ordered() {
        assert!(PolicyState::Ok < PolicyState::Watch);
        assert!(PolicyState::Watch < PolicyState::ReliabilityFirst);
        assert!(PolicyState::ReliabilityFirst < PolicyState::Freeze);
    }

    #[test]
    fn service_takes_the_most_severe_slo() {
        let s = default_steps();
        assert_eq!(
            service_state(&s, &[0.9, 0.2, 0.6]),
            PolicyState::ReliabilityFirst
        );
        assert_eq!(service_state(&s, &[0.9, -0.1]), PolicyState::Freeze);
        assert_eq!(service_state(&s, &[]), PolicyState::Ok);
        assert_eq!(
            worst([PolicyState::Watch, PolicyState::Ok]),
            PolicyState::Watch
        );
    }

    #[test]
    fn unsorted_steps_work() {
        let s = vec![
            step(0.0, PolicyState::Freeze),
            step(0.8, PolicyState::Watch),
        ];
        assert!(validate_steps(&s).is_ok());
        assert_eq!(state_for(&s, 0.5), PolicyState::Watch);
        assert_eq!(state_for(&s, 0.0), PolicyState::Freeze);
        assert_eq!(state_for(&[], -5.0), PolicyState::Ok);
    }

    #[test]
    fn bad_steps_are_refused() {
        let msg = |s: &[PolicyStep]| {
            let e = validate_steps(s).unwrap_err();
            assert_eq!(e.field(), Some("steps"));
            e.to_string()
        };
        assert!(msg(&[step(1.5, PolicyState::Watch)]).contains("150%"));
        assert!(msg(&[step(-1.0, PolicyState::Freeze)]).contains("-100%"));
        assert!(msg(&[step(f64::NAN, PolicyState::Freeze)]).contains("threshold"));
        assert!(msg(&[step(0.5, PolicyState::Ok)]).contains("changes nothing"));
        assert!(msg(&[
            step(0.5, PolicyState::Watch),
            step(0.5, PolicyState::Freeze)
        ])
        .contains("share the threshold 50%"));
        assert_eq!(
            msg(&[
                step(0.5, PolicyState::ReliabilityFirst),
                step(0.25, PolicyState::Watch)
            ]),
            "Steps must get stricter as the budget runs down, but 'watch' at 25% comes after \
             'reliability first' at 50%"
        );
        assert!(
            msg(&[step(0.5, PolicyState::Watch), step(0.2, PolicyState::Watch)])
                .contains("stricter")
        );
        assert!(validate_steps(&[
            step(1.0, PolicyState::Watch),
            step(-0.5, PolicyState::Freeze)
        ])
        .is_ok());
    }

    #[test]
    fn long_sections_name_their_field() {
        let p = BudgetPolicy {
            outage_policy: "x".repeat(SECTION_MAX + 1),
            ..BudgetPolicy::default()
        };
        assert_eq!(p.validate().unwrap_err().field(), Some("outage_policy"));
    }

    #[test]
    fn serde_shape() {
        let json = serde_json::to_value(step(0.25, PolicyState::ReliabilityFirst)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"below_remaining": 0.25, "state": "reliability_first"})
        );
    }
}
