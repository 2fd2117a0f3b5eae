import { describe, expect, it } from "vitest";
import * as z from "zod";
import { parseYdelseInput, ydelse, YdelseInputSchema, YdelseOutputSchema, ydelseUnknown } from "./ydelse";

const base = {
  month: "2024-03",
  citizen: { birthDate: "1985-01-01" },
  forsoerger: true,
  livingWithParents: false,
  previousBenefit: "kontanthjaelp",
  sygedagpengeEnd: null,
  incomes: [{ kind: "wage", amount: 20000 }],
};

describe("ydelse contract", () => {
  it("matches the contract example and the output schema", () => {
    const p = parseYdelseInput(base);
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    const out = ydelse(p.value);
    expect(out).toMatchObject({ month: "2024-03", level: "forsoerger", baseAmount: 16382, payable: 14359.65, findings: [] });
    expect(out.deductions).toEqual([{ ruleId: "Y-3", kind: "wage", amount: 2022.35 }]);
    expect(YdelseOutputSchema.safeParse(out).success).toBe(true);
    expect(out.explanation.children.map((c) => c.ruleId)).toEqual(["Y-1", "Y-3", "Y-5"]);
  });
  it("accepts a CPR number instead of the birth date, and extra fields", () => {
    const r = ydelseUnknown({ ...base, citizen: { cpr: "0101851232" }, somethingElse: 1 });
    expect(r.ok).toBe(true);
  });
  it("names every bad field by its path, in Danish", () => {
    const r = parseYdelseInput({ ...base, month: "2024-13", citizen: { cpr: "3102851234" }, incomes: [{ kind: "gift", amount: 1 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path).sort()).toEqual(["citizen.cpr", "incomes[0].kind", "month"]);
      for (const i of r.issues) expect(i.message).toMatch(/[a-zæøå]/);
    }
  });
  it("rejects a month before 2013, a duplicated admin rate and a sygedagpengeEnd that does not exist", () => {
    const cite = { law: "LAS", paragraph: "§", source: "s" };
    const r = parseYdelseInput({
      ...base,
      month: "2012-12",
      sygedagpengeEnd: "2024-02-30",
      extraRates: [
        { year: 2025, category: "forsoerger", amount: 1, citation: cite },
        { year: 2025, category: "forsoerger", amount: 2, citation: cite },
      ],
    });
    expect(r.ok ? [] : r.issues.map((i) => i.path).sort()).toEqual(["extraRates[1]", "month", "sygedagpengeEnd"]);
  });
  it("the input schema converts to JSON Schema (for OpenAPI)", () => {
    const js = z.toJSONSchema(YdelseInputSchema, { io: "input" }) as { properties: Record<string, unknown> };
    expect(Object.keys(js.properties)).toEqual(expect.arrayContaining(["month", "citizen", "previousBenefit", "incomes"]));
  });
});
