import type { Citation } from "../citation";
import { dated, type Dated, type DatedEntry } from "../dated";
import { LAS, RULES_MD } from "../sources";

/** Y-5: the rate categories of the table in rules.md. */
export const RATE_CATEGORIES = [
  "forsoerger",
  "ikkeForsoerger",
  "hjemmeboendeUnder25",
  "sygedagpengeWeekly",
  "ledighedsydelseWeekly",
  "wageThreshold",
] as const;
export type RateCategory = (typeof RATE_CATEGORIES)[number];

export const RATE_CATEGORY_TITLES: Record<RateCategory, string> = {
  forsoerger: "Forsørger (kr./md.)",
  ikkeForsoerger: "Ikke-forsørger (kr./md.)",
  hjemmeboendeUnder25: "Hjemmeboende under 25 (kr./md.)",
  sygedagpengeWeekly: "Sygedagpenge, maksimum (kr./uge)",
  ledighedsydelseWeekly: "Ledighedsydelse (kr./uge)",
  wageThreshold: "Lønindtægtsgrænse (kr./md.)",
};

/** A rate for one calendar year and category, as in the table or as entered by an admin. */
export interface YearRate {
  year: number;
  category: RateCategory;
  amount: number;
  citation: Citation;
}

const CITATIONS = new Map<number, Citation>();

/** One citation object per year, so explanations can de-duplicate by identity. */
function tableCitation(year: number): Citation {
  let c = CITATIONS.get(year);
  if (!c) CITATIONS.set(year, (c = buildTableCitation(year)));
  return c;
}

function buildTableCitation(year: number): Citation {
  return {
    law: LAS,
    paragraph: "kap. 6 a (§ 69 j)",
    source: `${RULES_MD} Y-5 [external: bm.dk "satser for ${year}"${year === 2023 ? "; region.de Satser 2023" : ""}]`,
    verified: false,
  };
}

/** The Y-5 table as a whole (for findings about a missing rate). */
export const RATE_TABLE_CITATION: Citation = {
  law: LAS,
  paragraph: "kap. 6 a (§ 69 j)",
  source: `${RULES_MD} Y-5 [external: bm.dk "satser for 20XX"; region.de Satser 2023]`,
  verified: false,
};

/** The Y-5 table. Empty cells are simply absent: no rate is in force for them. */
const TABLE: Record<number, Partial<Record<RateCategory, number>>> = {
  2015: { forsoerger: 14416, ikkeForsoerger: 10849, hjemmeboendeUnder25: 3374, sygedagpengeWeekly: 4135, wageThreshold: 13648 },
  2017: { forsoerger: 14808, ikkeForsoerger: 11143, hjemmeboendeUnder25: 3466, sygedagpengeWeekly: 4245, wageThreshold: 14116 },
  2020: { forsoerger: 15355, ikkeForsoerger: 11554, hjemmeboendeUnder25: 3594, sygedagpengeWeekly: 4405, wageThreshold: 14965 },
  2021: { forsoerger: 15547, ikkeForsoerger: 11698, wageThreshold: 15264 },
  2022: {
    forsoerger: 15570,
    ikkeForsoerger: 11716,
    hjemmeboendeUnder25: 3644,
    sygedagpengeWeekly: 4465,
    ledighedsydelseWeekly: 3974,
    wageThreshold: 15401,
  },
  2023: { forsoerger: 15874, ikkeForsoerger: 11944, hjemmeboendeUnder25: 3715, sygedagpengeWeekly: 4550 },
  2024: {
    forsoerger: 16382,
    ikkeForsoerger: 12326,
    hjemmeboendeUnder25: 3834,
    sygedagpengeWeekly: 4695,
    ledighedsydelseWeekly: 4185,
    wageThreshold: 16323,
  },
};

export const BUILT_IN_RATES: readonly YearRate[] = Object.entries(TABLE).flatMap(([y, row]) =>
  RATE_CATEGORIES.flatMap((category) => {
    const amount = row[category];
    return amount === undefined ? [] : [{ year: Number(y), category, amount, citation: tableCitation(Number(y)) }];
  }),
);

/**
 * Build the dated rate of one category from yearly rates. Each year is its own entry with an
 * explicit end, so a year that is missing has no value in force (never the neighbouring year).
 * Later items in `rates` replace earlier ones for the same year, which is how admin-entered
 * rates are merged over the table.
 */
export function ratesFor(category: RateCategory, rates: readonly YearRate[]): Dated<number> {
  const byYear = new Map<number, YearRate>();
  for (const r of rates) if (r.category === category) byYear.set(r.year, r);
  const entries: DatedEntry<number>[] = [...byYear.values()]
    .sort((a, b) => a.year - b.year)
    .map((r) => ({ from: `${r.year}-01-01`, to: `${r.year}-12-31`, value: r.amount, citation: r.citation }));
  if (entries.length === 0) {
    // A category with no rate at all is still a parameter: it is simply never in force.
    entries.push({ from: "2013-01-01", value: null, citation: tableCitation(2013) });
  }
  return dated<number>(`ydelse.rate.${category}`, RATE_CATEGORY_TITLES[category], entries, {
    unit: category.endsWith("Weekly") ? "kr./uge" : "kr./md.",
  });
}

export type RateTable = Record<RateCategory, Dated<number>>;

export function buildRateTable(extra: readonly YearRate[] = []): RateTable {
  const all = [...BUILT_IN_RATES, ...extra];
  return Object.fromEntries(RATE_CATEGORIES.map((c) => [c, ratesFor(c, all)])) as RateTable;
}

/** The table as built in, validated at module load (every entry cited). */
export const builtInRateTable: RateTable = buildRateTable();
