import { useCallback, useEffect, useState } from "react";
import type { Cadence } from "../../bindings/Cadence";
import type { RoadmapSummary } from "../../bindings/RoadmapSummary";
import { Field } from "../../kit/Field";
import type { ScreenProps } from "../../lib/routes";
import { IpcError } from "../../lib/ipc";
import { RoadmapView, type Tab } from "./RoadmapView";
import { ErrorBanner } from "../../kit/ErrorBanner";

/** Roadmap intervals, a form for a new one, and the sample workspace. */
/** `param` is a roadmap id, optionally followed by a tab: `<id>/meeting`. */
export function RoadmapsScreen({ api, param, go }: ScreenProps) {
  const [openId, openTab] = (param ?? "").split("/");
  const [list, setList] = useState<RoadmapSummary[]>([]);
  const open = openId || null;
  const setOpen = (id: string | null) => go("roadmaps", id);
  const [title, setTitle] = useState("");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [cadence, setCadence] = useState<Cadence>("biweekly");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const reload = useCallback(() => api.roadmaps_list().then(setList, (e: Error) => setGeneral(e.message)), [api]);
  useEffect(() => {
    void reload();
    api.today_date().then((t) => setStart((s) => s || t), () => undefined);
  }, [api, reload]);

  if (open) {
    return (
      <RoadmapView
        key={open}
        api={api}
        id={open}
        initialTab={open === openId && openTab ? (openTab as Tab) : "plan"}
        onOpen={setOpen}
        onClose={() => {
          setOpen(null);
          void reload();
        }}
      />
    );
  }

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const r = await api.roadmaps_create({ input: { title, starts_on: start, ends_on: end, cadence } });
      setErrors({});
      setOpen(r.id);
    } catch (err) {
      if (err instanceof IpcError && err.field) setErrors({ [err.field]: err.message });
      else setGeneral(String(err));
    }
  };

  const loadSample = async () => {
    try {
      setOpen(await api.sample_load());
    } catch (e) {
      setGeneral((e as Error).message);
    }
  };

  return (
    <section className="page">
      <header className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          Roadmaps
        </h1>
        <button data-testid="sample-load" onClick={() => void loadSample()}>
          Load the sample workspace
        </button>
      </header>
      <p className="muted lede">
        Six-week intervals with strict dates. Each row pairs a goal for users (what and why) with deliverables (how and
        when).
      </p>
      <ErrorBanner message={general} />
      <form className="card form" onSubmit={create} noValidate>
        <h2>New interval</h2>
        <div className="grid2">
          <Field id="roadmap-title" label="Title" error={errors.title}>
            {(a) => <input {...a} value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />}
          </Field>
          <Field id="roadmap-cadence" label="Update meetings" error={errors.cadence}>
            {(a) => (
              <select {...a} value={cadence} onChange={(e) => setCadence(e.target.value as Cadence)}>
                <option value="weekly">Weekly</option>
                <option value="biweekly">Every two weeks</option>
              </select>
            )}
          </Field>
          <Field id="roadmap-starts_on" label="Starts" error={errors.starts_on}>
            {(a) => <input {...a} type="date" value={start} onChange={(e) => setStart(e.target.value)} />}
          </Field>
          <Field id="roadmap-ends_on" label="Ends" error={errors.ends_on} hint="Empty: six weeks after the start.">
            {(a) => <input {...a} type="date" value={end} onChange={(e) => setEnd(e.target.value)} />}
          </Field>
        </div>
        <button className="primary" type="submit" data-testid="roadmap-create">
          Create interval
        </button>
      </form>
      {list.length === 0 ? (
        <p className="empty">No roadmaps yet. Create an interval, or load the sample “New CI” roadmap to look around.</p>
      ) : (
        <table className="table" data-testid="roadmap-list">
          <thead>
            <tr>
              <th scope="col">Roadmap</th>
              <th scope="col">Interval</th>
              <th scope="col">Rows</th>
              <th scope="col">Meetings</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id}>
                <td>
                  <button className="link" onClick={() => setOpen(r.id)}>
                    {r.title}
                  </button>
                </td>
                <td>
                  {r.starts_on} – {r.ends_on}
                </td>
                <td>{r.row_count}</td>
                <td>{r.cadence === "weekly" ? "weekly" : "every two weeks"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
