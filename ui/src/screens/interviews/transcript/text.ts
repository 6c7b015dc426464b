// The transcript timeline's text work, kept out of the components so it can be tested: who a
// speaker label is, where the marks fall in a cue (pulled spans, search hits, leading
// questions), the search within a transcript, and where a text selection starts and ends.
// Offsets are UTF-16 code units (JS string indexes), as the core's spans are.
import type { Audit } from "../../../bindings/Audit";
import type { Pulled } from "../../../bindings/Pulled";
import type { Speaker } from "../../../bindings/Speaker";
import type { StoredCue } from "../../../bindings/StoredCue";
import type { TranscriptSpan } from "../../../bindings/TranscriptSpan";
import { byteToIndex } from "../../../lib/spans";

/** `h:mm:ss`, or `m:ss` under an hour: where a cue starts in the recording. */
export function stamp(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(sec).padStart(2, "0")}`;
}

export type SideClass = "interviewer" | "interviewee" | "unmapped";

export interface Who {
  /** The name to show: the person it is mapped to, else the label as the file spells it. */
  name: string;
  side: SideClass;
  /** "you", "note-taker", "interviewee" or "not mapped". */
  role: string;
}

/** Who each speaker label is, as mapped. */
export function whoIs(speakers: readonly Speaker[]): Map<string, Who> {
  return new Map(
    speakers.map((s) => {
      const side: SideClass = s.side ?? "unmapped";
      const role = s.side === "interviewee" ? "interviewee" : s.side === "interviewer" ? (s.person_id ? "note-taker" : "you") : "not mapped";
      return [s.label, { name: s.person_name ?? s.label, side, role }];
    }),
  );
}

/** A range of one cue's text to mark. */
export interface Mark {
  start: number;
  end: number;
  /** CSS class of the mark, e.g. `pulled-quote`, `tr-hit`, `tr-hit current`, `tr-leading`. */
  cls: string;
  /** Shown on hover. */
  title?: string;
  /** The note a pulled mark belongs to. */
  note?: string;
}

export interface Piece {
  text: string;
  /** Where the piece starts in the cue's text. */
  start: number;
  marks: Mark[];
}

/** Cuts `text` at every mark's edge; each piece carries the marks that cover it. */
export function cut(text: string, marks: readonly Mark[]): Piece[] {
  const inside = marks
    .map((m) => ({ ...m, start: Math.max(0, Math.min(text.length, m.start)), end: Math.max(0, Math.min(text.length, m.end)) }))
    .filter((m) => m.end > m.start);
  const cuts = [...new Set([0, text.length, ...inside.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    out.push({ text: text.slice(a, b), start: a, marks: inside.filter((m) => m.start <= a && m.end >= b) });
  }
  return out.length ? out : [{ text, start: 0, marks: [] }];
}

/** The part of cue `seq` (of `length` units) that a span covers, if any. */
export function spanIn(span: Pick<TranscriptSpan, "from_cue" | "from_offset" | "to_cue" | "to_offset">, seq: number, length: number): [number, number] | null {
  if (seq < span.from_cue || seq > span.to_cue) return null;
  const start = seq === span.from_cue ? span.from_offset : 0;
  const end = seq === span.to_cue ? span.to_offset : length;
  return end > start ? [start, end] : null;
}

/** The notes and quotes pulled from cue `seq`, as marks. */
export function pulledMarks(pulled: readonly Pulled[], seq: number, length: number): Mark[] {
  const out: Mark[] = [];
  for (const p of pulled) {
    const r = spanIn(p.span, seq, length);
    if (r) out.push({ start: r[0], end: r[1], cls: p.is_quote ? "pulled-quote" : "pulled-note", title: p.is_quote ? "Quoted in the notes" : "In the notes", note: p.note_id });
  }
  return out;
}

/** The leading questions the audit found, by the cue they start in, as marks. */
export function leadingMarks(audit: Audit, cues: readonly StoredCue[]): Map<number, Mark[]> {
  const out = new Map<number, Mark[]>();
  for (const q of audit.questions) {
    const cue = cues[q.cue];
    if (!q.leading || !cue) continue;
    const mark: Mark = {
      start: byteToIndex(cue.text, q.span[0]),
      end: byteToIndex(cue.text, q.span[1]),
      cls: "tr-leading",
      title: `Leading: ${q.rules.map((r) => r.rule).join(", ")}`,
    };
    out.set(q.cue, [...(out.get(q.cue) ?? []), mark]);
  }
  return out;
}

export interface Hit {
  seq: number;
  start: number;
  end: number;
}

/** Every place `query` occurs in the cues' text (case and accents of case ignored), in order. */
export function findHits(cues: readonly StoredCue[], query: string): Hit[] {
  const q = query.trim();
  if (!q) return [];
  const re = new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"), "giu");
  const out: Hit[] = [];
  for (const c of cues) {
    for (const m of c.text.matchAll(re)) out.push({ seq: c.seq, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The next hit from `at` going `step` (+1 or −1), wrapping round. */
export function stepHit(count: number, at: number, step: 1 | -1): number {
  if (count === 0) return 0;
  return (at + step + count) % count;
}

export interface Share {
  words: number;
  time: number;
}

/** The talk-time split: the interviewer's side against everyone else, as fractions 0..1. */
export function talkSplit(audit: Audit): { interviewer: Share; interviewees: Share } {
  const sum = (mine: boolean) =>
    audit.speakers
      .filter((s) => s.interviewer === mine)
      .reduce((a, s) => ({ words: a.words + s.share_words, time: a.time + s.share_seconds }), { words: 0, time: 0 });
  return { interviewer: sum(true), interviewees: sum(false) };
}

/** `0.376` → "38%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The words a span covers, cue texts joined by a space (what a note gets by default). */
export function spanWords(cues: readonly StoredCue[], span: Pick<TranscriptSpan, "from_cue" | "from_offset" | "to_cue" | "to_offset">): string {
  const parts: string[] = [];
  for (let seq = span.from_cue; seq <= span.to_cue; seq++) {
    const c = cues[seq];
    const r = c && spanIn(span, seq, c.text.length);
    if (c && r) parts.push(c.text.slice(r[0], r[1]).trim());
  }
  return parts.filter(Boolean).join(" ");
}

/** Where a DOM selection boundary falls in the timeline: the cue and the UTF-16 offset in its
 * text. A boundary on a row's time or speaker (outside its text) snaps to the text: to its start
 * when the boundary comes before the text, else to its end. `null` outside every cue. */
export function pointIn(node: Node, offset: number): { seq: number; offset: number } | null {
  const el = node instanceof Element ? node : node.parentElement;
  const row = el?.closest<HTMLElement>("[data-cue-row]");
  const text = row?.querySelector<HTMLElement>("[data-cue-text]");
  if (!row || !text) return null;
  const seq = Number(row.dataset.cueRow);
  const boundary = document.createRange();
  boundary.setStart(node, offset);
  if (!text.contains(node)) return { seq, offset: boundary.comparePoint(text, 0) > 0 ? 0 : (text.textContent ?? "").length };
  // Count the text before the boundary: marks split a cue's text into several text nodes.
  let units = 0;
  const walk = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  for (let t = walk.nextNode(); t; t = walk.nextNode()) {
    if (t === node) return { seq, offset: units + offset };
    // A text node wholly before the boundary (when the boundary is on an element).
    if (boundary.comparePoint(t, (t.textContent ?? "").length) <= 0) units += (t.textContent ?? "").length;
    else break;
  }
  return { seq, offset: units };
}

/** The span a DOM range covers in the timeline, or `null` when it covers no words. */
export function spanOf(range: Range, transcriptId: string): TranscriptSpan | null {
  const from = pointIn(range.startContainer, range.startOffset);
  const to = pointIn(range.endContainer, range.endOffset);
  if (!from || !to) return null;
  if (to.seq < from.seq || (to.seq === from.seq && to.offset <= from.offset)) return null;
  return { transcript_id: transcriptId, from_cue: from.seq, from_offset: from.offset, to_cue: to.seq, to_offset: to.offset };
}
