import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addOwnView, readMinPlan, requestConversation } from "~/modules/minplan/index.server";
import { revisePlan, sendPlanToCitizen } from "~/modules/plan/index.server";
import type { Actor } from "~/platform/auth/actor";
import { ForbiddenError } from "~/platform/auth/permissions";
import { auditEvents, cases, citizenRequests, conversations, jobformidlerOffers, users } from "~/platform/db/schema";
import { aCitizenWithoutCase, aGrantedCase, type GrantedCase } from "../builders/granted-case";
import { aMunicipality } from "../builders/tenancy";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

const PLAN = {
  version: 0,
  goal: { type: "education", text: "Uddannelse som pædagogisk assistent" },
  delmaal: [{ area: "education", text: "Gennemføre FVU-dansk", reason: "Ordblindhed står i vejen for uddannelse" }],
  interventions: [
    {
      title: "FVU-dansk på VUC",
      legalBasis: "lab14",
      provider: "Jobcentret, uddannelsesteamet",
      shortTermGoal: "Bestå FVU trin 2",
      form: "offer",
      plannedStart: "2025-10-01",
      plannedEnd: "2026-01-31",
    },
    {
      title: "Kor i kulturhuset",
      legalBasis: "other",
      provider: "Borgeren selv",
      shortTermGoal: "Komme ud blandt andre en gang om ugen",
      form: "agreed",
      plannedStart: "2025-09-10",
    },
  ],
  followUp: { how: "Samtale hver måned hos jobcentret" },
  mentor: {
    has: true,
    name: "Mads Mentor",
    contact: "mads@mentor.example",
    role: "Støtte på VUC",
    tasks: ["Møde op første uge", "Lektiestøtte"],
  },
  period: { from: "2025-09-01", to: "2026-03-31" },
};

describe.each(databaseKinds())("Min Plan on %s", (kind) => {
  let t: TestDb;
  let a: GrantedCase;
  let b: GrantedCase;
  let visitation: GrantedCase;
  let caseworker: Actor;
  let noCase: Actor;
  const ctx = (actor: Actor) => ({ db: t.db, actor, requestId: "test" });

  beforeAll(async () => {
    // Today is fixed for the whole file: the next and last meetings depend on it.
    process.env.APP_TODAY = "2025-11-10";
    t = await createTestDb(kind);
    const m = await aMunicipality(t.db, "Kommune M");
    caseworker = await m.actor("caseworker", "Karen Koordinator");
    a = await aGrantedCase(t.db, m.municipality.id, { citizenName: "Anna Andersen", caseworker });
    b = await aGrantedCase(t.db, m.municipality.id, { citizenName: "Bo Bertelsen", caseworker });
    visitation = await aGrantedCase(t.db, m.municipality.id, { citizenName: "Vera Visitation", status: "visitation" });
    await t.db.update(users).set({ email: "karen@kommune.example" }).where(eq(users.id, caseworker.id));

    const saved = await revisePlan(ctx(caseworker), a.caseId, PLAN);
    if (!saved.ok) throw new Error(`setup: ${JSON.stringify(saved)}`);
    const sent = await sendPlanToCitizen(ctx(caseworker), a.caseId);
    if (!sent.ok) throw new Error("setup: send");
    await t.db.insert(conversations).values([
      { caseId: a.caseId, date: "2025-10-20", time: "10:00", mode: "personal", status: "held" },
      {
        caseId: a.caseId,
        date: "2025-12-01",
        time: "13:30",
        mode: "phone",
        status: "planned",
        participants: ["mentor"],
      },
      { caseId: a.caseId, date: "2025-11-24", time: "09:00", mode: "video", status: "planned" },
      { caseId: a.caseId, date: "2025-11-01", time: "09:00", mode: "video", status: "planned" },
      { caseId: b.caseId, date: "2025-11-12", time: "11:00", mode: "personal", status: "planned" },
    ]);
    await t.db.insert(jobformidlerOffers).values({
      caseId: a.caseId,
      answer: "wants",
      name: "Jonas Jobformidler",
      phone: "87654321",
      email: "jonas@kommune.example",
      tasks: "Finde praktikpladser i børnehaver",
      agreements: "Vi ringer sammen hver anden fredag",
    });

    noCase = (await aCitizenWithoutCase(t.db, m.municipality.id, "Carl Uden Sag")).citizen;
  });
  afterAll(async () => {
    delete process.env.APP_TODAY;
    await t?.drop();
  });

  it("shows the citizen their goal, delmål and interventions, marking offers and agreed activities (PL-5, PL-6)", async () => {
    const v = await readMinPlan(ctx(a.citizen));
    expect(v?.citizenName).toBe("Anna Andersen");
    expect(v?.case?.status).toBe("granted");
    expect(v?.forloeb).toEqual(a.forloeb);
    expect(v?.plan?.revision).toBe(1);
    expect(v?.plan?.content.goal).toEqual({ type: "education", text: "Uddannelse som pædagogisk assistent" });
    expect(v?.plan?.content.delmaal.map((d) => d.text)).toEqual(["Gennemføre FVU-dansk"]);
    expect(v?.plan?.content.interventions.map((i) => [i.title, i.form])).toEqual([
      ["FVU-dansk på VUC", "offer"],
      ["Kor i kulturhuset", "agreed"],
    ]);
  });

  it("shows the next planned meeting from today and the last held one", async () => {
    const v = await readMinPlan(ctx(a.citizen));
    expect(v?.nextMeeting).toEqual({ date: "2025-11-24", time: "09:00", mode: "video", participants: [] });
    expect(v?.lastMeeting).toEqual({ date: "2025-10-20", time: "10:00", mode: "personal", participants: [] });
  });

  it("shows the coordinating caseworker, the jobformidler (P-7) and the mentor (MT-4)", async () => {
    const v = await readMinPlan(ctx(a.citizen));
    expect(v?.coordinator).toEqual({
      name: "Karen Koordinator",
      email: "karen@kommune.example",
      unit: "Jobcenter Demoby, Ressourceforløb",
    });
    expect(v?.jobformidler).toMatchObject({
      name: "Jonas Jobformidler",
      phone: "87654321",
      tasks: "Finde praktikpladser i børnehaver",
      agreements: "Vi ringer sammen hver anden fredag",
    });
    expect(v?.plan?.content.mentor).toMatchObject({
      has: true,
      name: "Mads Mentor",
      tasks: ["Møde op første uge", "Lektiestøtte"],
    });
    expect(v?.letters.map((l) => l.kind)).toEqual(["plan"]);
  });

  it("never shows another citizen's plan, meetings, contacts or letters", async () => {
    const v = await readMinPlan(ctx(b.citizen));
    expect(v?.citizenName).toBe("Bo Bertelsen");
    expect(v?.case?.id).toBe(b.caseId);
    expect(v?.plan).toBeNull();
    expect(v?.letters).toEqual([]);
    expect(v?.jobformidler).toBeNull();
    expect(v?.nextMeeting?.date).toBe("2025-11-12");
    expect(JSON.stringify(v)).not.toContain("Anna");
    expect(JSON.stringify(v)).not.toContain(a.caseId);
  });

  it("writes one minplan.read audit event per page view, on the citizen", async () => {
    const before = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "minplan.read"), eq(auditEvents.actorId, a.citizen.id)));
    await readMinPlan(ctx(a.citizen));
    const after = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "minplan.read"), eq(auditEvents.actorId, a.citizen.id)));
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      citizenId: a.citizenId,
      entityType: "case",
      entityId: a.caseId,
      actorRole: "citizen",
    });
  });

  it("asking for a conversation (FU-1) stores a request on the citizen's case, audited", async () => {
    const r = await requestConversation(ctx(a.citizen), { message: "Jeg vil gerne tale om praktikken" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [row] = await t.db.select().from(citizenRequests).where(eq(citizenRequests.id, r.id));
    expect(row).toMatchObject({
      kind: "conversation",
      caseId: a.caseId,
      citizenId: a.citizenId,
      message: "Jeg vil gerne tale om praktikken",
      handledAt: null,
    });
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, r.id));
    expect(event).toMatchObject({ action: "minplan.request.conversation", citizenId: a.citizenId });
    expect((await readMinPlan(ctx(a.citizen)))?.requests.map((q) => q.kind)).toContain("conversation");
    expect((await readMinPlan(ctx(b.citizen)))?.requests).toEqual([]);
  });

  it("refuses an empty request with a Danish message", async () => {
    expect(await requestConversation(ctx(a.citizen), { message: "  " })).toEqual({
      ok: false,
      reason: "INVALID",
      errors: { message: "Skriv kort, hvad du gerne vil tale om" },
    });
  });

  it("before the team meeting, the citizen's own view is stored on the case; a stale edit conflicts", async () => {
    const r = await addOwnView(ctx(visitation.citizen), { text: "Jeg vil gerne arbejde med dyr.", basedOn: "" });
    expect(r).toEqual({ ok: true, storedOn: "case" });
    const [row] = await t.db.select().from(cases).where(eq(cases.id, visitation.caseId));
    expect(row?.citizenView).toBe("Jeg vil gerne arbejde med dyr.");
    expect(row?.citizenViewAt).toBeInstanceOf(Date);
    expect(row?.version).toBe(2);

    // A second tab still based on "no text yet" does not overwrite it.
    const stale = await addOwnView(ctx(visitation.citizen), { text: "Noget andet", basedOn: "" });
    expect(stale).toMatchObject({ ok: false, reason: "CONFLICT", saved: "Jeg vil gerne arbejde med dyr." });
    if (stale.ok || stale.reason !== "CONFLICT") return;
    const next = await addOwnView(ctx(visitation.citizen), {
      text: "Jeg vil gerne arbejde med dyr, gerne på en gård.",
      basedOn: stale.basedOn,
    });
    expect(next).toEqual({ ok: true, storedOn: "case" });
    const v = await readMinPlan(ctx(visitation.citizen));
    expect(v?.case?.citizenView).toBe("Jeg vil gerne arbejde med dyr, gerne på en gård.");
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "minplan.view.forTeam"), eq(auditEvents.citizenId, visitation.citizenId)));
    expect(events.map((e) => e.changes?.citizenView?.after)).toEqual([
      "Jeg vil gerne arbejde med dyr.",
      "Jeg vil gerne arbejde med dyr, gerne på en gård.",
    ]);
  });

  it("after the team meeting, the citizen's view is a request of kind view", async () => {
    const r = await addOwnView(ctx(a.citizen), { text: "Jeg vil hellere være i en vuggestue.", basedOn: "" });
    expect(r).toEqual({ ok: true, storedOn: "request" });
    const rows = await t.db
      .select()
      .from(citizenRequests)
      .where(and(eq(citizenRequests.citizenId, a.citizenId), eq(citizenRequests.kind, "view")));
    expect(rows.map((x) => x.message)).toEqual(["Jeg vil hellere være i en vuggestue."]);
    const [c] = await t.db.select().from(cases).where(eq(cases.id, a.caseId));
    expect(c?.citizenView).toBeNull();
  });

  it("a citizen without a case sees a friendly empty Min Plan and cannot send requests", async () => {
    const v = await readMinPlan(ctx(noCase));
    expect(v).toMatchObject({ citizenName: "Carl Uden Sag", case: null, plan: null, letters: [] });
    expect(await requestConversation(ctx(noCase), { message: "Hej" })).toEqual({ ok: false, reason: "NO_CASE" });
  });

  it("staff cannot use Min Plan", async () => {
    await expect(readMinPlan(ctx(caseworker))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requestConversation(ctx(caseworker), { message: "x" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
