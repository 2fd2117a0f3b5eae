import { describe, expect, it } from "vitest";
import { missingForTeam } from "~/modules/cases";
import { completeJudgement, DEMO_PREPARATORY } from "~/platform/demo/demo-judgement";

describe("demo visitation facts", () => {
  it("are complete enough to go to the team, from the municipality and from an application", () => {
    for (const origin of ["municipality", "application"] as const) {
      const judgement = completeJudgement(origin === "application" ? { fromApplication: "Ressourceforløb" } : {});
      expect(
        missingForTeam({ judgement, origin, bisidderInformedOn: "2026-01-05", preparatory: DEMO_PREPARATORY }),
      ).toEqual([]);
    }
  });

  it("are reported missing piece by piece when absent", () => {
    const missing = missingForTeam({ judgement: {}, origin: "application", bisidderInformedOn: null, preparatory: {} });
    const ids = new Set(missing.map((m) => m.ruleId));
    for (const id of ["TG-1", "TG-2", "TG-3", "TG-4", "TG-5", "TG-8", "TG-9", "P-1"]) expect(ids).toContain(id);
  });
});
