import { useState } from "react";
import type { ImportReport } from "../../bindings/ImportReport";
import type { Slo } from "../../bindings/Slo";
import type { StoredReading } from "../../bindings/StoredReading";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { dateTime, fromLocalInput, toLocalInput } from "../../lib/dates";
import { usePagedList } from "../../lib/hooks";
import { plural } from "../../lib/labels";
import { useStaleEdit } from "../../kit/Conflict";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Field } from "../../kit/Field";
import { VirtualList } from "../../kit/VirtualList";
import { useForm } from "../../kit/useForm";
import { useToasts } from "../../kit/Toasts";
import { num } from "./common";

interface Values {
  start: string;
  end: string;
  good: string;
  total: string;
  bad_minutes: string;
}

const EMPTY: Values = { start: "", end: "", good: "", total: "", bad_minutes: "" };
const FIELDS = [
  { key: "start", label: "Start" },
  { key: "end", label: "End" },
  { key: "good", label: "Good" },
  { key: "total", label: "Total" },
  { key: "bad_minutes", label: "Bad minutes" },
];
const valuesOf = (r: StoredReading): Values => ({
  start: toLocalInput(r.start),
  end: toLocalInput(r.end),
  good: String(r.good),
  total: String(r.total),
  bad_minutes: r.bad_minutes === null ? "" : String(r.bad_minutes),
});

/** The SLO's readings: typed by hand or imported from CSV (`start,end,good,total`, and
 * `bad_minutes` for time-based SLOs), newest first, a page at a time. */
export function Readings({ api, slo, total, onChanged }: { api: Api; slo: Slo; total: number; onChanged: () => void }) {
  const list = usePagedList((page) => api.readings_list({ slo_id: slo.id, page }), [api, slo.id]);
  const [editing, setEditing] = useState<StoredReading | null>(null);
  const toasts = useToasts();
  const changed = () => {
    list.reload();
    onChanged();
  };
  const remove = async (r: StoredReading) => {
    const entry = await api.readings_delete({ id: r.id });
    toasts.deleted(entry, changed);
    changed();
  };
  const timeslices = slo.spec.method.kind === "timeslices";
  return (
    <section aria-labelledby="slo-readings" className="card">
      <h2 id="slo-readings" className="rel-h2">
        Readings <span className="muted small">{plural(total, "reading")}, entered here or imported; nothing is fetched from a metrics system</span>
      </h2>
      <ReadingForm key={editing?.id ?? "new"} api={api} sloId={slo.id} reading={editing} timeslices={timeslices} onSaved={() => { setEditing(null); changed(); }} onCancel={() => setEditing(null)} />
      <ReadingsImport api={api} slo={slo} onImported={changed} />
      <ErrorBanner message={list.error} />
      {list.loaded && list.total === 0 ? (
        <p className="muted">No readings yet. Add good and total counts per period (an hour, a day) from your dashboards.</p>
      ) : (
        <VirtualList
          list={list}
          estimate={40}
          label="Readings"
          testId="readings-list"
          keyOf={(r) => r.id}
          render={(r) => (
            <div className="rel-reading" data-testid="reading">
              <span>
                {dateTime(r.start)} – {dateTime(r.end)}
              </span>
              <span>
                {num(r.good, 0)} good of {num(r.total, 0)}
                {r.bad_minutes !== null && ` · ${num(r.bad_minutes, 2)} bad min`}
              </span>
              <span className={r.burn_rate > 1 ? "warn-text" : "muted"}>{num(r.burn_rate, 2)}×</span>
              <span className="row-actions">
                <button className="link" onClick={() => setEditing(r)}>
                  Edit
                </button>
                <button className="link" onClick={() => void remove(r)} aria-label={`Delete the reading from ${dateTime(r.start)}`}>
                  Delete
                </button>
              </span>
            </div>
          )}
        />
      )}
    </section>
  );
}

function ReadingForm({ api, sloId, reading, timeslices, onSaved, onCancel }: { api: Api; sloId: string; reading: StoredReading | null; timeslices: boolean; onSaved: () => void; onCancel: () => void }) {
  const form = useForm<Values>(reading ? valuesOf(reading) : EMPTY, "reading", reading ? `reading.${reading.id}` : `reading.new.${sloId}`);
  const edit = useStaleEdit<StoredReading>(reading?.version ?? 0, {
    what: "reading",
    fields: FIELDS,
    mine: () => v,
    theirs: (c) => valuesOf(c),
    save: (from): void => void save(from),
    take: (c) => form.replace(valuesOf(c)),
  });
  const v = form.values;
  const save = (from = edit.version) =>
    form.submit(
      async (x) => {
        const input = {
          start: fromLocalInput(x.start) || x.start,
          end: fromLocalInput(x.end) || x.end,
          good: Number(x.good.replace(/[,_ ]/g, "")),
          total: Number(x.total.replace(/[,_ ]/g, "")),
          bad_minutes: x.bad_minutes.trim() === "" ? null : Number(x.bad_minutes),
        };
        if (reading) await api.readings_update({ id: reading.id, version: from, input });
        else await api.readings_add({ slo_id: sloId, input });
        form.replace(EMPTY);
        onSaved();
      },
      { onConflict: (e: IpcError) => edit.stale(e.current as StoredReading) },
    );
  return (
    <form
      className="form rel-reading-form"
      data-testid="reading-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <ErrorBanner message={form.general} />
      <div className="rel-reading-fields">
        <Field id="reading-start" label="Start" error={form.errors.start}>
          {(a) => <input {...a} type="datetime-local" value={v.start} onChange={(e) => form.set("start", e.target.value)} />}
        </Field>
        <Field id="reading-end" label="End" error={form.errors.end}>
          {(a) => <input {...a} type="datetime-local" value={v.end} onChange={(e) => form.set("end", e.target.value)} />}
        </Field>
        <Field id="reading-good" label="Good" error={form.errors.good}>
          {(a) => <input {...a} inputMode="numeric" value={v.good} onChange={(e) => form.set("good", e.target.value)} />}
        </Field>
        <Field id="reading-total" label="Total" error={form.errors.total}>
          {(a) => <input {...a} inputMode="numeric" value={v.total} onChange={(e) => form.set("total", e.target.value)} />}
        </Field>
        {timeslices && (
          <Field id="reading-bad_minutes" label="Bad minutes" error={form.errors.bad_minutes}>
            {(a) => <input {...a} inputMode="decimal" value={v.bad_minutes} onChange={(e) => form.set("bad_minutes", e.target.value)} />}
          </Field>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.saving} data-testid="reading-save">
          {reading ? "Save reading" : "Add reading"}
        </button>
        {reading && (
          <button type="button" onClick={() => { form.discard(); onCancel(); }}>
            Cancel
          </button>
        )}
      </div>
      {edit.dialog()}
    </form>
  );
}

/** Readings from a CSV file: previewed (new, updated, unchanged, errors by row), then written
 * all or nothing. */
function ReadingsImport({ api, slo, onImported }: { api: Api; slo: Slo; onImported: () => void }) {
  const [preview, setPreview] = useState<{ path: string; report: ImportReport } | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const run = (path: string, dry_run: boolean) => api.csv_import({ request: { kind: "slo_readings", path, dry_run, overrides: {}, roadmap_id: null, slo_id: slo.id } });
  const pick = async () => {
    setStatus("");
    try {
      const path = await api.pick_path({ kind: "csv", save: false, default_name: "" });
      if (!path) return;
      setPreview({ path, report: await run(path, true) });
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const apply = async () => {
    if (!preview) return;
    try {
      const report = await run(preview.path, false);
      if (report.applied) {
        setStatus(`Imported ${report.rows} readings: ${report.new} new, ${report.updated} updated, ${report.unchanged} unchanged.`);
        setPreview(null);
        onImported();
      } else setPreview({ ...preview, report });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const r = preview?.report;
  return (
    <div className="rel-import">
      <button onClick={() => void pick()} data-testid="readings-import">
        Import readings from CSV…
      </button>{" "}
      <span className="muted small">Columns start, end, good, total{slo.spec.method.kind === "timeslices" ? ", bad_minutes" : ""}; times in RFC 3339 (UTC) or dates.</span>
      <ErrorBanner message={error} />
      {status && (
        <p className="small" role="status" data-testid="readings-import-status">
          {status}
        </p>
      )}
      {r && preview && (
        <div className="card import-preview" data-testid="readings-preview">
          <p data-testid="readings-preview-counts">
            {plural(Number(r.rows), "row")} in <code>{preview.path}</code>: {String(r.new)} new · {String(r.updated)} updated · {String(r.unchanged)} unchanged
            {r.error_total > 0 && ` · ${String(r.error_total)} with errors`}
          </p>
          {r.error_total > 0 ? (
            <>
              <p className="warn-text">Nothing will be imported until every row is valid:</p>
              <ul className="import-errors" data-testid="readings-errors">
                {r.errors.map((e, i) => (
                  <li key={i}>
                    Row {String(e.row)}
                    {e.column && <>, column “{e.column}”</>}: {e.message}
                  </li>
                ))}
              </ul>
            </>
          ) : r.new + r.updated === 0 ? (
            <p className="muted">Every row is already stored as it is: importing changes nothing.</p>
          ) : null}
          <div className="actions">
            <button className="primary" disabled={r.error_total > 0} onClick={() => void apply()} data-testid="readings-apply">
              Import {plural(Number(r.rows), "reading")}
            </button>
            <button onClick={() => setPreview(null)}>Cancel</button>
          </div>
        </div>
      )}
    </div>
  );
}
