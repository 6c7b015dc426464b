//! Stakeholder reports generated from the roadmap's data (never the raw table): a bi-weekly
//! status email and a monthly summary, as plain text, Markdown or HTML.

use chrono::{Duration, NaiveDate};

use super::meeting::{history, UpdateStatus};
use super::{get, DeliverableStatus, RoadmapRow};
use crate::db::Db;
use crate::error::Result;
use crate::markup::{Doc, Item};

crate::text_enum! {
    #[ts(export)]
    pub enum StakeholderReport {
        /// Every two weeks: what changed, what is at risk, what is next.
        Biweekly = "biweekly",
        /// Once a month: progress over the month and against the interval.
        Monthly = "monthly",
    }
}

fn status_line(row: &RoadmapRow) -> String {
    match &row.latest {
        Some(u) if u.note.is_empty() => format!(
            "{}: {} (as of {})",
            row.project,
            u.status.label(),
            u.meeting_on
        ),
        Some(u) => format!(
            "{}: {} (as of {}) — {}",
            row.project,
            u.status.label(),
            u.meeting_on,
            u.note
        ),
        None => format!("{}: no update yet", row.project),
    }
}

fn in_window(d: &Option<String>, from: NaiveDate, to: NaiveDate) -> bool {
    d.as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .is_some_and(|d| d > from && d <= to)
}

/// The report `kind` for a roadmap as of `today`: built from the data, never the raw table.
pub fn document(
    db: &Db,
    roadmap_id: &str,
    kind: StakeholderReport,
    today: NaiveDate,
) -> Result<Doc> {
    let r = &get(db, roadmap_id)?;
    let days = match kind {
        StakeholderReport::Biweekly => 14,
        StakeholderReport::Monthly => 30,
    };
    let since = today - Duration::days(days);
    let all: Vec<_> = r
        .rows
        .iter()
        .flat_map(|w| w.deliverables.iter().map(move |d| (w, d)))
        .collect();
    let done_total = all
        .iter()
        .filter(|(_, d)| d.status == DeliverableStatus::Done)
        .count();
    let intro = format!(
        "{} ({} – {}). {} of {} deliverables done; {} days left.",
        r.title,
        r.starts_on,
        r.ends_on,
        done_total,
        all.len(),
        (NaiveDate::parse_from_str(&r.ends_on, "%Y-%m-%d").unwrap_or(today) - today)
            .num_days()
            .max(0)
    );
    let mut sections = Vec::new();
    let attention: Vec<String> = r
        .rows
        .iter()
        .filter(|w| {
            w.latest
                .as_ref()
                .is_some_and(|u| matches!(u.status, UpdateStatus::AtRisk | UpdateStatus::Blocked))
        })
        .map(status_line)
        .collect();
    if !attention.is_empty() {
        sections.push(("Needs attention".to_owned(), attention));
    }
    let done: Vec<String> = all
        .iter()
        .filter(|(_, d)| d.status == DeliverableStatus::Done && in_window(&d.done_on, since, today))
        .map(|(w, d)| {
            format!(
                "{} — {} ({})",
                d.title,
                w.project,
                d.done_on.as_deref().unwrap_or("")
            )
        })
        .collect();
    sections.push((
        format!("Done in the last {days} days"),
        if done.is_empty() {
            vec!["Nothing shipped in this period.".into()]
        } else {
            done
        },
    ));
    match kind {
        StakeholderReport::Biweekly => {
            let next: Vec<String> = all
                .iter()
                .filter(|(_, d)| {
                    !matches!(
                        d.status,
                        DeliverableStatus::Done | DeliverableStatus::Dropped
                    )
                })
                .filter(|(_, d)| {
                    in_window(
                        &d.due_on,
                        today - Duration::days(1),
                        today + Duration::days(14),
                    )
                })
                .map(|(w, d)| {
                    let owner = if d.owner.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", d.owner)
                    };
                    format!(
                        "{} — {} (due {}{owner})",
                        d.title,
                        w.project,
                        d.due_on.as_deref().unwrap_or("")
                    )
                })
                .collect();
            sections.push((
                "Due in the next two weeks".to_owned(),
                if next.is_empty() {
                    vec!["Nothing due.".into()]
                } else {
                    next
                },
            ));
            sections.push((
                "Where each project stands".to_owned(),
                r.rows.iter().map(status_line).collect(),
            ));
        }
        StakeholderReport::Monthly => {
            let mut goals = Vec::new();
            for w in &r.rows {
                let n = w.deliverables.len();
                let d = w
                    .deliverables
                    .iter()
                    .filter(|d| d.status == DeliverableStatus::Done)
                    .count();
                let changes = history(db, &w.id)?
                    .iter()
                    .filter(|u| in_window(&Some(u.meeting_on.clone()), since, today))
                    .count();
                goals.push(format!(
                    "{} — {} Why: {} Progress: {d}/{n} deliverables; {changes} status update{} this month; now {}.",
                    w.project,
                    w.goal_what,
                    w.goal_why,
                    if changes == 1 { "" } else { "s" },
                    w.latest.as_ref().map(|u| u.status.label()).unwrap_or("not yet reported")
                ));
            }
            sections.push(("Goals and progress".to_owned(), goals));
        }
    }
    let title = match kind {
        StakeholderReport::Biweekly => format!("Status update: {} — {today}", r.title),
        StakeholderReport::Monthly => {
            format!("Monthly summary: {} — {}", r.title, today.format("%B %Y"))
        }
    };
    let mut doc = Doc::new(title);
    doc.para(intro);
    for (heading, lines) in sections {
        doc.heading(2, heading).list(
            lines
                .into_iter()
                .map(|text| Item {
                    text,
                    ..Item::default()
                })
                .collect(),
        );
    }
    Ok(doc)
}
