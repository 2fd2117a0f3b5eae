import { describe, expect, it } from "vitest";
import { assessE2, checkEnding, forloebPhase, statusAfter3MonthsFrom } from "./afslutning";

const f = { startDate: "2024-02-01", effectiveEnd: "2026-01-31", nextStep: null, nextStepDecidedOn: null };

describe("checkEnding (E-1, E-3, E-4, D-5, D-6)", () => {
  it("E-3: the 6-year line is never a ground to stop the forløb", () => {
    expect(
      checkEnding({ outcome: "other", endedOn: "2025-06-01", earlyGround: "sixYearLine" }, f, "2025-06-01"),
    ).toMatchObject({
      ok: false,
      ruleId: "E-3",
      field: "earlyGround",
    });
  });
  it("D-5: after the end date only a decided next step (or moving, or death) ends the forløb", () => {
    expect(checkEnding({ outcome: "job", endedOn: "2026-02-10" }, f, "2026-02-10")).toMatchObject({
      ok: false,
      ruleId: "D-5",
    });
    expect(checkEnding({ outcome: "moved", endedOn: "2026-02-10" }, f, "2026-02-10")).toEqual({
      ok: true,
      early: false,
    });
    expect(
      checkEnding(
        { outcome: "job", endedOn: "2026-02-10" },
        { ...f, nextStep: "jobOrEducation", nextStepDecidedOn: "2026-02-09" },
        "2026-02-10",
      ),
    ).toEqual({ ok: true, early: false });
  });
  it("D-6: a team outcome needs the same step decided; E-4 has its own decision; no ending in the future", () => {
    expect(
      checkEnding(
        { outcome: "fleksjob", endedOn: "2026-01-31" },
        { ...f, nextStep: "foertidspension", nextStepDecidedOn: "2026-01-02" },
        "2026-02-01",
      ),
    ).toMatchObject({ ok: false, ruleId: "D-6" });
    expect(checkEnding({ outcome: "lackOfParticipation", endedOn: "2025-06-01" }, f, "2025-06-01")).toMatchObject({
      ruleId: "E-4",
    });
    expect(checkEnding({ outcome: "moved", endedOn: "2025-06-02" }, f, "2025-06-01")).toMatchObject({
      ok: false,
      field: "endedOn",
    });
    expect(checkEnding({ outcome: "moved", endedOn: "2024-01-15" }, f, "2024-01-20")).toEqual({
      ok: true,
      early: true,
    });
  });
});

describe("forloebPhase (D-4, D-5, D-6)", () => {
  it("barsel moves the end; after it without a decision the forløb continues (D-5)", () => {
    const p = forloebPhase(
      { id: "F", startDate: "2024-02-01", plannedEnd: "2026-01-31", nextStepDecidedOn: null, endedOn: null },
      [{ from: "2025-03-01", to: "2025-03-31" }],
      "2026-03-10",
      8,
    );
    expect(p).toMatchObject({
      status: "continuesUntilDecision",
      effectiveEnd: "2026-03-03",
      barselDays: 31,
      presentBy: "2026-01-06",
    });
    expect(p.findings.map((x) => x.ruleId)).toEqual(expect.arrayContaining(["D-4", "D-5", "D-6"]));
  });
});

describe("assessE2 and ST-7", () => {
  it("path 1 needs all three target groups ruled out", () => {
    const r = assessE2(
      {
        path: "documentedDevelopment",
        evidence: ["Lægeerklæring"],
        notInTargetGroupFor: ["fleksjob"],
        reason: "Udvikling",
      },
      { birthDate: "1970-01-01", transitionDate: "2026-02-01", recordedOn: "2026-01-14" },
    );
    expect(r).toMatchObject({
      ok: false,
      kind: "refused",
      errors: { "e2.notInTargetGroupFor": expect.stringContaining("ressourceforløb") },
    });
  });
  it("ST-7 is recorded from three months after the end", () => {
    expect(statusAfter3MonthsFrom("2025-11-30")).toBe("2026-02-28");
  });
});
