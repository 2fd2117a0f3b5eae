import type { Route } from "./+types/api.v1.me";
import { apiActor, guard, json } from "~/app/api/handler.server";
import { Me } from "~/app/api/schemas";

export function loader({ context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "rules.evaluate");
    return json(
      Me.parse({
        type: actor.type,
        name: actor.name,
        role: actor.role,
        municipality: { code: actor.municipalityCode, name: actor.municipalityName },
      }),
    );
  });
}
