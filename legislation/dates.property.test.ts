import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, addYears, ageAt, daysInMonth, formatDate, fromYmd, parseDate, toYmd, wholeMonthsBetween } from "./dates";

const day = fc.integer({ min: fromYmd(1850, 1, 1), max: fromYmd(2150, 12, 31) });

describe("dates (properties)", () => {
  it("format and parse are inverse", () => {
    fc.assert(fc.property(day, (n) => parseDate(formatDate(n)) === n));
  });
  it("addMonths keeps the day or clamps to the month's last day", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -600, max: 600 }), (n, m) => {
        const a = toYmd(n);
        const b = toYmd(addMonths(n, m));
        expect((b.year - a.year) * 12 + (b.month - a.month)).toBe(m);
        expect(b.day).toBe(Math.min(a.day, daysInMonth(b.year, b.month)));
      }),
    );
  });
  it("ageAt(birth, birth + n years) is exactly n years", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 120 }), (b, n) => {
        expect(ageAt(b, addYears(b, n))).toEqual({ years: n, months: 0 });
        if (n > 0) expect(ageAt(b, addYears(b, n) - 1).years).toBe(n - 1);
      }),
    );
  });
  it("wholeMonthsBetween is the largest m with addMonths(from, m) <= on", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2000 }), (from, k) => {
        const on = from + k;
        const m = wholeMonthsBetween(from, on);
        expect(addMonths(from, m)).toBeLessThanOrEqual(on);
        expect(addMonths(from, m + 1)).toBeGreaterThan(on);
      }),
    );
  });
});
