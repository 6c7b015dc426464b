import type { ServiceView } from "../../bindings/ServiceView";
import type { Api } from "../../lib/ipc";
import type { Go } from "../../lib/routes";
import { useCall } from "../../lib/hooks";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { useToasts } from "../../kit/Toasts";
import { StateBadge, pct, num } from "./common";
import { ServiceForm } from "./ServiceForm";
import { SloForm } from "./SloForm";
import { PolicyPanel } from "./PolicyPanel";
import { PolicyForm } from "./PolicyForm";
import { RowLinker } from "./RowLinker";
import type { Open } from "./Reliability";

/** One service: its SLOs, what its budget policy does to the roadmap (and the decisions
 * taken), the roadmap rows that serve it, and the policy itself. `sub`: `edit`, `new-slo`,
 * `policy`. */
export function ServiceScreen({ api, id, sub, open, go }: { api: Api; id: string; sub: string | null; open: Open; go: Go }) {
  const view = useCall(() => api.services_get({ id }), [api, id]);
  const toasts = useToasts();
  const v = view.data;
  if (!v) return <p className="muted">{view.error ?? "Loading…"}</p>;
  const s = v.service;
  const here = `service/${id}`;
  const remove = async () => {
    try {
      const entry = await api.services_delete({ id });
      toasts.deleted(entry, () => open(here));
      open("services");
    } catch (e) {
      view.setError((e as Error).message);
    }
  };
  return (
    <>
      <header className="rel-head">
        <div>
          <p className="muted small">
            <button className="link" onClick={() => open("services")}>
              Services
            </button>{" "}
            · {s.name}
          </p>
          <h1 id="page-title" tabIndex={-1} data-testid="service-title">
            {s.display_name ?? s.name} <StateBadge state={s.state} testId="service-state" />
          </h1>
          <p className="muted small">
            {s.owner ? `Owner: ${s.owner.name}` : "No owner yet"}
            {s.user_groups.length > 0 && ` · serves ${s.user_groups.join(", ")}`}
            {s.worst_remaining !== null && ` · least budget left ${pct(s.worst_remaining)}`}
          </p>
          {s.description && <p className="prewrap">{s.description}</p>}
        </div>
        <span className="actions">
          <button onClick={() => open(sub === "edit" ? here : `${here}/edit`)} data-testid="service-edit">
            {sub === "edit" ? "Close editor" : "Edit"}
          </button>
          <button className="danger" onClick={() => void remove()} data-testid="service-delete">
            Delete
          </button>
        </span>
      </header>
      <ErrorBanner message={view.error} />
      {sub === "edit" && (
        <ServiceForm
          key={s.version}
          api={api}
          service={s}
          onSaved={() => {
            open(here);
            void view.reload();
          }}
          onClose={() => open(here)}
        />
      )}

      <section aria-labelledby="svc-slos">
        <div className="toolbar">
          <h2 id="svc-slos" className="rel-h2">
            SLOs
          </h2>
          <button className="primary" onClick={() => open(`${here}/new-slo`)} disabled={sub === "new-slo"} data-testid="slo-new">
            New SLO
          </button>
        </div>
        {sub === "new-slo" && (
          <SloForm api={api} serviceId={id} slo={null} onSaved={(slo) => open(`slo/${slo.id}`)} onClose={() => open(here)} />
        )}
        {v.slos.length === 0 ? (
          <p className="muted">No SLOs yet: write down what users need from this service, in their words.</p>
        ) : (
          <ul className="rel-cards">
            {v.slos.map((o) => (
              <li key={o.id}>
                <button className="rel-card" data-testid="service-slo" onClick={() => open(`slo/${o.id}`)}>
                  <span className="rel-card-title">
                    {o.display_name ?? o.name} <StateBadge state={o.state} />
                  </span>
                  <span className="muted small">
                    {pct(o.target)} over {o.window} · {pct(o.remaining)} of the budget left
                    {o.burn_rate !== null && ` · burning at ${num(o.burn_rate, 2)}×`}
                  </span>
                  {o.evidence_warning && <span className="small warn-text">No user evidence cited yet</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <PolicyPanel api={api} view={v} onChanged={() => void view.reload()} go={go} />

      <RowLinker api={api} serviceId={id} rows={v.impact.rows} onChanged={() => void view.reload()} go={go} />

      <section aria-labelledby="svc-policy" className="card">
        <div className="toolbar">
          <h2 id="svc-policy" className="rel-h2">
            Error-budget policy
          </h2>
          <button onClick={() => open(sub === "policy" ? here : `${here}/policy`)} data-testid="policy-edit">
            {sub === "policy" ? "Close editor" : "Edit policy"}
          </button>
        </div>
        {sub === "policy" ? (
          <PolicyForm
            key={v.policy.version}
            api={api}
            policy={v.policy}
            onSaved={() => {
              open(here);
              void view.reload();
            }}
            onClose={() => open(here)}
          />
        ) : (
          <PolicyText view={v} />
        )}
      </section>
    </>
  );
}

function PolicyText({ view }: { view: ServiceView }) {
  const p = view.policy.policy;
  const sections: [string, string][] = [
    ["Overview", p.overview],
    ["Goals", p.goals],
    ["Non-goals", p.non_goals],
    ["When an SLO is missed", p.slo_miss_policy],
    ["After an outage", p.outage_policy],
    ["Escalation", p.escalation],
  ];
  return (
    <>
      <p className="small" data-testid="policy-steps">
        Steps:{" "}
        {p.steps.map((s, i) => (
          <span key={i}>
            {i > 0 && " · "}at or below {pct(s.below_remaining)} left → <StateBadge state={s.state} />
          </span>
        ))}
        {" · "}A postmortem whose incident used more than {pct(view.policy.postmortem_share)} of a budget needs a P0 or P1 action item.
      </p>
      <dl className="rel-policy">
        {sections.map(([k, text]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd className="prewrap">{text || <span className="muted">Not written yet.</span>}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
