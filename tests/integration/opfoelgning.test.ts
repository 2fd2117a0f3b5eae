import { and, asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Fu4NonAttendanceSchema } from "~/legislation";
import { readCase } from "~/modules/cases/index.server";
import { requestConversation, addOwnView } from "~/modules/minplan/index.server";
import {
  assessNonAttendance,
  cancelConversation,
  conversationsOf,
  followUpOverview,
  handleRequest,
  markNoShow,
  openRequests,
  proposeSanction,
  recordHeldConversation,
  scheduleConversation,
  withdrawSanction,
} from "~/modules/opfoelgning/index.server";
import type { Actor } from "~/platform/auth/actor";
import { ForbiddenError } from "~/platform/auth/permissions";
import {
  afgoerelser,
  auditEvents,
  cases,
  citizenRequests,
  citizens,
  conversations,
  deadlines,
  interventionRecords,
  municipalitySettings,
} from "~/platform/db/schema";
import { anIndstilling } from "../builders/decision";
import { aGrantedCase, type GrantedCase } from "../builders/granted-case";
import { aMunicipality } from "../builders/tenancy";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

/** A conversation result that must be ok; returns it narrowed. */
function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

describe.each(databaseKinds())("follow-up (FU-1..FU-4) on %s", (kind) => {
  let t: TestDb;
  let municipalityId: string;
  let karen: Actor;
  let neighbour: Actor;
  let rehab: Actor;
  const ctx = (actor: Actor) => ({ db: t.db, actor, requestId: "test" });
  const on = (day: string) => vi.stubEnv("APP_TODAY", day);
  const aCase = (opts: Parameters<typeof aGrantedCase>[2] = {}) =>
    aGrantedCase(t.db, municipalityId, { caseworker: karen, ...opts });
  const deadline = async (caseId: string, kind: string) =>
    (
      await t.db
        .select()
        .from(deadlines)
        .where(and(eq(deadlines.caseId, caseId), eq(deadlines.kind, kind)))
    )[0];
  const conversation = async (id: string) =>
    (await t.db.select().from(conversations).where(eq(conversations.id, id)))[0]!;
  const access = async (caseId: string) => (await readCase(ctx(karen), caseId))!.access;
  const held = (caseId: string, date: string, extra: Record<string, unknown> = {}) => {
    on(date);
    return recordHeldConversation(ctx(karen), caseId, {
      date,
      time: "10:00",
      mode: "personal",
      notes: "Vi gennemgik planen.",
      ...extra,
    });
  };
  const FU4_OK = {
    attempts: [
      { date: "2025-10-06", channel: "phone", outcome: "Ingen svar; lagt besked" },
      { date: "2025-10-08", channel: "digitalPost", outcome: "Brev om ny tid; intet svar" },
      { date: "2025-10-13", channel: "homeVisit", outcome: "Ingen lukkede op" },
    ],
    groundExists: "false",
    groundReason: "Borgeren har ikke oplyst nogen grund, og vi kender ingen helbredsmæssige eller sociale forhold.",
    attemptsExhausted: "true",
    sanctionWouldImprove: "true",
  };

  beforeAll(async () => {
    t = await createTestDb(kind);
    const m = await aMunicipality(t.db, "Kommune M");
    municipalityId = m.municipality.id;
    karen = await m.actor("caseworker", "Karen Koordinator");
    rehab = await m.actor("rehabteam", "Rasmus Rehab");
    neighbour = await (await aMunicipality(t.db, "Naboby")).actor("caseworker", "Nikolaj Nabo");
  });
  afterEach(() => vi.unstubAllEnvs());
  afterAll(async () => t?.drop());

  it("FU-1: schedule, then hold; the stored 4-in-6-months deadline is met when the fourth is held", async () => {
    const a = await aCase({ start: "2025-09-01" });
    on("2025-09-02");
    const planned = ok(
      await scheduleConversation(ctx(karen), a.caseId, {
        date: "2025-09-08",
        time: "9:30",
        mode: "personal",
        participants: ["mentor", "network"],
      }),
    );
    expect(await conversation(planned.id)).toMatchObject({
      status: "planned",
      time: "09:30",
      participants: ["mentor", "network"],
      version: 1,
    });
    expect(await deadline(a.caseId, "conversations4")).toMatchObject({
      dueDate: "2026-02-28",
      metOn: null,
      ruleId: "FU-1",
      anchor: "samtaler",
    });

    ok(
      await held(a.caseId, "2025-09-08", {
        conversationId: planned.id,
        version: 1,
        time: "09:30",
        participants: ["mentor", "network"],
        nextDate: "2025-10-06",
        nextTime: "10:00",
        nextMode: "personal",
      }),
    );
    expect(await conversation(planned.id)).toMatchObject({ status: "held", nextAgreedOn: "2025-10-06", version: 2 });
    expect((await deadline(a.caseId, "conversations4"))?.title).toContain("1 af 4 holdt");

    for (const date of ["2025-10-06", "2025-11-03"]) ok(await held(a.caseId, date));
    expect(await deadline(a.caseId, "conversations4")).toMatchObject({ metOn: null });
    ok(await held(a.caseId, "2025-12-01"));
    const met = await deadline(a.caseId, "conversations4");
    expect(met).toMatchObject({ dueDate: "2026-02-28", metOn: "2025-12-01" });
    expect(met?.title).toContain("4 af 4 holdt");
    expect(JSON.stringify(met?.explanation)).toContain("FU-1");
  });

  it("FU-1 after six months: the next conversation is due by the municipality's own interval and goes overdue", async () => {
    const [m2] = await t.db
      .select()
      .from(municipalitySettings)
      .where(eq(municipalitySettings.municipalityId, municipalityId));
    if (!m2) await t.db.insert(municipalitySettings).values({ municipalityId, conversationIntervalDays: 30 });
    try {
      const a = await aCase({ start: "2025-01-06" });
      // Recorded a few days late, after the first 6 months (window ends 2025-07-05).
      on("2025-07-25");
      ok(
        await recordHeldConversation(ctx(karen), a.caseId, { date: "2025-07-20", mode: "personal", notes: "Status." }),
      );
      expect(await deadline(a.caseId, "nextConversation")).toMatchObject({
        dueDate: "2025-08-19",
        metOn: null,
        ruleId: "FU-1",
      });
      const explanation = JSON.stringify((await deadline(a.caseId, "nextConversation"))?.explanation);
      expect(explanation).toContain("30 dage");

      // Three weeks on, it is overdue on the page (status is judged against today).
      const overview = await followUpOverview(t.db, await access(a.caseId), "2025-09-01");
      const next = overview.deadlines.find((d) => d.kind === "nextConversation");
      expect(next).toMatchObject({ dueDate: "2025-08-19", status: "overdue", statusLabel: "Overskredet" });

      // Holding the overdue conversation moves the deadline in the same transaction.
      ok(await held(a.caseId, "2025-09-01"));
      expect((await deadline(a.caseId, "nextConversation"))?.dueDate).toBe("2025-10-01");
    } finally {
      await t.db.delete(municipalitySettings).where(eq(municipalitySettings.municipalityId, municipalityId));
    }
  });

  it("P-5: the first meeting after the team is met by the first held conversation", async () => {
    const a = await aCase({ start: "2026-02-01" });
    await anIndstilling(t.db, a.caseId, municipalityId, { meetingDate: "2026-01-07" });
    await t.db.update(cases).set({ status: "granted" }).where(eq(cases.id, a.caseId));
    ok(await held(a.caseId, "2026-01-12"));
    expect(await deadline(a.caseId, "firstMeeting")).toMatchObject({
      dueDate: "2026-01-14",
      metOn: "2026-01-12",
      ruleId: "P-5",
    });
  });

  it("FU-2: a remote conversation without an employment-oriented offer warns (never blocks); with one it does not", async () => {
    const a = await aCase({ start: "2025-09-01" });
    on("2025-10-01");
    const phone = ok(
      await scheduleConversation(ctx(karen), a.caseId, { date: "2025-10-15", time: "10:00", mode: "phone" }),
    );
    expect(phone.warnings).toHaveLength(1);
    expect(phone.warnings[0]).toMatchObject({ ruleId: "FU-2" });
    expect(phone.warnings[0]!.message).toContain("beskæftigelsesrettet tilbud");
    expect(phone.warnings[0]!.basis).toContain("LAB §§ 27, 31-33");
    expect(phone.warnings[0]!.basis).toContain("§5.5");
    expect((await conversation(phone.id)).status).toBe("planned");

    const personal = ok(
      await scheduleConversation(ctx(karen), a.caseId, { date: "2025-10-16", time: "10:00", mode: "personal" }),
    );
    expect(personal.warnings).toEqual([]);
    // The citizen cannot attend two conversations at once.
    expect(
      await scheduleConversation(ctx(karen), a.caseId, { date: "2025-10-16", time: "10:00", mode: "video" }),
    ).toEqual({
      ok: false,
      reason: "INVALID",
      errors: { time: "Der er allerede planlagt en samtale med borgeren på det tidspunkt" },
    });

    // A running virksomhedspraktik (LAB kap. 11) on the day allows the phone conversation.
    await t.db.insert(interventionRecords).values({
      caseId: a.caseId,
      kind: "lab11",
      title: "Virksomhedspraktik på lager",
      status: "running",
      startDate: "2025-10-01",
    });
    const inOffer = ok(
      await scheduleConversation(ctx(karen), a.caseId, { date: "2025-10-22", time: "10:00", mode: "video" }),
    );
    expect(inOffer.warnings).toEqual([]);
    // A held remote conversation before the offer began is warned about, in the list too.
    const before = ok(
      await held(a.caseId, "2025-09-25", {
        mode: "phone",
        nextDate: "2025-10-30",
        nextTime: "10:00",
        nextMode: "personal",
      }),
    );
    expect(before.warnings.map((w) => w.ruleId)).toEqual(["FU-2"]);
    on("2025-10-01");
    const list = await conversationsOf(t.db, await access(a.caseId));
    expect(list.find((c) => c.id === before.id)?.findings.map((f) => f.ruleId)).toEqual(["FU-2"]);
    expect(list.find((c) => c.id === inOffer.id)?.findings).toEqual([]);
  });

  it("FU-3: a held conversation without the next meeting warns; with it, the next one is booked in the same step", async () => {
    const a = await aCase({ start: "2025-09-01" });
    const without = ok(await held(a.caseId, "2025-09-10"));
    expect(without.warnings.map((w) => w.ruleId)).toEqual(["FU-3"]);
    expect(without.warnings[0]!.basis).toContain("§5.3");
    expect(without.next).toBeNull();

    const withNext = ok(
      await held(a.caseId, "2025-09-24", {
        nextDate: "2025-10-08",
        nextTime: "13:00",
        nextMode: "video",
        nextParticipants: ["jobformidler"],
      }),
    );
    expect(withNext.warnings.filter((w) => w.ruleId === "FU-3")).toEqual([]);
    expect(withNext.next?.date).toBe("2025-10-08");
    expect(await conversation(withNext.next!.id)).toMatchObject({
      status: "planned",
      date: "2025-10-08",
      time: "13:00",
      mode: "video",
      participants: ["jobformidler"],
    });
    // A next date that is already planned is linked, not booked twice.
    const again = ok(
      await held(a.caseId, "2025-09-30", { nextDate: "2025-10-08", nextTime: "09:00", nextMode: "personal" }),
    );
    expect(again.next?.id).toBe(withNext.next!.id);
    const planned = await t.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.caseId, a.caseId), eq(conversations.status, "planned")));
    expect(planned).toHaveLength(1);
  });

  it("rejects bad input with Danish messages per field, and keeps the input out of the database", async () => {
    const a = await aCase({ start: "2025-09-01" });
    on("2025-10-01");
    const r = await scheduleConversation(ctx(karen), a.caseId, { date: "2025-09-30", time: "25:00", mode: "fax" });
    expect(r).toMatchObject({
      ok: false,
      reason: "INVALID",
      errors: {
        date: "En samtale kan kun planlægges fra i dag og frem. Er samtalen holdt, så registrér den som holdt.",
        time: "Skriv klokkeslættet som TT:MM, fx 10:00",
        mode: "Vælg, hvordan samtalen holdes",
      },
    });
    const h = await recordHeldConversation(ctx(karen), a.caseId, {
      date: "2025-10-02",
      mode: "personal",
      notes: " ",
      nextDate: "2025-10-20",
    });
    expect(h).toMatchObject({
      ok: false,
      reason: "INVALID",
      errors: {
        date: "En samtale kan først registreres som holdt på dagen eller bagefter. Planlæg den i stedet.",
        notes: "Skriv et kort referat af samtalen: hvad blev drøftet og aftalt",
        nextTime: "Skriv klokkeslættet for næste samtale som TT:MM, fx 10:00",
        nextMode: "Vælg, hvordan næste samtale holdes",
      },
    });
    expect(await t.db.select().from(conversations).where(eq(conversations.caseId, a.caseId))).toEqual([]);
  });

  it("FU-4: a no-show is recorded with the contact attempts and the reasonable-ground assessment", async () => {
    const a = await aCase({ start: "2025-09-01" });
    on("2025-09-20");
    const p = ok(
      await scheduleConversation(ctx(karen), a.caseId, { date: "2025-10-06", time: "10:00", mode: "personal" }),
    );
    expect(await markNoShow(ctx(karen), a.caseId, { conversationId: p.id, version: 1 })).toMatchObject({
      ok: false,
      reason: "WRONG_STATUS",
    });
    on("2025-10-06");
    const ns = ok(await markNoShow(ctx(karen), a.caseId, { conversationId: p.id, version: 1 }));
    expect(await conversation(p.id)).toMatchObject({ status: "noShow", nonAttendance: null, version: 2 });
    const [listed] = await conversationsOf(t.db, await access(a.caseId));
    expect(listed?.findings.map((f) => f.ruleId)).toEqual(["FU-4"]);

    on("2025-10-13");
    const bad = await assessNonAttendance(ctx(karen), a.caseId, {
      conversationId: p.id,
      version: ns.version,
      attempts: [{ date: "2025-10-01", channel: "phone", outcome: "" }],
      groundExists: "true",
      groundReason: "",
    });
    expect(bad).toMatchObject({
      ok: false,
      reason: "INVALID",
      errors: {
        "attempts.0.date": "Kontaktforsøget skal ligge på dagen for udeblivelsen eller senere",
        "attempts.0.outcome": "Beskriv udfaldet af kontaktforsøget",
        groundKind: "Vælg, hvilken rimelig grund der var (FU-4)",
        groundReason: "Begrund vurderingen af, om der var en rimelig grund (FU-4)",
        attemptsExhausted: "Vælg, om alle rimelige muligheder for personlig kontakt er udtømt (FU-4)",
        sanctionWouldImprove: "Vælg, om en sanktion vil fremme borgerens rådighed (FU-4)",
      },
    });

    const assessed = ok(
      await assessNonAttendance(ctx(karen), a.caseId, {
        conversationId: p.id,
        version: ns.version,
        attempts: [
          { date: "2025-10-07", channel: "phone", outcome: "Borgeren tog telefonen" },
          { date: "2025-10-06", channel: "phone", outcome: "Ingen svar" },
        ],
        groundExists: "true",
        groundKind: "illness",
        groundReason: "Borgeren var indlagt med lungebetændelse; dokumenteret af egen læge.",
        attemptsExhausted: "false",
        sanctionWouldImprove: "false",
      }),
    );
    const row = await conversation(p.id);
    expect(Fu4NonAttendanceSchema.parse(row.nonAttendance)).toEqual({
      date: "2025-10-06",
      contactAttempts: [
        { date: "2025-10-06", channel: "phone", outcome: "Ingen svar" },
        { date: "2025-10-07", channel: "phone", outcome: "Borgeren tog telefonen" },
      ],
      reasonableGround: {
        exists: true,
        kind: "illness",
        reason: "Borgeren var indlagt med lungebetændelse; dokumenteret af egen læge.",
      },
      allReasonableAttemptsExhausted: false,
      sanctionWouldImproveAvailability: false,
      sanctionProposed: false,
    });
    expect(row.version).toBe(assessed.version);
    expect(row.sanctionProposedOn).toBeNull();
    const [again] = await conversationsOf(t.db, await access(a.caseId));
    expect(again?.findings).toEqual([]);
  });

  describe("FU-4: the sanction guard (LAS § 13, stk. 7-8; skrivelse 10112 §5.5, §6.6)", () => {
    async function noShowWith(assessment: Record<string, unknown> | null) {
      const a = await aCase({ start: "2025-09-01" });
      on("2025-10-01");
      const p = ok(
        await scheduleConversation(ctx(karen), a.caseId, { date: "2025-10-03", time: "10:00", mode: "personal" }),
      );
      on("2025-10-03");
      let v = ok(await markNoShow(ctx(karen), a.caseId, { conversationId: p.id, version: p.version })).version;
      if (assessment) {
        on("2025-10-14");
        v = ok(
          await assessNonAttendance(ctx(karen), a.caseId, { conversationId: p.id, version: v, ...assessment }),
        ).version;
      }
      const propose = () => proposeSanction(ctx(karen), a.caseId, { conversationId: p.id, version: v });
      return { a, id: p.id, version: v, propose };
    }
    const attempts = [
      { date: "2025-10-03", channel: "phone", outcome: "Ingen svar" },
      { date: "2025-10-06", channel: "homeVisit", outcome: "Ingen hjemme" },
    ];

    it("blocks a proposal before the no-show is assessed", async () => {
      const r = await (await noShowWith(null)).propose();
      expect(r).toMatchObject({ ok: false, reason: "BLOCKED" });
      if (r.ok || r.reason !== "BLOCKED") return;
      expect(r.messages[0]).toContain("FU-4");
      expect(r.messages[0]).toContain("§6.6");
    });

    it("blocks it while the attempts at personal contact are not exhausted", async () => {
      const s = await noShowWith({ ...FU4_OK, attempts, attemptsExhausted: "false" });
      const r = await s.propose();
      expect(r).toEqual({
        ok: false,
        reason: "BLOCKED",
        messages: [
          "FU-4: Der kan først sanktioneres, når alle rimelige muligheder for personlig kontakt er udtømt (skrivelse 10112 §6.6).",
        ],
      });
      expect((await conversation(s.id)).sanctionProposedOn).toBeNull();
    });

    it("blocks it when no contact attempt is recorded, even if marked exhausted", async () => {
      const r = await (await noShowWith({ ...FU4_OK, attempts: [] })).propose();
      expect(r).toMatchObject({ ok: false, reason: "BLOCKED" });
      if (r.ok || r.reason !== "BLOCKED") return;
      expect(r.messages.join(" ")).toContain("personlig kontakt er udtømt");
    });

    it("blocks it when a reasonable ground is recorded", async () => {
      const r = await (
        await noShowWith({ ...FU4_OK, attempts, groundExists: "true", groundKind: "seriousMentalIllness" })
      ).propose();
      expect(r).toEqual({
        ok: false,
        reason: "BLOCKED",
        messages: [
          "FU-4: Der kan ikke sanktioneres, når der er en rimelig grund til udeblivelsen (skrivelse 10112 §6.6).",
        ],
      });
    });

    it("blocks it where a sanction would not improve availability", async () => {
      const r = await (await noShowWith({ ...FU4_OK, attempts, sanctionWouldImprove: "false" })).propose();
      expect(r).toEqual({
        ok: false,
        reason: "BLOCKED",
        messages: ["FU-4: Der gives ikke sanktion, hvor en sanktion ikke fremmer rådigheden (skrivelse 10112 §6.6)."],
      });
    });

    it("records the proposal when all three hold, for a separate decision; nothing is sanctioned", async () => {
      const s = await noShowWith({ ...FU4_OK, attempts });
      const decisionsBefore = await t.db.select().from(afgoerelser).where(eq(afgoerelser.caseId, s.a.caseId));
      const r = ok(await s.propose());
      const row = await conversation(s.id);
      expect(row.sanctionProposedOn).toBe("2025-10-14");
      expect(Fu4NonAttendanceSchema.parse(row.nonAttendance).sanctionProposed).toBe(true);
      expect(row.version).toBe(r.version);
      // Only a recorded proposal: no decision, no change of the case.
      expect(await t.db.select().from(afgoerelser).where(eq(afgoerelser.caseId, s.a.caseId))).toEqual(decisionsBefore);
      const [c] = await t.db.select().from(cases).where(eq(cases.id, s.a.caseId));
      expect(c?.status).toBe("granted");
      const [event] = await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, s.id), eq(auditEvents.action, "conversation.sanction.propose")));
      expect(event).toMatchObject({ citizenId: s.a.citizenId, actorId: karen.id });
      expect(event?.changes?.sanctionProposedOn).toEqual({ before: null, after: "2025-10-14" });

      // A second proposal is refused; a later assessment with a reasonable ground withdraws it, saying why.
      expect(await proposeSanction(ctx(karen), s.a.caseId, { conversationId: s.id, version: r.version })).toMatchObject(
        {
          ok: false,
          reason: "WRONG_STATUS",
        },
      );
      const reassessed = ok(
        await assessNonAttendance(ctx(karen), s.a.caseId, {
          conversationId: s.id,
          version: r.version,
          ...FU4_OK,
          attempts: [...attempts, { date: "2025-10-14", channel: "phone", outcome: "Borgeren ringede: var indlagt" }],
          groundExists: "true",
          groundKind: "illness",
          groundReason: "Indlagt på sygehuset fra 2. til 10. oktober.",
        }),
      );
      expect(reassessed.withdrawn).toEqual([
        "FU-4: Der kan ikke sanktioneres, når der er en rimelig grund til udeblivelsen (skrivelse 10112 §6.6).",
      ]);
      expect(await conversation(s.id)).toMatchObject({ sanctionProposedOn: null });
      expect(Fu4NonAttendanceSchema.parse((await conversation(s.id)).nonAttendance).sanctionProposed).toBe(false);
    });

    it("a recorded proposal can be withdrawn", async () => {
      const s = await noShowWith({ ...FU4_OK, attempts });
      const r = ok(await s.propose());
      ok(await withdrawSanction(ctx(karen), s.a.caseId, { conversationId: s.id, version: r.version }));
      expect((await conversation(s.id)).sanctionProposedOn).toBeNull();
    });
  });

  it("a citizen's request from Min Plan arrives on the case, is booked as a conversation and marked handled", async () => {
    const a = await aCase({ start: "2025-09-01" });
    on("2025-10-01");
    const req = await requestConversation(ctx(a.citizen), { message: "Jeg vil gerne tale om min praktik" });
    if (!req.ok) throw new Error("request");
    const view = await addOwnView(ctx(a.citizen), { text: "Jeg har det bedre nu.", basedOn: "" });
    expect(view).toMatchObject({ ok: true, storedOn: "request" });
    const open = await openRequests(t.db, await access(a.caseId));
    expect(open.map((r) => [r.kind, r.message])).toEqual([
      ["conversation", "Jeg vil gerne tale om min praktik"],
      ["view", "Jeg har det bedre nu."],
    ]);

    const booked = ok(
      await scheduleConversation(ctx(karen), a.caseId, {
        date: "2025-10-07",
        time: "11:00",
        mode: "personal",
        requestId: req.id,
      }),
    );
    expect(await conversation(booked.id)).toMatchObject({ requestId: req.id, status: "planned" });
    const [r] = await t.db.select().from(citizenRequests).where(eq(citizenRequests.id, req.id));
    expect(r?.handledBy).toBe(karen.id);
    expect(r?.handledAt).toBeInstanceOf(Date);
    const listed = (await conversationsOf(t.db, await access(a.caseId))).find((c) => c.id === booked.id);
    expect(listed?.request?.message).toBe("Jeg vil gerne tale om min praktik");

    // Booking from it again (another tab) is refused and says who handled it; nothing is booked.
    expect(
      await scheduleConversation(ctx(karen), a.caseId, {
        date: "2025-10-08",
        time: "11:00",
        mode: "personal",
        requestId: req.id,
      }),
    ).toMatchObject({ ok: false, reason: "REQUEST_HANDLED", handledByName: "Karen Koordinator" });
    expect(await t.db.select().from(conversations).where(eq(conversations.caseId, a.caseId))).toHaveLength(1);

    const viewRequest = open.find((x) => x.kind === "view")!;
    expect(await handleRequest(ctx(karen), a.caseId, { requestId: viewRequest.id })).toEqual({
      ok: true,
      id: viewRequest.id,
    });
    expect(await openRequests(t.db, await access(a.caseId))).toEqual([]);
    expect(await handleRequest(ctx(karen), a.caseId, { requestId: viewRequest.id })).toMatchObject({
      ok: false,
      reason: "REQUEST_HANDLED",
    });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "citizenRequest.handle"), eq(auditEvents.citizenId, a.citizenId)));
    expect(events.map((e) => e.entityId).sort()).toEqual([req.id, viewRequest.id].sort());
  });

  it("a stale version is a conflict: nothing is overwritten, and the saved state is returned", async () => {
    const a = await aCase({ start: "2025-09-01" });
    on("2025-10-01");
    const p = ok(
      await scheduleConversation(ctx(karen), a.caseId, { date: "2025-10-01", time: "10:00", mode: "personal" }),
    );
    // One tab records it as held ...
    ok(await held(a.caseId, "2025-10-01", { conversationId: p.id, version: 1, notes: "Holdt i tab 1." }));
    // ... another, still at version 1, tries to cancel it, mark it as a no-show, or record it as held again.
    const cancel = await cancelConversation(ctx(karen), a.caseId, { conversationId: p.id, version: 1, reason: "Syg" });
    expect(cancel).toMatchObject({ ok: false, reason: "CONFLICT", current: { id: p.id, status: "held", version: 2 } });
    expect(await markNoShow(ctx(karen), a.caseId, { conversationId: p.id, version: 1 })).toMatchObject({
      reason: "CONFLICT",
    });
    expect(
      await held(a.caseId, "2025-10-01", { conversationId: p.id, version: 1, notes: "Holdt i tab 2." }),
    ).toMatchObject({ reason: "CONFLICT" });
    expect(await conversation(p.id)).toMatchObject({ status: "held", notes: "Holdt i tab 1.", version: 2 });

    const q = ok(
      await scheduleConversation(ctx(karen), a.caseId, { date: "2025-10-20", time: "10:00", mode: "phone" }),
    );
    ok(await cancelConversation(ctx(karen), a.caseId, { conversationId: q.id, version: 1, reason: "Borgeren er syg" }));
    expect(await conversation(q.id)).toMatchObject({ status: "cancelled", notes: "Aflyst: Borgeren er syg" });
    expect(await cancelConversation(ctx(karen), a.caseId, { conversationId: q.id, version: 2 })).toMatchObject({
      ok: false,
      reason: "WRONG_STATUS",
    });
  });

  it("another municipality's case or conversation is not found, exactly like a missing one; roles are checked", async () => {
    const a = await aCase({ start: "2025-09-01" });
    const b = await aCase({ start: "2025-09-01" });
    on("2025-10-01");
    const p = ok(
      await scheduleConversation(ctx(karen), a.caseId, { date: "2025-10-02", time: "10:00", mode: "personal" }),
    );
    const input = { date: "2025-10-02", time: "10:00", mode: "personal" };
    expect(await scheduleConversation(ctx(neighbour), a.caseId, input)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await scheduleConversation(ctx(karen), "00000000-0000-4000-8000-000000000000", input)).toEqual({
      ok: false,
      reason: "NOT_FOUND",
    });
    expect(await scheduleConversation(ctx(karen), "not-a-uuid", input)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(
      await recordHeldConversation(ctx(neighbour), a.caseId, {
        ...input,
        date: "2025-10-01",
        notes: "x",
        conversationId: p.id,
        version: 1,
      }),
    ).toEqual({ ok: false, reason: "NOT_FOUND" });
    // A conversation of case A sent with case B.
    expect(await cancelConversation(ctx(karen), b.caseId, { conversationId: p.id, version: 1 })).toEqual({
      ok: false,
      reason: "NOT_FOUND",
    });
    expect(await readCase(ctx(neighbour), a.caseId)).toBeNull();
    await expect(scheduleConversation(ctx(rehab), a.caseId, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(proposeSanction(ctx(rehab), a.caseId, { conversationId: p.id, version: 1 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await conversation(p.id)).toMatchObject({ status: "planned", version: 1 });
  });

  it("every change writes its audit event, on the citizen, with the fields before and after", async () => {
    const a = await aCase({ start: "2025-09-01" });
    on("2025-10-01");
    const p = ok(
      await scheduleConversation(ctx(karen), a.caseId, { date: "2025-10-01", time: "10:00", mode: "personal" }),
    );
    const h = ok(
      await held(a.caseId, "2025-10-01", {
        conversationId: p.id,
        version: 1,
        notes: "Gennemgik praktikken.",
        nextDate: "2025-10-15",
        nextTime: "10:00",
        nextMode: "phone",
      }),
    );
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.citizenId, a.citizenId), eq(auditEvents.entityType, "conversation")))
      .orderBy(asc(auditEvents.id));
    expect(events.map((e) => [e.action, e.entityId])).toEqual([
      ["conversation.schedule", p.id],
      ["conversation.held", p.id],
      ["conversation.schedule", h.next!.id],
    ]);
    const heldEvent = events[1]!;
    expect(heldEvent).toMatchObject({ actorId: karen.id, actorRole: "caseworker", requestId: "test" });
    expect(heldEvent.changes).toMatchObject({
      status: { before: "planned", after: "held" },
      notes: { before: null, after: "Gennemgik praktikken." },
      nextAgreedOn: { before: null, after: "2025-10-15" },
    });
    // No CPR number in any audit event (the citizen is referenced by id).
    const [citizen] = await t.db.select().from(citizens).where(eq(citizens.id, a.citizenId));
    expect(JSON.stringify(events)).not.toContain(citizen!.cpr);
  });

  it("the overview shows the next planned and the last held conversation, and planned ones whose day has passed", async () => {
    const a = await aCase({ start: "2025-09-01" });
    ok(await held(a.caseId, "2025-09-10", { nextDate: "2025-09-24", nextTime: "10:00", nextMode: "personal" }));
    on("2025-09-12");
    const later = ok(
      await scheduleConversation(ctx(karen), a.caseId, { date: "2025-10-08", time: "10:00", mode: "personal" }),
    );
    const o = await followUpOverview(t.db, await access(a.caseId), "2025-09-30");
    expect(o.last?.date).toBe("2025-09-10");
    expect(o.next?.id).toBe(later.id);
    expect(o.unrecorded.map((c) => c.date)).toEqual(["2025-09-24"]);
    expect(o.conversations.map((c) => c.date)).toEqual(["2025-10-08", "2025-09-24", "2025-09-10"]);
  });
});
