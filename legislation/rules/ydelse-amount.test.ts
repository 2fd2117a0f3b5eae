import { describe, expect, it } from "vitest";
import { parseDate, parseYearMonth } from "../dates";
import { buildRateTable } from "../parameters/ydelse-rates";
import { ressourceforloebsydelse, type YdelseFacts } from "./ydelse-amount";

function facts(month: string, o: Partial<YdelseFacts> = {}): YdelseFacts {
  const m = parseYearMonth(month)!;
  return {
    monthFirst: m.first,
    monthLast: m.last,
    birthDate: parseDate("1985-01-01"),
    forsoerger: false,
    livingWithParents: false,
    previousBenefit: "kontanthjaelp",
    incomes: [],
    ...o,
  };
}
const y = (month: string, o: Partial<YdelseFacts> = {}) => ressourceforloebsydelse(facts(month, o), facts(month).monthFirst);

describe("Y-5 rates", () => {
  it("each year's own rate, never another year's, never 0", () => {
    expect(y("2015-06").value.baseAmount).toBe(10849);
    expect(y("2024-12").value.baseAmount).toBe(12326);
    for (const m of ["2016-06", "2018-01", "2019-12", "2025-01", "2026-02"]) {
      const v = y(m).value;
      expect(v).toMatchObject({ baseAmount: null, payable: null });
      expect(v.findings).toMatchObject([{ ruleId: "Y-5", severity: "error" }]);
      expect(v.findings[0]?.message).toContain(m.slice(0, 4));
    }
  });
  it("admin-entered rates are merged; a later entry wins for its year", () => {
    const cite = { law: "LAS", paragraph: "§ 69 j", source: "bm.dk 2025" };
    const rates = buildRateTable([
      { year: 2025, category: "ikkeForsoerger", amount: 12500, citation: cite },
      { year: 2024, category: "ikkeForsoerger", amount: 12400, citation: cite },
    ]);
    expect(y("2025-03", { rates }).value.payable).toBe(12500);
    const r = y("2024-03", { rates });
    expect(r.value.payable).toBe(12400);
    const y5 = r.explanation.children.find((c) => c.ruleId === "Y-5");
    expect(y5?.parameters.find((p) => p.name === "ydelse.rate.ikkeForsoerger")?.citation).toEqual(cite);
  });
  it("shows the weekly → monthly formula in the explanation", () => {
    const r = y("2024-03", { previousBenefit: "sygedagpenge", sygedagpengeEnd: parseDate("2024-12-31") });
    expect(r.value.baseAmount).toBe(20345);
    const y5 = r.explanation.children.find((c) => c.ruleId === "Y-5");
    expect(y5?.reasoning).toContain("× 52 / 12");
    expect(y5?.parameters.find((p) => p.name === "ydelse.weeklyToMonthly")?.citation.verified).toBe(false);
  });
});

describe("Y-1 level", () => {
  it("by previous benefit, age and household", () => {
    expect(y("2024-03", { forsoerger: true }).value.level).toBe("forsoerger");
    expect(y("2024-03", { birthDate: parseDate("2000-03-02"), livingWithParents: true }).value.level).toBe("hjemmeboendeUnder25");
    expect(y("2024-03", { birthDate: parseDate("2000-03-02"), livingWithParents: false }).value.level).toBe("ikkeForsoerger");
    expect(y("2024-03", { previousBenefit: "ledighedsydelse" }).value).toMatchObject({ level: "ledighedsydelse", baseAmount: 18135 });
    expect(y("2024-03", { previousBenefit: "foertidspension" }).value).toMatchObject({ level: "foertidspension", payable: null });
  });
  it("the citizen's own weekly rate is used when given", () => {
    expect(y("2024-03", { previousBenefit: "ledighedsydelse", previousWeeklyRate: 3000 }).value.baseAmount).toBe(13000);
  });
  it("sygedagpenge: level until the end date, prorated by days in the month", () => {
    const v = y("2024-02", { previousBenefit: "sygedagpenge", sygedagpengeEnd: parseDate("2024-02-29") }).value;
    expect(v.segments).toHaveLength(1);
    const mixed = y("2024-02", { previousBenefit: "sygedagpenge", sygedagpengeEnd: parseDate("2024-02-28") }).value;
    expect(mixed.segments.map((s) => s.level)).toEqual(["sygedagpenge", "ikkeForsoerger"]);
    expect(mixed.segments[1]?.amount).toBe(425.03);
    expect(y("2024-03", { previousBenefit: "sygedagpenge", sygedagpengeEnd: parseDate("2024-02-29") }).value.level).toBe("ikkeForsoerger");
    expect(y("2024-03", { previousBenefit: "sygedagpenge" }).value.findings.map((f) => f.ruleId)).toContain("Y-1");
  });
});

describe("Y-3 deductions", () => {
  it("contract example: 2024-03 forsørger wage 20000 → 14359.65", () => {
    const v = y("2024-03", { forsoerger: true, incomes: [{ kind: "wage", amount: 20000 }] }).value;
    expect(v).toMatchObject({ baseAmount: 16382, deductions: [{ ruleId: "Y-3", kind: "wage", amount: 2022.35 }], payable: 14359.65 });
  });
  it("the wage rule is dated: 30 %/55 % before 2022, 55 % above from 2022", () => {
    expect(y("2021-12", { incomes: [{ kind: "wage", amount: 10000 }] }).value.deductions[0]?.amount).toBe(3000);
    expect(y("2022-01", { incomes: [{ kind: "wage", amount: 10000 }] }).value.deductions[0]?.amount).toBe(0);
  });
  it("other income krone for krone; payable never below 0", () => {
    expect(y("2024-03", { incomes: [{ kind: "other", amount: 0.01 }] }).value.payable).toBe(12325.99);
    const v = y("2024-03", { incomes: [{ kind: "other", amount: 99999 }] }).value;
    expect(v.payable).toBe(0);
    expect(v.findings.map((f) => f.ruleId)).toContain("Y-4");
  });
  it("the hourly deduction has a rate for 2024 only", () => {
    expect(y("2024-03", { offerHours: 1 }).value.deductions).toEqual([{ ruleId: "Y-3", kind: "offerHours", amount: 17.86 }]);
    expect(y("2022-03", { offerHours: 1 }).value).toMatchObject({ payable: null, findings: [{ ruleId: "Y-5" }] });
  });
});
