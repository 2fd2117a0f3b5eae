import { assertCitation, type Citation } from "./citation";
import { formatDate, tryParseDate, type DayNumber, type IsoDate } from "./dates";

/**
 * A dated parameter (OpenFisca style): a value that is in force for periods. An entry runs
 * from `from` to its explicit `to`, else to the day before the next entry, else open-ended.
 * `value: null` records that nothing is in force (e.g. after an abolition). History is never
 * edited: a change in the law adds an entry.
 */
export interface DatedEntry<T> {
  from: IsoDate;
  to?: IsoDate;
  value: T | null;
  citation: Citation;
  /** Short Danish note shown with the value, e.g. why it is unverified. */
  note?: string;
}

export interface Dated<T> {
  /** Stable machine name, e.g. "indsatsgaranti.windowMonths". */
  readonly name: string;
  /** Danish title for explanations and the /regler page. */
  readonly titleDa: string;
  readonly unit?: string;
  readonly entries: readonly DatedEntry<T>[];
  /** Precomputed day numbers: [from, to] inclusive (to = +Infinity when open). */
  readonly spans: readonly (readonly [number, number])[];
  /** Precomputed results per entry (null where the value is null), so a lookup allocates nothing. */
  readonly resolved: readonly (Resolved<T> | null)[];
}

export interface Resolved<T> {
  name: string;
  value: T;
  from: IsoDate;
  /** Last day of the entry used, or null when open-ended. */
  to: IsoDate | null;
  citation: Citation;
}

/** No value of `param` is in force on `date`. Never silently replaced by 0 or another period. */
export class NotInForce extends Error {
  override readonly name = "NotInForce";
  constructor(
    readonly param: string,
    readonly date: IsoDate,
  ) {
    super(`Ingen værdi i kraft for ${param} den ${date}`);
  }
}

export class InvalidParameterError extends Error {
  override readonly name = "InvalidParameterError";
}

/**
 * Build a dated parameter. Throws at module load when an entry lacks a citation, has an
 * invalid date, or the entries are unsorted or overlap.
 */
export function dated<T>(
  name: string,
  titleDa: string,
  entries: readonly DatedEntry<T>[],
  opts: { unit?: string } = {},
): Dated<T> {
  if (entries.length === 0) throw new InvalidParameterError(`${name}: ingen perioder`);
  const starts: number[] = [];
  entries.forEach((e, i) => {
    assertCitation(e.citation, `${name}[${i}] (fra ${e.from})`);
    const from = tryParseDate(e.from);
    if (from === null) throw new InvalidParameterError(`${name}[${i}]: ugyldig fra-dato ${e.from}`);
    if (i > 0 && from <= (starts[i - 1] as number)) {
      throw new InvalidParameterError(`${name}[${i}]: perioderne skal være sorteret stigende og uden dubletter`);
    }
    starts.push(from);
  });
  const spans = entries.map((e, i) => {
    const from = starts[i] as number;
    const next = starts[i + 1];
    let to: number;
    if (e.to !== undefined) {
      const t = tryParseDate(e.to);
      if (t === null || t < from) throw new InvalidParameterError(`${name}[${i}]: ugyldig til-dato ${e.to}`);
      if (next !== undefined && t >= next) throw new InvalidParameterError(`${name}[${i}]: overlapper næste periode`);
      to = t;
    } else {
      to = next !== undefined ? next - 1 : Number.POSITIVE_INFINITY;
    }
    return [from, to] as const;
  });
  const resolved = entries.map((e, i) => {
    const span = spans[i] as readonly [number, number];
    return e.value === null
      ? null
      : Object.freeze({
          name,
          value: e.value,
          from: e.from,
          to: Number.isFinite(span[1]) ? formatDate(span[1]) : null,
          citation: e.citation,
        });
  });
  return Object.freeze({ name, titleDa, ...(opts.unit ? { unit: opts.unit } : {}), entries, spans, resolved });
}

function findIndex<T>(param: Dated<T>, d: DayNumber): number {
  const spans = param.spans;
  // Binary search for the last entry starting on or before d (parameters are short, but
  // the bench evaluates many cases).
  let lo = 0;
  let hi = spans.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as readonly [number, number])[0] <= d) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (idx < 0) return -1;
  return d <= (spans[idx] as readonly [number, number])[1] ? idx : -1;
}

function lookup<T>(param: Dated<T>, on: DayNumber | IsoDate): Resolved<T> | null {
  const d = typeof on === "number" ? on : tryParseDate(on);
  if (d === null) return null;
  const i = findIndex(param, d);
  return i >= 0 ? (param.resolved[i] ?? null) : null;
}

/** The value in force on `on`, with the entry used. Throws NotInForce outside the range or on null. */
export function resolve<T>(param: Dated<T>, on: DayNumber | IsoDate): Resolved<T> {
  const r = lookup(param, on);
  if (r === null) throw new NotInForce(param.name, typeof on === "number" ? formatDate(on) : String(on));
  return r;
}

/** Like resolve, but returns null instead of throwing NotInForce (and is cheap when nothing is in force). */
export function tryResolve<T>(param: Dated<T>, on: DayNumber | IsoDate): Resolved<T> | null {
  return lookup(param, on);
}

/** The first day any non-null entry is in force (for the rule catalogue). */
export function firstInForce<T>(param: Dated<T>): IsoDate {
  const e = param.entries.find((x) => x.value !== null);
  return (e ?? (param.entries[0] as DatedEntry<T>)).from;
}

/** true when every entry's citation is verified. */
export function allVerified<T>(param: Dated<T>): boolean {
  return param.entries.every((e) => e.citation.verified !== false);
}
