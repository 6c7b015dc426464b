//! Reliability as a product: services and the SLOs that say what their users experience,
//! error budgets computed from readings a team enters by hand (nothing is fetched from a
//! metrics system), a budget policy whose decisions move the roadmap, blameless postmortems
//! whose action items are tracked to done, and the toil log.
//!
//! The arithmetic is pure and lives in [`slos`]; the rest of this module is the store around
//! it, each file owning its tables:
//! - [`services`]: services, their budget policy, the append-only decision log and the roadmap
//!   rows the policy flags;
//! - [`objectives`]: SLOs, their evidence and readings, and where each stands now;
//! - [`postmortems`] and [`actions`]: postmortems with their timeline, action items, the
//!   quarterly closure rate and the link to roadmap deliverables;
//! - [`toil`]: the toil log and each team's weekly share against the 50% cap;
//! - [`openslo_io`]: OpenSLO import into and export from the workspace;
//! - [`report`]: the monthly reliability report and a postmortem as a document.

pub mod actions;
pub mod objectives;
pub mod openslo_io;
pub mod postmortems;
pub mod report;
pub mod services;
pub mod slos;
pub mod toil;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// A person as the reliability screens name them (an owner, an approver).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// An instant as stored: RFC 3339 UTC to the second, so text order is time order.
pub(crate) fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// An instant typed or sent as RFC 3339 (any offset); a validation error on `field`.
pub(crate) fn instant(field: &str, label: &str, value: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(value.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            Error::invalid(
                field,
                format!("{label} must be a date and time like 2026-11-23T14:00:00Z"),
            )
        })
}

/// A stored instant read back (always valid: it was written by [`stamp`]).
pub(crate) fn stored(value: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(value)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

/// An active person for `field`, as [`Named`].
pub(crate) fn active_person(db: &crate::db::Db, id: &str, field: &str) -> Result<Named> {
    let p = crate::people::get_active(
        db,
        id,
        field,
        "That person is not in People; pick someone from the list",
    )?;
    Ok(Named {
        id: p.id,
        name: p.name,
    })
}

/// A share typed as a fraction ("0.95") or a percent ("95%", or "95" since above 1 it can
/// only be a percent), in `(0, 1]` when `one_ok`, else `(0, 1)`.
pub(crate) fn parse_share(field: &str, label: &str, text: &str, one_ok: bool) -> Result<f64> {
    let t = text.trim();
    let bad = || {
        Error::invalid(
            field,
            format!(
                "{label} must be a share above 0 and {} 100%, like 95% or 0.95; “{t}” is not",
                if one_ok { "at most" } else { "below" }
            ),
        )
    };
    let (n, percent) = match t.strip_suffix('%') {
        Some(n) => (n.trim_end(), true),
        None => (t, false),
    };
    let v: f64 = n
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(bad)?;
    let v = if percent || v > 1.0 {
        slos::spec::tidy(v / 100.0)
    } else {
        v
    };
    if v > 0.0 && (v < 1.0 || (one_ok && v == 1.0)) {
        Ok(v)
    } else {
        Err(bad())
    }
}

/// "99.9%": a fraction as people read it (up to 6 significant decimals, no trailing zeros).
pub fn percent(fraction: f64) -> String {
    let p = slos::spec::tidy(fraction * 100.0);
    let s = format!("{p:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_percents() {
        assert_eq!(parse_share("s", "S", "95%", false).unwrap(), 0.95);
        assert_eq!(parse_share("s", "S", "0.95", false).unwrap(), 0.95);
        assert_eq!(parse_share("s", "S", "100%", true).unwrap(), 1.0);
        assert!(parse_share("s", "S", "100%", false).is_err());
        assert!(parse_share("s", "S", "0", true).is_err());
        assert_eq!(percent(0.999), "99.9%");
        assert_eq!(percent(0.6), "60%");
        assert_eq!(percent(-0.25), "-25%");
        assert_eq!(percent(0.694444444444), "69.4444%");
    }
}
