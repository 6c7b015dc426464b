// The app's areas, in sidebar order. `built: false` areas show a plain "not built yet" page.
export type AreaId =
  | "today"
  | "people"
  | "interviews"
  | "questions"
  | "sprints"
  | "roadmaps"
  | "followups"
  | "findings"
  | "search";

export interface Area {
  id: AreaId;
  label: string;
  built: boolean;
  /** What the area will do, shown while it is not built. */
  purpose: string;
}

export const AREAS: readonly Area[] = [
  { id: "today", label: "Today", built: false, purpose: "Interviews today, follow-ups due, the next roadmap update meeting, the sprint day and the days left in the roadmap interval." },
  { id: "people", label: "People", built: true, purpose: "The engineers you serve and interview." },
  { id: "interviews", label: "Interviews", built: true, purpose: "Plan 30-minute interviews with at most two people, run them with live notes, quotes and tags." },
  { id: "questions", label: "Questions", built: true, purpose: "A bank of non-leading questions, a checker that explains why a question leads, and interview guides." },
  { id: "sprints", label: "Sprints", built: false, purpose: "One-week, one-focus prototyping sprint boards with a daily log, demo notes and a retro." },
  { id: "roadmaps", label: "Roadmaps", built: true, purpose: "Six-week roadmaps with user-centric goals, line-by-line status updates, retros and stakeholder reports." },
  { id: "followups", label: "Follow-ups", built: false, purpose: "Follow-ups with users after releases and milestones, and who has not been contacted lately." },
  { id: "findings", label: "Findings", built: true, purpose: "Findings backed by interview evidence, grouped by tag." },
  { id: "search", label: "Search", built: true, purpose: "Full-text search over notes, quotes and findings." },
];

/** The part after the area, e.g. the interview id in `#/interviews/<id>`. */
export function paramFromHash(hash: string): string | null {
  return hash.replace(/^#\/?/, "").split("/")[1] || null;
}

export function areaFromHash(hash: string): AreaId {
  const id = hash.replace(/^#\/?/, "").split("/")[0];
  return AREAS.find((a) => a.id === id)?.id ?? "people";
}
