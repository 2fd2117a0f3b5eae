import type { Citation } from "../citation";
import { emptyPacked, filterPacked } from "../arrays";
import { resolve } from "../dated";
import { addDays, addMonths, ageAt, formatDate, wholeMonthsBetween, type DayNumber, type IsoDate } from "../dates";
import { explain, paramUse, type Explanation, type RuleResult } from "../explanation";
import { finding, type Finding } from "../finding";
import { durationRules } from "../parameters/duration";
import { folkepensionsalderTable } from "../parameters/pension-age";
import { authorityName, rehabiliteringsteamExists } from "../parameters/phase-out";
import { regimeStart } from "../regimes";
import { RULES_MD, SKRIVELSE_002 } from "../sources";
import { defineRule } from "./rule-meta";
import { extendPastExcludedDays, type DayRange } from "./excluded-days";
import type { folkepensionsalder } from "./pension-age";
import { grantAllowed, sixYearLine } from "./target-group";

const C_82_16: Citation = { law: "LAB", paragraph: "§ 113", source: `${SKRIVELSE_002} §6.5 (Ankestyrelsen 82-16)` };
const C_BARSEL: Citation = { law: "LAB", paragraph: "§ 113", source: `${SKRIVELSE_002} §6.5 (barsel)` };
const C_NEXT_STEP: Citation = { law: "LAB", paragraph: "§ 113, stk. 2", source: `${SKRIVELSE_002} §6.7` };
const C_TRANSITION: Citation = { law: "LAB", paragraph: "overgangsregel (lov nr. 1160 af 8. juni 2021)", source: `${SKRIVELSE_002} §9` };
const C_TEAM_REPLACED: Citation = {
  law: "lov nr. 1750 af 29. december 2025",
  paragraph: "sundhedsfaglig rådgivning",
  source: `${RULES_MD} R2026`,
  verified: false,
};

const DURATION_TESTS = ["legislation/rules/duration.test.ts", "tests/golden/D-1-D-2.yaml"];

export const D_1 = defineRule({
  id: "D-1",
  titleDa: "Varighed under 2013-reglerne",
  summaryDa:
    "Et ressourceforløb varer 1 til 5 år. Borgere under 40 år kan få flere forløb; borgere over 40 år som udgangspunkt ét, medmindre de selv ønsker flere.",
  citations: [durationRules.entries[0]!.citation],
  inForce: { from: durationRules.entries[0]!.from, to: "2021-12-31" },
  kind: "computed",
  tests: DURATION_TESTS,
  parameters: [durationRules],
});

export const D_2 = defineRule({
  id: "D-2",
  titleDa: "Varighed under reglerne fra 2022",
  summaryDa:
    "Et ressourceforløb varer 1 til 3 år. Under 50 år kan flere forløb følge efter hinanden. Fra 50 år ét forløb, medmindre borgeren ønsker flere. Er borgeren 40-49 år ved starten af et nyt forløb, højst 5 år i ressourceforløb i alt, medmindre borgeren ønsker mere.",
  citations: [durationRules.entries[1]!.citation],
  inForce: { from: durationRules.entries[1]!.from },
  kind: "computed",
  tests: DURATION_TESTS,
  parameters: [durationRules],
});

export const D_3 = defineRule({
  id: "D-3",
  titleDa: "Et ressourceforløb forlænges ikke",
  summaryDa: "Et forløb kan ikke forlænges. Fortsættelse kræver et nyt forløb gennem rehabiliteringsteamet.",
  citations: [C_82_16],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: ["legislation/rules/duration.test.ts", "tests/golden/D-3-D-5-D-6.yaml"],
});

export const D_4 = defineRule({
  id: "D-4",
  titleDa: "Barsel forskyder slutdatoen",
  summaryDa:
    "Perioder med barsel tæller ikke med i varigheden. Slutdatoen rykkes med barselsdagene i forløbet, uden forelæggelse for teamet. Sygdom og andet fravær rykker ikke slutdatoen.",
  citations: [C_BARSEL],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: ["legislation/rules/duration.test.ts", "legislation/rules/duration.property.test.ts", "tests/golden/D-4.yaml"],
});

export const D_5 = defineRule({
  id: "D-5",
  titleDa: "Forløbet fortsætter indtil afgørelse om næste skridt",
  summaryDa: "Forløbet og ydelsen fortsætter efter slutdatoen, indtil kommunen har truffet afgørelse om det videre forløb.",
  citations: [C_82_16],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: ["legislation/rules/duration.test.ts", "tests/golden/D-3-D-5-D-6.yaml"],
});

export const D_6 = defineRule({
  id: "D-6",
  titleDa: "Forelæggelse i god tid før slutdatoen",
  summaryDa:
    "Kommunen træffer inden slutdatoen afgørelse om næste skridt. Kræver det teamet (nyt forløb, fleksjob, førtidspension), forelægges sagen så tidligt, at afgørelsen er klar ved slutdatoen. Forløbet for forelæggelse er en kommunal indstilling. Efter teamets nedlæggelse træder sundhedskoordinatorens rådgivning i stedet.",
  citations: [C_NEXT_STEP, ...rehabiliteringsteamExists.entries.map((e) => e.citation).slice(1)],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: ["legislation/rules/duration.test.ts", "tests/golden/D-3-D-5-D-6.yaml"],
  parameters: [rehabiliteringsteamExists],
});

export const D_7 = defineRule({
  id: "D-7",
  titleDa: "Overgangsregler for lange forløb",
  summaryDa:
    "Et forløb på over 3 år påbegyndt før 2022-01-01 løber til sin slutdato. Et forløb på over 3 år bevilget før 2022, men med start fra 2022-01-01, kræver en ny afgørelse om en varighed på højst 3 år.",
  citations: [C_TRANSITION],
  inForce: { from: "2022-01-01" },
  kind: "computed",
  tests: ["legislation/rules/duration.test.ts", "tests/golden/D-7.yaml"],
  parameters: [durationRules],
});

/* ------------------------------------------------------------------------------------------ */

export interface ForloebDates {
  start: DayNumber;
  plannedEnd: DayNumber;
}

/** Length of start..plannedEnd (inclusive) as whole months plus remaining days. */
export function forloebLength(f: ForloebDates): { months: number; days: number } {
  const after = addDays(f.plannedEnd, 1);
  const months = wholeMonthsBetween(f.start, after);
  return { months, days: after - addMonths(f.start, months) };
}

/** Months counted towards a cap: a started month counts as a whole one (never under-counts). */
export function monthsUsed(f: ForloebDates): number {
  const l = forloebLength(f);
  return l.months + (l.days > 0 ? 1 : 0);
}

/** The last day of a forløb of N months from start (evaluate.md: start + N months − 1 day). */
export function endOfMonths(start: DayNumber, months: number): DayNumber {
  return addMonths(start, months) - 1;
}

/* D-4 ------------------------------------------------------------------------------------- */

export interface EffectiveEndValue {
  effectiveEnd: IsoDate;
  effectiveEndDay: DayNumber;
  barselDays: number;
  findings: Finding[];
}

/** D-4: plannedEnd moved later by the barsel days inside the forløb, recomputed until stable. */
export function effectiveEnd(
  facts: ForloebDates & { barsel: readonly DayRange[] },
  _asOf: DayNumber,
  forloebId?: string,
): RuleResult<EffectiveEndValue> {
  const ext = extendPastExcludedDays(facts.start, facts.plannedEnd, facts.barsel);
  const findings: Finding[] = [];
  if (ext.days > 0) {
    findings.push(
      finding(
        D_4.id,
        "info",
        `Slutdatoen er rykket ${ext.days} dage til ${formatDate(ext.date)} på grund af barsel. Det kræver ikke forelæggelse for rehabiliteringsteamet.`,
        [C_BARSEL],
        forloebId,
      ),
    );
  }
  const value = { effectiveEnd: formatDate(ext.date), effectiveEndDay: ext.date, barselDays: ext.days, findings };
  return {
    value,
    explanation: explain({
      ruleId: D_4.id,
      title: D_4.titleDa,
      citations: [C_BARSEL],
      inputs: {
        start: formatDate(facts.start),
        plannedEnd: formatDate(facts.plannedEnd),
        barsel: facts.barsel.map((r) => ({ from: formatDate(r.from), to: formatDate(r.to) })),
      },
      result: { effectiveEnd: value.effectiveEnd, barselDays: ext.days },
      reasoning:
        ext.days > 0
          ? `${ext.days} dages barsel i forløbet (talt til og med den rykkede slutdato, indtil stabil) rykker slutdatoen fra ${formatDate(facts.plannedEnd)} til ${value.effectiveEnd}.`
          : "Ingen barsel i forløbet; slutdatoen er den besluttede.",
    }),
  };
}

/* D-1 / D-2 / D-7: a forløb's duration -------------------------------------------------------- */

export interface DurationCheckFacts extends ForloebDates {
  decidedOn?: DayNumber;
}

export interface DurationCheckValue {
  months: number;
  days: number;
  minMonths: number;
  maxMonths: number;
  /** D-7: begun before 2022 with more than the 2022 maximum: runs to its end. */
  runsToEndUnderTransition: boolean;
  findings: Finding[];
}

/** D-1/D-2 (duration limits of the rules in force at the start) and D-7 (transitional). */
export function checkDuration(facts: DurationCheckFacts, _asOf: DayNumber, forloebId?: string): RuleResult<DurationCheckValue> {
  const rules = resolve(durationRules, facts.start);
  const reform = regimeStart("R2022");
  const reformRules = resolve(durationRules, reform);
  const len = forloebLength(facts);
  const ruleId = facts.start < reform ? D_1.id : D_2.id;
  const findings: Finding[] = [];
  const tooShort = facts.plannedEnd < endOfMonths(facts.start, rules.value.minMonths);
  const tooLong = facts.plannedEnd > endOfMonths(facts.start, rules.value.maxMonths);
  const overReformMax = facts.plannedEnd > endOfMonths(facts.start, reformRules.value.maxMonths);
  let runsToEndUnderTransition = false;
  const lenText = `${len.months} måneder${len.days ? ` og ${len.days} dage` : ""}`;

  if (tooShort) {
    findings.push(
      finding(ruleId, "error", `Forløbet varer ${lenText}; et ressourceforløb skal vare mindst ${rules.value.minMonths} måneder.`, [rules.citation], forloebId),
    );
  }
  if (facts.start < reform && overReformMax && !tooLong) {
    runsToEndUnderTransition = true;
    findings.push(
      finding(
        D_7.id,
        "info",
        `Forløbet på ${lenText} er påbegyndt før ${formatDate(reform)} og fortsætter til det er afsluttet (${formatDate(facts.plannedEnd)}). Vær opmærksom på, at forløbet ikke trækker unødigt i langdrag.`,
        [C_TRANSITION],
        forloebId,
      ),
    );
  } else if (facts.start >= reform && overReformMax && facts.decidedOn !== undefined && facts.decidedOn < reform) {
    findings.push(
      finding(
        D_7.id,
        "error",
        `Forløbet på ${lenText} er bevilget før ${formatDate(reform)}, men starter ${formatDate(facts.start)}. Der skal træffes en ny afgørelse om en varighed på højst ${reformRules.value.maxMonths} måneder.`,
        [C_TRANSITION, reformRules.citation],
        forloebId,
      ),
    );
  } else if (tooLong) {
    findings.push(
      finding(ruleId, "error", `Forløbet varer ${lenText}; et ressourceforløb må højst vare ${rules.value.maxMonths} måneder ad gangen.`, [rules.citation], forloebId),
    );
  }

  const value = {
    months: len.months,
    days: len.days,
    minMonths: rules.value.minMonths,
    maxMonths: rules.value.maxMonths,
    runsToEndUnderTransition,
    findings,
  };
  return {
    value,
    explanation: explain({
      ruleId,
      title: ruleId === D_1.id ? D_1.titleDa : D_2.titleDa,
      citations: runsToEndUnderTransition || findings.some((f) => f.ruleId === D_7.id) ? [rules.citation, C_TRANSITION] : [rules.citation],
      inputs: {
        start: formatDate(facts.start),
        plannedEnd: formatDate(facts.plannedEnd),
        decidedOn: facts.decidedOn === undefined ? null : formatDate(facts.decidedOn),
      },
      parameters: [paramUse(rules)],
      result: { months: len.months, days: len.days, ok: !findings.some((f) => f.severity === "error") },
      reasoning: `Varighed ${lenText}; tilladt ${rules.value.minMonths}-${rules.value.maxMonths} måneder efter reglerne i kraft ved start ${formatDate(facts.start)}.`,
    }),
  };
}

/* D-3 --------------------------------------------------------------------------------------- */

/** D-3: a planned end later than the decided end is an extension, which is not allowed. */
export function noExtension(
  facts: { decidedEnd?: DayNumber; plannedEnd: DayNumber },
  _asOf: DayNumber,
  forloebId?: string,
): RuleResult<{ extended: boolean; findings: Finding[] }> {
  const extended = facts.decidedEnd !== undefined && facts.plannedEnd > facts.decidedEnd;
  const findings = extended
    ? [
        finding(
          D_3.id,
          "error",
          `Slutdatoen ${formatDate(facts.plannedEnd)} er senere end afgørelsens ${formatDate(facts.decidedEnd!)}. Et ressourceforløb kan ikke forlænges; fortsættelse kræver et nyt forløb gennem rehabiliteringsteamet.`,
          [C_82_16],
          forloebId,
        ),
      ]
    : [];
  return {
    value: { extended, findings },
    explanation: explain({
      ruleId: D_3.id,
      title: D_3.titleDa,
      citations: [C_82_16],
      inputs: {
        decidedEnd: facts.decidedEnd === undefined ? null : formatDate(facts.decidedEnd),
        plannedEnd: formatDate(facts.plannedEnd),
      },
      result: { extended },
    }),
  };
}

/* D-5 --------------------------------------------------------------------------------------- */

export type ForloebStatus = "planned" | "running" | "continuesUntilDecision" | "ended";

export interface StatusFacts {
  start: DayNumber;
  effectiveEnd: DayNumber;
  /** The day the municipality decided the next step (D-5/D-6). */
  nextStepDecidedOn?: DayNumber;
  /** The forløb was ended early (E-3/E-4) on this day. */
  endedOn?: DayNumber;
}

/** D-5: after the end date the forløb (and the ydelse) continues until the next step is decided. */
export function forloebStatus(facts: StatusFacts, asOf: DayNumber, forloebId?: string): RuleResult<{ status: ForloebStatus; findings: Finding[] }> {
  let status: ForloebStatus;
  if (facts.endedOn !== undefined && facts.endedOn <= asOf) status = "ended";
  else if (asOf < facts.start) status = "planned";
  else if (asOf <= facts.effectiveEnd) status = "running";
  else if (facts.nextStepDecidedOn !== undefined && facts.nextStepDecidedOn <= asOf) status = "ended";
  else status = "continuesUntilDecision";
  const findings =
    status === "continuesUntilDecision"
      ? [
          finding(
            D_5.id,
            "info",
            `Slutdatoen ${formatDate(facts.effectiveEnd)} er passeret uden afgørelse om næste skridt. Forløbet og ressourceforløbsydelsen fortsætter, indtil kommunen har truffet afgørelse.`,
            [C_82_16],
            forloebId,
          ),
        ]
      : [];
  return {
    value: { status, findings },
    explanation: explain({
      ruleId: D_5.id,
      title: D_5.titleDa,
      citations: [C_82_16],
      inputs: {
        start: formatDate(facts.start),
        effectiveEnd: formatDate(facts.effectiveEnd),
        nextStepDecidedOn: facts.nextStepDecidedOn === undefined ? null : formatDate(facts.nextStepDecidedOn),
        endedOn: facts.endedOn === undefined ? null : formatDate(facts.endedOn),
      },
      result: status,
    }),
  };
}

/* D-6 --------------------------------------------------------------------------------------- */

export interface NextStepValue {
  /** The next step must be decided by the effective end. */
  decideBy: IsoDate;
  /** Present the case by this day (effective end − lead weeks), or null when no lead time is set. */
  presentBy: IsoDate | null;
  /** Who the case goes to on presentBy: the team, or after its abolition the sundhedskoordinator. */
  presentTo: "rehabiliteringsteam" | "sundhedskoordinator";
  findings: Finding[];
}

/**
 * D-6: deadline to present the case before the end. The lead time is a municipal setting
 * (weeks) passed in as a fact. After the team's abolition date the sundhedskoordinator's
 * advice replaces the team for fleksjob and førtidspension [verify].
 */
export function nextStepDeadline(
  facts: StatusFacts & { teamLeadWeeks?: number },
  asOf: DayNumber,
  forloebId?: string,
): RuleResult<NextStepValue> {
  const presentByDay = facts.teamLeadWeeks === undefined ? null : addDays(facts.effectiveEnd, -7 * facts.teamLeadWeeks);
  // Clamped to the start so the lookup stays inside the legislation's dates.
  const teamOn = Math.max(presentByDay ?? facts.effectiveEnd, facts.start);
  const team = resolve(rehabiliteringsteamExists, teamOn);
  const authority = resolve(authorityName, asOf);
  const presentTo = team.value ? "rehabiliteringsteam" : "sundhedskoordinator";
  const decided = facts.nextStepDecidedOn !== undefined && facts.nextStepDecidedOn <= asOf;
  const ended = facts.endedOn !== undefined && facts.endedOn <= asOf;
  const findings: Finding[] = [];
  const citations = team.value ? [C_NEXT_STEP] : [C_NEXT_STEP, team.citation, C_TEAM_REPLACED];
  const where = team.value
    ? "rehabiliteringsteamet"
    : "sundhedskoordinatoren til rådgivning (rehabiliteringsteamet er nedlagt; gælder fleksjob og førtidspension)";
  if (!decided && !ended && asOf >= facts.start) {
    if (asOf > facts.effectiveEnd) {
      findings.push(
        finding(
          D_6.id,
          "warning",
          `Der er ikke truffet afgørelse om næste skridt inden slutdatoen ${formatDate(facts.effectiveEnd)}. ${capitalise(authority.value)} skal træffe afgørelse hurtigst muligt.`,
          citations,
          forloebId,
        ),
      );
    } else if (presentByDay !== null && asOf >= presentByDay) {
      findings.push(
        finding(
          D_6.id,
          "warning",
          `Slutdatoen er ${formatDate(facts.effectiveEnd)}. Kræver næste skridt (nyt forløb, fleksjob eller førtidspension) en indstilling, skulle sagen være forelagt ${where} senest ${formatDate(presentByDay)}.`,
          citations,
          forloebId,
        ),
      );
    }
  }
  const value: NextStepValue = {
    decideBy: formatDate(facts.effectiveEnd),
    presentBy: presentByDay === null ? null : formatDate(presentByDay),
    presentTo,
    findings,
  };
  return {
    value,
    explanation: explain({
      ruleId: D_6.id,
      title: D_6.titleDa,
      citations,
      inputs: {
        effectiveEnd: formatDate(facts.effectiveEnd),
        teamLeadWeeks: facts.teamLeadWeeks ?? null,
        nextStepDecidedOn: facts.nextStepDecidedOn === undefined ? null : formatDate(facts.nextStepDecidedOn),
      },
      parameters: [paramUse(team), paramUse(authority)],
      result: { decideBy: value.decideBy, presentBy: value.presentBy, presentTo },
      reasoning:
        presentByDay === null
          ? "Ingen kommunal frist for forelæggelse er angivet; afgørelsen skal foreligge ved slutdatoen."
          : `Slutdato ${value.decideBy} minus ${facts.teamLeadWeeks} uger (kommunal indstilling) = ${value.presentBy}.`,
    }),
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/* New forløb: D-1, D-2, TG-6, TG-10 --------------------------------------------------------- */

export interface NewForloebFacts {
  birthDate: DayNumber;
  /** Start of the forløb being considered. */
  start: DayNumber;
  /** The decision date (TG-10 cut-off). */
  decisionDate: DayNumber;
  /** Earlier forløb (their decided periods); those starting on/after `start` are ignored. */
  earlier: readonly ForloebDates[];
  wishesNewForloeb: boolean;
  /** The folkepensionsdato; a forløb cannot start on or after it. */
  folkepensionDate: DayNumber;
  /** The PA-1 result, when the caller has it. */
  pension?: ReturnType<typeof folkepensionsalder>;
}

export interface NewForloebValue {
  allowed: boolean;
  requiresCitizenWish: boolean;
  /** Longest duration allowed without the citizen's wish (0 when none is allowed without it). */
  maxMonths: number;
  minMonths: number;
  /** Longest duration allowed when the citizen wishes it. */
  maxMonthsWithWish: number;
  /** Why the wish is needed: "seniorRule", "oneForloebFromAge", "totalCap". */
  wishReasons: string[];
  findings: Finding[];
}

/** What a new forløb starting on `start` may be (TG-6, TG-10, D-1, D-2). */
export function newForloebLimits(facts: NewForloebFacts, asOf: DayNumber): RuleResult<NewForloebValue> {
  const children: Explanation[] = [];
  const findings: Finding[] = [];
  const grant = grantAllowed({ decisionDate: facts.decisionDate }, asOf);
  children.push(grant.explanation);
  const rules = resolve(durationRules, facts.start);
  const age = ageAt(facts.birthDate, facts.start);
  const earlier = emptyPacked<ForloebDates>();
  for (const f of facts.earlier) if (f.start < facts.start) earlier.push({ start: f.start, plannedEnd: Math.min(f.plannedEnd, facts.start - 1) });
  const wishReasons = emptyPacked<string>();
  let maxWithoutWish = rules.value.maxMonths;
  const ruleId = facts.start < regimeStart("R2022") ? D_1.id : D_2.id;

  // TG-6: senior rule.
  const line = sixYearLine({ birthDate: facts.birthDate, pension: facts.pension }, facts.start);
  children.push(line.explanation);
  if (line.value.lineDay !== null && facts.start >= line.value.lineDay) wishReasons.push("seniorRule");

  // D-1 / D-2: one forløb from the age limit.
  if (earlier.length > 0 && age.years >= rules.value.oneForloebFromAge) wishReasons.push("oneForloebFromAge");

  // D-2: total cap for ages 40-49.
  let usedMonths = 0;
  const cap = rules.value.totalCap;
  if (cap && age.years >= cap.fromAge && age.years < cap.belowAge) {
    usedMonths = earlier.reduce((s, f) => s + monthsUsed(f), 0);
    const remaining = Math.max(0, cap.totalMonths - usedMonths);
    if (remaining < maxWithoutWish) {
      maxWithoutWish = remaining;
      if (remaining < rules.value.minMonths) wishReasons.push("totalCap");
    }
  }
  const pensionReached = facts.start >= facts.folkepensionDate;
  const allowed = grant.value.allowed && !pensionReached;
  const requiresCitizenWish = allowed && wishReasons.length > 0;
  const maxMonths = !allowed || requiresCitizenWish ? 0 : maxWithoutWish;
  const value: NewForloebValue = {
    allowed,
    requiresCitizenWish,
    maxMonths,
    minMonths: rules.value.minMonths,
    maxMonthsWithWish: allowed ? rules.value.maxMonths : 0,
    wishReasons,
    findings,
  };

  const grantCitation = grant.explanation.citations[0]!;
  if (!grant.value.allowed) {
    findings.push(
      finding("TG-10", "info", `Der kan ikke bevilges et nyt ressourceforløb med afgørelse ${formatDate(facts.decisionDate)}; ordningen er ophævet for nye forløb.`, [grantCitation]),
    );
  } else if (pensionReached) {
    findings.push(
      finding("PA-1", "info", "Borgeren har nået folkepensionsalderen; et ressourceforløb er ikke muligt.", [
        resolve(folkepensionsalderTable, asOf).citation,
      ]),
    );
  } else if (requiresCitizenWish) {
    const why = wishReasons
      .map((r) =>
        r === "seniorRule"
          ? `der er mindre end 6 år til folkepensionsalderen (fra ${line.value.line})`
          : r === "oneForloebFromAge"
            ? `borgeren er ${age.years} år og har haft ressourceforløb før`
            : `borgeren har allerede brugt ${usedMonths} af ${cap?.totalMonths} måneder i ressourceforløb`,
      )
      .join(", og ");
    findings.push(
      finding(
        wishReasons[0] === "seniorRule" ? "TG-6" : ruleId,
        "info",
        `Et nyt forløb kan kun iværksættes, hvis borgeren selv ønsker det: ${why}.${facts.wishesNewForloeb ? " Borgerens ønske er registreret." : ""}`,
        wishReasons[0] === "seniorRule" ? line.explanation.citations : [rules.citation],
      ),
    );
  } else if (maxWithoutWish < rules.value.maxMonths) {
    findings.push(
      finding(
        ruleId,
        "info",
        `Borgeren er ${age.years} år og har brugt ${usedMonths} måneder i ressourceforløb; et nyt forløb kan højst vare ${maxWithoutWish} måneder, medmindre borgeren selv ønsker et længere forløb.`,
        [rules.citation],
      ),
    );
  }

  return {
    value,
    explanation: explain({
      ruleId,
      title: "Muligt nyt ressourceforløb",
      citations: [rules.citation],
      inputs: {
        start: formatDate(facts.start),
        decisionDate: formatDate(facts.decisionDate),
        ageAtStart: age,
        earlierForloeb: earlier.map((f) => ({ start: formatDate(f.start), plannedEnd: formatDate(f.plannedEnd), monthsUsed: monthsUsed(f) })),
        wishesNewForloeb: facts.wishesNewForloeb,
      },
      parameters: [paramUse(rules)],
      result: { allowed, requiresCitizenWish, maxMonths, minMonths: value.minMonths, maxMonthsWithWish: value.maxMonthsWithWish, wishReasons },
      children,
    }),
  };
}

/* D-1 / D-2 for a recorded forløb: repeated forløb and the total cap ------------------------- */

/** D-1/D-2: a recorded forløb that needed the citizen's wish because of age and earlier forløb. */
export function repeatForloebCheck(
  facts: { birthDate: DayNumber; forloeb: ForloebDates; earlier: readonly ForloebDates[]; citizenWished: boolean },
  _asOf: DayNumber,
  forloebId?: string,
): RuleResult<{ requiresCitizenWish: boolean; findings: Finding[] }> {
  const rules = resolve(durationRules, facts.forloeb.start);
  const age = ageAt(facts.birthDate, facts.forloeb.start);
  const earlier = filterPacked(facts.earlier, (f) => f.start < facts.forloeb.start);
  const ruleId = facts.forloeb.start < regimeStart("R2022") ? D_1.id : D_2.id;
  const findings: Finding[] = [];
  let requiresCitizenWish = false;
  let reason = "";
  if (earlier.length > 0 && age.years >= rules.value.oneForloebFromAge) {
    requiresCitizenWish = true;
    reason = `borgeren var ${age.years} år ved start og har haft ressourceforløb før`;
  }
  const cap = rules.value.totalCap;
  if (cap && age.years >= cap.fromAge && age.years < cap.belowAge) {
    const used = earlier.reduce((s, f) => s + monthsUsed(f), 0) + monthsUsed(facts.forloeb);
    if (used > cap.totalMonths) {
      requiresCitizenWish = true;
      reason = `forløbene varer i alt ${used} måneder, mere end ${cap.totalMonths} måneder for en borger på ${age.years} år`;
    }
  }
  if (requiresCitizenWish && !facts.citizenWished) {
    findings.push(
      finding(
        ruleId,
        rules.value.oneForloebFirm ? "error" : "warning",
        `Forløbet kræver borgerens eget ønske, fordi ${reason}${rules.value.oneForloebFirm ? "" : " (som udgangspunkt)"}; ønsket er ikke registreret.`,
        [rules.citation],
        forloebId,
      ),
    );
  }
  return {
    value: { requiresCitizenWish, findings },
    explanation: explain({
      ruleId,
      title: "Gentagne ressourceforløb",
      citations: [rules.citation],
      inputs: { ageAtStart: age, earlierForloeb: earlier.length, citizenWished: facts.citizenWished },
      parameters: [paramUse(rules)],
      result: { requiresCitizenWish },
      reasoning: reason ? `Kræver ønske: ${reason}.` : undefined,
    }),
  };
}
