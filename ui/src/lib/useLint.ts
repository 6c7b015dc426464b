import { useEffect, useState } from "react";
import type { LintFinding } from "../bindings/LintFinding";
import type { Api } from "./ipc";

/** Runs the core's checker on `text` as the user types (after a short pause). Findings are
 * only returned for the text they were computed on, so stale spans never mark wrong words;
 * `null` means the check for the current text has not answered yet. */
export function useLint(api: Api, text: string, delayMs = 120): LintFinding[] | null {
  const [result, setResult] = useState<{ text: string; findings: LintFinding[] }>({ text: "", findings: [] });
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      if (!text.trim()) return;
      api
        .lint_check({ question: text })
        .then((findings) => live && setResult({ text, findings }))
        .catch(() => live && setResult({ text, findings: [] }));
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [api, text, delayMs]);
  if (!text.trim()) return [];
  return result.text === text ? result.findings : null;
}
