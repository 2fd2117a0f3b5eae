export { recomputeDeadlines } from "./recompute.server";
export { settingsOf, DEFAULT_SETTINGS } from "./frister.db.server";
export { myDeadlines, teamDeadlines, caseDeadlines, type DeadlineView } from "./read-deadlines.server";
export { backfillEndedDeadlines, recomputeAllDeadlines } from "./recompute.server";
