/**
 * Public API of the legislation: rules as code. Pure: no clock, no I/O, imports nothing else
 * from the repo. Dates are ISO strings at this boundary and day numbers inside.
 */

// Contracts (evaluate.md).
export {
  evaluate,
  evaluateUnknown,
  parseEvaluateInput,
  EvaluateInputSchema,
  EvaluateOutputSchema,
  ForloebInputSchema,
  PeriodSchema,
  InterventionSchema,
  ConversationSchema,
  CitizenSchema,
  FindingSchema,
  ExplanationSchema,
  IsoDateSchema,
  type EvaluateInput,
  type EvaluateInputRaw,
  type EvaluateOutput,
  type ForloebOutput,
} from "./evaluate";
export {
  ydelse,
  ydelseUnknown,
  parseYdelseInput,
  YdelseInputSchema,
  YdelseOutputSchema,
  ExtraRateSchema,
  type YdelseInput,
  type YdelseInputRaw,
  type YdelseOutput,
} from "./ydelse";
export { formatIssuePath, type InputIssue, type ParseResult } from "./input-issues";

// Building blocks.
export * from "./dates";
export { dated, resolve, tryResolve, firstInForce, allVerified, NotInForce, type Dated, type DatedEntry, type Resolved } from "./dated";
export { assertCitation, citationText, MissingCitationError, type Citation } from "./citation";
export type { Explanation, ParameterUse, RuleResult } from "./explanation";
export type { Finding, Severity } from "./finding";
export { REGIME_DEFINITIONS, regimeOn, regimeStart, LEGISLATION_START, type RegimeId, type RegimeDefinition } from "./regimes";
export { parseCpr, maskCpr, syntheticCpr, passesModulus11, centuryYear, type CprResult, type Sex, type SyntheticCpr } from "./cpr";
export { createPrng } from "./prng";
export { ALL_PARAMETERS, PERIOD_KINDS, INTERVENTION_KINDS, CONVERSATION_MODES, RATE_CATEGORIES, buildRateTable, type YearRate } from "./parameters/index";
export { BUILT_IN_RATES, RATE_CATEGORY_TITLES, RATE_TABLE_CITATION } from "./parameters/ydelse-rates";

// Catalogue (/regler).
export { CATALOGUE, catalogueEntry, type RuleMeta } from "./catalogue";

// Individual rules, for case modules.
export { folkepensionsalder } from "./rules/pension-age";
export { sixYearLine, seniorRule, grantAllowed } from "./rules/target-group";
export {
  checkDuration,
  effectiveEnd,
  endOfMonths,
  forloebLength,
  forloebStatus,
  newForloebLimits,
  nextStepDeadline,
  noExtension,
  repeatForloebCheck,
} from "./rules/duration";
export { indsatsgaranti, type IndsatsgarantiStatus } from "./rules/indsatsgaranti";
export { conversationsFirstMonths, remoteConversations, nextMeetingAgreed } from "./rules/follow-up";
export { mentorGrants } from "./rules/mentor";
export { praktikFocus, praktikShortHours, praktikLengthCheck, PRAKTIK_FOCUS, SHORT_HOURS_REASONS } from "./rules/virksomhedspraktik";
export { skNotice, skRightUsed } from "./rules/sundhedskoordinator";
export { kontanthjaelpAllowed } from "./rules/ending";
export { appealDeadline, genvurderingDeadline } from "./rules/appeals";
export { ressourceforloebsydelse, PREVIOUS_BENEFITS, YDELSE_LEVELS, INCOME_KINDS } from "./rules/ydelse-amount";
export {
  fuldtidspersoner,
  fuldtidspersonerPerMonth,
  countedSpan,
  ageGroup,
  AGE_GROUP_LABELS,
  suppressCells,
  targetComparison,
  st4Definition,
  indsatsgarantiFulfilled,
  sharePct,
  type AgeGroup,
} from "./rules/statistics";

// Judgement rules: what the caseworker records, and what is still missing.
export * from "./judgement/schemas";
export { completeness, type MissingElement } from "./judgement/completeness";
