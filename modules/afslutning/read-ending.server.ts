import { evaluate, grantAllowed, parseDate, type Explanation, type Finding } from "~/legislation";
import { CASE_STATUSES, type CaseStatus } from "~/modules/cases";
import { currentCoordinator, findCase, type CaseView } from "~/modules/cases/index.server";
import { caseDeadlines, settingsOf, type DeadlineView } from "~/modules/frister/index.server";
import { can } from "~/platform/auth/permissions";
import type { CaseAccess } from "~/platform/case-access";
import type { UseCaseContext } from "~/platform/context";
import type { Queryable } from "~/platform/db/client.server";
import {
  endingFactsOf,
  FORLOEB_STATUS_LABELS,
  forloebPhase,
  p6Refusal,
  statusAfter3MonthsFrom,
  type EndingFacts,
  type ForloebPhase,
  type ForloebPhaseStatus,
} from "./afslutning";
import { barselOfCase, forloebOfCase, letterStatus } from "./afslutning.db.server";

export interface EndingOverview {
  asOf: string;
  forloeb: {
    id: string;
    version: number;
    startDate: string;
    plannedEnd: string;
    decidedOn: string;
    nextStep: string | null;
    nextStepDecidedOn: string | null;
    endedOn: string | null;
    outcome: string | null;
    statusAfter3Months: string | null;
  } | null;
  phase: ForloebPhase | null;
  facts: EndingFacts;
  deadlines: DeadlineView[];
  newCase: { id: string; status: string; statusLabel: string } | null;
  letter: { id: string; title: string; status: string | null; sentAt: Date | null } | null;
  /** What a new forløb after this one may be (D-2, TG-6, TG-10), for the choice of next step. */
  newForloebRule: {
    allowed: boolean;
    start: string;
    minMonths: number;
    maxMonths: number;
    maxMonthsWithWish: number;
    requiresCitizenWish: boolean;
    findings: Finding[];
    explanation: Explanation;
  } | null;
  statusAfter3MonthsFrom: string | null;
  canWrite: boolean;
  canDecide: boolean;
  p6Refusal: string | null;
}

/**
 * Everything the Afslutning page shows, for a case read that was already audited (the CaseView proves it): the
 * forløb's dates and phase (D-4, D-5, D-6), the stored D-6 deadline, the facts of the next step and the ending, the
 * new case of a new forløb, the E-4 letter, the rules about a new forløb, and when ST-7 can be recorded.
 */
export async function endingOverview(ctx: UseCaseContext, view: CaseView): Promise<EndingOverview> {
  const db = ctx.db;
  const scope = { municipalityId: view.access.municipalityId };
  const asOf = view.asOf;
  const f = await forloebOfCase(db, scope, view.case.id);
  const base = {
    asOf,
    canWrite: can(ctx.actor, "case.write"),
    canDecide: can(ctx.actor, "decision.make"),
    deadlines: (await caseDeadlines(db, view.access)).filter((d) => d.kind === "forloebEnding"),
  };
  if (!f) {
    return {
      ...base,
      forloeb: null,
      phase: null,
      facts: {},
      newCase: null,
      letter: null,
      newForloebRule: null,
      statusAfter3MonthsFrom: null,
      p6Refusal: null,
    };
  }
  const settings = await settingsOf(db, scope.municipalityId);
  const phase = forloebPhase(
    {
      id: f.id,
      startDate: f.startDate,
      plannedEnd: f.plannedEnd,
      nextStepDecidedOn: f.nextStepDecidedOn,
      endedOn: f.endedOn,
    },
    await barselOfCase(db, f.caseId),
    asOf,
    settings.teamLeadWeeks,
  );
  const facts = endingFactsOf(f.endingFacts);
  const newCaseId = facts.nextStep?.newCaseId ?? null;
  const next = newCaseId ? await findCase(db, scope, newCaseId) : null;
  const letter = facts.lackOfParticipation
    ? await letterStatus(db, scope.municipalityId, facts.lackOfParticipation.letterId)
    : null;

  // The rules about a new forløb after this one: D-2 limits and TG-6 from the evaluate contract, TG-10 on today.
  const ev = evaluate({
    asOf,
    citizen: { birthDate: view.citizen.birthDate },
    forloeb: view.forloeb.map((x) => ({
      id: x.id,
      start: x.startDate,
      plannedEnd: x.plannedEnd,
      decidedOn: x.decidedOn,
    })),
    periods: [],
    interventions: [],
    conversations: [],
  } as Parameters<typeof evaluate>[0]);
  const nf = ev.nextForloeb ?? ev.newForloeb;
  const tg10 = grantAllowed({ decisionDate: parseDate(asOf) }, parseDate(asOf), f.id);
  const coordinator = await currentCoordinator(db, f.caseId);

  return {
    ...base,
    forloeb: {
      id: f.id,
      version: f.version,
      startDate: f.startDate,
      plannedEnd: f.plannedEnd,
      decidedOn: f.decidedOn,
      nextStep: f.nextStep,
      nextStepDecidedOn: f.nextStepDecidedOn,
      endedOn: f.endedOn,
      outcome: f.outcome,
      statusAfter3Months: f.statusAfter3Months,
    },
    phase,
    facts,
    newCase: next
      ? { id: next.id, status: next.status, statusLabel: CASE_STATUSES[next.status as CaseStatus] ?? next.status }
      : null,
    letter: letter ? { id: letter.id, title: letter.title, status: letter.status, sentAt: letter.sentAt } : null,
    newForloebRule: {
      allowed: nf.allowed && tg10.value.allowed,
      start: nf.start,
      minMonths: nf.minMonths,
      maxMonths: nf.maxMonths,
      maxMonthsWithWish: nf.maxMonthsWithWish,
      requiresCitizenWish: nf.requiresCitizenWish,
      findings: [...tg10.value.findings],
      explanation: {
        ruleId: "D-2",
        title: "Et nyt ressourceforløb efter dette",
        citations: [],
        inputs: { start: nf.start, asOf },
        parameters: [],
        result: { allowed: nf.allowed && tg10.value.allowed, maxMonths: nf.maxMonths },
        children: [tg10.explanation, ...(ev.explanations.length > 0 ? [ev.explanations.at(-1)!] : [])],
      },
    },
    statusAfter3MonthsFrom: f.endedOn ? statusAfter3MonthsFrom(f.endedOn) : null,
    p6Refusal: p6Refusal(ctx.actor, coordinator),
  };
}

/**
 * The forløb's phase for a case header: "Fortsætter, indtil næste skridt er besluttet (D-5)" after the end date
 * without a decided next step. Null when the case has no forløb. For pages whose case read was audited.
 */
export async function forloebPhaseOf(
  db: Queryable,
  access: CaseAccess,
  asOf: string,
  known?: { settings?: Awaited<ReturnType<typeof settingsOf>> },
): Promise<{ status: ForloebPhaseStatus; label: string; effectiveEnd: string } | null> {
  // The forløb, the settings (unless the page has them) and the barsel periods are independent reads.
  const [f, settings, barsel] = await Promise.all([
    forloebOfCase(db, { municipalityId: access.municipalityId }, access.caseId),
    known?.settings ?? settingsOf(db, access.municipalityId),
    barselOfCase(db, access.caseId),
  ]);
  if (!f) return null;
  const phase = forloebPhase(
    {
      id: f.id,
      startDate: f.startDate,
      plannedEnd: f.plannedEnd,
      nextStepDecidedOn: f.nextStepDecidedOn,
      endedOn: f.endedOn,
    },
    barsel,
    asOf,
    settings.teamLeadWeeks,
  );
  return { status: phase.status, label: FORLOEB_STATUS_LABELS[phase.status], effectiveEnd: phase.effectiveEnd };
}
