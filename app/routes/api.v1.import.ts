import type { Route } from "./+types/api.v1.import";
import { ImportQuery, ImportResultResource } from "~/app/api/operations-afslutning";
import { apiActor, guard, json, methodNotAllowed, rawJsonBody } from "~/app/api/handler.server";
import { useCase } from "~/app/lib/auth.server";
import { problem, zodProblem } from "~/app/lib/problem.server";
import { importCase } from "~/modules/flytning/index.server";

export function loader() {
  return methodNotAllowed(["POST"]);
}

/**
 * POST /api/v1/cases/import – P-8: a bundle from another municipality becomes a new case here. Every bad field is
 * named by its path in problem+json; nothing is written unless everything is valid.
 */
export function action({ request, context }: Route.ActionArgs) {
  return guard(context, async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const actor = apiActor(context, "case.move");
    const query = ImportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return zodProblem(query.error);
    // BundleSchema documents the body; the use case validates it and names every bad field.
    const body = await rawJsonBody(request);
    const r = await importCase(useCase(context, actor), body, { coordinatorUserId: query.data.coordinatorUserId });
    if (r.ok) {
      return json(
        ImportResultResource.parse({
          caseId: r.caseId,
          citizenId: r.citizenId,
          citizenMatched: r.citizenMatched,
          status: r.status,
          href: `/api/v1/cases/${r.caseId}`,
        }),
        { status: 201, headers: { Location: `/api/v1/cases/${r.caseId}` } },
      );
    }
    if (r.reason === "INVALID") return problem(400, "Pakken er ugyldig", { errors: r.issues });
    return problem(409, "Sagen kan ikke indlæses", { detail: r.message });
  });
}
