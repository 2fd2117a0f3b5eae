import type { Route } from "./+types/statistik-export";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { statisticsQueryFromUrl } from "~/app/lib/statistik-query";
import { FIGURE_IDS, figureById } from "~/modules/statistik";
import { figureCsv, figuresXlsx, readStatistics } from "~/modules/statistik/index.server";

/** /statistik/eksport.csv and .xlsx: one figure's table (or figur=alle, XLSX only), the same cells as the page. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "statistics.read");
  const url = new URL(request.url);
  const format = url.pathname.endsWith(".xlsx") ? "xlsx" : "csv";
  const id = url.searchParams.get("figur") ?? "";
  if (!(FIGURE_IDS as readonly string[]).includes(id) && !(id === "alle" && format === "xlsx")) {
    return text(
      400,
      `Ukendt figur "${id}". Brug en af: ${FIGURE_IDS.join(", ")}${format === "xlsx" ? " eller alle" : ""}.`,
    );
  }
  const q = statisticsQueryFromUrl(url);
  const r = await readStatistics(useCase(context, actor), q.raw, { comparisonGiven: true });
  if (!r.ok) return text(400, Object.values(r.errors).join(" "));
  const v = r.view;
  const figures = id === "alle" ? v.figures : [figureById(v.figures, id)!];
  const name = `statistik-${v.ownCode}-${id}-${v.period.fromMonth}-${v.period.toMonth}`;
  if (format === "csv") {
    return new Response(figureCsv(figures[0]!), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  const body = await figuresXlsx(figures, {
    ownName: v.ownName,
    period: `${v.period.fromMonth} til ${v.period.toMonth}`,
    asOf: v.asOf,
  });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
