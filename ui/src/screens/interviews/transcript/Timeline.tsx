import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { StoredCue } from "../../../bindings/StoredCue";
import type { PagedList } from "../../../lib/hooks";
import { VirtualList } from "../../../kit/VirtualList";
import { cut, stamp, type Mark, type Who } from "./text";

/** A list already in memory, as the kit's VirtualList reads one (it asks for pages; all are here). */
function useInMemory<T>(items: readonly T[]): PagedList<T> {
  const want = useCallback(() => undefined, []);
  const at = useCallback((i: number) => items[i], [items]);
  return useMemo(() => ({ total: items.length, at, want, loaded: true, error: null, reload: want }), [items, at, want]);
}

interface Props {
  cues: readonly StoredCue[];
  who: ReadonlyMap<string, Who>;
  /** The marks of each cue (pulled spans, search hits, leading questions). */
  marks: (seq: number) => readonly Mark[];
  /** The cue to scroll to and highlight. */
  focusSeq: number | null;
}

/** The transcript as a timeline of speaker turns: each cue with its time; a turn's first cue
 * names the speaker, the next ones of the same speaker continue it. Only the rows on screen are
 * drawn, so a transcript of thousands of cues scrolls as fast as a short one. */
export function Timeline({ cues, who, marks, focusSeq }: Props) {
  const list = useInMemory(cues);
  // The kit's list measures where it starts in the page once; when what is above it changes
  // height (the window narrows and the speakers move above the timeline), it starts afresh,
  // so the rows it draws and the cue it scrolls to stay where they are on screen.
  const wrap = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  useEffect(() => {
    const el = wrap.current;
    const scroller = el?.closest("main.content");
    if (!el || !scroller) return;
    const ro = new ResizeObserver(() => {
      const t = Math.round(el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop);
      setTop((old) => (Math.abs(old - t) > 4 ? t : old));
    });
    ro.observe(scroller);
    if (scroller.firstElementChild) ro.observe(scroller.firstElementChild);
    return () => ro.disconnect();
  }, []);
  // A list started afresh learns where its scroller is after its first frames: only then is the
  // focused cue scrolled back into view.
  const [armed, setArmed] = useState<number | null>(null);
  useEffect(() => {
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => setArmed(top))));
    return () => cancelAnimationFrame(frame);
  }, [top]);
  return (
    <div ref={wrap}>
      <VirtualList
        key={top}
        list={list}
        estimate={44}
        label="Transcript"
        testId="transcript-timeline"
        keyOf={(c) => String(c.seq)}
        focusKey={focusSeq === null || armed !== top ? null : String(focusSeq)}
        render={(c, i) => {
          const w = who.get(c.speaker);
          const turn = i === 0 || cues[i - 1]!.speaker !== c.speaker;
          return <CueRow cue={c} who={w} turn={turn} marks={marks(c.seq)} />;
        }}
      />
    </div>
  );
}

interface RowProps {
  cue: StoredCue;
  who: Who | undefined;
  /** The first cue of a speaker's turn. */
  turn: boolean;
  marks: readonly Mark[];
}

function CueRow({ cue, who, turn, marks }: RowProps) {
  const side = who?.side ?? "unmapped";
  return (
    <div className={`cue-row side-${side}${turn ? " turn" : ""}`} data-cue-row={cue.seq} data-speaker={who?.name ?? cue.speaker}>
      <span className="cue-time muted" aria-label={`at ${stamp(cue.start_ms)}`}>
        {stamp(cue.start_ms)}
      </span>
      <div className="cue-body">
        {turn && (
          <div className="cue-speaker" data-testid="cue-speaker">
            {who?.name ?? cue.speaker}
            {who && who.side !== "interviewee" && <span className={`who-role ${side}`}>{who.role}</span>}
          </div>
        )}
        <p className="cue-text" data-cue-text>
          {cut(cue.text, marks).map((p) =>
            p.marks.length ? (
              <span
                key={p.start}
                className={p.marks.map((m) => m.cls).join(" ")}
                title={p.marks.map((m) => m.title).filter(Boolean).join(" · ") || undefined}
                data-note={p.marks.find((m) => m.note)?.note}
              >
                {p.text}
              </span>
            ) : (
              p.text
            ),
          )}
        </p>
      </div>
    </div>
  );
}
