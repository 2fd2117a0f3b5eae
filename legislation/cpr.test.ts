import { describe, expect, it } from "vitest";
import { centuryYear, maskCpr, parseCpr, passesModulus11, syntheticCpr } from "./cpr";
import { parseDate, toYmd } from "./dates";
import { createPrng } from "./prng";

describe("CPR century table (CPR-kontoret)", () => {
  // Each row and both sides of each YY boundary: 36/37 and 57/58.
  it.each([
    // 7th digit 0-3: always the 1900s
    ...[0, 1, 2, 3].flatMap((s) => [
      [s, 0, 1900],
      [s, 36, 1936],
      [s, 37, 1937],
      [s, 57, 1957],
      [s, 58, 1958],
      [s, 99, 1999],
    ]),
    // 4 and 9: 2000-2036, else 1937-1999
    ...[4, 9].flatMap((s) => [
      [s, 0, 2000],
      [s, 36, 2036],
      [s, 37, 1937],
      [s, 99, 1999],
    ]),
    // 5-8: 2000-2057, else 1858-1899
    ...[5, 6, 7, 8].flatMap((s) => [
      [s, 0, 2000],
      [s, 57, 2057],
      [s, 58, 1858],
      [s, 99, 1899],
    ]),
  ])("7th digit %i, YY %i → %i", (seventh, yy, year) => {
    expect(centuryYear(yy, seventh)).toBe(year);
    const cpr = `1506${String(yy).padStart(2, "0")}-${seventh}123`;
    const r = parseCpr(cpr);
    expect(r.ok && r.birthDate).toBe(`${year}-06-15`);
  });
});

describe("parseCpr", () => {
  it("accepts with and without the dash and derives birth date and sex", () => {
    expect(parseCpr("010180-1235")).toMatchObject({ ok: true, cpr: "010180-1235", birthDate: "1980-01-01", sex: "male" });
    expect(parseCpr("0101801234")).toMatchObject({ ok: true, cpr: "010180-1234", birthDate: "1980-01-01", sex: "female" });
    expect(parseCpr(" 0101801234 ")).toMatchObject({ ok: true });
  });
  it("does not apply the modulus-11 check", () => {
    expect(passesModulus11("0101801234")).toBe(false);
    expect(parseCpr("0101801234").ok).toBe(true);
    expect(passesModulus11("070761-4285")).toBe(true);
  });
  it.each([
    ["310280-1234", "31 February"],
    ["290223-1234", "29 February 1923 (not a leap year)"],
    ["290223-4234", "29 February 2023"],
    ["310480-1234", "31 April"],
    ["001280-1234", "day 0"],
    ["011380-1234", "month 13"],
  ])("rejects the invalid date %s (%s)", (cpr) => {
    const r = parseCpr(cpr);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/datodel/);
  });
  it("accepts 29 February in a leap year", () => {
    expect(parseCpr("290224-4234")).toMatchObject({ ok: true, birthDate: "2024-02-29" });
    expect(parseCpr("290224-1234")).toMatchObject({ ok: true, birthDate: "1924-02-29" });
  });
  it.each(["", "010180", "010180-123", "010180-12345", "01018012345", "0101-801234", "010180 1234", "01O180-1234", "abcdefghij", "010180--1234"])(
    "rejects the malformed %j with a Danish message",
    (cpr) => {
      const r = parseCpr(cpr);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/CPR-nummeret/);
    },
  );
  it("masks the sequence number", () => {
    expect(maskCpr("010180-1234")).toBe("010180-xxxx");
    expect(maskCpr("0101801234")).toBe("010180-xxxx");
    expect(maskCpr("nonsense")).toBe("xxxxxx-xxxx");
  });
});

describe("syntheticCpr", () => {
  it("is deterministic for a seed", () => {
    const a = Array.from({ length: 5 }, ((r) => () => syntheticCpr(r))(createPrng(42)));
    const b = Array.from({ length: 5 }, ((r) => () => syntheticCpr(r))(createPrng(42)));
    expect(a).toEqual(b);
  });
  it("never 1 January, always fails modulus 11, and parses back to the same birth date and sex", () => {
    const rng = createPrng(7);
    for (let i = 0; i < 3000; i++) {
      const s = syntheticCpr(rng, { birthFrom: "1858-01-01", birthTo: "2057-12-31" });
      const ymd = toYmd(parseDate(s.birthDate));
      expect(ymd.month === 1 && ymd.day === 1).toBe(false);
      expect(passesModulus11(s.cpr)).toBe(false);
      const p = parseCpr(s.cpr);
      expect(p).toMatchObject({ ok: true, birthDate: s.birthDate, sex: s.sex });
    }
  });
  it("honours a given birth date and sex, and refuses 1 January", () => {
    const s = syntheticCpr(createPrng(1), { birthDate: "2004-03-02", sex: "female" });
    expect(s).toMatchObject({ birthDate: "2004-03-02", sex: "female" });
    expect(() => syntheticCpr(createPrng(1), { birthDate: "1980-01-01" })).toThrow(RangeError);
  });
});
