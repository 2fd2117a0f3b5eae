import { resolve } from "../dated";
import { addDays, formatDate, type DayNumber, type IsoDate } from "../dates";
import { explain, paramUse, type RuleResult } from "../explanation";
import { appealWeeks, genvurderingWeeks } from "../parameters/appeals";
import { defineRule } from "./rule-meta";

const TESTS = ["legislation/rules/appeals.test.ts", "tests/golden/A.yaml"];

export const A_1 = defineRule({
  id: "A-1",
  titleDa: "Klagefrist",
  summaryDa: "En klage indgives gennem kommunen inden 4 uger efter, at borgeren har modtaget afgørelsen.",
  citations: appealWeeks.entries.map((e) => e.citation),
  inForce: { from: appealWeeks.entries[0]!.from },
  kind: "computed",
  tests: TESTS,
  parameters: [appealWeeks],
});
export const A_2 = defineRule({
  id: "A-2",
  titleDa: "Genvurdering inden 4 uger",
  summaryDa:
    "Kommunen genvurderer afgørelsen inden 4 uger efter modtagelsen af klagen. Fastholdes afgørelsen, sendes klagen inden for samme frist videre til Ankestyrelsen.",
  citations: genvurderingWeeks.entries.map((e) => e.citation),
  inForce: { from: genvurderingWeeks.entries[0]!.from },
  kind: "computed",
  tests: TESTS,
  parameters: [genvurderingWeeks],
});

/**
 * "Within 4 weeks of receipt": the last day is the same weekday 4 weeks after receipt
 * (receipt + 28 days). Moving a deadline that ends on a weekend or holiday is not done here
 * (no holiday calendar in the legislation); see docs/rules-api.md.
 */
function weeksAfter(received: DayNumber, weeks: number): DayNumber {
  return addDays(received, 7 * weeks);
}

/** last day to lodge an appeal. */
export function appealDeadline(facts: { decisionReceivedOn: DayNumber }, _asOf: DayNumber): RuleResult<{ deadline: IsoDate }> {
  const w = resolve(appealWeeks, facts.decisionReceivedOn);
  const deadline = formatDate(weeksAfter(facts.decisionReceivedOn, w.value));
  return {
    value: { deadline },
    explanation: explain({
      ruleId: A_1.id,
      title: A_1.titleDa,
      citations: [w.citation],
      inputs: { decisionReceivedOn: formatDate(facts.decisionReceivedOn) },
      parameters: [paramUse(w)],
      result: deadline,
      reasoning: `Afgørelsen modtaget ${formatDate(facts.decisionReceivedOn)} + ${w.value} uger = ${deadline}.`,
    }),
  };
}

/** last day for the municipality's genvurdering (and for sending the appeal on). */
export function genvurderingDeadline(facts: { appealReceivedOn: DayNumber }, _asOf: DayNumber): RuleResult<{ deadline: IsoDate }> {
  const w = resolve(genvurderingWeeks, facts.appealReceivedOn);
  const deadline = formatDate(weeksAfter(facts.appealReceivedOn, w.value));
  return {
    value: { deadline },
    explanation: explain({
      ruleId: A_2.id,
      title: A_2.titleDa,
      citations: [w.citation],
      inputs: { appealReceivedOn: formatDate(facts.appealReceivedOn) },
      parameters: [paramUse(w)],
      result: deadline,
      reasoning: `Klagen modtaget ${formatDate(facts.appealReceivedOn)} + ${w.value} uger = ${deadline}.`,
    }),
  };
}
