import { useState } from "react";
import type { Roadmap } from "../../bindings/Roadmap";
import type { StakeholderFormat } from "../../bindings/StakeholderFormat";
import type { StakeholderReport } from "../../bindings/StakeholderReport";
import { ExportPanel, type FormatChoice } from "../../components/ExportPanel";
import type { Api } from "../../lib/ipc";

const FORMATS: FormatChoice<StakeholderFormat>[] = [
  { id: "text", label: "plain text" },
  { id: "markdown", label: "Markdown" },
  { id: "html", label: "HTML" },
];

/** Stakeholder reports generated from the roadmap (not the spreadsheet), ready to send. */
export function ReportsTab({ api, roadmap }: { api: Api; roadmap: Roadmap }) {
  const [kind, setKind] = useState<StakeholderReport>("biweekly");
  return (
    <>
      <select aria-label="Report" value={kind} onChange={(e) => setKind(e.target.value as StakeholderReport)} data-testid="report-kind">
        <option value="biweekly">Bi-weekly status email</option>
        <option value="monthly">Monthly summary</option>
      </select>
      <ExportPanel
        key={kind}
        load={(format) => api.roadmapReport(roadmap.id, kind, format)}
        formats={FORMATS}
        label={kind === "biweekly" ? "Status email" : "Monthly summary"}
        testId="report"
      />
    </>
  );
}
