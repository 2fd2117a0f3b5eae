import { describe, expect, it } from "vitest";
import * as z from "zod";
import { evaluate, EvaluateInputSchema, EvaluateOutputSchema, evaluateUnknown, parseEvaluateInput } from "./evaluate";

const example = {
  asOf: "2022-09-15",
  citizen: { birthDate: "1980-01-01", wishesNewForloeb: false },
  forloeb: [{ id: "F1", start: "2022-03-01", plannedEnd: "2024-02-29", decidedOn: "2022-02-20" }],
  periods: [{ kind: "fritagelse", from: "2022-04-01", to: "2022-04-30" }],
  interventions: [{ kind: "lab11", start: "2022-09-20", inPlan: true }],
  conversations: [{ date: "2022-03-08", mode: "personal", held: true }],
};

describe("evaluate contract", () => {
  it("evaluates the evaluate.md example (folkepensionsalder per rules.md PA-1: 70)", () => {
    const p = parseEvaluateInput(example);
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    const out = evaluate(p.value);
    expect(out).toMatchObject({
      asOf: "2022-09-15",
      folkepensionsalder: { age: { years: 70, months: 0 }, date: "2050-01-01" },
      sixYearLine: "2044-01-01",
      forloeb: [
        {
          id: "F1",
          regime: "R2022",
          effectiveEnd: "2024-02-29",
          indsatsgaranti: { status: "pending", deadline: "2022-10-01" },
          conversations: { windowEnd: "2022-08-31", required: 4, held: 1, status: "breached" },
        },
      ],
      newForloeb: { allowed: true, requiresCitizenWish: false, maxMonths: 36, minMonths: 12 },
    });
    expect(out.findings).toEqual([
      expect.objectContaining({ ruleId: "FU-1", severity: "error", basis: expect.stringContaining("LAB") }),
    ]);
    expect(EvaluateOutputSchema.safeParse(out).success).toBe(true);
  });
  it("returns explanation trees naming rules, citations and parameters with their periods", () => {
    const r = evaluateUnknown(example);
    if (!r.ok) throw new Error("invalid");
    const ids = new Set<string>();
    const walk = (e: (typeof r.value.explanations)[number]) => {
      ids.add(e.ruleId);
      expect(e.citations.length).toBeGreaterThan(0);
      for (const p of e.parameters) expect(p.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      e.children.forEach(walk);
    };
    r.value.explanations.forEach(walk);
    for (const id of ["PA-1", "TG-6", "D-4", "IG-1", "IG-2", "FU-1", "D-5", "D-6"]) expect(ids).toContain(id);
  });
  it("is pure: the same input gives the same output, and the input is not changed", () => {
    const input = structuredClone(example);
    const a = evaluateUnknown(input);
    const b = evaluateUnknown(input);
    expect(a).toEqual(b);
    expect(input).toEqual(example);
  });
  it("derives the birth date from a CPR number with or without the dash", () => {
    for (const cpr of ["010180-1234", "0101801234"]) {
      const r = evaluateUnknown({ ...example, citizen: { cpr } });
      expect(r.ok && r.value.citizen.birthDate).toBe("1980-01-01");
    }
  });
  it("never echoes the CPR number in the output or in issues", () => {
    const ok = evaluateUnknown({ ...example, citizen: { cpr: "0101801234" } });
    expect(JSON.stringify(ok)).not.toContain("1234");
    const bad = evaluateUnknown({ ...example, citizen: { cpr: "3102801234" } });
    expect(JSON.stringify(bad)).not.toContain("3102801234");
  });
  it("reports every semantic problem with its path", () => {
    const r = parseEvaluateInput({
      asOf: "2022-02-30",
      citizen: { birthDate: "2030-01-01" },
      forloeb: [
        { id: "A", start: "2022-03-01", plannedEnd: "2022-02-01", decidedEnd: "2022-01-01" },
        { id: "A", start: "2012-06-01", plannedEnd: "2013-06-01", nextStepDecidedOn: "2022-02-29" },
      ],
      periods: [{ kind: "barsel", from: "2022-05-01", to: "2022-04-01" }],
      interventions: [{ kind: "lab11", start: "2022-05-01", end: "2022-04-01", inPlan: true, offeredOn: "2022-04-31" }],
      conversations: [{ date: "2021-02-29", mode: "phone", held: true }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => i.path).sort()).toEqual(
        [
          "asOf",
          "conversations[0].date",
          "forloeb[0].decidedEnd",
          "forloeb[0].plannedEnd",
          "forloeb[1].id",
          "forloeb[1].nextStepDecidedOn",
          "forloeb[1].start",
          "interventions[0].end",
          "interventions[0].offeredOn",
          "periods[0].to",
        ].sort(),
      );
  });
  it("a birth date after asOf is an issue", () => {
    const r = parseEvaluateInput({ ...example, citizen: { birthDate: "2023-01-01" } });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(["citizen.birthDate"]);
  });
  it("defaults the lists and ignores unknown fields", () => {
    const r = evaluateUnknown({ asOf: "2022-09-15", citizen: { birthDate: "1980-01-01" }, extra: true });
    expect(r.ok && r.value.forloeb).toEqual([]);
  });
  it("the input schema converts to JSON Schema (for OpenAPI)", () => {
    const js = z.toJSONSchema(EvaluateInputSchema, { io: "input" }) as { required: string[] };
    expect(js.required).toEqual(["asOf", "citizen"]);
    expect(() => z.toJSONSchema(EvaluateOutputSchema)).not.toThrow();
  });
});
