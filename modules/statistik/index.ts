// Client-safe public API of the statistik module (ST-1..ST-7): the figures' model, parameters and formatting.
export {
  FIGURE_IDS,
  SCOPES,
  SUPPRESSED,
  StatisticsQueryInput,
  buildFigures,
  figureById,
  formatCell,
  periodFrom,
  roundedValue,
  type Cell,
  type CellFormat,
  type Figure,
  type FigureId,
  type FigureRow,
  type Scope,
  type StatisticsPeriod,
} from "./statistik";
export { POPULATION_CSV_HEADER, POPULATION_YEARS } from "./population-csv";
export { DANISH_MUNICIPALITIES, REGIONS, regionOf, type Region } from "./municipalities";
