import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "~/platform/db/client.server";
import { jobformidlerOffers, users } from "~/platform/db/schema";

export async function staffOfMunicipality(db: Queryable, municipalityId: string) {
  return db
    .select({ id: users.id, name: users.name, unit: users.unit, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.municipalityId, municipalityId),
        eq(users.active, true),
        inArray(users.role, ["caseworker", "leader"]),
      ),
    )
    .orderBy(asc(users.name));
}

export type JobformidlerRow = typeof jobformidlerOffers.$inferSelect;

export async function findJobformidler(db: Queryable, caseId: string): Promise<JobformidlerRow | null> {
  const [row] = await db.select().from(jobformidlerOffers).where(eq(jobformidlerOffers.caseId, caseId));
  return row ?? null;
}

export type JobformidlerValues = Omit<typeof jobformidlerOffers.$inferInsert, "caseId" | "version" | "updatedAt">;

/** Insert the first time; afterwards update only from the version the user saw. */
export async function upsertJobformidler(
  db: Queryable,
  caseId: string,
  expectedVersion: number | null,
  values: JobformidlerValues,
): Promise<number | null> {
  if (expectedVersion === null) {
    const [row] = await db
      .insert(jobformidlerOffers)
      .values({ ...values, caseId })
      .onConflictDoNothing()
      .returning({ version: jobformidlerOffers.version });
    return row?.version ?? null;
  }
  const [row] = await db
    .update(jobformidlerOffers)
    .set({ ...values, version: sql`${jobformidlerOffers.version} + 1`, updatedAt: new Date() })
    .where(and(eq(jobformidlerOffers.caseId, caseId), eq(jobformidlerOffers.version, expectedVersion)))
    .returning({ version: jobformidlerOffers.version });
  return row?.version ?? null;
}
