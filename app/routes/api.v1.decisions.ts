import type { Route } from "./+types/api.v1.decisions";
import { decisionResource, DecisionList } from "~/app/api/operations-decisions";
import { apiActor, fieldProblem, guard, json, methodNotAllowed, rawJsonBody } from "~/app/api/handler.server";
import { useCase } from "~/app/lib/auth.server";
import { problem } from "~/app/lib/problem.server";
import { decide, decisionsOf } from "~/modules/afgoerelser/index.server";
import { readCase } from "~/modules/cases/index.server";

const NOT_FOUND = () => problem(404, "Sagen findes ikke");

export function loader({ params, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "case.read");
    const ctx = useCase(context, actor);
    const view = await readCase(ctx, params.caseId, "api");
    if (!view) return NOT_FOUND();
    const items = await decisionsOf(ctx.db, view.access);
    return json(DecisionList.parse({ items: items.map(decisionResource) }));
  });
}

export function action({ request, params, context }: Route.ActionArgs) {
  return guard(context, async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const actor = apiActor(context, "decision.make");
    // DecisionCreateBody documents the body; the use case validates it with the rules and names every bad field.
    const body = await rawJsonBody(request);
    const ctx = useCase(context, actor);
    const view = await readCase(ctx, params.caseId, "api");
    if (!view) return NOT_FOUND();
    const r = await decide(ctx, view.access, body);
    if (r.ok) {
      const created = (await decisionsOf(ctx.db, view.access)).find((d) => d.id === r.id)!;
      return json(decisionResource(created), {
        status: 201,
        headers: { Location: `/api/v1/cases/${params.caseId}/decisions` },
      });
    }
    switch (r.reason) {
      case "NOT_FOUND":
        return NOT_FOUND();
      case "INVALID":
        return fieldProblem(r.errors);
      case "BLOCKED":
        return problem(409, "Afgørelsen afviger fra rehabiliteringsteamets indstilling (P-3)", { detail: r.message });
      case "WRONG_STATUS":
        return problem(409, "Sagens status tillader ikke afgørelsen", { detail: r.message });
      case "CONFLICT":
        return problem(409, "Sagen er ændret siden den version, du sendte", {
          detail: `Den gemte version er ${r.version}. Hent sagen igen, og træf afgørelsen på det nye grundlag.`,
        });
      case "NOT_ALLOWED":
        return problem(403, "Afgørelsen kan ikke træffes af den kaldende (P-6)", { detail: r.message });
    }
  });
}
