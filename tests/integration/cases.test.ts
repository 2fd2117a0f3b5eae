import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assignCoordinator,
  openCase,
  readCase,
  saveJobformidler,
  saveVisitation,
  visitationStatus,
} from "~/modules/cases/index.server";
import { createCitizen } from "~/modules/citizens/index.server";
import type { Actor } from "~/platform/auth/actor";
import { auditEvents, cases } from "~/platform/db/schema";
import { completeJudgement, DEMO_PREPARATORY } from "~/platform/demo/demo-judgement";
import { aCitizenInput, aMunicipality } from "../builders/tenancy";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

describe.each(databaseKinds())("cases and visitation on %s", (kind) => {
  let t: TestDb;
  let karen: Actor;
  let kim: Actor;
  let other: Actor;
  let citizenId: string;
  let seq = 0;
  const ctx = (actor: Actor) => ({ db: t.db, actor });

  beforeAll(async () => {
    process.env.APP_TODAY = "2026-01-14";
    t = await createTestDb(kind);
    const a = await aMunicipality(t.db, "Kommune A");
    karen = await a.actor("caseworker", "Karen Koordinator");
    kim = await a.actor("caseworker", "Kim Kollega");
    other = await (await aMunicipality(t.db, "Kommune B")).actor("caseworker");
    const c = await createCitizen(ctx(karen), aCitizenInput({ cpr: "150385-1234" }));
    if (!c.ok) throw new Error("setup");
    citizenId = c.id;
  });
  afterAll(async () => {
    delete process.env.APP_TODAY;
    await t?.drop();
  });

  async function newCase(origin: "municipality" | "application" = "municipality") {
    seq++;
    const r = await openCase(
      ctx(karen),
      citizenId,
      origin === "application"
        ? { origin, applicationReceivedOn: "2026-01-02", applicationText: "Jeg søger ressourceforløb" }
        : { origin },
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.id;
  }

  it("opens a case with the opener as koordinerende sagsbehandler and an audit event (P-6)", async () => {
    const id = await newCase();
    const view = await readCase(ctx(karen), id);
    expect(view?.case).toMatchObject({ status: "visitation", origin: "municipality", openedOn: "2026-01-14" });
    expect(view?.coordinator?.name).toBe("Karen Koordinator");
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["case.open", "case.read.view"]));
  });

  it("requires the application date and text when the citizen applied (TG-9)", async () => {
    const r = await openCase(ctx(karen), citizenId, { origin: "application" });
    expect(r).toMatchObject({ ok: false, reason: "INVALID" });
    if (!r.ok && r.reason === "INVALID")
      expect(Object.keys(r.errors).sort()).toEqual(["applicationReceivedOn", "applicationText"]);
  });

  it("keeps an incomplete visitation as a draft but refuses to send it to the team, naming each missing element", async () => {
    const id = await newCase();
    const r = await saveVisitation(
      ctx(karen),
      id,
      { version: 1, judgement: { tg1: completeJudgement().tg1 }, preparatory: { education: "9. klasse" } },
      { sendToTeam: true },
    );
    expect(r.ok).toBe(false);
    if (r.ok || r.reason !== "INCOMPLETE") throw new Error("expected INCOMPLETE");
    const ids = new Set(r.missing.map((m) => m.ruleId));
    for (const rule of ["TG-2", "TG-3", "TG-4", "TG-5", "TG-8", "P-1"]) expect(ids).toContain(rule);
    expect(ids).not.toContain("TG-1");
    expect(r.missing.some((m) => m.path === "bisidderInformedOn")).toBe(true);
    const [row] = await t.db.select().from(cases).where(eq(cases.id, id));
    expect(row).toMatchObject({ status: "visitation", version: 2 });
    expect(row?.preparatory).toEqual({ education: "9. klasse" });
  });

  it("sends a complete case to the team, and a case from an application needs TG-9 answered", async () => {
    const id = await newCase("application");
    const complete = {
      judgement: completeJudgement(),
      preparatory: DEMO_PREPARATORY,
      bisidderInformedOn: "2026-01-10",
    };
    const first = await saveVisitation(ctx(karen), id, { version: 1, ...complete }, { sendToTeam: true });
    if (first.ok || first.reason !== "INCOMPLETE") throw new Error("expected TG-9 to be missing");
    expect(first.missing.map((m) => m.ruleId)).toEqual(["TG-9"]);
    const second = await saveVisitation(
      ctx(karen),
      id,
      { version: first.version, ...complete, judgement: completeJudgement({ fromApplication: "Ressourceforløb" }) },
      { sendToTeam: true },
    );
    expect(second).toMatchObject({ ok: true, sentToTeam: true });
    const [row] = await t.db.select().from(cases).where(eq(cases.id, id));
    expect(row?.status).toBe("readyForTeam");
    expect(row?.readyForTeamAt).toBeTruthy();
  });

  it("refuses 'no need for a coordinating caseworker' as a refusal ground (TG-7) in the completeness check", async () => {
    const id = await newCase();
    const r = await saveVisitation(
      ctx(karen),
      id,
      { version: 1, judgement: { tg7: { grounds: ["noNeedForCoordinatingCaseworker"], reason: "x" } } },
      { sendToTeam: true },
    );
    if (r.ok || r.reason !== "INCOMPLETE") throw new Error("expected INCOMPLETE");
    expect(r.missing.find((m) => m.ruleId === "TG-7")?.message).toContain("1-15");
  });

  it("gives a stale visitation save a conflict and never overwrites", async () => {
    const id = await newCase();
    await saveVisitation(ctx(karen), id, { version: 1, preparatory: { education: "A" } }, { sendToTeam: false });
    const stale = await saveVisitation(
      ctx(kim),
      id,
      { version: 1, preparatory: { education: "B" } },
      { sendToTeam: false },
    );
    expect(stale).toEqual({ ok: false, reason: "CONFLICT" });
    expect((await readCase(ctx(karen), id))?.case.preparatory).toEqual({ education: "A" });
  });

  it("answers another municipality's case as not found, and logs the attempt", async () => {
    const id = await newCase();
    expect(await readCase(ctx(other), id)).toBeNull();
    expect(await saveVisitation(ctx(other), id, { version: 1 }, { sendToTeam: false })).toEqual({
      ok: false,
      reason: "NOT_FOUND",
    });
    const denied = await t.db.select().from(auditEvents).where(eq(auditEvents.actorId, other.id));
    expect(denied.map((e) => e.action)).toContain("case.read.notFound");
  });

  it("shows the rules' view of a new forløb: phase-out after 2026-02-01 (TG-10)", async () => {
    const id = await newCase();
    const view = (await readCase(ctx(karen), id))!;
    expect(visitationStatus(view).findings.newForloeb).toMatchObject({ allowed: true, minMonths: 12, maxMonths: 36 });
    const after = visitationStatus({ ...view, asOf: "2026-02-01" }).findings.newForloeb;
    expect(after.allowed).toBe(false);
    const dayBefore = visitationStatus({ ...view, asOf: "2026-01-31" }).findings.newForloeb;
    expect(dayBefore.allowed).toBe(true);
  });

  it("changes the koordinerende sagsbehandler with history (P-6)", async () => {
    const id = await newCase();
    const bad = await assignCoordinator(ctx(karen), id, {
      userId: kim.id,
      unit: "Socialforvaltningen",
      unitKind: "social",
      fromDate: "2026-01-20",
      citizenConsulted: false,
      reason: "kort",
    });
    expect(bad).toMatchObject({ ok: false, reason: "INVALID" });
    const ok = await assignCoordinator(ctx(karen), id, {
      userId: kim.id,
      unit: "Socialforvaltningen",
      unitKind: "social",
      fromDate: "2026-01-20",
      citizenConsulted: true,
      reason: "Indsatsen er i første omgang social",
    });
    expect(ok).toEqual({ ok: true });
    const view = (await readCase(ctx(karen), id))!;
    expect(view.coordinator).toMatchObject({ name: "Kim Kollega", unitKind: "social" });
    expect(view.coordinators.map((c) => [c.name, c.fromDate, c.toDate])).toEqual([
      ["Karen Koordinator", "2026-01-14", "2026-01-19"],
      ["Kim Kollega", "2026-01-20", null],
    ]);
  });

  it("records the jobformidler offer (P-7) and never lets the coordinator be the jobformidler", async () => {
    const id = await newCase();
    const same = await saveJobformidler(ctx(karen), id, {
      answer: "wants",
      informedOn: "2026-01-14",
      answeredOn: "2026-01-14",
      name: "Karen Koordinator",
    });
    expect(same).toMatchObject({ ok: false, reason: "INVALID" });
    if (!same.ok && same.reason === "INVALID") expect(same.errors.name).toContain("P-7");
    const missing = await saveJobformidler(ctx(karen), id, { answer: "wants" });
    if (missing.ok || missing.reason !== "INVALID") throw new Error("expected INVALID");
    expect(Object.keys(missing.errors).sort()).toEqual(["answeredOn", "informedOn", "name"]);
    expect(
      await saveJobformidler(ctx(karen), id, {
        answer: "wants",
        informedOn: "2026-01-14",
        answeredOn: "2026-01-15",
        name: "Jesper Jobformidler",
        isMentor: true,
      }),
    ).toEqual({ ok: true });
    expect(
      await saveJobformidler(ctx(kim), id, { answer: "declines", informedOn: "2026-01-14", answeredOn: "2026-01-16" }),
    ).toEqual({ ok: false, reason: "CONFLICT" });
    expect(
      await saveJobformidler(ctx(kim), id, {
        version: 1,
        answer: "wants",
        informedOn: "2026-01-14",
        answeredOn: "2026-01-16",
        name: "Kim Kollega",
      }),
    ).toEqual({ ok: true });
    // The jobformidler can then not be made the coordinator.
    const asCoordinator = await assignCoordinator(ctx(karen), id, {
      userId: kim.id,
      unit: "Jobcentret",
      unitKind: "jobcenter",
      fromDate: "2026-01-20",
      citizenConsulted: true,
      reason: "Skift",
    });
    expect(asCoordinator).toMatchObject({ ok: false, reason: "INVALID" });
    if (!asCoordinator.ok && asCoordinator.reason === "INVALID") expect(asCoordinator.errors.userId).toContain("P-7");
  });
});
