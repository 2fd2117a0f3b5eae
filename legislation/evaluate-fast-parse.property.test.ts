import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEvaluateInputSlow } from "./evaluate";
import { validInput } from "./evaluate.arbitraries.test-helper";
import { EvaluateInputSchema } from "./evaluate-schema";
import { fastParseEvaluateInput } from "./evaluate-fast-parse";
import { CONVERSATION_MODES, INTERVENTION_KINDS, PERIOD_KINDS } from "./parameters/kinds";

/** The fast path must agree with zod: never accept what zod rejects, and return zod's output. */
function agree(input: unknown) {
  const fast = fastParseEvaluateInput(input);
  const z = EvaluateInputSchema.safeParse(input);
  if (fast !== null) {
    expect(z.success, JSON.stringify(input)).toBe(true);
    if (z.success) expect(fast).toEqual(z.data);
    expect(parseEvaluateInputSlow(input)).toEqual({ ok: true, value: z.success ? z.data : null });
  }
  return { fast, zod: z.success };
}

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const dateish = fc.oneof(
  fc.constantFrom("2022-03-01", "2024-02-29", "2023-02-29", "2022-13-01", "2022-3-1", "", "２０２２-03-01", "2022-03-01 ", "2022/03/01"),
  fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const weird = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.boolean(), fc.constant([]), fc.constant({}), fc.double());
const anyOf = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: a }, { weight: 1, arbitrary: weird });

const input = fc.record(
  {
    asOf: anyOf(dateish),
    citizen: anyOf(fc.record({ birthDate: maybe(anyOf(dateish)), cpr: maybe(anyOf(fc.string())), wishesNewForloeb: maybe(anyOf(fc.boolean())), extra: maybe(fc.string()) })),
    forloeb: maybe(
      anyOf(
        fc.array(
          anyOf(
            fc.record({
              id: anyOf(fc.string({ maxLength: 3 })),
              start: anyOf(dateish),
              plannedEnd: anyOf(dateish),
              decidedOn: maybe(anyOf(dateish)),
              decidedEnd: maybe(anyOf(dateish)),
              citizenWished: maybe(anyOf(fc.boolean())),
              nextStepDecidedOn: maybe(anyOf(dateish)),
              endedOn: maybe(anyOf(dateish)),
              igException: maybe(anyOf(fc.record({ reason: anyOf(fc.constantFrom("", "  ", " grund ", "x")), recordedOn: maybe(anyOf(dateish)) }))),
            }),
          ),
          { maxLength: 3 },
        ),
      ),
    ),
    periods: maybe(anyOf(fc.array(anyOf(fc.record({ kind: anyOf(fc.constantFrom(...PERIOD_KINDS, "holiday")), from: anyOf(dateish), to: anyOf(dateish) })), { maxLength: 3 }))),
    interventions: maybe(
      anyOf(
        fc.array(
          anyOf(
            fc.record({
              id: maybe(anyOf(fc.string())),
              kind: anyOf(fc.constantFrom(...INTERVENTION_KINDS, "lab99")),
              start: anyOf(dateish),
              end: maybe(anyOf(dateish)),
              inPlan: anyOf(fc.boolean()),
              offeredOn: maybe(anyOf(dateish)),
              skNoticeOn: maybe(anyOf(dateish)),
              concreteAssessment: maybe(anyOf(fc.string())),
              placement: maybe(
                anyOf(
                  fc.record({
                    focus: maybe(anyOf(fc.array(anyOf(fc.constantFrom("ordinaryHours", "cvCompetences", "clarification", "fun"))))),
                    hoursPerDay: maybe(anyOf(fc.oneof(fc.double(), fc.integer({ min: -2, max: 30 })))),
                    shortHoursReason: maybe(anyOf(fc.constantFrom("citizenWish", "startUpWithDevelopment", "retentionDuringPoorHealth", "x"))),
                    initialWeeks: maybe(anyOf(fc.oneof(fc.integer({ min: -1, max: 600 }), fc.double()))),
                    extensions: maybe(anyOf(fc.array(anyOf(fc.record({ weeks: anyOf(fc.integer({ min: 0, max: 530 })), assessment: maybe(anyOf(fc.string())), specialNeed: maybe(anyOf(fc.boolean())) })), { maxLength: 2 }))),
                  }),
                ),
              ),
            }),
          ),
          { maxLength: 3 },
        ),
      ),
    ),
    conversations: maybe(anyOf(fc.array(anyOf(fc.record({ date: anyOf(dateish), mode: anyOf(fc.constantFrom(...CONVERSATION_MODES, "fax")), held: anyOf(fc.boolean()), nextAgreed: maybe(anyOf(fc.boolean())) })), { maxLength: 4 }))),
    settings: maybe(anyOf(fc.record({ teamLeadWeeks: maybe(anyOf(fc.integer({ min: -1, max: 110 }))) }))),
  },
  { requiredKeys: [] },
);

describe("fast parse agrees with zod (properties)", () => {
  it("on structured random input (mostly invalid)", () => {
    fc.assert(
      fc.property(input, (i) => {
        // Through JSON, as requests arrive (drops undefined values).
        agree(JSON.parse(JSON.stringify(i)));
      }),
      { numRuns: 3000 },
    );
  });
  it("on valid input: always accepted, with zod's output", () => {
    fc.assert(
      fc.property(validInput, (i) => {
        const r = agree(JSON.parse(JSON.stringify(i)));
        expect(r.fast).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });
  it("on anything", () => {
    fc.assert(fc.property(fc.anything(), (i) => void agree(i)), { numRuns: 1000 });
  });
  it("accepts what zod accepts for plain valid input", () => {
    const ok = { asOf: "2022-09-15", citizen: { birthDate: "1980-01-01" }, forloeb: [{ id: "F", start: "2022-03-01", plannedEnd: "2024-02-29", igException: { reason: " x " } }] };
    expect(agree(ok).fast).not.toBeNull();
    expect(fastParseEvaluateInput(ok)?.forloeb[0]?.igException?.reason).toBe("x");
  });
});
