import type { Route } from "./+types/api.v1.case-deadlines";
import { DeadlineResource } from "~/app/api/operations-deadlines";
import { apiActor, guard, json } from "~/app/api/handler.server";
import { useCase } from "~/app/lib/auth.server";
import { problem } from "~/app/lib/problem.server";
import { readCase } from "~/modules/cases/index.server";
import { caseDeadlines } from "~/modules/frister/index.server";

export function loader({ params, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "case.read");
    const view = await readCase(useCase(context, actor), params.caseId, "api.deadlines");
    if (!view) return problem(404, "Sagen findes ikke");
    const items = await caseDeadlines(context.db, view.access);
    return json({ items: items.map((i) => DeadlineResource.parse(i)) });
  });
}
