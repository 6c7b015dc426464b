//! The reliability lists, export only: `slos` (with their service and user evidence),
//! `postmortems`, `action_items` and `toil`. Readings, which can be imported, are in
//! `slo_readings`.

use super::{count, rows, Spec};
use crate::db::Db;
use crate::error::Result;

const BOOL: fn(&str) -> String = |c| format!("CASE {c} WHEN 1 THEN 'true' ELSE 'false' END");

pub struct Slos;

impl Spec for Slos {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "id",
            "service",
            "name",
            "display_name",
            "journey",
            "persona",
            "target",
            "window",
            "time_zone",
            "method",
            "slice_minutes",
            "slice_target",
            "indicator",
            "people",
            "finding_count",
            "note_count",
            "readings",
            "created_at",
            "updated_at",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        count(db, "SELECT count(*) FROM slos")
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        rows(
            db,
            "SELECT s.id, v.name, s.name, s.display_name, s.journey, s.persona, s.target,
                    CASE WHEN s.window_days IS NOT NULL THEN s.window_days || 'd'
                         ELSE s.calendar_unit END,
                    s.time_zone, s.method, s.slice_minutes, s.slice_target, s.indicator_name,
                    (SELECT group_concat(name, '; ') FROM (SELECT p.name FROM slo_people x
                       JOIN people p ON p.id = x.person_id WHERE x.slo_id = s.id ORDER BY p.name)),
                    (SELECT count(*) FROM slo_findings x WHERE x.slo_id = s.id),
                    (SELECT count(*) FROM slo_notes x WHERE x.slo_id = s.id),
                    (SELECT count(*) FROM slo_readings x WHERE x.slo_id = s.id),
                    s.created_at, s.updated_at
             FROM slos s JOIN services v ON v.id = s.service_id ORDER BY v.name, s.name",
            &[],
            out,
        )
    }
}

pub struct Postmortems;

impl Spec for Postmortems {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "id",
            "title",
            "service",
            "slo",
            "severity",
            "status",
            "started_at",
            "ended_at",
            "duration_minutes",
            "budget_consumed",
            "summary",
            "impact_users",
            "contributing_factors",
            "went_well",
            "went_wrong",
            "got_lucky",
            "lessons",
            "timeline",
            "items_total",
            "items_open",
            "created_at",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        count(db, "SELECT count(*) FROM postmortems")
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        rows(
            db,
            "SELECT p.id, p.title, v.name, s.name, p.severity, p.status, p.started_at, p.ended_at,
                    CAST(round((julianday(p.ended_at) - julianday(p.started_at)) * 1440) AS INTEGER),
                    p.budget_consumed, p.summary, p.impact_users, p.contributing_factors,
                    p.went_well, p.went_wrong, p.got_lucky, p.lessons,
                    (SELECT group_concat(at || ' ' || text, char(10)) FROM (SELECT at, text
                       FROM postmortem_timeline t WHERE t.postmortem_id = p.id ORDER BY position)),
                    (SELECT count(*) FROM action_items a WHERE a.postmortem_id = p.id),
                    (SELECT count(*) FROM action_items a WHERE a.postmortem_id = p.id
                       AND a.status = 'open'),
                    p.created_at
             FROM postmortems p LEFT JOIN services v ON v.id = p.service_id
             LEFT JOIN slos s ON s.id = p.slo_id ORDER BY p.started_at, p.id",
            &[],
            out,
        )
    }
}

pub struct ActionItems;

impl Spec for ActionItems {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "id",
            "postmortem_id",
            "postmortem",
            "title",
            "kind",
            "owner",
            "priority",
            "due_on",
            "status",
            "reason",
            "ticket_url",
            "proof",
            "closed_on",
            "deliverable_id",
            "deliverable",
            "created_at",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        count(db, "SELECT count(*) FROM action_items")
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        rows(
            db,
            "SELECT a.id, a.postmortem_id, p.title, a.title, a.kind, o.name, a.priority, a.due_on,
                    a.status, a.reason, a.ticket_url, a.proof, a.closed_on, a.deliverable_id,
                    d.title, a.created_at
             FROM action_items a JOIN postmortems p ON p.id = a.postmortem_id
             JOIN people o ON o.id = a.owner_id
             LEFT JOIN deliverables d ON d.id = a.deliverable_id
             ORDER BY a.due_on, a.priority, a.id",
            &[],
            out,
        )
    }
}

pub struct Toil;

impl Spec for Toil {
    fn columns(&self) -> &'static [&'static str] {
        &[
            "id",
            "team",
            "task",
            "service",
            "person",
            "minutes",
            "frequency",
            "started_on",
            "ended_on",
            "manual",
            "repetitive",
            "automatable",
            "tactical",
            "no_enduring_value",
            "grows_with_service",
            "trait_count",
            "notes",
        ]
    }

    fn count(&self, db: &Db) -> Result<u64> {
        count(db, "SELECT count(*) FROM toil_entries")
    }

    fn export(&self, db: &Db, out: &mut dyn FnMut(&[String]) -> Result<()>) -> Result<()> {
        let traits = [
            "t.manual",
            "t.repetitive",
            "t.automatable",
            "t.tactical",
            "t.no_enduring_value",
            "t.grows_with_service",
        ];
        rows(
            db,
            &format!(
                "SELECT t.id, t.team, t.task, v.name, p.name, t.minutes, t.frequency, t.started_on,
                        t.ended_on, {}, {}, t.notes
                 FROM toil_entries t LEFT JOIN services v ON v.id = t.service_id
                 LEFT JOIN people p ON p.id = t.person_id
                 ORDER BY t.started_on, t.team, t.id",
                traits.map(BOOL).join(", "),
                traits.join(" + ")
            ),
            &[],
            out,
        )
    }
}
