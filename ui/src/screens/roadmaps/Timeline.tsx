import type { Roadmap } from "../../bindings/Roadmap";

function pct(start: string, end: string, day: string): number {
  const span = Date.parse(end) - Date.parse(start);
  return Math.max(0, Math.min(100, ((Date.parse(day) - Date.parse(start)) / span) * 100));
}

/** Deliverables on the interval's date axis, one lane per row, with a today marker. */
export function Timeline({ roadmap, today }: { roadmap: Roadmap; today: string }) {
  const weeks: string[] = [];
  for (let t = Date.parse(roadmap.starts_on); t <= Date.parse(roadmap.ends_on); t += 7 * 86_400_000) {
    weeks.push(new Date(t).toISOString().slice(0, 10));
  }
  const showToday = today >= roadmap.starts_on && today <= roadmap.ends_on;
  return (
    <div className="timeline" data-testid="timeline">
      <div className="lane axis">
        <span className="lane-label" />
        <div className="track">
          {weeks.map((w) => (
            <span key={w} className="tick" style={{ left: `${pct(roadmap.starts_on, roadmap.ends_on, w)}%` }}>
              {w.slice(5)}
            </span>
          ))}
        </div>
      </div>
      {roadmap.rows.map((row) => (
        <div key={row.id} className="lane">
          <span className="lane-label">{row.project}</span>
          <div className="track">
            {showToday && <span className="today" data-testid="today-marker" style={{ left: `${pct(roadmap.starts_on, roadmap.ends_on, today)}%` }} />}
            {row.deliverables
              .filter((d) => d.due_on)
              .map((d) => (
                <span
                  key={d.id}
                  className={`dot d-${d.status}${d.warnings.length ? " outside" : ""}`}
                  style={{ left: `${pct(roadmap.starts_on, roadmap.ends_on, d.due_on!)}%` }}
                  title={`${d.title} — due ${d.due_on} (${d.status})`}
                  data-dot={d.title}
                />
              ))}
          </div>
        </div>
      ))}
      <p className="muted small legend">
        <span className="dot-inline d-planned" /> planned <span className="dot-inline d-in-progress" /> in progress{" "}
        <span className="dot-inline d-done" /> done <span className="dot-inline d-dropped" /> dropped · a red ring: due outside the
        interval{showToday && " · the blue line is today"}.
      </p>
    </div>
  );
}
