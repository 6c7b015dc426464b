import type { Api } from "../../lib/ipc";
import { useCall } from "../../lib/hooks";
import { plural } from "../../lib/labels";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { StateBadge, pct, num } from "./common";
import { ServiceForm } from "./ServiceForm";
import type { Open } from "./Reliability";

/** Every service with its policy state, and every SLO with its budget now. */
export function Overview({ api, creating, open }: { api: Api; creating: boolean; open: Open }) {
  const services = useCall(() => api.services_list(), [api]);
  const slos = useCall(() => api.slos_list({ service_id: null }), [api]);
  return (
    <>
      <ErrorBanner message={services.error ?? slos.error} />
      <div className="toolbar">
        <h2 className="rel-h2">Services</h2>
        <span className="muted count">{plural(services.data?.length ?? 0, "service")}</span>
        <button className="primary" data-testid="service-new" onClick={() => open("services/new")} disabled={creating}>
          New service
        </button>
      </div>
      {creating && (
        <ServiceForm
          api={api}
          service={null}
          onSaved={(s) => open(`service/${s.id}`)}
          onClose={() => open("services")}
        />
      )}
      {services.data && services.data.length === 0 && !creating && (
        <div className="empty">
          <p>No services yet. Add the service your users depend on, then write down what they need from it as SLOs — or import an OpenSLO file from Reports & files.</p>
        </div>
      )}
      <ul className="rel-cards" data-testid="service-list">
        {services.data?.map((s) => (
          <li key={s.id}>
            <button className="rel-card" data-testid="service-card" onClick={() => open(`service/${s.id}`)}>
              <span className="rel-card-title">
                {s.display_name ?? s.name} <StateBadge state={s.state} />
              </span>
              <span className="muted small">
                {s.owner ? `Owner: ${s.owner.name}` : "No owner yet"} · {plural(Number(s.slo_count), "SLO")}
                {s.worst_remaining !== null && ` · least budget left ${pct(s.worst_remaining)}`}
              </span>
              {s.user_groups.length > 0 && <span className="muted small">Serves {s.user_groups.join(", ")}</span>}
            </button>
          </li>
        ))}
      </ul>
      {slos.data && slos.data.length > 0 && (
        <>
          <h2 className="rel-h2">SLOs</h2>
          <div className="rel-scroll">
            <table className="table rel-table" data-testid="slo-table">
              <thead>
                <tr>
                  <th scope="col">SLO</th>
                  <th scope="col">Target</th>
                  <th scope="col">Budget left</th>
                  <th scope="col">Burn rate</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {slos.data.map((s) => (
                  <tr key={s.id} data-testid="slo-row">
                    <td>
                      <button className="link" onClick={() => open(`slo/${s.id}`)}>
                        {s.display_name ?? s.name}
                      </button>
                      <span className="muted small block">
                        {s.service_name} · {s.window}
                        {s.evidence_warning && " · no user evidence"}
                      </span>
                    </td>
                    <td>{pct(s.target)}</td>
                    <td className={s.remaining < 0 ? "danger-text" : undefined}>{pct(s.remaining)}</td>
                    <td>{s.burn_rate === null ? "—" : `${num(s.burn_rate, 2)}×`}</td>
                    <td>
                      <StateBadge state={s.state} />
                      {s.firing.length > 0 && <span className="small warn-text block">alerts: {s.firing.join(", ")}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
