import { and, asc, desc, eq, isNull, lt } from "drizzle-orm";
import type { Queryable } from "../db/client.server";
import { apiTokens, appSettings, citizens, municipalities, sessions, users, type Role } from "../db/schema";
import type { Actor } from "./actor";
import { randomToken, sha256 } from "./tokens";

const actorColumns = {
  id: users.id,
  name: users.name,
  role: users.role,
  unit: users.unit,
  citizenId: users.citizenId,
  municipalityId: users.municipalityId,
  municipalityCode: municipalities.code,
  municipalityName: municipalities.name,
};

function toActor(row: {
  id: string;
  name: string;
  role: Role;
  unit: string | null;
  citizenId: string | null;
  municipalityId: string;
  municipalityCode: string;
  municipalityName: string;
}): Actor {
  return { type: "user", ...row };
}

export async function findActorByUserId(db: Queryable, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(users)
    .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(and(eq(users.id, userId), eq(users.active, true)));
  return row ? toActor(row) : null;
}

export async function findActorByOidcSubject(db: Queryable, subject: string): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(users)
    .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(and(eq(users.oidcSubject, subject), eq(users.active, true)));
  return row ? toActor(row) : null;
}

export async function listDemoUsers(db: Queryable) {
  return db
    .select({ ...actorColumns })
    .from(users)
    .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(and(eq(users.isDemo, true), eq(users.active, true)))
    .orderBy(desc(municipalities.code), asc(users.role), asc(users.name));
}

/** Creates a session and returns the cookie token; only its hash is stored. */
export async function createSession(db: Queryable, userId: string, idleMinutes: number): Promise<string> {
  const token = randomToken();
  await db.insert(sessions).values({
    idHash: sha256(token),
    userId,
    expiresAt: new Date(Date.now() + idleMinutes * 60_000),
  });
  return token;
}

/**
 * Resolves a session token and slides its idle timeout. Expired sessions are deleted.
 * The write is skipped when the session was touched in the last minute, to keep reads cheap.
 */
export async function resolveSession(db: Queryable, token: string, idleMinutes: number): Promise<Actor | null> {
  const idHash = sha256(token);
  const [row] = await db
    .select({ ...actorColumns, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(and(eq(sessions.idHash, idHash), eq(users.active, true)));
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (now - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now), expiresAt: new Date(now + idleMinutes * 60_000) })
      .where(eq(sessions.idHash, idHash));
  }
  const { expiresAt: _e, lastSeenAt: _l, ...actor } = row;
  return toActor(actor);
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sha256(token)));
}

export async function deleteExpiredSessions(db: Queryable): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

/** API tokens look like `rf_<prefix>_<secret>`; the prefix is shown in lists so admins can tell them apart. */
export async function createApiToken(
  db: Queryable,
  input: { municipalityId: string; role: Role; name: string; createdBy: string | null },
): Promise<{ id: string; token: string; prefix: string }> {
  const prefix = randomToken(6);
  const token = `rf_${prefix}_${randomToken(32)}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ ...input, tokenHash: sha256(token), tokenPrefix: prefix })
    .returning({ id: apiTokens.id });
  return { id: row!.id, token, prefix };
}

export async function resolveApiToken(db: Queryable, token: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      municipalityId: apiTokens.municipalityId,
      municipalityCode: municipalities.code,
      municipalityName: municipalities.name,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(municipalities, eq(municipalities.id, apiTokens.municipalityId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  }
  return {
    type: "token",
    id: row.id,
    name: `API: ${row.name}`,
    role: row.role,
    municipalityId: row.municipalityId,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
    citizenId: null,
    unit: null,
  };
}

export async function listApiTokens(db: Queryable, municipalityId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      prefix: apiTokens.tokenPrefix,
      createdAt: apiTokens.createdAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.municipalityId, municipalityId))
    .orderBy(asc(apiTokens.createdAt));
}

/** Revokes a token of the admin's own municipality; returns false when there is none to revoke. */
export async function revokeApiToken(
  db: Queryable,
  input: { id: string; municipalityId: string; revokedBy: string | null },
): Promise<{ name: string } | null> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date(), revokedBy: input.revokedBy })
    .where(
      and(eq(apiTokens.id, input.id), eq(apiTokens.municipalityId, input.municipalityId), isNull(apiTokens.revokedAt)),
    )
    .returning({ name: apiTokens.name });
  return row ?? null;
}

/** Reads a persisted setting, creating it with `create()` the first time. */
export async function getOrCreateSetting(db: Queryable, key: string, create: () => string): Promise<string> {
  await db.insert(appSettings).values({ key, value: create() }).onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, key));
  return row!.value;
}

/**
 * First MitID login of a citizen: the identity provider's CPR claim finds the citizen record,
 * and a citizen login is attached to it. Later logins find it by the OIDC subject.
 */
export async function linkCitizenLogin(db: Queryable, input: { cpr: string; subject: string }): Promise<Actor | null> {
  const [citizen] = await db
    .select({ id: citizens.id, name: citizens.name, municipalityId: citizens.municipalityId })
    .from(citizens)
    .where(eq(citizens.cpr, input.cpr))
    .orderBy(desc(citizens.updatedAt))
    .limit(1);
  if (!citizen) return null;
  const [user] = await db
    .insert(users)
    .values({
      municipalityId: citizen.municipalityId,
      role: "citizen",
      name: citizen.name,
      citizenId: citizen.id,
      oidcSubject: input.subject,
    })
    .returning({ id: users.id });
  return findActorByUserId(db, user!.id);
}

export async function findDemoUser(db: Queryable, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isDemo, true), eq(users.active, true)));
  return row ? findActorByUserId(db, row.id) : null;
}

/**
 * Demo only: stands in for MitID. The citizen with this CPR number gets (or reuses) a citizen login, as the
 * first real MitID login would create through linkCitizenLogin.
 */
export async function demoCitizenLogin(db: Queryable, cpr: string): Promise<Actor | null> {
  const [citizen] = await db
    .select({ id: citizens.id, name: citizens.name, municipalityId: citizens.municipalityId })
    .from(citizens)
    .where(eq(citizens.cpr, cpr))
    .orderBy(desc(citizens.updatedAt))
    .limit(1);
  if (!citizen) return null;
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.citizenId, citizen.id), eq(users.role, "citizen"), eq(users.active, true)));
  if (existing) return findActorByUserId(db, existing.id);
  const [user] = await db
    .insert(users)
    .values({
      municipalityId: citizen.municipalityId,
      role: "citizen",
      name: citizen.name,
      citizenId: citizen.id,
      isDemo: true,
    })
    .returning({ id: users.id });
  return findActorByUserId(db, user!.id);
}
