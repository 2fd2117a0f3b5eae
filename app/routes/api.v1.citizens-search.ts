import type { Route } from "./+types/api.v1.citizens-search";
import { apiActor, guard, json, jsonBody, methodNotAllowed } from "~/app/api/handler.server";
import { CitizenList, CitizenSearchBody } from "~/app/api/schemas";
import { useCase } from "~/app/lib/auth.server";
import { searchCitizens } from "~/modules/citizens/index.server";

export function loader() {
  return methodNotAllowed(["POST"]);
}

export function action({ request, context }: Route.ActionArgs) {
  return guard(context, async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const actor = apiActor(context, "citizen.read");
    const body = await jsonBody(request, CitizenSearchBody);
    const result = await searchCitizens(useCase(context, actor), { q: body.q, page: 1, pageSize: 50 });
    return json(CitizenList.parse(result));
  });
}
