import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE } from "~/legislation";
import { rowsOf } from "~/platform/db/client.server";
import { demoApiToken } from "~/platform/demo/seed-demo.db.server";
import { checkGoldenIssues, checkGoldenOutput, isInvalidCase, listGoldenCases } from "../golden/cases";
import { startBuiltApp, type RunningApp } from "../support/http-app";

/** The HTTP form of the rules contract answers exactly as the CLI does, on the same golden cases. */
describe("POST /api/v1/rules/evaluate and /ydelse", () => {
  let app: RunningApp;
  let token: string;
  beforeAll(async () => {
    app = await startBuiltApp("pglite");
    const [row] = rowsOf<{ value: string }>(
      await app.started.handle.db.execute(sql`select value from app_settings where key = 'installation_secret'`),
    );
    token = demoApiToken(row!.value);
  }, 120_000);
  afterAll(async () => app?.close());

  const post = (path: string, body: string, auth = true) =>
    fetch(app.baseUrl + path, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(auth ? { Authorization: `Bearer ${token}` } : {}) },
      body,
    });

  for (const c of listGoldenCases(["evaluate", "ydelse"])) {
    it(`${c.file}: ${c.name}`, async () => {
      const res = await post(`/api/v1/rules/${c.contract}`, JSON.stringify(c.input));
      const body = await res.json();
      if (isInvalidCase(c)) {
        expect(res.status).toBe(400);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect(checkGoldenIssues(c, body.errors)).toEqual([]);
      } else {
        expect(res.status).toBe(200);
        expect(checkGoldenOutput(c, body)).toEqual([]);
      }
    });
  }

  it("requires an authenticated caller", async () => {
    expect((await post("/api/v1/rules/evaluate", "{}", false)).status).toBe(401);
  });

  it("answers bad JSON and random bodies with 400 problem+json, never 500", async () => {
    expect((await post("/api/v1/rules/evaluate", "{not json")).status).toBe(400);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const res = await post("/api/v1/rules/evaluate", JSON.stringify(value));
        expect([400]).toContain(res.status);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
      }),
      { numRuns: 60 },
    );
  });

  it("is described in the OpenAPI document", async () => {
    const doc = await (await fetch(`${app.baseUrl}/api/openapi.json`)).json();
    expect(doc.paths["/api/v1/rules/evaluate"].post.requestBody.content["application/json"].schema.$ref).toBe(
      "#/components/schemas/EvaluateInput",
    );
    expect(doc.components.schemas.YdelseOutput).toBeTruthy();
  });

  it("serves /regler publicly with every computable rule ID", async () => {
    const html = await (await fetch(`${app.baseUrl}/regler`)).text();
    for (const id of [
      "PA-1",
      "TG-6",
      "TG-10",
      "D-1",
      "D-7",
      "IG-1",
      "IG-6",
      "FU-1",
      "FU-3",
      "MT-3",
      "VP-1",
      "VP-2",
      "SK-1",
      "SK-2",
      "E-2",
      "A-1",
      "A-2",
      "Y-1",
      "Y-5",
    ]) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain("Ikke verificeret");
    const file = CATALOGUE.find((r) => r.id === "IG-1")!.tests[0]!;
    expect(html).toContain(encodeURIComponent(file));
    const test = await fetch(`${app.baseUrl}/regler/test?fil=${encodeURIComponent(file)}`);
    expect(test.status).toBe(200);
    expect(await test.text()).toContain("IG-1");
    expect((await fetch(`${app.baseUrl}/regler/test?fil=package.json`)).status).toBe(404);
  });
});
