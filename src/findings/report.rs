//! The findings report: every finding once, best supported first, with its tags, backing and
//! evidence.

use super::{all, Finding};
use crate::db::Db;
use crate::error::Result;
use crate::markup::{Doc, Item};

/// "3 interviewees (1 lead/manager, 2 IC/other)", or where a finding without interviews came from.
pub fn backing(f: &Finding) -> String {
    if !f.source.is_empty() && f.evidence.is_empty() {
        return format!("From the {}; no interview evidence yet", f.source);
    }
    format!(
        "{} interviewee{} ({} lead/manager, {} IC/other)",
        f.interviewee_count,
        if f.interviewee_count == 1 { "" } else { "s" },
        f.lead_count,
        f.ic_count,
    )
}

pub fn findings(db: &Db) -> Result<Doc> {
    let all = all(db)?;
    let mut doc = Doc::new("Findings");
    if all.is_empty() {
        doc.list_or(Vec::new(), "No findings yet.");
    }
    for f in &all {
        let tags = f
            .tags
            .iter()
            .map(|t| format!("#{t}"))
            .collect::<Vec<_>>()
            .join(" ");
        doc.heading(3, &f.title).meta(format!(
            "{} · {}{}",
            backing(f),
            f.status.as_str(),
            if tags.is_empty() {
                String::new()
            } else {
                format!(" · {tags}")
            }
        ));
        if !f.detail.is_empty() {
            doc.para(&f.detail);
        }
        if !f.recommendation.is_empty() {
            doc.facts(vec![(
                "Recommendation".to_owned(),
                f.recommendation.clone(),
            )]);
        }
        doc.list(
            f.evidence
                .iter()
                .map(|e| Item {
                    text: e.text.clone(),
                    quote: e.is_quote,
                    by: e.speaker.clone(),
                    note: Some(format!("({})", e.interview_title)),
                    ..Item::default()
                })
                .collect(),
        );
    }
    Ok(doc)
}
