import { createHash } from "node:crypto";
import type { Route } from "./+types/statistik-diagram";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { statisticsQueryFromUrl } from "~/app/lib/statistik-query";
import { figureById } from "~/modules/statistik";
import { chartSvg, readStatistics } from "~/modules/statistik/index.server";

/**
 * /statistik/diagram.svg?figur=…: one figure's chart, rendered on the server by ECharts, shown by the page as an img
 * with a text alternative. Kept out of the page's own HTML (and its hydration data) so the page stays small and fast.
 * Revalidated on every view (ETag), so the chart never lags the table when the data changes.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "statistics.read");
  const url = new URL(request.url);
  const q = statisticsQueryFromUrl(url);
  const r = await readStatistics(useCase(context, actor), q.raw, { comparisonGiven: true });
  const f = r.ok ? figureById(r.view.figures, url.searchParams.get("figur") ?? "") : undefined;
  if (!f)
    return new Response("Ukendt figur eller periode", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const svg = chartSvg(f);
  const etag = `"${createHash("sha256").update(svg).digest("base64url").slice(0, 27)}"`;
  const headers = {
    "Content-Type": "image/svg+xml; charset=utf-8",
    "Cache-Control": "private, no-cache",
    ETag: etag,
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(svg, { headers });
}
