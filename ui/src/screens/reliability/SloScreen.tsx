import type { AlertEval } from "../../bindings/AlertEval";
import type { SloView } from "../../bindings/SloView";
import type { Api } from "../../lib/ipc";
import { dateTime } from "../../lib/dates";
import { useCall } from "../../lib/hooks";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { useToasts } from "../../kit/Toasts";
import { BudgetChart, BurnRateChart } from "./charts";
import { Figure, StateBadge, num, pct } from "./common";
import { Readings } from "./Readings";
import { SloForm } from "./SloForm";
import type { Open } from "./Reliability";

const windowLabel = (m: number) => (m % 1440 === 0 ? `${m / 1440}d` : m % 60 === 0 ? `${m / 60}h` : `${m}m`);

/** One SLO: its budget now (consumed and remaining, as a share and as events or minutes),
 * burn rate, projected exhaustion, the workbook's alerts for the readings entered, the
 * charts, the evidence behind it and its readings. `sub`: `edit`. */
export function SloScreen({ api, id, sub, open }: { api: Api; id: string; sub: string | null; open: Open }) {
  const view = useCall(() => api.slos_get({ id }), [api, id]);
  const toasts = useToasts();
  const v = view.data;
  if (!v) return <p className="muted">{view.error ?? "Loading…"}</p>;
  const slo = v.slo;
  const here = `slo/${id}`;
  const remove = async () => {
    try {
      const entry = await api.slos_delete({ id });
      toasts.deleted(entry, () => open(here));
      open(`service/${slo.service_id}`);
    } catch (e) {
      view.setError((e as Error).message);
    }
  };
  return (
    <>
      <header className="rel-head">
        <div>
          <p className="muted small">
            <button className="link" onClick={() => open(`service/${slo.service_id}`)}>
              {slo.service_name}
            </button>{" "}
            · SLO {slo.name}
          </p>
          <h1 id="page-title" tabIndex={-1} data-testid="slo-title">
            {slo.display_name ?? slo.name} <StateBadge state={v.state} testId="slo-state" />
          </h1>
          <p className="prewrap">{slo.journey}</p>
          <p className="muted small">
            {pct(slo.spec.target)} over{" "}
            {slo.spec.window.kind === "rolling" ? `a rolling ${slo.spec.window.days} days` : `each calendar ${slo.spec.window.unit} (${slo.spec.window.time_zone})`} ·{" "}
            {slo.spec.method.kind === "occurrences"
              ? "counts events"
              : `counts ${slo.spec.method.slice_minutes}-minute slices, good at ${pct(slo.spec.method.slice_target)}`}
            {slo.persona && ` · for ${slo.persona}`}
          </p>
        </div>
        <span className="actions">
          <button onClick={() => open(sub === "edit" ? here : `${here}/edit`)} data-testid="slo-edit">
            {sub === "edit" ? "Close editor" : "Edit"}
          </button>
          <button className="danger" onClick={() => void remove()} data-testid="slo-delete">
            Delete
          </button>
        </span>
      </header>
      <ErrorBanner message={view.error} />
      {slo.evidence_warning && (
        <p className="banner warn" data-testid="slo-evidence-warning">
          {slo.evidence_warning}
        </p>
      )}
      {sub === "edit" && (
        <SloForm
          key={slo.version}
          api={api}
          serviceId={slo.service_id}
          slo={slo}
          onSaved={() => {
            open(here);
            void view.reload();
          }}
          onClose={() => open(here)}
        />
      )}
      <Budget v={v} />
      <section className="rel-charts" aria-label="Charts">
        <BudgetChart points={v.burndown} windowStart={v.status.window_start} windowEnd={v.status.window_end} steps={v.steps} />
        <BurnRateChart
          points={v.burn_rates}
          windowStart={v.status.window_start}
          windowEnd={v.status.window_end}
          pageAt={v.alerts[0]?.threshold ?? 14.4}
        />
      </section>
      <Alerts alerts={v.alerts} />
      <Evidence v={v} />
      <Readings api={api} slo={slo} total={v.readings_total} onChanged={() => void view.reload()} />
    </>
  );
}

function Budget({ v }: { v: SloView }) {
  const s = v.status;
  const minutes = v.slo.spec.method.kind === "timeslices";
  const tone = s.remaining <= 0 ? "danger" : s.remaining <= 0.25 ? "warn" : undefined;
  return (
    <section aria-label="Error budget" className="card">
      <div className="rel-figures">
        <Figure label="budget consumed" value={pct(s.consumed)} testId="slo-consumed" tone={tone} />
        <Figure label="budget remaining" value={pct(s.remaining)} testId="slo-remaining" tone={tone} />
        <Figure
          label={minutes ? "bad minutes / allowed" : "bad events / allowed"}
          value={minutes ? `${num(s.minutes_bad ?? 0, 2)} / ${num(s.minutes_allowed, 2)}` : `${num(s.events_bad, 2)} / ${num(s.events_allowed, 2)}`}
          testId="slo-bad"
        />
        <Figure label="burn rate" value={s.burn_rate === null ? "—" : `${num(s.burn_rate, 2)}×`} testId="slo-burn" />
        <Figure label="attainment" value={pct(s.attainment)} />
        <Figure small label="budget runs out" value={s.projected_exhaustion ? dateTime(s.projected_exhaustion) : s.remaining <= 0 ? "already spent" : "not at this pace"} testId="slo-exhaustion" />
      </div>
      <p className="muted small" data-testid="slo-allowance">
        Budget: {pct(s.budget)} of {minutes ? "the time" : "events"} — {v.allowance}. Window {dateTime(s.window_start)} – {dateTime(s.window_end)}; {s.readings_used} readings in it.
      </p>
    </section>
  );
}

function Alerts({ alerts }: { alerts: AlertEval[] }) {
  return (
    <section aria-labelledby="slo-alerts" className="card">
      <h2 id="slo-alerts" className="rel-h2">
        Burn-rate alerts (SRE workbook), for the readings entered
      </h2>
      <div className="rel-scroll">
        <table className="table small rel-alerts" data-testid="slo-alerts">
          <thead>
            <tr>
              <th scope="col">Alert</th>
              <th scope="col">Burn rate, long / short</th>
              <th scope="col">Threshold</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={a.name} data-testid="slo-alert" data-fires={a.fires}>
                <td className="nowrap">
                  {a.severity === "page" ? "Page" : "Ticket"}: {windowLabel(a.long_window)} with {windowLabel(a.short_window)}
                </td>
                <td>
                  {a.long_burn === null ? "—" : `${num(a.long_burn, 2)}×`} / {a.short_burn === null ? "—" : `${num(a.short_burn, 2)}×`}
                </td>
                <td>{num(a.threshold, 2)}×</td>
                <td>
                  <strong className={a.fires ? "danger-text" : "ok-text"}>{a.fires ? "Would fire" : "Would not fire"}</strong>
                  {a.note && <span className="block muted">{a.note}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Evidence({ v }: { v: SloView }) {
  const e = v.slo.evidence;
  if (e.people.length + e.findings.length + e.notes.length === 0) return null;
  return (
    <section aria-labelledby="slo-ev" className="card">
      <h2 id="slo-ev" className="rel-h2">
        Why this target: the users and what they said
      </h2>
      {e.people.length > 0 && <p>For: {e.people.map((p) => p.name).join(", ")}</p>}
      <ul className="rel-evidence">
        {e.findings.map((f) => (
          <li key={f.id}>Finding: {f.title}</li>
        ))}
        {e.notes.map((n) => (
          <li key={n.note_id}>
            {n.is_quote ? <q>{n.text}</q> : n.text} <span className="muted small">— {n.speaker ?? n.interview_title}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
