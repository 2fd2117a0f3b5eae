import type { Route } from "./+types/case-plan-pdf";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { readCase } from "~/modules/cases/index.server";
import { printPlan } from "~/modules/plan/index.server";

/** /sager/:caseId/plan.pdf[?revision=N]: the current or a chosen revision of the indsatsdel, inline. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.read");
  const raw = new URL(request.url).searchParams.get("revision");
  const revision = raw === null ? null : /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(revision)) throw new Response("Ikke fundet", { status: 404 });
  const view = await readCase(useCase(context, actor), params.caseId, "plan.pdf");
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const printed = await printPlan(context.db, view.access, actor.municipalityName, revision);
  if (!printed) throw new Response("Planen findes ikke", { status: 404 });
  return new Response(new Uint8Array(printed.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      // The file name names the revision, never the citizen or the CPR number.
      "Content-Disposition": `inline; filename="indsatsdel-revision-${printed.revision}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
