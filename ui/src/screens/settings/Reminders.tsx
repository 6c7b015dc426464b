import { useState } from "react";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { useCall } from "../../lib/hooks";
import { Field } from "../../kit/Field";
import { ErrorBanner } from "../../kit/ErrorBanner";
import type { ReminderSettings } from "../../bindings/ReminderSettings";
import "./settings.css";

const hm = (t: string) => t.slice(0, 5);
const full = (t: string) => (t.length === 5 ? `${t}:00` : t);

/** Desktop reminders: on or off, quiet hours, and the morning hour at which follow-ups and
 * update meetings are announced. Interviews are announced 10 minutes before they start. */
export function RemindersPanel({ api }: { api: Api }) {
  const stored = useCall(() => api.reminders_settings(), [api]);
  const [edit, setEdit] = useState<ReminderSettings | null>(null);
  const [errors, setErrors] = useState<{ field?: string; message: string } | null>(null);
  const [status, setStatus] = useState("");
  const v = edit ?? stored.data;

  const save = async (next: ReminderSettings) => {
    setEdit(next);
    try {
      const saved = await api.reminders_save_settings({ settings: { ...next, quiet_start: full(next.quiet_start), quiet_end: full(next.quiet_end), morning: full(next.morning) } });
      setEdit(null);
      setErrors(null);
      void stored.reload();
      setStatus(saved.enabled ? "Reminders saved." : "Reminders are off.");
    } catch (e) {
      const err = e as IpcError;
      setErrors({ field: err.field, message: err.message });
      setStatus("");
    }
  };
  const errorAt = (f: string) => (errors?.field === f ? errors.message : undefined);

  return (
    <section className="card reminders-card" aria-labelledby="reminders-title" data-testid="reminders">
      <h2 id="reminders-title">Reminders</h2>
      <ErrorBanner message={stored.error ?? (errors && !errors.field ? errors.message : null)} />
      {v && (
        <>
          <label className="inline">
            <input type="checkbox" data-testid="reminders-enabled" checked={v.enabled} onChange={(e) => void save({ ...v, enabled: e.target.checked })} />
            Desktop notifications for follow-ups due, interviews (10 minutes before) and update meetings
          </label>
          <div className="reminders-times">
            <Field id="reminders-morning" label="Morning reminders at" error={errorAt("morning")}>
              {(a) => <input {...a} type="time" value={hm(v.morning)} disabled={!v.enabled} onChange={(e) => e.target.value && void save({ ...v, morning: e.target.value })} />}
            </Field>
            <Field id="reminders-quiet_start" label="Quiet from" error={errorAt("quiet_start")}>
              {(a) => <input {...a} type="time" value={hm(v.quiet_start)} disabled={!v.enabled} onChange={(e) => e.target.value && void save({ ...v, quiet_start: e.target.value })} />}
            </Field>
            <Field id="reminders-quiet_end" label="until" error={errorAt("quiet_end")}>
              {(a) => <input {...a} type="time" value={hm(v.quiet_end)} disabled={!v.enabled} onChange={(e) => e.target.value && void save({ ...v, quiet_end: e.target.value })} />}
            </Field>
          </div>
          <p className="muted small">
            Nothing is sent while Rapport is closed; what you missed is listed here on Today. The same start and end time means no quiet hours.
          </p>
          <p className="sr-status" role="status" aria-live="polite" data-testid="reminders-status">
            {status}
          </p>
        </>
      )}
    </section>
  );
}
