import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCase, reassignCase } from "~/modules/cases/index.server";
import {
  caseDeadlines,
  myDeadlines,
  recomputeAllDeadlines,
  recomputeDeadlines,
  teamDeadlines,
} from "~/modules/frister/index.server";
import type { Actor } from "~/platform/auth/actor";
import { ForbiddenError } from "~/platform/auth/permissions";
import { auditEvents, deadlines, forloebPeriods } from "~/platform/db/schema";
import { aGrantedCase } from "../builders/granted-case";
import { aMunicipality } from "../builders/tenancy";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

describe.each(databaseKinds())("deadlines on %s", (kind) => {
  let t: TestDb;
  let leader: Actor;
  let karen: Actor;
  let kim: Actor;
  let otherLeader: Actor;
  const ctx = (actor: Actor) => ({ db: t.db, actor });

  beforeAll(async () => {
    process.env.APP_TODAY = "2022-09-15";
    t = await createTestDb(kind);
    const m = await aMunicipality(t.db, "Kommune A");
    leader = await m.actor("leader", "Lene Leder");
    karen = await m.actor("caseworker", "Karen Koordinator");
    kim = await m.actor("caseworker", "Kim Kollega");
    otherLeader = await (await aMunicipality(t.db, "Kommune B")).actor("leader");
  });
  afterAll(async () => {
    delete process.env.APP_TODAY;
    await t?.drop();
  });

  it("stores the indsatsgaranti of the golden example and lists it on 'Mine frister' with status and why", async () => {
    const g = await aGrantedCase(t.db, karen.municipalityId, { start: "2022-03-01", months: 24, caseworker: karen });
    await t.db
      .insert(forloebPeriods)
      .values({ caseId: g.caseId, kind: "fritagelse", fromDate: "2022-04-01", toDate: "2022-04-30" });
    await t.db.transaction((tx) => recomputeDeadlines(tx, g.caseId));
    const mine = await myDeadlines(ctx(karen));
    // 16 days ahead is beyond "due soon" (14 days): not on the default list, but on the full one.
    expect(mine.items.some((d) => d.caseId === g.caseId && d.kind === "indsatsgaranti")).toBe(false);
    const ig = (await myDeadlines(ctx(karen), { all: true })).items.find(
      (d) => d.caseId === g.caseId && d.kind === "indsatsgaranti",
    );
    expect(ig).toMatchObject({ dueDate: "2022-10-01", status: "upcoming", ruleId: "IG-1" });
    // FU-1: no conversations in the first six months → overdue, listed first.
    expect(mine.items[0]).toMatchObject({ kind: "conversations4", status: "overdue" });
    const all = await myDeadlines(ctx(karen), { all: true });
    expect(all.items.map((d) => d.kind)).toEqual(
      expect.arrayContaining(["indsatsgaranti", "conversations4", "forloebEnding"]),
    );
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "deadline.listed"));
    expect(audit.some((e) => e.citizenId === g.citizenId)).toBe(true);
  });

  it("the leader sees counts per caseworker and the overdue list, and reassigning moves the deadlines", async () => {
    const g = await aGrantedCase(t.db, karen.municipalityId, { start: "2022-01-03", months: 12, caseworker: karen });
    await recomputeAllDeadlines(t.db);
    const team = await teamDeadlines(ctx(leader));
    const karenRow = team.counts.find((c) => c.userId === karen.id);
    expect(karenRow?.overdue).toBeGreaterThan(0);
    expect(team.overdue.some((d) => d.caseId === g.caseId)).toBe(true);
    expect(await reassignCase(ctx(leader), g.caseId, kim.id)).toEqual({ ok: true });
    const rows = await t.db.select().from(deadlines).where(eq(deadlines.caseId, g.caseId));
    expect(rows.every((r) => r.userId === kim.id)).toBe(true);
    expect((await myDeadlines(ctx(kim))).items.some((d) => d.caseId === g.caseId)).toBe(true);
    const view = await readCase(ctx(leader), g.caseId);
    expect(view?.coordinator?.name).toBe("Kim Kollega");
  });

  it("keeps other municipalities and roles out", async () => {
    const other = await teamDeadlines(ctx(otherLeader));
    expect(other.overdue).toEqual([]);
    await expect(teamDeadlines(ctx(karen))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("case deadlines come with status and explanation for the case pages", async () => {
    const g = await aGrantedCase(t.db, karen.municipalityId, { start: "2022-05-02", months: 12, caseworker: karen });
    await t.db.transaction((tx) => recomputeDeadlines(tx, g.caseId));
    const view = (await readCase(ctx(karen), g.caseId))!;
    const list = await caseDeadlines(t.db, view.access);
    expect(list.find((d) => d.kind === "indsatsgaranti")).toMatchObject({ dueDate: "2022-11-02", status: "upcoming" });
    expect(JSON.stringify(list.find((d) => d.kind === "indsatsgaranti")?.explanation)).toContain("IG-");
  });
});
