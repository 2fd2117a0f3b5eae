import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  ageAt,
  compareDates,
  daysInMonth,
  diffDays,
  formatDate,
  fromYmd,
  isLeapYear,
  isoWeekday,
  isValidDate,
  maxDate,
  minDate,
  overlapDays,
  parseDate,
  parseYearMonth,
  periodDays,
  toYmd,
  tryParseDate,
  wholeMonthsBetween,
  InvalidDateError,
} from "./dates";

const d = parseDate;
const f = formatDate;

describe("parse / format / validate", () => {
  it.each(["2022-03-01", "2024-02-29", "2000-02-29", "1858-01-01", "2099-12-31", "0001-01-01", "9999-12-31"])("round-trips %s", (s) => {
    expect(f(d(s))).toBe(s);
  });
  it("1970-01-01 is day 0", () => expect(d("1970-01-01")).toBe(0));
  it.each(["2023-02-29", "1900-02-29", "2022-13-01", "2022-00-10", "2022-04-31", "2022-01-00", "2022-1-01", "22-01-01", "2022/01/01", "2022-01-01T00:00", " 2022-01-01", "", "abcd-ef-gh"])(
    "rejects %j",
    (s) => {
      expect(tryParseDate(s)).toBeNull();
      expect(isValidDate(s)).toBe(false);
      expect(() => parseDate(s)).toThrow(InvalidDateError);
    },
  );
  it("rejects non-strings", () => {
    for (const v of [20220101, null, undefined, {}, []]) expect(isValidDate(v)).toBe(false);
  });
  it("knows leap years", () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
  });
  it("converts every day of 1899-2101 both ways", () => {
    let n = fromYmd(1899, 1, 1);
    for (let y = 1899; y <= 2101; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let day = 1; day <= daysInMonth(y, m); day++) {
          expect(fromYmd(y, m, day)).toBe(n);
          const back = toYmd(n);
          if (back.year !== y || back.month !== m || back.day !== day) throw new Error(`toYmd(${n})`);
          n++;
        }
      }
    }
  });
});

describe("arithmetic", () => {
  it("adds days across months and leap days", () => {
    expect(f(addDays(d("2022-09-01"), 30))).toBe("2022-10-01");
    expect(f(addDays(d("2024-02-28"), 1))).toBe("2024-02-29");
    expect(f(addDays(d("2023-02-28"), 1))).toBe("2023-03-01");
    expect(f(addDays(d("2022-01-01"), -1))).toBe("2021-12-31");
  });
  it.each([
    ["2022-08-31", 6, "2023-02-28"],
    ["2022-03-01", 24, "2024-03-01"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-29"],
    ["2022-01-31", 1, "2022-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2022-03-31", -1, "2022-02-28"],
    ["2022-12-15", 1, "2023-01-15"],
    ["2022-01-15", -13, "2020-12-15"],
  ])("%s + %i months = %s", (from, n, to) => expect(f(addMonths(d(from), n))).toBe(to));
  it("adds years with the month-end clamp", () => {
    expect(f(addYears(d("2024-02-29"), 1))).toBe("2025-02-28");
    expect(f(addYears(d("2024-02-29"), 4))).toBe("2028-02-29");
    expect(f(addYears(d("2029-06-10"), -6))).toBe("2023-06-10");
  });
  it("a forløb of N months ends on start + N months − 1 day", () => {
    expect(f(addMonths(d("2022-03-01"), 24) - 1)).toBe("2024-02-29");
  });
  it("diff, compare, min, max", () => {
    expect(diffDays(d("2022-03-01"), d("2022-10-01"))).toBe(214);
    expect(diffDays(d("2022-10-01"), d("2022-03-01"))).toBe(-214);
    expect(compareDates(d("2022-01-01"), d("2022-01-02"))).toBe(-1);
    expect(compareDates(d("2022-01-02"), d("2022-01-01"))).toBe(1);
    expect(compareDates(d("2022-01-02"), d("2022-01-02"))).toBe(0);
    expect(f(minDate(d("2022-05-01"), d("2021-05-01"), d("2023-01-01")))).toBe("2021-05-01");
    expect(f(maxDate(d("2022-05-01"), d("2021-05-01"), d("2023-01-01")))).toBe("2023-01-01");
  });
  it("counts whole months under the addMonths convention", () => {
    expect(wholeMonthsBetween(d("2022-03-01"), d("2024-03-01"))).toBe(24);
    expect(wholeMonthsBetween(d("2022-03-01"), d("2024-02-29"))).toBe(23);
    expect(wholeMonthsBetween(d("2022-08-31"), d("2023-02-28"))).toBe(6);
    expect(wholeMonthsBetween(d("2022-08-31"), d("2023-02-27"))).toBe(5);
    expect(wholeMonthsBetween(d("2022-03-15"), d("2022-01-20"))).toBe(-2);
  });
  it("overlap of inclusive periods", () => {
    expect(overlapDays(d("2022-04-01"), d("2022-04-30"), d("2022-03-01"), d("2022-09-01"))).toBe(30);
    expect(overlapDays(d("2022-04-01"), d("2022-04-30"), d("2022-04-30"), d("2022-05-30"))).toBe(1);
    expect(overlapDays(d("2022-04-01"), d("2022-04-30"), d("2022-05-01"), d("2022-05-30"))).toBe(0);
    expect(periodDays(d("2024-02-01"), d("2024-02-29"))).toBe(29);
    expect(periodDays(d("2024-02-02"), d("2024-02-01"))).toBe(0);
  });
  it("weekday", () => {
    expect(isoWeekday(d("1970-01-01"))).toBe(4);
    expect(isoWeekday(d("2024-03-04"))).toBe(1);
    expect(isoWeekday(d("1969-12-28"))).toBe(7);
  });
  it("parses months", () => {
    expect(parseYearMonth("2024-02")).toEqual({ first: d("2024-02-01"), last: d("2024-02-29"), year: 2024, month: 2 });
    expect(parseYearMonth("2024-13")).toBeNull();
    expect(parseYearMonth("2024-3")).toBeNull();
    expect(parseYearMonth(202403)).toBeNull();
  });
});

describe("age: a person reaches an age on the birthday", () => {
  it.each([
    ["1980-01-01", "2022-09-15", 42, 8],
    ["1983-05-10", "2022-05-10", 39, 0],
    ["1983-05-10", "2022-05-09", 38, 11],
    ["1980-01-31", "2022-02-28", 42, 1],
    ["1980-01-31", "2022-02-27", 42, 0],
    ["1980-01-31", "2022-01-30", 41, 11],
    ["2000-02-29", "2001-02-28", 1, 0],
    ["2000-02-29", "2001-02-27", 0, 11],
    ["2000-02-29", "2004-02-29", 4, 0],
    ["1990-06-15", "1990-06-15", 0, 0],
  ])("born %s, on %s: %i years %i months", (b, on, years, months) => {
    expect(ageAt(d(b), d(on))).toEqual({ years, months });
  });
});
