import type { ApiOperation } from "./operation";
import { CASE_OPERATIONS } from "./operations-cases";
import { MOVING_OPERATIONS } from "./operations-afslutning";
import { INDSATS_OPERATIONS } from "./operations-indsatser";
import { DEADLINE_OPERATIONS } from "./operations-deadlines";
import { RULES_OPERATIONS } from "./operations-rules";
import { DECISION_OPERATIONS } from "./operations-decisions";
import { PLAN_OPERATIONS } from "./operations-plans";
import { TEAM_OPERATIONS } from "./operations-team";
import { OPFOELGNING_OPERATIONS } from "./operations-opfoelgning";
import { STATISTICS_OPERATIONS } from "./operations-statistik";
import {
  CitizenCreateBody,
  CitizenList,
  CitizenListQuery,
  CitizenResource,
  CitizenSearchBody,
  CitizenUpdateBody,
  Me,
} from "./schemas";

/** Every API route, with the zod schemas its handler parses and returns; /api/openapi.json is built from this. */
export const OPERATIONS: ApiOperation[] = [
  // -- more operations: spread each module's list here --
  ...MOVING_OPERATIONS,
  ...INDSATS_OPERATIONS,
  ...OPFOELGNING_OPERATIONS,
  ...CASE_OPERATIONS,
  ...DEADLINE_OPERATIONS,
  ...RULES_OPERATIONS,
  ...PLAN_OPERATIONS,
  ...DECISION_OPERATIONS,
  ...TEAM_OPERATIONS,
  ...STATISTICS_OPERATIONS,
  {
    method: "get",
    path: "/api/v1/me",
    operationId: "getMe",
    summary: "Hvem er jeg: bruger eller servicekonto, rolle og kommune",
    tag: "Adgang",
    response: { status: 200, description: "Den kaldende", schema: Me },
    errors: [401],
  },
  {
    method: "get",
    path: "/api/v1/citizens",
    operationId: "listCitizens",
    summary: "Borgere i kommunen, med maskeret CPR-nummer",
    tag: "Borgere",
    query: CitizenListQuery,
    response: { status: 200, description: "En side af borgerlisten", schema: CitizenList },
    errors: [400, 401, 403],
  },
  {
    method: "post",
    path: "/api/v1/citizens",
    operationId: "createCitizen",
    summary: "Opret en borger",
    tag: "Borgere",
    body: CitizenCreateBody,
    response: { status: 201, description: "Borgeren er oprettet", schema: CitizenResource },
    errors: [400, 401, 403],
  },
  {
    method: "post",
    path: "/api/v1/citizens/search",
    operationId: "searchCitizens",
    summary: "Søg på navn eller CPR-nummer",
    tag: "Borgere",
    body: CitizenSearchBody,
    response: { status: 200, description: "Fundne borgere", schema: CitizenList },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/api/v1/citizens/{citizenId}",
    operationId: "getCitizen",
    summary: "Én borger. En borger i en anden kommune giver 404, som en der ikke findes.",
    tag: "Borgere",
    pathParams: ["citizenId"],
    response: { status: 200, description: "Borgeren", schema: CitizenResource },
    errors: [401, 403, 404],
  },
  {
    method: "put",
    path: "/api/v1/citizens/{citizenId}",
    operationId: "updateCitizen",
    summary: "Ret en borger. En forældet version giver 409.",
    tag: "Borgere",
    pathParams: ["citizenId"],
    body: CitizenUpdateBody,
    response: { status: 200, description: "Den gemte borger", schema: CitizenResource },
    errors: [400, 401, 403, 404, 409],
  },
];
