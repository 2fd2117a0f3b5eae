import { and, asc, desc, eq, gte, isNull, lte, sql } from "drizzle-orm";
import type { Queryable } from "~/platform/db/client.server";
import {
  caseCoordinators,
  cases,
  citizenRequests,
  conversations,
  forloeb,
  jobformidlerOffers,
  users,
} from "~/platform/db/schema";
import type { CaseStatus } from "~/modules/cases";

/** Every query is bounded by the citizen's own id and municipality: a citizen only ever sees their own data. */
export interface CitizenScope {
  municipalityId: string;
  citizenId: string;
}

export async function casesOfCitizen(db: Queryable, scope: CitizenScope) {
  const rows = await db
    .select({
      id: cases.id,
      status: cases.status,
      citizenView: cases.citizenView,
      citizenViewAt: cases.citizenViewAt,
      version: cases.version,
    })
    .from(cases)
    .where(and(eq(cases.citizenId, scope.citizenId), eq(cases.municipalityId, scope.municipalityId)))
    .orderBy(desc(cases.openedOn), desc(cases.createdAt));
  return rows.map((r) => ({ ...r, status: r.status as CaseStatus }));
}

export async function forloebOfCase(db: Queryable, scope: CitizenScope, caseId: string) {
  const [row] = await db
    .select({ startDate: forloeb.startDate, plannedEnd: forloeb.plannedEnd })
    .from(forloeb)
    .where(
      and(
        eq(forloeb.caseId, caseId),
        eq(forloeb.citizenId, scope.citizenId),
        eq(forloeb.municipalityId, scope.municipalityId),
      ),
    );
  return row ?? null;
}

const meetingColumns = {
  date: conversations.date,
  time: conversations.time,
  mode: conversations.mode,
  participants: conversations.participants,
};

/** FU-3: the next meeting agreed, today or later. */
export async function nextMeeting(db: Queryable, caseId: string, asOf: string) {
  const [row] = await db
    .select(meetingColumns)
    .from(conversations)
    .where(and(eq(conversations.caseId, caseId), eq(conversations.status, "planned"), gte(conversations.date, asOf)))
    .orderBy(asc(conversations.date), asc(conversations.time))
    .limit(1);
  return row ?? null;
}

/** The last conversation that was held. */
export async function lastMeeting(db: Queryable, caseId: string, asOf: string) {
  const [row] = await db
    .select(meetingColumns)
    .from(conversations)
    .where(and(eq(conversations.caseId, caseId), eq(conversations.status, "held"), lte(conversations.date, asOf)))
    .orderBy(desc(conversations.date), desc(conversations.time))
    .limit(1);
  return row ?? null;
}

/** P-6: the current coordinating caseworker, with the contact the citizen may use. */
export async function coordinatorOfCase(db: Queryable, caseId: string) {
  const [row] = await db
    .select({ name: users.name, email: users.email, unit: caseCoordinators.unit })
    .from(caseCoordinators)
    .innerJoin(users, eq(users.id, caseCoordinators.userId))
    .where(and(eq(caseCoordinators.caseId, caseId), isNull(caseCoordinators.toDate)))
    .orderBy(desc(caseCoordinators.fromDate), desc(caseCoordinators.createdAt))
    .limit(1);
  return row ?? null;
}

/** P-7: the personlig jobformidler, when the citizen has one. */
export async function jobformidlerOfCase(db: Queryable, caseId: string) {
  const [row] = await db
    .select({
      answer: jobformidlerOffers.answer,
      name: jobformidlerOffers.name,
      phone: jobformidlerOffers.phone,
      email: jobformidlerOffers.email,
      tasks: jobformidlerOffers.tasks,
      agreements: jobformidlerOffers.agreements,
      isMentor: jobformidlerOffers.isMentor,
    })
    .from(jobformidlerOffers)
    .where(eq(jobformidlerOffers.caseId, caseId));
  return row ?? null;
}

export async function requestsOfCitizen(db: Queryable, scope: CitizenScope, limit = 10) {
  return db
    .select({
      id: citizenRequests.id,
      kind: citizenRequests.kind,
      message: citizenRequests.message,
      createdAt: citizenRequests.createdAt,
      handledAt: citizenRequests.handledAt,
    })
    .from(citizenRequests)
    .where(
      and(eq(citizenRequests.citizenId, scope.citizenId), eq(citizenRequests.municipalityId, scope.municipalityId)),
    )
    .orderBy(desc(citizenRequests.createdAt))
    .limit(limit);
}

export async function insertRequest(
  db: Queryable,
  scope: CitizenScope,
  values: { caseId: string; kind: "conversation" | "view"; message: string },
): Promise<string> {
  const [row] = await db
    .insert(citizenRequests)
    .values({ ...values, municipalityId: scope.municipalityId, citizenId: scope.citizenId })
    .returning({ id: citizenRequests.id });
  return row!.id;
}

/** "Min sag til teamet": the citizen's own words on the case, guarded by the case's version. */
export async function updateCitizenViewIfVersion(
  db: Queryable,
  scope: CitizenScope,
  caseId: string,
  expectedVersion: number,
  text: string,
  at: Date,
): Promise<number | null> {
  const [row] = await db
    .update(cases)
    .set({ citizenView: text, citizenViewAt: at, version: sql`${cases.version} + 1`, updatedAt: at })
    .where(
      and(
        eq(cases.id, caseId),
        eq(cases.citizenId, scope.citizenId),
        eq(cases.municipalityId, scope.municipalityId),
        eq(cases.version, expectedVersion),
      ),
    )
    .returning({ version: cases.version });
  return row?.version ?? null;
}
