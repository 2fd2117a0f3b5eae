import type { Route } from "./+types/team-letter";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { meetingInvitation } from "~/modules/rehabiliteringsteam/index.server";

/** An invitation sent for a case on this meeting's agenda, as the citizen received it (the opening is audited). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "team.manage");
  const letter = await meetingInvitation(useCase(context, actor), params.meetingId, params.letterId);
  if (!letter) throw new Response("Ikke fundet", { status: 404 });
  return new Response(new Uint8Array(letter.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="indkaldelse-${letter.id.slice(0, 8)}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
