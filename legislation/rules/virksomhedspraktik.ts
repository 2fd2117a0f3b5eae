import { tryResolve } from "../dated";
import { formatDate, type DayNumber } from "../dates";
import { explain, paramUse, type RuleResult } from "../explanation";
import { finding, type Finding } from "../finding";
import { praktikLength, praktikMinHoursPerDay } from "../parameters/virksomhedspraktik";
import { SKRIVELSE_002 } from "../sources";
import { defineRule } from "./rule-meta";

const C_VP = { law: "LAB", paragraph: "kap. 11", source: `${SKRIVELSE_002} §6.2` };
const TESTS = ["legislation/rules/virksomhedspraktik.test.ts", "tests/golden/MT-VP-SK.yaml"];

export const VP_1 = defineRule({
  id: "VP-1",
  titleDa: "Virksomhedspraktikkens fokus",
  summaryDa:
    "Før en praktik starter, registreres dens primære fokus som præcis ét af: ordinære løntimer, optræning af specifikke kompetencer til cv'et, eller afklaring af jobmål og kompetencer (snusepraktik).",
  citations: [C_VP],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: TESTS,
});
export const VP_2 = defineRule({
  id: "VP-2",
  titleDa: "Praktik under 1 time om dagen",
  summaryDa:
    "Praktik på under 1 time om dagen anbefales ikke og kræver en registreret begrundelse: borgerens ønske, opstart med udviklingsperspektiv, eller fastholdelse i praktikken i en periode med dårligt helbred.",
  citations: praktikMinHoursPerDay.entries.map((e) => e.citation),
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: TESTS,
  parameters: [praktikMinHoursPerDay],
});
export const VP_4 = defineRule({
  id: "VP-4",
  titleDa: "Praktikkens længde og forlængelse",
  summaryDa:
    "Typisk 13 uger. Efter en konkret vurdering kan praktikken forlænges til i alt 26 uger; ved et helt særligt behov yderligere op til 13 uger ad gangen. Hver forlængelse registrerer sin vurdering.",
  citations: praktikLength.entries.map((e) => e.citation),
  inForce: { from: praktikLength.entries[0]!.from },
  kind: "computed",
  tests: TESTS,
  parameters: [praktikLength],
});

function danishNumber(n: number): string {
  return String(n).replace(".", ",");
}

/** Outside the parameter's dates the rule does not apply: no check, never another period's value. */
function notInForce<V>(ruleId: string, title: string, start: DayNumber, value: V): RuleResult<V> {
  return {
    value,
    explanation: explain({
      ruleId,
      title,
      citations: [C_VP],
      inputs: { start: formatDate(start) },
      result: value,
      reasoning: `Ingen regel i kraft ${formatDate(start)}.`,
    }),
  };
}

export const PRAKTIK_FOCUS = ["ordinaryHours", "cvCompetences", "clarification"] as const;
export type PraktikFocus = (typeof PRAKTIK_FOCUS)[number];
export const SHORT_HOURS_REASONS = ["citizenWish", "startUpWithDevelopment", "retentionDuringPoorHealth"] as const;
export type ShortHoursReason = (typeof SHORT_HOURS_REASONS)[number];

const FOCUS_DA: Record<PraktikFocus, string> = {
  ordinaryHours: "opnåelse af ordinære løntimer",
  cvCompetences: "optræning af specifikke kompetencer til cv'et",
  clarification: "afklaring af jobmål og kompetencer (snusepraktik)",
};

/** VP-1: exactly one main focus is recorded before the placement starts. */
export function praktikFocus(
  facts: { focus: readonly PraktikFocus[] },
  _asOf: DayNumber,
  forloebId?: string,
): RuleResult<{ ok: boolean; focus: PraktikFocus | null; findings: Finding[] }> {
  const distinct = [...new Set(facts.focus)];
  const ok = distinct.length === 1;
  const findings = ok
    ? []
    : [
        finding(
          VP_1.id,
          "error",
          distinct.length === 0
            ? "Praktikkens primære fokus er ikke registreret. Vælg præcis ét: ordinære løntimer, kompetencer til cv'et eller afklaring (snusepraktik)."
            : `Praktikken har ${distinct.length} fokusområder (${distinct.map((f) => FOCUS_DA[f]).join(", ")}); der skal vælges præcis ét primært fokus.`,
          [C_VP],
          forloebId,
        ),
      ];
  return {
    value: { ok, focus: ok ? (distinct[0] as PraktikFocus) : null, findings },
    explanation: explain({ ruleId: VP_1.id, title: VP_1.titleDa, citations: [C_VP], inputs: { focus: facts.focus }, result: { ok } }),
  };
}

/** VP-2: fewer than the minimum hours a day needs one of the recorded reasons. */
export function praktikShortHours(
  facts: { start: DayNumber; hoursPerDay: number; shortHoursReason?: ShortHoursReason; reasonText?: string },
  _asOf: DayNumber,
  forloebId?: string,
): RuleResult<{ short: boolean; ok: boolean; findings: Finding[] }> {
  const min = tryResolve(praktikMinHoursPerDay, facts.start);
  if (!min) return notInForce(VP_2.id, VP_2.titleDa, facts.start, { short: false, ok: true, findings: [] });
  const short = facts.hoursPerDay < min.value;
  const ok = !short || facts.shortHoursReason !== undefined;
  const findings = ok
    ? []
    : [
        finding(
          VP_2.id,
          "warning",
          `Praktikken er på ${danishNumber(facts.hoursPerDay)} timer om dagen, under ${min.value} time. Det anbefales ikke og kræver en registreret begrundelse: borgerens ønske, opstart med udviklingsperspektiv eller fastholdelse i en periode med dårligt helbred.`,
          [min.citation],
          forloebId,
        ),
      ];
  return {
    value: { short, ok, findings },
    explanation: explain({
      ruleId: VP_2.id,
      title: VP_2.titleDa,
      citations: [min.citation],
      inputs: { hoursPerDay: facts.hoursPerDay, shortHoursReason: facts.shortHoursReason ?? null, start: formatDate(facts.start) },
      parameters: [paramUse(min)],
      result: { short, ok },
    }),
  };
}

export interface PraktikExtension {
  weeks: number;
  /** The recorded concrete assessment. */
  assessment?: string;
  /** "et helt særligt behov" — needed beyond the extended maximum. */
  specialNeed?: boolean;
}

/** VP-4: initial length and extensions against the 13/26-week parameters. */
export function praktikLengthCheck(
  facts: { start: DayNumber; initialWeeks: number; extensions: readonly PraktikExtension[] },
  _asOf: DayNumber,
  forloebId?: string,
): RuleResult<{ totalWeeks: number; ok: boolean; findings: Finding[] }> {
  const p = tryResolve(praktikLength, facts.start);
  if (!p) return notInForce(VP_4.id, VP_4.titleDa, facts.start, { totalWeeks: facts.initialWeeks, ok: true, findings: [] });
  const { baseWeeks, extendedMaxWeeks, furtherStepWeeks } = p.value;
  const findings: Finding[] = [];
  const add = (severity: "error" | "warning", msg: string) => findings.push(finding(VP_4.id, severity, msg, [p.citation], forloebId));
  if (facts.initialWeeks > baseWeeks) {
    add("error", `Praktikken er bevilget for ${facts.initialWeeks} uger; den første bevilling må højst være ${baseWeeks} uger.`);
  }
  let total = facts.initialWeeks;
  facts.extensions.forEach((x, i) => {
    const before = total;
    total += x.weeks;
    if (!x.assessment || !x.assessment.trim()) {
      add("error", `Forlængelse ${i + 1} (${x.weeks} uger) mangler en registreret konkret vurdering.`);
    }
    if (total > extendedMaxWeeks) {
      // Weeks of this step that lie beyond the extended maximum.
      const beyond = total - Math.max(before, extendedMaxWeeks);
      if (!x.specialNeed) {
        add("error", `Forlængelse ${i + 1} bringer praktikken op på ${total} uger, over ${extendedMaxWeeks} uger; det kræver et helt særligt behov.`);
      } else if (beyond > furtherStepWeeks) {
        add("error", `Forlængelse ${i + 1} forlænger ${beyond} uger ud over ${extendedMaxWeeks} uger; ved et helt særligt behov højst ${furtherStepWeeks} uger ad gangen.`);
      }
    }
  });
  const ok = !findings.some((f) => f.severity === "error");
  return {
    value: { totalWeeks: total, ok, findings },
    explanation: explain({
      ruleId: VP_4.id,
      title: VP_4.titleDa,
      citations: [p.citation],
      inputs: { start: formatDate(facts.start), initialWeeks: facts.initialWeeks, extensions: facts.extensions },
      parameters: [paramUse(p)],
      result: { totalWeeks: total, ok },
    }),
  };
}
