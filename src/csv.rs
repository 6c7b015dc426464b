//! CSV in and out. Export: RFC 4180 with CRLF, UTF-8 with an optional BOM for Excel, stable
//! documented columns (docs/csv.md), and cells that a spreadsheet would run as a formula are
//! neutralised. Import: headers are mapped to fields, every row is validated by the same core
//! rules as the app, errors are reported by row and column, and the rows are written in one
//! transaction — or not at all.

use std::collections::HashMap;
use std::io::{Read, Write};

use ::csv as rcsv;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::{Db, Progress};
use crate::error::{Error, Result};
use crate::findings::{self, FindingInput, FindingStatus};
use crate::people::{self, PersonInput, Role};
use crate::questions::{self, QuestionInput};
use crate::roadmaps::{self, DeliverableInput, DeliverableStatus, Priority, RowInput};
use crate::tags::parse_tags;

/// Characters that make Excel, LibreOffice or Sheets treat a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Prefixes `'` to a cell a spreadsheet would evaluate. A cell that already starts with `'`s
/// before such a character gets one more, so [`unneutralise`] restores every value exactly.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let rest = cell.trim_start_matches('\'');
    if rest.starts_with(FORMULA_START) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The inverse of [`neutralise`], applied on import.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_START) => rest,
        _ => cell,
    }
}

crate::text_enum! {
    #[ts(export)]
    pub enum ListKind {
        People = "people",
        Interviews = "interviews",
        Notes = "notes",
        Quotes = "quotes",
        Findings = "findings",
        Questions = "questions",
        Guides = "guides",
        /// One line per deliverable (a row without deliverables gets one line of its own).
        RoadmapRows = "roadmap_rows",
        RoadmapUpdates = "roadmap_updates",
        /// One line per sprint card, with its sprint's focus and dates.
        SprintCards = "sprint_cards",
        FollowUps = "follow_ups",
    }
}

impl ListKind {
    /// The stable export columns (docs/csv.md).
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            ListKind::People => &[
                "id",
                "name",
                "team",
                "role",
                "contact",
                "core_user",
                "notes",
                "archived_at",
                "created_at",
                "updated_at",
            ],
            ListKind::Interviews => &[
                "id",
                "title",
                "topic",
                "scheduled_at",
                "duration_minutes",
                "interviewees",
                "interviewee_ids",
                "note_taker",
                "guide_id",
                "mixed_roles_ack_at",
                "started_at",
                "ended_at",
                "note_count",
            ],
            ListKind::Notes | ListKind::Quotes => &[
                "id",
                "interview_id",
                "interview_title",
                "offset_seconds",
                "text",
                "is_quote",
                "speaker",
                "tags",
                "created_at",
            ],
            ListKind::Findings => &[
                "id",
                "title",
                "detail",
                "status",
                "tags",
                "evidence_count",
                "interviewee_count",
                "lead_count",
                "ic_count",
                "evidence_note_ids",
                "created_at",
            ],
            ListKind::Questions => &[
                "id",
                "text",
                "topic",
                "tags",
                "leading_version",
                "rationale",
                "builtin",
                "archived_at",
            ],
            ListKind::Guides => &[
                "guide_id",
                "guide_title",
                "position",
                "question_id",
                "question",
                "minutes",
            ],
            ListKind::RoadmapRows => &[
                "roadmap_id",
                "roadmap",
                "priority",
                "project",
                "stakeholders",
                "goal_what",
                "goal_why",
                "deliverable",
                "owner",
                "due_on",
                "status",
                "done_on",
                "latest_status",
            ],
            ListKind::RoadmapUpdates => &[
                "roadmap_id",
                "roadmap",
                "project",
                "meeting_on",
                "status",
                "note",
                "created_at",
            ],
            ListKind::SprintCards => &[
                "sprint_id",
                "focus",
                "starts_on",
                "ends_on",
                "card_limit",
                "card_id",
                "card",
                "lane",
                "added_on",
                "done_on",
            ],
            ListKind::FollowUps => &[
                "id",
                "person",
                "core_user",
                "reason",
                "deliverable",
                "interview",
                "release",
                "due_on",
                "done_on",
                "outcome",
                "created_at",
            ],
        }
    }

    fn query(self) -> &'static str {
        match self {
            ListKind::People => {
                "SELECT id, name, team, role, contact, CASE core_user WHEN 1 THEN 'true' ELSE 'false' END,
                        notes, archived_at, created_at, updated_at
                 FROM people ORDER BY name COLLATE NOCASE, id"
            }
            ListKind::Interviews => {
                "SELECT i.id, i.title, i.topic, i.scheduled_at, i.duration_minutes,
                        (SELECT group_concat(p.name, '; ') FROM interview_people ip JOIN people p ON p.id = ip.person_id
                          WHERE ip.interview_id = i.id),
                        (SELECT group_concat(ip.person_id, ' ') FROM interview_people ip WHERE ip.interview_id = i.id),
                        (SELECT name FROM people WHERE id = i.note_taker_id), i.guide_id,
                        i.mixed_roles_ack_at, i.started_at, i.ended_at,
                        (SELECT count(*) FROM notes n WHERE n.interview_id = i.id)
                 FROM interviews i ORDER BY i.scheduled_at, i.id"
            }
            ListKind::Notes | ListKind::Quotes => {
                "SELECT n.id, n.interview_id, i.title, n.offset_seconds, n.text,
                        CASE n.is_quote WHEN 1 THEN 'true' ELSE 'false' END, p.name, n.text, n.created_at
                 FROM notes n JOIN interviews i ON i.id = n.interview_id
                 LEFT JOIN people p ON p.id = n.speaker_id
                 WHERE ?1 = 0 OR n.is_quote = 1
                 ORDER BY i.scheduled_at, n.created_at, n.id"
            }
            ListKind::Findings => "SELECT id FROM findings ORDER BY created_at, id",
            ListKind::Questions => {
                "SELECT q.id, q.text, q.topic,
                        coalesce((SELECT group_concat(tag, ' ') FROM (SELECT tag FROM question_tags t
                                  WHERE t.question_id = q.id ORDER BY tag)), ''),
                        q.leading_version, q.rationale,
                        CASE q.builtin WHEN 1 THEN 'true' ELSE 'false' END, q.archived_at
                 FROM questions q ORDER BY q.topic, q.text, q.id"
            }
            ListKind::Guides => {
                "SELECT g.id, g.title, gi.position, q.id, q.text, gi.minutes
                 FROM guides g JOIN guide_items gi ON gi.guide_id = g.id JOIN questions q ON q.id = gi.question_id
                 ORDER BY g.title, g.id, gi.position"
            }
            ListKind::RoadmapRows => {
                "SELECT r.id, r.title, w.priority, w.project, w.stakeholders, w.goal_what, w.goal_why,
                        d.title, d.owner, d.due_on, d.status, d.done_on,
                        (SELECT u.status FROM row_updates u WHERE u.row_id = w.id ORDER BY u.created_at DESC LIMIT 1)
                 FROM roadmap_rows w JOIN roadmaps r ON r.id = w.roadmap_id
                 LEFT JOIN deliverables d ON d.row_id = w.id
                 ORDER BY r.starts_on, r.id, w.priority = 'low', w.position, d.position"
            }
            ListKind::RoadmapUpdates => {
                "SELECT r.id, r.title, w.project, u.meeting_on, u.status, u.note, u.created_at
                 FROM row_updates u JOIN roadmap_rows w ON w.id = u.row_id JOIN roadmaps r ON r.id = w.roadmap_id
                 ORDER BY r.starts_on, r.id, w.position, u.created_at"
            }
            ListKind::SprintCards => {
                "SELECT s.id, s.focus, s.starts_on, s.ends_on, s.card_limit, c.id, c.title, c.lane,
                        c.added_on, c.done_on
                 FROM sprint_cards c JOIN sprints s ON s.id = c.sprint_id
                 ORDER BY s.starts_on, s.id, CASE c.lane WHEN 'todo' THEN 0 WHEN 'doing' THEN 1 ELSE 2 END,
                          c.position"
            }
            ListKind::FollowUps => {
                "SELECT f.id, p.name, CASE p.core_user WHEN 1 THEN 'true' ELSE 'false' END, f.reason,
                        d.title, i.title, f.release, f.due_on, f.done_on, f.outcome, f.created_at
                 FROM followups f JOIN people p ON p.id = f.person_id
                 LEFT JOIN deliverables d ON d.id = f.deliverable_id
                 LEFT JOIN interviews i ON i.id = f.interview_id
                 ORDER BY f.due_on, p.name COLLATE NOCASE, f.id"
            }
        }
    }
}

/// Export `kind` to `path` (a file the user picked in the save dialog).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CsvExport {
    pub kind: ListKind,
    pub path: String,
    /// Start with a UTF-8 byte-order mark so Excel detects UTF-8.
    pub bom: bool,
}

/// Import (or, with `dry_run`, preview) the file at `path` as `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CsvImport {
    pub kind: ListKind,
    pub path: String,
    pub dry_run: bool,
    /// Field → column name, when a header was not recognised.
    pub overrides: HashMap<String, String>,
    /// Where roadmap rows go.
    pub roadmap_id: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportOptions {
    /// Start with a UTF-8 byte-order mark so Excel detects UTF-8.
    pub bom: bool,
}

fn cell(v: rusqlite::types::ValueRef<'_>) -> String {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => String::new(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into_owned(),
    }
}

fn write_row<W: Write>(w: &mut rcsv::Writer<W>, row: &[String]) -> Result<()> {
    w.write_record(row.iter().map(|c| neutralise(c).into_owned()))
        .map_err(csv_err)
}

fn csv_err(e: rcsv::Error) -> Error {
    match e.into_kind() {
        rcsv::ErrorKind::Io(io) => Error::Io(io),
        other => Error::Io(std::io::Error::other(format!("{other:?}"))),
    }
}

/// Writes `kind` as CSV to `out`, reporting rows written. Returns the number of data rows.
pub fn export<W: Write>(
    db: &Db,
    kind: ListKind,
    out: W,
    opts: ExportOptions,
    mut on_progress: impl FnMut(Progress),
) -> Result<u64> {
    let mut out = out;
    if opts.bom {
        out.write_all("\u{FEFF}".as_bytes())?;
    }
    let mut w = rcsv::WriterBuilder::new()
        .terminator(rcsv::Terminator::CRLF)
        .from_writer(out);
    let columns = kind.columns();
    w.write_record(columns).map_err(csv_err)?;
    let total = count_rows(db, kind)?;
    let mut done = 0u64;
    let mut tick = |done: u64| {
        if done.is_multiple_of(1000) || done == total {
            on_progress(Progress { done, total });
        }
    };
    let mut stmt = db.conn().prepare(kind.query())?;
    let mut rows = match kind {
        ListKind::Notes => stmt.query([0])?,
        ListKind::Quotes => stmt.query([1])?,
        _ => stmt.query([])?,
    };
    while let Some(r) = rows.next()? {
        let row: Vec<String> = if kind == ListKind::Findings {
            let f = findings::get(db, &r.get::<_, String>(0)?)?;
            vec![
                f.id,
                f.title,
                f.detail,
                f.status.as_str().to_owned(),
                f.tags.join(" "),
                f.evidence.len().to_string(),
                f.interviewee_count.to_string(),
                f.lead_count.to_string(),
                f.ic_count.to_string(),
                f.evidence
                    .iter()
                    .map(|e| e.note_id.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                f.created_at,
            ]
        } else {
            let mut row: Vec<String> = (0..columns.len())
                .map(|i| r.get_ref(i).map(cell))
                .collect::<rusqlite::Result<_>>()?;
            if matches!(kind, ListKind::Notes | ListKind::Quotes) {
                row[7] = parse_tags(&row[7]).join(" ");
            }
            row
        };
        write_row(&mut w, &row)?;
        done += 1;
        tick(done);
    }
    w.flush()?;
    on_progress(Progress { done, total: done });
    Ok(done)
}

fn count(db: &Db, sql: &str) -> Result<u64> {
    Ok(db.conn().query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
}

/// What an import would do (dry run) or did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub rows: u64,
    /// The file's header row, for choosing a mapping by hand.
    pub headers: Vec<String>,
    /// Which CSV column feeds each field.
    pub mapping: Vec<ColumnMap>,
    /// Columns in the file that no field uses.
    pub ignored_columns: Vec<String>,
    pub errors: Vec<RowError>,
    /// True only when every row was valid and the rows were written.
    pub applied: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ColumnMap {
    pub field: String,
    pub column: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RowError {
    /// 1-based line in spreadsheet terms: the header is row 1.
    pub row: u64,
    pub column: String,
    pub message: String,
}

/// The fields an importable list takes (`None`: export only), for a mapping screen.
pub fn import_fields(kind: ListKind) -> Option<Vec<String>> {
    fields(kind).map(|f| f.iter().map(|(name, _, _)| name.to_string()).collect())
}

/// Fields an importable list takes: (field, required, accepted header names).
fn fields(kind: ListKind) -> Option<&'static [(&'static str, bool, &'static [&'static str])]> {
    Some(match kind {
        ListKind::People => &[
            ("name", true, &["name", "full name", "person"]),
            ("team", false, &["team", "group"]),
            ("role", false, &["role"]),
            ("contact", false, &["contact", "email", "handle"]),
            ("core_user", false, &["core_user", "core user", "core"]),
            ("notes", false, &["notes", "note"]),
        ],
        ListKind::Questions => &[
            ("text", true, &["text", "question"]),
            ("topic", false, &["topic"]),
            ("tags", false, &["tags", "tag"]),
            (
                "leading_version",
                false,
                &["leading_version", "leading version", "leading"],
            ),
            ("rationale", false, &["rationale", "why"]),
        ],
        ListKind::Findings => &[
            ("title", true, &["title", "finding"]),
            ("detail", false, &["detail", "details", "description"]),
            ("status", false, &["status"]),
            ("tags", false, &["tags", "tag"]),
            ("evidence", true, &["evidence_note_ids", "evidence"]),
        ],
        ListKind::RoadmapRows => &[
            ("project", true, &["project"]),
            ("stakeholders", false, &["stakeholders"]),
            ("goal_what", true, &["goal_what", "goal", "what"]),
            ("goal_why", true, &["goal_why", "why"]),
            ("priority", false, &["priority"]),
            (
                "deliverable",
                false,
                &["deliverable", "deliverables", "how"],
            ),
            ("owner", false, &["owner"]),
            ("due_on", false, &["due_on", "due", "when"]),
            ("status", false, &["status"]),
        ],
        _ => return None,
    })
}

fn norm(h: &str) -> String {
    h.trim()
        .trim_start_matches('\u{FEFF}')
        .to_lowercase()
        .replace(['-', '_'], " ")
}

fn parse_bool(field: &str, v: &str) -> Result<bool> {
    match v.trim().to_lowercase().as_str() {
        "" | "false" | "no" | "n" | "0" => Ok(false),
        "true" | "yes" | "y" | "1" => Ok(true),
        other => Err(Error::invalid(
            field,
            format!("“{other}” is not yes/no (true/false)"),
        )),
    }
}

/// One validated row, ready to write.
enum Row {
    Person(PersonInput),
    Question(QuestionInput),
    Finding(FindingInput),
    /// A roadmap row (created on its project's first line) and maybe one deliverable.
    Roadmap(RowInput, Option<DeliverableInput>),
}

/// What an import writes into, and what it has created so far.
struct Target<'a> {
    roadmap: Option<&'a str>,
    /// Roadmap rows created by this import, by project name.
    rows: HashMap<String, String>,
}

fn to_row(kind: ListKind, get: &dyn Fn(&str) -> String) -> Result<Row> {
    let split = |v: String| v.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    Ok(match kind {
        ListKind::People => {
            let role = get("role");
            Row::Person(PersonInput {
                name: get("name"),
                team: get("team"),
                role: if role.trim().is_empty() {
                    Role::Ic
                } else {
                    Role::parse(&role).ok_or_else(|| {
                        Error::invalid(
                            "role",
                            format!("“{role}” is not one of ic, lead, manager, other"),
                        )
                    })?
                },
                contact: get("contact"),
                core_user: parse_bool("core_user", &get("core_user"))?,
                notes: get("notes"),
            })
        }
        ListKind::Questions => Row::Question(QuestionInput {
            text: get("text"),
            topic: get("topic"),
            tags: split(get("tags")),
            leading_version: Some(get("leading_version")).filter(|v| !v.trim().is_empty()),
            rationale: get("rationale"),
        }),
        ListKind::Findings => {
            let status = get("status");
            Row::Finding(FindingInput {
                title: get("title"),
                detail: get("detail"),
                status: match status.trim().to_lowercase().as_str() {
                    "" | "open" => FindingStatus::Open,
                    "confirmed" => FindingStatus::Confirmed,
                    "acted" => FindingStatus::Acted,
                    "dismissed" => FindingStatus::Dismissed,
                    other => {
                        return Err(Error::invalid(
                            "status",
                            format!("“{other}” is not one of open, confirmed, acted, dismissed"),
                        ))
                    }
                },
                tags: split(get("tags")),
                evidence_note_ids: split(get("evidence")),
            })
        }
        ListKind::RoadmapRows => {
            let priority = match get("priority").trim().to_lowercase().as_str() {
                "" | "high" => Priority::High,
                "low" => Priority::Low,
                other => {
                    return Err(Error::invalid(
                        "priority",
                        format!("“{other}” is not high or low"),
                    ))
                }
            };
            let status = get("status");
            let status = match status.trim().to_lowercase().as_str() {
                "" | "planned" => DeliverableStatus::Planned,
                "in-progress" | "in progress" => DeliverableStatus::InProgress,
                "done" => DeliverableStatus::Done,
                "dropped" => DeliverableStatus::Dropped,
                other => {
                    return Err(Error::invalid(
                        "status",
                        format!("“{other}” is not one of planned, in-progress, done, dropped"),
                    ))
                }
            };
            let title = get("deliverable");
            Row::Roadmap(
                RowInput {
                    project: get("project"),
                    stakeholders: get("stakeholders"),
                    goal_what: get("goal_what"),
                    goal_why: get("goal_why"),
                    priority,
                },
                (!title.trim().is_empty()).then(|| DeliverableInput {
                    title,
                    owner: get("owner"),
                    due_on: get("due_on"),
                    status,
                }),
            )
        }
        _ => unreachable!("checked by fields()"),
    })
}

fn write(db: &mut Db, row: &Row, target: &mut Target) -> Result<()> {
    match row {
        Row::Person(p) => people::create(db, p).map(drop),
        Row::Question(q) => questions::create(db, q).map(drop),
        Row::Finding(f) => findings::create(db, f).map(drop),
        Row::Roadmap(input, deliverable) => {
            let roadmap = target.roadmap.ok_or_else(|| {
                Error::invalid("roadmap", "Choose the roadmap to import these rows into")
            })?;
            let key = input.project.trim().to_owned();
            let row_id = match target.rows.get(&key) {
                Some(id) => id.clone(),
                None => {
                    let r = roadmaps::add_row(db, roadmap, input)?;
                    let id = r
                        .rows
                        .iter()
                        .rev()
                        .find(|w| w.project == key)
                        .map(|w| w.id.clone())
                        .unwrap_or_default();
                    target.rows.insert(key, id.clone());
                    id
                }
            };
            if let Some(d) = deliverable {
                roadmaps::add_deliverable(db, &row_id, d, crate::clock::Zone::system().today())?;
            }
            Ok(())
        }
    }
}

/// Imports `input` as `kind`. Every row is checked by the core's own rules inside one
/// savepoint; the rows are kept only if all of them pass and `dry_run` is false.
/// `overrides` maps a field to a column name when the headers are not recognised.
pub fn import<R: Read>(
    db: &mut Db,
    kind: ListKind,
    input: R,
    overrides: &HashMap<String, String>,
    dry_run: bool,
) -> Result<ImportReport> {
    import_into(db, kind, input, overrides, dry_run, None)
}

/// [`import`] for lists that belong to a roadmap (`roadmap_rows`): `roadmap` is where they go.
pub fn import_into<R: Read>(
    db: &mut Db,
    kind: ListKind,
    input: R,
    overrides: &HashMap<String, String>,
    dry_run: bool,
    roadmap: Option<&str>,
) -> Result<ImportReport> {
    if kind == ListKind::RoadmapRows {
        match roadmap {
            None => {
                return Err(Error::invalid(
                    "roadmap",
                    "Choose the roadmap to import these rows into",
                ))
            }
            Some(id) => {
                roadmaps::get(db, id)?;
            }
        }
    }
    let mut target = Target {
        roadmap,
        rows: HashMap::new(),
    };
    let spec = fields(kind).ok_or_else(|| {
        Error::invalid(
            "kind",
            format!("{} cannot be imported (export only)", kind.as_str()),
        )
    })?;
    let mut reader = rcsv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers: Vec<String> = reader
        .headers()
        .map_err(csv_err)?
        .iter()
        .map(|h| h.trim_start_matches('\u{FEFF}').to_owned())
        .collect();
    let mut report = ImportReport {
        headers: headers.clone(),
        ..ImportReport::default()
    };
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (field, required, names) in spec {
        let wanted = overrides
            .get(*field)
            .map(|o| vec![norm(o)])
            .unwrap_or_else(|| names.iter().map(|n| norm(n)).collect());
        match headers.iter().position(|h| wanted.contains(&norm(h))) {
            Some(i) => {
                index.insert(field, i);
                report.mapping.push(ColumnMap {
                    field: field.to_string(),
                    column: headers[i].clone(),
                });
            }
            None if *required => report.errors.push(RowError {
                row: 1,
                column: field.to_string(),
                message: format!(
                    "No column for the required field “{field}” (expected a header such as “{}”)",
                    names[0]
                ),
            }),
            None => {}
        }
    }
    report.ignored_columns = headers
        .iter()
        .enumerate()
        .filter(|(i, _)| !index.values().any(|v| v == i))
        .map(|(_, h)| h.clone())
        .collect();
    if !report.errors.is_empty() {
        return Ok(report);
    }
    let column_of = |field: &str| {
        index
            .get(field)
            .map(|&i| headers[i].clone())
            .unwrap_or_else(|| field.to_owned())
    };

    report.applied = db.atomically(|db| {
        for (n, record) in reader.records().enumerate() {
            let row_no = n as u64 + 2;
            report.rows += 1;
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    report.errors.push(RowError {
                        row: row_no,
                        column: String::new(),
                        message: format!("Unreadable CSV: {e}"),
                    });
                    continue;
                }
            };
            if record.len() != headers.len() {
                report.errors.push(RowError {
                    row: row_no,
                    column: String::new(),
                    message: format!(
                        "{} cells where the header has {}",
                        record.len(),
                        headers.len()
                    ),
                });
                continue;
            }
            let get = |field: &str| {
                index
                    .get(field)
                    .and_then(|&i| record.get(i))
                    .map(|v| unneutralise(v).to_owned())
                    .unwrap_or_default()
            };
            match to_row(kind, &get).and_then(|row| write(db, &row, &mut target)) {
                Ok(()) => {}
                Err(Error::Validation { field, message }) => report.errors.push(RowError {
                    row: row_no,
                    column: column_of(&field),
                    message,
                }),
                Err(other) => return Err(other),
            }
        }
        let keep = report.errors.is_empty() && !dry_run;
        Ok((keep, keep))
    })?;
    Ok(report)
}

/// How many data rows an export of `kind` has.
pub fn count_rows(db: &Db, kind: ListKind) -> Result<u64> {
    let sql = match kind {
        ListKind::People => "SELECT count(*) FROM people",
        ListKind::Interviews => "SELECT count(*) FROM interviews",
        ListKind::Notes => "SELECT count(*) FROM notes",
        ListKind::Quotes => "SELECT count(*) FROM notes WHERE is_quote = 1",
        ListKind::Findings => "SELECT count(*) FROM findings",
        ListKind::Questions => "SELECT count(*) FROM questions",
        ListKind::Guides => "SELECT count(*) FROM guide_items",
        ListKind::RoadmapRows => {
            "SELECT count(*) FROM roadmap_rows w LEFT JOIN deliverables d ON d.row_id = w.id"
        }
        ListKind::RoadmapUpdates => "SELECT count(*) FROM row_updates",
        ListKind::SprintCards => "SELECT count(*) FROM sprint_cards",
        ListKind::FollowUps => "SELECT count(*) FROM followups",
    };
    count(db, sql)
}
