import { EvaluateInputSchema, EvaluateOutputSchema, YdelseInputSchema, YdelseOutputSchema } from "~/legislation";
import type { ApiOperation } from "./operation";

export const RULES_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/rules/evaluate",
    operationId: "evaluateRules",
    summary:
      "Vurdér en sag efter reglerne (folkepensionsalder, seniorregel, varighed, indsatsgaranti, samtaler) på datoen asOf. Se docs/rules-api.md.",
    tag: "Regler",
    body: EvaluateInputSchema.meta({ id: "EvaluateInput" }),
    response: {
      status: 200,
      description: "Resultat med fund og forklaringer",
      schema: EvaluateOutputSchema.meta({ id: "EvaluateOutput" }),
    },
    errors: [400, 401, 403],
  },
  {
    method: "post",
    path: "/api/v1/rules/ydelse",
    operationId: "calculateYdelse",
    summary:
      "Beregn ressourceforløbsydelsen for en måned (Y-1..Y-5). Kun beslutningsstøtte; ændrer aldrig en udbetaling.",
    tag: "Regler",
    body: YdelseInputSchema.meta({ id: "YdelseInput" }),
    response: {
      status: 200,
      description: "Beløb, fradrag og fund",
      schema: YdelseOutputSchema.meta({ id: "YdelseOutput" }),
    },
    errors: [400, 401, 403],
  },
];
