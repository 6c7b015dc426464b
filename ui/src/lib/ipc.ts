// The only door to the Rust side. Every command is typed against the generated bindings, and
// every failure is turned into an IpcError carrying the core's { code, message, field? }.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { Person } from "../bindings/Person";
import type { PersonFilter } from "../bindings/PersonFilter";
import type { PersonInput } from "../bindings/PersonInput";
import type { Preferences } from "../bindings/Preferences";
import type { WorkspaceInfo } from "../bindings/WorkspaceInfo";
import type { Guide } from "../bindings/Guide";
import type { GuideInput } from "../bindings/GuideInput";
import type { GuideSummary } from "../bindings/GuideSummary";
import type { LintFinding } from "../bindings/LintFinding";
import type { Question } from "../bindings/Question";
import type { QuestionFilter } from "../bindings/QuestionFilter";
import type { QuestionInput } from "../bindings/QuestionInput";
import type { TopicCount } from "../bindings/TopicCount";
import type { Interview } from "../bindings/Interview";
import type { InterviewInput } from "../bindings/InterviewInput";
import type { Note } from "../bindings/Note";
import type { NoteInput } from "../bindings/NoteInput";
import type { Finding } from "../bindings/Finding";
import type { FindingInput } from "../bindings/FindingInput";
import type { FindingStatus } from "../bindings/FindingStatus";
import type { ReportFormat } from "../bindings/ReportFormat";
import type { SearchHit } from "../bindings/SearchHit";
import type { TagGroup } from "../bindings/TagGroup";
import type { ImportReport } from "../bindings/ImportReport";
import type { ListKind } from "../bindings/ListKind";
import type { Progress } from "../bindings/Progress";
import type { DeliverableInput } from "../bindings/DeliverableInput";
import type { Priority } from "../bindings/Priority";
import type { Retro } from "../bindings/Retro";
import type { RetroNotes } from "../bindings/RetroNotes";
import type { Roadmap } from "../bindings/Roadmap";
import type { RoadmapInput } from "../bindings/RoadmapInput";
import type { RoadmapSummary } from "../bindings/RoadmapSummary";
import type { RowInput } from "../bindings/RowInput";
import type { RowUpdate } from "../bindings/RowUpdate";
import type { StakeholderFormat } from "../bindings/StakeholderFormat";
import type { StakeholderReport } from "../bindings/StakeholderReport";
import type { UpdateStatus } from "../bindings/UpdateStatus";
import type { EntryKind } from "../bindings/EntryKind";
import type { FollowUp } from "../bindings/FollowUp";
import type { FollowUpFilter } from "../bindings/FollowUpFilter";
import type { FollowUpInput } from "../bindings/FollowUpInput";
import type { FollowUpOffer } from "../bindings/FollowUpOffer";
import type { Lane } from "../bindings/Lane";
import type { Sprint } from "../bindings/Sprint";
import type { SprintInput } from "../bindings/SprintInput";
import type { SprintSummary } from "../bindings/SprintSummary";
import type { StaleContact } from "../bindings/StaleContact";
import type { Today } from "../bindings/Today";

export class IpcError extends Error {
  readonly code: string;
  readonly field: string | undefined;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = "IpcError";
    this.code = payload.code;
    this.field = payload.field;
  }
}

function isPayload(e: unknown): e is ErrorPayload {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isPayload(e)) throw new IpcError(e);
    throw new IpcError({ code: "ipc", message: String(e) });
  }
}

export const api = {
  workspaceInfo: () => call<WorkspaceInfo>("workspace_info"),
  preferences: () => call<Preferences>("preferences_get"),
  savePreferences: (prefs: Preferences) => call<Preferences>("preferences_save", { prefs }),
  listPeople: (filter: PersonFilter) => call<Person[]>("people_list", { filter }),
  createPerson: (input: PersonInput) => call<Person>("people_create", { input }),
  updatePerson: (id: string, input: PersonInput) => call<Person>("people_update", { id, input }),
  setPersonArchived: (id: string, archived: boolean) =>
    call<Person>("people_set_archived", { id, archived }),
  lintCheck: (question: string) => call<LintFinding[]>("lint_check", { question }),
  listQuestions: (filter: QuestionFilter) => call<Question[]>("questions_list", { filter }),
  questionTopics: () => call<TopicCount[]>("questions_topics"),
  createQuestion: (input: QuestionInput) => call<Question>("questions_create", { input }),
  updateQuestion: (id: string, input: QuestionInput) => call<Question>("questions_update", { id, input }),
  setQuestionArchived: (id: string, archived: boolean) =>
    call<Question>("questions_set_archived", { id, archived }),
  listGuides: () => call<GuideSummary[]>("guides_list"),
  getGuide: (id: string) => call<Guide>("guides_get", { id }),
  createGuide: (input: GuideInput) => call<Guide>("guides_create", { input }),
  updateGuide: (id: string, input: GuideInput) => call<Guide>("guides_update", { id, input }),
  deleteGuide: (id: string) => call<null>("guides_delete", { id }),
  addGuideQuestion: (guideId: string, questionId: string, minutes: number) =>
    call<Guide>("guides_add_question", { guideId, questionId, minutes }),
  removeGuideItem: (itemId: string) => call<Guide>("guides_remove_item", { itemId }),
  setGuideItemMinutes: (itemId: string, minutes: number) => call<Guide>("guides_set_minutes", { itemId, minutes }),
  reorderGuide: (guideId: string, itemIds: string[]) => call<Guide>("guides_reorder", { guideId, itemIds }),
  exportGuide: (id: string, format: ReportFormat) => call<string>("guides_export", { id, format }),
  listInterviews: () => call<Interview[]>("interviews_list"),
  getInterview: (id: string) => call<Interview>("interviews_get", { id }),
  planInterview: (input: InterviewInput) => call<Interview>("interviews_plan", { input }),
  updateInterview: (id: string, input: InterviewInput) => call<Interview>("interviews_update", { id, input }),
  deleteInterview: (id: string) => call<null>("interviews_delete", { id }),
  startInterview: (id: string) => call<Interview>("interviews_start", { id }),
  finishInterview: (id: string) => call<Interview>("interviews_finish", { id }),
  saveDraft: (id: string, draft: string) => call<null>("interviews_save_draft", { id, draft }),
  listNotes: (interviewId: string) => call<Note[]>("notes_list", { interviewId }),
  addNote: (interviewId: string, input: NoteInput) => call<Note>("notes_add", { interviewId, input }),
  updateNote: (id: string, input: NoteInput) => call<Note>("notes_update", { id, input }),
  deleteNote: (id: string) => call<null>("notes_delete", { id }),
  findingsByTag: () => call<TagGroup[]>("findings_by_tag"),
  createFinding: (input: FindingInput) => call<Finding>("findings_create", { input }),
  setFindingStatus: (id: string, status: FindingStatus) => call<Finding>("findings_set_status", { id, status }),
  deleteFinding: (id: string) => call<null>("findings_delete", { id }),
  search: (query: string) => call<SearchHit[]>("search_all", { query }),
  interviewReport: (id: string, format: ReportFormat) => call<string>("report_interview", { id, format }),
  findingsReport: (format: ReportFormat) => call<string>("report_findings", { format }),
  quotesReport: (format: ReportFormat) => call<string>("report_quotes", { format }),
  /** The native save dialog for a CSV file; `null` when the user cancels. */
  pickSavePath: (defaultName: string) => call<string | null>("pick_csv_path", { save: true, defaultName }),
  /** The native open dialog for one CSV file; `null` when the user cancels. */
  pickOpenPath: () => call<string | null>("pick_csv_path", { save: false, defaultName: "" }),
  exportCsv: (kind: ListKind, path: string, bom: boolean, onProgress: (p: Progress) => void) => {
    const channel = new Channel<Progress>();
    channel.onmessage = onProgress;
    return call<number>("csv_export", { kind, path, bom, onProgress: channel });
  },
  importCsv: (kind: ListKind, path: string, dryRun: boolean, overrides: Record<string, string>, roadmapId?: string) =>
    call<ImportReport>("csv_import", { kind, path, dryRun, overrides, roadmapId: roadmapId ?? null }),
  importFields: (kind: ListKind) => call<string[]>("csv_import_fields", { kind }),
  listRoadmaps: () => call<RoadmapSummary[]>("roadmaps_list"),
  getRoadmap: (id: string) => call<Roadmap>("roadmaps_get", { id }),
  createRoadmap: (input: RoadmapInput) => call<Roadmap>("roadmaps_create", { input }),
  addRow: (roadmapId: string, input: RowInput) => call<Roadmap>("roadmaps_add_row", { roadmapId, input }),
  updateRow: (rowId: string, input: RowInput) => call<Roadmap>("roadmaps_update_row", { rowId, input }),
  deleteRow: (rowId: string) => call<Roadmap>("roadmaps_delete_row", { rowId }),
  setPriority: (rowId: string, priority: Priority) => call<Roadmap>("roadmaps_set_priority", { rowId, priority }),
  reorderRows: (roadmapId: string, priority: Priority, rowIds: string[]) =>
    call<Roadmap>("roadmaps_reorder_rows", { roadmapId, priority, rowIds }),
  addDeliverable: (rowId: string, input: DeliverableInput) => call<Roadmap>("roadmaps_add_deliverable", { rowId, input }),
  updateDeliverable: (id: string, input: DeliverableInput) => call<Roadmap>("roadmaps_update_deliverable", { id, input }),
  deleteDeliverable: (id: string) => call<Roadmap>("roadmaps_delete_deliverable", { id }),
  recordUpdate: (rowId: string, status: UpdateStatus, note: string) =>
    call<RowUpdate>("roadmaps_record_update", { rowId, status, note }),
  rowHistory: (rowId: string) => call<RowUpdate[]>("roadmaps_history", { rowId }),
  nextMeeting: (id: string) => call<string | null>("roadmaps_next_meeting", { id }),
  retro: (id: string) => call<Retro>("roadmaps_retro", { id }),
  saveRetro: (id: string, notes: RetroNotes) => call<Retro>("roadmaps_save_retro", { id, notes }),
  carryOver: (id: string) => call<Roadmap>("roadmaps_carry_over", { id }),
  roadmapReport: (id: string, kind: StakeholderReport, format: StakeholderFormat) =>
    call<string>("roadmaps_report", { id, kind, format }),
  linkInterview: (rowId: string, interviewId: string) => call<Roadmap>("roadmaps_link_interview", { rowId, interviewId }),
  unlinkInterview: (rowId: string, interviewId: string) =>
    call<Roadmap>("roadmaps_unlink_interview", { rowId, interviewId }),
  listSprints: () => call<SprintSummary[]>("sprints_list"),
  getSprint: (id: string) => call<Sprint>("sprints_get", { id }),
  createSprint: (input: SprintInput) => call<Sprint>("sprints_create", { input }),
  updateSprint: (id: string, input: SprintInput) => call<Sprint>("sprints_update", { id, input }),
  deleteSprint: (id: string) => call<null>("sprints_delete", { id }),
  saveDemoNotes: (id: string, notes: string) => call<Sprint>("sprints_save_demo", { id, notes }),
  addCard: (sprintId: string, title: string, overLimitOk: boolean) =>
    call<Sprint>("sprints_add_card", { sprintId, title, overLimitOk }),
  renameCard: (id: string, title: string) => call<Sprint>("sprints_rename_card", { id, title }),
  deleteCard: (id: string) => call<Sprint>("sprints_delete_card", { id }),
  moveCard: (id: string, lane: Lane, index: number) => call<Sprint>("sprints_move_card", { id, lane, index }),
  addEntry: (sprintId: string, kind: EntryKind, text: string, day: string) =>
    call<Sprint>("sprints_add_entry", { sprintId, kind, text, day }),
  deleteEntry: (id: string) => call<Sprint>("sprints_delete_entry", { id }),
  entryToFinding: (id: string) => call<Sprint>("sprints_entry_to_finding", { id }),
  entryToDeliverable: (id: string, rowId: string) => call<Sprint>("sprints_entry_to_deliverable", { id, rowId }),
  listFollowUps: (filter: FollowUpFilter) => call<FollowUp[]>("followups_list", { filter }),
  createFollowUp: (input: FollowUpInput) => call<FollowUp>("followups_create", { input }),
  createFollowUps: (inputs: FollowUpInput[]) => call<FollowUp[]>("followups_create_many", { inputs }),
  updateFollowUp: (id: string, input: FollowUpInput) => call<FollowUp>("followups_update", { id, input }),
  completeFollowUp: (id: string, outcome: string) => call<FollowUp>("followups_complete", { id, outcome }),
  reopenFollowUp: (id: string) => call<FollowUp>("followups_reopen", { id }),
  deleteFollowUp: (id: string) => call<null>("followups_delete", { id }),
  followUpOffer: (deliverableId: string) => call<FollowUpOffer>("followups_offer", { deliverableId }),
  notContacted: () => call<[number, StaleContact[]]>("followups_not_contacted"),
  setContactWeeks: (weeks: number) => call<number>("followups_set_contact_weeks", { weeks }),
  todayDashboard: () => call<Today>("today_dashboard"),
  loadSample: () => call<string>("sample_load"),
  today: () => call<string>("today_date"),
};

export type Api = typeof api;
