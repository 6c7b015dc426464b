//! Postmortem action items, tracked to done: a verb-first title, a type, an owner, a
//! priority and a due date that defaults from the incident's severity. An item closes as
//! done (with optional proof) or won't do (with a reason). One action turns it into a
//! deliverable on a roadmap row; the two stay linked, and marking the deliverable done
//! closes the item with the deliverable as proof (a trigger in the schema does it in the
//! same transaction, however the deliverable is marked).

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::postmortems::IncidentSeverity;
use super::Named;
use crate::clock::{self, parse_date};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::paging::{Page, PageRequest};
use crate::records;
use crate::roadmaps::{self, DeliverableInput, DeliverableStatus};
use crate::trash::{self, TrashEntry, TrashKind};
use crate::validate;

crate::text_enum! {
    /// What an item does about the incident.
    #[ts(export)]
    pub enum ItemKind {
        Mitigate = "mitigate",
        Prevent = "prevent",
        Detect = "detect",
        Process = "process",
    }
}

crate::text_enum! {
    #[ts(export)]
    pub enum ItemPriority {
        P0 = "P0",
        P1 = "P1",
        P2 = "P2",
        P3 = "P3",
    }
}

impl ItemPriority {
    /// P0 and P1: what an incident that burned a large share of the budget must have.
    pub fn is_high(self) -> bool {
        matches!(self, ItemPriority::P0 | ItemPriority::P1)
    }
}

crate::text_enum! {
    #[ts(export)]
    pub enum ItemStatus {
        Open = "open",
        Done = "done",
        /// Decided against, with a reason.
        WontDo = "wont-do",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActionItemInput {
    /// Starts with a verb: "Add a canary check to the deploy pipeline".
    pub title: String,
    pub kind: ItemKind,
    pub owner_id: String,
    pub priority: ItemPriority,
    /// `YYYY-MM-DD`; empty for the default from the incident's severity.
    pub due_on: String,
    pub status: ItemStatus,
    /// Why it won't be done (required then).
    pub reason: String,
    pub ticket_url: String,
    /// How we know it is done (a link, a PR, a note).
    pub proof: String,
    /// The title's first word is not a verb Rapport knows, and the user keeps it anyway.
    #[serde(default)]
    #[ts(optional)]
    pub title_ok: Option<bool>,
}

/// The roadmap deliverable an item became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LinkedDeliverable {
    pub id: String,
    pub title: String,
    pub status: DeliverableStatus,
    pub row_id: String,
    pub project: String,
    pub roadmap_id: String,
    pub roadmap_title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActionItem {
    pub id: String,
    pub postmortem_id: String,
    pub postmortem_title: String,
    pub title: String,
    pub kind: ItemKind,
    pub owner: Named,
    pub priority: ItemPriority,
    pub due_on: String,
    pub status: ItemStatus,
    pub reason: String,
    pub ticket_url: String,
    pub proof: String,
    pub deliverable: Option<LinkedDeliverable>,
    pub closed_on: Option<String>,
    /// Days past its due date while open (0 when not overdue).
    pub days_overdue: i64,
    pub form: ActionItemInput,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActionItemFilter {
    #[serde(default)]
    #[ts(optional)]
    pub status: Option<ItemStatus>,
    #[serde(default)]
    #[ts(optional)]
    pub owner_id: Option<String>,
    /// Only open items past their due date.
    #[serde(default)]
    pub overdue: bool,
    #[serde(default)]
    #[ts(optional)]
    pub page: Option<PageRequest>,
}

/// Action items due in one quarter and how many were closed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuarterClosure {
    /// "2026-Q4".
    pub quarter: String,
    /// Items due in the quarter.
    pub due: i64,
    /// Of those, resolved (done or won't do) by now.
    pub closed: i64,
    /// Of those, resolved on or before their due date.
    pub on_time: i64,
    /// `closed ÷ due` (`null` with nothing due).
    pub closure_rate: Option<f64>,
    pub on_time_rate: Option<f64>,
}

/// Verbs an action item title typically starts with. A title starting with another word is
/// not refused, but the user is asked (it usually names a thing, not what to do).
const VERBS: &[&str] = &[
    "accept",
    "add",
    "adjust",
    "alert",
    "align",
    "allow",
    "analyse",
    "analyze",
    "announce",
    "apply",
    "archive",
    "assign",
    "audit",
    "automate",
    "backfill",
    "block",
    "build",
    "bump",
    "cache",
    "cap",
    "change",
    "check",
    "clarify",
    "clean",
    "close",
    "collect",
    "communicate",
    "configure",
    "confirm",
    "consolidate",
    "convert",
    "create",
    "deduplicate",
    "define",
    "delete",
    "deploy",
    "deprecate",
    "design",
    "detect",
    "disable",
    "document",
    "drain",
    "drop",
    "enable",
    "enforce",
    "ensure",
    "escalate",
    "establish",
    "evaluate",
    "expand",
    "expose",
    "extend",
    "fix",
    "flag",
    "harden",
    "hire",
    "identify",
    "implement",
    "improve",
    "increase",
    "instrument",
    "integrate",
    "introduce",
    "investigate",
    "isolate",
    "label",
    "limit",
    "lock",
    "log",
    "lower",
    "make",
    "measure",
    "merge",
    "migrate",
    "monitor",
    "move",
    "notify",
    "page",
    "patch",
    "pin",
    "plan",
    "practice",
    "prevent",
    "prioritise",
    "prioritize",
    "publish",
    "raise",
    "rate-limit",
    "reduce",
    "refactor",
    "rehearse",
    "reject",
    "release",
    "remove",
    "rename",
    "renew",
    "repair",
    "replace",
    "report",
    "require",
    "reroute",
    "reserve",
    "reset",
    "resize",
    "restore",
    "restrict",
    "retire",
    "retry",
    "review",
    "revise",
    "rewrite",
    "roll",
    "rollback",
    "rotate",
    "run",
    "scale",
    "schedule",
    "separate",
    "set",
    "shard",
    "share",
    "ship",
    "shorten",
    "simplify",
    "split",
    "stage",
    "standardise",
    "standardize",
    "start",
    "stop",
    "store",
    "streamline",
    "support",
    "switch",
    "tag",
    "teach",
    "test",
    "throttle",
    "track",
    "train",
    "trigger",
    "tune",
    "turn",
    "unify",
    "update",
    "upgrade",
    "use",
    "validate",
    "verify",
    "version",
    "write",
];

/// First words that are certainly not an instruction.
const NOT_VERBS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "we", "i", "you", "they", "he", "she",
    "it", "our", "my", "someone", "somebody", "should", "must", "need", "needs", "maybe", "todo",
    "to-do", "tbd", "possibly", "probably", "consider",
];

/// Checks a title starts with a verb: refused for words that certainly are not one (with a
/// hint), acknowledged for words Rapport does not know.
fn check_title(title: &str, ok: bool) -> Result<()> {
    let first: String = title
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_lowercase();
    if VERBS.contains(&first.as_str()) {
        return Ok(());
    }
    if let Some(stem) = first.strip_suffix("ing").filter(|s| s.len() >= 2) {
        let base = [stem.to_owned(), format!("{stem}e")]
            .into_iter()
            .find(|b| VERBS.contains(&b.as_str()))
            .unwrap_or_else(|| stem.to_owned());
        return Err(Error::invalid(
            "title",
            format!(
                "Start with what to do, as an instruction: “{}…” rather than “{}…”",
                capital(&base),
                capital(&first)
            ),
        ));
    }
    if NOT_VERBS.contains(&first.as_str()) || first.is_empty() {
        return Err(Error::invalid(
            "title",
            "Start the title with a verb that says what will be done, e.g. “Add a canary check \
             to the deploy pipeline”",
        ));
    }
    if ok {
        return Ok(());
    }
    Err(Error::NeedsAcknowledgement {
        field: "title".into(),
        message: format!(
            "“{}” is not a verb Rapport knows. Action items start with what will be done (“Add…”, \
             “Automate…”, “Document…”). Keep the title anyway?",
            capital(&first)
        ),
    })
}

fn capital(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The default due date of an item of a postmortem of `severity`, from `from`.
pub fn default_due(severity: IncidentSeverity, from: NaiveDate) -> NaiveDate {
    from + Duration::days(severity.due_days())
}

const COLUMNS: &str = "a.id, a.postmortem_id, p.title, a.title, a.kind, a.owner_id, o.name,
     a.priority, a.due_on, a.status, a.reason, a.ticket_url, a.proof, a.closed_on, a.created_at,
     a.updated_at, a.version, d.id, d.title, d.status, w.id, w.project, r.id, r.title";

const FROM: &str = "FROM action_items a JOIN postmortems p ON p.id = a.postmortem_id
     JOIN people o ON o.id = a.owner_id
     LEFT JOIN deliverables d ON d.id = a.deliverable_id
     LEFT JOIN roadmap_rows w ON w.id = d.row_id
     LEFT JOIN roadmaps r ON r.id = w.roadmap_id";

fn from_row(r: &Row, today: NaiveDate) -> rusqlite::Result<ActionItem> {
    let status: ItemStatus = r.get(9)?;
    let due_on: String = r.get(8)?;
    let days_overdue = match (status, NaiveDate::parse_from_str(&due_on, "%Y-%m-%d")) {
        (ItemStatus::Open, Ok(d)) if d < today => (today - d).num_days(),
        _ => 0,
    };
    let deliverable = match r.get::<_, Option<String>>(17)? {
        Some(id) => Some(LinkedDeliverable {
            id,
            title: r.get(18)?,
            status: r.get(19)?,
            row_id: r.get(20)?,
            project: r.get(21)?,
            roadmap_id: r.get(22)?,
            roadmap_title: r.get(23)?,
        }),
        None => None,
    };
    let form = ActionItemInput {
        title: r.get(3)?,
        kind: r.get(4)?,
        owner_id: r.get(5)?,
        priority: r.get(7)?,
        due_on: due_on.clone(),
        status,
        reason: r.get(10)?,
        ticket_url: r.get(11)?,
        proof: r.get(12)?,
        title_ok: None,
    };
    Ok(ActionItem {
        id: r.get(0)?,
        postmortem_id: r.get(1)?,
        postmortem_title: r.get(2)?,
        title: form.title.clone(),
        kind: form.kind,
        owner: Named {
            id: form.owner_id.clone(),
            name: r.get(6)?,
        },
        priority: form.priority,
        due_on,
        status,
        reason: form.reason.clone(),
        ticket_url: form.ticket_url.clone(),
        proof: form.proof.clone(),
        deliverable,
        closed_on: r.get(13)?,
        days_overdue,
        form,
        created_at: r.get(14)?,
        updated_at: r.get(15)?,
        version: r.get(16)?,
    })
}

pub fn get(db: &Db, id: &str, today: NaiveDate) -> Result<ActionItem> {
    db.conn()
        .prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE a.id = ?1"))?
        .query_row([id], |r| from_row(r, today))
        .optional()?
        .ok_or_else(|| Error::not_found("action item", id))
}

/// A postmortem's items, highest priority first.
pub fn for_postmortem(db: &Db, postmortem_id: &str, today: NaiveDate) -> Result<Vec<ActionItem>> {
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE a.postmortem_id = ?1
         ORDER BY a.status <> 'open', a.priority, a.due_on, a.created_at"
    ))?;
    let all = stmt
        .query_map([postmortem_id], |r| from_row(r, today))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(all)
}

/// One page of items: open first by due date, then the closed ones, newest first.
pub fn list(db: &Db, filter: &ActionItemFilter, today: NaiveDate) -> Result<Page<ActionItem>> {
    let (limit, offset) = filter.page.unwrap_or_default().sql();
    let status = if filter.overdue {
        Some(ItemStatus::Open)
    } else {
        filter.status
    };
    let due_before = filter.overdue.then(|| today.to_string());
    let owner = filter.owner_id.as_deref();
    let wher = "WHERE (?1 IS NULL OR a.status = ?1) AND (?2 IS NULL OR a.owner_id = ?2)
                AND (?3 IS NULL OR a.due_on < ?3)";
    let total: i64 = db.conn().query_row(
        &format!("SELECT count(*) FROM action_items a {wher}"),
        params![status, owner, due_before],
        |r| r.get(0),
    )?;
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} {wher}
         ORDER BY a.status <> 'open',
                  CASE WHEN a.status = 'open' THEN a.due_on END,
                  a.closed_on DESC, a.priority, a.id
         LIMIT ?4 OFFSET ?5"
    ))?;
    let items = stmt
        .query_map(params![status, owner, due_before, limit, offset], |r| {
            from_row(r, today)
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Page {
        total,
        offset,
        items,
    })
}

/// Open items past their due date, most overdue first (for Today).
pub fn overdue(db: &Db, today: NaiveDate) -> Result<Vec<ActionItem>> {
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE a.status = 'open' AND a.due_on < ?1
         ORDER BY a.due_on, a.priority LIMIT 50"
    ))?;
    let all = stmt
        .query_map([today.to_string()], |r| from_row(r, today))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(all)
}

struct Clean {
    title: String,
    owner_id: String,
    due: NaiveDate,
    reason: String,
    ticket_url: String,
    proof: String,
}

fn check(
    db: &Db,
    input: &ActionItemInput,
    severity: IncidentSeverity,
    from: NaiveDate,
) -> Result<Clean> {
    let title = validate::required_line("title", "Title", &input.title, 300)?;
    check_title(&title, input.title_ok == Some(true))?;
    let owner_id = super::active_person(db, input.owner_id.trim(), "owner_id")
        .map_err(|e| match e {
            Error::Validation { message, .. } if input.owner_id.trim().is_empty() => {
                let _ = message;
                Error::invalid("owner_id", "Every action item needs an owner")
            }
            other => other,
        })?
        .id;
    let due = if input.due_on.trim().is_empty() {
        default_due(severity, from)
    } else {
        parse_date("due_on", "The due date", &input.due_on)?
    };
    let reason = validate::optional("reason", "The reason", &input.reason, 2000)?;
    if input.status == ItemStatus::WontDo && reason.is_empty() {
        return Err(Error::invalid(
            "reason",
            "Say why it won't be done: a decision not to act is fine, an unexplained one is not",
        ));
    }
    let ticket_url = validate::single_line("ticket_url", "Ticket URL", &input.ticket_url, 500)?;
    if !ticket_url.is_empty()
        && !ticket_url.starts_with("https://")
        && !ticket_url.starts_with("http://")
    {
        return Err(Error::invalid(
            "ticket_url",
            "The ticket URL must start with https:// (or http://)",
        ));
    }
    let proof = validate::optional("proof", "Proof of completion", &input.proof, 2000)?;
    Ok(Clean {
        title,
        owner_id,
        due,
        reason,
        ticket_url,
        proof,
    })
}

/// The postmortem's severity and the day its items count their default due date from (the
/// day the incident started, in UTC).
fn postmortem_basis(db: &Db, postmortem_id: &str) -> Result<(IncidentSeverity, NaiveDate)> {
    let (severity, started): (IncidentSeverity, String) = db
        .conn()
        .query_row(
            "SELECT severity, started_at FROM postmortems WHERE id = ?1",
            [postmortem_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("postmortem", postmortem_id))?;
    Ok((severity, super::stored(&started).date_naive()))
}

pub fn create(
    db: &Db,
    postmortem_id: &str,
    input: &ActionItemInput,
    today: NaiveDate,
) -> Result<ActionItem> {
    let (severity, from) = postmortem_basis(db, postmortem_id)?;
    let c = check(db, input, severity, from)?;
    let (id, now) = (clock::new_id(), clock::now());
    let closed_on = (input.status != ItemStatus::Open).then(|| today.to_string());
    db.conn().execute(
        "INSERT INTO action_items (id, postmortem_id, title, kind, owner_id, priority, due_on,
                                   status, reason, ticket_url, proof, closed_on, created_at,
                                   updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
        params![
            id,
            postmortem_id,
            c.title,
            input.kind,
            c.owner_id,
            input.priority,
            c.due.to_string(),
            input.status,
            c.reason,
            c.ticket_url,
            c.proof,
            closed_on,
            now
        ],
    )?;
    get(db, &id, today)
}

/// Saves an edit made from `version`. Closing the item (done) also marks its deliverable
/// done, so the roadmap agrees.
pub fn update(
    db: &Db,
    id: &str,
    version: i64,
    input: &ActionItemInput,
    today: NaiveDate,
) -> Result<ActionItem> {
    let current = get(db, id, today)?;
    let (severity, from) = postmortem_basis(db, &current.postmortem_id)?;
    let c = check(db, input, severity, from)?;
    let unit = db.unit()?;
    records::bump(db, "action_items", id, version, || get(db, id, today))?;
    db.conn().execute(
        "UPDATE action_items SET title = ?2, kind = ?3, owner_id = ?4, priority = ?5, due_on = ?6,
                status = ?7, reason = ?8, ticket_url = ?9, proof = ?10,
                closed_on = CASE WHEN ?7 = 'open' THEN NULL ELSE coalesce(closed_on, ?11) END,
                closed_by_deliverable = CASE WHEN ?7 = status THEN closed_by_deliverable ELSE 0 END
         WHERE id = ?1",
        params![
            id,
            c.title,
            input.kind,
            c.owner_id,
            input.priority,
            c.due.to_string(),
            input.status,
            c.reason,
            c.ticket_url,
            c.proof,
            today.to_string()
        ],
    )?;
    if input.status == ItemStatus::Done {
        if let Some(d) = current
            .deliverable
            .as_ref()
            .filter(|d| d.status != DeliverableStatus::Done)
        {
            db.conn().execute(
                "UPDATE deliverables SET status = 'done', done_on = coalesce(done_on, ?2),
                        updated_at = ?3, version = version + 1
                 WHERE id = ?1",
                params![d.id, today.to_string(), clock::now()],
            )?;
        }
    }
    unit.commit()?;
    get(db, id, today)
}

pub fn delete(db: &Db, id: &str) -> Result<TrashEntry> {
    let title: String = db
        .conn()
        .query_row("SELECT title FROM action_items WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::not_found("action item", id))?;
    trash::delete(db, TrashKind::ActionItem, id, &title)
}

/// Turns an open item into a deliverable on roadmap row `row_id` (its title, owner and due
/// date), linked both ways. Refused when it already has one or is closed.
pub fn to_deliverable(db: &Db, id: &str, row_id: &str, today: NaiveDate) -> Result<ActionItem> {
    let item = get(db, id, today)?;
    if let Some(d) = &item.deliverable {
        return Err(Error::invalid(
            "row_id",
            format!(
                "It is already the deliverable “{}” on {}",
                d.title, d.roadmap_title
            ),
        ));
    }
    if item.status != ItemStatus::Open {
        return Err(Error::invalid(
            "row_id",
            "Only an open action item becomes a deliverable",
        ));
    }
    roadmaps::row_roadmap(db, row_id).map_err(|e| match e {
        Error::NotFound { .. } => Error::invalid("row_id", "Choose a roadmap row"),
        other => other,
    })?;
    let unit = db.unit()?;
    let deliverable = roadmaps::insert_deliverable(
        db.conn(),
        row_id,
        &DeliverableInput {
            title: item.title.clone(),
            owner: item.owner.name.clone(),
            due_on: item.due_on.clone(),
            status: DeliverableStatus::Planned,
        },
        today,
        None,
    )?;
    db.conn().execute(
        "UPDATE action_items SET deliverable_id = ?2, updated_at = ?3, version = version + 1
         WHERE id = ?1",
        params![id, deliverable, clock::now()],
    )?;
    unit.commit()?;
    get(db, id, today)
}

fn quarter_of(d: NaiveDate) -> String {
    format!("{}-Q{}", d.year(), d.month0() / 3 + 1)
}

/// The closure rate per quarter, by the quarter items were due in, up to `today`'s quarter
/// (newest first): how many of the items due were resolved (done or won't do), and how many
/// on time.
pub fn closure_rates(db: &Db, today: NaiveDate) -> Result<Vec<QuarterClosure>> {
    let rows: Vec<(String, ItemStatus, Option<String>)> = db
        .conn()
        .prepare_cached("SELECT due_on, status, closed_on FROM action_items ORDER BY due_on")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let now_q = quarter_of(today);
    let mut out: Vec<QuarterClosure> = Vec::new();
    for (due, status, closed_on) in rows {
        let Ok(d) = NaiveDate::parse_from_str(&due, "%Y-%m-%d") else {
            continue;
        };
        let q = quarter_of(d);
        if q > now_q {
            continue;
        }
        let entry = match out.iter_mut().find(|x| x.quarter == q) {
            Some(e) => e,
            None => {
                out.push(QuarterClosure {
                    quarter: q,
                    due: 0,
                    closed: 0,
                    on_time: 0,
                    closure_rate: None,
                    on_time_rate: None,
                });
                out.last_mut().expect("just pushed")
            }
        };
        entry.due += 1;
        if status != ItemStatus::Open {
            entry.closed += 1;
            if closed_on.is_some_and(|c| c <= due) {
                entry.on_time += 1;
            }
        }
    }
    for q in &mut out {
        if q.due > 0 {
            q.closure_rate = Some(super::slos::spec::tidy(q.closed as f64 / q.due as f64));
            q.on_time_rate = Some(super::slos::spec::tidy(q.on_time as f64 / q.due as f64));
        }
    }
    out.sort_by(|a, b| b.quarter.cmp(&a.quarter));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_start_with_a_verb() {
        assert!(check_title("Add a canary check", false).is_ok());
        assert!(check_title("Rate-limit the retry storm", false).is_ok());
        let e = check_title("Adding alerts for disk", false).unwrap_err();
        assert_eq!(e.field(), Some("title"));
        assert!(
            e.to_string().contains("“Add…” rather than “Adding…”"),
            "{e}"
        );
        let e = check_title("Automating the failover", false).unwrap_err();
        assert!(e.to_string().contains("“Automate…”"), "{e}");
        assert_eq!(
            check_title("The runbook for failover", false)
                .unwrap_err()
                .field(),
            Some("title")
        );
        assert_eq!(
            check_title("Someone should look at it", true)
                .unwrap_err()
                .code(),
            "validation"
        );
        let e = check_title("Runbook for failover", false).unwrap_err();
        assert_eq!(e.code(), "needs_ack");
        assert!(check_title("Runbook for failover", true).is_ok());
    }
}
