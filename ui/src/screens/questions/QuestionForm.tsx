import { useEffect, useRef, useState } from "react";
import type { Question } from "../../bindings/Question";
import type { QuestionInput } from "../../bindings/QuestionInput";
import { Field } from "../../kit/Field";
import { LintReport } from "../../components/LintView";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { useLint } from "../../lib/useLint";
import { ErrorBanner } from "../../kit/ErrorBanner";

interface Props {
  api: Api;
  question: Question | null;
  onSaved: (q: Question) => void;
  onCancel: () => void;
}

/** Add or edit a bank question; the checker runs as you type. */
export function QuestionForm({ api, question, onSaved, onCancel }: Props) {
  const [text, setText] = useState(question?.text ?? "");
  const [topic, setTopic] = useState(question?.topic ?? "");
  const [tags, setTags] = useState(question?.tags.join(", ") ?? "");
  const [leading, setLeading] = useState(question?.leading_version ?? "");
  const [rationale, setRationale] = useState(question?.rationale ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const findings = useLint(api, text);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textRef.current?.focus(), []);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const input: QuestionInput = {
      text,
      topic,
      tags: tags.split(/[,\s]+/).filter(Boolean),
      leading_version: leading.trim() ? leading : null,
      rationale,
    };
    setSaving(true);
    try {
      onSaved(question ? await api.questions_update({ id: question.id, version: question.version, input }) : await api.questions_create({ input }));
    } catch (err) {
      if (err instanceof IpcError && err.field) setErrors({ [err.field]: err.message });
      else setGeneral(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} onKeyDown={(e) => e.key === "Escape" && onCancel()} noValidate>
      <h2>{question ? "Edit question" : "New question"}</h2>
      <ErrorBanner message={general} />
      <Field id="question-text" label="Question" error={errors.text}>
        {(a) => (
          <textarea
            {...a}
            ref={textRef}
            rows={2}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setErrors({});
            }}
          />
        )}
      </Field>
      <LintReport text={text} findings={findings} onRewrite={setText} />
      <div className="grid2">
        <Field id="question-topic" label="Topic" error={errors.topic} hint="e.g. deploys, on-call, ci">
          {(a) => <input {...a} value={topic} onChange={(e) => setTopic(e.target.value)} autoComplete="off" />}
        </Field>
        <Field id="question-tags" label="Tags" error={errors.tags} hint="Separated by commas or spaces">
          {(a) => <input {...a} value={tags} onChange={(e) => setTags(e.target.value)} autoComplete="off" />}
        </Field>
      </div>
      <Field id="question-leading" label="Leading version it replaces (optional)" error={errors.leading_version}>
        {(a) => <input {...a} value={leading} onChange={(e) => setLeading(e.target.value)} autoComplete="off" />}
      </Field>
      <Field id="question-rationale" label="Why this wording works" error={errors.rationale}>
        {(a) => <textarea {...a} rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" data-testid="question-save" disabled={saving}>
          {question ? "Save changes" : "Add to bank"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {findings && findings.length > 0 && <span className="warn-text">This question leads; you can still save it.</span>}
      </div>
    </form>
  );
}
