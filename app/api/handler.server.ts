import type { AppLoadContext } from "react-router";
import type { z } from "zod";
import type { Actor } from "~/platform/auth/actor";
import { can, ForbiddenError, type Permission } from "~/platform/auth/permissions";
import { json, problem, zodProblem } from "~/app/lib/problem.server";

/** API callers get problem+json, never a redirect to the login page. */
export function apiActor(context: AppLoadContext, permission: Permission): Actor {
  const actor = context.actor;
  if (!actor) throw problem(401, "Log på eller send et API-token (Authorization: Bearer …)");
  if (!can(actor, permission)) throw problem(403, "Rollen har ikke adgang til dette");
  return actor;
}

export async function jsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await rawJsonBody(request));
  if (!parsed.success) throw zodProblem(parsed.error);
  return parsed.data;
}

/** The JSON body, unvalidated: for use cases that validate themselves and report every field at once. */
export async function rawJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.includes("application/json")) {
    throw problem(415, "Send JSON med Content-Type: application/json");
  }
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw problem(400, "Ugyldig JSON", { errors: [{ path: "(body)", message: "Kroppen kunne ikke læses som JSON" }] });
  }
  return raw;
}

/** A use case's field errors (keyed "network.0.name") as problem+json paths ("network[0].name"). */
export function fieldProblem(errors: Record<string, string>): Response {
  return problem(400, "Ugyldigt input", {
    errors: Object.entries(errors).map(([key, message]) => ({
      path: key.replace(/\.(\d+)(?=\.|$)/g, "[$1]"),
      message,
    })),
  });
}

export function methodNotAllowed(allowed: string[]): Response {
  return new Response(JSON.stringify({ type: "about:blank", title: "Metoden understøttes ikke", status: 405 }), {
    status: 405,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", Allow: allowed.join(", ") },
  });
}

/** Runs an API handler: a module's permission error becomes 403, an unexpected error a 500 problem without details. */
export async function guard(context: AppLoadContext, fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Response) return error;
    if (error instanceof ForbiddenError) return problem(403, "Rollen har ikke adgang til dette");
    context.log.error({ requestId: context.requestId, err: error }, "api error");
    return problem(500, "Der opstod en fejl", { detail: `Fejlen er registreret med id ${context.requestId}` });
  }
}

export { json };
