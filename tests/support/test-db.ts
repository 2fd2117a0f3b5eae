import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type DbHandle, type DatabaseKind } from "~/platform/db/client.server";
import { migrateDatabase } from "~/platform/db/migrate.server";

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export function databaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDb extends DbHandle {
  /** The connection URL of a PostgreSQL test database; undefined for PGlite. */
  url?: string;
  drop(): Promise<void>;
}

/** A fresh, empty PostgreSQL database (not migrated), for tests that start the whole app on it. */
export async function createEmptyPostgresDb(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `rf_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A fresh, migrated database of the given kind; each test file gets its own. */
export async function createTestDb(kind: DatabaseKind): Promise<TestDb> {
  if (kind === "pglite") {
    const handle = await openDatabase({ dataDir: "memory://" });
    await migrateDatabase(handle);
    return { ...handle, drop: () => handle.close() };
  }
  const empty = await createEmptyPostgresDb();
  const handle = await openDatabase({ url: empty.url });
  await migrateDatabase(handle);
  return {
    ...handle,
    url: empty.url,
    drop: async () => {
      await handle.close();
      await empty.drop();
    },
  };
}
