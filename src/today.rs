//! The Today dashboard: what needs the user today, each item pointing at its own screen.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock;
use crate::db::Db;
use crate::error::Result;
use crate::followups::{self, FollowUp};
use crate::interviews::{self, InterviewSummary};
use crate::roadmaps::meeting;
use crate::roadmaps::Cadence;
use crate::sprints::{self, SprintDay};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeetingDue {
    pub roadmap_id: String,
    pub title: String,
    /// When the update meeting fell due by the roadmap's cadence.
    pub due_on: String,
    pub days_overdue: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoadmapLeft {
    pub roadmap_id: String,
    pub title: String,
    pub ends_on: String,
    /// Days from today to the last day of the interval (0 on the last day).
    pub days_left: i64,
    pub next_meeting: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SprintToday {
    pub sprint_id: String,
    pub focus: String,
    pub day: SprintDay,
    pub cards_done: i64,
    pub cards_total: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Today {
    pub date: String,
    /// Interviews scheduled today (local time), earliest first.
    pub interviews: Vec<InterviewSummary>,
    /// Open follow-ups due today or overdue, most overdue first.
    pub followups: Vec<FollowUp>,
    pub meetings: Vec<MeetingDue>,
    pub sprint: Option<SprintToday>,
    /// Roadmaps whose interval includes today.
    pub roadmaps: Vec<RoadmapLeft>,
    /// Open postmortem action items past their due date, most overdue first.
    pub action_items_overdue: Vec<crate::reliability::actions::ActionItem>,
}

/// What needs the user on `today` (in `zone`), in a fixed handful of queries.
pub fn dashboard(db: &Db, zone: clock::Zone, today: NaiveDate) -> Result<Today> {
    // Stored times are UTC; a local day lies within a day either side of the same UTC date.
    let interviews = interviews::between(
        db,
        &(today - Duration::days(1)).to_string(),
        &(today + Duration::days(2)).to_string(),
    )?
    .into_iter()
    .filter(|i| zone.day(&i.scheduled_at) == Some(today))
    .collect();

    let mut meetings = Vec::new();
    let mut left = Vec::new();
    let running: Vec<(String, String, String, String, Cadence, Option<String>)> = db
        .conn()
        .prepare_cached(
            "SELECT r.id, r.title, r.starts_on, r.ends_on, r.cadence,
                    (SELECT max(u.meeting_on) FROM row_updates u JOIN roadmap_rows w ON w.id = u.row_id
                      WHERE w.roadmap_id = r.id)
             FROM roadmaps r WHERE r.starts_on <= ?1 AND r.ends_on >= ?1",
        )?
        .query_map([today.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (id, title, starts_on, ends_on, cadence, last) in running {
        let start = clock::parse_date("starts_on", "Start", &starts_on)?;
        let end = clock::parse_date("ends_on", "End", &ends_on)?;
        let next = meeting::next_after(start, end, cadence, last.as_deref());
        if let Some(due) = next.filter(|d| *d <= today) {
            meetings.push(MeetingDue {
                roadmap_id: id.clone(),
                title: title.clone(),
                due_on: due.to_string(),
                days_overdue: (today - due).num_days(),
            });
        }
        left.push(RoadmapLeft {
            roadmap_id: id,
            title,
            ends_on,
            days_left: (end - today).num_days(),
            next_meeting: next.map(|d| d.to_string()),
        });
    }
    meetings.sort_by_key(|m| std::cmp::Reverse(m.days_overdue));
    left.sort_by_key(|r| r.days_left);

    let sprint = sprints::current(db, today)?.and_then(|s| {
        Some(SprintToday {
            day: s.today?,
            cards_done: s
                .cards
                .iter()
                .filter(|c| c.lane == sprints::Lane::Done)
                .count() as i64,
            cards_total: s.cards.len() as i64,
            sprint_id: s.id,
            focus: s.focus,
        })
    });

    let mut followups = followups::due(db, today)?;
    followups.sort_by_key(|f| std::cmp::Reverse(f.days_overdue));
    Ok(Today {
        date: today.to_string(),
        interviews,
        followups,
        meetings,
        sprint,
        roadmaps: left,
        action_items_overdue: crate::reliability::actions::overdue(db, today)?,
    })
}
