import { useState } from "react";
import type { ImportReport } from "../bindings/ImportReport";
import type { ListKind } from "../bindings/ListKind";
import type { Progress } from "../bindings/Progress";
import { onProgress, type Api } from "../lib/ipc";
import { LIST_LABELS } from "../lib/labels";
import { ErrorBanner } from "../kit/ErrorBanner";


interface Props {
  api: Api;
  /** Lists offered for export from this screen. */
  exports: ListKind[];
  /** The list this screen can import, if any. */
  imports?: ListKind;
  /** Where imported roadmap rows go. */
  roadmapId?: string;
  onImported?: () => void;
}

/** Export lists to CSV through the save dialog (with progress); import with a checked preview. */
export function CsvTools({ api, exports, imports, roadmapId, onImported }: Props) {
  const [bom, setBom] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ path: string; report: ImportReport; fields: string[] } | null>(null);
  const [overrides, setOverrides] = useState<Record<string, string>>({});

  const exportList = async (kind: ListKind) => {
    setError(null);
    // The file is named by the user's local date, not UTC's.
    const today = await api.today_date();
    const path = await api.pick_path({ kind: "csv", save: true, default_name: `rapport-${kind}-${today}.csv` });
    if (!path) return;
    setProgress({ done: 0, total: 0 });
    const stop = await onProgress(setProgress).catch(() => () => undefined);
    try {
      const rows = await api.csv_export({ request: { kind, path, bom } });
      setStatus(`Exported ${rows} ${kind} rows to ${path}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      stop();
      setProgress(null);
    }
  };

  const check = async (kind: ListKind, path: string, map: Record<string, string>) => {
    try {
      const [report, fields] = await Promise.all([api.csv_import({ request: { kind, path, dry_run: true, overrides: map, roadmap_id: roadmapId ?? null } }), api.csv_import_fields({ kind })]);
      setPreview({ path, report, fields });
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const startImport = async () => {
    if (!imports) return;
    const path = await api.pick_path({ kind: "csv", save: false, default_name: "" });
    if (!path) return;
    setOverrides({});
    await check(imports, path, {});
  };

  const apply = async () => {
    if (!imports || !preview) return;
    try {
      const report = await api.csv_import({ request: { kind: imports, path: preview.path, dry_run: false, overrides, roadmap_id: roadmapId ?? null } });
      if (report.applied) {
        setStatus(`Imported ${report.rows} ${imports} rows.`);
        setPreview(null);
        onImported?.();
      } else {
        setPreview({ ...preview, report });
      }
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const mapped = (field: string) => preview?.report.mapping.find((m) => m.field === field)?.column ?? "";

  return (
    <div className="csv-tools" data-testid="csv-tools">
      <div className="actions">
        {exports.map((k) => (
          <button key={k} onClick={() => void exportList(k)} data-testid={`csv-export-${k}`} disabled={progress !== null}>
            Export {LIST_LABELS[k]} (CSV)
          </button>
        ))}
        <label className="inline small">
          <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
          Excel-friendly (BOM)
        </label>
        {imports && (
          <button onClick={() => void startImport()} data-testid={`csv-import-${imports}`}>
            Import {LIST_LABELS[imports]} from CSV…
          </button>
        )}
      </div>
      {progress && (
        <progress
          aria-label="Export progress"
          max={Math.max(progress.total, 1)}
          value={progress.done}
          data-testid="csv-progress"
        />
      )}
      {status && (
        <p className="sr-status" role="status">
          {status}
        </p>
      )}
      <ErrorBanner message={error} />
      {preview && imports && (
        <section className="card import-preview" aria-label="Import preview" data-testid="import-preview">
          <h2>
            Import {preview.report.rows} rows of {LIST_LABELS[imports]} from <code>{preview.path}</code>
          </h2>
          <p className="muted small" data-testid="import-counts">
            {preview.report.new} new · {preview.report.updated} updated · {preview.report.unchanged} unchanged
            {preview.report.error_total > 0 && ` · ${preview.report.error_total} with errors`} — read as {preview.report.encoding},
            separated by {preview.report.delimiter === "\t" ? "tabs" : `“${preview.report.delimiter}”`}
          </p>
          <table className="table small">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Column in the file</th>
              </tr>
            </thead>
            <tbody>
              {preview.fields.map((f) => (
                <tr key={f}>
                  <td>{f}</td>
                  <td>
                    <select
                      aria-label={`Column for ${f}`}
                      value={overrides[f] ?? mapped(f)}
                      onChange={(e) => {
                        const next = { ...overrides, [f]: e.target.value };
                        setOverrides(next);
                        void check(imports, preview.path, next);
                      }}
                    >
                      <option value="">(none)</option>
                      {preview.report.headers.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.report.ignored_columns.length > 0 && (
            <p className="muted small">Ignored columns: {preview.report.ignored_columns.join(", ")}</p>
          )}
          {preview.report.warnings.length > 0 && (
            <ul className="import-warnings small" data-testid="import-warnings">
              {preview.report.warnings.map((w, i) => (
                <li key={i}>
                  Row {w.row}: {w.message}
                </li>
              ))}
            </ul>
          )}
          {preview.report.error_total > 0 ? (
            <>
              <p className="warn-text">
                {preview.report.error_total} problem{preview.report.error_total === 1 ? "" : "s"} — nothing will be imported
                until every row is valid:
              </p>
              <ul className="import-errors" data-testid="import-errors">
                {preview.report.errors.map((e, i) => (
                  <li key={i}>
                    Row {e.row}
                    {e.column && <>, column “{e.column}”</>}: {e.message}
                  </li>
                ))}
              </ul>
              {preview.report.error_total > preview.report.errors.length && (
                <p className="muted small">… and {preview.report.error_total - preview.report.errors.length} more.</p>
              )}
            </>
          ) : (
            <p className="lint ok">All {preview.report.rows} rows are valid.</p>
          )}
          <div className="actions">
            <button className="primary" disabled={preview.report.error_total > 0} onClick={() => void apply()} data-testid="import-apply">
              Import {preview.report.rows} rows
            </button>
            <button onClick={() => setPreview(null)}>Cancel</button>
          </div>
        </section>
      )}
    </div>
  );
}
