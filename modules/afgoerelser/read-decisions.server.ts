import { isValidDate, parseDate } from "~/legislation";
import type { CaseView } from "~/modules/cases/index.server";
import { can } from "~/platform/auth/permissions";
import type { CaseAccess } from "~/platform/case-access";
import type { UseCaseContext } from "~/platform/context";
import type { Queryable } from "~/platform/db/client.server";
import type { DecisionKind, DecisionView, IndstillingView, RefusalGround } from "./afgoerelse";
import { latestIndstilling } from "~/modules/rehabiliteringsteam/index.server";
import { decisionsOfCase } from "./afgoerelser.db.server";
import { allowedKinds, newForloebPreview, p6Refusal, statusMessage } from "./decision-rules";

function inputsOf(explanation: unknown): Record<string, unknown> {
  const inputs = (explanation as { inputs?: unknown } | null)?.inputs;
  return inputs && typeof inputs === "object" ? (inputs as Record<string, unknown>) : {};
}

/** The case's afgørelser, oldest first, for a case read that was already audited (the CaseAccess proves it). */
export async function decisionsOf(db: Queryable, access: CaseAccess): Promise<DecisionView[]> {
  const rows = await decisionsOfCase(db, access.caseId);
  return rows.map((r) => {
    const inputs = inputsOf(r.explanation);
    return {
      id: r.id,
      caseId: r.caseId,
      kind: r.kind as DecisionKind,
      decidedOn: r.decidedOn,
      startDate: r.startDate,
      endDate: r.endDate,
      months: r.months,
      reasons: r.reasons,
      grounds: Array.isArray(inputs.grounds) ? (inputs.grounds as RefusalGround[]) : [],
      answerToApplication: typeof inputs.answerToApplication === "string" ? inputs.answerToApplication : null,
      deviatesFromIndstilling: r.deviatesFromIndstilling,
      citizenWished: r.citizenWished,
      indstillingId: r.indstillingId,
      decidedBy: { id: r.decidedById, name: r.decidedByName },
      letter: r.letterId
        ? { id: r.letterId, status: r.outboxStatus, sentAt: r.outboxSentAt, attempts: r.outboxAttempts }
        : null,
      explanation: r.explanation,
      createdAt: r.createdAt,
    };
  });
}

/** The team's latest indstilling on the case and the purpose of its agenda item (P-3), from the team module. */
export async function indstillingOf(db: Queryable, access: CaseAccess): Promise<IndstillingView | null> {
  return latestIndstilling(db, access);
}

/**
 * Everything the decision page shows besides the form: the indstilling, what the rules say about a new forløb
 * starting today (with its explanation), which decisions the status allows, whether P-6 stops this user, and
 * the decisions already made with their letters' outbox status.
 */
export async function decisionOverview(ctx: UseCaseContext, view: CaseView) {
  const indstilling = await indstillingOf(ctx.db, view.access);
  const decisions = await decisionsOf(ctx.db, view.access);
  const earlierForloeb = view.forloeb.filter((f) => f.caseId !== view.case.id);
  const preview = newForloebPreview({
    on: view.asOf,
    birthDate: view.citizen.birthDate,
    earlierForloeb,
    wishes: view.case.citizenWishesForloeb,
  });
  const kinds = allowedKinds(view.case.status, view.case.origin);
  const p6 = p6Refusal({
    coordinator: view.coordinator
      ? { userId: view.coordinator.userId, name: view.coordinator.name, unitKind: view.coordinator.unitKind }
      : null,
    decider: { type: ctx.actor.type, id: ctx.actor.id, name: ctx.actor.name },
  });
  // P-4: the decision is made as soon as possible after the indstilling; the page shows how long it has waited.
  const daysSinceIndstilling =
    indstilling?.meetingDate && isValidDate(indstilling.meetingDate)
      ? parseDate(view.asOf) - parseDate(indstilling.meetingDate)
      : null;
  return {
    indstilling,
    daysSinceIndstilling,
    decisions,
    preview: { value: preview.value, explanation: preview.explanation },
    kinds,
    canDecide: can(ctx.actor, "decision.make"),
    p6Refusal: p6,
    statusMessage: statusMessage(view.case.status, view.case.origin),
  };
}
