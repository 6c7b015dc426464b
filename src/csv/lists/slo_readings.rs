//! `slo_readings`: the counts behind the error budgets, one line per period. Importable into
//! the SLO the user picks (`--slo NAME` with the CLI): `start,end,good,total` and, for
//! time-based SLOs, `bad_minutes`. A line whose period is already stored (same start and
//! end) is unchanged when its counts are the same and updates them when they differ, so
//! importing the same file twice changes nothing; a period that overlaps another one (in the
//! file or stored) is refused, since its events would count twice.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;

use super::{count, importable, rows, Change, Import, Spec};
use crate::csv::read::{field, Field, Mapping};
use crate::csv::ImportOptions;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::reliability::objectives::{self, ReadingInput};
use crate::reliability::slos::{BudgetingMethod, Reading};
use crate::reliability::stamp;

pub struct SloReadings;

impl Spec for SloReadings {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "start",
            "end",
            "good",
            "total",
            "bad_minutes",
            "slo",
            "slo_id",
            "id",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        count(db, "SELECT count(*) FROM slo_readings")
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        rows(
            db,
            "SELECT r.start_at, r.end_at, r.good, r.total, r.bad_minutes, s.name, s.id, r.id
             FROM slo_readings r JOIN slos s ON s.id = r.slo_id ORDER BY s.name, r.start_at",
            &[],
            out,
        )
    }

    importable!();
}

pub struct Ctx {
    slo_id: String,
    timeslices: bool,
}

pub struct Row {
    reading: Reading,
}

/// An instant in a cell: RFC 3339, or a bare date (midnight UTC).
fn instant(field: &str, label: &str, v: &str) -> Result<String> {
    let v = v.trim();
    if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        let t: DateTime<Utc> = d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
        return Ok(stamp(t));
    }
    crate::reliability::instant(field, label, v).map(stamp)
}

fn integer(field: &str, label: &str, v: &str) -> Result<i64> {
    let t = v.trim().replace(['_', ' '], "");
    t.parse::<i64>().map_err(|_| {
        Error::invalid(
            field,
            format!(
                "{label} must be a whole number of events; “{}” is not",
                v.trim()
            ),
        )
    })
}

impl Import for SloReadings {
    type Row = Row;
    type Ctx = Ctx;
    const FIELDS: &'static [Field] = &[
        field("start", true, &["start", "start_at", "from"]),
        field("end", true, &["end", "end_at", "to"]),
        field("good", true, &["good", "good_events"]),
        field("total", true, &["total", "total_events", "valid"]),
        field("bad_minutes", false, &["bad_minutes", "bad minutes"]),
    ];

    fn context(db: &Db, opts: &ImportOptions) -> Result<Ctx> {
        let slo_id = opts
            .slo_id
            .clone()
            .ok_or_else(|| Error::invalid("slo", "Choose the SLO these readings belong to"))?;
        let slo = objectives::get(db, &slo_id)?;
        Ok(Ctx {
            timeslices: matches!(slo.spec.method, BudgetingMethod::Timeslices { .. }),
            slo_id,
        })
    }

    fn parse(get: &dyn Fn(&str) -> String, _map: &Mapping, ctx: &Ctx) -> Result<Row> {
        let bad = get("bad_minutes");
        let bad_minutes = if bad.trim().is_empty() {
            None
        } else if !ctx.timeslices {
            return Err(Error::invalid(
                "bad_minutes",
                "Bad minutes are for time-based (Timeslices) SLOs; this one counts events",
            ));
        } else {
            Some(bad.trim().parse::<f64>().map_err(|_| {
                Error::invalid(
                    "bad_minutes",
                    format!("“{}” is not a number of minutes", bad.trim()),
                )
            })?)
        };
        let reading = objectives::check_reading(&ReadingInput {
            start: instant("start", "The start", &get("start"))?,
            end: instant("end", "The end", &get("end"))?,
            good: integer("good", "Good", &get("good"))?,
            total: integer("total", "Total", &get("total"))?,
            bad_minutes,
        })?;
        Ok(Row { reading })
    }

    fn classify(
        db: &Db,
        ctx: &Ctx,
        rows: &[(u64, Row)],
        note: &mut dyn FnMut(u64, &str, String, bool),
    ) -> Result<Vec<Change>> {
        // Overlaps inside the file.
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by_key(|&i| (rows[i].1.reading.start, rows[i].1.reading.end));
        for pair in order.windows(2) {
            let (a, b) = (&rows[pair[0]], &rows[pair[1]]);
            if b.1.reading.start < a.1.reading.end {
                let (later, earlier) = if a.0 < b.0 { (b, a) } else { (a, b) };
                note(
                    later.0,
                    "start",
                    format!(
                        "This period overlaps row {}'s ({} to {}); its events would count twice",
                        earlier.0,
                        stamp(earlier.1.reading.start),
                        stamp(earlier.1.reading.end)
                    ),
                    false,
                );
            }
        }
        // Against what is stored: the same period is the same reading; any other overlap is
        // refused.
        let (Some(from), Some(to)) = (
            rows.iter().map(|(_, r)| r.reading.start).min(),
            rows.iter().map(|(_, r)| r.reading.end).max(),
        ) else {
            return Ok(Vec::new());
        };
        let stored: Vec<(String, String, i64, i64, Option<f64>)> = db
            .conn()
            .prepare(
                "SELECT start_at, end_at, good, total, bad_minutes FROM slo_readings
                 WHERE slo_id = ?1 AND start_at < ?3 AND end_at > ?2 ORDER BY start_at",
            )?
            .query_map(params![ctx.slo_id, stamp(from), stamp(to)], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let by_start: HashMap<&str, usize> = stored
            .iter()
            .enumerate()
            .map(|(i, s)| (s.0.as_str(), i))
            .collect();
        let mut out = Vec::with_capacity(rows.len());
        for (row, r) in rows {
            let (s, e) = (stamp(r.reading.start), stamp(r.reading.end));
            let same = by_start
                .get(s.as_str())
                .map(|&i| &stored[i])
                .filter(|x| x.1 == e);
            let clash = stored
                .iter()
                .find(|x| x.0 < e && x.1 > s && !(x.0 == s && x.1 == e));
            if let Some(x) = clash {
                note(
                    *row,
                    "start",
                    format!(
                        "This period overlaps the stored reading from {} to {}; its events \
                         would count twice",
                        x.0, x.1
                    ),
                    false,
                );
            }
            out.push(match same {
                Some(x)
                    if x.2 == r.reading.good as i64
                        && x.3 == r.reading.total as i64
                        && x.4 == r.reading.bad_minutes =>
                {
                    Change::Same
                }
                Some(_) => Change::Update,
                None => Change::New,
            });
        }
        Ok(out)
    }

    fn apply(db: &Db, ctx: &Ctx, rows: Vec<(Row, Change)>) -> Result<()> {
        let conn = db.conn();
        let mut update = conn.prepare_cached(
            "UPDATE slo_readings SET good = ?3, total = ?4, bad_minutes = ?5, updated_at = ?6,
                    version = version + 1
             WHERE slo_id = ?1 AND start_at = ?2",
        )?;
        for (r, change) in rows {
            match change {
                Change::New => {
                    objectives::insert_reading(conn, &ctx.slo_id, &r.reading)?;
                }
                Change::Update => {
                    update.execute(params![
                        ctx.slo_id,
                        stamp(r.reading.start),
                        r.reading.good as i64,
                        r.reading.total as i64,
                        r.reading.bad_minutes,
                        crate::clock::now()
                    ])?;
                }
                Change::Same => {}
            }
        }
        Ok(())
    }
}
