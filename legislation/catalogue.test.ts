import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listGoldenCases, REPO_ROOT } from "../tests/golden/cases";
import { CATALOGUE, catalogueEntry } from "./catalogue";
import { isValidDate } from "./dates";

/** Every rule ID of shared/spec/rules.md. */
const RULES_MD_IDS = [
  ...range("TG", 10),
  "PA-1",
  ...range("P", 9),
  ...range("PL", 7),
  ...range("FU", 4),
  ...range("IG", 6),
  ...range("D", 7),
  ...range("E", 4),
  ...range("MT", 5),
  ...range("VP", 4),
  ...range("SK", 3),
  ...range("Y", 5),
  ...range("A", 3),
  ...range("ST", 7),
];

/** The computable rules named in issue 3. */
const ISSUE_3_COMPUTED = [
  "PA-1", "TG-6", "TG-10",
  ...range("D", 7),
  ...range("IG", 6),
  "FU-1", "FU-2", "FU-3",
  "MT-3", "VP-1", "VP-2", "SK-1", "SK-2", "E-2", "A-1", "A-2",
  ...range("Y", 5),
];

function range(g: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${g}-${i + 1}`);
}

describe("rule catalogue", () => {
  it("has exactly the rules of rules.md, once each", () => {
    expect(CATALOGUE.map((r) => r.id).sort()).toEqual([...RULES_MD_IDS].sort());
    expect(RULES_MD_IDS).toHaveLength(75);
  });

  it("when shared/spec/rules.md is next to the repo, its IDs are exactly these", () => {
    const spec = join(REPO_ROOT, "..", "shared", "spec", "rules.md");
    const ids = existsSync(spec) ? [...new Set(readFileSync(spec, "utf8").match(/\*\*([A-Z]+-\d+)\*\*/g)!.map((s) => s.slice(2, -2)))] : RULES_MD_IDS;
    expect(ids.sort()).toEqual([...RULES_MD_IDS].sort());
  });

  it("every computable rule of issue 3 is computed and tested", () => {
    for (const id of ISSUE_3_COMPUTED) {
      const r = catalogueEntry(id);
      expect(r?.kind, id).toBe("computed");
      expect(r?.tests.length, id).toBeGreaterThan(0);
    }
  });

  it("every listed test file exists", () => {
    for (const r of CATALOGUE) for (const t of r.tests) expect(existsSync(join(REPO_ROOT, t)), `${r.id}: ${t}`).toBe(true);
  });

  it("every entry has Danish text, a basis, a valid period and a kind", () => {
    for (const r of CATALOGUE) {
      expect(r.titleDa.length, r.id).toBeGreaterThan(3);
      expect(r.summaryDa.length, r.id).toBeGreaterThan(20);
      expect(r.basis.length, r.id).toBeGreaterThan(2);
      expect(isValidDate(r.inForce.from), r.id).toBe(true);
      if (r.inForce.to) expect(r.inForce.to > r.inForce.from).toBe(true);
      expect(["computed", "judgement", "procedure"]).toContain(r.kind);
      expect(r.group).toBe(r.id.split("-")[0]);
    }
  });

  it("judgement rules are the ones the system never decides", () => {
    const judgement = CATALOGUE.filter((r) => r.kind === "judgement").map((r) => r.id);
    expect(judgement.sort()).toEqual(["FU-4", "TG-1", "TG-2", "TG-3", "TG-4", "TG-5", "TG-7", "TG-8", "TG-9"]);
  });

  it("verified is derived from the citations and parameters", () => {
    for (const id of ["PA-1", "TG-10", "Y-5", "A-1", "A-2", "VP-4"]) expect(catalogueEntry(id)?.verified, id).toBe(false);
    for (const id of ["IG-2", "IG-4", "FU-3", "D-3", "D-4"]) expect(catalogueEntry(id)?.verified, id).toBe(true);
  });

  it("golden files listed for a rule contain a case for it, and every rule in a golden case lists a golden file", () => {
    const cases = listGoldenCases();
    for (const r of CATALOGUE) {
      for (const t of r.tests.filter((x) => x.endsWith(".yaml"))) {
        expect(cases.some((c) => c.file === t && c.ruleIds.includes(r.id)), `${r.id} in ${t}`).toBe(true);
      }
    }
    for (const id of new Set(cases.flatMap((c) => c.ruleIds))) {
      const r = catalogueEntry(id);
      expect(r, id).toBeDefined();
      expect(r?.tests.some((t) => t.startsWith("tests/golden/")), id).toBe(true);
    }
  });

  it("is sorted by group as in rules.md, then by number", () => {
    expect(CATALOGUE[0]?.id).toBe("TG-1");
    expect(CATALOGUE.at(-1)?.id).toBe("ST-7");
  });
});
