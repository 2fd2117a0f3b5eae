import type { Route } from "./+types/ical-my-meetings";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { myMeetingsCalendar } from "~/modules/opfoelgning/index.server";

/**
 * /mine-moeder.ics: the logged-in caseworker's planned conversations and team meetings as iCalendar (RFC 5545).
 * The file names no citizen and no CPR number; the events name citizens, never their CPR numbers.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.read");
  // Links in the events point at the public address when one is configured (behind a proxy), else at this one.
  const base = context.env?.PUBLIC_URL ?? new URL(request.url).origin;
  const { ics } = await myMeetingsCalendar(useCase(context, actor), base);
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="mine-moeder.ics"',
      "Cache-Control": "private, no-store",
    },
  });
}
