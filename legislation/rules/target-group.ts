import type { Citation } from "../citation";
import { tryResolve } from "../dated";
import { addYears, formatDate, type DayNumber, type IsoDate } from "../dates";
import { explain, paramUse, type RuleResult } from "../explanation";
import { finding, type Finding } from "../finding";
import { newGrantsAllowed } from "../parameters/phase-out";
import { seniorRuleYears } from "../parameters/senior-rule";
import { regimeStart } from "../regimes";
import { SKRIVELSE_002 } from "../sources";
import { folkepensionsalderTable } from "../parameters/pension-age";
import { folkepensionsalder } from "./pension-age";
import { defineRule } from "./rule-meta";

const TRANSITION_CITATION: Citation = { law: "LAB", paragraph: "overgangsregel (lov nr. 1160 af 8. juni 2021)", source: `${SKRIVELSE_002} §9` };

export const TG_6 = defineRule({
  id: "TG-6",
  titleDa: "Seniorreglen (mindre end 6 år til folkepensionsalderen)",
  summaryDa:
    "Et ressourceforløb påbegyndes ikke, når der er mindre end 6 år til folkepensionsalderen, medmindre borgeren selv ønsker det. Et igangværende forløb fortsætter, selvom borgeren passerer grænsen. Overgang: forløb påbegyndt før 2022-01-01 fortsætter; forløb bevilget til start fra 2022-01-01 for borgere med under 6 år tilbage den 2022-01-01 påbegyndes kun efter ønske.",
  citations: [...seniorRuleYears.entries.slice(1).map((e) => e.citation), TRANSITION_CITATION],
  inForce: { from: "2022-01-01" },
  kind: "computed",
  tests: ["legislation/rules/target-group.test.ts", "tests/golden/TG-6.yaml"],
  parameters: [seniorRuleYears],
});

export const TG_10 = defineRule({
  id: "TG-10",
  titleDa: "Ingen nye ressourceforløb efter udfasningen",
  summaryDa:
    "Et ressourceforløb bevilges aldrig med afgørelsesdato på eller efter ophævelsesdatoen (2026-02-01). Et forløb bevilget senest dagen før kan stadig begynde og løbe efter de hidtidige regler.",
  citations: newGrantsAllowed.entries.map((e) => e.citation).slice(1),
  inForce: { from: newGrantsAllowed.entries[1]!.from },
  kind: "computed",
  tests: ["legislation/rules/target-group.test.ts", "tests/golden/TG-10.yaml"],
  parameters: [newGrantsAllowed],
});

export interface SixYearLine {
  /** The first day on which fewer than 6 years remain; null when no senior rule is in force. */
  line: IsoDate | null;
  lineDay: DayNumber | null;
}

/** TG-6: the six-year line = folkepensionsdato − 6 years, using the senior rule in force on `on`. */
export function sixYearLine(
  facts: { birthDate: DayNumber; pension?: ReturnType<typeof folkepensionsalder> },
  on: DayNumber,
): RuleResult<SixYearLine> {
  // A caller may pass the PA-1 result it already has, when the same table entry is in force on `on`.
  const pension =
    facts.pension && tryResolve(folkepensionsalderTable, on)?.value === facts.pension.table
      ? facts.pension
      : folkepensionsalder(facts, on);
  const years = tryResolve(seniorRuleYears, on);
  const lineDay = years ? addYears(pension.dateDay, -years.value) : null;
  const value = { line: lineDay === null ? null : formatDate(lineDay), lineDay };
  return {
    value,
    explanation: explain({
      ruleId: TG_6.id,
      title: "6-års-grænsen",
      citations: years ? [years.citation] : [seniorRuleYears.entries[0]!.citation],
      inputs: { birthDate: formatDate(facts.birthDate), on: formatDate(on) },
      parameters: years ? [paramUse(years)] : [],
      result: value.line,
      reasoning: years
        ? `Folkepensionsdatoen ${pension.value.date} minus ${years.value} år: fra ${value.line} er der mindre end ${years.value} år tilbage.`
        : `Seniorreglen var ikke i kraft den ${formatDate(on)}.`,
      children: [pension.explanation],
    }),
  };
}

export interface SeniorRuleFacts {
  birthDate: DayNumber;
  /** The PA-1 result, when the caller has it. */
  pension?: ReturnType<typeof folkepensionsalder>;
  /** Start of the forløb being considered. */
  start: DayNumber;
  decidedOn?: DayNumber;
  /** Whether the citizen has expressed the wish for this forløb. */
  citizenWished: boolean;
}

export interface SeniorRuleValue {
  /** true when the senior rule was in force at the start and the start is on/after the line. */
  requiresCitizenWish: boolean;
  line: IsoDate | null;
  /** Transitional case of 002 §9 (granted before 2022, starting from 2022). */
  transitional: boolean;
  findings: Finding[];
}

/** TG-6 for one forløb: started on/after the six-year line needs the citizen's wish. */
export function seniorRule(facts: SeniorRuleFacts, _asOf: DayNumber, forloebId?: string): RuleResult<SeniorRuleValue> {
  const years = tryResolve(seniorRuleYears, facts.start);
  const reform = regimeStart("R2022");
  const findings: Finding[] = [];
  if (!years) {
    // Begun before the rule came into force: continues regardless (002 §9).
    return {
      value: { requiresCitizenWish: false, line: null, transitional: false, findings },
      explanation: explain({
        ruleId: TG_6.id,
        title: TG_6.titleDa,
        citations: [TRANSITION_CITATION],
        inputs: { start: formatDate(facts.start) },
        result: { requiresCitizenWish: false },
        reasoning: `Forløbet begyndte ${formatDate(facts.start)}, før seniorreglen trådte i kraft; det fortsætter til det er afsluttet.`,
      }),
    };
  }
  const line = sixYearLine(facts, facts.start);
  const lineDay = line.value.lineDay as DayNumber;
  const requiresCitizenWish = facts.start >= lineDay;
  const transitional = facts.decidedOn !== undefined && facts.decidedOn < reform && facts.start >= reform;
  const citations = transitional ? [years.citation, TRANSITION_CITATION] : [years.citation];
  if (requiresCitizenWish && !facts.citizenWished) {
    findings.push(
      finding(
        TG_6.id,
        "error",
        transitional
          ? `Borgeren havde mindre end ${years.value} år til folkepensionsalderen den ${formatDate(reform)}. Forløbet er bevilget før denne dato og må kun påbegyndes, hvis borgeren selv ønsker det; ønsket er ikke registreret.`
          : `Forløbet starter ${formatDate(facts.start)}, hvor der er mindre end ${years.value} år til folkepensionsalderen (grænsen er ${line.value.line}). Det må kun påbegyndes, hvis borgeren selv ønsker det; ønsket er ikke registreret.`,
        citations,
        forloebId,
      ),
    );
  }
  return {
    value: { requiresCitizenWish, line: line.value.line, transitional, findings },
    explanation: explain({
      ruleId: TG_6.id,
      title: TG_6.titleDa,
      citations,
      inputs: {
        start: formatDate(facts.start),
        decidedOn: facts.decidedOn === undefined ? null : formatDate(facts.decidedOn),
        citizenWished: facts.citizenWished,
      },
      parameters: [paramUse(years)],
      result: { requiresCitizenWish, transitional },
      reasoning: requiresCitizenWish
        ? `Start ${formatDate(facts.start)} er på eller efter 6-års-grænsen ${line.value.line}: kræver borgerens ønske.`
        : `Start ${formatDate(facts.start)} er før 6-års-grænsen ${line.value.line}.`,
      children: [line.explanation],
    }),
  };
}

export interface GrantAllowedValue {
  allowed: boolean;
  findings: Finding[];
}

/** TG-10: may a forløb be granted with a decision on `decisionDate`? */
export function grantAllowed(facts: { decisionDate: DayNumber }, _asOf: DayNumber, forloebId?: string): RuleResult<GrantAllowedValue> {
  const p = tryResolve(newGrantsAllowed, facts.decisionDate);
  const findings: Finding[] = [];
  const allowed = p?.value === true;
  const first = newGrantsAllowed.entries[0]!;
  const citation = p?.citation ?? first.citation;
  if (!allowed && forloebId !== undefined) {
    findings.push(
      finding(
        TG_10.id,
        p ? "error" : "warning",
        p
          ? `Forløbet er bevilget ${formatDate(facts.decisionDate)}, på eller efter ophævelsen af ressourceforløb (${p.from}). Der kan ikke bevilges nye ressourceforløb.`
          : `Afgørelsesdatoen ${formatDate(facts.decisionDate)} ligger før reglerne om ressourceforløb trådte i kraft (${first.from}).`,
        [citation],
        forloebId,
      ),
    );
  }
  return {
    value: { allowed, findings },
    explanation: explain({
      ruleId: TG_10.id,
      title: TG_10.titleDa,
      citations: [citation],
      inputs: { decisionDate: formatDate(facts.decisionDate) },
      parameters: p ? [paramUse(p)] : [],
      result: allowed,
      reasoning: allowed
        ? `Afgørelsesdatoen ${formatDate(facts.decisionDate)} er før ophævelsen; et forløb kan bevilges.`
        : p
          ? `Afgørelsesdatoen ${formatDate(facts.decisionDate)} er på eller efter ophævelsen ${p.from}; intet forløb kan bevilges.`
          : `Ingen regler om ressourceforløb var i kraft ${formatDate(facts.decisionDate)}.`,
    }),
  };
}
