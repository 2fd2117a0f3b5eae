import type { Citation } from "../citation";
import { resolve, tryResolve } from "../dated";
import { addMonths, formatDate, parseDate, type DayNumber, type IsoDate } from "../dates";
import { explain, paramUse, type Explanation, type RuleResult } from "../explanation";
import { finding, type Finding } from "../finding";
import { indsatsgarantiRules, type IndsatsgarantiRules } from "../parameters/indsatsgaranti";
import { INTERVENTION_KIND_DA, type InterventionKind, type PeriodKind } from "../parameters/kinds";
import { rehabiliteringsteamExists } from "../parameters/phase-out";
import { RULES_MD, SKRIVELSE_002 } from "../sources";
import { extendPastExcludedDays } from "./excluded-days";
import { defineRule } from "./rule-meta";

const IG_PARAM = indsatsgarantiRules.entries[1]!;
const C_IG: Citation = IG_PARAM.citation;
const C_IG5: Citation = { law: "LAB", paragraph: "§ 113, stk. 2", source: `${RULES_MD} IG-5 [external: L 209 2020-21 § 1 nr. 2]`, verified: false };
const C_IG6: Citation = { law: "LAB", paragraph: "overgangsregel (lov nr. 1160 af 8. juni 2021)", source: `${SKRIVELSE_002} §9` };
const C_TEAM_REPLACED: Citation = { law: "lov nr. 1750 af 29. december 2025", paragraph: "sundhedsfaglig rådgivning", source: `${RULES_MD} R2026`, verified: false };
const TESTS = [
  "legislation/rules/indsatsgaranti.test.ts",
  "legislation/rules/indsatsgaranti.property.test.ts",
  "tests/golden/IG.yaml",
];
const IN_FORCE = { from: IG_PARAM.from };

export const IG_1 = defineRule({
  id: "IG-1",
  titleDa: "Indsatsgaranti: kvalificerende indsats inden 6 måneder",
  summaryDa:
    "Har borgeren ikke inden 6 måneder efter forløbets start påbegyndt et tilbud efter LAB kap. 11, 12 eller 14, en indsats efter serviceloven eller en kommunal sundhedsindsats, skal sagen forelægges rehabiliteringsteamet. Indsatsen skal indgå i indsatsdelen og være påbegyndt efter forløbets start.",
  citations: [C_IG],
  inForce: IN_FORCE,
  kind: "computed",
  tests: TESTS,
  parameters: [indsatsgarantiRules, rehabiliteringsteamExists],
});
export const IG_2 = defineRule({
  id: "IG-2",
  titleDa: "Indsatsgaranti: perioder der ikke tæller med",
  summaryDa:
    "Perioder med fritagelse for rådighed og perioder med kontaktforløb uden kontakt (stand by) tæller ikke med i de 6 måneder; fristen forlænges med dagene, genberegnet til den er stabil. Sygdom uden fritagelse forlænger ikke.",
  citations: [C_IG],
  inForce: IN_FORCE,
  kind: "computed",
  tests: TESTS,
  parameters: [indsatsgarantiRules],
});
export const IG_3 = defineRule({
  id: "IG-3",
  titleDa: "Indsatsgaranti: undtagelser",
  summaryDa:
    "Sagen skal ikke forelægges teamet, hvis borgeren i de første 6 måneder har haft ordinære løntimer (uanset omfang), deltaget i STU eller været ansat med løntilskud efter kompensationsloven § 15.",
  citations: [C_IG],
  inForce: IN_FORCE,
  kind: "computed",
  tests: TESTS,
  parameters: [indsatsgarantiRules],
});
export const IG_4 = defineRule({
  id: "IG-4",
  titleDa: "Indsatsgaranti: indsats kort efter fristen",
  summaryDa: "Sagen skal forelægges teamet, selvom borgeren påbegynder en indsats kort tid efter fristen.",
  citations: [C_IG],
  inForce: IN_FORCE,
  kind: "computed",
  tests: TESTS,
  parameters: [indsatsgarantiRules],
});
export const IG_5 = defineRule({
  id: "IG-5",
  titleDa: "Indsatsgaranti: særlige grunde",
  summaryDa: "Lovteksten tillader en undtagelse, hvor særlige grunde taler herfor. Undtagelsen registreres med en begrundelse.",
  citations: [C_IG5],
  inForce: IN_FORCE,
  kind: "computed",
  tests: TESTS,
});
export const IG_6 = defineRule({
  id: "IG-6",
  titleDa: "Indsatsgaranti: overgangsregel",
  summaryDa:
    "For forløb påbegyndt før 2022-01-01 uden kvalificerende indsats før denne dato er fristen 2022-07-01, opgjort på samme måde (fra 2022-01-01). Forløb med en kvalificerende indsats før 2022-01-01 er ikke omfattet.",
  citations: [C_IG6],
  inForce: IN_FORCE,
  kind: "computed",
  tests: TESTS,
  parameters: [indsatsgarantiRules],
});

export type IndsatsgarantiStatus = "met" | "exempt" | "pending" | "breached" | "notApplicable";

export interface IgPeriod {
  kind: PeriodKind;
  from: DayNumber;
  to: DayNumber;
}
export interface IgIntervention {
  kind: InterventionKind;
  start: DayNumber;
  inPlan: boolean;
}

export interface IndsatsgarantiFacts {
  start: DayNumber;
  /** D-4 effective end: excluded days count only inside the forløb. */
  effectiveEnd: DayNumber;
  periods: readonly IgPeriod[];
  interventions: readonly IgIntervention[];
  /** IG-5: a recorded exception for "særlige grunde", with its reason. */
  exception?: { reason: string; recordedOn?: DayNumber };
}

export interface IndsatsgarantiValue {
  status: IndsatsgarantiStatus;
  /** Last day on which starting a qualifying intervention counts; null when notApplicable or exempt. */
  deadline: IsoDate | null;
  /** First day of the measured window (the forløb start, or 2022-01-01 under IG-6). */
  windowStart: IsoDate | null;
  /** Days of fritagelse/stand-by that moved the deadline (IG-2). */
  extensionDays: number;
  transitional: boolean;
  /** The start date of the qualifying intervention that counted, if any. */
  qualifyingStart: IsoDate | null;
  findings: Finding[];
}

function overlaps(p: IgPeriod, from: DayNumber, to: DayNumber): boolean {
  return p.from <= to && p.to >= from;
}

/**
 * IG-1..IG-6: the indsatsgaranti of one forløb on `asOf`.
 *
 * Interpretations (docs/rules-api.md): only facts on or before `asOf` count as having happened
 * (a planned intervention or period in the future does not meet or exempt yet); IG-3 looks at
 * the measured window [windowStart, deadline]; a forløb that ends before the deadline without
 * an intervention is notApplicable once it has ended.
 */
export function indsatsgaranti(facts: IndsatsgarantiFacts, asOf: DayNumber, forloebId?: string): RuleResult<IndsatsgarantiValue> {
  const rules = tryResolve(indsatsgarantiRules, asOf);
  const ctx: Ctx = {
    rules,
    findings: [],
    children: [],
    inputs: {
      start: formatDate(facts.start),
      effectiveEnd: formatDate(facts.effectiveEnd),
      asOf: formatDate(asOf),
      exception: facts.exception ? facts.exception.reason : null,
    },
    deadline: null,
    windowStart: null,
    extensionDays: 0,
    transitional: false,
  };
  if (!rules) {
    return notApplicable(ctx, `Indsatsgarantien var ikke i kraft den ${formatDate(asOf)} (gælder fra ${IG_PARAM.from}).`, IG_1.id, null);
  }
  const r = rules.value;
  const qualifies = (i: IgIntervention) => r.qualifyingKinds.includes(i.kind) && i.inPlan && i.start >= facts.start;

  // IG-6: forløb begun before the reform are measured from the reform date.
  const reform = parseDate(r.transition.forloebBefore);
  const transitional = facts.start < reform;
  ctx.transitional = transitional;
  if (transitional) {
    if (facts.effectiveEnd < reform) {
      return notApplicable(ctx, `Forløbet sluttede ${formatDate(facts.effectiveEnd)}, før indsatsgarantien trådte i kraft.`, IG_6.id, null);
    }
    const before = earliest(facts.interventions, (i) => qualifies(i) && i.start < reform);
    if (before) {
      ctx.findings.push(
        finding(
          IG_6.id,
          "info",
          `Borgeren påbegyndte en kvalificerende indsats (${INTERVENTION_KIND_DA[before.kind]}) ${formatDate(before.start)}, før ${r.transition.forloebBefore}. Forløbet er ikke omfattet af indsatsgarantien.`,
          [C_IG6],
          forloebId,
        ),
      );
      return notApplicable(
        ctx,
        `Forløbet er påbegyndt før ${r.transition.forloebBefore}, og en kvalificerende indsats blev påbegyndt ${formatDate(before.start)}; overgangsreglen undtager forløbet.`,
        IG_6.id,
        before.start,
      );
    }
  }
  const windowStart = transitional ? parseDate(r.transition.windowFrom) : facts.start;
  const base = transitional ? parseDate(r.transition.deadline) : addMonths(facts.start, r.windowMonths);

  // IG-2: fritagelse and stand-by inside the forløb move the deadline.
  const excluded = facts.periods.filter((p) => r.excludedKinds.includes(p.kind));
  const ext = extendPastExcludedDays(windowStart, base, excluded, facts.effectiveEnd);
  const deadline = ext.date;
  ctx.deadline = formatDate(deadline);
  ctx.windowStart = formatDate(windowStart);
  ctx.extensionDays = ext.days;
  const cit = transitional ? [rules.citation, C_IG6] : [rules.citation];
  ctx.children.push(
    explain({
      ruleId: IG_2.id,
      title: IG_2.titleDa,
      citations: cit,
      inputs: {
        windowStart: ctx.windowStart,
        excludedPeriods: excluded.map((p) => ({ kind: p.kind, from: formatDate(p.from), to: formatDate(p.to) })),
      },
      parameters: [paramUse(rules)],
      result: { baseDeadline: formatDate(base), extensionDays: ext.days, deadline: ctx.deadline },
      reasoning: transitional
        ? `Overgangsregel: frist ${formatDate(base)}, forlænget med ${ext.days} dages fritagelse/stand by fra ${ctx.windowStart} (opgjort på samme måde), til ${ctx.deadline}.`
        : `${ctx.inputs.start} + ${r.windowMonths} måneder = ${formatDate(base)}, forlænget med ${ext.days} dages fritagelse/stand by i forløbet (talt til og med fristen, indtil stabil) til ${ctx.deadline}.`,
    }),
  );

  // IG-5: a recorded exception for særlige grunde.
  if (facts.exception && facts.exception.reason.trim().length > 0) {
    ctx.findings.push(finding(IG_5.id, "info", `Undtaget fra indsatsgarantien af særlige grunde: ${facts.exception.reason}`, [C_IG5], forloebId));
    return decided(ctx, "exempt", IG_5.id, `Registreret undtagelse (særlige grunde): ${facts.exception.reason}`, null, [...cit, C_IG5]);
  }

  // IG-3: ordinary hours, STU or kompensationsloven § 15 in the window (up to asOf).
  const seenUntil = Math.min(deadline, asOf);
  const exempting = facts.periods.find((p) => r.exemptingKinds.includes(p.kind) && overlaps(p, windowStart, seenUntil));
  if (exempting) {
    const what = exempting.kind === "ordinaryWork" ? "ordinære løntimer" : exempting.kind === "stu" ? "STU" : "løntilskud efter kompensationsloven § 15";
    ctx.findings.push(
      finding(
        IG_3.id,
        "info",
        `Sagen skal ikke forelægges rehabiliteringsteamet efter indsatsgarantien: borgeren har haft ${what} (${formatDate(exempting.from)}-${formatDate(exempting.to)}) i de første 6 måneder.`,
        cit,
        forloebId,
      ),
    );
    return decided(ctx, "exempt", IG_3.id, `Undtaget: ${what} i perioden ${ctx.windowStart}-${ctx.deadline}.`, null, cit);
  }

  // IG-1 / IG-4: the first qualifying intervention begun by asOf.
  const first = earliest(facts.interventions, (i) => qualifies(i) && i.start >= windowStart && i.start <= asOf);
  const metInTime = first !== undefined && first.start <= deadline;
  if (!metInTime) {
    const lastSeen = Math.min(asOf, deadline);
    const notInPlan = facts.interventions.find((i) => r.qualifyingKinds.includes(i.kind) && !i.inPlan && i.start >= facts.start && i.start <= lastSeen);
    if (notInPlan) {
      ctx.findings.push(
        finding(
          IG_1.id,
          "warning",
          `Indsatsen ${INTERVENTION_KIND_DA[notInPlan.kind]} fra ${formatDate(notInPlan.start)} indgår ikke i rehabiliteringsplanens indsatsdel og tæller derfor ikke med i indsatsgarantien.`,
          cit,
          forloebId,
        ),
      );
    }
  }
  if (metInTime) {
    return decided(ctx, "met", IG_1.id, `Kvalificerende indsats (${INTERVENTION_KIND_DA[first.kind]}) påbegyndt ${formatDate(first.start)}, senest ${ctx.deadline}.`, first.start, cit);
  }
  const endedBefore = facts.effectiveEnd < deadline && asOf > facts.effectiveEnd;
  if (endedBefore) {
    return notApplicable(ctx, `Forløbet sluttede ${formatDate(facts.effectiveEnd)}, før fristen ${ctx.deadline}.`, IG_1.id, null);
  }
  if (asOf <= deadline) {
    return decided(ctx, "pending", IG_1.id, `Ingen kvalificerende indsats endnu; fristen er ${ctx.deadline}.`, null, cit);
  }
  // Breached: back to the team (or, after its abolition, what replaces it).
  const team = resolve(rehabiliteringsteamExists, deadline + 1);
  const where = team.value
    ? "Sagen skal forelægges rehabiliteringsteamet snarest muligt."
    : "Rehabiliteringsteamet er nedlagt; sæt straks en indsats i gang og indhent sundhedskoordinatorens rådgivning, hvis næste skridt er fleksjob eller førtidspension.";
  const teamCit = team.value ? cit : [...cit, team.citation, C_TEAM_REPLACED];
  if (first) {
    ctx.findings.push(
      finding(IG_4.id, "error", `Den kvalificerende indsats (${INTERVENTION_KIND_DA[first.kind]}) blev påbegyndt ${formatDate(first.start)}, efter fristen ${ctx.deadline}. ${where}`, teamCit, forloebId),
    );
    return decided(ctx, "breached", IG_4.id, `Indsats påbegyndt ${formatDate(first.start)}, efter fristen ${ctx.deadline}.`, first.start, teamCit);
  }
  ctx.findings.push(
    finding(
      IG_1.id,
      "error",
      `Borgeren har ikke påbegyndt en kvalificerende indsats senest ${ctx.deadline}${transitional ? " (overgangsreglens frist)" : ""}. ${where}`,
      teamCit,
      forloebId,
    ),
  );
  return decided(ctx, "breached", transitional ? IG_6.id : IG_1.id, `Ingen kvalificerende indsats senest ${ctx.deadline}.`, null, teamCit);
}

interface Ctx {
  rules: ReturnType<typeof tryResolve<IndsatsgarantiRules>>;
  findings: Finding[];
  children: Explanation[];
  inputs: Record<string, unknown> & { start: string };
  deadline: IsoDate | null;
  windowStart: IsoDate | null;
  extensionDays: number;
  transitional: boolean;
}

function earliest(xs: readonly IgIntervention[], pred: (i: IgIntervention) => boolean): IgIntervention | undefined {
  let best: IgIntervention | undefined;
  for (const i of xs) if (pred(i) && (best === undefined || i.start < best.start)) best = i;
  return best;
}

function result(ctx: Ctx, value: IndsatsgarantiValue, ruleId: string, reasoning: string, citations: Citation[]): RuleResult<IndsatsgarantiValue> {
  return {
    value,
    explanation: explain({
      ruleId,
      title: IG_1.titleDa,
      citations,
      inputs: ctx.inputs,
      parameters: ctx.rules ? [paramUse(ctx.rules)] : [],
      result: { status: value.status, deadline: value.deadline, qualifyingStart: value.qualifyingStart },
      reasoning,
      children: ctx.children,
    }),
  };
}

/** notApplicable: never a deadline. */
function notApplicable(ctx: Ctx, reasoning: string, ruleId: string, qualifyingStart: DayNumber | null): RuleResult<IndsatsgarantiValue> {
  const value: IndsatsgarantiValue = {
    status: "notApplicable",
    deadline: null,
    windowStart: ctx.windowStart,
    extensionDays: ctx.extensionDays,
    transitional: ctx.transitional,
    qualifyingStart: qualifyingStart === null ? null : formatDate(qualifyingStart),
    findings: ctx.findings,
  };
  const citations = ctx.rules ? [ctx.rules.citation] : [indsatsgarantiRules.entries[0]!.citation];
  return result(ctx, value, ruleId, reasoning, citations);
}

/** met / exempt / pending / breached; exempt has no deadline. */
function decided(
  ctx: Ctx,
  status: Exclude<IndsatsgarantiStatus, "notApplicable">,
  ruleId: string,
  reasoning: string,
  qualifyingStart: DayNumber | null,
  citations: Citation[],
): RuleResult<IndsatsgarantiValue> {
  const value: IndsatsgarantiValue = {
    status,
    deadline: status === "exempt" ? null : ctx.deadline,
    windowStart: ctx.windowStart,
    extensionDays: ctx.extensionDays,
    transitional: ctx.transitional,
    qualifyingStart: qualifyingStart === null ? null : formatDate(qualifyingStart),
    findings: ctx.findings,
  };
  return result(ctx, value, ruleId, reasoning, citations);
}
