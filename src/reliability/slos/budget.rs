//! Error-budget arithmetic: how much of an SLO's budget the entered readings have used, how
//! fast it burns, and when it runs out at that pace.
//!
//! Conventions, chosen so every figure can be checked by hand:
//! - The budget is `1 − target` (99.9% → 0.001). Over a window of W minutes it allows
//!   `budget × W` bad minutes (99.9% over 30 days → 43.2 minutes) and, for Occurrences,
//!   `budget × events seen` bad events.
//! - A reading is a period `[start, end)` with `good` of `total` events. Only the part of a
//!   reading inside the window counts, pro-rated by time: half a reading inside the window
//!   brings half its events (and half its bad minutes).
//! - **Occurrences:** consumed = bad events ÷ (budget × events seen), which is also the burn
//!   rate (error ratio ÷ budget). With no events, nothing is consumed.
//! - **Timeslices:** a reading's bad minutes are `bad_minutes` when given. When not, they
//!   are derived from the reading itself: if its `good ÷ total` is below the slice target,
//!   all its minutes are bad, otherwise none are, and a reading with no events is good time.
//!   Readings no longer than a slice are thus judged exactly; a longer reading is judged as a
//!   whole (enter `bad_minutes` to be precise). consumed = bad minutes ÷ (budget × window
//!   minutes); the burn rate uses the minutes the readings cover, so the two agree once the
//!   readings cover the whole window.
//! - Figures are rounded to 12 significant digits (see `spec::tidy`), so 43.2 is 43.2.
//! - Readings must not overlap each other (`validate_readings`); overlapping periods would
//!   count the same events twice.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::spec::{tidy, BudgetingMethod, CalendarUnit, SloSpec, Window};
use crate::error::{Error, Result};

/// Events measured over one period, as a team enters them (from a dashboard, a query, a
/// spreadsheet). Timestamps are UTC; serialized as RFC 3339.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Reading {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    #[ts(type = "number")]
    pub good: u64,
    #[ts(type = "number")]
    pub total: u64,
    /// For Timeslices: the minutes of this period that were bad, when known (e.g. counted
    /// from a 1-minute graph). When absent they are derived from `good ÷ total`.
    #[serde(default)]
    pub bad_minutes: Option<f64>,
}

impl Reading {
    /// Checks one reading, naming `end`, `good` or `bad_minutes`.
    pub fn validate(&self) -> Result<()> {
        if self.end <= self.start {
            return Err(Error::invalid(
                "end",
                "A reading's end must be after its start",
            ));
        }
        if self.good > self.total {
            return Err(Error::invalid(
                "good",
                format!(
                    "Good events ({}) cannot exceed the total ({})",
                    self.good, self.total
                ),
            ));
        }
        if let Some(b) = self.bad_minutes {
            let minutes = minutes_between(self.start, self.end);
            if !(b.is_finite() && b >= 0.0 && b <= minutes) {
                return Err(Error::invalid(
                    "bad_minutes",
                    format!(
                        "Bad minutes must be between 0 and the reading's length ({} minutes); \
                         {b} is not",
                        tidy(minutes)
                    ),
                ));
            }
        }
        Ok(())
    }

    fn minutes(&self) -> f64 {
        minutes_between(self.start, self.end)
    }
}

/// Checks every reading and that no two overlap (they would count events twice). The field
/// is the reading's own (`end`, `good`, `bad_minutes`); the message says which reading,
/// counting from 1 in the order given.
pub fn validate_readings(readings: &[Reading]) -> Result<()> {
    for (i, r) in readings.iter().enumerate() {
        r.validate().map_err(|e| match e {
            Error::Validation { field, message } => {
                Error::invalid(&field, format!("Reading {}: {message}", i + 1))
            }
            other => other,
        })?;
    }
    let mut order: Vec<usize> = (0..readings.len()).collect();
    order.sort_by_key(|&i| (readings[i].start, readings[i].end));
    for pair in order.windows(2) {
        let (a, b) = (&readings[pair[0]], &readings[pair[1]]);
        if b.start < a.end {
            return Err(Error::invalid(
                "start",
                format!(
                    "Reading {} ({} to {}) overlaps reading {} ({} to {}); its events would \
                     count twice",
                    pair[1] + 1,
                    b.start.to_rfc3339(),
                    b.end.to_rfc3339(),
                    pair[0] + 1,
                    a.start.to_rfc3339(),
                    a.end.to_rfc3339()
                ),
            ));
        }
    }
    Ok(())
}

/// Where an SLO stands at `now`: the figures behind a budget gauge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BudgetStatus {
    /// `1 − target`.
    pub budget: f64,
    pub window_start: DateTime<Utc>,
    pub window_end: DateTime<Utc>,
    /// Events inside the window (pro-rated, so possibly fractional).
    pub events_total: f64,
    pub events_bad: f64,
    /// `budget × events_total`: the bad events the window can afford so far.
    pub events_allowed: f64,
    /// The window's length in minutes (calendar windows follow DST: a March in New York has
    /// 60 fewer).
    pub minutes_total: f64,
    /// `budget × minutes_total`.
    pub minutes_allowed: f64,
    /// Bad minutes inside the window; `None` for Occurrences, which counts events.
    pub minutes_bad: Option<f64>,
    /// Minutes of the window the readings cover.
    pub minutes_covered: f64,
    /// Fraction of the budget used; above 1 when overspent.
    pub consumed: f64,
    /// `1 − consumed`; negative when overspent.
    pub remaining: f64,
    /// Good events ÷ events (Occurrences) or good time ÷ covered time (Timeslices); `None`
    /// with nothing measured.
    pub attainment: Option<f64>,
    /// Error ratio ÷ budget over the readings in the window; 1 spends exactly the budget by
    /// the window's end. `None` with nothing measured.
    pub burn_rate: Option<f64>,
    /// When the budget runs out if the recent burn continues (see `status`).
    pub projected_exhaustion: Option<DateTime<Utc>>,
    /// How many readings overlap the window.
    pub readings_used: u32,
}

/// One point of a burndown chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BurnPoint {
    pub at: DateTime<Utc>,
    /// Fraction of the window's budget left after the readings up to `at`.
    pub remaining: f64,
}

/// The window an SLO is judged over at `now`, as `[start, end]` in UTC.
///
/// Rolling: `[now − days, now]`. Calendar: from local midnight on the first day of the
/// current month or quarter in the window's time zone to the same point of the next one, so
/// the length follows DST. A time zone that does not resolve (validate first) is taken as UTC.
pub fn window_bounds(window: &Window, now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    match window {
        Window::Rolling { days } => (now - Duration::days(i64::from(*days)), now),
        Window::Calendar { unit, time_zone } => {
            let tz: Tz = time_zone.trim().parse().unwrap_or(chrono_tz::UTC);
            let local = now.with_timezone(&tz).date_naive();
            let months = match unit {
                CalendarUnit::Month => 1,
                CalendarUnit::Quarter => 3,
            };
            let first_month = (local.month0() / months) * months + 1;
            let first = NaiveDate::from_ymd_opt(local.year(), first_month, 1)
                .expect("the first of a month exists");
            let next = first
                .checked_add_months(chrono::Months::new(months))
                .expect("dates stay in range");
            (local_midnight(&tz, first), local_midnight(&tz, next))
        }
    }
}

/// The first instant of `day` in `tz`: midnight, or the first time after a DST gap that
/// swallows midnight (some zones switch at 00:00).
fn local_midnight(tz: &Tz, day: NaiveDate) -> DateTime<Utc> {
    let mut t = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    for _ in 0..48 {
        match tz.from_local_datetime(&t) {
            LocalResult::Single(x) => return x.with_timezone(&Utc),
            LocalResult::Ambiguous(a, b) => return a.min(b).with_timezone(&Utc),
            LocalResult::None => t += Duration::minutes(30),
        }
    }
    Utc.from_utc_datetime(&day.and_hms_opt(0, 0, 0).expect("midnight exists"))
}

fn minutes_between(a: DateTime<Utc>, b: DateTime<Utc>) -> f64 {
    (b - a).num_milliseconds() as f64 / 60_000.0
}

/// What a set of readings adds up to over one interval, pro-rated by overlap.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Tally {
    pub events_total: f64,
    pub events_bad: f64,
    pub minutes_covered: f64,
    pub minutes_bad: f64,
    pub readings: u32,
    /// The longest reading that overlaps, in minutes (to tell coarse data).
    pub longest_reading: f64,
}

impl Tally {
    /// The error ratio the method judges by: bad events ÷ events, or bad minutes ÷ covered
    /// minutes. `None` when nothing was measured.
    pub fn error_ratio(&self, method: &BudgetingMethod) -> Option<f64> {
        if self.readings == 0 {
            return None;
        }
        match method {
            BudgetingMethod::Occurrences => Some(if self.events_total > 0.0 {
                self.events_bad / self.events_total
            } else {
                0.0
            }),
            BudgetingMethod::Timeslices { .. } => {
                (self.minutes_covered > 0.0).then(|| self.minutes_bad / self.minutes_covered)
            }
        }
    }
}

/// The bad minutes of a whole reading under Timeslices (see the module doc).
fn reading_bad_minutes(r: &Reading, slice_target: f64) -> f64 {
    if let Some(b) = r.bad_minutes {
        return b.clamp(0.0, r.minutes().max(0.0));
    }
    let total = r.total;
    let good = r.good.min(total);
    if total > 0 && (good as f64) / (total as f64) < slice_target {
        r.minutes().max(0.0)
    } else {
        0.0
    }
}

/// Adds up the readings over `[from, to]`, pro-rating those that overlap it partly.
pub(crate) fn tally(
    method: &BudgetingMethod,
    readings: &[Reading],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Tally {
    let mut t = Tally::default();
    for r in readings {
        let len = r.minutes();
        if len <= 0.0 {
            continue;
        }
        let overlap = minutes_between(r.start.max(from), r.end.min(to));
        if overlap <= 0.0 {
            continue;
        }
        let share = overlap / len;
        let good = r.good.min(r.total) as f64;
        let total = r.total as f64;
        t.readings += 1;
        t.events_total += total * share;
        t.events_bad += (total - good) * share;
        t.minutes_covered += overlap;
        if let BudgetingMethod::Timeslices { slice_target, .. } = method {
            t.minutes_bad += reading_bad_minutes(r, *slice_target) * share;
        }
        t.longest_reading = t.longest_reading.max(len);
    }
    t
}

/// Where the SLO stands at `now` given the readings entered: budget used and left, burn
/// rate, attainment and a projected exhaustion time. Readings are expected to be valid
/// (`validate_readings`); the module doc fixes how they count.
///
/// `projected_exhaustion` takes the burn rate over the last 24 hours of readings in the
/// window (all of them when they span less) and assumes it continues from `now`: the budget
/// left lasts `remaining × window length ÷ burn rate`. It is `None` when the budget is
/// already spent (`remaining ≤ 0`; the gauge says so), when nothing burns, when the
/// exhaustion would fall after a calendar window's end (the budget resets first), and for a
/// rolling window when the burn rate is at most 1 (old errors leave the window as fast as new
/// ones come in, so it never runs out). For a rolling window burning faster than 1 the
/// projection ignores errors ageing out, so it errs early.
pub fn status(spec: &SloSpec, readings: &[Reading], now: DateTime<Utc>) -> BudgetStatus {
    let budget = spec.budget();
    let (ws, we) = window_bounds(&spec.window, now);
    let t = tally(&spec.method, readings, ws, we);
    let minutes_total = minutes_between(ws, we);
    let minutes_allowed = budget * minutes_total;
    let events_allowed = budget * t.events_total;
    let consumed = consumed_of(&spec.method, &t, events_allowed, minutes_allowed);
    let remaining = 1.0 - consumed;
    let ratio = t.error_ratio(&spec.method);
    let burn_rate = ratio.map(|r| tidy(r / budget));

    let projected_exhaustion = latest_end(readings, ws, we).and_then(|last| {
        let from = (last - Duration::hours(24)).max(ws);
        let recent = tally(&spec.method, readings, from, last);
        let rate = tidy(recent.error_ratio(&spec.method)? / budget);
        project(&spec.window, tidy(remaining), rate, minutes_total, now, we)
    });

    BudgetStatus {
        budget,
        window_start: ws,
        window_end: we,
        events_total: tidy(t.events_total),
        events_bad: tidy(t.events_bad),
        events_allowed: tidy(events_allowed),
        minutes_total: tidy(minutes_total),
        minutes_allowed: tidy(minutes_allowed),
        minutes_bad: match spec.method {
            BudgetingMethod::Occurrences => None,
            BudgetingMethod::Timeslices { .. } => Some(tidy(t.minutes_bad)),
        },
        minutes_covered: tidy(t.minutes_covered),
        consumed: tidy(consumed),
        remaining: tidy(remaining),
        attainment: ratio.map(|r| tidy(1.0 - r)),
        burn_rate,
        projected_exhaustion,
        readings_used: t.readings,
    }
}

fn consumed_of(
    method: &BudgetingMethod,
    t: &Tally,
    events_allowed: f64,
    minutes_allowed: f64,
) -> f64 {
    match method {
        BudgetingMethod::Occurrences => {
            if events_allowed > 0.0 {
                t.events_bad / events_allowed
            } else {
                0.0
            }
        }
        BudgetingMethod::Timeslices { .. } => {
            if minutes_allowed > 0.0 {
                t.minutes_bad / minutes_allowed
            } else {
                0.0
            }
        }
    }
}

/// The end of the latest reading that overlaps the window, clipped to the window's end.
fn latest_end(readings: &[Reading], ws: DateTime<Utc>, we: DateTime<Utc>) -> Option<DateTime<Utc>> {
    readings
        .iter()
        .filter(|r| r.end > r.start && r.end > ws && r.start < we)
        .map(|r| r.end.min(we))
        .max()
}

fn project(
    window: &Window,
    remaining: f64,
    rate: f64,
    window_minutes: f64,
    now: DateTime<Utc>,
    window_end: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    if remaining <= 0.0 || rate <= 0.0 {
        return None;
    }
    if matches!(window, Window::Rolling { .. }) && rate <= 1.0 {
        return None;
    }
    let minutes = remaining * window_minutes / rate;
    let at = now + Duration::milliseconds((minutes * 60_000.0).round() as i64);
    match window {
        Window::Calendar { .. } if at > window_end => None,
        _ => Some(at),
    }
}

/// The budget left after each reading in the window, oldest first, for a burndown chart
/// (one point per reading, at its end). It ends at `status(..).remaining`: for Occurrences
/// each point divides the bad events so far by the whole window's allowance, so the line
/// only goes down.
pub fn burndown(spec: &SloSpec, readings: &[Reading], now: DateTime<Utc>) -> Vec<BurnPoint> {
    let budget = spec.budget();
    let (ws, we) = window_bounds(&spec.window, now);
    let whole = tally(&spec.method, readings, ws, we);
    let events_allowed = budget * whole.events_total;
    let minutes_allowed = budget * minutes_between(ws, we);
    let mut inside: Vec<&Reading> = readings
        .iter()
        .filter(|r| r.end > r.start && r.end > ws && r.start < we)
        .collect();
    inside.sort_by_key(|r| (r.end, r.start));
    let mut so_far = Tally::default();
    inside
        .into_iter()
        .map(|r| {
            let one = tally(&spec.method, std::slice::from_ref(r), ws, we);
            so_far.events_bad += one.events_bad;
            so_far.minutes_bad += one.minutes_bad;
            let consumed = consumed_of(&spec.method, &so_far, events_allowed, minutes_allowed);
            BurnPoint {
                at: r.end.min(we),
                remaining: tidy(1.0 - consumed),
            }
        })
        .collect()
}

/// The burn rate of each reading on its own (error ratio ÷ budget), at its end, oldest
/// first: shows when the budget burned fast. A reading with no events burns 0.
pub fn burn_rates(spec: &SloSpec, readings: &[Reading]) -> Vec<(DateTime<Utc>, f64)> {
    let budget = spec.budget();
    let mut sorted: Vec<&Reading> = readings.iter().filter(|r| r.end > r.start).collect();
    sorted.sort_by_key(|r| (r.end, r.start));
    sorted
        .into_iter()
        .map(|r| {
            let t = tally(&spec.method, std::slice::from_ref(r), r.start, r.end);
            let ratio = t.error_ratio(&spec.method).unwrap_or(0.0);
            (r.end, tidy(ratio / budget))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn slo(target: f64, window: Window, method: BudgetingMethod) -> SloSpec {
        SloSpec {
            name: "ci-results".into(),
            journey: "Engineers get a CI result".into(),
            target,
            window,
            method,
        }
    }

    fn reading(start: DateTime<Utc>, end: DateTime<Utc>, good: u64, total: u64) -> Reading {
        Reading {
            start,
            end,
            good,
            total,
            bad_minutes: None,
        }
    }

    const NOW: &str = "2024-06-30T00:00:00Z";

    #[test]
    fn allowed_minutes_are_exact() {
        let s = slo(
            0.999,
            Window::Rolling { days: 30 },
            BudgetingMethod::Occurrences,
        );
        let st = status(&s, &[], at(NOW));
        assert_eq!(st.budget, 0.001);
        assert_eq!(st.minutes_total, 43_200.0);
        assert_eq!(st.minutes_allowed, 43.2);
        let s = slo(
            0.99,
            Window::Rolling { days: 28 },
            BudgetingMethod::Occurrences,
        );
        let st = status(&s, &[], at(NOW));
        assert_eq!(st.minutes_total, 40_320.0);
        assert_eq!(st.minutes_allowed, 403.2);
    }

    #[test]
    fn six_hundred_bad_in_a_million_uses_sixty_percent() {
        let s = slo(
            0.999,
            Window::Rolling { days: 30 },
            BudgetingMethod::Occurrences,
        );
        let now = at(NOW);
        // Thirty daily readings covering the whole window: 1,000,000 events, 600 bad.
        let readings: Vec<Reading> = (0..30)
            .map(|d| {
                let start = now - Duration::days(30 - d);
                let bad = if d == 10 { 600 } else { 0 };
                let total = if d == 0 {
                    1_000_000 - 29 * 33_333
                } else {
                    33_333
                };
                reading(start, start + Duration::days(1), total - bad, total)
            })
            .collect();
        validate_readings(&readings).unwrap();
        let st = status(&s, &readings, now);
        assert_eq!(st.events_total, 1_000_000.0);
        assert_eq!(st.events_bad, 600.0);
        assert_eq!(st.events_allowed, 1_000.0);
        assert_eq!(st.consumed, 0.6);
        assert_eq!(st.remaining, 0.4);
        assert_eq!(st.burn_rate, Some(0.6));
        assert_eq!(st.attainment, Some(0.9994));
        assert_eq!(st.minutes_covered, 43_200.0);
        assert_eq!(st.minutes_bad, None);
        assert_eq!(st.readings_used, 30);
        // The last 24 hours burned nothing, so no exhaustion is projected.
        assert_eq!(st.projected_exhaustion, None);
    }

    #[test]
    fn empty_readings() {
        let s = slo(
            0.999,
            Window::Rolling { days: 30 },
            BudgetingMethod::Occurrences,
        );
        let st = status(&s, &[], at(NOW));
        assert_eq!(st.consumed, 0.0);
        assert_eq!(st.remaining, 1.0);
        assert_eq!(st.events_total, 0.0);
        assert_eq!(st.events_allowed, 0.0);
        assert_eq!(st.attainment, None);
        assert_eq!(st.burn_rate, None);
        assert_eq!(st.projected_exhaustion, None);
        assert_eq!(st.readings_used, 0);
        assert!(burndown(&s, &[], at(NOW)).is_empty());
        assert!(burn_rates(&s, &[]).is_empty());
    }

    #[test]
    fn zero_total_consumes_nothing() {
        let now = at(NOW);
        let r = vec![reading(now - Duration::hours(2), now, 0, 0)];
        let s = slo(
            0.999,
            Window::Rolling { days: 30 },
            BudgetingMethod::Occurrences,
        );
        let st = status(&s, &r, now);
        assert_eq!(st.consumed, 0.0);
        assert_eq!(st.remaining, 1.0);
        assert_eq!(st.burn_rate, Some(0.0));
        assert_eq!(st.attainment, Some(1.0));
        assert_eq!(burn_rates(&s, &r), vec![(now, 0.0)]);
        // Under Timeslices a quiet hour is good time.
        let ts = slo(
            0.999,
            Window::Rolling { days: 30 },
            BudgetingMethod::Timeslices {
                slice_minutes: 1,
                slice_target: 0.95,
            },
        );
        let st = status(&ts, &r, now);
        assert_eq!(st.minutes_bad, Some(0.0));
        assert_eq!(st.attainment, Some(1.0));
        assert_eq!(st.consumed, 0.0);
    }

    #[test]
    fn partial_overlap_is_pro_rated() {
        let now = at(NOW);
        let s = slo(
            0.99,
            Window::Rolling { days: 1 },
            BudgetingMethod::Occurrences,
        );
        // 48 hours, half of it inside the 1-day window: 500 of the 1000 events, 50 of 100 bad.
        let r = vec![reading(now - Duration::hours(48), now, 900, 1000)];
        let st = status(&s, &r, now);
        assert_eq!(st.events_total, 500.0);
        assert_eq!(st.events_bad, 50.0);
        assert_eq!(st.events_allowed, 5.0);
        assert_eq!(st.consumed, 10.0);
        assert_eq!(st.remaining, -9.0);
        assert_eq!(st.burn_rate, Some(10.0));
        assert_eq!(st.minutes_covered, 1440.0);
        // A reading entirely before the window does not count.
        let old = vec![reading(
            now - Duration::days(3),
            now - Duration::days(2),
            0,
            10,
        )];
        assert_eq!(status(&s, &old, now).readings_used, 0);
    }

    #[test]
    fn timeslices_with_bad_minutes_given() {
        let now = at(NOW);
        let s = slo(
            0.999,
            Window::Rolling { days: 30 },
            BudgetingMethod::Timeslices {
                slice_minutes: 1,
                slice_target: 0.95,
            },
        );
        // The whole window in 30 daily readings, 21.6 bad minutes in all.
        let readings: Vec<Reading> = (0..30)
            .map(|d| {
                let start = now - Duration::days(30 - d);
                Reading {
                    start,
                    end: start + Duration::days(1),
                    good: 1000,
                    total: 1000,
                    bad_minutes: Some(if d == 29 { 21.6 } else { 0.0 }),
                }
            })
            .collect();
        let st = status(&s, &readings, now);
        assert_eq!(st.minutes_allowed, 43.2);
        assert_eq!(st.minutes_bad, Some(21.6));
        assert_eq!(st.consumed, 0.5);
        assert_eq!(st.remaining, 0.5);
        assert_eq!(st.burn_rate, Some(0.5));
        assert_eq!(st.attainment, Some(0.9995));
        // Rolling window, burn rate over the last day = 21.6 / 1440 / 0.001 = 15 > 1:
        // 0.5 × 43,200 min ÷ 15 = 1,440 min, one day from now.
        assert_eq!(st.projected_exhaustion, Some(now + Duration::days(1)));
    }

    #[test]
    fn timeslices_derived_from_ratio() {
        let now = at(NOW);
        let s = slo(
            0.99,
            Window::Rolling { days: 1 },
            BudgetingMethod::Timeslices {
                slice_minutes: 5,
                slice_target: 0.95,
            },
        );
        // Twelve 5-minute readings: two below 95% good (bad slices), one exactly at 95%
        // (good), the rest clean.
        let start = now - Duration::hours(1);
        let readings: Vec<Reading> = (0..12)
            .map(|i| {
                let s0 = start + Duration::minutes(5 * i);
                let good = match i {
                    3 => 940,
                    7 => 0,
                    9 => 950,
                    _ => 1000,
                };
                reading(s0, s0 + Duration::minutes(5), good, 1000)
            })
            .collect();
        validate_readings(&readings).unwrap();
        let st = status(&s, &readings, now);
        assert_eq!(st.minutes_total, 1440.0);
        assert_eq!(st.minutes_allowed, 14.4);
        assert_eq!(st.minutes_covered, 60.0);
        assert_eq!(st.minutes_bad, Some(10.0));
        assert_eq!(st.consumed, 0.694444444444);
        assert_eq!(st.attainment, Some(0.833333333333));
        assert_eq!(st.burn_rate, Some(16.6666666667));
        // Occurrence counts are still reported.
        assert_eq!(st.events_total, 12_000.0);
        assert_eq!(st.events_bad, 1_110.0);
        let rates = burn_rates(&s, &readings);
        assert_eq!(rates[3], (start + Duration::minutes(20), 100.0));
        assert_eq!(rates[9].1, 0.0);
        let points = burndown(&s, &readings, now);
        assert_eq!(points.len(), 12);
        assert_eq!(points[2].remaining, 1.0);
        assert_eq!(points[3].remaining, 0.652777777778);
        assert_eq!(points[11].remaining, st.remaining);
        assert_eq!(points[11].at, now);
    }

    #[test]
    fn calendar_month_across_dst_in_new_york() {
        let s = slo(
            0.999,
            Window::Calendar {
                unit: CalendarUnit::Month,
                time_zone: "America/New_York".into(),
            },
            BudgetingMethod::Occurrences,
        );
        // March 2024: DST starts on the 10th, so the month is one hour short.
        let (ws, we) = window_bounds(&s.window, at("2024-03-15T12:00:00Z"));
        assert_eq!(ws, at("2024-03-01T05:00:00Z"));
        assert_eq!(we, at("2024-04-01T04:00:00Z"));
        let st = status(&s, &[], at("2024-03-15T12:00:00Z"));
        assert_eq!(st.minutes_total, 44_580.0);
        assert_eq!(st.minutes_allowed, 44.58);
        // November 2024: DST ends on the 3rd, one hour longer.
        let st = status(&s, &[], at("2024-11-20T00:00:00Z"));
        assert_eq!(st.window_start, at("2024-11-01T04:00:00Z"));
        assert_eq!(st.window_end, at("2024-12-01T05:00:00Z"));
        assert_eq!(st.minutes_total, 43_260.0);
        // 03:30 UTC on April 1 is still March 31 in New York.
        let (ws, _) = window_bounds(&s.window, at("2024-04-01T03:30:00Z"));
        assert_eq!(ws, at("2024-03-01T05:00:00Z"));
    }

    #[test]
    fn calendar_quarter_and_midnight_gap() {
        let q = Window::Calendar {
            unit: CalendarUnit::Quarter,
            time_zone: "Europe/Berlin".into(),
        };
        let (ws, we) = window_bounds(&q, at("2024-05-15T00:00:00Z"));
        assert_eq!(ws, at("2024-03-31T22:00:00Z"));
        assert_eq!(we, at("2024-06-30T22:00:00Z"));
        // Havana moved clocks forward at midnight on 2024-03-10: the day starts at 01:00.
        let gap = Window::Calendar {
            unit: CalendarUnit::Month,
            time_zone: "America/Havana".into(),
        };
        let (ws, _) = window_bounds(&gap, at("2024-03-20T00:00:00Z"));
        assert_eq!(ws, at("2024-03-01T05:00:00Z"));
        let day = NaiveDate::from_ymd_opt(2024, 3, 10).unwrap();
        let havana: Tz = "America/Havana".parse().unwrap();
        assert_eq!(local_midnight(&havana, day), at("2024-03-10T05:00:00Z"));
    }

    #[test]
    fn calendar_projection_stops_at_the_window_end() {
        let s = slo(
            0.999,
            Window::Calendar {
                unit: CalendarUnit::Month,
                time_zone: "UTC".into(),
            },
            BudgetingMethod::Occurrences,
        );
        let now = at("2024-06-10T00:00:00Z");
        // One day at burn rate 2: 2 × 0.001 error ratio.
        let r = vec![reading(now - Duration::days(1), now, 99_800, 100_000)];
        let st = status(&s, &r, now);
        assert_eq!(st.burn_rate, Some(2.0));
        assert_eq!(st.consumed, 2.0);
        assert_eq!(st.projected_exhaustion, None, "already spent");
        // Nine clean days, then a day at burn rate 2.
        let mut r: Vec<Reading> = (1..10)
            .map(|d| {
                let s0 = at("2024-06-01T00:00:00Z") + Duration::days(d - 1);
                reading(s0, s0 + Duration::days(1), 100_000, 100_000)
            })
            .collect();
        r.push(reading(now, now + Duration::days(1), 99_800, 100_000));
        let now = now + Duration::days(1);
        let st = status(&s, &r, now);
        assert_eq!(st.consumed, 0.2);
        assert_eq!(st.burn_rate, Some(0.2));
        // 0.8 × 43,200 min ÷ 2 = 17,280 min = 12 days from June 11: June 23, inside June.
        assert_eq!(st.projected_exhaustion, Some(at("2024-06-23T00:00:00Z")));
        // At burn rate 0.5 the exhaustion would fall after June 30, so there is none.
        let slow = vec![reading(now - Duration::days(1), now, 99_950, 100_000)];
        assert_eq!(status(&s, &slow, now).projected_exhaustion, None);
    }

    #[test]
    fn reading_validation() {
        let now = at(NOW);
        let ok = reading(now - Duration::hours(1), now, 5, 10);
        assert!(ok.validate().is_ok());
        let e = reading(now, now, 5, 10).validate().unwrap_err();
        assert_eq!(e.field(), Some("end"));
        let e = reading(now - Duration::hours(1), now, 11, 10)
            .validate()
            .unwrap_err();
        assert_eq!(e.field(), Some("good"));
        let mut r = ok.clone();
        r.bad_minutes = Some(61.0);
        assert_eq!(r.validate().unwrap_err().field(), Some("bad_minutes"));
        r.bad_minutes = Some(60.0);
        assert!(r.validate().is_ok());
        let overlap = vec![
            ok.clone(),
            reading(now - Duration::minutes(30), now + Duration::hours(1), 1, 1),
        ];
        let e = validate_readings(&overlap).unwrap_err();
        assert_eq!(e.field(), Some("start"));
        assert!(e.to_string().starts_with("Reading 2 "), "{e}");
        let adjacent = vec![ok.clone(), reading(now, now + Duration::hours(1), 1, 1)];
        assert!(validate_readings(&adjacent).is_ok());
        let e = validate_readings(&[ok, reading(now, now, 1, 1)]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Reading 2: A reading's end must be after its start"
        );
    }
}
