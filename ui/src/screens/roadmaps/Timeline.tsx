import { useEffect, useRef, useState } from "react";
import type { Deliverable } from "../../bindings/Deliverable";
import type { Roadmap } from "../../bindings/Roadmap";

const DAY = 86_400_000;

/** Where `ymd` falls on the interval, 0–100 (callers only place dates inside it). */
function pct(start: string, end: string, ymd: string): number {
  return ((Date.parse(ymd) - Date.parse(start)) / (Date.parse(end) - Date.parse(start))) * 100;
}

/** "9 Nov" for a `YYYY-MM-DD` calendar date (read as the calendar date it is, not in a zone). */
function shortDay(ymd: string, year = false): string {
  const t = Date.parse(ymd);
  if (Number.isNaN(t)) return ymd;
  return new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: year ? "numeric" : undefined, timeZone: "UTC" }).format(t);
}

/** Room a date label needs on the axis (px), and what the start and end labels take. */
const LABEL = 56;
const START_LABEL = 50;
const END_LABEL = 100;

/** Weekly ticks between the start and the end, thinned so no two labels overlap on a track
 * `width` px wide and none runs into the start or end label. */
function weekTicks(start: string, end: string, width: number): string[] {
  const [s, e] = [Date.parse(start), Date.parse(end)];
  if (!width || e <= s) return [];
  const pxPerWeek = (width * 7 * DAY) / (e - s);
  const every = Math.max(1, Math.ceil(LABEL / pxPerWeek));
  const out: string[] = [];
  for (let t = s + every * 7 * DAY; t < e; t += every * 7 * DAY) {
    const x = ((t - s) / (e - s)) * width;
    if (x >= START_LABEL && width - x >= END_LABEL) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** The width of an element, following resizes (0 until it is known). */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const watch = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    watch.observe(el);
    return () => watch.disconnect();
  }, []);
  return [ref, width];
}

function Marker({ d, side, year }: { d: Deliverable; side: "before" | "after"; year: string }) {
  const title = `${d.title} — due ${d.due_on}, ${side} the interval (${d.status.replace("-", " ")})`;
  return (
    <span className={`outside-item ${side}`} data-dot={d.title} data-outside={side} title={title} aria-label={title}>
      {side === "before" && <span aria-hidden="true">◀ </span>}
      <span className={`dot-inline d-${d.status}`} aria-hidden="true" />
      {shortDay(d.due_on!, !d.due_on!.startsWith(year))}
      {side === "after" && <span aria-hidden="true"> ▶</span>}
    </span>
  );
}

/** Deliverables on the interval's date axis, one lane per row, with a today marker. The whole
 * axis fits (its end label included); deliverables due before or after the interval sit in
 * gutters past its edges with their dates, instead of piling up on the edge. */
export function Timeline({ roadmap, today }: { roadmap: Roadmap; today: string }) {
  const { starts_on: start, ends_on: end } = roadmap;
  const dated = roadmap.rows.flatMap((w) => w.deliverables).filter((d) => d.due_on);
  const undated = roadmap.rows.flatMap((w) => w.deliverables).length - dated.length;
  const hasBefore = dated.some((d) => d.due_on! < start);
  const hasAfter = dated.some((d) => d.due_on! > end);
  const showToday = today >= start && today <= end;
  const [axis, width] = useWidth<HTMLDivElement>();
  const cols = ["timeline", hasBefore && "has-before", hasAfter && "has-after"].filter(Boolean).join(" ");

  return (
    <div className={cols} data-testid="timeline">
      <div className="lane axis" aria-hidden="true">
        <span className="lane-label" />
        {hasBefore && <span className="gutter before muted small">before</span>}
        <div className="track" ref={axis}>
          <span className="tick start" data-testid="axis-start" style={{ left: "0%" }}>
            {shortDay(start)}
          </span>
          {weekTicks(start, end, width).map((w) => (
            <span key={w} className="tick" style={{ left: `${pct(start, end, w)}%` }}>
              {shortDay(w)}
            </span>
          ))}
          <span className="tick end" data-testid="axis-end" style={{ left: "100%" }}>
            {shortDay(end, true)}
          </span>
        </div>
        {hasAfter && <span className="gutter after muted small">after</span>}
      </div>
      {roadmap.rows.map((row) => {
        const own = row.deliverables.filter((d) => d.due_on);
        return (
          <div key={row.id} className="lane" data-lane={row.project}>
            <span className="lane-label">{row.project}</span>
            {hasBefore && (
              <span className="gutter before">
                {own
                  .filter((d) => d.due_on! < start)
                  .map((d) => (
                    <Marker key={d.id} d={d} side="before" year={start.slice(0, 4)} />
                  ))}
              </span>
            )}
            <div className="track">
              {showToday && <span className="today" data-testid="today-marker" style={{ left: `${pct(start, end, today)}%` }} />}
              {own
                .filter((d) => d.due_on! >= start && d.due_on! <= end)
                .map((d) => (
                  <span
                    key={d.id}
                    className={`dot d-${d.status}`}
                    style={{ left: `${pct(start, end, d.due_on!)}%` }}
                    title={`${d.title} — due ${d.due_on} (${d.status.replace("-", " ")})`}
                    aria-label={`${d.title}, due ${d.due_on}`}
                    data-dot={d.title}
                  />
                ))}
            </div>
            {hasAfter && (
              <span className="gutter after">
                {own
                  .filter((d) => d.due_on! > end)
                  .map((d) => (
                    <Marker key={d.id} d={d} side="after" year={end.slice(0, 4)} />
                  ))}
              </span>
            )}
          </div>
        );
      })}
      <p className="muted small legend">
        <span className="dot-inline d-planned" /> planned <span className="dot-inline d-in-progress" /> in progress <span className="dot-inline d-done" /> done{" "}
        <span className="dot-inline d-dropped" /> dropped
        {(hasBefore || hasAfter) && " · ◀ ▶ due outside the interval, with the date"}
        {showToday && " · the blue line is today"}
        {undated > 0 && ` · ${undated} without a due date not shown`}.
      </p>
    </div>
  );
}
