import { describe, expect, it } from "vitest";
import { danishMunicipality } from "~/modules/statistik/municipalities";
import { DEMO_HISTORY_MUNICIPALITIES } from "~/platform/demo/national/demo-history.db.server";

describe("the demo history's real municipalities", () => {
  it("have the names and approximate populations of the list of the 98", () => {
    for (const m of DEMO_HISTORY_MUNICIPALITIES) {
      const real = danishMunicipality(m.code);
      expect(real, m.code).toBeDefined();
      expect(m.name).toBe(real!.name);
      expect(m.population).toBe(real!.population);
    }
  });
});
