import { useState } from "react";
import type { Roadmap } from "../../bindings/Roadmap";
import type { StakeholderFormat } from "../../bindings/StakeholderFormat";
import type { StakeholderReport } from "../../bindings/StakeholderReport";
import type { Api } from "../../lib/ipc";

/** Stakeholder reports generated from the roadmap (not the spreadsheet), ready to send. */
export function ReportsTab({ api, roadmap }: { api: Api; roadmap: Roadmap }) {
  const [kind, setKind] = useState<StakeholderReport>("biweekly");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const make = (format: StakeholderFormat) =>
    api.roadmapReport(roadmap.id, kind, format).then(
      (t) => {
        setText(t);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  return (
    <div className="export">
      <div className="actions">
        <select aria-label="Report" value={kind} onChange={(e) => setKind(e.target.value as StakeholderReport)} data-testid="report-kind">
          <option value="biweekly">Bi-weekly status email</option>
          <option value="monthly">Monthly summary</option>
        </select>
        {(["text", "markdown", "html"] as StakeholderFormat[]).map((f) => (
          <button key={f} data-testid={`report-${f}`} onClick={() => void make(f)}>
            {f === "text" ? "Plain text" : f === "markdown" ? "Markdown" : "HTML"}
          </button>
        ))}
        {text && <button onClick={() => void navigator.clipboard?.writeText(text)}>Copy</button>}
      </div>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {text && <textarea readOnly rows={18} aria-label="Report" data-testid="report-output" value={text} />}
    </div>
  );
}
