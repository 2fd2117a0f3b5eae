import { z } from "zod";
import {
  CONTACT_CHANNEL_KEYS,
  CONVERSATION_STATUSES,
  MODE_KEYS,
  PARTICIPANT_KEYS,
  REASONABLE_GROUND_KEYS,
  type ConversationItem,
} from "~/modules/opfoelgning";
import type { ApiOperation } from "./operation";

/* Follow-up conversations (FU-1..FU-4) over the API. */

const STATUS_KEYS = Object.keys(CONVERSATION_STATUSES) as [keyof typeof CONVERSATION_STATUSES];

const Finding = z.object({
  ruleId: z.string().describe("FU-2, FU-3 eller FU-4"),
  message: z.string(),
  basis: z.string().describe("Hjemmel"),
});

const NonAttendance = z
  .object({
    date: z.iso.date(),
    contactAttempts: z.array(
      z.object({ date: z.iso.date(), channel: z.enum(CONTACT_CHANNEL_KEYS), outcome: z.string() }),
    ),
    reasonableGround: z.object({
      exists: z.boolean(),
      kind: z.enum(REASONABLE_GROUND_KEYS).optional(),
      reason: z.string(),
    }),
    allReasonableAttemptsExhausted: z.boolean(),
    sanctionWouldImproveAvailability: z.boolean(),
    sanctionProposed: z.boolean(),
  })
  .describe("FU-4: kontaktforsøg og vurdering af rimelig grund efter en udeblivelse (LAS § 13, stk. 7-8)");

export const ConversationResource = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    date: z.iso.date(),
    time: z.string().nullable().describe("TT:MM, dansk tid"),
    mode: z.enum(MODE_KEYS),
    status: z.enum(STATUS_KEYS),
    participants: z.array(z.enum(PARTICIPANT_KEYS)).describe("Ud over borgeren og den koordinerende sagsbehandler"),
    notes: z.string().nullable(),
    nextAgreedOn: z.iso.date().nullable().describe("FU-3: næste møde aftalt"),
    nonAttendance: NonAttendance.nullable(),
    sanctionProposedOn: z.iso
      .date()
      .nullable()
      .describe("Kun et registreret forslag til en særskilt afgørelse; systemet sanktionerer aldrig selv"),
    requestId: z.uuid().nullable().describe("Borgerens henvendelse fra Min Plan, som samtalen blev booket på"),
    version: z.number().int().describe("Send den med ved næste ændring (optimistisk låsning)"),
    findings: z.array(Finding).describe("Advarsler efter FU-2, FU-3 og FU-4; de blokerer ikke"),
  })
  .meta({ id: "Conversation" });

export const ConversationList = z
  .object({ caseId: z.uuid(), items: z.array(ConversationResource).describe("Nyeste først") })
  .meta({ id: "ConversationList" });

export const ConversationCreated = z
  .object({
    conversation: ConversationResource,
    next: ConversationResource.nullable().describe("Næste samtale, hvis den blev booket i samme kald (FU-3)"),
    warnings: z.array(Finding).describe("FU-2/FU-3-advarsler ved denne ændring"),
  })
  .meta({ id: "ConversationCreated" });

const optionalTime = z.string().optional().describe("TT:MM");

export const ConversationCreateBody = z
  .object({
    status: z.enum(["planned", "held"]).describe("planned: planlæg en samtale; held: registrér en holdt samtale"),
    conversationId: z.uuid().optional().describe("held: den planlagte samtale, der blev holdt"),
    version: z.number().int().optional().describe("held: den planlagte samtales version"),
    date: z.iso.date(),
    time: optionalTime.describe("TT:MM; krævet for planned"),
    mode: z.enum(MODE_KEYS).describe("FU-2: phone, video og digital kun under et beskæftigelsesrettet tilbud"),
    participants: z.array(z.enum(PARTICIPANT_KEYS)).optional(),
    notes: z.string().optional().describe("planned: emne; held: referat (krævet)"),
    requestId: z.uuid().optional().describe("planned: borgerens henvendelse, som markeres behandlet"),
    nextDate: z.iso.date().optional().describe("held: næste møde aftalt (FU-3); bookes som planlagt samtale"),
    nextTime: optionalTime,
    nextMode: z.enum(MODE_KEYS).optional(),
    nextParticipants: z.array(z.enum(PARTICIPANT_KEYS)).optional(),
  })
  .meta({
    id: "ConversationInput",
    description:
      "Planlæg en samtale (status planned, fra i dag) eller registrér en holdt samtale (status held) med referat og " +
      "næste møde. Fristerne (FU-1, P-5, næste samtale) genberegnes i samme transaktion.",
  });

export function conversationResource(caseId: string, c: ConversationItem): z.infer<typeof ConversationResource> {
  return ConversationResource.parse({
    id: c.id,
    caseId,
    date: c.date,
    time: c.time,
    mode: c.mode,
    status: c.status,
    participants: c.participants,
    notes: c.notes,
    nextAgreedOn: c.nextAgreedOn,
    nonAttendance: c.nonAttendance,
    sanctionProposedOn: c.sanctionProposedOn,
    requestId: c.request?.id ?? null,
    version: c.version,
    findings: c.findings,
  });
}

export const OPFOELGNING_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/cases/{caseId}/conversations",
    operationId: "listConversations",
    summary: "Sagens samtaler, nyeste først, med advarsler efter FU-2, FU-3 og FU-4",
    tag: "Opfølgning",
    pathParams: ["caseId"],
    response: { status: 200, description: "Samtalerne", schema: ConversationList },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/cases/{caseId}/conversations",
    operationId: "createConversation",
    summary:
      "Planlæg en samtale, eller registrér en holdt samtale og book den næste. En forældet version giver 409, ligesom en henvendelse, der allerede er behandlet.",
    tag: "Opfølgning",
    pathParams: ["caseId"],
    body: ConversationCreateBody,
    response: { status: 201, description: "Samtalen (og en ny næste samtale)", schema: ConversationCreated },
    errors: [400, 401, 403, 404, 409],
  },
];
