import { z } from "zod";
import { OPERATIONS, type ApiOperation } from "./operations";
import { Problem } from "./schemas";

const ERROR_TEXT: Record<number, string> = {
  400: "Ugyldigt input; `errors` navngiver hvert felt",
  401: "Ikke logget på, eller ugyldigt token",
  403: "Rollen har ikke adgang",
  404: "Findes ikke (eller tilhører en anden kommune)",
  409: "Konflikt: data er ændret siden den version, der blev sendt",
};

function schema(s: z.ZodType, io: "input" | "output") {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

function operation(op: ApiOperation) {
  const parameters: unknown[] = (op.pathParams ?? []).map((name) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string", format: "uuid" },
  }));
  if (op.query) {
    const q = schema(op.query, "input") as { properties?: Record<string, unknown>; required?: string[] };
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
      ? { requestBody: { required: true, content: { "application/json": { schema: schema(op.body, "input") } } } }
      : {}),
    responses: {
      [op.response.status]: {
        description: op.response.description,
        content: { "application/json": { schema: schema(op.response.schema, "output") } },
      },
      ...Object.fromEntries(op.errors.map((s) => [s, { description: ERROR_TEXT[s] ?? "Fejl", content: problem }])),
    },
  };
}

/** The OpenAPI document, generated from the same zod schemas the handlers use. */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
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
      schemas: { Problem: schema(Problem, "output") },
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
