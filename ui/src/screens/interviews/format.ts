// How interview mode and the list put times, progress and tags into words.
import type { Interview } from "../../bindings/Interview";
import type { InterviewSummary } from "../../bindings/InterviewSummary";

/** mm:ss, with a sign when over time. */
export function clock(seconds: number): string {
  const s = Math.abs(Math.trunc(seconds));
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  return seconds < 0 ? `+${text}` : text;
}

/** Seconds left of the interview at `now` (negative once over time). */
export function remaining(interview: Pick<Interview, "duration_minutes" | "started_at" | "ended_at">, now: number): number {
  const total = interview.duration_minutes * 60;
  if (!interview.started_at) return total;
  const end = interview.ended_at ? Date.parse(interview.ended_at) : now;
  return total - Math.floor((end - Date.parse(interview.started_at)) / 1000);
}

/** The guide question due after `elapsed` seconds, each question taking its planned minutes
 * (the last one once the plan has run out). */
export function questionAt(minutes: readonly number[], elapsed: number): number {
  let end = 0;
  for (let i = 0; i < minutes.length; i++) {
    end += minutes[i]! * 60;
    if (elapsed < end) return i;
  }
  return Math.max(0, minutes.length - 1);
}

/** "Held 23 min", once it is over. */
export function heldLabel(minutes: number | null): string {
  if (minutes === null) return "Held";
  return minutes < 1 ? "Held under a minute" : `Held ${minutes} min`;
}

/** "planned", "running", or "done · held 23 min". */
export function statusLabel(i: Pick<InterviewSummary, "status" | "held_minutes">): string {
  return i.status === "done" ? `done · ${heldLabel(i.held_minutes).toLowerCase()}` : i.status;
}

export interface TagPiece {
  text: string;
  tag: boolean;
}

/** A note's text cut around the `#tags` the core found in it, so they show as chips where they
 * were typed (the core decides what a tag is; this only finds where each one was written). */
export function tagPieces(text: string, tags: readonly string[]): TagPiece[] {
  if (!tags.length) return [{ text, tag: false }];
  const alternatives = [...tags].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])(#(?:${alternatives.join("|")}))(?![\\p{L}\\p{N}_-])`, "giu");
  const out: TagPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index + m[1]!.length;
    if (start > at) out.push({ text: text.slice(at, start), tag: false });
    out.push({ text: m[2]!, tag: true });
    at = start + m[2]!.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), tag: false });
  return out;
}
