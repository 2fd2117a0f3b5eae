import type { Route } from "./+types/api.v1.team-meetings";
import { apiActor, fieldProblem, guard, json, methodNotAllowed, rawJsonBody } from "~/app/api/handler.server";
import { TeamMeetingList, TeamMeetingListQuery, teamMeetingResource } from "~/app/api/operations-team";
import { useCase } from "~/app/lib/auth.server";
import { problem, zodProblem } from "~/app/lib/problem.server";
import { createMeeting, listTeamMeetings, readMeeting } from "~/modules/rehabiliteringsteam/index.server";

export function loader({ request, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "team.view");
    const query = TeamMeetingListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return zodProblem(query.error);
    const items = await listTeamMeetings(useCase(context, actor), query.data);
    return json(TeamMeetingList.parse({ items }));
  });
}

export function action({ request, context }: Route.ActionArgs) {
  return guard(context, async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const actor = apiActor(context, "team.manage");
    // TeamMeetingCreateBody documents the body; the use case validates it (P-2 included) and names every bad field.
    const body = await rawJsonBody(request);
    const ctx = useCase(context, actor);
    const result = await createMeeting(ctx, body);
    if (!result.ok) {
      return result.reason === "INVALID" ? fieldProblem(result.errors) : problem(500, "Mødet kunne ikke oprettes");
    }
    const view = await readMeeting(ctx, result.id, "api");
    if (!view) return problem(500, "Mødet kunne ikke oprettes");
    return json(teamMeetingResource(view), {
      status: 201,
      headers: { Location: `/api/v1/team-meetings/${result.id}` },
    });
  });
}
