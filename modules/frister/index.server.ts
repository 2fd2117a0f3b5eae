export { recomputeDeadlines } from "./recompute.server";
export { settingsOf, DEFAULT_SETTINGS } from "./frister.db.server";
