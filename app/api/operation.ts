import type { z } from "zod";

/** One API route: method, path, and the zod schemas its handler uses (so the OpenAPI document cannot drift). */
export interface ApiOperation {
  method: "get" | "post" | "put" | "delete";
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  query?: z.ZodType;
  pathParams?: string[];
  body?: z.ZodType;
  response: { status: number; description: string; schema: z.ZodType };
  errors: number[];
}
