import { useEffect, useState } from "react";
import type { Doc } from "../bindings/Doc";
import type { DocFormat } from "../bindings/DocFormat";
import type { ReportRequest } from "../bindings/ReportRequest";
import type { Api } from "../lib/ipc";
import { DocView } from "./DocView";
import { ErrorBanner } from "../kit/ErrorBanner";

const FORMATS: { id: DocFormat; label: string }[] = [
  { id: "markdown", label: "Markdown" },
  { id: "html", label: "HTML" },
  { id: "text", label: "plain text" },
];

interface Props {
  api: Api;
  request: ReportRequest;
  label: string;
  testId?: string;
}

/** A report as a document: previewed in the app, printed on its own (print styles show only
 * the report), saved as a file through the native dialog, or copied in a format. */
export function ReportPanel({ api, request, label, testId = "export" }: Props) {
  const [doc, setDoc] = useState<Doc | null>(null);
  const [text, setText] = useState("");
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [preview, setPreview] = useState(false);
  const key = JSON.stringify(request);

  useEffect(() => {
    let live = true;
    api.report_get({ request: JSON.parse(key) as ReportRequest }).then(
      (d) => live && setDoc(d),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [api, key]);

  const render = (format: DocFormat) =>
    api.report_render({ request, format }).then(
      (t) => {
        setText(t);
        setError(null);
        void navigator.clipboard?.writeText(t).catch(() => undefined);
      },
      (e: Error) => setError(e.message),
    );

  const save = (format: DocFormat) =>
    api.report_save({ request, format }).then(
      (path) => path && setStatus(`Saved to ${path}`),
      (e: Error) => setError(e.message),
    );

  const print = () => {
    setPrinting(true);
    document.body.classList.add("printing-report");
    // Let the report become the only printable thing before the dialog opens.
    requestAnimationFrame(() => {
      window.print();
      document.body.classList.remove("printing-report");
      setPrinting(false);
    });
  };

  return (
    <section className="report-panel" aria-label={label}>
      <div className="actions">
        {FORMATS.map((f) => (
          <button key={f.id} data-testid={`${testId}-${f.id}`} onClick={() => void render(f.id)} title="Copy to the clipboard">
            Copy {label} as {f.label}
          </button>
        ))}
        <button data-testid={`${testId}-save-html`} onClick={() => void save("html")}>
          Save as HTML…
        </button>
        <button data-testid={`${testId}-save-markdown`} onClick={() => void save("markdown")}>
          Save as Markdown…
        </button>
        <button aria-expanded={preview} onClick={() => setPreview((p) => !p)} data-testid={`${testId}-preview`}>
          {preview ? "Hide preview" : "Preview"}
        </button>
        <button onClick={print} disabled={!doc}>
          Print
        </button>
      </div>
      <ErrorBanner message={error} />
      {status && (
        <p className="small muted" role="status">
          {status}
        </p>
      )}
      {text && (
        <textarea readOnly rows={10} aria-label={`${label} text`} data-testid={`${testId}-output`} value={text} onFocus={(e) => e.target.select()} />
      )}
      {doc && (
        <div className={`print-doc${preview ? " shown" : ""}${printing ? " printing" : ""}`}>
          <DocView doc={doc} testId={`${testId}-doc`} />
        </div>
      )}
    </section>
  );
}
