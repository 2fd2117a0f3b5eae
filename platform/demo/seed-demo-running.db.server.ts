import { eq } from "drizzle-orm";
import type { Queryable } from "../db/client.server";
import {
  afgoerelser,
  appeals,
  caseCoordinators,
  cases,
  citizenRequests,
  conversations,
  forloeb,
  forloebPeriods,
  interventionRecords,
  mentorGrants,
  municipalitySettings,
  planRevisions,
  plans,
} from "../db/schema";
import { completeJudgement, DEMO_PREPARATORY } from "./demo-judgement";
import { demoCaseId } from "./seed-demo-cases.db.server";

interface Refs {
  municipalityId: string;
  caseworkerId: string;
  otherCaseworkerId: string;
  caseworkerUnit: string;
  citizenId: (index: number) => string;
}

const held = (caseId: string, dates: string[], nextAgreedOn: string | null = null) =>
  dates.map((date, i) => ({
    caseId,
    date,
    time: "10:00",
    mode: i % 3 === 2 ? "phone" : "personal",
    status: "held",
    notes: "Gennemgang af planen og aftaler til næste gang.",
    nextAgreedOn: i === dates.length - 1 ? nextAgreedOn : (dates[i + 1] ?? null),
  }));

/**
 * Running forløb around the demo day (2026-01-14) so every deadline kind shows up: met, due soon and overdue
 * indsatsgaranti, conversations, a mentor grant and a placement ending soon, a forløb past its end that continues
 * until a decision (D-5), barsel moving an end date, and an appeal awaiting re-assessment.
 */
export async function seedRunningForloeb(tx: Queryable, r: Refs): Promise<void> {
  await tx
    .insert(municipalitySettings)
    .values({ municipalityId: r.municipalityId, conversationIntervalDays: 60, teamLeadWeeks: 8 });

  // Extra granted cases: 8 (overdue IG and FU-1), 9 (past its end: D-5), 10 (barsel), 11 (ended below).
  const extra = [
    {
      n: 8,
      citizen: 8,
      start: "2025-04-01",
      end: "2026-03-31",
      decided: "2025-03-20",
      coordinator: r.otherCaseworkerId,
    },
    { n: 9, citizen: 9, start: "2024-01-02", end: "2025-12-31", decided: "2023-12-15", coordinator: r.caseworkerId },
    { n: 10, citizen: 10, start: "2025-02-03", end: "2026-02-02", decided: "2025-01-20", coordinator: r.caseworkerId },
    { n: 11, citizen: 11, start: "2023-02-01", end: "2025-01-31", decided: "2023-01-16", coordinator: r.caseworkerId },
  ];
  for (const x of extra) {
    await tx.insert(cases).values({
      id: demoCaseId(x.n),
      municipalityId: r.municipalityId,
      citizenId: r.citizenId(x.citizen),
      status: "granted",
      origin: "municipality",
      openedOn: x.decided,
      openedBy: r.caseworkerId,
      judgement: completeJudgement(),
      preparatory: DEMO_PREPARATORY,
      bisidderInformedOn: x.decided,
    });
    await tx.insert(caseCoordinators).values({
      caseId: demoCaseId(x.n),
      userId: x.coordinator,
      unit: r.caseworkerUnit,
      unitKind: "jobcenter",
      fromDate: x.decided,
      citizenConsulted: true,
      reason: "Sagsbehandleren, der åbnede sagen",
      assignedBy: r.caseworkerId,
    });
    const [a] = await tx
      .insert(afgoerelser)
      .values({
        caseId: demoCaseId(x.n),
        kind: "grant",
        decidedOn: x.decided,
        startDate: x.start,
        endDate: x.end,
        months: x.n === 9 ? 24 : 12,
        reasons: "Borgeren er i målgruppen for ressourceforløb.",
        decidedBy: r.caseworkerId,
      })
      .returning({ id: afgoerelser.id });
    await tx.insert(forloeb).values({
      caseId: demoCaseId(x.n),
      municipalityId: r.municipalityId,
      citizenId: r.citizenId(x.citizen),
      startDate: x.start,
      plannedEnd: x.end,
      decidedOn: x.decided,
      afgoerelseId: a!.id,
    });
  }
  await endCase11(tx, r);
  await tx
    .insert(conversations)
    .values([
      ...held(demoCaseId(8), ["2025-04-08", "2025-06-10", "2025-09-02"]),
      ...held(demoCaseId(9), ["2024-01-09", "2024-02-13", "2024-03-12", "2024-05-07", "2025-10-14"]),
      ...held(demoCaseId(10), ["2025-02-10", "2025-03-10", "2025-04-14", "2025-05-12", "2025-12-08"], "2026-02-02"),
    ]);
  await tx.insert(forloebPeriods).values({
    caseId: demoCaseId(10),
    kind: "barsel",
    fromDate: "2025-06-01",
    toDate: "2025-11-30",
    note: "Barsel: forløbets slutdato rykkes tilsvarende (D-4).",
  });

  // Case 9: a plan whose course was never recorded as started, so the indsatsgaranti is overdue until it is.
  const [plan9] = await tx
    .insert(plans)
    .values({ caseId: demoCaseId(9), currentRevision: 1 })
    .returning({ id: plans.id });
  await tx.insert(planRevisions).values({
    planId: plan9!.id,
    revision: 1,
    createdBy: r.caseworkerId,
    content: {
      format: 1,
      goal: { type: "overall", text: "Job inden for rengøring eller køkken" },
      delmaal: [
        { id: "d-9-1", area: "education", text: "Gennemføre et hygiejnekursus", reason: "Kræves i køkkenjob." },
      ],
      interventions: [
        {
          id: "i-9-1",
          title: "Opkvalificeringskursus i hygiejne",
          legalBasis: "lab14",
          provider: "Jobcentret, uddannelsesteamet",
          shortTermGoal: "Hygiejnebevis",
          form: "offer",
          plannedStart: "2024-03-04",
          plannedEnd: "2024-04-26",
        },
      ],
      followUp: { how: "Samtale hver måned." },
      mentor: { has: false, name: null, contact: null, role: null, tasks: [] },
      period: { from: "2024-01-02", to: "2024-12-31" },
    },
  });

  // Case 6 (the demo citizen): a plan, two interventions under way, a mentor grant and conversations.
  const [plan] = await tx
    .insert(plans)
    .values({ caseId: demoCaseId(6), currentRevision: 1 })
    .returning({ id: plans.id });
  await tx.insert(planRevisions).values({
    planId: plan!.id,
    revision: 1,
    changeNote: "Første plan, lagt sammen med borgeren.",
    createdBy: r.caseworkerId,
    content: {
      format: 1,
      goal: { type: "job", text: "Job på et lager eller i en dyrehandel, 15 timer om ugen" },
      delmaal: [
        {
          id: "d-6-1",
          area: "employment",
          text: "Møde stabilt i praktik 3 dage om ugen",
          reason: "Stabilt fremmøde er første skridt mod job.",
        },
        {
          id: "d-6-2",
          area: "health",
          text: "Færre angstanfald i hverdagen",
          reason: "Angsten er den største barriere.",
        },
      ],
      interventions: [
        {
          id: "i-6-1",
          title: "Psykologforløb",
          legalBasis: "sundhedsloven",
          provider: "Sundhed og omsorg",
          shortTermGoal: "Redskaber mod angst",
          form: "offer",
          plannedStart: "2025-09-01",
          plannedEnd: null,
        },
        {
          id: "i-6-2",
          title: "Virksomhedspraktik i dyrehandel",
          legalBasis: "lab11",
          provider: "Jobcentret, virksomhedsteamet",
          shortTermGoal: "10 timer om ugen, afklaring af jobmål",
          form: "offer",
          plannedStart: "2025-10-27",
          plannedEnd: "2026-01-25",
        },
        {
          id: "i-6-3",
          title: "Løbeklub",
          legalBasis: "other",
          provider: "Foreningen Løb Demoby",
          shortTermGoal: "Struktur og sociale relationer",
          form: "agreed",
          plannedStart: "2025-09-15",
          plannedEnd: null,
        },
      ],
      followUp: { how: "Samtale hver 4.-6. uge, mentor deltager efter ønske." },
      mentor: {
        has: true,
        name: "Maja Mentor",
        contact: "maja.mentor@demo.dk",
        role: "Støtte til fremmøde og struktur",
        tasks: ["Fremmøde i praktikken", "Struktur i hverdagen"],
      },
      period: { from: "2025-08-01", to: "2026-07-31" },
    },
  });
  await tx.insert(interventionRecords).values([
    {
      caseId: demoCaseId(6),
      planItemId: "i-6-1",
      kind: "sundhedsloven",
      title: "Psykologforløb",
      provider: "Sundhed og omsorg",
      isOffer: true,
      offeredOn: "2025-08-20",
      startDate: "2025-09-08",
      status: "running",
      details: { legalBasis: "sundhedsloven" },
    },
    {
      caseId: demoCaseId(6),
      planItemId: "i-6-2",
      kind: "lab11",
      title: "Virksomhedspraktik i dyrehandel",
      provider: "Jobcentret, virksomhedsteamet",
      isOffer: true,
      offeredOn: "2025-10-13",
      skNoticeOn: "2025-10-13",
      startDate: "2025-10-27",
      plannedEnd: "2026-01-25",
      status: "running",
      details: {
        legalBasis: "lab11",
        initialWeeks: 13,
        praktik: {
          company: "Dyrehandlen Demoby ApS",
          hoursPerWeek: 10,
          daysPerWeek: 3,
          focus: "clarification",
          virksomhedscenter: false,
          mentorArrangement: null,
          shortHoursReason: null,
          shortHoursNote: null,
          notOnlyDocumentation: true,
        },
      },
    },
  ]);
  await tx.insert(mentorGrants).values({
    caseId: demoCaseId(6),
    mentorName: "Maja Mentor",
    mentorContact: "maja.mentor@demo.dk",
    role: "Støtte til fremmøde og struktur",
    goals: ["Fremmøde i praktikken", "Struktur i hverdagen"],
    fromDate: "2025-07-25",
    toDate: "2026-01-24",
    createdBy: r.caseworkerId,
  });
  await tx.insert(conversations).values([
    ...held(demoCaseId(6), ["2025-08-05", "2025-09-02", "2025-10-07", "2025-11-04", "2025-12-09"], "2026-01-20"),
    {
      caseId: demoCaseId(6),
      date: "2026-01-20",
      time: "13:00",
      mode: "personal",
      status: "planned",
      participants: ["mentor"],
    },
  ]);
  await tx.insert(conversations).values(held(demoCaseId(7), ["2025-08-12", "2025-10-21"]));
  await tx.insert(citizenRequests).values({
    municipalityId: r.municipalityId,
    citizenId: r.citizenId(1),
    caseId: demoCaseId(6),
    kind: "conversation",
    message: "Jeg vil gerne tale om, hvad der skal ske efter praktikken.",
  });
  // An appeal of case 7's decision, lodged in time but not yet re-assessed: an overdue A-2 deadline.
  const [decision7] = await tx
    .select({ id: afgoerelser.id })
    .from(afgoerelser)
    .where(eq(afgoerelser.caseId, demoCaseId(7)));
  await tx.insert(appeals).values({
    caseId: demoCaseId(7),
    afgoerelseId: decision7!.id,
    subject: "Afgørelse om ressourceforløb (varighed)",
    receivedOn: "2025-08-08",
    decisionReceivedOn: "2025-07-18",
    note: "Borgeren mener, at 12 måneder er for kort.",
  });
}

/** Case 11: an ended forløb (E-1) whose next step, fleksjob, went through the team (D-6), with ST-7's status after 3 months. */
async function endCase11(tx: Queryable, r: Refs): Promise<void> {
  const by = "Karen Koordinator";
  const endingFacts = {
    nextStep: {
      step: "fleksjob",
      chosenOn: "2024-10-01",
      viaTeam: true,
      presentTo: "rehabiliteringsteam",
      note: "Praktikken viser en stabil arbejdsevne på 12 timer om ugen.",
      citizenWishes: false,
      newCaseId: null,
      decidedOn: "2024-12-10",
      by,
    },
    ending: {
      outcome: "fleksjob",
      endedOn: "2025-01-31",
      early: false,
      earlyGround: null,
      reasons: "Borgeren er visiteret til fleksjob efter rehabiliteringsteamets indstilling af 26.11.2024.",
      recordedOn: "2025-01-31",
      by,
    },
    statusAfter3Months: { status: "fleksjob", recordedOn: "2025-05-05", note: "Ansat i fleksjob på et lager.", by },
  };
  await tx
    .update(forloeb)
    .set({
      status: "ended",
      nextStep: "fleksjob",
      nextStepDecidedOn: "2024-12-10",
      endedOn: "2025-01-31",
      outcome: "fleksjob",
      endingFacts,
      statusAfter3Months: "fleksjob",
    })
    .where(eq(forloeb.caseId, demoCaseId(11)));
  await tx
    .update(cases)
    .set({ status: "ended" })
    .where(eq(cases.id, demoCaseId(11)));
  await tx
    .insert(conversations)
    .values(held(demoCaseId(11), ["2023-02-14", "2023-03-14", "2023-04-11", "2023-05-09", "2023-07-11", "2024-11-05"]));
}
