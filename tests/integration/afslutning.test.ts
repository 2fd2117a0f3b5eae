import { and, eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  decideNextStep,
  endForLackOfParticipation,
  endForloeb,
  endingOverview,
  forloebPhaseOf,
  recordStatusAfter3Months,
} from "~/modules/afslutning/index.server";
import { readCase } from "~/modules/cases/index.server";
import { recomputeDeadlines } from "~/modules/frister/index.server";
import { readLetter } from "~/modules/letters/index.server";
import type { Actor } from "~/platform/auth/actor";
import { afgoerelser, auditEvents, cases, deadlines, forloeb, outbox } from "~/platform/db/schema";
import { aGrantedCase } from "../builders/granted-case";
import { aMunicipality } from "../builders/tenancy";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

async function pdfText(pdf: Buffer): Promise<string> {
  return (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text.replace(/\s+/g, " ");
}

describe.each(databaseKinds())("ending the forløb (D-5, D-6, E-1..E-4, ST-7) on %s", (kind) => {
  let t: TestDb;
  let municipalityId: string;
  let other: Actor;

  beforeAll(async () => {
    t = await createTestDb(kind);
    const m = await aMunicipality(t.db, "Testkommune");
    municipalityId = m.municipality.id;
    other = await (await aMunicipality(t.db, "Naboby")).actor("caseworker", "Nikolaj Nabo");
  });
  afterAll(async () => t?.drop());
  afterEach(() => vi.unstubAllEnvs());

  const on = (day: string) => vi.stubEnv("APP_TODAY", day);

  /** A granted forløb with its deadlines computed, read as its coordinating caseworker. */
  async function aForloeb(opts: { start?: string; months?: number } = {}) {
    const g = await aGrantedCase(t.db, municipalityId, {
      start: opts.start ?? "2024-02-01",
      months: opts.months ?? 24,
    });
    await recomputeDeadlines(t.db, g.caseId);
    const view = (await readCase({ db: t.db, actor: g.caseworker }, g.caseId))!;
    const ctx = { db: t.db, actor: g.caseworker };
    const row = async () => (await t.db.select().from(forloeb).where(eq(forloeb.caseId, g.caseId)))[0]!;
    const deadline = async () =>
      (
        await t.db
          .select()
          .from(deadlines)
          .where(and(eq(deadlines.caseId, g.caseId), eq(deadlines.kind, "forloebEnding")))
      )[0];
    const audit = async (action: string) =>
      t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.citizenId, g.citizenId), eq(auditEvents.action, action)));
    return { g, view, ctx, access: view.access, row, deadline, audit };
  }

  const E2_PATH1 = {
    path: "documentedDevelopment",
    evidence: "Lægeerklæring af 01.12.2025: fuld arbejdsevne\nPraktik 37 timer uden skånehensyn",
    notInTargetGroupFor: ["ressourceforloeb", "fleksjob", "foertidspension"],
    reason: "Arbejdsevnen er udviklet, så borgeren kan arbejde ordinært og søge job.",
    assessedOn: "2025-12-10",
  };

  describe("D-6: the next step before the end date", () => {
    it("a next step recorded meets the stored D-6 deadline, in one audited transaction", async () => {
      on("2025-12-01");
      const f = await aForloeb(); // 2024-02-01 .. 2026-01-31; 8 weeks' lead time: present by 2025-12-06.
      expect(await f.deadline()).toMatchObject({ dueDate: "2025-12-06", metOn: null, ruleId: "D-6" });
      const before = await f.row();
      const r = await decideNextStep(f.ctx, f.access, {
        version: String(before.version),
        step: "jobOrEducation",
        decidedOn: "01.12.2025",
        note: "Borgeren har fået tilbudt job som lagermedarbejder fra 1. februar.",
      });
      expect(r).toMatchObject({ ok: true, decided: true, newCaseId: null });
      expect(await f.row()).toMatchObject({
        nextStep: "jobOrEducation",
        nextStepDecidedOn: "2025-12-01",
        version: before.version + 1,
      });
      expect(await f.deadline()).toMatchObject({ dueDate: "2025-12-06", metOn: "2025-12-01" });
      const [a] = await f.audit("forloeb.nextStep");
      expect(a!.changes).toMatchObject({
        nextStep: { before: null, after: "jobOrEducation" },
        nextStepDecidedOn: { before: null, after: "2025-12-01" },
      });
    });

    it("a stale version is a conflict and nothing is written", async () => {
      on("2025-12-01");
      const f = await aForloeb();
      const v = (await f.row()).version;
      const first = await decideNextStep(f.ctx, f.access, {
        version: v,
        step: "revalidering",
        decidedOn: "2025-12-01",
        note: "Revalidering mod uddannelse som pædagogmedhjælper.",
      });
      expect(first.ok).toBe(true);
      const stale = await decideNextStep(f.ctx, f.access, {
        version: v,
        step: "jobOrEducation",
        decidedOn: "2025-12-01",
        note: "Job.",
      });
      expect(stale).toEqual({ ok: false, reason: "CONFLICT", version: v + 1 });
      expect(await f.row()).toMatchObject({ nextStep: "revalidering" });
    });

    it("validates per field in Danish and keeps a team step open until the decision after the team's indstilling", async () => {
      on("2025-12-01");
      const f = await aForloeb();
      const v = (await f.row()).version;
      expect(await decideNextStep(f.ctx, f.access, { version: v, step: "fleksjob" })).toMatchObject({
        ok: false,
        reason: "INVALID",
        errors: { note: "Begrund næste skridt", stage: "Vælg, hvor langt sagen er" },
      });
      // Deciding fleksjob before the case has been put to the team is refused (D-6, P-1).
      const early = await decideNextStep(f.ctx, f.access, {
        version: v,
        step: "fleksjob",
        stage: "decided",
        decidedOn: "2025-12-01",
        note: "Fleksjob på 12 timer.",
      });
      expect(early).toMatchObject({ ok: false, reason: "REFUSED", ruleId: "D-6" });
      const toTeam = await decideNextStep(f.ctx, f.access, {
        version: v,
        step: "fleksjob",
        stage: "toTeam",
        note: "Arbejdsevnen er afklaret til 12 timer; sagen forelægges teamet med henblik på fleksjob.",
      });
      expect(toTeam).toMatchObject({ ok: true, decided: false });
      expect(await f.row()).toMatchObject({ nextStep: "fleksjob", nextStepDecidedOn: null });
      expect((await f.deadline())?.metOn).toBeNull();
      const decided = await decideNextStep(f.ctx, f.access, {
        version: v + 1,
        step: "fleksjob",
        stage: "decided",
        decidedOn: "2025-12-01",
        note: "Teamet indstillede fleksjob; afgørelsen er truffet.",
      });
      expect(decided).toMatchObject({ ok: true, decided: true });
      expect((await f.deadline())?.metOn).toBe("2025-12-01");
    });

    it("a new forløb goes back through the team flow as a new case with the forberedende del (P-1, D-3)", async () => {
      on("2026-01-14");
      const f = await aForloeb({ start: "2024-03-01", months: 24 }); // ends 2026-02-28
      await t.db
        .update(cases)
        .set({ preparatory: { health: "Angst, i behandling", work: "Lager i tre år" } })
        .where(eq(cases.id, f.g.caseId));
      const r = await decideNextStep(f.ctx, f.access, {
        version: (await f.row()).version,
        step: "newForloeb",
        stage: "toTeam",
        citizenWishes: "true",
        note: "Borgeren er fortsat i målgruppen og ønsker et nyt forløb.",
      });
      expect(r).toMatchObject({ ok: true, decided: false });
      if (!r.ok) return;
      const [next] = await t.db.select().from(cases).where(eq(cases.id, r.newCaseId!));
      expect(next).toMatchObject({
        citizenId: f.g.citizenId,
        status: "visitation",
        citizenWishesForloeb: true,
        preparatory: { health: "Angst, i behandling", work: "Lager i tre år" },
      });
      expect(await f.audit("case.open")).toHaveLength(1);
      // The decision on the next step waits for the new case's grant.
      const decided = await decideNextStep(f.ctx, f.access, {
        version: (await f.row()).version,
        step: "newForloeb",
        stage: "decided",
        decidedOn: "2026-01-14",
        note: "Nyt forløb bevilget.",
      });
      expect(decided).toMatchObject({ ok: false, reason: "REFUSED", ruleId: "D-6" });
      const overview = await endingOverview(f.ctx, f.view);
      expect(overview.newCase).toMatchObject({ id: r.newCaseId, status: "visitation" });
    });

    it("TG-10: no new forløb can be chosen after the abolition of ressourceforløb", async () => {
      on("2026-03-02");
      const f = await aForloeb({ start: "2024-06-01", months: 24 });
      const r = await decideNextStep(f.ctx, f.access, {
        version: (await f.row()).version,
        step: "newForloeb",
        stage: "toTeam",
        note: "Nyt forløb.",
      });
      expect(r).toMatchObject({ ok: false, reason: "REFUSED", ruleId: "TG-10" });
    });
  });

  describe("D-5: after the end date", () => {
    it("the forløb continues until the next step is decided, and cannot be ended before", async () => {
      on("2026-02-10");
      const f = await aForloeb(); // ended 2026-01-31
      expect(await forloebPhaseOf(t.db, f.access, "2026-02-10")).toEqual({
        status: "continuesUntilDecision",
        label: "Fortsætter, indtil næste skridt er besluttet (D-5)",
        effectiveEnd: "2026-01-31",
      });
      expect((await f.deadline())?.title).toContain("fortsætter, indtil næste skridt er besluttet (D-5)");
      const v = (await f.row()).version;
      const refused = await endForloeb(f.ctx, f.access, {
        version: v,
        outcome: "job",
        endedOn: "2026-02-10",
        reasons: "Borgeren er i job.",
      });
      expect(refused).toMatchObject({ ok: false, reason: "REFUSED", ruleId: "D-5" });
      if (!refused.ok && refused.reason === "REFUSED") expect(refused.message).toContain("fortsætter");
      expect(await f.row()).toMatchObject({ endedOn: null, status: "active" });

      expect(
        (
          await decideNextStep(f.ctx, f.access, {
            version: v,
            step: "jobOrEducation",
            decidedOn: "2026-02-10",
            note: "Job som chauffør fra 15.02.2026.",
          })
        ).ok,
      ).toBe(true);
      expect((await forloebPhaseOf(t.db, f.access, "2026-02-10"))?.status).toBe("ended");
      const ended = await endForloeb(f.ctx, f.access, {
        version: v + 1,
        outcome: "job",
        endedOn: "2026-02-10",
        reasons: "Borgeren er i job og selvforsørgende.",
      });
      expect(ended).toMatchObject({ ok: true, outcome: "job" });
    });
  });

  describe("E-1: the outcome", () => {
    it("is recorded with the end date; the case is ended and its D-6 deadline goes", async () => {
      on("2025-06-16");
      const f = await aForloeb();
      expect(await f.deadline()).toBeDefined();
      const v = (await f.row()).version;
      expect(
        await endForloeb(f.ctx, f.access, { version: v, outcome: "job", endedOn: "2025-06-15", reasons: "Job." }),
      ).toMatchObject({ ok: false, reason: "REFUSED", ruleId: "E-1", errors: { earlyGround: expect.any(String) } });
      const r = await endForloeb(f.ctx, f.access, {
        version: v,
        outcome: "job",
        endedOn: "2025-06-15",
        earlyGround: "selfSupporting",
        reasons: "Fastansat 37 timer som lagermedarbejder fra 16.06.2025.",
      });
      expect(r).toMatchObject({ ok: true, outcome: "job", endedOn: "2025-06-15" });
      expect(await f.row()).toMatchObject({
        status: "ended",
        endedOn: "2025-06-15",
        outcome: "job",
        endingFacts: { ending: { outcome: "job", early: true, earlyGround: "selfSupporting" } },
      });
      const [c] = await t.db.select().from(cases).where(eq(cases.id, f.g.caseId));
      expect(c!.status).toBe("ended");
      expect(await f.deadline()).toBeUndefined();
      const [a] = await f.audit("forloeb.end");
      expect(a!.changes).toMatchObject({
        outcome: { before: null, after: "job" },
        "case.status": { before: "granted", after: "ended" },
      });
      // An ended forløb is history.
      expect(
        await endForloeb(f.ctx, f.access, { version: v + 1, outcome: "other", endedOn: "2025-06-15", reasons: "x" }),
      ).toMatchObject({ ok: false, reason: "WRONG_STATUS" });
    });

    it("a team outcome needs the next step decided through the team (D-6); lack of participation needs E-4", async () => {
      on("2025-06-16");
      const f = await aForloeb();
      const v = (await f.row()).version;
      expect(
        await endForloeb(f.ctx, f.access, {
          version: v,
          outcome: "fleksjob",
          endedOn: "2025-06-15",
          earlyGround: "otherMeasure",
          reasons: "Fleksjob.",
        }),
      ).toMatchObject({ ok: false, reason: "REFUSED", ruleId: "D-6" });
      expect(
        await endForloeb(f.ctx, f.access, {
          version: v,
          outcome: "lackOfParticipation",
          endedOn: "2025-06-15",
          reasons: "Møder ikke op.",
        }),
      ).toMatchObject({ ok: false, reason: "REFUSED", ruleId: "E-4" });
    });
  });

  describe("E-3: the 6-year line", () => {
    it("is refused as a ground to stop the forløb", async () => {
      on("2025-06-16");
      const f = await aForloeb();
      const r = await endForloeb(f.ctx, f.access, {
        version: (await f.row()).version,
        outcome: "other",
        endedOn: "2025-06-16",
        earlyGround: "sixYearLine",
        reasons: "Borgeren har under 6 år til folkepension.",
      });
      expect(r).toMatchObject({
        ok: false,
        reason: "REFUSED",
        ruleId: "E-3",
        errors: { earlyGround: expect.stringContaining("E-3") },
      });
      expect((await f.row()).endedOn).toBeNull();
    });
  });

  describe("E-2: the kontanthjælp gate", () => {
    const end = async (f: Awaited<ReturnType<typeof aForloeb>>, e2: unknown) =>
      endForloeb(f.ctx, f.access, {
        version: (await f.row()).version,
        outcome: "kontanthjaelp",
        endedOn: "2025-06-15",
        earlyGround: "otherMeasure",
        reasons: "Overgang til kontanthjælp.",
        e2,
      });

    it("is refused without one of its two paths, naming E-2", async () => {
      on("2025-06-16");
      const f = await aForloeb();
      expect(await end(f, undefined)).toMatchObject({
        ok: false,
        reason: "INVALID",
        errors: { "e2.path": expect.stringContaining("E-2"), "e2.reason": "Begrund vurderingen (E-2)" },
      });
      const path1 = await end(f, { ...E2_PATH1, notInTargetGroupFor: ["ressourceforloeb"] });
      expect(path1).toMatchObject({
        ok: false,
        reason: "REFUSED",
        ruleId: "E-2",
        errors: { "e2.notInTargetGroupFor": expect.stringContaining("fleksjob, førtidspension") },
      });
      const path2 = await end(f, {
        path: "declinedNewForloeb",
        notInTargetGroupFleksjobFoertidspension: "true",
        reason: "Ikke i målgruppen for fleksjob eller førtidspension.",
      });
      expect(path2).toMatchObject({
        ok: false,
        reason: "REFUSED",
        ruleId: "E-2",
        errors: { "e2.explicitlyDeclinedNewForloeb": expect.any(String) },
      });
      if (!path2.ok && path2.reason === "REFUSED")
        expect(path2.message).toMatch(/^Overgang til kontanthjælp er ikke tilladt \(E-2\)/);
      expect((await f.row()).endedOn).toBeNull();
    });

    it("is passed by path 1, documented positive development, and the facts are stored", async () => {
      on("2025-06-16");
      const f = await aForloeb();
      const r = await end(f, E2_PATH1);
      expect(r).toMatchObject({ ok: true, warnings: [] });
      expect((await f.row()).endingFacts).toMatchObject({
        e2: {
          path: "documentedDevelopment",
          documentedDevelopment: {
            documented: true,
            evidence: ["Lægeerklæring af 01.12.2025: fuld arbejdsevne", "Praktik 37 timer uden skånehensyn"],
            notInTargetGroupFor: ["ressourceforloeb", "fleksjob", "foertidspension"],
          },
          transitionDate: "2025-06-16",
          explanation: { ruleId: "E-2" },
        },
      });
    });

    it("is passed by path 2 with the under-50 warning of skrivelse §6.7, also as the next step", async () => {
      on("2025-12-01");
      const f = await aForloeb(); // citizen born 1985: 40 years old
      const r = await decideNextStep(f.ctx, f.access, {
        version: (await f.row()).version,
        step: "kontanthjaelp",
        decidedOn: "2025-12-01",
        note: "Kontanthjælp med henblik på jobsøgning.",
        e2: {
          path: "declinedNewForloeb",
          notInTargetGroupFleksjobFoertidspension: true,
          explicitlyDeclinedNewForloeb: true,
          declinedOn: "2025-11-28",
          reason: "Ikke i målgruppen for fleksjob eller førtidspension; borgeren har sagt nej til et nyt forløb.",
        },
      });
      expect(r).toMatchObject({ ok: true });
      if (!r.ok) return;
      expect(r.warnings).toEqual([
        expect.objectContaining({ ruleId: "E-2", severity: "warning", message: expect.stringContaining("50 år") }),
      ]);
      expect((await f.row()).endingFacts).toMatchObject({
        e2: { path: "declinedNewForloeb", declinedOn: "2025-11-28", transitionDate: "2026-02-01" },
      });
    });
  });

  describe("E-4: lack of participation", () => {
    const input = (version: number, extra: Record<string, unknown> = {}) => ({
      version,
      endsOn: "2026-01-31",
      failures: "Borgeren er udeblevet fra praktikken siden 1. december og fra tre samtaler.",
      contactAttempts: "Opkald 03.12, 10.12 og 17.12; brev 05.12; hjemmebesøg 19.12 uden at træffe borgeren.",
      noReasonableGround: "true",
      reasonableGroundAssessment:
        "Der er ingen oplysninger om sygdom eller andre forhold, der kan begrunde udeblivelsen.",
      heardOn: "2026-01-05",
      citizenComments: "",
      reasons: "Borgeren har ikke medvirket til at gennemføre forløbet, og der er ikke en rimelig grund.",
      ...extra,
    });

    it("ends the forløb and the ydelse in one decision with a letter with klagevejledning", async () => {
      on("2026-01-14");
      const f = await aForloeb({ start: "2025-01-01", months: 24 });
      const v = (await f.row()).version;
      expect(await endForLackOfParticipation(f.ctx, f.access, input(v, { endsOn: "2026-01-10" }))).toMatchObject({
        ok: false,
        reason: "INVALID",
        errors: { endsOn: expect.stringContaining("bagud i tid") },
      });
      expect(await endForLackOfParticipation(f.ctx, f.access, input(v, { noReasonableGround: "" }))).toMatchObject({
        ok: false,
        reason: "INVALID",
        errors: { noReasonableGround: expect.stringContaining("rimelig grund") },
      });
      const r = await endForLackOfParticipation(f.ctx, f.access, input(v));
      expect(r).toMatchObject({ ok: true, endsOn: "2026-01-31" });
      if (!r.ok) return;
      const [a] = await t.db.select().from(afgoerelser).where(eq(afgoerelser.id, r.afgoerelseId));
      expect(a).toMatchObject({
        kind: "ending",
        decidedOn: "2026-01-14",
        endDate: "2026-01-31",
        letterId: r.letterId,
        decidedBy: f.g.caseworker.id,
      });
      expect(JSON.stringify(a!.explanation)).toContain('"ruleId":"A-1"');
      expect(await f.row()).toMatchObject({ status: "ended", endedOn: "2026-01-31", outcome: "lackOfParticipation" });
      const [c] = await t.db.select().from(cases).where(eq(cases.id, f.g.caseId));
      expect(c!.status).toBe("ended");
      const [o] = await t.db.select().from(outbox).where(eq(outbox.letterId, r.letterId));
      expect(o!.status).toBe("pending");

      const text = await pdfText((await readLetter(f.ctx, r.letterId))!.pdf);
      expect(text).toContain("Dit ressourceforløb og din ressourceforløbsydelse ophører");
      expect(text).toContain("Den sidste dag i forløbet og med ressourceforløbsydelse er den 31.01.2026");
      expect(text).toContain("partshøring den 05.01.2026");
      expect(text).toContain("Sådan klager du");
      // 4 weeks from receipt of a letter dated 14.01.2026.
      expect(text).toContain("sidste frist den 11.02.2026");
      expect(text).toContain("ikke direkte til Ankestyrelsen");
      expect(text).toMatch(/regel [^)]*E-4/);
      const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, r.afgoerelseId));
      expect(audit).toMatchObject({ action: "afgoerelse.create", actorId: f.g.caseworker.id });
      expect(audit!.changes).toMatchObject({ kind: { after: "ending" }, "case.status": { after: "ended" } });
    });

    it("is signed by a person (P-6): an API token is refused", async () => {
      on("2026-01-14");
      const f = await aForloeb({ start: "2025-01-01", months: 24 });
      const token: Actor = { ...f.g.caseworker, type: "token", id: "00000000-0000-4000-8000-0000000000aa" };
      const r = await endForLackOfParticipation({ db: t.db, actor: token }, f.access, input((await f.row()).version));
      expect(r).toMatchObject({ ok: false, reason: "NOT_ALLOWED", ruleId: "P-6" });
    });
  });

  describe("ST-7: status three months after", () => {
    it("can be recorded from three months after the end", async () => {
      on("2025-06-16");
      const f = await aForloeb();
      const v = (await f.row()).version;
      await endForloeb(f.ctx, f.access, {
        version: v,
        outcome: "education",
        endedOn: "2025-06-15",
        earlyGround: "selfSupporting",
        reasons: "Optaget på SOSU-uddannelsen.",
      });
      on("2025-09-14");
      expect(await recordStatusAfter3Months(f.ctx, f.access, { version: v + 1, status: "education" })).toMatchObject({
        ok: false,
        reason: "REFUSED",
        ruleId: "ST-7",
        message: expect.stringContaining("15.09.2025"),
      });
      on("2025-09-15");
      expect(await recordStatusAfter3Months(f.ctx, f.access, { version: v + 1, status: "education" })).toMatchObject({
        ok: true,
      });
      expect(await f.row()).toMatchObject({ statusAfter3Months: "education" });
      expect(await f.audit("forloeb.statusAfter3Months")).toHaveLength(1);
    });
  });

  describe("tenancy", () => {
    it("another municipality's caseworker finds nothing, and cannot end it", async () => {
      on("2025-06-16");
      const f = await aForloeb();
      expect(await readCase({ db: t.db, actor: other }, f.g.caseId)).toBeNull();
      const r = await endForloeb({ db: t.db, actor: other }, f.access, {
        version: (await f.row()).version,
        outcome: "job",
        endedOn: "2025-06-15",
        earlyGround: "selfSupporting",
        reasons: "Job.",
      });
      expect(r).toEqual({ ok: false, reason: "NOT_FOUND" });
      expect((await f.row()).endedOn).toBeNull();
    });
  });
});
