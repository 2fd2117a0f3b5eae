import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCitizen } from "~/modules/citizens/index.server";
import { dispatchOutbox, fileSender, storeLetter, type LetterSender } from "~/modules/letters/index.server";
import { outbox } from "~/platform/db/schema";
import { renderPdf } from "~/platform/pdf/render-pdf.server";
import { aCitizenInput, aMunicipality } from "../builders/tenancy";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

describe.each(databaseKinds())("letters outbox on %s", (kind) => {
  let t: TestDb;
  let dir: string;
  let store: (title: string) => Promise<string>;
  beforeAll(async () => {
    t = await createTestDb(kind);
    dir = mkdtempSync(path.join(tmpdir(), "rf-outbox-"));
    const m = await aMunicipality(t.db);
    const actor = await m.actor("caseworker");
    const c = await createCitizen({ db: t.db, actor }, aCitizenInput());
    if (!c.ok) throw new Error("setup");
    const pdf = await renderPdf({ content: ["Brev"] });
    store = (title) =>
      t.db.transaction((tx) =>
        storeLetter(
          tx,
          { actor },
          {
            municipalityId: m.municipality.id,
            citizenId: c.id,
            caseId: null,
            kind: "other",
            title,
            pdf,
            createdBy: actor.id,
          },
        ),
      );
  });
  afterAll(async () => {
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sends a stored letter once, and a retry of the same key never sends twice", async () => {
    const id = await store("Første brev");
    const sender = fileSender(dir);
    expect(await dispatchOutbox(t.db, sender)).toEqual({ sent: 1, failed: 0 });
    expect(await dispatchOutbox(t.db, sender)).toEqual({ sent: 0, failed: 0 });
    const files = readdirSync(dir);
    expect(files.filter((f) => f.endsWith(".pdf"))).toHaveLength(1);
    // Simulate a crash after sending but before marking: the row is pending again with the same key.
    await t.db.update(outbox).set({ status: "pending", sentAt: null }).where(eq(outbox.letterId, id));
    expect(await dispatchOutbox(t.db, sender)).toEqual({ sent: 1, failed: 0 });
    expect(readdirSync(dir).filter((f) => f.endsWith(".json"))).toHaveLength(1);
    // The envelope never carries the CPR number.
    expect(readdirSync(dir).join(" ")).not.toMatch(/\d{10}/);
  });

  it("retries a failed send later with back-off and records the error", async () => {
    const id = await store("Andet brev");
    let calls = 0;
    const flaky: LetterSender = {
      channel: "test",
      async send() {
        calls++;
        throw new Error("Digital Post svarer ikke");
      },
    };
    expect(await dispatchOutbox(t.db, flaky)).toEqual({ sent: 0, failed: 1 });
    const [row] = await t.db.select().from(outbox).where(eq(outbox.letterId, id));
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "Digital Post svarer ikke" });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: no second call.
    expect(await dispatchOutbox(t.db, flaky)).toEqual({ sent: 0, failed: 0 });
    expect(calls).toBe(1);
  });
});
