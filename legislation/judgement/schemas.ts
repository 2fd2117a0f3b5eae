import * as z from "zod";

/**
 * Structured facts a caseworker records for the judgement rules. The system never decides
 * them; it checks that each assessment is recorded with its reason (completeness.ts).
 * Every assessment carries a required, non-empty `reason` in Danish free text.
 */

const reason = z.string().trim().min(1, "Begrundelse mangler");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Dato skal have formen ÅÅÅÅ-MM-DD");
const assessedOn = isoDate.optional();

/** TG-1: complex problems beyond unemployment across employment/education and social and/or health. */
export const TG1_AREAS = ["employment", "education", "social", "health"] as const;
export const Tg1ComplexProblemsSchema = z.object({
  conclusion: z.enum(["met", "notMet"]),
  areas: z.array(z.enum(TG1_AREAS)),
  reason,
  assessedOn,
});

/** TG-2: at least one of (a) long-term support, (b) effort without effect, (c) longer effort needed. */
export const TG2_CONDITIONS = ["longTermPublicSupport", "effortWithoutEffect", "longerEffortNeeded"] as const;
export const Tg2ConditionsSchema = z.object({
  conclusion: z.enum(["met", "notMet"]),
  conditions: z.array(z.enum(TG2_CONDITIONS)),
  reason,
  assessedOn,
});

/** TG-3: which measures were taken or considered, and why each was judged futile (Ankestyrelsen 24-14). */
export const Tg3MeasureSchema = z.object({
  measure: z.string().trim().min(1, "Beskriv foranstaltningen"),
  status: z.enum(["tried", "considered"]),
  whyFutile: z.string().trim().min(1, "Begrund, hvorfor foranstaltningen er vurderet formålsløs"),
});
export const Tg3OrdinaryEffortExhaustedSchema = z.object({
  conclusion: z.enum(["exhausted", "notExhausted"]),
  measures: z.array(Tg3MeasureSchema),
  reason,
  assessedOn,
});

/** TG-4: development perspective (Ankestyrelsen 58-18). Quality-of-life-only interventions do not count. */
export const Tg4DevelopmentPerspectiveSchema = z.object({
  conclusion: z.enum(["present", "absent"]),
  interventions: z.array(
    z.object({
      description: z.string().trim().min(1, "Beskriv indsatsen"),
      expectedBenefit: z.string().trim().min(1, "Beskriv den realistiske forventning til indsatsen"),
    }),
  ),
  signsFor: z.array(z.string().trim().min(1)),
  signsAgainst: z.array(z.string().trim().min(1)),
  /** true when the named interventions only aim at quality of life. */
  qualityOfLifeOnly: z.boolean(),
  /** The goal: ordinary hours or fleksjob. */
  goal: z.enum(["ordinaryHours", "fleksjob"]).optional(),
  reason,
  assessedOn,
});

/** TG-5: exclusions, by an overall assessment where health information alone does not decide. */
export const Tg5ExclusionsSchema = z.object({
  obviouslyEntitledToFoertidspension: z.boolean(),
  obviouslyFutile: z.boolean(),
  overallAssessment: z.object({
    healthInformation: z.boolean(),
    functionalCapacity: z.boolean(),
    otherCircumstances: z.boolean(),
  }),
  reason,
  assessedOn,
});

/** TG-7: grounds for a refusal. "noNeedForCoordinatingCaseworker" is recorded only to be rejected. */
export const REFUSAL_GROUNDS = [
  "notInTargetGroup",
  "ordinaryEffortNotExhausted",
  "noDevelopmentPerspective",
  "obviouslyEntitledToFoertidspension",
  "obviouslyFutile",
  "seniorRuleNoWish",
  "noNeedForCoordinatingCaseworker",
  "other",
] as const;
export const Tg7RefusalSchema = z.object({
  grounds: z.array(z.enum(REFUSAL_GROUNDS)).min(1, "Angiv mindst én afslagsgrund"),
  reason,
  assessedOn,
});

/** TG-8: a fleksjob assessment is no prerequisite, and a fleksjob is never an intervention in the forløb. */
export const Tg8FleksjobSchema = z.object({
  refusedForMissingFleksjobAssessment: z.boolean(),
  fleksjobPlannedAsIntervention: z.boolean(),
  reason,
});

/** TG-9: the citizen's application and how the reasoning answers it (83-15, 64-11, 002 §4.5). */
export const Tg9ApplicationSchema = z.object({
  startedFromApplication: z.boolean(),
  requestedHelp: z.string().trim().optional(),
  /** The whole situation was assessed against all forms of help. */
  allFormsOfHelpAssessed: z.boolean(),
  /** How the decision's reasoning answers the citizen's request. */
  reasoningAnswersRequest: z.string().trim().optional(),
  /** The municipality refused to consider ressourceforløb: that is an appealable decision. */
  refusedToConsider: z.boolean(),
  klagevejledningGiven: z.boolean().optional(),
  reason,
});

/** E-2 path 1: the documented positive development (judgement). */
export const E2DocumentedDevelopmentSchema = z.object({
  documented: z.boolean(),
  evidence: z.array(z.string().trim().min(1)),
  notInTargetGroupFor: z.array(z.enum(["ressourceforloeb", "fleksjob", "foertidspension"])),
  reason,
  assessedOn,
});

/** FU-4: non-attendance, reasonable ground (LAS § 13 stk. 7-8) and contact attempts. */
export const CONTACT_CHANNELS = ["phone", "letter", "digitalPost", "homeVisit", "network", "mentor", "other"] as const;
export const REASONABLE_GROUNDS = ["illness", "healthRisk", "seriousMentalIllness", "social", "substanceAbuse", "other"] as const;
export const Fu4NonAttendanceSchema = z.object({
  date: isoDate,
  contactAttempts: z.array(
    z.object({
      date: isoDate,
      channel: z.enum(CONTACT_CHANNELS),
      outcome: z.string().trim().min(1, "Beskriv udfaldet af kontaktforsøget"),
    }),
  ),
  reasonableGround: z.object({
    exists: z.boolean(),
    kind: z.enum(REASONABLE_GROUNDS).optional(),
    reason,
  }),
  allReasonableAttemptsExhausted: z.boolean(),
  /** Would a sanction improve availability? No sanction where it would not. */
  sanctionWouldImproveAvailability: z.boolean(),
  sanctionProposed: z.boolean(),
});

export const JUDGEMENT_PURPOSES = ["grant", "refusal", "kontanthjaelp", "sanction"] as const;
export type JudgementPurpose = (typeof JUDGEMENT_PURPOSES)[number];

/** All judgement facts of a case; each part is optional while the caseworker is working. */
export const JudgementFactsSchema = z.object({
  purpose: z.enum(JUDGEMENT_PURPOSES),
  tg1: Tg1ComplexProblemsSchema.optional(),
  tg2: Tg2ConditionsSchema.optional(),
  tg3: Tg3OrdinaryEffortExhaustedSchema.optional(),
  tg4: Tg4DevelopmentPerspectiveSchema.optional(),
  tg5: Tg5ExclusionsSchema.optional(),
  tg7: Tg7RefusalSchema.optional(),
  tg8: Tg8FleksjobSchema.optional(),
  tg9: Tg9ApplicationSchema.optional(),
  e2: E2DocumentedDevelopmentSchema.optional(),
  fu4: z.array(Fu4NonAttendanceSchema).optional(),
});

export type Tg1ComplexProblems = z.infer<typeof Tg1ComplexProblemsSchema>;
export type Tg2Conditions = z.infer<typeof Tg2ConditionsSchema>;
export type Tg3OrdinaryEffortExhausted = z.infer<typeof Tg3OrdinaryEffortExhaustedSchema>;
export type Tg4DevelopmentPerspective = z.infer<typeof Tg4DevelopmentPerspectiveSchema>;
export type Tg5Exclusions = z.infer<typeof Tg5ExclusionsSchema>;
export type Tg7Refusal = z.infer<typeof Tg7RefusalSchema>;
export type Tg8Fleksjob = z.infer<typeof Tg8FleksjobSchema>;
export type Tg9Application = z.infer<typeof Tg9ApplicationSchema>;
export type E2DocumentedDevelopment = z.infer<typeof E2DocumentedDevelopmentSchema>;
export type Fu4NonAttendance = z.infer<typeof Fu4NonAttendanceSchema>;
export type JudgementFacts = z.infer<typeof JudgementFactsSchema>;
