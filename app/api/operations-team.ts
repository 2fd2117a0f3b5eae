import { z } from "zod";
import {
  AGENDA_PURPOSE_KEYS,
  INTERVENTION_AREA_KEYS,
  MEMBER_AREA_KEYS,
  MeetingInput,
  RECOMMENDATION_KEYS,
  type InterventionArea,
} from "~/modules/rehabiliteringsteam";
import type { MeetingView } from "~/modules/rehabiliteringsteam/index.server";
import type { ApiOperation } from "./operation";

const isoDate = z.iso.date();

export const TeamMeetingListQuery = z.object({
  from: isoDate.optional().describe("Møder fra og med denne dato (ÅÅÅÅ-MM-DD)"),
  before: isoDate.optional().describe("Møder før denne dato (ÅÅÅÅ-MM-DD)"),
});

export const TeamMeetingSummary = z
  .object({
    id: z.uuid(),
    meetingDate: isoDate,
    startTime: z.string().regex(/^\d{2}:\d{2}$/),
    place: z.string(),
    status: z.string().describe("planned = planlagt, held = afholdt (referat sendt)"),
    version: z.number().int(),
    caseCount: z.number().int(),
    invitationsSent: z.number().int(),
    indstillingCount: z.number().int(),
  })
  .meta({ id: "TeamMeetingSummary" });

export const TeamMeetingList = z.object({ items: z.array(TeamMeetingSummary) }).meta({ id: "TeamMeetingList" });

const TeamMemberSchema = z
  .object({ area: z.enum(MEMBER_AREA_KEYS), name: z.string(), title: z.string().optional() })
  .meta({
    id: "TeamMember",
    description: "P-2: beskæftigelse, sundhed, social, regionens sundhedskoordinator; UU (under 30)",
  });

export const IndstillingSchema = z
  .object({
    id: z.uuid(),
    meetingId: z.uuid(),
    meetingDate: isoDate,
    purpose: z.enum(AGENDA_PURPOSE_KEYS).describe("Formålet med dagsordenspunktet, indstillingen blev givet på (P-3)"),
    recommendation: z.enum(RECOMMENDATION_KEYS),
    otherText: z.string().nullable().describe("Beskrivelsen, når recommendation er andet"),
    recommendedMonths: z.number().int().nullable(),
    interventions: z.object(
      Object.fromEntries(INTERVENTION_AREA_KEYS.map((k) => [k, z.array(z.string())])) as Record<
        InterventionArea,
        z.ZodArray<z.ZodString>
      >,
    ),
    reasons: z.string(),
    seeAgain: z.boolean(),
    seeAgainNote: z.string().nullable(),
    recordedByName: z.string().nullable(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: "Indstilling", description: "Rehabiliteringsteamets indstilling (P-2)" });

export const TeamMeetingResource = z
  .object({
    id: z.uuid(),
    meetingDate: isoDate,
    startTime: z.string(),
    place: z.string(),
    status: z.string(),
    version: z.number().int().describe("Send den med ved ændring (optimistisk låsning)"),
    members: z.array(TeamMemberSchema),
    agenda: z.array(
      z.object({
        caseId: z.uuid(),
        citizen: z.object({ id: z.uuid(), name: z.string(), ageOnMeetingDay: z.number().int() }),
        caseStatus: z.string(),
        purpose: z.enum(AGENDA_PURPOSE_KEYS),
        slotStart: z.string(),
        slotEnd: z.string(),
        slotMinutes: z.number().int(),
        coordinatorName: z.string().nullable(),
        invitationLetterId: z.uuid().nullable(),
        invitationSentAt: z.iso.datetime().nullable(),
        indstilling: IndstillingSchema.nullable(),
      }),
    ),
    warnings: z.object({
      uuMissingFor: z.array(z.string()).describe("P-2: borgere under 30 på dagsordenen, og intet UU-medlem"),
      teamAbolishedFrom: isoDate.nullable().describe("R2026: teamet findes ikke på mødedagen (dato ikke verificeret)"),
    }),
  })
  .meta({ id: "TeamMeeting" });

export const TeamMeetingCreateBody = MeetingInput.meta({
  id: "TeamMeetingInput",
  description:
    "Et møde i rehabiliteringsteamet. members skal dække beskæftigelse, sundhed, social og sundhedskoordinator (P-2).",
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The API shape of a meeting read through readMeeting (already audited per citizen). */
export function teamMeetingResource(v: MeetingView): z.infer<typeof TeamMeetingResource> {
  return TeamMeetingResource.parse({
    id: v.meeting.id,
    meetingDate: v.meeting.meetingDate,
    startTime: v.meeting.startTime,
    place: v.meeting.place,
    status: v.meeting.status,
    version: v.meeting.version,
    members: v.meeting.members,
    agenda: v.agenda.map((a) => ({
      caseId: a.caseId,
      citizen: { id: a.citizenId, name: a.citizenName, ageOnMeetingDay: a.age },
      caseStatus: a.caseStatus,
      purpose: a.purpose,
      slotStart: a.slotStart,
      slotEnd: a.slotEnd,
      slotMinutes: a.slotMinutes,
      coordinatorName: a.coordinatorName,
      invitationLetterId: a.invitationLetterId,
      invitationSentAt: a.invitationLetterId ? iso(a.invitationSentAt) : null,
      indstilling: a.indstilling
        ? {
            id: a.indstilling.id,
            meetingId: a.indstilling.meetingId,
            meetingDate: a.indstilling.meetingDate,
            purpose: a.indstilling.purpose,
            recommendation: a.indstilling.recommendation,
            otherText: a.indstilling.otherText,
            recommendedMonths: a.indstilling.recommendedMonths,
            interventions: a.indstilling.interventions,
            reasons: a.indstilling.reasons,
            seeAgain: a.indstilling.seeAgain,
            seeAgainNote: a.indstilling.seeAgainNote,
            recordedByName: a.indstilling.recordedByName,
            recordedAt: a.indstilling.recordedAt.toISOString(),
          }
        : null,
    })),
    warnings: {
      uuMissingFor: v.warnings.uu.map((u) => u.citizenName),
      teamAbolishedFrom: v.warnings.teamAbolished?.from ?? null,
    },
  });
}

export const TEAM_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/team-meetings",
    operationId: "listTeamMeetings",
    summary: "Rehabiliteringsteamets møder i kommunen (et teammedlem ser kun kommende møder)",
    tag: "Rehabiliteringsteam",
    query: TeamMeetingListQuery,
    response: { status: 200, description: "Møderne, ældste først, med antal sager", schema: TeamMeetingList },
    errors: [400, 401, 403],
  },
  {
    method: "post",
    path: "/api/v1/team-meetings",
    operationId: "createTeamMeeting",
    summary: "Planlæg et møde i rehabiliteringsteamet",
    tag: "Rehabiliteringsteam",
    body: TeamMeetingCreateBody,
    response: { status: 201, description: "Mødet er oprettet", schema: TeamMeetingResource },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/api/v1/team-meetings/{meetingId}",
    operationId: "getTeamMeeting",
    summary: "Ét møde med dagsorden og indstillinger. Hver borger på dagsordenen logges i adgangsloggen.",
    tag: "Rehabiliteringsteam",
    pathParams: ["meetingId"],
    response: { status: 200, description: "Mødet", schema: TeamMeetingResource },
    errors: [401, 403, 404],
  },
];
