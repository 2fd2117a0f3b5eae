import type { Route } from "./+types/api.v1.citizen";
import { apiActor, fieldProblem, guard, json, methodNotAllowed, rawJsonBody } from "~/app/api/handler.server";
import { CitizenResource, CitizenUpdateBody } from "~/app/api/schemas";
import { useCase } from "~/app/lib/auth.server";
import { problem } from "~/app/lib/problem.server";
import { readCitizen, updateCitizen } from "~/modules/citizens/index.server";

const NOT_FOUND = () => problem(404, "Borgeren findes ikke");

export function loader({ params, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "citizen.read");
    const citizen = await readCitizen(useCase(context, actor), params.citizenId, "api");
    return citizen ? json(CitizenResource.parse(citizen)) : NOT_FOUND();
  });
}

export function action({ request, params, context }: Route.ActionArgs) {
  return guard(context, async () => {
    if (request.method !== "PUT") return methodNotAllowed(["GET", "PUT"]);
    const actor = apiActor(context, "citizen.write");
    const body = await rawJsonBody(request);
    const version = CitizenUpdateBody.shape.version.safeParse((body as { version?: unknown } | null)?.version);
    if (!version.success) {
      return problem(400, "Ugyldigt input", {
        errors: [{ path: "version", message: "Send den version, ændringen bygger på" }],
      });
    }
    const ctx = useCase(context, actor);
    const result = await updateCitizen(ctx, params.citizenId, version.data, body);
    if (result.ok) return json(CitizenResource.parse(await readCitizen(ctx, result.id, "api")));
    switch (result.reason) {
      case "NOT_FOUND":
        return NOT_FOUND();
      case "CONFLICT":
        return problem(409, "Borgeren er ændret siden den version, du sendte", {
          detail: `Den gemte version er ${result.current.version}. Hent borgeren igen og gentag ændringen.`,
        });
      case "INVALID":
        return fieldProblem(result.errors);
    }
  });
}
