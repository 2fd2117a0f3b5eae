import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "~/platform/db/client.server";
import { afgoerelser, citizens, forloeb, forloebPeriods, letters, outbox } from "~/platform/db/schema";

export interface TenantScope {
  municipalityId: string;
}

export type ForloebRow = typeof forloeb.$inferSelect;

/** The case's forløb within the municipality; with `lock`, the row is locked for the rest of the transaction. */
export async function forloebOfCase(
  db: Queryable,
  scope: TenantScope,
  caseId: string,
  options: { lock?: boolean } = {},
): Promise<ForloebRow | null> {
  const q = db
    .select()
    .from(forloeb)
    .where(and(eq(forloeb.caseId, caseId), eq(forloeb.municipalityId, scope.municipalityId)));
  const [row] = options.lock ? await q.for("update") : await q;
  return row ?? null;
}

export type ForloebPatch = Partial<
  Pick<
    typeof forloeb.$inferInsert,
    "status" | "nextStep" | "nextStepDecidedOn" | "endedOn" | "outcome" | "endingFacts" | "statusAfter3Months"
  >
>;

/** Optimistic lock on forloeb.version: the new version, or null when someone saved after the user opened the page. */
export async function updateForloebIfVersion(
  db: Queryable,
  id: string,
  expectedVersion: number,
  patch: ForloebPatch,
): Promise<number | null> {
  const [row] = await db
    .update(forloeb)
    .set({ ...patch, version: sql`${forloeb.version} + 1` })
    .where(and(eq(forloeb.id, id), eq(forloeb.version, expectedVersion)))
    .returning({ version: forloeb.version });
  return row?.version ?? null;
}

/** D-4: the barsel periods of the case, which move the end date. */
export async function barselOfCase(db: Queryable, caseId: string): Promise<{ from: string; to: string }[]> {
  const rows = await db
    .select({ from: forloebPeriods.fromDate, to: forloebPeriods.toDate })
    .from(forloebPeriods)
    .where(and(eq(forloebPeriods.caseId, caseId), eq(forloebPeriods.kind, "barsel")))
    .orderBy(asc(forloebPeriods.fromDate));
  return rows;
}

/** The letter's recipient: name and address, and the CPR number only to print it masked. */
export async function recipientOf(db: Queryable, scope: TenantScope, citizenId: string) {
  const [row] = await db
    .select({
      name: citizens.name,
      cpr: citizens.cpr,
      birthDate: citizens.birthDate,
      address: citizens.address,
      postalCode: citizens.postalCode,
      city: citizens.city,
    })
    .from(citizens)
    .where(and(eq(citizens.id, citizenId), eq(citizens.municipalityId, scope.municipalityId)));
  return row ?? null;
}

/** E-4: the ending is an afgørelse of its own (kind "ending") next to the grant. */
export async function insertEndingAfgoerelse(
  db: Queryable,
  values: Omit<typeof afgoerelser.$inferInsert, "kind">,
): Promise<string> {
  const [row] = await db
    .insert(afgoerelser)
    .values({ ...values, kind: "ending" })
    .returning({ id: afgoerelser.id });
  return row!.id;
}

export async function setAfgoerelseLetter(db: Queryable, id: string, letterId: string): Promise<void> {
  await db.update(afgoerelser).set({ letterId }).where(eq(afgoerelser.id, id));
}

/** The E-4 letter's title and how far it has come in the outbox. */
export async function letterStatus(db: Queryable, municipalityId: string, letterId: string) {
  const [row] = await db
    .select({ id: letters.id, title: letters.title, status: outbox.status, sentAt: outbox.sentAt })
    .from(letters)
    .leftJoin(outbox, eq(outbox.letterId, letters.id))
    .where(and(eq(letters.id, letterId), eq(letters.municipalityId, municipalityId)));
  return row ?? null;
}
