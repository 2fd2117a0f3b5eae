import type { Route } from "./+types/api.v1.case-visitation";
import { VisitationBody } from "~/app/api/operations-cases";
import { apiActor, fieldProblem, guard, json, jsonBody, methodNotAllowed } from "~/app/api/handler.server";
import { useCase } from "~/app/lib/auth.server";
import { caseResource } from "~/app/lib/case-resource.server";
import { problem } from "~/app/lib/problem.server";
import { readCase, saveVisitation } from "~/modules/cases/index.server";

export function loader() {
  return methodNotAllowed(["PUT"]);
}

export function action({ request, params, context }: Route.ActionArgs) {
  return guard(context, async () => {
    if (request.method !== "PUT") return methodNotAllowed(["PUT"]);
    const actor = apiActor(context, "case.write");
    const { sendToTeam, ...body } = await jsonBody(request, VisitationBody);
    const ctx = useCase(context, actor);
    const r = await saveVisitation(ctx, params.caseId, body, { sendToTeam });
    if (!r.ok) {
      switch (r.reason) {
        case "INVALID":
          return fieldProblem(r.errors);
        case "NOT_FOUND":
          return problem(404, "Sagen findes ikke");
        case "CONFLICT":
          return problem(409, "Sagen er ændret siden den version, du sendte");
        case "LOCKED":
          return problem(409, "Visitationen kan ikke ændres i sagens nuværende status");
        case "INCOMPLETE":
          // The draft was saved; the case cannot go to the team yet.
          return problem(422, "Sagen kan ikke sendes til teamet: der mangler oplysninger", {
            errors: r.missing.map((m) => ({ path: m.path, message: `${m.ruleId}: ${m.message}` })),
          });
      }
    }
    return json(caseResource((await readCase(ctx, params.caseId, "api"))!));
  });
}
