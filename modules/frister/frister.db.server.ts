import { and, asc, desc, eq, inArray, isNull, lte, notInArray, sql } from "drizzle-orm";
import type { Queryable } from "~/platform/db/client.server";
import {
  appeals,
  caseCoordinators,
  cases,
  citizens,
  conversations,
  deadlines,
  forloeb,
  forloebPeriods,
  indstillinger,
  interventionRecords,
  mentorGrants,
  municipalitySettings,
  planRevisions,
  plans,
  teamMeetings,
  users,
} from "~/platform/db/schema";
import type { ComputedDeadline, DeadlineFacts } from "./deadlines";

export const DEFAULT_SETTINGS = { conversationIntervalDays: 60, teamLeadWeeks: 8, dueSoonDays: 14, decisionDays: 14 };

export async function settingsOf(db: Queryable, municipalityId: string) {
  const [row] = await db
    .select()
    .from(municipalitySettings)
    .where(eq(municipalitySettings.municipalityId, municipalityId));
  return (
    row ?? { ...DEFAULT_SETTINGS, municipalityId, virksomhedsrettetTargetPct: 30, mentorTargetPct: 50, version: 0 }
  );
}

/** Everything the rules need to compute one case's deadlines. */
export async function loadDeadlineFacts(
  db: Queryable,
  caseId: string,
  asOf: string,
): Promise<{ facts: DeadlineFacts; municipalityId: string; coordinatorUserId: string | null } | null> {
  const [c] = await db
    .select({ id: cases.id, status: cases.status, municipalityId: cases.municipalityId, birthDate: citizens.birthDate })
    .from(cases)
    .innerJoin(citizens, eq(citizens.id, cases.citizenId))
    .where(eq(cases.id, caseId));
  if (!c) return null;
  const [fl] = await db.select().from(forloeb).where(eq(forloeb.caseId, caseId));
  const periods = await db.select().from(forloebPeriods).where(eq(forloebPeriods.caseId, caseId));
  const records = await db.select().from(interventionRecords).where(eq(interventionRecords.caseId, caseId));
  const [rev] = await db
    .select({ content: planRevisions.content })
    .from(plans)
    .innerJoin(
      planRevisions,
      and(eq(planRevisions.planId, plans.id), eq(planRevisions.revision, plans.currentRevision)),
    )
    .where(eq(plans.caseId, caseId));
  const inPlan = new Set(
    ((rev?.content as { interventions?: { id: string }[] } | undefined)?.interventions ?? []).map((i) => i.id),
  );
  const convs = await db
    .select()
    .from(conversations)
    .where(eq(conversations.caseId, caseId))
    .orderBy(asc(conversations.date));
  const grants = await db.select().from(mentorGrants).where(eq(mentorGrants.caseId, caseId));
  const renewed = new Set(grants.map((g) => g.renewalOf).filter(Boolean));
  const caseAppeals = await db.select().from(appeals).where(eq(appeals.caseId, caseId));
  const [ind] = await db
    .select({ recordedAt: indstillinger.recordedAt, meetingDate: teamMeetings.meetingDate })
    .from(indstillinger)
    .innerJoin(teamMeetings, eq(teamMeetings.id, indstillinger.meetingId))
    .where(eq(indstillinger.caseId, caseId))
    .orderBy(desc(indstillinger.recordedAt))
    .limit(1);
  const [coord] = await db
    .select({ userId: caseCoordinators.userId })
    .from(caseCoordinators)
    .where(and(eq(caseCoordinators.caseId, caseId), isNull(caseCoordinators.toDate)))
    .orderBy(desc(caseCoordinators.fromDate))
    .limit(1);
  const settings = await settingsOf(db, c.municipalityId);
  return {
    municipalityId: c.municipalityId,
    coordinatorUserId: coord?.userId ?? null,
    facts: {
      asOf,
      birthDate: c.birthDate,
      caseStatus: c.status,
      forloeb: fl
        ? {
            id: fl.id,
            start: fl.startDate,
            plannedEnd: fl.plannedEnd,
            decidedOn: fl.decidedOn,
            nextStepDecidedOn: fl.nextStepDecidedOn,
            endedOn: fl.endedOn,
          }
        : null,
      periods: periods.map((p) => ({ kind: p.kind, from: p.fromDate, to: p.toDate })),
      interventions: records.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        start: r.status === "onHold" ? null : r.startDate,
        plannedEnd: r.plannedEnd,
        end: r.endDate,
        inPlan: r.planItemId !== null && inPlan.has(r.planItemId),
      })),
      conversations: convs.map((v) => ({ date: v.date, mode: v.mode, status: v.status, nextAgreedOn: v.nextAgreedOn })),
      mentorGrants: grants.map((g) => ({
        id: g.id,
        mentorName: g.mentorName,
        from: g.fromDate,
        to: g.toDate,
        renewed: renewed.has(g.id),
      })),
      appeals: caseAppeals.map((a) => ({
        id: a.id,
        subject: a.subject,
        receivedOn: a.receivedOn,
        reassessedOn: a.reassessedOn,
        forwardedOn: a.forwardedOn,
      })),
      indstilling: ind ? { meetingDate: ind.meetingDate, recordedOn: ind.recordedAt.toISOString().slice(0, 10) } : null,
      settings: {
        conversationIntervalDays: settings.conversationIntervalDays,
        teamLeadWeeks: settings.teamLeadWeeks,
        decisionDays: settings.decisionDays,
      },
    },
  };
}

/** Replaces the stored deadlines of a case with a fresh computation. */
export async function storeDeadlines(
  db: Queryable,
  caseId: string,
  municipalityId: string,
  userId: string | null,
  computed: ComputedDeadline[],
): Promise<void> {
  const keys = computed.map((d) => `${d.kind}|${d.refId}`);
  const existing = await db
    .select({ id: deadlines.id, kind: deadlines.kind, refId: deadlines.refId })
    .from(deadlines)
    .where(eq(deadlines.caseId, caseId));
  const stale = existing.filter((e) => !keys.includes(`${e.kind}|${e.refId}`)).map((e) => e.id);
  if (stale.length > 0) await db.delete(deadlines).where(inArray(deadlines.id, stale));
  for (const d of computed) {
    const values = {
      municipalityId,
      caseId,
      userId,
      kind: d.kind,
      refId: d.refId,
      dueDate: d.dueDate,
      metOn: d.metOn,
      title: d.title,
      anchor: d.anchor,
      ruleId: d.ruleId,
      explanation: d.explanation,
      computedAt: new Date(),
    };
    await db
      .insert(deadlines)
      .values(values)
      .onConflictDoUpdate({ target: [deadlines.caseId, deadlines.kind, deadlines.refId], set: values });
  }
}

export type DeadlineRow = typeof deadlines.$inferSelect & {
  citizenId: string;
  citizenName: string;
  coordinatorName: string | null;
};

const withNames = {
  deadline: deadlines,
  citizenId: cases.citizenId,
  citizenName: citizens.name,
  coordinatorName: users.name,
};

/** Open deadlines due by a date, for one user or the whole municipality; overdue first. */
export async function openDeadlines(
  db: Queryable,
  q: { municipalityId: string; userId?: string; dueBy: string; kinds?: string[] },
): Promise<DeadlineRow[]> {
  const where = [
    eq(deadlines.municipalityId, q.municipalityId),
    isNull(deadlines.metOn),
    lte(deadlines.dueDate, q.dueBy),
  ];
  if (q.userId) where.push(eq(deadlines.userId, q.userId));
  if (q.kinds) where.push(inArray(deadlines.kind, q.kinds));
  const rows = await db
    .select(withNames)
    .from(deadlines)
    .innerJoin(cases, eq(cases.id, deadlines.caseId))
    .innerJoin(citizens, eq(citizens.id, cases.citizenId))
    .leftJoin(users, eq(users.id, deadlines.userId))
    .where(and(...where))
    .orderBy(asc(deadlines.dueDate), asc(citizens.name));
  return rows.map((r) => ({
    ...r.deadline,
    citizenId: r.citizenId,
    citizenName: r.citizenName,
    coordinatorName: r.coordinatorName,
  }));
}

export async function deadlinesOfCase(db: Queryable, caseId: string) {
  return db.select().from(deadlines).where(eq(deadlines.caseId, caseId)).orderBy(asc(deadlines.dueDate));
}

/** Counts per caseworker for the leader's view: open, overdue. */
export async function countsPerCaseworker(db: Queryable, municipalityId: string, today: string) {
  return db
    .select({
      userId: deadlines.userId,
      name: users.name,
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${deadlines.dueDate} < ${today})::int`,
    })
    .from(deadlines)
    .leftJoin(users, eq(users.id, deadlines.userId))
    .where(and(eq(deadlines.municipalityId, municipalityId), isNull(deadlines.metOn)))
    .groupBy(deadlines.userId, users.name)
    .orderBy(asc(users.name));
}

/** Every case that should have deadlines (for a full recompute, e.g. after a settings change). */
export async function activeCaseIds(db: Queryable): Promise<string[]> {
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(notInArray(cases.status, ["refused", "notConsidered", "ended"]));
  return rows.map((r) => r.id);
}

/**
 * Ended forløb that never got their deadlines stored (imported or generated history): ST-5 reads the indsatsgaranti
 * row of every forløb, so these are computed once, as of the day the forløb ended.
 */
export async function endedCasesWithoutDeadlines(db: Queryable): Promise<{ id: string; endedOn: string }[]> {
  return db
    .select({ id: cases.id, endedOn: sql<string>`${forloeb.endedOn}::text` })
    .from(cases)
    .innerJoin(forloeb, eq(forloeb.caseId, cases.id))
    .where(
      and(
        eq(cases.status, "ended"),
        sql`${forloeb.endedOn} is not null`,
        sql`not exists (select 1 from ${deadlines} d where d.case_id = ${cases.id})`,
      ),
    )
    .orderBy(asc(cases.id));
}
