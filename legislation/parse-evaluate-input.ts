import { parseCpr } from "./cpr";
import { formatDate, isIsoShape, parseDate, tryParseDate, type DayNumber } from "./dates";
import { EvaluateInputSchema, type EvaluateInput } from "./evaluate-schema";
import { fastParseEvaluateInput } from "./evaluate-fast-parse";
import { safeParseDanish, type InputIssue, type ParseResult } from "./input-issues";
import { LEGISLATION_START } from "./regimes";

const START = parseDate(LEGISLATION_START);

/**
 * Parse and validate an evaluate request: structure with zod, then the semantics (dates that
 * exist, to ≥ from, birthDate or cpr). Issues name the JSON path and are in Danish. Never throws.
 */
export function parseEvaluateInput(input: unknown): ParseResult<EvaluateInput> {
  // Fast path for well-formed input; zod only when it is not (or the fast path is unsure).
  const fast = fastParseEvaluateInput(input);
  if (fast) return { ok: true, value: fast };
  return parseEvaluateInputSlow(input);
}

/** The reference path: zod for the structure, then the semantic checks; names every bad field. */
export function parseEvaluateInputSlow(input: unknown): ParseResult<EvaluateInput> {
  const r = safeParseDanish(EvaluateInputSchema, input);
  // Semantic checks run on the raw input too, so one answer lists every bad field.
  const semantic = semanticIssues(input);
  if (!r.ok) return { ok: false, issues: mergeIssues(r.issues, semantic) };
  return semantic.length ? { ok: false, issues: semantic } : r;
}

function mergeIssues(a: InputIssue[], b: InputIssue[]): InputIssue[] {
  const seen = new Set(a.map((i) => i.path));
  return [...a, ...b.filter((i) => !seen.has(i.path))];
}

type Loose = Record<string, unknown>;
const EMPTY: Loose = {};
const obj = (v: unknown): Loose => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Loose) : EMPTY);
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** "forloeb[2].start", built only when there is an issue to report. */
function at(list: string, i: number, key: string): string {
  return `${list}[${i}].${key}`;
}

/**
 * A date field: null when absent or not shaped YYYY-MM-DD (the schema reports those); an
 * issue when shaped like a date that does not exist. The path is built only on an issue.
 */
function dateField(issues: InputIssue[], raw: unknown, path: string | (() => string)): DayNumber | null {
  if (!isIsoShape(raw)) return null;
  const d = tryParseDate(raw);
  if (d === null) issues.push({ path: typeof path === "string" ? path : path(), message: `Datoen ${raw} findes ikke` });
  return d;
}

function notBefore(issues: InputIssue[], d: DayNumber | null, min: DayNumber, what: string, path: () => string): void {
  if (d !== null && d < min) issues.push({ path: path(), message: `${what} må ikke ligge før ${formatDate(min)}` });
}

function notBeforeStart(issues: InputIssue[], from: DayNumber | null, to: DayNumber | null, what: string, path: () => string): void {
  if (from !== null && to !== null && to < from) issues.push({ path: path(), message: `${what} ligger før startdatoen` });
}

const INTERVENTION_DATES = ["offeredOn", "skNoticeOn", "skRequestedOn", "skDecidedOn"] as const;

/** Dates that do not exist, to < from, birthDate or cpr: checked on the raw input (best effort). */
function semanticIssues(input: unknown): InputIssue[] {
  const v = obj(input);
  const issues: InputIssue[] = [];

  const asOf = dateField(issues, v.asOf, "asOf");
  notBefore(issues, asOf, START, "asOf (reglerne om ressourceforløb gælder fra 2013-01-01)", () => "asOf");

  const citizen = obj(v.citizen);
  const birth = dateField(issues, citizen.birthDate, "citizen.birthDate");
  if (typeof citizen.cpr === "string") {
    const c = parseCpr(citizen.cpr);
    if (!c.ok) issues.push({ path: "citizen.cpr", message: c.error });
    else if (birth !== null && c.birthDay !== birth) {
      issues.push({ path: "citizen.cpr", message: "Fødselsdatoen i CPR-nummeret stemmer ikke med citizen.birthDate" });
    } else if (asOf !== null && c.birthDay > asOf) {
      issues.push({ path: "citizen.cpr", message: "Fødselsdatoen i CPR-nummeret ligger efter asOf" });
    }
  } else if (citizen.birthDate === undefined && citizen.cpr === undefined && v.citizen !== undefined) {
    issues.push({ path: "citizen.birthDate", message: "Fødselsdato mangler: angiv citizen.birthDate eller citizen.cpr" });
  }
  if (birth !== null && asOf !== null && birth > asOf) issues.push({ path: "citizen.birthDate", message: "Fødselsdatoen ligger efter asOf" });

  const forloeb = list(v.forloeb);
  let ids: Set<string> | null = null;
  for (let i = 0; i < forloeb.length; i++) {
    const f = obj(forloeb[i]);
    const p = (k: string) => () => at("forloeb", i, k);
    if (typeof f.id === "string") {
      ids ??= new Set();
      if (ids.has(f.id)) issues.push({ path: at("forloeb", i, "id"), message: `Forløbs-id ${JSON.stringify(f.id)} er brugt mere end én gang` });
      ids.add(f.id);
    }
    const start = dateField(issues, f.start, p("start"));
    notBefore(issues, start, START, "Et ressourceforløb", p("start"));
    notBeforeStart(issues, start, dateField(issues, f.plannedEnd, p("plannedEnd")), "Slutdatoen", p("plannedEnd"));
    if (f.decidedOn !== undefined) dateField(issues, f.decidedOn, p("decidedOn"));
    if (f.decidedEnd !== undefined) notBeforeStart(issues, start, dateField(issues, f.decidedEnd, p("decidedEnd")), "Den oprindelige slutdato", p("decidedEnd"));
    if (f.nextStepDecidedOn !== undefined) dateField(issues, f.nextStepDecidedOn, p("nextStepDecidedOn"));
    if (f.endedOn !== undefined) dateField(issues, f.endedOn, p("endedOn"));
    if (f.igException !== undefined) dateField(issues, obj(f.igException).recordedOn, p("igException.recordedOn"));
  }
  const periods = list(v.periods);
  for (let i = 0; i < periods.length; i++) {
    const x = obj(periods[i]);
    const from = dateField(issues, x.from, () => at("periods", i, "from"));
    notBeforeStart(issues, from, dateField(issues, x.to, () => at("periods", i, "to")), "Slutdatoen", () => at("periods", i, "to"));
  }
  const interventions = list(v.interventions);
  for (let i = 0; i < interventions.length; i++) {
    const x = obj(interventions[i]);
    const start = dateField(issues, x.start, () => at("interventions", i, "start"));
    if (x.end !== undefined) {
      const end = dateField(issues, x.end, () => at("interventions", i, "end"));
      notBeforeStart(issues, start, end, "Slutdatoen", () => at("interventions", i, "end"));
    }
    for (const k of INTERVENTION_DATES) if (x[k] !== undefined) dateField(issues, x[k], () => at("interventions", i, k));
  }
  const conversations = list(v.conversations);
  for (let i = 0; i < conversations.length; i++) dateField(issues, obj(conversations[i]).date, () => at("conversations", i, "date"));
  return issues;
}
