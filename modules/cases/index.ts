// Client-safe public API of the cases module.
export {
  CASE_ORIGINS,
  CASE_STATUSES,
  PREPARATORY_KEYS,
  PREPARATORY_SECTIONS,
  missingForTeam,
  type CaseOrigin,
  type CaseRecord,
  type CaseStatus,
  type PreparatorySection,
} from "./case";
export {
  UNIT_KINDS,
  JOBFORMIDLER_ANSWERS,
  firstMeetingDeadline,
  jobformidlerIsCoordinator,
  type UnitKind,
} from "./people";
