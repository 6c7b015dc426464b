import { useCallback, useEffect, useState } from "react";
import type { InterviewSummary as Interview } from "../../bindings/InterviewSummary";
import type { ScreenProps } from "../../lib/routes";
import { CsvTools } from "../../components/CsvTools";
import { InterviewMode } from "./InterviewMode";
import { InterviewPlanForm } from "./InterviewPlanForm";
import { ErrorBanner } from "../../kit/ErrorBanner";

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

export function InterviewsScreen({ api, param, go }: ScreenProps) {
  const [list, setList] = useState<Interview[]>([]);
  const [planning, setPlanning] = useState(false);
  const open = param;
  const setOpen = (id: string | null) => go("interviews", id);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => api.interviews_list({ filter: {} }).then((p) => setList(p.items), (e: Error) => setError(e.message)), [api]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (open) {
    return (
      <InterviewMode
        api={api}
        id={open}
        onClose={() => {
          setOpen(null);
          void reload();
        }}
      />
    );
  }

  return (
    <section className="page">
      <header className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          Interviews
        </h1>
        <button className="primary" data-testid="interview-new" onClick={() => setPlanning(true)} disabled={planning}>
          Plan interview
        </button>
      </header>
      <p className="muted lede">30 minutes, one or two people, leads apart from ICs. Ask what they did, not what they think.</p>
      <ErrorBanner message={error} />
      {planning && (
        <InterviewPlanForm
          api={api}
          onPlanned={(i) => {
            setPlanning(false);
            void reload();
            setOpen(i.id);
          }}
          onCancel={() => setPlanning(false)}
        />
      )}
      <CsvTools api={api} exports={["interviews", "notes", "quotes"]} />
      {list.length === 0 ? (
        <p className="empty">No interviews yet. Plan one with a core user.</p>
      ) : (
        <table className="table" data-testid="interview-list">
          <thead>
            <tr>
              <th scope="col">Interview</th>
              <th scope="col">When</th>
              <th scope="col">With</th>
              <th scope="col">Notes</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.map((i) => (
              <tr key={i.id} data-interview={i.title}>
                <td>
                  <button className="link" onClick={() => setOpen(i.id)}>
                    {i.title}
                  </button>
                  {i.mixed_roles && <span className="badge warn" title="Leads and ICs together, acknowledged">mixed roles</span>}
                  
                </td>
                <td>
                  {when(i.scheduled_at)} · {i.duration_minutes} min
                </td>
                <td>{i.interviewees.map((p) => p.name).join(", ")}</td>
                <td>{i.note_count}</td>
                <td>
                  <span className="role">{i.status}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
