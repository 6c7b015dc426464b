import { useState } from "react";
import type { ImpactRow } from "../../bindings/ImpactRow";
import type { RowKind } from "../../bindings/RowKind";
import type { Api } from "../../lib/ipc";
import type { Go } from "../../lib/routes";
import { useCall } from "../../lib/hooks";
import { ErrorBanner } from "../../kit/ErrorBanner";

/** Which roadmap rows serve this service, as feature or reliability work: the policy moves
 * them in opposite directions. Rows of any roadmap can be linked; the policy acts on the
 * running ones. */
export function RowLinker({ api, serviceId, rows, onChanged, go }: { api: Api; serviceId: string; rows: ImpactRow[]; onChanged: () => void; go: Go }) {
  const roadmaps = useCall(() => api.roadmaps_list(), [api]);
  const [roadmapId, setRoadmapId] = useState("");
  const roadmap = useCall(() => (roadmapId ? api.roadmaps_get({ id: roadmapId }) : Promise.resolve(null)), [api, roadmapId]);
  const [error, setError] = useState<string | null>(null);
  const set = async (rowId: string, service: string | null, kind: RowKind) => {
    try {
      await api.roadmaps_set_row_service({ row_id: rowId, service_id: service, kind });
      setError(null);
      void roadmap.reload();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const shown = roadmap.data && roadmap.data.id === roadmapId ? roadmap.data : null;
  return (
    <section className="card rel-linker" aria-labelledby="svc-rows">
      <h2 id="svc-rows" className="rel-h2">
        Roadmap rows for this service
      </h2>
      <ErrorBanner message={error ?? roadmaps.error} />
      <p className="muted small">
        {rows.length === 0
          ? "No row on a running roadmap serves this service yet."
          : `${rows.length} row${rows.length === 1 ? "" : "s"} on running roadmaps: ${rows.map((r) => `${r.project} (${r.kind})`).join(", ")}.`}
      </p>
      <label className="inline">
        Link rows of{" "}
        <select value={roadmapId} onChange={(e) => setRoadmapId(e.target.value)} data-testid="link-roadmap">
          <option value="">choose a roadmap…</option>
          {roadmaps.data?.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title} ({r.starts_on} – {r.ends_on})
            </option>
          ))}
        </select>
      </label>
      {shown && (
        <ul className="rel-rows">
          {shown.rows.map((w) => {
            const mine = w.service_id === serviceId;
            const value = mine ? w.kind : w.service_id ? "other" : "";
            return (
              <li key={w.id} data-testid="link-row">
                <button className="link" onClick={() => go("roadmaps", shown.id, w.id)}>
                  {w.project}
                </button>{" "}
                <span className="muted small">{w.priority} priority</span>
                <select
                  aria-label={`How “${w.project}” serves this service`}
                  value={value}
                  data-testid={`link-kind-${w.project}`}
                  onChange={(e) => {
                    const k = e.target.value;
                    if (k === "") void set(w.id, null, w.kind);
                    else if (k === "feature" || k === "reliability") void set(w.id, serviceId, k);
                  }}
                >
                  <option value="">not for this service</option>
                  {value === "other" && <option value="other">for {w.service_name}</option>}
                  <option value="feature">feature work for it</option>
                  <option value="reliability">reliability work for it</option>
                </select>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
