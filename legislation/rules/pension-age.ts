import { resolve } from "../dated";
import { addYearsMonths, formatDate, parseDate, type DayNumber, type IsoDate, type YearsMonths } from "../dates";
import { explain, paramUse, type RuleResult } from "../explanation";
import { folkepensionsalderTable, type PensionAgeRow } from "../parameters/pension-age";
import { defineRule } from "./rule-meta";

const TESTS = ["legislation/rules/pension-age.test.ts", "tests/golden/PA-1.yaml"];

export const PA_1 = defineRule({
  id: "PA-1",
  titleDa: "Folkepensionsalder efter fødselsdato",
  summaryDa:
    "Folkepensionsalderen fastsættes efter fødselsdato (65 år for født før 1954 stigende til 70 år for født fra 1971). Pensionsdatoen er fødselsdatoen tillagt alderen.",
  citations: folkepensionsalderTable.entries.map((e) => e.citation),
  inForce: { from: folkepensionsalderTable.entries[0]!.from },
  kind: "computed",
  tests: TESTS,
  parameters: [folkepensionsalderTable],
});

export interface Folkepensionsalder {
  age: YearsMonths;
  /** The day the citizen reaches folkepensionsalderen. */
  date: IsoDate;
}

// Row bounds as day numbers, computed once per table value.
const BOUNDS = new WeakMap<readonly PensionAgeRow[], { lo: number; hi: number; row: PensionAgeRow }[]>();

function rowFor(rows: readonly PensionAgeRow[], birth: DayNumber): PensionAgeRow {
  let bounds = BOUNDS.get(rows);
  if (!bounds) {
    bounds = rows.map((r) => ({
      lo: r.bornFrom === null ? Number.NEGATIVE_INFINITY : parseDate(r.bornFrom),
      hi: r.bornTo === null ? Number.POSITIVE_INFINITY : parseDate(r.bornTo),
      row: r,
    }));
    BOUNDS.set(rows, bounds);
  }
  const row = bounds.find((b) => b.lo <= birth && birth <= b.hi)?.row;
  // The table is open at both ends, so every birth date has a row.
  if (!row) throw new Error("Folkepensionstabellen dækker ikke fødselsdatoen");
  return row;
}

/** PA-1: the folkepensionsalder and the date it is reached (birth date + age, addMonths convention). */
export function folkepensionsalder(facts: { birthDate: DayNumber }, asOf: DayNumber): RuleResult<Folkepensionsalder> & {
  dateDay: DayNumber;
  /** The table used (to let callers reuse the result when the same table is in force). */
  table: readonly PensionAgeRow[];
} {
  const table = resolve(folkepensionsalderTable, asOf);
  const row = rowFor(table.value, facts.birthDate);
  const dateDay = addYearsMonths(facts.birthDate, row.age);
  const value = { age: { years: row.age.years, months: row.age.months }, date: formatDate(dateDay) };
  return {
    value,
    dateDay,
    table: table.value,
    explanation: explain({
      ruleId: PA_1.id,
      title: PA_1.titleDa,
      citations: [table.citation],
      inputs: { birthDate: formatDate(facts.birthDate) },
      parameters: [{ ...paramUse(table), value: row }],
      result: value,
      reasoning: `Født ${formatDate(facts.birthDate)}: folkepensionsalder ${row.age.years} år${
        row.age.months ? ` og ${row.age.months} måneder` : ""
      }, som nås ${value.date}.`,
    }),
  };
}
