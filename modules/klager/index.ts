// Client-safe public API of the klager module: appeals of decisions and interventions (A-1..A-3).
export {
  APPEALABLE_DECISION_LABELS,
  APPEAL_OUTCOMES,
  APPEAL_OUTCOME_KEYS,
  APPEAL_STAGE_LABELS,
  OutcomeInput,
  REASSESSMENT_RESULTS,
  REASSESSMENT_RESULT_KEYS,
  ReassessInput,
  RegisterAppealInput,
  appealTiming,
  ruleBasis,
  type AppealOutcome,
  type AppealRecord,
  type AppealStage,
  type AppealTiming,
  type ReassessmentResult,
} from "./klager";
