import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openApiDocument } from "~/app/api/openapi";
import * as apiDecisions from "~/app/routes/api.v1.decisions";
import * as decisionPage from "~/app/routes/case-decision";
import * as letterRoute from "~/app/routes/letter";
import type { Actor } from "~/platform/auth/actor";
import { csrfTokenFor } from "~/platform/auth/csrf";
import { auditEvents, cases } from "~/platform/db/schema";
import { CSRF_COOKIE } from "~/platform/http/cookies";
import { aCaseAwaitingDecision } from "../builders/decision";
import { aMunicipality } from "../builders/tenancy";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

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

function jsonRequest(url: string, body: unknown, method = "POST") {
  return new Request(`http://test${url}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
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

/** Runs a loader or action the way React Router does: a thrown Response is the answer too. */
async function run(fn: () => unknown): Promise<Response | unknown> {
  try {
    return await fn();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe.each(databaseKinds())("afgørelse routes and API on %s", (kind) => {
  let t: TestDb;
  let karen: Actor;
  let citizenOf: (citizenId: string) => Actor;
  let neighbour: Actor;
  let token: Actor;

  beforeAll(async () => {
    t = await createTestDb(kind);
    const m = await aMunicipality(t.db, "Testkommune");
    karen = await m.actor("caseworker", "Karen Koordinator");
    const citizenUser = await m.actor("citizen", "Borger");
    citizenOf = (citizenId) => ({ ...citizenUser, citizenId });
    neighbour = await (await aMunicipality(t.db, "Naboby")).actor("caseworker", "Nikolaj Nabo");
    token = { ...karen, type: "token", id: "00000000-0000-4000-8000-0000000000aa", name: "Integration" };
  });
  afterAll(async () => t?.drop());
  beforeEach(() => vi.stubEnv("APP_TODAY", "2026-01-14"));
  afterEach(() => vi.unstubAllEnvs());

  const api = (actor: Actor | null, caseId: string, body?: unknown) =>
    body === undefined
      ? (apiDecisions.loader({
          request: new Request("http://test"),
          params: { caseId },
          context: contextFor(t, actor),
        } as never) as Promise<Response>)
      : (apiDecisions.action({
          request: jsonRequest(`/api/v1/cases/${caseId}/decisions`, body),
          params: { caseId },
          context: contextFor(t, actor),
        } as never) as Promise<Response>);
  const grantBody = (version: number, extra: Record<string, unknown> = {}) => ({
    version,
    kind: "grant",
    startDate: "2026-02-01",
    months: 24,
    reasons: "Borgeren er i målgruppen.",
    ...extra,
  });

  describe("POST /api/v1/cases/{caseId}/decisions", () => {
    it("creates a decision (201) and lists it with its letter and outbox status", async () => {
      const c = await aCaseAwaitingDecision(t.db, karen);
      const res = await api(karen, c.caseId, grantBody(c.version));
      expect(res.status).toBe(201);
      const body = await res.json();
      expect(body).toMatchObject({
        caseId: c.caseId,
        kind: "grant",
        decidedOn: "2026-01-14",
        startDate: "2026-02-01",
        endDate: "2028-01-31",
        months: 24,
        deviatesFromIndstilling: false,
        decidedBy: { id: karen.id, name: "Karen Koordinator" },
        letter: { href: expect.stringMatching(/^\/breve\//), status: "pending", sentAt: null },
      });
      const list = await api(karen, c.caseId);
      expect(list.status).toBe(200);
      expect((await list.json()).items).toEqual([expect.objectContaining({ id: body.id })]);
    });

    it("names bad fields as problem+json (400), with the rule ID", async () => {
      const c = await aCaseAwaitingDecision(t.db, karen, { indstilling: { recommendedMonths: null } });
      const res = await api(karen, c.caseId, grantBody(c.version, { months: 37 }));
      expect(res.status).toBe(400);
      expect(res.headers.get("Content-Type")).toContain("application/problem+json");
      expect((await res.json()).errors).toEqual([{ path: "months", message: expect.stringMatching(/^D-2: /) }]);
    });

    it("answers 409 for a departure from the indstilling (P-3) and for a stale version", async () => {
      const c = await aCaseAwaitingDecision(t.db, karen);
      const p3 = await api(karen, c.caseId, grantBody(c.version, { months: 12 }));
      expect(p3.status).toBe(409);
      expect(await p3.json()).toMatchObject({
        title: expect.stringContaining("(P-3)"),
        detail: expect.stringContaining("afviger"),
      });
      const stale = await api(karen, c.caseId, grantBody(c.version + 5));
      expect(stale.status).toBe(409);
      expect((await stale.json()).title).toBe("Sagen er ændret siden den version, du sendte");
    });

    it("refuses a service account (403, P-6), another municipality (404) and a non-JSON body (415)", async () => {
      const c = await aCaseAwaitingDecision(t.db, karen);
      const byToken = await api(token, c.caseId, grantBody(c.version));
      expect(byToken.status).toBe(403);
      expect((await byToken.json()).title).toContain("P-6");
      expect((await api(neighbour, c.caseId, grantBody(c.version))).status).toBe(404);
      expect((await api(neighbour, c.caseId)).status).toBe(404);
      expect((await api(null, c.caseId)).status).toBe(401);
      const text = await (apiDecisions.action({
        request: new Request("http://test", { method: "POST", body: "x" }),
        params: { caseId: c.caseId },
        context: contextFor(t, karen),
      } as never) as Promise<Response>);
      expect(text.status).toBe(415);
    });

    it("is in the OpenAPI document", () => {
      const doc = openApiDocument("http://test");
      const path = doc.paths["/api/v1/cases/{caseId}/decisions"] as Record<string, { operationId: string }>;
      expect(path.get!.operationId).toBe("listDecisions");
      expect(path.post!.operationId).toBe("createDecision");
      expect(doc.components.schemas).toHaveProperty("DecisionInput");
    });
  });

  describe("the decision page", () => {
    it("decides from a plain form post (no JavaScript) and redirects to the page with the letter", async () => {
      const c = await aCaseAwaitingDecision(t.db, karen);
      const url = `/sager/${c.caseId}/afgoerelse`;
      const page = (await decisionPage.loader({
        request: new Request(`http://test${url}`),
        params: { caseId: c.caseId },
        context: contextFor(t, karen),
      } as never)) as {
        kinds: string[];
        version: number;
        defaults: { kind: string; months: string };
      };
      expect(page).toMatchObject({
        kinds: ["grant", "refusal"],
        version: c.version,
        defaults: { kind: "grant", months: "24" },
      });

      const invalid = await run(() =>
        decisionPage.action({
          request: formRequest(url, {
            intent: "decide",
            version: String(c.version),
            kind: "grant",
            startDate: "2026-02-01",
            months: "37",
            reasons: "",
          }),
          params: { caseId: c.caseId },
          context: contextFor(t, karen),
        } as never),
      );
      // Nothing typed is lost, and each field has its message.
      expect(invalid).toMatchObject({
        kind: "invalid",
        values: { startDate: "2026-02-01", months: "37" },
        errors: { months: expect.stringMatching(/^D-2: /), reasons: "Skriv begrundelsen for afgørelsen" },
      });

      const ok = (await run(() =>
        decisionPage.action({
          request: formRequest(url, {
            intent: "decide",
            version: String(c.version),
            kind: "grant",
            startDate: "2026-02-01",
            months: "24",
            reasons: "Begrundelse.",
          }),
          params: { caseId: c.caseId },
          context: contextFor(t, karen),
        } as never),
      )) as Response;
      expect(ok.status).toBe(302);
      expect(ok.headers.get("Location")).toMatch(new RegExp(`^/sager/${c.caseId}/afgoerelse\\?truffet=`));
    });

    it("sends the case back to the team from the form (P-3) and refuses a forged form", async () => {
      const c = await aCaseAwaitingDecision(t.db, karen);
      const url = `/sager/${c.caseId}/afgoerelse`;
      const forged = await run(() =>
        decisionPage.action({
          request: new Request(`http://test${url}`, {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ intent: "backToTeam", version: String(c.version) }),
          }),
          params: { caseId: c.caseId },
          context: contextFor(t, karen),
        } as never),
      );
      expect((forged as Response).status).toBe(403);
      const res = (await run(() =>
        decisionPage.action({
          request: formRequest(url, {
            intent: "backToTeam",
            version: String(c.version),
            proposal: "Bevilling i 12 måneder",
          }),
          params: { caseId: c.caseId },
          context: contextFor(t, karen),
        } as never),
      )) as Response;
      expect(res.headers.get("Location")).toBe(`${url}?tilbage=1`);
      const [row] = await t.db.select().from(cases).where(eq(cases.id, c.caseId));
      expect(row!.status).toBe("backToTeam");
      const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, c.caseId));
      expect(events.map((e) => e.action)).toContain("case.backToTeam");
    });

    it("answers 404 for another municipality's case", async () => {
      const c = await aCaseAwaitingDecision(t.db, karen);
      const res = await run(() =>
        decisionPage.loader({
          request: new Request("http://test/"),
          params: { caseId: c.caseId },
          context: contextFor(t, neighbour),
        } as never),
      );
      expect((res as Response).status).toBe(404);
    });
  });

  describe("GET /breve/{letterId}", () => {
    it("gives the PDF inline to staff and to the citizen it was sent to, 404 to anyone else", async () => {
      const c = await aCaseAwaitingDecision(t.db, karen);
      const created = await (await api(karen, c.caseId, grantBody(c.version))).json();
      const letterId = created.letter.id as string;
      const open = (actor: Actor) =>
        run(() =>
          letterRoute.loader({
            request: new Request(`http://test/breve/${letterId}`),
            params: { letterId },
            context: contextFor(t, actor),
          } as never),
        ) as Promise<Response>;

      const staff = await open(karen);
      expect(staff.status).toBe(200);
      expect(staff.headers.get("Content-Type")).toBe("application/pdf");
      expect(staff.headers.get("Content-Disposition")).toMatch(/^inline; filename="brev-[0-9a-f]{8}\.pdf"$/);
      expect(staff.headers.get("Cache-Control")).toBe("private, no-store");
      expect(
        Buffer.from(await staff.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe("%PDF-");

      expect((await open(citizenOf(c.citizenId))).status).toBe(200);
      const other = await aCaseAwaitingDecision(t.db, karen);
      expect((await open(citizenOf(other.citizenId))).status).toBe(404);
      expect((await open(neighbour)).status).toBe(404);
      // Every opening is in the audit log, the refused ones too.
      const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, letterId));
      expect(events.map((e) => e.action).sort()).toEqual(
        ["letter.create", "letter.read", "letter.read", "letter.read.notFound", "letter.read.notFound"].sort(),
      );
    });
  });
});
