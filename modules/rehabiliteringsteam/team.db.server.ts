import { and, asc, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "~/platform/db/client.server";
import {
  caseCoordinators,
  cases,
  citizens,
  indstillinger,
  letters,
  networkPersons,
  teamAgendaItems,
  teamMeetings,
  users,
} from "~/platform/db/schema";
import type { AgendaPurpose, Indstilling, TeamMember } from "./team";
import { splitInterventions, type Recommendation } from "./team";

/** Every query is scoped to the actor's municipality; agenda items and indstillinger through their meeting. */
export interface TenantScope {
  municipalityId: string;
}

export interface MeetingRecord {
  id: string;
  municipalityId: string;
  meetingDate: string;
  startTime: string;
  place: string;
  members: TeamMember[];
  status: string;
  version: number;
}

type MeetingRow = typeof teamMeetings.$inferSelect;
const toMeeting = (r: MeetingRow): MeetingRecord => ({
  id: r.id,
  municipalityId: r.municipalityId,
  meetingDate: r.meetingDate,
  startTime: r.startTime,
  place: r.place,
  members: r.members as TeamMember[],
  status: r.status,
  version: r.version,
});

export async function insertMeeting(
  db: Queryable,
  scope: TenantScope,
  v: { meetingDate: string; startTime: string; place: string; members: TeamMember[] },
): Promise<string> {
  const [row] = await db
    .insert(teamMeetings)
    .values({ ...v, municipalityId: scope.municipalityId })
    .returning({ id: teamMeetings.id });
  return row!.id;
}

export async function findMeeting(db: Queryable, scope: TenantScope, id: string): Promise<MeetingRecord | null> {
  const [row] = await db
    .select()
    .from(teamMeetings)
    .where(and(eq(teamMeetings.id, id), eq(teamMeetings.municipalityId, scope.municipalityId)));
  return row ? toMeeting(row) : null;
}

/** Optimistic lock: the new version, or null when someone else saved first. */
export async function updateMeetingIfVersion(
  db: Queryable,
  scope: TenantScope,
  id: string,
  expectedVersion: number,
  patch: Partial<Pick<typeof teamMeetings.$inferInsert, "meetingDate" | "startTime" | "place" | "members" | "status">>,
): Promise<number | null> {
  const [row] = await db
    .update(teamMeetings)
    .set({ ...patch, version: sql`${teamMeetings.version} + 1` })
    .where(
      and(
        eq(teamMeetings.id, id),
        eq(teamMeetings.municipalityId, scope.municipalityId),
        eq(teamMeetings.version, expectedVersion),
      ),
    )
    .returning({ version: teamMeetings.version });
  return row?.version ?? null;
}

/** The latest meeting, so a new one can start from its place, time and members. */
export async function latestMeeting(db: Queryable, scope: TenantScope): Promise<MeetingRecord | null> {
  const [row] = await db
    .select()
    .from(teamMeetings)
    .where(eq(teamMeetings.municipalityId, scope.municipalityId))
    .orderBy(desc(teamMeetings.meetingDate), desc(teamMeetings.createdAt))
    .limit(1);
  return row ? toMeeting(row) : null;
}

/** Meetings with counts only (no personal data): cases, invitations sent, indstillinger recorded. */
export async function listMeetings(db: Queryable, scope: TenantScope, range: { from?: string; before?: string }) {
  const where = [eq(teamMeetings.municipalityId, scope.municipalityId)];
  if (range.from) where.push(gte(teamMeetings.meetingDate, range.from));
  if (range.before) where.push(lt(teamMeetings.meetingDate, range.before));
  return db
    .select({
      id: teamMeetings.id,
      meetingDate: teamMeetings.meetingDate,
      startTime: teamMeetings.startTime,
      place: teamMeetings.place,
      status: teamMeetings.status,
      version: teamMeetings.version,
      // The outer column is written out: in a one-table select drizzle leaves it unqualified, and the subquery's own
      // "id" would shadow it.
      caseCount: sql<number>`(select count(*)::int from ${teamAgendaItems} a where a.meeting_id = "team_meetings"."id")`,
      invitationsSent: sql<number>`(select count(*)::int from ${teamAgendaItems} a where a.meeting_id = "team_meetings"."id" and a.invitation_letter_id is not null)`,
      indstillingCount: sql<number>`(select count(distinct i.case_id)::int from ${indstillinger} i where i.meeting_id = "team_meetings"."id")`,
    })
    .from(teamMeetings)
    .where(and(...where))
    .orderBy(asc(teamMeetings.meetingDate), asc(teamMeetings.startTime));
}

/* Agenda ------------------------------------------------------------------------------------------ */

export interface AgendaRow {
  id: string;
  meetingId: string;
  caseId: string;
  position: number;
  slotStart: string;
  slotMinutes: number;
  purpose: AgendaPurpose;
  invitationLetterId: string | null;
  invitationSentAt: Date | null;
  createdAt: Date;
  caseStatus: string;
  caseVersion: number;
  citizenId: string;
  citizenName: string;
  birthDate: string;
  coordinatorName: string | null;
}

/** The agenda of a meeting, in time order, with the citizen and the coordinating caseworker of each case. */
export async function agendaOf(db: Queryable, meetingId: string): Promise<AgendaRow[]> {
  const rows = await db
    .select({
      id: teamAgendaItems.id,
      meetingId: teamAgendaItems.meetingId,
      caseId: teamAgendaItems.caseId,
      position: teamAgendaItems.position,
      slotStart: teamAgendaItems.slotStart,
      slotMinutes: teamAgendaItems.slotMinutes,
      purpose: teamAgendaItems.purpose,
      invitationLetterId: teamAgendaItems.invitationLetterId,
      invitationSentAt: letters.createdAt,
      createdAt: teamAgendaItems.createdAt,
      caseStatus: cases.status,
      caseVersion: cases.version,
      citizenId: citizens.id,
      citizenName: citizens.name,
      birthDate: citizens.birthDate,
      coordinatorName: sql<
        string | null
      >`(select u.name from ${caseCoordinators} cc join ${users} u on u.id = cc.user_id where cc.case_id = ${cases.id} and cc.to_date is null order by cc.from_date desc limit 1)`,
    })
    .from(teamAgendaItems)
    .innerJoin(cases, eq(cases.id, teamAgendaItems.caseId))
    .innerJoin(citizens, eq(citizens.id, cases.citizenId))
    .leftJoin(letters, eq(letters.id, teamAgendaItems.invitationLetterId))
    .where(eq(teamAgendaItems.meetingId, meetingId))
    .orderBy(asc(teamAgendaItems.slotStart), asc(teamAgendaItems.position));
  return rows.map((r) => ({ ...r, purpose: r.purpose as AgendaPurpose }));
}

export async function insertAgendaItem(
  db: Queryable,
  v: {
    meetingId: string;
    caseId: string;
    position: number;
    slotStart: string;
    slotMinutes: number;
    purpose: AgendaPurpose;
  },
): Promise<string> {
  const [row] = await db.insert(teamAgendaItems).values(v).returning({ id: teamAgendaItems.id });
  return row!.id;
}

export async function deleteAgendaItem(db: Queryable, id: string): Promise<void> {
  await db.delete(teamAgendaItems).where(eq(teamAgendaItems.id, id));
}

export async function updateAgendaSlot(
  db: Queryable,
  id: string,
  v: { slotStart: string; slotMinutes: number; clearInvitation: boolean },
): Promise<void> {
  await db
    .update(teamAgendaItems)
    .set({
      slotStart: v.slotStart,
      slotMinutes: v.slotMinutes,
      ...(v.clearInvitation ? { invitationLetterId: null } : {}),
    })
    .where(eq(teamAgendaItems.id, id));
}

/** Invitations sent before a change of date, time or place no longer hold; the item shows "not sent" again. */
export async function clearInvitations(db: Queryable, meetingId: string): Promise<void> {
  await db.update(teamAgendaItems).set({ invitationLetterId: null }).where(eq(teamAgendaItems.meetingId, meetingId));
}

export async function setInvitationLetter(db: Queryable, itemId: string, letterId: string): Promise<void> {
  await db.update(teamAgendaItems).set({ invitationLetterId: letterId }).where(eq(teamAgendaItems.id, itemId));
}

/** true when the letter is the current invitation of an item on the meeting (in the municipality). */
export async function isInvitationOfMeeting(db: Queryable, scope: TenantScope, meetingId: string, letterId: string) {
  const [row] = await db
    .select({ id: teamAgendaItems.id })
    .from(teamAgendaItems)
    .innerJoin(teamMeetings, eq(teamMeetings.id, teamAgendaItems.meetingId))
    .where(
      and(
        eq(teamAgendaItems.meetingId, meetingId),
        eq(teamAgendaItems.invitationLetterId, letterId),
        eq(teamMeetings.municipalityId, scope.municipalityId),
      ),
    );
  return Boolean(row);
}

/** Invitations to the case sent since the item was created (a cleared one is out of date). */
export async function invitationLettersOfCase(db: Queryable, caseId: string, since: Date) {
  return db
    .select({ id: letters.id, createdAt: letters.createdAt })
    .from(letters)
    .where(and(eq(letters.caseId, caseId), eq(letters.kind, "invitation"), gte(letters.createdAt, since)))
    .orderBy(desc(letters.createdAt));
}

/** Minutes letters sent for the cases, newest first. */
export async function minutesLettersOf(db: Queryable, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({ id: letters.id, caseId: letters.caseId, createdAt: letters.createdAt })
    .from(letters)
    .where(and(inArray(letters.caseId, caseIds), eq(letters.kind, "minutes")))
    .orderBy(desc(letters.createdAt));
}

/** The agenda item of a case on a meeting of the municipality, or null. */
export async function findAgendaItem(db: Queryable, scope: TenantScope, meetingId: string, caseId: string) {
  const [row] = await db
    .select({
      id: teamAgendaItems.id,
      meetingId: teamAgendaItems.meetingId,
      caseId: teamAgendaItems.caseId,
      slotStart: teamAgendaItems.slotStart,
      slotMinutes: teamAgendaItems.slotMinutes,
      purpose: teamAgendaItems.purpose,
      invitationLetterId: teamAgendaItems.invitationLetterId,
      createdAt: teamAgendaItems.createdAt,
    })
    .from(teamAgendaItems)
    .innerJoin(teamMeetings, eq(teamMeetings.id, teamAgendaItems.meetingId))
    .where(
      and(
        eq(teamAgendaItems.meetingId, meetingId),
        eq(teamAgendaItems.caseId, caseId),
        eq(teamMeetings.municipalityId, scope.municipalityId),
      ),
    );
  return row ? { ...row, purpose: row.purpose as AgendaPurpose } : null;
}

/** The highest position used on the meeting's agenda (0 when empty). */
export async function maxPosition(db: Queryable, meetingId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number>`coalesce(max(${teamAgendaItems.position}), 0)::int` })
    .from(teamAgendaItems)
    .where(eq(teamAgendaItems.meetingId, meetingId));
  return row?.max ?? 0;
}

/**
 * Locks the case row for the rest of the transaction and returns its status and version: concurrent agenda and
 * indstilling changes to one case are serialised, and the version comparison cannot be raced.
 */
export async function lockCase(db: Queryable, scope: TenantScope, caseId: string) {
  const [row] = await db
    .select({ id: cases.id, status: cases.status, version: cases.version, citizenId: cases.citizenId })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.municipalityId, scope.municipalityId)))
    .for("update");
  return row ?? null;
}

/** Locks the meeting row (agenda changes of one meeting are serialised). */
export async function lockMeeting(db: Queryable, scope: TenantScope, id: string): Promise<MeetingRecord | null> {
  const [row] = await db
    .select()
    .from(teamMeetings)
    .where(and(eq(teamMeetings.id, id), eq(teamMeetings.municipalityId, scope.municipalityId)))
    .for("update");
  return row ? toMeeting(row) : null;
}

/* Letters: recipient, network (P-9), coordinator ---------------------------------------------------- */

export async function letterFacts(db: Queryable, scope: TenantScope, caseId: string) {
  const [row] = await db
    .select({
      citizenId: citizens.id,
      name: citizens.name,
      address: citizens.address,
      postalCode: citizens.postalCode,
      city: citizens.city,
      birthDate: citizens.birthDate,
    })
    .from(cases)
    .innerJoin(citizens, eq(citizens.id, cases.citizenId))
    .where(and(eq(cases.id, caseId), eq(cases.municipalityId, scope.municipalityId)));
  if (!row) return null;
  const network = await db
    .select({ name: networkPersons.name, relation: networkPersons.relation })
    .from(networkPersons)
    .where(eq(networkPersons.citizenId, row.citizenId))
    .orderBy(asc(networkPersons.position));
  const [coordinator] = await db
    .select({ name: users.name, email: users.email, unit: caseCoordinators.unit })
    .from(caseCoordinators)
    .innerJoin(users, eq(users.id, caseCoordinators.userId))
    .where(and(eq(caseCoordinators.caseId, caseId), isNull(caseCoordinators.toDate)))
    .orderBy(desc(caseCoordinators.fromDate))
    .limit(1);
  return { citizen: row, network, coordinator: coordinator ?? null };
}

/* Indstillinger ------------------------------------------------------------------------------------- */

export async function insertIndstilling(
  db: Queryable,
  v: {
    caseId: string;
    meetingId: string;
    recommendation: Recommendation;
    recommendedMonths: number | null;
    interventions: Record<string, string[]>;
    reasons: string;
    seeAgain: boolean;
    seeAgainNote: string | null;
    recordedBy: string | null;
  },
): Promise<{ id: string; recordedAt: Date }> {
  const [row] = await db
    .insert(indstillinger)
    .values(v)
    .returning({ id: indstillinger.id, recordedAt: indstillinger.recordedAt });
  return row!;
}

async function selectIndstillinger(db: Queryable, scope: TenantScope, where: SQL): Promise<Indstilling[]> {
  const rows = await db
    .select({
      id: indstillinger.id,
      caseId: indstillinger.caseId,
      meetingId: indstillinger.meetingId,
      meetingDate: teamMeetings.meetingDate,
      purpose: teamAgendaItems.purpose,
      recommendation: indstillinger.recommendation,
      recommendedMonths: indstillinger.recommendedMonths,
      interventions: indstillinger.interventions,
      reasons: indstillinger.reasons,
      seeAgain: indstillinger.seeAgain,
      seeAgainNote: indstillinger.seeAgainNote,
      recordedBy: indstillinger.recordedBy,
      recordedByName: users.name,
      recordedAt: indstillinger.recordedAt,
    })
    .from(indstillinger)
    .innerJoin(teamMeetings, eq(teamMeetings.id, indstillinger.meetingId))
    .leftJoin(
      teamAgendaItems,
      and(eq(teamAgendaItems.meetingId, indstillinger.meetingId), eq(teamAgendaItems.caseId, indstillinger.caseId)),
    )
    .leftJoin(users, eq(users.id, indstillinger.recordedBy))
    .where(and(where, eq(teamMeetings.municipalityId, scope.municipalityId)))
    .orderBy(desc(indstillinger.recordedAt), desc(indstillinger.id));
  return rows.map((r) => {
    const { interventions, otherText } = splitInterventions(r.interventions);
    return {
      id: r.id,
      caseId: r.caseId,
      meetingId: r.meetingId,
      meetingDate: r.meetingDate,
      // The agenda item cannot be removed once it has an indstilling, so the purpose is always there.
      purpose: (r.purpose ?? "firstPresentation") as AgendaPurpose,
      recommendation: r.recommendation as Recommendation,
      otherText,
      recommendedMonths: r.recommendedMonths,
      interventions,
      reasons: r.reasons,
      seeAgain: r.seeAgain,
      seeAgainNote: r.seeAgainNote,
      recordedBy: r.recordedBy,
      recordedByName: r.recordedByName,
      recordedAt: r.recordedAt,
    };
  });
}

/**
 * The indstillinger of a case in the municipality, newest first, each with the purpose of the agenda item it was
 * given on. Every recording is kept; the newest is the one in force.
 */
export async function indstillingerOf(db: Queryable, scope: TenantScope, caseId: string): Promise<Indstilling[]> {
  return selectIndstillinger(db, scope, eq(indstillinger.caseId, caseId));
}

/** The latest indstilling per case given on a meeting (for the agenda, the minutes and the API). */
export async function indstillingerOfMeeting(
  db: Queryable,
  scope: TenantScope,
  meetingId: string,
): Promise<Map<string, Indstilling>> {
  const out = new Map<string, Indstilling>();
  for (const i of await selectIndstillinger(db, scope, eq(indstillinger.meetingId, meetingId))) {
    if (!out.has(i.caseId)) out.set(i.caseId, i);
  }
  return out;
}
