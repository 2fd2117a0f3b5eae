import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything that can run queries: the database itself or an open transaction. */
export type Queryable = Database | Tx;
export type DatabaseKind = "pglite" | "postgres";

export interface DbHandle {
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A postgres:// URL. When absent, the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory, or "memory://" for a throw-away instance. */
  dataDir?: string;
}

export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir ?? "./data/pglite");
}

async function openPostgres(url: string): Promise<DbHandle> {
  const pg = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  // Same shapes as PGlite for raw queries: dates as 'YYYY-MM-DD' strings, bigint counts as numbers.
  pg.default.types.setTypeParser(1082, (v: string) => v);
  pg.default.types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pg.default.Pool({ connectionString: url, max: 10 });
  pool.on("error", () => {
    /* idle client errors are reported by the next query; do not crash the process */
  });
  const db = drizzle(pool, { schema }) as unknown as Database;
  return { db, kind: "postgres", close: () => pool.end() };
}

async function openPglite(dataDir: string): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const inMemory = dataDir.startsWith("memory://");
  // PGlite does not create parent directories itself.
  if (!inMemory) mkdirSync(path.resolve(dataDir), { recursive: true });
  const client = await PGlite.create(inMemory ? dataDir : path.resolve(dataDir));
  const db = drizzle(client, { schema }) as unknown as Database;
  return { db, kind: "pglite", close: () => client.close() };
}

/** Rows of a raw `db.execute(sql...)`: both drivers return `{ rows }`, but the shared type does not say so. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
