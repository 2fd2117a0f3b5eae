import * as z from "zod";
import { CONVERSATION_MODES, INTERVENTION_KINDS, PERIOD_KINDS } from "./parameters/kinds";
import { PRAKTIK_FOCUS, SHORT_HOURS_REASONS } from "./rules/virksomhedspraktik";

/**
 * zod schemas of the evaluate contract (shared/spec/evaluate.md). Structural only, with no
 * transforms, so they convert to JSON Schema / OpenAPI (z.toJSONSchema). Semantic checks
 * (dates that do not exist, to < from, birthDate or cpr) are in parseEvaluateInput.
 * Unknown extra fields are allowed and ignored.
 */

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ description: "ISO calendar date YYYY-MM-DD, no time, no time zone", example: "2022-03-01" });

export const CitizenSchema = z.object({
  birthDate: IsoDateSchema.optional(),
  cpr: z.string().optional().meta({ description: "10 digits, with or without a dash; used only to derive the birth date" }),
  /** TG-6, D-2: the citizen's explicit wish for a new forløb. */
  wishesNewForloeb: z.boolean().optional(),
});

export const ForloebInputSchema = z.object({
  id: z.string().min(1),
  start: IsoDateSchema,
  /** The end date in the decision, inclusive. */
  plannedEnd: IsoDateSchema,
  decidedOn: IsoDateSchema.optional(),
  /** D-3: the end date of the original decision, when plannedEnd has since been changed. */
  decidedEnd: IsoDateSchema.optional(),
  /** TG-6 / D-2: the citizen wished this forløb. */
  citizenWished: z.boolean().optional(),
  /** D-5 / D-6: the day the municipality decided the next step. */
  nextStepDecidedOn: IsoDateSchema.optional(),
  /** E-3 / E-4: the forløb was ended early on this day. */
  endedOn: IsoDateSchema.optional(),
  /** IG-5: an exception for "særlige grunde", with its reason. */
  igException: z.object({ reason: z.string().trim().min(1), recordedOn: IsoDateSchema.optional() }).optional(),
});

export const PeriodSchema = z.object({
  kind: z.enum(PERIOD_KINDS),
  from: IsoDateSchema,
  to: IsoDateSchema,
});

export const PlacementSchema = z.object({
  /** VP-1: exactly one. */
  focus: z.array(z.enum(PRAKTIK_FOCUS)).optional(),
  /** VP-2. */
  hoursPerDay: z.number().min(0).max(24).optional(),
  shortHoursReason: z.enum(SHORT_HOURS_REASONS).optional(),
  /** VP-4. */
  initialWeeks: z.number().int().min(1).max(520).optional(),
  extensions: z
    .array(
      z.object({
        weeks: z.number().int().min(1).max(520),
        assessment: z.string().optional(),
        specialNeed: z.boolean().optional(),
      }),
    )
    .optional(),
});

export const InterventionSchema = z.object({
  id: z.string().optional(),
  kind: z.enum(INTERVENTION_KINDS),
  start: IsoDateSchema,
  /** Last day, when known (FU-2, MT-3). */
  end: IsoDateSchema.optional(),
  /** Part of the indsatsdel of the rehabiliteringsplan (IG-1). */
  inPlan: z.boolean(),
  /** SK-1: the day the offer was given and the day of the written notice. */
  offeredOn: IsoDateSchema.optional(),
  skNoticeOn: IsoDateSchema.optional(),
  /** SK-2: the citizen asked for the sundhedskoordinator conversation; the municipality decided. */
  skRequestedOn: IsoDateSchema.optional(),
  skDecidedOn: IsoDateSchema.optional(),
  /** MT-3: the concrete assessment behind a renewed mentor grant. */
  concreteAssessment: z.string().optional(),
  /** VP-1/2/4 for a lab11 placement. */
  placement: PlacementSchema.optional(),
});

export const ConversationSchema = z.object({
  date: IsoDateSchema,
  mode: z.enum(CONVERSATION_MODES),
  held: z.boolean(),
  /** FU-3: the next meeting was agreed. */
  nextAgreed: z.boolean().optional(),
});

export const SettingsSchema = z.object({
  /** D-6: weeks before the end date the case is put before the team (municipal setting). */
  teamLeadWeeks: z.number().int().min(0).max(104).optional(),
});

export const EvaluateInputSchema = z.object({
  asOf: IsoDateSchema,
  citizen: CitizenSchema,
  forloeb: z.array(ForloebInputSchema).default([]),
  periods: z.array(PeriodSchema).default([]),
  interventions: z.array(InterventionSchema).default([]),
  conversations: z.array(ConversationSchema).default([]),
  settings: SettingsSchema.optional(),
});

export type EvaluateInput = z.output<typeof EvaluateInputSchema>;
export type EvaluateInputRaw = z.input<typeof EvaluateInputSchema>;
export type ForloebInput = z.output<typeof ForloebInputSchema>;

/* Output ----------------------------------------------------------------------------------- */

const CitationSchema = z.object({
  law: z.string(),
  paragraph: z.string(),
  source: z.string(),
  verified: z.boolean().optional(),
});

export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  basis: z.string(),
  forloebId: z.string().optional(),
});

export interface ExplanationShape {
  ruleId: string;
  title: string;
  citations: z.infer<typeof CitationSchema>[];
  inputs: Record<string, unknown>;
  parameters: { name: string; value: unknown; from: string; to: string | null; citation: z.infer<typeof CitationSchema> }[];
  result: unknown;
  reasoning?: string;
  children: ExplanationShape[];
}

export const ExplanationSchema: z.ZodType<ExplanationShape> = z.object({
  ruleId: z.string(),
  title: z.string(),
  citations: z.array(CitationSchema),
  inputs: z.record(z.string(), z.unknown()),
  parameters: z.array(
    z.object({ name: z.string(), value: z.unknown(), from: z.string(), to: z.string().nullable(), citation: CitationSchema }),
  ),
  result: z.unknown(),
  reasoning: z.string().optional(),
  get children() {
    return z.array(ExplanationSchema);
  },
});

export const NewForloebSchema = z.object({
  start: IsoDateSchema,
  allowed: z.boolean(),
  requiresCitizenWish: z.boolean(),
  maxMonths: z.number().int(),
  minMonths: z.number().int(),
  maxMonthsWithWish: z.number().int(),
  wishReasons: z.array(z.string()),
});

export const ForloebOutputSchema = z.object({
  id: z.string(),
  regime: z.enum(["R2013", "R2022", "R2026"]),
  start: IsoDateSchema,
  plannedEnd: IsoDateSchema,
  effectiveEnd: IsoDateSchema,
  barselDays: z.number().int(),
  status: z.enum(["planned", "running", "continuesUntilDecision", "ended"]),
  duration: z.object({ months: z.number().int(), days: z.number().int() }),
  indsatsgaranti: z.object({
    status: z.enum(["met", "exempt", "pending", "breached", "notApplicable"]),
    deadline: IsoDateSchema.nullable(),
    windowStart: IsoDateSchema.nullable(),
    extensionDays: z.number().int(),
    transitional: z.boolean(),
    qualifyingStart: IsoDateSchema.nullable(),
  }),
  conversations: z.object({
    windowEnd: IsoDateSchema,
    required: z.number().int().nullable(),
    held: z.number().int(),
    status: z.enum(["met", "pending", "breached", "notApplicable"]),
  }),
  nextStep: z.object({
    decideBy: IsoDateSchema,
    presentBy: IsoDateSchema.nullable(),
    presentTo: z.enum(["rehabiliteringsteam", "sundhedskoordinator"]),
  }),
});

export const EvaluateOutputSchema = z.object({
  asOf: IsoDateSchema,
  regime: z.enum(["R2013", "R2022", "R2026"]),
  citizen: z.object({ birthDate: IsoDateSchema, ageAsOf: z.object({ years: z.number().int(), months: z.number().int() }) }),
  folkepensionsalder: z.object({
    age: z.object({ years: z.number().int(), months: z.number().int() }),
    date: IsoDateSchema,
  }),
  /** null when no senior rule is in force on asOf (before 2022). */
  sixYearLine: IsoDateSchema.nullable(),
  forloeb: z.array(ForloebOutputSchema),
  newForloeb: NewForloebSchema,
  /** What a forløb starting the day after the latest forløb's effective end may be (D-2, D-6). */
  nextForloeb: NewForloebSchema.nullable(),
  findings: z.array(FindingSchema),
  explanations: z.array(ExplanationSchema),
});

export type EvaluateOutput = z.output<typeof EvaluateOutputSchema>;
export type ForloebOutput = z.output<typeof ForloebOutputSchema>;
