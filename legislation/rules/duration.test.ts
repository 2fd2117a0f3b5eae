import { describe, expect, it } from "vitest";
import { formatDate, parseDate } from "../dates";
import {
  checkDuration,
  effectiveEnd,
  endOfMonths,
  forloebLength,
  forloebStatus,
  monthsUsed,
  newForloebLimits,
  nextStepDeadline,
  noExtension,
  repeatForloebCheck,
} from "./duration";

const d = parseDate;

describe("lengths", () => {
  it("a forløb of N months ends on start + N months − 1 day", () => {
    expect(formatDate(endOfMonths(d("2022-03-01"), 24))).toBe("2024-02-29");
    expect(formatDate(endOfMonths(d("2022-08-31"), 6))).toBe("2023-02-27");
  });
  it("measures months and days; a started month counts towards a cap", () => {
    expect(forloebLength({ start: d("2022-05-10"), plannedEnd: d("2025-05-09") })).toEqual({ months: 36, days: 0 });
    expect(forloebLength({ start: d("2022-03-01"), plannedEnd: d("2025-03-01") })).toEqual({ months: 36, days: 1 });
    expect(monthsUsed({ start: d("2022-03-01"), plannedEnd: d("2025-03-01") })).toBe(37);
    expect(monthsUsed({ start: d("2022-03-01"), plannedEnd: d("2025-02-28") })).toBe(36);
  });
});

describe("D-1/D-2/D-7 duration check", () => {
  const check = (start: string, end: string, decidedOn?: string) =>
    checkDuration({ start: d(start), plannedEnd: d(end), ...(decidedOn ? { decidedOn: d(decidedOn) } : {}) }, d(start), "F").value;
  it("R2022: 12 to 36 months", () => {
    expect(check("2022-03-01", "2023-02-28").findings).toEqual([]);
    expect(check("2022-03-01", "2023-02-27").findings).toMatchObject([{ ruleId: "D-2", severity: "error" }]);
    expect(check("2022-03-01", "2025-02-28").findings).toEqual([]);
    expect(check("2022-03-01", "2025-03-01").findings).toMatchObject([{ ruleId: "D-2", severity: "error" }]);
  });
  it("R2013: 12 to 60 months; over 36 runs to its end under D-7", () => {
    expect(check("2019-01-01", "2023-12-31")).toMatchObject({ maxMonths: 60, runsToEndUnderTransition: true, findings: [{ ruleId: "D-7", severity: "info" }] });
    expect(check("2019-01-01", "2024-01-01").findings).toMatchObject([{ ruleId: "D-1", severity: "error" }]);
    expect(check("2019-01-01", "2021-12-31").findings).toEqual([]);
  });
  it("D-7: granted before 2022, starting from 2022, over 3 years: new decision", () => {
    expect(check("2022-01-01", "2025-12-31", "2021-11-01").findings).toMatchObject([{ ruleId: "D-7", severity: "error" }]);
    expect(check("2022-01-01", "2025-12-31", "2022-01-01").findings).toMatchObject([{ ruleId: "D-2", severity: "error" }]);
  });
});

describe("D-3 no extension", () => {
  it("flags a later planned end", () => {
    expect(noExtension({ decidedEnd: d("2023-02-28"), plannedEnd: d("2023-03-01") }, 0, "F").value).toMatchObject({
      extended: true,
      findings: [{ ruleId: "D-3", severity: "error" }],
    });
    expect(noExtension({ decidedEnd: d("2023-02-28"), plannedEnd: d("2023-02-28") }, 0).value.extended).toBe(false);
    expect(noExtension({ decidedEnd: d("2023-02-28"), plannedEnd: d("2023-01-31") }, 0).value.extended).toBe(false);
    expect(noExtension({ plannedEnd: d("2023-01-31") }, 0).value.extended).toBe(false);
  });
});

describe("D-4 barsel", () => {
  const end = (barsel: [string, string][]) =>
    effectiveEnd({ start: d("2022-03-01"), plannedEnd: d("2023-02-28"), barsel: barsel.map(([a, b]) => ({ from: d(a), to: d(b) })) }, 0).value;
  it("moves the end by the barsel days in the forløb, until stable", () => {
    expect(end([])).toMatchObject({ effectiveEnd: "2023-02-28", barselDays: 0, findings: [] });
    expect(end([["2022-06-01", "2022-08-31"]])).toMatchObject({ effectiveEnd: "2023-05-31", barselDays: 92 });
    expect(end([["2023-02-01", "2023-03-31"]])).toMatchObject({ effectiveEnd: "2023-04-28", barselDays: 59 });
    expect(end([["2023-03-01", "2023-03-31"]])).toMatchObject({ effectiveEnd: "2023-02-28", barselDays: 0 });
    expect(end([["2023-02-28", "2023-02-28"]])).toMatchObject({ effectiveEnd: "2023-03-01", barselDays: 1 });
    expect(end([["2023-02-28", "2023-02-28"], ["2023-03-01", "2023-03-01"]])).toMatchObject({ effectiveEnd: "2023-03-02", barselDays: 2 });
  });
  it("overlapping barsel periods count once", () => {
    expect(end([["2022-06-01", "2022-06-30"], ["2022-06-15", "2022-07-15"]])).toMatchObject({ barselDays: 45 });
  });
});

describe("D-5 status", () => {
  const s = (asOf: string, extra: Record<string, number> = {}) =>
    forloebStatus({ start: d("2022-03-01"), effectiveEnd: d("2023-02-28"), ...extra }, d(asOf)).value.status;
  it("planned, running, continuesUntilDecision, ended", () => {
    expect(s("2022-02-28")).toBe("planned");
    expect(s("2022-03-01")).toBe("running");
    expect(s("2023-02-28")).toBe("running");
    expect(s("2023-03-01")).toBe("continuesUntilDecision");
    expect(s("2023-03-01", { nextStepDecidedOn: d("2023-03-01") })).toBe("ended");
    expect(s("2023-03-01", { nextStepDecidedOn: d("2023-03-02") })).toBe("continuesUntilDecision");
    expect(s("2022-06-01", { endedOn: d("2022-05-31") })).toBe("ended");
  });
});

describe("D-6 lead time", () => {
  it("presentBy = effective end − lead weeks; after the team's abolition the sundhedskoordinator", () => {
    const a = nextStepDeadline({ start: d("2022-03-01"), effectiveEnd: d("2024-02-29"), teamLeadWeeks: 8 }, d("2023-01-01")).value;
    expect(a).toMatchObject({ decideBy: "2024-02-29", presentBy: "2024-01-04", presentTo: "rehabiliteringsteam", findings: [] });
    const b = nextStepDeadline({ start: d("2025-09-01"), effectiveEnd: d("2026-08-31"), teamLeadWeeks: 8 }, d("2026-07-06")).value;
    expect(b).toMatchObject({ presentTo: "sundhedskoordinator", findings: [{ ruleId: "D-6", severity: "warning" }] });
    expect(b.findings[0]?.message).toContain("sundhedskoordinator");
  });
  it("letters say 'kommunen' from 2026-02-01 and 'jobcenteret' before", () => {
    const before = nextStepDeadline({ start: d("2024-01-01"), effectiveEnd: d("2025-01-01") }, d("2025-02-01")).value.findings[0]?.message;
    const after = nextStepDeadline({ start: d("2025-01-01"), effectiveEnd: d("2026-01-01") }, d("2026-02-01")).value.findings[0]?.message;
    expect(before).toContain("Jobcenteret");
    expect(after).toContain("Kommunen");
  });
});

describe("new forløb limits (D-1, D-2, TG-6, TG-10)", () => {
  const limits = (birth: string, start: string, earlier: [string, string][] = [], wishes = false) =>
    newForloebLimits(
      {
        birthDate: d(birth),
        start: d(start),
        decisionDate: d(start),
        earlier: earlier.map(([a, b]) => ({ start: d(a), plannedEnd: d(b) })),
        wishesNewForloeb: wishes,
        folkepensionDate: d("2100-01-01"),
      },
      d(start),
    ).value;
  it("golden: first forløb of 3 years from the 39th birthday → next at most 24 months", () => {
    expect(limits("1983-05-10", "2025-05-10", [["2022-05-10", "2025-05-09"]])).toMatchObject({
      allowed: true,
      requiresCitizenWish: false,
      maxMonths: 24,
      maxMonthsWithWish: 36,
    });
  });
  it("the cap counts a running forløb only up to the new start", () => {
    expect(limits("1983-05-10", "2024-05-10", [["2022-05-10", "2025-05-09"]]).maxMonths).toBe(36);
  });
  it("under 40 no cap; from 50 one forløb; R2013 over 40 one as a rule", () => {
    expect(limits("1990-01-01", "2025-01-01", [["2020-01-01", "2024-12-31"]]).maxMonths).toBe(36);
    expect(limits("1970-01-01", "2025-01-01", [["2022-01-01", "2022-12-31"]])).toMatchObject({ requiresCitizenWish: true, maxMonths: 0 });
    expect(limits("1970-01-01", "2018-01-01", [["2014-01-01", "2014-12-31"]])).toMatchObject({ requiresCitizenWish: true, maxMonthsWithWish: 60 });
  });
  it("the age limits use the age at the start (birthday counts)", () => {
    expect(limits("1975-01-01", "2024-12-31", [["2022-01-01", "2022-12-31"]]).wishReasons).toEqual([]);
    expect(limits("1975-01-01", "2025-01-01", [["2022-01-01", "2022-12-31"]]).wishReasons).toEqual(["oneForloebFromAge"]);
  });
  it("TG-10: nothing from 2026-02-01", () => {
    expect(limits("1990-01-01", "2026-02-01")).toMatchObject({ allowed: false, maxMonths: 0, maxMonthsWithWish: 0 });
  });
});

describe("D-1/D-2 repeated forløb", () => {
  it("from 50 the second forløb needs the wish (error under R2022, warning under R2013)", () => {
    const r = (start: string, wished: boolean) =>
      repeatForloebCheck(
        {
          birthDate: d("1965-01-01"),
          forloeb: { start: d(start), plannedEnd: d(start) + 400 },
          earlier: [{ start: d("2014-01-01"), plannedEnd: d("2014-12-31") }],
          citizenWished: wished,
        },
        0,
        "F",
      ).value;
    expect(r("2022-01-01", false).findings).toMatchObject([{ ruleId: "D-2", severity: "error" }]);
    expect(r("2022-01-01", true).findings).toEqual([]);
    expect(r("2016-01-01", false).findings).toMatchObject([{ ruleId: "D-1", severity: "warning" }]);
  });
});
