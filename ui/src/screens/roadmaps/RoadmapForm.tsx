import { useEffect, useRef } from "react";
import type { Cadence } from "../../bindings/Cadence";
import type { Roadmap } from "../../bindings/Roadmap";
import type { RoadmapInput } from "../../bindings/RoadmapInput";
import type { Api } from "../../lib/ipc";
import { Field } from "../../kit/Field";
import { EditForm, useVersionedForm } from "../../kit/useVersionedForm";

const FIELDS = [
  { key: "title", label: "Title" },
  { key: "starts_on", label: "Starts" },
  { key: "ends_on", label: "Ends" },
  { key: "cadence", label: "Update meetings" },
] as const;

const valuesOf = (r: Roadmap): RoadmapInput => ({ title: r.title, starts_on: r.starts_on, ends_on: r.ends_on, cadence: r.cadence });

/** The day after a `YYYY-MM-DD` date (the earliest an interval may end). */
function dayAfter(ymd: string): string {
  const t = Date.parse(ymd);
  return Number.isNaN(t) ? "" : new Date(t + 86_400_000).toISOString().slice(0, 10);
}

interface Props {
  api: Api;
  /** The roadmap to edit, or null for a new interval. */
  roadmap: Roadmap | null;
  /** A new interval starts today unless the user says otherwise. */
  today?: string;
  onSaved: (r: Roadmap) => void;
  /** Closes an edit (none for the always-open form of a new interval). */
  onClose?: () => void;
}

/** A roadmap interval: its title, strict start and stop dates, and how often it meets. An end
 * on or before the start is refused at the field, as the user picks it and again by the core. */
export function RoadmapForm({ api, roadmap, today = "", onSaved, onClose }: Props) {
  const prefix = roadmap ? "roadmap-edit" : "roadmap";
  const edit = useVersionedForm<Roadmap, RoadmapInput>({
    record: roadmap,
    empty: { title: "", starts_on: today, ends_on: "", cadence: "biweekly" },
    valuesOf,
    idPrefix: prefix,
    draftKey: roadmap ? `roadmap.${roadmap.id}` : "roadmap.new",
    what: "roadmap",
    fields: [...FIELDS],
    save: async (input, version) => {
      const saved = roadmap && version !== null ? await api.roadmaps_update({ id: roadmap.id, version, input }) : await api.roadmaps_create({ input });
      onSaved(saved);
    },
    onClose: onClose ?? (() => undefined),
  });
  const title = useRef<HTMLInputElement>(null);
  const isEdit = roadmap !== null;
  useEffect(() => {
    if (isEdit) title.current?.focus();
  }, [isEdit]);
  const { form } = edit;
  const v = form.values;
  const set = form.set;
  const endTooEarly = Boolean(v.starts_on && v.ends_on && v.ends_on <= v.starts_on);
  const endError = form.errors.ends_on ?? (endTooEarly ? "The interval must end after it starts" : undefined);

  return (
    <EditForm
      edit={edit}
      className="card form"
      testId={roadmap ? "roadmap-edit-form" : "roadmap-new-form"}
      title={{ id: `${prefix}-form-title`, text: roadmap ? "Edit the interval" : "New interval" }}
      saveLabel={roadmap ? "Save changes" : "Create interval"}
      saveTestId={roadmap ? "roadmap-save" : "roadmap-create"}
      cancellable={Boolean(onClose)}
      ready={() => {
        if (endTooEarly) document.getElementById(`${prefix}-ends_on`)?.focus();
        return !endTooEarly;
      }}
    >
      <div className="grid2">
        <Field id={`${prefix}-title`} label="Title" error={form.errors.title}>
          {(a) => <input {...a} ref={title} value={v.title} onChange={(e) => set("title", e.target.value)} autoComplete="off" />}
        </Field>
        <Field id={`${prefix}-cadence`} label="Update meetings" error={form.errors.cadence}>
          {(a) => (
            <select {...a} value={v.cadence} onChange={(e) => set("cadence", e.target.value as Cadence)}>
              <option value="weekly">Weekly</option>
              <option value="biweekly">Every two weeks</option>
            </select>
          )}
        </Field>
        <Field id={`${prefix}-starts_on`} label="Starts" error={form.errors.starts_on}>
          {(a) => <input {...a} type="date" value={v.starts_on} onChange={(e) => set("starts_on", e.target.value)} />}
        </Field>
        <Field id={`${prefix}-ends_on`} label="Ends" error={endError} hint={roadmap ? "Strict: the last day of the interval." : "Empty: six weeks after the start."}>
          {(a) => <input {...a} type="date" min={dayAfter(v.starts_on)} value={v.ends_on} onChange={(e) => set("ends_on", e.target.value)} />}
        </Field>
      </div>
    </EditForm>
  );
}
