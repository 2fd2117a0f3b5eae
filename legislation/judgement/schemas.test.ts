import { describe, expect, it } from "vitest";
import {
  Fu4NonAttendanceSchema,
  JudgementFactsSchema,
  Tg3OrdinaryEffortExhaustedSchema,
  Tg9ApplicationSchema,
} from "./schemas";

describe("judgement schemas: every assessment needs a reason", () => {
  it("TG-3 takes measures, each with why it was judged futile", () => {
    const ok = {
      conclusion: "exhausted",
      measures: [{ measure: "Virksomhedspraktik", status: "considered", whyFutile: "Angst forhindrer fremmøde" }],
      reason: "Ordinær indsats vurderet udtømt",
    };
    expect(Tg3OrdinaryEffortExhaustedSchema.safeParse(ok).success).toBe(true);
    expect(Tg3OrdinaryEffortExhaustedSchema.safeParse({ ...ok, reason: "  " }).success).toBe(false);
    expect(Tg3OrdinaryEffortExhaustedSchema.safeParse({ ...ok, measures: [{ measure: "Mentor", status: "tried", whyFutile: "" }] }).success).toBe(false);
    expect(Tg3OrdinaryEffortExhaustedSchema.safeParse({ ...ok, measures: [{ measure: "Mentor", status: "maybe", whyFutile: "x" }] }).success).toBe(false);
  });
  it("TG-9 records whether the case started from an application", () => {
    expect(
      Tg9ApplicationSchema.safeParse({ startedFromApplication: true, allFormsOfHelpAssessed: true, refusedToConsider: false, reasoningAnswersRequest: "Svar", reason: "r" }).success,
    ).toBe(true);
    expect(Tg9ApplicationSchema.safeParse({ startedFromApplication: true, allFormsOfHelpAssessed: true, refusedToConsider: false }).success).toBe(false);
  });
  it("FU-4 records contact attempts and the reasonable ground", () => {
    const ok = {
      date: "2024-03-01",
      contactAttempts: [{ date: "2024-03-02", channel: "phone", outcome: "Intet svar" }],
      reasonableGround: { exists: false, reason: "Ingen oplyst grund" },
      allReasonableAttemptsExhausted: false,
      sanctionWouldImproveAvailability: false,
      sanctionProposed: false,
    };
    expect(Fu4NonAttendanceSchema.safeParse(ok).success).toBe(true);
    expect(Fu4NonAttendanceSchema.safeParse({ ...ok, reasonableGround: { exists: true } }).success).toBe(false);
    expect(Fu4NonAttendanceSchema.safeParse({ ...ok, contactAttempts: [{ date: "2024-03-02", channel: "pigeon", outcome: "x" }] }).success).toBe(false);
  });
  it("the facts object has a purpose and optional sections", () => {
    expect(JudgementFactsSchema.safeParse({ purpose: "grant" }).success).toBe(true);
    expect(JudgementFactsSchema.safeParse({ purpose: "decide" }).success).toBe(false);
  });
});
