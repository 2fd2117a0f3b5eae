import { z } from "zod";
import { REFUSAL_GROUNDS } from "~/legislation";
import { DECISION_KIND_KEYS, DecisionInput, type DecisionView } from "~/modules/afgoerelser";
import type { ApiOperation } from "./operation";

export const DecisionResource = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    kind: z
      .enum(DECISION_KIND_KEYS as [string, ...string[]])
      .describe("grant, refusal (TG-7) eller notConsidered (TG-9)"),
    decidedOn: z.iso.date(),
    startDate: z.iso.date().nullable(),
    endDate: z.iso.date().nullable(),
    months: z.number().int().nullable(),
    reasons: z.string(),
    grounds: z.array(z.enum(REFUSAL_GROUNDS)),
    answerToApplication: z.string().nullable(),
    deviatesFromIndstilling: z.boolean().describe("Afviger fra teamets indstilling (P-3)"),
    citizenWished: z.boolean(),
    indstillingId: z.uuid().nullable(),
    decidedBy: z.object({ id: z.uuid().nullable(), name: z.string().nullable() }).describe("Den, der underskrev (P-6)"),
    letter: z
      .object({
        id: z.uuid(),
        href: z.string().describe("PDF'en: /breve/{id}"),
        status: z.string().nullable().describe("Udbakken: pending, sent eller failed"),
        sentAt: z.string().nullable(),
      })
      .nullable(),
    explanation: z.unknown().describe("Regelmotorens forklaringstræ, som afgørelsen bygger på"),
  })
  .meta({ id: "Decision" });

export const DecisionList = z.object({ items: z.array(DecisionResource) }).meta({ id: "DecisionList" });

export const DecisionCreateBody = DecisionInput.meta({
  id: "DecisionInput",
  description:
    "Bevilling: startDate og months eller endDate. Afslag: grounds (TG-7). Afvisning (TG-9): kun for en ansøgt sag i visitation. " +
    "Søgte borgeren, kræves answerToApplication. version er sagens version (optimistisk låsning).",
});

export function decisionResource(d: DecisionView): z.infer<typeof DecisionResource> {
  return DecisionResource.parse({
    id: d.id,
    caseId: d.caseId,
    kind: d.kind,
    decidedOn: d.decidedOn,
    startDate: d.startDate,
    endDate: d.endDate,
    months: d.months,
    reasons: d.reasons,
    grounds: d.grounds,
    answerToApplication: d.answerToApplication,
    deviatesFromIndstilling: d.deviatesFromIndstilling,
    citizenWished: d.citizenWished,
    indstillingId: d.indstillingId,
    decidedBy: d.decidedBy,
    letter: d.letter
      ? {
          id: d.letter.id,
          href: `/breve/${d.letter.id}`,
          status: d.letter.status,
          sentAt: d.letter.sentAt ? d.letter.sentAt.toISOString() : null,
        }
      : null,
    explanation: d.explanation,
  });
}

export const DECISION_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/cases/{caseId}/decisions",
    operationId: "listDecisions",
    summary: "Sagens afgørelser, ældste først, med brev og udbakkestatus",
    tag: "Afgørelser",
    pathParams: ["caseId"],
    response: { status: 200, description: "Afgørelserne", schema: DecisionList },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/cases/{caseId}/decisions",
    operationId: "createDecision",
    summary:
      "Træf afgørelse (P-4) med regeltjek (D-1, D-2, D-7, TG-6, TG-7, TG-9, TG-10). Brevet med klagevejledning lægges i udbakken. " +
      "409 ved afvigelse fra indstillingen uden ny forelæggelse (P-3), forkert status eller forældet version; 403 når " +
      "afgørelsen ikke må træffes af den kaldende (P-6: en person i jobcentret underskriver, ikke et API-token).",
    tag: "Afgørelser",
    pathParams: ["caseId"],
    body: DecisionCreateBody,
    response: { status: 201, description: "Afgørelsen er truffet", schema: DecisionResource },
    errors: [400, 401, 403, 404, 409],
  },
];
