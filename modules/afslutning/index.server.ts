// Server-only public API of the afslutning module: the use cases and the case-scoped reads.
export { decideNextStep, type NextStepResult } from "./decide-next-step.server";
export { endForloeb, type EndResult } from "./end-forloeb.server";
export { endForLackOfParticipation, type LackOfParticipationResult } from "./end-for-lack-of-participation.server";
export { recordStatusAfter3Months, type StatusAfterResult } from "./record-status-after.server";
export { endingOverview, forloebPhaseOf, type EndingOverview } from "./read-ending.server";
export type { EndingResult } from "./load.server";
