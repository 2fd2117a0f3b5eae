import { readLetter, storeLetter } from "~/modules/letters/index.server";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import type { Queryable } from "~/platform/db/client.server";
import { renderPdf } from "~/platform/pdf/render-pdf.server";
import { isUuid } from "~/platform/validation";
import { invitationDocument, minutesDocument, minutesLetterDocument, type LetterParty } from "./documents";
import { readMeeting } from "./meetings.server";
import {
  agendaOf,
  indstillingerOfMeeting,
  isInvitationOfMeeting,
  letterFacts,
  lockMeeting,
  minutesLettersOf,
  setInvitationLetter,
  updateMeetingIfVersion,
  type MeetingRecord,
  type TenantScope,
} from "./team.db.server";
import { ageOn, danishShortDate } from "./team";

const scopeOf = (ctx: UseCaseContext) => ({ municipalityId: ctx.actor.municipalityId });

export type LettersResult =
  | { ok: true; sent: number; meetingVersion: number }
  | { ok: false; reason: "CONFLICT"; current: MeetingRecord }
  | { ok: false; reason: "NOTHING_TO_SEND" | "NOT_FOUND" }
  | { ok: false; reason: "LOCKED"; message: string };

async function party(tx: Queryable, scope: TenantScope, ctx: UseCaseContext, caseId: string) {
  const facts = await letterFacts(tx, scope, caseId);
  if (!facts) return null;
  const p: LetterParty = {
    municipalityName: ctx.actor.municipalityName,
    citizen: facts.citizen,
    coordinator: facts.coordinator,
  };
  return { party: p, facts };
}

/**
 * Sends the invitation (P-1 bisidder, P-2 the team, P-9 the network) to one case's citizen, or to every citizen on
 * the agenda not yet invited. Each letter is stored and queued in the outbox in the same transaction.
 */
export async function sendInvitations(
  ctx: UseCaseContext,
  meetingId: string,
  raw: { meetingVersion: unknown; caseId?: unknown },
): Promise<LettersResult> {
  assertCan(ctx.actor, "team.manage");
  const scope = scopeOf(ctx);
  const letterDate = today();
  return ctx.db.transaction(async (tx) => {
    const meeting = isUuid(meetingId) ? await lockMeeting(tx, scope, meetingId) : null;
    if (!meeting) return { ok: false, reason: "NOT_FOUND" } as const;
    if (meeting.version !== Number(raw.meetingVersion))
      return { ok: false, reason: "CONFLICT", current: meeting } as const;
    if (meeting.meetingDate < letterDate) {
      return {
        ok: false,
        reason: "LOCKED",
        message: "Mødet har allerede fundet sted; der sendes ikke indkaldelser.",
      } as const;
    }
    const items = await agendaOf(tx, meetingId);
    const one = raw.caseId === undefined || raw.caseId === null || raw.caseId === "" ? null : String(raw.caseId);
    const targets = one ? items.filter((i) => i.caseId === one) : items.filter((i) => !i.invitationLetterId);
    if (one && targets.length === 0) return { ok: false, reason: "NOT_FOUND" } as const;
    if (targets.length === 0) return { ok: false, reason: "NOTHING_TO_SEND" } as const;
    for (const item of targets) {
      const p = await party(tx, scope, ctx, item.caseId);
      if (!p) continue;
      const pdf = await renderPdf(
        invitationDocument({
          letterDate,
          party: p.party,
          meeting,
          slotStart: item.slotStart,
          slotMinutes: item.slotMinutes,
          purpose: item.purpose,
          network: p.facts.network,
        }),
      );
      const letterId = await storeLetter(tx, ctx, {
        municipalityId: scope.municipalityId,
        citizenId: item.citizenId,
        caseId: item.caseId,
        kind: "invitation",
        title: `Indkaldelse til rehabiliteringsteamet ${danishShortDate(meeting.meetingDate)} kl. ${item.slotStart}`,
        pdf,
        createdBy: ctx.actor.type === "user" ? ctx.actor.id : null,
      });
      await setInvitationLetter(tx, item.id, letterId);
      await recordAudit(tx, ctx, {
        action: "team.invitation.send",
        citizenId: item.citizenId,
        entityType: "case",
        entityId: item.caseId,
        changes: {
          invitationLetterId: { before: item.invitationLetterId, after: letterId },
          meeting: { before: null, after: `${meeting.meetingDate} ${item.slotStart} ${meeting.place}` },
        },
      });
    }
    return { ok: true, sent: targets.length, meetingVersion: meeting.version } as const;
  });
}

/**
 * Sends each citizen a letter with the team's indstilling in their case (P-2), and what happens next (P-3, P-5).
 * A letter goes to every case whose latest indstilling on this meeting has not been sent yet (a corrected
 * indstilling is sent again). The meeting is then marked as held.
 */
export async function sendMinutesLetters(
  ctx: UseCaseContext,
  meetingId: string,
  raw: { meetingVersion: unknown },
): Promise<LettersResult> {
  assertCan(ctx.actor, "team.manage");
  const scope = scopeOf(ctx);
  const letterDate = today();
  return ctx.db.transaction(async (tx) => {
    const meeting = isUuid(meetingId) ? await lockMeeting(tx, scope, meetingId) : null;
    if (!meeting) return { ok: false, reason: "NOT_FOUND" } as const;
    if (meeting.version !== Number(raw.meetingVersion))
      return { ok: false, reason: "CONFLICT", current: meeting } as const;
    const items = await agendaOf(tx, meetingId);
    const indstillinger = await indstillingerOfMeeting(tx, scope, meetingId);
    const sent = await minutesLettersOf(
      tx,
      items.map((i) => i.caseId),
    );
    let count = 0;
    for (const item of items) {
      const indstilling = indstillinger.get(item.caseId);
      if (!indstilling) continue;
      const already = sent.some(
        (l) => l.caseId === item.caseId && l.createdAt.getTime() >= indstilling.recordedAt.getTime(),
      );
      if (already) continue;
      const p = await party(tx, scope, ctx, item.caseId);
      if (!p) continue;
      const pdf = await renderPdf(minutesLetterDocument({ letterDate, party: p.party, meeting, indstilling }));
      const letterId = await storeLetter(tx, ctx, {
        municipalityId: scope.municipalityId,
        citizenId: item.citizenId,
        caseId: item.caseId,
        kind: "minutes",
        title: `Rehabiliteringsteamets indstilling ${danishShortDate(meeting.meetingDate)}`,
        pdf,
        createdBy: ctx.actor.type === "user" ? ctx.actor.id : null,
      });
      await recordAudit(tx, ctx, {
        action: "team.minutes.send",
        citizenId: item.citizenId,
        entityType: "case",
        entityId: item.caseId,
        changes: {
          minutesLetterId: { before: null, after: letterId },
          indstillingId: { before: null, after: indstilling.id },
        },
      });
      count++;
    }
    if (count === 0) return { ok: false, reason: "NOTHING_TO_SEND" } as const;
    let version = meeting.version;
    if (meeting.status !== "held") {
      version = (await updateMeetingIfVersion(tx, scope, meetingId, meeting.version, { status: "held" }))!;
      await recordAudit(tx, ctx, {
        action: "team.meeting.update",
        entityType: "team_meeting",
        entityId: meetingId,
        changes: { status: { before: meeting.status, after: "held" } },
      });
    }
    return { ok: true, sent: count, meetingVersion: version } as const;
  });
}

/**
 * The invitation letter of an item on the meeting's agenda, for the caseworker to see what was sent. Reading the
 * letter itself is audit-logged by the letters module.
 */
export async function meetingInvitation(ctx: UseCaseContext, meetingId: string, letterId: string) {
  assertCan(ctx.actor, "team.manage");
  if (!isUuid(meetingId) || !isUuid(letterId)) return null;
  if (!(await isInvitationOfMeeting(ctx.db, scopeOf(ctx), meetingId, letterId))) return null;
  return readLetter(ctx, letterId);
}

/** The meeting's minutes as a PDF (members, and per case the indstilling). Each citizen in it is audit-logged. */
export async function minutesPdf(
  ctx: UseCaseContext,
  meetingId: string,
): Promise<{ pdf: Buffer; filename: string } | null> {
  const view = await readMeeting(ctx, meetingId, "minutes");
  if (!view) return null;
  const pdf = await renderPdf(
    minutesDocument({
      municipalityName: ctx.actor.municipalityName,
      printedOn: view.asOf,
      meeting: view.meeting,
      items: view.agenda.map((a) => ({
        slotStart: a.slotStart,
        slotMinutes: a.slotMinutes,
        citizenName: a.citizenName,
        age: ageOn(a.birthDate, view.meeting.meetingDate),
        purpose: a.purpose,
        coordinatorName: a.coordinatorName,
        indstilling: a.indstilling,
      })),
    }),
  );
  return { pdf, filename: `referat-rehabiliteringsteam-${view.meeting.meetingDate}.pdf` };
}
