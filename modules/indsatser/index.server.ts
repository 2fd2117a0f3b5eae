// Server-only public API of the indsatser module: case-scoped reads (they take the CaseAccess of readCase) and use cases.
export {
  INDSATS_DEADLINE_KINDS,
  indsatserOverview,
  interventionsOfCase,
  mentorGrantsOfCase,
  periodsOfCase,
  runningInterventionsOfCase,
  type DeadlineView,
  type IndsatserOverview,
  type RecordView,
} from "./read-indsatser.server";
export { extendPraktik, recordIntervention, updateIntervention, type RecordResult } from "./record-intervention.server";
export { decideSundhedskoordinator, requestSundhedskoordinator, type SkResult } from "./sundhedskoordinator.server";
export { grantMentor, updateMentorGrant, type MentorGrantResult } from "./mentor-grants.server";
export { deletePeriod, recordPeriod, updatePeriod, type PeriodResult } from "./periods.server";
export {
  addYdelseRate,
  previewYdelse,
  ydelseRates,
  type AddRateResult,
  type RateOverview,
  type YdelsePreviewResult,
} from "./ydelse.server";
