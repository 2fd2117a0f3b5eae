import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openApiDocument } from "~/app/api/openapi";
import * as adminRates from "~/app/routes/admin-ydelse-rates";
import * as apiInterventions from "~/app/routes/api.v1.interventions";
import * as apiPeriods from "~/app/routes/api.v1.periods";
import * as page from "~/app/routes/case-interventions";
import * as ydelsePage from "~/app/routes/case-ydelse";
import type { Actor } from "~/platform/auth/actor";
import { csrfTokenFor } from "~/platform/auth/csrf";
import { auditEvents, deadlines } from "~/platform/db/schema";
import { CSRF_COOKIE } from "~/platform/http/cookies";
import { aGrantedCase, type GrantedCase } from "../builders/granted-case";
import { aMunicipality } from "../builders/tenancy";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

const SECRET = "test-secret-for-csrf-0123456789abcdef";
const CSRF = "csrf-cookie-value";

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

function jsonRequest(url: string, body: unknown) {
  return new Request(`http://test${url}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

function formRequest(url: string, fields: Record<string, string>) {
  const body = new URLSearchParams();
  body.set("_csrf", csrfTokenFor(SECRET, CSRF));
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return new Request(`http://test${url}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `${CSRF_COOKIE}=${CSRF}` },
    body,
  });
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

describe.each(databaseKinds())("indsatser routes and API on %s", (kind) => {
  let t: TestDb;
  let g: GrantedCase;
  let neighbour: Actor;
  let rehab: Actor;
  let admin: Actor;

  beforeAll(async () => {
    t = await createTestDb(kind);
    const m = await aMunicipality(t.db, "Testkommune");
    rehab = await m.actor("rehabteam");
    admin = await m.actor("admin", "Adam Admin");
    neighbour = await (await aMunicipality(t.db, "Naboby")).actor("caseworker");
    g = await aGrantedCase(t.db, m.municipality.id, { start: "2025-09-01", citizenName: "Rita Rute" });
  });
  afterAll(async () => t?.drop());
  beforeEach(() => vi.stubEnv("APP_TODAY", "2026-01-14"));
  afterEach(() => vi.unstubAllEnvs());

  const interventions = (actor: Actor | null, caseId: string, body?: unknown) =>
    body === undefined
      ? (apiInterventions.loader({
          request: new Request("http://test"),
          params: { caseId },
          context: contextFor(t, actor),
        } as never) as Promise<Response>)
      : (apiInterventions.action({
          request: jsonRequest(`/api/v1/cases/${caseId}/interventions`, body),
          params: { caseId },
          context: contextFor(t, actor),
        } as never) as Promise<Response>);
  const periods = (actor: Actor | null, caseId: string, body?: unknown) =>
    body === undefined
      ? (apiPeriods.loader({
          request: new Request("http://test"),
          params: { caseId },
          context: contextFor(t, actor),
        } as never) as Promise<Response>)
      : (apiPeriods.action({
          request: jsonRequest(`/api/v1/cases/${caseId}/periods`, body),
          params: { caseId },
          context: contextFor(t, actor),
        } as never) as Promise<Response>);

  describe("/api/v1/cases/{caseId}/interventions", () => {
    it("records an intervention outside the plan (201) and lists it, marked as not in the plan", async () => {
      const res = await interventions(g.caseworker, g.caseId, {
        title: "Kursus i truckkørsel",
        legalBasis: "lab14",
        form: "offer",
        offeredOn: "2025-12-01",
        skNoticeOn: "2025-12-01",
        startDate: "2026-01-05",
      });
      expect(res.status).toBe(201);
      const body = await res.json();
      expect(body).toMatchObject({
        title: "Kursus i truckkørsel",
        kind: "lab14",
        inPlan: false,
        countsForIg: false,
        status: "running",
        version: 1,
      });
      const list = await interventions(g.caseworker, g.caseId);
      expect(list.status).toBe(200);
      expect(await list.json()).toMatchObject({
        caseId: g.caseId,
        interventions: [expect.objectContaining({ id: body.id })],
        mentorGrants: [],
      });
    });

    it("names bad fields with their rule as problem+json (400)", async () => {
      const res = await interventions(g.caseworker, g.caseId, {
        title: "Praktik",
        legalBasis: "lab11",
        form: "offer",
        offeredOn: "2025-12-01",
        startDate: "2026-01-05",
        plannedEnd: "2026-05-05",
        praktik: { company: "Lager A/S", hoursPerWeek: 3, daysPerWeek: 5, notOnlyDocumentation: true },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get("Content-Type")).toContain("application/problem+json");
      const paths = ((await res.json()).errors as { path: string; message: string }[]).map((e) => [e.path, e.message]);
      expect(paths).toEqual(
        expect.arrayContaining([
          ["skNoticeOn", expect.stringContaining("SK-1")],
          ["praktik.focus", expect.stringContaining("VP-1")],
          ["praktik.shortHoursReason", expect.stringContaining("VP-2")],
          ["plannedEnd", expect.stringContaining("VP-4")],
        ]),
      );
    });

    it("404 for another municipality's case, 409 without a forløb, 401 without login, 403 for the team", async () => {
      expect((await interventions(neighbour, g.caseId)).status).toBe(404);
      expect(
        (await interventions(neighbour, g.caseId, { title: "X", legalBasis: "lab14", form: "offer" })).status,
      ).toBe(404);
      const waiting = await aGrantedCase(t.db, g.caseworker.municipalityId, {
        status: "indstillingGiven",
        caseworker: g.caseworker,
      });
      const r = await interventions(g.caseworker, waiting.caseId, { title: "X", legalBasis: "lab14", form: "offer" });
      expect(r.status).toBe(409);
      expect((await interventions(null, g.caseId)).status).toBe(401);
      expect((await interventions(rehab, g.caseId)).status).toBe(403);
    });
  });

  describe("/api/v1/cases/{caseId}/periods", () => {
    it("records a period (201) with its effect, recomputes deadlines, and refuses an overlap of the same kind (400)", async () => {
      const res = await periods(g.caseworker, g.caseId, {
        kind: "barsel",
        fromDate: "2025-10-01",
        toDate: "2025-10-31",
      });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ kind: "barsel", effect: expect.stringContaining("D-4") });
      const [ending] = await t.db.select().from(deadlines).where(eq(deadlines.caseId, g.caseId));
      expect(ending).toBeDefined();
      const rows = await t.db.select().from(deadlines).where(eq(deadlines.caseId, g.caseId));
      // 24 months from 2025-09-01 end 2027-08-31; 31 days of barsel move it to 2027-10-01.
      expect(rows.find((d) => d.kind === "forloebEnding")!.title).toMatch(/2027-10-01|01\.10\.2027/);

      const overlap = await periods(g.caseworker, g.caseId, {
        kind: "barsel",
        fromDate: "2025-10-15",
        toDate: "2025-11-15",
      });
      expect(overlap.status).toBe(400);
      expect((await overlap.json()).errors).toEqual([
        { path: "fromDate", message: expect.stringContaining("overlapper") },
      ]);

      const list = await periods(g.caseworker, g.caseId);
      expect((await list.json()).periods).toHaveLength(1);
      expect((await periods(neighbour, g.caseId)).status).toBe(404);
    });

    it("is described in the OpenAPI document", () => {
      const doc = openApiDocument("http://test");
      const i = doc.paths["/api/v1/cases/{caseId}/interventions"] as Record<string, { operationId: string }>;
      const p = doc.paths["/api/v1/cases/{caseId}/periods"] as Record<string, { operationId: string }>;
      expect(i.get!.operationId).toBe("listInterventions");
      expect(i.post!.operationId).toBe("recordIntervention");
      expect(p.get!.operationId).toBe("listPeriods");
      expect(p.post!.operationId).toBe("recordPeriod");
      expect(doc.components.schemas).toHaveProperty("InterventionInput");
      expect(doc.components.schemas).toHaveProperty("PeriodInput");
    });
  });

  describe("the page /sager/:caseId/indsatser", () => {
    const url = () => `/sager/${g.caseId}/indsatser`;
    const act = (actor: Actor, fields: Record<string, string>) =>
      run(() =>
        page.action({
          request: formRequest(url(), fields),
          params: { caseId: g.caseId },
          context: contextFor(t, actor),
        } as never),
      );

    it("keeps what was typed and answers in Danish per field; a save redirects to the section", async () => {
      const bad = (await act(g.caseworker, {
        intent: "mentorCreate",
        formKey: "mentor-new",
        mentorName: "Mette Mentor",
        role: "",
        goals: "Møde stabilt\nTale med kolleger",
        fromDate: "2026-01-01",
        toDate: "2026-08-01",
      })) as { formKey: string; errors: Record<string, string>; values: Record<string, unknown> };
      expect(bad.formKey).toBe("mentor-new");
      expect(bad.errors.role).toContain("MT-2");
      expect(bad.errors.toDate).toBeUndefined(); // the schema stopped before MT-3; fixed role shows the next error
      expect(bad.values).toMatchObject({ mentorName: "Mette Mentor", goals: "Møde stabilt\nTale med kolleger" });

      const tooLong = (await act(g.caseworker, {
        intent: "mentorCreate",
        formKey: "mentor-new",
        mentorName: "Mette Mentor",
        role: "Støtte",
        goals: "Møde stabilt",
        fromDate: "2026-01-01",
        toDate: "2026-08-01",
      })) as { errors: Record<string, string> };
      expect(tooLong.errors.toDate).toContain("MT-3");

      const ok = (await act(g.caseworker, {
        intent: "mentorCreate",
        formKey: "mentor-new",
        mentorName: "Mette Mentor",
        role: "Støtte",
        goals: "Møde stabilt",
        fromDate: "2026-01-01",
        toDate: "2026-06-30",
      })) as Response;
      expect(ok.status).toBe(302);
      expect(ok.headers.get("Location")).toBe(`/sager/${g.caseId}/indsatser?gemt=mentor#mentor`);

      const data = (await page.loader({
        request: new Request(`http://test${url()}`),
        params: { caseId: g.caseId },
        context: contextFor(t, g.caseworker),
      } as never)) as Awaited<ReturnType<typeof page.loader>>;
      expect(data.overview.grants).toHaveLength(1);
      expect(data.overview.deadlines.find((d) => d.kind === "mentorEnding")).toMatchObject({
        dueDate: "2026-06-30",
        status: "upcoming",
        explanation: expect.objectContaining({ ruleId: "MT-3" }),
      });
      expect(data.mentorDefaults).toMatchObject({ fromDate: "2026-07-01", renewalOf: data.overview.grants[0]!.id });
    });

    it("a stale form is a conflict: nothing is written and the typed values stay", async () => {
      const [p] = (
        (await page.loader({
          request: new Request(`http://test${url()}`),
          params: { caseId: g.caseId },
          context: contextFor(t, g.caseworker),
        } as never)) as Awaited<ReturnType<typeof page.loader>>
      ).overview.periods;
      const r = (await act(g.caseworker, {
        intent: "periodUpdate",
        formKey: `period-${p!.id}`,
        id: p!.id,
        version: String(p!.version + 3),
        kind: "barsel",
        fromDate: "2025-10-01",
        toDate: "2025-10-20",
      })) as { conflict: string; values: Record<string, unknown> };
      expect(r.conflict).toContain("Ændringen er ikke gemt");
      expect(r.values).toMatchObject({ toDate: "2025-10-20" });
    });

    it("another municipality's case is 404 on the page", async () => {
      const res = await run(() =>
        page.loader({
          request: new Request(`http://test${url()}`),
          params: { caseId: g.caseId },
          context: contextFor(t, neighbour),
        } as never),
      );
      expect((res as Response).status).toBe(404);
    });
  });

  describe("ydelse preview and admin rates", () => {
    it("only an admin opens /admin/ydelsessatser; an entry is kept and audited; the preview then uses it", async () => {
      const forbidden = await run(() =>
        adminRates.loader({
          request: new Request("http://test/admin/ydelsessatser"),
          params: {},
          context: contextFor(t, g.caseworker),
        } as never),
      );
      expect((forbidden as Response).status).toBe(403);

      const preview = async () =>
        (await ydelsePage.action({
          request: formRequest(`/sager/${g.caseId}/ydelse`, {
            month: "2026-01",
            forsoerger: "true",
            sygedagpengeEnd: "2025-08-31",
          }),
          params: { caseId: g.caseId },
          context: contextFor(t, g.caseworker),
        } as never)) as { output: { payable: number | null; findings: { ruleId: string }[] } | null };
      const before = await preview();
      expect(before.output!.payable).toBeNull();
      expect(before.output!.findings.map((f) => f.ruleId)).toContain("Y-5");

      const saved = await run(() =>
        adminRates.action({
          request: formRequest("/admin/ydelsessatser", {
            year: "2026",
            category: "forsoerger",
            amount: "17000",
            law: "LAS",
            paragraph: "§ 69 j",
            source: 'bm.dk "Satser for 2026"',
          }),
          params: {},
          context: contextFor(t, admin),
        } as never),
      );
      expect((saved as Response).status).toBe(302);
      const after = await preview();
      expect(after.output!.payable).toBe(17000);

      const list = (await adminRates.loader({
        request: new Request("http://test/admin/ydelsessatser"),
        params: {},
        context: contextFor(t, admin),
      } as never)) as Awaited<ReturnType<typeof adminRates.loader>>;
      expect(list.entered).toEqual([
        expect.objectContaining({ year: 2026, amount: 17000, inForce: true, enteredBy: "Adam Admin" }),
      ]);
      const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "ydelse.rate.add"));
      expect(events).toHaveLength(1);
    });
  });
});
