import { evaluate, type EvaluateOutput } from "~/legislation";

export interface VisitationFacts {
  asOf: string;
  birthDate: string;
  wishesNewForloeb: boolean;
  /** Earlier and current forløb of the citizen, oldest first. */
  forloeb: { id: string; startDate: string; plannedEnd: string; decidedOn: string }[];
}

/**
 * What the rules say about a new forløb for this citizen today: senior rule (TG-6), phase-out (TG-10) and the
 * allowed duration (D-1, D-2), with the explanation trees for the "why" panels.
 */
export function visitationFindings(f: VisitationFacts): EvaluateOutput {
  return evaluate({
    asOf: f.asOf,
    citizen: { birthDate: f.birthDate, wishesNewForloeb: f.wishesNewForloeb },
    forloeb: f.forloeb.map((x) => ({ id: x.id, start: x.startDate, plannedEnd: x.plannedEnd, decidedOn: x.decidedOn })),
    periods: [],
    interventions: [],
    conversations: [],
  } as Parameters<typeof evaluate>[0]);
}
