import type { SprintDay } from "../../bindings/SprintDay";

/** "Day 2 of 5", or on a weekend inside the sprint, how many working days are behind. */
export function sprintDayLabel(d: SprintDay): string {
  return d.working ? `Day ${d.day} of ${d.of}` : `Weekend · ${d.day} of ${d.of} days done`;
}

/** "Mon 23" (weekday, then day) for a calendar date (`YYYY-MM-DD`): short enough for a chart axis or a day picker. */
export function shortDay(ymd: string): string {
  const [y, m, d] = ymd.split("-").map(Number);
  if (!y || !m || !d) return ymd;
  const parts = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", timeZone: "UTC" }).formatToParts(new Date(Date.UTC(y, m - 1, d)));
  const part = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${part("weekday")} ${part("day")}`;
}
