// Generated from src-tauri/src/contract.rs by `cargo test`. Do not edit.
import type { ActionItem } from "./ActionItem";
import type { ActionItemFilter } from "./ActionItemFilter";
import type { ActionItemInput } from "./ActionItemInput";
import type { BackupFile } from "./BackupFile";
import type { BackupPolicy } from "./BackupPolicy";
import type { BackupPreview } from "./BackupPreview";
import type { CsvExport } from "./CsvExport";
import type { CsvImport } from "./CsvImport";
import type { DecisionInput } from "./DecisionInput";
import type { DeliverableInput } from "./DeliverableInput";
import type { Doc } from "./Doc";
import type { DocFormat } from "./DocFormat";
import type { EntryKind } from "./EntryKind";
import type { FileKind } from "./FileKind";
import type { Finding } from "./Finding";
import type { FindingFilter } from "./FindingFilter";
import type { FindingInput } from "./FindingInput";
import type { FindingStatus } from "./FindingStatus";
import type { FollowUp } from "./FollowUp";
import type { FollowUpInput } from "./FollowUpInput";
import type { FollowUpOffer } from "./FollowUpOffer";
import type { FollowUpQuery } from "./FollowUpQuery";
import type { Guide } from "./Guide";
import type { GuideInput } from "./GuideInput";
import type { GuideSummary } from "./GuideSummary";
import type { ImportReport } from "./ImportReport";
import type { Interview } from "./Interview";
import type { InterviewFilter } from "./InterviewFilter";
import type { InterviewInput } from "./InterviewInput";
import type { InterviewSummary } from "./InterviewSummary";
import type { Lane } from "./Lane";
import type { LintFinding } from "./LintFinding";
import type { ListKind } from "./ListKind";
import type { NotContacted } from "./NotContacted";
import type { Note } from "./Note";
import type { NoteInput } from "./NoteInput";
import type { OpenSloReport } from "./OpenSloReport";
import type { Page } from "./Page";
import type { PageRequest } from "./PageRequest";
import type { Person } from "./Person";
import type { PersonFilter } from "./PersonFilter";
import type { PersonInput } from "./PersonInput";
import type { PersonProfile } from "./PersonProfile";
import type { Policy } from "./Policy";
import type { PolicyInput } from "./PolicyInput";
import type { Postmortem } from "./Postmortem";
import type { PostmortemFilter } from "./PostmortemFilter";
import type { PostmortemInput } from "./PostmortemInput";
import type { PostmortemStatus } from "./PostmortemStatus";
import type { PostmortemSummary } from "./PostmortemSummary";
import type { Preferences } from "./Preferences";
import type { Priority } from "./Priority";
import type { PullInput } from "./PullInput";
import type { QuarterClosure } from "./QuarterClosure";
import type { Question } from "./Question";
import type { QuestionFilter } from "./QuestionFilter";
import type { QuestionInput } from "./QuestionInput";
import type { ReadingInput } from "./ReadingInput";
import type { RecentWorkspace } from "./RecentWorkspace";
import type { ReminderSettings } from "./ReminderSettings";
import type { ReportRequest } from "./ReportRequest";
import type { Retro } from "./Retro";
import type { RetroNotes } from "./RetroNotes";
import type { Roadmap } from "./Roadmap";
import type { RoadmapInput } from "./RoadmapInput";
import type { RoadmapSummary } from "./RoadmapSummary";
import type { RowInput } from "./RowInput";
import type { RowKind } from "./RowKind";
import type { RowUpdate } from "./RowUpdate";
import type { SearchHit } from "./SearchHit";
import type { Service } from "./Service";
import type { ServiceInput } from "./ServiceInput";
import type { ServiceView } from "./ServiceView";
import type { Side } from "./Side";
import type { Slo } from "./Slo";
import type { SloInput } from "./SloInput";
import type { SloSummary } from "./SloSummary";
import type { SloView } from "./SloView";
import type { Sprint } from "./Sprint";
import type { SprintInput } from "./SprintInput";
import type { SprintSummary } from "./SprintSummary";
import type { StoredReading } from "./StoredReading";
import type { TagCount } from "./TagCount";
import type { TeamCapacity } from "./TeamCapacity";
import type { Today } from "./Today";
import type { ToilEntry } from "./ToilEntry";
import type { ToilFilter } from "./ToilFilter";
import type { ToilInput } from "./ToilInput";
import type { ToilWeek } from "./ToilWeek";
import type { TopicCount } from "./TopicCount";
import type { TranscriptSummary } from "./TranscriptSummary";
import type { TranscriptView } from "./TranscriptView";
import type { TrashEntry } from "./TrashEntry";
import type { UpdateStatus } from "./UpdateStatus";
import type { WorkspaceInfo } from "./WorkspaceInfo";
import type { WorkspaceStatus } from "./WorkspaceStatus";

/** Every IPC command: its arguments and its result. */
export type Commands = {
  /** The open workspace: its file, schema version and the app version. */
  workspace_info: { args: Record<string, never>; result: WorkspaceInfo };
  /** Which workspace is open (or why it could not be), its size, backups and logs folders. */
  workspace_status: { args: Record<string, never>; result: WorkspaceStatus };
  workspace_recent: { args: Record<string, never>; result: Array<RecentWorkspace> };
  /** Switches to a workspace picked in the dialog or from the recent list. */
  workspace_open: { args: { path: string }; result: WorkspaceStatus };
  /** Creates an empty workspace where the user chose and switches to it. */
  workspace_create: { args: { path: string }; result: WorkspaceStatus };
  /** This workspace's backups, newest first (works on a damaged workspace too). */
  backups_list: { args: Record<string, never>; result: Array<BackupFile> };
  /** "Back up now": a checked copy in the backup folder. */
  backups_create: { args: Record<string, never>; result: BackupFile };
  /** What restoring a backup (listed, or picked in the dialog) would bring back. */
  backups_preview: { args: { path: string }; result: BackupPreview };
  /** Replaces the workspace with a backup; the replaced one is kept as a backup (returned). */
  backups_restore: { args: { path: string }; result: BackupFile | null };
  backups_policy: { args: Record<string, never>; result: BackupPolicy };
  backups_set_policy: { args: { policy: BackupPolicy }; result: BackupPolicy };
  /** Opens the logs folder in the file manager; returns its path. */
  logs_open_folder: { args: Record<string, never>; result: string };
  preferences_get: { args: Record<string, never>; result: Preferences };
  preferences_save: { args: { prefs: Preferences }; result: Preferences };
  /** Today's date in the user's time zone, `YYYY-MM-DD`. */
  today_date: { args: Record<string, never>; result: string };
  /** The user's IANA time zone, in which every date is shown. */
  app_zone: { args: Record<string, never>; result: string };
  /** Everything that can still be restored, newest first. */
  trash_list: { args: Record<string, never>; result: Array<TrashEntry> };
  /** Puts a deleted record back exactly as it was. */
  trash_restore: { args: { id: string }; result: TrashEntry };
  /** "Delete forever": the record can no longer be restored. */
  trash_purge: { args: { id: string }; result: null };
  people_list: { args: { filter: PersonFilter }; result: Page<Person> };
  people_get: { args: { id: string }; result: Person };
  /** People already stored under this name (case and accents ignored), for a warning. */
  people_same_name: { args: { name: string; except: string | null }; result: Array<Person> };
  /** Adds a person; a name already in People needs `duplicate_ok` (else `needs_ack`). */
  people_create: { args: { input: PersonInput }; result: Person };
  people_update: { args: { id: string; version: number; input: PersonInput }; result: Person };
  people_set_archived: { args: { id: string; archived: boolean }; result: Person };
  /** Merges the duplicate `from` into `into`; undo restores `from` from the trash. */
  people_merge: { args: { into: string; from: string }; result: TrashEntry };
  /** Why a question leads, with the triggering words and a rewrite; empty when it doesn't. */
  lint_check: { args: { question: string }; result: Array<LintFinding> };
  /** Blaming wording in running prose (postmortems, timelines); spans index the whole text. */
  lint_prose: { args: { text: string }; result: Array<LintFinding> };
  questions_list: { args: { filter: QuestionFilter }; result: Page<Question> };
  questions_topics: { args: Record<string, never>; result: Array<TopicCount> };
  questions_create: { args: { input: QuestionInput }; result: Question };
  questions_update: { args: { id: string; version: number; input: QuestionInput }; result: Question };
  questions_set_archived: { args: { id: string; archived: boolean }; result: Question };
  guides_list: { args: Record<string, never>; result: Array<GuideSummary> };
  guides_get: { args: { id: string }; result: Guide };
  guides_create: { args: { input: GuideInput }; result: Guide };
  guides_update: { args: { id: string; version: number; input: GuideInput }; result: Guide };
  guides_delete: { args: { id: string }; result: TrashEntry };
  guides_add_question: { args: { guide_id: string; question_id: string; minutes: number }; result: Guide };
  guides_remove_item: { args: { item_id: string }; result: TrashEntry };
  guides_set_minutes: { args: { item_id: string; minutes: number }; result: Guide };
  guides_reorder: { args: { guide_id: string; item_ids: Array<string> }; result: Guide };
  interviews_list: { args: { filter: InterviewFilter }; result: Page<InterviewSummary> };
  interviews_get: { args: { id: string }; result: Interview };
  interviews_plan: { args: { input: InterviewInput }; result: Interview };
  interviews_update: { args: { id: string; version: number; input: InterviewInput }; result: Interview };
  interviews_delete: { args: { id: string }; result: TrashEntry };
  interviews_start: { args: { id: string }; result: Interview };
  interviews_finish: { args: { id: string }; result: Interview };
  /** The note being typed, saved as it is typed so a crash loses nothing. */
  interviews_save_draft: { args: { id: string; draft: string }; result: null };
  notes_list: { args: { interview_id: string }; result: Array<Note> };
  notes_add: { args: { interview_id: string; input: NoteInput }; result: Note };
  notes_update: { args: { id: string; version: number; input: NoteInput }; result: Note };
  notes_delete: { args: { id: string }; result: TrashEntry };
  transcripts_list: { args: { interview_id: string }; result: Array<TranscriptSummary> };
  /** The transcript's cues, speakers, pulled spans and the interviewer audit. */
  transcripts_get: { args: { id: string }; result: TranscriptView };
  /** Imports a picked or dropped transcript file into the interview (all or nothing). */
  transcripts_import: { args: { interview_id: string; path: string }; result: TranscriptSummary };
  /** Maps a speaker label to a side and person (or unmaps it); quotes follow. */
  transcripts_map_speaker: { args: { id: string; version: number; label: string; side: Side | null; person_id: string | null }; result: TranscriptView };
  /** A quote or note from the selected words, linked to them. */
  transcripts_pull: { args: { input: PullInput }; result: Note };
  transcripts_delete: { args: { id: string }; result: TrashEntry };
  findings_list: { args: { filter: FindingFilter }; result: Page<Finding> };
  findings_get: { args: { id: string }; result: Finding };
  findings_tags: { args: Record<string, never>; result: Array<TagCount> };
  findings_create: { args: { input: FindingInput }; result: Finding };
  findings_update: { args: { id: string; version: number; input: FindingInput }; result: Finding };
  findings_set_status: { args: { id: string; status: FindingStatus }; result: Finding };
  findings_delete: { args: { id: string }; result: TrashEntry };
  search_all: { args: { query: string }; result: Array<SearchHit> };
  /** A report as a document, to preview and print. */
  report_get: { args: { request: ReportRequest }; result: Doc };
  /** A report as text in `format`, to copy. */
  report_render: { args: { request: ReportRequest; format: DocFormat }; result: string };
  /** Saves a report in `format` where the user chooses; `null` when they cancel. */
  report_save: { args: { request: ReportRequest; format: DocFormat }; result: string | null };
  /** The native file dialog: a file to save `kind` as (`default_name`) or to open. */
  pick_path: { args: { kind: FileKind; save: boolean; default_name: string }; result: string | null };
  csv_export: { args: { request: CsvExport }; result: number };
  /** Previews (`dry_run`) or applies an import; progress arrives as `progress` events. */
  csv_import: { args: { request: CsvImport }; result: ImportReport };
  /** Stops the import under way; nothing of it is written. */
  csv_import_cancel: { args: Record<string, never>; result: null };
  csv_import_fields: { args: { kind: ListKind }; result: Array<string> };
  roadmaps_list: { args: Record<string, never>; result: Array<RoadmapSummary> };
  roadmaps_get: { args: { id: string }; result: Roadmap };
  roadmaps_create: { args: { input: RoadmapInput }; result: Roadmap };
  /** Renames the roadmap or changes its dates or cadence. */
  roadmaps_update: { args: { id: string; version: number; input: RoadmapInput }; result: Roadmap };
  roadmaps_delete: { args: { id: string }; result: TrashEntry };
  roadmaps_add_row: { args: { roadmap_id: string; input: RowInput }; result: Roadmap };
  roadmaps_update_row: { args: { row_id: string; version: number; input: RowInput }; result: Roadmap };
  roadmaps_delete_row: { args: { row_id: string }; result: TrashEntry };
  roadmaps_set_priority: { args: { row_id: string; priority: Priority }; result: Roadmap };
  roadmaps_reorder_rows: { args: { roadmap_id: string; priority: Priority; row_ids: Array<string> }; result: Roadmap };
  roadmaps_add_deliverable: { args: { row_id: string; input: DeliverableInput }; result: Roadmap };
  roadmaps_update_deliverable: { args: { id: string; version: number; input: DeliverableInput }; result: Roadmap };
  roadmaps_delete_deliverable: { args: { id: string }; result: TrashEntry };
  roadmaps_record_update: { args: { row_id: string; status: UpdateStatus; note: string }; result: RowUpdate };
  roadmaps_history: { args: { row_id: string }; result: Array<RowUpdate> };
  /** When the next update meeting is due (`YYYY-MM-DD`), or `null` after the stop date. */
  roadmaps_next_meeting: { args: { id: string }; result: string | null };
  roadmaps_retro: { args: { id: string }; result: Retro };
  roadmaps_save_retro: { args: { id: string; notes: RetroNotes }; result: Retro };
  /** Starts the next interval with the unfinished work; refused if done before. */
  roadmaps_carry_over: { args: { id: string }; result: Roadmap };
  roadmaps_link_interview: { args: { row_id: string; interview_id: string }; result: Roadmap };
  roadmaps_unlink_interview: { args: { row_id: string; interview_id: string }; result: Roadmap };
  /** Opens the sample workspace (the New CI roadmap, people, interviews), built fresh in its
   * own file, never mixed into the user's data; returns its roadmap's id. */
  sample_load: { args: Record<string, never>; result: string };
  sprints_list: { args: Record<string, never>; result: Array<SprintSummary> };
  sprints_get: { args: { id: string }; result: Sprint };
  sprints_create: { args: { input: SprintInput }; result: Sprint };
  sprints_update: { args: { id: string; version: number; input: SprintInput }; result: Sprint };
  sprints_delete: { args: { id: string }; result: TrashEntry };
  sprints_save_demo: { args: { id: string; notes: string }; result: Sprint };
  /** Adds a card; past the card limit it needs `over_limit_ok` (else `needs_ack`). */
  sprints_add_card: { args: { sprint_id: string; title: string; over_limit_ok: boolean }; result: Sprint };
  sprints_rename_card: { args: { id: string; version: number; title: string }; result: Sprint };
  sprints_delete_card: { args: { id: string }; result: TrashEntry };
  sprints_move_card: { args: { id: string; lane: Lane; index: number }; result: Sprint };
  sprints_add_entry: { args: { sprint_id: string; kind: EntryKind; text: string; day: string }; result: Sprint };
  sprints_delete_entry: { args: { id: string }; result: TrashEntry };
  sprints_entry_to_finding: { args: { id: string }; result: Sprint };
  sprints_entry_to_deliverable: { args: { id: string; row_id: string }; result: Sprint };
  followups_list: { args: { query: FollowUpQuery }; result: Page<FollowUp> };
  followups_create: { args: { input: FollowUpInput }; result: FollowUp };
  /** Creates several follow-ups at once, all or none. */
  followups_create_many: { args: { inputs: Array<FollowUpInput> }; result: Array<FollowUp> };
  followups_update: { args: { id: string; version: number; input: FollowUpInput }; result: FollowUp };
  followups_complete: { args: { id: string; outcome: string }; result: FollowUp };
  followups_reopen: { args: { id: string }; result: FollowUp };
  followups_delete: { args: { id: string }; result: TrashEntry };
  /** Who to follow up with now that a deliverable shipped. */
  followups_offer: { args: { deliverable_id: string }; result: FollowUpOffer };
  /** The first `limit` people not contacted for the workspace's N weeks, and how many in all. */
  followups_not_contacted: { args: { limit: number }; result: NotContacted };
  followups_set_contact_weeks: { args: { weeks: number }; result: number };
  today_dashboard: { args: Record<string, never>; result: Today };
  /** Every service with its policy state now. */
  services_list: { args: Record<string, never>; result: Array<Service> };
  /** A service with its SLOs, policy, roadmap impact and decision log. */
  services_get: { args: { id: string }; result: ServiceView };
  services_create: { args: { input: ServiceInput }; result: Service };
  services_update: { args: { id: string; version: number; input: ServiceInput }; result: Service };
  services_delete: { args: { id: string }; result: TrashEntry };
  policy_save: { args: { service_id: string; version: number; input: PolicyInput }; result: Policy };
  /** Applies the policy's roadmap proposal, or records an approved exception (append-only). */
  policy_decide: { args: { service_id: string; input: DecisionInput }; result: ServiceView };
  /** Marks a roadmap row as feature or reliability work for a service. */
  roadmaps_set_row_service: { args: { row_id: string; service_id: string | null; kind: RowKind }; result: Roadmap };
  /** Every SLO (of one service) with its budget now. */
  slos_list: { args: { service_id: string | null }; result: Array<SloSummary> };
  /** An SLO with its budget, alerts and chart series now. */
  slos_get: { args: { id: string }; result: SloView };
  slos_create: { args: { input: SloInput }; result: Slo };
  slos_update: { args: { id: string; version: number; input: SloInput }; result: Slo };
  slos_delete: { args: { id: string }; result: TrashEntry };
  readings_list: { args: { slo_id: string; page: PageRequest }; result: Page<StoredReading> };
  readings_add: { args: { slo_id: string; input: ReadingInput }; result: StoredReading };
  readings_update: { args: { id: string; version: number; input: ReadingInput }; result: StoredReading };
  readings_delete: { args: { id: string }; result: TrashEntry };
  postmortems_list: { args: { filter: PostmortemFilter }; result: Page<PostmortemSummary> };
  postmortems_get: { args: { id: string }; result: Postmortem };
  postmortems_create: { args: { input: PostmortemInput }; result: Postmortem };
  postmortems_update: { args: { id: string; version: number; input: PostmortemInput }; result: Postmortem };
  /** Draft → complete → closed; blame flags left need `blame_ok` (else `needs_ack`). */
  postmortems_set_status: { args: { id: string; version: number; status: PostmortemStatus; blame_ok: boolean }; result: Postmortem };
  postmortems_delete: { args: { id: string }; result: TrashEntry };
  action_items_list: { args: { filter: ActionItemFilter }; result: Page<ActionItem> };
  /** A title whose first word is not a known verb needs `title_ok` (else `needs_ack`). */
  action_items_create: { args: { postmortem_id: string; input: ActionItemInput }; result: ActionItem };
  action_items_update: { args: { id: string; version: number; input: ActionItemInput }; result: ActionItem };
  action_items_delete: { args: { id: string }; result: TrashEntry };
  /** Makes the item a deliverable on the row, linked both ways. */
  action_items_to_deliverable: { args: { id: string; row_id: string }; result: ActionItem };
  /** The closure rate per quarter, newest first. */
  action_items_closure: { args: Record<string, never>; result: Array<QuarterClosure> };
  toil_list: { args: { filter: ToilFilter }; result: Page<ToilEntry> };
  /** Each team's weekly toil share for the last `weeks` weeks. */
  toil_weekly: { args: { weeks: number }; result: Array<ToilWeek> };
  toil_teams: { args: Record<string, never>; result: Array<TeamCapacity> };
  toil_create: { args: { input: ToilInput }; result: ToilEntry };
  toil_update: { args: { id: string; version: number; input: ToilInput }; result: ToilEntry };
  toil_delete: { args: { id: string }; result: TrashEntry };
  toil_set_team: { args: { team: string; engineers: number; hours_per_week: number }; result: TeamCapacity };
  /** Imports (or previews) a picked OpenSLO file, all or nothing. */
  openslo_import: { args: { path: string; dry_run: boolean }; result: OpenSloReport };
  /** Saves every SLO as OpenSLO YAML where the user chooses; `null` when they cancel. */
  openslo_export: { args: Record<string, never>; result: string | null };
  /** Everything about one person; `all` lifts the per-section limit. */
  people_profile: { args: { id: string; all: boolean }; result: PersonProfile };
  /** Asks where to save a planned interview's calendar file (.ics) and writes it; the saved
   * path, or `None` when the user cancels. */
  calendar_save_interview: { args: { id: string }; result: string | null };
  /** The same for a roadmap's update meetings, as one recurring event. */
  calendar_save_meetings: { args: { roadmap_id: string }; result: string | null };
  reminders_settings: { args: Record<string, never>; result: ReminderSettings };
  reminders_save_settings: { args: { settings: ReminderSettings }; result: ReminderSettings };
};
