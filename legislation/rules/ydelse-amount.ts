import type { Citation } from "../citation";
import { resolve, tryResolve, type Dated, type Resolved } from "../dated";
import { ageAt, formatDate, type DayNumber } from "../dates";
import { explain, paramUse, type Explanation, type ParameterUse, type RuleResult } from "../explanation";
import { finding, type Finding } from "../finding";
import { hourlyDeductionOere, wageDeductionRule, weeklyToMonthly } from "../parameters/ydelse-deductions";
import { RATE_CATEGORY_TITLES, RATE_TABLE_CITATION, builtInRateTable, type RateCategory, type RateTable } from "../parameters/ydelse-rates";
import { LAS, SKRIVELSE_002 } from "../sources";
import { defineRule } from "./rule-meta";

const C_Y: Citation = { law: LAS, paragraph: "kap. 6 a", source: `${SKRIVELSE_002} §8` };
const TESTS = ["legislation/rules/ydelse-amount.test.ts", "legislation/ydelse.test.ts", "tests/golden/Y.yaml"];

export const Y_1 = defineRule({
  id: "Y-1",
  titleDa: "Ydelsens niveau efter tidligere forsørgelse",
  summaryDa:
    "Fra sygedagpenge: sygedagpengeniveau indtil sygedagpengene ville være ophørt, derefter kontanthjælps-/uddannelseshjælpsniveau. Fra ledighedsydelse: ledighedsydelsesniveau. Førtidspensionister beholder pensionen. Øvrige: kontanthjælps- eller uddannelseshjælpsniveau efter alder og forsørgerstatus.",
  citations: [C_Y],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: TESTS,
});
export const Y_2 = defineRule({
  id: "Y-2",
  titleDa: "Ydelsen afhænger ikke af formue eller ægtefælle",
  summaryDa: "Ressourceforløbsydelsen afhænger hverken af borgerens eller ægtefællens formue eller af ægtefællens indtægt.",
  citations: [C_Y],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: TESTS,
});
export const Y_3 = defineRule({
  id: "Y-3",
  titleDa: "Fradrag for indtægter",
  summaryDa:
    "Anden indtægt fradrages krone for krone. Lønindtægt (inkl. pension og feriegodtgørelse, når ferien holdes) fradrages efter en dateret regel: fra 2022-01-01 55 % af lønnen over lønindtægtsgrænsen; før da 30 % op til grænsen og 55 % over. Desuden fradrag pr. arbejdstime i tilbud.",
  citations: [...wageDeductionRule.entries.map((e) => e.citation), hourlyDeductionOere.entries[0]!.citation],
  inForce: { from: wageDeductionRule.entries[0]!.from },
  kind: "computed",
  tests: TESTS,
  parameters: [wageDeductionRule, hourlyDeductionOere],
});
export const Y_4 = defineRule({
  id: "Y-4",
  titleDa: "Ydelsen kan ikke frasiges",
  summaryDa: "Borgeren kan ikke give afkald på ydelsen og anses fortsat for at modtage den, når fradrag bringer udbetalingen ned på 0.",
  citations: [C_Y],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: TESTS,
});
export const Y_5 = defineRule({
  id: "Y-5",
  titleDa: "Satser pr. år",
  summaryDa:
    "Satserne er daterede parametre pr. år. Mangler en sats for året eller kategorien, gives et klart resultat uden sats, der nævner året; der bruges aldrig 0 eller et andet års sats. Ugesatser omregnes til måned (× 52 / 12), og formlen vises.",
  citations: [RATE_TABLE_CITATION, weeklyToMonthly.entries[0]!.citation],
  inForce: { from: "2015-01-01" },
  kind: "computed",
  tests: TESTS,
  parameters: [...Object.values(builtInRateTable), weeklyToMonthly],
});

export const PREVIOUS_BENEFITS = [
  "sygedagpenge",
  "kontanthjaelp",
  "uddannelseshjaelp",
  "ledighedsydelse",
  "foertidspension",
  "jobafklaring",
  "selvforsoergende",
  "tidligereRessourceforloeb",
  "andet",
] as const;
export type PreviousBenefit = (typeof PREVIOUS_BENEFITS)[number];

export const YDELSE_LEVELS = [
  "forsoerger",
  "ikkeForsoerger",
  "hjemmeboendeUnder25",
  "sygedagpenge",
  "ledighedsydelse",
  "foertidspension",
] as const;
export type YdelseLevel = (typeof YDELSE_LEVELS)[number];

export const INCOME_KINDS = ["wage", "feriegodtgoerelse", "other"] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

export interface YdelseFacts {
  /** First and last day of the month. */
  monthFirst: DayNumber;
  monthLast: DayNumber;
  birthDate: DayNumber;
  forsoerger: boolean;
  livingWithParents: boolean;
  previousBenefit: PreviousBenefit;
  /** Y-1: the last day sygedagpenge would have been paid (inclusive). */
  sygedagpengeEnd?: DayNumber | null;
  /** The citizen's own weekly rate from sygedagpenge/ledighedsydelse; the table maximum when absent. */
  previousWeeklyRate?: number;
  incomes: readonly { kind: IncomeKind; amount: number }[];
  /** Y-3: working hours in an offer this month. */
  offerHours?: number;
  /** Y-2: given only to show that they are not used. */
  spouseIncome?: number;
  assets?: number;
  rates?: RateTable;
}

export interface YdelseSegment {
  from: string;
  to: string;
  level: YdelseLevel;
  amount: number;
}

export interface YdelseDeduction {
  ruleId: "Y-3";
  kind: "wage" | "other" | "offerHours";
  amount: number;
}

export interface YdelseValue {
  level: YdelseLevel;
  /** The monthly amount before deductions, in kroner (øre precision); null when no rate is in force. */
  baseAmount: number | null;
  deductions: YdelseDeduction[];
  /** Never below 0; null when a needed rate is not in force (or for a førtidspensionist). */
  payable: number | null;
  segments: YdelseSegment[];
  findings: Finding[];
}

/** Round half away from zero to whole øre. */
function roundOere(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}
const kr = (oere: number) => oere / 100;
const toOere = (kroner: number) => roundOere(kroner * 100);

class MissingRate {
  constructor(
    readonly category: string,
    readonly year: number,
  ) {}
}

/** Y-1..Y-5: ressourceforløbsydelse for one month (decision support; it never pays anything). */
export function ressourceforloebsydelse(facts: YdelseFacts, _asOf: DayNumber): RuleResult<YdelseValue> {
  const rates = facts.rates ?? builtInRateTable;
  const year = Math.floor(Number(formatDate(facts.monthFirst).slice(0, 4)));
  const dim = facts.monthLast - facts.monthFirst + 1;
  const findings: Finding[] = [];
  const params: ParameterUse[] = [];
  const children: Explanation[] = [];
  const missing: MissingRate[] = [];

  const rate = (category: RateCategory): Resolved<number> | null => {
    const r = tryResolve(rates[category] as Dated<number>, facts.monthFirst);
    if (!r) {
      missing.push(new MissingRate(RATE_CATEGORY_TITLES[category], year));
      return null;
    }
    params.push(paramUse(r));
    return r;
  };

  // Y-1: level(s) in the month.
  const age = ageAt(facts.birthDate, facts.monthFirst);
  const khLevel: YdelseLevel = facts.forsoerger
    ? "forsoerger"
    : age.years < 25 && facts.livingWithParents
      ? "hjemmeboendeUnder25"
      : "ikkeForsoerger";
  const segments: { from: DayNumber; to: DayNumber; level: YdelseLevel }[] = [];
  let levelReason: string;
  if (facts.previousBenefit === "foertidspension") {
    segments.push({ from: facts.monthFirst, to: facts.monthLast, level: "foertidspension" });
    levelReason = "Førtidspensionist: beholder pensionen under forløbet; der udbetales ikke ressourceforløbsydelse.";
  } else if (facts.previousBenefit === "ledighedsydelse") {
    segments.push({ from: facts.monthFirst, to: facts.monthLast, level: "ledighedsydelse" });
    levelReason = "Kom fra ledighedsydelse: ydelse på ledighedsydelsesniveau.";
  } else if (facts.previousBenefit === "sygedagpenge") {
    const end = facts.sygedagpengeEnd ?? null;
    if (end === null) {
      segments.push({ from: facts.monthFirst, to: facts.monthLast, level: "sygedagpenge" });
      levelReason = "Kom fra sygedagpenge; datoen for sygedagpengenes ophør er ikke oplyst, så hele måneden er på sygedagpengeniveau.";
      findings.push(
        finding(
          Y_1.id,
          "warning",
          "Datoen, hvor sygedagpengene ville være ophørt, er ikke oplyst. Hele måneden er beregnet på sygedagpengeniveau.",
          [C_Y],
        ),
      );
    } else if (end >= facts.monthLast) {
      segments.push({ from: facts.monthFirst, to: facts.monthLast, level: "sygedagpenge" });
      levelReason = `Kom fra sygedagpenge, som ville være ophørt ${formatDate(end)}: sygedagpengeniveau hele måneden.`;
    } else if (end < facts.monthFirst) {
      segments.push({ from: facts.monthFirst, to: facts.monthLast, level: khLevel });
      levelReason = `Sygedagpengene ville være ophørt ${formatDate(end)}: kontanthjælpsniveau (${khLevel}).`;
    } else {
      segments.push({ from: facts.monthFirst, to: end, level: "sygedagpenge" });
      segments.push({ from: end + 1, to: facts.monthLast, level: khLevel });
      levelReason = `Sygedagpengene ville være ophørt ${formatDate(end)} i måneden: dagsforholdsmæssigt sygedagpengeniveau til og med ${formatDate(end)} og derefter kontanthjælpsniveau (${khLevel}).`;
    }
  } else {
    segments.push({ from: facts.monthFirst, to: facts.monthLast, level: khLevel });
    levelReason = facts.forsoerger
      ? "Forsørger: kontanthjælpsniveau for forsørgere."
      : khLevel === "hjemmeboendeUnder25"
        ? `Under 25 år (${age.years} år den 1. i måneden) og hjemmeboende.`
        : "Ikke-forsørger.";
  }
  const level = (segments[0] as { level: YdelseLevel }).level;
  children.push(
    explain({
      ruleId: Y_1.id,
      title: Y_1.titleDa,
      citations: [C_Y],
      inputs: {
        previousBenefit: facts.previousBenefit,
        sygedagpengeEnd: facts.sygedagpengeEnd == null ? null : formatDate(facts.sygedagpengeEnd),
        forsoerger: facts.forsoerger,
        livingWithParents: facts.livingWithParents,
        ageFirstOfMonth: age,
      },
      result: segments.map((s) => ({ from: formatDate(s.from), to: formatDate(s.to), level: s.level })),
      reasoning: levelReason,
    }),
  );

  // Y-5: base amount from the rates in force for the month.
  const conv = resolve(weeklyToMonthly, facts.monthFirst);
  let baseOere: number | null = 0;
  const segmentOut: YdelseSegment[] = [];
  const formulas: string[] = [];
  for (const s of segments) {
    if (s.level === "foertidspension") {
      baseOere = null;
      break;
    }
    let monthlyOere: number | null = null;
    if (s.level === "sygedagpenge" || s.level === "ledighedsydelse") {
      const category: RateCategory = s.level === "sygedagpenge" ? "sygedagpengeWeekly" : "ledighedsydelseWeekly";
      const weekly = facts.previousWeeklyRate ?? rate(category)?.value;
      if (weekly !== undefined) {
        monthlyOere = roundOere((weekly * 100 * conv.value.weeksPerYear) / conv.value.monthsPerYear);
        formulas.push(
          `${weekly} kr./uge × ${conv.value.weeksPerYear} / ${conv.value.monthsPerYear} = ${kr(monthlyOere).toFixed(2)} kr./md.${
            facts.previousWeeklyRate !== undefined ? " (borgerens egen sats)" : " (maksimumsats)"
          }`,
        );
      }
    } else {
      const r = rate(s.level);
      if (r) monthlyOere = r.value * 100;
    }
    if (monthlyOere === null) {
      baseOere = null;
      continue;
    }
    const days = s.to - s.from + 1;
    const amount = days === dim ? monthlyOere : roundOere((monthlyOere * days) / dim);
    if (days !== dim) formulas.push(`${s.level}: ${kr(monthlyOere).toFixed(2)} × ${days}/${dim} dage = ${kr(amount).toFixed(2)} kr.`);
    segmentOut.push({ from: formatDate(s.from), to: formatDate(s.to), level: s.level, amount: kr(amount) });
    if (baseOere !== null) baseOere += amount;
  }
  if (facts.previousWeeklyRate === undefined && (level === "sygedagpenge" || level === "ledighedsydelse") && baseOere !== null) {
    findings.push(
      finding(Y_5.id, "info", "Borgerens egen ugesats er ikke oplyst; maksimumssatsen fra satstabellen er brugt.", [conv.citation]),
    );
  }

  // Y-3: deductions.
  const deductions: YdelseDeduction[] = [];
  let deductionOere = 0;
  const wageOere = facts.incomes
    .filter((i) => i.kind === "wage" || i.kind === "feriegodtgoerelse")
    .reduce((s, i) => s + toOere(i.amount), 0);
  const otherOere = facts.incomes.filter((i) => i.kind === "other").reduce((s, i) => s + toOere(i.amount), 0);
  const deductionNotes: string[] = [];
  let wageRuleUse: ParameterUse | null = null;
  if (wageOere > 0) {
    const rule = resolve(wageDeductionRule, facts.monthFirst);
    wageRuleUse = paramUse(rule);
    const threshold = rate("wageThreshold");
    if (threshold) {
      const tOere = threshold.value * 100;
      const below = Math.min(wageOere, tOere);
      const above = Math.max(0, wageOere - tOere);
      const d = roundOere((below * rule.value.belowThresholdBp + above * rule.value.aboveThresholdBp) / 10000);
      deductions.push({ ruleId: "Y-3", kind: "wage", amount: kr(d) });
      deductionOere += d;
      deductionNotes.push(
        `Løn inkl. feriegodtgørelse ${kr(wageOere).toFixed(2)} kr.; grænse ${threshold.value} kr.: ${rule.value.belowThresholdBp / 100} % af ${kr(below).toFixed(2)} + ${rule.value.aboveThresholdBp / 100} % af ${kr(above).toFixed(2)} = ${kr(d).toFixed(2)} kr.`,
      );
    }
  }
  if (otherOere > 0) {
    deductions.push({ ruleId: "Y-3", kind: "other", amount: kr(otherOere) });
    deductionOere += otherOere;
    deductionNotes.push(`Anden indtægt ${kr(otherOere).toFixed(2)} kr. fradrages krone for krone.`);
  }
  let hourlyUse: ParameterUse | null = null;
  if (facts.offerHours !== undefined && facts.offerHours > 0) {
    const h = tryResolve(hourlyDeductionOere, facts.monthFirst);
    if (!h) missing.push(new MissingRate("Fradrag pr. arbejdstime i tilbud", year));
    else {
      hourlyUse = paramUse(h);
      const d = roundOere(facts.offerHours * h.value);
      deductions.push({ ruleId: "Y-3", kind: "offerHours", amount: kr(d) });
      deductionOere += d;
      deductionNotes.push(`${facts.offerHours} timer i tilbud × ${kr(h.value).toFixed(2)} kr. = ${kr(d).toFixed(2)} kr.`);
    }
  }
  children.push(
    explain({
      ruleId: Y_3.id,
      title: Y_3.titleDa,
      citations: wageRuleUse ? [wageRuleUse.citation] : [C_Y],
      inputs: { incomes: facts.incomes, offerHours: facts.offerHours ?? null },
      parameters: [...(wageRuleUse ? [wageRuleUse] : []), ...(hourlyUse ? [hourlyUse] : [])],
      result: deductions,
      reasoning: deductionNotes.length ? deductionNotes.join(" ") : "Ingen indtægter at fradrage.",
    }),
  );

  // Y-2: assets and the spouse's income are not used.
  if (facts.spouseIncome !== undefined || facts.assets !== undefined) {
    findings.push(
      finding(Y_2.id, "info", "Formue og ægtefælles indtægt indgår ikke i beregningen af ressourceforløbsydelsen.", [C_Y]),
    );
  }

  // Y-5: a missing rate gives no amount, never 0 and never another year's rate.
  for (const m of dedupe(missing)) {
    findings.push(
      finding(
        Y_5.id,
        "error",
        `Ingen sats i kraft for ${m.year}: "${m.category}" mangler i satstabellen. Beløbet kan ikke beregnes; en administrator kan indtaste satsen med kilde.`,
        [RATE_TABLE_CITATION],
      ),
    );
  }
  let payableOere: number | null = baseOere === null || missing.length > 0 ? null : Math.max(0, baseOere - deductionOere);
  if (level === "foertidspension") {
    payableOere = null;
    findings.push(finding(Y_1.id, "info", "Borgeren er førtidspensionist og beholder sin pension under forløbet; der udbetales ikke ressourceforløbsydelse.", [C_Y]));
  }
  if (payableOere === 0 && baseOere !== null && baseOere > 0) {
    findings.push(
      finding(Y_4.id, "info", "Fradragene bringer udbetalingen ned på 0 kr. Borgeren anses fortsat for at modtage ressourceforløbsydelse og kan ikke frasige sig den.", [C_Y]),
    );
  }
  const value: YdelseValue = {
    level,
    baseAmount: baseOere === null ? null : kr(baseOere),
    deductions,
    payable: payableOere === null ? null : kr(payableOere),
    segments: segmentOut,
    findings,
  };
  children.push(
    explain({
      ruleId: Y_5.id,
      title: Y_5.titleDa,
      citations: params.length ? [...new Set(params.map((p) => p.citation))] : [RATE_TABLE_CITATION],
      inputs: { month: formatDate(facts.monthFirst).slice(0, 7) },
      parameters: [...params, paramUse(conv)],
      result: { baseAmount: value.baseAmount },
      reasoning:
        (missing.length
          ? `Ingen sats i kraft for ${year} (${dedupe(missing).map((m) => m.category).join(", ")}).`
          : formulas.length
            ? formulas.join(" ")
            : `Månedssats ${value.baseAmount ?? "-"} kr.`) + " Beløb beregnes i hele øre (halve øre rundes væk fra nul).",
    }),
  );
  return {
    value,
    explanation: explain({
      ruleId: Y_4.id,
      title: "Ressourceforløbsydelse for måneden",
      citations: [C_Y],
      inputs: { month: formatDate(facts.monthFirst).slice(0, 7) },
      result: { level, baseAmount: value.baseAmount, payable: value.payable },
      reasoning:
        value.payable === null
          ? "Intet beløb: se begrundelsen ovenfor."
          : `${value.baseAmount?.toFixed(2)} kr. − fradrag ${kr(deductionOere).toFixed(2)} kr. = ${value.payable.toFixed(2)} kr. (aldrig under 0).`,
      children,
    }),
  };
}

function dedupe(ms: readonly MissingRate[]): MissingRate[] {
  const seen = new Set<string>();
  return ms.filter((m) => (seen.has(m.category) ? false : (seen.add(m.category), true)));
}
