import { useState } from "react";
import type { DecisionKind } from "../../bindings/DecisionKind";
import type { Person } from "../../bindings/Person";
import type { ServiceView } from "../../bindings/ServiceView";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import type { Go } from "../../lib/routes";
import { dateTime } from "../../lib/dates";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Field } from "../../kit/Field";
import { PersonPicker } from "../../kit/PersonPicker";
import { StateBadge, pct } from "./common";

/** What the budget policy does to the roadmap now: the rows it would move, the team's
 * decision (apply, or an exception with a named approver), and the append-only log. */
export function PolicyPanel({ api, view, onChanged, go }: { api: Api; view: ServiceView; onChanged: () => void; go: Go }) {
  const impact = view.impact;
  const [kind, setKind] = useState<DecisionKind | null>(null);
  const [by, setBy] = useState<Person | null>(null);
  const [approver, setApprover] = useState<Person | null>(null);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const decide = async () => {
    if (!kind) return;
    setSaving(true);
    try {
      await api.policy_decide({
        service_id: view.service.id,
        input: { kind, decided_by: by?.id ?? "", approver_id: approver?.id ?? null, reason },
      });
      setKind(null);
      setReason("");
      setErrors({});
      setError(null);
      onChanged();
    } catch (e) {
      if (e instanceof IpcError && e.field) {
        setErrors({ [e.field]: e.message });
        document.getElementById(`decision-${e.field}`)?.focus();
      } else setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const active = impact.state === "reliability_first" || impact.state === "freeze";
  return (
    <section aria-labelledby="svc-impact" className={`card rel-impact${impact.needs_decision ? " needs" : ""}`} data-testid="roadmap-impact">
      <h2 id="svc-impact" className="rel-h2">
        Budget policy and the roadmap <StateBadge state={impact.state} />
      </h2>
      <p data-testid="impact-message">{impact.message}</p>
      {impact.rows.length > 0 && (
        <div className="rel-scroll">
          <table className="table small">
            <thead>
              <tr>
                <th scope="col">Roadmap row</th>
                <th scope="col">Work</th>
                <th scope="col">Priority now</th>
                <th scope="col">Policy proposes</th>
              </tr>
            </thead>
            <tbody>
              {impact.rows.map((r) => (
                <tr key={r.row_id} data-testid="impact-row" className={r.proposed ? "flagged" : undefined}>
                  <td>
                    <button className="link" onClick={() => go("roadmaps", r.roadmap_id, r.row_id)}>
                      {r.project}
                    </button>
                    <span className="muted block">{r.roadmap_title}</span>
                  </td>
                  <td>{r.kind}</td>
                  <td>{r.priority}</td>
                  <td data-testid="impact-proposed">{r.proposed ? `move to ${r.proposed}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {active && (
        <div className="actions">
          <button className="primary" onClick={() => setKind("apply")} data-testid="decide-apply" disabled={!impact.rows.some((r) => r.proposed)}>
            Apply the proposal…
          </button>
          <button onClick={() => setKind("exception")} data-testid="decide-exception">
            Record an exception…
          </button>
        </div>
      )}
      {kind && (
        <form
          className="form rel-decision"
          data-testid="decision-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void decide();
          }}
        >
          <h3>{kind === "apply" ? "Apply: move the rows as proposed" : "Exception: keep the rows where they are"}</h3>
          <ErrorBanner message={error} />
          <div className="grid2">
            <Field id="decision-decided_by" label="Decided by" error={errors.decided_by}>
              {(a) => <PersonPicker api={api} {...a} value={by} onChange={setBy} />}
            </Field>
            {kind === "exception" && (
              <Field id="decision-approver_id" label="Approved by" error={errors.approver_id}>
                {(a) => <PersonPicker api={api} {...a} value={approver} onChange={setApprover} />}
              </Field>
            )}
          </div>
          <Field id="decision-reason" label="Why" error={errors.reason}>
            {(a) => <textarea {...a} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="actions">
            <button type="submit" className="primary" disabled={saving} data-testid="decision-save">
              Record the decision
            </button>
            <button type="button" onClick={() => setKind(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <h3>Decision log</h3>
      {view.decisions.length === 0 ? (
        <p className="muted small">No decisions yet. Every decision is kept here as it was taken.</p>
      ) : (
        <ol className="rel-log" data-testid="decision-log">
          {view.decisions.map((d) => (
            <li key={d.id} data-testid="decision">
              <strong>{d.kind === "apply" ? "Applied" : "Exception"}</strong> in <StateBadge state={d.state} /> by {d.decided_by.name}
              {d.approver && `, approved by ${d.approver.name}`} · {dateTime(d.decided_at)}
              {d.remaining !== null && ` · ${pct(d.remaining)} budget left`}
              <span className="block prewrap">{d.reason}</span>
              {d.moved.length > 0 && <span className="block muted small">Moved: {d.moved.join("; ")}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
