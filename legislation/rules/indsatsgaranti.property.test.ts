import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromYmd } from "../dates";
import { indsatsgaranti } from "./indsatsgaranti";

const day = fc.integer({ min: fromYmd(2022, 1, 1), max: fromYmd(2026, 12, 31) });
const excluded = fc
  .tuple(fc.constantFrom("fritagelse" as const, "standby" as const), day, fc.integer({ min: 0, max: 200 }))
  .map(([kind, from, len]) => ({ kind, from, to: from + len }));

describe("IG-2 (properties)", () => {
  it("adding excluded days never moves the deadline earlier", () => {
    fc.assert(
      fc.property(day, fc.array(excluded, { maxLength: 4 }), excluded, (start, periods, extra) => {
        const base = { start, effectiveEnd: start + 1095, interventions: [] };
        const before = indsatsgaranti({ ...base, periods }, start).value.deadline as string;
        const after = indsatsgaranti({ ...base, periods: [...periods, extra] }, start).value.deadline as string;
        expect(after >= before).toBe(true);
      }),
    );
  });
  it("the deadline is at least start + 6 months and moves by exactly the counted days", () => {
    fc.assert(
      fc.property(day, fc.array(excluded, { maxLength: 4 }), (start, periods) => {
        const v = indsatsgaranti({ start, effectiveEnd: start + 1095, periods, interventions: [] }, start).value;
        const plain = indsatsgaranti({ start, effectiveEnd: start + 1095, periods: [], interventions: [] }, start).value;
        expect((v.deadline as string) >= (plain.deadline as string)).toBe(true);
        expect(Date.UTC(...ymd(v.deadline as string)) - Date.UTC(...ymd(plain.deadline as string))).toBe(v.extensionDays * 86400000);
      }),
    );
  });
});

// Test-only cross-check with an independent calendar (JS Date in UTC); the rules never use it.
function ymd(s: string): [number, number, number] {
  const [y, m, dd] = s.split("-").map(Number) as [number, number, number];
  return [y, m - 1, dd];
}
