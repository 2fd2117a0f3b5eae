import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "~/platform/db/client.server";
import {
  afgoerelser,
  appeals,
  caseCoordinators,
  cases,
  citizens,
  conversations,
  forloeb,
  forloebPeriods,
  indstillinger,
  interventionRecords,
  jobformidlerOffers,
  mentorGrants,
  municipalities,
  networkPersons,
  planRevisions,
  plans,
  teamAgendaItems,
  teamMeetings,
  users,
} from "~/platform/db/schema";

/*
 * P-8: the only queries of the moving module. Reading is bounded by the case's municipality (the caller holds a
 * CaseAccess for it); writing creates a new case in the receiving municipality, in the caller's transaction.
 */

export interface TenantScope {
  municipalityId: string;
}

/** Everything stored about one case, as rows; the bundle is built from this. */
export async function loadCaseForExport(db: Queryable, scope: TenantScope, caseId: string) {
  const [c] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.municipalityId, scope.municipalityId)));
  if (!c) return null;
  const [municipality] = await db.select().from(municipalities).where(eq(municipalities.id, c.municipalityId));
  const [citizen] = await db.select().from(citizens).where(eq(citizens.id, c.citizenId));
  const network = await db
    .select()
    .from(networkPersons)
    .where(eq(networkPersons.citizenId, c.citizenId))
    .orderBy(asc(networkPersons.position));
  const ind = await db
    .select({ indstilling: indstillinger, meetingDate: teamMeetings.meetingDate })
    .from(indstillinger)
    .innerJoin(teamMeetings, eq(teamMeetings.id, indstillinger.meetingId))
    .where(eq(indstillinger.caseId, caseId))
    .orderBy(asc(indstillinger.recordedAt));
  const purposes = await db
    .select({ meetingId: teamAgendaItems.meetingId, purpose: teamAgendaItems.purpose })
    .from(teamAgendaItems)
    .where(eq(teamAgendaItems.caseId, caseId));
  const decisions = await db
    .select({ afgoerelse: afgoerelser, decidedByName: users.name })
    .from(afgoerelser)
    .leftJoin(users, eq(users.id, afgoerelser.decidedBy))
    .where(eq(afgoerelser.caseId, caseId))
    .orderBy(asc(afgoerelser.createdAt));
  const [fl] = await db.select().from(forloeb).where(eq(forloeb.caseId, caseId));
  const [plan] = await db.select().from(plans).where(eq(plans.caseId, caseId));
  const revisions = plan
    ? await db
        .select({ revision: planRevisions, createdByName: users.name })
        .from(planRevisions)
        .leftJoin(users, eq(users.id, planRevisions.createdBy))
        .where(eq(planRevisions.planId, plan.id))
        .orderBy(asc(planRevisions.revision))
    : [];
  const interventions = await db
    .select()
    .from(interventionRecords)
    .where(eq(interventionRecords.caseId, caseId))
    .orderBy(asc(interventionRecords.createdAt), asc(interventionRecords.id));
  const grants = await db
    .select()
    .from(mentorGrants)
    .where(eq(mentorGrants.caseId, caseId))
    .orderBy(asc(mentorGrants.fromDate), asc(mentorGrants.createdAt));
  const periods = await db
    .select()
    .from(forloebPeriods)
    .where(eq(forloebPeriods.caseId, caseId))
    .orderBy(asc(forloebPeriods.fromDate), asc(forloebPeriods.createdAt));
  const convs = await db
    .select()
    .from(conversations)
    .where(eq(conversations.caseId, caseId))
    .orderBy(asc(conversations.date), asc(conversations.time), asc(conversations.createdAt));
  const caseAppeals = await db
    .select()
    .from(appeals)
    .where(eq(appeals.caseId, caseId))
    .orderBy(asc(appeals.receivedOn), asc(appeals.createdAt));
  const coordinators = await db
    .select({ coordinator: caseCoordinators, name: users.name, email: users.email })
    .from(caseCoordinators)
    .innerJoin(users, eq(users.id, caseCoordinators.userId))
    .where(eq(caseCoordinators.caseId, caseId))
    .orderBy(asc(caseCoordinators.fromDate), asc(caseCoordinators.createdAt));
  const [jobformidler] = await db.select().from(jobformidlerOffers).where(eq(jobformidlerOffers.caseId, caseId));
  return {
    case: c,
    municipality: municipality!,
    citizen: citizen!,
    network,
    indstillinger: ind.map((r) => ({
      ...r.indstilling,
      meetingDate: r.meetingDate,
      purpose: purposes.find((p) => p.meetingId === r.indstilling.meetingId)?.purpose ?? null,
    })),
    afgoerelser: decisions.map((r) => ({ ...r.afgoerelse, decidedByName: r.decidedByName })),
    forloeb: fl ?? null,
    revisions: revisions.map((r) => ({ ...r.revision, createdByName: r.createdByName })),
    interventions,
    mentorGrants: grants,
    periods,
    conversations: convs,
    appeals: caseAppeals,
    coordinators: coordinators.map((r) => ({ ...r.coordinator, name: r.name, email: r.email })),
    jobformidler: jobformidler ?? null,
  };
}

export type ExportRows = NonNullable<Awaited<ReturnType<typeof loadCaseForExport>>>;

/* Import -------------------------------------------------------------------------------------------------------- */

export async function findCitizenByCpr(db: Queryable, scope: TenantScope, cpr: string) {
  const [row] = await db
    .select({ id: citizens.id, name: citizens.name, birthDate: citizens.birthDate })
    .from(citizens)
    .where(and(eq(citizens.municipalityId, scope.municipalityId), eq(citizens.cpr, cpr)));
  return row ?? null;
}

export async function insertCitizenWithNetwork(
  db: Queryable,
  scope: TenantScope,
  values: Omit<typeof citizens.$inferInsert, "municipalityId">,
  network: { name: string; relation: string; phone: string | null }[],
): Promise<string> {
  const [row] = await db
    .insert(citizens)
    .values({ ...values, municipalityId: scope.municipalityId })
    .returning({ id: citizens.id });
  if (network.length > 0) {
    await db.insert(networkPersons).values(network.map((p, i) => ({ ...p, citizenId: row!.id, position: i })));
  }
  return row!.id;
}

/** A forløb of the citizen in this municipality with the same dates: the bundle has been imported before. */
export async function sameForloebExists(
  db: Queryable,
  scope: TenantScope,
  citizenId: string,
  f: { startDate: string; plannedEnd: string; decidedOn: string },
): Promise<boolean> {
  const rows = await db
    .select({ id: forloeb.id })
    .from(forloeb)
    .where(
      and(
        eq(forloeb.municipalityId, scope.municipalityId),
        eq(forloeb.citizenId, citizenId),
        eq(forloeb.startDate, f.startDate),
        eq(forloeb.plannedEnd, f.plannedEnd),
        eq(forloeb.decidedOn, f.decidedOn),
      ),
    );
  return rows.length > 0;
}

/** Staff who can coordinate a case (P-6): active caseworkers and leaders of the municipality. */
export async function staffMember(db: Queryable, scope: TenantScope, userId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, unit: users.unit })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.municipalityId, scope.municipalityId),
        eq(users.active, true),
        inArray(users.role, ["caseworker", "leader"]),
      ),
    );
  return row ?? null;
}

export interface ImportRows {
  case: typeof cases.$inferInsert;
  coordinator: typeof caseCoordinators.$inferInsert;
  afgoerelser: (typeof afgoerelser.$inferInsert)[];
  forloeb: typeof forloeb.$inferInsert | null;
  plan: { id: string; currentRevision: number } | null;
  revisions: (typeof planRevisions.$inferInsert)[];
  interventions: (typeof interventionRecords.$inferInsert)[];
  mentorGrants: (typeof mentorGrants.$inferInsert)[];
  periods: (typeof forloebPeriods.$inferInsert)[];
  conversations: (typeof conversations.$inferInsert)[];
  appeals: (typeof appeals.$inferInsert)[];
  jobformidler: typeof jobformidlerOffers.$inferInsert | null;
}

/** Writes the new case and everything that follows it, with ids chosen by the caller (so references can be mapped). */
export async function insertImportedCase(db: Queryable, rows: ImportRows): Promise<void> {
  await db.insert(cases).values(rows.case);
  await db.insert(caseCoordinators).values(rows.coordinator);
  if (rows.afgoerelser.length > 0) await db.insert(afgoerelser).values(rows.afgoerelser);
  if (rows.forloeb) await db.insert(forloeb).values(rows.forloeb);
  if (rows.plan) {
    await db
      .insert(plans)
      .values({ id: rows.plan.id, caseId: rows.case.id!, currentRevision: rows.plan.currentRevision });
    if (rows.revisions.length > 0) await db.insert(planRevisions).values(rows.revisions);
  }
  if (rows.interventions.length > 0) await db.insert(interventionRecords).values(rows.interventions);
  if (rows.mentorGrants.length > 0) await db.insert(mentorGrants).values(rows.mentorGrants);
  if (rows.periods.length > 0) await db.insert(forloebPeriods).values(rows.periods);
  if (rows.conversations.length > 0) await db.insert(conversations).values(rows.conversations);
  if (rows.appeals.length > 0) await db.insert(appeals).values(rows.appeals);
  if (rows.jobformidler) await db.insert(jobformidlerOffers).values(rows.jobformidler);
}
