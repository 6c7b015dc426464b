import { useState, type ReactNode } from "react";
import { useForm } from "../../kit/useForm";

interface Ack {
  /** What the core warned about (e.g. the card limit). */
  message: string;
  testId: string;
  confirmLabel: string;
  confirmTestId: string;
  cancelLabel: string;
}

interface Props {
  /** The input's id (its error is shown under it). */
  id: string;
  label: string;
  testId: string;
  /** Where what is typed is kept until it is added (`sprint.<id>.<list>`). */
  draftKey: string;
  button?: string;
  /** Adds the line; `acked` once the user said yes to the core's warning. */
  save: (text: string, acked: boolean) => Promise<void>;
  /** Labels for the core's `needs_ack` warning, if this list can raise one. */
  ack?: Omit<Ack, "message">;
  /** The core's name for the text (where its error points); `text` unless told. */
  field?: string;
  /** Controls shown before the input (a day picker). */
  children?: ReactNode;
}

/** A one-line "add" form whose text is a draft: switching tabs or screens keeps it. */
export function Adder({ id, label, testId, draftKey, button = "Add", save, ack, field = "text", children }: Props) {
  const form = useForm({ text: "" }, id, draftKey);
  const [warning, setWarning] = useState<string | null>(null);
  const text = form.values.text;
  const submit = async (acked: boolean) => {
    const ok = await form.submit((v) => save(v.text, acked), ack ? { onAck: (e) => setWarning(e.message) } : {});
    if (ok) {
      setWarning(null);
      form.replace({ text: "" });
    }
  };
  const error = form.general ?? Object.values(form.errors)[0];
  return (
    <>
      <form
        className="card-adder"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(false);
        }}
      >
        <span className="adder-inputs">
          {children}
          <input
            id={`${id}-${field}`}
            aria-label={label}
            placeholder={`${label}…`}
            data-testid={testId}
            value={text}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              form.set("text", e.target.value);
              setWarning(null);
            }}
          />
        </span>
        <button type="submit" disabled={!text.trim() || form.saving}>
          {button}
        </button>
      </form>
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert" data-error-for={id}>
          {error}
        </small>
      )}
      {ack && warning && (
        <div className="banner warn" role="alert" data-testid={ack.testId}>
          <p>{warning}</p>
          <div className="actions">
            <button type="button" data-testid={ack.confirmTestId} onClick={() => void submit(true)}>
              {ack.confirmLabel}
            </button>
            <button type="button" onClick={() => setWarning(null)}>
              {ack.cancelLabel}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
