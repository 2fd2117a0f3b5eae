import type { Route } from "./+types/api.v1.periods";
import { PeriodList, periodResource } from "~/app/api/operations-indsatser";
import { apiActor, fieldProblem, guard, json, methodNotAllowed, rawJsonBody } from "~/app/api/handler.server";
import { useCase } from "~/app/lib/auth.server";
import { problem } from "~/app/lib/problem.server";
import { readCase } from "~/modules/cases/index.server";
import { FAILURE_TEXT, periodEffect } from "~/modules/indsatser";
import { periodsOfCase, recordPeriod } from "~/modules/indsatser/index.server";

const NOT_FOUND = () => problem(404, "Sagen findes ikke");

/** GET /api/v1/cases/{caseId}/periods: the periods that move deadlines, each with its effect. */
export function loader({ params, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "case.read");
    const view = await readCase(useCase(context, actor), params.caseId, "api.periods");
    if (!view) return NOT_FOUND();
    const periods = await periodsOfCase(context.db, view.access);
    return json(
      PeriodList.parse({
        caseId: view.case.id,
        periods: periods.map((p) => periodResource(p, periodEffect(p.kind))),
      }),
    );
  });
}

/** POST /api/v1/cases/{caseId}/periods: records a period; the deadlines recompute in the same transaction. */
export function action({ request, params, context }: Route.ActionArgs) {
  return guard(context, async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const actor = apiActor(context, "case.write");
    const r = await recordPeriod(useCase(context, actor), params.caseId, await rawJsonBody(request));
    if (r.ok) {
      return json(periodResource(r.period, periodEffect(r.period.kind)), {
        status: 201,
        headers: { Location: `/api/v1/cases/${params.caseId}/periods` },
      });
    }
    switch (r.reason) {
      case "NOT_FOUND":
        return NOT_FOUND();
      case "INVALID":
        return fieldProblem(r.errors);
      case "NO_FORLOEB":
        return problem(409, "Sagen har ikke et bevilget ressourceforløb", { detail: FAILURE_TEXT.NO_FORLOEB });
      case "CONFLICT":
        return problem(409, "Perioden er ændret imens", { detail: FAILURE_TEXT.CONFLICT });
    }
  });
}
