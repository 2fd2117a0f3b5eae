import { describe, expect, it } from "vitest";
import { describeChange, diffPlans } from "./plan-diff";
import {
  countsForIndsatsgaranti,
  isFleksjobBasis,
  isFleksjobTitle,
  minimumPeriodEnd,
  planNotes,
  PlanInput,
  samePlan,
  toContent,
  type PlanContent,
} from "./plan";

const base: PlanContent = {
  format: 1,
  goal: { type: "overall", text: "Lager og logistik" },
  delmaal: [{ id: "d1", area: "health", text: "Færre smerter", reason: "Smerter begrænser arbejdstiden" }],
  interventions: [
    {
      id: "i1",
      title: "Virksomhedspraktik",
      legalBasis: "lab11",
      provider: "Jobcentret",
      shortTermGoal: "Afklare timetal",
      form: "offer",
      plannedStart: "2025-10-01",
      plannedEnd: null,
    },
  ],
  followUp: { how: "Hver måned" },
  mentor: { has: false, name: null, contact: null, role: null, tasks: [] },
  period: { from: "2025-09-01", to: "2026-02-28" },
};

const input = (c: PlanContent, over: Record<string, unknown> = {}) =>
  PlanInput.parse({ ...c, version: 1, changeNote: null, mentor: { ...c.mentor }, ...over });

let n = 0;
const newId = () => `new-${++n}`;

describe("PL-7: fleksjob is never an intervention", () => {
  it.each([
    ["Fleksjob", true],
    ["Fleksjob hos Bilka, 12 timer", true],
    ["fleks-job i kommunen", true],
    ["Ansættelse i fleksjob", true],
    ["Virksomhedspraktik med henblik på fleksjob", false],
    ["Afklaring af muligheder for fleksjob", false],
    ["Kursus i stresshåndtering", false],
  ])("title %j is a fleksjob: %s", (title, expected) => {
    expect(isFleksjobTitle(title)).toBe(expected);
  });

  it("recognises a fleksjob basis however it is spelled", () => {
    expect(isFleksjobBasis("fleksjob")).toBe(true);
    expect(isFleksjobBasis("Fleks job")).toBe(true);
    expect(isFleksjobBasis("lab12")).toBe(false);
  });
});

describe("PL-5: at least 6 months", () => {
  it("uses the legislation's month arithmetic, month ends clamped", () => {
    expect(minimumPeriodEnd("2025-09-01")).toBe("2026-02-28");
    expect(minimumPeriodEnd("2025-08-31")).toBe("2026-02-27");
    expect(minimumPeriodEnd("2024-02-29")).toBe("2024-08-28");
  });
});

describe("stable ids", () => {
  it("keeps known ids, never trusts unknown ones, and gives a row without id the id of an identical earlier row", () => {
    const c = toContent(
      input(base, {
        interventions: [
          { ...base.interventions[0], id: undefined },
          { ...base.interventions[0], id: "forged", title: "Kursus" },
        ],
        delmaal: [{ ...base.delmaal[0], id: "d1" }],
      }),
      base,
      newId,
    );
    expect(c.interventions.map((i) => i.id)).toEqual(["i1", "new-1"]);
    expect(c.delmaal[0]!.id).toBe("d1");
  });

  it("a duplicated id keeps it once; the copy gets a new id", () => {
    const c = toContent(
      input(base, { interventions: [base.interventions[0], { ...base.interventions[0], title: "Kopi" }] }),
      base,
      newId,
    );
    expect(c.interventions[0]!.id).toBe("i1");
    expect(c.interventions[1]!.id).not.toBe("i1");
  });

  it("compares plans regardless of the key order jsonb returns", () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as unknown as PlanContent;
    expect(samePlan(base, reordered)).toBe(true);
    expect(samePlan(base, { ...base, goal: { ...base.goal, text: "Andet" } })).toBe(false);
  });
});

describe("diff", () => {
  it("describes the first revision as all added", () => {
    const lines = diffPlans(null, base).map(describeChange);
    expect(lines).toEqual([
      "Målet er tilføjet",
      "Delmål «Sundhed: Færre smerter» er tilføjet",
      "Indsats «Virksomhedspraktik» er tilføjet",
      "Opfølgningen er tilføjet",
      "Mentoren er tilføjet",
      "Planperioden er tilføjet",
    ]);
  });

  it("names changed fields of the mentor, period and a renamed intervention", () => {
    const b: PlanContent = {
      ...base,
      interventions: [{ ...base.interventions[0]!, title: "Praktik i Netto", form: "agreed" }],
      mentor: { has: true, name: "Mads", contact: null, role: "Støtte", tasks: ["Transport", "Opkald"] },
      period: { ...base.period, to: "2026-03-31" },
    };
    const lines = diffPlans(base, b).map(describeChange);
    expect(lines).toContain(
      "Indsats «Virksomhedspraktik» er ændret: Indsats: Virksomhedspraktik → Praktik i Netto; Tilbud eller aftalt aktivitet: Tilbud → Aftalt aktivitet – ikke et tilbud",
    );
    expect(lines).toContain(
      "Mentoren er ændret: Har mentor: Nej → Ja; Navn: (tom) → Mads; Rolle: (tom) → Støtte; Opgaver og fokusområder (prioriteret): (tom) → 1. Transport\n2. Opkald",
    );
    expect(lines).toContain("Planperioden er ændret: Til: 28.02.2026 → 31.03.2026");
    expect(diffPlans(base, base)).toEqual([]);
  });
});

describe("notes and the indsatsgaranti", () => {
  it("counts only offers under LAB kap. 11, 12, 14, serviceloven and sundhedsloven for IG-1 (from 2022)", () => {
    const i = base.interventions[0]!;
    expect(countsForIndsatsgaranti(i, "2025-01-01")).toBe(true);
    expect(countsForIndsatsgaranti({ ...i, form: "agreed" }, "2025-01-01")).toBe(false);
    expect(countsForIndsatsgaranti({ ...i, legalBasis: "lab26mentor" }, "2025-01-01")).toBe(false);
    expect(countsForIndsatsgaranti(i, "2021-06-01")).toBe(false);
  });

  it("points at missing delmål areas (PL-2), no mentor (MT-1) and a period past the forløb's end (D-3)", () => {
    const notes = planNotes(
      { ...base, period: { from: "2025-09-01", to: "2027-12-31" } },
      { startDate: "2025-09-01", plannedEnd: "2027-08-31" },
      "2025-09-10",
    );
    expect(notes.map((x) => x.ruleId)).toEqual(["PL-2", "MT-1", "D-3"]);
    expect(notes[0]!.message).toContain("beskæftigelse, uddannelse, socialt");
  });
});
