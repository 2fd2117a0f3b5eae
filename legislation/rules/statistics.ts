import { resolve } from "../dated";
import {
  addMonths,
  ageAt,
  daysInMonth,
  formatDate,
  fromYmd,
  overlapDays,
  periodDays,
  toYmd,
  type DayNumber,
} from "../dates";
import { explain, type RuleResult } from "../explanation";
import { statisticsRules } from "../parameters/statistics";
import { HERNING_000, HALSNAES_001, FAABORG_004, SKRIVELSE_002 } from "../sources";
import { defineRule } from "./rule-meta";

const C_ST = {
  law: "Statistikdefinition",
  paragraph: "jobindsats.dk-praksis",
  source: `${HERNING_000}; ${HALSNAES_001}; ${FAABORG_004}`,
};
const C_003 = {
  law: "Statistikdefinition",
  paragraph: "jobindsats.dk-praksis",
  source: "Beskæftigelsesministerens tale 2016 (seed 003)",
};
const TESTS = ["legislation/rules/statistics.test.ts", "tests/integration/statistik.test.ts"];

export const ST_1 = defineRule({
  id: "ST-1",
  titleDa: "Fuldtidspersoner",
  summaryDa:
    "Fuldtidspersoner i en periode = summen over borgere af dage i forløb i perioden, divideret med periodens antal dage. Et forløb tæller fra startdatoen til det afsluttes – eller til opgørelsesdagen, så længe det fortsætter (D-5).",
  citations: [C_ST],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: TESTS,
});
export const ST_2 = defineRule({
  id: "ST-2",
  titleDa: "Opdeling af statistik",
  summaryDa:
    'Opdeles efter køn, aldersgruppe (under 30, 30-39, 40-49, 50+ samt under/over 40), forsørgelse før forløbet og kommune. Celler med færre end 5 personer vises som "<5" (jobindsats.dk-praksis), også i eksport og API.',
  citations: [C_ST],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: TESTS,
  parameters: [statisticsRules],
});
export const ST_3 = defineRule({
  id: "ST-3",
  titleDa: "Udfald af afsluttede forløb",
  summaryDa:
    "Andele af udfald (E-1) for forløb afsluttet i perioden. Seed 004: 40 % til en anden målgruppe, mest fleksjob, 28 % førtidspension, 20 % fraflyttet.",
  citations: [{ ...C_ST, source: FAABORG_004 }],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: TESTS,
});
export const ST_4 = defineRule({
  id: "ST-4",
  titleDa: "Virksomhedsrettet indsats og mentor",
  summaryDa:
    "Andel af borgerne i forløb i perioden, der har haft en virksomhedsrettet indsats (virksomhedspraktik eller løntilskud) i perioden, og andel med mentor – holdt op mod kommunens mål (seed 004: 30 %).",
  citations: [{ ...C_ST, source: FAABORG_004 }],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: TESTS,
  parameters: [statisticsRules],
});
export const ST_5 = defineRule({
  id: "ST-5",
  titleDa: "Opfyldelse af indsatsgarantien",
  summaryDa:
    "Andel af forløb med en IG-1-frist i perioden, hvor en kvalificerende indsats begyndte senest på fristdagen, og andel sendt tilbage til rehabiliteringsteamet.",
  citations: [{ ...C_ST, source: `${SKRIVELSE_002} §6.3` }],
  inForce: { from: "2022-01-01" },
  kind: "computed",
  tests: TESTS,
});
export const ST_6 = defineRule({
  id: "ST-6",
  titleDa: "Andel af befolkningen",
  summaryDa:
    "Fuldtidspersoner i forløb som andel af befolkningen 16-66 år, med befolkningstal indtastet eller importeret af kommunen.",
  citations: [{ ...C_ST, source: `${HERNING_000}; ${FAABORG_004}` }],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: TESTS,
});
export const ST_7 = defineRule({
  id: "ST-7",
  titleDa: "Status 3 måneder efter",
  summaryDa:
    "Status 3 måneder efter afslutningen for forløb afsluttet i perioden: ordinært job, fleksjob, ledighedsydelse, ydelser, uddannelse.",
  citations: [C_003],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: TESTS,
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

/**
 * ST-1 with D-5: the days a forløb counts, from its start to the day it ended, or to asOf while it continues (also
 * past its planned end until the next step is decided). Null when it has not begun by asOf.
 */
export function countedSpan(
  forloeb: { start: DayNumber; endedOn?: DayNumber | null },
  asOf: DayNumber,
): { from: DayNumber; to: DayNumber } | null {
  const to = Math.min(forloeb.endedOn ?? asOf, asOf);
  return to >= forloeb.start ? { from: forloeb.start, to } : null;
}

/** ST-1 per calendar month from `fromMonth` to `toMonth` (the first day of each), for forløb counted with D-5. */
export function fuldtidspersonerPerMonth(
  forloeb: readonly { start: DayNumber; endedOn?: DayNumber | null }[],
  fromMonth: DayNumber,
  toMonth: DayNumber,
  asOf: DayNumber,
): { month: string; value: number; days: number; daysInMonth: number }[] {
  const spans = forloeb
    .map((f) => countedSpan(f, asOf))
    .filter((s): s is { from: DayNumber; to: DayNumber } => s !== null);
  const out: { month: string; value: number; days: number; daysInMonth: number }[] = [];
  const first = toYmd(fromMonth);
  for (let m = fromYmd(first.year, first.month, 1); m <= toMonth; m = addMonths(m, 1)) {
    const { year, month } = toYmd(m);
    const last = fromYmd(year, month, daysInMonth(year, month));
    const r = fuldtidspersoner({ periods: spans, from: m, to: last }, asOf);
    const days = r.explanation.inputs.forloebDays as number;
    out.push({ month: formatDate(m).slice(0, 7), value: r.value, days, daysInMonth: periodDays(m, last) });
  }
  return out;
}

export type AgeGroup = "under30" | "30-39" | "40-49" | "50+";
export const AGE_GROUP_LABELS: Record<AgeGroup, string> = {
  under30: "Under 30 år",
  "30-39": "30-39 år",
  "40-49": "40-49 år",
  "50+": "50 år og derover",
};

/** ST-2: age group at a date, plus the seeds' under/over-40 split. */
export function ageGroup(birthDate: DayNumber, on: DayNumber): { group: AgeGroup; over40: boolean } {
  const y = ageAt(birthDate, on).years;
  const group: AgeGroup = y < 30 ? "under30" : y < 40 ? "30-39" : y < 50 ? "40-49" : "50+";
  return { group, over40: y >= 40 };
}

/** A cell of a statistics table: the persons behind it decide whether it may be shown. */
export interface CellCount {
  persons: number;
}

/**
 * ST-2 (jobindsats.dk practice): a cell with 1-4 persons is shown as "<5". If exactly one cell of a breakdown is
 * suppressed while its total is shown, the smallest other non-empty cell is suppressed too, so the hidden figure cannot
 * be recovered as the total minus the others. A cell with 0 persons is shown: it reveals no one.
 */
export function suppressCells(
  cells: readonly CellCount[],
  asOf: DayNumber,
  opts: { totalShown: boolean },
): RuleResult<boolean[]> {
  const p = resolve(statisticsRules, asOf);
  const min = p.value.minCellPersons;
  const hidden = cells.map((c) => c.persons > 0 && c.persons < min);
  const primary = hidden.filter(Boolean).length;
  let secondary: number | null = null;
  if (opts.totalShown && primary === 1) {
    cells.forEach((c, i) => {
      if (hidden[i] || c.persons === 0) return;
      if (secondary === null || c.persons < cells[secondary]!.persons) secondary = i;
    });
    if (secondary !== null) hidden[secondary] = true;
  }
  return {
    value: hidden,
    explanation: explain({
      ruleId: ST_2.id,
      title: "Diskretionering af små tal",
      citations: [p.citation],
      inputs: { persons: cells.map((c) => c.persons), totalShown: opts.totalShown },
      parameters: [{ name: p.name, value: min, from: p.from, to: p.to, citation: p.citation }],
      result: hidden,
      reasoning:
        primary === 0
          ? "Ingen celler har færre end 5 personer."
          : `${primary} celle(r) har 1-4 personer og vises som "<5".${secondary !== null ? " En celle mere skjules, så den skjulte ikke kan regnes ud fra totalen." : ""}`,
    }),
  };
}

/** One decimal with a Danish decimal comma. */
function da1(n: number): string {
  return n.toFixed(1).replace(".", ",");
}

/** ST-4: is a share in per cent at or above the municipality's target? */
export function targetComparison(
  sharePct: number,
  targetPct: number,
): RuleResult<{ met: boolean; differencePoints: number }> {
  const differencePoints = Math.round((sharePct - targetPct) * 10) / 10;
  const met = sharePct >= targetPct;
  return {
    value: { met, differencePoints },
    explanation: explain({
      ruleId: ST_4.id,
      title: ST_4.titleDa,
      citations: [...ST_4.citations],
      inputs: { sharePct, targetPct },
      result: { met, differencePoints },
      reasoning: met
        ? `Andelen er ${da1(sharePct)} %, mindst målet på ${targetPct} %.`
        : `Andelen er ${da1(sharePct)} %, ${da1(Math.abs(differencePoints))} procentpoint under målet på ${targetPct} %.`,
    }),
  };
}

/** ST-4: the intervention kinds that count, and the default target, in force on a date. */
export function st4Definition(on: DayNumber): {
  virksomhedsrettetKinds: readonly string[];
  mentorKinds: readonly string[];
  defaultTargetPct: number;
} {
  const v = resolve(statisticsRules, on).value;
  return {
    virksomhedsrettetKinds: v.virksomhedsrettetKinds,
    mentorKinds: v.mentorKinds,
    defaultTargetPct: v.defaultVirksomhedsrettetTargetPct,
  };
}

/** ST-5: an IG-1 deadline is fulfilled when a qualifying intervention began on or before it (IG-4: later is not). */
export function indsatsgarantiFulfilled(dueDate: DayNumber, qualifyingStart: DayNumber | null): boolean {
  return qualifyingStart !== null && qualifyingStart <= dueDate;
}

/** ST-3..ST-6: a share in per cent; null when there is nothing to divide by. */
export function sharePct(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}
