import { useEffect, useState } from "react";
import type { Evidence } from "../../bindings/Evidence";
import type { LinkedFinding } from "../../bindings/LinkedFinding";
import type { MethodKind } from "../../bindings/MethodKind";
import type { Named } from "../../bindings/Named";
import type { SearchHit } from "../../bindings/SearchHit";
import type { Slo } from "../../bindings/Slo";
import type { SloInput } from "../../bindings/SloInput";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { currentZone } from "../../lib/dates";
import { useDebounced } from "../../lib/hooks";
import { useStaleEdit } from "../../kit/Conflict";
import { useConfirm } from "../../kit/Dialogs";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Field } from "../../kit/Field";
import { PersonPicker } from "../../kit/PersonPicker";
import { useForm } from "../../kit/useForm";

/** The form's values: the core's input, with the evidence kept as shown (names and texts). */
interface Values extends Omit<SloInput, "people_ids" | "finding_ids" | "note_ids"> {
  people: Named[];
  findings: LinkedFinding[];
  notes: Evidence[];
}

const FIELDS = [
  { key: "name", label: "Name" },
  { key: "journey", label: "User journey" },
  { key: "target", label: "Target" },
  { key: "window", label: "Window" },
  { key: "time_zone", label: "Time zone" },
  { key: "method", label: "Budgeting method" },
];

const valuesOf = (s: Slo): Values => {
  const { people_ids: _p, finding_ids: _f, note_ids: _n, ...rest } = s.form;
  void _p;
  void _f;
  void _n;
  return { ...rest, people: s.evidence.people, findings: s.evidence.findings, notes: s.evidence.notes };
};

const empty = (serviceId: string): Values => ({
  service_id: serviceId,
  name: "",
  display_name: "",
  journey: "",
  persona: "",
  target: "99.9%",
  window: "28d",
  time_zone: currentZone() ?? "UTC",
  method: "occurrences",
  slice_minutes: "5",
  slice_target: "95%",
  people: [],
  findings: [],
  notes: [],
});

/** Adds or edits an SLO: the journey it protects in words, target, window, budgeting method
 * and the user evidence behind it. Every rule is the core's, shown at its field. */
export function SloForm({ api, serviceId, slo, onSaved, onClose }: { api: Api; serviceId: string; slo: Slo | null; onSaved: (s: Slo) => void; onClose: () => void }) {
  const form = useForm<Values>(slo ? valuesOf(slo) : empty(serviceId), "slo", slo ? `slo.${slo.id}` : `slo.new.${serviceId}`);
  const edit = useStaleEdit<Slo>(slo?.version ?? 0, {
    what: "SLO",
    fields: FIELDS,
    mine: () => v,
    theirs: (c) => valuesOf(c),
    save: (from): void => void save(from),
    take: (c) => form.replace(valuesOf(c)),
  });
  const confirm = useConfirm();
  const v = form.values;
  const calendar = /^(month|monthly|quarter|quarterly|1M|1Q)$/i.test(v.window.trim());
  const save = (from = edit.version) =>
    form.submit(
      async (x) => {
        const { people, findings, notes, ...rest } = x;
        const input: SloInput = { ...rest, people_ids: people.map((p) => p.id), finding_ids: findings.map((f) => f.id), note_ids: notes.map((n) => n.note_id) };
        const saved = slo ? await api.slos_update({ id: slo.id, version: from, input }) : await api.slos_create({ input });
        onSaved(saved);
      },
      { onConflict: (e: IpcError) => edit.stale(e.current as Slo) },
    );
  const close = async () => {
    if (!form.dirty || (await confirm({ title: "Discard your changes?", body: "What you typed in this form will be lost.", confirmLabel: "Discard", danger: true }))) {
      form.discard();
      onClose();
    }
  };
  const noEvidence = v.people.length + v.findings.length + v.notes.length === 0;
  return (
    <form
      className="card form"
      aria-labelledby="slo-form-title"
      data-testid="slo-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !(e.target as HTMLElement).closest(".modal")) {
          e.preventDefault();
          void close();
        }
      }}
    >
      <h2 id="slo-form-title">{slo ? `Edit ${slo.name}` : "New SLO"}</h2>
      {form.restored && (
        <p className="banner info" role="status">
          Your unsaved changes from before were kept.{" "}
          <button type="button" className="link" onClick={form.discard}>
            Discard them
          </button>
        </p>
      )}
      <ErrorBanner message={form.general} />
      <div className="grid2">
        <Field id="slo-name" label="Name" error={form.errors.name} hint="Lowercase letters, digits and -, at most 63: ci-results">
          {(a) => <input {...a} value={v.name} onChange={(e) => form.set("name", e.target.value)} autoComplete="off" autoFocus />}
        </Field>
        <Field id="slo-display_name" label="Display name" error={form.errors.display_name}>
          {(a) => <input {...a} value={v.display_name} onChange={(e) => form.set("display_name", e.target.value)} autoComplete="off" />}
        </Field>
      </div>
      <Field id="slo-journey" label="User journey it protects" error={form.errors.journey} hint="In the users' words: Engineers get a CI result within 10 minutes of pushing">
        {(a) => <textarea {...a} rows={2} value={v.journey} onChange={(e) => form.set("journey", e.target.value)} />}
      </Field>
      <div className="grid3">
        <Field id="slo-target" label="Target" error={form.errors.target} hint="99.9% or 0.999">
          {(a) => <input {...a} value={v.target} onChange={(e) => form.set("target", e.target.value)} inputMode="decimal" />}
        </Field>
        <Field id="slo-window" label="Window" error={form.errors.window} hint="28d, 30d, 4w (rolling), month or quarter">
          {(a) => <input {...a} value={v.window} onChange={(e) => form.set("window", e.target.value)} list="slo-windows" />}
        </Field>
        <Field id="slo-time_zone" label="Time zone" error={form.errors.time_zone} hint={calendar ? "IANA name: Europe/Berlin" : "Only for month or quarter"}>
          {(a) => <input {...a} value={v.time_zone} onChange={(e) => form.set("time_zone", e.target.value)} disabled={!calendar} />}
        </Field>
      </div>
      <datalist id="slo-windows">
        <option value="28d" />
        <option value="30d" />
        <option value="month" />
        <option value="quarter" />
      </datalist>
      <div className="grid3 rel-method">
        <Field id="slo-method" label="Budgeting method" error={form.errors.method}>
          {(a) => (
            <select {...a} value={v.method} onChange={(e) => form.set("method", e.target.value as MethodKind)}>
              <option value="occurrences">Occurrences (good ÷ total events)</option>
              <option value="timeslices">Timeslices (good ÷ total time)</option>
            </select>
          )}
        </Field>
        {v.method === "timeslices" && (
          <>
            <Field id="slo-slice_minutes" label="Slice length (minutes)" error={form.errors.slice_minutes}>
              {(a) => <input {...a} value={v.slice_minutes} onChange={(e) => form.set("slice_minutes", e.target.value)} inputMode="numeric" />}
            </Field>
            <Field id="slo-slice_target" label="Slice target" error={form.errors.slice_target} hint="Share of good events that makes a slice good">
              {(a) => <input {...a} value={v.slice_target} onChange={(e) => form.set("slice_target", e.target.value)} inputMode="decimal" />}
            </Field>
          </>
        )}
      </div>
      <fieldset>
        <legend>Who it is for, and the evidence</legend>
        <Field id="slo-persona" label="Persona" error={form.errors.persona} hint="Who relies on this journey, in words">
          {(a) => <input {...a} value={v.persona} onChange={(e) => form.set("persona", e.target.value)} />}
        </Field>
        <div className="field">
          <label htmlFor="slo-people_ids">People it is for</label>
          <ul className="rel-evidence">
            {v.people.map((p) => (
              <li key={p.id}>
                {p.name}{" "}
                <button type="button" className="link" aria-label={`Remove ${p.name}`} onClick={() => form.set("people", v.people.filter((x) => x.id !== p.id))}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <PersonPicker
            api={api}
            id="slo-people_ids"
            value={null}
            exclude={v.people.map((p) => p.id)}
            placeholder="Add a person"
            onChange={(p) => p && form.set("people", [...v.people, { id: p.id, name: p.name }])}
          />
          {form.errors.people_ids && <small className="field-error" role="alert">{form.errors.people_ids}</small>}
        </div>
        <div className="field">
          <span className="label-like">Findings and interview quotes</span>
          <ul className="rel-evidence" data-testid="slo-evidence">
            {v.findings.map((f) => (
              <li key={f.id}>
                Finding: {f.title}{" "}
                <button type="button" className="link" onClick={() => form.set("findings", v.findings.filter((x) => x.id !== f.id))}>
                  Remove
                </button>
              </li>
            ))}
            {v.notes.map((n) => (
              <li key={n.note_id}>
                {n.is_quote ? <q>{n.text}</q> : n.text} <span className="muted small">({n.interview_title})</span>{" "}
                <button type="button" className="link" onClick={() => form.set("notes", v.notes.filter((x) => x.note_id !== n.note_id))}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <EvidenceSearch
            api={api}
            have={[...v.findings.map((f) => f.id), ...v.notes.map((n) => n.note_id)]}
            onPick={(h) =>
              h.kind === "finding"
                ? form.set("findings", [...v.findings, { id: h.id, title: h.title }])
                : form.set("notes", [
                    ...v.notes,
                    { note_id: h.id, text: h.snippet.map((p) => p.text).join(""), is_quote: h.kind === "quote", speaker: null, interview_id: h.parent_id ?? "", interview_title: h.title },
                  ])
            }
          />
        </div>
        {noEvidence && (
          <p className="banner warn small" data-testid="slo-evidence-warning">
            No user evidence yet: an SLO is easier to defend when it cites the people it is for and what they said.
          </p>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.saving} data-testid="slo-save">
          {slo ? "Save SLO" : "Add SLO"}
        </button>
        <button type="button" onClick={() => void close()}>
          Cancel
        </button>
      </div>
      {edit.dialog()}
    </form>
  );
}

/** Finds findings, notes and quotes (the core's full-text search) to cite as evidence. */
function EvidenceSearch({ api, have, onPick }: { api: Api; have: string[]; onPick: (h: SearchHit) => void }) {
  const [query, setQuery] = useState("");
  const q = useDebounced(query.trim(), 150);
  const [found, setFound] = useState<{ q: string; hits: SearchHit[] }>({ q: "", hits: [] });
  useEffect(() => {
    if (q.length < 2) return;
    let live = true;
    api.search_all({ query: q }).then(
      (h) => live && setFound({ q, hits: h.filter((x) => x.kind === "finding" || x.kind === "note" || x.kind === "quote") }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, q]);
  const hits = q.length >= 2 && found.q === q ? found.hits.filter((h) => !have.includes(h.id)).slice(0, 6) : [];
  return (
    <div>
      <input type="search" placeholder="Search findings, notes and quotes to cite" aria-label="Search evidence to cite" value={query} onChange={(e) => setQuery(e.target.value)} />
      {hits.length > 0 && (
        <ul className="rel-hits">
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" className="link" onClick={() => onPick(h)}>
                {h.kind === "finding" ? "Finding" : h.kind === "quote" ? "Quote" : "Note"}: {h.snippet.map((p) => p.text).join("").slice(0, 120)}
              </button>{" "}
              <span className="muted small">{h.title}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
