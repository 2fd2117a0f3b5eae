import { describe, expect, it } from "vitest";
import { parseDate } from "../dates";
import { folkepensionsalder, PA_1 } from "./pension-age";

const asOf = parseDate("2024-01-01");
const pa = (b: string) => folkepensionsalder({ birthDate: parseDate(b) }, asOf);

describe("PA-1 folkepensionsalder", () => {
  it.each([
    ["1953-12-31", 65, 0, "2018-12-31"],
    ["1954-01-01", 65, 6, "2019-07-01"],
    ["1954-06-30", 65, 6, "2019-12-30"],
    ["1954-07-01", 66, 0, "2020-07-01"],
    ["1954-12-31", 66, 0, "2020-12-31"],
    ["1955-01-01", 66, 6, "2021-07-01"],
    ["1955-06-30", 66, 6, "2021-12-30"],
    ["1955-07-01", 67, 0, "2022-07-01"],
    ["1962-12-31", 67, 0, "2029-12-31"],
    ["1963-01-01", 68, 0, "2031-01-01"],
    ["1966-12-31", 68, 0, "2034-12-31"],
    ["1967-01-01", 69, 0, "2036-01-01"],
    ["1970-12-31", 69, 0, "2039-12-31"],
    ["1971-01-01", 70, 0, "2041-01-01"],
    ["1954-08-31", 66, 0, "2020-08-31"],
    ["1954-02-28", 65, 6, "2019-08-28"],
    ["1955-02-28", 66, 6, "2021-08-28"],
    ["1972-02-29", 70, 0, "2042-02-28"],
  ])("born %s: %i years %i months, reached %s", (b, years, months, date) => {
    expect(pa(b).value).toEqual({ age: { years, months }, date });
  });
  it("explains with the unverified table entry it used", () => {
    const e = pa("1980-01-01").explanation;
    expect(e.ruleId).toBe("PA-1");
    expect(e.parameters[0]).toMatchObject({ name: "folkepension.ageByBirthDate", from: "2013-01-01", to: null });
    expect(e.parameters[0]!.citation.verified).toBe(false);
    expect(PA_1.verified).toBe(false);
  });
});
