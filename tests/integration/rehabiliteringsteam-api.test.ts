import type { AppLoadContext } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "~/app/api/openapi";
import * as one from "~/app/routes/api.v1.team-meeting";
import * as many from "~/app/routes/api.v1.team-meetings";
import { addToAgenda } from "~/modules/rehabiliteringsteam/index.server";
import type { Actor } from "~/platform/auth/actor";
import { aCitizen, aReadyCase } from "../builders/case";
import { aMunicipality } from "../builders/tenancy";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

const BODY = {
  meetingDate: "2026-01-21",
  startTime: "09:00",
  place: "Rådhuset",
  members: [
    { area: "employment", name: "A" },
    { area: "health", name: "B" },
    { area: "social", name: "C" },
    { area: "sundhedskoordinator", name: "D", title: "Region" },
  ],
};

/** The API routes called as React Router calls them, with the shell's context: token actor, database, logger. */
describe.each(databaseKinds())("rehabiliteringsteam API on %s", (kind) => {
  let t: TestDb;
  let caseworker: Actor;
  let rehab: Actor;
  let other: Actor;

  const context = (actor: Actor | null) =>
    ({
      db: t.db,
      actor,
      requestId: "test",
      log: { error: () => undefined, info: () => undefined, warn: () => undefined },
    }) as unknown as AppLoadContext;
  const get = (actor: Actor | null, path: string, params: Record<string, string> = {}) =>
    (params.meetingId ? one.loader : many.loader)({
      request: new Request(`http://test${path}`),
      params,
      context: context(actor),
    } as never) as Promise<Response>;
  const post = (actor: Actor, body: unknown) =>
    many.action({
      request: new Request("http://test/api/v1/team-meetings", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      }),
      params: {},
      context: context(actor),
    } as never) as Promise<Response>;

  beforeAll(async () => {
    process.env.APP_TODAY = "2026-01-14";
    t = await createTestDb(kind);
    const a = await aMunicipality(t.db, "Kommune A");
    const b = await aMunicipality(t.db, "Kommune B");
    caseworker = { ...(await a.actor("caseworker", "Karen Koordinator")), type: "token" };
    rehab = { ...(await a.actor("rehabteam")), type: "token" };
    other = { ...(await b.actor("caseworker")), type: "token" };
  });
  afterAll(async () => {
    delete process.env.APP_TODAY;
    await t?.drop();
  });

  it("creates a meeting (201, Location) and names every bad field in problem+json", async () => {
    const bad = await post(caseworker, { ...BODY, startTime: "9", members: BODY.members.slice(0, 3) });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("Content-Type")).toMatch(/application\/problem\+json/);
    const problem = await bad.json();
    expect(problem.errors).toEqual([
      { path: "startTime", message: "Skriv et klokkeslæt som TT:MM, fx 09:00" },
      { path: "members", message: "Teamet skal have en repræsentant for regionens sundhedskoordinator (P-2)" },
    ]);
    const created = await post(caseworker, BODY);
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(created.headers.get("Location")).toBe(`/api/v1/team-meetings/${body.id}`);
    expect(body).toMatchObject({ meetingDate: "2026-01-21", startTime: "09:00", version: 1, agenda: [] });
    // A member of the team cannot plan meetings.
    expect((await post(rehab, BODY)).status).toBe(403);
  });

  it("lists and reads within the token's municipality only; the agenda carries the indstilling", async () => {
    const created = await (await post(caseworker, BODY)).json();
    const citizenId = await aCitizen(t.db, { ...caseworker, type: "user" }, { name: "Api Borger" });
    const c = await aReadyCase(t.db, { ...caseworker, type: "user" }, citizenId);
    await addToAgenda({ db: t.db, actor: caseworker }, created.id, { meetingVersion: 1, caseId: c.caseId });

    const list = await (await get(caseworker, "/api/v1/team-meetings?from=2026-01-01")).json();
    expect(list.items.map((m: { id: string }) => m.id)).toContain(created.id);
    expect(list.items.find((m: { id: string }) => m.id === created.id)).toMatchObject({ caseCount: 1 });
    expect((await (await get(other, "/api/v1/team-meetings")).json()).items).toEqual([]);
    expect((await get(caseworker, "/api/v1/team-meetings?from=januar")).status).toBe(400);

    const meeting = await (await get(rehab, `/api/v1/team-meetings/${created.id}`, { meetingId: created.id })).json();
    expect(meeting.agenda[0]).toMatchObject({
      caseId: c.caseId,
      citizen: { name: "Api Borger" },
      purpose: "firstPresentation",
      slotStart: "09:00",
      slotEnd: "09:45",
      indstilling: null,
    });
    const missing = await get(other, `/api/v1/team-meetings/${created.id}`, { meetingId: created.id });
    expect(missing.status).toBe(404);
    expect((await get(null, "/api/v1/team-meetings")).status).toBe(401);
  });

  it("is described in /api/openapi.json", () => {
    const doc = openApiDocument("http://test");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/team-meetings", "/api/v1/team-meetings/{meetingId}"]),
    );
    expect(doc.components.schemas).toHaveProperty("TeamMeetingInput");
    expect(doc.components.schemas).toHaveProperty("Indstilling");
  });
});
