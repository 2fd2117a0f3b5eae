import { recomputeDeadlines } from "~/modules/frister/index.server";
import { randomUUID } from "node:crypto";
import type { CaseStatus } from "~/modules/cases";
import { findCase } from "~/modules/cases/index.server";
import { diffFields } from "~/platform/audit/audit-event";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { UseCaseContext } from "~/platform/context";
import type { Queryable } from "~/platform/db/client.server";
import { fieldErrorsFrom, isUuid, type FieldErrors } from "~/platform/validation";
import { auditShape, PlanInput, samePlan, toContent, type CurrentPlan, type PlanContent } from "./plan";
import { diffPlans, type PlanChange } from "./plan-diff";
import {
  advancePlanIfVersion,
  findPlan,
  findRevision,
  forloebOfCase,
  insertPlan,
  insertRevision,
  type CaseScope,
} from "./plan.db.server";

export type RevisePlanResult =
  | { ok: true; revision: number; version: number; changes: PlanChange[] }
  | { ok: false; reason: "INVALID"; errors: FieldErrors }
  /** Someone saved a revision after the user opened the plan: nothing is written. */
  | { ok: false; reason: "CONFLICT"; current: CurrentPlan | null; changes: PlanChange[] }
  | { ok: false; reason: "UNCHANGED" }
  | { ok: false; reason: "NOT_GRANTED"; status: CaseStatus }
  | { ok: false; reason: "NOT_FOUND" };

async function loadCurrent(db: Queryable, scope: CaseScope): Promise<CurrentPlan | null> {
  const plan = await findPlan(db, scope);
  if (!plan || plan.currentRevision === 0) return null;
  const rev = await findRevision(db, plan.id, plan.currentRevision);
  return rev ? { ...rev, planId: plan.id, caseId: plan.caseId, version: plan.version } : null;
}

/**
 * Saves a new revision of the indsatsdel (PL-1..PL-7). Every save is a new, immutable revision in plan_revisions,
 * written in one transaction with the audit event; plans.version is the optimistic lock (version 0: no plan yet).
 * Only a case with a granted forløb has a plan.
 */
export async function revisePlan(ctx: UseCaseContext, caseId: string, raw: unknown): Promise<RevisePlanResult> {
  assertCan(ctx.actor, "plan.write");
  const parsed = PlanInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  if (!isUuid(caseId)) return { ok: false, reason: "NOT_FOUND" };
  const scope = { municipalityId: ctx.actor.municipalityId, caseId };

  return ctx.db.transaction(async (tx): Promise<RevisePlanResult> => {
    const c = await findCase(tx, { municipalityId: scope.municipalityId }, caseId);
    if (!c) return { ok: false, reason: "NOT_FOUND" };
    if (c.status !== "granted" || !(await forloebOfCase(tx, scope))) {
      return { ok: false, reason: "NOT_GRANTED", status: c.status };
    }

    const conflict = async (): Promise<RevisePlanResult> => {
      const current = await loadCurrent(tx, scope);
      // What the user typed, matched against what is saved now, so the page can show the differences.
      const yours = toContent(input, current?.content ?? null, randomUUID);
      return { ok: false, reason: "CONFLICT", current, changes: diffPlans(current?.content ?? null, yours) };
    };

    let plan = await findPlan(tx, scope);
    if (!plan) {
      if (input.version !== 0) return conflict();
      plan = await insertPlan(tx, caseId);
      if (!plan) return conflict();
    } else if (plan.version !== input.version) {
      return conflict();
    }

    const previous = plan.currentRevision > 0 ? await findRevision(tx, plan.id, plan.currentRevision) : null;
    const content: PlanContent = toContent(input, previous?.content ?? null, randomUUID);
    if (previous && samePlan(previous.content, content) && !input.changeNote) return { ok: false, reason: "UNCHANGED" };

    const revision = plan.currentRevision + 1;
    const version = await advancePlanIfVersion(tx, plan.id, plan.version, revision);
    if (version === null) return conflict();
    await insertRevision(tx, {
      planId: plan.id,
      revision,
      content,
      changeNote: input.changeNote,
      createdBy: ctx.actor.type === "user" ? ctx.actor.id : null,
    });
    await recordAudit(tx, ctx, {
      action: "plan.revise",
      citizenId: c.citizenId,
      entityType: "plan",
      entityId: plan.id,
      changes: {
        revision: { before: previous ? previous.revision : null, after: revision },
        ...(input.changeNote ? { changeNote: { before: null, after: input.changeNote } } : {}),
        ...diffFields(auditShape(previous?.content ?? null), auditShape(content)),
      },
    });
    // The deadlines move with this change, in the same transaction.
    await recomputeDeadlines(tx, c.id);
    return { ok: true, revision, version, changes: diffPlans(previous?.content ?? null, content) };
  });
}
