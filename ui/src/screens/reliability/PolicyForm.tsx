import type { Policy } from "../../bindings/Policy";
import type { PolicyState } from "../../bindings/PolicyState";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { useStaleEdit } from "../../kit/Conflict";
import { useConfirm } from "../../kit/Dialogs";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Field } from "../../kit/Field";
import { useForm } from "../../kit/useForm";
import { STATE_LABELS, pct } from "./common";

interface Values {
  overview: string;
  goals: string;
  non_goals: string;
  slo_miss_policy: string;
  outage_policy: string;
  escalation: string;
  /** Thresholds as typed, in percent of the budget left. */
  steps: { below: string; state: PolicyState }[];
  share: string;
}

const SECTIONS: { key: keyof Omit<Values, "steps" | "share">; label: string; hint: string }[] = [
  { key: "overview", label: "Overview", hint: "What the service is and who depends on it" },
  { key: "goals", label: "Goals", hint: "What this policy protects" },
  { key: "non_goals", label: "Non-goals", hint: "What it is deliberately not for" },
  { key: "slo_miss_policy", label: "When an SLO is missed", hint: "What changes as the budget runs down" },
  { key: "outage_policy", label: "After an outage", hint: "When a single incident uses a large share of the budget" },
  { key: "escalation", label: "Escalation", hint: "Who decides when the teams disagree" },
];

const valuesOf = (p: Policy): Values => ({
  ...p.policy,
  steps: p.policy.steps.map((s) => ({ below: String(Math.round(s.below_remaining * 100 * 1000) / 1000), state: s.state })),
  share: pct(p.postmortem_share),
});

const STATES: PolicyState[] = ["watch", "reliability_first", "freeze"];

/** Edits the policy's text and its machine-readable steps (budget left → state). */
export function PolicyForm({ api, policy, onSaved, onClose }: { api: Api; policy: Policy; onSaved: () => void; onClose: () => void }) {
  const form = useForm<Values>(valuesOf(policy), "policy", `policy.${policy.service_id}`);
  const edit = useStaleEdit<Policy>(policy.version, {
    what: "policy",
    fields: SECTIONS.map((s) => ({ key: s.key, label: s.label })),
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
        const { steps, share, ...text } = x;
        await api.policy_save({
          service_id: policy.service_id,
          version: from,
          input: {
            policy: { ...text, steps: steps.map((s) => ({ below_remaining: Number(s.below.replace("%", "")) / 100, state: s.state })) },
            postmortem_share: share,
          },
        });
        onSaved();
      },
      { onConflict: (e: IpcError) => edit.stale(e.current as Policy) },
    );
  const close = async () => {
    if (!form.dirty || (await confirm({ title: "Discard your changes?", body: "Your edits to the policy will be lost.", confirmLabel: "Discard", danger: true }))) {
      form.discard();
      onClose();
    }
  };
  const setStep = (i: number, patch: Partial<Values["steps"][number]>) => form.set("steps", v.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <form
      className="form"
      data-testid="policy-form"
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
      <fieldset>
        <legend>Steps: what the budget left puts the service in</legend>
        {form.errors.steps && (
          <p className="field-error" role="alert" id="policy-steps" tabIndex={-1}>
            {form.errors.steps}
          </p>
        )}
        {v.steps.map((s, i) => (
          <div className="rel-step" key={i}>
            <label>
              At or below{" "}
              <input className="narrow" inputMode="decimal" value={s.below} onChange={(e) => setStep(i, { below: e.target.value })} aria-label={`Step ${i + 1} threshold, percent of the budget left`} data-testid={`step-below-${i}`} />
              % left:
            </label>
            <select value={s.state} onChange={(e) => setStep(i, { state: e.target.value as PolicyState })} aria-label={`Step ${i + 1} state`}>
              {STATES.map((st) => (
                <option key={st} value={st}>
                  {STATE_LABELS[st]}
                </option>
              ))}
            </select>
            <button type="button" className="link" onClick={() => form.set("steps", v.steps.filter((_, j) => j !== i))}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" onClick={() => form.set("steps", [...v.steps, { below: "10", state: "freeze" }])}>
          Add a step
        </button>
      </fieldset>
      <Field id="policy-postmortem_share" label="Postmortem threshold" error={form.errors.postmortem_share} hint="An incident using more than this share of a budget needs a P0 or P1 action item">
        {(a) => <input {...a} className="narrow" value={v.share} onChange={(e) => form.set("share", e.target.value)} />}
      </Field>
      {SECTIONS.map((s) => (
        <Field key={s.key} id={`policy-${s.key}`} label={s.label} hint={s.hint} error={form.errors[s.key]}>
          {(a) => <textarea {...a} rows={3} value={v[s.key]} onChange={(e) => form.set(s.key, e.target.value)} />}
        </Field>
      ))}
      <div className="actions">
        <button type="submit" className="primary" disabled={form.saving} data-testid="policy-save">
          Save policy
        </button>
        <button type="button" onClick={() => void close()}>
          Cancel
        </button>
      </div>
      {edit.dialog()}
    </form>
  );
}
