import type { Route } from "./+types/case-export-json";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { readCase } from "~/modules/cases/index.server";
import { exportBundle } from "~/modules/flytning/index.server";

/**
 * /sager/:caseId/eksport.json – P-8: the whole case as a versioned bundle (docs/case-bundle.md), downloaded by a
 * caseworker to send to the municipality the citizen moves to. It contains the CPR number; the download is the audited
 * read "case.read.export.json". Another municipality's case is 404, as one that does not exist.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.move");
  const ctx = useCase(context, actor);
  const view = await readCase(ctx, params.caseId, "export.json", "case.move");
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const bundle = await exportBundle(ctx, view);
  return new Response(JSON.stringify(bundle, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      // The file name names the case and the day, never the citizen or the CPR number.
      "Content-Disposition": `attachment; filename="sag-${view.case.id.slice(-8)}-${bundle.exportedOn}.json"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
