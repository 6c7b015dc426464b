import { useEffect, useState } from "react";
import type { Evidence } from "../../bindings/Evidence";
import type { Finding } from "../../bindings/Finding";
import type { FindingInput } from "../../bindings/FindingInput";
import type { FindingStatus } from "../../bindings/FindingStatus";
import type { RoadmapSummary } from "../../bindings/RoadmapSummary";
import type { RowRef } from "../../bindings/RowRef";
import type { SearchHit } from "../../bindings/SearchHit";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { useDebounced } from "../../lib/hooks";
import { FINDING_STATUSES } from "../../lib/labels";
import { useStaleEdit } from "../../kit/Conflict";
import { useConfirm } from "../../kit/Dialogs";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Field } from "../../kit/Field";
import { useForm } from "../../kit/useForm";
import { Snippet } from "../../components/Snippet";

interface Values {
  title: string;
  detail: string;
  recommendation: string;
  status: FindingStatus;
  tags: string;
  evidence: Evidence[];
  rows: RowRef[];
}

const valuesOf = (f: Finding): Values => ({
  title: f.title,
  detail: f.detail,
  recommendation: f.recommendation,
  status: f.status,
  tags: f.tags.join(" "),
  evidence: f.evidence,
  rows: f.rows,
});

const FIELDS = [
  { key: "title", label: "Title" },
  { key: "detail", label: "Detail" },
  { key: "recommendation", label: "Recommendation" },
  { key: "status", label: "Status" },
  { key: "tags", label: "Tags" },
];

/** Edits a finding: words, tags, status, its evidence (add notes and quotes from any interview,
 * or remove them) and the roadmap rows that act on it. */
export function FindingForm({ api, finding, onSaved, onClose }: { api: Api; finding: Finding; onSaved: () => void; onClose: () => void }) {
  const form = useForm<Values>(valuesOf(finding), "finding", `finding.${finding.id}`);
  const edit = useStaleEdit<Finding>(finding.version, {
    what: "finding",
    fields: FIELDS,
    mine: () => v,
    theirs: (c) => valuesOf(c),
    save: (from): void => void save(from),
    take: (c) => form.replace(valuesOf(c)),
  });
  const confirm = useConfirm();
  const v = form.values;

  const save = (from = edit.version) =>
    form.submit(
      async (x) => {
        const input: FindingInput = {
          title: x.title,
          detail: x.detail,
          recommendation: x.recommendation,
          status: x.status,
          tags: x.tags.split(/[\s,]+/).filter(Boolean),
          evidence_note_ids: x.evidence.map((e) => e.note_id),
          row_ids: x.rows.map((r) => r.row_id),
        };
        await api.findings_update({ id: finding.id, version: from, input });
        onSaved();
      },
      { onConflict: (e: IpcError) => edit.stale(e.current as Finding) },
    );
  const close = async () => {
    if (!form.dirty || (await confirm({ title: "Discard your changes?", body: "Your edits to this finding will be lost.", confirmLabel: "Discard", danger: true }))) {
      form.discard();
      onClose();
    }
  };

  return (
    <form
      className="card form"
      aria-labelledby="finding-form-title"
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
      noValidate
      data-testid="finding-form"
    >
      <h2 id="finding-form-title">Edit finding</h2>
      <ErrorBanner message={form.general} />
      <Field id="finding-title" label="Title" error={form.errors.title}>
        {(a) => <input {...a} value={v.title} onChange={(e) => form.set("title", e.target.value)} />}
      </Field>
      <div className="grid2">
        <Field id="finding-status" label="Status" error={form.errors.status}>
          {(a) => (
            <select {...a} value={v.status} onChange={(e) => form.set("status", e.target.value as FindingStatus)}>
              {FINDING_STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="finding-tags" label="Tags" error={form.errors.tags} hint="Separated by spaces, like ci flaky-tests">
          {(a) => <input {...a} value={v.tags} onChange={(e) => form.set("tags", e.target.value)} />}
        </Field>
      </div>
      <Field id="finding-detail" label="Detail" error={form.errors.detail}>
        {(a) => <textarea {...a} rows={3} value={v.detail} onChange={(e) => form.set("detail", e.target.value)} />}
      </Field>
      <Field id="finding-recommendation" label="Recommendation" error={form.errors.recommendation} hint="What to do about it">
        {(a) => <textarea {...a} rows={2} value={v.recommendation} onChange={(e) => form.set("recommendation", e.target.value)} />}
      </Field>
      <fieldset>
        <legend>Evidence</legend>
        {form.errors.evidence && (
          <p className="field-error" role="alert" id="finding-evidence">
            {form.errors.evidence}
          </p>
        )}
        <ul className="evidence">
          {v.evidence.map((e) => (
            <li key={e.note_id} data-testid="evidence-item">
              {e.is_quote ? <q>{e.text}</q> : e.text}
              {e.speaker && <span className="muted"> — {e.speaker}</span>} <span className="muted small">({e.interview_title})</span>{" "}
              <button
                type="button"
                className="link"
                aria-label={`Remove evidence “${e.text.slice(0, 40)}”`}
                onClick={() =>
                  form.set(
                    "evidence",
                    v.evidence.filter((x) => x.note_id !== e.note_id),
                  )
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <EvidencePicker
          api={api}
          have={v.evidence.map((e) => e.note_id)}
          onAdd={(ev) => form.set("evidence", [...v.evidence, ev])}
        />
      </fieldset>
      <fieldset>
        <legend>Roadmap rows that act on it</legend>
        <ul>
          {v.rows.map((r) => (
            <li key={r.row_id}>
              {r.project} <span className="muted small">({r.roadmap_title})</span>{" "}
              <button type="button" className="link" onClick={() => form.set("rows", v.rows.filter((x) => x.row_id !== r.row_id))}>
                Unlink
              </button>
            </li>
          ))}
        </ul>
        <RowPicker api={api} have={v.rows.map((r) => r.row_id)} onAdd={(r) => form.set("rows", [...v.rows, r])} />
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.saving} data-testid="finding-save">
          Save finding
        </button>
        <button type="button" onClick={() => void close()}>
          Cancel
        </button>
      </div>
      {edit.dialog()}
    </form>
  );
}

/** Finds notes and quotes from any interview (full-text search) to add as evidence. */
function EvidencePicker({ api, have, onAdd }: { api: Api; have: string[]; onAdd: (e: Evidence) => void }) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<{ q: string; hits: SearchHit[] }>({ q: "", hits: [] });
  const q = useDebounced(query, 150);
  const hits = q.trim().length >= 2 && found.q === q ? found.hits.filter((x) => !have.includes(x.id)) : [];
  useEffect(() => {
    if (q.trim().length < 2) return;
    let live = true;
    api.search_all({ query: q }).then((h) => live && setFound({ q, hits: h.filter((x) => x.kind === "note" || x.kind === "quote") }), () => undefined);
    return () => {
      live = false;
    };
  }, [api, q]);
  return (
    <div className="picker-block">
      <input type="search" aria-label="Find notes and quotes to add as evidence" placeholder="Find a note or quote to add" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="evidence-search" />
      <ul className="hits">
        {hits.slice(0, 8).map((h) => (
          <li key={h.id}>
            <button
              type="button"
              className="hit"
              data-testid="evidence-add"
              onClick={() =>
                onAdd({
                  note_id: h.id,
                  text: h.snippet.map((p) => p.text).join(""),
                  is_quote: h.kind === "quote",
                  speaker: null,
                  interview_id: h.parent_id ?? "",
                  interview_title: h.title,
                })
              }
            >
              <Snippet parts={h.snippet} /> <span className="muted small">{h.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Picks a row of a roadmap to link. */
function RowPicker({ api, have, onAdd }: { api: Api; have: string[]; onAdd: (r: RowRef) => void }) {
  const [roadmaps, setRoadmaps] = useState<RoadmapSummary[]>([]);
  const [roadmap, setRoadmap] = useState("");
  const [loaded, setLoaded] = useState<{ roadmap: string; rows: RowRef[] }>({ roadmap: "", rows: [] });
  const rows = roadmap && loaded.roadmap === roadmap ? loaded.rows : [];
  useEffect(() => {
    api.roadmaps_list().then(setRoadmaps, () => undefined);
  }, [api]);
  useEffect(() => {
    if (!roadmap) return;
    api.roadmaps_get({ id: roadmap }).then(
      (r) => setLoaded({ roadmap, rows: r.rows.map((w) => ({ row_id: w.id, project: w.project, roadmap_id: r.id, roadmap_title: r.title })) }),
      () => undefined,
    );
  }, [api, roadmap]);
  return (
    <div className="toolbar">
      <select aria-label="Roadmap" value={roadmap} onChange={(e) => setRoadmap(e.target.value)}>
        <option value="">Link a row of…</option>
        {roadmaps.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title}
          </option>
        ))}
      </select>
      {rows
        .filter((r) => !have.includes(r.row_id))
        .map((r) => (
          <button key={r.row_id} type="button" onClick={() => onAdd(r)}>
            + {r.project}
          </button>
        ))}
    </div>
  );
}
