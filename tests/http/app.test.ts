import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "~/platform/db/client.server";
import { demoApiToken } from "~/platform/demo/seed-demo.db.server";
import { Browser, startBuiltApp, type RunningApp } from "../support/http-app";
import { databaseKinds } from "../support/test-db";

const OTHER_MUNICIPALITY_CITIZEN = "99800000-0000-4000-8000-000000000001";
const OWN_CITIZEN = "99900000-0000-4000-8000-000000000001";

describe.each(databaseKinds())("the app over HTTP on %s", (kind) => {
  let app: RunningApp;
  let token: string;
  beforeAll(async () => {
    app = await startBuiltApp(kind);
    const db = app.started.handle.db;
    const secret = rowsOf<{ value: string }>(
      await db.execute(sql`select value from app_settings where key = 'installation_secret'`),
    )[0]!.value;
    token = demoApiToken(secret);
  }, 120_000);
  afterAll(async () => app?.close());

  const api = (path: string, init: RequestInit = {}, bearer = token) =>
    fetch(app.baseUrl + path, { ...init, headers: { Authorization: `Bearer ${bearer}`, ...(init.headers ?? {}) } });

  it("answers /healthz with the database kind and migration level", async () => {
    const res = await fetch(`${app.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.database.kind).toBe(kind === "postgres" ? "postgres" : "pglite");
    expect(body.database.migrations).toMatchObject({ upToDate: true });
    expect(body.database.migrations.latest).toMatch(/^\d{4}_/);
  });

  it("sends anonymous users to the login page", async () => {
    const b = new Browser(app.baseUrl);
    const res = await b.request("/borgere");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?til=%2Fborgere");
  });

  it("logs in through the demo page with a database session cookie that is HttpOnly and SameSite", async () => {
    const b = new Browser(app.baseUrl);
    const { csrf, html } = await b.page("/demo");
    expect(html).toContain("Kun til demonstration");
    const userId = /name="userId" value="([^"]+)"/.exec(html)![1]!;
    const res = await b.post("/demo", { _csrf: csrf, userId });
    expect(res.status).toBe(302);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("rf_session="))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const rows = rowsOf(await app.started.handle.db.execute(sql`select id_hash from sessions`));
    // Only the hash of the cookie is stored.
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(b.cookie("rf_session"));
  });

  it("refuses a form post without a valid CSRF token, and a cross-site write", async () => {
    const b = new Browser(app.baseUrl);
    await b.loginAs("Karen Koordinator");
    expect((await b.post("/borgere", { q: "a" })).status).toBe(403);
    expect((await b.post("/borgere", { q: "a", _csrf: "forged" })).status).toBe(403);
    const { csrf } = await b.page("/borgere");
    expect((await b.post("/borgere", { q: "a", _csrf: csrf }, { "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect((await b.post("/borgere", { q: "a", _csrf: csrf })).status).toBe(200);
  });

  it("ends a session after the idle timeout and on logout", async () => {
    const b = new Browser(app.baseUrl);
    await b.loginAs("Karen Koordinator");
    expect((await b.request("/borgere")).status).toBe(200);
    await app.started.handle.db.execute(sql`update sessions set expires_at = now() - interval '1 second'`);
    expect((await b.request("/borgere")).status).toBe(302);

    await b.loginAs("Karen Koordinator");
    const stolen = b.cookie("rf_session")!;
    const { csrf } = await b.page("/borgere");
    expect((await b.post("/logout", { _csrf: csrf })).headers.get("location")).toBe("/login?logget-af=1");
    const res = await fetch(`${app.baseUrl}/borgere`, {
      headers: { Cookie: `rf_session=${stolen}` },
      redirect: "manual",
    });
    expect(res.status).toBe(302);
  });

  it("gives 404 for another municipality's citizen, by page and API, and logs the attempt", async () => {
    const b = new Browser(app.baseUrl);
    await b.loginAs("Karen Koordinator");
    const page = await b.page(`/borgere/${OTHER_MUNICIPALITY_CITIZEN}`);
    expect(page.res.status).toBe(404);
    expect(page.html).toContain("Siden findes ikke");
    const missing = await b.page("/borgere/00000000-0000-4000-8000-000000000000");
    expect(missing.res.status).toBe(404);
    const apiRes = await api(`/api/v1/citizens/${OTHER_MUNICIPALITY_CITIZEN}`);
    expect(apiRes.status).toBe(404);
    expect(apiRes.headers.get("content-type")).toContain("application/problem+json");
    const events = rowsOf<{ action: string }>(
      await app.started.handle.db.execute(
        sql`select action from audit_events where entity_id = ${OTHER_MUNICIPALITY_CITIZEN} order by id`,
      ),
    );
    expect(events.map((r) => r.action)).toEqual(["citizen.read.notFound", "citizen.read.notFound"]);
  });

  it("serves the citizen API with the demo token and validates input as problem+json naming fields", async () => {
    const me = await (await api("/api/v1/me")).json();
    expect(me).toMatchObject({ type: "token", role: "caseworker", municipality: { code: "999" } });
    const list = await (await api("/api/v1/citizens?pageSize=5")).json();
    // The 50 hand-made demo citizens plus the generated history (issue 6), and none of Naboby's.
    const [own] = rowsOf<{ n: number }>(
      await app.started.handle.db.execute(
        sql`select count(*)::int as n from citizens c join municipalities m on m.id = c.municipality_id where m.code = '999'`,
      ),
    );
    expect(own!.n).toBeGreaterThan(50);
    expect(list.total).toBe(own!.n);
    expect(list.items).toHaveLength(5);
    expect(list.items[0].maskedCpr).toMatch(/^\d{6}-xxxx$/);
    const bad = await api("/api/v1/citizens", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ cpr: "320185-1234", name: "", address: "Vej 1", postalCode: "12", city: "By" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    const problem = await bad.json();
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ["cpr", "name", "postalCode", "previousBenefit"].sort(),
    );
    const one = await (await api(`/api/v1/citizens/${OWN_CITIZEN}`)).json();
    const stale = await api(`/api/v1/citizens/${OWN_CITIZEN}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...one, cpr: one.cpr, version: one.version + 5 }),
    });
    expect(stale.status).toBe(409);
    const ok = await api(`/api/v1/citizens/${OWN_CITIZEN}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...one, city: "Nyby", version: one.version }),
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).version).toBe(one.version + 1);
  });

  it("describes every API route in /api/openapi.json", async () => {
    const doc = await (await fetch(`${app.baseUrl}/api/openapi.json`)).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/me",
        "/api/v1/citizens",
        "/api/v1/citizens/search",
        "/api/v1/citizens/{citizenId}",
      ]),
    );
    const body = doc.paths["/api/v1/citizens"].post.requestBody.content["application/json"].schema;
    expect(body.$ref).toBe("#/components/schemas/CitizenInput");
    expect(doc.components.schemas.CitizenInput.properties.cpr.type).toBe("string");
    expect(doc.components.schemas.Problem.properties.errors).toBeTruthy();
    // Every $ref points at a schema that exists.
    for (const ref of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(doc.components.schemas[ref[1]!], ref[1]).toBeTruthy();
    }
  });

  it("lets an admin create a scoped token, which works until it is revoked", async () => {
    const b = new Browser(app.baseUrl);
    await b.loginAs("Adam Admin");
    let { csrf } = await b.page("/admin/tokens");
    const created = await b.post("/admin/tokens", {
      _csrf: csrf,
      intent: "create",
      name: "Statistik",
      role: "analyst",
    });
    const html = await created.text();
    const newToken = /data-testid="new-token">([^<]+)</.exec(html)?.[1];
    expect(newToken).toMatch(/^rf_/);
    expect((await api("/api/v1/me", {}, newToken)).status).toBe(200);
    // An analyst token sees aggregates only, never a person.
    expect((await api("/api/v1/citizens", {}, newToken)).status).toBe(403);
    const list = await b.page("/admin/tokens");
    csrf = list.csrf;
    const ids = [...list.html.matchAll(/name="id" value="([^"]+)"/g)].map((m) => m[1]!);
    const revokeId = ids.at(-1)!;
    await b.post("/admin/tokens", { _csrf: csrf, intent: "revoke", id: revokeId });
    expect((await api("/api/v1/me", {}, newToken)).status).toBe(401);
  });

  it("keeps CPR numbers out of URLs and log lines", async () => {
    const b = new Browser(app.baseUrl);
    await b.loginAs("Karen Koordinator");
    const { csrf } = await b.page("/borgere/ny");
    const res = await b.post("/borgere/ny", {
      _csrf: csrf,
      intent: "save",
      cpr: "230385-1234",
      name: "Lise Logsen",
      address: "Prøvevej 1",
      postalCode: "9990",
      city: "Demoby",
      previousBenefit: "kontanthjaelp",
      networkRows: "0",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).not.toMatch(/230385/);
    const s = await b.page("/borgere");
    await b.post("/borgere", { _csrf: s.csrf, q: "230385-1234" });
    await api("/api/v1/citizens/search", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ q: "2303851234" }),
    });
    const all = app.logs.join("\n");
    expect(all).toContain('"path":"/borgere"');
    expect(all).not.toMatch(/230385-?1234/);
  });

  it("shows Danish 404 pages and never a stack trace", async () => {
    const res = await fetch(`${app.baseUrl}/findes/ikke`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Siden findes ikke");
    expect(html).not.toMatch(/at .*\.js:\d+/);
    const apiMissing = await api("/api/v1/nothing");
    expect(apiMissing.status).toBe(404);
    expect(apiMissing.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("demo mode", () => {
  it("cannot be enabled in production", async () => {
    const app = await startBuiltApp("pglite", { NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) });
    try {
      expect(app.started.demo).toBeNull();
      expect((await fetch(`${app.baseUrl}/demo`)).status).toBe(404);
      const users = rowsOf<{ n: number }>(
        await app.started.handle.db.execute(sql`select count(*)::int as n from users`),
      );
      expect(users[0]!.n).toBe(0);
    } finally {
      await app.close();
    }
  }, 120_000);
});
