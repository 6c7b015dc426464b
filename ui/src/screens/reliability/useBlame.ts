import { useEffect, useState } from "react";
import type { LintFinding } from "../../bindings/LintFinding";
import type { Api } from "../../lib/ipc";

/** Runs the core's blame check on postmortem prose as it is typed. Findings are returned only
 * for the text they were computed on (spans are byte offsets into it). */
export function useBlame(api: Api, text: string, delayMs = 250): LintFinding[] {
  const [result, setResult] = useState<{ text: string; findings: LintFinding[] }>({ text: "", findings: [] });
  useEffect(() => {
    if (!text.trim()) return;
    let live = true;
    const t = setTimeout(() => {
      api.lint_prose({ text }).then(
        (findings) => live && setResult({ text, findings }),
        () => undefined,
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [api, text, delayMs]);
  return result.text === text ? result.findings : [];
}
