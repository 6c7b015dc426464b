//! OpenSLO files in and out of the workspace (the format itself is [`super::slos::openslo`]).
//!
//! Import reads the whole file first (any invalid document refuses it all, naming the
//! document and the field), then writes in one transaction, matching by name: a Service, SLI
//! or SLO already in the workspace is updated, anything else is added, and importing the same
//! file again changes nothing. An SLO's `spec.service` names its service — a Service document
//! of the file or one in the workspace; a name that is neither gets a service of that name.
//! What Rapport adds to an SLO (its persona, evidence and readings) is kept. Other kinds
//! (AlertPolicy, DataSource, …) are kept as written and exported back.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::objectives::{method_columns, window_columns};
use super::slos::openslo::{self, KeptDoc, OpenSloBundle, ServiceDoc, SliDoc, SloDoc};
use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OpenSloReport {
    pub services_new: u32,
    pub services_updated: u32,
    pub slos_new: u32,
    pub slos_updated: u32,
    pub slos_unchanged: u32,
    pub slis: u32,
    /// Documents of other kinds kept as written.
    pub kept: u32,
    /// What the reader noticed: kept documents, fields left out, defaults applied, services
    /// created for an SLO.
    pub notes: Vec<String>,
    pub applied: bool,
}

/// The workspace's SLOs as an OpenSLO bundle: its services, SLIs and SLOs, and the documents
/// kept from earlier imports.
pub fn bundle(db: &Db) -> Result<OpenSloBundle> {
    let conn = db.conn();
    let services = conn
        .prepare("SELECT name, display_name, description FROM services ORDER BY name")?
        .query_map([], |r| {
            Ok(ServiceDoc {
                name: r.get(0)?,
                display_name: r.get(1)?,
                description: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let slis = conn
        .prepare("SELECT name, display_name, description, spec_yaml FROM slis ORDER BY name")?
        .query_map([], |r| {
            Ok(SliDoc {
                name: r.get(0)?,
                display_name: r.get(1)?,
                description: r.get(2)?,
                spec_yaml: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let loaded: HashMap<String, super::objectives::Loaded> = super::objectives::loaded(db, None)?
        .into_iter()
        .map(|l| (l.id.clone(), l))
        .collect();
    let slos = conn
        .prepare(
            "SELECT s.id, s.display_name, s.description, v.name, s.indicator_name, s.indicator_ref,
                    s.indicator_yaml, s.objective_display_name, s.op, s.value, s.alert_policies_yaml
             FROM slos s JOIN services v ON v.id = s.service_id ORDER BY v.name, s.name",
        )?
        .query_map([], |r| {
            let id: String = r.get(0)?;
            Ok((
                id,
                SloDoc {
                    spec: super::slos::SloSpec {
                        name: String::new(),
                        journey: String::new(),
                        target: 0.0,
                        window: super::slos::Window::Rolling { days: 1 },
                        method: super::slos::BudgetingMethod::Occurrences,
                    },
                    display_name: r.get(1)?,
                    description: r.get(2)?,
                    service: Some(r.get(3)?),
                    indicator_name: r.get(4)?,
                    indicator_ref: r.get(5)?,
                    indicator_yaml: r.get(6)?,
                    objective_display_name: r.get(7)?,
                    op: r.get(8)?,
                    value: r.get(9)?,
                    alert_policies_yaml: r.get(10)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter_map(|(id, mut d)| {
            let l = loaded.get(&id)?;
            d.spec = l.spec.clone();
            Some(d)
        })
        .collect();
    let kept = conn
        .prepare("SELECT kind, name, yaml FROM openslo_kept ORDER BY position, imported_at")?
        .query_map([], |r| {
            Ok(KeptDoc {
                kind: r.get(0)?,
                name: r.get(1)?,
                yaml: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(OpenSloBundle {
        services,
        slos,
        slis,
        kept,
    })
}

/// The workspace as one OpenSLO v1 stream.
pub fn export(db: &Db) -> Result<String> {
    openslo::export(&bundle(db)?)
}

/// Imports an OpenSLO stream (or, with `dry_run`, says what it would do), all or nothing.
pub fn import(db: &Db, text: &str, dry_run: bool) -> Result<OpenSloReport> {
    let parsed = openslo::import(text)?;
    db.atomically(|db| {
        let mut report = write(db, &parsed.bundle)?;
        report.notes.splice(0..0, parsed.notes.clone());
        report.applied = !dry_run;
        Ok((report, !dry_run))
    })
}

fn write(db: &Db, b: &OpenSloBundle) -> Result<OpenSloReport> {
    let conn = db.conn();
    let now = clock::now();
    let mut report = OpenSloReport::default();
    let mut service_ids: HashMap<String, String> = HashMap::new();
    for s in &b.services {
        let found: Option<(String, Option<String>, Option<String>)> = conn
            .query_row(
                "SELECT id, display_name, description FROM services WHERE name = ?1",
                [&s.name],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let id = match found {
            Some((id, display, description)) => {
                if display != s.display_name || description != s.description {
                    conn.execute(
                        "UPDATE services SET display_name = ?2, description = ?3, updated_at = ?4,
                                version = version + 1 WHERE id = ?1",
                        params![id, s.display_name, s.description, now],
                    )?;
                    report.services_updated += 1;
                }
                id
            }
            None => {
                report.services_new += 1;
                super::services::insert(
                    conn,
                    &s.name,
                    s.display_name.as_deref(),
                    s.description.as_deref(),
                    None,
                    "",
                )?
            }
        };
        service_ids.insert(s.name.clone(), id);
    }
    for s in &b.slis {
        conn.execute(
            "INSERT INTO slis (id, name, display_name, description, spec_yaml, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
             ON CONFLICT (name) DO UPDATE SET display_name = ?3, description = ?4, spec_yaml = ?5,
                 updated_at = ?6",
            params![clock::new_id(), s.name, s.display_name, s.description, s.spec_yaml, now],
        )?;
        report.slis += 1;
    }
    for d in &b.slos {
        let Some(service) = d.service.as_deref() else {
            return Err(Error::invalid(
                "file",
                format!(
                    "SLO '{}': spec.service is required; Rapport keeps every SLO under a service",
                    d.spec.name
                ),
            ));
        };
        let service_id = match service_ids.get(service) {
            Some(id) => id.clone(),
            None => {
                let found: Option<String> = conn
                    .query_row("SELECT id FROM services WHERE name = ?1", [service], |r| {
                        r.get(0)
                    })
                    .optional()?;
                let id = match found {
                    Some(id) => id,
                    None => {
                        if !super::slos::spec::is_label(service) {
                            return Err(Error::invalid(
                                "file",
                                format!(
                                    "SLO '{}': spec.service '{service}' must be an RFC 1123 name",
                                    d.spec.name
                                ),
                            ));
                        }
                        report.services_new += 1;
                        report.notes.push(format!(
                            "SLO '{}': no Service document names '{service}', so a service of \
                             that name was added",
                            d.spec.name
                        ));
                        super::services::insert(conn, service, None, None, None, "")?
                    }
                };
                service_ids.insert(service.to_owned(), id.clone());
                id
            }
        };
        upsert_slo(db, &service_id, d, &now, &mut report)?;
    }
    let mut position: i64 = conn.query_row(
        "SELECT coalesce(max(position), 0) FROM openslo_kept",
        [],
        |r| r.get(0),
    )?;
    for k in &b.kept {
        let same: Option<String> = conn
            .query_row(
                "SELECT id FROM openslo_kept WHERE kind = ?1 AND name IS ?2
                   AND (name IS NOT NULL OR yaml = ?3)",
                params![k.kind, k.name, k.yaml],
                |r| r.get(0),
            )
            .optional()?;
        match same {
            Some(id) => {
                conn.execute(
                    "UPDATE openslo_kept SET yaml = ?2 WHERE id = ?1",
                    params![id, k.yaml],
                )?;
            }
            None => {
                position += 1;
                conn.execute(
                    "INSERT INTO openslo_kept (id, kind, name, yaml, position, imported_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![clock::new_id(), k.kind, k.name, k.yaml, position, now],
                )?;
            }
        }
        report.kept += 1;
    }
    Ok(report)
}

fn upsert_slo(
    db: &Db,
    service_id: &str,
    d: &SloDoc,
    now: &str,
    report: &mut OpenSloReport,
) -> Result<()> {
    let conn = db.conn();
    let (days, cal, tz) = window_columns(&d.spec.window);
    let (method, slice_minutes, slice_target) = method_columns(&d.spec.method);
    let existing: Option<String> = conn
        .query_row("SELECT id FROM slos WHERE name = ?1", [&d.spec.name], |r| {
            r.get(0)
        })
        .optional()?;
    let values = params![
        d.spec.name,
        service_id,
        d.display_name,
        d.spec.journey,
        d.description,
        d.spec.target,
        days,
        cal,
        tz,
        method,
        slice_minutes,
        slice_target,
        d.indicator_name,
        d.indicator_ref,
        d.indicator_yaml,
        d.objective_display_name,
        d.op,
        d.value,
        d.alert_policies_yaml,
        now
    ];
    match existing {
        Some(id) => {
            let same: bool = conn.query_row(
                "SELECT service_id IS ?2 AND display_name IS ?3 AND journey IS ?4
                        AND description IS ?5 AND target IS ?6 AND window_days IS ?7
                        AND calendar_unit IS ?8 AND time_zone IS ?9 AND method IS ?10
                        AND slice_minutes IS ?11 AND slice_target IS ?12 AND indicator_name IS ?13
                        AND indicator_ref IS ?14 AND indicator_yaml IS ?15
                        AND objective_display_name IS ?16 AND op IS ?17 AND value IS ?18
                        AND alert_policies_yaml IS ?19 AND ?20 IS NOT NULL
                 FROM slos WHERE name = ?1",
                values,
                |r| r.get(0),
            )?;
            if same {
                report.slos_unchanged += 1;
            } else {
                conn.execute(
                    "UPDATE slos SET service_id = ?2, display_name = ?3, journey = ?4,
                            description = ?5, target = ?6, window_days = ?7, calendar_unit = ?8,
                            time_zone = ?9, method = ?10, slice_minutes = ?11, slice_target = ?12,
                            indicator_name = ?13, indicator_ref = ?14, indicator_yaml = ?15,
                            objective_display_name = ?16, op = ?17, value = ?18,
                            alert_policies_yaml = ?19, updated_at = ?20, version = version + 1
                     WHERE name = ?1",
                    values,
                )?;
                report.slos_updated += 1;
            }
            let _ = id;
        }
        None => {
            conn.execute(
                "INSERT INTO slos (name, service_id, display_name, journey, description, target,
                                   window_days, calendar_unit, time_zone, method, slice_minutes,
                                   slice_target, indicator_name, indicator_ref, indicator_yaml,
                                   objective_display_name, op, value, alert_policies_yaml,
                                   created_at, updated_at, id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                         ?17, ?18, ?19, ?20, ?20, ?21)",
                params![
                    d.spec.name,
                    service_id,
                    d.display_name,
                    d.spec.journey,
                    d.description,
                    d.spec.target,
                    days,
                    cal,
                    tz,
                    method,
                    slice_minutes,
                    slice_target,
                    d.indicator_name,
                    d.indicator_ref,
                    d.indicator_yaml,
                    d.objective_display_name,
                    d.op,
                    d.value,
                    d.alert_policies_yaml,
                    now,
                    clock::new_id()
                ],
            )?;
            report.slos_new += 1;
        }
    }
    Ok(())
}
