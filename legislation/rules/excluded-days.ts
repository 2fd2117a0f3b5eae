import type { DayNumber } from "../dates";

export interface DayRange {
  from: DayNumber;
  to: DayNumber;
}

/** Merge inclusive ranges (after clipping to [lo, hi]) into sorted, disjoint ranges. */
export function mergeRanges(ranges: readonly DayRange[], lo: DayNumber, hi: DayNumber): DayRange[] {
  const clipped: DayRange[] = [];
  for (const r of ranges) {
    const from = Math.max(r.from, lo);
    const to = Math.min(r.to, hi);
    if (to >= from) clipped.push({ from, to });
  }
  clipped.sort((a, b) => a.from - b.from);
  const out: DayRange[] = [];
  for (const r of clipped) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

export interface Extension {
  /** The moved date. */
  date: DayNumber;
  /** Excluded days counted. */
  days: number;
}

/**
 * Move `base` later by the excluded days that fall in [windowStart, date], recomputed until
 * stable (evaluate.md; IG-2 and D-4). Days count up to and including the moving date, so the
 * result is never itself an excluded day: it is the date on which as many non-excluded days
 * have passed since windowStart as there are days in [windowStart, base].
 *
 * Walking the merged ranges in order gives the same least fixed point as repeating
 * "count, add, recount" (tested against that naive loop), in O(n log n).
 */
export function extendPastExcludedDays(
  windowStart: DayNumber,
  base: DayNumber,
  ranges: readonly DayRange[],
  clipEnd: DayNumber = Number.POSITIVE_INFINITY,
): Extension {
  let date = base;
  let days = 0;
  for (const r of mergeRanges(ranges, windowStart, clipEnd)) {
    if (r.from > date) break;
    const n = r.to - r.from + 1;
    days += n;
    date += n;
  }
  return { date, days };
}

/** The naive definition, used by tests to check extendPastExcludedDays. */
export function extendPastExcludedDaysNaive(
  windowStart: DayNumber,
  base: DayNumber,
  ranges: readonly DayRange[],
  clipEnd: DayNumber = Number.POSITIVE_INFINITY,
): Extension {
  const excluded = new Set<number>();
  for (const r of ranges) {
    for (let d = Math.max(r.from, windowStart); d <= Math.min(r.to, clipEnd); d++) excluded.add(d);
  }
  let days = 0;
  for (;;) {
    const date = base + days;
    let count = 0;
    for (const d of excluded) if (d >= windowStart && d <= date) count++;
    if (count === days) return { date, days };
    days = count;
  }
}
