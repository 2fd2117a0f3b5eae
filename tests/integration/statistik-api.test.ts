import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "~/platform/db/client.server";
import { demoApiToken } from "~/platform/demo/seed-demo.db.server";
import { Browser, startBuiltApp, type RunningApp } from "../support/http-app";
import { databaseKinds } from "../support/test-db";

/** The statistics over HTTP: the API for the demo token, the exports, the chart images and who may see them. */
describe.each(databaseKinds())("statistics over HTTP on %s", (kind) => {
  let app: RunningApp;
  let token: string;
  beforeAll(async () => {
    app = await startBuiltApp(kind);
    const secret = rowsOf<{ value: string }>(
      await app.started.handle.db.execute(sql`select value from app_settings where key = 'installation_secret'`),
    )[0]!.value;
    token = demoApiToken(secret);
  }, 180_000);
  afterAll(async () => app?.close());

  const api = (path: string) => fetch(app.baseUrl + path, { headers: { Authorization: `Bearer ${token}` } });

  it('serves the aggregates to the demo token, with hidden cells as "<5" and never their value', async () => {
    const res = await api("/api/v1/statistik?sammenlign=998");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.municipality).toEqual({ code: "999", name: "Demo Kommune" });
    expect(body.comparison).toEqual(["998"]);
    expect(body.figures.map((f: { id: string }) => f.id)).toEqual([
      "fuldtid",
      "koen",
      "alder",
      "alder40",
      "forsoergelse",
      "udfald",
      "status3",
      "indsats",
      "indsatsgaranti",
      "befolkning",
      "befolkningAlder",
    ]);
    const cells = body.figures.flatMap((f: { rows: { cells: unknown[] }[] }) => f.rows.flatMap((r) => r.cells));
    expect(cells.every((c: unknown) => typeof c === "number" || c === null || c === "<5")).toBe(true);
    const fuldtid = body.figures[0];
    expect(fuldtid.columns.map((c: { label: string }) => c.label)).toEqual([
      "Demo Kommune",
      "Sammenligningskommuner (1)",
      "Hele landet",
    ]);
    const total = fuldtid.rows.find((r: { total: boolean }) => r.total);
    expect(total.cells[0]).toBeGreaterThan(0);
    expect(total.cells[2]).toBeGreaterThanOrEqual(total.cells[0] + total.cells[1]);

    const one = await (await api("/api/v1/statistik?figur=udfald")).json();
    expect(one.figures.map((f: { id: string }) => f.id)).toEqual(["udfald"]);
  });

  it("answers bad input with problem+json naming the field", async () => {
    const res = await api("/api/v1/statistik?fra=2012-01");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await res.json()).errors).toEqual([{ path: "fra", message: "Første måned kan tidligst være 2013-01" }]);
    const bad = await (await api("/api/v1/statistik?sammenlign=12")).json();
    expect(bad.errors[0]).toMatchObject({ path: "sammenlign[0]" });
    const unknown = await (await api("/api/v1/statistik?sammenlign=555")).json();
    expect(unknown.errors).toEqual([{ path: "sammenlign", message: "Kommunekoden 555 findes ikke" }]);
  });

  it("is registered in the OpenAPI document", async () => {
    const doc = await (await fetch(`${app.baseUrl}/api/openapi.json`)).json();
    expect(doc.paths["/api/v1/statistik"].get.operationId).toBe("getStatistics");
  });

  it("lets the analyst see the page, the chart images and the exports, but no citizen", async () => {
    const b = new Browser(app.baseUrl);
    await b.loginAs("Anja Analyse");
    const page = await b.page("/statistik?sammenlign=998&valgt=1");
    expect(page.html).toMatch(/Statistik for (<!-- -->)?Demo Kommune/);
    const img = /<img src="([^"]+figur=fuldtid)"/.exec(page.html)![1]!.replaceAll("&amp;", "&");
    const svg = await b.request(img);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    const etag = svg.headers.get("etag")!;
    expect((await b.request(img, { headers: { "If-None-Match": etag } })).status).toBe(304);
    const csv = await b.request("/statistik/eksport.csv?figur=koen&sammenlign=998");
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="statistik-999-koen-/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Danish Excel
    expect(bytes.subarray(3).toString("utf8")).toMatch(
      /^Køn;Demo Kommune: fuldtidspersoner;Demo Kommune: andel \(%\);/,
    );
    expect((await b.request("/statistik/eksport.csv?figur=alle")).status).toBe(400);
    for (const path of ["/borgere", "/sager", "/admin/befolkningstal", "/statistik/maal"]) {
      expect((await b.request(path)).status, path).toBe(403);
    }
  });
});
