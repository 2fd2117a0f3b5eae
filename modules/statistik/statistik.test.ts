import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { chartSvg } from "./charts.server";
import { figureCsv, figuresXlsx } from "./export.server";
import { buildFigures, figureById, formatCell, periodFrom, type FigureContext, type RawStatistics } from "./statistik";

const ctx: FigureContext = {
  asOf: "2025-01-15",
  period: { fromMonth: "2024-11", toMonth: "2024-12" },
  ownName: "Demo Kommune",
  setNames: ["Naboby Kommune"],
  targets: { virksomhedsrettetPct: 30, mentorPct: 50 },
};

function raw(overrides: Partial<RawStatistics> = {}): RawStatistics {
  return {
    fuldtid: [
      { scope: "own", key: "2024-11", fte: 12.25, persons: 13 },
      { scope: "own", key: "2024-12", fte: 3.5, persons: 4 },
      { scope: "own", key: "total", fte: 7.8, persons: 14 },
      { scope: "national", key: "2024-11", fte: 1234.56, persons: 1300 },
      { scope: "national", key: "total", fte: 1200, persons: 1400 },
    ],
    breakdown: [
      { scope: "own", dim: "sex", key: "K", fte: 6, persons: 10 },
      { scope: "own", dim: "sex", key: "M", fte: 1.8, persons: 4 },
      { scope: "own", dim: "total", key: "total", fte: 7.8, persons: 14 },
      { scope: "own", dim: "age", key: "under30", fte: 0.5, persons: 2 },
      { scope: "own", dim: "age", key: "30-39", fte: 2, persons: 4 },
      { scope: "own", dim: "age", key: "40-49", fte: 2, persons: 3 },
      { scope: "own", dim: "age", key: "50+", fte: 3.3, persons: 5 },
      { scope: "own", dim: "age40", key: "under40", fte: 2.5, persons: 6 },
      { scope: "own", dim: "age40", key: "over40", fte: 5.3, persons: 8 },
    ],
    outcomes: [],
    interventions: [{ scope: "own", persons: 20, vr_persons: 18, mentor_persons: 6 }],
    indsatsgaranti: [],
    population: [],
    ...overrides,
  };
}

describe("statistics figures (ST-1..ST-7)", () => {
  it("shows a month of 1-4 persons as <5 and keeps the rest, in Danish numbers", () => {
    const f = figureById(buildFigures(raw(), ctx), "fuldtid")!;
    expect(f.columns.map((c) => c.label)).toEqual(["Demo Kommune", "Sammenligningskommuner (1)", "Hele landet"]);
    expect(f.rows.map((r) => r.cells.map(formatCell))).toEqual([
      ["12,3", "0,0", "1.234,6"],
      ["<5", "0,0", "0,0"],
      ["7,8", "0,0", "1.200,0"],
    ]);
    // The hidden month is a gap in the chart too.
    expect(f.chart.series[0]!.values).toEqual([12.25, null]);
  });

  it("hides a second category when one is hidden and the total is shown (sex: 4 men → women hidden too)", () => {
    const f = figureById(buildFigures(raw(), ctx), "koen")!;
    expect(f.rows.map((r) => formatCell(r.cells[0]!))).toEqual(["<5", "<5", "7,8"]);
  });

  it("hides under/over 40 when an age group inside it is hidden", () => {
    const figures = buildFigures(raw(), ctx);
    expect(figureById(figures, "alder")!.rows.map((r) => formatCell(r.cells[0]!))).toEqual([
      "<5",
      "<5",
      "<5",
      "3,3",
      "7,8",
    ]);
    expect(figureById(figures, "alder40")!.rows.map((r) => formatCell(r.cells[0]!))).toEqual(["<5", "<5", "7,8"]);
  });

  it("ST-4 hides a share whose complement is 1-4 persons, and shows the target", () => {
    const f = figureById(buildFigures(raw(), ctx), "indsats")!;
    // 18 of 20 with a virksomhedsrettet intervention: the 2 without could be derived, so the share is hidden.
    expect(f.rows.find((r) => r.key === "virksomhedsrettet")!.cells.map(formatCell)).toEqual([
      "<5",
      "–",
      "–",
      "30,0 %",
    ]);
    expect(f.rows.find((r) => r.key === "mentor")!.cells.map(formatCell)).toEqual(["30,0 %", "–", "–", "50,0 %"]);
    expect(f.notes.join(" ")).toContain("Mentor: Andelen er 30,0 %, 20,0 procentpoint under målet på 50 %.");
  });

  it("exports CSV for Danish Excel and XLSX that parses back with <5 kept", async () => {
    const figures = buildFigures(raw(), ctx);
    const csv = figureCsv(figureById(figures, "fuldtid")!);
    expect(csv).toBe(
      "\uFEFFMåned;Demo Kommune;Sammenligningskommuner (1);Hele landet\r\n2024-11;12,3;0;1234,6\r\n2024-12;<5;0;0\r\nHele perioden;7,8;0;1200\r\n",
    );
    const buf = await figuresXlsx(figures, {
      ownName: "Demo Kommune",
      period: "2024-11 til 2024-12",
      asOf: "2025-01-15",
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as never);
    const ws = wb.getWorksheet("Fuldtidspersoner pr. måned")!;
    expect((ws.getRow(6).values as unknown[]).slice(1)).toEqual(["2024-11", 12.3, 0, 1234.6]);
    expect(ws.getRow(7).getCell(2).value).toBe("<5");
  });

  it("renders a chart as an SVG image with a text alternative", () => {
    const svg = chartSvg(figureById(buildFigures(raw(), ctx), "koen")!);
    expect(svg).toMatch(/^<svg role="img" aria-label="Søjlediagram: Fuldtidspersoner efter køn/);
  });

  it("the default period is the 24 whole months before today's month; a reversed period is refused", () => {
    expect(periodFrom({}, "2026-01-14")).toEqual({ ok: true, period: { fromMonth: "2024-01", toMonth: "2025-12" } });
    expect(periodFrom({ fra: "2012-12" }, "2026-01-14")).toMatchObject({
      ok: false,
      errors: { fra: expect.stringContaining("2013-01") },
    });
    expect(periodFrom({ fra: "2025-05", til: "2025-04" }, "2026-01-14").ok).toBe(false);
    expect(periodFrom({ til: "2026-02" }, "2026-01-14")).toMatchObject({
      ok: false,
      errors: { til: "Sidste måned kan højst være 2026-01" },
    });
  });
});
