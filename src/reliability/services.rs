//! Services, their error-budget policy and what it does to the roadmap.
//!
//! A service's state is the most severe state its policy's steps give any of its SLOs (see
//! [`super::slos::policy`]). In `reliability_first` or `freeze`, its feature rows on the
//! running roadmaps are flagged and Rapport proposes moving them to low priority and its
//! reliability rows up. The team decides: apply the proposal (the rows move) or record an
//! exception (a named approver and a reason; the rows stay). Either way the decision is
//! appended to the service's log — who, when, why, what moved — which is never edited.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::objectives::{self, SloSummary};
use super::slos::{self, BudgetPolicy, PolicyState, PolicyStep};
use super::Named;
use crate::clock;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::records;
use crate::roadmaps::{self, Priority, RowKind};
use crate::trash::{self, TrashEntry, TrashKind};
use crate::validate;

pub const DESCRIPTION_MAX: usize = 1050;
pub const GROUPS_MAX: usize = 20;
pub const REASON_MAX: usize = 4000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ServiceInput {
    /// An RFC 1123 label (`checkout-api`), as OpenSLO names services.
    pub name: String,
    pub display_name: String,
    pub description: String,
    /// Who owns it (from People).
    pub owner_id: Option<String>,
    /// The user groups it serves, in words ("backend engineers", "data team").
    pub user_groups: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Service {
    pub id: String,
    pub name: String,
    pub display_name: Option<String>,
    pub description: Option<String>,
    pub owner: Option<Named>,
    pub user_groups: Vec<String>,
    pub slo_count: i64,
    /// The most severe state of its SLOs now.
    pub state: PolicyState,
    /// The least budget any of its SLOs has left (`null` without SLOs).
    pub worst_remaining: Option<f64>,
    pub form: ServiceInput,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// A service's error-budget policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Policy {
    pub service_id: String,
    pub policy: BudgetPolicy,
    /// An incident using more than this share of a budget needs a P0 or P1 action item
    /// before its postmortem is complete (0.2 by default).
    pub postmortem_share: f64,
    pub updated_at: String,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PolicyInput {
    pub policy: BudgetPolicy,
    /// As typed: "20%" or "0.2".
    pub postmortem_share: String,
}

crate::text_enum! {
    /// What the team decided when the policy asked.
    #[ts(export)]
    pub enum DecisionKind {
        /// The proposal was applied: the rows moved.
        Apply = "apply",
        /// An approved exception: the rows stay where they are.
        Exception = "exception",
    }
}

/// One entry of a service's decision log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Decision {
    pub id: String,
    pub service_id: String,
    /// The state the service was in.
    pub state: PolicyState,
    pub kind: DecisionKind,
    pub decided_by: Named,
    pub approver: Option<Named>,
    pub reason: String,
    /// The least budget left among its SLOs when decided.
    pub remaining: Option<f64>,
    /// The rows that moved, in words.
    pub moved: Vec<String>,
    pub decided_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DecisionInput {
    pub kind: DecisionKind,
    /// Who decides (from People).
    pub decided_by: String,
    /// Who approved an exception (required for one).
    pub approver_id: Option<String>,
    pub reason: String,
}

/// A roadmap row serving the service, on a running roadmap, and where the policy would put it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImpactRow {
    pub row_id: String,
    pub roadmap_id: String,
    pub roadmap_title: String,
    pub project: String,
    pub kind: RowKind,
    pub priority: Priority,
    /// The section the policy proposes, when it differs.
    pub proposed: Option<Priority>,
}

/// What the policy does to the roadmap now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoadmapImpact {
    pub state: PolicyState,
    pub rows: Vec<ImpactRow>,
    /// The exception that holds the rows where they are, if one was approved for this
    /// state (or a worse one).
    pub exception: Option<Decision>,
    /// Rows would move and nobody has decided yet.
    pub needs_decision: bool,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ServiceView {
    pub service: Service,
    pub slos: Vec<SloSummary>,
    pub policy: Policy,
    pub impact: RoadmapImpact,
    /// Newest first.
    pub decisions: Vec<Decision>,
}

fn groups_text(groups: &[String]) -> String {
    groups.join("\n")
}

fn groups_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

const COLUMNS: &str = "v.id, v.name, v.display_name, v.description, v.owner_id, p.name,
     v.user_groups, v.created_at, v.updated_at, v.version,
     (SELECT count(*) FROM slos s WHERE s.service_id = v.id)";

fn from_row(r: &Row) -> rusqlite::Result<Service> {
    let owner_id: Option<String> = r.get(4)?;
    let owner = match (owner_id, r.get::<_, Option<String>>(5)?) {
        (Some(id), Some(name)) => Some(Named { id, name }),
        _ => None,
    };
    let groups = groups_of(&r.get::<_, String>(6)?);
    let (name, display_name, description): (String, Option<String>, Option<String>) =
        (r.get(1)?, r.get(2)?, r.get(3)?);
    Ok(Service {
        id: r.get(0)?,
        form: ServiceInput {
            name: name.clone(),
            display_name: display_name.clone().unwrap_or_default(),
            description: description.clone().unwrap_or_default(),
            owner_id: owner.as_ref().map(|o| o.id.clone()),
            user_groups: groups.clone(),
        },
        name,
        display_name,
        description,
        owner,
        user_groups: groups,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
        version: r.get(9)?,
        slo_count: r.get(10)?,
        state: PolicyState::Ok,
        worst_remaining: None,
    })
}

/// The service as stored, without its state.
fn row(db: &Db, id: &str) -> Result<Service> {
    db.conn()
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM services v LEFT JOIN people p ON p.id = v.owner_id WHERE v.id = ?1"
        ))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("service", id))
}

/// The service with its state at `now`.
pub fn get(db: &Db, id: &str, now: DateTime<Utc>) -> Result<Service> {
    let mut s = row(db, id)?;
    let slos = objectives::summaries(db, Some(id), now)?;
    with_state(&mut s, &slos);
    Ok(s)
}

fn with_state(s: &mut Service, slos: &[SloSummary]) {
    s.state = slos::worst(slos.iter().map(|x| x.state));
    s.worst_remaining = slos.iter().map(|x| x.remaining).reduce(f64::min);
}

/// Every service with its state at `now`, by name.
pub fn list(db: &Db, now: DateTime<Utc>) -> Result<Vec<Service>> {
    let mut services: Vec<Service> = db
        .conn()
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM services v LEFT JOIN people p ON p.id = v.owner_id ORDER BY v.name"
        ))?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut by_service: HashMap<String, Vec<SloSummary>> = HashMap::new();
    for s in objectives::summaries(db, None, now)? {
        by_service.entry(s.service_id.clone()).or_default().push(s);
    }
    for s in &mut services {
        with_state(s, by_service.get(&s.id).map_or(&[], Vec::as_slice));
    }
    Ok(services)
}

struct Clean {
    name: String,
    display_name: Option<String>,
    description: Option<String>,
    owner_id: Option<String>,
    groups: String,
}

fn check(db: &Db, input: &ServiceInput, except: Option<&str>) -> Result<Clean> {
    let name = input.name.trim().to_owned();
    slos::validate_name(&name)?;
    let taken: Option<String> = db
        .conn()
        .query_row(
            "SELECT id FROM services WHERE name = ?1 AND id IS NOT ?2",
            params![name, except],
            |r| r.get(0),
        )
        .optional()?;
    if taken.is_some() {
        return Err(Error::invalid(
            "name",
            format!("A service named “{name}” already exists"),
        ));
    }
    let display_name =
        validate::single_line("display_name", "Display name", &input.display_name, 200)?;
    let description = validate::optional(
        "description",
        "Description",
        &input.description,
        DESCRIPTION_MAX,
    )?;
    let owner_id = match input.owner_id.as_deref().map(str::trim) {
        Some(id) if !id.is_empty() => Some(super::active_person(db, id, "owner_id")?.id),
        _ => None,
    };
    let mut groups = Vec::new();
    for g in &input.user_groups {
        let g = validate::single_line("user_groups", "A user group", g, 120)?;
        if !g.is_empty() && !groups.contains(&g) {
            groups.push(g);
        }
    }
    if groups.len() > GROUPS_MAX {
        return Err(Error::invalid(
            "user_groups",
            format!("At most {GROUPS_MAX} user groups"),
        ));
    }
    Ok(Clean {
        name,
        display_name: (!display_name.is_empty()).then_some(display_name),
        description: (!description.is_empty()).then_some(description),
        owner_id,
        groups: groups_text(&groups),
    })
}

/// Inserts a service and its default policy; returns its id.
pub(crate) fn insert(
    conn: &rusqlite::Connection,
    name: &str,
    display_name: Option<&str>,
    description: Option<&str>,
    owner_id: Option<&str>,
    groups: &str,
) -> Result<String> {
    let (id, now) = (clock::new_id(), clock::now());
    conn.execute(
        "INSERT INTO services (id, name, display_name, description, owner_id, user_groups,
                               created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, name, display_name, description, owner_id, groups, now],
    )?;
    let p = BudgetPolicy::default();
    conn.execute(
        "INSERT INTO budget_policies (id, overview, goals, non_goals, slo_miss_policy,
                                      outage_policy, escalation, steps, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            p.overview,
            p.goals,
            p.non_goals,
            p.slo_miss_policy,
            p.outage_policy,
            p.escalation,
            steps_json(&p.steps),
            now
        ],
    )?;
    Ok(id)
}

fn steps_json(steps: &[PolicyStep]) -> String {
    serde_json::to_string(steps).unwrap_or_else(|_| "[]".into())
}

/// Adds a service, with the default budget policy to edit.
pub fn create(db: &Db, input: &ServiceInput, now: DateTime<Utc>) -> Result<Service> {
    let c = check(db, input, None)?;
    let unit = db.unit()?;
    let id = insert(
        db.conn(),
        &c.name,
        c.display_name.as_deref(),
        c.description.as_deref(),
        c.owner_id.as_deref(),
        &c.groups,
    )?;
    unit.commit()?;
    get(db, &id, now)
}

pub fn update(
    db: &Db,
    id: &str,
    version: i64,
    input: &ServiceInput,
    now: DateTime<Utc>,
) -> Result<Service> {
    let c = check(db, input, Some(id))?;
    let unit = db.unit()?;
    records::bump(db, "services", id, version, || row(db, id))?;
    db.conn().execute(
        "UPDATE services SET name = ?2, display_name = ?3, description = ?4, owner_id = ?5,
                user_groups = ?6 WHERE id = ?1",
        params![
            id,
            c.name,
            c.display_name,
            c.description,
            c.owner_id,
            c.groups
        ],
    )?;
    unit.commit()?;
    get(db, id, now)
}

/// Moves the service, with its SLOs, readings, policy and decision log, to the trash.
/// Postmortems, roadmap rows and toil entries that named it stay, unlinked until restore.
pub fn delete(db: &Db, id: &str) -> Result<TrashEntry> {
    let s = row(db, id)?;
    trash::delete(db, TrashKind::Service, id, &format!("Service {}", s.name))
}

// ---------------------------------------------------------------------------------------
// Policy.

pub fn policy(db: &Db, service_id: &str) -> Result<Policy> {
    db.conn()
        .prepare_cached(
            "SELECT overview, goals, non_goals, slo_miss_policy, outage_policy, escalation, steps,
                    postmortem_share, updated_at, version
             FROM budget_policies WHERE id = ?1",
        )?
        .query_row([service_id], |r| {
            Ok(Policy {
                service_id: service_id.to_owned(),
                policy: BudgetPolicy {
                    overview: r.get(0)?,
                    goals: r.get(1)?,
                    non_goals: r.get(2)?,
                    slo_miss_policy: r.get(3)?,
                    outage_policy: r.get(4)?,
                    escalation: r.get(5)?,
                    steps: serde_json::from_str(&r.get::<_, String>(6)?)
                        .unwrap_or_else(|_| slos::default_steps()),
                },
                postmortem_share: r.get(7)?,
                updated_at: r.get(8)?,
                version: r.get(9)?,
            })
        })
        .optional()?
        .ok_or_else(|| Error::not_found("service", service_id))
}

/// Saves the policy text and steps from `version`.
pub fn policy_save(db: &Db, service_id: &str, version: i64, input: &PolicyInput) -> Result<Policy> {
    let mut p = input.policy.clone();
    for s in [
        &mut p.overview,
        &mut p.goals,
        &mut p.non_goals,
        &mut p.slo_miss_policy,
        &mut p.outage_policy,
        &mut p.escalation,
    ] {
        *s = s.trim().to_owned();
    }
    p.validate()?;
    p.steps
        .sort_by(|a, b| b.below_remaining.total_cmp(&a.below_remaining));
    let share = super::parse_share(
        "postmortem_share",
        "The postmortem threshold",
        &input.postmortem_share,
        true,
    )?;
    let unit = db.unit()?;
    records::bump(db, "budget_policies", service_id, version, || {
        policy(db, service_id)
    })?;
    db.conn().execute(
        "UPDATE budget_policies SET overview = ?2, goals = ?3, non_goals = ?4, slo_miss_policy = ?5,
                outage_policy = ?6, escalation = ?7, steps = ?8, postmortem_share = ?9
         WHERE id = ?1",
        params![
            service_id,
            p.overview,
            p.goals,
            p.non_goals,
            p.slo_miss_policy,
            p.outage_policy,
            p.escalation,
            steps_json(&p.steps),
            share
        ],
    )?;
    unit.commit()?;
    policy(db, service_id)
}

// ---------------------------------------------------------------------------------------
// Decisions and the roadmap.

fn decision_from(r: &Row) -> rusqlite::Result<Decision> {
    let approver = match (
        r.get::<_, Option<String>>(6)?,
        r.get::<_, Option<String>>(7)?,
    ) {
        (Some(id), Some(name)) => Some(Named { id, name }),
        _ => None,
    };
    Ok(Decision {
        id: r.get(0)?,
        service_id: r.get(1)?,
        state: r.get(2)?,
        kind: r.get(3)?,
        decided_by: Named {
            id: r.get(4)?,
            name: r.get(5)?,
        },
        approver,
        reason: r.get(8)?,
        remaining: r.get(9)?,
        moved: serde_json::from_str(&r.get::<_, String>(10)?).unwrap_or_default(),
        decided_at: r.get(11)?,
    })
}

/// The service's decision log, newest first.
pub fn decisions(db: &Db, service_id: &str) -> Result<Vec<Decision>> {
    let mut stmt = db.conn().prepare_cached(
        "SELECT d.id, d.service_id, d.state, d.kind, d.decided_by, b.name, d.approver_id, a.name,
                d.reason, d.remaining, d.moved, d.decided_at
         FROM policy_decisions d JOIN people b ON b.id = d.decided_by
         LEFT JOIN people a ON a.id = d.approver_id
         WHERE d.service_id = ?1 ORDER BY d.decided_at DESC, d.id DESC",
    )?;
    let all = stmt
        .query_map([service_id], decision_from)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(all)
}

/// Where the policy would put a row in `state`.
fn proposed(state: PolicyState, kind: RowKind, priority: Priority) -> Option<Priority> {
    if state < PolicyState::ReliabilityFirst {
        return None;
    }
    match (kind, priority) {
        (RowKind::Feature, Priority::High) => Some(Priority::Low),
        (RowKind::Reliability, Priority::Low) => Some(Priority::High),
        _ => None,
    }
}

/// The rows serving `service_id` on roadmaps running on `today`.
fn running_rows(db: &Db, service_id: &str, today: NaiveDate) -> Result<Vec<ImpactRow>> {
    let mut stmt = db.conn().prepare_cached(
        "SELECT w.id, r.id, r.title, w.project, w.kind, w.priority
         FROM roadmap_rows w JOIN roadmaps r ON r.id = w.roadmap_id
         WHERE w.service_id = ?1 AND r.starts_on <= ?2 AND r.ends_on >= ?2
         ORDER BY r.starts_on, w.priority = 'low', w.position",
    )?;
    let rows = stmt
        .query_map(params![service_id, today.to_string()], |r| {
            Ok(ImpactRow {
                row_id: r.get(0)?,
                roadmap_id: r.get(1)?,
                roadmap_title: r.get(2)?,
                project: r.get(3)?,
                kind: r.get(4)?,
                priority: r.get(5)?,
                proposed: None,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The exception in force for `state`: the latest decision, if it is an exception recorded
/// in this state or a worse one.
fn exception_in_force(decisions: &[Decision], state: PolicyState) -> Option<Decision> {
    decisions
        .first()
        .filter(|d| d.kind == DecisionKind::Exception && d.state >= state)
        .cloned()
}

/// What the policy does to the running roadmaps for a service in `state`.
pub fn impact(
    db: &Db,
    service: &Service,
    decisions: &[Decision],
    today: NaiveDate,
) -> Result<RoadmapImpact> {
    let state = service.state;
    let mut rows = running_rows(db, &service.id, today)?;
    for r in &mut rows {
        r.proposed = proposed(state, r.kind, r.priority);
    }
    let exception = if state >= PolicyState::ReliabilityFirst {
        exception_in_force(decisions, state)
    } else {
        None
    };
    let moves = rows.iter().filter(|r| r.proposed.is_some()).count();
    let needs_decision = moves > 0 && exception.is_none();
    let name = service.display_name.as_deref().unwrap_or(&service.name);
    let message = if state < PolicyState::ReliabilityFirst {
        format!(
            "{name} is in “{}”: the policy does not change the roadmap.",
            state.label()
        )
    } else if let Some(e) = &exception {
        format!(
            "{name} is in “{}”, but {} approved an exception: {}",
            state.label(),
            e.approver.as_ref().map_or("someone", |a| a.name.as_str()),
            e.reason
        )
    } else if moves == 0 {
        format!(
            "{name} is in “{}”; its rows on the running roadmaps are already where the policy \
             puts them.",
            state.label()
        )
    } else {
        format!(
            "{name} is in “{}”: the policy proposes moving {moves} row{} (feature work to low \
             priority, reliability work up). Apply it or record an exception.",
            state.label(),
            if moves == 1 { "" } else { "s" }
        )
    };
    Ok(RoadmapImpact {
        state,
        rows,
        exception,
        needs_decision,
        message,
    })
}

/// The service screen at `now` (`today` in the user's zone).
pub fn view(db: &Db, id: &str, today: NaiveDate, now: DateTime<Utc>) -> Result<ServiceView> {
    let mut service = row(db, id)?;
    let slos = objectives::summaries(db, Some(id), now)?;
    with_state(&mut service, &slos);
    let decisions = decisions(db, id)?;
    let impact = impact(db, &service, &decisions, today)?;
    Ok(ServiceView {
        policy: policy(db, id)?,
        service,
        slos,
        impact,
        decisions,
    })
}

/// Records the team's decision on the policy's proposal: `apply` moves the proposed rows
/// (feature rows to low priority, reliability rows up) in the same transaction; `exception`
/// needs a named approver and a reason and moves nothing. Refused when the service is not in
/// `reliability_first` or `freeze`.
pub fn decide(
    db: &Db,
    service_id: &str,
    input: &DecisionInput,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<ServiceView> {
    let before = view(db, service_id, today, now)?;
    let state = before.service.state;
    if state < PolicyState::ReliabilityFirst {
        return Err(Error::invalid(
            "kind",
            format!(
                "The service is in “{}”; the policy asks for a decision only in “reliability \
                 first” or “freeze”",
                state.label()
            ),
        ));
    }
    let by = super::active_person(db, input.decided_by.trim(), "decided_by")?;
    let reason = validate::required("reason", "The reason", &input.reason, REASON_MAX)?;
    let approver = match (input.kind, input.approver_id.as_deref().map(str::trim)) {
        (DecisionKind::Exception, Some(id)) if !id.is_empty() => {
            Some(super::active_person(db, id, "approver_id")?)
        }
        (DecisionKind::Exception, _) => {
            return Err(Error::invalid(
                "approver_id",
                "An exception needs the person who approved it",
            ))
        }
        (DecisionKind::Apply, _) => None,
    };
    let unit = db.unit()?;
    let mut moved = Vec::new();
    if input.kind == DecisionKind::Apply {
        for r in &before.impact.rows {
            if let Some(to) = r.proposed {
                roadmaps::set_priority(db, &r.row_id, to)?;
                moved.push(format!(
                    "“{}” ({}): {} → {}",
                    r.project,
                    r.roadmap_title,
                    r.priority.as_str(),
                    to.as_str()
                ));
            }
        }
    }
    db.conn().execute(
        "INSERT INTO policy_decisions (id, service_id, state, kind, decided_by, approver_id, reason,
                                       remaining, moved, decided_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            clock::new_id(),
            service_id,
            state,
            input.kind,
            by.id,
            approver.map(|a| a.id),
            reason,
            before.service.worst_remaining,
            serde_json::to_string(&moved).unwrap_or_else(|_| "[]".into()),
            clock::now()
        ],
    )?;
    unit.commit()?;
    view(db, service_id, today, now)
}

/// Per service id: its name, its policy state, and the exception that holds, if any.
pub(crate) type RowFlags = HashMap<String, (String, PolicyState, Option<Decision>)>;

/// The policy's word on each service named by roadmap rows, for the roadmap screen: state
/// and the flag a feature row carries while its service is in `reliability_first` or
/// `freeze` and no exception holds.
pub(crate) fn row_flags(db: &Db, service_ids: &[String], now: DateTime<Utc>) -> Result<RowFlags> {
    let mut out = HashMap::new();
    for id in service_ids {
        if out.contains_key(id) {
            continue;
        }
        let s = get(db, id, now)?;
        let decisions = decisions(db, id)?;
        let exception = exception_in_force(&decisions, s.state);
        out.insert(
            id.clone(),
            (
                s.display_name.clone().unwrap_or(s.name.clone()),
                s.state,
                exception,
            ),
        );
    }
    Ok(out)
}

/// The flag text of a row of `kind` at `priority` whose service is in `state`.
pub(crate) fn flag_text(
    service: &str,
    state: PolicyState,
    exception: Option<&Decision>,
    kind: RowKind,
    priority: Priority,
) -> Option<String> {
    let to = proposed(state, kind, priority)?;
    Some(match exception {
        Some(e) => format!(
            "{service} is in “{}”; exception approved by {}: {}",
            state.label(),
            e.approver.as_ref().map_or("someone", |a| a.name.as_str()),
            e.reason
        ),
        None => format!(
            "{service} is in “{}”: the budget policy proposes moving this {} row to {} priority",
            state.label(),
            kind.as_str(),
            to.as_str()
        ),
    })
}
