import { describe, expect, it } from "vitest";
import * as z from "zod";
import { citationText } from "./citation";
import { formatIssuePath, safeParseDanish } from "./input-issues";

describe("input issues", () => {
  it("formats JSON paths", () => {
    expect(formatIssuePath([])).toBe("");
    expect(formatIssuePath(["asOf"])).toBe("asOf");
    expect(formatIssuePath(["forloeb", 0, "start"])).toBe("forloeb[0].start");
    expect(formatIssuePath(["a", 1, 2, "b", "c"])).toBe("a[1][2].b.c");
  });
  it("gives Danish messages for missing fields, wrong types, unknown values and dates", () => {
    const s = z.object({ d: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), k: z.enum(["a", "b"]), n: z.number().min(1), t: z.string().min(1) });
    const r = safeParseDanish(s, { d: "1/1/2022", k: "c", n: 0, t: "" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toEqual([
        { path: "d", message: 'Ugyldig dato "1/1/2022": skal have formen ÅÅÅÅ-MM-DD' },
        { path: "k", message: 'Ukendt værdi "c"; tilladte værdier: "a", "b"' },
        { path: "n", message: "Tallet skal være mindst 1" },
        { path: "t", message: "Feltet må ikke være tomt" },
      ]);
    }
    const missing = safeParseDanish(s, { d: 5 });
    expect(missing.ok ? [] : missing.issues.map((i) => i.message)).toEqual([
      "Forkert type: forventede tekst, fik tal",
      'Feltet mangler; tilladte værdier: "a", "b"',
      "Feltet mangler",
      "Feltet mangler",
    ]);
  });
});

describe("citation text", () => {
  it("names the skrivelse section and marks unverified values", () => {
    expect(citationText({ law: "LAB", paragraph: "§ 113, stk. 2", source: "STAR, Skrivelse ... (seed 002) §6.3, §9; x" })).toBe(
      "LAB § 113, stk. 2 (skrivelse 10112 §6.3, §9)",
    );
    expect(citationText({ law: "Retssikkerhedsloven", paragraph: "§ 67", source: "ast.dk", verified: false })).toBe("Retssikkerhedsloven § 67 [ikke verificeret]");
  });
});
