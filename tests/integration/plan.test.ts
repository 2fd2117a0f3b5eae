import { and, eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCase } from "~/modules/cases/index.server";
import { lettersOfCitizen } from "~/modules/letters/index.server";
import { describeChange, diffPlans, type PlanContent } from "~/modules/plan";
import {
  currentPlan,
  planRevision,
  planRevisions,
  printPlan,
  revisePlan,
  sendPlanToCitizen,
} from "~/modules/plan/index.server";
import type { Actor } from "~/platform/auth/actor";
import { ForbiddenError } from "~/platform/auth/permissions";
import { auditEvents, outbox, planRevisions as planRevisionsTable } from "~/platform/db/schema";
import { aGrantedCase, type GrantedCase } from "../builders/granted-case";
import { aMunicipality } from "../builders/tenancy";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

/** A complete, valid plan as the form or the API sends it. */
function aPlanInput(overrides: Record<string, unknown> = {}) {
  return {
    version: 0,
    goal: { type: "job", text: "Job som lagermedarbejder, 15 timer om ugen" },
    delmaal: [
      { area: "employment", text: "Afprøve lagerarbejde i praktik", reason: "Borgeren ønsker lagerarbejde" },
      { area: "health", text: "Stabil søvn og mindre smerte", reason: "Smerter begrænser arbejdstiden" },
    ],
    interventions: [
      {
        title: "Virksomhedspraktik på lager",
        legalBasis: "lab11",
        provider: "Jobcentret, virksomhedsteamet",
        shortTermGoal: "Afklare, hvor mange timer borgeren kan arbejde",
        form: "offer",
        plannedStart: "2025-10-01",
        plannedEnd: "2025-12-23",
      },
      {
        title: "Motionshold i den lokale idrætsforening",
        legalBasis: "other",
        provider: "Borgeren selv, aftalt med sagsbehandleren",
        shortTermGoal: "Bedre kondition og faste rutiner",
        form: "agreed",
        plannedStart: "2025-09-15",
        plannedEnd: "",
      },
    ],
    followUp: { how: "Samtale hver 6. uge, de første 6 måneder mindst 4 samtaler (FU-1); mentor deltager." },
    mentor: {
      has: "true",
      name: "Mette Mentor",
      contact: "mette@mentor.example, 12 34 56 78",
      role: "Støtte i opstarten på praktikstedet",
      tasks: "Følge med på første praktikdag\nHjælpe med transport\nUgentlig opringning",
    },
    period: { from: "2025-09-01", to: "2026-02-28" },
    changeNote: "",
    ...overrides,
  };
}

describe.each(databaseKinds())("plan (indsatsdel) on %s", (kind) => {
  let t: TestDb;
  let g: GrantedCase;
  let other: Actor;
  let rehab: Actor;
  let analyst: Actor;
  const ctx = (actor: Actor) => ({ db: t.db, actor, requestId: "test" });
  const access = async (actor: Actor, caseId: string) => {
    const view = await readCase(ctx(actor), caseId, "test");
    if (!view) throw new Error("case not readable");
    return view.access;
  };

  beforeAll(async () => {
    t = await createTestDb(kind);
    const a = await aMunicipality(t.db, "Kommune A");
    const b = await aMunicipality(t.db, "Kommune B");
    g = await aGrantedCase(t.db, a.municipality.id, { start: "2025-09-01", months: 24, citizenName: "Pia Plansen" });
    rehab = await a.actor("rehabteam");
    analyst = await a.actor("analyst");
    other = await b.actor("caseworker");
  });
  afterAll(async () => t?.drop());

  describe("validation", () => {
    it("PL-5: refuses a period shorter than 6 months, naming the rule and the earliest end; accepts exactly 6", async () => {
      const short = await aGrantedCase(t.db, g.caseworker.municipalityId, { caseworker: g.caseworker });
      const r = await revisePlan(
        ctx(g.caseworker),
        short.caseId,
        aPlanInput({ period: { from: "2025-09-01", to: "2026-02-27" } }),
      );
      expect(r).toMatchObject({ ok: false, reason: "INVALID" });
      if (r.ok || r.reason !== "INVALID") return;
      expect(r.errors["period.to"]).toContain("PL-5");
      expect(r.errors["period.to"]).toContain("28.02.2026");
      expect(await planRevisions(t.db, await access(g.caseworker, short.caseId))).toEqual([]);

      const ok = await revisePlan(
        ctx(g.caseworker),
        short.caseId,
        aPlanInput({ period: { from: "2025-09-01", to: "2026-02-28" } }),
      );
      expect(ok).toMatchObject({ ok: true, revision: 1 });
    });

    it("PL-5 uses the month-end convention: 31 August + 6 months reaches 28 February", async () => {
      const c = await aGrantedCase(t.db, g.caseworker.municipalityId, { caseworker: g.caseworker });
      const tooShort = await revisePlan(
        ctx(g.caseworker),
        c.caseId,
        aPlanInput({ period: { from: "2025-08-31", to: "2026-02-26" } }),
      );
      expect(tooShort.ok || tooShort.reason !== "INVALID" ? null : tooShort.errors["period.to"]).toContain(
        "27.02.2026",
      );
    });

    it("PL-7: refuses a fleksjob as legal basis and a title that is plainly a fleksjob, but not an intervention toward one", async () => {
      const base = aPlanInput().interventions;
      const r = await revisePlan(
        ctx(g.caseworker),
        g.caseId,
        aPlanInput({
          interventions: [
            { ...base[0], legalBasis: "fleksjob" },
            { ...base[1], title: "Fleksjob hos Bilka, 12 timer" },
            { ...base[0], title: "Ansættelse i fleksjob", legalBasis: "lab12" },
            { ...base[0], title: "Virksomhedspraktik med henblik på fleksjob" },
          ],
        }),
      );
      expect(r).toMatchObject({ ok: false, reason: "INVALID" });
      if (r.ok || r.reason !== "INVALID") return;
      expect(r.errors["interventions.0.legalBasis"]).toMatch(/fleksjob.*PL-7/);
      expect(r.errors["interventions.1.title"]).toContain("PL-7");
      expect(r.errors["interventions.2.title"]).toContain("PL-7");
      expect(r.errors["interventions.3.title"]).toBeUndefined();
      expect(r.errors["interventions.3.legalBasis"]).toBeUndefined();
    });

    it("PL-1..PL-4: the goal, a delmål, an intervention and the follow-up are required, with Danish messages", async () => {
      const r = await revisePlan(
        ctx(g.caseworker),
        g.caseId,
        aPlanInput({
          goal: { type: "", text: " " },
          delmaal: [],
          interventions: [{ title: "Kursus", legalBasis: "lab14", form: "", plannedStart: "2025-13-01" }],
          followUp: { how: "" },
          mentor: { has: "true", name: "", contact: "", role: "", tasks: "" },
        }),
      );
      expect(r).toMatchObject({ ok: false, reason: "INVALID" });
      if (r.ok || r.reason !== "INVALID") return;
      expect(r.errors["goal.type"]).toContain("PL-1");
      expect(r.errors["goal.text"]).toBe("Skriv borgerens mål (PL-1)");
      expect(r.errors.delmaal).toContain("PL-2");
      expect(r.errors["interventions.0.provider"]).toContain("PL-3");
      expect(r.errors["interventions.0.shortTermGoal"]).toContain("PL-3");
      expect(r.errors["interventions.0.form"]).toContain("PL-6");
      expect(r.errors["interventions.0.plannedStart"]).toContain("gyldig dato");
      expect(r.errors["followUp.how"]).toContain("PL-4");
      expect(r.errors["mentor.role"]).toContain("MT-2");
      expect(r.errors["mentor.tasks"]).toContain("MT-2");
    });

    it("refuses an end before the start of an intervention", async () => {
      const i = aPlanInput().interventions[0]!;
      const r = await revisePlan(
        ctx(g.caseworker),
        g.caseId,
        aPlanInput({ interventions: [{ ...i, plannedStart: "2025-12-01", plannedEnd: "2025-11-30" }] }),
      );
      expect(r.ok || r.reason !== "INVALID" ? null : r.errors["interventions.0.plannedEnd"]).toContain("efter starten");
    });
  });

  describe("revisions", () => {
    let first: PlanContent;

    it("saves the first revision with offers and agreed activities kept apart (PL-6), and audits it", async () => {
      const r = await revisePlan(ctx(g.caseworker), g.caseId, aPlanInput({ changeNote: "Første plan" }));
      expect(r).toMatchObject({ ok: true, revision: 1 });
      const plan = await currentPlan(t.db, await access(g.caseworker, g.caseId));
      expect(plan?.revision).toBe(1);
      expect(plan?.changeNote).toBe("Første plan");
      expect(plan?.createdByName).toBe(g.caseworker.name);
      first = plan!.content;
      expect(first.interventions.map((i) => [i.title, i.form])).toEqual([
        ["Virksomhedspraktik på lager", "offer"],
        ["Motionshold i den lokale idrætsforening", "agreed"],
      ]);
      expect(first.interventions[1]!.plannedEnd).toBeNull();
      expect(first.mentor.tasks).toEqual([
        "Følge med på første praktikdag",
        "Hjælpe med transport",
        "Ugentlig opringning",
      ]);
      expect(first.interventions.every((i) => /^[0-9a-f-]{36}$/.test(i.id))).toBe(true);

      const [event] = await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "plan.revise"), eq(auditEvents.citizenId, g.citizenId)));
      expect(event?.actorId).toBe(g.caseworker.id);
      expect(event?.changes?.revision).toEqual({ before: null, after: 1 });
      expect(event?.changes?.["goal.text"]).toEqual({
        before: null,
        after: "Job som lagermedarbejder, 15 timer om ugen",
      });
    });

    it("keeps every revision, numbered, and keeps intervention ids stable; an unknown id is never trusted", async () => {
      const plan = await currentPlan(t.db, await access(g.caseworker, g.caseId));
      const [praktik, motion] = plan!.content.interventions;
      const input = aPlanInput({
        version: plan!.version,
        changeNote: "Praktikken rykket; motion erstattet af mentorforløb",
        delmaal: plan!.content.delmaal,
        interventions: [
          { ...aPlanInput().interventions[0], id: praktik!.id, plannedStart: "2025-11-01", plannedEnd: "2026-01-23" },
          {
            id: "00000000-0000-4000-8000-00000000abcd",
            title: "Kursus i smertehåndtering",
            legalBasis: "sundhedsloven",
            provider: "Sundhedscentret",
            shortTermGoal: "Redskaber til at håndtere smerter",
            form: "offer",
            plannedStart: "2025-10-15",
            plannedEnd: "2025-12-15",
          },
        ],
      });
      const r = await revisePlan(ctx(g.caseworker), g.caseId, input);
      expect(r).toMatchObject({ ok: true, revision: 2 });
      const a = await access(g.caseworker, g.caseId);
      const now = await currentPlan(t.db, a);
      expect(now?.revision).toBe(2);
      expect(now?.content.interventions[0]!.id).toBe(praktik!.id);
      const kursus = now!.content.interventions[1]!;
      expect(kursus.id).not.toBe("00000000-0000-4000-8000-00000000abcd");
      expect(kursus.id).not.toBe(motion!.id);

      const list = await planRevisions(t.db, a);
      expect(list.map((x) => x.revision)).toEqual([2, 1]);
      expect(list[0]!.changeNote).toBe("Praktikken rykket; motion erstattet af mentorforløb");
      // The first revision is untouched.
      expect((await planRevision(t.db, a, 1))?.content).toEqual(first);
      expect(await planRevision(t.db, a, 3)).toBeNull();
    });

    it("the diff between revisions says per item what was added, removed and changed, in Danish", async () => {
      const a = await access(g.caseworker, g.caseId);
      const one = (await planRevision(t.db, a, 1))!.content;
      const two = (await planRevision(t.db, a, 2))!.content;
      const changes = diffPlans(one, two);
      const lines = changes.map(describeChange);
      expect(lines).toContain(
        "Indsats «Virksomhedspraktik på lager» er ændret: Planlagt start: 01.10.2025 → 01.11.2025; Planlagt slut: 23.12.2025 → 23.01.2026",
      );
      expect(lines).toContain("Indsats «Kursus i smertehåndtering» er tilføjet");
      expect(lines).toContain("Indsats «Motionshold i den lokale idrætsforening» er fjernet");
      expect(changes.find((c) => c.kind === "added")?.fields).toContainEqual({
        label: "Hjemmel",
        before: "",
        after: "Sundhedsloven",
      });
      // Nothing else changed.
      expect(changes.filter((c) => c.section !== "interventions")).toEqual([]);
    });

    it("refuses a stale revision with a conflict, writes nothing, and shows what differs from the saved plan", async () => {
      const a = await access(g.caseworker, g.caseId);
      const before = await currentPlan(t.db, a);
      const stale = aPlanInput({
        version: 1,
        goal: { type: "education", text: "Uddannelse som social- og sundhedshjælper" },
      });
      const r = await revisePlan(ctx(g.caseworker), g.caseId, stale);
      expect(r).toMatchObject({ ok: false, reason: "CONFLICT" });
      if (r.ok || r.reason !== "CONFLICT") return;
      expect(r.current?.revision).toBe(2);
      expect(r.changes.map(describeChange).join("\n")).toContain(
        "Målet er ændret: Måltype: Konkret jobmål → Konkret uddannelsesmål",
      );
      const after = await currentPlan(t.db, a);
      expect(after).toEqual(before);
      const rows = await t.db.select().from(planRevisionsTable).where(eq(planRevisionsTable.planId, before!.planId));
      expect(rows).toHaveLength(2);
      // A first revision sent while a plan already exists is stale too.
      expect(await revisePlan(ctx(g.caseworker), g.caseId, aPlanInput({ version: 0 }))).toMatchObject({
        reason: "CONFLICT",
      });
    });

    it("two saves on the same version: one wins, the other conflicts", async () => {
      const a = await access(g.caseworker, g.caseId);
      const v = (await currentPlan(t.db, a))!.version;
      const results = await Promise.all([
        revisePlan(ctx(g.caseworker), g.caseId, aPlanInput({ version: v, changeNote: "A" })),
        revisePlan(ctx(g.caseworker), g.caseId, aPlanInput({ version: v, changeNote: "B" })),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === "CONFLICT")).toHaveLength(1);
      expect((await planRevisions(t.db, a)).map((x) => x.revision)).toEqual([3, 2, 1]);
    });

    it("does not make an empty revision: the same plan without a note is refused as unchanged", async () => {
      const a = await access(g.caseworker, g.caseId);
      const plan = (await currentPlan(t.db, a))!;
      const same = {
        ...aPlanInput(),
        version: plan.version,
        delmaal: plan.content.delmaal,
        interventions: plan.content.interventions,
        changeNote: "",
      };
      expect(await revisePlan(ctx(g.caseworker), g.caseId, same)).toEqual({ ok: false, reason: "UNCHANGED" });
      const withNote = await revisePlan(ctx(g.caseworker), g.caseId, {
        ...same,
        changeNote: "Gennemgået med borgeren",
      });
      expect(withNote).toMatchObject({ ok: true, revision: 4, changes: [] });
    });
  });

  describe("access", () => {
    it("another municipality's caseworker gets not found, and neither reads nor writes", async () => {
      expect(await readCase(ctx(other), g.caseId, "test")).toBeNull();
      expect(await revisePlan(ctx(other), g.caseId, aPlanInput())).toEqual({ ok: false, reason: "NOT_FOUND" });
      expect(await sendPlanToCitizen(ctx(other), g.caseId)).toEqual({ ok: false, reason: "NOT_FOUND" });
    });

    it("roles without plan.write are refused in the module", async () => {
      await expect(revisePlan(ctx(rehab), g.caseId, aPlanInput())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(revisePlan(ctx(analyst), g.caseId, aPlanInput())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(sendPlanToCitizen(ctx(g.citizen), g.caseId)).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("a case without a granted forløb has no plan", async () => {
      const v = await aGrantedCase(t.db, g.caseworker.municipalityId, { status: "onAgenda", caseworker: g.caseworker });
      expect(await revisePlan(ctx(g.caseworker), v.caseId, aPlanInput())).toEqual({
        ok: false,
        reason: "NOT_GRANTED",
        status: "onAgenda",
      });
    });
  });

  describe("print and letter", () => {
    it("prints the current revision as a PDF with goal, interventions, offer/activity and period", async () => {
      const printed = await printPlan(t.db, await access(g.caseworker, g.caseId), "Kommune A");
      expect(printed?.revision).toBe(4);
      const text = (await new PDFParse({ data: new Uint8Array(printed!.pdf) }).getText()).text;
      expect(text).toContain("Rehabiliteringsplanens indsatsdel");
      expect(text).toContain("Pia Plansen");
      expect(text).toContain("Job som lagermedarbejder, 15 timer om ugen");
      expect(text).toContain("Virksomhedspraktik på lager");
      expect(text).toContain("Motionshold i den lokale idrætsforening");
      expect(text).toContain("Aftalt aktivitet – ikke et tilbud");
      expect(text).toContain("01.09.2025 – 28.02.2026");
      expect(text).toContain("Mette Mentor");
      expect(text).toMatch(/PL-5: LAB § 113/);
      expect(text).not.toMatch(/\d{6}-?\d{4}/);
    });

    it("prints a chosen earlier revision, and nothing for one that does not exist", async () => {
      const a = await access(g.caseworker, g.caseId);
      const printed = await printPlan(t.db, a, "Kommune A", 2);
      const text = (await new PDFParse({ data: new Uint8Array(printed!.pdf) }).getText()).text;
      expect(text).toContain("Kursus i smertehåndtering");
      expect(text).not.toContain("Motionshold");
      expect(await printPlan(t.db, a, "Kommune A", 9)).toBeNull();
    });

    it("sends the plan to the citizen as a letter of kind plan, queued in the outbox and audited", async () => {
      const r = await sendPlanToCitizen(ctx(g.caseworker), g.caseId);
      expect(r).toMatchObject({ ok: true, revision: 4 });
      if (!r.ok) return;
      const letters = await lettersOfCitizen(t.db, await access(g.caseworker, g.caseId));
      expect(letters.find((l) => l.id === r.letterId)).toMatchObject({ kind: "plan", status: "pending" });
      expect(await t.db.select().from(outbox).where(eq(outbox.letterId, r.letterId))).toHaveLength(1);
      const events = await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.citizenId, g.citizenId), eq(auditEvents.action, "plan.send")));
      expect(events[0]?.changes?.letterId).toEqual({ before: null, after: r.letterId });
    });

    it("refuses to send when there is no plan", async () => {
      const empty = await aGrantedCase(t.db, g.caseworker.municipalityId, { caseworker: g.caseworker });
      expect(await sendPlanToCitizen(ctx(g.caseworker), empty.caseId)).toEqual({ ok: false, reason: "NO_PLAN" });
    });
  });
});
