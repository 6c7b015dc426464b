//! Reliability as documents: the monthly report (SLO attainment, budget left, incidents,
//! action-item closure, toil share) and a postmortem to share.

use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveTime, Utc};

use super::actions::ItemStatus;
use super::objectives::{self, number};
use super::postmortems::{self, Postmortem};
use super::slos::{self, budget};
use super::{percent, toil};
use crate::clock::Zone;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::markup::{Doc, Item};

/// The first day of the month `month` names (`YYYY-MM`), or of `today`'s month.
pub fn month_start(month: Option<&str>, today: NaiveDate) -> Result<NaiveDate> {
    match month.map(str::trim).filter(|m| !m.is_empty()) {
        None => Ok(today.with_day(1).unwrap_or(today)),
        Some(m) => NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d")
            .map_err(|_| Error::invalid("month", format!("“{m}” is not a month like 2026-11"))),
    }
}

fn minutes_label(m: i64) -> String {
    if m >= 120 {
        format!("{} h {} min", m / 60, m % 60)
    } else {
        format!("{m} min")
    }
}

/// The monthly reliability report for `month` (`YYYY-MM`; `today`'s month when absent), as of
/// `now`. Months are the user's (`zone`).
pub fn monthly(
    db: &Db,
    month: Option<&str>,
    zone: Zone,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Doc> {
    let first = month_start(month, today)?;
    let next = first + Months::new(1);
    let from = zone.at(first, NaiveTime::MIN);
    let to = zone.at(next, NaiveTime::MIN);
    let until = to.min(now);
    let mut doc = Doc::new(format!("Reliability report — {}", first.format("%B %Y")));
    doc.meta(format!(
        "{} to {} ({}); figures as of {}.",
        first,
        next.pred_opt().unwrap_or(first),
        zone.name(),
        zone.format(&super::stamp(now))
    ));

    // SLOs.
    doc.heading(2, "SLO attainment and error budget");
    let steps = objectives::steps_by_service(db)?;
    let default = slos::default_steps();
    let mut rows = Vec::new();
    let mut missed = Vec::new();
    for l in objectives::loaded(db, None)? {
        let readings = objectives::readings(db, &l.id, Some(from.min(until)))?;
        let month = budget::tally(&l.spec.method, &readings, from, until);
        let attained = month.error_ratio(&l.spec.method).map(|r| 1.0 - r);
        let st = objectives::standing(db, &l, steps.get(&l.service_id).unwrap_or(&default), until)?;
        if attained.is_some_and(|a| a < l.spec.target) {
            missed.push(l.name.clone());
        }
        rows.push(vec![
            l.name.clone(),
            l.service_name.clone(),
            percent(l.spec.target),
            attained.map_or("no readings".into(), percent),
            percent(st.status.remaining.max(-9.99)),
            st.state.label().to_owned(),
            st.alerts
                .iter()
                .filter(|a| a.fires)
                .map(|a| a.name.clone())
                .collect::<Vec<_>>()
                .join(", "),
        ]);
    }
    if rows.is_empty() {
        doc.push(crate::markup::Block::Empty {
            text: "No SLOs yet.".into(),
        });
    } else {
        doc.para(if missed.is_empty() {
            "Every SLO with readings met its target this month.".to_owned()
        } else {
            format!(
                "{} of {} SLOs missed their target this month: {}.",
                missed.len(),
                rows.len(),
                missed.join(", ")
            )
        });
        doc.push(crate::markup::Block::Table {
            head: [
                "SLO",
                "Service",
                "Target",
                "Attained this month",
                "Budget left",
                "Policy state",
                "Alerts that would fire",
            ]
            .map(str::to_owned)
            .to_vec(),
            rows,
        });
    }

    // Incidents.
    doc.heading(2, "Incidents");
    let incidents = postmortems::between(db, from, to, today)?;
    if incidents.is_empty() {
        doc.push(crate::markup::Block::Empty {
            text: "No incidents this month.".into(),
        });
    } else {
        doc.push(crate::markup::Block::Table {
            head: [
                "Incident",
                "Severity",
                "Duration",
                "Budget used",
                "Postmortem",
                "Open items",
            ]
            .map(str::to_owned)
            .to_vec(),
            rows: incidents
                .iter()
                .map(|p| {
                    vec![
                        p.title.clone(),
                        p.severity.label().to_owned(),
                        p.duration_minutes.map_or("ongoing".into(), minutes_label),
                        p.budget_consumed.map_or("—".into(), percent),
                        p.status.as_str().to_owned(),
                        p.open_items.to_string(),
                    ]
                })
                .collect(),
        });
    }

    // Action items.
    doc.heading(2, "Action items");
    let items: Vec<(String, ItemStatus, Option<String>)> = db
        .conn()
        .prepare_cached(
            "SELECT due_on, status, closed_on FROM action_items WHERE due_on >= ?1 AND due_on < ?2",
        )?
        .query_map(params(first, next), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let due = items.len();
    let closed = items.iter().filter(|i| i.1 != ItemStatus::Open).count();
    let on_time = items
        .iter()
        .filter(|i| i.1 != ItemStatus::Open && i.2.as_ref().is_some_and(|c| *c <= i.0))
        .count();
    let overdue = super::actions::overdue(db, today)?;
    doc.facts(vec![
        ("Due this month".into(), due.to_string()),
        (
            "Closed".into(),
            if due == 0 {
                "—".into()
            } else {
                format!("{closed} ({})", percent(closed as f64 / due as f64))
            },
        ),
        ("Closed on time".into(), on_time.to_string()),
        ("Overdue now".into(), overdue.len().to_string()),
    ]);
    doc.list_or(
        overdue
            .iter()
            .map(|a| Item {
                text: format!("{} ({}, {})", a.title, a.priority.as_str(), a.owner.name),
                note: Some(format!("due {}, {} days overdue", a.due_on, a.days_overdue)),
                ..Item::default()
            })
            .collect(),
        "Nothing overdue.",
    );

    // Toil.
    doc.heading(2, "Toil");
    let weeks = toil::weekly(db, 6, next.pred_opt().unwrap_or(first).min(today))?;
    let mut teams: Vec<String> = weeks.iter().map(|w| w.team.clone()).collect();
    teams.dedup();
    let mut toil_rows = Vec::new();
    for team in &teams {
        let in_month: Vec<_> = weeks
            .iter()
            .filter(|w| {
                &w.team == team
                    && NaiveDate::parse_from_str(&w.week_start, "%Y-%m-%d")
                        .is_ok_and(|d| d >= toil::monday_of(first) && d < next)
            })
            .collect();
        let shares: Vec<f64> = in_month.iter().filter_map(|w| w.share).collect();
        let over = in_month.iter().filter(|w| w.over_cap).count();
        toil_rows.push(vec![
            team.clone(),
            number(in_month.iter().map(|w| w.toil_minutes).sum::<f64>() / 60.0),
            if shares.is_empty() {
                "team size unknown".into()
            } else {
                percent(shares.iter().sum::<f64>() / shares.len() as f64)
            },
            over.to_string(),
        ]);
    }
    if toil_rows.is_empty() {
        doc.push(crate::markup::Block::Empty {
            text: "No toil logged.".into(),
        });
    } else {
        doc.push(crate::markup::Block::Table {
            head: [
                "Team",
                "Toil hours",
                "Average weekly share",
                "Weeks over the 50% cap",
            ]
            .map(str::to_owned)
            .to_vec(),
            rows: toil_rows,
        });
    }
    Ok(doc)
}

fn params(a: NaiveDate, b: NaiveDate) -> [String; 2] {
    [a.to_string(), b.to_string()]
}

/// A postmortem as a document to share: facts, the template's sections, the timeline (local
/// times) and the action items.
pub fn postmortem(db: &Db, id: &str, zone: Zone, today: NaiveDate) -> Result<Doc> {
    let p: Postmortem = postmortems::get(db, id, today)?;
    let mut doc = Doc::new(format!("Postmortem: {}", p.title));
    doc.meta(
        "Blameless: this document is about what in the system made the incident possible, not who.",
    );
    let mut facts = vec![
        ("Severity".to_owned(), p.severity.label().to_owned()),
        ("Status".to_owned(), p.status.as_str().to_owned()),
        ("Started".to_owned(), zone.format(&p.started_at)),
    ];
    if let Some(e) = &p.ended_at {
        facts.push(("Ended".into(), zone.format(e)));
    }
    if let Some(m) = p.duration_minutes {
        facts.push(("Duration".into(), minutes_label(m)));
    }
    if let Some(s) = &p.service {
        facts.push(("Service".into(), s.name.clone()));
    }
    if let Some(s) = &p.slo {
        facts.push(("SLO".into(), s.name.clone()));
    }
    if let Some(b) = p.budget_consumed {
        facts.push((
            "Error budget used".into(),
            format!(
                "{}{}",
                percent(b),
                if p.budget_from_readings {
                    " (from the readings)"
                } else {
                    ""
                }
            ),
        ));
    }
    doc.facts(facts);
    for (title, text) in [
        ("Summary", &p.summary),
        ("Impact", &p.impact_users),
        ("Contributing factors", &p.contributing_factors),
        ("What went well", &p.went_well),
        ("What went wrong", &p.went_wrong),
        ("Where we got lucky", &p.got_lucky),
        ("Lessons", &p.lessons),
    ] {
        doc.heading(2, title);
        if text.trim().is_empty() {
            doc.push(crate::markup::Block::Empty {
                text: "Not written yet.".into(),
            });
        } else {
            doc.para(text.clone());
        }
    }
    doc.heading(2, "Timeline");
    doc.list_or(
        p.timeline
            .iter()
            .map(|e| Item {
                text: e.text.clone(),
                at: Some(zone.format(&e.at)),
                ..Item::default()
            })
            .collect(),
        "No timeline entries.",
    );
    doc.heading(2, "Action items");
    if p.items.is_empty() {
        doc.push(crate::markup::Block::Empty {
            text: "No action items.".into(),
        });
    } else {
        doc.push(crate::markup::Block::Table {
            head: ["Item", "Type", "Priority", "Owner", "Due", "Status"]
                .map(str::to_owned)
                .to_vec(),
            rows: p
                .items
                .iter()
                .map(|a| {
                    vec![
                        a.title.clone(),
                        a.kind.as_str().to_owned(),
                        a.priority.as_str().to_owned(),
                        a.owner.name.clone(),
                        a.due_on.clone(),
                        match a.status {
                            ItemStatus::WontDo => format!("won't do: {}", a.reason),
                            s => s.as_str().to_owned(),
                        },
                    ]
                })
                .collect(),
        });
    }
    Ok(doc)
}
