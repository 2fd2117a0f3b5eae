import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Queryable } from "../db/client.server";
import { auditEvents, citizens, users } from "../db/schema";
import type { AuditEventInput } from "./audit-event";

export interface AuditWho {
  actor: Actor | { type: "system"; name: string };
  requestId?: string;
}

/** Writes one audit event. Call it inside the same transaction as the read or change it records. */
export async function recordAudit(tx: Queryable, who: AuditWho, event: AuditEventInput): Promise<void> {
  await recordAuditMany(tx, who, [event]);
}

/** Writes several events in one statement, e.g. one per citizen shown in a list. */
export async function recordAuditMany(tx: Queryable, who: AuditWho, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  const actor = who.actor;
  const isPerson = actor.type !== "system";
  await tx.insert(auditEvents).values(
    events.map((event) => ({
      actorType: actor.type,
      actorId: isPerson ? actor.id : null,
      actorName: actor.name,
      actorRole: isPerson ? actor.role : null,
      municipalityId: event.municipalityId ?? (isPerson ? actor.municipalityId : null),
      action: event.action,
      citizenId: event.citizenId ?? null,
      entityType: event.entityType ?? null,
      entityId: event.entityId ?? null,
      changes: event.changes && Object.keys(event.changes).length > 0 ? event.changes : null,
      requestId: who.requestId ?? null,
    })),
  );
}

export interface AuditQuery {
  municipalityId: string;
  citizenId?: string;
  actorId?: string;
  from?: string;
  to?: string;
  limit: number;
  beforeId?: number;
}

export type AuditRow = typeof auditEvents.$inferSelect & { citizenName: string | null };

export async function findAuditEvents(db: Queryable, q: AuditQuery): Promise<AuditRow[]> {
  const where: SQL[] = [eq(auditEvents.municipalityId, q.municipalityId)];
  if (q.citizenId) where.push(eq(auditEvents.citizenId, q.citizenId));
  if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId));
  if (q.from) where.push(gte(auditEvents.occurredAt, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) where.push(lt(auditEvents.occurredAt, new Date(`${q.to}T23:59:59.999Z`)));
  if (q.beforeId) where.push(lt(auditEvents.id, q.beforeId));
  const rows = await db
    .select({ event: auditEvents, citizenName: citizens.name })
    .from(auditEvents)
    .leftJoin(citizens, and(eq(citizens.id, auditEvents.citizenId), eq(citizens.municipalityId, q.municipalityId)))
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(q.limit);
  return rows.map((r) => ({ ...r.event, citizenName: r.citizenName }));
}

export async function listAuditActors(db: Queryable, municipalityId: string) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.municipalityId, municipalityId))
    .orderBy(users.name);
}
