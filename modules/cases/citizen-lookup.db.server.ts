import { and, eq } from "drizzle-orm";
import type { Queryable } from "~/platform/db/client.server";
import { citizens } from "~/platform/db/schema";
import type { TenantScope } from "./cases.db.server";

export async function citizenExists(db: Queryable, scope: TenantScope, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: citizens.id })
    .from(citizens)
    .where(and(eq(citizens.id, id), eq(citizens.municipalityId, scope.municipalityId)));
  return Boolean(row);
}

/** The few citizen facts a case page needs; the full record stays in the citizens module. */
export async function citizenSummary(db: Queryable, scope: TenantScope, id: string) {
  const [row] = await db
    .select({
      id: citizens.id,
      name: citizens.name,
      cpr: citizens.cpr,
      birthDate: citizens.birthDate,
      sex: citizens.sex,
      previousBenefit: citizens.previousBenefit,
      phone: citizens.phone,
      email: citizens.email,
    })
    .from(citizens)
    .where(and(eq(citizens.id, id), eq(citizens.municipalityId, scope.municipalityId)));
  return row ?? null;
}
