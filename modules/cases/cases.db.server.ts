import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Queryable } from "~/platform/db/client.server";
import { caseCoordinators, cases, citizens, forloeb, users } from "~/platform/db/schema";
import type { CaseOrigin, CaseRecord, CaseStatus, PreparatorySection } from "./case";

export interface TenantScope {
  municipalityId: string;
}

type CaseRow = typeof cases.$inferSelect;

function toCase(r: CaseRow): CaseRecord {
  return {
    id: r.id,
    municipalityId: r.municipalityId,
    citizenId: r.citizenId,
    status: r.status as CaseStatus,
    origin: r.origin as CaseOrigin,
    applicationReceivedOn: r.applicationReceivedOn,
    applicationText: r.applicationText,
    openedOn: r.openedOn,
    judgement: r.judgement,
    bisidderInformedOn: r.bisidderInformedOn,
    citizenWishesForloeb: r.citizenWishesForloeb,
    preparatory: r.preparatory as Partial<Record<PreparatorySection, string>>,
    citizenView: r.citizenView,
    citizenViewAt: r.citizenViewAt,
    version: r.version,
  };
}

export async function findCase(db: Queryable, scope: TenantScope, id: string): Promise<CaseRecord | null> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.municipalityId, scope.municipalityId)));
  return row ? toCase(row) : null;
}

export async function insertCase(
  db: Queryable,
  scope: TenantScope,
  values: {
    citizenId: string;
    origin: CaseOrigin;
    applicationReceivedOn: string | null;
    applicationText: string | null;
    openedOn: string;
    openedBy: string | null;
    judgement: Record<string, unknown>;
  },
): Promise<string> {
  const [row] = await db
    .insert(cases)
    .values({ ...values, municipalityId: scope.municipalityId, status: "visitation" })
    .returning({ id: cases.id });
  return row!.id;
}

export type CasePatch = Partial<
  Pick<
    typeof cases.$inferInsert,
    | "status"
    | "judgement"
    | "bisidderInformedOn"
    | "citizenWishesForloeb"
    | "preparatory"
    | "readyForTeamAt"
    | "citizenView"
    | "citizenViewAt"
  >
>;

/** Optimistic lock: returns the new version, or null when someone else saved first. */
export async function updateCaseIfVersion(
  db: Queryable,
  scope: TenantScope,
  id: string,
  expectedVersion: number,
  patch: CasePatch,
): Promise<number | null> {
  const [row] = await db
    .update(cases)
    .set({ ...patch, version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(cases.id, id), eq(cases.municipalityId, scope.municipalityId), eq(cases.version, expectedVersion)))
    .returning({ version: cases.version });
  return row?.version ?? null;
}

/** For workflow steps taken by other modules (agenda, indstilling, afgørelse): status moves, version bumps. */
export async function setCaseStatus(db: Queryable, scope: TenantScope, id: string, status: CaseStatus): Promise<void> {
  await db
    .update(cases)
    .set({ status, version: sql`${cases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(cases.id, id), eq(cases.municipalityId, scope.municipalityId)));
}

export async function listCasesOfCitizen(db: Queryable, scope: TenantScope, citizenId: string) {
  return db
    .select({ id: cases.id, status: cases.status, origin: cases.origin, openedOn: cases.openedOn })
    .from(cases)
    .where(and(eq(cases.citizenId, citizenId), eq(cases.municipalityId, scope.municipalityId)))
    .orderBy(desc(cases.openedOn), desc(cases.createdAt));
}

export async function listCasesByStatus(db: Queryable, scope: TenantScope, statuses: CaseStatus[]) {
  return db
    .select({
      id: cases.id,
      status: cases.status,
      openedOn: cases.openedOn,
      readyForTeamAt: cases.readyForTeamAt,
      citizenId: citizens.id,
      citizenName: citizens.name,
      birthDate: citizens.birthDate,
    })
    .from(cases)
    .innerJoin(citizens, eq(citizens.id, cases.citizenId))
    .where(and(eq(cases.municipalityId, scope.municipalityId), inArray(cases.status, statuses)))
    .orderBy(asc(cases.readyForTeamAt), asc(cases.openedOn));
}

/** Earlier and current forløb of a citizen, oldest first: the rules need them (D-1, D-2, TG-6). */
export async function forloebOfCitizen(db: Queryable, scope: TenantScope, citizenId: string) {
  return db
    .select({
      id: forloeb.id,
      caseId: forloeb.caseId,
      startDate: forloeb.startDate,
      plannedEnd: forloeb.plannedEnd,
      decidedOn: forloeb.decidedOn,
      status: forloeb.status,
      endedOn: forloeb.endedOn,
    })
    .from(forloeb)
    .where(and(eq(forloeb.citizenId, citizenId), eq(forloeb.municipalityId, scope.municipalityId)))
    .orderBy(asc(forloeb.startDate));
}

export async function currentCoordinator(db: Queryable, caseId: string) {
  const [row] = await db
    .select({
      id: caseCoordinators.id,
      userId: caseCoordinators.userId,
      name: users.name,
      email: users.email,
      unit: caseCoordinators.unit,
      unitKind: caseCoordinators.unitKind,
      fromDate: caseCoordinators.fromDate,
    })
    .from(caseCoordinators)
    .innerJoin(users, eq(users.id, caseCoordinators.userId))
    .where(and(eq(caseCoordinators.caseId, caseId), isNull(caseCoordinators.toDate)))
    .orderBy(desc(caseCoordinators.fromDate))
    .limit(1);
  return row ?? null;
}

export async function coordinatorHistory(db: Queryable, caseId: string) {
  return db
    .select({
      id: caseCoordinators.id,
      userId: caseCoordinators.userId,
      name: users.name,
      email: users.email,
      unit: caseCoordinators.unit,
      unitKind: caseCoordinators.unitKind,
      fromDate: caseCoordinators.fromDate,
      toDate: caseCoordinators.toDate,
      citizenConsulted: caseCoordinators.citizenConsulted,
      reason: caseCoordinators.reason,
    })
    .from(caseCoordinators)
    .innerJoin(users, eq(users.id, caseCoordinators.userId))
    .where(eq(caseCoordinators.caseId, caseId))
    .orderBy(asc(caseCoordinators.fromDate), asc(caseCoordinators.createdAt));
}

export async function insertCoordinator(db: Queryable, values: typeof caseCoordinators.$inferInsert): Promise<void> {
  await db.insert(caseCoordinators).values(values);
}

/** Ends the current assignment the day before the new one starts. */
export async function endCurrentCoordinator(db: Queryable, caseId: string, toDate: string): Promise<void> {
  await db
    .update(caseCoordinators)
    .set({ toDate })
    .where(and(eq(caseCoordinators.caseId, caseId), isNull(caseCoordinators.toDate)));
}
