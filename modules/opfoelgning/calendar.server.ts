import { addDaysIso } from "~/legislation";
import { recordAuditMany } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import { buildCalendar, localEnd, type CalendarEvent } from "./ical";
import { CONVERSATION_MINUTES, MODES, PARTICIPANT_KINDS, type Mode, type ParticipantKind } from "./opfoelgning";
import { conversationsOfCoordinator, teamSlotsOfCoordinator } from "./opfoelgning.db.server";

/** How far back the calendar reaches, so a meeting moved or cancelled lately still updates an imported copy. */
export const CALENDAR_PAST_DAYS = 30;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The logged-in caseworker's meetings as iCalendar: the planned conversations of the cases where they are the
 * current coordinating caseworker (P-6), and the rehabiliteringsteam's meetings with one of those cases on the
 * agenda. Names, never CPR numbers; no notes. Each citizen shown is an audited read.
 */
export async function myMeetingsCalendar(
  ctx: UseCaseContext,
  baseUrl: string,
): Promise<{ ics: string; events: number }> {
  assertCan(ctx.actor, "case.read");
  const asOf = today();
  const from = addDaysIso(asOf, -CALENDAR_PAST_DAYS);
  const scope = { municipalityId: ctx.actor.municipalityId };
  const base = baseUrl.replace(/\/$/, "");

  return ctx.db.transaction(async (tx) => {
    const userId = ctx.actor.type === "user" ? ctx.actor.id : null;
    const convs = userId ? await conversationsOfCoordinator(tx, scope, userId, from) : [];
    const slots = userId ? await teamSlotsOfCoordinator(tx, scope, userId, from) : [];

    const events: CalendarEvent[] = convs.map((c) => {
      const participants = (Array.isArray(c.participants) ? c.participants : [])
        .map((p) => PARTICIPANT_KINDS[p as ParticipantKind])
        .filter(Boolean);
      return {
        uid: `${c.id}@samtaler.ressourceforloeb`,
        sequence: c.version - 1,
        stamp: c.updatedAt,
        date: c.date,
        time: c.time && TIME.test(c.time) ? c.time : null,
        minutes: CONVERSATION_MINUTES,
        summary: `Samtale: ${c.citizenName}`,
        description: [
          "Opfølgningssamtale i ressourceforløb.",
          `Form: ${MODES[c.mode as Mode] ?? c.mode}`,
          participants.length > 0 ? `Deltagere: ${participants.join(", ")}` : null,
          c.status === "cancelled" ? "Samtalen er aflyst." : null,
          `Sagen: ${base}/sager/${c.caseId}/opfoelgning`,
        ]
          .filter(Boolean)
          .join("\n"),
        url: `${base}/sager/${c.caseId}/opfoelgning`,
        status: c.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
      };
    });

    const meetings = new Map<string, typeof slots>();
    for (const s of slots) meetings.set(s.meetingId, [...(meetings.get(s.meetingId) ?? []), s]);
    for (const [meetingId, items] of meetings) {
      const first = items[0]!;
      const starts = items.map((s) => (TIME.test(s.slotStart) ? s.slotStart : first.startTime));
      const start = [...starts].sort()[0]!;
      const end = items
        .map((s, i) => localEnd(first.meetingDate, starts[i]!, s.slotMinutes))
        .sort((a, b) => `${a.date}${a.time}`.localeCompare(`${b.date}${b.time}`))
        .at(-1)!;
      const minutes =
        Number(end.time.slice(0, 2)) * 60 +
        Number(end.time.slice(3)) -
        (Number(start.slice(0, 2)) * 60 + Number(start.slice(3))) +
        (end.date > first.meetingDate ? 1440 : 0);
      events.push({
        uid: `${meetingId}@rehabiliteringsteam.ressourceforloeb`,
        sequence: first.version - 1,
        stamp: first.createdAt,
        date: first.meetingDate,
        time: TIME.test(start) ? start : null,
        minutes,
        summary: `Rehabiliteringsteam: ${items.map((s) => s.citizenName).join(", ")}`,
        description: [
          `Møde i rehabiliteringsteamet. Sted: ${first.place}`,
          "Dine sager på dagsordenen:",
          ...items.map(
            (s, i) =>
              `${starts[i]} (${s.slotMinutes} min.): ${s.citizenName} – ${base}/team/moeder/${meetingId}/sager/${s.caseId}`,
          ),
        ].join("\n"),
        location: first.place,
        url: `${base}/team/moeder/${meetingId}`,
        status: "CONFIRMED",
      });
    }
    events.sort((a, b) => `${a.date}${a.time ?? ""}`.localeCompare(`${b.date}${b.time ?? ""}`));

    // Every citizen whose name is in the file is a read of their case.
    const shown = new Map<string, string>();
    for (const c of convs) shown.set(c.caseId, c.citizenId);
    for (const s of slots) shown.set(s.caseId, s.citizenId);
    await recordAuditMany(
      tx,
      ctx,
      shown.size > 0
        ? [...shown].map(([caseId, citizenId]) => ({
            action: "calendar.export",
            citizenId,
            entityType: "case",
            entityId: caseId,
          }))
        : [{ action: "calendar.export" }],
    );
    return { ics: buildCalendar(events, `Mine møder – ${ctx.actor.name}`), events: events.length };
  });
}
