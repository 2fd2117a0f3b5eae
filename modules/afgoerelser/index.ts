// Client-safe public API of the afgørelser module: kinds, labels, the input schema and the R2026 wording.
export {
  AGENDA_PURPOSE_LABELS,
  DECISION_KINDS,
  DECISION_KIND_KEYS,
  DecisionInput,
  INTERVENTION_AREA_LABELS,
  OFFERED_REFUSAL_GROUNDS,
  OUTBOX_STATUS_LABELS,
  RECOMMENDATION_LABELS,
  REFUSAL_GROUND_LABELS,
  agendaPurposeLabel,
  normalizeDecisionRaw,
  recommendationLabel,
  type DecisionKind,
  type DecisionView,
  type IndstillingView,
  type RefusalGround,
} from "./afgoerelse";
export { authorityWording, type AuthorityWording } from "./wording";
