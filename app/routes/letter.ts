import type { Route } from "./+types/letter";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { readLetter } from "~/modules/letters/index.server";

/**
 * A letter as PDF, shown in the browser. Staff of the municipality with case access, and the citizen the letter
 * was sent to; anyone else gets 404, as for a letter that does not exist. Every opening is audit-logged.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context);
  const letter = await readLetter(useCase(context, actor), params.letterId);
  if (!letter) throw new Response("Brevet findes ikke", { status: 404 });
  return new Response(new Uint8Array(letter.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="brev-${letter.id.slice(0, 8)}.pdf"`,
      "Content-Length": String(letter.pdf.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
