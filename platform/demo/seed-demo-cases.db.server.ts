import type { Queryable } from "../db/client.server";
import {
  afgoerelser,
  caseCoordinators,
  cases,
  forloeb,
  indstillinger,
  jobformidlerOffers,
  teamAgendaItems,
  teamMeetings,
} from "../db/schema";
import { completeJudgement, DEMO_PREPARATORY } from "./demo-judgement";

export const DEMO_TEAM_MEMBERS = [
  { area: "employment", name: "Jonas Jobcenter", title: "Teamleder, jobcentret" },
  { area: "health", name: "Signe Sundhed", title: "Sundhedsfaglig konsulent" },
  { area: "social", name: "Sune Social", title: "Socialrådgiver, voksenområdet" },
  { area: "sundhedskoordinator", name: "Dr. Karin Klinik", title: "Sundhedskoordinator, Region Demo" },
  { area: "uu", name: "Ulla Ungevejleder", title: "Ungdommens Uddannelsesvejledning" },
];

/** Readable, stable case ids: 99900000-0000-4000-8000-0000000c0001. */
export function demoCaseId(n: number): string {
  return `99900000-0000-4000-8000-0000000c${n.toString(16).padStart(4, "0")}`;
}

interface SeedRefs {
  municipalityId: string;
  caseworkerId: string;
  caseworkerUnit: string;
  citizenId: (index: number) => string;
}

/**
 * Cases in every state of the journey, dated around the demo day (2026-01-14): visitation, ready for the team,
 * on an agenda, indstilling given, and granted forløb (one of them the demo citizen's).
 */
export async function seedDemoCases(tx: Queryable, r: SeedRefs): Promise<void> {
  const base = { municipalityId: r.municipalityId, openedBy: r.caseworkerId };
  const complete = { judgement: completeJudgement(), preparatory: DEMO_PREPARATORY, bisidderInformedOn: "2026-01-06" };
  const rows: (typeof cases.$inferInsert)[] = [
    {
      ...base,
      id: demoCaseId(1),
      citizenId: r.citizenId(2),
      status: "visitation",
      origin: "municipality",
      openedOn: "2026-01-05",
      judgement: { tg1: completeJudgement().tg1 as Record<string, unknown> },
      preparatory: { education: DEMO_PREPARATORY.education },
    },
    {
      ...base,
      id: demoCaseId(2),
      citizenId: r.citizenId(3),
      status: "readyForTeam",
      origin: "municipality",
      openedOn: "2025-12-10",
      readyForTeamAt: new Date("2026-01-08T09:00:00Z"),
      ...complete,
    },
    {
      ...base,
      id: demoCaseId(3),
      citizenId: r.citizenId(4),
      status: "readyForTeam",
      origin: "application",
      applicationReceivedOn: "2025-12-01",
      applicationText: "Jeg søger om et ressourceforløb, fordi jeg ikke kan komme videre med kontanthjælp.",
      openedOn: "2025-12-02",
      readyForTeamAt: new Date("2026-01-09T09:00:00Z"),
      ...complete,
      judgement: completeJudgement({ fromApplication: "Ressourceforløb i stedet for kontanthjælp" }),
    },
    {
      ...base,
      id: demoCaseId(4),
      citizenId: r.citizenId(5),
      status: "onAgenda",
      origin: "municipality",
      openedOn: "2025-11-20",
      readyForTeamAt: new Date("2026-01-02T09:00:00Z"),
      ...complete,
    },
    {
      ...base,
      id: demoCaseId(5),
      citizenId: r.citizenId(6),
      status: "indstillingGiven",
      origin: "municipality",
      openedOn: "2025-11-10",
      readyForTeamAt: new Date("2025-12-15T09:00:00Z"),
      ...complete,
    },
    {
      ...base,
      id: demoCaseId(6),
      citizenId: r.citizenId(1),
      status: "granted",
      origin: "municipality",
      openedOn: "2025-06-02",
      readyForTeamAt: new Date("2025-07-01T09:00:00Z"),
      ...complete,
      citizenView: "Jeg vil gerne arbejde med dyr eller på et lager.",
    },
    {
      ...base,
      id: demoCaseId(7),
      citizenId: r.citizenId(7),
      status: "granted",
      origin: "municipality",
      openedOn: "2025-03-03",
      readyForTeamAt: new Date("2025-04-01T09:00:00Z"),
      ...complete,
    },
  ];
  await tx.insert(cases).values(rows);
  await tx.insert(caseCoordinators).values(
    rows.map((c) => ({
      caseId: c.id!,
      userId: r.caseworkerId,
      unit: r.caseworkerUnit,
      unitKind: "jobcenter",
      fromDate: c.openedOn,
      citizenConsulted: true,
      reason: "Sagsbehandleren, der åbnede sagen",
      assignedBy: r.caseworkerId,
    })),
  );

  const [held, upcoming, earlier] = await tx
    .insert(teamMeetings)
    .values([
      {
        municipalityId: r.municipalityId,
        meetingDate: "2026-01-07",
        startTime: "09:00",
        place: "Rådhuset, mødelokale 2",
        members: DEMO_TEAM_MEMBERS.slice(0, 4),
        status: "held",
      },
      {
        municipalityId: r.municipalityId,
        meetingDate: "2026-01-21",
        startTime: "09:00",
        place: "Rådhuset, mødelokale 2",
        members: DEMO_TEAM_MEMBERS.slice(0, 4),
      },
      {
        municipalityId: r.municipalityId,
        meetingDate: "2025-07-09",
        startTime: "09:00",
        place: "Rådhuset, mødelokale 2",
        members: DEMO_TEAM_MEMBERS.slice(0, 4),
        status: "held",
      },
    ])
    .returning({ id: teamMeetings.id });
  await tx.insert(teamAgendaItems).values([
    {
      meetingId: held!.id,
      caseId: demoCaseId(5),
      position: 1,
      slotStart: "09:00",
      slotMinutes: 45,
      purpose: "firstPresentation",
    },
    {
      meetingId: upcoming!.id,
      caseId: demoCaseId(4),
      position: 1,
      slotStart: "09:00",
      slotMinutes: 45,
      purpose: "firstPresentation",
    },
    {
      meetingId: earlier!.id,
      caseId: demoCaseId(6),
      position: 1,
      slotStart: "09:00",
      slotMinutes: 45,
      purpose: "firstPresentation",
    },
    {
      meetingId: earlier!.id,
      caseId: demoCaseId(7),
      position: 2,
      slotStart: "09:45",
      slotMinutes: 45,
      purpose: "firstPresentation",
    },
  ]);
  const interventions = {
    employment: ["Mentor med fokus på struktur og fremmøde", "Virksomhedspraktik med få timer, gradvis optrapning"],
    education: [],
    health: ["Psykologforløb via egen læge"],
    social: ["Gældsrådgivning"],
  };
  const [ind5, ind6, ind7] = await tx
    .insert(indstillinger)
    .values([
      {
        caseId: demoCaseId(5),
        meetingId: held!.id,
        recommendation: "ressourceforloeb",
        recommendedMonths: 24,
        interventions,
        reasons: "Teamet vurderer, at borgeren er i målgruppen og har et udviklingsperspektiv.",
        recordedBy: r.caseworkerId,
      },
      {
        caseId: demoCaseId(6),
        meetingId: earlier!.id,
        recommendation: "ressourceforloeb",
        recommendedMonths: 24,
        interventions,
        reasons: "Borgeren er i målgruppen; start med helbred og struktur.",
        recordedBy: r.caseworkerId,
        recordedAt: new Date("2025-07-09T10:00:00Z"),
      },
      {
        caseId: demoCaseId(7),
        meetingId: earlier!.id,
        recommendation: "ressourceforloeb",
        recommendedMonths: 12,
        interventions,
        reasons: "Kort forløb med fokus på virksomhedsrettet indsats.",
        recordedBy: r.caseworkerId,
        recordedAt: new Date("2025-07-09T10:45:00Z"),
      },
    ])
    .returning({ id: indstillinger.id });
  void ind5;
  const grants = [
    {
      caseId: demoCaseId(6),
      citizenId: r.citizenId(1),
      indstillingId: ind6!.id,
      decidedOn: "2025-07-15",
      start: "2025-08-01",
      end: "2027-07-31",
      months: 24,
    },
    {
      caseId: demoCaseId(7),
      citizenId: r.citizenId(7),
      indstillingId: ind7!.id,
      decidedOn: "2025-07-16",
      start: "2025-08-01",
      end: "2026-07-31",
      months: 12,
    },
  ];
  for (const g of grants) {
    const [a] = await tx
      .insert(afgoerelser)
      .values({
        caseId: g.caseId,
        kind: "grant",
        decidedOn: g.decidedOn,
        startDate: g.start,
        endDate: g.end,
        months: g.months,
        reasons: "Borgeren er i målgruppen for ressourceforløb, jf. rehabiliteringsteamets indstilling.",
        indstillingId: g.indstillingId,
        decidedBy: r.caseworkerId,
      })
      .returning({ id: afgoerelser.id });
    await tx.insert(forloeb).values({
      caseId: g.caseId,
      municipalityId: r.municipalityId,
      citizenId: g.citizenId,
      startDate: g.start,
      plannedEnd: g.end,
      decidedOn: g.decidedOn,
      afgoerelseId: a!.id,
    });
  }
  await tx.insert(jobformidlerOffers).values({
    caseId: demoCaseId(6),
    informedOn: "2025-08-05",
    answer: "wants",
    answeredOn: "2025-08-05",
    name: "Jesper Jobformidler",
    phone: "99 99 12 34",
    email: "jesper.jobformidler@demo.dk",
    tasks: "Finder praktikpladser på lagre og i dyrepasning, og følger op hos arbejdsgiveren.",
    agreements: "Vi mødes hver anden uge. Jesper kontakter to lagre før 1. februar.",
  });
}
