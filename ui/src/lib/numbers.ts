// Figures as people read them, shared by every screen that shows a share or a count.

/** 0.999 → "99.9%"; up to `digits` decimals (four by default), none when whole. */
export function pct(fraction: number | null | undefined, digits = 4): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return "—";
  const p = Math.round(fraction * 100 * 10 ** digits) / 10 ** digits;
  return `${p.toLocaleString(undefined, { maximumFractionDigits: digits })}%`;
}

/** A count or figure with separators and at most `digits` decimals. */
export function num(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "—";
  return x.toLocaleString(undefined, { maximumFractionDigits: digits });
}
