import type { Route } from "./+types/api.v1.team-meeting";
import { apiActor, guard, json, methodNotAllowed } from "~/app/api/handler.server";
import { teamMeetingResource } from "~/app/api/operations-team";
import { useCase } from "~/app/lib/auth.server";
import { problem } from "~/app/lib/problem.server";
import { readMeeting } from "~/modules/rehabiliteringsteam/index.server";

export function loader({ params, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "team.view");
    const view = await readMeeting(useCase(context, actor), params.meetingId, "api");
    // Another municipality's meeting (or, for a team member, a past one) is answered like one that does not exist.
    return view ? json(teamMeetingResource(view)) : problem(404, "Mødet findes ikke");
  });
}

export function action({ context }: Route.ActionArgs) {
  return guard(context, async () => methodNotAllowed(["GET"]));
}
