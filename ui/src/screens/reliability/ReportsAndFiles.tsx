import { useState } from "react";
import type { OpenSloReport } from "../../bindings/OpenSloReport";
import type { Api } from "../../lib/ipc";
import { useCall } from "../../lib/hooks";
import { CsvTools } from "../../components/CsvTools";
import { ReportPanel } from "../../components/ReportPanel";

/** The monthly reliability report, OpenSLO files in and out, and CSV exports. */
export function ReportsAndFiles({ api }: { api: Api }) {
  const today = useCall(() => api.today_date(), [api]);
  const [month, setMonth] = useState("");
  const shown = month || today.data?.slice(0, 7) || "";
  return (
    <>
      <section className="card" aria-labelledby="rel-report">
        <h2 id="rel-report" className="rel-h2">
          Monthly reliability report
        </h2>
        <p className="muted small">SLO attainment, budget left, incidents, action-item closure and toil share, for stakeholders.</p>
        <label className="inline">
          Month <input type="month" value={shown} onChange={(e) => setMonth(e.target.value)} data-testid="report-month" />
        </label>
        {shown && <ReportPanel api={api} request={{ kind: "reliability", month: shown }} label="report" testId="rel-report" />}
      </section>
      <OpenSlo api={api} />
      <section className="card" aria-labelledby="rel-csv">
        <h2 id="rel-csv" className="rel-h2">
          CSV
        </h2>
        <p className="muted small">Readings are imported on each SLO's page.</p>
        <CsvTools api={api} exports={["slos", "slo_readings", "postmortems", "action_items", "toil"]} />
      </section>
    </>
  );
}

/** OpenSLO v1 YAML: import with a preview (all or nothing), export everything. */
function OpenSlo({ api }: { api: Api }) {
  const [preview, setPreview] = useState<{ path: string; report: OpenSloReport } | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const pick = async () => {
    setStatus("");
    try {
      const path = await api.pick_path({ kind: "openslo", save: false, default_name: "" });
      if (!path) return;
      setPreview({ path, report: await api.openslo_import({ path, dry_run: true }) });
      setError(null);
    } catch (e) {
      setPreview(null);
      setError((e as Error).message);
    }
  };
  const apply = async () => {
    if (!preview) return;
    try {
      const r = await api.openslo_import({ path: preview.path, dry_run: false });
      setStatus(`Imported: ${r.slos_new} new SLOs, ${r.slos_updated} updated, ${r.slos_unchanged} unchanged; ${r.services_new} new services.`);
      setPreview(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const exportAll = async () => {
    try {
      const path = await api.openslo_export();
      if (path) setStatus(`Exported to ${path}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const r = preview?.report;
  return (
    <section className="card" aria-labelledby="rel-openslo">
      <h2 id="rel-openslo" className="rel-h2">
        OpenSLO
      </h2>
      <p className="muted small">Service, SLI and SLO documents (v1). Metric queries are kept as text and never run; other kinds are kept as written and exported back.</p>
      <div className="actions">
        <button onClick={() => void pick()} data-testid="openslo-import">
          Import OpenSLO YAML…
        </button>
        <button onClick={() => void exportAll()} data-testid="openslo-export">
          Export as OpenSLO YAML…
        </button>
      </div>
      <pre className="rel-errors" role="alert" hidden={!error} data-testid="openslo-error">
        {error}
      </pre>
      {status && (
        <p className="small" role="status" data-testid="openslo-status">
          {status}
        </p>
      )}
      {r && preview && (
        <div className="import-preview" data-testid="openslo-preview">
          <p>
            <code>{preview.path}</code>: services {r.services_new} new, {r.services_updated} updated · SLOs {r.slos_new} new, {r.slos_updated} updated, {r.slos_unchanged} unchanged · {r.slis} SLIs ·{" "}
            {r.kept} other documents kept
          </p>
          {r.notes.length > 0 && (
            <ul className="small muted">
              {r.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
          <div className="actions">
            <button className="primary" onClick={() => void apply()} data-testid="openslo-apply">
              Import
            </button>
            <button onClick={() => setPreview(null)}>Cancel</button>
          </div>
        </div>
      )}
    </section>
  );
}
