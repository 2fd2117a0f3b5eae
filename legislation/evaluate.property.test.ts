import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EvaluateOutputSchema, evaluateUnknown, parseEvaluateInput } from "./evaluate";
import { iso, validInput } from "./evaluate.arbitraries.test-helper";
import { parseYdelseInput, ydelseUnknown } from "./ydelse";

describe("evaluate (properties)", () => {
  it("never throws on valid generated input, and the output fits the schema", () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const p = parseEvaluateInput(input);
        if (!p.ok) throw new Error(`generator produced invalid input: ${JSON.stringify(p.issues)}`);
        const r = evaluateUnknown(input);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(EvaluateOutputSchema.safeParse(r.value).success).toBe(true);
          for (const f of r.value.forloeb) {
            expect(f.effectiveEnd >= f.plannedEnd).toBe(true);
            if (f.indsatsgaranti.status === "notApplicable" || f.indsatsgaranti.status === "exempt") expect(f.indsatsgaranti.deadline).toBeNull();
            else expect(f.indsatsgaranti.deadline).not.toBeNull();
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("random invalid input always gives issues with a path and a message, never throws", () => {
    const junk = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(null));
    const broken = fc.oneof(
      junk,
      fc.record({ asOf: junk, citizen: junk }),
      validInput.chain((v) =>
        fc.oneof(
          fc.constant({ ...v, asOf: "2023-02-29" }),
          fc.constant({ ...v, citizen: {} }),
          fc.constant({ ...v, periods: [...v.periods, { kind: "holiday", from: "2022-01-01", to: "2022-01-02" }] }),
          fc.constant({ ...v, forloeb: [...v.forloeb, { id: "x", start: "2022-05-01", plannedEnd: "2022-04-30" }] }),
          junk.map((j) => ({ ...v, interventions: [j] })),
          junk.map((j) => ({ ...v, conversations: j })),
        ),
      ),
    );
    fc.assert(
      fc.property(broken, (input) => {
        const r = evaluateUnknown(input);
        if (r.ok) return; // fc.anything() may by chance produce valid input; that is fine
        expect(r.issues.length).toBeGreaterThan(0);
        for (const i of r.issues) {
          expect(typeof i.path).toBe("string");
          expect(i.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("ydelse: never throws, on valid or invalid input", () => {
    const input = fc.record({
      month: fc.oneof(fc.integer({ min: 2013, max: 2030 }).chain((y) => fc.integer({ min: 1, max: 12 }).map((m) => `${y}-${String(m).padStart(2, "0")}`)), fc.string()),
      citizen: fc.oneof(fc.record({ birthDate: iso(1950, 2012) }), fc.anything()),
      forsoerger: fc.oneof(fc.boolean(), fc.anything()),
      livingWithParents: fc.boolean(),
      previousBenefit: fc.constantFrom("sygedagpenge", "kontanthjaelp", "ledighedsydelse", "foertidspension", "andet", "x"),
      sygedagpengeEnd: fc.oneof(fc.constant(null), iso(2012, 2031)),
      incomes: fc.array(fc.record({ kind: fc.constantFrom("wage", "feriegodtgoerelse", "other"), amount: fc.double({ min: 0, max: 1e6, noNaN: true }) }), { maxLength: 4 }),
      offerHours: fc.integer({ min: 0, max: 200 }),
    });
    fc.assert(
      fc.property(input, (i) => {
        const r = ydelseUnknown(i);
        if (r.ok) {
          if (r.value.payable !== null) expect(r.value.payable).toBeGreaterThanOrEqual(0);
        } else {
          expect(r.issues.length).toBeGreaterThan(0);
          expect(parseYdelseInput(i).ok).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });
});
