import type { Route } from "./+types/api.v1.statistik";
import { apiActor, fieldProblem, guard, json } from "~/app/api/handler.server";
import { figureResource, StatisticsApiQuery, StatisticsResource } from "~/app/api/operations-statistik";
import { useCase } from "~/app/lib/auth.server";
import { zodProblem } from "~/app/lib/problem.server";
import { readStatistics } from "~/modules/statistik/index.server";

export function loader({ request, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "statistics.read");
    const q = StatisticsApiQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!q.success) return zodProblem(q.error);
    const { figur, sammenlign, ...period } = q.data;
    const r = await readStatistics(
      useCase(context, actor),
      { ...period, sammenlign: sammenlign ?? "" },
      { comparisonGiven: true },
    );
    if (!r.ok) return fieldProblem(r.errors);
    const v = r.view;
    return json(
      StatisticsResource.parse({
        municipality: { code: v.ownCode, name: v.ownName },
        asOf: v.asOf,
        period: { from: v.period.fromMonth, to: v.period.toMonth },
        comparison: v.comparisonCodes,
        targets: v.targets,
        figures: v.figures.filter((f) => !figur || f.id === figur).map(figureResource),
      }),
    );
  });
}
