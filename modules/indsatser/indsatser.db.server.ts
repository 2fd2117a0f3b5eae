import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "~/platform/db/client.server";
import {
  cases,
  citizens,
  deadlines,
  forloeb,
  forloebPeriods,
  interventionRecords,
  mentorGrants,
  planRevisions,
  plans,
  users,
  ydelseRates,
} from "~/platform/db/schema";
import {
  INTERVENTION_KIND_LABELS,
  normalizeDetails,
  SK_DECISIONS,
  type ForloebPeriod,
  type InterventionKindKey,
  type InterventionRecord,
  type InterventionStatus,
  type LegalBasisKey,
  type MentorGrant,
  type PeriodKindKey,
  type PlanItem,
  type SkDecision,
} from "./indsatser";

/*
 * The only file of the module with queries. Every query of a case's rows is scoped by the case id, and the case is
 * found within the actor's municipality first (caseFacts), so another municipality's case is simply not found.
 */

export interface CaseScope {
  municipalityId: string;
  caseId: string;
}

/** The case within the municipality, with its forløb; the case row is locked for the rest of the transaction. */
export async function caseFacts(db: Queryable, scope: CaseScope, lock = false) {
  const q = db
    .select({ id: cases.id, citizenId: cases.citizenId, status: cases.status })
    .from(cases)
    .where(and(eq(cases.id, scope.caseId), eq(cases.municipalityId, scope.municipalityId)));
  const [c] = lock ? await q.for("update") : await q;
  if (!c) return null;
  const [f] = await db
    .select({
      id: forloeb.id,
      startDate: forloeb.startDate,
      plannedEnd: forloeb.plannedEnd,
      status: forloeb.status,
      endedOn: forloeb.endedOn,
    })
    .from(forloeb)
    .where(eq(forloeb.caseId, c.id));
  return { ...c, forloeb: f ?? null };
}

/** The interventions of the case's current plan revision, with their stable ids (modules/plan PlanContent). */
export async function planItems(db: Queryable, caseId: string): Promise<PlanItem[]> {
  const [rev] = await db
    .select({ content: planRevisions.content })
    .from(plans)
    .innerJoin(
      planRevisions,
      and(eq(planRevisions.planId, plans.id), eq(planRevisions.revision, plans.currentRevision)),
    )
    .where(eq(plans.caseId, caseId));
  const items = (rev?.content as { interventions?: PlanItem[] } | undefined)?.interventions ?? [];
  return items.map((i) => ({
    id: i.id,
    title: i.title,
    legalBasis: i.legalBasis,
    provider: i.provider,
    form: i.form,
    plannedStart: i.plannedStart,
    plannedEnd: i.plannedEnd ?? null,
    shortTermGoal: i.shortTermGoal,
  }));
}

/* ---- intervention records ------------------------------------------------------------------- */

type RecordRow = typeof interventionRecords.$inferSelect;

function toRecord(r: RecordRow): InterventionRecord {
  const details = normalizeDetails(r.details);
  return {
    id: r.id,
    caseId: r.caseId,
    planItemId: r.planItemId,
    kind: (r.kind in INTERVENTION_KIND_LABELS ? r.kind : "other") as InterventionKindKey,
    legalBasis: (details.legalBasis ?? (r.kind === "leisure" ? null : r.kind)) as LegalBasisKey | null,
    title: r.title,
    provider: r.provider,
    isOffer: r.isOffer,
    offeredOn: r.offeredOn,
    startDate: r.startDate,
    plannedEnd: r.plannedEnd,
    endDate: r.endDate,
    status: r.status as InterventionStatus,
    skNoticeOn: r.skNoticeOn,
    skRequestedOn: r.skRequestedOn,
    skDecidedOn: r.skDecidedOn,
    skDecision: r.skDecision && r.skDecision in SK_DECISIONS ? (r.skDecision as SkDecision) : null,
    details,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function listRecords(db: Queryable, caseId: string): Promise<InterventionRecord[]> {
  const rows = await db
    .select()
    .from(interventionRecords)
    .where(eq(interventionRecords.caseId, caseId))
    .orderBy(asc(interventionRecords.createdAt), asc(interventionRecords.id));
  return rows.map(toRecord);
}

export async function findRecord(db: Queryable, caseId: string, id: string): Promise<InterventionRecord | null> {
  const [row] = await db
    .select()
    .from(interventionRecords)
    .where(and(eq(interventionRecords.caseId, caseId), eq(interventionRecords.id, id)));
  return row ? toRecord(row) : null;
}

export type RecordValues = Omit<typeof interventionRecords.$inferInsert, "id" | "version" | "createdAt" | "updatedAt">;

export async function insertRecord(db: Queryable, values: RecordValues): Promise<InterventionRecord> {
  const [row] = await db.insert(interventionRecords).values(values).returning();
  return toRecord(row!);
}

export type RecordPatch = Partial<Omit<RecordValues, "caseId" | "createdBy">>;

/** Optimistic lock: the saved record, or null when someone else saved first. */
export async function updateRecordIfVersion(
  db: Queryable,
  caseId: string,
  id: string,
  expectedVersion: number,
  patch: RecordPatch,
): Promise<InterventionRecord | null> {
  const [row] = await db
    .update(interventionRecords)
    .set({ ...patch, version: sql`${interventionRecords.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(interventionRecords.caseId, caseId),
        eq(interventionRecords.id, id),
        eq(interventionRecords.version, expectedVersion),
      ),
    )
    .returning();
  return row ? toRecord(row) : null;
}

/* ---- mentor grants --------------------------------------------------------------------------- */

type GrantRow = typeof mentorGrants.$inferSelect;

function toGrant(g: GrantRow): MentorGrant {
  return {
    id: g.id,
    caseId: g.caseId,
    mentorName: g.mentorName,
    mentorContact: g.mentorContact,
    role: g.role,
    goals: g.goals ?? [],
    fromDate: g.fromDate,
    toDate: g.toDate,
    renewalOf: g.renewalOf,
    assessment: g.assessment,
    version: g.version,
    createdAt: g.createdAt,
  };
}

export async function listGrants(db: Queryable, caseId: string): Promise<MentorGrant[]> {
  const rows = await db
    .select()
    .from(mentorGrants)
    .where(eq(mentorGrants.caseId, caseId))
    .orderBy(asc(mentorGrants.fromDate), asc(mentorGrants.createdAt));
  return rows.map(toGrant);
}

export type GrantValues = Omit<typeof mentorGrants.$inferInsert, "id" | "version" | "createdAt">;

export async function insertGrant(db: Queryable, values: GrantValues): Promise<MentorGrant> {
  const [row] = await db.insert(mentorGrants).values(values).returning();
  return toGrant(row!);
}

export async function updateGrantIfVersion(
  db: Queryable,
  caseId: string,
  id: string,
  expectedVersion: number,
  patch: Partial<Omit<GrantValues, "caseId" | "createdBy">>,
): Promise<MentorGrant | null> {
  const [row] = await db
    .update(mentorGrants)
    .set({ ...patch, version: sql`${mentorGrants.version} + 1` })
    .where(and(eq(mentorGrants.caseId, caseId), eq(mentorGrants.id, id), eq(mentorGrants.version, expectedVersion)))
    .returning();
  return row ? toGrant(row) : null;
}

/* ---- periods --------------------------------------------------------------------------------- */

type PeriodRow = typeof forloebPeriods.$inferSelect;

function toPeriod(p: PeriodRow): ForloebPeriod {
  return {
    id: p.id,
    caseId: p.caseId,
    kind: p.kind as PeriodKindKey,
    fromDate: p.fromDate,
    toDate: p.toDate,
    note: p.note,
    version: p.version,
    createdAt: p.createdAt,
  };
}

export async function listPeriods(db: Queryable, caseId: string): Promise<ForloebPeriod[]> {
  const rows = await db
    .select()
    .from(forloebPeriods)
    .where(eq(forloebPeriods.caseId, caseId))
    .orderBy(asc(forloebPeriods.fromDate), asc(forloebPeriods.createdAt));
  return rows.map(toPeriod);
}

export type PeriodValues = Omit<typeof forloebPeriods.$inferInsert, "id" | "version" | "createdAt">;

export async function insertPeriod(db: Queryable, values: PeriodValues): Promise<ForloebPeriod> {
  const [row] = await db.insert(forloebPeriods).values(values).returning();
  return toPeriod(row!);
}

export async function updatePeriodIfVersion(
  db: Queryable,
  caseId: string,
  id: string,
  expectedVersion: number,
  patch: Partial<Omit<PeriodValues, "caseId" | "createdBy">>,
): Promise<ForloebPeriod | null> {
  const [row] = await db
    .update(forloebPeriods)
    .set({ ...patch, version: sql`${forloebPeriods.version} + 1` })
    .where(
      and(eq(forloebPeriods.caseId, caseId), eq(forloebPeriods.id, id), eq(forloebPeriods.version, expectedVersion)),
    )
    .returning();
  return row ? toPeriod(row) : null;
}

export async function deletePeriodIfVersion(
  db: Queryable,
  caseId: string,
  id: string,
  expectedVersion: number,
): Promise<ForloebPeriod | null> {
  const [row] = await db
    .delete(forloebPeriods)
    .where(
      and(eq(forloebPeriods.caseId, caseId), eq(forloebPeriods.id, id), eq(forloebPeriods.version, expectedVersion)),
    )
    .returning();
  return row ? toPeriod(row) : null;
}

/* ---- deadlines (written by modules/frister; read here for the page) -------------------------- */

export async function deadlinesOfCase(db: Queryable, scope: CaseScope, kinds: readonly string[]) {
  return db
    .select({
      id: deadlines.id,
      kind: deadlines.kind,
      refId: deadlines.refId,
      dueDate: deadlines.dueDate,
      metOn: deadlines.metOn,
      title: deadlines.title,
      anchor: deadlines.anchor,
      ruleId: deadlines.ruleId,
      explanation: deadlines.explanation,
    })
    .from(deadlines)
    .where(
      and(
        eq(deadlines.caseId, scope.caseId),
        eq(deadlines.municipalityId, scope.municipalityId),
        inArray(deadlines.kind, [...kinds]),
      ),
    )
    .orderBy(asc(deadlines.dueDate), asc(deadlines.kind));
}

/* ---- the ydelse preview ---------------------------------------------------------------------- */

export async function citizenForYdelse(db: Queryable, municipalityId: string, citizenId: string) {
  const [row] = await db
    .select({ birthDate: citizens.birthDate, previousBenefit: citizens.previousBenefit })
    .from(citizens)
    .where(and(eq(citizens.id, citizenId), eq(citizens.municipalityId, municipalityId)));
  return row ?? null;
}

/** Every admin-entered rate, newest first (append-only history, Y-5). */
export async function listRates(db: Queryable) {
  return db
    .select({
      id: ydelseRates.id,
      year: ydelseRates.year,
      category: ydelseRates.category,
      amount: ydelseRates.amount,
      law: ydelseRates.law,
      paragraph: ydelseRates.paragraph,
      source: ydelseRates.source,
      enteredAt: ydelseRates.enteredAt,
      enteredByName: users.name,
    })
    .from(ydelseRates)
    .leftJoin(users, eq(users.id, ydelseRates.enteredBy))
    .orderBy(desc(ydelseRates.enteredAt), desc(ydelseRates.id));
}

export async function insertRate(db: Queryable, values: Omit<typeof ydelseRates.$inferInsert, "id" | "enteredAt">) {
  const [row] = await db.insert(ydelseRates).values(values).returning({ id: ydelseRates.id });
  return row!.id;
}
