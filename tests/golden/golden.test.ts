import { describe, expect, it } from "vitest";
import { EvaluateOutputSchema, evaluateUnknown } from "../../legislation/evaluate";
import { YdelseOutputSchema, ydelseUnknown } from "../../legislation/ydelse";
import {
  checkGoldenIssues,
  checkGoldenOutput,
  isInvalidCase,
  listGoldenCases,
  runRuleCase,
  type GoldenCase,
} from "./cases";

const cases = listGoldenCases();

function run(c: GoldenCase) {
  if (c.contract === "evaluate") return evaluateUnknown(c.input);
  if (c.contract === "ydelse") return ydelseUnknown(c.input);
  return { ok: true as const, value: runRuleCase(c) };
}

describe("golden scenarios", () => {
  it("has cases in every file, each named", () => {
    expect(cases.length).toBeGreaterThan(100);
    for (const c of cases) expect(c.name.length).toBeGreaterThan(5);
  });

  for (const c of cases) {
    it(`${c.file}: ${c.name}`, () => {
      const r = run(c);
      if (isInvalidCase(c)) {
        expect(r.ok, "invalid input must give issues").toBe(false);
        if (!r.ok) expect(checkGoldenIssues(c, r.issues)).toEqual([]);
        return;
      }
      if (!r.ok) throw new Error(`unexpected issues: ${JSON.stringify(r.issues)}`);
      expect(checkGoldenOutput(c, r.value)).toEqual([]);
      // The output always satisfies the published output schema.
      if (c.contract === "evaluate") expect(EvaluateOutputSchema.safeParse(r.value).success).toBe(true);
      if (c.contract === "ydelse") expect(YdelseOutputSchema.safeParse(r.value).success).toBe(true);
    });
  }
});
