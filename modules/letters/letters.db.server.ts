import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "~/platform/db/client.server";
import { citizens, letters, municipalities, outbox } from "~/platform/db/schema";

export interface NewLetter {
  municipalityId: string;
  citizenId: string;
  caseId: string | null;
  kind: string;
  title: string;
  pdf: Buffer;
  sha256: string;
  createdBy: string | null;
}

export async function insertLetter(db: Queryable, l: NewLetter): Promise<string> {
  const [row] = await db.insert(letters).values(l).returning({ id: letters.id });
  return row!.id;
}

export async function enqueue(db: Queryable, letterId: string, idempotencyKey: string, channel: string): Promise<void> {
  await db.insert(outbox).values({ letterId, idempotencyKey, channel }).onConflictDoNothing();
}

export async function findLetter(db: Queryable, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(letters)
    .where(and(eq(letters.id, id), eq(letters.municipalityId, municipalityId)));
  return row ?? null;
}

export async function listLettersOfCitizen(db: Queryable, municipalityId: string, citizenId: string) {
  return db
    .select({
      id: letters.id,
      kind: letters.kind,
      title: letters.title,
      caseId: letters.caseId,
      createdAt: letters.createdAt,
      status: outbox.status,
      sentAt: outbox.sentAt,
    })
    .from(letters)
    .leftJoin(outbox, eq(outbox.letterId, letters.id))
    .where(and(eq(letters.citizenId, citizenId), eq(letters.municipalityId, municipalityId)))
    .orderBy(desc(letters.createdAt));
}

/** Claims due outbox rows; SKIP LOCKED lets several dispatchers run without sending a row twice. */
export async function claimDue(db: Queryable, limit: number) {
  const rows = await db.execute(sql`
    select o.id, o.idempotency_key, o.letter_id, o.attempts
    from ${outbox} o
    where o.status = 'pending' and o.next_attempt_at <= now()
    order by o.created_at
    limit ${limit}
    for update skip locked`);
  return (rows as unknown as { rows: { id: string; idempotency_key: string; letter_id: string; attempts: number }[] })
    .rows;
}

export async function letterForSending(db: Queryable, letterId: string) {
  const [row] = await db
    .select({
      id: letters.id,
      kind: letters.kind,
      title: letters.title,
      pdf: letters.pdf,
      createdAt: letters.createdAt,
      cpr: citizens.cpr,
      name: citizens.name,
      address: citizens.address,
      postalCode: citizens.postalCode,
      city: citizens.city,
      municipalityCode: municipalities.code,
      municipalityName: municipalities.name,
    })
    .from(letters)
    .innerJoin(citizens, eq(citizens.id, letters.citizenId))
    .innerJoin(municipalities, eq(municipalities.id, letters.municipalityId))
    .where(eq(letters.id, letterId));
  return row ?? null;
}

export async function markSent(db: Queryable, id: string, externalRef: string): Promise<void> {
  await db
    .update(outbox)
    .set({ status: "sent", externalRef, sentAt: new Date(), attempts: sql`${outbox.attempts} + 1`, lastError: null })
    .where(eq(outbox.id, id));
}

/** Backs off: 1, 2, 4 … minutes, capped at an hour; after 10 attempts the row is left failed for a person. */
export async function markFailed(db: Queryable, id: string, attempts: number, error: string): Promise<void> {
  const next = attempts + 1;
  await db
    .update(outbox)
    .set({
      status: next >= 10 ? "failed" : "pending",
      attempts: next,
      lastError: error.slice(0, 500),
      nextAttemptAt: new Date(Date.now() + Math.min(60, 2 ** attempts) * 60_000),
    })
    .where(eq(outbox.id, id));
}

export async function outboxOfLetter(db: Queryable, letterId: string) {
  return db.select().from(outbox).where(eq(outbox.letterId, letterId)).orderBy(asc(outbox.createdAt));
}
