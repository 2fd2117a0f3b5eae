import { describe, expect, it } from "vitest";
import { isVerified, MissingCitationError } from "./citation";
import { dated, InvalidParameterError, NotInForce, resolve, tryResolve } from "./dated";
import { parseDate } from "./dates";
import { ALL_PARAMETERS } from "./parameters/index";
import { folkepensionsalderTable } from "./parameters/pension-age";
import { wageDeductionRule, weeklyToMonthly } from "./parameters/ydelse-deductions";
import { builtInRateTable, buildRateTable } from "./parameters/ydelse-rates";
import { newGrantsAllowed, rehabiliteringsteamExists } from "./parameters/phase-out";
import { regimeOn, REGIME_DEFINITIONS } from "./regimes";

const cite = { law: "LAB", paragraph: "§ 1", source: "test" };

describe("dated parameters", () => {
  const p = dated<number>("test.p", "Test", [
    { from: "2015-01-01", to: "2015-12-31", value: 1, citation: cite },
    { from: "2017-01-01", value: 2, citation: { ...cite, verified: false } },
    { from: "2020-01-01", value: null, citation: cite },
    { from: "2021-01-01", value: 3, citation: cite },
  ]);

  it("resolves the entry in force with its period and citation", () => {
    expect(resolve(p, "2015-06-30")).toEqual({ name: "test.p", value: 1, from: "2015-01-01", to: "2015-12-31", citation: cite });
    expect(resolve(p, parseDate("2019-12-31"))).toMatchObject({ value: 2, from: "2017-01-01", to: "2019-12-31" });
    expect(resolve(p, "2030-01-01")).toMatchObject({ value: 3, to: null });
  });
  it("throws NotInForce before, in gaps and on null — never 0 or a neighbour", () => {
    for (const on of ["2014-12-31", "2016-01-01", "2016-12-31", "2020-06-01"]) {
      let err: unknown;
      try {
        resolve(p, on);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(NotInForce);
      expect(err).toMatchObject({ param: "test.p", date: on });
    }
    expect(tryResolve(p, "2016-06-01")).toBeNull();
  });
  it("rejects an entry without a citation, or with an empty one", () => {
    expect(() => dated("x", "x", [{ from: "2020-01-01", value: 1, citation: undefined as never }])).toThrow(MissingCitationError);
    expect(() => dated("x", "x", [{ from: "2020-01-01", value: 1, citation: { law: "LAB", paragraph: "", source: "s" } }])).toThrow(
      MissingCitationError,
    );
    expect(() => dated("x", "x", [{ from: "2020-01-01", value: 1, citation: { law: "LAB", paragraph: "§ 1" } as never }])).toThrow(
      MissingCitationError,
    );
  });
  it("rejects unsorted, overlapping or invalid entries", () => {
    expect(() => dated("x", "x", [])).toThrow(InvalidParameterError);
    expect(() =>
      dated("x", "x", [
        { from: "2021-01-01", value: 1, citation: cite },
        { from: "2020-01-01", value: 2, citation: cite },
      ]),
    ).toThrow(InvalidParameterError);
    expect(() =>
      dated("x", "x", [
        { from: "2020-01-01", to: "2021-06-01", value: 1, citation: cite },
        { from: "2021-01-01", value: 2, citation: cite },
      ]),
    ).toThrow(InvalidParameterError);
    expect(() => dated("x", "x", [{ from: "2023-02-29", value: 1, citation: cite }])).toThrow(InvalidParameterError);
    expect(() => dated("x", "x", [{ from: "2023-02-01", to: "2023-01-01", value: 1, citation: cite }])).toThrow(InvalidParameterError);
  });
  it("a parameter module without a citation fails at module load", async () => {
    await expect(import("./parameters/__fixtures__/missing-citation.fixture")).rejects.toThrow(MissingCitationError);
  });
});

describe("the legislation's parameters", () => {
  it("every entry of every parameter is cited", () => {
    expect(ALL_PARAMETERS.length).toBeGreaterThan(20);
    for (const param of ALL_PARAMETERS) {
      for (const e of param.entries) {
        expect(e.citation.law.trim(), param.name).not.toBe("");
        expect(e.citation.paragraph.trim(), param.name).not.toBe("");
        expect(e.citation.source.trim(), param.name).not.toBe("");
      }
    }
    expect(new Set(ALL_PARAMETERS.map((p) => p.name)).size).toBe(ALL_PARAMETERS.length);
  });
  it("values marked [verify] in rules.md carry verified: false", () => {
    const unverified = (x: { entries: readonly { citation: { verified?: boolean } }[] }) => x.entries.every((e) => !isVerified(e.citation as never));
    expect(unverified(folkepensionsalderTable)).toBe(true);
    expect(unverified(weeklyToMonthly)).toBe(true);
    for (const c of Object.values(builtInRateTable)) expect(unverified(c)).toBe(true);
    expect(resolve(wageDeductionRule, "2022-01-01").citation.verified).toBe(false);
    expect(resolve(newGrantsAllowed, "2026-02-01").citation.verified).toBe(false);
    expect(resolve(rehabiliteringsteamExists, "2026-07-01").citation.verified).toBe(false);
  });
  it("rates are per year: a missing year is not in force, a present one is", () => {
    expect(resolve(builtInRateTable.forsoerger, "2024-12-31").value).toBe(16382);
    expect(tryResolve(builtInRateTable.forsoerger, "2025-01-01")).toBeNull();
    expect(tryResolve(builtInRateTable.forsoerger, "2016-06-01")).toBeNull();
    expect(tryResolve(builtInRateTable.hjemmeboendeUnder25, "2021-06-01")).toBeNull();
    expect(tryResolve(builtInRateTable.wageThreshold, "2023-06-01")).toBeNull();
    const withExtra = buildRateTable([{ year: 2025, category: "forsoerger", amount: 1, citation: cite }]);
    expect(resolve(withExtra.forsoerger, "2025-06-01")).toMatchObject({ value: 1, citation: cite });
    expect(resolve(withExtra.forsoerger, "2024-06-01").value).toBe(16382);
  });
  it("the wage deduction rule changes on 2022-01-01", () => {
    expect(resolve(wageDeductionRule, "2021-12-31").value).toEqual({ belowThresholdBp: 3000, aboveThresholdBp: 5500 });
    expect(resolve(wageDeductionRule, "2022-01-01").value).toEqual({ belowThresholdBp: 0, aboveThresholdBp: 5500 });
  });
});

describe("regimes", () => {
  it.each([
    ["2013-01-01", "R2013"],
    ["2018-06-01", "R2013"],
    ["2021-12-31", "R2013"],
    ["2022-01-01", "R2022"],
    ["2026-01-31", "R2022"],
    ["2026-02-01", "R2026"],
    ["2040-01-01", "R2026"],
  ])("%s is %s", (on, id) => expect(regimeOn(on).value).toBe(id));
  it("nothing before 2013", () => expect(() => regimeOn("2012-12-31")).toThrow(NotInForce));
  it("records R2018 as a clarification and R2026 as unverified", () => {
    expect(REGIME_DEFINITIONS.find((r) => r.id === "R2018")?.kind).toBe("clarification");
    expect(REGIME_DEFINITIONS.find((r) => r.id === "R2026")?.citation.verified).toBe(false);
    expect(REGIME_DEFINITIONS.find((r) => r.id === "R2022")?.citation.law).toContain("1160");
  });
});
