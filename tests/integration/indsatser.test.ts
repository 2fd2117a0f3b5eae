import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDaysIso } from "~/legislation";
import { readCase } from "~/modules/cases/index.server";
import {
  addYdelseRate,
  decideSundhedskoordinator,
  deletePeriod,
  extendPraktik,
  grantMentor,
  indsatserOverview,
  previewYdelse,
  recordIntervention,
  recordPeriod,
  requestSundhedskoordinator,
  updateIntervention,
  updateMentorGrant,
  updatePeriod,
} from "~/modules/indsatser/index.server";
import { currentPlan, revisePlan } from "~/modules/plan/index.server";
import type { Actor } from "~/platform/auth/actor";
import { ForbiddenError } from "~/platform/auth/permissions";
import { auditEvents, deadlines, interventionRecords } from "~/platform/db/schema";
import { aGrantedCase, type GrantedCase } from "../builders/granted-case";
import { aMunicipality } from "../builders/tenancy";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

const TODAY = "2022-06-15";

/** A date in a deadline's title, written 2024-03-31 or 31.03.2024. */
const dateIn = (iso: string) => new RegExp(`${iso}|${iso.split("-").reverse().join("\\.")}`);

/** A plan for a forløb from 2022-03-01, with a placement (lab11), a serviceloven offer, mentor and an agreed activity. */
function aPlan() {
  return {
    version: 0,
    goal: { type: "job", text: "Job som lagermedarbejder" },
    delmaal: [{ area: "employment", text: "Afprøve lagerarbejde", reason: "Borgerens ønske" }],
    interventions: [
      {
        title: "Virksomhedspraktik på lager",
        legalBasis: "lab11",
        provider: "Jobcentret, virksomhedsteamet",
        shortTermGoal: "Afklare timetal",
        form: "offer",
        plannedStart: "2022-05-02",
        plannedEnd: "2022-08-01",
      },
      {
        title: "Bostøtte efter serviceloven § 85",
        legalBasis: "serviceloven",
        provider: "Socialafdelingen",
        shortTermGoal: "Faste rutiner",
        form: "offer",
        plannedStart: "2022-06-01",
        plannedEnd: "",
      },
      {
        title: "Motionshold",
        legalBasis: "other",
        provider: "Borgeren selv",
        shortTermGoal: "Kondition",
        form: "agreed",
        plannedStart: "2022-04-01",
        plannedEnd: "",
      },
    ],
    followUp: { how: "Samtale hver 6. uge" },
    mentor: { has: "false" },
    period: { from: "2022-03-01", to: "2022-08-31" },
    changeNote: "",
  };
}

/** A placement's facts as the form sends them (VP-1..VP-4, SK-1). */
function praktikFields(overrides: Record<string, unknown> = {}) {
  return {
    offeredOn: "2022-04-20",
    skNoticeOn: "2022-04-20",
    startDate: "2022-05-02",
    // 13 weeks, both days included (VP-4).
    plannedEnd: "2022-07-31",
    praktik: {
      company: "Lager A/S",
      hoursPerWeek: "10",
      daysPerWeek: "4",
      focus: "clarification",
      virksomhedscenter: "false",
      notOnlyDocumentation: "true",
    },
    ...overrides,
  };
}

describe.each(databaseKinds())("indsatser on %s", (kind) => {
  let t: TestDb;
  let g: GrantedCase;
  let other: Actor;
  let admin: Actor;
  let previousToday: string | undefined;
  const ctx = (actor: Actor) => ({ db: t.db, actor, requestId: "test" });
  const row = async (caseId: string, deadlineKind: string, refId = "") => {
    const [d] = await t.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.caseId, caseId), eq(deadlines.kind, deadlineKind), eq(deadlines.refId, refId)));
    return d ?? null;
  };
  const planIds = async (c: GrantedCase) => {
    const view = await readCase(ctx(c.caseworker), c.caseId, "test");
    const plan = await currentPlan(t.db, view!.access);
    return plan!.content.interventions.map((i) => i.id);
  };
  const newCase = async (name: string) => {
    const c = await aGrantedCase(t.db, g.caseworker.municipalityId, {
      start: "2022-03-01",
      months: 24,
      citizenName: name,
      caseworker: g.caseworker,
    });
    expect(await revisePlan(ctx(c.caseworker), c.caseId, aPlan())).toMatchObject({ ok: true });
    return c;
  };

  beforeAll(async () => {
    previousToday = process.env.APP_TODAY;
    process.env.APP_TODAY = TODAY;
    t = await createTestDb(kind);
    const a = await aMunicipality(t.db, "Kommune A");
    const b = await aMunicipality(t.db, "Kommune B");
    admin = await a.actor("admin");
    other = await b.actor("caseworker");
    g = await aGrantedCase(t.db, a.municipality.id, { start: "2022-03-01", months: 24, citizenName: "Ida Indsats" });
    expect(await revisePlan(ctx(g.caseworker), g.caseId, aPlan())).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    if (previousToday === undefined) delete process.env.APP_TODAY;
    else process.env.APP_TODAY = previousToday;
    await t?.drop();
  });

  it("IG-2 golden example through the tables: start 2022-03-01, fritagelse in April → the deadline row says 2022-10-01", async () => {
    // Sickness moves nothing (IG-2 counts only fritagelse and stand-by): the deadline is start + 6 months.
    expect(
      await recordPeriod(ctx(g.caseworker), g.caseId, {
        kind: "sickness",
        fromDate: "2022-03-10",
        toDate: "2022-03-20",
      }),
    ).toMatchObject({ ok: true });
    expect(await row(g.caseId, "indsatsgaranti")).toMatchObject({ dueDate: "2022-09-01", metOn: null, ruleId: "IG-1" });

    const r = await recordPeriod(ctx(g.caseworker), g.caseId, {
      kind: "fritagelse",
      fromDate: "2022-04-01",
      toDate: "2022-04-30",
      note: "Fritaget efter lægeerklæring",
    });
    expect(r).toMatchObject({ ok: true });
    const d = await row(g.caseId, "indsatsgaranti");
    expect(d).toMatchObject({ dueDate: "2022-10-01", metOn: null, anchor: "indsatser" });
    expect(JSON.stringify(d!.explanation)).toContain("IG-2");
  });

  it("IG-1: an intervention not in the plan does not meet the indsatsgaranti; the plan's qualifying one, started before the deadline, does", async () => {
    const ad = await recordIntervention(ctx(g.caseworker), g.caseId, {
      title: "Bostøtte (aftalt uden for planen)",
      legalBasis: "serviceloven",
      form: "offer",
      provider: "Socialafdelingen",
      startDate: "2022-06-01",
    });
    expect(ad).toMatchObject({ ok: true, record: { planItemId: null, kind: "serviceloven", status: "running" } });
    expect(await row(g.caseId, "indsatsgaranti")).toMatchObject({ dueDate: "2022-10-01", metOn: null });

    // The agreed activity (PL-6) is in the plan but is not an offer: it is stored as "leisure" and does not count.
    const [, serviceloven, motion] = await planIds(g);
    const leisure = await recordIntervention(ctx(g.caseworker), g.caseId, {
      planItemId: motion,
      startDate: "2022-04-05",
    });
    expect(leisure).toMatchObject({ ok: true, record: { kind: "leisure", isOffer: false } });
    expect(await row(g.caseId, "indsatsgaranti")).toMatchObject({ metOn: null });

    const r = await recordIntervention(ctx(g.caseworker), g.caseId, {
      planItemId: serviceloven,
      startDate: "2022-06-01",
    });
    expect(r).toMatchObject({
      ok: true,
      record: { planItemId: serviceloven, kind: "serviceloven", title: "Bostøtte efter serviceloven § 85" },
    });
    expect(await row(g.caseId, "indsatsgaranti")).toMatchObject({ dueDate: "2022-10-01", metOn: "2022-06-01" });

    // The same plan item cannot be recorded twice while the first record runs.
    expect(await recordIntervention(ctx(g.caseworker), g.caseId, { planItemId: serviceloven })).toMatchObject({
      ok: false,
      reason: "DUPLICATE",
    });

    const view = await readCase(ctx(g.caseworker), g.caseId, "test");
    const o = await indsatserOverview(t.db, view!.access, TODAY);
    expect(o.otherRecords.map((x) => x.igNote)).toEqual([expect.stringContaining("Ikke i planen")]);
    expect(o.records.find((x) => x.planItemId === serviceloven)).toMatchObject({ countsForIg: true, inPlan: true });
    expect(o.deadlines.find((x) => x.kind === "indsatsgaranti")).toMatchObject({
      status: "met",
      statusLabel: "Opfyldt",
    });
  });

  it("D-4: barsel moves the forløb's end date and with it the ending deadline; sickness does not", async () => {
    const c = await newCase("Bente Barsel");
    await recordPeriod(ctx(c.caseworker), c.caseId, { kind: "sickness", fromDate: "2022-05-01", toDate: "2022-05-31" });
    const before = await row(c.caseId, "forloebEnding");
    expect(before!.title).toMatch(dateIn("2024-02-29"));

    const r = await recordPeriod(ctx(c.caseworker), c.caseId, {
      kind: "barsel",
      fromDate: "2022-05-01",
      toDate: "2022-05-31",
    });
    expect(r).toMatchObject({ ok: true });
    const after = await row(c.caseId, "forloebEnding");
    expect(after!.title).toMatch(dateIn("2024-03-31"));
    expect(after!.dueDate).toBe(addDaysIso(before!.dueDate, 31));

    const view = await readCase(ctx(c.caseworker), c.caseId, "test");
    const o = await indsatserOverview(t.db, view!.access, TODAY);
    expect(o.forloeb).toMatchObject({ plannedEnd: "2024-02-29", effectiveEnd: "2024-03-31", barselDays: 31 });
    expect(o.forloeb!.endExplanation.ruleId).toBe("D-4");
    expect(o.periods.find((p) => p.kind === "barsel")!.effect).toContain("D-4");

    // Deleting the barsel period moves the end date back.
    const p = o.periods.find((x) => x.kind === "barsel")!;
    expect(await deletePeriod(ctx(c.caseworker), c.caseId, p.id, { version: p.version })).toMatchObject({ ok: true });
    expect((await row(c.caseId, "forloebEnding"))!.dueDate).toBe(before!.dueDate);
  });

  it("periods: two of the same kind may not overlap; another kind may", async () => {
    const c = await newCase("Otto Overlap");
    await recordPeriod(ctx(c.caseworker), c.caseId, {
      kind: "fritagelse",
      fromDate: "2022-04-01",
      toDate: "2022-04-30",
    });
    const r = await recordPeriod(ctx(c.caseworker), c.caseId, {
      kind: "fritagelse",
      fromDate: "2022-04-20",
      toDate: "2022-05-10",
    });
    expect(r).toMatchObject({ ok: false, reason: "INVALID" });
    if (r.ok || r.reason !== "INVALID") return;
    expect(r.errors.fromDate).toContain("overlapper");
    expect(r.errors.fromDate).toContain("01.04.2022");

    expect(
      await recordPeriod(ctx(c.caseworker), c.caseId, {
        kind: "standby",
        fromDate: "2022-04-20",
        toDate: "2022-05-10",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await recordPeriod(ctx(c.caseworker), c.caseId, { kind: "barsel", fromDate: "2022-05-10", toDate: "2022-05-01" }),
    ).toMatchObject({ ok: false, errors: { toDate: expect.stringContaining("efter starten") } });
  });

  it("MT-3: a grant over 6 months is refused naming the rule; a renewal needs a concrete assessment; the mentor deadline follows", async () => {
    const c = await newCase("Mads Mentor");
    const base = {
      mentorName: "Mette Mentor",
      mentorContact: "mette@mentor.example",
      role: "Støtte i opstarten på praktikstedet",
      goals: "Komme afsted om morgenen\nTale med kolleger",
      fromDate: "2022-04-01",
    };
    const tooLong = await grantMentor(ctx(c.caseworker), c.caseId, { ...base, toDate: "2022-10-01" });
    expect(tooLong).toMatchObject({ ok: false, reason: "INVALID" });
    if (tooLong.ok || tooLong.reason !== "INVALID") return;
    expect(tooLong.errors.toDate).toContain("MT-3");
    expect(tooLong.errors.toDate).toContain("2022-09-30");

    const first = await grantMentor(ctx(c.caseworker), c.caseId, { ...base, toDate: "2022-09-30" });
    expect(first).toMatchObject({ ok: true, grant: { goals: ["Komme afsted om morgenen", "Tale med kolleger"] } });
    if (!first.ok) return;
    expect(await row(c.caseId, "mentorEnding", first.grant.id)).toMatchObject({
      dueDate: "2022-09-30",
      metOn: null,
      anchor: "mentor",
      ruleId: "MT-3",
    });

    const noAssessment = await grantMentor(ctx(c.caseworker), c.caseId, {
      ...base,
      fromDate: "2022-10-01",
      toDate: "2023-03-31",
      renewalOf: first.grant.id,
    });
    expect(noAssessment).toMatchObject({ ok: false, errors: { assessment: expect.stringContaining("MT-3") } });

    const renewal = await grantMentor(ctx(c.caseworker), c.caseId, {
      ...base,
      fromDate: "2022-10-01",
      toDate: "2023-03-31",
      renewalOf: first.grant.id,
      assessment: "Borgeren har stadig brug for støtte til at fastholde praktikken",
    });
    expect(renewal).toMatchObject({ ok: true });
    if (!renewal.ok) return;
    expect(await row(c.caseId, "mentorEnding", first.grant.id)).toMatchObject({ metOn: "2022-09-30" });
    expect(await row(c.caseId, "mentorEnding", renewal.grant.id)).toMatchObject({ dueDate: "2023-03-31", metOn: null });

    // MT-1: the overview notes a forløb without a mentor, and not one with an active grant.
    const view = await readCase(ctx(c.caseworker), c.caseId, "test");
    expect((await indsatserOverview(t.db, view!.access, TODAY)).mentorNotice).toBeNull();
    const none = await readCase(ctx(g.caseworker), (await newCase("Uden Mentor")).caseId, "test");
    expect((await indsatserOverview(t.db, none!.access, TODAY)).mentorNotice).toContain("MT-1");

    // A stale version of a grant is a conflict; nothing is written.
    const stale = await updateMentorGrant(ctx(c.caseworker), c.caseId, first.grant.id, {
      ...base,
      toDate: "2022-09-15",
      version: first.grant.version + 5,
    });
    expect(stale).toMatchObject({ ok: false, reason: "CONFLICT", current: { toDate: "2022-09-30" } });
  });

  it("VP-1..VP-3 and SK-1: a placement does not start without its focus, the VP-3 confirmation and the written notice", async () => {
    const c = await newCase("Peter Praktik");
    const [praktik] = await planIds(c);
    const r = await recordIntervention(ctx(c.caseworker), c.caseId, {
      planItemId: praktik,
      ...praktikFields({
        skNoticeOn: "",
        praktik: { company: "Lager A/S", hoursPerWeek: "10", daysPerWeek: "4" },
      }),
    });
    expect(r).toMatchObject({ ok: false, reason: "INVALID" });
    if (r.ok || r.reason !== "INVALID") return;
    expect(r.errors["praktik.focus"]).toContain("VP-1");
    expect(r.errors["praktik.notOnlyDocumentation"]).toContain("VP-3");
    expect(r.errors.skNoticeOn).toContain("SK-1");

    // More than one focus is refused by VP-1 itself (API).
    const two = await recordIntervention(ctx(c.caseworker), c.caseId, {
      planItemId: praktik,
      ...praktikFields({ praktik: { ...praktikFields().praktik, focus: ["clarification", "cvCompetences"] } }),
    });
    expect(two).toMatchObject({ ok: false, errors: { "praktik.focus": expect.stringContaining("præcis ét") } });

    // A notice given after the offer is too late (SK-1).
    const late = await recordIntervention(ctx(c.caseworker), c.caseId, {
      planItemId: praktik,
      ...praktikFields({ skNoticeOn: "2022-04-25" }),
    });
    expect(late).toMatchObject({ ok: false, errors: { skNoticeOn: expect.stringContaining("senest sammen med") } });
    expect(await t.db.select().from(interventionRecords).where(eq(interventionRecords.caseId, c.caseId))).toEqual([]);
  });

  it("VP-2: under 1 hour a day needs one of the three reasons; the placement gets its ending deadline", async () => {
    const c = await newCase("Pia Praktik");
    const [praktik] = await planIds(c);
    const short = { ...praktikFields().praktik, hoursPerWeek: "4", daysPerWeek: "5" };
    const r = await recordIntervention(ctx(c.caseworker), c.caseId, {
      planItemId: praktik,
      ...praktikFields({ praktik: short }),
    });
    expect(r).toMatchObject({ ok: false, reason: "INVALID" });
    if (r.ok || r.reason !== "INVALID") return;
    expect(r.errors["praktik.shortHoursReason"]).toContain("VP-2");
    expect(r.errors["praktik.shortHoursReason"]).toContain("0,8 timer");

    const ok = await recordIntervention(ctx(c.caseworker), c.caseId, {
      planItemId: praktik,
      ...praktikFields({ praktik: { ...short, shortHoursReason: "retentionDuringPoorHealth" } }),
    });
    expect(ok).toMatchObject({ ok: true, record: { kind: "lab11", status: "running", details: { initialWeeks: 13 } } });
    if (!ok.ok) return;
    expect(ok.warnings.join(" ")).toContain("VP-2");
    expect(await row(c.caseId, "placementEnding", ok.record.id)).toMatchObject({
      dueDate: "2022-07-31",
      metOn: null,
      ruleId: "VP-4",
    });
    // The placement started on 2022-05-02, in the plan: the indsatsgaranti is met.
    expect(await row(c.caseId, "indsatsgaranti")).toMatchObject({ metOn: "2022-05-02" });

    // Stopping the placement meets the placement deadline.
    const stopped = await updateIntervention(ctx(c.caseworker), c.caseId, ok.record.id, {
      version: ok.record.version,
      ...praktikFields({
        endDate: "2022-06-10",
        praktik: { ...short, shortHoursReason: "retentionDuringPoorHealth" },
      }),
    });
    expect(stopped).toMatchObject({ ok: true, record: { status: "stopped", endDate: "2022-06-10" } });
    expect(await row(c.caseId, "placementEnding", ok.record.id)).toMatchObject({ metOn: "2022-06-10" });
  });

  it("VP-4: extensions need an assessment; beyond 26 weeks only with et helt særligt behov, 13 weeks at a time", async () => {
    const c = await newCase("Erik Forlænget");
    const [praktik] = await planIds(c);
    const longFirst = await recordIntervention(ctx(c.caseworker), c.caseId, {
      planItemId: praktik,
      ...praktikFields({ plannedEnd: "2022-09-30" }),
    });
    expect(longFirst).toMatchObject({ ok: false, errors: { plannedEnd: expect.stringContaining("VP-4") } });

    const r = await recordIntervention(ctx(c.caseworker), c.caseId, { planItemId: praktik, ...praktikFields() });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    let rec = r.record;

    const noAssessment = await extendPraktik(ctx(c.caseworker), c.caseId, rec.id, {
      version: rec.version,
      weeks: "13",
    });
    expect(noAssessment).toMatchObject({ ok: false, errors: { assessment: expect.stringContaining("VP-4") } });

    const to26 = await extendPraktik(ctx(c.caseworker), c.caseId, rec.id, {
      version: rec.version,
      weeks: "13",
      assessment: "Borgeren er i god udvikling og kan nå flere timer",
    });
    expect(to26).toMatchObject({ ok: true, record: { plannedEnd: "2022-10-30" } });
    if (!to26.ok) return;
    rec = to26.record;
    expect(await row(c.caseId, "placementEnding", rec.id)).toMatchObject({ dueDate: "2022-10-30" });

    const beyond = await extendPraktik(ctx(c.caseworker), c.caseId, rec.id, {
      version: rec.version,
      weeks: "4",
      assessment: "Lidt mere tid",
    });
    expect(beyond).toMatchObject({ ok: false, reason: "INVALID" });
    if (beyond.ok || beyond.reason !== "INVALID") return;
    expect(beyond.errors.specialNeed).toContain("helt særligt behov");
    expect(beyond.errors.specialNeed).toContain("VP-4");

    const tooMany = await extendPraktik(ctx(c.caseworker), c.caseId, rec.id, {
      version: rec.version,
      weeks: "14",
      assessment: "Helt særligt behov: borgeren skal fastholdes",
      specialNeed: "true",
    });
    expect(tooMany).toMatchObject({ ok: false, errors: { weeks: expect.stringContaining("13 uger ad gangen") } });

    const special = await extendPraktik(ctx(c.caseworker), c.caseId, rec.id, {
      version: rec.version,
      weeks: "4",
      assessment: "Helt særligt behov: borgeren skal fastholdes gennem behandling",
      specialNeed: "true",
    });
    expect(special).toMatchObject({ ok: true, record: { plannedEnd: "2022-11-27" } });
    if (!special.ok) return;
    expect(special.record.details.extensions).toHaveLength(2);

    // A length recorded earlier is not checked again when other facts change: a stop can always be recorded.
    const [legacy] = await t.db
      .insert(interventionRecords)
      .values({
        caseId: c.caseId,
        kind: "lab11",
        title: "Ældre praktik",
        isOffer: true,
        offeredOn: "2022-03-10",
        skNoticeOn: "2022-03-10",
        startDate: "2022-03-14",
        plannedEnd: "2022-07-03",
        status: "running",
        details: { legalBasis: "lab11", initialWeeks: 16, praktik: { focus: "ukendt", company: "Gammel A/S" } },
      })
      .returning();
    const stop = await updateIntervention(ctx(c.caseworker), c.caseId, legacy!.id, {
      version: legacy!.version,
      title: "Ældre praktik",
      legalBasis: "lab11",
      form: "offer",
      ...praktikFields({
        offeredOn: "2022-03-10",
        skNoticeOn: "2022-03-10",
        startDate: "2022-03-14",
        plannedEnd: "2022-07-03",
        endDate: "2022-06-01",
      }),
    });
    expect(stop).toMatchObject({ ok: true, record: { status: "stopped", details: { initialWeeks: 16 } } });
    const movedEnd = await updateIntervention(ctx(c.caseworker), c.caseId, legacy!.id, {
      version: legacy!.version + 1,
      title: "Ældre praktik",
      legalBasis: "lab11",
      form: "offer",
      ...praktikFields({
        offeredOn: "2022-03-10",
        skNoticeOn: "2022-03-10",
        startDate: "2022-03-14",
        plannedEnd: "2022-07-10",
      }),
    });
    expect(movedEnd).toMatchObject({ ok: false, errors: { plannedEnd: expect.stringContaining("VP-4") } });

    // The old version is stale now.
    const stale = await extendPraktik(ctx(c.caseworker), c.caseId, rec.id, {
      version: rec.version,
      weeks: "1",
      assessment: "x",
      specialNeed: "true",
    });
    expect(stale).toMatchObject({ ok: false, reason: "CONFLICT", current: { plannedEnd: "2022-11-27" } });
  });

  it("SK-2: the right used before the start puts the offer on hold until the municipality decides; during the offer it changes nothing", async () => {
    const c = await newCase("Sofie Sundhed");
    const offer = await recordIntervention(ctx(c.caseworker), c.caseId, {
      title: "Kursus i truckkørsel",
      legalBasis: "lab14",
      form: "offer",
      provider: "AMU",
      offeredOn: "2022-06-01",
      skNoticeOn: "2022-06-01",
      startDate: "2022-06-14",
    });
    expect(offer).toMatchObject({ ok: true, record: { status: "running" } });
    if (!offer.ok) return;

    const before = await requestSundhedskoordinator(ctx(c.caseworker), c.caseId, offer.record.id, {
      version: offer.record.version,
      requestedOn: "2022-06-10",
    });
    expect(before).toMatchObject({ ok: true, record: { status: "onHold", skRequestedOn: "2022-06-10" } });
    if (!before.ok) return;

    // On hold: no start is recorded until the decision (SK-2).
    const start = await updateIntervention(ctx(c.caseworker), c.caseId, offer.record.id, {
      version: before.record.version,
      offeredOn: "2022-06-01",
      skNoticeOn: "2022-06-01",
      startDate: "2022-06-13",
    });
    expect(start).toMatchObject({ ok: false, errors: { startDate: expect.stringContaining("SK-2") } });

    // The planned start (14 June) lies before the decision (15 June): a new start is needed.
    const noNewStart = await decideSundhedskoordinator(ctx(c.caseworker), c.caseId, offer.record.id, {
      version: before.record.version,
      decidedOn: "2022-06-15",
      decision: "adjust",
    });
    expect(noNewStart).toMatchObject({ ok: false, errors: { newStartDate: expect.stringContaining("SK-2") } });

    const decided = await decideSundhedskoordinator(ctx(c.caseworker), c.caseId, offer.record.id, {
      version: before.record.version,
      decidedOn: "2022-06-15",
      decision: "adjust",
      note: "Færre timer de første uger efter sundhedskoordinatorens råd",
      newStartDate: "2022-06-20",
    });
    expect(decided).toMatchObject({
      ok: true,
      record: { status: "planned", startDate: "2022-06-20", skDecidedOn: "2022-06-15", skDecision: "adjust" },
    });

    // During the offer: the citizen continues; nothing changes until a decision.
    const running = await recordIntervention(ctx(c.caseworker), c.caseId, {
      title: "Løntilskud i kommunen",
      legalBasis: "lab12",
      form: "offer",
      offeredOn: "2022-05-01",
      skNoticeOn: "2022-05-01",
      startDate: "2022-05-15",
    });
    expect(running.ok).toBe(true);
    if (!running.ok) return;
    const during = await requestSundhedskoordinator(ctx(c.caseworker), c.caseId, running.record.id, {
      version: running.record.version,
      requestedOn: "2022-06-01",
    });
    expect(during).toMatchObject({ ok: true, record: { status: "running", startDate: "2022-05-15" } });

    const view = await readCase(ctx(c.caseworker), c.caseId, "test");
    const o = await indsatserOverview(t.db, view!.access, TODAY);
    expect(o.records.find((x) => x.id === running.record.id)!.sk).toMatchObject({ applies: true, state: "continues" });
    expect(o.records.find((x) => x.id === offer.record.id)!.sk).toMatchObject({ state: "decided" });

    // A mentor offer has no sundhedskoordinator right (SK-1: LAB kap. 11, 12, 14 only).
    const mentor = await recordIntervention(ctx(c.caseworker), c.caseId, {
      title: "Mentor",
      legalBasis: "lab26mentor",
      form: "offer",
    });
    if (!mentor.ok) throw new Error("mentor not recorded");
    expect(
      await requestSundhedskoordinator(ctx(c.caseworker), c.caseId, mentor.record.id, {
        version: mentor.record.version,
        requestedOn: "2022-06-01",
      }),
    ).toMatchObject({ ok: false, errors: { requestedOn: expect.stringContaining("SK-1") } });
  });

  it("stale versions are conflicts: nothing is overwritten", async () => {
    const c = await newCase("Kaj Konflikt");
    const r = await recordIntervention(ctx(c.caseworker), c.caseId, {
      title: "Samtaleforløb",
      legalBasis: "sundhedsloven",
      form: "offer",
      startDate: "2022-05-01",
    });
    if (!r.ok) throw new Error("not recorded");
    const first = await updateIntervention(ctx(c.caseworker), c.caseId, r.record.id, {
      version: r.record.version,
      startDate: "2022-05-01",
      plannedEnd: "2022-12-31",
    });
    expect(first).toMatchObject({ ok: true, record: { plannedEnd: "2022-12-31" } });
    const second = await updateIntervention(ctx(c.caseworker), c.caseId, r.record.id, {
      version: r.record.version,
      startDate: "2022-05-01",
      plannedEnd: "2022-09-30",
    });
    expect(second).toMatchObject({ ok: false, reason: "CONFLICT", current: { plannedEnd: "2022-12-31" } });

    const p = await recordPeriod(ctx(c.caseworker), c.caseId, {
      kind: "standby",
      fromDate: "2022-04-01",
      toDate: "2022-04-10",
    });
    if (!p.ok) throw new Error("not recorded");
    expect(
      await updatePeriod(ctx(c.caseworker), c.caseId, p.period.id, {
        version: p.period.version,
        kind: "standby",
        fromDate: "2022-04-01",
        toDate: "2022-04-20",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await updatePeriod(ctx(c.caseworker), c.caseId, p.period.id, {
        version: p.period.version,
        kind: "standby",
        fromDate: "2022-04-01",
        toDate: "2022-04-05",
      }),
    ).toMatchObject({ ok: false, reason: "CONFLICT", current: { toDate: "2022-04-20" } });
    expect(await deletePeriod(ctx(c.caseworker), c.caseId, p.period.id, { version: p.period.version })).toMatchObject({
      ok: false,
      reason: "CONFLICT",
    });
  });

  it("tenancy and status: another municipality's case is not found; a case without a forløb has nothing to record", async () => {
    expect(await recordIntervention(ctx(other), g.caseId, { title: "X", legalBasis: "lab14", form: "offer" })).toEqual({
      ok: false,
      reason: "NOT_FOUND",
    });
    expect(
      await recordPeriod(ctx(other), g.caseId, { kind: "barsel", fromDate: "2022-05-01", toDate: "2022-05-02" }),
    ).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(
      await grantMentor(ctx(other), g.caseId, {
        mentorName: "X",
        role: "Y",
        goals: ["Z"],
        fromDate: "2022-04-01",
        toDate: "2022-05-01",
      }),
    ).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await readCase(ctx(other), g.caseId, "test")).toBeNull();

    const waiting = await aGrantedCase(t.db, g.caseworker.municipalityId, {
      status: "indstillingGiven",
      caseworker: g.caseworker,
    });
    expect(
      await recordPeriod(ctx(g.caseworker), waiting.caseId, {
        kind: "barsel",
        fromDate: "2022-05-01",
        toDate: "2022-05-02",
      }),
    ).toEqual({ ok: false, reason: "NO_FORLOEB" });
    await expect(
      recordPeriod(ctx(admin), g.caseId, { kind: "barsel", fromDate: "2022-05-01", toDate: "2022-05-02" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("Y-1..Y-5: the preview has no amount without a rate for the year; with an admin-entered 2025 rate it has one", async () => {
    const view = await readCase(ctx(g.caseworker), g.caseId, "ydelse");
    const input = { month: "2025-03", forsoerger: "false", sygedagpengeEnd: "2024-12-31" };
    const without = await previewYdelse(ctx(g.caseworker), view!.access, input);
    expect(without).toMatchObject({ ok: true, previousBenefit: "sygedagpenge" });
    if (!without.ok) return;
    expect(without.output.level).toBe("ikkeForsoerger");
    expect(without.output.payable).toBeNull();
    expect(without.output.findings).toContainEqual(
      expect.objectContaining({ ruleId: "Y-5", severity: "error", message: expect.stringContaining("2025") }),
    );

    // Only an admin enters rates; a rate already in the built-in table is refused.
    await expect(
      addYdelseRate(ctx(g.caseworker), {
        year: "2025",
        category: "ikkeForsoerger",
        amount: "12500",
        law: "LAS",
        paragraph: "§ 69 j",
        source: "x",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(
      await addYdelseRate(ctx(admin), {
        year: "2024",
        category: "ikkeForsoerger",
        amount: "1",
        law: "LAS",
        paragraph: "§ 69 j",
        source: "x",
      }),
    ).toMatchObject({ ok: false, errors: { year: expect.stringContaining("indbyggede") } });
    expect(
      await addYdelseRate(ctx(admin), {
        year: "2025",
        category: "ikkeForsoerger",
        amount: "",
        law: "",
        paragraph: "",
        source: "",
      }),
    ).toMatchObject({
      ok: false,
      errors: { amount: expect.any(String), law: expect.any(String), source: expect.any(String) },
    });

    const added = await addYdelseRate(ctx(admin), {
      year: "2025",
      category: "ikkeForsoerger",
      amount: "12.500",
      law: "LAS",
      paragraph: "§ 69 j",
      source: 'bm.dk "Satser for 2025"',
    });
    expect(added).toMatchObject({ ok: true });

    const withRate = await previewYdelse(ctx(g.caseworker), view!.access, input);
    expect(withRate).toMatchObject({ ok: true, output: { baseAmount: 12500, payable: 12500 } });
    if (!withRate.ok) return;
    expect(JSON.stringify(withRate.output.explanation)).toContain("bm.dk");

    // Other income is deducted krone for krone (Y-3).
    const income = await previewYdelse(ctx(g.caseworker), view!.access, { ...input, otherIncome: "500,50" });
    expect(income).toMatchObject({ ok: true, output: { payable: 11999.5 } });

    const bad = await previewYdelse(ctx(g.caseworker), view!.access, { month: "2025-13", forsoerger: "" });
    expect(bad).toMatchObject({ ok: false, errors: { month: expect.any(String), forsoerger: expect.any(String) } });

    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "ydelse.rate.add"));
    expect(event).toMatchObject({ actorId: admin.id, entityType: "ydelse_rate" });
    expect(event!.changes).toMatchObject({ year: { after: 2025 }, amount: { after: 12500 } });
  });

  it("every change is audit-logged with the citizen, in the same transaction", async () => {
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.citizenId, g.citizenId));
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["period.create", "intervention.record"]));
    const rec = events.find((e) => e.action === "intervention.record" && e.entityType === "intervention_record");
    expect(rec!.changes).toMatchObject({ startDate: { before: null, after: expect.any(String) } });
    const allActions = (await t.db.select({ action: auditEvents.action }).from(auditEvents)).map((e) => e.action);
    expect(allActions).toEqual(
      expect.arrayContaining([
        "mentorGrant.create",
        "mentorGrant.renew",
        "intervention.update",
        "intervention.praktikExtend",
        "intervention.skRequest",
        "intervention.skDecision",
        "period.update",
        "period.delete",
      ]),
    );
  });
});
