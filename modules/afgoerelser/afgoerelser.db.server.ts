import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "~/platform/db/client.server";
import { afgoerelser, cases, citizens, forloeb, outbox, users } from "~/platform/db/schema";

export interface TenantScope {
  municipalityId: string;
}

/**
 * Locks the case row for the rest of the transaction and returns its version: a decision compares the version
 * the form was built on, and nobody else can move the case between that check and the status change.
 */
export async function lockCaseVersion(db: Queryable, scope: TenantScope, caseId: string): Promise<number | null> {
  const [row] = await db
    .select({ version: cases.version })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.municipalityId, scope.municipalityId)))
    .for("update");
  return row?.version ?? null;
}

/** The letter's recipient: name and address (the CPR number only to print it masked), and the birth date the rules need. */
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

export async function insertAfgoerelse(db: Queryable, values: typeof afgoerelser.$inferInsert): Promise<string> {
  const [row] = await db.insert(afgoerelser).values(values).returning({ id: afgoerelser.id });
  return row!.id;
}

export async function setAfgoerelseLetter(db: Queryable, id: string, letterId: string): Promise<void> {
  await db.update(afgoerelser).set({ letterId }).where(eq(afgoerelser.id, id));
}

export async function insertForloeb(db: Queryable, values: typeof forloeb.$inferInsert): Promise<string> {
  const [row] = await db.insert(forloeb).values(values).returning({ id: forloeb.id });
  return row!.id;
}

/** All afgørelser of a case, oldest first, with who signed and how far the letter has come in the outbox. */
export async function decisionsOfCase(db: Queryable, caseId: string) {
  return db
    .select({
      id: afgoerelser.id,
      caseId: afgoerelser.caseId,
      kind: afgoerelser.kind,
      decidedOn: afgoerelser.decidedOn,
      startDate: afgoerelser.startDate,
      endDate: afgoerelser.endDate,
      months: afgoerelser.months,
      reasons: afgoerelser.reasons,
      explanation: afgoerelser.explanation,
      indstillingId: afgoerelser.indstillingId,
      deviatesFromIndstilling: afgoerelser.deviatesFromIndstilling,
      citizenWished: afgoerelser.citizenWished,
      decidedById: afgoerelser.decidedBy,
      decidedByName: users.name,
      letterId: afgoerelser.letterId,
      outboxStatus: outbox.status,
      outboxSentAt: outbox.sentAt,
      outboxAttempts: outbox.attempts,
      createdAt: afgoerelser.createdAt,
    })
    .from(afgoerelser)
    .leftJoin(users, eq(users.id, afgoerelser.decidedBy))
    .leftJoin(outbox, eq(outbox.letterId, afgoerelser.letterId))
    .where(eq(afgoerelser.caseId, caseId))
    .orderBy(asc(afgoerelser.createdAt));
}
