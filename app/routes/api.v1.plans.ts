import type { Route } from "./+types/api.v1.plans";
import { planResource, planRevisionResource } from "~/app/api/operations-plans";
import { apiActor, fieldProblem, guard, json, methodNotAllowed, rawJsonBody } from "~/app/api/handler.server";
import { useCase } from "~/app/lib/auth.server";
import { problem } from "~/app/lib/problem.server";
import { CASE_STATUSES } from "~/modules/cases";
import { readCase } from "~/modules/cases/index.server";
import { currentPlan, planRevisions, planVersion, revisePlan } from "~/modules/plan/index.server";

const NOT_FOUND = () => problem(404, "Sagen findes ikke");

/** GET /api/v1/cases/{caseId}/plan: the current revision and every revision, newest first. */
export function loader({ params, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "case.read");
    const view = await readCase(useCase(context, actor), params.caseId, "api.plan");
    if (!view) return NOT_FOUND();
    const [current, revisions, version] = await Promise.all([
      currentPlan(context.db, view.access),
      planRevisions(context.db, view.access),
      planVersion(context.db, view.access),
    ]);
    return json(planResource(view.case.id, version, current, revisions));
  });
}

/** POST /api/v1/cases/{caseId}/plan: a new revision, validated as on the page (PL-1..PL-7). */
export function action({ request, params, context }: Route.ActionArgs) {
  return guard(context, async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const actor = apiActor(context, "plan.write");
    // PlanRevisionBody documents the body; the use case validates it and names every bad field.
    const body = await rawJsonBody(request);
    const ctx = useCase(context, actor);
    const r = await revisePlan(ctx, params.caseId, body);
    if (r.ok) {
      const view = await readCase(ctx, params.caseId, "api.plan");
      const current = view ? await currentPlan(context.db, view.access) : null;
      if (!current) return NOT_FOUND();
      return json(planRevisionResource(current), {
        status: 201,
        headers: { Location: `/api/v1/cases/${params.caseId}/plan/revisions/${r.revision}` },
      });
    }
    switch (r.reason) {
      case "NOT_FOUND":
        return NOT_FOUND();
      case "INVALID":
        return fieldProblem(r.errors);
      case "CONFLICT":
        return problem(409, "Planen er ændret siden den version, du sendte", {
          detail: r.current
            ? `Den gemte version er ${r.current.version} (revision ${r.current.revision}). Hent planen igen og gentag ændringen.`
            : "Hent planen igen og gentag ændringen.",
        });
      case "UNCHANGED":
        return problem(409, "Planen er ikke ændret", {
          detail:
            "Der er ikke gemt en ny revision. Send en ændringsnote (changeNote) for at gemme en revision alligevel.",
        });
      case "NOT_GRANTED":
        return problem(409, "Sagen har ikke et bevilget ressourceforløb", {
          detail: `Planens indsatsdel laves, når forløbet er bevilget. Sagens status er: ${CASE_STATUSES[r.status]}.`,
        });
    }
  });
}
