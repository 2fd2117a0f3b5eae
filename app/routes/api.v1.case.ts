import type { Route } from "./+types/api.v1.case";
import { apiActor, guard, json, methodNotAllowed } from "~/app/api/handler.server";
import { useCase } from "~/app/lib/auth.server";
import { caseResource } from "~/app/lib/case-resource.server";
import { problem } from "~/app/lib/problem.server";
import { readCase } from "~/modules/cases/index.server";

export function loader({ params, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "case.read");
    const view = await readCase(useCase(context, actor), params.caseId, "api");
    return view ? json(caseResource(view)) : problem(404, "Sagen findes ikke");
  });
}

export function action() {
  return methodNotAllowed(["GET"]);
}
