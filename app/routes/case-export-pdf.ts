import type { Route } from "./+types/case-export-pdf";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { readCase } from "~/modules/cases/index.server";
import { exportPdf } from "~/modules/flytning/index.server";

/** /sager/:caseId/eksport.pdf – P-8: the PDF summary of the bundle, inline. Audited as "case.read.export.pdf". */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.move");
  const ctx = useCase(context, actor);
  const view = await readCase(ctx, params.caseId, "export.pdf", "case.move");
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const pdf = await exportPdf(ctx, view);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="sag-${view.case.id.slice(-8)}-resume.pdf"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
