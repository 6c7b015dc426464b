// The SLO charts: the error budget remaining over the window, and each reading's burn rate.
// Drawn in SVG with the theme's CSS variables, so they read in light and dark themes, and
// each has a text summary for screen readers.
import type { ReactNode } from "react";
import type { BurnPoint } from "../../bindings/BurnPoint";
import type { BurnRatePoint } from "../../bindings/BurnRatePoint";
import type { PolicyStep } from "../../bindings/PolicyStep";
import { STATE_LABELS, pct, num, shortDate } from "./common";

const W = 560;
const H = 220;
const PAD = { l: 46, r: 14, t: 12, b: 28 };

interface Frame {
  x: (t: number) => number;
  y: (v: number) => number;
}

/** A frame over [t0, t1] × [lo, hi] with horizontal grid lines at `ticks` and a few dates. */
function Chart({ t0, t1, lo, hi, ticks, fmt, label, testId, children }: {
  t0: number;
  t1: number;
  lo: number;
  hi: number;
  ticks: number[];
  fmt: (v: number) => string;
  label: string;
  testId: string;
  children: (f: Frame) => ReactNode;
}) {
  const span = Math.max(1, t1 - t0);
  const x = (t: number) => PAD.l + ((t - t0) / span) * (W - PAD.l - PAD.r);
  const y = (v: number) => PAD.t + (H - PAD.t - PAD.b) * (1 - (v - lo) / Math.max(1e-9, hi - lo));
  const dates = [0, 0.25, 0.5, 0.75, 1].map((f) => t0 + f * span);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid={testId}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} className="grid-line" />
          <text x={PAD.l - 6} y={y(t) + 4} textAnchor="end" className="axis">
            {fmt(t)}
          </text>
        </g>
      ))}
      {dates.map((d, i) => (
        <text key={i} x={x(d)} y={H - 8} textAnchor={i === 0 ? "start" : i === dates.length - 1 ? "end" : "middle"} className="axis">
          {shortDate(new Date(d).toISOString())}
        </text>
      ))}
      {children({ x, y })}
    </svg>
  );
}

const path = (pts: [number, number][]) => pts.map(([a, b], i) => `${i ? "L" : "M"}${a.toFixed(1)},${b.toFixed(1)}`).join(" ");

/** Budget remaining over the window, against an even burn (the budget spent exactly by the
 * window's end), with the policy's thresholds. */
export function BudgetChart({ points, windowStart, windowEnd, steps }: { points: BurnPoint[]; windowStart: string; windowEnd: string; steps: PolicyStep[] }) {
  const t0 = Date.parse(windowStart);
  const t1 = Date.parse(windowEnd);
  const lows = points.map((p) => p.remaining);
  const lo = Math.min(0, ...lows);
  const ticks = [...new Set([lo, 0, 0.5, 1].map((v) => Math.round(v * 100) / 100))].sort((a, b) => a - b);
  const last = points[points.length - 1];
  const summary = last
    ? `Error budget remaining: ${pct(last.remaining)} on ${shortDate(last.at)}, after ${points.length} readings in the window.`
    : "Error budget remaining: 100%; no readings in the window yet.";
  return (
    <figure className="slo-chart" data-testid="budget-chart">
      <Chart t0={t0} t1={t1} lo={lo} hi={1} ticks={ticks} fmt={(v) => pct(v)} label={summary} testId="budget-chart-svg">
        {({ x, y }) => (
          <>
            {steps.map((s) => (
              <g key={s.state}>
                <line x1={PAD.l} x2={W - PAD.r} y1={y(s.below_remaining)} y2={y(s.below_remaining)} className={`threshold t-${s.state}`} />
                <text x={PAD.l + 6} y={y(s.below_remaining) - 4} textAnchor="start" className="axis threshold-label">
                  {STATE_LABELS[s.state]}
                </text>
              </g>
            ))}
            <path d={path([[x(t0), y(1)], [x(t1), y(0)]])} className="ideal" />
            {points.length > 0 && (
              <path
                d={path([[x(t0), y(1)], ...points.map((p) => [x(Date.parse(p.at)), y(p.remaining)] as [number, number])])}
                className="actual"
                data-testid="budget-line"
              />
            )}
            {points.map((p, i) => (
              <circle key={i} cx={x(Date.parse(p.at))} cy={y(p.remaining)} r={3} className={p.remaining < 0 ? "actual-dot over" : "actual-dot"} />
            ))}
          </>
        )}
      </Chart>
      <figcaption className="small muted">
        <span className="key actual">Budget left</span> <span className="key ideal">Even burn</span> · {summary}
      </figcaption>
    </figure>
  );
}

/** Each reading's burn rate (error ratio ÷ budget): above 1 the budget runs out before the
 * window ends. */
export function BurnRateChart({ points, windowStart, windowEnd, pageAt }: { points: BurnRatePoint[]; windowStart: string; windowEnd: string; pageAt: number }) {
  const t0 = Date.parse(windowStart);
  const t1 = Date.parse(windowEnd);
  const top = Math.max(2, ...points.map((p) => p.rate));
  const hi = top * 1.05;
  const ticks = [...new Set([0, 1, top <= pageAt * 1.5 && top >= pageAt / 2 ? pageAt : Math.round(top)].map((v) => Math.round(v * 10) / 10))].sort((a, b) => a - b);
  const worst = points.reduce<BurnRatePoint | null>((w, p) => (w === null || p.rate > w.rate ? p : w), null);
  const summary = worst
    ? `Burn rate per reading: highest ${num(worst.rate, 2)}× on ${shortDate(worst.end)}; ${points.filter((p) => p.rate > 1).length} of ${points.length} readings burned faster than 1×.`
    : "Burn rate per reading: no readings in the window yet.";
  return (
    <figure className="slo-chart" data-testid="burn-chart">
      <Chart t0={t0} t1={t1} lo={0} hi={hi} ticks={ticks} fmt={(v) => `${num(v, 1)}×`} label={summary} testId="burn-chart-svg">
        {({ x, y }) => (
          <>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(1)} y2={y(1)} className="threshold t-watch" />
            {points.map((p, i) => {
              const a = x(Date.parse(p.start));
              const b = Math.max(a + 1.5, x(Date.parse(p.end)) - 0.5);
              return <rect key={i} x={a} width={b - a} y={y(p.rate)} height={Math.max(0.5, y(0) - y(p.rate))} className={p.rate > 1 ? "bar over" : "bar"} />;
            })}
          </>
        )}
      </Chart>
      <figcaption className="small muted">
        <span className="key bar">Burn rate</span> <span className="key budget-neutral">1× (spends the budget by the window's end)</span> · {summary}
      </figcaption>
    </figure>
  );
}
