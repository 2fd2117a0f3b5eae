import type { Dated } from "../dated";
import { regime } from "../regimes";
import { appealWeeks, genvurderingWeeks } from "./appeals";
import { durationRules } from "./duration";
import { kontanthjaelpGate } from "./ending";
import { followUpRules } from "./follow-up";
import { indsatsgarantiRules } from "./indsatsgaranti";
import { mentorGrantMonths, mentorSpendingCapPerFuldtidsperson } from "./mentor";
import { folkepensionsalderTable } from "./pension-age";
import { authorityName, newGrantsAllowed, rehabiliteringsteamExists } from "./phase-out";
import { seniorRuleYears } from "./senior-rule";
import { statisticsRules } from "./statistics";
import { sundhedskoordinatorRight } from "./sundhedskoordinator";
import { praktikLength, praktikMinHoursPerDay } from "./virksomhedspraktik";
import { hourlyDeductionOere, wageDeductionRule, weeklyToMonthly } from "./ydelse-deductions";
import { builtInRateTable } from "./ydelse-rates";

/** Every dated parameter of the legislation, for the rule catalogue and the parameter tests. */
export const ALL_PARAMETERS: readonly Dated<unknown>[] = [
  regime,
  folkepensionsalderTable,
  seniorRuleYears,
  newGrantsAllowed,
  rehabiliteringsteamExists,
  authorityName,
  durationRules,
  kontanthjaelpGate,
  indsatsgarantiRules,
  followUpRules,
  mentorGrantMonths,
  mentorSpendingCapPerFuldtidsperson,
  praktikLength,
  praktikMinHoursPerDay,
  sundhedskoordinatorRight,
  appealWeeks,
  genvurderingWeeks,
  wageDeductionRule,
  hourlyDeductionOere,
  weeklyToMonthly,
  statisticsRules,
  ...Object.values(builtInRateTable),
];

export {
  appealWeeks,
  authorityName,
  durationRules,
  folkepensionsalderTable,
  followUpRules,
  genvurderingWeeks,
  hourlyDeductionOere,
  kontanthjaelpGate,
  indsatsgarantiRules,
  mentorGrantMonths,
  mentorSpendingCapPerFuldtidsperson,
  newGrantsAllowed,
  praktikLength,
  praktikMinHoursPerDay,
  rehabiliteringsteamExists,
  seniorRuleYears,
  statisticsRules,
  sundhedskoordinatorRight,
  wageDeductionRule,
  weeklyToMonthly,
};
export { builtInRateTable, buildRateTable, RATE_CATEGORIES, type RateCategory, type YearRate } from "./ydelse-rates";
export * from "./kinds";
