//! The IPC contract, written once. Each line names a command, its arguments and its result
//! and says how it runs; the [`contract!`] macro turns the list into one routing table behind
//! one invoke handler and the TypeScript `Commands` type (`ui/src/bindings/commands.ts`) that
//! `ui/src/lib/ipc.ts` and the test fake are typed against. A wrong name, argument or result in
//! the UI fails `tsc`; a command can't be registered without being in the contract.
//!
//! Kinds: `read` runs on a read connection, `write` as one transaction on the writer, `pure`
//! needs no workspace, `app` gets the app handle and the state (dialogs, windows).

// Every line uses the same `|db| …` form, even where a bare function path would do.
#![allow(clippy::redundant_closure)]

use rapport::backups::{self, BackupFile, BackupPolicy, BackupPreview};
use rapport::csv::{CsvExport, CsvImport};
use rapport::db::WorkspaceInfo;
use rapport::desktop::{self, reminders::ReminderSettings, IcsFile};
use rapport::files::FileKind;
use rapport::findings::{self, Finding, FindingFilter, FindingInput, FindingStatus};
use rapport::followups::{
    self, FollowUp, FollowUpInput, FollowUpOffer, FollowUpQuery, NotContacted,
};
use rapport::interviews::notes::{self, Note, NoteInput};
use rapport::interviews::{self, Interview, InterviewFilter, InterviewInput, InterviewSummary};
use rapport::markup::{Doc, DocFormat};
use rapport::paging::{Page, PageRequest};
use rapport::people::profile::{self, PersonProfile};
use rapport::people::{self, Person, PersonFilter, PersonInput};
use rapport::questions::guides::{self, Guide, GuideInput, GuideSummary};
use rapport::questions::lint::{self, LintFinding};
use rapport::questions::{self, Question, QuestionFilter, QuestionInput, TopicCount};
use rapport::recent::RecentWorkspace;
use rapport::reliability::actions::{
    self, ActionItem, ActionItemFilter, ActionItemInput, QuarterClosure,
};
use rapport::reliability::objectives::{
    self, ReadingInput, Slo, SloInput, SloSummary, SloView, StoredReading,
};
use rapport::reliability::openslo_io::OpenSloReport;
use rapport::reliability::postmortems::{
    self, Postmortem, PostmortemFilter, PostmortemInput, PostmortemStatus, PostmortemSummary,
};
use rapport::reliability::services::{
    self, DecisionInput, Policy, PolicyInput, Service, ServiceInput, ServiceView,
};
use rapport::reliability::toil::{self, TeamCapacity, ToilEntry, ToilFilter, ToilInput, ToilWeek};
use rapport::reports::{self, ReportRequest};
use rapport::roadmaps::meeting::{self, RowUpdate, UpdateStatus};
use rapport::roadmaps::retro::{self, Retro, RetroNotes};
use rapport::roadmaps::{
    self, DeliverableInput, Priority, Roadmap, RoadmapInput, RoadmapSummary, RowInput, RowKind,
};
use rapport::search::{self, SearchHit};
use rapport::settings::{self, Preferences};
use rapport::sprints::{self, board, entries, EntryKind, Lane, Sprint, SprintInput, SprintSummary};
use rapport::today::Today;
use rapport::transcripts::{self, PullInput, Side, TranscriptSummary, TranscriptView};
use rapport::trash::{self, TrashEntry};

use std::future::Future;
use std::pin::Pin;

use tauri::Manager;

use crate::state::{json, logged, today, zone, AppState, Json, ReadJob, Reply, WriteJob};
use crate::workspaces::{self, WorkspaceStatus};
use crate::{dialogs, files};
use rapport::ErrorPayload;

/// Declares every command once; see the module documentation.
macro_rules! contract {
    ($(
        $(#[doc = $doc:literal])*
        $kind:ident $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $ret:ty => $body:expr
    );* $(;)?) => {
        $( contract!(@command $kind $name ( $($arg : $ty),* ) -> $ret => $body); )*

        /// Every command of the contract, by name, and only those.
        const ROUTES: &[(&str, Route)] = &[$( (stringify!($name), $name as Route) ),*];

        /// Registers the contract: one handler that finds the command by name, reads its
        /// arguments and runs it. One path for all, so the binary holds one copy of the
        /// runtime's task and reply code instead of one per command.
        pub fn register(b: tauri::Builder<tauri::Wry>) -> tauri::Builder<tauri::Wry> {
            b.invoke_handler(|invoke| {
                let Some(&(name, route)) = ROUTES.iter().find(|(n, _)| *n == invoke.message.command()) else {
                    return false;
                };
                let args = match invoke.message.payload() {
                    tauri::ipc::InvokeBody::Json(serde_json::Value::Object(m)) => m.clone(),
                    _ => Args::new(),
                };
                let app = invoke.message.webview().app_handle().clone();
                let call = route(app.clone(), args);
                invoke.resolver.respond_async(run(name, app, call));
                true
            })
        }

        /// The TypeScript `Commands` type: for each command, its arguments and its result.
        #[cfg(test)]
        pub fn typescript() -> String {
            let cfg = ts_rs::Config::from_env();
            let mut imports = std::collections::BTreeMap::new();
            let mut out = String::new();
            $(
                let docs: &[&str] = &[$($doc),*];
                if !docs.is_empty() {
                    out.push_str(&format!("  /**{} */\n", docs.join("\n   *")));
                }
                let args: Vec<String> = vec![$(format!(
                    "{}: {}",
                    stringify!($arg),
                    <$ty as ts_rs::TS>::name(&cfg)
                )),*];
                $( typescript::collect::<$ty>(&cfg, &mut imports); )*
                typescript::collect::<$ret>(&cfg, &mut imports);
                out.push_str(&format!(
                    "  {}: {{ args: {}; result: {} }};\n",
                    stringify!($name),
                    if args.is_empty() { "Record<string, never>".to_owned() } else { format!("{{ {} }}", args.join("; ")) },
                    <$ret as ts_rs::TS>::name(&cfg),
                ));
            )*
            typescript::file(&imports, &out)
        }
    };

    // Each argument read by name from the page's object; a bad one answers the call at once.
    (@args $args:ident $($arg:ident : $ty:ty),*) => {
        $( let $arg: $ty = match arg(&mut $args, stringify!($arg)) { Ok(v) => v, Err(e) => return Call::Done(Err(e)) }; )*
    };
    (@command read $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty => $body:expr) => {
        fn $name(_app: tauri::AppHandle, mut _args: Args) -> Call {
            contract!(@args _args $($arg: $ty),*);
            Call::Read(Box::new(move |db| (reads::<$ret, _>($body))(db).and_then(json)))
        }
    };
    (@command write $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty => $body:expr) => {
        fn $name(_app: tauri::AppHandle, mut _args: Args) -> Call {
            contract!(@args _args $($arg: $ty),*);
            Call::Write(Box::new(move |db| (writes::<$ret, _>($body))(db).and_then(json)))
        }
    };
    (@command pure $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty => $body:expr) => {
        fn $name(_app: tauri::AppHandle, mut _args: Args) -> Call {
            contract!(@args _args $($arg: $ty),*);
            let out: rapport::Result<$ret> = $body;
            Call::Done(out.and_then(json))
        }
    };
    (@command app $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty => $body:expr) => {
        fn $name(app: tauri::AppHandle, mut _args: Args) -> Call {
            contract!(@args _args $($arg: $ty),*);
            Call::App(Box::pin(async move {
                let state = app.state::<AppState>();
                let out: Reply<$ret> = ($body)(app.clone(), state.inner()).await;
                out.and_then(|v| json(v).map_err(|e| ErrorPayload::from(&e)))
            }))
        }
    };
}

contract! {
    /// The open workspace: its file, schema version and the app version.
    read workspace_info() -> WorkspaceInfo => |db| db.info();
    /// Which workspace is open (or why it could not be), its size, backups and logs folders.
    app workspace_status() -> WorkspaceStatus => |app, state| workspaces::status(app, state);
    app workspace_recent() -> Vec<RecentWorkspace> => |app, state| workspaces::recent_list(app, state);
    /// Switches to a workspace picked in the dialog or from the recent list.
    app workspace_open(path: String) -> WorkspaceStatus => |app, state| workspaces::open(app, state, path);
    /// Creates an empty workspace where the user chose and switches to it.
    app workspace_create(path: String) -> WorkspaceStatus => |app, state| workspaces::create(app, state, path);
    /// This workspace's backups, newest first (works on a damaged workspace too).
    app backups_list() -> Vec<BackupFile> => |app, state| workspaces::backups_list(app, state);
    /// "Back up now": a checked copy in the backup folder.
    app backups_create() -> BackupFile => |app, state| workspaces::backups_create(app, state);
    /// What restoring a backup (listed, or picked in the dialog) would bring back.
    app backups_preview(path: String) -> BackupPreview => |app, state| workspaces::backups_preview(app, state, path);
    /// Replaces the workspace with a backup; the replaced one is kept as a backup (returned).
    app backups_restore(path: String) -> Option<BackupFile> => |app, state| workspaces::backups_restore(app, state, path);
    read backups_policy() -> BackupPolicy => |db| backups::policy(db);
    write backups_set_policy(policy: BackupPolicy) -> BackupPolicy => |db| backups::set_policy(db, &policy);
    /// Opens the logs folder in the file manager; returns its path.
    app logs_open_folder() -> String => |app, state| workspaces::open_logs(app, state);
    read preferences_get() -> Preferences => |db| settings::load(db);
    write preferences_save(prefs: Preferences) -> Preferences => |db| settings::save(db, &prefs);
    /// Today's date in the user's time zone, `YYYY-MM-DD`.
    pure today_date() -> String => Ok(today().to_string());
    /// The user's IANA time zone, in which every date is shown.
    pure app_zone() -> String => Ok(zone().name().to_owned());

    /// Everything that can still be restored, newest first.
    read trash_list() -> Vec<TrashEntry> => |db| trash::list(db);
    /// Puts a deleted record back exactly as it was.
    write trash_restore(id: String) -> TrashEntry => |db| trash::restore(db, &id);
    /// "Delete forever": the record can no longer be restored.
    write trash_purge(id: String) -> () => |db| trash::purge(db, &id);

    read people_list(filter: PersonFilter) -> Page<Person> => |db| people::list(db, &filter);
    read people_get(id: String) -> Person => |db| people::get(db, &id);
    /// People already stored under this name (case and accents ignored), for a warning.
    read people_same_name(name: String, except: Option<String>) -> Vec<Person> => |db| people::same_name(db, &name, except.as_deref());
    /// Adds a person; a name already in People needs `duplicate_ok` (else `needs_ack`).
    write people_create(input: PersonInput) -> Person => |db| people::create(db, &input);
    write people_update(id: String, version: i64, input: PersonInput) -> Person => |db| people::update(db, &id, version, &input);
    write people_set_archived(id: String, archived: bool) -> Person => |db| people::set_archived(db, &id, archived);
    /// Merges the duplicate `from` into `into`; undo restores `from` from the trash.
    write people_merge(into: String, from: String) -> TrashEntry => |db| people::merge(db, &into, &from);

    /// Why a question leads, with the triggering words and a rewrite; empty when it doesn't.
    pure lint_check(question: String) -> Vec<LintFinding> => Ok(lint::check(&question));
    /// Blaming wording in running prose (postmortems, timelines); spans index the whole text.
    pure lint_prose(text: String) -> Vec<LintFinding> => Ok(lint::check_prose(&text));
    read questions_list(filter: QuestionFilter) -> Page<Question> => |db| questions::list(db, &filter);
    read questions_topics() -> Vec<TopicCount> => |db| questions::topics(db);
    write questions_create(input: QuestionInput) -> Question => |db| questions::create(db, &input);
    write questions_update(id: String, version: i64, input: QuestionInput) -> Question => |db| questions::update(db, &id, version, &input);
    write questions_set_archived(id: String, archived: bool) -> Question => |db| questions::set_archived(db, &id, archived);
    read guides_list() -> Vec<GuideSummary> => |db| guides::list(db);
    read guides_get(id: String) -> Guide => |db| guides::get(db, &id);
    write guides_create(input: GuideInput) -> Guide => |db| guides::create(db, &input);
    write guides_update(id: String, version: i64, input: GuideInput) -> Guide => |db| guides::update(db, &id, version, &input);
    write guides_delete(id: String) -> TrashEntry => |db| guides::delete(db, &id);
    write guides_add_question(guide_id: String, question_id: String, minutes: i64) -> Guide => |db| guides::add_question(db, &guide_id, &question_id, minutes);
    write guides_remove_item(item_id: String) -> TrashEntry => |db| guides::remove_item(db, &item_id);
    write guides_set_minutes(item_id: String, minutes: i64) -> Guide => |db| guides::set_minutes(db, &item_id, minutes);
    write guides_reorder(guide_id: String, item_ids: Vec<String>) -> Guide => |db| guides::reorder(db, &guide_id, &item_ids);

    read interviews_list(filter: InterviewFilter) -> Page<InterviewSummary> => |db| interviews::list(db, &filter);
    read interviews_get(id: String) -> Interview => |db| interviews::get(db, &id);
    write interviews_plan(input: InterviewInput) -> Interview => |db| interviews::plan(db, &input);
    write interviews_update(id: String, version: i64, input: InterviewInput) -> Interview => |db| interviews::update(db, &id, version, &input);
    write interviews_delete(id: String) -> TrashEntry => |db| interviews::delete(db, &id);
    write interviews_start(id: String) -> Interview => |db| interviews::start(db, &id);
    write interviews_finish(id: String) -> Interview => |db| interviews::finish(db, &id);
    /// The note being typed, saved as it is typed so a crash loses nothing.
    write interviews_save_draft(id: String, draft: String) -> () => |db| interviews::save_draft(db, &id, &draft);
    read notes_list(interview_id: String) -> Vec<Note> => |db| notes::list(db, &interview_id);
    write notes_add(interview_id: String, input: NoteInput) -> Note => |db| notes::add(db, &interview_id, &input);
    write notes_update(id: String, version: i64, input: NoteInput) -> Note => |db| notes::update(db, &id, version, &input);
    write notes_delete(id: String) -> TrashEntry => |db| notes::delete(db, &id);

    read transcripts_list(interview_id: String) -> Vec<TranscriptSummary> => |db| transcripts::list(db, &interview_id);
    /// The transcript's cues, speakers, pulled spans and the interviewer audit.
    read transcripts_get(id: String) -> TranscriptView => |db| transcripts::get(db, &id);
    /// Imports a picked or dropped transcript file into the interview (all or nothing).
    app transcripts_import(interview_id: String, path: String) -> TranscriptSummary => |app, state| files::import_transcript(app, state, interview_id, path);
    /// Maps a speaker label to a side and person (or unmaps it); quotes follow.
    write transcripts_map_speaker(id: String, version: i64, label: String, side: Option<Side>, person_id: Option<String>) -> TranscriptView => |db| transcripts::map_speaker(db, &id, version, &label, side, person_id.as_deref());
    /// A quote or note from the selected words, linked to them.
    write transcripts_pull(input: PullInput) -> Note => |db| transcripts::pull(db, &input);
    write transcripts_delete(id: String) -> TrashEntry => |db| transcripts::delete(db, &id);

    read findings_list(filter: FindingFilter) -> Page<Finding> => |db| findings::list(db, &filter);
    read findings_get(id: String) -> Finding => |db| findings::get(db, &id);
    read findings_tags() -> Vec<findings::TagCount> => |db| findings::tags(db);
    write findings_create(input: FindingInput) -> Finding => |db| findings::create(db, &input);
    write findings_update(id: String, version: i64, input: FindingInput) -> Finding => |db| findings::update(db, &id, version, &input);
    write findings_set_status(id: String, status: FindingStatus) -> Finding => |db| findings::set_status(db, &id, status);
    write findings_delete(id: String) -> TrashEntry => |db| findings::delete(db, &id);
    read search_all(query: String) -> Vec<SearchHit> => |db| search::search(db, &query, 50);

    /// A report as a document, to preview and print.
    read report_get(request: ReportRequest) -> Doc => |db| reports::build(db, &request, zone(), today());
    /// A report as text in `format`, to copy.
    read report_render(request: ReportRequest, format: DocFormat) -> String => |db| Ok(reports::build(db, &request, zone(), today())?.render(format));
    /// Saves a report in `format` where the user chooses; `null` when they cancel.
    app report_save(request: ReportRequest, format: DocFormat) -> Option<String> => |app, state| files::save_report(app, state, request, format);

    /// The native file dialog: a file to save `kind` as (`default_name`) or to open.
    app pick_path(kind: FileKind, save: bool, default_name: String) -> Option<String> => |app, state| dialogs::pick(app, state, kind, save, default_name);
    app csv_export(request: CsvExport) -> u64 => |app, state| files::export_csv(app, state, request);
    /// Previews (`dry_run`) or applies an import; progress arrives as `progress` events.
    app csv_import(request: CsvImport) -> rapport::csv::ImportReport => |app, state| files::import_csv(app, state, request);
    /// Stops the import under way; nothing of it is written.
    app csv_import_cancel() -> () => |_app, state: &AppState| std::future::ready({ state.cancel(); Ok(()) });
    pure csv_import_fields(kind: rapport::csv::ListKind) -> Vec<String> => Ok(rapport::csv::import_fields(kind).unwrap_or_default());

    read roadmaps_list() -> Vec<RoadmapSummary> => |db| roadmaps::list(db);
    read roadmaps_get(id: String) -> Roadmap => |db| roadmaps::get(db, &id);
    write roadmaps_create(input: RoadmapInput) -> Roadmap => |db| roadmaps::create(db, &input);
    /// Renames the roadmap or changes its dates or cadence.
    write roadmaps_update(id: String, version: i64, input: RoadmapInput) -> Roadmap => |db| roadmaps::update(db, &id, version, &input);
    write roadmaps_delete(id: String) -> TrashEntry => |db| roadmaps::delete(db, &id);
    write roadmaps_add_row(roadmap_id: String, input: RowInput) -> Roadmap => |db| roadmaps::add_row(db, &roadmap_id, &input);
    write roadmaps_update_row(row_id: String, version: i64, input: RowInput) -> Roadmap => |db| roadmaps::update_row(db, &row_id, version, &input);
    write roadmaps_delete_row(row_id: String) -> TrashEntry => |db| roadmaps::delete_row(db, &row_id);
    write roadmaps_set_priority(row_id: String, priority: Priority) -> Roadmap => |db| roadmaps::set_priority(db, &row_id, priority);
    write roadmaps_reorder_rows(roadmap_id: String, priority: Priority, row_ids: Vec<String>) -> Roadmap => |db| roadmaps::reorder_rows(db, &roadmap_id, priority, &row_ids);
    write roadmaps_add_deliverable(row_id: String, input: DeliverableInput) -> Roadmap => |db| roadmaps::add_deliverable(db, &row_id, &input, today());
    write roadmaps_update_deliverable(id: String, version: i64, input: DeliverableInput) -> Roadmap => |db| roadmaps::update_deliverable(db, &id, version, &input, today());
    write roadmaps_delete_deliverable(id: String) -> TrashEntry => |db| roadmaps::delete_deliverable(db, &id);
    write roadmaps_record_update(row_id: String, status: UpdateStatus, note: String) -> RowUpdate => |db| meeting::record(db, &row_id, status, &note, today());
    read roadmaps_history(row_id: String) -> Vec<RowUpdate> => |db| meeting::history(db, &row_id);
    /// When the next update meeting is due (`YYYY-MM-DD`), or `null` after the stop date.
    read roadmaps_next_meeting(id: String) -> Option<String> => |db| Ok(meeting::next_meeting(db, &id)?.map(|d| d.to_string()));
    read roadmaps_retro(id: String) -> Retro => |db| retro::get_retro(db, &id, today());
    write roadmaps_save_retro(id: String, notes: RetroNotes) -> Retro => |db| retro::save_notes(db, &id, &notes, today());
    /// Starts the next interval with the unfinished work; refused if done before.
    write roadmaps_carry_over(id: String) -> Roadmap => |db| retro::carry_over(db, &id);
    write roadmaps_link_interview(row_id: String, interview_id: String) -> Roadmap => |db| roadmaps::link_interview(db, &row_id, &interview_id);
    write roadmaps_unlink_interview(row_id: String, interview_id: String) -> Roadmap => |db| roadmaps::unlink_interview(db, &row_id, &interview_id);
    /// Opens the sample workspace (the New CI roadmap, people, interviews), built fresh in its
    /// own file, never mixed into the user's data; returns its roadmap's id.
    app sample_load() -> String => |app, state| workspaces::open_sample(app, state);

    read sprints_list() -> Vec<SprintSummary> => |db| sprints::list(db);
    read sprints_get(id: String) -> Sprint => |db| sprints::get(db, &id, today());
    write sprints_create(input: SprintInput) -> Sprint => |db| sprints::create(db, &input, today());
    write sprints_update(id: String, version: i64, input: SprintInput) -> Sprint => |db| sprints::update(db, &id, version, &input, today());
    write sprints_delete(id: String) -> TrashEntry => |db| sprints::delete(db, &id);
    write sprints_save_demo(id: String, notes: String) -> Sprint => |db| sprints::save_demo_notes(db, &id, &notes, today());
    /// Adds a card; past the card limit it needs `over_limit_ok` (else `needs_ack`).
    write sprints_add_card(sprint_id: String, title: String, over_limit_ok: bool) -> Sprint => |db| board::add_card(db, &sprint_id, &title, over_limit_ok, today());
    write sprints_rename_card(id: String, version: i64, title: String) -> Sprint => |db| board::rename_card(db, &id, version, &title, today());
    write sprints_delete_card(id: String) -> TrashEntry => |db| board::delete_card(db, &id);
    write sprints_move_card(id: String, lane: Lane, index: i64) -> Sprint => |db| board::move_card(db, &id, lane, index, today());
    write sprints_add_entry(sprint_id: String, kind: EntryKind, text: String, day: String) -> Sprint => |db| entries::add(db, &sprint_id, kind, &text, &day, today());
    write sprints_delete_entry(id: String) -> TrashEntry => |db| entries::delete(db, &id);
    write sprints_entry_to_finding(id: String) -> Sprint => |db| entries::to_finding(db, &id, today());
    write sprints_entry_to_deliverable(id: String, row_id: String) -> Sprint => |db| entries::to_deliverable(db, &id, &row_id, today());

    read followups_list(query: FollowUpQuery) -> Page<FollowUp> => |db| followups::list(db, &query, today());
    write followups_create(input: FollowUpInput) -> FollowUp => |db| followups::create(db, &input, today());
    /// Creates several follow-ups at once, all or none.
    write followups_create_many(inputs: Vec<FollowUpInput>) -> Vec<FollowUp> => |db| followups::create_many(db, &inputs, today());
    write followups_update(id: String, version: i64, input: FollowUpInput) -> FollowUp => |db| followups::update(db, &id, version, &input, today());
    write followups_complete(id: String, outcome: String) -> FollowUp => |db| followups::complete(db, &id, &outcome, today());
    write followups_reopen(id: String) -> FollowUp => |db| followups::reopen(db, &id, today());
    write followups_delete(id: String) -> TrashEntry => |db| followups::delete(db, &id);
    /// Who to follow up with now that a deliverable shipped.
    read followups_offer(deliverable_id: String) -> FollowUpOffer => |db| followups::offer_for_deliverable(db, &deliverable_id, today());
    /// The first `limit` people not contacted for the workspace's N weeks, and how many in all.
    read followups_not_contacted(limit: u32) -> NotContacted => |db| {
        let weeks = settings::contact_weeks(db)?;
        let (people, total) = followups::not_contacted(db, weeks, zone(), today(), limit as usize)?;
        Ok(NotContacted { weeks, people, total })
    };
    write followups_set_contact_weeks(weeks: u32) -> u32 => |db| settings::set_contact_weeks(db, weeks);
    read today_dashboard() -> Today => |db| rapport::today::dashboard(db, zone(), today());

    // Reliability: services and their budget policy, SLOs and readings, postmortems and action
    // items, toil, OpenSLO. Budgets are computed at the moment of the call.
    /// Every service with its policy state now.
    read services_list() -> Vec<Service> => |db| services::list(db, now());
    /// A service with its SLOs, policy, roadmap impact and decision log.
    read services_get(id: String) -> ServiceView => |db| services::view(db, &id, today(), now());
    write services_create(input: ServiceInput) -> Service => |db| services::create(db, &input, now());
    write services_update(id: String, version: i64, input: ServiceInput) -> Service => |db| services::update(db, &id, version, &input, now());
    write services_delete(id: String) -> TrashEntry => |db| services::delete(db, &id);
    write policy_save(service_id: String, version: i64, input: PolicyInput) -> Policy => |db| services::policy_save(db, &service_id, version, &input);
    /// Applies the policy's roadmap proposal, or records an approved exception (append-only).
    write policy_decide(service_id: String, input: DecisionInput) -> ServiceView => |db| services::decide(db, &service_id, &input, today(), now());
    /// Marks a roadmap row as feature or reliability work for a service.
    write roadmaps_set_row_service(row_id: String, service_id: Option<String>, kind: RowKind) -> Roadmap => |db| roadmaps::set_row_service(db, &row_id, service_id.as_deref(), kind);
    /// Every SLO (of one service) with its budget now.
    read slos_list(service_id: Option<String>) -> Vec<SloSummary> => |db| objectives::summaries(db, service_id.as_deref(), now());
    /// An SLO with its budget, alerts and chart series now.
    read slos_get(id: String) -> SloView => |db| objectives::view(db, &id, now());
    write slos_create(input: SloInput) -> Slo => |db| objectives::create(db, &input);
    write slos_update(id: String, version: i64, input: SloInput) -> Slo => |db| objectives::update(db, &id, version, &input);
    write slos_delete(id: String) -> TrashEntry => |db| objectives::delete(db, &id);
    read readings_list(slo_id: String, page: PageRequest) -> Page<StoredReading> => |db| objectives::readings_page(db, &slo_id, page);
    write readings_add(slo_id: String, input: ReadingInput) -> StoredReading => |db| objectives::reading_add(db, &slo_id, &input);
    write readings_update(id: String, version: i64, input: ReadingInput) -> StoredReading => |db| objectives::reading_update(db, &id, version, &input);
    write readings_delete(id: String) -> TrashEntry => |db| objectives::reading_delete(db, &id);
    read postmortems_list(filter: PostmortemFilter) -> Page<PostmortemSummary> => |db| postmortems::list(db, &filter);
    read postmortems_get(id: String) -> Postmortem => |db| postmortems::get(db, &id, today());
    write postmortems_create(input: PostmortemInput) -> Postmortem => |db| postmortems::create(db, &input, today());
    write postmortems_update(id: String, version: i64, input: PostmortemInput) -> Postmortem => |db| postmortems::update(db, &id, version, &input, today());
    /// Draft → complete → closed; blame flags left need `blame_ok` (else `needs_ack`).
    write postmortems_set_status(id: String, version: i64, status: PostmortemStatus, blame_ok: bool) -> Postmortem => |db| postmortems::set_status(db, &id, version, status, blame_ok, today());
    write postmortems_delete(id: String) -> TrashEntry => |db| postmortems::delete(db, &id);
    read action_items_list(filter: ActionItemFilter) -> Page<ActionItem> => |db| actions::list(db, &filter, today());
    /// A title whose first word is not a known verb needs `title_ok` (else `needs_ack`).
    write action_items_create(postmortem_id: String, input: ActionItemInput) -> ActionItem => |db| actions::create(db, &postmortem_id, &input, today());
    write action_items_update(id: String, version: i64, input: ActionItemInput) -> ActionItem => |db| actions::update(db, &id, version, &input, today());
    write action_items_delete(id: String) -> TrashEntry => |db| actions::delete(db, &id);
    /// Makes the item a deliverable on the row, linked both ways.
    write action_items_to_deliverable(id: String, row_id: String) -> ActionItem => |db| actions::to_deliverable(db, &id, &row_id, today());
    /// The closure rate per quarter, newest first.
    read action_items_closure() -> Vec<QuarterClosure> => |db| actions::closure_rates(db, today());
    read toil_list(filter: ToilFilter) -> Page<ToilEntry> => |db| toil::list(db, &filter);
    /// Each team's weekly toil share for the last `weeks` weeks.
    read toil_weekly(weeks: u32) -> Vec<ToilWeek> => |db| toil::weekly(db, weeks, today());
    read toil_teams() -> Vec<TeamCapacity> => |db| toil::capacities(db);
    write toil_create(input: ToilInput) -> ToilEntry => |db| toil::create(db, &input);
    write toil_update(id: String, version: i64, input: ToilInput) -> ToilEntry => |db| toil::update(db, &id, version, &input);
    write toil_delete(id: String) -> TrashEntry => |db| toil::delete(db, &id);
    write toil_set_team(team: String, engineers: i64, hours_per_week: f64) -> TeamCapacity => |db| toil::set_capacity(db, &team, engineers, hours_per_week);
    /// Imports (or previews) a picked OpenSLO file, all or nothing.
    app openslo_import(path: String, dry_run: bool) -> OpenSloReport => |_app, state| files::import_openslo(state, path, dry_run);
    /// Saves every SLO as OpenSLO YAML where the user chooses; `null` when they cancel.
    app openslo_export() -> Option<String> => |app, state| files::export_openslo(app, state);
    /// Everything about one person; `all` lifts the per-section limit.
    read people_profile(id: String, all: bool) -> PersonProfile => |db| profile::profile(db, &id, all, zone(), today());
    /// Asks where to save a planned interview's calendar file (.ics) and writes it; the saved
    /// path, or `None` when the user cancels.
    app calendar_save_interview(id: String) -> Option<String> => |app, state| save_ics(app, state, move |db| desktop::interview_ics(db, &id, zone(), chrono::Utc::now()));
    /// The same for a roadmap's update meetings, as one recurring event.
    app calendar_save_meetings(roadmap_id: String) -> Option<String> => |app, state| save_ics(app, state, move |db| desktop::meetings_ics(db, &roadmap_id, zone(), chrono::Utc::now()));
    read reminders_settings() -> ReminderSettings => |db| desktop::reminder_settings(db);
    write reminders_save_settings(settings: ReminderSettings) -> ReminderSettings => |db| desktop::save_reminder_settings(db, &settings);
}

/// The instant budgets are computed at.
fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// A command's arguments as the page sent them: an object keyed by argument name.
type Args = serde_json::Map<String, Json>;

/// A command with its arguments read, ready to run.
enum Call {
    /// On a read connection, on the blocking pool.
    Read(ReadJob),
    /// As one transaction on the writer, on the blocking pool.
    Write(WriteJob),
    /// Needs the app (dialogs, windows, switching workspaces).
    App(Pin<Box<dyn Future<Output = Reply<Json>> + Send>>),
    /// Already answered: a `pure` command, or arguments that could not be read.
    Done(rapport::Result<Json>),
}

/// What the contract's macro makes of each command: its arguments read into a [`Call`].
type Route = fn(tauri::AppHandle, Args) -> Call;

/// Argument `name`, or a clear error naming it. A missing optional argument is `null`.
fn arg<T: serde::de::DeserializeOwned>(args: &mut Args, name: &str) -> rapport::Result<T> {
    let value = args.remove(name).unwrap_or(Json::Null);
    serde_json::from_value(value)
        .map_err(|e| rapport::Error::invalid(name, format!("argument {name}: {e}")))
}

/// Runs a call and words its reply for the page; failures are logged with the command's name.
async fn run(
    command: &'static str,
    app: tauri::AppHandle,
    call: Call,
) -> Result<Json, tauri::ipc::InvokeError> {
    let state = app.state::<AppState>();
    let out = match call {
        Call::Read(job) => state.read_json(command, job).await,
        Call::Write(job) => state.write_json(command, job).await,
        Call::App(task) => task.await,
        Call::Done(out) => logged(command, out),
    };
    out.map_err(|e| tauri::ipc::InvokeError(serde_json::to_value(e).unwrap_or(Json::Null)))
}

/// Gives a `read` body its parameter type (a closure's is not inferred from a later call).
fn reads<T, F: FnOnce(&rapport::Db) -> rapport::Result<T>>(f: F) -> F {
    f
}

/// Gives a `write` body its parameter type.
fn writes<T, F: FnOnce(&mut rapport::Db) -> rapport::Result<T>>(f: F) -> F {
    f
}

/// Builds a calendar file, asks where to save it (the native dialog) and writes it there
/// atomically, like the other exports.
async fn save_ics(
    app: tauri::AppHandle,
    state: &AppState,
    build: impl FnOnce(&rapport::Db) -> rapport::Result<IcsFile> + Send + 'static,
) -> crate::state::Reply<Option<String>> {
    use rapport::files::{write_atomically, FileKind};
    let file = state.read("calendar_save", build).await?;
    let Some(path) = dialogs::pick(app, state, FileKind::Calendar, true, file.file_name).await?
    else {
        return Ok(None);
    };
    let target = state.allowed(&path)?;
    crate::state::logged(
        "calendar_save",
        write_atomically(&target, |w| {
            use std::io::Write;
            w.write_all(file.text.as_bytes())?;
            Ok(())
        }),
    )?;
    Ok(Some(path))
}

#[cfg(test)]
mod typescript {
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    use ts_rs::{Config, Dependency, TypeVisitor, TS};

    /// Records the binding files `T`'s name refers to, for the import lines: `T` itself when it
    /// is a named type, and its type arguments (`Page<Person>` → `Page`, `Person`).
    pub fn collect<T: TS + 'static + ?Sized>(cfg: &Config, into: &mut BTreeMap<String, PathBuf>) {
        struct Inner<'a>(&'a Config, &'a mut BTreeMap<String, PathBuf>);
        impl TypeVisitor for Inner<'_> {
            fn visit<U: TS + 'static + ?Sized>(&mut self) {
                collect::<U>(self.0, self.1);
            }
        }
        if let Some(d) = Dependency::from_ty::<T>(cfg) {
            into.insert(d.ts_name, d.output_path);
        }
        T::visit_generics(&mut Inner(cfg, into));
    }

    pub fn file(imports: &BTreeMap<String, PathBuf>, commands: &str) -> String {
        let mut out = String::from(
            "// Generated from src-tauri/src/contract.rs by `cargo test`. Do not edit.\n",
        );
        for (name, path) in imports {
            let module = path.with_extension("");
            out.push_str(&format!(
                "import type {{ {name} }} from \"./{}\";\n",
                module.display()
            ));
        }
        out.push_str(
            "\n/** Every IPC command: its arguments and its result. */\nexport type Commands = {\n",
        );
        out.push_str(commands);
        out.push_str("};\n");
        out
    }

    #[test]
    fn the_typescript_contract_is_written_with_the_bindings() {
        let dir =
            PathBuf::from(std::env::var("TS_RS_EXPORT_DIR").expect("set by .cargo/config.toml"));
        let dir = if dir.is_absolute() {
            dir
        } else {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("..")
                .join(dir)
        };
        std::fs::create_dir_all(&dir).unwrap();
        let ts = super::typescript();
        assert!(
            ts.contains("  people_list: { args: { filter: PersonFilter }; result: Page<Person> };"),
            "{ts}"
        );
        std::fs::write(dir.join("commands.ts"), ts).unwrap();
    }
}
