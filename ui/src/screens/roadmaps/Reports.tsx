import { useState } from "react";
import type { Roadmap } from "../../bindings/Roadmap";
import type { StakeholderReport } from "../../bindings/StakeholderReport";
import { ReportPanel } from "../../components/ReportPanel";
import type { Api } from "../../lib/ipc";

/** Stakeholder reports generated from the roadmap (not the spreadsheet), ready to send. */
export function ReportsTab({ api, roadmap }: { api: Api; roadmap: Roadmap }) {
  const [kind, setKind] = useState<StakeholderReport>("biweekly");
  return (
    <>
      <select aria-label="Report" value={kind} onChange={(e) => setKind(e.target.value as StakeholderReport)} data-testid="report-kind">
        <option value="biweekly">Bi-weekly status email</option>
        <option value="monthly">Monthly summary</option>
      </select>
      <ReportPanel
        key={kind}
        api={api}
        request={{ kind: "stakeholder", roadmap_id: roadmap.id, report: kind }}
        label={kind === "biweekly" ? "Status email" : "Monthly summary"}
        testId="report"
      />
    </>
  );
}
