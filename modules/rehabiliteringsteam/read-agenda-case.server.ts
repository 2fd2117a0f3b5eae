import { readCase, visitationStatus, type CaseView } from "~/modules/cases/index.server";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan, can } from "~/platform/auth/permissions";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import { isUuid } from "~/platform/validation";
import { meetingVisible } from "./meetings.server";
import { findAgendaItem, findMeeting, indstillingerOf, type MeetingRecord } from "./team.db.server";
import { ageOn, slotEnd, type AgendaPurpose, type Indstilling } from "./team";

export interface AgendaCaseView {
  view: CaseView;
  meeting: MeetingRecord;
  item: { slotStart: string; slotEnd: string; slotMinutes: number; purpose: AgendaPurpose };
  age: number;
  rules: ReturnType<typeof visitationStatus>;
  /** Every indstilling of the case, newest first; the team sees earlier ones when the case comes back (P-3). */
  indstillinger: Indstilling[];
  /** The indstilling given on this meeting, if any. */
  indstillingHere: Indstilling | null;
  canRecord: boolean;
}

/**
 * The case as the team sees it. Only a case on the meeting's agenda in the actor's municipality can be opened (for a
 * member of the team: a meeting from today on); anything else is "not found" and the attempt is logged. The read goes
 * through readCase, which writes the access event ("case.read.team").
 */
export async function readAgendaCase(
  ctx: UseCaseContext,
  meetingId: string,
  caseId: string,
): Promise<AgendaCaseView | null> {
  assertCan(ctx.actor, "team.view");
  const scope = { municipalityId: ctx.actor.municipalityId };
  const asOf = today();
  const found = await ctx.db.transaction(async (tx) => {
    const ids = isUuid(meetingId) && isUuid(caseId);
    const meeting = ids ? await findMeeting(tx, scope, meetingId) : null;
    const item =
      meeting && meetingVisible(ctx.actor, meeting.meetingDate, asOf)
        ? await findAgendaItem(tx, scope, meetingId, caseId)
        : null;
    if (!meeting || !item) {
      await recordAudit(tx, ctx, {
        action: "team.case.read.notOnAgenda",
        entityType: "case",
        entityId: caseId.slice(0, 64),
      });
      return null;
    }
    return { meeting, item };
  });
  if (!found) return null;
  const view = await readCase(ctx, caseId, "team", "team.view");
  if (!view) return null;
  const indstillinger = await indstillingerOf(ctx.db, scope, caseId);
  const indstillingHere = indstillinger.find((i) => i.meetingId === meetingId) ?? null;
  const { item, meeting } = found;
  const latest = indstillinger[0];
  return {
    view,
    meeting,
    item: {
      slotStart: item.slotStart,
      slotEnd: slotEnd(item.slotStart, item.slotMinutes),
      slotMinutes: item.slotMinutes,
      purpose: item.purpose,
    },
    age: ageOn(view.citizen.birthDate, meeting.meetingDate),
    rules: visitationStatus(view),
    indstillinger,
    indstillingHere,
    canRecord:
      can(ctx.actor, "team.manage") &&
      (view.case.status === "onAgenda" || (view.case.status === "indstillingGiven" && latest?.meetingId === meetingId)),
  };
}
