import { z } from "zod";
import { isValidDate } from "~/legislation";
import {
  AGENDA_PURPOSE_KEYS,
  INTERVENTION_AREA_KEYS,
  MEMBER_AREA_KEYS,
  MEMBER_AREAS,
  missingRequiredAreas,
  normaliseTime,
  RECOMMENDATION_KEYS,
  SLOT_MINUTES_RANGE,
  type InterventionArea,
} from "./team";

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

const time = (missing: string) =>
  z
    .string({ message: missing })
    .trim()
    .min(1, missing)
    .refine((v) => normaliseTime(v) !== null, "Skriv et klokkeslæt som TT:MM, fx 09:00")
    .transform((v) => normaliseTime(v)!);

const slotMinutes = z.coerce
  .number({ message: "Skriv antal minutter som et helt tal" })
  .int("Skriv antal minutter som et helt tal")
  .min(SLOT_MINUTES_RANGE.min, `Et tidsrum skal vare mindst ${SLOT_MINUTES_RANGE.min} minutter`)
  .max(SLOT_MINUTES_RANGE.max, `Et tidsrum kan højst vare ${SLOT_MINUTES_RANGE.max} minutter`);

export const MemberInput = z.object({
  area: z.enum(MEMBER_AREA_KEYS, { message: "Vælg, hvilket område medlemmet repræsenterer" }),
  name: z
    .string({ message: "Skriv medlemmets navn" })
    .trim()
    .min(1, "Skriv medlemmets navn")
    .max(200, "Navnet er for langt"),
  title: optionalText(200, "Titlen er for lang"),
});

/** A team meeting as a caseworker or leader fills it in (P-2: the team's composition is checked). */
export const MeetingInput = z
  .object({
    meetingDate: z
      .string({ message: "Skriv mødets dato" })
      .trim()
      .min(1, "Skriv mødets dato")
      .refine((v) => isValidDate(v), "Skriv en gyldig dato (ÅÅÅÅ-MM-DD)"),
    startTime: time("Skriv, hvornår mødet begynder"),
    place: z
      .string({ message: "Skriv, hvor mødet holdes" })
      .trim()
      .min(1, "Skriv, hvor mødet holdes")
      .max(200, "Stedet er for langt"),
    members: z.array(MemberInput).max(30, "Højst 30 medlemmer").default([]),
  })
  .superRefine((v, ctx) => {
    const missing = missingRequiredAreas(v.members);
    if (missing.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["members"],
        message: `Teamet skal have en repræsentant for ${missing.map((a) => MEMBER_AREAS[a].label.toLowerCase()).join(", ")} (P-2)`,
      });
    }
  });
export type MeetingInput = z.output<typeof MeetingInput>;

/** Adding a case to the agenda: the slot length may be set for the new item (default: the meeting's rhythm). */
export const AddToAgendaInput = z.object({
  meetingVersion: z.coerce.number().int().min(1),
  caseId: z.string({ message: "Vælg en sag" }).trim().min(1, "Vælg en sag"),
  slotMinutes: slotMinutes.optional(),
});

/** The whole time schedule at once: each item's start and length, or one length for all, laid out from the start. */
export const ScheduleInput = z.object({
  meetingVersion: z.coerce.number().int().min(1),
  sameLength: z.preprocess((v) => (v === "" ? undefined : v), slotMinutes.optional()),
  items: z
    .array(z.object({ id: z.string().min(1), slotStart: time("Skriv tidspunktet"), slotMinutes }))
    .max(100)
    .default([]),
});

const lines = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? "").split(/\r?\n/)).map((l) => l.trim()).filter((l) => l.length > 0))
  .pipe(z.array(z.string().max(500, "En linje må højst være 500 tegn")).max(30, "Højst 30 indsatser pr. område"));

const months = z.preprocess(
  (v) => (v === "" || v === undefined || v === null ? null : typeof v === "string" ? Number(v.trim()) : v),
  z.number({ message: "Skriv antal måneder som et helt tal" }).int("Skriv antal måneder som et helt tal").nullable(),
);

/**
 * The team's indstilling (P-2) as the secretary records it. Rules that need the rules engine (duration D-1/D-2, TG-10)
 * are checked by the use case.
 */
export const IndstillingInput = z
  .object({
    caseVersion: z.coerce.number().int().min(1),
    recommendation: z.enum(RECOMMENDATION_KEYS, { message: "Vælg teamets indstilling" }),
    otherText: optionalText(500, "Teksten er for lang"),
    recommendedMonths: months.optional().transform((v) => v ?? null),
    interventions: z
      .object(
        Object.fromEntries(INTERVENTION_AREA_KEYS.map((k) => [k, lines])) as Record<InterventionArea, typeof lines>,
      )
      .default({ employment: [], education: [], health: [], social: [] }),
    reasons: z
      .string({ message: "Skriv teamets begrundelse" })
      .trim()
      .min(1, "Skriv teamets begrundelse")
      .max(20_000, "Teksten er for lang"),
    seeAgain: z.boolean().default(false),
    seeAgainNote: optionalText(1000, "Teksten er for lang"),
  })
  .superRefine((v, ctx) => {
    if (v.recommendation === "andet" && !v.otherText) {
      ctx.addIssue({
        code: "custom",
        path: ["otherText"],
        message: "Beskriv den anden indstilling, fx jobafklaringsforløb (P-2)",
      });
    }
    if (v.recommendation === "ressourceforloeb") {
      if (v.recommendedMonths === null) {
        ctx.addIssue({
          code: "custom",
          path: ["recommendedMonths"],
          message: "Skriv den anbefalede varighed i måneder (P-2)",
        });
      }
      if (INTERVENTION_AREA_KEYS.every((k) => v.interventions[k].length === 0)) {
        ctx.addIssue({
          code: "custom",
          path: ["interventions"],
          message: "Skriv mindst én anbefalet indsats, når teamet indstiller til ressourceforløb (P-2)",
        });
      }
    }
    if (v.seeAgain && !v.seeAgainNote) {
      ctx.addIssue({
        code: "custom",
        path: ["seeAgainNote"],
        message: "Skriv, før hvad teamet ønsker at se sagen igen",
      });
    }
  });
export type IndstillingInput = z.output<typeof IndstillingInput>;

export const AgendaPurposeSchema = z.enum(AGENDA_PURPOSE_KEYS);
