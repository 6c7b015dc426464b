//! What an SLO is in Rapport: a named objective on a user journey, a target, a window and a
//! budgeting method, with the parsing and validation the UI and the OpenSLO import share.
//!
//! Every problem is an `Error::invalid(field, message)` naming the field the user has to fix:
//! `name`, `journey`, `target`, `window`, `time_zone`, `slice_minutes` or `slice_target`.

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// Longest name: an RFC 1123 label, as OpenSLO's `metadata.name` requires.
pub const NAME_MAX: usize = 63;
/// Longest journey text; OpenSLO caps `description` at 1050 characters and the journey is
/// exported there.
pub const JOURNEY_MAX: usize = 1050;
/// Longest rolling window in days: a little over a year, enough for yearly reviews.
pub const MAX_WINDOW_DAYS: u32 = 400;
/// Longest time slice in minutes: one day.
pub const MAX_SLICE_MINUTES: u32 = 1440;

/// One service level objective, as a team writes it down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SloSpec {
    /// An RFC 1123 label (`checkout-latency`), unique within a workspace and stable across
    /// OpenSLO round trips.
    pub name: String,
    /// The user journey in words: what users experience when this objective holds.
    pub journey: String,
    /// The fraction of good events (or good time) the objective promises, in (0, 1):
    /// 0.999 for 99.9%.
    pub target: f64,
    pub window: Window,
    pub method: BudgetingMethod,
}

/// The period over which the objective is judged. Named `SloWindow` in TypeScript, where
/// `Window` is the browser's global.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(rename = "SloWindow")]
pub enum Window {
    /// The last `days` days up to now (1..=400). Days are the UI's unit; OpenSLO `h`/`m`
    /// durations are accepted when they are whole days.
    Rolling { days: u32 },
    /// The current calendar month or quarter, in an IANA time zone (`Europe/Berlin`), so the
    /// budget resets at local midnight on the first day.
    Calendar {
        unit: CalendarUnit,
        time_zone: String,
    },
}

crate::text_enum! {
    /// The calendar periods Rapport aligns windows to.
    #[ts(export)]
    pub enum CalendarUnit {
        Month = "month",
        Quarter = "quarter",
    }
}

/// How good and bad are counted, as OpenSLO's `budgetingMethod`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BudgetingMethod {
    /// Good events ÷ all events: every request counts the same.
    Occurrences,
    /// Good time slices ÷ all slices: a slice of `slice_minutes` is good when its own ratio
    /// of good events reaches `slice_target`, so quiet hours weigh as much as busy ones.
    Timeslices {
        slice_minutes: u32,
        /// In (0, 1]. OpenSLO allows 1.0 ("every event in the slice was good"), so Rapport
        /// does too.
        slice_target: f64,
    },
}

impl SloSpec {
    /// Checks every field, so a bad SLO is refused before anything is stored or exported.
    pub fn validate(&self) -> Result<()> {
        validate_name(&self.name)?;
        validate_journey(&self.journey)?;
        validate_target(self.target)?;
        self.window.validate()?;
        self.method.validate()
    }

    /// The error budget: the fraction of events (or time) allowed to be bad, `1 − target`,
    /// rounded to 12 significant digits so 99.9% gives exactly 0.001.
    pub fn budget(&self) -> f64 {
        tidy(1.0 - self.target)
    }
}

impl Window {
    /// Checks the day range and the time zone, naming `window` or `time_zone`.
    pub fn validate(&self) -> Result<()> {
        match self {
            Window::Rolling { days } => {
                if *days == 0 || *days > MAX_WINDOW_DAYS {
                    return Err(Error::invalid(
                        "window",
                        format!(
                            "A rolling window is 1 to {MAX_WINDOW_DAYS} days long; {days} days is \
                             not (28d or 30d are common)"
                        ),
                    ));
                }
                Ok(())
            }
            Window::Calendar { time_zone, .. } => parse_time_zone(time_zone).map(|_| ()),
        }
    }

    /// The window as the text `parse_window` reads back ("28d", "month", "quarter"), for
    /// forms, lists and CSV.
    pub fn text(&self) -> String {
        match self {
            Window::Rolling { days } => format!("{days}d"),
            Window::Calendar {
                unit: CalendarUnit::Month,
                ..
            } => "month".to_owned(),
            Window::Calendar {
                unit: CalendarUnit::Quarter,
                ..
            } => "quarter".to_owned(),
        }
    }
}

impl BudgetingMethod {
    /// Checks the slice length and target, naming `slice_minutes` or `slice_target`.
    pub fn validate(&self) -> Result<()> {
        match self {
            BudgetingMethod::Occurrences => Ok(()),
            BudgetingMethod::Timeslices {
                slice_minutes,
                slice_target,
            } => {
                if *slice_minutes == 0 || *slice_minutes > MAX_SLICE_MINUTES {
                    return Err(Error::invalid(
                        "slice_minutes",
                        format!(
                            "A time slice is 1 to {MAX_SLICE_MINUTES} minutes long; \
                             {slice_minutes} is not (1 or 5 minutes are common)"
                        ),
                    ));
                }
                if !(slice_target.is_finite() && *slice_target > 0.0 && *slice_target <= 1.0) {
                    return Err(Error::invalid(
                        "slice_target",
                        format!(
                            "The slice target is the share of good events that makes a slice \
                             good, above 0 and at most 1 (e.g. 0.95); {slice_target} is not"
                        ),
                    ));
                }
                Ok(())
            }
        }
    }
}

/// Checks an SLO name is an RFC 1123 label (what OpenSLO requires of `metadata.name`), and
/// suggests one that is when it is not.
pub fn validate_name(name: &str) -> Result<()> {
    if is_label(name) {
        return Ok(());
    }
    let hint = match slug(name, NAME_MAX) {
        Some(s) if s != name => format!(" — e.g. '{s}'"),
        _ => " — e.g. 'checkout-latency'".to_owned(),
    };
    let problem = if name.trim().is_empty() {
        "A name is required".to_owned()
    } else if name.chars().count() > NAME_MAX {
        format!(
            "The name is {} characters long; at most {NAME_MAX} fit",
            name.chars().count()
        )
    } else {
        format!("'{name}' is not a valid name")
    };
    Err(Error::invalid(
        "name",
        format!(
            "{problem}. Use lowercase letters, digits and '-', starting and ending with a letter \
             or digit{hint}"
        ),
    ))
}

/// True for an RFC 1123 label: 1..=63 of `a-z0-9-`, starting and ending alphanumeric.
pub fn is_label(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= NAME_MAX
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
}

/// Turns free text into an RFC 1123 label of at most `max` characters ("Internal objective" →
/// "internal-objective"), or `None` when nothing usable is left. Used for name hints and for
/// naming the objectives of a multi-objective OpenSLO SLO.
pub fn slug(text: &str, max: usize) -> Option<String> {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out.truncate(max);
    let out = out.trim_end_matches('-').to_owned();
    (!out.is_empty()).then_some(out)
}

/// Checks the journey is written down: an SLO nobody can explain in user terms is not one.
pub fn validate_journey(journey: &str) -> Result<()> {
    if journey.trim().is_empty() {
        return Err(Error::invalid(
            "journey",
            "Describe the user journey this SLO protects, in words (e.g. 'Engineers get a green \
             or red CI result within 10 minutes of pushing')",
        ));
    }
    let n = journey.chars().count();
    if n > JOURNEY_MAX {
        return Err(Error::invalid(
            "journey",
            format!("The journey is {n} characters long; keep it to {JOURNEY_MAX}"),
        ));
    }
    Ok(())
}

/// Checks a target fraction is in (0, 1): 1 would leave no error budget, 0 promises nothing.
pub fn validate_target(target: f64) -> Result<()> {
    if target.is_finite() && target > 0.0 && target < 1.0 {
        Ok(())
    } else {
        Err(Error::invalid(
            "target",
            format!(
                "The target must be above 0% and below 100% (e.g. 99.9% or 0.999); {target} is \
                 not — 100% would leave no error budget at all"
            ),
        ))
    }
}

/// Reads a target as people type it: a fraction ("0.999") or a percent ("99.9%", or "99.9"
/// since anything above 1 can only be a percent). Returns the fraction, rounded to 12
/// significant digits so "99.9%" is exactly 0.999.
pub fn parse_target(text: &str) -> Result<f64> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Error::invalid(
            "target",
            "Enter a target, e.g. 99.9% or 0.999",
        ));
    }
    let (number, percent) = match t.strip_suffix('%') {
        Some(n) => (n.trim_end(), true),
        None => (t, false),
    };
    let value: f64 = number
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| {
            Error::invalid(
                "target",
                format!("'{t}' is not a number; enter a target such as 99.9% or 0.999"),
            )
        })?;
    let fraction = if percent || value > 1.0 {
        if !(value > 0.0 && value < 100.0) {
            return Err(Error::invalid(
                "target",
                format!(
                    "A percent target must be above 0% and below 100%; {t} is not — 100% would \
                     leave no error budget at all"
                ),
            ));
        }
        tidy(value / 100.0)
    } else {
        value
    };
    validate_target(fraction)?;
    Ok(fraction)
}

/// Reads a window as people type it: rolling "28d", "4w", "30 days", "672h" (whole days), or
/// calendar "month"/"1M" and "quarter"/"1Q" in the IANA time zone `tz`. `tz` is only read
/// (and checked) for calendar windows.
pub fn parse_window(text: &str, tz: &str) -> Result<Window> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let calendar = |unit| -> Result<Window> {
        parse_time_zone(tz)?;
        Ok(Window::Calendar {
            unit,
            time_zone: tz.trim().to_owned(),
        })
    };
    match lower.as_str() {
        "month" | "monthly" | "calendar month" => return calendar(CalendarUnit::Month),
        "quarter" | "quarterly" | "calendar quarter" => return calendar(CalendarUnit::Quarter),
        _ => {}
    }
    // OpenSLO shorthand is case-sensitive: 1M is a month, 1m a minute.
    match t {
        "1M" => return calendar(CalendarUnit::Month),
        "1Q" => return calendar(CalendarUnit::Quarter),
        _ => {}
    }
    let bad = || {
        Error::invalid(
            "window",
            format!(
                "'{t}' is not a window Rapport understands; use days or weeks (e.g. 28d, 30d, \
                 4w) for a rolling window, or 'month' or 'quarter' for a calendar one"
            ),
        )
    };
    let digits_end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    if digits_end == 0 {
        return Err(bad());
    }
    let n: u64 = t[..digits_end].parse().map_err(|_| bad())?;
    let unit = t[digits_end..].trim().to_ascii_lowercase();
    let days = match unit.as_str() {
        "d" | "day" | "days" => n,
        "w" | "wk" | "week" | "weeks" => n.saturating_mul(7),
        "h" | "hour" | "hours" => {
            if !n.is_multiple_of(24) {
                return Err(Error::invalid(
                    "window",
                    format!("Rolling windows are whole days; {t} is not (24h is 1d)"),
                ));
            }
            n / 24
        }
        _ => return Err(bad()),
    };
    let window = Window::Rolling {
        days: u32::try_from(days).unwrap_or(u32::MAX),
    };
    window.validate()?;
    Ok(window)
}

/// Checks and resolves an IANA time zone name ("America/New_York"), naming `time_zone`.
pub fn parse_time_zone(tz: &str) -> Result<Tz> {
    let t = tz.trim();
    if t.is_empty() {
        return Err(Error::invalid(
            "time_zone",
            "A calendar window needs a time zone, e.g. Europe/Berlin or America/New_York",
        ));
    }
    t.parse::<Tz>().map_err(|_| {
        Error::invalid(
            "time_zone",
            format!(
                "'{t}' is not an IANA time zone; use a name such as Europe/Berlin, \
                 America/New_York or UTC"
            ),
        )
    })
}

/// Rounds to 12 significant digits: far below anything a count of events or minutes can
/// show, and enough to turn `1 − 0.999` (0.0010000000000000009) back into 0.001, so budgets
/// and figures compare exactly.
pub(crate) fn tidy(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return if x == 0.0 { 0.0 } else { x };
    }
    let r: f64 = format!("{x:.11e}").parse().unwrap_or(x);
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(e: Error) -> String {
        e.field().unwrap_or("").to_owned()
    }

    fn spec() -> SloSpec {
        SloSpec {
            name: "checkout-availability".into(),
            journey: "Engineers can deploy from CI".into(),
            target: 0.999,
            window: Window::Rolling { days: 30 },
            method: BudgetingMethod::Occurrences,
        }
    }

    #[test]
    fn names_are_rfc1123_labels() {
        for ok in ["a", "ci", "checkout-latency", "9lives", &"a".repeat(63)] {
            assert!(validate_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "Checkout",
            "ci_latency",
            "ci latency",
            &"a".repeat(64),
        ] {
            let e = validate_name(bad).unwrap_err();
            assert_eq!(field(e), "name", "{bad}");
        }
        let e = validate_name("Checkout Latency").unwrap_err();
        assert!(e.to_string().contains("'checkout-latency'"), "{e}");
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Internal objective", 63).as_deref(),
            Some("internal-objective")
        );
        assert_eq!(slug("  SLA!! ", 63).as_deref(), Some("sla"));
        assert_eq!(slug("p99 < 300ms", 63).as_deref(), Some("p99-300ms"));
        assert_eq!(slug("abc-def", 4).as_deref(), Some("abc"));
        assert_eq!(slug("!!!", 63), None);
    }

    #[test]
    fn targets_as_fraction_or_percent() {
        assert_eq!(parse_target("0.999").unwrap(), 0.999);
        assert_eq!(parse_target("99.9%").unwrap(), 0.999);
        assert_eq!(parse_target(" 99.9 % ").unwrap(), 0.999);
        assert_eq!(parse_target("99.9").unwrap(), 0.999);
        assert_eq!(parse_target("99.95").unwrap(), 0.9995);
        assert_eq!(parse_target("99").unwrap(), 0.99);
        assert_eq!(parse_target("0.5%").unwrap(), 0.005);
        assert_eq!(parse_target("0.5").unwrap(), 0.5);
        for bad in [
            "", "abc", "1", "100", "100%", "0", "0%", "-5", "150", "NaN", "inf",
        ] {
            assert_eq!(field(parse_target(bad).unwrap_err()), "target", "{bad}");
        }
    }

    #[test]
    fn windows_from_text() {
        assert_eq!(
            parse_window("28d", "").unwrap(),
            Window::Rolling { days: 28 }
        );
        assert_eq!(
            parse_window("4w", "").unwrap(),
            Window::Rolling { days: 28 }
        );
        assert_eq!(
            parse_window("30 days", "").unwrap(),
            Window::Rolling { days: 30 }
        );
        assert_eq!(
            parse_window("72h", "").unwrap(),
            Window::Rolling { days: 3 }
        );
        assert_eq!(
            parse_window("month", "America/New_York").unwrap(),
            Window::Calendar {
                unit: CalendarUnit::Month,
                time_zone: "America/New_York".into()
            }
        );
        assert_eq!(
            parse_window("1Q", "UTC").unwrap(),
            Window::Calendar {
                unit: CalendarUnit::Quarter,
                time_zone: "UTC".into()
            }
        );
        for bad in ["", "d", "0d", "401d", "60w", "13h", "1y", "fortnight", "1m"] {
            assert_eq!(
                field(parse_window(bad, "UTC").unwrap_err()),
                "window",
                "{bad}"
            );
        }
        assert_eq!(
            field(parse_window("month", "Mars/Olympus").unwrap_err()),
            "time_zone"
        );
        assert_eq!(
            field(parse_window("quarter", " ").unwrap_err()),
            "time_zone"
        );
        assert_eq!(parse_window("400d", "").unwrap().text(), "400d");
        assert_eq!(parse_window("month", "UTC").unwrap().text(), "month");
    }

    #[test]
    fn spec_validation_names_the_field() {
        assert!(spec().validate().is_ok());
        let mut s = spec();
        s.journey = "  ".into();
        assert_eq!(field(s.validate().unwrap_err()), "journey");
        let mut s = spec();
        s.target = 1.0;
        assert_eq!(field(s.validate().unwrap_err()), "target");
        let mut s = spec();
        s.window = Window::Rolling { days: 0 };
        assert_eq!(field(s.validate().unwrap_err()), "window");
        let mut s = spec();
        s.window = Window::Calendar {
            unit: CalendarUnit::Month,
            time_zone: "Europe/Nowhere".into(),
        };
        assert_eq!(field(s.validate().unwrap_err()), "time_zone");
        let mut s = spec();
        s.method = BudgetingMethod::Timeslices {
            slice_minutes: 1441,
            slice_target: 0.95,
        };
        assert_eq!(field(s.validate().unwrap_err()), "slice_minutes");
        for bad in [0.0, -0.1, 1.01, f64::NAN] {
            s.method = BudgetingMethod::Timeslices {
                slice_minutes: 5,
                slice_target: bad,
            };
            assert_eq!(field(s.validate().unwrap_err()), "slice_target");
        }
        s.method = BudgetingMethod::Timeslices {
            slice_minutes: 1440,
            slice_target: 1.0,
        };
        assert!(s.validate().is_ok());
    }

    #[test]
    fn budget_is_exact() {
        assert_eq!(spec().budget(), 0.001);
        let mut s = spec();
        s.target = 0.99;
        assert_eq!(s.budget(), 0.01);
    }

    #[test]
    fn serde_shape_is_ts_friendly() {
        let mut s = spec();
        s.method = BudgetingMethod::Timeslices {
            slice_minutes: 5,
            slice_target: 0.95,
        };
        s.window = Window::Calendar {
            unit: CalendarUnit::Quarter,
            time_zone: "UTC".into(),
        };
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "name": "checkout-availability",
                "journey": "Engineers can deploy from CI",
                "target": 0.999,
                "window": {"kind": "calendar", "unit": "quarter", "time_zone": "UTC"},
                "method": {"kind": "timeslices", "slice_minutes": 5, "slice_target": 0.95}
            })
        );
        let back: SloSpec = serde_json::from_value(json).unwrap();
        assert_eq!(back, s);
        let decl = SloSpec::decl(&ts_rs::Config::default());
        assert!(decl.contains("window: SloWindow"), "{decl}");
        let w = Window::decl(&ts_rs::Config::default());
        assert!(w.contains("\"kind\": \"rolling\""), "{w}");
    }
}
