import { z } from "zod";
import { AGE_GROUP_LABELS, parseDate, sharePct, suppressCells, targetComparison, type AgeGroup } from "~/legislation";
import { OUTCOMES, OUTCOME_KEYS, STATUS_AFTER_3_MONTHS, STATUS_AFTER_3_MONTHS_KEYS } from "~/modules/afslutning";
import { PREVIOUS_BENEFITS, PREVIOUS_BENEFIT_KEYS } from "~/modules/citizens";

/*
 * The statistics pages' model (ST-1..ST-7): every figure is a table of cells, each with the persons behind it, so the
 * page, the chart, the CSV/XLSX export and the API show the same numbers and hide the same small cells ("<5", ST-2).
 * Secondary suppression (so a hidden cell cannot be recovered by subtraction): within a breakdown whose total is shown,
 * if exactly one category is hidden, the smallest other non-empty one is hidden too (legislation suppressCells); for
 * "met / due" and "sent back / due" the complement is checked the same way. Time series and year rows are not
 * partitions of a shown total, so only cells of 1-4 persons are hidden there.
 */

export const SCOPES = ["own", "set", "national"] as const;
export type Scope = (typeof SCOPES)[number];

export const FIGURE_IDS = [
  "fuldtid",
  "koen",
  "alder",
  "alder40",
  "forsoergelse",
  "udfald",
  "status3",
  "indsats",
  "indsatsgaranti",
  "befolkning",
  "befolkningAlder",
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export type CellFormat = "fte" | "pct" | "pct2" | "count";
export interface Cell {
  /** null: nothing to show (no denominator); a suppressed cell keeps no value. */
  value: number | null;
  suppressed: boolean;
  format: CellFormat;
}
export interface FigureColumn {
  key: string;
  label: string;
}
export interface FigureRow {
  key: string;
  label: string;
  total?: boolean;
  cells: Cell[];
}
export interface ChartSpec {
  kind: "line" | "bar";
  unit: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}
export interface Figure {
  id: FigureId;
  ruleId: string;
  title: string;
  caption: string;
  rowHeader: string;
  columns: FigureColumn[];
  rows: FigureRow[];
  chart: ChartSpec;
  notes: string[];
}

/* ---------------------------------------------------------------------------------------------- */
/* Query parameters: the same for the page, the exports and the API. */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const FIRST_STATISTICS_MONTH = "2013-01";

function asList(v: unknown): unknown {
  if (v === undefined || v === null || v === "") return [];
  return Array.isArray(v) ? v : String(v).split(",");
}

export const StatisticsQueryInput = z.object({
  fra: z.string().regex(MONTH, { error: "Skriv første måned som ÅÅÅÅ-MM, fx 2024-01" }).optional(),
  til: z.string().regex(MONTH, { error: "Skriv sidste måned som ÅÅÅÅ-MM, fx 2025-12" }).optional(),
  sammenlign: z.preprocess(
    asList,
    z
      .array(
        z
          .string()
          .trim()
          .regex(/^\d{3}$/, { error: "En kommunekode har 3 cifre" }),
      )
      .max(98, { error: "Vælg højst 98 kommuner" }),
  ),
});
export type StatisticsQueryInput = z.infer<typeof StatisticsQueryInput>;

/** YYYY-MM of a date. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}
export function addMonthsToMonth(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, "0")}`;
}
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonthsToMonth(m, 1)) out.push(m);
  return out;
}

export interface StatisticsPeriod {
  fromMonth: string;
  toMonth: string;
}

/**
 * The period: by default the last 24 whole months before asOf's month (jobindsats shows whole months). The last month
 * may be asOf's own month, counted up to asOf; the first may not be before 2013-01 (R2013).
 */
export function periodFrom(
  q: Pick<StatisticsQueryInput, "fra" | "til">,
  asOf: string,
): { ok: true; period: StatisticsPeriod } | { ok: false; errors: Record<string, string> } {
  const current = monthOf(asOf);
  const toMonth = q.til ?? addMonthsToMonth(current, -1);
  const fromMonth = q.fra ?? addMonthsToMonth(toMonth, -23);
  const errors: Record<string, string> = {};
  if (toMonth > current) errors.til = `Sidste måned kan højst være ${current}`;
  if (fromMonth < FIRST_STATISTICS_MONTH) errors.fra = `Første måned kan tidligst være ${FIRST_STATISTICS_MONTH}`;
  if (fromMonth > toMonth) errors.fra = "Første måned skal ligge før eller være lig med sidste måned";
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, period: { fromMonth, toMonth } };
}

/* ---------------------------------------------------------------------------------------------- */
/* Raw rows of statisticsQueries and the figures built from them. */

export interface RawStatistics {
  fuldtid: { scope: Scope; key: string; fte: number; persons: number }[];
  breakdown: { scope: Scope; dim: string; key: string; fte: number; persons: number }[];
  outcomes: { scope: Scope; dim: string; key: string; forloeb: number; persons: number }[];
  interventions: { scope: Scope; persons: number; vr_persons: number; mentor_persons: number }[];
  indsatsgaranti: {
    scope: Scope;
    due: number;
    met: number;
    back: number;
    persons: number;
    met_persons: number;
    back_persons: number;
  }[];
  population: { scope: Scope; year: number; key: string; fte: number; persons: number; population: number }[];
}

export interface FigureContext {
  asOf: string;
  period: StatisticsPeriod;
  ownName: string;
  /** Names of the comparison municipalities (own excluded); empty: no comparison set. */
  setNames: string[];
  targets: { virksomhedsrettetPct: number; mentorPct: number };
}

export const SEX_LABELS: Record<string, string> = { K: "Kvinder", M: "Mænd" };
export const AGE40_LABELS: Record<string, string> = { under40: "Under 40 år", over40: "40 år og derover" };
export const AFTER3_EXTRA: Record<string, string> = {
  notRecorded: "Ikke registreret",
  notYet: "Endnu ikke 3 måneder efter",
};

const AGE_KEYS = Object.keys(AGE_GROUP_LABELS) as AgeGroup[];

function scopeLabel(s: Scope, c: FigureContext): string {
  if (s === "own") return c.ownName;
  if (s === "set") return `Sammenligningskommuner (${c.setNames.length})`;
  return "Hele landet";
}

function scopesOf(c: FigureContext): Scope[] {
  return c.setNames.length > 0 ? ["own", "set", "national"] : ["own", "national"];
}

function cell(value: number | null, suppressed: boolean, format: CellFormat): Cell {
  return { value: suppressed ? null : value, suppressed, format };
}

/** ST-2: which of these person counts to hide; a total shown alongside triggers the secondary rule. */
function hiddenOf(persons: number[], asOf: string, totalShown: boolean): boolean[] {
  return suppressCells(
    persons.map((p) => ({ persons: p })),
    parseDate(asOf),
    { totalShown },
  ).value;
}

function lookup<T extends { scope: Scope }>(rows: T[], pred: (r: T) => boolean): Map<Scope, T> {
  return new Map(rows.filter(pred).map((r) => [r.scope, r]));
}

/** A breakdown (categories + total) as fuldtidspersoner/antal for the own municipality and shares for each scope. */
function breakdownFigure(
  c: FigureContext,
  spec: {
    id: FigureId;
    ruleId: string;
    title: string;
    caption: string;
    rowHeader: string;
    keys: readonly string[];
    labels: Record<string, string>;
    rows: { scope: Scope; key: string; amount: number; persons: number }[];
    amountLabel: string;
    amountFormat: CellFormat;
    notes: string[];
  },
): Figure {
  const scopes = scopesOf(c);
  const byScope = new Map<Scope, Map<string, { amount: number; persons: number }>>();
  for (const r of spec.rows) {
    if (!byScope.has(r.scope)) byScope.set(r.scope, new Map());
    byScope.get(r.scope)!.set(r.key, { amount: r.amount, persons: r.persons });
  }
  const keys = [
    ...spec.keys,
    ...[...(byScope.get("national")?.keys() ?? [])].filter((k) => k !== "total" && !spec.keys.includes(k)),
  ];
  const hidden = new Map<Scope, boolean[]>();
  for (const s of scopes) {
    const m = byScope.get(s);
    const total = m?.get("total")?.persons ?? 0;
    const h = hiddenOf(
      keys.map((k) => m?.get(k)?.persons ?? 0),
      c.asOf,
      true,
    );
    hidden.set(s, [...h, hiddenOf([total], c.asOf, false)[0]!]);
  }
  const columns: FigureColumn[] = [
    { key: "own-amount", label: `${c.ownName}: ${spec.amountLabel}` },
    ...scopes.map((s) => ({ key: `${s}-pct`, label: `${scopeLabel(s, c)}: andel` })),
  ];
  const rowOf = (k: string, i: number, label: string, total: boolean): FigureRow => {
    const own = byScope.get("own")?.get(k);
    return {
      key: k,
      label,
      ...(total ? { total: true } : {}),
      cells: [
        cell(own?.amount ?? 0, hidden.get("own")![i]!, spec.amountFormat),
        ...scopes.map((s) => {
          const m = byScope.get(s);
          const v = m?.get(k)?.amount ?? 0;
          const all = m?.get("total")?.amount ?? 0;
          return cell(sharePct(v, all), hidden.get(s)![i]!, "pct");
        }),
      ],
    };
  };
  const rows = [
    ...keys.map((k, i) => rowOf(k, i, spec.labels[k] ?? k, false)),
    rowOf("total", keys.length, "I alt", true),
  ];
  return {
    id: spec.id,
    ruleId: spec.ruleId,
    title: spec.title,
    caption: spec.caption,
    rowHeader: spec.rowHeader,
    columns,
    rows,
    chart: {
      kind: "bar",
      unit: "%",
      categories: rows.filter((r) => !r.total).map((r) => r.label),
      series: scopes.map((s, si) => ({
        name: scopeLabel(s, c),
        values: rows.filter((r) => !r.total).map((r) => r.cells[si + 1]!.value),
      })),
    },
    notes: spec.notes,
  };
}

/**
 * Under/over 40 is the sum of two age groups: if a group is hidden, its sum is hidden too, and then the other half
 * (else total minus the shown half gives it back). Columns: own amount, then one share per scope.
 */
function linkAgeSplits(figures: Figure[], scopes: Scope[]): void {
  const age = figures.find((f) => f.id === "alder");
  const split = figures.find((f) => f.id === "alder40");
  if (!age || !split) return;
  const hiddenIn = (f: Figure, key: string, col: number) =>
    f.rows.find((r) => r.key === key)?.cells[col]?.suppressed ?? false;
  scopes.forEach((_, si) => {
    const cols = si === 0 ? [0, 1] : [si + 1];
    const col = cols[cols.length - 1]!;
    const under = hiddenIn(age, "under30", col) || hiddenIn(age, "30-39", col) || hiddenIn(split, "under40", col);
    const over = hiddenIn(age, "40-49", col) || hiddenIn(age, "50+", col) || hiddenIn(split, "over40", col);
    if (!under && !over) return;
    for (const r of split.rows) {
      if (r.total) continue;
      for (const ci of cols) r.cells[ci] = { ...r.cells[ci]!, value: null, suppressed: true };
    }
  });
  split.chart.series.forEach((s, si) => {
    s.values = split.rows.filter((r) => !r.total).map((r) => r.cells[si + 1]!.value);
  });
}

const SUPPRESSION_NOTE =
  'Celler med 1-4 personer vises som "<5". Er kun én kategori skjult, skjules også den mindste anden, så tallet ikke kan regnes ud fra totalen.';

function periodText(p: StatisticsPeriod): string {
  return p.fromMonth === p.toMonth ? p.fromMonth : `${p.fromMonth} til ${p.toMonth}`;
}

export function buildFigures(raw: RawStatistics, c: FigureContext): Figure[] {
  const scopes = scopesOf(c);
  const period = periodText(c.period);
  const figures: Figure[] = [];

  // ST-1: fuldtidspersoner per month, and for the whole period.
  {
    const months = monthsBetween(c.period.fromMonth, c.period.toMonth);
    const m = new Map(raw.fuldtid.map((r) => [`${r.scope}|${r.key}`, r]));
    const rowOf = (key: string, label: string, total: boolean): FigureRow => ({
      key,
      label,
      ...(total ? { total: true } : {}),
      cells: scopes.map((s) => {
        const r = m.get(`${s}|${key}`);
        return cell(r?.fte ?? 0, hiddenOf([r?.persons ?? 0], c.asOf, false)[0]!, "fte");
      }),
    });
    const rows = [...months.map((mo) => rowOf(mo, mo, false)), rowOf("total", "Hele perioden", true)];
    figures.push({
      id: "fuldtid",
      ruleId: "ST-1",
      title: "Fuldtidspersoner pr. måned",
      caption: `Fuldtidspersoner i ressourceforløb pr. måned, ${period}`,
      rowHeader: "Måned",
      columns: scopes.map((s) => ({ key: s, label: scopeLabel(s, c) })),
      rows,
      chart: {
        kind: "line",
        unit: "fuldtidspersoner",
        categories: months,
        series: [{ name: c.ownName, values: rows.filter((r) => !r.total).map((r) => r.cells[0]!.value) }],
      },
      notes: [
        "Fuldtidspersoner = dage i forløb i måneden divideret med månedens dage (ST-1). Et forløb tæller fra startdatoen, til det er afsluttet, eller til i dag, mens det fortsætter (D-5).",
        "Diagrammet viser kommunen selv; sammenligningen står i tabellen og – uafhængigt af kommunernes størrelse – i andelen af befolkningen (ST-6).",
        'Måneder med 1-4 personer vises som "<5".',
      ],
    });
  }

  // ST-2 breakdowns of fuldtidspersoner in the period.
  const bd = (dim: string) =>
    raw.breakdown
      .filter((r) => r.dim === dim || r.dim === "total")
      .map((r) => ({ scope: r.scope, key: r.key, amount: r.fte, persons: r.persons }));
  const ftePart = { amountLabel: "fuldtidspersoner", amountFormat: "fte" as const, notes: [SUPPRESSION_NOTE] };
  figures.push(
    breakdownFigure(c, {
      id: "koen",
      ruleId: "ST-2",
      title: "Fordeling på køn",
      caption: `Fuldtidspersoner efter køn, ${period}`,
      rowHeader: "Køn",
      keys: ["K", "M"],
      labels: SEX_LABELS,
      rows: bd("sex"),
      ...ftePart,
    }),
    breakdownFigure(c, {
      id: "alder",
      ruleId: "ST-2",
      title: "Fordeling på alder",
      caption: `Fuldtidspersoner efter aldersgruppe, ${period}`,
      rowHeader: "Aldersgruppe",
      keys: AGE_KEYS,
      labels: AGE_GROUP_LABELS,
      rows: bd("age"),
      ...ftePart,
      notes: ["Alder på den første dag i forløb i perioden.", SUPPRESSION_NOTE],
    }),
    breakdownFigure(c, {
      id: "alder40",
      ruleId: "ST-2",
      title: "Under og over 40 år",
      caption: `Fuldtidspersoner under og over 40 år, ${period}`,
      rowHeader: "Alder",
      keys: ["under40", "over40"],
      labels: AGE40_LABELS,
      rows: bd("age40"),
      ...ftePart,
    }),
    breakdownFigure(c, {
      id: "forsoergelse",
      ruleId: "ST-2",
      title: "Forsørgelse før forløbet",
      caption: `Fuldtidspersoner efter forsørgelse før forløbet, ${period}`,
      rowHeader: "Forsørgelse før forløbet",
      keys: PREVIOUS_BENEFIT_KEYS,
      labels: PREVIOUS_BENEFITS,
      rows: bd("benefit"),
      ...ftePart,
    }),
  );

  linkAgeSplits(figures, scopes);

  // ST-3 and ST-7: forløb ended in the period.
  const oc = (dim: string) =>
    raw.outcomes
      .filter((r) => r.dim === dim || r.dim === "total")
      .map((r) => ({ scope: r.scope, key: r.key, amount: r.forloeb, persons: r.persons }));
  figures.push(
    breakdownFigure(c, {
      id: "udfald",
      ruleId: "ST-3",
      title: "Udfald af afsluttede forløb",
      caption: `Forløb afsluttet ${period} efter udfald`,
      rowHeader: "Udfald",
      keys: OUTCOME_KEYS,
      labels: OUTCOMES,
      rows: oc("outcome"),
      amountLabel: "antal forløb",
      amountFormat: "count",
      notes: ["Udfald efter listen i E-1.", SUPPRESSION_NOTE],
    }),
    breakdownFigure(c, {
      id: "status3",
      ruleId: "ST-7",
      title: "Status 3 måneder efter afslutningen",
      caption: `Forløb afsluttet ${period} efter borgerens status 3 måneder efter`,
      rowHeader: "Status",
      keys: [...STATUS_AFTER_3_MONTHS_KEYS, "notRecorded", "notYet"],
      labels: { ...STATUS_AFTER_3_MONTHS, ...AFTER3_EXTRA },
      rows: oc("after3"),
      amountLabel: "antal forløb",
      amountFormat: "count",
      notes: ["Status kan registreres fra 3 måneder efter afslutningen (ST-7).", SUPPRESSION_NOTE],
    }),
  );

  // ST-4: shares with a virksomhedsrettet intervention and with a mentor, against the targets.
  {
    const m = lookup(raw.interventions, () => true);
    const share = (s: Scope, k: "vr_persons" | "mentor_persons"): Cell => {
      const r = m.get(s);
      const part = r?.[k] ?? 0;
      const whole = r?.persons ?? 0;
      // The complement (persons without) is derivable from the shown base, so it is checked as well.
      const h = hiddenOf([part, whole - part], c.asOf, true);
      return cell(sharePct(part, whole), h[0]! || h[1]!, "pct");
    };
    const own = m.get("own");
    const vrPct = sharePct(own?.vr_persons ?? 0, own?.persons ?? 0);
    const mentorPct = sharePct(own?.mentor_persons ?? 0, own?.persons ?? 0);
    const rows: FigureRow[] = [
      {
        key: "persons",
        label: "Borgere i forløb i perioden",
        cells: [
          ...scopes.map((s) =>
            cell(m.get(s)?.persons ?? 0, hiddenOf([m.get(s)?.persons ?? 0], c.asOf, false)[0]!, "count"),
          ),
          cell(null, false, "pct"),
        ],
      },
      {
        key: "virksomhedsrettet",
        label: "Andel med virksomhedsrettet indsats",
        cells: [...scopes.map((s) => share(s, "vr_persons")), cell(c.targets.virksomhedsrettetPct, false, "pct")],
      },
      {
        key: "mentor",
        label: "Andel med mentor",
        cells: [...scopes.map((s) => share(s, "mentor_persons")), cell(c.targets.mentorPct, false, "pct")],
      },
    ];
    const notes = [
      "Virksomhedsrettet indsats: virksomhedspraktik (LAB kap. 11) eller ansættelse med løntilskud (LAB kap. 12) i perioden. Mentor: en mentorbevilling eller mentorstøtte (LAB kap. 26) i perioden.",
    ];
    const vrHidden = rows[1]!.cells[0]!.suppressed;
    if (vrPct !== null && !vrHidden)
      notes.push(`Virksomhedsrettet: ${targetComparison(vrPct, c.targets.virksomhedsrettetPct).explanation.reasoning}`);
    if (mentorPct !== null && !rows[2]!.cells[0]!.suppressed)
      notes.push(`Mentor: ${targetComparison(mentorPct, c.targets.mentorPct).explanation.reasoning}`);
    figures.push({
      id: "indsats",
      ruleId: "ST-4",
      title: "Virksomhedsrettet indsats og mentor",
      caption: `Andel af borgerne i forløb ${period} med virksomhedsrettet indsats og med mentor, og kommunens mål`,
      rowHeader: "Mål",
      columns: [
        ...scopes.map((s) => ({ key: s, label: scopeLabel(s, c) })),
        { key: "target", label: `Mål for ${c.ownName}` },
      ],
      rows,
      chart: {
        kind: "bar",
        unit: "%",
        categories: [rows[1]!.label, rows[2]!.label],
        series: [
          ...scopes.map((s, si) => ({
            name: scopeLabel(s, c),
            values: [rows[1]!.cells[si]!.value, rows[2]!.cells[si]!.value],
          })),
          { name: `Mål for ${c.ownName}`, values: [c.targets.virksomhedsrettetPct, c.targets.mentorPct] },
        ],
      },
      notes,
    });
  }

  // ST-5: indsatsgaranti.
  {
    const m = lookup(raw.indsatsgaranti, () => true);
    const part = (s: Scope, k: "met" | "back"): Cell => {
      const r = m.get(s);
      const n = r?.[`${k}_persons`] ?? 0;
      const whole = r?.persons ?? 0;
      const h = hiddenOf([n, whole - n], c.asOf, true);
      return cell(sharePct(r?.[k] ?? 0, r?.due ?? 0), h[0]! || h[1]!, "pct");
    };
    const rows: FigureRow[] = [
      {
        key: "due",
        label: "Indsatsgarantifrister i perioden",
        cells: scopes.map((s) =>
          cell(m.get(s)?.due ?? 0, hiddenOf([m.get(s)?.persons ?? 0], c.asOf, false)[0]!, "count"),
        ),
      },
      {
        key: "met",
        label: "Andel opfyldt (indsats begyndt senest på fristdagen)",
        cells: scopes.map((s) => part(s, "met")),
      },
      {
        key: "back",
        label: "Andel sendt tilbage til rehabiliteringsteamet",
        cells: scopes.map((s) => part(s, "back")),
      },
    ];
    figures.push({
      id: "indsatsgaranti",
      ruleId: "ST-5",
      title: "Indsatsgarantien",
      caption: `Indsatsgarantifrister (IG-1) med forfaldsdag ${period}`,
      rowHeader: "Mål",
      columns: scopes.map((s) => ({ key: s, label: scopeLabel(s, c) })),
      rows,
      chart: {
        kind: "bar",
        unit: "%",
        categories: [rows[1]!.label, rows[2]!.label],
        series: scopes.map((s, si) => ({
          name: scopeLabel(s, c),
          values: [rows[1]!.cells[si]!.value, rows[2]!.cells[si]!.value],
        })),
      },
      notes: [
        "Fristen er den, reglerne har beregnet for sagen (IG-1, IG-2, IG-6); forløb undtaget efter IG-3 har ingen frist. En indsats, der begynder efter fristen, opfylder den ikke (IG-4).",
        "Indsatsgarantien gælder fra 2022.",
      ],
    });
  }

  // ST-6: share of the population aged 16-66.
  {
    const years = [...new Set(raw.population.map((r) => r.year))].sort((a, b) => a - b);
    const m = new Map(raw.population.map((r) => [`${r.scope}|${r.year}|${r.key}`, r]));
    const shareCell = (s: Scope, y: number, k: string): Cell => {
      const r = m.get(`${s}|${y}|${k}`);
      if (!r) return cell(null, false, "pct2");
      return cell(sharePct(r.fte, r.population), hiddenOf([r.persons], c.asOf, false)[0]!, "pct2");
    };
    const rows: FigureRow[] = years.map((y) => ({
      key: String(y),
      label: String(y),
      cells: [
        ...scopes.map((s) => shareCell(s, y, "total")),
        cell(m.get(`own|${y}|total`)?.population ?? null, false, "count"),
      ],
    }));
    figures.push({
      id: "befolkning",
      ruleId: "ST-6",
      title: "Andel af befolkningen 16-66 år",
      caption: `Fuldtidspersoner i forløb i procent af befolkningen 16-66 år, ${period}`,
      rowHeader: "År",
      columns: [
        ...scopes.map((s) => ({ key: s, label: scopeLabel(s, c) })),
        { key: "own-population", label: `${c.ownName}: befolkning 16-66 år` },
      ],
      rows,
      chart: {
        kind: "line",
        unit: "%",
        categories: rows.map((r) => r.label),
        series: scopes.map((s, si) => ({ name: scopeLabel(s, c), values: rows.map((r) => r.cells[si]!.value) })),
      },
      notes: [
        "Befolkningstal indtastes eller importeres af kommunens administrator. Sammenligning og landstal omfatter kun kommuner med befolkningstal for året.",
        years.length === 0 ? "Der er ingen befolkningstal for perioden." : 'År med 1-4 personer vises som "<5".',
      ],
    });

    const last = [...years].reverse().find((y) => AGE_KEYS.some((k) => m.has(`national|${y}|${k}`)));
    const ageRows: FigureRow[] =
      last === undefined
        ? []
        : AGE_KEYS.map((k) => ({
            key: k,
            label: AGE_GROUP_LABELS[k],
            cells: scopes.map((s) => shareCell(s, last, k)),
          }));
    figures.push({
      id: "befolkningAlder",
      ruleId: "ST-6",
      title: "Andel af befolkningen efter alder",
      caption:
        last === undefined
          ? "Andel af befolkningen efter aldersgruppe (ingen befolkningstal fordelt på alder)"
          : `Fuldtidspersoner i procent af befolkningen i aldersgruppen, ${last}`,
      rowHeader: "Aldersgruppe",
      columns: scopes.map((s) => ({ key: s, label: scopeLabel(s, c) })),
      rows: ageRows,
      chart: {
        kind: "bar",
        unit: "%",
        categories: ageRows.map((r) => r.label),
        series: scopes.map((s, si) => ({ name: scopeLabel(s, c), values: ageRows.map((r) => r.cells[si]!.value) })),
      },
      notes: ["Kun kommuner, der har opgivet befolkningen fordelt på aldersgrupper, indgår."],
    });
  }

  return figures;
}

/* ---------------------------------------------------------------------------------------------- */
/* Formatting: Danish numbers on the page and in CSV; "<5" for a hidden cell everywhere. */

export const SUPPRESSED = "<5";

const FORMATS: Record<CellFormat, Intl.NumberFormat> = {
  fte: new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  pct: new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  pct2: new Intl.NumberFormat("da-DK", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  count: new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 }),
};

/** The number as shown: rounded like the page, so an export parses back to what the page shows. */
export function roundedValue(c: Cell): number | null {
  if (c.suppressed || c.value === null) return null;
  const digits = c.format === "count" ? 0 : c.format === "pct2" ? 2 : 1;
  const f = 10 ** digits;
  return Math.round(c.value * f) / f;
}

export function formatCell(c: Cell): string {
  if (c.suppressed) return SUPPRESSED;
  const v = roundedValue(c);
  if (v === null) return "–";
  const text = FORMATS[c.format].format(v);
  return c.format === "pct" || c.format === "pct2" ? `${text} %` : text;
}

export function figureById(figures: readonly Figure[], id: string): Figure | undefined {
  return figures.find((f) => f.id === id);
}
