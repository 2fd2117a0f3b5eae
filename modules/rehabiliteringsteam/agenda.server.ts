import { CASE_STATUSES, type CaseStatus } from "~/modules/cases";
import { setCaseStatus } from "~/modules/cases/index.server";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom, isUuid, type FieldErrors } from "~/platform/validation";
import { AddToAgendaInput, ScheduleInput } from "./inputs";
import {
  agendaOf,
  deleteAgendaItem,
  findAgendaItem,
  indstillingerOfMeeting,
  insertAgendaItem,
  lockCase,
  lockMeeting,
  maxPosition,
  updateAgendaSlot,
  updateMeetingIfVersion,
  type MeetingRecord,
} from "./team.db.server";
import {
  AGENDA_SOURCES,
  consecutiveSlots,
  defaultSlotMinutes,
  minutesOfDay,
  nextSlotStart,
  statusBeforeAgenda,
  type AgendaSourceStatus,
} from "./team";

const DAY_END = 24 * 60;
const scopeOf = (ctx: UseCaseContext) => ({ municipalityId: ctx.actor.municipalityId });

export type AgendaResult =
  | { ok: true; meetingVersion: number; itemId?: string }
  | { ok: false; reason: "INVALID"; errors: FieldErrors }
  | { ok: false; reason: "CONFLICT"; current: MeetingRecord }
  | { ok: false; reason: "LOCKED"; message: string }
  | { ok: false; reason: "NOT_FOUND" };

/**
 * Puts a case on the agenda (P-1; P-3 for a case back before a decision). Only a case that is ready for the team or
 * back before a decision can be added; it gets the next time slot and the status "on the agenda".
 */
export async function addToAgenda(ctx: UseCaseContext, meetingId: string, raw: unknown): Promise<AgendaResult> {
  assertCan(ctx.actor, "team.manage");
  const parsed = AddToAgendaInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  const scope = scopeOf(ctx);
  return ctx.db.transaction(async (tx): Promise<AgendaResult> => {
    const meeting = isUuid(meetingId) ? await lockMeeting(tx, scope, meetingId) : null;
    if (!meeting) return { ok: false, reason: "NOT_FOUND" } as const;
    if (meeting.version !== input.meetingVersion) return { ok: false, reason: "CONFLICT", current: meeting } as const;
    if (meeting.status === "held") {
      return {
        ok: false,
        reason: "LOCKED",
        message: "Mødet er afholdt, og referatet er sendt. Sæt sagen på et andet møde.",
      } as const;
    }
    const c = isUuid(input.caseId) ? await lockCase(tx, scope, input.caseId) : null;
    if (!c) return { ok: false, reason: "INVALID", errors: { caseId: "Sagen findes ikke" } } as const;
    const status = c.status as CaseStatus;
    if (!(status in AGENDA_SOURCES)) {
      return {
        ok: false,
        reason: "INVALID",
        errors: {
          caseId: `Sagen kan ikke sættes på dagsordenen: den har status "${CASE_STATUSES[status] ?? status}". Kun sager, der er klar til teamet (P-1) eller skal forelægges igen før afgørelse (P-3), kan tilføjes.`,
        },
      } as const;
    }
    if (await findAgendaItem(tx, scope, meetingId, c.id)) {
      return {
        ok: false,
        reason: "INVALID",
        errors: { caseId: "Sagen er allerede på dagsordenen for dette møde" },
      } as const;
    }
    const items = await agendaOf(tx, meetingId);
    const slotStart = nextSlotStart(meeting.startTime, items);
    const slotMinutes = input.slotMinutes ?? defaultSlotMinutes(items);
    if (minutesOfDay(slotStart) + slotMinutes > DAY_END) {
      return {
        ok: false,
        reason: "INVALID",
        errors: { slotMinutes: "Der er ikke plads til flere sager på mødet i dag" },
      } as const;
    }
    const purpose = AGENDA_SOURCES[status as AgendaSourceStatus];
    const itemId = await insertAgendaItem(tx, {
      meetingId,
      caseId: c.id,
      position: (await maxPosition(tx, meetingId)) + 1,
      slotStart,
      slotMinutes,
      purpose,
    });
    await setCaseStatus(tx, scope, c.id, "onAgenda");
    const version = await updateMeetingIfVersion(tx, scope, meetingId, meeting.version, {});
    await recordAudit(tx, ctx, {
      action: "team.agenda.add",
      citizenId: c.citizenId,
      entityType: "case",
      entityId: c.id,
      changes: {
        meeting: { before: null, after: `${meeting.meetingDate} ${meeting.place}` },
        purpose: { before: null, after: purpose },
        slot: { before: null, after: `${slotStart} (${slotMinutes} min.)` },
        status: { before: status, after: "onAgenda" },
      },
    });
    return { ok: true, meetingVersion: version!, itemId } as const;
  });
}

/**
 * Takes a case off the agenda before the team has given its indstilling; the case goes back to where it came from
 * (ready for the team, or back before a decision). The other slots keep their times: citizens may have been invited.
 */
export async function removeFromAgenda(
  ctx: UseCaseContext,
  meetingId: string,
  raw: { meetingVersion: unknown; caseId: unknown },
): Promise<AgendaResult> {
  assertCan(ctx.actor, "team.manage");
  const meetingVersion = Number(raw.meetingVersion);
  const caseId = String(raw.caseId ?? "");
  const scope = scopeOf(ctx);
  return ctx.db.transaction(async (tx): Promise<AgendaResult> => {
    const meeting = isUuid(meetingId) ? await lockMeeting(tx, scope, meetingId) : null;
    if (!meeting) return { ok: false, reason: "NOT_FOUND" } as const;
    if (meeting.version !== meetingVersion) return { ok: false, reason: "CONFLICT", current: meeting } as const;
    const item = isUuid(caseId) ? await findAgendaItem(tx, scope, meetingId, caseId) : null;
    const c = item ? await lockCase(tx, scope, caseId) : null;
    if (!item || !c) return { ok: false, reason: "NOT_FOUND" } as const;
    if ((await indstillingerOfMeeting(tx, scope, meetingId)).has(caseId) || c.status !== "onAgenda") {
      return {
        ok: false,
        reason: "LOCKED",
        message: "Teamet har givet sin indstilling i sagen, så den kan ikke tages af dagsordenen.",
      } as const;
    }
    await deleteAgendaItem(tx, item.id);
    const back = statusBeforeAgenda(item.purpose);
    if (back) await setCaseStatus(tx, scope, caseId, back);
    const version = await updateMeetingIfVersion(tx, scope, meetingId, meeting.version, {});
    await recordAudit(tx, ctx, {
      action: "team.agenda.remove",
      citizenId: c.citizenId,
      entityType: "case",
      entityId: caseId,
      changes: {
        meeting: { before: `${meeting.meetingDate} ${meeting.place}`, after: null },
        slot: { before: `${item.slotStart} (${item.slotMinutes} min.)`, after: null },
        ...(back ? { status: { before: c.status, after: back } } : {}),
        ...(item.invitationLetterId ? { invitationSent: { before: true, after: false } } : {}),
      },
    });
    return { ok: true, meetingVersion: version! } as const;
  });
}

/**
 * Edits the time schedule: each item's start and length, or one length for every item laid out from the meeting's
 * start. An item whose time changes gets its invitation marked out of date.
 */
export async function updateSchedule(ctx: UseCaseContext, meetingId: string, raw: unknown): Promise<AgendaResult> {
  assertCan(ctx.actor, "team.manage");
  const parsed = ScheduleInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  const scope = scopeOf(ctx);
  return ctx.db.transaction(async (tx): Promise<AgendaResult> => {
    const meeting = isUuid(meetingId) ? await lockMeeting(tx, scope, meetingId) : null;
    if (!meeting) return { ok: false, reason: "NOT_FOUND" } as const;
    if (meeting.version !== input.meetingVersion) return { ok: false, reason: "CONFLICT", current: meeting } as const;
    const items = await agendaOf(tx, meetingId);
    let next: { id: string; slotStart: string; slotMinutes: number }[];
    if (input.sameLength !== undefined) {
      const starts = consecutiveSlots(
        meeting.startTime,
        items.map(() => input.sameLength!),
      );
      next = items.map((i, n) => ({ id: i.id, slotStart: starts[n]!, slotMinutes: input.sameLength! }));
    } else {
      const given = new Map(input.items.map((i) => [i.id, i]));
      next = items.map((i) => given.get(i.id) ?? { id: i.id, slotStart: i.slotStart, slotMinutes: i.slotMinutes });
    }
    const errors: FieldErrors = {};
    next.forEach((n, idx) => {
      if (minutesOfDay(n.slotStart) + n.slotMinutes > DAY_END)
        errors[`items.${idx}.slotMinutes`] = "Tidsrummet går ud over midnat";
    });
    if (Object.keys(errors).length > 0) return { ok: false, reason: "INVALID", errors } as const;
    for (const n of next) {
      const before = items.find((i) => i.id === n.id)!;
      if (before.slotStart === n.slotStart && before.slotMinutes === n.slotMinutes) continue;
      await updateAgendaSlot(tx, n.id, { ...n, clearInvitation: before.slotStart !== n.slotStart });
      await recordAudit(tx, ctx, {
        action: "team.agenda.schedule",
        citizenId: before.citizenId,
        entityType: "case",
        entityId: before.caseId,
        changes: {
          slot: {
            before: `${before.slotStart} (${before.slotMinutes} min.)`,
            after: `${n.slotStart} (${n.slotMinutes} min.)`,
          },
          ...(before.invitationLetterId && before.slotStart !== n.slotStart
            ? { invitationSent: { before: true, after: false } }
            : {}),
        },
      });
    }
    const version = await updateMeetingIfVersion(tx, scope, meetingId, meeting.version, {});
    return { ok: true, meetingVersion: version! } as const;
  });
}
