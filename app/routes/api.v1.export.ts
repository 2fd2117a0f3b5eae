import type { Route } from "./+types/api.v1.export";
import { apiActor, guard, json } from "~/app/api/handler.server";
import { useCase } from "~/app/lib/auth.server";
import { problem } from "~/app/lib/problem.server";
import { readCase } from "~/modules/cases/index.server";
import { exportBundle } from "~/modules/flytning/index.server";

/**
 * GET /api/v1/cases/{caseId}/export – P-8: the case as a versioned bundle (docs/case-bundle.md). The read is audited
 * as "case.read.export.api"; another municipality's case is 404, like one that does not exist.
 */
export function loader({ params, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "case.move");
    const ctx = useCase(context, actor);
    const view = await readCase(ctx, params.caseId, "export.api", "case.move");
    if (!view) return problem(404, "Sagen findes ikke");
    return json(await exportBundle(ctx, view), { headers: { "Cache-Control": "private, no-store" } });
  });
}
