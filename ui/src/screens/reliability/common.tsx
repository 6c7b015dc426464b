// Words and small pieces every reliability screen shares.
import type { ReactNode } from "react";
import type { PolicyState } from "../../bindings/PolicyState";
import { currentZone } from "../../lib/dates";

export const STATE_LABELS: Record<PolicyState, string> = {
  ok: "OK",
  watch: "Watch",
  reliability_first: "Reliability first",
  freeze: "Freeze",
};

/** The policy state as a coloured badge (colour is never the only signal: the word is there). */
export function StateBadge({ state, testId }: { state: PolicyState; testId?: string }) {
  return (
    <span className={`state-badge state-${state}`} data-testid={testId} data-state={state}>
      {STATE_LABELS[state]}
    </span>
  );
}

export { pct, num } from "../../lib/numbers";

/** "12 Nov" for an instant, in the app's zone. */
export function shortDate(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: currentZone() }).format(new Date(iso));
}

/** A labelled figure in a row of figures. */
export function Figure({ label, value, testId, tone, small }: { label: string; value: ReactNode; testId?: string; tone?: "warn" | "danger" | "ok"; small?: boolean }) {
  return (
    <div className={`rel-figure${tone ? ` ${tone}` : ""}${small ? " small-value" : ""}`}>
      <span className="rel-figure-value" data-testid={testId}>
        {value}
      </span>
      <span className="rel-figure-label">{label}</span>
    </div>
  );
}

/** Runs a call, turning a failure into a message; resolves the result or `null`. */
export async function attempt<T>(p: Promise<T>, onError: (m: string) => void): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    onError(e instanceof Error ? e.message : String(e));
    return null;
  }
}
