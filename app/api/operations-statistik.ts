import { z } from "zod";
import { FIGURE_IDS, SUPPRESSED, type Figure } from "~/modules/statistik";
import type { ApiOperation } from "./operation";

export const StatisticsApiQuery = z.object({
  fra: z.string().optional().describe("Første måned, ÅÅÅÅ-MM; udeladt: 24 hele måneder før indeværende"),
  til: z.string().optional().describe("Sidste måned, ÅÅÅÅ-MM; udeladt: måneden før indeværende"),
  sammenlign: z.string().optional().describe("Kommunekoder at sammenligne med, kommasepareret, fx 101,751"),
  figur: z.enum(FIGURE_IDS).optional().describe("Kun denne figur; udeladt: alle"),
});

const CellValue = z
  .union([z.number(), z.literal(SUPPRESSED), z.null()])
  .describe('Tallet; "<5" når cellen dækker 1-4 personer (diskretionering, ST-2); null når der intet er at vise');

export const StatisticsFigureResource = z
  .object({
    id: z.enum(FIGURE_IDS),
    ruleId: z.string(),
    title: z.string(),
    caption: z.string(),
    rowHeader: z.string(),
    columns: z.array(z.object({ key: z.string(), label: z.string() })),
    rows: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        total: z.boolean(),
        cells: z.array(CellValue),
        formats: z
          .array(z.enum(["fte", "pct", "pct2", "count"]))
          .describe("fte: fuldtidspersoner; pct/pct2: procent; count: antal"),
      }),
    ),
    notes: z.array(z.string()),
  })
  .meta({ id: "StatisticsFigure" });

export const StatisticsResource = z
  .object({
    municipality: z.object({ code: z.string(), name: z.string() }),
    asOf: z.iso.date(),
    period: z.object({ from: z.string(), to: z.string() }),
    comparison: z.array(z.string()).describe("Kommunekoderne i sammenligningen"),
    targets: z.object({ virksomhedsrettetPct: z.number(), mentorPct: z.number() }),
    figures: z.array(StatisticsFigureResource),
  })
  .meta({ id: "Statistics" });

/** A figure as the API shows it: numbers as numbers, hidden cells as "<5" and never their value. */
export function figureResource(f: Figure): z.infer<typeof StatisticsFigureResource> {
  return {
    id: f.id,
    ruleId: f.ruleId,
    title: f.title,
    caption: f.caption,
    rowHeader: f.rowHeader,
    columns: f.columns,
    rows: f.rows.map((r) => ({
      key: r.key,
      label: r.label,
      total: r.total === true,
      cells: r.cells.map((c) => (c.suppressed ? SUPPRESSED : c.value)),
      formats: r.cells.map((c) => c.format),
    })),
    notes: f.notes,
  };
}

export const STATISTICS_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/statistik",
    operationId: "getStatistics",
    summary: "Statistik for egen kommune (ST-1..ST-7) med sammenligning og landstal; kun samlede tal",
    tag: "Statistik",
    query: StatisticsApiQuery,
    response: { status: 200, description: "Figurerne", schema: StatisticsResource },
    errors: [400, 401, 403],
  },
];
