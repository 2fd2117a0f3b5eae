/**
 * ST-6: population figures as an admin types them or imports them as CSV (Danish Excel: ";" separated, "." as the
 * thousands separator, optional UTF-8 BOM). Columns: kommunekode; år; 16-66 år; and optionally the four ST-2 age bands
 * 16-29; 30-39; 40-49; 50-66, which must then add up to 16-66. Every line is checked and every error reported with
 * its line number, in Danish; the caller saves nothing if there is one.
 */

export interface PopulationLine {
  line: number;
  code: string;
  year: number;
  age16to66: number;
  bands: { age16to29: number; age30to39: number; age40to49: number; age50to66: number } | null;
}

export const POPULATION_CSV_HEADER = "kommunekode;år;16-66 år;16-29 år;30-39 år;40-49 år;50-66 år";
export const POPULATION_YEARS = { min: 2013, max: 2100 } as const;
const MAX_LINES = 5000;

function splitLine(line: string): string[] {
  const sep = line.includes(";") ? ";" : line.includes("\t") ? "\t" : ",";
  return line.split(sep).map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .trim(),
  );
}

/** "41.234", "41 234" or "41234" → 41234; null for anything else. */
function wholeNumber(raw: string): number | null {
  const s = raw.replace(/[.\s\u00a0]/g, "");
  if (!/^\d{1,9}$/.test(s)) return null;
  return Number(s);
}

export interface ParsedPopulation {
  lines: PopulationLine[];
  errors: string[];
}

/** Checks the text line by line; `knownCodes` are the municipalities in the database. */
export function parsePopulationCsv(text: string, knownCodes: ReadonlySet<string>): ParsedPopulation {
  const rows = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const lines: PopulationLine[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  let dataLines = 0;
  rows.forEach((rawLine, i) => {
    const n = i + 1;
    if (rawLine.trim() === "") return;
    const cols = splitLine(rawLine);
    if (n === 1 && /kommune/i.test(cols[0] ?? "")) return; // header
    dataLines += 1;
    if (dataLines > MAX_LINES) {
      if (dataLines === MAX_LINES + 1) errors.push(`Filen har mere end ${MAX_LINES} linjer; del den op.`);
      return;
    }
    const problems: string[] = [];
    if (cols.length !== 3 && cols.length !== 7) {
      errors.push(`Linje ${n}: forventede 3 eller 7 kolonner (${POPULATION_CSV_HEADER}), fandt ${cols.length}.`);
      return;
    }
    const code = cols[0]!.padStart(3, "0");
    if (!/^\d{3}$/.test(code)) problems.push(`kommunekoden "${cols[0]}" skal være 3 cifre`);
    else if (!knownCodes.has(code)) problems.push(`kommunen med kode ${code} findes ikke i systemet`);
    const year = wholeNumber(cols[1]!);
    if (year === null || year < POPULATION_YEARS.min || year > POPULATION_YEARS.max) {
      problems.push(`året "${cols[1]}" skal være et årstal fra ${POPULATION_YEARS.min} til ${POPULATION_YEARS.max}`);
    }
    const total = wholeNumber(cols[2]!);
    if (total === null) problems.push(`antal 16-66 år "${cols[2]}" skal være et helt, ikke-negativt tal`);
    let bands: PopulationLine["bands"] = null;
    if (cols.length === 7) {
      const names = ["16-29 år", "30-39 år", "40-49 år", "50-66 år"];
      const values = cols.slice(3).map(wholeNumber);
      values.forEach((v, j) => {
        if (v === null) problems.push(`antal ${names[j]} "${cols[3 + j]}" skal være et helt, ikke-negativt tal`);
      });
      if (values.every((v) => v !== null)) {
        const [a, b, c, d] = values as number[];
        bands = { age16to29: a!, age30to39: b!, age40to49: c!, age50to66: d! };
        const sum = a! + b! + c! + d!;
        if (total !== null && sum !== total) {
          problems.push(`aldersgrupperne giver tilsammen ${sum}, men 16-66 år er ${total}`);
        }
      }
    }
    if (problems.length === 0) {
      const key = `${code}|${year}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) problems.push(`kommune ${code} og år ${year} står også i linje ${earlier}`);
      else seen.set(key, n);
    }
    if (problems.length > 0) errors.push(`Linje ${n}: ${problems.join("; ")}.`);
    else lines.push({ line: n, code, year: year!, age16to66: total!, bands });
  });
  if (dataLines === 0 && errors.length === 0) errors.push("Filen indeholder ingen linjer med befolkningstal.");
  return { lines, errors };
}
