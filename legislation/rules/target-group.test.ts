import { describe, expect, it } from "vitest";
import { parseDate } from "../dates";
import { grantAllowed, seniorRule, sixYearLine } from "./target-group";

const d = parseDate;

describe("TG-6 six-year line", () => {
  it("is the folkepensionsdato minus 6 years, from 2022", () => {
    expect(sixYearLine({ birthDate: d("1962-06-10") }, d("2022-01-01")).value.line).toBe("2023-06-10");
    expect(sixYearLine({ birthDate: d("1980-01-01") }, d("2022-01-01")).value.line).toBe("2044-01-01");
    expect(sixYearLine({ birthDate: d("1954-03-31") }, d("2022-01-01")).value.line).toBe("2013-09-30");
  });
  it("does not exist before 2022 (no senior rule under R2013)", () => {
    expect(sixYearLine({ birthDate: d("1962-06-10") }, d("2021-12-31")).value.line).toBeNull();
  });
});

describe("TG-6 for a forløb", () => {
  const base = { birthDate: d("1962-06-10"), citizenWished: false };
  it("start before the line: no wish needed", () => {
    const r = seniorRule({ ...base, start: d("2023-06-09") }, d("2023-06-09"), "F");
    expect(r.value).toMatchObject({ requiresCitizenWish: false, findings: [] });
  });
  it("start on the line: needs the wish", () => {
    const r = seniorRule({ ...base, start: d("2023-06-10") }, d("2023-06-10"), "F");
    expect(r.value.requiresCitizenWish).toBe(true);
    expect(r.value.findings).toMatchObject([{ ruleId: "TG-6", severity: "error", forloebId: "F" }]);
    expect(seniorRule({ ...base, start: d("2023-06-10"), citizenWished: true }, d("2023-06-10")).value.findings).toEqual([]);
  });
  it("transition: granted in 2021, starting 2022 with fewer than 6 years left", () => {
    const r = seniorRule({ birthDate: d("1958-02-01"), start: d("2022-01-01"), decidedOn: d("2021-11-15"), citizenWished: false }, d("2022-01-01"));
    expect(r.value).toMatchObject({ requiresCitizenWish: true, transitional: true });
    expect(r.value.findings[0]?.message).toContain("2022-01-01");
    expect(r.value.findings[0]?.basis).toContain("§9");
  });
  it("transition: begun before 2022 continues", () => {
    const r = seniorRule({ birthDate: d("1958-02-01"), start: d("2021-12-31"), decidedOn: d("2021-11-15"), citizenWished: false }, d("2022-01-01"));
    expect(r.value).toMatchObject({ requiresCitizenWish: false, transitional: false, findings: [] });
  });
});

describe("TG-10 grants after the abolition", () => {
  it("allowed on 2026-01-31, not on 2026-02-01", () => {
    expect(grantAllowed({ decisionDate: d("2026-01-31") }, d("2026-01-31")).value.allowed).toBe(true);
    const r = grantAllowed({ decisionDate: d("2026-02-01") }, d("2026-02-01"), "F");
    expect(r.value.allowed).toBe(false);
    expect(r.value.findings).toMatchObject([{ ruleId: "TG-10", severity: "error" }]);
    expect(r.explanation.parameters[0]).toMatchObject({ from: "2026-02-01", value: false });
  });
  it("a decision before the legislation existed is a warning, not a crash", () => {
    const r = grantAllowed({ decisionDate: d("2012-12-20") }, d("2013-01-01"), "F");
    expect(r.value.allowed).toBe(false);
    expect(r.value.findings[0]?.severity).toBe("warning");
  });
});
