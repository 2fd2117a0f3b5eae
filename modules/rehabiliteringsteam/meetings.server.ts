import { listCasesByStatus } from "~/modules/cases/index.server";
import { diffFields } from "~/platform/audit/audit-event";
import { recordAudit, recordAuditMany } from "~/platform/audit/audit.db.server";
import type { Actor } from "~/platform/auth/actor";
import { assertCan, can } from "~/platform/auth/permissions";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom, isUuid, type FieldErrors } from "~/platform/validation";
import { MeetingInput } from "./inputs";
import {
  agendaOf,
  clearInvitations,
  findMeeting,
  indstillingerOfMeeting,
  insertMeeting,
  invitationLettersOfCase,
  latestMeeting,
  listMeetings,
  lockMeeting,
  minutesLettersOf,
  updateAgendaSlot,
  updateMeetingIfVersion,
  type AgendaRow,
  type MeetingRecord,
} from "./team.db.server";
import {
  AGENDA_SOURCE_STATUSES,
  ageOn,
  DEFAULT_SLOT_MINUTES,
  defaultSlotMinutes,
  MEMBER_AREA_KEYS,
  MEMBER_AREAS,
  minutesOfDay,
  missingRequiredAreas,
  overlappingSlots,
  slotEnd,
  teamExistsOn,
  timeOfDay,
  uuHint,
  type Indstilling,
  type TeamMember,
} from "./team";

export type { MeetingRecord };

const scopeOf = (ctx: UseCaseContext) => ({ municipalityId: ctx.actor.municipalityId });

/**
 * Who sees a meeting: caseworkers and leaders (team.manage) all of the municipality's meetings; a member of the team
 * (team.view only) the meetings from today on, so a case is open to the team only while it is before the team.
 */
export function meetingVisible(actor: Pick<Actor, "role">, meetingDate: string, asOf: string): boolean {
  return can(actor, "team.manage") || meetingDate >= asOf;
}

function auditShape(m: { meetingDate: string; startTime: string; place: string; members: TeamMember[] }) {
  return {
    meetingDate: m.meetingDate,
    startTime: m.startTime,
    place: m.place,
    members: m.members.map(
      (x) => `${MEMBER_AREAS[x.area]?.label ?? x.area}: ${x.name}${x.title ? ` (${x.title})` : ""}`,
    ),
  };
}

export type SaveMeetingResult =
  | { ok: true; id: string; version: number; invitationsCleared: number }
  | { ok: false; reason: "INVALID"; errors: FieldErrors }
  | { ok: false; reason: "CONFLICT"; current: MeetingRecord }
  | { ok: false; reason: "NOT_FOUND" };

/** A caseworker or leader plans a meeting of the team (P-2: the composition is validated). */
export async function createMeeting(ctx: UseCaseContext, raw: unknown): Promise<SaveMeetingResult> {
  assertCan(ctx.actor, "team.manage");
  const parsed = MeetingInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const v = parsed.data;
  const members = v.members.map((m) => ({ area: m.area, name: m.name, ...(m.title ? { title: m.title } : {}) }));
  return ctx.db.transaction(async (tx) => {
    const id = await insertMeeting(tx, scopeOf(ctx), { ...v, members });
    await recordAudit(tx, ctx, {
      action: "team.meeting.create",
      entityType: "team_meeting",
      entityId: id,
      changes: diffFields(null, auditShape({ ...v, members })),
    });
    return { ok: true, id, version: 1, invitationsCleared: 0 } as const;
  });
}

/**
 * Edits date, start, place and members with optimistic locking. A new date or place makes the invitations sent out
 * of date (they are marked "not sent"); a new start time moves every slot by the same amount.
 */
export async function updateMeeting(
  ctx: UseCaseContext,
  id: string,
  expectedVersion: number,
  raw: unknown,
): Promise<SaveMeetingResult> {
  assertCan(ctx.actor, "team.manage");
  const parsed = MeetingInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const v = parsed.data;
  const members = v.members.map((m) => ({ area: m.area, name: m.name, ...(m.title ? { title: m.title } : {}) }));
  const scope = scopeOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = isUuid(id) ? await lockMeeting(tx, scope, id) : null;
    if (!before) return { ok: false, reason: "NOT_FOUND" } as const;
    if (before.version !== expectedVersion) return { ok: false, reason: "CONFLICT", current: before } as const;
    const items = await agendaOf(tx, id);
    const shift = minutesOfDay(v.startTime) - minutesOfDay(before.startTime);
    if (shift !== 0) {
      const latestEnd = Math.max(0, ...items.map((i) => minutesOfDay(i.slotStart) + i.slotMinutes + shift));
      if (items.some((i) => minutesOfDay(i.slotStart) + shift < 0) || latestEnd > 24 * 60) {
        return {
          ok: false,
          reason: "INVALID",
          errors: { startTime: "Med det nye starttidspunkt går dagsordenen ud over døgnet; ret tidsplanen først" },
        } as const;
      }
    }
    const version = await updateMeetingIfVersion(tx, scope, id, expectedVersion, { ...v, members });
    if (version === null)
      return { ok: false, reason: "CONFLICT", current: (await findMeeting(tx, scope, id))! } as const;
    let invitationsCleared = 0;
    if (v.meetingDate !== before.meetingDate || v.place !== before.place) {
      invitationsCleared = items.filter((i) => i.invitationLetterId).length;
      await clearInvitations(tx, id);
    }
    if (shift !== 0) {
      for (const i of items) {
        await updateAgendaSlot(tx, i.id, {
          slotStart: timeOfDay(minutesOfDay(i.slotStart) + shift),
          slotMinutes: i.slotMinutes,
          clearInvitation: true,
        });
      }
      if (invitationsCleared === 0) invitationsCleared = items.filter((i) => i.invitationLetterId).length;
    }
    await recordAudit(tx, ctx, {
      action: "team.meeting.update",
      entityType: "team_meeting",
      entityId: id,
      changes: {
        ...diffFields(auditShape(before), auditShape({ ...v, members })),
        ...(invitationsCleared > 0 ? { invitationsOutOfDate: { before: 0, after: invitationsCleared } } : {}),
      },
    });
    return { ok: true, id, version, invitationsCleared } as const;
  });
}

export interface MeetingFormDefaults {
  meetingDate: string;
  startTime: string;
  place: string;
  members: TeamMember[];
}

/** A new meeting starts from the latest one's place, start time and members: one click fewer per meeting. */
export async function meetingDefaults(ctx: UseCaseContext): Promise<MeetingFormDefaults> {
  assertCan(ctx.actor, "team.manage");
  const last = await latestMeeting(ctx.db, scopeOf(ctx));
  return {
    meetingDate: "",
    startTime: last?.startTime ?? "09:00",
    place: last?.place ?? "",
    members: last?.members.length ? last.members : MEMBER_AREA_KEYS.map((area) => ({ area, name: "", title: "" })),
  };
}

/** The /team overview: meetings (counts only, no personal data) and how many cases wait for the team. */
export async function teamOverview(ctx: UseCaseContext) {
  assertCan(ctx.actor, "team.view");
  const scope = scopeOf(ctx);
  const asOf = today();
  const manage = can(ctx.actor, "team.manage");
  const upcoming = await listMeetings(ctx.db, scope, { from: asOf });
  const past = manage ? (await listMeetings(ctx.db, scope, { before: asOf })).reverse() : [];
  const ready = manage ? await listCasesByStatus(ctx.db, scope, AGENDA_SOURCE_STATUSES) : [];
  return {
    asOf,
    canManage: manage,
    upcoming,
    past,
    readyCount: ready.filter((c) => c.status === "readyForTeam").length,
    backToTeamCount: ready.filter((c) => c.status === "backToTeam").length,
  };
}

/**
 * Meetings for the API, oldest first. A member of the team (team.view only) gets meetings from today on, whatever
 * range is asked for.
 */
export async function listTeamMeetings(ctx: UseCaseContext, range: { from?: string; before?: string }) {
  assertCan(ctx.actor, "team.view");
  const asOf = today();
  const from = can(ctx.actor, "team.manage") ? range.from : range.from && range.from > asOf ? range.from : asOf;
  return listMeetings(ctx.db, scopeOf(ctx), { from, before: range.before });
}

export interface AgendaEntry extends AgendaRow {
  age: number;
  slotEnd: string;
  indstilling: Indstilling | null;
  /** An invitation was sent earlier but the date, time or place has changed since. */
  invitationOutOfDate: boolean;
  /** The minutes letter with this indstilling has been sent to the citizen. */
  minutesSentAt: Date | null;
}

export interface MeetingView {
  meeting: MeetingRecord;
  agenda: AgendaEntry[];
  asOf: string;
  defaultSlotMinutes: number;
  warnings: {
    /** P-2: citizens under 30 on the agenda, and no UU member. */
    uu: { citizenName: string; age: number }[];
    missingAreas: string[];
    /** R2026: the team no longer exists on the meeting day (dated parameter, date not verified). */
    teamAbolished: { from: string | null; verified: boolean } | null;
    overlapping: string[];
  };
}

/**
 * A meeting with its agenda. The agenda names citizens, so each citizen shown gets an audit event in the same
 * transaction (purpose "view" for pages, "api" for the API, "minutes" for the minutes PDF).
 */
export async function readMeeting(
  ctx: UseCaseContext,
  id: string,
  purpose: "view" | "api" | "minutes" = "view",
): Promise<MeetingView | null> {
  assertCan(ctx.actor, "team.view");
  const scope = scopeOf(ctx);
  const asOf = today();
  return ctx.db.transaction(async (tx) => {
    const found = isUuid(id) ? await findMeeting(tx, scope, id) : null;
    const meeting = found && meetingVisible(ctx.actor, found.meetingDate, asOf) ? found : null;
    if (!meeting) {
      await recordAudit(tx, ctx, {
        action: "team.meeting.read.notFound",
        entityType: "team_meeting",
        entityId: id.slice(0, 64),
      });
      return null;
    }
    const rows = await agendaOf(tx, id);
    const indstillinger = await indstillingerOfMeeting(tx, scope, id);
    const minutes = await minutesLettersOf(
      tx,
      rows.map((r) => r.caseId),
    );
    const agenda: AgendaEntry[] = [];
    for (const r of rows) {
      const indstilling = indstillinger.get(r.caseId) ?? null;
      const earlier = r.invitationLetterId ? [] : await invitationLettersOfCase(tx, r.caseId, r.createdAt);
      const sent = indstilling
        ? minutes.find((l) => l.caseId === r.caseId && l.createdAt.getTime() >= indstilling.recordedAt.getTime())
        : undefined;
      agenda.push({
        ...r,
        age: ageOn(r.birthDate, meeting.meetingDate),
        slotEnd: slotEnd(r.slotStart, r.slotMinutes),
        indstilling,
        invitationOutOfDate: earlier.length > 0,
        minutesSentAt: sent?.createdAt ?? null,
      });
    }
    await recordAuditMany(
      tx,
      ctx,
      agenda.map((a) => ({
        action: `team.agenda.read.${purpose}`,
        citizenId: a.citizenId,
        entityType: "team_meeting",
        entityId: id,
      })),
    );
    const team = teamExistsOn(meeting.meetingDate);
    return {
      meeting,
      agenda,
      asOf,
      defaultSlotMinutes: rows.length ? defaultSlotMinutes(rows) : DEFAULT_SLOT_MINUTES,
      warnings: {
        uu: uuHint(meeting.members, agenda, meeting.meetingDate),
        missingAreas: missingRequiredAreas(meeting.members).map((a) => MEMBER_AREAS[a].label),
        teamAbolished: team.exists ? null : { from: team.from, verified: team.verified },
        overlapping: overlappingSlots(agenda).map((a) => a.citizenName),
      },
    };
  });
}

/** The cases ready for the team (P-1) or back before a decision (P-3). Each citizen listed is audit-logged. */
export async function listReadyCases(ctx: UseCaseContext) {
  assertCan(ctx.actor, "team.manage");
  const scope = scopeOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const rows = await listCasesByStatus(tx, scope, AGENDA_SOURCE_STATUSES);
    await recordAuditMany(
      tx,
      ctx,
      rows.map((r) => ({ action: "citizen.listed", citizenId: r.citizenId, entityType: "case", entityId: r.id })),
    );
    return rows;
  });
}
