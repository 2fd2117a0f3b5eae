import { and, eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCase, readCase } from "~/modules/cases/index.server";
import { p5FirstMeetingDeadline } from "~/modules/rehabiliteringsteam";
import {
  addToAgenda,
  createMeeting,
  indstillingerForCase,
  latestIndstilling,
  minutesPdf,
  readAgendaCase,
  readMeeting,
  recordIndstilling,
  removeFromAgenda,
  sendInvitations,
  sendMinutesLetters,
  teamOverview,
  updateMeeting,
  updateSchedule,
} from "~/modules/rehabiliteringsteam/index.server";
import type { Actor } from "~/platform/auth/actor";
import { ForbiddenError } from "~/platform/auth/permissions";
import { auditEvents, letters, outbox, teamAgendaItems } from "~/platform/db/schema";
import { aCitizen, aReadyCase, sendBackToTeam } from "../builders/case";
import { aMunicipality } from "../builders/tenancy";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

const MEMBERS = [
  { area: "employment", name: "Jonas Jobcenter", title: "Teamleder" },
  { area: "health", name: "Signe Sundhed", title: "Sundhedsfaglig konsulent" },
  { area: "social", name: "Sune Social", title: "Socialrådgiver" },
  { area: "sundhedskoordinator", name: "Karin Klinik", title: "Sundhedskoordinator, Region Demo" },
];

const aMeeting = (over: Record<string, unknown> = {}) => ({
  meetingDate: "2026-01-21",
  startTime: "9:00",
  place: "Rådhuset, mødelokale 2",
  members: MEMBERS,
  ...over,
});

const anIndstilling = (caseVersion: number, over: Record<string, unknown> = {}) => ({
  caseVersion,
  recommendation: "ressourceforloeb",
  recommendedMonths: "24",
  interventions: {
    employment: "Mentor med fokus på fremmøde\nVirksomhedspraktik med få timer",
    education: "",
    health: "Psykologforløb via egen læge",
    social: "Gældsrådgivning",
  },
  reasons: "Borgeren er i målgruppen og har et udviklingsperspektiv mod ordinære timer.",
  seeAgain: true,
  seeAgainNote: "Før der iværksættes erhvervsrettede tiltag",
  ...over,
});

async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  return (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text;
}

function onDay(date: string) {
  process.env.APP_TODAY = date;
}

describe.each(databaseKinds())("rehabiliteringsteam on %s", (kind) => {
  let t: TestDb;
  let caseworker: Actor;
  let leader: Actor;
  let rehab: Actor;
  let otherCaseworker: Actor;
  let otherRehab: Actor;
  const ctx = (actor: Actor) => ({ db: t.db, actor, requestId: "test" });

  beforeAll(async () => {
    onDay("2026-01-14");
    t = await createTestDb(kind);
    const a = await aMunicipality(t.db, "Kommune A");
    const b = await aMunicipality(t.db, "Kommune B");
    caseworker = await a.actor("caseworker", "Karen Koordinator");
    leader = await a.actor("leader", "Lene Leder");
    rehab = await a.actor("rehabteam", "Rasmus Rehab");
    otherCaseworker = await b.actor("caseworker");
    otherRehab = await b.actor("rehabteam");
  });
  afterAll(async () => {
    delete process.env.APP_TODAY;
    await t?.drop();
  });

  async function events(where: { action?: string; citizenId?: string; entityId?: string }) {
    const conds = [];
    if (where.action) conds.push(eq(auditEvents.action, where.action));
    if (where.citizenId) conds.push(eq(auditEvents.citizenId, where.citizenId));
    if (where.entityId) conds.push(eq(auditEvents.entityId, where.entityId));
    return t.db
      .select()
      .from(auditEvents)
      .where(and(...conds));
  }

  async function newMeeting(over: Record<string, unknown> = {}) {
    const r = await createMeeting(ctx(caseworker), aMeeting(over));
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.id;
  }

  async function version(meetingId: string) {
    return (await readMeeting(ctx(caseworker), meetingId))!.meeting.version;
  }

  async function readyCase(over: Parameters<typeof aCitizen>[2] = {}) {
    const citizenId = await aCitizen(t.db, caseworker, over);
    const c = await aReadyCase(t.db, caseworker, citizenId);
    return { citizenId, caseId: c.caseId };
  }

  async function caseVersion(caseId: string) {
    return (await findCase(t.db, { municipalityId: caseworker.municipalityId }, caseId))!.version;
  }

  describe("meetings (P-2)", () => {
    it("P-2: refuses a meeting without the team's required areas, with Danish field messages, and saves nothing", async () => {
      const r = await createMeeting(
        ctx(caseworker),
        aMeeting({ startTime: "25:00", place: "", members: MEMBERS.slice(0, 2) }),
      );
      expect(r).toMatchObject({ ok: false, reason: "INVALID" });
      if (r.ok || r.reason !== "INVALID") return;
      expect(r.errors.startTime).toBe("Skriv et klokkeslæt som TT:MM, fx 09:00");
      expect(r.errors.place).toBe("Skriv, hvor mødet holdes");
      expect(r.errors.members).toMatch(/socialområdet, regionens sundhedskoordinator \(P-2\)/);
      expect((await teamOverview(ctx(caseworker))).upcoming).toHaveLength(0);
    });

    it("creates a meeting (time normalised) and audits it; a member of the team cannot create one", async () => {
      const id = await newMeeting();
      const view = await readMeeting(ctx(caseworker), id);
      expect(view?.meeting).toMatchObject({ startTime: "09:00", place: "Rådhuset, mødelokale 2", version: 1 });
      const [created] = await events({ action: "team.meeting.create", entityId: id });
      expect(created?.actorId).toBe(caseworker.id);
      expect(created?.changes?.place).toEqual({ before: null, after: "Rådhuset, mødelokale 2" });
      await expect(createMeeting(ctx(rehab), aMeeting())).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("edits with optimistic locking: a stale version is a conflict and overwrites nothing", async () => {
      const id = await newMeeting();
      const first = await updateMeeting(ctx(caseworker), id, 1, aMeeting({ place: "Jobcentret, lokale 4" }));
      expect(first).toMatchObject({ ok: true, version: 2 });
      const stale = await updateMeeting(ctx(leader), id, 1, aMeeting({ place: "Sundhedshuset" }));
      expect(stale).toMatchObject({ ok: false, reason: "CONFLICT" });
      if (!stale.ok && stale.reason === "CONFLICT") expect(stale.current.place).toBe("Jobcentret, lokale 4");
      expect((await readMeeting(ctx(caseworker), id))?.meeting.place).toBe("Jobcentret, lokale 4");
      const [updated] = await events({ action: "team.meeting.update", entityId: id });
      expect(updated?.changes?.place).toEqual({ before: "Rådhuset, mødelokale 2", after: "Jobcentret, lokale 4" });
    });

    it("another municipality's meeting is not found, for reading and for editing", async () => {
      const id = await newMeeting();
      expect(await readMeeting(ctx(otherCaseworker), id)).toBeNull();
      expect(await updateMeeting(ctx(otherCaseworker), id, 1, aMeeting())).toEqual({ ok: false, reason: "NOT_FOUND" });
    });
  });

  describe("agenda (P-1, P-3)", () => {
    it("adds only ready cases, assigns slots in order and moves the case to 'onAgenda'", async () => {
      const id = await newMeeting();
      const a = await readyCase({ name: "Anna Andersen" });
      const b = await readyCase({ name: "Bo Berg" });
      const c = await readyCase({ name: "Carl Carlsen" });
      const notReady = await aCitizen(t.db, caseworker);
      const { openCase } = await import("~/modules/cases/index.server");
      const opened = await openCase(ctx(caseworker), notReady, { origin: "municipality" });
      if (!opened.ok) throw new Error("setup");

      const refused = await addToAgenda(ctx(caseworker), id, { meetingVersion: 1, caseId: opened.id });
      expect(refused).toMatchObject({ ok: false, reason: "INVALID" });
      if (!refused.ok && refused.reason === "INVALID") expect(refused.errors.caseId).toMatch(/Visitation.*P-1.*P-3/);

      const r1 = await addToAgenda(ctx(caseworker), id, { meetingVersion: 1, caseId: a.caseId });
      expect(r1).toMatchObject({ ok: true, meetingVersion: 2 });
      const r2 = await addToAgenda(ctx(caseworker), id, { meetingVersion: 2, caseId: b.caseId });
      const r3 = await addToAgenda(ctx(caseworker), id, { meetingVersion: 3, caseId: c.caseId, slotMinutes: "30" });
      expect([r2.ok, r3.ok]).toEqual([true, true]);
      const view = (await readMeeting(ctx(caseworker), id))!;
      expect(view.agenda.map((x) => [x.citizenName, x.slotStart, x.slotEnd, x.purpose])).toEqual([
        ["Anna Andersen", "09:00", "09:45", "firstPresentation"],
        ["Bo Berg", "09:45", "10:30", "firstPresentation"],
        ["Carl Carlsen", "10:30", "11:00", "firstPresentation"],
      ]);
      expect(view.agenda[0]?.coordinatorName).toBe("Karen Koordinator");
      expect((await findCase(t.db, { municipalityId: caseworker.municipalityId }, a.caseId))?.status).toBe("onAgenda");
      const [added] = await events({ action: "team.agenda.add", citizenId: a.citizenId });
      expect(added?.changes?.status).toEqual({ before: "readyForTeam", after: "onAgenda" });

      // A stale meeting version is a conflict; the same case cannot be added twice (it is no longer ready).
      expect(await addToAgenda(ctx(caseworker), id, { meetingVersion: 2, caseId: opened.id })).toMatchObject({
        reason: "CONFLICT",
      });
      expect(await addToAgenda(ctx(caseworker), id, { meetingVersion: 4, caseId: a.caseId })).toMatchObject({
        reason: "INVALID",
      });

      // Removing before the indstilling puts the case back; the others keep their (possibly invited) times.
      const removed = await removeFromAgenda(ctx(caseworker), id, { meetingVersion: 4, caseId: b.caseId });
      expect(removed).toMatchObject({ ok: true, meetingVersion: 5 });
      expect((await findCase(t.db, { municipalityId: caseworker.municipalityId }, b.caseId))?.status).toBe(
        "readyForTeam",
      );
      const after = (await readMeeting(ctx(caseworker), id))!;
      expect(after.agenda.map((x) => x.slotStart)).toEqual(["09:00", "10:30"]);
      const [gone] = await events({ action: "team.agenda.remove", citizenId: b.citizenId });
      expect(gone?.changes?.status).toEqual({ before: "onAgenda", after: "readyForTeam" });

      // A new case fills in after the latest slot, with the meeting's rhythm (the latest slot's length).
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 5, caseId: b.caseId });
      expect((await readMeeting(ctx(caseworker), id))!.agenda.at(-1)).toMatchObject({
        slotStart: "11:00",
        slotMinutes: 30,
      });
    });

    it("a case back before a decision (P-3) gets the purpose 'returnBeforeDecision' and goes back to 'backToTeam'", async () => {
      const id = await newMeeting();
      const a = await readyCase();
      await sendBackToTeam(t.db, caseworker, a.caseId);
      expect(await addToAgenda(ctx(caseworker), id, { meetingVersion: 1, caseId: a.caseId })).toMatchObject({
        ok: true,
      });
      expect((await readMeeting(ctx(caseworker), id))!.agenda[0]?.purpose).toBe("returnBeforeDecision");
      await removeFromAgenda(ctx(caseworker), id, { meetingVersion: 2, caseId: a.caseId });
      expect((await findCase(t.db, { municipalityId: caseworker.municipalityId }, a.caseId))?.status).toBe(
        "backToTeam",
      );
    });

    it("edits the schedule: one length for all lays the slots out from the start; the times are audited", async () => {
      const id = await newMeeting();
      const a = await readyCase();
      const b = await readyCase();
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 1, caseId: a.caseId });
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 2, caseId: b.caseId });
      expect(await updateSchedule(ctx(caseworker), id, { meetingVersion: 3, sameLength: "60" })).toMatchObject({
        ok: true,
        meetingVersion: 4,
      });
      const view = (await readMeeting(ctx(caseworker), id))!;
      expect(view.agenda.map((x) => `${x.slotStart}-${x.slotEnd}`)).toEqual(["09:00-10:00", "10:00-11:00"]);
      const [moved] = await events({ action: "team.agenda.schedule", citizenId: b.citizenId });
      expect(moved?.changes?.slot).toEqual({ before: "09:45 (45 min.)", after: "10:00 (60 min.)" });
      // Per item: an item may be given its own time and length.
      const items = view.agenda.map((x) => ({ id: x.id, slotStart: x.slotStart, slotMinutes: String(x.slotMinutes) }));
      items[1] = { ...items[1]!, slotStart: "10:15", slotMinutes: "20" };
      expect(await updateSchedule(ctx(caseworker), id, { meetingVersion: 4, items })).toMatchObject({ ok: true });
      expect((await readMeeting(ctx(caseworker), id))!.agenda[1]).toMatchObject({
        slotStart: "10:15",
        slotEnd: "10:35",
      });
    });

    it("P-2: warns when a citizen under 30 is on the agenda and no UU member is listed", async () => {
      const id = await newMeeting();
      const young = await readyCase({ birthDate: "2000-05-01", name: "Yrsa Ung" });
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 1, caseId: young.caseId });
      expect((await readMeeting(ctx(caseworker), id))!.warnings.uu).toEqual([{ citizenName: "Yrsa Ung", age: 25 }]);
      await updateMeeting(
        ctx(caseworker),
        id,
        2,
        aMeeting({ members: [...MEMBERS, { area: "uu", name: "Ulla Vejleder", title: "" }] }),
      );
      expect((await readMeeting(ctx(caseworker), id))!.warnings.uu).toEqual([]);
    });
  });

  describe("indstilling (P-2, P-3)", () => {
    it("is recorded only for a case on the meeting's agenda, and validated (D-2 months, andet, see again)", async () => {
      const id = await newMeeting();
      const onAgenda = await readyCase();
      const elsewhere = await readyCase();
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 1, caseId: onAgenda.caseId });
      const v = await caseVersion(onAgenda.caseId);

      expect(await recordIndstilling(ctx(caseworker), id, elsewhere.caseId, anIndstilling(1))).toEqual({
        ok: false,
        reason: "NOT_FOUND",
      });
      const tooLong = await recordIndstilling(
        ctx(caseworker),
        id,
        onAgenda.caseId,
        anIndstilling(v, { recommendedMonths: "40" }),
      );
      expect(tooLong).toMatchObject({ ok: false, reason: "INVALID" });
      if (!tooLong.ok && tooLong.reason === "INVALID")
        expect(tooLong.errors.recommendedMonths).toBe(
          "Et ressourceforløb varer mellem 12 og 36 måneder (D-2, LAB § 113)",
        );
      const tooShort = await recordIndstilling(
        ctx(caseworker),
        id,
        onAgenda.caseId,
        anIndstilling(v, { recommendedMonths: "6" }),
      );
      expect(tooShort).toMatchObject({
        reason: "INVALID",
        errors: { recommendedMonths: expect.stringMatching(/12 og 36/) },
      });
      const missing = await recordIndstilling(
        ctx(caseworker),
        id,
        onAgenda.caseId,
        anIndstilling(v, { recommendation: "andet", otherText: "", seeAgainNote: "", reasons: " " }),
      );
      expect(missing).toMatchObject({
        reason: "INVALID",
        errors: {
          otherText: "Beskriv den anden indstilling, fx jobafklaringsforløb (P-2)",
          seeAgainNote: "Skriv, før hvad teamet ønsker at se sagen igen",
          reasons: "Skriv teamets begrundelse",
        },
      });
      // The rules' duration check is reported together with the other fields' problems.
      const both = await recordIndstilling(
        ctx(caseworker),
        id,
        onAgenda.caseId,
        anIndstilling(v, { recommendedMonths: "48", reasons: "" }),
      );
      expect(both).toMatchObject({
        reason: "INVALID",
        errors: { reasons: "Skriv teamets begrundelse", recommendedMonths: expect.stringMatching(/D-2/) },
      });
      const noInterventions = await recordIndstilling(
        ctx(caseworker),
        id,
        onAgenda.caseId,
        anIndstilling(v, { interventions: {} }),
      );
      expect(noInterventions).toMatchObject({
        reason: "INVALID",
        errors: { interventions: expect.stringMatching(/P-2/) },
      });
      expect(await indstillingerForCase(t.db, (await readCase(ctx(caseworker), onAgenda.caseId))!.access)).toHaveLength(
        0,
      );

      const ok = await recordIndstilling(ctx(caseworker), id, onAgenda.caseId, anIndstilling(v));
      expect(ok).toMatchObject({ ok: true, caseVersion: v + 1 });
      expect((await findCase(t.db, { municipalityId: caseworker.municipalityId }, onAgenda.caseId))?.status).toBe(
        "indstillingGiven",
      );
      const [recorded] = await events({ action: "team.indstilling.record", citizenId: onAgenda.citizenId });
      expect(recorded?.changes).toMatchObject({
        recommendation: { before: null, after: "ressourceforloeb" },
        recommendedMonths: { before: null, after: 24 },
        status: { before: "onAgenda", after: "indstillingGiven" },
      });

      // A stale form is a conflict, never an overwrite; a correction with the current version is kept as history.
      const stale = await recordIndstilling(
        ctx(leader),
        id,
        onAgenda.caseId,
        anIndstilling(v, { recommendedMonths: "12" }),
      );
      expect(stale).toMatchObject({ ok: false, reason: "CONFLICT", caseVersion: v + 1 });
      const corrected = await recordIndstilling(
        ctx(leader),
        id,
        onAgenda.caseId,
        anIndstilling(v + 1, { recommendedMonths: "18" }),
      );
      expect(corrected).toMatchObject({ ok: true });
      const access = (await readCase(ctx(caseworker), onAgenda.caseId))!.access;
      const all = await indstillingerForCase(t.db, access);
      expect(all.map((i) => i.recommendedMonths)).toEqual([18, 24]);
      expect(all[0]).toMatchObject({
        interventions: {
          employment: ["Mentor med fokus på fremmøde", "Virksomhedspraktik med få timer"],
          education: [],
          health: ["Psykologforløb via egen læge"],
          social: ["Gældsrådgivning"],
        },
        seeAgain: true,
        seeAgainNote: "Før der iværksættes erhvervsrettede tiltag",
        recordedByName: "Lene Leder",
      });
      const [correction] = await events({ action: "team.indstilling.correct", citizenId: onAgenda.citizenId });
      expect(correction?.changes?.recommendedMonths).toEqual({ before: 24, after: 18 });

      // Once the team has given its indstilling the case cannot be taken off the agenda.
      expect(await removeFromAgenda(ctx(caseworker), id, { meetingVersion: 2, caseId: onAgenda.caseId })).toMatchObject(
        {
          reason: "LOCKED",
        },
      );
    });

    it("'andet' keeps its text; the months are dropped for anything but ressourceforløb", async () => {
      const id = await newMeeting();
      const a = await readyCase();
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 1, caseId: a.caseId });
      const r = await recordIndstilling(
        ctx(caseworker),
        id,
        a.caseId,
        anIndstilling(await caseVersion(a.caseId), {
          recommendation: "andet",
          otherText: "Jobafklaringsforløb",
          seeAgain: false,
        }),
      );
      expect(r).toMatchObject({ ok: true });
      const latest = await latestIndstilling(t.db, (await readCase(ctx(caseworker), a.caseId))!.access);
      expect(latest).toMatchObject({
        recommendation: "andet",
        otherText: "Jobafklaringsforløb",
        recommendedMonths: null,
        seeAgain: false,
      });
    });

    it("latestIndstilling reports the purpose of the agenda item (the P-3 guard)", async () => {
      const first = await newMeeting();
      const a = await readyCase();
      await addToAgenda(ctx(caseworker), first, { meetingVersion: 1, caseId: a.caseId });
      await recordIndstilling(ctx(caseworker), first, a.caseId, anIndstilling(await caseVersion(a.caseId)));
      const access = (await readCase(ctx(caseworker), a.caseId))!.access;
      expect(await latestIndstilling(t.db, access)).toMatchObject({ purpose: "firstPresentation", meetingId: first });

      // The municipality will not follow the indstilling: the case goes back to the team (P-3).
      await sendBackToTeam(t.db, caseworker, a.caseId);
      const second = await newMeeting({ meetingDate: "2026-01-28" });
      await addToAgenda(ctx(caseworker), second, { meetingVersion: 1, caseId: a.caseId });
      // Not yet revisited: the latest is still the first presentation's.
      expect(await latestIndstilling(t.db, access)).toMatchObject({ purpose: "firstPresentation" });
      await recordIndstilling(
        ctx(caseworker),
        second,
        a.caseId,
        anIndstilling(await caseVersion(a.caseId), {
          recommendation: "fleksjob",
          recommendedMonths: "",
          seeAgain: false,
        }),
      );
      expect(await latestIndstilling(t.db, access)).toMatchObject({
        purpose: "returnBeforeDecision",
        meetingId: second,
        recommendation: "fleksjob",
        recommendedMonths: null,
      });
      // Another municipality's access never sees it.
      expect(await latestIndstilling(t.db, { ...access, municipalityId: otherCaseworker.municipalityId })).toBeNull();
    });

    it("TG-10: on or after 2026-02-01 the team cannot recommend a new ressourceforløb", async () => {
      const id = await newMeeting({ meetingDate: "2026-02-04" });
      const a = await readyCase();
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 1, caseId: a.caseId });
      onDay("2026-02-04");
      try {
        const r = await recordIndstilling(ctx(caseworker), id, a.caseId, anIndstilling(await caseVersion(a.caseId)));
        expect(r).toMatchObject({
          ok: false,
          reason: "INVALID",
          errors: { recommendation: expect.stringMatching(/TG-10/) },
        });
        const fleksjob = await recordIndstilling(
          ctx(caseworker),
          id,
          a.caseId,
          anIndstilling(await caseVersion(a.caseId), { recommendation: "fleksjob", seeAgain: false }),
        );
        expect(fleksjob).toMatchObject({ ok: true });
      } finally {
        onDay("2026-01-14");
      }
    });
  });

  describe("the team member's view", () => {
    it("opens only a case on an upcoming agenda of the municipality, and every view writes an audit event", async () => {
      const id = await newMeeting();
      const a = await readyCase({ name: "Tove Teamsag" });
      const notOnAgenda = await readyCase();
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 1, caseId: a.caseId });

      const view = await readAgendaCase(ctx(rehab), id, a.caseId);
      expect(view?.view.citizen.name).toBe("Tove Teamsag");
      expect(view?.item).toMatchObject({ slotStart: "09:00", purpose: "firstPresentation" });
      expect(view?.view.case.preparatory.health).toMatch(/Angst/);
      expect(view?.rules.findings.newForloeb).toMatchObject({ allowed: true, maxMonths: 36 });
      expect(view?.canRecord).toBe(false);
      await readAgendaCase(ctx(rehab), id, a.caseId);
      const reads = await events({ action: "case.read.team", citizenId: a.citizenId });
      expect(reads).toHaveLength(2);
      expect(reads.every((e) => e.actorId === rehab.id)).toBe(true);

      // Not on the agenda, another meeting's id, another municipality: not found, and the attempt is logged.
      expect(await readAgendaCase(ctx(rehab), id, notOnAgenda.caseId)).toBeNull();
      expect(await readAgendaCase(ctx(otherRehab), id, a.caseId)).toBeNull();
      expect(await events({ action: "case.read.team", citizenId: notOnAgenda.citizenId })).toHaveLength(0);
      expect(await events({ action: "team.case.read.notOnAgenda", entityId: notOnAgenda.caseId })).toHaveLength(1);
      // The team member cannot read cases outside the team's pages at all.
      await expect(readCase(ctx(rehab), notOnAgenda.caseId)).rejects.toBeInstanceOf(ForbiddenError);

      // The caseworker gets the same page with the indstilling form.
      expect((await readAgendaCase(ctx(caseworker), id, a.caseId))?.canRecord).toBe(true);
    });

    it("a past meeting's cases are closed to the team member, open to the caseworker", async () => {
      const id = await newMeeting({ meetingDate: "2026-01-07" });
      const a = await readyCase();
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 1, caseId: a.caseId });
      expect(await readAgendaCase(ctx(rehab), id, a.caseId)).toBeNull();
      expect(await readMeeting(ctx(rehab), id)).toBeNull();
      expect(await readAgendaCase(ctx(caseworker), id, a.caseId)).not.toBeNull();
      const overview = await teamOverview(ctx(rehab));
      expect(overview.upcoming.every((m) => m.meetingDate >= "2026-01-14")).toBe(true);
      expect(overview.past).toEqual([]);
    });

    it("the meeting page audits each citizen on the agenda once", async () => {
      const id = await newMeeting();
      const a = await readyCase();
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 1, caseId: a.caseId });
      await readMeeting(ctx(rehab), id);
      const reads = await events({ action: "team.agenda.read.view", citizenId: a.citizenId });
      expect(reads.filter((e) => e.actorId === rehab.id)).toHaveLength(1);
    });
  });

  describe("letters: invitation and minutes", () => {
    it("P-1, P-9: the invitation names date, time, place, purpose, the team, the bisidder and the network; 'jobcenteret' before 2026-02-01", async () => {
      const id = await newMeeting();
      const a = await readyCase({
        name: "Ida Indkaldt",
        network: [
          { name: "Ole Olsen", relation: "aegtefaelle", phone: null },
          { name: "Mette Mor", relation: "foraelder", phone: "12345678" },
        ],
      });
      const b = await readyCase({ name: "Per Uden Netværk", network: [] });
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 1, caseId: a.caseId });
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 2, caseId: b.caseId });
      expect(await sendInvitations(ctx(caseworker), id, { meetingVersion: 2 })).toMatchObject({ reason: "CONFLICT" });
      expect(await sendInvitations(ctx(caseworker), id, { meetingVersion: 3, caseId: a.caseId })).toMatchObject({
        ok: true,
        sent: 1,
      });
      // "Send all" sends only the ones not yet sent.
      expect(await sendInvitations(ctx(caseworker), id, { meetingVersion: 3 })).toMatchObject({ ok: true, sent: 1 });
      expect(await sendInvitations(ctx(caseworker), id, { meetingVersion: 3 })).toEqual({
        ok: false,
        reason: "NOTHING_TO_SEND",
      });

      const [item] = await t.db.select().from(teamAgendaItems).where(eq(teamAgendaItems.caseId, a.caseId));
      const [letter] = await t.db.select().from(letters).where(eq(letters.id, item!.invitationLetterId!));
      expect(letter).toMatchObject({ kind: "invitation", citizenId: a.citizenId, caseId: a.caseId });
      expect(await t.db.select().from(outbox).where(eq(outbox.letterId, letter!.id))).toHaveLength(1);
      const text = await pdfText(letter!.pdf);
      expect(text).toContain("Indkaldelse til møde i rehabiliteringsteamet");
      expect(text).toContain("onsdag den 21. januar 2026");
      expect(text).toContain("kl. 09:00–09:45");
      expect(text).toContain("Rådhuset, mødelokale 2");
      expect(text).toContain("Du må gerne tage en bisidder med");
      expect(text).toContain("Ole Olsen (ægtefælle/samlever)");
      expect(text).toContain("Mette Mor (forælder)");
      expect(text).toContain("Beskæftigelsesområdet: Jonas Jobcenter");
      expect(text).toContain("Regionens sundhedskoordinator: Karin Klinik");
      expect(text).toContain("Karen Koordinator");
      expect(text).toMatch(/Teamet skal tale med dig om din situation/);
      expect(text).toContain("Jobcenteret har sat din sag på dagsordenen");
      expect(text).not.toContain("Kommunen har sat din sag");
      expect(text).toContain("Dato: 14.01.2026");
      const [sent] = await events({ action: "team.invitation.send", citizenId: a.citizenId });
      expect(sent?.changes?.invitationLetterId?.after).toBe(letter!.id);

      const [other] = await t.db.select().from(teamAgendaItems).where(eq(teamAgendaItems.caseId, b.caseId));
      const noNetwork = await pdfText(
        (await t.db.select().from(letters).where(eq(letters.id, other!.invitationLetterId!)))[0]!.pdf,
      );
      expect(noNetwork).toContain("Vi har ikke registreret personer fra dit netværk");
      expect(noNetwork).toContain("kl. 09:45–10:30");

      // A new place makes the invitations out of date; the page shows them as not sent, with a hint.
      const moved = await updateMeeting(ctx(caseworker), id, 3, aMeeting({ place: "Sundhedshuset" }));
      expect(moved).toMatchObject({ ok: true, invitationsCleared: 2 });
      const view = (await readMeeting(ctx(caseworker), id))!;
      expect(view.agenda.map((x) => [x.invitationLetterId, x.invitationOutOfDate])).toEqual([
        [null, true],
        [null, true],
      ]);
    });

    it("R2026 wording: an invitation dated on or after 2026-02-01 says 'kommunen'", async () => {
      const id = await newMeeting({ meetingDate: "2026-02-10" });
      const a = await readyCase();
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 1, caseId: a.caseId });
      onDay("2026-02-01");
      try {
        expect(await sendInvitations(ctx(caseworker), id, { meetingVersion: 2 })).toMatchObject({ ok: true, sent: 1 });
      } finally {
        onDay("2026-01-14");
      }
      const [item] = await t.db.select().from(teamAgendaItems).where(eq(teamAgendaItems.caseId, a.caseId));
      const text = await pdfText(
        (await t.db.select().from(letters).where(eq(letters.id, item!.invitationLetterId!)))[0]!.pdf,
      );
      expect(text).toContain("Kommunen har sat din sag på dagsordenen");
      expect(text).not.toMatch(/jobcenteret/i);
      expect(text).toContain("Dato: 01.02.2026");
    });

    it("no invitations for a meeting that has taken place", async () => {
      const id = await newMeeting({ meetingDate: "2026-01-13" });
      const a = await readyCase();
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 1, caseId: a.caseId });
      expect(await sendInvitations(ctx(caseworker), id, { meetingVersion: 2 })).toMatchObject({ reason: "LOCKED" });
    });

    it("the minutes PDF has the members and per case the indstilling; each citizen gets a minutes letter once (P-5)", async () => {
      const id = await newMeeting({ meetingDate: "2026-01-21" });
      const a = await readyCase({ name: "Mia Minutes" });
      const b = await readyCase({ name: "Uffe Udeblevet" });
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 1, caseId: a.caseId });
      await addToAgenda(ctx(caseworker), id, { meetingVersion: 2, caseId: b.caseId });
      await recordIndstilling(ctx(caseworker), id, a.caseId, anIndstilling(await caseVersion(a.caseId)));

      const minutes = await minutesPdf(ctx(caseworker), id);
      expect(minutes?.filename).toBe("referat-rehabiliteringsteam-2026-01-21.pdf");
      const text = await pdfText(minutes!.pdf);
      expect(text).toContain("Referat fra rehabiliteringsteamets møde");
      expect(text).toContain("Sundhedsområdet: Signe Sundhed");
      expect(text).toContain("Mia Minutes");
      expect(text).toMatch(/Indstilling\s+Ressourceforløb\s/);
      expect(text).toMatch(/Anbefalet varighed\s+24 måneder/);
      expect(text).toContain("Mentor med fokus på fremmøde");
      expect(text).toContain("Gældsrådgivning");
      expect(text).toContain("Borgeren er i målgruppen og har et udviklingsperspektiv");
      expect(text).toContain("Ja: Før der iværksættes erhvervsrettede tiltag");
      expect(text).toContain("Uffe Udeblevet");
      expect(text).toContain("Teamet har ikke givet en indstilling i sagen på mødet.");
      expect(await events({ action: "team.agenda.read.minutes", citizenId: a.citizenId })).toHaveLength(1);

      const sent = await sendMinutesLetters(ctx(caseworker), id, { meetingVersion: 3 });
      expect(sent).toMatchObject({ ok: true, sent: 1, meetingVersion: 4 });
      const [letter] = await t.db
        .select()
        .from(letters)
        .where(and(eq(letters.caseId, a.caseId), eq(letters.kind, "minutes")));
      const letterText = await pdfText(letter!.pdf);
      expect(letterText).toContain("Rehabiliteringsteamets indstilling i din sag");
      expect(letterText).toMatch(/Anbefalet varighed\s+24 måneder/);
      expect(letterText).toContain(
        `senest ${p5FirstMeetingDeadline("2026-01-21").value.split("-").reverse().join(".")}`,
      );
      expect(letterText).toContain("28.01.2026");
      expect(letterText).toContain("Jobcenteret træffer afgørelse");
      expect(
        await t.db
          .select()
          .from(letters)
          .where(and(eq(letters.caseId, b.caseId), eq(letters.kind, "minutes"))),
      ).toHaveLength(0);
      expect((await readMeeting(ctx(caseworker), id))!.meeting.status).toBe("held");
      const listed = (await teamOverview(ctx(caseworker))).upcoming.find((m) => m.id === id);
      expect(listed).toMatchObject({ caseCount: 2, invitationsSent: 0, indstillingCount: 1, status: "held" });
      expect((await readMeeting(ctx(caseworker), id))!.agenda[0]?.minutesSentAt).not.toBeNull();
      expect(await events({ action: "team.minutes.send", citizenId: a.citizenId })).toHaveLength(1);
      // Nothing new: nothing is sent twice.
      expect(await sendMinutesLetters(ctx(caseworker), id, { meetingVersion: 4 })).toEqual({
        ok: false,
        reason: "NOTHING_TO_SEND",
      });
    });
  });

  it("P-5: the coordinator's first meeting is at the latest one week after the team meeting", () => {
    const r = p5FirstMeetingDeadline("2026-01-28");
    expect(r.value).toBe("2026-02-04");
    expect(r.explanation).toMatchObject({ ruleId: "P-5", result: "2026-02-04", inputs: { meetingDate: "2026-01-28" } });
    expect(r.explanation.citations[0]?.paragraph).toBe("afsnit 5.2");
    expect(p5FirstMeetingDeadline("2026-12-28").value).toBe("2027-01-04");
  });
});
