import { z } from "zod";
import { CASE_STATUSES, PREPARATORY_KEYS, type CaseStatus } from "~/modules/cases";
import type { ApiOperation } from "./operation";

const STATUS_KEYS = Object.keys(CASE_STATUSES) as [CaseStatus, ...CaseStatus[]];

export const CaseListQuery = z.object({
  status: z.enum(STATUS_KEYS).optional().describe("Kun sager med denne status"),
});

export const CaseSummary = z
  .object({
    id: z.uuid(),
    status: z.enum(STATUS_KEYS),
    openedOn: z.iso.date(),
    citizenId: z.uuid(),
    citizenName: z.string(),
  })
  .meta({ id: "CaseSummary" });

const Missing = z.object({ ruleId: z.string(), path: z.string(), message: z.string() });

export const CaseResource = z
  .object({
    id: z.uuid(),
    status: z.enum(STATUS_KEYS),
    origin: z.enum(["municipality", "application"]),
    applicationReceivedOn: z.iso.date().nullable(),
    applicationText: z.string().nullable(),
    openedOn: z.iso.date(),
    citizen: z.object({ id: z.uuid(), name: z.string(), birthDate: z.iso.date() }),
    coordinator: z
      .object({ name: z.string(), unit: z.string(), unitKind: z.string(), fromDate: z.iso.date() })
      .nullable(),
    bisidderInformedOn: z.iso.date().nullable(),
    citizenWishesForloeb: z.boolean(),
    judgement: z
      .record(z.string(), z.unknown())
      .describe("Visitationens vurderinger (TG-1..TG-9), se legislation/judgement"),
    preparatory: z.record(z.string(), z.string()).describe(`Den forberedende del: ${PREPARATORY_KEYS.join(", ")}`),
    missingForTeam: z.array(Missing),
    version: z.number().int(),
  })
  .meta({ id: "Case" });

export const OpenCaseBody = z
  .object({
    citizenId: z.uuid(),
    origin: z.enum(["municipality", "application"]),
    applicationReceivedOn: z.iso.date().optional(),
    applicationText: z.string().optional(),
  })
  .meta({ id: "OpenCase" });

export const VisitationBody = z
  .object({
    version: z.number().int(),
    bisidderInformedOn: z.iso.date().optional(),
    citizenWishesForloeb: z.boolean().optional(),
    judgement: z.record(z.string(), z.unknown()).optional(),
    preparatory: z.record(z.string(), z.string()).optional(),
    sendToTeam: z.boolean().default(false),
  })
  .meta({ id: "Visitation" });

export const CASE_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/cases",
    operationId: "listCases",
    summary: "Sager om ressourceforløb i kommunen",
    tag: "Sager",
    query: CaseListQuery,
    response: { status: 200, description: "Sagerne", schema: z.object({ items: z.array(CaseSummary) }) },
    errors: [400, 401, 403],
  },
  {
    method: "post",
    path: "/api/v1/cases",
    operationId: "openCase",
    summary: "Åbn en sag om ressourceforløb for en borger",
    tag: "Sager",
    body: OpenCaseBody,
    response: { status: 201, description: "Sagen", schema: CaseResource },
    errors: [400, 401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/cases/{caseId}",
    operationId: "getCase",
    summary: "Én sag med visitation, forberedende del og det, der mangler før teamet",
    tag: "Sager",
    pathParams: ["caseId"],
    response: { status: 200, description: "Sagen", schema: CaseResource },
    errors: [401, 403, 404],
  },
  {
    method: "put",
    path: "/api/v1/cases/{caseId}/visitation",
    operationId: "saveVisitation",
    summary: "Gem visitationen; med sendToTeam=true sendes sagen til rehabiliteringsteamet, hvis intet mangler",
    tag: "Sager",
    pathParams: ["caseId"],
    body: VisitationBody,
    response: { status: 200, description: "Den gemte sag", schema: CaseResource },
    errors: [400, 401, 403, 404, 409, 422],
  },
];
