import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { citizens, municipalities, users } from "~/platform/db/schema";
import { startFakeOidcProvider } from "../support/fake-oidc-provider";
import { Browser, startBuiltApp, type RunningApp } from "../support/http-app";

const CLIENT_ID = "ressourceforloeb-test";
const CLIENT_SECRET = "test-secret";

describe("OIDC login (NemLog-in/MitID broker)", () => {
  let idp: Awaited<ReturnType<typeof startFakeOidcProvider>>;
  let app: RunningApp;

  beforeAll(async () => {
    idp = await startFakeOidcProvider(CLIENT_ID, CLIENT_SECRET);
    app = await startBuiltApp("pglite", {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_ALLOW_HTTP: "1",
      DEMO_SEED: "off",
    });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  /** Follows /auth/oidc/start, lets the IdP "authenticate" the given identity, and returns the callback response. */
  async function login(b: Browser, identity: { sub: string; name?: string; cpr?: string }, tamper = false) {
    const start = await b.request("/auth/oidc/start?til=%2Fborgere");
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get("location")!);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    const code = idp.issueCode(identity, authorize.searchParams.get("nonce")!);
    const state = tamper ? "forged" : authorize.searchParams.get("state")!;
    const redirect = new URL(authorize.searchParams.get("redirect_uri")!);
    return b.request(`${redirect.pathname}?code=${code}&state=${state}&iss=${encodeURIComponent(idp.issuer)}`);
  }

  it("has no demo login when OIDC is configured", async () => {
    expect(app.started.env.demoEnabled).toBe(false);
    expect((await fetch(`${app.baseUrl}/demo`)).status).toBe(404);
  });

  it("logs in a provisioned caseworker by subject and returns to the page asked for", async () => {
    // A municipality and a caseworker provisioned by the admin.
    const [m] = await app.started.handle.db
      .insert(municipalities)
      .values({ code: "777", name: "OIDC Kommune" })
      .returning();
    await app.started.handle.db
      .insert(users)
      .values({ municipalityId: m!.id, role: "caseworker", name: "Olga OIDC", oidcSubject: "staff-olga" });
    const b = new Browser(app.baseUrl);
    const res = await login(b, { sub: "staff-olga", name: "Olga OIDC" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/borgere");
    expect((await b.request("/borgere")).status).toBe(200);
  });

  it("links a citizen on first login by the CPR claim", async () => {
    const [m] = await app.started.handle.db.select().from(municipalities).where(eq(municipalities.code, "777"));
    await app.started.handle.db.insert(citizens).values({
      municipalityId: m!.id,
      cpr: "1503851234",
      birthDate: "1985-03-15",
      sex: "K",
      name: "Ellen Eksempelsen",
      address: "Prøvevej 7",
      postalCode: "9990",
      city: "Demoby",
      previousBenefit: "sygedagpenge",
    });
    const b = new Browser(app.baseUrl);
    const res = await login(b, { sub: "mitid-ellen", cpr: "1503851234" });
    expect(res.status).toBe(302);
    const home = await b.page("/");
    expect(home.html).toContain("Ellen Eksempelsen");
    expect(home.html).toContain("Borger");
  });

  it("refuses an unknown person and a forged state", async () => {
    const unknown = await login(new Browser(app.baseUrl), { sub: "nobody" });
    expect(unknown.headers.get("location")).toBe("/login?fejl=ukendt");
    const forged = await login(new Browser(app.baseUrl), { sub: "staff-olga" }, true);
    expect(forged.headers.get("location")).toBe("/login?fejl=afbrudt");
  });
});
