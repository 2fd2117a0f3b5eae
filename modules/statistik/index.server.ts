// Server-only public API of the statistik module.
export {
  readStatistics,
  loadRawStatistics,
  statisticsParams,
  targetsFor,
  type StatisticsView,
  type StatisticsResult,
} from "./read-statistics.server";
/** The raw SQL behind /statistik, for the load benchmark (bench/load.ts): run each { text, params } directly. */
export { statisticsQueries, type StatisticsParams, type StatisticsQuery } from "./statistics-queries";
export { runStatisticsQuery, STATISTICS_SESSION_SETTINGS } from "./statistik.db.server";
export { importPopulation, populationOverview, setTargets, TargetsInput } from "./manage-statistics.server";
export { chartSvg, chartAltText, chartSize } from "./charts.server";
export { figureCsv, figuresXlsx, type ExportMeta } from "./export.server";
