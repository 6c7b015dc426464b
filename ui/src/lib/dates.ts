// Dates a person reads are local: the user's zone (the one the core uses too, so "today" and
// the dates on screen agree), never UTC.
let zone: string | undefined;

/** Sets the zone dates are shown in (the app's, from the core). */
export function setZone(name: string) {
  zone = name;
}

export function currentZone(): string | undefined {
  return zone;
}

const fmt = (opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(undefined, { ...opts, timeZone: zone });

/** "Mon 23 Nov 2026, 19:00" for a stored instant. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return fmt({ weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(d);
}

/** "19:00" for a stored instant. */
export function time(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : fmt({ hour: "2-digit", minute: "2-digit" }).format(d);
}

/** "Mon 23 Nov 2026" for a calendar date (`YYYY-MM-DD`, already local). */
export function day(ymd: string | null | undefined): string {
  if (!ymd) return "";
  const [y, m, d] = ymd.split("-").map(Number);
  if (!y || !m || !d) return ymd;
  return new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** The local calendar date (`YYYY-MM-DD`) of a stored instant. */
export function localDate(iso: string): string {
  const parts = fmt({ year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** `YYYY-MM-DDTHH:mm` for a datetime-local input, in the user's zone. */
export function toLocalInput(iso: string): string {
  const parts = fmt({ year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(
    new Date(iso),
  );
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/** The stored instant (RFC 3339 UTC) of a datetime-local value typed in the user's zone. */
export function fromLocalInput(local: string): string {
  const [date, t] = local.split("T");
  const [y, m, d] = (date ?? "").split("-").map(Number);
  const [hh, mm] = (t ?? "").split(":").map(Number);
  if (!y || !m || !d || hh === undefined || mm === undefined || Number.isNaN(hh) || Number.isNaN(mm)) return "";
  // Find the UTC instant whose local rendering in `zone` is the typed one (two passes settle
  // the offset, also across a DST change).
  let guess = Date.UTC(y, m - 1, d, hh, mm);
  for (let i = 0; i < 2; i++) {
    const shown = toLocalInput(new Date(guess).toISOString());
    const [sd, st] = shown.split("T");
    const [sy, sm, sdd] = (sd ?? "").split("-").map(Number);
    const [sh, smin] = (st ?? "").split(":").map(Number);
    const diff = Date.UTC(y, m - 1, d, hh, mm) - Date.UTC(sy!, sm! - 1, sdd!, sh!, smin!);
    guess += diff;
  }
  return new Date(guess).toISOString().replace(/\.\d{3}Z$/, "Z");
}
