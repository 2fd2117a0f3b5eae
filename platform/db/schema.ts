import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  customType,
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

// ---- Cases: from "may need a ressourceforløb" to a running plan (issue 4) ----

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
const version = () => integer("version").notNull().default(1);

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    citizenId: uuid("citizen_id")
      .notNull()
      .references(() => citizens.id),
    status: text("status").notNull(),
    origin: text("origin").notNull(),
    applicationReceivedOn: date("application_received_on", { mode: "string" }),
    applicationText: text("application_text"),
    openedOn: date("opened_on", { mode: "string" }).notNull(),
    openedBy: uuid("opened_by").references(() => users.id),
    /** The judgement facts (legislation/judgement JudgementFactsSchema), as a draft while visitation runs. */
    judgement: jsonb("judgement").$type<Record<string, unknown>>().notNull().default({}),
    bisidderInformedOn: date("bisidder_informed_on", { mode: "string" }),
    citizenWishesForloeb: boolean("citizen_wishes_forloeb").notNull().default(false),
    /** The forberedende del of the rehabiliteringsplan, by section. */
    preparatory: jsonb("preparatory").$type<Record<string, string>>().notNull().default({}),
    citizenView: text("citizen_view"),
    citizenViewAt: timestamp("citizen_view_at", { withTimezone: true }),
    readyForTeamAt: timestamp("ready_for_team_at", { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("cases_municipality_status_idx").on(t.municipalityId, t.status),
    index("cases_citizen_idx").on(t.citizenId),
  ],
);

export const teamMeetings = pgTable(
  "team_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    meetingDate: date("meeting_date", { mode: "string" }).notNull(),
    startTime: text("start_time").notNull(),
    place: text("place").notNull(),
    /** P-2: [{ area, name, title }] */
    members: jsonb("members").$type<{ area: string; name: string; title?: string }[]>().notNull().default([]),
    status: text("status").notNull().default("planned"),
    minutesLetterId: uuid("minutes_letter_id"),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index("team_meetings_municipality_date_idx").on(t.municipalityId, t.meetingDate)],
);

export const teamAgendaItems = pgTable(
  "team_agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => teamMeetings.id, { onDelete: "cascade" }),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    position: integer("position").notNull(),
    slotStart: text("slot_start").notNull(),
    slotMinutes: integer("slot_minutes").notNull(),
    purpose: text("purpose").notNull(),
    invitationLetterId: uuid("invitation_letter_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("team_agenda_items_meeting_case_uq").on(t.meetingId, t.caseId),
    index("team_agenda_items_case_idx").on(t.caseId),
  ],
);

export const indstillinger = pgTable(
  "indstillinger",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => teamMeetings.id),
    recommendation: text("recommendation").notNull(),
    recommendedMonths: integer("recommended_months"),
    /** Recommended interventions per area: { employment: [...], education: [...], health: [...], social: [...] } */
    interventions: jsonb("interventions").$type<Record<string, string[]>>().notNull().default({}),
    reasons: text("reasons").notNull(),
    seeAgain: boolean("see_again").notNull().default(false),
    seeAgainNote: text("see_again_note"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("indstillinger_case_idx").on(t.caseId, t.recordedAt)],
);

export const afgoerelser = pgTable(
  "afgoerelser",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind").notNull(),
    decidedOn: date("decided_on", { mode: "string" }).notNull(),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    months: integer("months"),
    reasons: text("reasons").notNull(),
    /** The rules engine's explanation tree the decision rests on (legal basis in the letter). */
    explanation: jsonb("explanation").$type<unknown>(),
    indstillingId: uuid("indstilling_id").references(() => indstillinger.id),
    deviatesFromIndstilling: boolean("deviates_from_indstilling").notNull().default(false),
    citizenWished: boolean("citizen_wished").notNull().default(false),
    decidedBy: uuid("decided_by").references(() => users.id),
    letterId: uuid("letter_id"),
    createdAt: createdAt(),
  },
  (t) => [index("afgoerelser_case_idx").on(t.caseId)],
);

export const forloeb = pgTable(
  "forloeb",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .unique()
      .references(() => cases.id),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    citizenId: uuid("citizen_id")
      .notNull()
      .references(() => citizens.id),
    startDate: date("start_date", { mode: "string" }).notNull(),
    plannedEnd: date("planned_end", { mode: "string" }).notNull(),
    decidedOn: date("decided_on", { mode: "string" }).notNull(),
    afgoerelseId: uuid("afgoerelse_id").references(() => afgoerelser.id),
    status: text("status").notNull().default("active"),
    /** D-5/D-6: the next step decided before (or after) the end date; the forløb continues until it is decided. */
    nextStep: text("next_step"),
    nextStepDecidedOn: date("next_step_decided_on", { mode: "string" }),
    endedOn: date("ended_on", { mode: "string" }),
    /** E-1 outcome, E-2 kontanthjælp facts, ST-7 status three months after. */
    outcome: text("outcome"),
    endingFacts: jsonb("ending_facts").$type<Record<string, unknown>>(),
    statusAfter3Months: text("status_after_3_months"),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index("forloeb_municipality_status_idx").on(t.municipalityId, t.status),
    index("forloeb_citizen_idx").on(t.citizenId),
  ],
);

export const caseCoordinators = pgTable(
  "case_coordinators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    unit: text("unit").notNull(),
    unitKind: text("unit_kind").notNull(),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }),
    citizenConsulted: boolean("citizen_consulted").notNull().default(false),
    reason: text("reason").notNull(),
    assignedBy: uuid("assigned_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("case_coordinators_case_idx").on(t.caseId), index("case_coordinators_user_idx").on(t.userId)],
);

export const jobformidlerOffers = pgTable("jobformidler_offers", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => cases.id),
  informedOn: date("informed_on", { mode: "string" }),
  answer: text("answer").notNull().default("undecided"),
  answeredOn: date("answered_on", { mode: "string" }),
  name: text("name"),
  phone: text("phone"),
  email: text("email"),
  tasks: text("tasks"),
  agreements: text("agreements"),
  isMentor: boolean("is_mentor").notNull().default(false),
  version: version(),
  updatedAt: updatedAt(),
});

export const plans = pgTable("plans", {
  id: uuid("id").primaryKey().defaultRandom(),
  caseId: uuid("case_id")
    .notNull()
    .unique()
    .references(() => cases.id),
  currentRevision: integer("current_revision").notNull().default(0),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const planRevisions = pgTable(
  "plan_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id),
    revision: integer("revision").notNull(),
    /** The whole indsatsdel at this revision (modules/plan PlanContent). Never updated. */
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    changeNote: text("change_note"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("plan_revisions_plan_revision_uq").on(t.planId, t.revision)],
);

export const letters = pgTable(
  "letters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    citizenId: uuid("citizen_id").references(() => citizens.id),
    caseId: uuid("case_id").references(() => cases.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    pdf: bytea("pdf").notNull(),
    sha256: text("sha256").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("letters_citizen_idx").on(t.citizenId, t.createdAt), index("letters_case_idx").on(t.caseId)],
);

export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    letterId: uuid("letter_id")
      .notNull()
      .references(() => letters.id),
    /** One send per letter and recipient: a retry finds the same key and never sends twice. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    channel: text("channel").notNull(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    externalRef: text("external_ref"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_status_next_idx").on(t.status, t.nextAttemptAt)],
);

export const citizenRequests = pgTable(
  "citizen_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    citizenId: uuid("citizen_id")
      .notNull()
      .references(() => citizens.id),
    caseId: uuid("case_id").references(() => cases.id),
    kind: text("kind").notNull(),
    message: text("message").notNull(),
    createdAt: createdAt(),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    handledBy: uuid("handled_by").references(() => users.id),
  },
  (t) => [index("citizen_requests_case_idx").on(t.caseId, t.handledAt)],
);

export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    date: date("date", { mode: "string" }).notNull(),
    time: text("time"),
    mode: text("mode").notNull(),
    status: text("status").notNull().default("planned"),
    /** mentor, jobformidler, network, bisidder */
    participants: jsonb("participants").$type<string[]>().notNull().default([]),
    notes: text("notes"),
    nextAgreedOn: date("next_agreed_on", { mode: "string" }),
    /** FU-4: contact attempts and the reasonable-ground assessment after a no-show (legislation Fu4NonAttendanceSchema). */
    nonAttendance: jsonb("non_attendance").$type<Record<string, unknown>>(),
    sanctionProposedOn: date("sanction_proposed_on", { mode: "string" }),
    requestId: uuid("request_id").references(() => citizenRequests.id),
    createdBy: uuid("created_by").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("conversations_case_date_idx").on(t.caseId, t.date)],
);

// ---- Running the forløb (issue 5) ----

/** Each municipality's own policies: follow-up interval, lead time to the team, what "due soon" means. */
export const municipalitySettings = pgTable("municipality_settings", {
  municipalityId: uuid("municipality_id")
    .primaryKey()
    .references(() => municipalities.id),
  /** FU-1: days between conversations after the first 6 months (Herning: at least 6 a year; Halsnæs: every 2 months). */
  conversationIntervalDays: integer("conversation_interval_days").notNull().default(60),
  /** D-6: weeks before the end date by which the case must be before the team. */
  teamLeadWeeks: integer("team_lead_weeks").notNull().default(8),
  dueSoonDays: integer("due_soon_days").notNull().default(14),
  /** P-4: the decision comes "as soon as possible" after the indstilling; the municipality's own limit in days. */
  decisionDays: integer("decision_days").notNull().default(14),
  /** ST-4: the municipality's target for the share with an employment-oriented intervention (seed 004: 30 %). */
  virksomhedsrettetTargetPct: integer("virksomhedsrettet_target_pct").notNull().default(30),
  mentorTargetPct: integer("mentor_target_pct").notNull().default(50),
  version: version(),
  updatedAt: updatedAt(),
});

/** The actual start and stop of an intervention from the plan (IG-1 counts only these, when in the plan). */
export const interventionRecords = pgTable(
  "intervention_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    /** The intervention's stable id in the plan revisions; null for an intervention not (yet) in the plan. */
    planItemId: text("plan_item_id"),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    provider: text("provider"),
    isOffer: boolean("is_offer").notNull().default(true),
    offeredOn: date("offered_on", { mode: "string" }),
    startDate: date("start_date", { mode: "string" }),
    plannedEnd: date("planned_end", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    status: text("status").notNull().default("planned"),
    /** SK-1/SK-2: written notice of the sundhedskoordinator right; its use before or during the offer. */
    skNoticeOn: date("sk_notice_on", { mode: "string" }),
    skRequestedOn: date("sk_requested_on", { mode: "string" }),
    skDecidedOn: date("sk_decided_on", { mode: "string" }),
    skDecision: text("sk_decision"),
    /** VP-1..VP-4 for virksomhedspraktik: company, hours, focus, virksomhedscenter, mentor, extensions. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid("created_by").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("intervention_records_case_idx").on(t.caseId, t.startDate)],
);

/** MT-1..MT-3: a mentor grant of at most 6 months, with prioritised goals; renewals point to the earlier grant. */
export const mentorGrants = pgTable(
  "mentor_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    mentorName: text("mentor_name").notNull(),
    mentorContact: text("mentor_contact"),
    role: text("role").notNull(),
    goals: jsonb("goals").$type<string[]>().notNull().default([]),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }).notNull(),
    renewalOf: uuid("renewal_of"),
    assessment: text("assessment"),
    createdBy: uuid("created_by").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index("mentor_grants_case_idx").on(t.caseId, t.toDate)],
);

/** Facts over time that move deadlines: barsel, fritagelse, standby, ordinaryWork, stu, khe15, sickness. */
export const forloebPeriods = pgTable(
  "forloeb_periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind").notNull(),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }).notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index("forloeb_periods_case_idx").on(t.caseId, t.fromDate)],
);

/**
 * Deadlines as computed by the rules engine, stored so "Mine frister" is one indexed query. Rewritten in the
 * same transaction as any change that moves them; status (due soon, overdue) is judged against today on read.
 */
export const deadlines = pgTable(
  "deadlines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    /** The coordinator responsible when computed. */
    userId: uuid("user_id").references(() => users.id),
    kind: text("kind").notNull(),
    /** Distinguishes several deadlines of one kind (a mentor grant, a placement, an appeal). */
    refId: text("ref_id").notNull().default(""),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    metOn: date("met_on", { mode: "string" }),
    title: text("title").notNull(),
    /** Where in the case the deadline is handled, e.g. "samtaler". */
    anchor: text("anchor").notNull(),
    ruleId: text("rule_id").notNull(),
    explanation: jsonb("explanation").$type<unknown>(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deadlines_case_kind_ref_uq").on(t.caseId, t.kind, t.refId),
    index("deadlines_user_due_idx").on(t.userId, t.metOn, t.dueDate),
    index("deadlines_municipality_due_idx").on(t.municipalityId, t.metOn, t.dueDate),
  ],
);

/** A-1..A-3: an appeal of a decision or an intervention, its re-assessment and Ankestyrelsen's outcome. */
export const appeals = pgTable(
  "appeals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    afgoerelseId: uuid("afgoerelse_id").references(() => afgoerelser.id),
    interventionRecordId: uuid("intervention_record_id").references(() => interventionRecords.id),
    subject: text("subject").notNull(),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    decisionReceivedOn: date("decision_received_on", { mode: "string" }),
    reassessedOn: date("reassessed_on", { mode: "string" }),
    reassessmentResult: text("reassessment_result"),
    forwardedOn: date("forwarded_on", { mode: "string" }),
    outcome: text("outcome"),
    outcomeOn: date("outcome_on", { mode: "string" }),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index("appeals_case_idx").on(t.caseId)],
);

/** Y-5: rates an admin enters for a year missing from the built-in table, with their source. Never edited. */
export const ydelseRates = pgTable(
  "ydelse_rates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year").notNull(),
    category: text("category").notNull(),
    amount: integer("amount").notNull(),
    law: text("law").notNull(),
    paragraph: text("paragraph").notNull(),
    source: text("source").notNull(),
    enteredBy: uuid("entered_by").references(() => users.id),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("ydelse_rates_year_idx").on(t.year, t.category, t.enteredAt)],
);

/**
 * ST-6: population aged 16-66 per municipality and year, entered or imported by an admin. The ST-2 age bands are
 * optional; when given, all four are given and add up to the total (checked by modules/statistik before saving).
 */
export const populationFigures = pgTable(
  "population_figures",
  {
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    year: integer("year").notNull(),
    age16to66: integer("age_16_to_66").notNull(),
    age16to29: integer("age_16_to_29"),
    age30to39: integer("age_30_to_39"),
    age40to49: integer("age_40_to_49"),
    age50to66: integer("age_50_to_66"),
    source: text("source").notNull(),
    /** Who entered or imported the figures; null for figures written by the data generator. */
    enteredBy: uuid("entered_by").references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("population_figures_uq").on(t.municipalityId, t.year),
    check("population_figures_nonneg_ck", sql`${t.age16to66} >= 0`),
  ],
);

/** The municipalities a user last chose to compare with on the statistics pages (ST-1..ST-7). */
export const statisticsComparisonSets = pgTable("statistics_comparison_sets", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  municipalityCodes: jsonb("municipality_codes").$type<string[]>().notNull().default([]),
  updatedAt: updatedAt(),
});

/**
 * One row whose version is bumped by statement triggers (migration 0004) on every table the statistics read, in the
 * writer's own transaction: the statistics cache is keyed on it, so a cached figure is never older than the data.
 */
export const statisticsDataVersion = pgTable(
  "statistics_data_version",
  {
    id: integer("id").primaryKey().default(1),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("statistics_data_version_one_row_ck", sql`${t.id} = 1`)],
);
