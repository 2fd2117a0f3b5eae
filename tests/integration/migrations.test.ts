import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "~/platform/db/client.server";
import { migrateDatabase, migrationLevel } from "~/platform/db/migrate.server";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

describe.each(databaseKinds())("migrations on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => t?.drop());

  it("applies every committed migration from empty and reports the level", async () => {
    const level = await migrationLevel(t);
    expect(level.upToDate).toBe(true);
    expect(level.applied).toBe(level.expected);
    expect(level.latest).toMatch(/^\d{4}_/);
  });

  it("is idempotent when run again", async () => {
    await migrateDatabase(t);
    expect((await migrationLevel(t)).upToDate).toBe(true);
  });

  it("makes the audit log append-only", async () => {
    await t.db.execute(
      sql`insert into audit_events (actor_type, actor_name, action) values ('system', 'test', 'test.event')`,
    );
    await expect(t.db.execute(sql`update audit_events set action = 'changed'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    const rows = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from audit_events`));
    expect(rows[0]?.n).toBe(1);
  });
});
