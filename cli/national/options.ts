import { DANISH_MUNICIPALITIES } from "~/modules/statistik/municipalities";

/** What the national generator makes: a deterministic history for some of the 98 municipalities. */
export interface NationalOptions {
  seed: number;
  /** Municipality codes (3 digits), among the 98. */
  codes: string[];
  citizens: number;
  /** First and last month of the history, YYYY-MM. The world is generated as of the last day of `to`. */
  from: string;
  to: string;
}

export const FIRST_MONTH = "2013-01";

export type ParsedArgs =
  | { ok: true; options: NationalOptions; replace: boolean; clean: boolean }
  | { ok: false; error: string; help?: true };

export const USAGE = `Brug: npm run seed:national -- [--municipalities 98 | --codes 101,751] [--citizens 30000]
                               [--from 2013-01] [--to 2026-10] [--seed 1] [--replace] [--clean]

Skriver en syntetisk, deterministisk historik for ressourceforløb i den konfigurerede database
(DATABASE_URL, ellers PGlite i DATA_DIR/pglite). Samme argumenter to gange gør intet anden gang.
  --replace  fjerner et tidligere nationalt datasæt med andre argumenter og genererer igen
  --clean    fjerner kun et tidligere nationalt datasæt`;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Parses and checks the command line; `currentMonth` is YYYY-MM of today (the history cannot run past it). */
export function parseArgs(argv: readonly string[], currentMonth: string): ParsedArgs {
  const values: Record<string, string> = {};
  let replace = false;
  let clean = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--replace") replace = true;
    else if (a === "--clean") clean = true;
    else if (a === "--help" || a === "-h") return { ok: false, error: USAGE, help: true };
    else if (a.startsWith("--")) {
      const [key, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
      const value = inline ?? argv[++i];
      if (value === undefined) return { ok: false, error: `--${key} mangler en værdi\n\n${USAGE}` };
      values[key] = value;
    } else return { ok: false, error: `Ukendt argument: ${a}\n\n${USAGE}` };
  }
  const known = new Set(["municipalities", "codes", "citizens", "from", "to", "seed"]);
  for (const k of Object.keys(values))
    if (!known.has(k)) return { ok: false, error: `Ukendt tilvalg --${k}\n\n${USAGE}` };

  const int = (key: string, fallback: number, min: number, max: number): number | string => {
    const raw = values[key];
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw)) return `--${key} skal være et helt tal`;
    const n = Number(raw);
    if (n < min || n > max) return `--${key} skal være mellem ${min} og ${max}`;
    return n;
  };
  const seed = int("seed", 1, 0, 2_147_483_647);
  const citizens = int("citizens", 30_000, 10, 2_000_000);
  const count = int("municipalities", 98, 1, 98);
  for (const v of [seed, citizens, count]) if (typeof v === "string") return { ok: false, error: v };

  let codes: string[];
  if (values.codes !== undefined) {
    codes = values.codes
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean);
    const unknown = codes.filter((c) => !DANISH_MUNICIPALITIES.some((m) => m.code === c));
    if (unknown.length) return { ok: false, error: `--codes: ukendte kommunekoder ${unknown.join(", ")}` };
    if (new Set(codes).size !== codes.length) return { ok: false, error: "--codes nævner en kommune to gange" };
    if (codes.length === 0) return { ok: false, error: "--codes er tom" };
  } else {
    codes = DANISH_MUNICIPALITIES.slice(0, count as number).map((m) => m.code);
  }
  codes.sort();

  const from = values.from ?? FIRST_MONTH;
  const to = values.to ?? previousMonth(currentMonth);
  for (const [k, v] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (!MONTH.test(v)) return { ok: false, error: `--${k} skal være en måned på formen ÅÅÅÅ-MM` };
  }
  if (from < FIRST_MONTH)
    return { ok: false, error: `--from kan tidligst være ${FIRST_MONTH} (ressourceforløb findes fra 2013)` };
  if (to < from) return { ok: false, error: "--to skal ligge efter --from" };
  if (to > currentMonth) return { ok: false, error: `--to kan ikke ligge efter den aktuelle måned (${currentMonth})` };
  if (from > "2026-01")
    return { ok: false, error: "--from skal ligge før 2026-02: der bevilges ingen nye forløb fra 01.02.2026 (TG-10)" };
  return { ok: true, options: { seed: seed as number, codes, citizens: citizens as number, from, to }, replace, clean };
}

export function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** Last day of a YYYY-MM month. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(d).padStart(2, "0")}`;
}

/** The options as stored in the marker, to recognise a repeated run. */
export function optionsKey(o: NationalOptions): string {
  return JSON.stringify({ seed: o.seed, codes: o.codes, citizens: o.citizens, from: o.from, to: o.to });
}
