import type { z } from "zod";

export interface ProblemField {
  path: string;
  message: string;
}

/** RFC 9457 problem details; `errors` names each bad field by its path. */
export function problem(status: number, title: string, extra: { detail?: string; errors?: ProblemField[] } = {}) {
  return new Response(JSON.stringify({ type: "about:blank", title, status, ...extra }), {
    status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8" },
  });
}

export function zodProblem(error: z.ZodError, title = "Ugyldigt input"): Response {
  return problem(400, title, {
    errors: error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  });
}

/** JSON path as in the rules contract: forloeb[0].start */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || "(body)";
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(data), {
    ...init,
    headers: { "Content-Type": "application/json; charset=utf-8", ...(init.headers ?? {}) },
  });
}
