import { z } from "zod";
import {
  INTERVENTION_KIND_LABELS,
  INTERVENTION_STATUSES,
  LEGAL_BASIS_OPTIONS,
  PERIOD_KIND_KEYS,
  PRAKTIK_FOCUS_LABELS,
  SHORT_HOURS_REASON_LABELS,
  SK_DECISIONS,
  type ForloebPeriod,
  type MentorGrant,
} from "~/modules/indsatser";
import type { RecordView } from "~/modules/indsatser/index.server";
import type { ApiOperation } from "./operation";

/* Interventions (IG-1, VP-1..VP-4, SK-1..SK-3), mentor grants (MT-1..MT-3) and periods (IG-2, IG-3, D-4) over the API. */

const KIND_KEYS = Object.keys(INTERVENTION_KIND_LABELS) as [string, ...string[]];
const FOCUS_KEYS = Object.keys(PRAKTIK_FOCUS_LABELS) as [string, ...string[]];
const REASON_KEYS = Object.keys(SHORT_HOURS_REASON_LABELS) as [string, ...string[]];
const date = z.iso.date();

const Praktik = z
  .object({
    company: z.string().nullable(),
    hoursPerWeek: z.number().nullable(),
    daysPerWeek: z.number().int().nullable(),
    focus: z.enum(FOCUS_KEYS).nullable().describe("VP-1: præcis ét primært fokus"),
    virksomhedscenter: z.boolean().nullable(),
    mentorArrangement: z.string().nullable().describe("VP-4: mentorordningen ved praktik i virksomhedscenter"),
    shortHoursReason: z.enum(REASON_KEYS).nullable().describe("VP-2: begrundelse for under 1 time om dagen"),
    shortHoursNote: z.string().nullable(),
    notOnlyDocumentation: z.boolean().describe("VP-3: ikke alene for at dokumentere, at borgeren ikke kan arbejde"),
  })
  .meta({ id: "Virksomhedspraktik" });

const Extension = z.object({
  weeks: z.number().int(),
  assessment: z.string().describe("VP-4: den konkrete vurdering"),
  specialNeed: z.boolean().describe("Et helt særligt behov (ud over 26 uger)"),
  recordedOn: date,
  previousEnd: date,
  newEnd: date,
  recordedBy: z.string().nullable(),
});

export const InterventionResource = z
  .object({
    id: z.uuid(),
    planItemId: z.string().nullable().describe("Indsatsens stabile id i planen; null for en indsats uden for planen"),
    inPlan: z.boolean().describe("Står i den gældende plans indsatsdel (kun de tæller i indsatsgarantien, IG-1)"),
    countsForIg: z.boolean(),
    kind: z
      .enum(KIND_KEYS)
      .describe("Regelmotorens art; en aftalt aktivitet, der ikke er et tilbud, er leisure (PL-6)"),
    legalBasis: z.enum(LEGAL_BASIS_OPTIONS).nullable(),
    title: z.string(),
    provider: z.string().nullable(),
    isOffer: z.boolean(),
    offeredOn: date.nullable(),
    skNoticeOn: date.nullable().describe("SK-1: skriftlig vejledning om retten til samtale med sundhedskoordinator"),
    startDate: date.nullable(),
    plannedEnd: date.nullable(),
    endDate: date.nullable(),
    status: z.enum(Object.keys(INTERVENTION_STATUSES) as [string, ...string[]]).describe("I dag"),
    skRequestedOn: date.nullable().describe("SK-2: borgeren bad om samtalen"),
    skDecidedOn: date.nullable(),
    skDecision: z.enum(Object.keys(SK_DECISIONS) as [string, ...string[]]).nullable(),
    praktik: Praktik.nullable(),
    initialWeeks: z.number().int().nullable().describe("VP-4: ugerne i den første bevilling"),
    extensions: z.array(Extension),
    version: z.number().int().describe("Send den med ved en ændring (optimistisk låsning)"),
  })
  .meta({ id: "Intervention" });

export const MentorGrantResource = z
  .object({
    id: z.uuid(),
    mentorName: z.string(),
    mentorContact: z.string().nullable(),
    role: z.string().describe("MT-2"),
    goals: z.array(z.string()).describe("MT-2: i prioriteret rækkefølge"),
    fromDate: date,
    toDate: date.describe("MT-3: højst 6 måneder"),
    renewalOf: z.uuid().nullable(),
    assessment: z.string().nullable().describe("MT-3: den konkrete vurdering ved en ny periode"),
    version: z.number().int(),
  })
  .meta({ id: "MentorGrant" });

export const InterventionList = z
  .object({
    caseId: z.uuid(),
    interventions: z.array(InterventionResource),
    mentorGrants: z.array(MentorGrantResource),
  })
  .meta({ id: "InterventionList" });

const optionalDate = date.nullable().optional();

export const InterventionBody = z
  .object({
    planItemId: z
      .string()
      .nullable()
      .optional()
      .describe("En indsats fra planen; titel, hjemmel og form hentes fra planen"),
    title: z.string().optional().describe("Kun for en indsats uden for planen"),
    legalBasis: z.enum(LEGAL_BASIS_OPTIONS).optional().describe("Kun for en indsats uden for planen"),
    form: z.enum(["offer", "agreed"]).optional().describe("Kun for en indsats uden for planen (PL-6)"),
    provider: z.string().nullable().optional(),
    offeredOn: optionalDate,
    skNoticeOn: optionalDate.describe("SK-1: påkrævet før et tilbud efter LAB kap. 11, 12 og 14 kan starte"),
    startDate: optionalDate,
    plannedEnd: optionalDate,
    endDate: optionalDate,
    praktik: z
      .object({
        company: z.string().optional(),
        hoursPerWeek: z.number().optional(),
        daysPerWeek: z.number().int().optional(),
        focus: z.enum(FOCUS_KEYS).optional(),
        virksomhedscenter: z.boolean().optional(),
        mentorArrangement: z.string().optional(),
        shortHoursReason: z.enum(REASON_KEYS).optional(),
        shortHoursNote: z.string().optional(),
        notOnlyDocumentation: z.boolean().optional(),
      })
      .optional()
      .describe("For virksomhedspraktik (LAB kap. 11): påkrævet, når starten registreres (VP-1..VP-4)"),
  })
  .meta({
    id: "InterventionInput",
    description:
      "Registrerer en indsats: fra planen (planItemId) eller uden for planen (title, legalBasis, form). En indsats uden for planen tæller ikke i indsatsgarantien (IG-1).",
  });

export const PeriodResource = z
  .object({
    id: z.uuid(),
    kind: z.enum(PERIOD_KIND_KEYS),
    fromDate: date,
    toDate: date,
    note: z.string().nullable(),
    effect: z.string().describe("Periodens virkning på fristerne, på dansk, med regel"),
    version: z.number().int(),
  })
  .meta({ id: "Period" });

export const PeriodList = z.object({ caseId: z.uuid(), periods: z.array(PeriodResource) }).meta({ id: "PeriodList" });

export const PeriodBody = z
  .object({
    kind: z
      .enum(PERIOD_KIND_KEYS)
      .describe(
        "barsel rykker slutdatoen (D-4); fritagelse og standby forlænger indsatsgarantien (IG-2); ordinaryWork, stu og khe15 i de første 6 måneder undtager fra den (IG-3); sickness flytter intet",
      ),
    fromDate: date,
    toDate: date,
    note: z.string().nullable().optional(),
  })
  .meta({ id: "PeriodInput", description: "To perioder af samme slags må ikke overlappe." });

export function interventionResource(r: RecordView): z.infer<typeof InterventionResource> {
  return InterventionResource.parse({
    id: r.id,
    planItemId: r.planItemId,
    inPlan: r.inPlan,
    countsForIg: r.countsForIg,
    kind: r.kind,
    legalBasis: r.legalBasis,
    title: r.title,
    provider: r.provider,
    isOffer: r.isOffer,
    offeredOn: r.offeredOn,
    skNoticeOn: r.skNoticeOn,
    startDate: r.startDate,
    plannedEnd: r.plannedEnd,
    endDate: r.endDate,
    status: r.currentStatus,
    skRequestedOn: r.skRequestedOn,
    skDecidedOn: r.skDecidedOn,
    skDecision: r.skDecision,
    praktik: r.details.praktik ?? null,
    initialWeeks: r.details.initialWeeks ?? null,
    extensions: r.details.extensions ?? [],
    version: r.version,
  });
}

export function mentorGrantResource(g: MentorGrant): z.infer<typeof MentorGrantResource> {
  return MentorGrantResource.parse({
    id: g.id,
    mentorName: g.mentorName,
    mentorContact: g.mentorContact,
    role: g.role,
    goals: g.goals,
    fromDate: g.fromDate,
    toDate: g.toDate,
    renewalOf: g.renewalOf,
    assessment: g.assessment,
    version: g.version,
  });
}

export function periodResource(p: ForloebPeriod, effect: string): z.infer<typeof PeriodResource> {
  return PeriodResource.parse({
    id: p.id,
    kind: p.kind,
    fromDate: p.fromDate,
    toDate: p.toDate,
    note: p.note,
    effect,
    version: p.version,
  });
}

export const INDSATS_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/cases/{caseId}/interventions",
    operationId: "listInterventions",
    summary:
      "Sagens registrerede indsatser (start, stop, virksomhedspraktik, sundhedskoordinator) og mentorbevillinger",
    tag: "Indsatser",
    pathParams: ["caseId"],
    response: { status: 200, description: "Indsatser og mentorbevillinger", schema: InterventionList },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/cases/{caseId}/interventions",
    operationId: "recordIntervention",
    summary:
      "Registrér en indsats fra planen eller uden for planen. Reglerne SK-1 og VP-1..VP-4 gælder som på siden; fristerne beregnes igen. En sag uden bevilget forløb giver 409.",
    tag: "Indsatser",
    pathParams: ["caseId"],
    body: InterventionBody,
    response: { status: 201, description: "Den registrerede indsats", schema: InterventionResource },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/cases/{caseId}/periods",
    operationId: "listPeriods",
    summary:
      "Sagens perioder (barsel, fritagelse, stand by, ordinære løntimer, STU, KHE § 15, sygdom) med deres virkning",
    tag: "Indsatser",
    pathParams: ["caseId"],
    response: { status: 200, description: "Perioderne", schema: PeriodList },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/cases/{caseId}/periods",
    operationId: "recordPeriod",
    summary:
      "Registrér en periode; fristerne (indsatsgaranti, slutdato) beregnes igen. Overlap med en periode af samme slags giver 400; en sag uden bevilget forløb 409.",
    tag: "Indsatser",
    pathParams: ["caseId"],
    body: PeriodBody,
    response: { status: 201, description: "Den registrerede periode", schema: PeriodResource },
    errors: [400, 401, 403, 404, 409],
  },
];
