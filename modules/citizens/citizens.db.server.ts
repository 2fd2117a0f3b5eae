import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "~/platform/db/client.server";
import { citizens, networkPersons } from "~/platform/db/schema";
import type { Citizen, CitizenListItem, NetworkPerson, PreviousBenefit, Relation } from "./citizen";

/** Every query of citizen data is bounded by the caller's municipality. */
export interface TenantScope {
  municipalityId: string;
}

type CitizenRow = typeof citizens.$inferSelect;
export type CitizenValues = Omit<Citizen, "id" | "municipalityId" | "version" | "network">;

function toCitizen(row: CitizenRow, network: NetworkPerson[]): Citizen {
  return {
    id: row.id,
    municipalityId: row.municipalityId,
    cpr: row.cpr,
    birthDate: row.birthDate,
    sex: row.sex as "M" | "K",
    name: row.name,
    address: row.address,
    postalCode: row.postalCode,
    city: row.city,
    phone: row.phone,
    email: row.email,
    previousBenefit: row.previousBenefit as PreviousBenefit,
    network,
    version: row.version,
  };
}

async function loadNetwork(db: Queryable, citizenId: string): Promise<NetworkPerson[]> {
  const rows = await db
    .select()
    .from(networkPersons)
    .where(eq(networkPersons.citizenId, citizenId))
    .orderBy(asc(networkPersons.position));
  return rows.map((r) => ({ name: r.name, relation: r.relation as Relation, phone: r.phone }));
}

export async function findCitizen(db: Queryable, scope: TenantScope, id: string): Promise<Citizen | null> {
  const [row] = await db
    .select()
    .from(citizens)
    .where(and(eq(citizens.id, id), eq(citizens.municipalityId, scope.municipalityId)));
  return row ? toCitizen(row, await loadNetwork(db, row.id)) : null;
}

export async function findCitizenIdByCpr(db: Queryable, scope: TenantScope, cpr: string): Promise<string | null> {
  const [row] = await db
    .select({ id: citizens.id })
    .from(citizens)
    .where(and(eq(citizens.cpr, cpr), eq(citizens.municipalityId, scope.municipalityId)));
  return row?.id ?? null;
}

export async function insertCitizen(
  db: Queryable,
  scope: TenantScope,
  values: CitizenValues,
  network: NetworkPerson[],
): Promise<string> {
  const [row] = await db
    .insert(citizens)
    .values({ ...values, municipalityId: scope.municipalityId })
    .returning({ id: citizens.id });
  await replaceNetwork(db, row!.id, network);
  return row!.id;
}

/** Optimistic lock: updates only when the stored version is the one the user edited. */
export async function updateCitizenIfVersion(
  db: Queryable,
  scope: TenantScope,
  id: string,
  expectedVersion: number,
  values: CitizenValues,
  network: NetworkPerson[],
): Promise<number | null> {
  const [row] = await db
    .update(citizens)
    .set({ ...values, version: sql`${citizens.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(citizens.id, id),
        eq(citizens.municipalityId, scope.municipalityId),
        eq(citizens.version, expectedVersion),
      ),
    )
    .returning({ version: citizens.version });
  if (!row) return null;
  await replaceNetwork(db, id, network);
  return row.version;
}

async function replaceNetwork(db: Queryable, citizenId: string, network: NetworkPerson[]): Promise<void> {
  await db.delete(networkPersons).where(eq(networkPersons.citizenId, citizenId));
  if (network.length === 0) return;
  await db.insert(networkPersons).values(network.map((p, position) => ({ ...p, citizenId, position })));
}

export interface SearchOptions {
  /** Exact CPR (10 digits) or a part of the name. */
  cpr?: string;
  name?: string;
  limit: number;
  offset: number;
}

export type CitizenSearchRow = Omit<CitizenListItem, "maskedCpr"> & { cpr: string };

export async function searchCitizenRows(
  db: Queryable,
  scope: TenantScope,
  q: SearchOptions,
): Promise<{ rows: CitizenSearchRow[]; total: number }> {
  const conditions = [eq(citizens.municipalityId, scope.municipalityId)];
  if (q.cpr) conditions.push(eq(citizens.cpr, q.cpr));
  if (q.name) {
    const pattern = `%${q.name.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`lower(${citizens.name}) like ${pattern}`);
  }
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: citizens.id,
        name: citizens.name,
        cpr: citizens.cpr,
        birthDate: citizens.birthDate,
        city: citizens.city,
        previousBenefit: citizens.previousBenefit,
      })
      .from(citizens)
      .where(where)
      .orderBy(asc(citizens.name), asc(citizens.id))
      .limit(q.limit)
      .offset(q.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(citizens)
      .where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, previousBenefit: r.previousBenefit as PreviousBenefit })),
    total: count?.n ?? 0,
  };
}

export async function citizenNamesByIds(db: Queryable, scope: TenantScope, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: citizens.id, name: citizens.name })
    .from(citizens)
    .where(and(eq(citizens.municipalityId, scope.municipalityId), inArray(citizens.id, ids)));
}
