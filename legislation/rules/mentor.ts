import { tryResolve } from "../dated";
import { addMonths, formatDate, type DayNumber, type IsoDate } from "../dates";
import { explain, paramUse, type RuleResult } from "../explanation";
import { finding, type Finding } from "../finding";
import { mentorGrantMonths } from "../parameters/mentor";
import { defineRule } from "./rule-meta";

export const MT_3 = defineRule({
  id: "MT-3",
  titleDa: "Mentorstøtte bevilges højst 6 måneder ad gangen",
  summaryDa:
    "En bevilling af mentorstøtte løber højst 6 måneder. En ny periode på op til 6 måneder kan bevilges efter en konkret vurdering, som registreres.",
  citations: mentorGrantMonths.entries.map((e) => e.citation),
  inForce: { from: mentorGrantMonths.entries[0]!.from },
  kind: "computed",
  tests: ["legislation/rules/mentor.test.ts", "tests/golden/MT-VP-SK.yaml"],
  parameters: [mentorGrantMonths],
});

export interface MentorGrant {
  start: DayNumber;
  /** Last day of the grant (inclusive). */
  end: DayNumber;
  /** Required for every grant after the first: the concrete assessment behind the renewal. */
  concreteAssessment?: string;
}

export interface MentorGrantResult {
  start: IsoDate;
  end: IsoDate;
  /** start + 6 months − 1 day. */
  latestEnd: IsoDate;
  /** The day after the grant ends: a new grant is needed from then. */
  expiresOn: IsoDate;
  active: boolean;
  renewal: boolean;
}

/** MT-3: each grant at most 6 months; renewals need a recorded concrete assessment. */
export function mentorGrants(
  facts: { grants: readonly MentorGrant[] },
  asOf: DayNumber,
  forloebId?: string,
): RuleResult<{ grants: MentorGrantResult[]; findings: Finding[] }> {
  const findings: Finding[] = [];
  const sorted = [...facts.grants].sort((a, b) => a.start - b.start);
  const params = [] as ReturnType<typeof paramUse>[];
  const grants = sorted.flatMap((g, i) => {
    const months = tryResolve(mentorGrantMonths, g.start);
    if (!months) return []; // before the legislation's dates: nothing to check
    params.push(paramUse(months));
    const latestEnd = addMonths(g.start, months.value) - 1;
    if (g.end > latestEnd) {
      findings.push(
        finding(
          MT_3.id,
          "error",
          `Mentorbevillingen fra ${formatDate(g.start)} løber til ${formatDate(g.end)}; en bevilling må højst løbe ${months.value} måneder (til og med ${formatDate(latestEnd)}).`,
          [months.citation],
          forloebId,
        ),
      );
    }
    const renewal = i > 0;
    if (renewal && !(g.concreteAssessment && g.concreteAssessment.trim())) {
      findings.push(
        finding(
          MT_3.id,
          "error",
          `Den nye mentorperiode fra ${formatDate(g.start)} kræver en registreret konkret vurdering.`,
          [months.citation],
          forloebId,
        ),
      );
    }
    const prev = sorted[i - 1];
    if (prev && g.start <= prev.end) {
      findings.push(
        finding(
          MT_3.id,
          "warning",
          `Mentorperioden fra ${formatDate(g.start)} begynder, før den forrige periode er udløbet (${formatDate(prev.end)}). En ny periode bevilges, når den forrige er udløbet.`,
          [months.citation],
          forloebId,
        ),
      );
    }
    return [{
      start: formatDate(g.start),
      end: formatDate(g.end),
      latestEnd: formatDate(latestEnd),
      expiresOn: formatDate(g.end + 1),
      active: g.start <= asOf && asOf <= g.end,
      renewal,
    }];
  });
  return {
    value: { grants, findings },
    explanation: explain({
      ruleId: MT_3.id,
      title: MT_3.titleDa,
      citations: [...new Set(params.map((p) => p.citation))],
      inputs: { grants: sorted.map((g) => ({ start: formatDate(g.start), end: formatDate(g.end), concreteAssessment: g.concreteAssessment ?? null })) },
      parameters: params,
      result: grants,
    }),
  };
}
