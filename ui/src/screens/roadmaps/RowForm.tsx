import { useState } from "react";
import type { Priority } from "../../bindings/Priority";
import type { RowInput } from "../../bindings/RowInput";
import { Field } from "../../kit/Field";
import { IpcError } from "../../lib/ipc";

/** A roadmap row: the project, who cares, and the goal for users (what and why). */
export function RowForm({ onSave, onCancel }: { onSave: (input: RowInput) => Promise<void>; onCancel: () => void }) {
  const [input, setInput] = useState<RowInput>({ project: "", stakeholders: "", goal_what: "", goal_why: "", priority: "high" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof RowInput, v: string) => setInput((i) => ({ ...i, [k]: v }));
  return (
    <form
      className="card form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await onSave(input);
        } catch (err) {
          if (err instanceof IpcError && err.field) setErrors({ [err.field]: err.message });
        }
      }}
    >
      <h2>New row</h2>
      <div className="grid2">
        <Field id="row-project" label="Project" error={errors.project}>
          {(a) => <input {...a} value={input.project} onChange={(e) => set("project", e.target.value)} />}
        </Field>
        <Field id="row-stakeholders" label="Stakeholders" error={errors.stakeholders}>
          {(a) => <input {...a} value={input.stakeholders} onChange={(e) => set("stakeholders", e.target.value)} />}
        </Field>
        <Field id="row-goal_what" label="Goal: what users get" error={errors.goal_what}>
          {(a) => <input {...a} value={input.goal_what} onChange={(e) => set("goal_what", e.target.value)} />}
        </Field>
        <Field id="row-goal_why" label="Why it matters to them" error={errors.goal_why}>
          {(a) => <input {...a} value={input.goal_why} onChange={(e) => set("goal_why", e.target.value)} />}
        </Field>
        <Field id="row-priority" label="Priority">
          {(a) => (
            <select {...a} value={input.priority} onChange={(e) => set("priority", e.target.value as Priority)}>
              <option value="high">High</option>
              <option value="low">Low</option>
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button className="primary" type="submit" data-testid="row-save">
          Add row
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
