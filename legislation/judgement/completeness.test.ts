import { describe, expect, it } from "vitest";
import { completeness } from "./completeness";

const fullGrant = {
  purpose: "grant",
  tg1: { conclusion: "met", areas: ["employment", "health"], reason: "Angst og smerter; ingen tilknytning" },
  tg2: { conclusion: "met", conditions: ["effortWithoutEffect"], reason: "Praktik uden effekt 2023" },
  tg3: {
    conclusion: "exhausted",
    measures: [
      { measure: "Løntilskud", status: "considered", whyFutile: "Kan ikke møde stabilt" },
      { measure: "Mentor", status: "tried", whyFutile: "Uden effekt efter 6 måneder" },
    ],
    reason: "Ordinær indsats udtømt",
  },
  tg4: {
    conclusion: "present",
    interventions: [{ description: "Psykologforløb", expectedBenefit: "Bedre håndtering af angst" }],
    signsFor: ["Motiveret"],
    signsAgainst: [],
    qualityOfLifeOnly: false,
    goal: "fleksjob",
    reason: "Realistisk udvikling mod fleksjob",
  },
  tg5: {
    obviouslyEntitledToFoertidspension: false,
    obviouslyFutile: false,
    overallAssessment: { healthInformation: true, functionalCapacity: true, otherCircumstances: true },
    reason: "Helhedsvurdering",
  },
  tg8: { refusedForMissingFleksjobAssessment: false, fleksjobPlannedAsIntervention: false, reason: "Ingen fleksjob i planen" },
};

describe("completeness", () => {
  it("a complete grant has nothing missing", () => {
    expect(completeness(fullGrant)).toEqual([]);
  });
  it("names each missing section with its rule ID, in Danish", () => {
    const { tg3: _tg3, tg4: _tg4, ...partial } = fullGrant;
    const missing = completeness(partial);
    expect(missing.map((m) => [m.ruleId, m.path])).toEqual([
      ["TG-3", "tg3"],
      ["TG-4", "tg4"],
    ]);
    expect(missing[0]?.message).toMatch(/^Mangler: /);
  });
  it("names missing reasons and fields by path", () => {
    const m = completeness({ ...fullGrant, tg3: { ...fullGrant.tg3, reason: "", measures: [{ measure: "Mentor", status: "tried" }] } });
    expect(m.map((x) => x.path).sort()).toEqual(["tg3.measures[0].whyFutile", "tg3.reason"]);
    expect(m.every((x) => x.ruleId === "TG-3")).toBe(true);
  });
  it("checks the content: TG-1 areas, TG-3 measures, TG-4 quality of life, TG-5 overall assessment", () => {
    const m = completeness({
      ...fullGrant,
      tg1: { ...fullGrant.tg1, areas: ["health"] },
      tg3: { ...fullGrant.tg3, measures: [] },
      tg4: { ...fullGrant.tg4, qualityOfLifeOnly: true },
      tg5: { ...fullGrant.tg5, overallAssessment: { healthInformation: true, functionalCapacity: false, otherCircumstances: false } },
    });
    expect(m.map((x) => x.ruleId).sort()).toEqual(["TG-1", "TG-3", "TG-4", "TG-5"]);
  });
  it("TG-7: no need for a coordinating caseworker is never a valid refusal ground", () => {
    const m = completeness({ purpose: "refusal", tg7: { grounds: ["notInTargetGroup", "noNeedForCoordinatingCaseworker"], reason: "r" } });
    expect(m).toEqual([expect.objectContaining({ ruleId: "TG-7", path: "tg7.grounds[1]" })]);
    expect(completeness({ purpose: "refusal" })).toEqual([expect.objectContaining({ ruleId: "TG-7", path: "tg7" })]);
  });
  it("TG-8 and TG-9", () => {
    const m = completeness({
      ...fullGrant,
      tg8: { refusedForMissingFleksjobAssessment: true, fleksjobPlannedAsIntervention: true, reason: "r" },
      tg9: { startedFromApplication: true, allFormsOfHelpAssessed: false, refusedToConsider: true, reason: "r" },
    });
    expect(m.map((x) => x.path).sort()).toEqual([
      "tg8.fleksjobPlannedAsIntervention",
      "tg8.refusedForMissingFleksjobAssessment",
      "tg9.allFormsOfHelpAssessed",
      "tg9.klagevejledningGiven",
      "tg9.reasoningAnswersRequest",
    ]);
  });
  it("E-2: the move to kontanthjælp needs the documented assessment", () => {
    expect(completeness({ purpose: "kontanthjaelp" })).toEqual([expect.objectContaining({ ruleId: "E-2", path: "e2" })]);
    const m = completeness({ purpose: "kontanthjaelp", e2: { documented: true, evidence: [], notInTargetGroupFor: ["fleksjob"], reason: "r" } });
    expect(m.map((x) => x.message).join(" ")).toContain("dokumentationen");
    expect(m).toHaveLength(3);
  });
  it("FU-4: a sanction needs no reasonable ground, exhausted contact attempts and an effect on availability", () => {
    const base = {
      date: "2024-03-01",
      contactAttempts: [],
      reasonableGround: { exists: true, reason: "Indlagt" },
      allReasonableAttemptsExhausted: false,
      sanctionWouldImproveAvailability: false,
      sanctionProposed: true,
    };
    const m = completeness({ purpose: "sanction", fu4: [base] });
    expect(m.map((x) => x.path).sort()).toEqual([
      "fu4[0].allReasonableAttemptsExhausted",
      "fu4[0].reasonableGround.kind",
      "fu4[0].sanctionProposed",
      "fu4[0].sanctionWouldImproveAvailability",
    ]);
    expect(completeness({ purpose: "sanction", fu4: [{ ...base, date: "2024-02-30", sanctionProposed: false, reasonableGround: { exists: false, reason: "r" } }] })).toEqual([
      expect.objectContaining({ path: "fu4[0].date" }),
    ]);
    expect(completeness({ purpose: "sanction", fu4: [] })).toEqual([expect.objectContaining({ path: "fu4" })]);
  });
  it("accepts any draft without throwing", () => {
    for (const v of [null, 1, "x", [], {}, { purpose: "grant", tg1: "nonsense" }, { purpose: "grant", fu4: {} }]) {
      expect(Array.isArray(completeness(v))).toBe(true);
    }
    expect(completeness({})[0]?.path).toBe("purpose");
  });
});
