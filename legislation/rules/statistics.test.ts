import { describe, expect, it } from "vitest";
import { parseDate } from "../dates";
import { ageGroup, fuldtidspersoner } from "./statistics";

const d = parseDate;

describe("ST-1 and ST-2", () => {
  it("fuldtidspersoner = days in forløb in the period / days in the period", () => {
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
  it("age groups", () => {
    expect(ageGroup(d("1995-01-02"), d("2025-01-01"))).toEqual({ group: "under30", over40: false });
    expect(ageGroup(d("1995-01-01"), d("2025-01-01"))).toEqual({ group: "30-39", over40: false });
    expect(ageGroup(d("1985-01-01"), d("2025-01-01"))).toEqual({ group: "40-49", over40: true });
    expect(ageGroup(d("1975-01-01"), d("2025-01-01"))).toEqual({ group: "50+", over40: true });
  });
});
