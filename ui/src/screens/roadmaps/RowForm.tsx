import { useEffect, useRef } from "react";
import type { Priority } from "../../bindings/Priority";
import type { RoadmapRow } from "../../bindings/RoadmapRow";
import type { RowInput } from "../../bindings/RowInput";
import { Field } from "../../kit/Field";
import { EditForm, useVersionedForm } from "../../kit/useVersionedForm";

const FIELDS = [
  { key: "project", label: "Project" },
  { key: "stakeholders", label: "Stakeholders" },
  { key: "goal_what", label: "Goal: what users get" },
  { key: "goal_why", label: "Why it matters to them" },
  { key: "priority", label: "Priority" },
] as const;

const EMPTY: RowInput = { project: "", stakeholders: "", goal_what: "", goal_why: "", priority: "high" };
const valuesOf = (w: RoadmapRow): RowInput => ({ project: w.project, stakeholders: w.stakeholders, goal_what: w.goal_what, goal_why: w.goal_why, priority: w.priority });

interface Props {
  /** The row to edit, or null for a new one. */
  row: RoadmapRow | null;
  /** Keeps a new row's draft per roadmap. */
  roadmapId: string;
  /** Creates (`version` null) or updates from `version`; throws the core's error. */
  onSave: (input: RowInput, version: number | null) => Promise<void>;
  onClose: () => void;
}

/** A roadmap row: the project, who cares, and the goal for users (what and why). */
export function RowForm({ row, roadmapId, onSave, onClose }: Props) {
  const prefix = row ? `row-${row.id}` : "row";
  const edit = useVersionedForm<RoadmapRow, RowInput>({
    record: row,
    empty: EMPTY,
    valuesOf,
    idPrefix: prefix,
    draftKey: row ? `row.${row.id}` : `row.new.${roadmapId}`,
    what: "row",
    fields: [...FIELDS],
    save: onSave,
    onClose,
  });
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const { form } = edit;
  const v = form.values;
  const set = form.set;
  return (
    <EditForm
      edit={edit}
      className="card form row-form"
      testId={row ? "row-edit-form" : "row-new-form"}
      title={{ id: `${prefix}-form-title`, text: row ? `Edit “${row.project}”` : "New row" }}
      saveLabel={row ? "Save row" : "Add row"}
      saveTestId={row ? "row-update" : "row-save"}
    >
      <div className="grid2">
        <Field id={`${prefix}-project`} label="Project" error={form.errors.project}>
          {(a) => <input {...a} ref={first} value={v.project} onChange={(e) => set("project", e.target.value)} autoComplete="off" />}
        </Field>
        <Field id={`${prefix}-stakeholders`} label="Stakeholders" error={form.errors.stakeholders} hint="People or teams, as you would write them.">
          {(a) => <input {...a} value={v.stakeholders} onChange={(e) => set("stakeholders", e.target.value)} autoComplete="off" />}
        </Field>
        <Field id={`${prefix}-goal_what`} label="Goal: what users get" error={form.errors.goal_what}>
          {(a) => <textarea {...a} rows={2} value={v.goal_what} onChange={(e) => set("goal_what", e.target.value)} />}
        </Field>
        <Field id={`${prefix}-goal_why`} label="Why it matters to them" error={form.errors.goal_why}>
          {(a) => <textarea {...a} rows={2} value={v.goal_why} onChange={(e) => set("goal_why", e.target.value)} />}
        </Field>
        <Field id={`${prefix}-priority`} label="Priority" error={form.errors.priority}>
          {(a) => (
            <select {...a} value={v.priority} onChange={(e) => set("priority", e.target.value as Priority)}>
              <option value="high">High</option>
              <option value="low">Low</option>
            </select>
          )}
        </Field>
      </div>
    </EditForm>
  );
}
