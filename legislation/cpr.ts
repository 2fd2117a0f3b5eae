import { formatDate, fromYmd, isValidYmd, toYmd, tryParseDate, type DayNumber, type IsoDate } from "./dates";

/**
 * CPR numbers: `DDMMYY-SSSS` or 10 digits. The 7th digit gives the century (CPR-kontoret):
 *
 *   7th digit | YY 00-36 | YY 37-57 | YY 58-99
 *   0-3       | 1900s    | 1900s    | 1900s
 *   4, 9      | 2000s    | 1900s    | 1900s
 *   5-8       | 2000s    | 2000s    | 1800s
 *
 * No modulus-11 check: numbers issued since 2007 may fail it and are still valid.
 */
export type Sex = "male" | "female";

export type CprResult =
  | { ok: true; cpr: string; birthDate: IsoDate; birthDay: DayNumber; sex: Sex }
  | { ok: false; error: string };

const CPR_RE = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

export function centuryYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** Parse a CPR number. Errors are Danish sentences for the caseworker. */
export function parseCpr(input: string): CprResult {
  if (typeof input !== "string") return { ok: false, error: "CPR-nummeret skal være en tekst" };
  const s = input.trim();
  if (!/^[\d-]*$/.test(s)) return { ok: false, error: "CPR-nummeret må kun indeholde cifre og evt. en bindestreg (DDMMÅÅ-SSSS)" };
  const m = CPR_RE.exec(s);
  if (!m) return { ok: false, error: "CPR-nummeret skal have 10 cifre (DDMMÅÅ-SSSS eller DDMMÅÅSSSS)" };
  const dd = Number(m[1]);
  const mm = Number(m[2]);
  const yy = Number(m[3]);
  const seq = m[4] as string;
  const year = centuryYear(yy, Number(seq[0]));
  if (!isValidYmd(year, mm, dd)) {
    // The digits are not repeated: error messages can end up in logs, and no CPR part belongs there.
    return { ok: false, error: "CPR-nummerets datodel (de første 6 cifre) er ikke en gyldig dato" };
  }
  const birthDay = fromYmd(year, mm, dd);
  const sex: Sex = Number(seq[3]) % 2 === 1 ? "male" : "female";
  return { ok: true, cpr: `${m[1]}${m[2]}${m[3]}-${seq}`, birthDate: formatDate(birthDay), birthDay, sex };
}

/** "010180-xxxx": the birth date part only, for display. Malformed input is fully masked. */
export function maskCpr(input: string): string {
  const m = CPR_RE.exec(typeof input === "string" ? input.trim() : "");
  return m ? `${m[1]}${m[2]}${m[3]}-xxxx` : "xxxxxx-xxxx";
}

const MOD11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/** true when the 10 digits pass the (old) modulus-11 check. */
export function passesModulus11(cpr: string): boolean {
  const digits = cpr.replace("-", "");
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * (MOD11_WEIGHTS[i] as number);
  return sum % 11 === 0;
}

/** A seeded pseudo-random source returning numbers in [0, 1). */
export type Prng = () => number;

/** 7th digits that give `year` (see the century table). */
function seventhDigitsFor(year: number): number[] {
  const yy = year % 100;
  if (year >= 1858 && year <= 1899) return [5, 6, 7, 8];
  if (year >= 1900 && year <= 1999) return yy <= 36 ? [0, 1, 2, 3] : [0, 1, 2, 3, 4, 9];
  if (year >= 2000 && year <= 2036) return [4, 5, 6, 7, 8, 9];
  if (year >= 2037 && year <= 2057) return [5, 6, 7, 8];
  throw new RangeError(`CPR kan ikke udtrykke fødselsåret ${year}`);
}

export interface SyntheticCpr {
  cpr: string;
  birthDate: IsoDate;
  sex: Sex;
}

/**
 * A synthetic CPR number for demo and test data, deterministic for a seeded `rng`.
 *
 * Why it should not be a real person's number: until 2007 every CPR number was issued so that
 * it passes the modulus-11 check. Numbers failing it have only been issued since 2007, when
 * some birth dates ran out of mod-11 numbers — mainly 1 January, the date given to people
 * (typically immigrants) whose birthday is unknown. So we never choose 1 January and always
 * choose a sequence number that FAILS modulus 11. That combination is, as far as we can
 * arrange without the register, unissued. It still parses, because parseCpr does not (and
 * must not) apply the modulus-11 check.
 */
export function syntheticCpr(
  rng: Prng,
  opts: { birthFrom?: IsoDate; birthTo?: IsoDate; birthDate?: IsoDate; sex?: Sex } = {},
): SyntheticCpr {
  const pick = (n: number) => Math.min(n - 1, Math.floor(rng() * n));
  let day: DayNumber;
  if (opts.birthDate) {
    day = parseIso(opts.birthDate);
    if (isJanuaryFirst(day)) throw new RangeError("Syntetiske CPR-numre bruger aldrig 1. januar");
  } else {
    const from = parseIso(opts.birthFrom ?? "1950-01-01");
    const to = parseIso(opts.birthTo ?? "2000-12-31");
    do {
      day = from + pick(to - from + 1);
    } while (isJanuaryFirst(day));
  }
  const { year, month, day: dd } = toYmd(day);
  const sevenths = seventhDigitsFor(year);
  const sex = opts.sex ?? (pick(2) === 0 ? "female" : "male");
  const datePart = `${pad2(dd)}${pad2(month)}${pad2(year % 100)}`;
  for (;;) {
    const s7 = sevenths[pick(sevenths.length)] as number;
    const mid = pick(100);
    const lastChoices = sex === "male" ? [1, 3, 5, 7, 9] : [0, 2, 4, 6, 8];
    const last = lastChoices[pick(5)] as number;
    const cpr = `${datePart}-${s7}${pad2(mid)}${last}`;
    if (!passesModulus11(cpr)) return { cpr, birthDate: formatDate(day), sex };
  }
}

function isJanuaryFirst(d: DayNumber): boolean {
  const p = toYmd(d);
  return p.month === 1 && p.day === 1;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function parseIso(s: IsoDate): DayNumber {
  const d = tryParseDate(s);
  if (d === null) throw new RangeError(`Ugyldig dato ${s}`);
  return d;
}
