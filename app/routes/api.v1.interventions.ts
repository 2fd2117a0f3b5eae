import type { Route } from "./+types/api.v1.interventions";
import { interventionResource, InterventionList, mentorGrantResource } from "~/app/api/operations-indsatser";
import { apiActor, fieldProblem, guard, json, methodNotAllowed, rawJsonBody } from "~/app/api/handler.server";
import { useCase } from "~/app/lib/auth.server";
import { problem } from "~/app/lib/problem.server";
import { readCase } from "~/modules/cases/index.server";
import { FAILURE_TEXT } from "~/modules/indsatser";
import { interventionsOfCase, mentorGrantsOfCase, recordIntervention } from "~/modules/indsatser/index.server";

const NOT_FOUND = () => problem(404, "Sagen findes ikke");

/** GET /api/v1/cases/{caseId}/interventions: the recorded interventions and the mentor grants. */
export function loader({ params, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "case.read");
    const view = await readCase(useCase(context, actor), params.caseId, "api.interventions");
    if (!view) return NOT_FOUND();
    const [records, grants] = await Promise.all([
      interventionsOfCase(context.db, view.access, view.asOf),
      mentorGrantsOfCase(context.db, view.access),
    ]);
    return json(
      InterventionList.parse({
        caseId: view.case.id,
        interventions: records.map(interventionResource),
        mentorGrants: grants.map(mentorGrantResource),
      }),
    );
  });
}

/** POST /api/v1/cases/{caseId}/interventions: records an intervention, checked as on the page (SK-1, VP-1..VP-4). */
export function action({ request, params, context }: Route.ActionArgs) {
  return guard(context, async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const actor = apiActor(context, "case.write");
    // InterventionBody documents the body; the use case validates it and names every bad field.
    const body = await rawJsonBody(request);
    const ctx = useCase(context, actor);
    const r = await recordIntervention(ctx, params.caseId, body);
    if (r.ok) {
      const view = await readCase(ctx, params.caseId, "api.interventions");
      const saved = view
        ? (await interventionsOfCase(context.db, view.access, view.asOf)).find((x) => x.id === r.record.id)
        : undefined;
      if (!saved) return NOT_FOUND();
      return json(interventionResource(saved), {
        status: 201,
        headers: { Location: `/api/v1/cases/${params.caseId}/interventions` },
      });
    }
    switch (r.reason) {
      case "NOT_FOUND":
        return NOT_FOUND();
      case "INVALID":
        return fieldProblem(r.errors);
      case "NO_FORLOEB":
        return problem(409, "Sagen har ikke et bevilget ressourceforløb", { detail: FAILURE_TEXT.NO_FORLOEB });
      case "DUPLICATE":
        return problem(409, "Indsatsen er allerede registreret", {
          detail: `Planens indsats har en registrering, der ikke er stoppet (id ${r.current.id}, version ${r.current.version}).`,
        });
      case "CONFLICT":
        return problem(409, "Registreringen er ændret imens", { detail: FAILURE_TEXT.CONFLICT });
    }
  });
}
