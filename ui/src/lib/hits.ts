// Where a search hit lives: the screen that shows it, with the hit itself focused there.
import type { SearchHit } from "../bindings/SearchHit";
import type { Go } from "./routes";

export function openHit(go: Go, h: SearchHit): void {
  switch (h.kind) {
    case "note":
    case "quote":
      return go("interviews", h.parent_id, h.id);
    case "finding":
      return go("findings", null, h.id);
    case "person":
      return go("people", null, h.id);
    case "roadmap-row":
    case "update":
      return go("roadmaps", h.parent_id, h.row_id);
    case "deliverable":
      return go("roadmaps", h.parent_id, h.id);
    case "transcript":
      // `id` is "<transcript id>/<cue>": the interview opens that transcript at that moment.
      return go("interviews", h.parent_id && `${h.parent_id}/transcript/${h.id.split("/")[0]}`, h.id);
    case "service":
      return go("reliability", `service/${h.id}`);
    case "slo":
      return go("reliability", `slo/${h.id}`);
    case "postmortem":
      return go("reliability", `postmortem/${h.id}`);
    case "action-item":
      return go("reliability", `postmortem/${h.parent_id ?? ""}`, h.id);
  }
}

export const HIT_LABELS: Record<SearchHit["kind"], string> = {
  note: "Note",
  quote: "Quote",
  finding: "Finding",
  person: "Person",
  "roadmap-row": "Roadmap row",
  deliverable: "Deliverable",
  update: "Status update",
  transcript: "Transcript",
  service: "Service",
  slo: "SLO",
  postmortem: "Postmortem",
  "action-item": "Action item",
};
