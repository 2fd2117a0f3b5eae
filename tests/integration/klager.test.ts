import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readCase } from "~/modules/cases/index.server";
import { appealsOverview, reassessAppeal, recordAppealOutcome, registerAppeal } from "~/modules/klager/index.server";
import type { Actor } from "~/platform/auth/actor";
import { afgoerelser, appeals, auditEvents, deadlines, interventionRecords } from "~/platform/db/schema";
import { aGrantedCase } from "../builders/granted-case";
import { aMunicipality } from "../builders/tenancy";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

describe.each(databaseKinds())("appeals (A-1, A-2, A-3) on %s", (kind) => {
  let t: TestDb;
  let municipalityId: string;
  let other: Actor;

  beforeAll(async () => {
    t = await createTestDb(kind);
    municipalityId = (await aMunicipality(t.db, "Testkommune")).municipality.id;
    other = await (await aMunicipality(t.db, "Naboby")).actor("caseworker", "Nikolaj Nabo");
  });
  afterAll(async () => t?.drop());
  afterEach(() => vi.unstubAllEnvs());

  const on = (day: string) => vi.stubEnv("APP_TODAY", day);

  /** A granted case with its grant decision and one recorded intervention, read by its caseworker. */
  async function aCaseWithDecision(decidedOn = "2025-12-01") {
    const g = await aGrantedCase(t.db, municipalityId, { start: "2025-12-15", months: 24 });
    const [a] = await t.db
      .insert(afgoerelser)
      .values({
        caseId: g.caseId,
        kind: "grant",
        decidedOn,
        startDate: "2025-12-15",
        endDate: "2027-12-14",
        months: 24,
        reasons: "Borgeren er i målgruppen.",
        decidedBy: g.caseworker.id,
      })
      .returning({ id: afgoerelser.id });
    const [i] = await t.db
      .insert(interventionRecords)
      .values({ caseId: g.caseId, kind: "lab11", title: "Virksomhedspraktik i Netto", startDate: "2026-01-05" })
      .returning({ id: interventionRecords.id });
    const ctx = { db: t.db, actor: g.caseworker };
    const view = (await readCase(ctx, g.caseId))!;
    const deadline = async (appealId: string) =>
      (
        await t.db
          .select()
          .from(deadlines)
          .where(
            and(
              eq(deadlines.caseId, g.caseId),
              eq(deadlines.kind, "appealReassessment"),
              eq(deadlines.refId, appealId),
            ),
          )
      )[0];
    const row = async (id: string) => (await t.db.select().from(appeals).where(eq(appeals.id, id)))[0]!;
    return { g, ctx, view, access: view.access, decisionId: a!.id, interventionId: i!.id, deadline, row };
  }

  it("A-1: an appeal after the 4 weeks is registered and flagged, one within them is not; the A-2 deadline is stored", async () => {
    on("2026-01-20");
    const c = await aCaseWithDecision();
    const r = await registerAppeal(c.ctx, c.access, {
      target: `afgoerelse:${c.decisionId}`,
      receivedOn: "2026-01-20",
      decisionReceivedOn: "02.12.2025",
      note: "Borgeren er uenig i varigheden.",
    });
    expect(r).toMatchObject({
      ok: true,
      timing: { lodgeDeadline: "2025-12-30", lodgedLate: true, reassessDeadline: "2026-02-17", stage: "registered" },
    });
    // Received after 30.12.2025, so late; one received in time is not flagged.
    const inTime = await registerAppeal(c.ctx, c.access, {
      afgoerelseId: c.decisionId,
      receivedOn: "2025-12-20",
      decisionReceivedOn: "2025-12-02",
    });
    expect(inTime).toMatchObject({ ok: true, timing: { lodgeDeadline: "2025-12-30", lodgedLate: false } });
    if (!r.ok || !inTime.ok) return;
    expect(await c.row(r.id)).toMatchObject({
      subject: "Afgørelse af 01.12.2025: Bevilling af ressourceforløb",
      receivedOn: "2026-01-20",
      decisionReceivedOn: "2025-12-02",
      afgoerelseId: c.decisionId,
    });
    expect(await c.deadline(r.id)).toMatchObject({
      dueDate: "2026-02-17",
      metOn: null,
      ruleId: "A-2",
      anchor: "klager",
    });
    expect(await c.deadline(inTime.id)).toMatchObject({ dueDate: "2026-01-17" });
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, r.id));
    expect(audit).toMatchObject({ action: "appeal.register", citizenId: c.g.citizenId, actorId: c.g.caseworker.id });
    expect(audit!.changes).toMatchObject({ lodgedLate: { before: null, after: true } });
  });

  it("validates every field at once, in Danish", async () => {
    on("2026-01-20");
    const c = await aCaseWithDecision();
    expect(await registerAppeal(c.ctx, c.access, { receivedOn: "2026-13-01" })).toEqual({
      ok: false,
      reason: "INVALID",
      errors: {
        receivedOn: "Skriv en gyldig dato (ÅÅÅÅ-MM-DD)",
        decisionReceivedOn: "Skriv datoen, borgeren modtog afgørelsen",
        target: "Vælg, hvilken afgørelse eller indsats borgeren klager over",
      },
    });
    expect(
      await registerAppeal(c.ctx, c.access, {
        afgoerelseId: c.decisionId,
        receivedOn: "2026-01-21",
        decisionReceivedOn: "2025-11-30",
      }),
    ).toMatchObject({
      ok: false,
      reason: "INVALID",
      errors: {
        receivedOn: expect.stringContaining("efter i dag"),
        decisionReceivedOn: expect.stringContaining("01.12.2025"),
      },
    });
  });

  it("A-2 and A-3: re-assessed and upheld, forwarded to Ankestyrelsen, then its outcome recorded", async () => {
    on("2026-01-20");
    const c = await aCaseWithDecision();
    const r = await registerAppeal(c.ctx, c.access, {
      afgoerelseId: c.decisionId,
      receivedOn: "2026-01-05",
      decisionReceivedOn: "2025-12-02",
    });
    if (!r.ok) throw new Error("not registered");
    expect(
      await recordAppealOutcome(c.ctx, c.access, r.id, { version: 1, outcome: "stadfaestet", outcomeOn: "2026-01-20" }),
    ).toMatchObject({ ok: false, reason: "WRONG_STATUS" });
    expect(
      await reassessAppeal(c.ctx, c.access, r.id, { version: 1, reassessedOn: "2026-01-15", result: "upheld" }),
    ).toEqual({
      ok: false,
      reason: "INVALID",
      errors: { forwardedOn: "Skriv datoen, klagen blev sendt til Ankestyrelsen (A-2)" },
    });
    const re = await reassessAppeal(c.ctx, c.access, r.id, {
      version: "1",
      reassessedOn: "2026-01-15",
      result: "upheld",
      forwardedOn: "2026-01-16",
      note: "Afgørelsen fastholdes; varigheden følger teamets indstilling.",
    });
    expect(re).toMatchObject({ ok: true, version: 2, timing: { stage: "forwarded", reassessedLate: false } });
    expect(await c.deadline(r.id)).toMatchObject({ dueDate: "2026-02-02", metOn: "2026-01-15" });
    // A stale form is a conflict.
    expect(
      await recordAppealOutcome(c.ctx, c.access, r.id, { version: 1, outcome: "stadfaestet", outcomeOn: "2026-01-20" }),
    ).toEqual({ ok: false, reason: "CONFLICT", version: 2 });
    expect(
      await recordAppealOutcome(c.ctx, c.access, r.id, { version: 2, outcome: "hjemvist", outcomeOn: "2026-01-10" }),
    ).toMatchObject({ ok: false, reason: "INVALID", errors: { outcomeOn: expect.stringContaining("16.01.2026") } });
    const out = await recordAppealOutcome(c.ctx, c.access, r.id, {
      version: 2,
      outcome: "hjemvist",
      outcomeOn: "2026-01-20",
    });
    expect(out).toMatchObject({ ok: true, timing: { stage: "closed" } });
    expect(await c.row(r.id)).toMatchObject({
      reassessedOn: "2026-01-15",
      reassessmentResult: "upheld",
      forwardedOn: "2026-01-16",
      outcome: "hjemvist",
      outcomeOn: "2026-01-20",
      note: "Afgørelsen fastholdes; varigheden følger teamets indstilling.",
    });
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, r.id))).map((a) => a.action);
    expect(actions).toEqual(["appeal.register", "appeal.reassess", "appeal.outcome"]);

    // The decision's history on the Klager page shows all of it.
    const overview = await appealsOverview(c.ctx, c.view);
    const decision = overview.decisions.find((d) => d.id === c.decisionId)!;
    expect(decision.appeals).toEqual([
      expect.objectContaining({ id: r.id, outcome: "hjemvist", deadline: expect.objectContaining({ status: "met" }) }),
    ]);
  });

  it("full redress ends the appeal without forwarding; a late re-assessment is flagged", async () => {
    on("2026-03-10");
    const c = await aCaseWithDecision();
    const r = await registerAppeal(c.ctx, c.access, {
      interventionRecordId: c.interventionId,
      receivedOn: "2026-01-20",
      decisionReceivedOn: "2026-01-05",
    });
    if (!r.ok) throw new Error("not registered");
    expect(await c.row(r.id)).toMatchObject({
      subject: "Indsats: Virksomhedspraktik i Netto",
      interventionRecordId: c.interventionId,
    });
    expect(
      await reassessAppeal(c.ctx, c.access, r.id, {
        version: 1,
        reassessedOn: "2026-03-01",
        result: "changed",
        forwardedOn: "2026-03-02",
      }),
    ).toMatchObject({
      ok: false,
      reason: "INVALID",
      errors: { forwardedOn: expect.stringContaining("fuldt medhold") },
    });
    const re = await reassessAppeal(c.ctx, c.access, r.id, {
      version: 1,
      reassessedOn: "2026-03-01",
      result: "changed",
    });
    expect(re).toMatchObject({
      ok: true,
      timing: { stage: "reassessed", reassessedLate: true, reassessDeadline: "2026-02-17" },
    });
    expect(await c.deadline(r.id)).toMatchObject({ dueDate: "2026-02-17", metOn: "2026-03-01" });
  });

  it("another municipality's caseworker cannot register or handle the case's appeals", async () => {
    on("2026-01-20");
    const c = await aCaseWithDecision();
    const ctx = { db: t.db, actor: other };
    expect(
      await registerAppeal(ctx, c.access, {
        afgoerelseId: c.decisionId,
        receivedOn: "2026-01-20",
        decisionReceivedOn: "2026-01-02",
      }),
    ).toEqual({ ok: false, reason: "NOT_FOUND" });
    const r = await registerAppeal(c.ctx, c.access, {
      afgoerelseId: c.decisionId,
      receivedOn: "2026-01-20",
      decisionReceivedOn: "2026-01-02",
    });
    if (!r.ok) throw new Error("not registered");
    expect(
      await reassessAppeal(ctx, c.access, r.id, { version: 1, reassessedOn: "2026-01-20", result: "changed" }),
    ).toEqual({ ok: false, reason: "NOT_FOUND" });
    // An appeal id from another case is not found either.
    const d = await aCaseWithDecision();
    expect(
      await reassessAppeal(d.ctx, d.access, r.id, { version: 1, reassessedOn: "2026-01-20", result: "changed" }),
    ).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});
