import fc from "fast-check";
import { addDays, formatDate, fromYmd } from "./dates";
import { CONVERSATION_MODES, INTERVENTION_KINDS, PERIOD_KINDS } from "./parameters/kinds";

/** fast-check arbitraries for evaluate inputs, shared by the property tests (test code only). */

const dayIn = (fromY: number, toY: number) => fc.integer({ min: fromYmd(fromY, 1, 1), max: fromYmd(toY, 12, 31) });
export const iso = (fromY: number, toY: number) => dayIn(fromY, toY).map(formatDate);
const span = (fromY: number, toY: number, maxLen: number) =>
  fc.tuple(dayIn(fromY, toY), fc.integer({ min: 0, max: maxLen })).map(([a, n]) => [formatDate(a), formatDate(addDays(a, n))] as const);

/** Valid evaluate inputs: any shape the contract allows, dates across every regime. */
export const validInput = fc.record(
  {
    asOf: iso(2013, 2032),
    citizen: fc.oneof(
      fc.record({ birthDate: iso(1945, 2005), wishesNewForloeb: fc.boolean() }, { requiredKeys: ["birthDate"] }),
      fc.constant({ cpr: "150962-1235" }),
    ),
    forloeb: fc.array(
      fc.record(
        {
          id: fc.uuid(),
          span: span(2013, 2030, 2200),
          decidedOn: iso(2012, 2030),
          decidedEnd: iso(2013, 2035),
          citizenWished: fc.boolean(),
          nextStepDecidedOn: iso(2013, 2035),
          endedOn: iso(2013, 2035),
          igException: fc.record({ reason: fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0) }),
        },
        { requiredKeys: ["id", "span"] },
      ),
      { maxLength: 4 },
    ),
    periods: fc.array(fc.record({ kind: fc.constantFrom(...PERIOD_KINDS), span: span(2010, 2032, 500) }), { maxLength: 6 }),
    interventions: fc.array(
      fc.record(
        {
          kind: fc.constantFrom(...INTERVENTION_KINDS),
          span: span(2010, 2032, 400),
          withEnd: fc.boolean(),
          inPlan: fc.boolean(),
          offeredOn: iso(2010, 2032),
          skNoticeOn: iso(2010, 2032),
          skRequestedOn: iso(2010, 2032),
          skDecidedOn: iso(2010, 2032),
          concreteAssessment: fc.string(),
          placement: fc.record(
            {
              focus: fc.array(fc.constantFrom("ordinaryHours", "cvCompetences", "clarification")),
              hoursPerDay: fc.double({ min: 0, max: 24, noNaN: true }),
              initialWeeks: fc.integer({ min: 1, max: 52 }),
              extensions: fc.array(fc.record({ weeks: fc.integer({ min: 1, max: 30 }), specialNeed: fc.boolean() }), { maxLength: 3 }),
            },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: ["kind", "span", "inPlan"] },
      ),
      { maxLength: 6 },
    ),
    conversations: fc.array(
      fc.record({ date: iso(2012, 2032), mode: fc.constantFrom(...CONVERSATION_MODES), held: fc.boolean(), nextAgreed: fc.boolean() }, { requiredKeys: ["date", "mode", "held"] }),
      { maxLength: 8 },
    ),
    settings: fc.record({ teamLeadWeeks: fc.integer({ min: 0, max: 104 }) }),
  },
  { requiredKeys: ["asOf", "citizen", "forloeb", "periods", "interventions", "conversations"] },
).map((r) => {
  const ids = new Set<string>();
  return {
    ...r,
    citizen: "birthDate" in r.citizen && r.citizen.birthDate > r.asOf ? { ...r.citizen, birthDate: "1960-05-05" } : r.citizen,
    forloeb: r.forloeb
      .filter((f) => (ids.has(f.id) ? false : (ids.add(f.id), true)))
      .map(({ span: [start, plannedEnd], ...f }) => ({
        ...f,
        start,
        plannedEnd,
        ...(f.decidedEnd !== undefined && f.decidedEnd < start ? { decidedEnd: plannedEnd } : {}),
      })),
    periods: r.periods.map(({ span: [from, to], kind }) => ({ kind, from, to })),
    interventions: r.interventions.map(({ span: [start, end], withEnd, ...i }) => ({ ...i, start, ...(withEnd ? { end } : {}) })),
  };
});

