import { and, eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { decide, decisionsOf, sendBackToTeam } from "~/modules/afgoerelser/index.server";
import { authorityWording } from "~/modules/afgoerelser";
import { readLetter } from "~/modules/letters/index.server";
import type { Actor } from "~/platform/auth/actor";
import { afgoerelser, auditEvents, cases, forloeb, outbox } from "~/platform/db/schema";
import { aCaseAwaitingDecision, anIndstilling } from "../builders/decision";
import { aMunicipality } from "../builders/tenancy";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

const REASONS = "Borgeren er i målgruppen og har et udviklingsperspektiv, jf. teamets indstilling.";

async function pdfText(pdf: Buffer): Promise<string> {
  // pdf-parse may break a line anywhere; the assertions read the text as one line.
  return (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text.replace(/\s+/g, " ");
}

describe.each(databaseKinds())(
  "afgørelser (P-3, P-4, P-6, D-1, D-2, D-7, TG-6, TG-7, TG-9, TG-10, A-1) on %s",
  (kind) => {
    let t: TestDb;
    let m: Awaited<ReturnType<typeof aMunicipality>>;
    let karen: Actor;
    let lene: Actor;
    let other: Actor;

    beforeAll(async () => {
      t = await createTestDb(kind);
      m = await aMunicipality(t.db, "Testkommune");
      karen = { ...(await m.actor("caseworker", "Karen Koordinator")), unit: "Jobcentret, Team Ressource" };
      lene = await m.actor("leader", "Lene Leder");
      other = await (await aMunicipality(t.db, "Andenkommune")).actor("caseworker");
    });
    afterAll(async () => t?.drop());
    beforeEach(() => {
      vi.stubEnv("APP_TODAY", "2026-01-14");
    });
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    const ctx = (actor: Actor) => ({ db: t.db, actor });
    const grant = (version: number, extra: Record<string, unknown> = {}) => ({
      version,
      kind: "grant",
      startDate: "2026-02-01",
      months: 24,
      reasons: REASONS,
      ...extra,
    });
    const auditOf = (entityId: string) => t.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));
    const letterText = async (actor: Actor, letterId: string) => pdfText((await readLetter(ctx(actor), letterId))!.pdf);

    describe("P-4: a grant", () => {
      it("following the indstilling creates the forløb with exact dates, the letter in the outbox and an audit event", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen);
        const r = await decide(ctx(karen), c.access, grant(c.version));
        expect(r).toMatchObject({ ok: true, kind: "grant" });
        if (!r.ok) return;

        const [f] = await t.db.select().from(forloeb).where(eq(forloeb.caseId, c.caseId));
        // 24 months from 2026-02-01 end on 2028-01-31 (start + N months − 1 day).
        expect(f).toMatchObject({
          startDate: "2026-02-01",
          plannedEnd: "2028-01-31",
          decidedOn: "2026-01-14",
          afgoerelseId: r.id,
        });
        const [a] = await t.db.select().from(afgoerelser).where(eq(afgoerelser.id, r.id));
        expect(a).toMatchObject({
          kind: "grant",
          decidedOn: "2026-01-14",
          startDate: "2026-02-01",
          endDate: "2028-01-31",
          months: 24,
          deviatesFromIndstilling: false,
          decidedBy: karen.id,
          letterId: r.letterId,
        });
        // The explanation tree is stored with the rules it used.
        const ids = JSON.stringify(a!.explanation);
        for (const id of ["P-4", "D-2", "TG-10", "TG-6", "P-3", "P-6", "A-1"])
          expect(ids).toContain(`"ruleId":"${id}"`);
        const [cs] = await t.db.select().from(cases).where(eq(cases.id, c.caseId));
        expect(cs).toMatchObject({ status: "granted", version: c.version + 1 });
        const [o] = await t.db.select().from(outbox).where(eq(outbox.letterId, r.letterId));
        expect(o).toMatchObject({ status: "pending", idempotencyKey: `letter:${r.letterId}:citizen` });

        const audit = await auditOf(r.id);
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({ action: "afgoerelse.create", actorId: karen.id, citizenId: c.citizenId });
        expect(audit[0]!.changes).toMatchObject({ "case.status": { before: "indstillingGiven", after: "granted" } });
        expect(await auditOf(r.letterId)).toEqual([expect.objectContaining({ action: "letter.create" })]);
      });

      it("takes an end date instead of months, and both must agree when both are given", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen);
        const mismatch = await decide(ctx(karen), c.access, grant(c.version, { endDate: "2028-02-01" }));
        expect(mismatch).toMatchObject({
          ok: false,
          reason: "INVALID",
          errors: { endDate: expect.stringContaining("31.01.2028") },
        });
        // Danish date notation is accepted too.
        const r = await decide(
          ctx(karen),
          c.access,
          grant(c.version, { startDate: "1.2.2026", months: undefined, endDate: "31.01.2028" }),
        );
        expect(r).toMatchObject({ ok: true });
        const [a] = await t.db.select().from(afgoerelser).where(eq(afgoerelser.caseId, c.caseId));
        expect(a).toMatchObject({ endDate: "2028-01-31", months: 24 });
      });

      it("requires the fields of a grant, in Danish, per field", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen);
        const r = await decide(ctx(karen), c.access, { version: c.version, kind: "grant", reasons: " " });
        expect(r).toMatchObject({
          ok: false,
          reason: "INVALID",
          errors: {
            startDate: "Skriv forløbets startdato",
            months: expect.stringContaining("enten antal måneder eller en slutdato"),
            reasons: "Skriv begrundelsen for afgørelsen",
          },
        });
        // A missing reason does not hide what the rules say about the duration: both are reported, in form order.
        const both = await decide(ctx(karen), c.access, grant(c.version, { months: 37, reasons: "" }));
        expect(both).toMatchObject({
          ok: false,
          reason: "INVALID",
          errors: { months: expect.stringMatching(/^D-2: /), reasons: "Skriv begrundelsen for afgørelsen" },
        });
        if (!both.ok && both.reason === "INVALID") expect(Object.keys(both.errors)).toEqual(["months", "reasons"]);
        const noKind = await decide(ctx(karen), c.access, { version: c.version, reasons: "x" });
        expect(noKind).toMatchObject({ ok: false, errors: { kind: "Vælg, hvilken afgørelse du træffer" } });
      });

      it("writes a letter with the exact dates, the legal basis, the indstilling, the coordinator and klagevejledning", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen);
        const r = await decide(ctx(karen), c.access, grant(c.version));
        if (!r.ok) throw new Error(JSON.stringify(r));
        const text = await letterText(karen, r.letterId);
        expect(text).toContain("Du får et ressourceforløb");
        expect(text).toContain("Testkommune");
        expect(text).toContain("Dato: 14.01.2026");
        // P-4 / Ankestyrelsen 82-16: the exact start and end date.
        expect(text).toContain("fra den 01.02.2026 til og med den 31.01.2028");
        expect(text).toContain("24 måneder");
        expect(text).toContain(REASONS);
        // The legal basis from the explanation tree, with rule IDs.
        expect(text).toMatch(/LAB § 113 \(skrivelse 10112 §5\.2, §6\.5\) \(regel D-2, P-3\)/);
        expect(text).toMatch(/LAB § 112 \(skrivelse 10112 §4\.1, §9\) \(regel [^)]*TG-1/);
        expect(text).toContain("LAB § 204");
        expect(text).toMatch(/Retssikkerhedsloven § 67 \(skrivelse 10112 §4\.6\) \(regel A-1\)/);
        // The team's indstilling and that the decision follows it.
        expect(text).toContain("indstillede ressourceforløb i 24 måneder");
        expect(text).toContain("Afgørelsen følger teamets indstilling.");
        expect(text).toContain("Karen Koordinator");
        // 4 weeks from receipt; received on the decision date the last day is 14.01.2026 + 28 days.
        expect(text).toContain("Sådan klager du");
        expect(text).toContain("senest 4 uger efter");
        expect(text).toContain("sidste frist den 11.02.2026");
        // A-2 and 002 §4.6.
        expect(text).toContain("inden 4 uger efter at have modtaget din klage");
        expect(text).toContain("videre til Ankestyrelsen");
        expect(text).toContain("ikke klage over indsatsdelen af rehabiliteringsplanen");
        // Before 2026-02-01 the letter says "jobcenteret" (R2026 wording).
        expect(text).toContain("Jobcenteret har den 14.01.2026 truffet afgørelse");
        // The CPR number only masked.
        expect(text).toMatch(/CPR-nr\.: \d{6}-xxxx/);
        expect(text).not.toMatch(/\d{6}-?\d{4}/);
      });
    });

    describe("D-1, D-2, D-7: the duration is checked, with the rule ID on the field", () => {
      it("D-2: less than 12 months and more than 36 months are refused under R2022", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen, { indstilling: { recommendedMonths: null } });
        const short = await decide(ctx(karen), c.access, grant(c.version, { months: 11 }));
        expect(short).toMatchObject({
          ok: false,
          reason: "INVALID",
          errors: { months: expect.stringMatching(/^D-2: .*mindst 12 måneder.*LAB § 113/) },
        });
        const long = await decide(ctx(karen), c.access, grant(c.version, { months: 37 }));
        expect(long).toMatchObject({
          ok: false,
          reason: "INVALID",
          errors: { months: expect.stringMatching(/^D-2: .*højst vare 36 måneder/) },
        });
        const byEnd = await decide(
          ctx(karen),
          c.access,
          grant(c.version, { months: undefined, endDate: "2029-02-01" }),
        );
        expect(byEnd).toMatchObject({ ok: false, errors: { endDate: expect.stringMatching(/^D-2: /) } });
        expect(await t.db.select().from(afgoerelser).where(eq(afgoerelser.caseId, c.caseId))).toEqual([]);
        expect((await decide(ctx(karen), c.access, grant(c.version, { months: 36 }))).ok).toBe(true);
      });

      it("D-1: under R2013 up to 60 months, not 61", async () => {
        vi.stubEnv("APP_TODAY", "2021-06-01");
        const c = await aCaseAwaitingDecision(t.db, karen, {
          indstilling: { recommendedMonths: 48, meetingDate: "2021-05-20" },
        });
        const r = await decide(ctx(karen), c.access, grant(c.version, { startDate: "2021-07-01", months: 61 }));
        expect(r).toMatchObject({
          ok: false,
          errors: { months: expect.stringMatching(/^D-1: .*højst vare 60 måneder/) },
        });
        const ok = await decide(ctx(karen), c.access, grant(c.version, { startDate: "2021-07-01", months: 48 }));
        expect(ok).toMatchObject({ ok: true });
      });

      it("D-7: a forløb over 3 years decided in 2021 to start in 2022 is refused", async () => {
        vi.stubEnv("APP_TODAY", "2021-12-15");
        const c = await aCaseAwaitingDecision(t.db, karen, {
          indstilling: { recommendedMonths: 48, meetingDate: "2021-12-01" },
        });
        const r = await decide(ctx(karen), c.access, grant(c.version, { startDate: "2022-01-03", months: 48 }));
        expect(r).toMatchObject({ ok: false, errors: { months: expect.stringMatching(/^D-7: .*højst 36 måneder/) } });
      });

      it("D-2: aged 40-49, at most 5 years in all unless the citizen wishes more", async () => {
        // Born 1985-03-15: 40 at the start; 48 months of earlier forløb leave 12.
        const c = await aCaseAwaitingDecision(t.db, karen, {
          earlierForloeb: [{ start: "2020-01-01", end: "2023-12-31" }],
        });
        const r = await decide(ctx(karen), c.access, grant(c.version));
        expect(r).toMatchObject({
          ok: false,
          errors: {
            months: expect.stringMatching(/^D-2: .*brugt 48 måneder.*højst vare 12 måneder.*højst slutte 31\.01\.2027/),
          },
        });
        const wished = await decide(ctx(karen), c.access, grant(c.version, { citizenWished: true }));
        expect(wished).toMatchObject({ ok: true });
        const [a] = await t.db.select().from(afgoerelser).where(eq(afgoerelser.caseId, c.caseId));
        expect(a!.citizenWished).toBe(true);
      });

      it("D-3: a new forløb cannot overlap the citizen's running forløb", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen, {
          earlierForloeb: [{ start: "2025-03-01", end: "2026-02-28", ended: false }],
        });
        const r = await decide(ctx(karen), c.access, grant(c.version, { citizenWished: true }));
        expect(r).toMatchObject({
          ok: false,
          errors: {
            startDate: expect.stringMatching(/^D-3: .*til og med 28\.02\.2026.*tidligst begynde 01\.03\.2026/),
          },
        });
        expect(
          (await decide(ctx(karen), c.access, grant(c.version, { startDate: "2026-03-01", citizenWished: true }))).ok,
        ).toBe(true);
      });

      it("D-2: from 50 a second forløb only if the citizen wishes it", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen, {
          birthDate: "1970-03-01",
          earlierForloeb: [{ start: "2022-01-01", end: "2024-12-31" }],
        });
        const r = await decide(ctx(karen), c.access, grant(c.version));
        expect(r).toMatchObject({
          ok: false,
          errors: {
            citizenWished: expect.stringMatching(/^D-2: .*kun iværksættes, hvis borgeren selv ønsker det.*55 år/),
          },
        });
        expect((await decide(ctx(karen), c.access, grant(c.version, { citizenWished: true }))).ok).toBe(true);
      });

      it("TG-6: less than 6 years to folkepensionsalderen needs the citizen's wish", async () => {
        // Born 1962-06-01: folkepensionsalder 67 on 2029-06-01, six-year line 2023-06-01.
        const c = await aCaseAwaitingDecision(t.db, karen, { birthDate: "1962-06-01" });
        const r = await decide(ctx(karen), c.access, grant(c.version));
        expect(r).toMatchObject({
          ok: false,
          errors: { citizenWished: expect.stringMatching(/^TG-6: .*mindre end 6 år til folkepensionsalderen/) },
        });
      });
    });

    describe("TG-10: no grant with a decision date on or after 2026-02-01", () => {
      it("grants on 2026-01-31, refuses on 2026-02-01", async () => {
        vi.stubEnv("APP_TODAY", "2026-01-31");
        const before = await aCaseAwaitingDecision(t.db, karen);
        expect(
          await decide(ctx(karen), before.access, grant(before.version, { startDate: "2026-03-01" })),
        ).toMatchObject({ ok: true });

        vi.stubEnv("APP_TODAY", "2026-02-01");
        const after = await aCaseAwaitingDecision(t.db, karen);
        const r = await decide(ctx(karen), after.access, grant(after.version, { startDate: "2026-03-01" }));
        expect(r).toMatchObject({
          ok: false,
          reason: "INVALID",
          errors: { kind: expect.stringMatching(/^TG-10: .*01\.02\.2026.*lov nr\. 1750/) },
        });
      });
    });

    describe("P-6: the decision is signed by a person in the jobcenter", () => {
      it("refuses a coordinating caseworker from another unit, and lets a jobcenter colleague decide", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen, { coordinatorUnitKind: "social" });
        const r = await decide(ctx(karen), c.access, grant(c.version));
        expect(r).toEqual({
          ok: false,
          reason: "NOT_ALLOWED",
          ruleId: "P-6",
          message:
            "En koordinerende sagsbehandler fra en anden enhed end jobcentret kan ikke træffe afgørelse efter beskæftigelseslovgivningen (002 §5.1)",
        });
        const byLeader = await decide(ctx(lene), c.access, grant(c.version));
        expect(byLeader).toMatchObject({ ok: true });
        const [a] = await t.db.select().from(afgoerelser).where(eq(afgoerelser.caseId, c.caseId));
        expect(a!.decidedBy).toBe(lene.id);
      });

      it("refuses a service account (API token): it cannot sign", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen);
        const token: Actor = {
          ...karen,
          type: "token",
          id: "00000000-0000-4000-8000-000000000001",
          name: "Integration",
        };
        expect(await decide(ctx(token), c.access, grant(c.version))).toMatchObject({
          ok: false,
          reason: "NOT_ALLOWED",
          ruleId: "P-6",
        });
      });
    });

    describe("optimistic locking and tenancy", () => {
      it("a stale version is a conflict and writes nothing", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen);
        await t.db
          .update(cases)
          .set({ version: c.version + 1 })
          .where(eq(cases.id, c.caseId));
        const r = await decide(ctx(karen), c.access, grant(c.version));
        expect(r).toEqual({ ok: false, reason: "CONFLICT", version: c.version + 1 });
        expect(await t.db.select().from(afgoerelser).where(eq(afgoerelser.caseId, c.caseId))).toEqual([]);
        expect(await t.db.select().from(forloeb).where(eq(forloeb.caseId, c.caseId))).toEqual([]);
        // The same decision on the current version goes through, once.
        expect((await decide(ctx(karen), c.access, grant(c.version + 1))).ok).toBe(true);
        expect(await decide(ctx(karen), c.access, grant(c.version + 2))).toMatchObject({
          ok: false,
          reason: "WRONG_STATUS",
        });
      });

      it("another municipality's user cannot decide on the case", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen);
        expect(await decide(ctx(other), c.access, grant(c.version))).toEqual({ ok: false, reason: "NOT_FOUND" });
      });
    });

    describe("P-3: a decision that departs from the indstilling waits for the team", () => {
      it("is blocked without an indstilling", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen, { status: "indstillingGiven", indstilling: null });
        const r = await decide(ctx(karen), c.access, grant(c.version));
        expect(r).toMatchObject({
          ok: false,
          reason: "BLOCKED",
          ruleId: "P-3",
          message: expect.stringContaining("ingen indstilling"),
        });
        const visitation = await aCaseAwaitingDecision(t.db, karen, { status: "visitation", indstilling: null });
        expect(await decide(ctx(karen), visitation.access, grant(visitation.version))).toMatchObject({
          ok: false,
          reason: "WRONG_STATUS",
          message: expect.stringContaining("P-1"),
        });
      });

      it("blocks other months and a refusal until a returnBeforeDecision indstilling exists; the letter says so", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen);
        const other12 = await decide(ctx(karen), c.access, grant(c.version, { months: 12 }));
        expect(other12).toMatchObject({
          ok: false,
          reason: "BLOCKED",
          ruleId: "P-3",
          message: expect.stringMatching(/ressourceforløb i 12 måneder.*afviger.*ressourceforløb i 24 måneder.*P-3/),
        });
        const refusal = await decide(ctx(karen), c.access, {
          version: c.version,
          kind: "refusal",
          grounds: ["noDevelopmentPerspective"],
          reasons: "Ingen realistisk forventning om udvikling.",
        });
        expect(refusal).toMatchObject({ ok: false, reason: "BLOCKED", ruleId: "P-3" });

        const back = await sendBackToTeam(ctx(karen), c.access, {
          version: c.version,
          proposal: "Bevilling i 12 måneder",
        });
        expect(back).toEqual({ ok: true, version: c.version + 1 });
        const [cs] = await t.db.select().from(cases).where(eq(cases.id, c.caseId));
        expect(cs!.status).toBe("backToTeam");
        expect(await auditOf(c.caseId)).toContainEqual(
          expect.objectContaining({
            action: "case.backToTeam",
            changes: expect.objectContaining({ status: { before: "indstillingGiven", after: "backToTeam" } }),
          }),
        );
        // While the case is with the team, no decision.
        expect(await decide(ctx(karen), c.access, grant(c.version + 1, { months: 12 }))).toMatchObject({
          ok: false,
          reason: "WRONG_STATUS",
        });

        // The team sees the case again and keeps its recommendation of 24 months.
        await anIndstilling(t.db, c.caseId, m.municipality.id, {
          purpose: "returnBeforeDecision",
          meetingDate: "2026-01-13",
          recordedAt: new Date(Date.now() + 1000),
        });
        const [now] = await t.db.select().from(cases).where(eq(cases.id, c.caseId));
        const r = await decide(ctx(karen), c.access, grant(now!.version, { months: 12 }));
        expect(r).toMatchObject({ ok: true });
        if (!r.ok) return;
        const [a] = await t.db.select().from(afgoerelser).where(eq(afgoerelser.id, r.id));
        expect(a).toMatchObject({ months: 12, endDate: "2027-01-31", deviatesFromIndstilling: true });
        const text = await letterText(karen, r.letterId);
        expect(text).toContain(
          "Afgørelsen følger ikke teamets indstilling. Derfor har sagen været forelagt teamet igen den 13.01.2026",
        );
      });
    });

    describe("TG-7: refusal", () => {
      it("never on the ground that no coordinating caseworker is needed (Ankestyrelsen 1-15)", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen, { indstilling: { recommendation: "fleksjob" } });
        const r = await decide(ctx(karen), c.access, {
          version: c.version,
          kind: "refusal",
          grounds: ["noNeedForCoordinatingCaseworker"],
          reasons: "Borgeren har ikke brug for en koordinerende sagsbehandler.",
        });
        expect(r).toMatchObject({
          ok: false,
          reason: "INVALID",
          errors: { grounds: expect.stringMatching(/^TG-7: .*aldrig en gyldig afslagsgrund \(Ankestyrelsen 1-15\)/) },
        });
        const none = await decide(ctx(karen), c.access, { version: c.version, kind: "refusal", reasons: "x" });
        expect(none).toMatchObject({ ok: false, errors: { grounds: "Vælg mindst én afslagsgrund (TG-7)" } });
      });

      it("TG-6 cannot carry a refusal for a citizen far from the six-year line", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen, { indstilling: { recommendation: "fleksjob" } });
        const r = await decide(ctx(karen), c.access, {
          version: c.version,
          kind: "refusal",
          grounds: ["seniorRuleNoWish"],
          reasons: "x",
        });
        expect(r).toMatchObject({
          ok: false,
          errors: { grounds: expect.stringMatching(/^TG-6: Borgeren har mindst 6 år/) },
        });
      });

      it("following an indstilling of fleksjob: refused, letter with grounds and klagevejledning; 'kommunen' from 2026-02-01", async () => {
        vi.stubEnv("APP_TODAY", "2026-01-31");
        const before = await aCaseAwaitingDecision(t.db, karen, { indstilling: { recommendation: "fleksjob" } });
        const r1 = await decide(ctx(karen), before.access, {
          version: before.version,
          kind: "refusal",
          grounds: ["noDevelopmentPerspective"],
          reasons: "Teamet og kommunen vurderer, at fleksjob er den rette vej.",
        });
        if (!r1.ok) throw new Error(JSON.stringify(r1));
        const [cs] = await t.db.select().from(cases).where(eq(cases.id, before.caseId));
        expect(cs!.status).toBe("refused");
        expect(await t.db.select().from(forloeb).where(eq(forloeb.caseId, before.caseId))).toEqual([]);
        const t1 = await letterText(karen, r1.letterId);
        expect(t1).toContain("Afslag på ressourceforløb");
        expect(t1).toContain("Jobcenteret har den 31.01.2026 truffet afgørelse om, at du ikke får et ressourceforløb");
        expect(t1).toContain("realistisk forventning om, at du kan udvikle din arbejdsevne");
        expect(t1).toContain("indstillede fleksjob");
        expect(t1).toContain("Sådan klager du");
        expect(t1).toContain("sidste frist den 28.02.2026");
        expect(t1).toContain("Du sender klagen til jobcenteret i Testkommune");
        expect(await auditOf(r1.id)).toEqual([expect.objectContaining({ action: "afgoerelse.create" })]);

        vi.stubEnv("APP_TODAY", "2026-02-01");
        const after = await aCaseAwaitingDecision(t.db, karen, { indstilling: { recommendation: "fleksjob" } });
        const r2 = await decide(ctx(karen), after.access, {
          version: after.version,
          kind: "refusal",
          grounds: ["other"],
          reasons: "Ressourceforløb er ophævet for nye borgere; kommunen vurderer hjælpen efter de gældende regler.",
        });
        if (!r2.ok) throw new Error(JSON.stringify(r2));
        const t2 = await letterText(karen, r2.letterId);
        expect(t2).toContain("Kommunen har den 01.02.2026 truffet afgørelse");
        expect(t2).toContain("Du sender klagen til kommunen i Testkommune");
        expect(t2).not.toMatch(/jobcenteret/i);
        // TG-10 is part of the basis after the abolition.
        expect(t2).toContain("lov nr. 1750 af 29. december 2025");
        expect(authorityWording("2026-02-01")).toMatchObject({ authority: "kommunen", from: "2026-02-01" });
        expect(authorityWording("2026-01-31")).toMatchObject({ authority: "jobcenteret" });
      });
    });

    describe("TG-9: the citizen's application", () => {
      it("a refusal to consider is a decision with reasons answering the application and klagevejledning", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen, { origin: "application", indstilling: null });
        // Only from visitation, for a case the citizen applied for.
        const missing = await decide(ctx(karen), c.access, {
          version: c.version,
          kind: "notConsidered",
          reasons: "Ikke i målgruppen.",
        });
        expect(missing).toMatchObject({
          ok: false,
          reason: "INVALID",
          errors: {
            answerToApplication: expect.stringMatching(/^TG-9: /),
            allFormsOfHelpAssessed: expect.stringMatching(/^TG-9: .*83-15/),
          },
        });
        const r = await decide(ctx(karen), c.access, {
          version: c.version,
          kind: "notConsidered",
          reasons: "Der er intet, der taler for, at du er i målgruppen for ressourceforløb.",
          answerToApplication:
            "Du har søgt om ressourceforløb. Vi tilbyder i stedet virksomhedspraktik og mentor efter LAB.",
          allFormsOfHelpAssessed: true,
        });
        if (!r.ok) throw new Error(JSON.stringify(r));
        const [cs] = await t.db.select().from(cases).where(eq(cases.id, c.caseId));
        expect(cs!.status).toBe("notConsidered");
        const text = await letterText(karen, r.letterId);
        expect(text).toContain("Afvisning af at behandle din sag om ressourceforløb");
        expect(text).toContain("64-11");
        expect(text).toContain("Du søgte den 01.12.2025");
        expect(text).toContain("Jeg søger om et ressourceforløb i stedet for kontanthjælp.");
        expect(text).toContain("Vi tilbyder i stedet virksomhedspraktik og mentor");
        expect(text).toContain("83-15");
        expect(text).toContain("Sådan klager du");
        expect(text).toContain("sidste frist den 11.02.2026");
        expect(text).toContain("Du kan klage over, at vi har afvist at behandle din sag om ressourceforløb.");
        expect(await auditOf(r.id)).toEqual([expect.objectContaining({ action: "afgoerelse.create" })]);
        const list = await decisionsOf(t.db, c.access);
        expect(list).toEqual([
          expect.objectContaining({
            kind: "notConsidered",
            answerToApplication: expect.stringContaining("virksomhedspraktik"),
            letter: expect.objectContaining({ id: r.letterId, status: "pending" }),
            decidedBy: { id: karen.id, name: "Karen Koordinator" },
          }),
        ]);
      });

      it("a grant on an application must answer the request", async () => {
        const c = await aCaseAwaitingDecision(t.db, karen, { origin: "application" });
        const r = await decide(ctx(karen), c.access, grant(c.version));
        expect(r).toMatchObject({ ok: false, errors: { answerToApplication: expect.stringMatching(/^TG-9: /) } });
        expect(await decide(ctx(karen), c.access, grant(c.version, { kind: "notConsidered" }))).toMatchObject({
          ok: false,
          reason: "WRONG_STATUS",
        });
        const ok = await decide(
          ctx(karen),
          c.access,
          grant(c.version, { answerToApplication: "Du får det ressourceforløb, du har søgt om." }),
        );
        expect(ok).toMatchObject({ ok: true });
      });
    });

    it("every decision is in the case's history with its letter", async () => {
      const c = await aCaseAwaitingDecision(t.db, karen);
      const r = await decide(ctx(karen), c.access, grant(c.version));
      if (!r.ok) throw new Error("grant");
      const rows = await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "afgoerelse.create"), eq(auditEvents.citizenId, c.citizenId)));
      expect(rows).toHaveLength(1);
      expect(await decisionsOf(t.db, c.access)).toEqual([
        expect.objectContaining({ id: r.id, kind: "grant", months: 24 }),
      ]);
    });
  },
);
