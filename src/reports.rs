//! Every report the app can show, copy, save and print, named by what it is about. Each domain
//! builds its own [`Doc`]; this is only the index, so the UI and the CLI ask for a report the
//! same way and a new report is one variant here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::Zone;
use crate::db::Db;
use crate::error::Result;
use crate::markup::Doc;
use crate::roadmaps::report::StakeholderReport;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ReportRequest {
    /// One interview: who, when, every note and quote.
    Interview { id: String },
    /// Every finding with its backing and evidence.
    Findings,
    /// Every verbatim quote.
    Quotes,
    /// An interview guide, printable with room to write.
    Guide { id: String },
    /// A roadmap's bi-weekly status email or monthly summary.
    Stakeholder {
        roadmap_id: String,
        report: StakeholderReport,
    },
    /// The monthly reliability report: SLO attainment, budget left, incidents, action-item
    /// closure and toil share. `month` is `YYYY-MM`; the current month when absent.
    Reliability { month: Option<String> },
    /// One postmortem, to share.
    Postmortem { id: String },
}

impl ReportRequest {
    /// A file name for the saved report, without extension, dated in the user's zone.
    pub fn file_stem(&self, doc: &Doc, today: NaiveDate) -> String {
        let slug: String = doc
            .title
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|w| !w.is_empty())
            .take(8)
            .collect::<Vec<_>>()
            .join("-")
            .to_lowercase();
        format!("{slug}-{today}")
    }
}

/// The report asked for, as of `today` in `zone`.
pub fn build(db: &Db, req: &ReportRequest, zone: Zone, today: NaiveDate) -> Result<Doc> {
    match req {
        ReportRequest::Interview { id } => crate::interviews::report::interview(db, id, zone),
        ReportRequest::Findings => crate::findings::report::findings(db),
        ReportRequest::Quotes => crate::interviews::report::quotes(db, zone),
        ReportRequest::Guide { id } => Ok(crate::questions::guides::document(
            &crate::questions::guides::get(db, id)?,
        )),
        ReportRequest::Stakeholder { roadmap_id, report } => {
            crate::roadmaps::report::document(db, roadmap_id, *report, today)
        }
        ReportRequest::Reliability { month } => crate::reliability::report::monthly(
            db,
            month.as_deref(),
            zone,
            today,
            chrono::Utc::now(),
        ),
        ReportRequest::Postmortem { id } => {
            crate::reliability::report::postmortem(db, id, zone, today)
        }
    }
}
