import type { Route } from "./+types/api.v1.plans-revision";
import { planRevisionResource } from "~/app/api/operations-plans";
import { apiActor, guard, json } from "~/app/api/handler.server";
import { useCase } from "~/app/lib/auth.server";
import { problem } from "~/app/lib/problem.server";
import { readCase } from "~/modules/cases/index.server";
import { planRevision } from "~/modules/plan/index.server";

/** GET /api/v1/cases/{caseId}/plan/revisions/{revision}: one revision of the indsatsdel. */
export function loader({ params, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "case.read");
    const view = await readCase(useCase(context, actor), params.caseId, "api.plan");
    if (!view) return problem(404, "Sagen findes ikke");
    const n = /^\d{1,6}$/.test(params.revision) ? Number(params.revision) : 0;
    const rev = n > 0 ? await planRevision(context.db, view.access, n) : null;
    return rev ? json(planRevisionResource(rev)) : problem(404, "Revisionen findes ikke");
  });
}
