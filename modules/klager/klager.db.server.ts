import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "~/platform/db/client.server";
import { afgoerelser, appeals, deadlines, interventionRecords } from "~/platform/db/schema";
import type { AppealRecord } from "./klager";

type AppealRow = typeof appeals.$inferSelect;

function toAppeal(r: AppealRow): AppealRecord {
  return {
    id: r.id,
    caseId: r.caseId,
    afgoerelseId: r.afgoerelseId,
    interventionRecordId: r.interventionRecordId,
    subject: r.subject,
    receivedOn: r.receivedOn,
    decisionReceivedOn: r.decisionReceivedOn,
    reassessedOn: r.reassessedOn,
    reassessmentResult: r.reassessmentResult,
    forwardedOn: r.forwardedOn,
    outcome: r.outcome,
    outcomeOn: r.outcomeOn,
    note: r.note,
    version: r.version,
    createdAt: r.createdAt,
  };
}

/** The case's appeals, oldest first. Cases are checked against the municipality by the caller (CaseAccess). */
export async function appealsOfCase(db: Queryable, caseId: string): Promise<AppealRecord[]> {
  const rows = await db
    .select()
    .from(appeals)
    .where(eq(appeals.caseId, caseId))
    .orderBy(asc(appeals.receivedOn), asc(appeals.createdAt));
  return rows.map(toAppeal);
}

export async function findAppeal(
  db: Queryable,
  caseId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<AppealRecord | null> {
  const q = db
    .select()
    .from(appeals)
    .where(and(eq(appeals.id, id), eq(appeals.caseId, caseId)));
  const [row] = options.lock ? await q.for("update") : await q;
  return row ? toAppeal(row) : null;
}

export async function insertAppeal(db: Queryable, values: typeof appeals.$inferInsert): Promise<string> {
  const [row] = await db.insert(appeals).values(values).returning({ id: appeals.id });
  return row!.id;
}

export type AppealPatch = Partial<
  Pick<
    typeof appeals.$inferInsert,
    "reassessedOn" | "reassessmentResult" | "forwardedOn" | "outcome" | "outcomeOn" | "note"
  >
>;

/** Optimistic lock on appeals.version. */
export async function updateAppealIfVersion(
  db: Queryable,
  id: string,
  expectedVersion: number,
  patch: AppealPatch,
): Promise<number | null> {
  const [row] = await db
    .update(appeals)
    .set({ ...patch, version: sql`${appeals.version} + 1` })
    .where(and(eq(appeals.id, id), eq(appeals.version, expectedVersion)))
    .returning({ version: appeals.version });
  return row?.version ?? null;
}

/** An afgørelse of the case (appeals are about one of the case's own decisions). */
export async function decisionOfCase(db: Queryable, caseId: string, id: string) {
  const [row] = await db
    .select({ id: afgoerelser.id, kind: afgoerelser.kind, decidedOn: afgoerelser.decidedOn })
    .from(afgoerelser)
    .where(and(eq(afgoerelser.id, id), eq(afgoerelser.caseId, caseId)));
  return row ?? null;
}

/** The case's recorded interventions (LAB § 204: the citizen may appeal an individual intervention). */
export async function interventionsOfCase(db: Queryable, caseId: string) {
  return db
    .select({
      id: interventionRecords.id,
      title: interventionRecords.title,
      kind: interventionRecords.kind,
      offeredOn: interventionRecords.offeredOn,
      startDate: interventionRecords.startDate,
      status: interventionRecords.status,
    })
    .from(interventionRecords)
    .where(eq(interventionRecords.caseId, caseId))
    .orderBy(asc(interventionRecords.startDate), asc(interventionRecords.createdAt));
}

/** The case's stored re-assessment deadlines, as modules/frister computed them. */
export async function appealDeadlinesOfCase(db: Queryable, caseId: string) {
  return db
    .select()
    .from(deadlines)
    .where(and(eq(deadlines.caseId, caseId), eq(deadlines.kind, "appealReassessment")))
    .orderBy(asc(deadlines.dueDate));
}
