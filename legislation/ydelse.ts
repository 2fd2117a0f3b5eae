import * as z from "zod";
import { parseCpr } from "./cpr";
import { parseDate, parseYearMonth, tryParseDate, type DayNumber } from "./dates";
import { ExplanationSchema, FindingSchema, IsoDateSchema } from "./evaluate-schema";
import type { Explanation } from "./explanation";
import type { Finding } from "./finding";
import { safeParseDanish, type InputIssue, type ParseResult } from "./input-issues";
import { buildRateTable, builtInRateTable, RATE_CATEGORIES, type YearRate } from "./parameters/ydelse-rates";
import { LEGISLATION_START } from "./regimes";
import {
  INCOME_KINDS,
  PREVIOUS_BENEFITS,
  ressourceforloebsydelse,
  YDELSE_LEVELS,
  type YdelseDeduction,
  type YdelseLevel,
  type YdelseSegment,
} from "./rules/ydelse-amount";

/** zod schemas of the ydelse contract (evaluate.md, bottom). Extra fields are allowed and ignored. */

export const YearMonthSchema = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .meta({ description: "Calendar month YYYY-MM", example: "2024-03" });

const CitationInputSchema = z.object({
  law: z.string().trim().min(1),
  paragraph: z.string().trim().min(1),
  source: z.string().trim().min(1),
  verified: z.boolean().optional(),
});

/** A rate entered by an admin for a year missing from the table, with its source. */
export const ExtraRateSchema = z.object({
  year: z.number().int().min(2013).max(2100),
  category: z.enum(RATE_CATEGORIES),
  amount: z.number().min(0),
  citation: CitationInputSchema,
});

export const YdelseInputSchema = z.object({
  month: YearMonthSchema,
  citizen: z.object({ birthDate: IsoDateSchema.optional(), cpr: z.string().optional() }),
  forsoerger: z.boolean(),
  livingWithParents: z.boolean().default(false),
  previousBenefit: z.enum(PREVIOUS_BENEFITS),
  sygedagpengeEnd: IsoDateSchema.nullable().optional(),
  /** The citizen's own weekly rate from sygedagpenge/ledighedsydelse; the table maximum when absent. */
  previousWeeklyRate: z.number().min(0).optional(),
  incomes: z
    .array(z.object({ kind: z.enum(INCOME_KINDS), amount: z.number().min(0) }))
    .default([]),
  /** Y-3: working hours in an offer in the month (LAS § 69 j stk. 10). */
  offerHours: z.number().min(0).max(744).optional(),
  /** Y-2: accepted only to show they are not used. */
  spouseIncome: z.number().optional(),
  assets: z.number().optional(),
  /** Y-5: admin-entered rates merged over the built-in table (a later entry wins for its year). */
  extraRates: z.array(ExtraRateSchema).default([]),
});

export type YdelseInput = z.output<typeof YdelseInputSchema>;
export type YdelseInputRaw = z.input<typeof YdelseInputSchema>;

export const YdelseOutputSchema = z.object({
  month: YearMonthSchema,
  level: z.enum(YDELSE_LEVELS),
  baseAmount: z.number().nullable(),
  deductions: z.array(z.object({ ruleId: z.literal("Y-3"), kind: z.enum(["wage", "other", "offerHours"]), amount: z.number() })),
  payable: z.number().nullable(),
  segments: z.array(z.object({ from: IsoDateSchema, to: IsoDateSchema, level: z.enum(YDELSE_LEVELS), amount: z.number() })),
  findings: z.array(FindingSchema),
  explanation: ExplanationSchema,
});

export interface YdelseOutput {
  month: string;
  level: YdelseLevel;
  baseAmount: number | null;
  deductions: YdelseDeduction[];
  payable: number | null;
  segments: YdelseSegment[];
  findings: Finding[];
  explanation: Explanation;
}

const START_MONTH = LEGISLATION_START.slice(0, 7);

/** Parse and validate a ydelse request; issues name the JSON path, in Danish. Never throws. */
export function parseYdelseInput(input: unknown): ParseResult<YdelseInput> {
  const r = safeParseDanish(YdelseInputSchema, input);
  // Semantic checks also run on invalid input, so one answer lists every bad field.
  const semantic = semanticIssues(input);
  if (!r.ok) {
    const seen = new Set(r.issues.map((i) => i.path));
    return { ok: false, issues: [...r.issues, ...semantic.filter((i) => !seen.has(i.path))] };
  }
  return semantic.length ? { ok: false, issues: semantic } : r;
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Loose) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function semanticIssues(input: unknown): InputIssue[] {
  const v = obj(input);
  const issues: InputIssue[] = [];
  const monthText = str(v.month);
  const month = monthText !== undefined && /^\d{4}-\d{2}$/.test(monthText) ? parseYearMonth(monthText) : null;
  if (monthText !== undefined && /^\d{4}-\d{2}$/.test(monthText)) {
    if (!month) issues.push({ path: "month", message: `Måneden ${monthText} findes ikke` });
    else if (monthText < START_MONTH) issues.push({ path: "month", message: `Måneden må ikke ligge før ${START_MONTH}` });
  }
  const citizen = obj(v.citizen);
  const date = (path: string, raw: unknown): DayNumber | null => {
    const s = str(raw);
    if (s === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
    const d = tryParseDate(s);
    if (d === null) issues.push({ path, message: `Datoen ${s} findes ikke` });
    return d;
  };
  let birth = date("citizen.birthDate", citizen.birthDate);
  const cpr = str(citizen.cpr);
  if (cpr !== undefined) {
    const c = parseCpr(cpr);
    if (!c.ok) issues.push({ path: "citizen.cpr", message: c.error });
    else if (birth !== null && c.birthDay !== birth) {
      issues.push({ path: "citizen.cpr", message: "Fødselsdatoen i CPR-nummeret stemmer ikke med citizen.birthDate" });
    } else birth = c.birthDay;
  } else if (citizen.birthDate === undefined && citizen.cpr === undefined && v.citizen !== undefined) {
    issues.push({ path: "citizen.birthDate", message: "Fødselsdato mangler: angiv citizen.birthDate eller citizen.cpr" });
  }
  if (birth !== null && month && birth > month.last) {
    issues.push({ path: "citizen.birthDate", message: "Fødselsdatoen ligger efter måneden" });
  }
  date("sygedagpengeEnd", v.sygedagpengeEnd);
  const seen = new Set<string>();
  (Array.isArray(v.extraRates) ? v.extraRates.map(obj) : []).forEach((x, i) => {
    const key = `${String(x.year)}/${String(x.category)}`;
    if (seen.has(key)) issues.push({ path: `extraRates[${i}]`, message: `Satsen for ${String(x.category)} ${String(x.year)} er angivet mere end én gang` });
    seen.add(key);
  });
  return issues;
}

/** Monthly ressourceforløbsydelse (Y-1..Y-5). The input must come from parseYdelseInput. Pure. */
export function ydelse(input: YdelseInput): YdelseOutput {
  const month = parseYearMonth(input.month)!;
  const birthDate =
    input.citizen.birthDate !== undefined
      ? parseDate(input.citizen.birthDate)
      : (parseCpr(input.citizen.cpr as string) as { birthDay: DayNumber }).birthDay;
  const rates = input.extraRates.length ? buildRateTable(input.extraRates as YearRate[]) : builtInRateTable;
  const r = ressourceforloebsydelse(
    {
      monthFirst: month.first,
      monthLast: month.last,
      birthDate,
      forsoerger: input.forsoerger,
      livingWithParents: input.livingWithParents,
      previousBenefit: input.previousBenefit,
      sygedagpengeEnd: input.sygedagpengeEnd == null ? null : parseDate(input.sygedagpengeEnd),
      ...(input.previousWeeklyRate !== undefined ? { previousWeeklyRate: input.previousWeeklyRate } : {}),
      incomes: input.incomes,
      ...(input.offerHours !== undefined ? { offerHours: input.offerHours } : {}),
      ...(input.spouseIncome !== undefined ? { spouseIncome: input.spouseIncome } : {}),
      ...(input.assets !== undefined ? { assets: input.assets } : {}),
      rates,
    },
    month.first,
  );
  return {
    month: input.month,
    level: r.value.level,
    baseAmount: r.value.baseAmount,
    deductions: r.value.deductions,
    payable: r.value.payable,
    segments: r.value.segments,
    findings: r.value.findings,
    explanation: r.explanation,
  };
}

/** Parse then compute; never throws on any input. */
export function ydelseUnknown(input: unknown): ParseResult<YdelseOutput> {
  const p = parseYdelseInput(input);
  return p.ok ? { ok: true, value: ydelse(p.value) } : p;
}
