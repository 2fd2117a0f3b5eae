import { renderToStaticMarkup } from "react-dom/server";
import { ComparisonChoices, FigureSection } from "~/app/components/StatisticsFigure";
import type { Figure } from "~/modules/statistik";
import { chartAltText, chartSize, type StatisticsView } from "~/modules/statistik/index.server";

/*
 * The statistics page is mostly tables and charts that change only with the data: rendering them with React on every
 * request cost about 15 ms of CPU per page (measured with 50 concurrent users), so each figure's markup is rendered
 * once and kept. The key is the statistics data version and parameters (StatisticsView.cacheKey) plus the query
 * string of the export links, so new data, another period or another comparison set gives new markup.
 */
const MAX_ENTRIES = 512;
const cache = new Map<string, string>();

/** `cacheKey` is the view's (data version and parameters): the same key, the same figure. */
export function figureHtml(f: Figure, search: string, cacheKey: string): string {
  const key = `${cacheKey}|${f.id}|${search}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = renderToStaticMarkup(
    <FigureSection figure={f} chart={{ alt: chartAltText(f), ...chartSize(f) }} search={search} />,
  );
  cache.set(key, html);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return html;
}

export function figuresHtml(figures: readonly Figure[], search: string, cacheKey: string): string {
  const key = `all|${cacheKey}|${search}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = figures.map((f) => figureHtml(f, search, cacheKey)).join("");
  cache.set(key, html);
  return html;
}

/** The comparison checkboxes for a view: the same data version and choice give the same markup. */
export function choicesHtml(v: StatisticsView): string {
  const key = `choices|${v.cacheKey}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = renderToStaticMarkup(<ComparisonChoices view={v} />);
  cache.set(key, html);
  return html;
}
