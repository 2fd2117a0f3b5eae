import type { EvaluateInput } from "./evaluate-schema";
import { mapPacked } from "./arrays";
import { tryParseDate, type DayNumber } from "./dates";
import { parseCpr } from "./cpr";
import { CONVERSATION_MODES, INTERVENTION_KINDS, PERIOD_KINDS } from "./parameters/kinds";
import { PRAKTIK_FOCUS, SHORT_HOURS_REASONS } from "./rules/virksomhedspraktik";

/**
 * A hand-written fast path for parseEvaluateInput, used first because parsing was a third of
 * the cost of an evaluation. It returns exactly what zod would return (known keys only,
 * defaults applied, strings trimmed where the schema trims) for input that is valid in every
 * respect, structure and semantics, and null for anything else: that input then goes the slow
 * way (zod plus the semantic checks) which names every bad field. A property test
 * (evaluate-fast-parse.property.test.ts) checks it never accepts what the slow path rejects
 * and always agrees with zod's output.
 */

type Obj = Record<string, unknown>;

const PERIOD = new Set<string>(PERIOD_KINDS);
const INTERVENTION = new Set<string>(INTERVENTION_KINDS);
const MODE = new Set<string>(CONVERSATION_MODES);
const FOCUS = new Set<string>(PRAKTIK_FOCUS);
const REASON = new Set<string>(SHORT_HOURS_REASONS);

class Reject extends Error {}
const REJECT = new Reject();
const NONE: readonly unknown[] = [];

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
/** A date that exists (the slow path reports malformed and non-existent dates alike). */
function date(v: unknown): string {
  if (tryParseDate(v) === null) throw REJECT;
  return v as string;
}
function day(v: unknown): DayNumber {
  const d = tryParseDate(v);
  if (d === null) throw REJECT;
  return d;
}
function str(v: unknown): string {
  if (typeof v !== "string") throw REJECT;
  return v;
}
function bool(v: unknown): boolean {
  if (typeof v !== "boolean") throw REJECT;
  return v;
}
function int(v: unknown, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < min || v > max) throw REJECT;
  return v;
}
function num(v: unknown, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) throw REJECT;
  return v;
}
function oneOf(v: unknown, set: Set<string>): string {
  if (typeof v !== "string" || !set.has(v)) throw REJECT;
  return v;
}
function obj(v: unknown): Obj {
  if (!isObj(v)) throw REJECT;
  return v;
}
function list(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw REJECT;
  return v;
}

/**
 * Copy optional key `k`, validated by `f`. Absent keys are set to undefined rather than left
 * out, so every parsed object of a kind has the same shape (monomorphic for the JIT); that is
 * the same value as zod's output, where the key is missing.
 */
function opt(out: Obj, src: Obj, k: string, f: (v: unknown) => unknown): void {
  const v = src[k];
  out[k] = v === undefined ? undefined : f(v);
}

function forloeb(v: unknown): Obj {
  const f = obj(v);
  const id = str(f.id);
  if (id.length < 1) throw REJECT;
  const out: Obj = { id, start: date(f.start), plannedEnd: date(f.plannedEnd) };
  opt(out, f, "decidedOn", date);
  opt(out, f, "decidedEnd", date);
  opt(out, f, "citizenWished", bool);
  opt(out, f, "nextStepDecidedOn", date);
  opt(out, f, "endedOn", date);
  opt(out, f, "igException", (x) => {
    const e = obj(x);
    const reason = str(e.reason).trim();
    if (reason.length < 1) throw REJECT;
    const o: Obj = { reason };
    opt(o, e, "recordedOn", date);
    return o;
  });
  return out;
}

function period(v: unknown): Obj {
  const p = obj(v);
  return { kind: oneOf(p.kind, PERIOD), from: date(p.from), to: date(p.to) };
}

function placement(v: unknown): Obj {
  const p = obj(v);
  const out: Obj = {};
  opt(out, p, "focus", (x) => mapPacked(list(x), (f) => oneOf(f, FOCUS)));
  opt(out, p, "hoursPerDay", (x) => num(x, 0, 24));
  opt(out, p, "shortHoursReason", (x) => oneOf(x, REASON));
  opt(out, p, "initialWeeks", (x) => int(x, 1, 520));
  opt(out, p, "extensions", (x) =>
    mapPacked(list(x), (e) => {
      const o = obj(e);
      const r: Obj = { weeks: int(o.weeks, 1, 520) };
      opt(r, o, "assessment", str);
      opt(r, o, "specialNeed", bool);
      return r;
    }),
  );
  return out;
}

function intervention(v: unknown): Obj {
  const i = obj(v);
  const out: Obj = {};
  opt(out, i, "id", str);
  out.kind = oneOf(i.kind, INTERVENTION);
  out.start = date(i.start);
  opt(out, i, "end", date);
  out.inPlan = bool(i.inPlan);
  opt(out, i, "offeredOn", date);
  opt(out, i, "skNoticeOn", date);
  opt(out, i, "skRequestedOn", date);
  opt(out, i, "skDecidedOn", date);
  opt(out, i, "concreteAssessment", str);
  opt(out, i, "placement", placement);
  return out;
}

function conversation(v: unknown): Obj {
  const c = obj(v);
  const out: Obj = { date: date(c.date), mode: oneOf(c.mode, MODE), held: bool(c.held) };
  opt(out, c, "nextAgreed", bool);
  return out;
}

/** The zod output for `input`, or null when the fast path is not sure (zod then decides). */
export function fastParseEvaluateInput(input: unknown): EvaluateInput | null {
  try {
    const v = obj(input);
    const c = obj(v.citizen);
    const citizen: Obj = {};
    opt(citizen, c, "birthDate", date);
    opt(citizen, c, "cpr", str);
    opt(citizen, c, "wishesNewForloeb", bool);
    const out: Obj = {
      asOf: date(v.asOf),
      citizen,
      forloeb: mapPacked(v.forloeb === undefined ? NONE : list(v.forloeb), forloeb),
      periods: mapPacked(v.periods === undefined ? NONE : list(v.periods), period),
      interventions: mapPacked(v.interventions === undefined ? NONE : list(v.interventions), intervention),
      conversations: mapPacked(v.conversations === undefined ? NONE : list(v.conversations), conversation),
    };
    opt(out, v, "settings", (x) => {
      const s = obj(x);
      const o: Obj = {};
      opt(o, s, "teamLeadWeeks", (w) => int(w, 0, 104));
      return o;
    });
    const value = out as EvaluateInput;
    if (!semanticallyValid(value)) return null;
    return value;
  } catch (e) {
    if (e === REJECT) return null;
    throw e;
  }
}

const LEGISLATION_START = tryParseDate("2013-01-01") as DayNumber;

/** The semantic checks of parseEvaluateInput, as a yes/no on already shaped input. */
function semanticallyValid(v: EvaluateInput): boolean {
  const asOf = day(v.asOf);
  if (asOf < LEGISLATION_START) return false;
  const c = v.citizen;
  let birth: DayNumber | null = c.birthDate === undefined ? null : day(c.birthDate);
  if (c.cpr !== undefined) {
    const p = parseCpr(c.cpr);
    if (!p.ok || (birth !== null && p.birthDay !== birth)) return false;
    birth = p.birthDay;
  }
  if (birth === null || birth > asOf) return false;
  const ids = new Set<string>();
  for (const f of v.forloeb) {
    if (ids.has(f.id)) return false;
    ids.add(f.id);
    const start = day(f.start);
    if (start < LEGISLATION_START || day(f.plannedEnd) < start) return false;
    if (f.decidedEnd !== undefined && day(f.decidedEnd) < start) return false;
  }
  for (const p of v.periods) if (day(p.to) < day(p.from)) return false;
  for (const i of v.interventions) if (i.end !== undefined && day(i.end) < day(i.start)) return false;
  return true;
}
