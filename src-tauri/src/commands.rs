//! IPC commands: argument parsing and error mapping only.

use rapport::clock::today;
use rapport::db::WorkspaceInfo;
use rapport::findings::{self, Finding, FindingInput, FindingStatus, TagGroup};
use rapport::followups::{
    self, FollowUp, FollowUpFilter, FollowUpInput, FollowUpOffer, StaleContact,
};
use rapport::interviews::notes::{self, Note, NoteInput};
use rapport::interviews::{self, Interview, InterviewInput};
use rapport::people::{self, Person, PersonFilter, PersonInput};
use rapport::questions::guides::{self, Guide, GuideInput, GuideSummary};
use rapport::questions::lint::{self, LintFinding};
use rapport::questions::{self, Question, QuestionFilter, QuestionInput, TopicCount};
use rapport::report::{self, ReportFormat};
use rapport::roadmaps::meeting::{self, RowUpdate, UpdateStatus};
use rapport::roadmaps::report::{StakeholderFormat, StakeholderReport};
use rapport::roadmaps::retro::{self, Retro, RetroNotes};
use rapport::roadmaps::{
    self, DeliverableInput, Priority, Roadmap, RoadmapInput, RoadmapSummary, RowInput,
};
use rapport::search::{self, SearchHit};
use rapport::settings::{self, Preferences};
use rapport::sprints::{self, board, entries, EntryKind, Lane, Sprint, SprintInput, SprintSummary};
use rapport::today::Today;
use rapport::{Db, ErrorPayload};
use std::collections::HashMap;
use std::path::PathBuf;

use rapport::csv::{self, ExportOptions, ImportReport, ListKind};
use rapport::db::Progress;
use tauri::ipc::Channel;
use tauri::State;

use crate::AppState;

type Reply<T> = Result<T, ErrorPayload>;

/// Runs `f` on the open workspace, or returns why there is none.
fn with_db<T>(state: &State<AppState>, f: impl FnOnce(&mut Db) -> rapport::Result<T>) -> Reply<T> {
    let mut guard = state.db.lock().unwrap_or_else(|p| p.into_inner());
    match &mut *guard {
        Ok(db) => f(db).map_err(ErrorPayload::from),
        Err(e) => Err(e.clone()),
    }
}

#[tauri::command(async)]
pub fn workspace_info(state: State<AppState>) -> Reply<WorkspaceInfo> {
    with_db(&state, |db| db.info())
}

#[tauri::command(async)]
pub fn preferences_get(state: State<AppState>) -> Reply<Preferences> {
    with_db(&state, |db| settings::load(db))
}

#[tauri::command(async)]
pub fn preferences_save(state: State<AppState>, prefs: Preferences) -> Reply<Preferences> {
    with_db(&state, |db| settings::save(db, &prefs))
}

#[tauri::command(async)]
pub fn people_list(state: State<AppState>, filter: PersonFilter) -> Reply<Vec<Person>> {
    with_db(&state, |db| people::list(db, &filter))
}

#[tauri::command(async)]
pub fn people_create(state: State<AppState>, input: PersonInput) -> Reply<Person> {
    with_db(&state, |db| people::create(db, &input))
}

#[tauri::command(async)]
pub fn people_update(state: State<AppState>, id: String, input: PersonInput) -> Reply<Person> {
    with_db(&state, |db| people::update(db, &id, &input))
}

#[tauri::command(async)]
pub fn people_set_archived(state: State<AppState>, id: String, archived: bool) -> Reply<Person> {
    with_db(&state, |db| people::set_archived(db, &id, archived))
}

#[tauri::command(async)]
pub fn lint_check(question: String) -> Vec<LintFinding> {
    lint::check(&question)
}

#[tauri::command(async)]
pub fn questions_list(state: State<AppState>, filter: QuestionFilter) -> Reply<Vec<Question>> {
    with_db(&state, |db| questions::list(db, &filter))
}

#[tauri::command(async)]
pub fn questions_topics(state: State<AppState>) -> Reply<Vec<TopicCount>> {
    with_db(&state, |db| questions::topics(db))
}

#[tauri::command(async)]
pub fn questions_create(state: State<AppState>, input: QuestionInput) -> Reply<Question> {
    with_db(&state, |db| questions::create(db, &input))
}

#[tauri::command(async)]
pub fn questions_update(
    state: State<AppState>,
    id: String,
    input: QuestionInput,
) -> Reply<Question> {
    with_db(&state, |db| questions::update(db, &id, &input))
}

#[tauri::command(async)]
pub fn questions_set_archived(
    state: State<AppState>,
    id: String,
    archived: bool,
) -> Reply<Question> {
    with_db(&state, |db| questions::set_archived(db, &id, archived))
}

#[tauri::command(async)]
pub fn guides_list(state: State<AppState>) -> Reply<Vec<GuideSummary>> {
    with_db(&state, |db| guides::list(db))
}

#[tauri::command(async)]
pub fn guides_get(state: State<AppState>, id: String) -> Reply<Guide> {
    with_db(&state, |db| guides::get(db, &id))
}

#[tauri::command(async)]
pub fn guides_create(state: State<AppState>, input: GuideInput) -> Reply<Guide> {
    with_db(&state, |db| guides::create(db, &input))
}

#[tauri::command(async)]
pub fn guides_update(state: State<AppState>, id: String, input: GuideInput) -> Reply<Guide> {
    with_db(&state, |db| guides::update(db, &id, &input))
}

#[tauri::command(async)]
pub fn guides_delete(state: State<AppState>, id: String) -> Reply<()> {
    with_db(&state, |db| guides::delete(db, &id))
}

#[tauri::command(async)]
pub fn guides_add_question(
    state: State<AppState>,
    guide_id: String,
    question_id: String,
    minutes: i64,
) -> Reply<Guide> {
    with_db(&state, |db| {
        guides::add_question(db, &guide_id, &question_id, minutes)
    })
}

#[tauri::command(async)]
pub fn guides_remove_item(state: State<AppState>, item_id: String) -> Reply<Guide> {
    with_db(&state, |db| guides::remove_item(db, &item_id))
}

#[tauri::command(async)]
pub fn guides_set_minutes(state: State<AppState>, item_id: String, minutes: i64) -> Reply<Guide> {
    with_db(&state, |db| guides::set_minutes(db, &item_id, minutes))
}

#[tauri::command(async)]
pub fn guides_reorder(
    state: State<AppState>,
    guide_id: String,
    item_ids: Vec<String>,
) -> Reply<Guide> {
    with_db(&state, |db| guides::reorder(db, &guide_id, &item_ids))
}

/// The guide as Markdown or print-ready HTML.
#[tauri::command(async)]
pub fn guides_export(state: State<AppState>, id: String, format: ReportFormat) -> Reply<String> {
    with_db(&state, |db| guides::export(db, &id, format))
}

#[tauri::command(async)]
pub fn interviews_list(state: State<AppState>) -> Reply<Vec<Interview>> {
    with_db(&state, |db| interviews::list(db))
}

#[tauri::command(async)]
pub fn interviews_get(state: State<AppState>, id: String) -> Reply<Interview> {
    with_db(&state, |db| interviews::get(db, &id))
}

#[tauri::command(async)]
pub fn interviews_plan(state: State<AppState>, input: InterviewInput) -> Reply<Interview> {
    with_db(&state, |db| interviews::plan(db, &input))
}

#[tauri::command(async)]
pub fn interviews_update(
    state: State<AppState>,
    id: String,
    input: InterviewInput,
) -> Reply<Interview> {
    with_db(&state, |db| interviews::update(db, &id, &input))
}

#[tauri::command(async)]
pub fn interviews_delete(state: State<AppState>, id: String) -> Reply<()> {
    with_db(&state, |db| interviews::delete(db, &id))
}

#[tauri::command(async)]
pub fn interviews_start(state: State<AppState>, id: String) -> Reply<Interview> {
    with_db(&state, |db| interviews::start(db, &id))
}

#[tauri::command(async)]
pub fn interviews_finish(state: State<AppState>, id: String) -> Reply<Interview> {
    with_db(&state, |db| interviews::finish(db, &id))
}

#[tauri::command(async)]
pub fn interviews_save_draft(state: State<AppState>, id: String, draft: String) -> Reply<()> {
    with_db(&state, |db| interviews::save_draft(db, &id, &draft))
}

#[tauri::command(async)]
pub fn notes_list(state: State<AppState>, interview_id: String) -> Reply<Vec<Note>> {
    with_db(&state, |db| notes::list(db, &interview_id))
}

#[tauri::command(async)]
pub fn notes_add(state: State<AppState>, interview_id: String, input: NoteInput) -> Reply<Note> {
    with_db(&state, |db| notes::add(db, &interview_id, &input))
}

#[tauri::command(async)]
pub fn notes_update(state: State<AppState>, id: String, input: NoteInput) -> Reply<Note> {
    with_db(&state, |db| notes::update(db, &id, &input))
}

#[tauri::command(async)]
pub fn notes_delete(state: State<AppState>, id: String) -> Reply<()> {
    with_db(&state, |db| notes::delete(db, &id))
}

#[tauri::command(async)]
pub fn findings_by_tag(state: State<AppState>) -> Reply<Vec<TagGroup>> {
    with_db(&state, |db| findings::by_tag(db))
}

#[tauri::command(async)]
pub fn findings_create(state: State<AppState>, input: FindingInput) -> Reply<Finding> {
    with_db(&state, |db| findings::create(db, &input))
}

#[tauri::command(async)]
pub fn findings_set_status(
    state: State<AppState>,
    id: String,
    status: FindingStatus,
) -> Reply<Finding> {
    with_db(&state, |db| findings::set_status(db, &id, status))
}

#[tauri::command(async)]
pub fn findings_delete(state: State<AppState>, id: String) -> Reply<()> {
    with_db(&state, |db| findings::delete(db, &id))
}

#[tauri::command(async)]
pub fn search_all(state: State<AppState>, query: String) -> Reply<Vec<SearchHit>> {
    with_db(&state, |db| search::search(db, &query, 50))
}

#[tauri::command(async)]
pub fn report_interview(state: State<AppState>, id: String, format: ReportFormat) -> Reply<String> {
    with_db(&state, |db| report::interview(db, &id, format))
}

#[tauri::command(async)]
pub fn report_findings(state: State<AppState>, format: ReportFormat) -> Reply<String> {
    with_db(&state, |db| report::findings(db, format))
}

#[tauri::command(async)]
pub fn report_quotes(state: State<AppState>, format: ReportFormat) -> Reply<String> {
    with_db(&state, |db| report::quotes(db, format))
}

/// Writes `kind` as CSV to the path the user chose in the save dialog, streaming progress.
#[tauri::command(async)]
pub fn csv_export(
    state: State<AppState>,
    kind: ListKind,
    path: PathBuf,
    bom: bool,
    on_progress: Channel<Progress>,
) -> Reply<u64> {
    with_db(&state, |db| {
        let file = std::io::BufWriter::new(std::fs::File::create(&path)?);
        csv::export(db, kind, file, ExportOptions { bom }, |p| {
            let _ = on_progress.send(p);
        })
    })
}

#[tauri::command(async)]
pub fn csv_import(
    state: State<AppState>,
    kind: ListKind,
    path: PathBuf,
    dry_run: bool,
    overrides: HashMap<String, String>,
    roadmap_id: Option<String>,
) -> Reply<ImportReport> {
    with_db(&state, |db| {
        let file = std::fs::File::open(&path)?;
        csv::import_into(db, kind, file, &overrides, dry_run, roadmap_id.as_deref())
    })
}

#[tauri::command(async)]
pub fn csv_import_fields(kind: ListKind) -> Vec<String> {
    csv::import_fields(kind).unwrap_or_default()
}

/// The native save or open dialog for a CSV file; `None` when the user cancels.
#[tauri::command(async)]
pub fn pick_csv_path(
    app: tauri::AppHandle,
    state: State<AppState>,
    save: bool,
    default_name: String,
) -> Reply<Option<String>> {
    use tauri_plugin_dialog::DialogExt;
    if let Some(dir) = &state.test_dialog_dir {
        let path = if save {
            dir.join(&default_name)
        } else {
            PathBuf::from(
                std::fs::read_to_string(dir.join("open-path.txt"))
                    .unwrap_or_default()
                    .trim(),
            )
        };
        return Ok(Some(path.display().to_string()));
    }
    let dialog = app.dialog().file().add_filter("CSV", &["csv"]);
    let picked = if save {
        dialog.set_file_name(&default_name).blocking_save_file()
    } else {
        dialog.blocking_pick_file()
    };
    Ok(picked
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}

#[tauri::command(async)]
pub fn roadmaps_list(state: State<AppState>) -> Reply<Vec<RoadmapSummary>> {
    with_db(&state, |db| roadmaps::list(db))
}

#[tauri::command(async)]
pub fn roadmaps_get(state: State<AppState>, id: String) -> Reply<Roadmap> {
    with_db(&state, |db| roadmaps::get(db, &id))
}

#[tauri::command(async)]
pub fn roadmaps_create(state: State<AppState>, input: RoadmapInput) -> Reply<Roadmap> {
    with_db(&state, |db| roadmaps::create(db, &input))
}

#[tauri::command(async)]
pub fn roadmaps_add_row(
    state: State<AppState>,
    roadmap_id: String,
    input: RowInput,
) -> Reply<Roadmap> {
    with_db(&state, |db| roadmaps::add_row(db, &roadmap_id, &input))
}

#[tauri::command(async)]
pub fn roadmaps_update_row(
    state: State<AppState>,
    row_id: String,
    input: RowInput,
) -> Reply<Roadmap> {
    with_db(&state, |db| roadmaps::update_row(db, &row_id, &input))
}

#[tauri::command(async)]
pub fn roadmaps_delete_row(state: State<AppState>, row_id: String) -> Reply<Roadmap> {
    with_db(&state, |db| roadmaps::delete_row(db, &row_id))
}

#[tauri::command(async)]
pub fn roadmaps_set_priority(
    state: State<AppState>,
    row_id: String,
    priority: Priority,
) -> Reply<Roadmap> {
    with_db(&state, |db| roadmaps::set_priority(db, &row_id, priority))
}

#[tauri::command(async)]
pub fn roadmaps_reorder_rows(
    state: State<AppState>,
    roadmap_id: String,
    priority: Priority,
    row_ids: Vec<String>,
) -> Reply<Roadmap> {
    with_db(&state, |db| {
        roadmaps::reorder_rows(db, &roadmap_id, priority, &row_ids)
    })
}

#[tauri::command(async)]
pub fn roadmaps_add_deliverable(
    state: State<AppState>,
    row_id: String,
    input: DeliverableInput,
) -> Reply<Roadmap> {
    with_db(&state, |db| {
        roadmaps::add_deliverable(db, &row_id, &input, today())
    })
}

#[tauri::command(async)]
pub fn roadmaps_update_deliverable(
    state: State<AppState>,
    id: String,
    input: DeliverableInput,
) -> Reply<Roadmap> {
    with_db(&state, |db| {
        roadmaps::update_deliverable(db, &id, &input, today())
    })
}

#[tauri::command(async)]
pub fn roadmaps_delete_deliverable(state: State<AppState>, id: String) -> Reply<Roadmap> {
    with_db(&state, |db| roadmaps::delete_deliverable(db, &id))
}

#[tauri::command(async)]
pub fn roadmaps_record_update(
    state: State<AppState>,
    row_id: String,
    status: UpdateStatus,
    note: String,
) -> Reply<RowUpdate> {
    with_db(&state, |db| {
        meeting::record(db, &row_id, status, &note, today())
    })
}

#[tauri::command(async)]
pub fn roadmaps_history(state: State<AppState>, row_id: String) -> Reply<Vec<RowUpdate>> {
    with_db(&state, |db| meeting::history(db, &row_id))
}

#[tauri::command(async)]
pub fn roadmaps_next_meeting(state: State<AppState>, id: String) -> Reply<Option<String>> {
    with_db(&state, |db| {
        Ok(meeting::next_meeting(db, &id)?.map(|d| d.to_string()))
    })
}

#[tauri::command(async)]
pub fn roadmaps_retro(state: State<AppState>, id: String) -> Reply<Retro> {
    with_db(&state, |db| retro::get_retro(db, &id, today()))
}

#[tauri::command(async)]
pub fn roadmaps_save_retro(state: State<AppState>, id: String, notes: RetroNotes) -> Reply<Retro> {
    with_db(&state, |db| retro::save_notes(db, &id, &notes, today()))
}

#[tauri::command(async)]
pub fn roadmaps_carry_over(state: State<AppState>, id: String) -> Reply<Roadmap> {
    with_db(&state, |db| retro::carry_over(db, &id))
}

#[tauri::command(async)]
pub fn roadmaps_report(
    state: State<AppState>,
    id: String,
    kind: StakeholderReport,
    format: StakeholderFormat,
) -> Reply<String> {
    with_db(&state, |db| {
        roadmaps::report::render(db, &id, kind, format, today())
    })
}

#[tauri::command(async)]
pub fn sample_load(state: State<AppState>) -> Reply<String> {
    with_db(&state, |db| rapport::sample::load(db, today()))
}

#[tauri::command(async)]
pub fn today_date() -> String {
    today().to_string()
}

#[tauri::command(async)]
pub fn roadmaps_link_interview(
    state: State<AppState>,
    row_id: String,
    interview_id: String,
) -> Reply<Roadmap> {
    with_db(&state, |db| {
        roadmaps::link_interview(db, &row_id, &interview_id)
    })
}

#[tauri::command(async)]
pub fn roadmaps_unlink_interview(
    state: State<AppState>,
    row_id: String,
    interview_id: String,
) -> Reply<Roadmap> {
    with_db(&state, |db| {
        roadmaps::unlink_interview(db, &row_id, &interview_id)
    })
}

#[tauri::command(async)]
pub fn sprints_list(state: State<AppState>) -> Reply<Vec<SprintSummary>> {
    with_db(&state, |db| sprints::list(db))
}

#[tauri::command(async)]
pub fn sprints_get(state: State<AppState>, id: String) -> Reply<Sprint> {
    with_db(&state, |db| sprints::get(db, &id, today()))
}

#[tauri::command(async)]
pub fn sprints_create(state: State<AppState>, input: SprintInput) -> Reply<Sprint> {
    with_db(&state, |db| sprints::create(db, &input, today()))
}

#[tauri::command(async)]
pub fn sprints_update(state: State<AppState>, id: String, input: SprintInput) -> Reply<Sprint> {
    with_db(&state, |db| sprints::update(db, &id, &input, today()))
}

#[tauri::command(async)]
pub fn sprints_delete(state: State<AppState>, id: String) -> Reply<()> {
    with_db(&state, |db| sprints::delete(db, &id))
}

#[tauri::command(async)]
pub fn sprints_save_demo(state: State<AppState>, id: String, notes: String) -> Reply<Sprint> {
    with_db(&state, |db| {
        sprints::save_demo_notes(db, &id, &notes, today())
    })
}

#[tauri::command(async)]
pub fn sprints_add_card(
    state: State<AppState>,
    sprint_id: String,
    title: String,
    over_limit_ok: bool,
) -> Reply<Sprint> {
    with_db(&state, |db| {
        board::add_card(db, &sprint_id, &title, over_limit_ok, today())
    })
}

#[tauri::command(async)]
pub fn sprints_rename_card(state: State<AppState>, id: String, title: String) -> Reply<Sprint> {
    with_db(&state, |db| board::rename_card(db, &id, &title, today()))
}

#[tauri::command(async)]
pub fn sprints_delete_card(state: State<AppState>, id: String) -> Reply<Sprint> {
    with_db(&state, |db| board::delete_card(db, &id, today()))
}

#[tauri::command(async)]
pub fn sprints_move_card(
    state: State<AppState>,
    id: String,
    lane: Lane,
    index: i64,
) -> Reply<Sprint> {
    with_db(&state, |db| board::move_card(db, &id, lane, index, today()))
}

#[tauri::command(async)]
pub fn sprints_add_entry(
    state: State<AppState>,
    sprint_id: String,
    kind: EntryKind,
    text: String,
    day: String,
) -> Reply<Sprint> {
    with_db(&state, |db| {
        entries::add(db, &sprint_id, kind, &text, &day, today())
    })
}

#[tauri::command(async)]
pub fn sprints_delete_entry(state: State<AppState>, id: String) -> Reply<Sprint> {
    with_db(&state, |db| entries::delete(db, &id, today()))
}

#[tauri::command(async)]
pub fn sprints_entry_to_finding(state: State<AppState>, id: String) -> Reply<Sprint> {
    with_db(&state, |db| entries::to_finding(db, &id, today()))
}

#[tauri::command(async)]
pub fn sprints_entry_to_deliverable(
    state: State<AppState>,
    id: String,
    row_id: String,
) -> Reply<Sprint> {
    with_db(&state, |db| {
        entries::to_deliverable(db, &id, &row_id, today())
    })
}

#[tauri::command(async)]
pub fn followups_list(state: State<AppState>, filter: FollowUpFilter) -> Reply<Vec<FollowUp>> {
    with_db(&state, |db| followups::list(db, filter, today()))
}

#[tauri::command(async)]
pub fn followups_create(state: State<AppState>, input: FollowUpInput) -> Reply<FollowUp> {
    with_db(&state, |db| followups::create(db, &input, today()))
}

#[tauri::command(async)]
pub fn followups_create_many(
    state: State<AppState>,
    inputs: Vec<FollowUpInput>,
) -> Reply<Vec<FollowUp>> {
    with_db(&state, |db| followups::create_many(db, &inputs, today()))
}

#[tauri::command(async)]
pub fn followups_update(
    state: State<AppState>,
    id: String,
    input: FollowUpInput,
) -> Reply<FollowUp> {
    with_db(&state, |db| followups::update(db, &id, &input, today()))
}

#[tauri::command(async)]
pub fn followups_complete(state: State<AppState>, id: String, outcome: String) -> Reply<FollowUp> {
    with_db(&state, |db| followups::complete(db, &id, &outcome, today()))
}

#[tauri::command(async)]
pub fn followups_reopen(state: State<AppState>, id: String) -> Reply<FollowUp> {
    with_db(&state, |db| followups::reopen(db, &id, today()))
}

#[tauri::command(async)]
pub fn followups_delete(state: State<AppState>, id: String) -> Reply<()> {
    with_db(&state, |db| followups::delete(db, &id))
}

#[tauri::command(async)]
pub fn followups_offer(state: State<AppState>, deliverable_id: String) -> Reply<FollowUpOffer> {
    with_db(&state, |db| {
        followups::offer_for_deliverable(db, &deliverable_id, today())
    })
}

#[tauri::command(async)]
pub fn followups_not_contacted(state: State<AppState>) -> Reply<(u32, Vec<StaleContact>)> {
    with_db(&state, |db| {
        let weeks = settings::contact_weeks(db)?;
        Ok((weeks, followups::not_contacted(db, weeks, today())?))
    })
}

#[tauri::command(async)]
pub fn followups_set_contact_weeks(state: State<AppState>, weeks: u32) -> Reply<u32> {
    with_db(&state, |db| settings::set_contact_weeks(db, weeks))
}

#[tauri::command(async)]
pub fn today_dashboard(state: State<AppState>) -> Reply<Today> {
    with_db(&state, |db| rapport::today::dashboard(db, today()))
}
