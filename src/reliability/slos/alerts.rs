//! Multi-window, multi-burn-rate alerts, as the Google SRE Workbook's "Alerting on SLOs"
//! chapter recommends, evaluated on the readings a team has entered ("would this have paged
//! us?").
//!
//! For a 30-day SLO the workbook pages when the burn rate is at least 14.4 over 1 hour and
//! over 5 minutes (2% of the budget gone in an hour), pages when it is at least 6 over 6 hours
//! and over 30 minutes (5% in six hours), and files a ticket when it is at least 1 over 3 days
//! and over 6 hours (10% in three days). The long window says the burn is significant; the
//! short one (1/12 of it) says it is still going on, so the alert stops soon after the
//! problem does.
//!
//! Other windows keep the same lookbacks and budget shares and scale the threshold the way
//! the workbook derives it: `threshold = budget share × SLO window ÷ long window`. A 28-day
//! SLO pages at 13.44 over 1 hour, 5.6 over 6 hours, and tickets at 0.9333 over 3 days.
//! Calendar windows use their nominal length (a month is 30 days, a quarter 90), so a
//! monthly SLO gets the workbook's own 14.4 / 6 / 1. An alert whose long lookback is longer
//! than the SLO window (the 3-day ticket on a 1-day SLO) does not apply and never fires.
//!
//! Burn rates over a lookback `[now − w, now]` come from the readings overlapping it,
//! pro-rated by overlap exactly like the budget (see `budget`). Readings cannot show what
//! happened inside them: when they are longer than the short window (daily readings against
//! a 5-minute window) or leave part of a lookback uncovered, `coverage` and `note` say so.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::budget::{tally, Reading};
use super::spec::{tidy, CalendarUnit, SloSpec, Window};

/// Whether an alert wakes someone up or waits for working hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Page,
    Ticket,
}

/// One of the workbook's alerts, with its threshold for a given SLO window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AlertRule {
    /// "page-1h", "page-6h", "ticket-3d".
    pub name: String,
    pub severity: Severity,
    /// Minutes.
    pub long_window: u32,
    /// Minutes; 1/12 of the long window.
    pub short_window: u32,
    /// Share of the whole budget that burning at `threshold` for the long window uses
    /// (0.02, 0.05, 0.10).
    pub budget_share: f64,
    /// Burn rate at or above which both windows must be for the alert to fire.
    pub threshold: f64,
}

/// Would an alert fire at the evaluation time, and on what evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AlertEval {
    pub name: String,
    pub severity: Severity,
    /// Minutes.
    pub long_window: u32,
    /// Minutes.
    pub short_window: u32,
    pub threshold: f64,
    /// Burn rate over the long window; `None` when no reading overlaps it.
    pub long_burn: Option<f64>,
    /// Burn rate over the short window; `None` when no reading overlaps it.
    pub short_burn: Option<f64>,
    /// Fraction of the long window the readings cover (0..=1).
    pub long_coverage: f64,
    /// Fraction of the short window the readings cover (0..=1).
    pub short_coverage: f64,
    /// Both burn rates are at or above the threshold (and the alert applies to this window).
    pub fires: bool,
    /// What limits this verdict: missing or coarse readings, or an alert that does not
    /// apply to the SLO's window.
    pub note: Option<String>,
    /// The instant the windows end at; `None` when there was nothing to evaluate.
    pub evaluated_at: Option<DateTime<Utc>>,
}

/// The workbook's three alerts as (name, severity, long window in minutes, budget share).
const WORKBOOK: [(&str, Severity, u32, f64); 3] = [
    ("page-1h", Severity::Page, 60, 0.02),
    ("page-6h", Severity::Page, 6 * 60, 0.05),
    ("ticket-3d", Severity::Ticket, 3 * 24 * 60, 0.10),
];

/// The SLO window's length for scaling thresholds: rolling days, or a nominal 30-day month
/// and 90-day quarter (so a monthly SLO gets the workbook's own figures).
pub fn nominal_window_minutes(window: &Window) -> f64 {
    let days = match window {
        Window::Rolling { days } => f64::from(*days),
        Window::Calendar {
            unit: CalendarUnit::Month,
            ..
        } => 30.0,
        Window::Calendar {
            unit: CalendarUnit::Quarter,
            ..
        } => 90.0,
    };
    days * 1440.0
}

/// The workbook's alerts with thresholds scaled to `window` (see the module doc), so the UI
/// can show what each alert means before any reading is in.
pub fn rules(window: &Window) -> Vec<AlertRule> {
    let slo_minutes = nominal_window_minutes(window);
    WORKBOOK
        .iter()
        .map(|&(name, severity, long, share)| AlertRule {
            name: name.to_owned(),
            severity,
            long_window: long,
            short_window: long / 12,
            budget_share: share,
            threshold: tidy(share * slo_minutes / f64::from(long)),
        })
        .collect()
}

/// Evaluates the workbook's alerts on the readings at `now` (by default the end of the
/// latest reading): for each, the burn rate over its long and short windows and whether both
/// reach the threshold. Readings are expected to be valid (`budget::validate_readings`).
pub fn evaluate(
    spec: &SloSpec,
    readings: &[Reading],
    now: Option<DateTime<Utc>>,
) -> Vec<AlertEval> {
    let budget = spec.budget();
    let now = now.or_else(|| {
        readings
            .iter()
            .filter(|r| r.end > r.start)
            .map(|r| r.end)
            .max()
    });
    let slo_minutes = nominal_window_minutes(&spec.window);
    rules(&spec.window)
        .into_iter()
        .map(|rule| {
            let Some(now) = now else {
                return AlertEval {
                    name: rule.name,
                    severity: rule.severity,
                    long_window: rule.long_window,
                    short_window: rule.short_window,
                    threshold: rule.threshold,
                    long_burn: None,
                    short_burn: None,
                    long_coverage: 0.0,
                    short_coverage: 0.0,
                    fires: false,
                    note: Some("No readings entered yet, so nothing can fire.".to_owned()),
                    evaluated_at: None,
                };
            };
            let mut notes = Vec::new();
            let applies = f64::from(rule.long_window) <= slo_minutes;
            if !applies {
                notes.push(format!(
                    "The {} lookback is longer than this SLO's {} window, so this alert does \
                     not apply.",
                    label(f64::from(rule.long_window)),
                    label(slo_minutes)
                ));
            }
            let long = lookback(spec, readings, now, rule.long_window, budget, &mut notes);
            let short = lookback(spec, readings, now, rule.short_window, budget, &mut notes);
            let fires = applies
                && matches!((long.burn, short.burn), (Some(l), Some(s)) if l >= rule.threshold && s >= rule.threshold);
            AlertEval {
                name: rule.name,
                severity: rule.severity,
                long_window: rule.long_window,
                short_window: rule.short_window,
                threshold: rule.threshold,
                long_burn: long.burn,
                short_burn: short.burn,
                long_coverage: long.coverage,
                short_coverage: short.coverage,
                fires,
                note: (!notes.is_empty()).then(|| notes.join(" ")),
                evaluated_at: Some(now),
            }
        })
        .collect()
}

struct Lookback {
    burn: Option<f64>,
    coverage: f64,
}

/// Burn rate and coverage over `[now − minutes, now]`, adding a note when the readings
/// cannot support a burn rate over so short a window.
fn lookback(
    spec: &SloSpec,
    readings: &[Reading],
    now: DateTime<Utc>,
    minutes: u32,
    budget: f64,
    notes: &mut Vec<String>,
) -> Lookback {
    let span = f64::from(minutes);
    let t = tally(
        &spec.method,
        readings,
        now - Duration::minutes(i64::from(minutes)),
        now,
    );
    let coverage = tidy((t.minutes_covered / span).min(1.0));
    let burn = t.error_ratio(&spec.method).map(|r| tidy(r / budget));
    let name = label(span);
    if t.readings == 0 {
        notes.push(format!("No reading covers the last {name}."));
    } else if t.longest_reading > span {
        notes.push(format!(
            "Readings here are up to {} long, coarser than the {name} window: its burn rate is \
             that reading's average, so a spike or a recovery within it cannot be seen.",
            label(t.longest_reading)
        ));
    } else if coverage < 1.0 {
        notes.push(format!(
            "Readings cover {:.0}% of the last {name}.",
            coverage * 100.0
        ));
    }
    Lookback { burn, coverage }
}

/// Minutes as the workbook writes windows: "5m", "1h", "3d" ("90m" when not whole hours).
fn label(minutes: f64) -> String {
    let m = minutes.round() as i64;
    if m >= 1440 && m % 1440 == 0 {
        format!("{}d", m / 1440)
    } else if m >= 60 && m % 60 == 0 {
        format!("{}h", m / 60)
    } else {
        format!("{m}m")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reliability::slos::spec::BudgetingMethod;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn slo(days: u32) -> SloSpec {
        SloSpec {
            name: "deploys".into(),
            journey: "Engineers can deploy".into(),
            target: 0.999,
            window: Window::Rolling { days },
            method: BudgetingMethod::Occurrences,
        }
    }

    const END: &str = "2024-06-30T00:00:00Z";

    /// Five-minute readings of 10,000 events over the `hours` before END; `bad(i)` gives the
    /// bad events of reading i counted back from END (0 = the latest).
    fn five_minute(hours: i64, bad: impl Fn(i64) -> u64) -> Vec<Reading> {
        let end = at(END);
        (0..hours * 12)
            .map(|i| {
                let e = end - Duration::minutes(5 * i);
                Reading {
                    start: e - Duration::minutes(5),
                    end: e,
                    good: 10_000 - bad(i),
                    total: 10_000,
                    bad_minutes: None,
                }
            })
            .collect()
    }

    fn by_name<'a>(evals: &'a [AlertEval], name: &str) -> &'a AlertEval {
        evals.iter().find(|e| e.name == name).unwrap()
    }

    #[test]
    fn workbook_thresholds_for_30_days() {
        let r = rules(&Window::Rolling { days: 30 });
        let got: Vec<(&str, Severity, u32, u32, f64)> = r
            .iter()
            .map(|x| {
                (
                    x.name.as_str(),
                    x.severity,
                    x.long_window,
                    x.short_window,
                    x.threshold,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("page-1h", Severity::Page, 60, 5, 14.4),
                ("page-6h", Severity::Page, 360, 30, 6.0),
                ("ticket-3d", Severity::Ticket, 4320, 360, 1.0),
            ]
        );
        let month = Window::Calendar {
            unit: CalendarUnit::Month,
            time_zone: "UTC".into(),
        };
        let t: Vec<f64> = rules(&month).iter().map(|x| x.threshold).collect();
        assert_eq!(t, vec![14.4, 6.0, 1.0]);
    }

    #[test]
    fn thresholds_scale_with_the_window() {
        let t: Vec<f64> = rules(&Window::Rolling { days: 28 })
            .iter()
            .map(|x| x.threshold)
            .collect();
        assert_eq!(t, vec![13.44, 5.6, 0.933333333333]);
        let t: Vec<f64> = rules(&Window::Rolling { days: 7 })
            .iter()
            .map(|x| x.threshold)
            .collect();
        assert_eq!(t, vec![3.36, 1.4, 0.233333333333]);
        let quarter = Window::Calendar {
            unit: CalendarUnit::Quarter,
            time_zone: "UTC".into(),
        };
        let t: Vec<f64> = rules(&quarter).iter().map(|x| x.threshold).collect();
        assert_eq!(t, vec![43.2, 18.0, 3.0]);
    }

    #[test]
    fn fast_burn_pages_on_the_1h_pair_only() {
        // Three days of clean traffic, except the last hour at 2% errors: burn rate 20.
        let readings = five_minute(72, |i| if i < 12 { 200 } else { 0 });
        let evals = evaluate(&slo(30), &readings, None);
        assert_eq!(evals.len(), 3);
        let p1 = by_name(&evals, "page-1h");
        assert_eq!(p1.evaluated_at, Some(at(END)));
        assert_eq!((p1.long_burn, p1.short_burn), (Some(20.0), Some(20.0)));
        assert_eq!((p1.long_coverage, p1.short_coverage), (1.0, 1.0));
        assert!(p1.fires);
        assert_eq!(p1.note, None);
        // 6 hours: 12 of 72 readings at 2% → 3.33333 < 6, though the 30 minutes are at 20.
        let p6 = by_name(&evals, "page-6h");
        assert_eq!(
            (p6.long_burn, p6.short_burn),
            (Some(3.33333333333), Some(20.0))
        );
        assert!(!p6.fires);
        // 3 days: 2,400 bad of 8,640,000 → 0.277777777778 < 1.
        let t = by_name(&evals, "ticket-3d");
        assert_eq!(
            (t.long_burn, t.short_burn),
            (Some(0.277777777778), Some(3.33333333333))
        );
        assert_eq!(t.severity, Severity::Ticket);
        assert!(!t.fires);
    }

    #[test]
    fn exactly_at_the_threshold_fires() {
        // 1.44% errors: burn rate exactly 14.4 over both windows.
        let readings = five_minute(1, |_| 144);
        let p1 = by_name(&evaluate(&slo(30), &readings, None), "page-1h").clone();
        assert_eq!(p1.long_burn, Some(14.4));
        assert!(p1.fires);
        // One bad event fewer per reading: 14.3 does not.
        let readings = five_minute(1, |_| 143);
        let p1 = by_name(&evaluate(&slo(30), &readings, None), "page-1h").clone();
        assert_eq!(p1.long_burn, Some(14.3));
        assert!(!p1.fires);
    }

    #[test]
    fn slow_burn_pages_on_the_6h_pair() {
        // Six hours at 0.7% errors: burn rate 7 ≥ 6 but < 14.4.
        let readings = five_minute(6, |_| 70);
        let evals = evaluate(&slo(30), &readings, None);
        assert!(!by_name(&evals, "page-1h").fires);
        let p6 = by_name(&evals, "page-6h");
        assert_eq!((p6.long_burn, p6.short_burn), (Some(7.0), Some(7.0)));
        assert!(p6.fires);
        // The ticket's 3-day lookback is covered only for 6 hours, and says so; its 6h short
        // window is fully covered. The burn over the covered part is 7 ≥ 1, so it fires.
        let t = by_name(&evals, "ticket-3d");
        assert_eq!(t.long_coverage, 0.0833333333333);
        assert_eq!(t.short_coverage, 1.0);
        assert_eq!(t.note.as_deref(), Some("Readings cover 8% of the last 3d."));
        assert!(t.fires);
    }

    #[test]
    fn short_window_stops_the_page_after_recovery() {
        // An hour at burn rate 20 that ended 10 minutes ago.
        let readings = five_minute(2, |i| if (2..14).contains(&i) { 200 } else { 0 });
        let p1 = by_name(&evaluate(&slo(30), &readings, None), "page-1h").clone();
        // 1h: 10 of 12 readings at 20 → 16.6666666667 ≥ 14.4; but the last 5m are clean.
        assert_eq!(p1.long_burn, Some(16.6666666667));
        assert_eq!(p1.short_burn, Some(0.0));
        assert!(!p1.fires);
        // Evaluated 15 minutes earlier, it was firing.
        let earlier = at(END) - Duration::minutes(15);
        let p1 = by_name(&evaluate(&slo(30), &readings, Some(earlier)), "page-1h").clone();
        assert_eq!(
            (p1.long_burn, p1.short_burn),
            (Some(18.3333333333), Some(20.0))
        );
        assert!(p1.fires);
    }

    #[test]
    fn coarse_daily_readings_are_flagged() {
        let end = at(END);
        // One daily reading at 2% errors: every window sees the day's average, burn rate 20.
        let readings = vec![Reading {
            start: end - Duration::days(1),
            end,
            good: 98_000,
            total: 100_000,
            bad_minutes: None,
        }];
        let evals = evaluate(&slo(30), &readings, None);
        let p1 = by_name(&evals, "page-1h");
        assert_eq!((p1.long_burn, p1.short_burn), (Some(20.0), Some(20.0)));
        assert!(p1.fires);
        let note = p1.note.as_deref().unwrap();
        assert!(
            note.contains("up to 1d long, coarser than the 1h window"),
            "{note}"
        );
        assert!(note.contains("coarser than the 5m window"), "{note}");
        let t = by_name(&evals, "ticket-3d");
        assert_eq!(t.long_coverage, 0.333333333333);
        assert_eq!(t.short_coverage, 1.0);
        assert!(t.fires, "20 ≥ 1 over the day the readings cover");
    }

    #[test]
    fn nothing_to_evaluate() {
        let evals = evaluate(&slo(30), &[], None);
        assert_eq!(evals.len(), 3);
        for e in &evals {
            assert!(!e.fires);
            assert_eq!((e.long_burn, e.short_burn), (None, None));
            assert_eq!(e.evaluated_at, None);
            assert!(e.note.is_some());
        }
        // A time given but no reading near it.
        let old = five_minute(1, |_| 10_000);
        let later = at(END) + Duration::days(10);
        let p1 = by_name(&evaluate(&slo(30), &old, Some(later)), "page-1h").clone();
        assert!(!p1.fires);
        assert_eq!(
            p1.note.as_deref(),
            Some("No reading covers the last 1h. No reading covers the last 5m.")
        );
    }

    #[test]
    fn alerts_longer_than_the_slo_window_do_not_apply() {
        let readings = five_minute(24, |_| 10_000);
        let evals = evaluate(&slo(1), &readings, None);
        let t = by_name(&evals, "ticket-3d");
        assert_eq!(t.threshold, 0.0333333333333);
        assert!(!t.fires);
        assert!(t
            .note
            .as_deref()
            .unwrap()
            .starts_with("The 3d lookback is longer than this SLO's 1d window"));
        assert!(by_name(&evals, "page-1h").fires);
    }

    #[test]
    fn timeslices_burn_uses_bad_time() {
        let mut s = slo(30);
        s.method = BudgetingMethod::Timeslices {
            slice_minutes: 5,
            slice_target: 0.99,
        };
        // The last 5-minute slice is bad (95% good), the hour before clean: over 1h the bad
        // time is 5/60, burn rate 83.3333333333; over 5m it is 1000.
        let readings = five_minute(1, |i| if i == 0 { 500 } else { 0 });
        let p1 = by_name(&evaluate(&s, &readings, None), "page-1h").clone();
        assert_eq!(
            (p1.long_burn, p1.short_burn),
            (Some(83.3333333333), Some(1000.0))
        );
        assert!(p1.fires);
    }
}
