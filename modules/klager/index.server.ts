// Server-only public API of the klager module: the use cases and the case-scoped reads.
export { registerAppeal, reassessAppeal, recordAppealOutcome, type AppealResult } from "./appeals.server";
export { appealsOf, appealsOverview, type AppealView } from "./read-appeals.server";
