import type { Route } from "./+types/api.v1.rules-ydelse";
import { apiActor, guard, json, methodNotAllowed, rawJsonBody } from "~/app/api/handler.server";
import { problem } from "~/app/lib/problem.server";
import { ydelseForCaller } from "~/modules/rules/index.server";

export function loader() {
  return methodNotAllowed(["POST"]);
}

export function action({ request, context }: Route.ActionArgs) {
  return guard(context, async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const actor = apiActor(context, "rules.evaluate");
    const r = ydelseForCaller(actor, await rawJsonBody(request));
    return r.ok ? json(r.value) : problem(400, "Ugyldigt input", { errors: r.issues });
  });
}
