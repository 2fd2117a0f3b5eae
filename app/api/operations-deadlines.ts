import { z } from "zod";
import type { ApiOperation } from "./operation";

export const DeadlinesQuery = z.object({
  userId: z
    .uuid()
    .optional()
    .describe("Sagsbehandlerens id; udeladt: den kaldende bruger, eller hele kommunen for et API-token"),
  all: z
    .enum(["true", "false"])
    .default("false")
    .describe("true: alle åbne frister; ellers kun overskredne og snarlige"),
});

export const DeadlineResource = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    citizenName: z.string().optional(),
    coordinatorName: z.string().nullable().optional(),
    kind: z.string(),
    title: z.string(),
    dueDate: z.iso.date(),
    metOn: z.iso.date().nullable(),
    status: z.enum(["overdue", "dueSoon", "upcoming", "met"]),
    ruleId: z.string(),
    explanation: z.unknown().describe("Reglernes forklaring af datoen"),
  })
  .meta({ id: "Deadline" });

export const DEADLINE_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/deadlines",
    operationId: "listDeadlines",
    summary: "Frister pr. sagsbehandler: overskredne først, så snarlige",
    tag: "Frister",
    query: DeadlinesQuery,
    response: {
      status: 200,
      description: "Fristerne",
      schema: z.object({ asOf: z.iso.date(), items: z.array(DeadlineResource) }),
    },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/api/v1/cases/{caseId}/deadlines",
    operationId: "listCaseDeadlines",
    summary: "Alle frister i én sag, med status og forklaring",
    tag: "Frister",
    pathParams: ["caseId"],
    response: { status: 200, description: "Fristerne", schema: z.object({ items: z.array(DeadlineResource) }) },
    errors: [401, 403, 404],
  },
];
