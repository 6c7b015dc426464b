// Words for the core's values, shared by every screen that shows them.
import type { Finding } from "../bindings/Finding";
import type { FindingStatus } from "../bindings/FindingStatus";
import type { Role } from "../bindings/Role";
import type { ListKind } from "../bindings/ListKind";
import type { TrashKind } from "../bindings/TrashKind";

export const ROLE_LABELS: Record<Role, string> = {
  ic: "IC",
  lead: "Lead",
  manager: "Manager",
  other: "Other",
};

export const FINDING_STATUSES: FindingStatus[] = ["open", "confirmed", "acted", "dismissed"];

/** "3 interviewees · 1 lead/manager · 2 IC/other", or where a finding without interviews came from. */
export function backing(f: Finding): string {
  if (f.source && f.evidence.length === 0) return `From the ${f.source}; no interview evidence yet`;
  const people = `${f.interviewee_count} interviewee${f.interviewee_count === 1 ? "" : "s"}`;
  return `${people} · ${f.lead_count} lead/manager · ${f.ic_count} IC/other`;
}

/** How a list is named on its export button. */
export const LIST_LABELS: Record<ListKind, string> = {
  people: "people",
  interviews: "interviews",
  notes: "notes",
  quotes: "quotes",
  findings: "findings",
  questions: "questions",
  guides: "guides",
  roadmap_rows: "roadmap rows and deliverables",
  roadmap_updates: "status updates",
  sprint_cards: "sprint cards",
  follow_ups: "follow-ups",
  transcripts: "transcripts",
  slos: "SLOs",
  slo_readings: "SLO readings",
  postmortems: "postmortems",
  action_items: "action items",
  toil: "toil log",
};

export const TRASH_LABELS: Record<TrashKind, string> = {
  interview: "Interviews",
  note: "Notes and quotes",
  finding: "Findings",
  guide: "Interview guides",
  "guide-item": "Questions taken out of guides",
  roadmap: "Roadmaps",
  "roadmap-row": "Roadmap rows",
  deliverable: "Deliverables",
  sprint: "Sprints",
  card: "Sprint cards",
  "sprint-entry": "Sprint notes",
  "follow-up": "Follow-ups",
  merge: "Merged people",
  service: "Services",
  slo: "SLOs",
  reading: "SLO readings",
  postmortem: "Postmortems",
  "action-item": "Action items",
  toil: "Toil entries",
  transcript: "Transcripts",
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
