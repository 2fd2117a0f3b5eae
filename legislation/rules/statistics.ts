import { ageAt, formatDate, overlapDays, periodDays, type DayNumber } from "../dates";
import { explain, type RuleResult } from "../explanation";
import { HERNING_000, HALSNAES_001, FAABORG_004 } from "../sources";
import { defineRule } from "./rule-meta";

const C_ST = { law: "Statistikdefinition", paragraph: "jobindsats.dk-praksis", source: `${HERNING_000}; ${HALSNAES_001}; ${FAABORG_004}` };

export const ST_1 = defineRule({
  id: "ST-1",
  titleDa: "Fuldtidspersoner",
  summaryDa: "Fuldtidspersoner i en periode = summen over borgere af dage i forløb i perioden, divideret med periodens antal dage.",
  citations: [C_ST],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: ["legislation/rules/statistics.test.ts"],
});
export const ST_2 = defineRule({
  id: "ST-2",
  titleDa: "Opdeling af statistik",
  summaryDa:
    "Opdeles efter køn, aldersgruppe (under 30, 30-39, 40-49, 50+ samt under/over 40), forsørgelse før forløbet og kommune.",
  citations: [C_ST],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: ["legislation/rules/statistics.test.ts"],
});

/** ST-1: fuldtidspersoner for inclusive forløb periods within [from, to]. */
export function fuldtidspersoner(
  facts: { periods: readonly { from: DayNumber; to: DayNumber }[]; from: DayNumber; to: DayNumber },
  _asOf: DayNumber,
): RuleResult<number> {
  const days = facts.periods.reduce((s, p) => s + overlapDays(p.from, p.to, facts.from, facts.to), 0);
  const total = periodDays(facts.from, facts.to);
  const value = total === 0 ? 0 : days / total;
  return {
    value,
    explanation: explain({
      ruleId: ST_1.id,
      title: ST_1.titleDa,
      citations: [C_ST],
      inputs: { from: formatDate(facts.from), to: formatDate(facts.to), forloebDays: days, periodDays: total },
      result: value,
    }),
  };
}

export type AgeGroup = "under30" | "30-39" | "40-49" | "50+";

/** ST-2: age group at a date, plus the seeds' under/over-40 split. */
export function ageGroup(birthDate: DayNumber, on: DayNumber): { group: AgeGroup; over40: boolean } {
  const y = ageAt(birthDate, on).years;
  const group: AgeGroup = y < 30 ? "under30" : y < 40 ? "30-39" : y < 50 ? "40-49" : "50+";
  return { group, over40: y >= 40 };
}
