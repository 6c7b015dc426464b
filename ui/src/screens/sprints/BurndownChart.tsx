import type { Burndown } from "../../bindings/Burndown";
import { shortDay as dayLabel } from "./day";

const W = 520;
const H = 220;
const PAD = { l: 36, r: 16, t: 14, b: 30 };


/** Cards remaining per working day against the ideal line; scope added mid-sprint shows as a step in the scope line. */
export function BurndownChart({ burndown }: { burndown: Burndown }) {
  const days = burndown.days;
  if (days.length === 0) return null;
  const top = Math.max(1, ...days.map((d) => Math.max(d.scope, d.ideal, d.remaining ?? 0)));
  const x = (i: number) => PAD.l + (days.length === 1 ? 0 : (i * (W - PAD.l - PAD.r)) / (days.length - 1));
  const y = (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - v / top);
  const line = (pts: [number, number][]) => pts.map(([a, b], i) => `${i ? "L" : "M"}${a.toFixed(1)},${b.toFixed(1)}`).join(" ");
  const actual = days.flatMap((d, i) => (d.remaining === null ? [] : [[x(i), y(d.remaining)] as [number, number]]));
  const last = [...days].reverse().find((d) => d.remaining !== null);
  const ticks = Array.from(new Set([0, Math.round(top / 2), top]));
  const summary = last
    ? `Burndown: ${last.remaining} of ${last.scope} cards left on ${dayLabel(last.day)}; the ideal line is at ${last.ideal.toFixed(1)}.`
    : `Burndown: the sprint has not started; ${days[0]!.scope} cards in scope.`;
  return (
    <figure className="burndown" data-testid="burndown">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} className="grid-line" />
            <text x={PAD.l - 8} y={y(t) + 4} textAnchor="end" className="axis">
              {t}
            </text>
          </g>
        ))}
        {days.map((d, i) => (
          <text key={d.day} x={x(i)} y={H - 10} textAnchor="middle" className="axis">
            {dayLabel(d.day)}
          </text>
        ))}
        <path d={line(days.map((d, i) => [x(i), y(d.scope)]))} className="scope" />
        <path d={line(days.map((d, i) => [x(i), y(d.ideal)]))} className="ideal" />
        {actual.length > 0 && <path d={line(actual)} className="actual" data-testid="burndown-actual" />}
        {actual.map(([a, b], i) => (
          <circle key={i} cx={a} cy={b} r={3.5} className="actual-dot" />
        ))}
      </svg>
      <figcaption className="small muted">
        <span className="key actual">Remaining</span> <span className="key ideal">Ideal</span> <span className="key scope">Scope</span> · {summary}
      </figcaption>
    </figure>
  );
}
