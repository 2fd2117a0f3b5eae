import { currentCoordinator, findCase } from "~/modules/cases/index.server";
import { storeLetter } from "~/modules/letters/index.server";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { CaseAccess } from "~/platform/case-access";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import type { Queryable } from "~/platform/db/client.server";
import { isUuid } from "~/platform/validation";
import { renderPlanPdf, type PlanLetterhead } from "./plan-pdf.server";
import { citizenNameOfCase, findPlan, findRevision, forloebOfCase, type CaseScope } from "./plan.db.server";

async function letterhead(db: Queryable, scope: CaseScope, municipalityName: string): Promise<PlanLetterhead | null> {
  const citizenName = await citizenNameOfCase(db, scope);
  if (!citizenName) return null;
  const coordinator = await currentCoordinator(db, scope.caseId);
  const f = await forloebOfCase(db, scope);
  return {
    municipalityName,
    citizenName,
    coordinator: coordinator ? { name: coordinator.name, unit: coordinator.unit, email: coordinator.email } : null,
    forloeb: f ? { startDate: f.startDate, plannedEnd: f.plannedEnd } : null,
    printedOn: today(),
  };
}

async function revisionOf(db: Queryable, scope: CaseScope, revision: number | null) {
  const plan = await findPlan(db, scope);
  if (!plan || plan.currentRevision === 0) return null;
  const n = revision ?? plan.currentRevision;
  if (!Number.isInteger(n) || n < 1 || n > plan.currentRevision) return null;
  return findRevision(db, plan.id, n);
}

/**
 * The PDF of the current (or a chosen) revision, for a case whose read was audited by readCase.
 * Null when there is no such revision.
 */
export async function printPlan(
  db: Queryable,
  access: CaseAccess,
  municipalityName: string,
  revision: number | null = null,
): Promise<{ pdf: Buffer; revision: number } | null> {
  const scope = { municipalityId: access.municipalityId, caseId: access.caseId };
  const rev = await revisionOf(db, scope, revision);
  const head = rev ? await letterhead(db, scope, municipalityName) : null;
  if (!rev || !head) return null;
  return { pdf: await renderPlanPdf(rev, head), revision: rev.revision };
}

export type SendPlanResult =
  | { ok: true; letterId: string; revision: number }
  | { ok: false; reason: "NOT_FOUND" | "NO_PLAN" };

/**
 * "Send planen til borgeren" (002 §5.3: the citizen should be handed the plan): stores the revision's PDF as a
 * letter of kind "plan" and queues it in the outbox, in one transaction with the audit event.
 */
export async function sendPlanToCitizen(
  ctx: UseCaseContext,
  caseId: string,
  revision: number | null = null,
): Promise<SendPlanResult> {
  assertCan(ctx.actor, "plan.write");
  if (!isUuid(caseId)) return { ok: false, reason: "NOT_FOUND" };
  const scope = { municipalityId: ctx.actor.municipalityId, caseId };
  const c = await findCase(ctx.db, { municipalityId: scope.municipalityId }, caseId);
  if (!c) return { ok: false, reason: "NOT_FOUND" };
  // Revisions never change, so the PDF is rendered before the transaction and the transaction stays short.
  const rev = await revisionOf(ctx.db, scope, revision);
  const head = rev ? await letterhead(ctx.db, scope, ctx.actor.municipalityName) : null;
  if (!rev || !head) return { ok: false, reason: "NO_PLAN" };
  const pdf = await renderPlanPdf(rev, head);
  return ctx.db.transaction(async (tx) => {
    const letterId = await storeLetter(tx, ctx, {
      municipalityId: c.municipalityId,
      citizenId: c.citizenId,
      caseId: c.id,
      kind: "plan",
      title: `Din plan: rehabiliteringsplanens indsatsdel, revision ${rev.revision}`,
      pdf,
      createdBy: ctx.actor.type === "user" ? ctx.actor.id : null,
    });
    await recordAudit(tx, ctx, {
      action: "plan.send",
      citizenId: c.citizenId,
      entityType: "case",
      entityId: c.id,
      changes: { revision: { before: null, after: rev.revision }, letterId: { before: null, after: letterId } },
    });
    return { ok: true, letterId, revision: rev.revision } as const;
  });
}
