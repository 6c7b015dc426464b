import type { SprintDay } from "../../bindings/SprintDay";

/** "Day 2 of 5", or on a weekend inside the sprint, how many working days are behind. */
export function sprintDayLabel(d: SprintDay): string {
  return d.working ? `Day ${d.day} of ${d.of}` : `Weekend · ${d.day} of ${d.of} days done`;
}
