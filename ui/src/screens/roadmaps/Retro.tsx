import { useEffect, useState } from "react";
import type { Retro } from "../../bindings/Retro";
import type { RetroNotes } from "../../bindings/RetroNotes";
import type { Roadmap } from "../../bindings/Roadmap";
import type { Api } from "../../lib/ipc";
import { ErrorBanner } from "../../kit/ErrorBanner";

/** Planned vs done, estimation accuracy, slipped items, notes, and carry-over in one action. */
export function RetroTab({ api, roadmap, onOpen }: { api: Api; roadmap: Roadmap; onOpen: (id: string) => void }) {
  const [retro, setRetro] = useState<Retro | null>(null);
  const [notes, setNotes] = useState<RetroNotes>({ process: "", estimation: "", execution: "" });
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.roadmaps_retro({ id: roadmap.id }).then(
      (r) => {
        setRetro(r);
        setNotes(r.notes);
      },
      (e: Error) => setError(e.message),
    );
  }, [api, roadmap.id]);
  if (!retro) return <p className="muted">{error ?? "Loading…"}</p>;
  const f = retro.figures;
  const set = (k: keyof RetroNotes, v: string) => setNotes((n) => ({ ...n, [k]: v }));
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
      {(["process", "estimation", "execution"] as const).map((k) => (
        <label key={k} className="field">
          <span>{{ process: "The roadmapping process", estimation: "Estimation", execution: "Execution" }[k]}</span>
          <textarea rows={3} value={notes[k]} onChange={(e) => set(k, e.target.value)} data-testid={`retro-${k}`} />
        </label>
      ))}
      <div className="actions">
        <button
          className="primary"
          data-testid="retro-save"
          onClick={() =>
            api.roadmaps_save_retro({ id: roadmap.id, notes }).then(
              (r) => {
                setRetro(r);
                setStatus("Retro saved.");
              },
              (e: Error) => setError(e.message),
            )
          }
        >
          Save retro
        </button>
        <button
          data-testid="carry-over"
          onClick={() => api.roadmaps_carry_over({ id: roadmap.id }).then((next) => onOpen(next.id), (e: Error) => setError(e.message))}
        >
          Carry unfinished rows into a new interval
        </button>
      </div>
      {status && (
        <p className="sr-status" role="status">
          {status}
        </p>
      )}
      <ErrorBanner message={error} />
    </div>
  );
}
