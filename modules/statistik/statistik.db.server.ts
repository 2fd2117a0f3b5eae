import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database, Queryable } from "~/platform/db/client.server";
import { rowsOf } from "~/platform/db/client.server";
import {
  municipalities,
  municipalitySettings,
  populationFigures,
  statisticsComparisonSets,
  statisticsDataVersion,
  users,
} from "~/platform/db/schema";
import type { StatisticsQuery } from "./statistics-queries";

/**
 * Session settings for the statistics statements on PostgreSQL. JIT compilation is off: the row estimates of
 * unnest/generate_series make the planner expect millions of rows, and compiling took 400-900 ms of a 1 s statement
 * that runs in about 100 ms without it (EXPLAIN ANALYZE on the national data). More work_mem keeps the per-citizen
 * aggregates in memory. PGlite has no JIT and one session, so there the statement runs as is.
 */
export const STATISTICS_SESSION_SETTINGS = ["set local jit = off", "set local work_mem = '32MB'"] as const;

/** The text with positional parameters as a drizzle SQL object, so it runs (and is logged) like any other query. */
function asSql(q: StatisticsQuery): SQL {
  const parts = q.text.split(/\$(\d+)/);
  return sql.join(
    parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${q.params[Number(part) - 1]}`)),
    sql.raw(""),
  );
}

/** node-postgres' Pool has a client count; PGlite has none. */
function onPostgres(db: Database): boolean {
  const client = (db as unknown as { $client?: object }).$client;
  return client !== undefined && "totalCount" in client;
}

/** Runs one statement of statisticsQueries: the same text the benchmark times directly. */
export async function runStatisticsQuery(db: Database, q: StatisticsQuery): Promise<Record<string, unknown>[]> {
  if (!onPostgres(db)) return rowsOf<Record<string, unknown>>(await db.execute(asSql(q)));
  return db.transaction(
    async (tx) => {
      for (const s of STATISTICS_SESSION_SETTINGS) await tx.execute(sql.raw(s));
      return rowsOf<Record<string, unknown>>(await tx.execute(asSql(q)));
    },
    { accessMode: "read only" },
  );
}

/** The statistics data version: bumped by triggers in every transaction that changes what the figures read. */
export async function dataVersion(db: Queryable): Promise<number> {
  const [row] = await db.select({ v: statisticsDataVersion.version }).from(statisticsDataVersion);
  return Number(row?.v ?? 0);
}

export async function allMunicipalities(db: Queryable) {
  return db
    .select({ id: municipalities.id, code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .orderBy(asc(municipalities.code));
}

export async function targetsOf(db: Queryable, municipalityId: string) {
  const [row] = await db
    .select({
      virksomhedsrettetTargetPct: municipalitySettings.virksomhedsrettetTargetPct,
      mentorTargetPct: municipalitySettings.mentorTargetPct,
    })
    .from(municipalitySettings)
    .where(eq(municipalitySettings.municipalityId, municipalityId));
  return row ?? null;
}

/** Sets the ST-4 targets; creates the municipality's settings row with its defaults when it has none. */
export async function upsertTargets(
  tx: Queryable,
  municipalityId: string,
  values: { virksomhedsrettetTargetPct: number; mentorTargetPct: number },
): Promise<void> {
  await tx
    .insert(municipalitySettings)
    .values({ municipalityId, ...values })
    .onConflictDoUpdate({
      target: municipalitySettings.municipalityId,
      set: { ...values, version: sql`${municipalitySettings.version} + 1`, updatedAt: new Date() },
    });
}

export async function comparisonSetOf(db: Queryable, userId: string): Promise<string[] | null> {
  const [row] = await db
    .select({ codes: statisticsComparisonSets.municipalityCodes })
    .from(statisticsComparisonSets)
    .where(eq(statisticsComparisonSets.userId, userId));
  return row ? row.codes : null;
}

export async function saveComparisonSet(db: Queryable, userId: string, codes: string[]): Promise<void> {
  await db
    .insert(statisticsComparisonSets)
    .values({ userId, municipalityCodes: codes })
    .onConflictDoUpdate({
      target: statisticsComparisonSets.userId,
      set: { municipalityCodes: codes, updatedAt: new Date() },
    });
}

export async function municipalitiesByCode(db: Queryable, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ id: municipalities.id, code: municipalities.code })
    .from(municipalities)
    .where(inArray(municipalities.code, codes));
}

export interface PopulationRow {
  municipalityId: string;
  year: number;
  age16to66: number;
  age16to29: number | null;
  age30to39: number | null;
  age40to49: number | null;
  age50to66: number | null;
  source: string;
}

/** Existing figures for these (municipality, year) pairs, for the audit's before values. */
export async function populationFor(tx: Queryable, municipalityIds: string[]) {
  if (municipalityIds.length === 0) return [];
  return tx.select().from(populationFigures).where(inArray(populationFigures.municipalityId, municipalityIds));
}

export async function upsertPopulation(tx: Queryable, rows: PopulationRow[], enteredBy: string | null): Promise<void> {
  for (const r of rows) {
    await tx
      .insert(populationFigures)
      .values({ ...r, enteredBy })
      .onConflictDoUpdate({
        target: [populationFigures.municipalityId, populationFigures.year],
        set: {
          age16to66: r.age16to66,
          age16to29: r.age16to29,
          age30to39: r.age30to39,
          age40to49: r.age40to49,
          age50to66: r.age50to66,
          source: r.source,
          enteredBy,
          updatedAt: new Date(),
        },
      });
  }
}

/** The figures on record, newest year first, with who entered them. */
export async function listPopulation(db: Queryable, limit: number) {
  const rows = await db.execute(sql`
    select m.code, m.name, p.year, p.age_16_to_66 as "age16to66", p.age_16_to_29 as "age16to29",
      p.age_30_to_39 as "age30to39", p.age_40_to_49 as "age40to49", p.age_50_to_66 as "age50to66", p.source,
      u.name as "enteredBy", to_char(p.updated_at at time zone 'Europe/Copenhagen', 'YYYY-MM-DD HH24:MI') as "updatedAt"
    from ${populationFigures} p
    join ${municipalities} m on m.id = p.municipality_id
    left join ${users} u on u.id = p.entered_by
    order by p.year desc, m.code
    limit ${limit}`);
  return rowsOf<{
    code: string;
    name: string;
    year: number;
    age16to66: number;
    age16to29: number | null;
    age30to39: number | null;
    age40to49: number | null;
    age50to66: number | null;
    source: string;
    enteredBy: string | null;
    updatedAt: string;
  }>(rows);
}
