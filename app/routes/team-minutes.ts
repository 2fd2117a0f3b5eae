import type { Route } from "./+types/team-minutes";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { minutesPdf } from "~/modules/rehabiliteringsteam/index.server";

/** The meeting's minutes as a PDF, shown in the browser. Every citizen in it is audit-logged by the module. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "team.view");
  const r = await minutesPdf(useCase(context, actor), params.meetingId);
  if (!r) throw new Response("Ikke fundet", { status: 404 });
  return new Response(new Uint8Array(r.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${r.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
