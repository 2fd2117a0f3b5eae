import type { Route } from "./+types/api.v1.deadlines";
import { DeadlineResource, DeadlinesQuery } from "~/app/api/operations-deadlines";
import { apiActor, guard, json } from "~/app/api/handler.server";
import { useCase } from "~/app/lib/auth.server";
import { zodProblem } from "~/app/lib/problem.server";
import { myDeadlines } from "~/modules/frister/index.server";

export function loader({ request, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "case.read");
    const q = DeadlinesQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!q.success) return zodProblem(q.error);
    const userId = q.data.userId ?? (actor.type === "token" ? null : actor.id);
    const r = await myDeadlines(useCase(context, actor), { all: q.data.all === "true", userId });
    return json({ asOf: r.asOf, items: r.items.map((i) => DeadlineResource.parse(i)) });
  });
}
