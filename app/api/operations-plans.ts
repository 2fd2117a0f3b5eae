import { z } from "zod";
import {
  DELMAAL_AREA_KEYS,
  GOAL_TYPE_KEYS,
  INTERVENTION_FORM_KEYS,
  LEGAL_BASIS_KEYS,
  type CurrentPlan,
  type PlanRevision,
  type PlanRevisionListItem,
} from "~/modules/plan";
import type { ApiOperation } from "./operation";

/* The indsatsdel of the rehabiliteringsplan (PL-1..PL-7) over the API. */

const Delmaal = z.object({
  id: z.string().describe("Stabil på tværs af revisioner"),
  area: z.enum(DELMAAL_AREA_KEYS).describe("PL-2"),
  text: z.string(),
  reason: z.string(),
});

const Intervention = z.object({
  id: z
    .string()
    .describe("Stabil på tværs af revisioner; faktisk start/stop og indsatsgarantien (IG-1) henviser til den"),
  title: z.string(),
  legalBasis: z.enum(LEGAL_BASIS_KEYS).describe("PL-3; et fleksjob kan aldrig være en indsats (PL-7)"),
  provider: z.string().describe("Den del af kommunen, der yder indsatsen (PL-3)"),
  shortTermGoal: z.string(),
  form: z
    .enum(INTERVENTION_FORM_KEYS)
    .describe("offer: tilbud (betales, kan sanktioneres); agreed: aftalt aktivitet (PL-6)"),
  plannedStart: z.iso.date(),
  plannedEnd: z.iso.date().nullable(),
});

const Mentor = z.object({
  has: z.boolean(),
  name: z.string().nullable(),
  contact: z.string().nullable(),
  role: z.string().nullable(),
  tasks: z.array(z.string()).describe("Mål og fokusområder i prioriteret rækkefølge (MT-2)"),
});

export const PlanContentSchema = z
  .object({
    format: z.literal(1),
    goal: z.object({ type: z.enum(GOAL_TYPE_KEYS).describe("PL-1"), text: z.string() }),
    delmaal: z.array(Delmaal),
    interventions: z.array(Intervention),
    followUp: z.object({ how: z.string() }).describe("PL-4"),
    mentor: Mentor,
    period: z.object({ from: z.iso.date(), to: z.iso.date() }).describe("Mindst 6 måneder (PL-5)"),
  })
  .meta({ id: "PlanContent" });

export const PlanRevisionResource = z
  .object({
    revision: z.number().int(),
    content: PlanContentSchema,
    changeNote: z.string().nullable(),
    createdAt: z.iso.datetime(),
    createdBy: z.string().nullable().describe("Brugerens navn; null når revisionen kom via API"),
  })
  .meta({ id: "PlanRevision" });

const PlanRevisionListItemSchema = z.object({
  revision: z.number().int(),
  changeNote: z.string().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.string().nullable(),
});

export const PlanResource = z
  .object({
    caseId: z.uuid(),
    version: z.number().int().describe("Send den med ved næste revision (optimistisk låsning); 0 = ingen plan endnu"),
    current: PlanRevisionResource.nullable(),
    revisions: z.array(PlanRevisionListItemSchema).describe("Alle revisioner, nyeste først (PL-5)"),
  })
  .meta({ id: "Plan" });

const optionalString = z.string().nullable().optional();

export const PlanRevisionBody = z
  .object({
    version: z.number().int().min(0).describe("Planens version, ændringen bygger på; 0 for den første plan"),
    goal: z.object({ type: z.enum(GOAL_TYPE_KEYS), text: z.string() }),
    delmaal: z.array(Delmaal.extend({ id: z.string().optional().describe("Udelad for et nyt delmål") })).min(1),
    interventions: z
      .array(
        Intervention.extend({
          id: z.string().optional().describe("Udelad for en ny indsats; en ukendt id giver en ny"),
          plannedEnd: z.iso.date().nullable().optional(),
        }),
      )
      .min(1),
    followUp: z.object({ how: z.string() }),
    mentor: Mentor.extend({ name: optionalString, contact: optionalString, role: optionalString }),
    period: z.object({ from: z.iso.date(), to: z.iso.date() }),
    changeNote: optionalString.describe("Hvad er ændret og hvorfor"),
  })
  .meta({
    id: "PlanRevisionInput",
    description:
      "Hele indsatsdelen; hver POST gemmer en ny revision. Behold id'erne for delmål og indsatser, der fortsætter. " +
      "Perioden skal være mindst 6 måneder (PL-5), og et fleksjob kan ikke være en indsats (PL-7).",
  });

function revisionResource(r: PlanRevision) {
  return { ...r, createdAt: r.createdAt.toISOString(), createdBy: r.createdByName };
}

export function planResource(
  caseId: string,
  version: number,
  current: CurrentPlan | null,
  revisions: PlanRevisionListItem[],
): z.infer<typeof PlanResource> {
  return PlanResource.parse({
    caseId,
    version,
    current: current ? revisionResource(current) : null,
    revisions: revisions.map((r) => ({
      revision: r.revision,
      changeNote: r.changeNote,
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdByName,
    })),
  });
}

export function planRevisionResource(r: PlanRevision): z.infer<typeof PlanRevisionResource> {
  return PlanRevisionResource.parse(revisionResource(r));
}

export const PLAN_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/cases/{caseId}/plan",
    operationId: "getPlan",
    summary: "Rehabiliteringsplanens indsatsdel: den gældende revision og listen over alle revisioner",
    tag: "Plan",
    pathParams: ["caseId"],
    response: { status: 200, description: "Planen", schema: PlanResource },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/cases/{caseId}/plan",
    operationId: "revisePlan",
    summary:
      "Gem en ny revision af indsatsdelen. En forældet version giver 409; en sag uden bevilget forløb eller en uændret plan uden ændringsnote giver også 409.",
    tag: "Plan",
    pathParams: ["caseId"],
    body: PlanRevisionBody,
    response: { status: 201, description: "Den nye revision", schema: PlanRevisionResource },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "get",
    path: "/api/v1/cases/{caseId}/plan/revisions/{revision}",
    operationId: "getPlanRevision",
    summary: "Én revision af indsatsdelen (revision er et heltal fra 1)",
    tag: "Plan",
    pathParams: ["caseId", "revision"],
    response: { status: 200, description: "Revisionen", schema: PlanRevisionResource },
    errors: [401, 403, 404],
  },
];
