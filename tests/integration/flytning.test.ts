import { and, eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openApiDocument } from "~/app/api/openapi";
import * as apiExport from "~/app/routes/api.v1.export";
import * as apiImport from "~/app/routes/api.v1.import";
import * as appealsPage from "~/app/routes/case-appeals";
import * as endingPage from "~/app/routes/case-ending";
import * as exportJson from "~/app/routes/case-export-json";
import * as exportPdfRoute from "~/app/routes/case-export-pdf";
import * as importPage from "~/app/routes/case-import";
import { csrfTokenFor } from "~/platform/auth/csrf";
import { CSRF_COOKIE } from "~/platform/http/cookies";
import { readCase } from "~/modules/cases/index.server";
import { BundleSchema, type Bundle } from "~/modules/flytning";
import { exportBundle, exportPdf, importCase } from "~/modules/flytning/index.server";
import { registerAppeal } from "~/modules/klager/index.server";
import { revisePlan } from "~/modules/plan/index.server";
import type { Actor } from "~/platform/auth/actor";
import {
  afgoerelser,
  auditEvents,
  cases,
  citizens,
  conversations,
  deadlines,
  forloeb,
  forloebPeriods,
  interventionRecords,
  jobformidlerOffers,
  mentorGrants,
  planRevisions,
  plans,
} from "~/platform/db/schema";
import { anIndstilling } from "../builders/decision";
import { aGrantedCase } from "../builders/granted-case";
import { aMunicipality } from "../builders/tenancy";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

/** A first plan (revision 1) as the plan form sends it. */
const planInput = (version: number, overrides: Record<string, unknown> = {}) => ({
  version,
  goal: { type: "job", text: "Job som lagermedarbejder, 15 timer om ugen" },
  delmaal: [{ area: "health", text: "Stabil søvn", reason: "Træthed begrænser arbejdstiden" }],
  interventions: [
    {
      title: "Virksomhedspraktik på lager",
      legalBasis: "lab11",
      provider: "Jobcentret, virksomhedsteamet",
      shortTermGoal: "Afklare timetallet",
      form: "offer",
      plannedStart: "2025-10-01",
      plannedEnd: "2025-12-23",
    },
  ],
  followUp: { how: "Samtale hver 6. uge (FU-1)." },
  mentor: { has: "true", name: "Mette Mentor", contact: "12 34 56 78", role: "Støtte i opstarten", tasks: "Transport" },
  period: { from: "2025-09-01", to: "2026-02-28" },
  changeNote: "",
  ...overrides,
});

const SECRET = "test-secret-for-csrf-0123456789abcdef";
const CSRF = "csrf-cookie-value";

/** The HTTP shell's context for a loader or action, as server/app.ts builds it. */
function contextFor(t: TestDb, actor: Actor | null) {
  const log = { error: vi.fn(), info: vi.fn(), warn: vi.fn() };
  return {
    db: t.db,
    actor,
    requestId: "test-request",
    secret: SECRET,
    csrfToken: csrfTokenFor(SECRET, CSRF),
    log,
  } as never;
}

/** Runs a loader or action the way React Router does: a thrown Response is the answer too. */
async function run(fn: () => unknown): Promise<unknown> {
  try {
    return await fn();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function formRequest(url: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  body.set("_csrf", csrfTokenFor(SECRET, CSRF));
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  return new Request(`http://test${url}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `${CSRF_COOKIE}=${CSRF}` },
    body,
  });
}

/** Everything but the ids: what must survive a move. */
const noRef = <T extends Record<string, unknown>>(x: T, ...more: string[]) =>
  Object.fromEntries(Object.entries(x).filter(([k]) => k !== "ref" && !more.includes(k)));

describe.each(databaseKinds())("moving to another municipality (P-8) on %s", (kind) => {
  let t: TestDb;
  let a: Awaited<ReturnType<typeof aMunicipality>>;
  let b: Awaited<ReturnType<typeof aMunicipality>>;
  let bo: Actor;

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await aMunicipality(t.db, "Aby Kommune");
    b = await aMunicipality(t.db, "Bby Kommune");
    bo = { ...(await b.actor("caseworker", "Bo Bysen")), unit: "Jobcenter Bby, Ressourceforløb" };
  });
  afterAll(async () => t?.drop());
  afterEach(() => vi.unstubAllEnvs());
  const on = (day: string) => vi.stubEnv("APP_TODAY", day);

  /** A granted case in municipality A with a plan of two revisions, interventions, mentor grants, periods … */
  async function aRichCase() {
    on("2025-11-20");
    const g = await aGrantedCase(t.db, a.municipality.id, { start: "2025-09-01", months: 24 });
    const ctx = { db: t.db, actor: g.caseworker };
    await anIndstilling(t.db, g.caseId, a.municipality.id, { meetingDate: "2025-08-20" });
    await t.db
      .update(cases)
      .set({ status: "granted", preparatory: { health: "Ondt i ryggen" } })
      .where(eq(cases.id, g.caseId));
    const [grant] = await t.db
      .insert(afgoerelser)
      .values({
        caseId: g.caseId,
        kind: "grant",
        decidedOn: "2025-08-18",
        startDate: "2025-09-01",
        endDate: "2027-08-31",
        months: 24,
        reasons: "Borgeren er i målgruppen.",
        explanation: {
          ruleId: "P-4",
          title: "Afgørelse",
          citations: [],
          inputs: {},
          parameters: [],
          result: true,
          children: [],
        },
        decidedBy: g.caseworker.id,
      })
      .returning({ id: afgoerelser.id });
    await t.db.update(forloeb).set({ afgoerelseId: grant!.id, nextStep: null }).where(eq(forloeb.caseId, g.caseId));
    const r1 = await revisePlan(ctx, g.caseId, planInput(0));
    if (!r1.ok) throw new Error(`plan: ${JSON.stringify(r1)}`);
    const r2 = await revisePlan(
      ctx,
      g.caseId,
      planInput(r1.version, {
        goal: { type: "job", text: "Job som lagermedarbejder, 20 timer" },
        changeNote: "Flere timer",
      }),
    );
    if (!r2.ok) throw new Error(`plan 2: ${JSON.stringify(r2)}`);
    const [plan] = await t.db.select().from(plans).where(eq(plans.caseId, g.caseId));
    const [rev] = await t.db
      .select()
      .from(planRevisions)
      .where(and(eq(planRevisions.planId, plan!.id), eq(planRevisions.revision, 2)));
    const planItemId = (rev!.content as { interventions: { id: string }[] }).interventions[0]!.id;
    const [praktik] = await t.db
      .insert(interventionRecords)
      .values({
        caseId: g.caseId,
        planItemId,
        kind: "lab11",
        title: "Virksomhedspraktik på lager",
        provider: "Lager A/S",
        offeredOn: "2025-09-20",
        startDate: "2025-10-01",
        plannedEnd: "2025-12-23",
        status: "running",
        skNoticeOn: "2025-09-20",
        details: { hoursPerWeek: 12, focus: "ordinaryHours" },
      })
      .returning({ id: interventionRecords.id });
    const [m1] = await t.db
      .insert(mentorGrants)
      .values({
        caseId: g.caseId,
        mentorName: "Mette Mentor",
        role: "Støtte i praktikken",
        goals: ["Fremmøde", "Struktur"],
        fromDate: "2025-09-01",
        toDate: "2026-02-28",
      })
      .returning({ id: mentorGrants.id });
    await t.db.insert(mentorGrants).values({
      caseId: g.caseId,
      mentorName: "Mette Mentor",
      role: "Støtte i praktikken",
      goals: ["Fremmøde"],
      fromDate: "2026-03-01",
      toDate: "2026-08-31",
      renewalOf: m1!.id,
      assessment: "Fortsat behov for støtte.",
    });
    await t.db.insert(forloebPeriods).values([
      { caseId: g.caseId, kind: "barsel", fromDate: "2025-10-15", toDate: "2025-11-14", note: "Barsel" },
      { caseId: g.caseId, kind: "sickness", fromDate: "2025-11-17", toDate: "2025-11-18", note: null },
    ]);
    await t.db.insert(conversations).values([
      {
        caseId: g.caseId,
        date: "2025-09-03",
        mode: "personal",
        status: "held",
        participants: ["mentor"],
        notes: "Opstart",
      },
      {
        caseId: g.caseId,
        date: "2025-10-08",
        time: "10:00",
        mode: "phone",
        status: "held",
        participants: [],
        nextAgreedOn: "2025-11-12",
      },
    ]);
    await t.db
      .insert(jobformidlerOffers)
      .values({ caseId: g.caseId, informedOn: "2025-09-03", answer: "declines", answeredOn: "2025-09-03" });
    const view = (await readCase(ctx, g.caseId))!;
    const appeal = await registerAppeal(ctx, view.access, {
      interventionRecordId: praktik!.id,
      receivedOn: "2025-10-10",
      decisionReceivedOn: "2025-09-21",
    });
    if (!appeal.ok) throw new Error("appeal");
    return { g, ctx, view };
  }

  it("exports the whole case as a versioned, valid bundle with the CPR number, and a PDF summary; the download is audited", async () => {
    const { g, ctx } = await aRichCase();
    on("2025-11-20");
    const view = (await readCase(ctx, g.caseId, "export.json", "case.move"))!;
    const bundle = await exportBundle(ctx, view);
    expect(BundleSchema.safeParse(JSON.parse(JSON.stringify(bundle))).success).toBe(true);
    expect(bundle).toMatchObject({
      format: "ressourceforloeb-bundle",
      version: 1,
      exportedOn: "2025-11-20",
      source: { municipality: { name: "Aby Kommune" }, caseRef: g.caseId, exportedBy: g.caseworker.name },
      citizen: { cpr: expect.stringMatching(/^150385\d{4}$/), birthDate: "1985-03-15" },
      case: { status: "granted", preparatory: { health: "Ondt i ryggen" } },
      forloeb: { startDate: "2025-09-01", plannedEnd: "2027-08-31" },
      jobformidler: { answer: "declines" },
    });
    expect(bundle.indstillinger).toHaveLength(1);
    expect(bundle.afgoerelser[0]).toMatchObject({
      kind: "grant",
      decidedBy: { name: g.caseworker.name, municipality: "Aby Kommune" },
    });
    expect(bundle.forloeb!.afgoerelseRef).toBe(bundle.afgoerelser[0]!.ref);
    expect(bundle.plan!.revisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(bundle.mentorGrants[1]!.renewalOfRef).toBe(bundle.mentorGrants[0]!.ref);
    expect(bundle.appeals[0]!.interventionRef).toBe(bundle.interventions[0]!.ref);
    expect(bundle.coordinators).toEqual([expect.objectContaining({ name: g.caseworker.name, toDate: null })]);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.citizenId, g.citizenId), eq(auditEvents.action, "case.read.export.json")));
    expect(audit).toMatchObject({ actorId: g.caseworker.id, entityId: g.caseId });

    const text = (await new PDFParse({ data: new Uint8Array(await exportPdf(ctx, view)) }).getText()).text.replace(
      /\s+/g,
      " ",
    );
    expect(text).toContain("overdragelse ved flytning");
    expect(text).toContain("P-8");
    expect(text).toContain("Job som lagermedarbejder, 20 timer");
    expect(text).toContain(`${bundle.citizen.cpr.slice(0, 6)}-${bundle.citizen.cpr.slice(6)}`);
  });

  it("round trip: export from A, import into B, export from B keeps the plan revisions, forløb, periods, interventions and conversations", async () => {
    const { g, ctx, view } = await aRichCase();
    on("2025-11-21");
    const fromA = await exportBundle(ctx, view);
    const r = await importCase({ db: t.db, actor: bo }, JSON.parse(JSON.stringify(fromA)));
    expect(r).toMatchObject({ ok: true, citizenMatched: false, status: "granted" });
    if (!r.ok) return;
    const viewB = (await readCase({ db: t.db, actor: bo }, r.caseId))!;
    expect(viewB.case).toMatchObject({ municipalityId: b.municipality.id, status: "granted", openedOn: "2025-11-21" });
    expect(viewB.coordinator).toMatchObject({ userId: bo.id, fromDate: "2025-11-21", unitKind: "jobcenter" });
    const fromB = await exportBundle({ db: t.db, actor: bo }, viewB);

    expect(fromB.plan).toEqual(fromA.plan);
    expect(noRef(fromB.forloeb!, "afgoerelseRef")).toEqual(noRef(fromA.forloeb!, "afgoerelseRef"));
    expect(fromB.periods).toEqual(fromA.periods);
    expect(fromB.interventions.map((i) => noRef(i))).toEqual(fromA.interventions.map((i) => noRef(i)));
    expect(fromB.conversations).toEqual(fromA.conversations);
    expect(fromB.mentorGrants.map((m) => noRef(m, "renewalOfRef"))).toEqual(
      fromA.mentorGrants.map((m) => noRef(m, "renewalOfRef")),
    );
    expect(fromB.mentorGrants[1]!.renewalOfRef).toBe(fromB.mentorGrants[0]!.ref);
    expect(fromB.afgoerelser.map((x) => noRef(x))).toEqual(fromA.afgoerelser.map((x) => noRef(x)));
    expect(fromB.forloeb!.afgoerelseRef).toBe(fromB.afgoerelser[0]!.ref);
    expect(fromB.appeals.map((x) => noRef(x, "interventionRef"))).toEqual(
      fromA.appeals.map((x) => noRef(x, "interventionRef")),
    );
    expect(fromB.appeals[0]!.interventionRef).toBe(fromB.interventions[0]!.ref);
    expect(noRef(fromB.case, "openedOn")).toEqual(noRef(fromA.case, "openedOn"));
    expect(fromB.citizen).toEqual(fromA.citizen);
    expect(fromB.jobformidler).toEqual(fromA.jobformidler);
    // The sending municipality's indstillinger and coordinators travel on as the case's move history.
    expect(fromB.source.municipality.name).toBe("Bby Kommune");
    expect(fromB.indstillinger).toEqual([]);
    expect(fromB.coordinators).toEqual([expect.objectContaining({ name: "Bo Bysen" })]);
    expect(fromB.history.moves).toEqual([
      expect.objectContaining({
        from: fromA.source.municipality,
        sourceCaseRef: g.caseId,
        importedOn: "2025-11-21",
        indstillinger: fromA.indstillinger,
        coordinators: fromA.coordinators,
      }),
    ]);

    // Deadlines are computed at once, and the import is audit-logged in B.
    const rows = await t.db.select().from(deadlines).where(eq(deadlines.caseId, r.caseId));
    expect(rows.map((d) => d.kind)).toEqual(expect.arrayContaining(["forloebEnding", "mentorEnding"]));
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, r.caseId), eq(auditEvents.action, "case.import")));
    expect(audit).toMatchObject({ actorId: bo.id, municipalityId: b.municipality.id, citizenId: r.citizenId });
    expect(audit!.changes).toMatchObject({
      from: { after: expect.stringContaining("Aby Kommune") },
      planRevisions: { after: 2 },
    });
    expect(JSON.stringify(audit!.changes)).not.toContain(fromA.citizen.cpr);

    // A second import of the same bundle is refused; the citizen is matched by CPR, not duplicated.
    expect(await importCase({ db: t.db, actor: bo }, fromA)).toMatchObject({ ok: false, reason: "CONFLICT" });
    const inB = await t.db
      .select()
      .from(citizens)
      .where(and(eq(citizens.municipalityId, b.municipality.id), eq(citizens.cpr, fromA.citizen.cpr)));
    expect(inB).toHaveLength(1);
  });

  it("a forløb ended as 'moved' in A runs on in B, and an existing citizen in B is matched by CPR", async () => {
    const { ctx, view } = await aRichCase();
    on("2025-11-22");
    const bundle: Bundle = await exportBundle(ctx, view);
    const moved: Bundle = {
      ...bundle,
      case: { ...bundle.case, status: "ended" },
      forloeb: { ...bundle.forloeb!, status: "ended", endedOn: "2025-11-22", outcome: "moved" },
    };
    // The citizen already lives in B's records.
    const [existing] = await t.db
      .insert(citizens)
      .values({
        municipalityId: b.municipality.id,
        cpr: bundle.citizen.cpr,
        birthDate: bundle.citizen.birthDate,
        sex: bundle.citizen.sex,
        name: bundle.citizen.name,
        address: "Ny vej 1",
        postalCode: "8000",
        city: "Bby",
        previousBenefit: "andet",
      })
      .returning({ id: citizens.id });
    const r = await importCase({ db: t.db, actor: bo }, moved);
    expect(r).toMatchObject({ ok: true, citizenMatched: true, citizenId: existing!.id, status: "granted" });
    if (!r.ok) return;
    const [f] = await t.db.select().from(forloeb).where(eq(forloeb.caseId, r.caseId));
    expect(f).toMatchObject({ status: "active", endedOn: null, outcome: null, startDate: "2025-09-01" });
  });

  it("refuses an invalid bundle and names each bad field by its path", async () => {
    const { ctx, view } = await aRichCase();
    const bundle = JSON.parse(JSON.stringify(await exportBundle(ctx, view)));
    const imp = (raw: unknown) => importCase({ db: t.db, actor: bo }, raw);
    const casesInB = async () =>
      (await t.db.select().from(cases).where(eq(cases.municipalityId, b.municipality.id))).length;
    const before = await casesInB();
    expect(await imp({ hello: "world" })).toEqual({
      ok: false,
      reason: "INVALID",
      issues: [{ path: "format", message: expect.stringContaining("ressourceforloeb-bundle") }],
    });
    expect(await imp({ ...bundle, version: 2 })).toEqual({
      ok: false,
      reason: "INVALID",
      issues: [{ path: "version", message: expect.stringContaining("version 1") }],
    });
    const broken = structuredClone(bundle);
    broken.citizen.cpr = "12345";
    delete broken.plan.revisions[1].content.goal;
    broken.forloeb.afgoerelseRef = "unknown";
    broken.periods[0].toDate = "2025-02-30";
    const r = await imp(broken);
    expect(r).toMatchObject({ ok: false, reason: "INVALID" });
    if (r.ok || r.reason !== "INVALID") return;
    const paths = Object.fromEntries(r.issues.map((i) => [i.path, i.message]));
    expect(paths).toMatchObject({
      "citizen.cpr": "CPR-nummeret skal være 10 cifre uden bindestreg",
      "plan.revisions[1].content.goal": expect.any(String),
      "periods[0].toDate": "Datoen findes ikke",
    });
    // Cross-references are checked once the fields are valid.
    const badRef = structuredClone(bundle);
    badRef.forloeb.afgoerelseRef = "unknown";
    expect(await imp(badRef)).toEqual({
      ok: false,
      reason: "INVALID",
      issues: [{ path: "forloeb.afgoerelseRef", message: "Henviser til en afgørelse, der ikke er med i filen" }],
    });
    // The CPR rule and the status are checked too.
    const badCpr = structuredClone(bundle);
    badCpr.citizen.cpr = "3213851234";
    expect(await imp(badCpr)).toMatchObject({ ok: false, reason: "INVALID", issues: [{ path: "citizen.cpr" }] });
    const refused = structuredClone(bundle);
    refused.case.status = "refused";
    expect(await imp(refused)).toMatchObject({ ok: false, reason: "INVALID", issues: [{ path: "case.status" }] });
    // Nothing was written.
    expect(await casesInB()).toBe(before);
  });

  it("a case is not imported into the municipality it comes from", async () => {
    const { g, ctx, view } = await aRichCase();
    const bundle = await exportBundle(ctx, view);
    const colleague = await a.actor("caseworker", "Kollega i A");
    expect(await importCase({ db: t.db, actor: colleague }, bundle)).toMatchObject({ ok: false, reason: "CONFLICT" });
    expect((await t.db.select().from(cases).where(eq(cases.citizenId, g.citizenId))).length).toBe(1);
  });

  describe("routes and API", () => {
    const get = (route: { loader: (a: never) => unknown }, actor: Actor | null, caseId: string, path = "") =>
      run(() =>
        route.loader({
          request: new Request(`http://test/sager/${caseId}${path}`),
          params: { caseId },
          context: contextFor(t, actor),
        } as never),
      ) as Promise<Response>;

    it("another municipality's caseworker gets 404 for the export (page, PDF and API), the pages and an unknown id", async () => {
      const { g } = await aRichCase();
      for (const route of [exportJson, exportPdfRoute, endingPage, appealsPage]) {
        const res = await get(route, bo, g.caseId);
        expect(res).toBeInstanceOf(Response);
        expect(res.status).toBe(404);
      }
      const api = await get(apiExport, bo, g.caseId);
      expect(api.status).toBe(404);
      expect(api.headers.get("Content-Type")).toContain("application/problem+json");
      expect((await get(exportJson, g.caseworker, "not-a-uuid")).status).toBe(404);
      const audit = await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.actorId, bo.id), eq(auditEvents.action, "case.read.notFound")));
      expect(audit.length).toBeGreaterThanOrEqual(5);
      expect(audit.every((x) => x.citizenId === null)).toBe(true);
    });

    it("the export downloads as JSON named without CPR, audited; a role without case.move gets 403", async () => {
      const { g } = await aRichCase();
      const res = await get(exportJson, g.caseworker, g.caseId, "/eksport.json");
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Disposition")).toMatch(
        /^attachment; filename="sag-[0-9a-f]{8}-2025-11-20\.json"$/,
      );
      const bundle = (await res.json()) as Bundle;
      expect(res.headers.get("Content-Disposition")).not.toContain(bundle.citizen.cpr);
      expect(bundle.format).toBe("ressourceforloeb-bundle");
      const rehab = await a.actor("rehabteam", "Rasmus Rehab");
      expect((await get(exportJson, rehab, g.caseId)).status).toBe(403);
      const api = await get(apiExport, g.caseworker, g.caseId);
      expect(api.status).toBe(200);
      expect(await api.json()).toMatchObject({ format: "ressourceforloeb-bundle", source: { caseRef: g.caseId } });
      const actions = (
        await t.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.citizenId, g.citizenId), eq(auditEvents.actorId, g.caseworker.id)))
      ).map((x) => x.action);
      expect(actions).toEqual(expect.arrayContaining(["case.read.export.json", "case.read.export.api"]));
    });

    it("POST /api/v1/cases/import: 400 problem+json naming paths, 201 with the new case, 409 on a repeat", async () => {
      const { ctx, view } = await aRichCase();
      const bundle = JSON.parse(JSON.stringify(await exportBundle(ctx, view)));
      const token: Actor = { ...bo, type: "token", id: "00000000-0000-4000-8000-0000000000bb", name: "Fagsystem" };
      const post = (body: unknown, actor: Actor, query = "") =>
        run(() =>
          apiImport.action({
            request: new Request(`http://test/api/v1/cases/import${query}`, {
              method: "POST",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify(body),
            }),
            params: {},
            context: contextFor(t, actor),
          } as never),
        ) as Promise<Response>;
      const broken = structuredClone(bundle);
      broken.plan.revisions[0].content.goal = "job";
      broken.citizen.postalCode = "80";
      const bad = await post(broken, bo);
      expect(bad.status).toBe(400);
      expect(bad.headers.get("Content-Type")).toContain("application/problem+json");
      const problem = await bad.json();
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          { path: "citizen.postalCode", message: "Postnummeret skal være 4 cifre" },
          { path: "plan.revisions[0].content.goal", message: expect.any(String) },
        ]),
      );
      // An API token names the coordinating caseworker.
      const noCoordinator = await post(bundle, token);
      expect(noCoordinator.status).toBe(400);
      expect((await noCoordinator.json()).errors).toEqual([
        { path: "coordinatorUserId", message: expect.stringContaining("P-6") },
      ]);
      const ok = await post(bundle, token, `?coordinatorUserId=${bo.id}`);
      expect(ok.status).toBe(201);
      const created = await ok.json();
      expect(created).toMatchObject({
        status: "granted",
        citizenMatched: false,
        href: `/api/v1/cases/${created.caseId}`,
      });
      expect(ok.headers.get("Location")).toBe(`/api/v1/cases/${created.caseId}`);
      const again = await post(bundle, bo);
      expect(again.status).toBe(409);
      expect((await again.json()).detail).toContain("allerede importeret");
    });

    it("the import page reads a pasted bundle and shows each problem by path; nothing is written", async () => {
      const { ctx, view } = await aRichCase();
      const bundle = JSON.parse(JSON.stringify(await exportBundle(ctx, view)));
      const post = (pasted: string) =>
        run(() =>
          importPage.action({
            request: formRequest("/sager/import", { bundle: pasted }),
            params: {},
            context: contextFor(t, bo),
          } as never),
        );
      expect(await post("{not json")).toMatchObject({
        kind: "invalid",
        issues: [{ path: "(fil)" }],
        pasted: "{not json",
      });
      const wrong = structuredClone(bundle);
      wrong.forloeb.startDate = "01-09-2025";
      expect(await post(JSON.stringify(wrong))).toMatchObject({
        kind: "invalid",
        issues: [{ path: "forloeb.startDate", message: "Feltet skal være en dato (ÅÅÅÅ-MM-DD)" }],
      });
      const res = (await post(JSON.stringify(bundle))) as Response;
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toMatch(/^\/sager\/import\?importeret=[0-9a-f-]{36}$/);
    });

    it("the ending and appeals pages post their forms and keep what was typed on an error", async () => {
      const { g } = await aRichCase();
      on("2025-11-20");
      const post = (
        route: typeof endingPage | typeof appealsPage,
        path: string,
        fields: Record<string, string | string[]>,
      ) =>
        run(() =>
          route.action({
            request: formRequest(`/sager/${g.caseId}/${path}`, fields),
            params: { caseId: g.caseId },
            context: contextFor(t, g.caseworker),
          } as never),
        );
      const [f] = await t.db.select().from(forloeb).where(eq(forloeb.caseId, g.caseId));
      const invalid = await post(endingPage, "afslutning", {
        intent: "nextStep",
        "next.version": String(f!.version),
        "next.step": "kontanthjaelp",
        "next.decidedOn": "2025-11-20",
        "next.note": "Kontanthjælp",
        "next.e2.path": "declinedNewForloeb",
        "next.e2.reason": "Borgeren ønsker ikke et nyt forløb.",
      });
      expect(invalid).toMatchObject({
        intent: "nextStep",
        values: { step: "kontanthjaelp", note: "Kontanthjælp", e2: { path: "declinedNewForloeb" } },
        errors: { "next.e2.notInTargetGroupFleksjobFoertidspension": expect.stringContaining("E-2") },
        refusal: { ruleId: "E-2", message: expect.stringContaining("E-2") },
      });
      const saved = (await post(endingPage, "afslutning", {
        intent: "nextStep",
        "next.version": String(f!.version),
        "next.step": "jobOrEducation",
        "next.decidedOn": "20.11.2025",
        "next.note": "Job som lagermedarbejder fra 1. december.",
      })) as Response;
      expect(saved.status).toBe(302);
      expect(saved.headers.get("Location")).toBe(`/sager/${g.caseId}/afslutning?gemt=nextStep`);
      const stale = await post(endingPage, "afslutning", {
        intent: "nextStep",
        "next.version": String(f!.version),
        "next.step": "other",
        "next.decidedOn": "2025-11-20",
        "next.note": "Andet",
      });
      expect(stale).toMatchObject({ conflict: true, values: { note: "Andet" } });
      const [grant] = await t.db.select().from(afgoerelser).where(eq(afgoerelser.caseId, g.caseId));
      const appeal = await post(appealsPage, "klager", {
        intent: "register",
        "reg.target": `afgoerelse:${grant!.id}`,
        "reg.decisionReceivedOn": "2025-08-19",
        "reg.receivedOn": "2025-11-20",
      });
      expect((appeal as Response).headers.get("Location")).toMatch(/gemt=register&sen=1#klage-/);
    });

    it("the API documents the export and the import with the bundle schema", () => {
      const doc = openApiDocument("http://test") as { paths: Record<string, Record<string, { operationId: string }>> };
      expect(doc.paths["/api/v1/cases/{caseId}/export"]?.get?.operationId).toBe("exportCase");
      expect(doc.paths["/api/v1/cases/import"]?.post?.operationId).toBe("importCase");
      expect(JSON.stringify(doc)).toContain("CaseBundle");
    });
  });
});
