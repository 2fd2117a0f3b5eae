/**
 * Plain calendar dates for legal arithmetic. No JS `Date`, no time zones.
 *
 * At the boundary a date is an ISO string `YYYY-MM-DD` (`IsoDate`). Inside the rules it is a
 * `DayNumber`: whole days since 1970-01-01 (proleptic Gregorian), so that comparisons and
 * day arithmetic are plain integer operations. Conversion uses Howard Hinnant's
 * days-from-civil algorithm, which is exact for every Gregorian date.
 */

/** An ISO calendar date `YYYY-MM-DD` that exists in the Gregorian calendar. */
export type IsoDate = string;
/** Whole days since 1970-01-01. */
export type DayNumber = number;

export interface YearMonthDay {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

/** Whole years and months, as in "a person aged 65 years and 6 months". */
export interface YearsMonths {
  years: number;
  months: number;
}

export class InvalidDateError extends Error {
  override readonly name = "InvalidDateError";
  constructor(readonly input: unknown) {
    super(`Ugyldig dato: ${JSON.stringify(input)} (forventet en eksisterende dato på formen ÅÅÅÅ-MM-DD)`);
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Days since 1970-01-01 for a (valid) year/month/day. */
export function fromYmd(year: number, month: number, day: number): DayNumber {
  // Table lookup for the years legal dates live in; the arithmetic below for the rest.
  if (year >= TABLE_FROM_YEAR && year <= TABLE_TO_YEAR) {
    return (YEAR_START[year - TABLE_FROM_YEAR] as number) + ((isLeapYear(year) ? LEAP_OFFSET : COMMON_OFFSET)[month - 1] as number) + day - 1;
  }
  return civilToDays(year, month, day);
}

function civilToDays(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function toYmd(d: DayNumber): YearMonthDay {
  const i = d - TABLE_FROM_DAY;
  if (i >= 0 && i < PACKED.length) {
    const p = PACKED[i] as number; // yyyymmdd
    return { year: (p / 10000) | 0, month: ((p / 100) | 0) % 100, day: p % 100 };
  }
  return daysToCivil(d);
}

function daysToCivil(d: DayNumber): YearMonthDay {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/*
 * Lookup tables for 1850-2199 (built once at load, about 0.5 MB): every case evaluation does
 * hundreds of date conversions, and table lookups make them a few nanoseconds each.
 */
const TABLE_FROM_YEAR = 1850;
const TABLE_TO_YEAR = 2199;
const COMMON_OFFSET = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] as const;
const LEAP_OFFSET = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335] as const;
const YEAR_START = new Int32Array(TABLE_TO_YEAR - TABLE_FROM_YEAR + 2);
for (let y = TABLE_FROM_YEAR; y <= TABLE_TO_YEAR + 1; y++) YEAR_START[y - TABLE_FROM_YEAR] = civilToDays(y, 1, 1);
const TABLE_FROM_DAY = YEAR_START[0] as number;
const PACKED = new Int32Array((YEAR_START[YEAR_START.length - 1] as number) - TABLE_FROM_DAY);
for (let i = 0; i < PACKED.length; i++) {
  const c = daysToCivil(TABLE_FROM_DAY + i);
  PACKED[i] = c.year * 10000 + c.month * 100 + c.day;
}

/** Parse `YYYY-MM-DD`; null when malformed or when the date does not exist (2023-02-29). */
export function tryParseDate(s: unknown): DayNumber | null {
  // Character codes instead of a regex: this runs for every date of every request.
  if (typeof s !== "string" || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 7);
  const day = digits(s, 8, 10);
  if (year < 0 || month < 0 || day < 0) return null;
  return isValidYmd(year, month, day) ? fromYmd(year, month, day) : null;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** true when `s` looks like YYYY-MM-DD (digits and dashes), whether or not the date exists. */
export function isIsoShape(s: unknown): s is string {
  return typeof s === "string" && s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && digits(s, 0, 4) >= 0 && digits(s, 5, 7) >= 0 && digits(s, 8, 10) >= 0;
}

export function isValidDate(s: unknown): s is IsoDate {
  return tryParseDate(s) !== null;
}

/** Parse `YYYY-MM-DD`; throws `InvalidDateError` when it is not an existing date. */
export function parseDate(s: IsoDate): DayNumber {
  const d = tryParseDate(s);
  if (d === null) throw new InvalidDateError(s);
  return d;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

// Formatting is memoised for 1850-2199: legal dates fall in that range and repeat a lot.
const CACHE_FROM = fromYmd(1850, 1, 1);
const CACHE_TO = fromYmd(2199, 12, 31);
const FORMAT_CACHE: (IsoDate | undefined)[] = new Array(CACHE_TO - CACHE_FROM + 1);

export function formatDate(d: DayNumber): IsoDate {
  const inCache = d >= CACHE_FROM && d <= CACHE_TO;
  if (inCache) {
    const hit = FORMAT_CACHE[d - CACHE_FROM];
    if (hit !== undefined) return hit;
  }
  const { year, month, day } = toYmd(d);
  const s = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (inCache) FORMAT_CACHE[d - CACHE_FROM] = s;
  return s;
}

export function addDays(d: DayNumber, n: number): DayNumber {
  return d + n;
}

/**
 * Add calendar months keeping the day of the month; when that day does not exist in the
 * target month use the month's last day (evaluate.md: 2022-08-31 + 6 months = 2023-02-28).
 */
export function addMonths(d: DayNumber, n: number): DayNumber {
  const { year, month, day } = toYmd(d);
  const total = year * 12 + (month - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  return fromYmd(ty, tm, Math.min(day, daysInMonth(ty, tm)));
}

/** Same convention as addMonths: 2024-02-29 + 1 year = 2025-02-28. */
export function addYears(d: DayNumber, n: number): DayNumber {
  return addMonths(d, 12 * n);
}

/** Add years and months in one step, so the clamp to month end happens once. */
export function addYearsMonths(d: DayNumber, ym: YearsMonths): DayNumber {
  return addMonths(d, ym.years * 12 + ym.months);
}

/** `to - from` in days (positive when `to` is later). */
export function diffDays(from: DayNumber, to: DayNumber): number {
  return to - from;
}

export function compareDates(a: DayNumber, b: DayNumber): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(...ds: DayNumber[]): DayNumber {
  return Math.min(...ds);
}

export function maxDate(...ds: DayNumber[]): DayNumber {
  return Math.max(...ds);
}

/**
 * Whole calendar months from `from` to `on` under the addMonths convention: the largest m
 * with addMonths(from, m) <= on (negative when `on` is before `from`).
 */
export function wholeMonthsBetween(from: DayNumber, on: DayNumber): number {
  const a = toYmd(from);
  const b = toYmd(on);
  let m = (b.year - a.year) * 12 + (b.month - a.month);
  // addMonths(from, m) lands in on's month; step back when it is past `on`.
  if (addMonths(from, m) > on) m -= 1;
  return m;
}

/**
 * Age in whole years and months at `on`. A person reaches an age on the birthday; a person
 * born on 29 February reaches it on 28 February in common years (the addMonths clamp), so that
 * ageAt(b, addYears(b, n)) is exactly n years.
 */
export function ageAt(birth: DayNumber, on: DayNumber): YearsMonths {
  const m = wholeMonthsBetween(birth, on);
  const years = Math.trunc(m / 12);
  return { years, months: m - years * 12 };
}

/** Days shared by two inclusive periods; 0 when they do not overlap. */
export function overlapDays(aFrom: DayNumber, aTo: DayNumber, bFrom: DayNumber, bTo: DayNumber): number {
  const from = Math.max(aFrom, bFrom);
  const to = Math.min(aTo, bTo);
  return to >= from ? to - from + 1 : 0;
}

/** Inclusive period length in days. */
export function periodDays(from: DayNumber, to: DayNumber): number {
  return to >= from ? to - from + 1 : 0;
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(d: DayNumber): number {
  return ((((d + 3) % 7) + 7) % 7) + 1;
}

/** Convenience for callers that work with ISO strings. */
export function addMonthsIso(d: IsoDate, n: number): IsoDate {
  return formatDate(addMonths(parseDate(d), n));
}

export function addDaysIso(d: IsoDate, n: number): IsoDate {
  return formatDate(parseDate(d) + n);
}

/** First and last day of the month `YYYY-MM`; null when malformed. */
export function parseYearMonth(s: unknown): { first: DayNumber; last: DayNumber; year: number; month: number } | null {
  if (typeof s !== "string") return null;
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (!isValidYmd(year, month, 1)) return null;
  return { first: fromYmd(year, month, 1), last: fromYmd(year, month, daysInMonth(year, month)), year, month };
}
