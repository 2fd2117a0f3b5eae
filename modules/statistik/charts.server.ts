import * as echarts from "echarts";
import { formatCell, type Figure } from "./statistik";

/*
 * Charts as SVG rendered on the server (ECharts SSR), so they show without JavaScript. The page shows each as an
 * <img> of /statistik/diagram.svg with a text alternative; the table under it carries the numbers for screen readers.
 * A hidden cell ("<5") is a gap. Rendering costs milliseconds per chart, so SVGs are kept by their content.
 */

const WIDTH = 760;
const MAX_ENTRIES = 256;
const svgCache = new Map<string, string>();

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A one-sentence text alternative naming what the chart shows; the numbers are in the table below it. */
export function chartAltText(f: Figure): string {
  const series = f.chart.series.map((s) => s.name).join(", ");
  const first = f.rows.find((r) => !r.total);
  const sample = first
    ? ` Fx ${first.label}: ${f.columns.map((c, i) => `${c.label} ${formatCell(first.cells[i]!)}`).join("; ")}.`
    : "";
  return `${f.chart.kind === "line" ? "Kurvediagram" : "Søjlediagram"}: ${f.caption}. Serier: ${series}.${sample} Alle tal står i tabellen under diagrammet.`;
}

function options(f: Figure): { option: echarts.EChartsCoreOption; height: number } {
  const c = f.chart;
  const legend = { bottom: 0, textStyle: { color: "#1a1a1a" } };
  const valueAxis = {
    type: "value" as const,
    name: c.unit,
    nameTextStyle: { color: "#1a1a1a" },
    axisLabel: { color: "#1a1a1a" },
  };
  if (c.kind === "line") {
    return {
      height: 320,
      option: {
        animation: false,
        grid: { left: 56, right: 24, top: 40, bottom: 72 },
        legend,
        xAxis: { type: "category", data: c.categories, axisLabel: { color: "#1a1a1a" } },
        yAxis: valueAxis,
        series: c.series.map((s) => ({
          type: "line",
          name: s.name,
          data: s.values,
          connectNulls: false,
          symbolSize: 5,
        })),
      },
    };
  }
  const height = Math.max(200, 80 + c.categories.length * (14 * Math.max(1, c.series.length) + 12));
  return {
    height,
    option: {
      animation: false,
      grid: { left: 230, right: 32, top: 32, bottom: 56 },
      legend,
      yAxis: {
        type: "category",
        inverse: true,
        data: c.categories,
        axisLabel: { color: "#1a1a1a", width: 215, overflow: "truncate" },
      },
      xAxis: valueAxis,
      series: c.series.map((s) => ({ type: "bar", name: s.name, data: s.values, barMaxWidth: 14 })),
    },
  };
}

/** The chart's size in pixels, for the img element that shows it. */
export function chartSize(f: Figure): { width: number; height: number } {
  return { width: WIDTH, height: options(f).height };
}

/** The figure's chart as an SVG document with role="img" and a text alternative. */
export function chartSvg(f: Figure): string {
  const key = JSON.stringify([f.id, f.caption, f.chart]);
  const hit = svgCache.get(key);
  if (hit) return hit;
  const { option, height } = options(f);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height });
  let svg: string;
  try {
    chart.setOption(option);
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const alt = escapeAttr(chartAltText(f));
  svg = svg.replace(/^<svg /, `<svg role="img" aria-label="${alt}" focusable="false" class="statistik-chart" `);
  svgCache.set(key, svg);
  while (svgCache.size > MAX_ENTRIES) svgCache.delete(svgCache.keys().next().value as string);
  return svg;
}
