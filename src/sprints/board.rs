//! The sprint board: cards in To do / Doing / Done, the scope limit, moves (by drag or by
//! keyboard, both end up here) and the burndown they produce.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{get, sprint_dates, Sprint};
use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::records;
use crate::trash::{self, TrashEntry, TrashKind};
use crate::validate;

pub const CARD_MAX: usize = 200;

crate::text_enum! {
    #[ts(export)]
    pub enum Lane {
        Todo = "todo",
        Doing = "doing",
        Done = "done",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Card {
    pub id: String,
    pub title: String,
    pub lane: Lane,
    /// When the card joined the scope, `YYYY-MM-DD`.
    pub added_on: String,
    /// When it reached Done; `null` while it is not done.
    pub done_on: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BurndownDay {
    pub day: String,
    /// Cards in scope by the end of the day.
    pub scope: i64,
    /// Cards not done by the end of the day; `null` for days still ahead.
    pub remaining: Option<i64>,
    /// The straight line from the first day's scope to zero on the last day.
    pub ideal: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Burndown {
    pub days: Vec<BurndownDay>,
}

pub(crate) fn cards(db: &Db, sprint_id: &str) -> Result<Vec<Card>> {
    let mut stmt = db.conn().prepare(
        "SELECT id, title, lane, added_on, done_on, version FROM sprint_cards WHERE sprint_id = ?1
         ORDER BY CASE lane WHEN 'todo' THEN 0 WHEN 'doing' THEN 1 ELSE 2 END, position, created_at",
    )?;
    let rows = stmt.query_map([sprint_id], |r| {
        Ok(Card {
            id: r.get(0)?,
            title: r.get(1)?,
            lane: r.get(2)?,
            added_on: r.get(3)?,
            done_on: r.get(4)?,
            version: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Remaining cards per working day. A card counts from the day it was added until the day it
/// reached Done, so scope added mid-sprint shows as a bump rather than vanishing.
pub fn burndown(cards: &[Card], days: &[NaiveDate], today: NaiveDate) -> Burndown {
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let in_scope = |c: &Card, d: NaiveDate| date(&c.added_on).is_none_or(|a| a <= d);
    let open_at = |c: &Card, d: NaiveDate| {
        in_scope(c, d) && c.done_on.as_deref().and_then(date).is_none_or(|x| x > d)
    };
    let first_scope = days.first().map_or(0, |d0| {
        cards.iter().filter(|c| in_scope(c, *d0)).count() as i64
    });
    let start = if first_scope == 0 {
        cards.len() as i64
    } else {
        first_scope
    };
    let steps = days.len().saturating_sub(1).max(1) as f64;
    Burndown {
        days: days
            .iter()
            .enumerate()
            .map(|(i, d)| BurndownDay {
                day: d.to_string(),
                scope: cards.iter().filter(|c| in_scope(c, *d)).count() as i64,
                remaining: (*d <= today)
                    .then(|| cards.iter().filter(|c| open_at(c, *d)).count() as i64),
                ideal: ((start as f64) * (1.0 - i as f64 / steps)).max(0.0),
            })
            .collect(),
    }
}

fn card_sprint(db: &Db, card_id: &str) -> Result<(String, Lane)> {
    db.conn()
        .query_row(
            "SELECT sprint_id, lane FROM sprint_cards WHERE id = ?1",
            [card_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("card", card_id))
}

/// Adds a card to To do. Past the sprint's card limit this needs `over_limit_ok`: the scope
/// limit is the sprint's defence against becoming a backlog.
pub fn add_card(
    db: &Db,
    sprint_id: &str,
    title: &str,
    over_limit_ok: bool,
    today: NaiveDate,
) -> Result<Sprint> {
    let title = validate::required_line("title", "Card", title, CARD_MAX)?;
    sprint_dates(db, sprint_id)?;
    let (count, limit): (i64, i64) = db.conn().query_row(
        "SELECT (SELECT count(*) FROM sprint_cards WHERE sprint_id = ?1), card_limit
         FROM sprints WHERE id = ?1",
        [sprint_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if count >= limit && !over_limit_ok {
        return Err(Error::NeedsAcknowledgement {
            field: "over_limit_ok".into(),
            message: format!(
                "This sprint's scope is {limit} cards and it has {count}: card {} goes over the \
                 limit. Add it anyway, or finish or drop a card first.",
                count + 1
            ),
        });
    }
    let now = clock::now();
    db.conn().execute(
        "INSERT INTO sprint_cards (id, sprint_id, title, lane, position, added_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, 'todo',
                 (SELECT coalesce(max(position), 0) + 1 FROM sprint_cards WHERE sprint_id = ?2 AND lane = 'todo'),
                 ?4, ?5, ?5)",
        params![clock::new_id(), sprint_id, title, today.to_string(), now],
    )?;
    get(db, sprint_id, today)
}

/// Renames a card, from the `version` the user started editing.
pub fn rename_card(
    db: &Db,
    card_id: &str,
    version: i64,
    title: &str,
    today: NaiveDate,
) -> Result<Sprint> {
    let title = validate::required_line("title", "Card", title, CARD_MAX)?;
    let (sprint, _) = card_sprint(db, card_id)?;
    let unit = db.unit()?;
    records::bump(db, "sprint_cards", card_id, version, || {
        Ok(cards(db, &sprint)?.into_iter().find(|c| c.id == card_id))
    })?;
    db.conn().execute(
        "UPDATE sprint_cards SET title = ?2 WHERE id = ?1",
        params![card_id, title],
    )?;
    unit.commit()?;
    get(db, &sprint, today)
}

/// Moves the card to the trash.
pub fn delete_card(db: &Db, card_id: &str) -> Result<TrashEntry> {
    let title: String = db
        .conn()
        .query_row(
            "SELECT title FROM sprint_cards WHERE id = ?1",
            [card_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("card", card_id))?;
    trash::delete(db, TrashKind::Card, card_id, &title)
}

/// Puts a card at `index` (0-based, clamped) in `lane`. Reaching Done stamps `done_on` with
/// `today`; leaving Done clears it, so the burndown never counts a reopened card as done.
pub fn move_card(
    db: &Db,
    card_id: &str,
    lane: Lane,
    index: i64,
    today: NaiveDate,
) -> Result<Sprint> {
    let (sprint, from) = card_sprint(db, card_id)?;
    let mut order: Vec<String> = cards(db, &sprint)?
        .into_iter()
        .filter(|c| c.lane == lane && c.id != card_id)
        .map(|c| c.id)
        .collect();
    let at = index.clamp(0, order.len() as i64) as usize;
    order.insert(at, card_id.to_owned());
    let unit = db.unit()?;
    let tx = db.conn();
    if from != lane {
        tx.execute(
            "UPDATE sprint_cards SET lane = ?2, done_on = CASE WHEN ?2 = 'done' THEN ?3 END,
                    updated_at = ?4 WHERE id = ?1",
            params![card_id, lane.as_str(), today.to_string(), clock::now()],
        )?;
    }
    for (i, id) in order.iter().enumerate() {
        tx.execute(
            "UPDATE sprint_cards SET position = ?2 WHERE id = ?1",
            params![id, i as i64 + 1],
        )?;
    }
    unit.commit()?;
    get(db, &sprint, today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn card(added: &str, done: Option<&str>) -> Card {
        Card {
            id: added.into(),
            title: "c".into(),
            lane: if done.is_some() {
                Lane::Done
            } else {
                Lane::Todo
            },
            added_on: added.into(),
            done_on: done.map(Into::into),
            version: 1,
        }
    }

    #[test]
    fn burndown_counts_done_cards_down_and_added_scope_up() {
        let days = super::super::working_days(d("2026-11-23"), d("2026-11-27"));
        let cards = [
            card("2026-11-23", Some("2026-11-24")),
            card("2026-11-23", Some("2026-11-25")),
            card("2026-11-23", None),
            card("2026-11-23", None),
            card("2026-11-25", None),
        ];
        let b = burndown(&cards, &days, d("2026-11-25"));
        let remaining: Vec<_> = b.days.iter().map(|x| x.remaining).collect();
        assert_eq!(remaining, [Some(4), Some(3), Some(3), None, None]);
        let scope: Vec<_> = b.days.iter().map(|x| x.scope).collect();
        assert_eq!(scope, [4, 4, 5, 5, 5]);
        let ideal: Vec<_> = b.days.iter().map(|x| x.ideal).collect();
        assert_eq!(ideal, [4.0, 3.0, 2.0, 1.0, 0.0]);
    }
}
