import { z } from "zod";
import type { ApiOperation } from "./operation";
import { OPERATIONS } from "./operations";
import { Problem } from "./schemas";

const ERROR_TEXT: Record<number, string> = {
  400: "Ugyldigt input; `errors` navngiver hvert felt",
  401: "Ikke logget på, eller ugyldigt token",
  403: "Rollen har ikke adgang",
  404: "Findes ikke (eller tilhører en anden kommune)",
  409: "Konflikt: data er ændret siden den version, der blev sendt",
  422: "Kan ikke udføres: der mangler oplysninger; `errors` navngiver dem",
};

type JsonSchema = Record<string, unknown>;

/** Converts a zod schema; named schemas (.meta({ id })) are hoisted into `components`, referenced by $ref. */
function schema(s: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>): JsonSchema {
  const raw = z.toJSONSchema(s, { io, unrepresentable: "any" }) as JsonSchema;
  const {
    $schema: _s,
    $defs,
    ...rest
  } = JSON.parse(JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema & {
    $defs?: Record<string, JsonSchema>;
  };
  for (const [id, def] of Object.entries($defs ?? {})) components[id] ??= def;
  return rest;
}

function operation(op: ApiOperation, components: Record<string, JsonSchema>) {
  const parameters: unknown[] = (op.pathParams ?? []).map((name) => ({
    name,
    in: "path",
    required: true,
    schema: name === "revision" ? { type: "integer", minimum: 1 } : { type: "string", format: "uuid" },
  }));
  if (op.query) {
    const q = schema(op.query, "input", components) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, s] of Object.entries(q.properties ?? {})) {
      parameters.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema: s });
    }
  }
  const problem = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };
  return {
    operationId: op.operationId,
    summary: op.summary,
    tags: [op.tag],
    security: [{ bearer: [] }, { session: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: schema(op.body, "input", components) } },
          },
        }
      : {}),
    responses: {
      [op.response.status]: {
        description: op.response.description,
        content: { "application/json": { schema: schema(op.response.schema, "output", components) } },
      },
      ...Object.fromEntries(op.errors.map((s) => [s, { description: ERROR_TEXT[s] ?? "Fejl", content: problem }])),
    },
  };
}

/** The OpenAPI document, generated from the same zod schemas the handlers use. */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const components: Record<string, JsonSchema> = {};
  schema(Problem, "output", components); // registers #/components/schemas/Problem
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op, components);
  return {
    openapi: "3.1.0",
    info: {
      title: "Ressourceforløb API",
      version: "1",
      description:
        "Sagsbehandling af ressourceforløb. Alle kald kræver et API-token (Authorization: Bearer …) eller en session. " +
        "Alle data er afgrænset til tokenets kommune. CPR-numre sendes kun i request bodies, aldrig i URL'er.",
    },
    servers: [{ url: serverUrl }],
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "API-token oprettet af en administrator" },
        session: { type: "apiKey", in: "cookie", name: "rf_session" },
      },
    },
    paths,
  };
}

export function findOperation(operationId: string): ApiOperation {
  const op = OPERATIONS.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`unknown operation ${operationId}`);
  return op;
}
