import type { Route } from "./+types/api.v1.citizens";
import { apiActor, fieldProblem, guard, json, methodNotAllowed, rawJsonBody } from "~/app/api/handler.server";
import { CitizenList, CitizenListQuery, CitizenResource } from "~/app/api/schemas";
import { useCase } from "~/app/lib/auth.server";
import { problem, zodProblem } from "~/app/lib/problem.server";
import { createCitizen, readCitizen, searchCitizens } from "~/modules/citizens/index.server";

export function loader({ request, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "citizen.read");
    const query = CitizenListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return zodProblem(query.error);
    const result = await searchCitizens(useCase(context, actor), query.data);
    return json(CitizenList.parse(result));
  });
}

export function action({ request, context }: Route.ActionArgs) {
  return guard(context, async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const actor = apiActor(context, "citizen.write");
    // CitizenCreateBody documents the body; the use case validates it, CPR rule included, and names every bad field.
    const body = await rawJsonBody(request);
    const ctx = useCase(context, actor);
    const result = await createCitizen(ctx, body);
    if (!result.ok)
      return result.reason === "INVALID" ? fieldProblem(result.errors) : problem(500, "Borgeren kunne ikke oprettes");
    const citizen = await readCitizen(ctx, result.id, "api");
    return json(CitizenResource.parse(citizen), {
      status: 201,
      headers: { Location: `/api/v1/citizens/${result.id}` },
    });
  });
}
