import type { CaseAccess } from "~/platform/case-access";
import type { Queryable } from "~/platform/db/client.server";
import type { CurrentPlan, PlanRevision, PlanRevisionListItem } from "./plan";
import { findCurrentRevision, findPlan, findRevision, listRevisions } from "./plan.db.server";

/*
 * Case-scoped reads of the plan. They take the CaseAccess that readCase (modules/cases) minted, which checked the
 * municipality and wrote the access event, so the page's single audited read covers them.
 */

const scopeOf = (access: CaseAccess) => ({ municipalityId: access.municipalityId, caseId: access.caseId });

/**
 * The current revision of the case's indsatsdel: goal, delmål, interventions with their stable ids, follow-up,
 * mentor, period and revision number. Null while no plan has been made.
 */
export async function currentPlan(db: Queryable, access: CaseAccess): Promise<CurrentPlan | null> {
  // One join instead of plan then revision: current_revision 0 (no plan yet) matches no revision row.
  return findCurrentRevision(db, scopeOf(access));
}

/** Every revision, newest first (PL-5: every revision is kept). */
export async function planRevisions(db: Queryable, access: CaseAccess): Promise<PlanRevisionListItem[]> {
  const plan = await findPlan(db, scopeOf(access));
  return plan ? listRevisions(db, plan.id) : [];
}

/** One revision by its number; null when the case has no such revision. */
export async function planRevision(db: Queryable, access: CaseAccess, revision: number): Promise<PlanRevision | null> {
  if (!Number.isInteger(revision) || revision < 1) return null;
  const plan = await findPlan(db, scopeOf(access));
  return plan ? findRevision(db, plan.id, revision) : null;
}

/** The plan's version for a first revision: 0 means "no plan yet". */
export async function planVersion(db: Queryable, access: CaseAccess): Promise<number> {
  const plan = await findPlan(db, scopeOf(access));
  return plan?.version ?? 0;
}
