import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Queryable } from "~/platform/db/client.server";
import {
  caseCoordinators,
  cases,
  citizenRequests,
  citizens,
  conversations,
  deadlines,
  interventionRecords,
  jobformidlerOffers,
  mentorGrants,
  networkPersons,
  planRevisions,
  plans,
  teamAgendaItems,
  teamMeetings,
  users,
} from "~/platform/db/schema";

/** Every query of a case's conversations is bounded by the municipality (another municipality's case is "not found"). */
export interface TenantScope {
  municipalityId: string;
}

export type ConversationRow = typeof conversations.$inferSelect;

const inMunicipality = (scope: TenantScope, caseId: string) =>
  and(eq(cases.id, caseId), eq(cases.municipalityId, scope.municipalityId));

/** All conversations of a case, newest first, with who created them and the citizen's request behind them. */
export async function conversationsOfCase(db: Queryable, scope: TenantScope, caseId: string) {
  return db
    .select({
      conversation: conversations,
      createdByName: users.name,
      request: {
        id: citizenRequests.id,
        kind: citizenRequests.kind,
        message: citizenRequests.message,
        createdAt: citizenRequests.createdAt,
      },
    })
    .from(conversations)
    .innerJoin(cases, eq(cases.id, conversations.caseId))
    .leftJoin(users, eq(users.id, conversations.createdBy))
    .leftJoin(citizenRequests, eq(citizenRequests.id, conversations.requestId))
    .where(inMunicipality(scope, caseId))
    .orderBy(desc(conversations.date), desc(conversations.time), desc(conversations.createdAt));
}

export async function findConversation(
  db: Queryable,
  scope: TenantScope,
  caseId: string,
  id: string,
): Promise<ConversationRow | null> {
  const [row] = await db
    .select({ conversation: conversations })
    .from(conversations)
    .innerJoin(cases, eq(cases.id, conversations.caseId))
    .where(and(eq(conversations.id, id), inMunicipality(scope, caseId)));
  return row?.conversation ?? null;
}

export async function insertConversation(
  db: Queryable,
  values: Omit<typeof conversations.$inferInsert, "id" | "version" | "createdAt" | "updatedAt">,
): Promise<ConversationRow> {
  const [row] = await db.insert(conversations).values(values).returning();
  return row!;
}

export type ConversationPatch = Partial<
  Pick<
    typeof conversations.$inferInsert,
    | "date"
    | "time"
    | "mode"
    | "status"
    | "participants"
    | "notes"
    | "nextAgreedOn"
    | "nonAttendance"
    | "sanctionProposedOn"
  >
>;

/** Optimistic lock: the updated row, or null when someone else saved first. */
export async function updateConversationIfVersion(
  db: Queryable,
  caseId: string,
  id: string,
  expectedVersion: number,
  patch: ConversationPatch,
): Promise<ConversationRow | null> {
  const [row] = await db
    .update(conversations)
    .set({ ...patch, version: sql`${conversations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(conversations.id, id), eq(conversations.caseId, caseId), eq(conversations.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** A conversation already planned on a day (so "next meeting agreed" does not book it twice). */
export async function plannedOn(db: Queryable, caseId: string, date: string): Promise<ConversationRow | null> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.caseId, caseId), eq(conversations.status, "planned"), eq(conversations.date, date)))
    .orderBy(asc(conversations.time))
    .limit(1);
  return row ?? null;
}

/** A conversation already planned at the same day and time: the citizen cannot attend two. */
export async function plannedAt(db: Queryable, caseId: string, date: string, time: string): Promise<boolean> {
  const rows = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.caseId, caseId),
        eq(conversations.status, "planned"),
        eq(conversations.date, date),
        eq(conversations.time, time),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Interventions that actually ran (started, running or stopped): FU-2 asks whether one covered a conversation's date. */
export async function offersOfCase(db: Queryable, caseId: string) {
  const rows = await db
    .select({ kind: interventionRecords.kind, start: interventionRecords.startDate, end: interventionRecords.endDate })
    .from(interventionRecords)
    .where(
      and(
        eq(interventionRecords.caseId, caseId),
        inArray(interventionRecords.status, ["running", "stopped"]),
        isNotNull(interventionRecords.startDate),
      ),
    );
  return rows.map((r) => ({ kind: r.kind, start: r.start!, end: r.end }));
}

/* ---- citizens' requests from Min Plan ---- */

const requestOfCase = (caseId: string, citizenId: string) =>
  or(eq(citizenRequests.caseId, caseId), and(isNull(citizenRequests.caseId), eq(citizenRequests.citizenId, citizenId)));

export async function openRequestsOfCase(db: Queryable, scope: TenantScope, caseId: string, citizenId: string) {
  return db
    .select({
      id: citizenRequests.id,
      kind: citizenRequests.kind,
      message: citizenRequests.message,
      createdAt: citizenRequests.createdAt,
      handledAt: citizenRequests.handledAt,
      handledByName: sql<string | null>`null`,
    })
    .from(citizenRequests)
    .where(
      and(
        eq(citizenRequests.municipalityId, scope.municipalityId),
        requestOfCase(caseId, citizenId),
        isNull(citizenRequests.handledAt),
      ),
    )
    .orderBy(asc(citizenRequests.createdAt));
}

export async function findRequest(db: Queryable, scope: TenantScope, caseId: string, citizenId: string, id: string) {
  const [row] = await db
    .select({
      id: citizenRequests.id,
      kind: citizenRequests.kind,
      message: citizenRequests.message,
      createdAt: citizenRequests.createdAt,
      handledAt: citizenRequests.handledAt,
      handledByName: users.name,
    })
    .from(citizenRequests)
    .leftJoin(users, eq(users.id, citizenRequests.handledBy))
    .where(
      and(
        eq(citizenRequests.id, id),
        eq(citizenRequests.municipalityId, scope.municipalityId),
        requestOfCase(caseId, citizenId),
      ),
    );
  return row ?? null;
}

/** Marks a request handled once: null when it was already handled (by someone else, or in another tab). */
export async function markRequestHandledIfOpen(
  db: Queryable,
  id: string,
  userId: string | null,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(citizenRequests)
    .set({ handledAt: at, handledBy: userId })
    .where(and(eq(citizenRequests.id, id), isNull(citizenRequests.handledAt)))
    .returning({ id: citizenRequests.id });
  return rows.length > 0;
}

/* ---- what the page shows beside the conversations ---- */

/** The follow-up deadlines of a case (anchor "samtaler": FU-1, next conversation, P-5), as frister stored them. */
export async function followUpDeadlines(db: Queryable, scope: TenantScope, caseId: string) {
  return db
    .select({
      id: deadlines.id,
      kind: deadlines.kind,
      title: deadlines.title,
      dueDate: deadlines.dueDate,
      metOn: deadlines.metOn,
      ruleId: deadlines.ruleId,
      explanation: deadlines.explanation,
    })
    .from(deadlines)
    .where(
      and(
        eq(deadlines.caseId, caseId),
        eq(deadlines.municipalityId, scope.municipalityId),
        eq(deadlines.anchor, "samtaler"),
      ),
    )
    .orderBy(asc(deadlines.dueDate));
}

export async function networkOfCitizen(db: Queryable, scope: TenantScope, citizenId: string) {
  return db
    .select({ name: networkPersons.name, relation: networkPersons.relation })
    .from(networkPersons)
    .innerJoin(citizens, eq(citizens.id, networkPersons.citizenId))
    .where(and(eq(networkPersons.citizenId, citizenId), eq(citizens.municipalityId, scope.municipalityId)))
    .orderBy(asc(networkPersons.position));
}

/** The names behind "mentor" and "jobformidler" on this case, when known: they help the caseworker choose. */
export async function participantNames(db: Queryable, caseId: string, asOf: string) {
  const [jf] = await db
    .select({ name: jobformidlerOffers.name })
    .from(jobformidlerOffers)
    .where(and(eq(jobformidlerOffers.caseId, caseId), eq(jobformidlerOffers.answer, "wants")));
  const [grant] = await db
    .select({ name: mentorGrants.mentorName })
    .from(mentorGrants)
    .where(and(eq(mentorGrants.caseId, caseId), lte(mentorGrants.fromDate, asOf), gte(mentorGrants.toDate, asOf)))
    .orderBy(desc(mentorGrants.toDate))
    .limit(1);
  let mentor = grant?.name ?? null;
  if (!mentor) {
    const [rev] = await db
      .select({ content: planRevisions.content })
      .from(plans)
      .innerJoin(
        planRevisions,
        and(eq(planRevisions.planId, plans.id), eq(planRevisions.revision, plans.currentRevision)),
      )
      .where(eq(plans.caseId, caseId));
    const m = (rev?.content as { mentor?: { has?: boolean; name?: string | null } } | undefined)?.mentor;
    mentor = m?.has && m.name ? m.name : null;
  }
  return { mentor, jobformidler: jf?.name ?? null };
}

/* ---- the caseworker's calendar ---- */

const currentCoordinatorIs = (userId: string) =>
  and(eq(caseCoordinators.caseId, cases.id), eq(caseCoordinators.userId, userId), isNull(caseCoordinators.toDate));

/** Planned (and recently cancelled) conversations of the cases where the user is the current coordinator. */
export async function conversationsOfCoordinator(db: Queryable, scope: TenantScope, userId: string, from: string) {
  return db
    .select({
      id: conversations.id,
      caseId: conversations.caseId,
      citizenId: cases.citizenId,
      citizenName: citizens.name,
      date: conversations.date,
      time: conversations.time,
      mode: conversations.mode,
      status: conversations.status,
      participants: conversations.participants,
      version: conversations.version,
      updatedAt: conversations.updatedAt,
    })
    .from(conversations)
    .innerJoin(cases, eq(cases.id, conversations.caseId))
    .innerJoin(citizens, eq(citizens.id, cases.citizenId))
    .innerJoin(caseCoordinators, currentCoordinatorIs(userId))
    .where(
      and(
        eq(cases.municipalityId, scope.municipalityId),
        inArray(conversations.status, ["planned", "cancelled"]),
        gte(conversations.date, from),
      ),
    )
    .orderBy(asc(conversations.date), asc(conversations.time));
}

/** Team meetings with one of the user's cases on the agenda: one row per such case, with its slot. */
export async function teamSlotsOfCoordinator(db: Queryable, scope: TenantScope, userId: string, from: string) {
  return db
    .select({
      meetingId: teamMeetings.id,
      meetingDate: teamMeetings.meetingDate,
      startTime: teamMeetings.startTime,
      place: teamMeetings.place,
      status: teamMeetings.status,
      version: teamMeetings.version,
      createdAt: teamMeetings.createdAt,
      caseId: cases.id,
      citizenId: cases.citizenId,
      citizenName: citizens.name,
      slotStart: teamAgendaItems.slotStart,
      slotMinutes: teamAgendaItems.slotMinutes,
    })
    .from(teamAgendaItems)
    .innerJoin(teamMeetings, eq(teamMeetings.id, teamAgendaItems.meetingId))
    .innerJoin(cases, eq(cases.id, teamAgendaItems.caseId))
    .innerJoin(citizens, eq(citizens.id, cases.citizenId))
    .innerJoin(caseCoordinators, currentCoordinatorIs(userId))
    .where(
      and(
        eq(teamMeetings.municipalityId, scope.municipalityId),
        gte(teamMeetings.meetingDate, from),
        ne(teamMeetings.status, "cancelled"),
      ),
    )
    .orderBy(asc(teamMeetings.meetingDate), asc(teamAgendaItems.slotStart));
}
