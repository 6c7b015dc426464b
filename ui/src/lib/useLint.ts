import { useEffect, useState } from "react";
import type { LintFinding } from "../bindings/LintFinding";
import type { Api } from "./ipc";

/** Runs the core's checker on `text` as the user types (after a short pause). */
export function useLint(api: Api, text: string, delayMs = 120): LintFinding[] {
  const [findings, setFindings] = useState<LintFinding[]>([]);
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      if (!text.trim()) {
        setFindings([]);
        return;
      }
      api
        .lintCheck(text)
        .then((f) => live && setFindings(f))
        .catch(() => live && setFindings([]));
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [api, text, delayMs]);
  return text.trim() ? findings : [];
}
