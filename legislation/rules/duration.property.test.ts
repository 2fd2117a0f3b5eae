import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromYmd } from "../dates";
import { effectiveEnd } from "./duration";
import { extendPastExcludedDays, extendPastExcludedDaysNaive } from "./excluded-days";

const day = fc.integer({ min: fromYmd(2013, 1, 1), max: fromYmd(2030, 12, 31) });
const range = fc.tuple(day, fc.integer({ min: 0, max: 400 })).map(([from, len]) => ({ from, to: from + len }));

describe("D-4 / IG-2 extension (properties)", () => {
  it("the effective end is never before the planned end, and moves by exactly the barsel days counted", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 1500 }), fc.array(range, { maxLength: 6 }), (start, len, barsel) => {
        const r = effectiveEnd({ start, plannedEnd: start + len, barsel }, start).value;
        expect(r.effectiveEndDay).toBeGreaterThanOrEqual(start + len);
        expect(r.effectiveEndDay - (start + len)).toBe(r.barselDays);
      }),
    );
  });
  it("the ordered walk equals the naive 'count, add, recount until stable' definition", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), fc.array(range, { maxLength: 5 }), fc.option(fc.integer({ min: 0, max: 900 })), (start, len, ranges, clip) => {
        const clipEnd = clip === null ? Number.POSITIVE_INFINITY : start + clip;
        expect(extendPastExcludedDays(start, start + len, ranges, clipEnd)).toEqual(extendPastExcludedDaysNaive(start, start + len, ranges, clipEnd));
      }),
      { numRuns: 200 },
    );
  });
  it("the moved date is never itself an excluded day", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), fc.array(range, { maxLength: 5 }), (start, len, ranges) => {
        const r = extendPastExcludedDays(start, start + len, ranges);
        for (const x of ranges) if (x.from >= start) expect(r.date >= x.from && r.date <= x.to).toBe(false);
      }),
    );
  });
});
