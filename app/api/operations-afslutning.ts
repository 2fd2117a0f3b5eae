import { z } from "zod";
import { BundleSchema } from "~/modules/flytning";
import type { ApiOperation } from "./operation";

/* P-8 over the API: the case as a versioned bundle out of one municipality and into another (docs/case-bundle.md). */

export const ImportQuery = z.object({
  coordinatorUserId: z
    .string()
    .optional()
    .describe("Den medarbejder (bruger-id), der bliver koordinerende sagsbehandler (P-6). Kræves for et API-token."),
});

export const ImportResultResource = z
  .object({
    caseId: z.string().describe("Den nye sag i den modtagende kommune"),
    citizenId: z.string(),
    citizenMatched: z.boolean().describe("Borgeren fandtes i kommunen (samme CPR-nummer) og er koblet til sagen"),
    status: z.string().describe("granted for et igangværende forløb, visitation for en sag, der ikke er afgjort"),
    href: z.string().describe("/api/v1/cases/{caseId}"),
  })
  .meta({ id: "CaseImportResult" });

export const MOVING_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/cases/{caseId}/export",
    operationId: "exportCase",
    summary:
      "Hele sagen som versioneret pakke til den kommune, borgeren flytter til (P-8): borger med CPR-nummer, sag og visitation, " +
      "forberedende del, indstillinger, afgørelser, forløb, plan med alle revisioner, indsatser, mentorbevillinger, perioder, " +
      "samtaler, klager og koordinatorhistorik. Hentningen logges. En sag i en anden kommune giver 404.",
    tag: "Flytning",
    pathParams: ["caseId"],
    response: { status: 200, description: "Pakken (format ressourceforloeb-bundle, version 1)", schema: BundleSchema },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/cases/import",
    operationId: "importCase",
    summary:
      "Indlæs en pakke fra en anden kommune som ny sag (P-8), der beholder planen med alle revisioner, forløbets datoer, " +
      "perioder, indsatser, samtaler og historik. Borgeren findes på CPR-nummeret eller oprettes. 400 navngiver hvert " +
      "forkert felt med dets sti (fx plan.revisions[0].content.goal); 409 når pakken allerede er indlæst eller kommer fra " +
      "egen kommune.",
    tag: "Flytning",
    query: ImportQuery,
    body: BundleSchema,
    response: { status: 201, description: "Sagen er oprettet", schema: ImportResultResource },
    errors: [400, 401, 403, 409],
  },
];
