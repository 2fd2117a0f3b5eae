import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const ROLES = ["caseworker", "leader", "rehabteam", "analyst", "admin", "citizen"] as const;
export type Role = (typeof ROLES)[number];

export const municipalities = pgTable("municipalities", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: char("code", { length: 3 }).notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const citizens = pgTable(
  "citizens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    cpr: char("cpr", { length: 10 }).notNull(),
    birthDate: date("birth_date", { mode: "string" }).notNull(),
    sex: char("sex", { length: 1 }).notNull(),
    name: text("name").notNull(),
    address: text("address").notNull(),
    postalCode: char("postal_code", { length: 4 }).notNull(),
    city: text("city").notNull(),
    phone: text("phone"),
    email: text("email"),
    previousBenefit: text("previous_benefit").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("citizens_municipality_cpr_uq").on(t.municipalityId, t.cpr),
    index("citizens_municipality_name_idx").on(t.municipalityId, sql`lower(${t.name})`),
    check("citizens_sex_ck", sql`${t.sex} in ('M', 'K')`),
  ],
);

export const networkPersons = pgTable(
  "network_persons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    citizenId: uuid("citizen_id")
      .notNull()
      .references(() => citizens.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    relation: text("relation").notNull(),
    phone: text("phone"),
  },
  (t) => [index("network_persons_citizen_idx").on(t.citizenId)],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    role: text("role").$type<Role>().notNull(),
    name: text("name").notNull(),
    email: text("email"),
    unit: text("unit"),
    oidcSubject: text("oidc_subject").unique(),
    citizenId: uuid("citizen_id").references(() => citizens.id),
    isDemo: boolean("is_demo").notNull().default(false),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index("users_municipality_idx").on(t.municipalityId),
    check("users_role_ck", sql`${t.role} in ('caseworker', 'leader', 'rehabteam', 'analyst', 'admin', 'citizen')`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    // sha256 of the cookie token: a leaked table does not give working sessions.
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    role: text("role").$type<Role>().notNull(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    tokenPrefix: text("token_prefix").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [check("api_tokens_role_ck", sql`${t.role} in ('caseworker', 'leader', 'rehabteam', 'analyst', 'admin')`)],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorType: text("actor_type").notNull(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name").notNull(),
    actorRole: text("actor_role"),
    municipalityId: uuid("municipality_id"),
    action: text("action").notNull(),
    citizenId: uuid("citizen_id"),
    entityType: text("entity_type"),
    entityId: text("entity_id"),
    changes: jsonb("changes").$type<Record<string, { before: unknown; after: unknown }>>(),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_events_citizen_idx").on(t.citizenId, t.occurredAt),
    index("audit_events_actor_idx").on(t.actorId, t.occurredAt),
    index("audit_events_municipality_idx").on(t.municipalityId, t.occurredAt),
  ],
);

export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
