import { useEffect, useRef } from "react";
import type { Question } from "../../bindings/Question";
import type { QuestionInput } from "../../bindings/QuestionInput";
import { LintReport } from "../../components/LintView";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Field } from "../../kit/Field";
import type { Api } from "../../lib/ipc";
import { useLint } from "../../lib/useLint";
import { useEditForm } from "../followups/editing";
import { DraftKept } from "../../kit/useVersionedForm";

interface Values {
  text: string;
  topic: string;
  tags: string;
  leading_version: string;
  rationale: string;
}

const EMPTY: Values = { text: "", topic: "", tags: "", leading_version: "", rationale: "" };
const valuesOf = (q: Question): Values => ({
  text: q.text,
  topic: q.topic,
  tags: q.tags.join(", "),
  leading_version: q.leading_version ?? "",
  rationale: q.rationale,
});
const FIELDS = [
  { key: "text", label: "Question" },
  { key: "topic", label: "Topic" },
  { key: "tags", label: "Tags" },
  { key: "leading_version", label: "Leading version" },
  { key: "rationale", label: "Why it works" },
];

interface Props {
  api: Api;
  question: Question | null;
  onSaved: (q: Question) => void;
  onClose: () => void;
}

/** Add or edit a bank question; the checker runs as you type. What is typed is a draft until it
 * is saved; Escape asks before dropping changes; a stale edit shows both versions. */
export function QuestionForm({ api, question, onSaved, onClose }: Props) {
  const edit = useEditForm<Values, Question>({
    initial: question ? valuesOf(question) : EMPTY,
    idPrefix: "question",
    draftKey: question ? `question.${question.id}` : "question.new",
    version: question?.version ?? 0,
    save: async (x, version) => {
      const input: QuestionInput = {
        text: x.text,
        topic: x.topic,
        tags: x.tags.split(/[,\s]+/).filter(Boolean),
        leading_version: x.leading_version.trim() ? x.leading_version : null,
        rationale: x.rationale,
      };
      onSaved(question ? await api.questions_update({ id: question.id, version, input }) : await api.questions_create({ input }));
    },
    valuesOf,
    what: "question",
    fields: FIELDS,
    onClose,
  });
  const form = edit.form;
  const v = form.values;
  const findings = useLint(api, v.text);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textRef.current?.focus(), []);

  return (
    <form
      className="card form question-form"
      aria-labelledby="question-form-title"
      data-testid="question-form"
      onSubmit={(e) => {
        e.preventDefault();
        void edit.submit();
      }}
      onKeyDown={edit.onKeyDown}
      noValidate
    >
      <h2 id="question-form-title">{question ? "Edit question" : "New question"}</h2>
      <DraftKept form={form} />
      <ErrorBanner message={form.general} />
      <Field id="question-text" label="Question" error={form.errors.text}>
        {(a) => <textarea {...a} ref={textRef} rows={2} value={v.text} onChange={(e) => form.set("text", e.target.value)} />}
      </Field>
      <LintReport text={v.text} findings={findings} onRewrite={(r) => form.set("text", r)} />
      <div className="grid2">
        <Field id="question-topic" label="Topic" error={form.errors.topic} hint="e.g. deploys, on-call, ci">
          {(a) => <input {...a} value={v.topic} onChange={(e) => form.set("topic", e.target.value)} autoComplete="off" />}
        </Field>
        <Field id="question-tags" label="Tags" error={form.errors.tags} hint="Separated by commas or spaces">
          {(a) => <input {...a} value={v.tags} onChange={(e) => form.set("tags", e.target.value)} autoComplete="off" />}
        </Field>
      </div>
      <Field id="question-leading_version" label="Leading version it replaces (optional)" error={form.errors.leading_version}>
        {(a) => <input {...a} value={v.leading_version} onChange={(e) => form.set("leading_version", e.target.value)} autoComplete="off" />}
      </Field>
      <Field id="question-rationale" label="Why this wording works" error={form.errors.rationale}>
        {(a) => <textarea {...a} rows={2} value={v.rationale} onChange={(e) => form.set("rationale", e.target.value)} />}
      </Field>
      <div className="actions wrap">
        <button type="submit" className="primary" data-testid="question-save" disabled={form.saving}>
          {question ? "Save changes" : "Add to bank"}
        </button>
        <button type="button" onClick={() => void edit.close()}>
          Cancel
        </button>
        {findings && findings.length > 0 && <span className="warn-text">This question leads; you can still save it.</span>}
      </div>
      {edit.dialog}
    </form>
  );
}
