import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "~/platform/db/client.server";
import { cases, citizens, forloeb, planRevisions, plans, users } from "~/platform/db/schema";
import type { PlanContent, PlanRevision, PlanRevisionListItem } from "./plan";

/** Every query is bounded by the case's municipality: plans hang off cases, which carry it. */
export interface CaseScope {
  municipalityId: string;
  caseId: string;
}

export interface PlanRow {
  id: string;
  caseId: string;
  currentRevision: number;
  version: number;
}

export async function findPlan(db: Queryable, scope: CaseScope): Promise<PlanRow | null> {
  const [row] = await db
    .select({ id: plans.id, caseId: plans.caseId, currentRevision: plans.currentRevision, version: plans.version })
    .from(plans)
    .innerJoin(cases, eq(cases.id, plans.caseId))
    .where(and(eq(plans.caseId, scope.caseId), eq(cases.municipalityId, scope.municipalityId)));
  return row ?? null;
}

/** Creates the case's plan; null when another request created it first (plans.case_id is unique). */
export async function insertPlan(db: Queryable, caseId: string): Promise<PlanRow | null> {
  const [row] = await db
    .insert(plans)
    .values({ caseId, currentRevision: 0 })
    .onConflictDoNothing({ target: plans.caseId })
    .returning({ id: plans.id, caseId: plans.caseId, currentRevision: plans.currentRevision, version: plans.version });
  return row ?? null;
}

/** Optimistic lock: moves the plan to its new revision only when nobody saved since the user opened it. */
export async function advancePlanIfVersion(
  db: Queryable,
  planId: string,
  expectedVersion: number,
  revision: number,
): Promise<number | null> {
  const [row] = await db
    .update(plans)
    .set({ currentRevision: revision, version: sql`${plans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(plans.id, planId), eq(plans.version, expectedVersion)))
    .returning({ version: plans.version });
  return row?.version ?? null;
}

/** Revisions are only ever inserted; the unique (plan_id, revision) index refuses a second writer. */
export async function insertRevision(
  db: Queryable,
  values: {
    planId: string;
    revision: number;
    content: PlanContent;
    changeNote: string | null;
    createdBy: string | null;
  },
): Promise<void> {
  await db.insert(planRevisions).values({
    planId: values.planId,
    revision: values.revision,
    content: values.content as unknown as Record<string, unknown>,
    changeNote: values.changeNote,
    createdBy: values.createdBy,
  });
}

export async function findRevision(db: Queryable, planId: string, revision: number): Promise<PlanRevision | null> {
  const [row] = await db
    .select({
      revision: planRevisions.revision,
      content: planRevisions.content,
      changeNote: planRevisions.changeNote,
      createdAt: planRevisions.createdAt,
      createdByName: users.name,
    })
    .from(planRevisions)
    .leftJoin(users, eq(users.id, planRevisions.createdBy))
    .where(and(eq(planRevisions.planId, planId), eq(planRevisions.revision, revision)));
  return row ? { ...row, content: row.content as unknown as PlanContent } : null;
}

/** The case's plan with its current revision in one round trip (findPlan + findRevision); null without a revision. */
export async function findCurrentRevision(
  db: Queryable,
  scope: CaseScope,
): Promise<(PlanRevision & { planId: string; caseId: string; version: number }) | null> {
  const [row] = await db
    .select({
      planId: plans.id,
      caseId: plans.caseId,
      version: plans.version,
      revision: planRevisions.revision,
      content: planRevisions.content,
      changeNote: planRevisions.changeNote,
      createdAt: planRevisions.createdAt,
      createdByName: users.name,
    })
    .from(plans)
    .innerJoin(cases, eq(cases.id, plans.caseId))
    .innerJoin(
      planRevisions,
      and(eq(planRevisions.planId, plans.id), eq(planRevisions.revision, plans.currentRevision)),
    )
    .leftJoin(users, eq(users.id, planRevisions.createdBy))
    .where(and(eq(plans.caseId, scope.caseId), eq(cases.municipalityId, scope.municipalityId)));
  return row ? { ...row, content: row.content as unknown as PlanContent } : null;
}

export async function listRevisions(db: Queryable, planId: string): Promise<PlanRevisionListItem[]> {
  return db
    .select({
      revision: planRevisions.revision,
      changeNote: planRevisions.changeNote,
      createdAt: planRevisions.createdAt,
      createdByName: users.name,
    })
    .from(planRevisions)
    .leftJoin(users, eq(users.id, planRevisions.createdBy))
    .where(eq(planRevisions.planId, planId))
    .orderBy(desc(planRevisions.revision));
}

/** The forløb of the case: the plan belongs to a granted forløb. */
export async function forloebOfCase(db: Queryable, scope: CaseScope) {
  const [row] = await db
    .select({
      id: forloeb.id,
      startDate: forloeb.startDate,
      plannedEnd: forloeb.plannedEnd,
      status: forloeb.status,
    })
    .from(forloeb)
    .where(and(eq(forloeb.caseId, scope.caseId), eq(forloeb.municipalityId, scope.municipalityId)))
    .orderBy(asc(forloeb.startDate))
    .limit(1);
  return row ?? null;
}

/** The addressee of the plan letter: the case's citizen, by name (never the CPR number). */
export async function citizenNameOfCase(db: Queryable, scope: CaseScope): Promise<string | null> {
  const [row] = await db
    .select({ name: citizens.name })
    .from(cases)
    .innerJoin(citizens, eq(citizens.id, cases.citizenId))
    .where(and(eq(cases.id, scope.caseId), eq(cases.municipalityId, scope.municipalityId)));
  return row?.name ?? null;
}
