// The app's areas, in sidebar order. Today is the landing page.
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
}

export const AREAS: readonly Area[] = [
  { id: "today", label: "Today" },
  { id: "people", label: "People" },
  { id: "interviews", label: "Interviews" },
  { id: "questions", label: "Questions" },
  { id: "sprints", label: "Sprints" },
  { id: "roadmaps", label: "Roadmaps" },
  { id: "followups", label: "Follow-ups" },
  { id: "findings", label: "Findings" },
  { id: "search", label: "Search" },
];

/** The part after the area, e.g. the interview id in `#/interviews/<id>` (or `<id>/meeting`). */
export function paramFromHash(hash: string): string | null {
  return hash.replace(/^#\/?/, "").split("/").slice(1).join("/") || null;
}

export function areaFromHash(hash: string): AreaId {
  const id = hash.replace(/^#\/?/, "").split("/")[0];
  return AREAS.find((a) => a.id === id)?.id ?? "today";
}
