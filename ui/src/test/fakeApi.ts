import { vi } from "vitest";
import type { Api } from "../lib/ipc";
import { IpcError } from "../lib/ipc";
import type { Person } from "../bindings/Person";
import type { LintFinding } from "../bindings/LintFinding";

const notUsed = () => vi.fn(async () => {
  throw new Error("not used by this test");
});

/** A stand-in for the checker: flags "problems with" like the core's confirmation rule. */
export function fakeLint(q: string): LintFinding[] {
  const start = q.indexOf("problems with");
  if (start < 0) return [];
  return [
    {
      rule: "confirmation-seeking",
      span: { start, end: start + "problems with".length },
      trigger: "problems with",
      explanation: "asks them to confirm a problem you named",
      suggestion: "Tell me about the last time you worked with Chef.",
    },
  ];
}

/** An in-memory stand-in for the Rust side, for component tests. The real rules are tested in
 * the core and end to end; this fake only rejects an empty name the way the core does. */
export function fakeApi(initial: Person[] = []): Api & { people: Person[] } {
  const people = [...initial];
  let n = 0;
  const stamp = "2026-11-23T10:00:00.000Z";
  const api = {
    people,
    workspaceInfo: vi.fn(async () => ({ path: "/tmp/test.db", schema_version: 3, app_version: "0.1.0" })),
    preferences: vi.fn(async () => ({ theme: "system" as const })),
    savePreferences: vi.fn(async (p) => p),
    listPeople: vi.fn(async (f) =>
      people
        .filter((p) => f.include_archived || p.archived_at === null)
        .filter((p) => !f.query || p.name.toLowerCase().includes(f.query.toLowerCase())),
    ),
    createPerson: vi.fn(async (input) => {
      if (!input.name.trim()) {
        throw new IpcError({ code: "validation", message: "Name is required", field: "name" });
      }
      const p: Person = { ...input, id: `p${++n}`, archived_at: null, created_at: stamp, updated_at: stamp };
      people.push(p);
      return p;
    }),
    updatePerson: vi.fn(async (id, input) => {
      const i = people.findIndex((p) => p.id === id);
      people[i] = { ...people[i]!, ...input };
      return people[i]!;
    }),
    setPersonArchived: vi.fn(async (id, archived) => {
      const p = people.find((x) => x.id === id)!;
      p.archived_at = archived ? stamp : null;
      return p;
    }),
    lintCheck: vi.fn(async (q: string) => fakeLint(q)),
    listQuestions: vi.fn(async () => []),
    questionTopics: vi.fn(async () => []),
    createQuestion: notUsed(),
    updateQuestion: notUsed(),
    setQuestionArchived: notUsed(),
    listGuides: vi.fn(async () => []),
    getGuide: notUsed(),
    createGuide: notUsed(),
    updateGuide: notUsed(),
    deleteGuide: notUsed(),
    addGuideQuestion: notUsed(),
    removeGuideItem: notUsed(),
    setGuideItemMinutes: notUsed(),
    reorderGuide: notUsed(),
    exportGuide: notUsed(),
    listInterviews: vi.fn(async () => []),
    getInterview: notUsed(),
    planInterview: notUsed(),
    updateInterview: notUsed(),
    deleteInterview: notUsed(),
    startInterview: notUsed(),
    finishInterview: notUsed(),
    saveDraft: notUsed(),
    listNotes: notUsed(),
    addNote: notUsed(),
    updateNote: notUsed(),
    deleteNote: notUsed(),
    findingsByTag: vi.fn(async () => []),
    createFinding: notUsed(),
    setFindingStatus: notUsed(),
    deleteFinding: notUsed(),
    search: vi.fn(async () => []),
    interviewReport: notUsed(),
    findingsReport: notUsed(),
    quotesReport: notUsed(),
    pickSavePath: vi.fn(async () => null),
    pickOpenPath: vi.fn(async () => null),
    exportCsv: notUsed(),
    importCsv: notUsed(),
    importFields: vi.fn(async () => []),
    listRoadmaps: vi.fn(async () => []),
    getRoadmap: notUsed(),
    createRoadmap: notUsed(),
    addRow: notUsed(),
    updateRow: notUsed(),
    deleteRow: notUsed(),
    setPriority: notUsed(),
    reorderRows: notUsed(),
    addDeliverable: notUsed(),
    updateDeliverable: notUsed(),
    deleteDeliverable: notUsed(),
    recordUpdate: notUsed(),
    rowHistory: notUsed(),
    nextMeeting: notUsed(),
    retro: notUsed(),
    saveRetro: notUsed(),
    carryOver: notUsed(),
    roadmapReport: notUsed(),
    linkInterview: notUsed(),
    unlinkInterview: notUsed(),
    listSprints: vi.fn(async () => []),
    getSprint: notUsed(),
    createSprint: notUsed(),
    updateSprint: notUsed(),
    deleteSprint: notUsed(),
    saveDemoNotes: notUsed(),
    addCard: notUsed(),
    renameCard: notUsed(),
    deleteCard: notUsed(),
    moveCard: notUsed(),
    addEntry: notUsed(),
    deleteEntry: notUsed(),
    entryToFinding: notUsed(),
    entryToDeliverable: notUsed(),
    listFollowUps: vi.fn(async () => []),
    createFollowUp: notUsed(),
    createFollowUps: notUsed(),
    updateFollowUp: notUsed(),
    completeFollowUp: notUsed(),
    reopenFollowUp: notUsed(),
    deleteFollowUp: notUsed(),
    followUpOffer: notUsed(),
    notContacted: vi.fn(async () => [6, []] as [number, never[]]),
    setContactWeeks: notUsed(),
    todayDashboard: vi.fn(async () => ({ date: "2026-11-23", interviews: [], followups: [], meetings: [], sprint: null, roadmaps: [] })),
    loadSample: notUsed(),
    today: vi.fn(async () => "2026-11-23"),
  } satisfies Api & { people: Person[] };
  return api;
}

export function person(name: string, extra: Partial<Person> = {}): Person {
  return {
    id: name.toLowerCase(),
    name,
    team: "SRE",
    role: "ic",
    contact: "",
    core_user: false,
    notes: "",
    archived_at: null,
    created_at: "2026-11-01T00:00:00.000Z",
    updated_at: "2026-11-01T00:00:00.000Z",
    ...extra,
  };
}
