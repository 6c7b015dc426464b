import { useState } from "react";
import type { Frequency } from "../../bindings/Frequency";
import type { ToilEntry } from "../../bindings/ToilEntry";
import type { ToilInput } from "../../bindings/ToilInput";
import type { ToilTraits } from "../../bindings/ToilTraits";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { day } from "../../lib/dates";
import { useCall, usePagedList } from "../../lib/hooks";
import { plural } from "../../lib/labels";
import { useStaleEdit } from "../../kit/Conflict";
import { useConfirm } from "../../kit/Dialogs";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Field } from "../../kit/Field";
import { VirtualList } from "../../kit/VirtualList";
import { useForm } from "../../kit/useForm";
import { useToasts } from "../../kit/Toasts";
import { num, pct } from "./common";
import type { Open } from "./Reliability";

const TRAITS: { key: keyof ToilTraits; label: string }[] = [
  { key: "manual", label: "Manual" },
  { key: "repetitive", label: "Repetitive" },
  { key: "automatable", label: "Automatable" },
  { key: "tactical", label: "Tactical" },
  { key: "no_enduring_value", label: "No enduring value" },
  { key: "grows_with_service", label: "Grows with the service" },
];
/** "2 Nov" for a week's first day (a calendar date, so no zone shifts it). */
const weekLabel = (ymd: string) => new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${ymd}T00:00:00Z`));

const FREQUENCIES: Record<Frequency, string> = { once: "once", daily: "every working day", weekly: "every week", monthly: "every month" };

type Values = Omit<ToilInput, "minutes" | "service_id" | "person_id"> & { minutes: string };
const FIELDS = [
  { key: "team", label: "Team" },
  { key: "task", label: "Task" },
  { key: "minutes", label: "Minutes" },
  { key: "frequency", label: "How often" },
  { key: "started_on", label: "Since" },
];
const valuesOf = (e: ToilEntry): Values => {
  const { service_id: _s, person_id: _p, minutes, ...rest } = e.form;
  void _s;
  void _p;
  return { ...rest, minutes: String(minutes) };
};
const empty = (today: string): Values => ({
  team: "",
  task: "",
  minutes: "30",
  frequency: "weekly",
  started_on: today,
  ended_on: "",
  traits: { manual: true, repetitive: true, automatable: false, tactical: false, no_enduring_value: false, grows_with_service: false },
  notes: "",
});

/** The toil log and each team's weekly share of it against the 50% cap. `editing`: an
 * entry's id, or `new`. */
export function Toil({ api, editing, open }: { api: Api; editing: string | null; open: Open }) {
  const today = useCall(() => api.today_date(), [api]);
  const weekly = useCall(() => api.toil_weekly({ weeks: 6 }), [api]);
  const teams = useCall(() => api.toil_teams(), [api]);
  const list = usePagedList((page) => api.toil_list({ filter: { page } }), [api]);
  const toasts = useToasts();
  const reload = () => {
    list.reload();
    void weekly.reload();
    void teams.reload();
  };
  const entry = editing && editing !== "new" ? findLoaded(list, editing) : null;
  const remove = async (e: ToilEntry) => {
    const t = await api.toil_delete({ id: e.id });
    toasts.deleted(t, reload);
    reload();
  };
  const over = weekly.data?.filter((w) => w.over_cap) ?? [];
  const weeks = [...new Set(weekly.data?.map((w) => w.week_start) ?? [])];
  const teamNames = [...new Set(weekly.data?.map((w) => w.team) ?? [])];
  return (
    <>
      <section className="card" aria-labelledby="toil-share">
        <h2 id="toil-share" className="rel-h2">
          Weekly toil share by team (cap: 50%)
        </h2>
        <ErrorBanner message={weekly.error} />
        {over.length > 0 && (
          <p className="banner warn" data-testid="toil-over-cap">
            Over the 50% cap:{" "}
            {[...new Set(over.map((w) => w.team))]
              .map((t) => `${t} in the week${over.filter((w) => w.team === t).length > 1 ? "s" : ""} of ${over.filter((w) => w.team === t).map((w) => `${weekLabel(w.week_start)} (${pct(w.share, 1)})`).join(", ")}`)
              .join("; ")}
            . Toil above half the team&apos;s time crowds out the engineering that would remove it.
          </p>
        )}
        {teamNames.length === 0 ? (
          <p className="muted">No toil logged yet.</p>
        ) : (
          <div className="rel-scroll">
            <table className="table small" data-testid="toil-weeks">
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  {weeks.map((w) => (
                    <th key={w} scope="col" title={`The week of ${day(w)}`}>
                      {weekLabel(w)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {teamNames.map((t) => (
                  <tr key={t}>
                    <th scope="row">{t}</th>
                    {weeks.map((w) => {
                      const c = weekly.data!.find((x) => x.team === t && x.week_start === w)!;
                      return (
                        <td key={w} className={c.over_cap ? "warn-text" : undefined} data-testid="toil-cell">
                          {c.share === null ? `${num(c.toil_minutes / 60, 1)} h` : pct(c.share)}
                          <span className="muted block">{num(c.toil_minutes / 60, 1)} h</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <TeamSizes api={api} teams={teams.data ?? []} onChanged={reload} />
      </section>
      <div className="toolbar">
        <h2 className="rel-h2">Toil log</h2>
        <span className="muted count">{plural(list.total, "entry", "entries")}</span>
        <button className="primary" onClick={() => open("toil/new")} disabled={editing === "new"} data-testid="toil-new">
          Log toil
        </button>
      </div>
      {today.data && (editing === "new" || entry) && (
        <ToilForm
          key={editing ?? "new"}
          api={api}
          entry={entry}
          today={today.data}
          onSaved={() => {
            open("toil");
            reload();
          }}
          onClose={() => open("toil")}
        />
      )}
      <ErrorBanner message={list.error} />
      {list.loaded && list.total > 0 && (
        <VirtualList
          list={list}
          estimate={64}
          label="Toil log"
          testId="toil-list"
          keyOf={(e) => e.id}
          render={(e) => (
            <div className="rel-toil-row" data-testid="toil-entry">
              <span>
                <strong>{e.task}</strong> <span className="muted small">{e.team}</span>
                <span className="block small">
                  {e.minutes} min {FREQUENCIES[e.frequency]} since {day(e.started_on)}
                  {e.ended_on && ` until ${day(e.ended_on)}`} · ≈ {e.weekly_minutes >= 120 ? `${num(e.weekly_minutes / 60, 1)} h` : `${num(e.weekly_minutes, 1)} min`} a week · {e.trait_count} of 6 toil traits
                  {e.trait_count < 3 && <span className="muted"> (may not be toil)</span>}
                </span>
              </span>
              <span className="row-actions">
                <button className="link" onClick={() => open(`toil/${e.id}`)}>
                  Edit
                </button>
                <button className="link" onClick={() => void remove(e)}>
                  Delete
                </button>
              </span>
            </div>
          )}
        />
      )}
    </>
  );
}

function findLoaded(list: { total: number; at: (i: number) => ToilEntry | undefined }, id: string): ToilEntry | null {
  for (let i = 0; i < list.total; i++) {
    const e = list.at(i);
    if (e?.id === id) return e;
  }
  return null;
}

function ToilForm({ api, entry, today, onSaved, onClose }: { api: Api; entry: ToilEntry | null; today: string; onSaved: () => void; onClose: () => void }) {
  const form = useForm<Values>(entry ? valuesOf(entry) : empty(today), "toil", entry ? `toil.${entry.id}` : "toil.new");
  const edit = useStaleEdit<ToilEntry>(entry?.version ?? 0, {
    what: "toil entry",
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
        const input: ToilInput = { ...x, minutes: Number(x.minutes), service_id: entry?.form.service_id ?? null, person_id: entry?.form.person_id ?? null };
        if (entry) await api.toil_update({ id: entry.id, version: from, input });
        else await api.toil_create({ input });
        onSaved();
      },
      { onConflict: (e: IpcError) => edit.stale(e.current as ToilEntry) },
    );
  const close = async () => {
    if (!form.dirty || (await confirm({ title: "Discard your changes?", body: "What you typed in this form will be lost.", confirmLabel: "Discard", danger: true }))) {
      form.discard();
      onClose();
    }
  };
  return (
    <form
      className="card form"
      data-testid="toil-form"
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
      <ErrorBanner message={form.general} />
      <div className="grid3">
        <Field id="toil-team" label="Team" error={form.errors.team}>
          {(a) => <input {...a} value={v.team} onChange={(e) => form.set("team", e.target.value)} autoFocus />}
        </Field>
        <Field id="toil-minutes" label="Minutes each time" error={form.errors.minutes}>
          {(a) => <input {...a} inputMode="numeric" value={v.minutes} onChange={(e) => form.set("minutes", e.target.value)} />}
        </Field>
        <Field id="toil-frequency" label="How often" error={form.errors.frequency}>
          {(a) => (
            <select {...a} value={v.frequency} onChange={(e) => form.set("frequency", e.target.value as Frequency)}>
              {(Object.keys(FREQUENCIES) as Frequency[]).map((f) => (
                <option key={f} value={f}>
                  {FREQUENCIES[f]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id="toil-task" label="Task" error={form.errors.task}>
        {(a) => <input {...a} value={v.task} onChange={(e) => form.set("task", e.target.value)} />}
      </Field>
      <div className="grid2">
        <Field id="toil-started_on" label="Since" error={form.errors.started_on}>
          {(a) => <input {...a} type="date" value={v.started_on} onChange={(e) => form.set("started_on", e.target.value)} />}
        </Field>
        <Field id="toil-ended_on" label="Until" error={form.errors.ended_on} hint="Empty while it still happens">
          {(a) => <input {...a} type="date" value={v.ended_on} onChange={(e) => form.set("ended_on", e.target.value)} />}
        </Field>
      </div>
      <fieldset className="rel-traits">
        <legend>Toil traits</legend>
        {TRAITS.map((t) => (
          <label key={t.key} className="inline">
            <input type="checkbox" checked={v.traits[t.key]} onChange={(e) => form.set("traits", { ...v.traits, [t.key]: e.target.checked })} /> {t.label}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.saving} data-testid="toil-save">
          {entry ? "Save entry" : "Log it"}
        </button>
        <button type="button" onClick={() => void close()}>
          Cancel
        </button>
      </div>
      {edit.dialog()}
    </form>
  );
}

/** Each team's working week, as People says it (40 hours per active member) or as set here. */
function TeamSizes({ api, teams, onChanged }: { api: Api; teams: { team: string; engineers: number | bigint; hours_per_week: number; set: boolean }[]; onChanged: () => void }) {
  const [edit, setEdit] = useState<{ team: string; engineers: string; hours: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (teams.length === 0) return null;
  const save = async () => {
    if (!edit) return;
    try {
      await api.toil_set_team({ team: edit.team, engineers: Number(edit.engineers), hours_per_week: Number(edit.hours) });
      setEdit(null);
      setError(null);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="rel-teams">
      <p className="small muted">
        Team sizes:{" "}
        {teams.map((t, i) => (
          <span key={t.team}>
            {i > 0 && " · "}
            {t.team}: {String(t.engineers)} × {num(t.hours_per_week, 1)} h {t.set ? "(set here)" : "(from People)"}{" "}
            <button className="link" data-testid="team-change" aria-label={`Change the size of ${t.team}`} onClick={() => setEdit({ team: t.team, engineers: String(t.engineers), hours: String(t.hours_per_week) })}>
              Change
            </button>
          </span>
        ))}
      </p>
      <ErrorBanner message={error} />
      {edit && (
        <div className="toolbar">
          <label className="inline">
            Engineers in {edit.team} <input className="narrow" data-testid="team-engineers" value={edit.engineers} onChange={(e) => setEdit({ ...edit, engineers: e.target.value })} />
          </label>
          <label className="inline">
            Hours a week <input className="narrow" value={edit.hours} onChange={(e) => setEdit({ ...edit, hours: e.target.value })} />
          </label>
          <button className="primary" onClick={() => void save()} data-testid="team-save">
            Save
          </button>
          <button onClick={() => setEdit(null)}>Cancel</button>
        </div>
      )}
    </div>
  );
}
