import { describe, expect, it } from "vitest";
import { parseDate } from "../dates";
import { praktikFocus, praktikLengthCheck, praktikShortHours } from "./virksomhedspraktik";

const d = parseDate;

describe("VP-1 focus", () => {
  it("exactly one of the three", () => {
    expect(praktikFocus({ focus: ["clarification"] }, 0).value).toMatchObject({ ok: true, focus: "clarification" });
    expect(praktikFocus({ focus: ["clarification", "clarification"] }, 0).value.ok).toBe(true);
    expect(praktikFocus({ focus: [] }, 0).value.findings).toMatchObject([{ ruleId: "VP-1", severity: "error" }]);
    expect(praktikFocus({ focus: ["ordinaryHours", "cvCompetences"] }, 0).value.ok).toBe(false);
  });
});

describe("VP-2 short hours", () => {
  it("under 1 hour a day needs a recorded reason", () => {
    const s = (h: number, reason?: "citizenWish") => praktikShortHours({ start: d("2022-04-01"), hoursPerDay: h, ...(reason ? { shortHoursReason: reason } : {}) }, 0).value;
    expect(s(1)).toMatchObject({ short: false, ok: true });
    expect(s(0.75)).toMatchObject({ short: true, ok: false, findings: [{ ruleId: "VP-2", severity: "warning" }] });
    expect(s(0.75, "citizenWish")).toMatchObject({ short: true, ok: true, findings: [] });
  });
  it("not applicable before the legislation's dates", () => {
    expect(praktikShortHours({ start: d("2012-06-01"), hoursPerDay: 0.5 }, 0).value).toMatchObject({ ok: true, findings: [] });
  });
});

describe("VP-4 length (13/26 weeks, dated, unverified)", () => {
  const start = d("2022-04-01");
  const check = (initialWeeks: number, extensions: { weeks: number; assessment?: string; specialNeed?: boolean }[]) =>
    praktikLengthCheck({ start, initialWeeks, extensions }, 0).value;
  it("13 weeks, extended to 26 after an assessment", () => {
    expect(check(13, [])).toMatchObject({ totalWeeks: 13, ok: true });
    expect(check(14, []).ok).toBe(false);
    expect(check(13, [{ weeks: 13, assessment: "Vurdering" }])).toMatchObject({ totalWeeks: 26, ok: true });
    expect(check(13, [{ weeks: 13 }]).findings).toMatchObject([{ ruleId: "VP-4", severity: "error" }]);
  });
  it("beyond 26 only with et helt særligt behov, 13 weeks at a time", () => {
    expect(check(13, [{ weeks: 13, assessment: "a" }, { weeks: 13, assessment: "b", specialNeed: true }]).ok).toBe(true);
    expect(check(13, [{ weeks: 13, assessment: "a" }, { weeks: 14, assessment: "b", specialNeed: true }]).ok).toBe(false);
    expect(check(13, [{ weeks: 13, assessment: "a" }, { weeks: 4, assessment: "b" }]).ok).toBe(false);
    expect(check(13, [{ weeks: 20, assessment: "a", specialNeed: true }]).ok).toBe(true);
    expect(check(13, [{ weeks: 27, assessment: "a", specialNeed: true }]).ok).toBe(false);
  });
});
