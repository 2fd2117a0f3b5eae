import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openApiDocument } from "~/app/api/openapi";
import * as apiConversations from "~/app/routes/api.v1.conversations";
import * as followUpPage from "~/app/routes/case-followup";
import * as icalRoute from "~/app/routes/ical-my-meetings";
import { buildCalendar, foldLine, myMeetingsCalendar, scheduleConversation } from "~/modules/opfoelgning/index.server";
import type { Actor } from "~/platform/auth/actor";
import { csrfTokenFor } from "~/platform/auth/csrf";
import { auditEvents, citizens, conversations, teamAgendaItems, teamMeetings } from "~/platform/db/schema";
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

async function run(fn: () => unknown): Promise<Response | unknown> {
  try {
    return await fn();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** RFC 5545 3.1: a folded line continues on the next physical line after CRLF and one space or tab. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");
const events = (ics: string) =>
  unfold(ics)
    .split("BEGIN:VEVENT\r\n")
    .slice(1)
    .map((e) => e.slice(0, e.indexOf("END:VEVENT")));
const prop = (event: string, name: string) =>
  event
    .split("\r\n")
    .find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
    ?.replace(/^[^:]*:/, "");

describe.each(databaseKinds())("follow-up routes, API and calendar on %s", (kind) => {
  let t: TestDb;
  let municipalityId: string;
  let karen: Actor;
  let other: Actor;
  let neighbour: Actor;
  let rehab: Actor;
  let a: GrantedCase;
  let c: GrantedCase;
  const ctx = (actor: Actor) => ({ db: t.db, actor, requestId: "test" });

  beforeAll(async () => {
    t = await createTestDb(kind);
    const m = await aMunicipality(t.db, "Testkommune");
    municipalityId = m.municipality.id;
    karen = await m.actor("caseworker", "Karen Koordinator");
    other = await m.actor("caseworker", "Ole Anden");
    rehab = await m.actor("rehabteam", "Rasmus Rehab");
    neighbour = await (await aMunicipality(t.db, "Naboby")).actor("caseworker", "Nikolaj Nabo");
    a = await aGrantedCase(t.db, municipalityId, {
      caseworker: karen,
      citizenName: "Åse Ærbø-Østergård",
      start: "2025-09-01",
    });
    c = await aGrantedCase(t.db, municipalityId, {
      caseworker: other,
      citizenName: "Carsten Andensen",
      start: "2025-09-01",
    });
  });
  beforeEach(() => vi.stubEnv("APP_TODAY", "2026-01-14"));
  afterEach(() => vi.unstubAllEnvs());
  afterAll(async () => t?.drop());

  describe("iCalendar: /mine-moeder.ics", () => {
    let planned: string;
    let cancelled: string;
    beforeAll(async () => {
      vi.stubEnv("APP_TODAY", "2026-01-14");
      const p = await scheduleConversation(ctx(karen), a.caseId, {
        date: "2026-01-20",
        time: "10:00",
        mode: "phone",
        participants: ["mentor", "bisidder"],
        notes: "Fortroligt: helbred og gæld",
      });
      const q = await scheduleConversation(ctx(karen), a.caseId, {
        date: "2026-01-27",
        time: "23:30",
        mode: "personal",
      });
      if (!p.ok || !q.ok) throw new Error("setup");
      planned = p.id;
      cancelled = q.id;
      await t.db.update(conversations).set({ status: "cancelled", version: 2 }).where(eq(conversations.id, q.id));
      await t.db
        .insert(conversations)
        .values({ caseId: a.caseId, date: "2026-01-10", mode: "personal", status: "held", notes: "Holdt" });
      const r = await scheduleConversation(ctx(other), c.caseId, {
        date: "2026-01-21",
        time: "09:00",
        mode: "personal",
      });
      if (!r.ok) throw new Error("setup");
      const [meeting] = await t.db
        .insert(teamMeetings)
        .values({ municipalityId, meetingDate: "2026-01-21", startTime: "09:00", place: "Rådhuset, mødelokale 2" })
        .returning();
      await t.db.insert(teamAgendaItems).values([
        {
          meetingId: meeting!.id,
          caseId: c.caseId,
          position: 1,
          slotStart: "09:00",
          slotMinutes: 45,
          purpose: "firstPresentation",
        },
        {
          meetingId: meeting!.id,
          caseId: a.caseId,
          position: 2,
          slotStart: "09:45",
          slotMinutes: 45,
          purpose: "firstPresentation",
        },
      ]);
      vi.unstubAllEnvs();
    });

    it("is valid RFC 5545: CRLF lines of at most 75 octets, a VTIMEZONE, and the required properties", async () => {
      const { ics } = await myMeetingsCalendar(ctx(karen), "http://test");
      expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
      expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
      expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      // Long lines were folded (the descriptions hold links), and unfold to the whole value.
      expect(ics).toMatch(/\r\n [^\r\n]/);
      const unfolded = unfold(ics);
      for (const p of [
        "VERSION:2.0",
        "PRODID:",
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Copenhagen",
        "BEGIN:STANDARD",
        "BEGIN:DAYLIGHT",
      ]) {
        expect(unfolded).toContain(p);
      }
      const list = events(ics);
      expect(list).toHaveLength(3);
      for (const e of list) {
        for (const p of ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "STATUS"]) {
          expect(prop(e, p), `${p} in ${e}`).toBeTruthy();
        }
        expect(prop(e, "DTSTAMP")).toMatch(/^\d{8}T\d{6}Z$/);
        expect(e).toMatch(/DTSTART;TZID=Europe\/Copenhagen:\d{8}T\d{6}/);
      }
    });

    it("has the caseworker's planned conversation, named by citizen, with mode, participants and a link; no CPR, no notes", async () => {
      const { ics } = await myMeetingsCalendar(ctx(karen), "http://test");
      const e = events(ics).find((x) => prop(x, "UID") === `${planned}@samtaler.ressourceforloeb`)!;
      expect(e).toBeDefined();
      expect(prop(e, "SUMMARY")).toBe("Samtale: Åse Ærbø-Østergård");
      expect(e).toContain("DTSTART;TZID=Europe/Copenhagen:20260120T100000");
      expect(e).toContain("DTEND;TZID=Europe/Copenhagen:20260120T110000");
      const description = prop(e, "DESCRIPTION")!;
      expect(description).toContain("Form: Telefon");
      // TEXT escaping: commas and line breaks (RFC 5545 3.3.11).
      expect(description).toContain("Deltagere: Mentor\\, Bisidder");
      expect(description).toContain("\\n");
      expect(description).toContain(`http://test/sager/${a.caseId}/opfoelgning`);
      expect(prop(e, "STATUS")).toBe("CONFIRMED");
      const [citizen] = await t.db.select().from(citizens).where(eq(citizens.id, a.citizenId));
      expect(ics).not.toContain(citizen!.cpr);
      expect(unfold(ics)).not.toMatch(/\b\d{6}-?\d{4}\b/);
      expect(unfold(ics)).not.toContain("Fortroligt");
    });

    it("marks a cancelled conversation CANCELLED, rolls over midnight, and keeps UIDs stable between exports", async () => {
      const first = await myMeetingsCalendar(ctx(karen), "http://test");
      const second = await myMeetingsCalendar(ctx(karen), "http://test");
      const uids = (ics: string) => events(ics).map((e) => prop(e, "UID"));
      expect(uids(second.ics)).toEqual(uids(first.ics));
      const e = events(first.ics).find((x) => prop(x, "UID") === `${cancelled}@samtaler.ressourceforloeb`)!;
      expect(prop(e, "STATUS")).toBe("CANCELLED");
      expect(prop(e, "SEQUENCE")).toBe("1");
      expect(e).toContain("DTEND;TZID=Europe/Copenhagen:20260128T003000");
    });

    it("has the team meeting with the caseworker's own case on the agenda, at its slot; not other caseworkers' cases", async () => {
      const { ics } = await myMeetingsCalendar(ctx(karen), "http://test");
      const e = events(ics).find((x) => prop(x, "SUMMARY")!.startsWith("Rehabiliteringsteam"))!;
      expect(prop(e, "SUMMARY")).toBe("Rehabiliteringsteam: Åse Ærbø-Østergård");
      expect(prop(e, "LOCATION")).toBe("Rådhuset\\, mødelokale 2");
      expect(e).toContain("DTSTART;TZID=Europe/Copenhagen:20260121T094500");
      expect(e).toContain("DTEND;TZID=Europe/Copenhagen:20260121T103000");
      expect(ics).not.toContain("Carsten");
      const others = await myMeetingsCalendar(ctx(other), "http://test");
      expect(events(others.ics).map((x) => prop(x, "SUMMARY"))).toEqual([
        "Samtale: Carsten Andensen",
        "Rehabiliteringsteam: Carsten Andensen",
      ]);
    });

    it("audits the export once per citizen shown, and the route answers text/calendar as a download", async () => {
      const res = (await icalRoute.loader({
        request: new Request("http://test/mine-moeder.ics"),
        params: {},
        context: contextFor(t, karen),
      } as never)) as Response;
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
      expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="mine-moeder.ics"');
      expect(res.headers.get("Cache-Control")).toContain("no-store");
      expect(await res.text()).toContain("BEGIN:VCALENDAR");
      const logged = await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "calendar.export"), eq(auditEvents.requestId, "test-request")));
      expect(logged.map((x) => [x.citizenId, x.entityId])).toEqual([[a.citizenId, a.caseId]]);
      const anonymous = await run(() =>
        icalRoute.loader({
          request: new Request("http://test/mine-moeder.ics"),
          params: {},
          context: contextFor(t, null),
        } as never),
      );
      expect((anonymous as Response).status).toBe(302);
    });

    it("folds at 75 octets without splitting a UTF-8 character", () => {
      const line = `DESCRIPTION:${"æøå".repeat(40)}`;
      const folded = foldLine(line);
      const physical = folded.split("\r\n");
      expect(physical.length).toBeGreaterThan(1);
      for (const p of physical) expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(75);
      expect(folded).not.toContain("\uFFFD");
      expect(unfold(folded)).toBe(line);
      const cal = buildCalendar(
        [
          {
            uid: "x@y",
            sequence: 0,
            stamp: new Date("2026-01-14T08:00:00Z"),
            date: "2026-03-29",
            time: null,
            minutes: 60,
            summary: "Semikolon; komma, og \\ skråstreg",
            description: "a\nb",
            status: "CONFIRMED",
          },
        ],
        "Test",
      );
      const e = events(cal)[0]!;
      expect(prop(e, "SUMMARY")).toBe("Semikolon\\; komma\\, og \\\\ skråstreg");
      expect(e).toContain("DTSTART;VALUE=DATE:20260329");
      expect(e).toContain("DTEND;VALUE=DATE:20260330");
      expect(prop(e, "DTSTAMP")).toBe("20260114T080000Z");
    });
  });

  describe("API: /api/v1/cases/{caseId}/conversations", () => {
    const api = (actor: Actor | null, caseId: string, body?: unknown) =>
      body === undefined
        ? (apiConversations.loader({
            request: new Request("http://test"),
            params: { caseId },
            context: contextFor(t, actor),
          } as never) as Promise<Response>)
        : (apiConversations.action({
            request: jsonRequest(`/api/v1/cases/${caseId}/conversations`, body),
            params: { caseId },
            context: contextFor(t, actor),
          } as never) as Promise<Response>);

    it("plans (201, with the FU-2 warning), records held with the next booked, and lists them", async () => {
      const b = await aGrantedCase(t.db, municipalityId, { caseworker: karen, start: "2025-09-01" });
      const res = await api(karen, b.caseId, { status: "planned", date: "2026-01-14", time: "13:00", mode: "video" });
      expect(res.status).toBe(201);
      const created = await res.json();
      expect(created).toMatchObject({
        conversation: { caseId: b.caseId, status: "planned", mode: "video", time: "13:00", version: 1 },
        next: null,
        warnings: [{ ruleId: "FU-2" }],
      });
      const heldRes = await api(karen, b.caseId, {
        status: "held",
        conversationId: created.conversation.id,
        version: 1,
        date: "2026-01-14",
        mode: "video",
        notes: "Kort status.",
        nextDate: "2026-02-11",
        nextTime: "10:00",
        nextMode: "personal",
        nextParticipants: ["network"],
      });
      expect(heldRes.status).toBe(201);
      expect(await heldRes.json()).toMatchObject({
        conversation: { id: created.conversation.id, status: "held", nextAgreedOn: "2026-02-11", version: 2 },
        next: { status: "planned", date: "2026-02-11", participants: ["network"] },
      });
      const list = await api(karen, b.caseId);
      expect(list.status).toBe(200);
      const body = await list.json();
      expect(body.items.map((x: { date: string; status: string }) => [x.date, x.status])).toEqual([
        ["2026-02-11", "planned"],
        ["2026-01-14", "held"],
      ]);
      expect(body.items[1].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["FU-2"]);
    });

    it("answers 400 per field, 409 for a stale version, 404 for another municipality, 403 for a role without access", async () => {
      const b = await aGrantedCase(t.db, municipalityId, { caseworker: karen, start: "2025-09-01" });
      const bad = await api(karen, b.caseId, { status: "held", date: "2026-01-20", mode: "fax" });
      expect(bad.status).toBe(400);
      expect((await bad.json()).errors).toEqual(
        expect.arrayContaining([
          { path: "date", message: expect.stringContaining("først registreres som holdt") },
          { path: "mode", message: "Vælg, hvordan samtalen blev holdt" },
          { path: "notes", message: expect.stringContaining("referat") },
        ]),
      );
      expect((await api(karen, b.caseId, { date: "2026-01-20" })).status).toBe(400);
      const p = await (
        await api(karen, b.caseId, { status: "planned", date: "2026-01-20", time: "10:00", mode: "personal" })
      ).json();
      const stale = await api(karen, b.caseId, {
        status: "held",
        conversationId: p.conversation.id,
        version: 7,
        date: "2026-01-14",
        mode: "personal",
        notes: "x",
      });
      expect(stale.status).toBe(409);
      expect((await stale.json()).title).toBe("Samtalen er ændret siden den version, du sendte");
      expect((await api(neighbour, b.caseId)).status).toBe(404);
      expect(
        (await api(neighbour, b.caseId, { status: "planned", date: "2026-01-20", time: "10:00", mode: "personal" }))
          .status,
      ).toBe(404);
      expect((await api(rehab, b.caseId)).status).toBe(403);
      expect((await api(null, b.caseId)).status).toBe(401);
    });

    it("is in the OpenAPI document", () => {
      const doc = openApiDocument("http://test");
      const path = doc.paths["/api/v1/cases/{caseId}/conversations"] as Record<string, { operationId: string }>;
      expect(path.get!.operationId).toBe("listConversations");
      expect(path.post!.operationId).toBe("createConversation");
      expect(doc.components.schemas).toHaveProperty("ConversationInput");
      expect(doc.components.schemas).toHaveProperty("Conversation");
    });
  });

  describe("the Samtaler page", () => {
    const url = (caseId: string, search = "") => `/sager/${caseId}/opfoelgning${search}`;
    const load = (actor: Actor, caseId: string, search = "") =>
      run(() =>
        followUpPage.loader({
          request: new Request(`http://test${url(caseId, search)}`),
          params: { caseId },
          context: contextFor(t, actor),
        } as never),
      );
    const post = (actor: Actor, caseId: string, fields: Record<string, string | string[]>, search = "") =>
      run(() =>
        followUpPage.action({
          request: formRequest(url(caseId, search), fields),
          params: { caseId },
          context: contextFor(t, actor),
        } as never),
      );

    it("records a held conversation and the next one from one plain form post, then shows both", async () => {
      const b = await aGrantedCase(t.db, municipalityId, { caseworker: karen, start: "2025-09-01" });
      const fields = {
        intent: "held",
        "held.date": "2026-01-14",
        "held.time": "10:00",
        "held.mode": "personal",
        "held.participants[]": ["mentor", "bisidder"],
        "held.notes": "Vi talte om praktikken.",
        "held.nextDate": "2026-01-28",
        "held.nextTime": "9.30",
        "held.nextMode": "phone",
        "held.nextParticipants[]": ["mentor"],
      };
      const res = (await post(karen, b.caseId, fields)) as Response;
      expect(res.status).toBe(302);
      const location = res.headers.get("Location")!;
      expect(location).toMatch(/\?gemt=holdt&samtale=[0-9a-f-]{36}&naeste=[0-9a-f-]{36}#main-content$/);
      const page = (await load(
        karen,
        b.caseId,
        location.slice(location.indexOf("?"), location.indexOf("#")),
      )) as Awaited<ReturnType<typeof followUpPage.loader>>;
      expect(page.saved).toBe("Samtalen er registreret som holdt.");
      expect(page.nextBooked).toEqual({ date: "2026-01-28", time: "09:30" });
      expect(page.next).toMatchObject({ date: "2026-01-28", modeLabel: "Telefon", participants: ["Mentor"] });
      expect(page.last).toMatchObject({
        date: "2026-01-14",
        participants: ["Mentor", "Bisidder"],
        nextAgreedOn: "2026-01-28",
      });
      // FU-2: the next one is by phone without an employment-oriented offer.
      expect(page.next?.findings.map((f) => f.ruleId)).toEqual(["FU-2"]);
      expect(page.deadlines.map((d) => d.kind)).toContain("conversations4");
    });

    it("keeps what was typed and names each bad field under the form's prefix", async () => {
      const b = await aGrantedCase(t.db, municipalityId, { caseworker: karen, start: "2025-09-01" });
      const r = (await post(karen, b.caseId, {
        intent: "held",
        "held.date": "2026-01-14",
        "held.mode": "personal",
        "held.notes": "",
        "held.nextDate": "2026-01-28",
      })) as { form: string; values: { nextDate: string }; errors: Record<string, string> };
      expect(r.form).toBe("held");
      expect(r.values.nextDate).toBe("2026-01-28");
      expect(Object.keys(r.errors)).toEqual(["held.notes", "held.nextTime", "held.nextMode"]);
      expect(await t.db.select().from(conversations).where(eq(conversations.caseId, b.caseId))).toEqual([]);
    });

    it("marks a no-show and opens the FU-4 form; adding a contact attempt row keeps the input", async () => {
      const b = await aGrantedCase(t.db, municipalityId, { caseworker: karen, start: "2025-09-01" });
      const p = await scheduleConversation(ctx(karen), b.caseId, {
        date: "2026-01-14",
        time: "08:00",
        mode: "personal",
      });
      if (!p.ok) throw new Error("setup");
      const res = (await post(karen, b.caseId, { intent: "noShow", conversationId: p.id, version: "1" })) as Response;
      expect(res.headers.get("Location")).toBe(url(b.caseId, `?gemt=udeblevet&samtale=${p.id}&handling=fu4#fu4`));
      const page = (await load(karen, b.caseId, `?gemt=udeblevet&samtale=${p.id}&handling=fu4`)) as Awaited<
        ReturnType<typeof followUpPage.loader>
      >;
      expect(page.toAssess?.id).toBe(p.id);
      expect(page.conversations[0]?.findings.map((f) => f.ruleId)).toEqual(["FU-4"]);
      const added = (await post(karen, b.caseId, {
        intent: "addAttempt",
        "fu4.conversationId": p.id,
        "fu4.version": "2",
        "fu4.attemptRows": "1",
        "fu4.attempts.0.date": "2026-01-14",
        "fu4.attempts.0.channel": "phone",
        "fu4.attempts.0.outcome": "Ingen svar",
        "fu4.groundReason": "Endnu ikke vurderet",
      })) as { form: string; extraRows: number; values: { attempts: unknown[]; groundReason: string } };
      expect(added).toMatchObject({ form: "fu4", extraRows: 1, values: { groundReason: "Endnu ikke vurderet" } });
      expect(added.values.attempts).toEqual([{ date: "2026-01-14", channel: "phone", outcome: "Ingen svar" }]);
      // A sanction proposed on an unassessed no-show is blocked with the FU-4 message.
      const blocked = (await post(karen, b.caseId, {
        intent: "proposeSanction",
        conversationId: p.id,
        version: "2",
      })) as {
        feedback: { heading: string; messages: string[] };
      };
      expect(blocked.feedback.heading).toContain("FU-4");
      expect(blocked.feedback.messages[0]).toContain("§6.6");
    });

    it("another municipality's case is 404, like a missing one", async () => {
      expect(((await load(neighbour, a.caseId)) as Response).status).toBe(404);
      const valid = {
        intent: "schedule",
        "schedule.date": "2026-01-20",
        "schedule.time": "10:00",
        "schedule.mode": "personal",
      };
      expect(((await post(neighbour, a.caseId, valid)) as Response).status).toBe(404);
    });
  });
});
