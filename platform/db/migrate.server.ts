import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { rowsOf, type DbHandle } from "./client.server";

export const MIGRATIONS_DIR = path.resolve(process.env.MIGRATIONS_DIR ?? "platform/db/migrations");
const LOCK_KEY = 727_113; // arbitrary: serialises concurrent starts against one PostgreSQL

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

function journal(): JournalEntry[] {
  const file = path.join(MIGRATIONS_DIR, "meta", "_journal.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { entries: JournalEntry[] }).entries;
}

export async function migrateDatabase(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, config);
    return;
  }
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  await handle.db.execute(sql`select pg_advisory_lock(${LOCK_KEY})`);
  try {
    await migrate(handle.db as never, config);
  } finally {
    await handle.db.execute(sql`select pg_advisory_unlock(${LOCK_KEY})`);
  }
}

export interface MigrationLevel {
  applied: number;
  latest: string | null;
  expected: number;
  upToDate: boolean;
}

export async function migrationLevel(handle: DbHandle): Promise<MigrationLevel> {
  const entries = journal();
  const result = await handle.db.execute(sql`select created_at from drizzle.__drizzle_migrations order by created_at`);
  const applied = rowsOf<{ created_at: string | number }>(result).map((r) => Number(r.created_at));
  const last = applied.at(-1);
  const latest = entries.find((e) => e.when === last)?.tag ?? null;
  return {
    applied: applied.length,
    latest,
    expected: entries.length,
    upToDate: applied.length === entries.length,
  };
}
