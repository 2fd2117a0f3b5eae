import type { Route } from "./+types/api.openapi";
import { openApiDocument } from "~/app/api/openapi";
import { json } from "~/app/lib/problem.server";

export function loader({ request, context }: Route.LoaderArgs) {
  return json(openApiDocument(context.env.PUBLIC_URL ?? new URL(request.url).origin));
}
