// The checker reports byte offsets into the UTF-8 text (Rust strings); JS strings index UTF-16
// code units. These helpers convert, and cut a question into marked and plain pieces.
import type { LintFinding } from "../bindings/LintFinding";

/** The JS string index at UTF-8 byte offset `byte` of `text`. */
export function byteToIndex(text: string, byte: number): number {
  let bytes = 0;
  let index = 0;
  for (const ch of text) {
    if (bytes >= byte) break;
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    index += ch.length;
  }
  return index;
}

export interface Piece {
  text: string;
  /** Rule ids whose trigger covers this piece (empty: plain text). */
  rules: string[];
}

/** Splits `text` at every trigger boundary so overlapping triggers are all shown. */
export function pieces(text: string, findings: readonly LintFinding[]): Piece[] {
  const ranges = findings.map((f) => ({
    start: byteToIndex(text, f.span.start),
    end: byteToIndex(text, f.span.end),
    rule: f.rule,
  }));
  const cuts = [...new Set([0, text.length, ...ranges.flatMap((r) => [r.start, r.end])])]
    .filter((c) => c >= 0 && c <= text.length)
    .sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    const rules = [...new Set(ranges.filter((r) => r.start <= a && r.end >= b).map((r) => r.rule))];
    out.push({ text: text.slice(a, b), rules });
  }
  return out;
}
