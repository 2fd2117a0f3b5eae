import { describe, expect, it } from "vitest";
import { parseDate } from "../dates";
import {
  ageGroup,
  countedSpan,
  fuldtidspersoner,
  fuldtidspersonerPerMonth,
  indsatsgarantiFulfilled,
  sharePct,
  st4Definition,
  suppressCells,
  targetComparison,
} from "./statistics";

const d = parseDate;

describe("ST-1 fuldtidspersoner", () => {
  it("= days in forløb in the period / days in the period", () => {
    const v = fuldtidspersoner(
      {
        from: d("2024-01-01"),
        to: d("2024-12-31"),
        periods: [
          { from: d("2023-01-01"), to: d("2025-12-31") },
          { from: d("2024-07-01"), to: d("2024-12-31") },
        ],
      },
      0,
    ).value;
    expect(v).toBeCloseTo(1 + 184 / 366, 10);
  });

  it("splits a forløb crossing month ends, with February 2024 a leap month of 29 days", () => {
    // 15 Jan - 10 Mar 2024: 17 days of 31 in January, all 29 of February, 10 of 31 in March.
    const r = fuldtidspersonerPerMonth(
      [{ start: d("2024-01-15"), endedOn: d("2024-03-10") }],
      d("2024-01-01"),
      d("2024-04-01"),
      d("2024-12-31"),
    );
    expect(r.map((m) => m.month)).toEqual(["2024-01", "2024-02", "2024-03", "2024-04"]);
    expect(r.map((m) => m.days)).toEqual([17, 29, 10, 0]);
    expect(r.map((m) => m.daysInMonth)).toEqual([31, 29, 31, 30]);
    expect(r[0]!.value).toBeCloseTo(17 / 31, 12);
    expect(r[1]!.value).toBe(1);
    expect(r[2]!.value).toBeCloseTo(10 / 31, 12);
    expect(r[3]!.value).toBe(0);
  });

  it("February 2023 has 28 days, so 14 days are half a fuldtidsperson", () => {
    const r = fuldtidspersonerPerMonth(
      [{ start: d("2023-02-15"), endedOn: d("2023-02-28") }],
      d("2023-02-01"),
      d("2023-02-01"),
      d("2023-12-31"),
    );
    expect(r).toEqual([{ month: "2023-02", value: 0.5, days: 14, daysInMonth: 28 }]);
  });

  it("counts a forløb that is still open up to asOf (D-5), not to the end of the month", () => {
    const r = fuldtidspersonerPerMonth(
      [{ start: d("2024-02-20"), endedOn: null }],
      d("2024-02-01"),
      d("2024-04-01"),
      d("2024-03-15"),
    );
    // 20-29 Feb = 10 of 29 days; 1-15 Mar = 15 of 31 days; nothing in April, after asOf.
    expect(r.map((m) => m.days)).toEqual([10, 15, 0]);
    expect(r[0]!.value).toBeCloseTo(10 / 29, 12);
    expect(r[1]!.value).toBeCloseTo(15 / 31, 12);
  });

  it("adds up citizens: two full months and a half month in one month", () => {
    const r = fuldtidspersonerPerMonth(
      [
        { start: d("2024-01-01"), endedOn: d("2024-12-31") },
        { start: d("2024-06-01"), endedOn: null },
        { start: d("2024-06-16"), endedOn: d("2024-06-30") },
      ],
      d("2024-06-01"),
      d("2024-06-01"),
      d("2025-01-01"),
    );
    expect(r[0]!.value).toBe(2.5);
  });

  it("a forløb not yet begun, or ended after asOf, counts only up to asOf", () => {
    expect(countedSpan({ start: d("2024-05-01") }, d("2024-04-30"))).toBeNull();
    expect(countedSpan({ start: d("2024-05-01"), endedOn: d("2024-09-30") }, d("2024-06-30"))).toEqual({
      from: d("2024-05-01"),
      to: d("2024-06-30"),
    });
  });
});

describe("ST-2 breakdowns and small cells", () => {
  it("age groups, and the under/over 40 split", () => {
    expect(ageGroup(d("1995-01-02"), d("2025-01-01"))).toEqual({ group: "under30", over40: false });
    expect(ageGroup(d("1995-01-01"), d("2025-01-01"))).toEqual({ group: "30-39", over40: false });
    expect(ageGroup(d("1985-01-01"), d("2025-01-01"))).toEqual({ group: "40-49", over40: true });
    expect(ageGroup(d("1975-01-01"), d("2025-01-01"))).toEqual({ group: "50+", over40: true });
  });

  it("shows cells of 1-4 persons as <5, but not 0 or 5", () => {
    const r = suppressCells([{ persons: 0 }, { persons: 4 }, { persons: 5 }, { persons: 1 }], d("2025-01-01"), {
      totalShown: false,
    });
    expect(r.value).toEqual([false, true, false, true]);
    expect(r.explanation.parameters[0]?.value).toBe(5);
  });

  it("hides the smallest other cell when only one is hidden and the total is shown", () => {
    const r = suppressCells([{ persons: 30 }, { persons: 3 }, { persons: 8 }, { persons: 0 }], d("2025-01-01"), {
      totalShown: true,
    });
    expect(r.value).toEqual([false, true, true, false]);
    expect(r.explanation.reasoning).toContain("En celle mere skjules");
  });

  it("needs no second cell when two are already hidden or the total is not shown", () => {
    expect(
      suppressCells([{ persons: 2 }, { persons: 3 }, { persons: 40 }], d("2025-01-01"), { totalShown: true }).value,
    ).toEqual([true, true, false]);
    expect(suppressCells([{ persons: 2 }, { persons: 40 }], d("2025-01-01"), { totalShown: false }).value).toEqual([
      true,
      false,
    ]);
  });
});

describe("ST-4, ST-5, ST-6", () => {
  it("compares a share with the municipality's target (seed 004: 30 %)", () => {
    expect(st4Definition(d("2025-01-01"))).toMatchObject({
      defaultTargetPct: 30,
      virksomhedsrettetKinds: ["lab11", "lab12"],
    });
    expect(targetComparison(24.5, 30).value).toEqual({ met: false, differencePoints: -5.5 });
    expect(targetComparison(31, 30).value).toEqual({ met: true, differencePoints: 1 });
    expect(targetComparison(24.5, 30).explanation.reasoning).toContain("under målet på 30 %");
  });

  it("an intervention begun after the IG-1 deadline does not fulfil it (IG-4)", () => {
    expect(indsatsgarantiFulfilled(d("2022-10-01"), d("2022-10-01"))).toBe(true);
    expect(indsatsgarantiFulfilled(d("2022-10-01"), d("2022-10-02"))).toBe(false);
    expect(indsatsgarantiFulfilled(d("2022-10-01"), null)).toBe(false);
  });

  it("a share has nothing to divide by without a population", () => {
    expect(sharePct(63, 6300)).toBe(1);
    expect(sharePct(1, 0)).toBeNull();
  });
});
