import { useState } from "react";
import type { Retro } from "../../bindings/Retro";
import type { RetroNotes } from "../../bindings/RetroNotes";
import type { Roadmap } from "../../bindings/Roadmap";
import type { Api } from "../../lib/ipc";
import { useCall } from "../../lib/hooks";
import { useConfirm } from "../../kit/Dialogs";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { useForm } from "../../kit/useForm";
import { DraftKept } from "../../kit/useVersionedForm";

const NOTE_LABELS: Record<keyof RetroNotes, string> = { process: "The roadmapping process", estimation: "Estimation", execution: "Execution" };

/** What carry-over would copy: the incomplete rows and, of each, the unfinished deliverables. */
function carryOverPlan(r: Roadmap) {
  return r.rows
    .filter((w) => !w.latest || !["done", "dropped"].includes(w.latest.status))
    .map((w) => ({ project: w.project, deliverables: w.deliverables.filter((d) => d.status !== "done" && d.status !== "dropped").map((d) => d.title) }));
}

/** Planned vs done, estimation accuracy, slipped items, notes, and carry-over in one action. */
export function RetroTab({ api, roadmap, carriedInto, onOpen }: { api: Api; roadmap: Roadmap; carriedInto: string | null; onOpen: (id: string) => void }) {
  const retro = useCall(() => api.roadmaps_retro({ id: roadmap.id }), [api, roadmap.id]);
  if (!retro.data) return retro.error ? <ErrorBanner message={retro.error} /> : <p className="muted">Loading…</p>;
  return <RetroView api={api} roadmap={roadmap} retro={retro.data} carriedInto={carriedInto} onOpen={onOpen} />;
}

function RetroView({ api, roadmap, retro: loaded, carriedInto, onOpen }: { api: Api; roadmap: Roadmap; retro: Retro; carriedInto: string | null; onOpen: (id: string) => void }) {
  // What is typed stays (as a draft) when the user switches tabs or leaves, until it is saved.
  const form = useForm<RetroNotes>(loaded.notes, "retro", `retro.${roadmap.id}`);
  const [retro, setRetro] = useState(loaded);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const confirm = useConfirm();
  const f = retro.figures;

  const save = () =>
    form.submit(async (notes) => {
      setRetro(await api.roadmaps_save_retro({ id: roadmap.id, notes }));
      setStatus("Retro saved.");
    });

  const carryOver = async () => {
    const plan = carryOverPlan(roadmap);
    const ok = await confirm({
      title: "Carry the unfinished work into a new interval?",
      body:
        plan.length === 0 ? (
          <p>Every row is done or dropped: the new interval starts empty.</p>
        ) : (
          <div data-testid="carry-over-plan">
            <p>
              A new interval starts the day after this one ends, with the same length and cadence. It gets these {plan.length} incomplete row
              {plan.length === 1 ? "" : "s"} and their unfinished deliverables (without due dates):
            </p>
            <ul className="carry-list">
              {plan.map((w) => (
                <li key={w.project}>
                  <strong>{w.project}</strong>
                  {w.deliverables.length > 0 ? <span className="muted"> — {w.deliverables.join(" · ")}</span> : <span className="muted"> — no unfinished deliverables</span>}
                </li>
              ))}
            </ul>
            <p className="muted small">This interval keeps everything as it is. Carry-over can be done once.</p>
          </div>
        ),
      confirmLabel: "Carry over",
    });
    if (!ok) return;
    try {
      onOpen((await api.roadmaps_carry_over({ id: roadmap.id })).id);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="retro" data-testid="retro">
      <div className="figures">
        <div className="figure">
          <strong>
            {f.deliverables_done}/{f.deliverables_planned}
          </strong>
          <span>deliverables done</span>
        </div>
        <div className="figure">
          <strong>
            {f.rows_complete}/{f.rows}
          </strong>
          <span>rows complete</span>
        </div>
        <div className="figure">
          <strong>{f.estimation_accuracy === null ? "—" : `${Math.round(f.estimation_accuracy * 100)}%`}</strong>
          <span>on time (estimation accuracy)</span>
        </div>
        <div className="figure">
          <strong>{f.deliverables_dropped}</strong>
          <span>dropped</span>
        </div>
      </div>
      <p>
        <strong>Slipped:</strong> {f.slipped.length ? f.slipped.join(" · ") : "nothing"}
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <DraftKept form={form} />
        <ErrorBanner message={form.general} />
        {(["process", "estimation", "execution"] as const).map((k) => (
          <label key={k} className="field">
            <span>{NOTE_LABELS[k]}</span>
            <textarea id={`retro-${k}`} rows={3} value={form.values[k]} onChange={(e) => form.set(k, e.target.value)} data-testid={`retro-${k}`} />
          </label>
        ))}
        <div className="actions retro-actions">
          <button className="primary" type="submit" data-testid="retro-save" disabled={form.saving}>
            Save retro
          </button>
          {form.dirty && <span className="muted small">Unsaved changes (kept if you switch tabs).</span>}
        </div>
      </form>
      <section className="carry-over" aria-labelledby="carry-over-title">
        <h3 id="carry-over-title">Carry-over</h3>
        {roadmap.carried_into ? (
          <p data-testid="carried-into">
            Carried over into{" "}
            <button type="button" className="link" onClick={() => onOpen(roadmap.carried_into!)}>
              {carriedInto ?? "the next interval"}
            </button>
            . Its unfinished work was copied there once; this interval is kept as it was.
          </p>
        ) : (
          <>
            <p className="muted small">Starts the next interval with the incomplete rows and their unfinished deliverables. You see what will be copied first.</p>
            <button type="button" data-testid="carry-over" onClick={() => void carryOver()}>
              Carry unfinished rows into a new interval
            </button>
          </>
        )}
      </section>
      <p className="sr-status" role="status">
        {status}
      </p>
      <ErrorBanner message={error} />
    </div>
  );
}
