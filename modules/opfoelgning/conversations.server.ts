import { recomputeDeadlines } from "~/modules/frister/index.server";
import { diffFields } from "~/platform/audit/audit-event";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom, isUuid } from "~/platform/validation";
import {
  CancelInput,
  ConversationRef,
  fu2Warning,
  fu3Warning,
  HELD_FIELDS,
  heldInput,
  inOrder,
  SCHEDULE_FIELDS,
  scheduleInput,
  type ConversationFinding,
} from "./opfoelgning";
import {
  findConversation,
  findRequest,
  insertConversation,
  markRequestHandledIfOpen,
  offersOfCase,
  plannedAt,
  plannedOn,
  updateConversationIfVersion,
} from "./opfoelgning.db.server";
import {
  auditShape,
  caseInMunicipality,
  CLOSED_STATUSES,
  closedMessage,
  conflict,
  conversationToChange,
  userIdOf,
  type ConversationResult,
} from "./shared.server";

const present = (f: ConversationFinding | null): f is ConversationFinding => f !== null;

/**
 * Plans a conversation (FU-1: conversations when the municipality sees a need or the citizen asks; 002 §5.5). From a
 * citizen's request in Min Plan, the request is marked handled in the same transaction. FU-2 warns, never blocks,
 * when a remote form is chosen without an employment-oriented offer on the day.
 */
export async function scheduleConversation(
  ctx: UseCaseContext,
  caseId: string,
  raw: unknown,
): Promise<ConversationResult> {
  assertCan(ctx.actor, "case.write");
  const asOf = today();
  const parsed = scheduleInput(asOf).safeParse(raw);
  if (!parsed.success)
    return { ok: false, reason: "INVALID", errors: inOrder(fieldErrorsFrom(parsed.error), SCHEDULE_FIELDS) };
  const input = parsed.data;
  if (!isUuid(caseId)) return { ok: false, reason: "NOT_FOUND" };

  return ctx.db.transaction(async (tx): Promise<ConversationResult> => {
    const c = await caseInMunicipality(tx, ctx, caseId);
    if (!c) return { ok: false, reason: "NOT_FOUND" };
    if (CLOSED_STATUSES.includes(c.status)) return { ok: false, reason: "WRONG_STATUS", message: closedMessage(c) };
    const scope = { municipalityId: ctx.actor.municipalityId };
    if (await plannedAt(tx, caseId, input.date, input.time)) {
      return {
        ok: false,
        reason: "INVALID",
        errors: { time: "Der er allerede planlagt en samtale med borgeren på det tidspunkt" },
      };
    }
    if (input.requestId) {
      const request = await findRequest(tx, scope, caseId, c.citizenId, input.requestId);
      if (!request) return { ok: false, reason: "INVALID", errors: { requestId: "Henvendelsen findes ikke på sagen" } };
      // The update only succeeds while the request is open: two caseworkers cannot both book from it.
      if (request.handledAt || !(await markRequestHandledIfOpen(tx, request.id, userIdOf(ctx), new Date()))) {
        const now = await findRequest(tx, scope, caseId, c.citizenId, input.requestId);
        return {
          ok: false,
          reason: "REQUEST_HANDLED",
          handledByName: now?.handledByName ?? null,
          handledAt: now?.handledAt ?? null,
        };
      }
      await recordAudit(tx, ctx, {
        action: "citizenRequest.handle",
        citizenId: c.citizenId,
        entityType: "citizen_request",
        entityId: request.id,
        changes: { handled: { before: false, after: true }, outcome: { before: null, after: "Samtale planlagt" } },
      });
    }
    const row = await insertConversation(tx, {
      caseId,
      date: input.date,
      time: input.time,
      mode: input.mode,
      status: "planned",
      participants: input.participants,
      notes: input.notes,
      requestId: input.requestId ?? null,
      createdBy: userIdOf(ctx),
    });
    await recordAudit(tx, ctx, {
      action: "conversation.schedule",
      citizenId: c.citizenId,
      entityType: "conversation",
      entityId: row.id,
      changes: diffFields(null, auditShape(row)),
    });
    await recomputeDeadlines(tx, caseId, asOf);
    const offers = await offersOfCase(tx, caseId);
    return {
      ok: true,
      id: row.id,
      version: row.version,
      warnings: [fu2Warning(row, offers)].filter(present),
      next: null,
    };
  });
}

/**
 * Records a conversation as held, with notes and the next meeting agreed (FU-3; 002 §5.3): a planned one (at the
 * version the user saw) or one that was not planned in the system. A next date books the next conversation in the
 * same transaction, unless one is already planned that day. Held conversations meet FU-1 and P-5 and move "next
 * conversation": the deadlines are recomputed before the transaction ends. FU-2 and FU-3 warn, never block.
 */
export async function recordHeldConversation(
  ctx: UseCaseContext,
  caseId: string,
  raw: unknown,
): Promise<ConversationResult> {
  assertCan(ctx.actor, "case.write");
  const asOf = today();
  const parsed = heldInput(asOf).safeParse(raw);
  if (!parsed.success)
    return { ok: false, reason: "INVALID", errors: inOrder(fieldErrorsFrom(parsed.error), HELD_FIELDS) };
  const input = parsed.data;
  if (!isUuid(caseId)) return { ok: false, reason: "NOT_FOUND" };

  return ctx.db.transaction(async (tx): Promise<ConversationResult> => {
    const c = await caseInMunicipality(tx, ctx, caseId);
    if (!c) return { ok: false, reason: "NOT_FOUND" };
    if (input.nextDate && CLOSED_STATUSES.includes(c.status)) {
      return { ok: false, reason: "INVALID", errors: { nextDate: closedMessage(c) } };
    }
    const scope = { municipalityId: ctx.actor.municipalityId };
    const values = {
      date: input.date,
      time: input.time,
      mode: input.mode,
      status: "held",
      participants: input.participants,
      notes: input.notes,
      nextAgreedOn: input.nextDate ?? null,
    };

    let before = null;
    let row;
    if (input.conversationId) {
      before = await findConversation(tx, scope, caseId, input.conversationId);
      if (!before) return { ok: false, reason: "NOT_FOUND" };
      if (before.version !== input.version) return conflict(tx, ctx, caseId, before.id);
      if (before.status !== "planned") {
        return {
          ok: false,
          reason: "WRONG_STATUS",
          message: "Samtalen er ikke længere planlagt. Registrér en ny samtale i stedet.",
        };
      }
      row = await updateConversationIfVersion(tx, caseId, before.id, before.version, values);
      if (!row) return conflict(tx, ctx, caseId, before.id);
    } else {
      row = await insertConversation(tx, { caseId, ...values, createdBy: userIdOf(ctx) });
    }
    await recordAudit(tx, ctx, {
      action: "conversation.held",
      citizenId: c.citizenId,
      entityType: "conversation",
      entityId: row.id,
      changes: diffFields(auditShape(before), auditShape(row)),
    });

    let next = null;
    if (input.nextDate && input.nextTime && input.nextMode) {
      next = await plannedOn(tx, caseId, input.nextDate);
      if (!next) {
        next = await insertConversation(tx, {
          caseId,
          date: input.nextDate,
          time: input.nextTime,
          mode: input.nextMode,
          status: "planned",
          participants: input.nextParticipants,
          createdBy: userIdOf(ctx),
        });
        await recordAudit(tx, ctx, {
          action: "conversation.schedule",
          citizenId: c.citizenId,
          entityType: "conversation",
          entityId: next.id,
          changes: diffFields(null, auditShape(next)),
        });
      }
    }
    await recomputeDeadlines(tx, caseId, asOf);
    const offers = await offersOfCase(tx, caseId);
    return {
      ok: true,
      id: row.id,
      version: row.version,
      warnings: [fu2Warning(row, offers), fu3Warning(row), next ? fu2Warning(next, offers) : null].filter(present),
      next: next ? { id: next.id, date: next.date } : null,
    };
  });
}

/** Cancels a planned conversation, keeping it in the history with the reason. */
export async function cancelConversation(
  ctx: UseCaseContext,
  caseId: string,
  raw: unknown,
): Promise<ConversationResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = CancelInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  if (!isUuid(caseId)) return { ok: false, reason: "NOT_FOUND" };

  return ctx.db.transaction(async (tx): Promise<ConversationResult> => {
    const found = await conversationToChange(tx, ctx, caseId, input.conversationId, input.version);
    if (!found.ok) return found;
    const { c, before } = found;
    if (before.status !== "planned") {
      return { ok: false, reason: "WRONG_STATUS", message: "Kun en planlagt samtale kan aflyses." };
    }
    const notes = input.reason ? [before.notes, `Aflyst: ${input.reason}`].filter(Boolean).join("\n\n") : before.notes;
    const row = await updateConversationIfVersion(tx, caseId, before.id, before.version, {
      status: "cancelled",
      notes,
    });
    if (!row) return conflict(tx, ctx, caseId, before.id);
    await recordAudit(tx, ctx, {
      action: "conversation.cancel",
      citizenId: c.citizenId,
      entityType: "conversation",
      entityId: row.id,
      changes: diffFields(auditShape(before), auditShape(row)),
    });
    await recomputeDeadlines(tx, caseId);
    return { ok: true, id: row.id, version: row.version, warnings: [], next: null };
  });
}

/**
 * FU-4: the citizen did not attend a planned conversation. Only a conversation whose day has come can be missed.
 * The contact attempts and the reasonable-ground assessment follow (assessNonAttendance).
 */
export async function markNoShow(ctx: UseCaseContext, caseId: string, raw: unknown): Promise<ConversationResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = ConversationRef.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  if (!isUuid(caseId)) return { ok: false, reason: "NOT_FOUND" };
  const asOf = today();

  return ctx.db.transaction(async (tx): Promise<ConversationResult> => {
    const found = await conversationToChange(tx, ctx, caseId, input.conversationId, input.version);
    if (!found.ok) return found;
    const { c, before } = found;
    if (before.status !== "planned") {
      return { ok: false, reason: "WRONG_STATUS", message: "Kun en planlagt samtale kan registreres som udeblevet." };
    }
    if (before.date > asOf) {
      return {
        ok: false,
        reason: "WRONG_STATUS",
        message: "Samtalen ligger i fremtiden. Borgeren kan først udeblive på dagen for samtalen.",
      };
    }
    const row = await updateConversationIfVersion(tx, caseId, before.id, before.version, { status: "noShow" });
    if (!row) return conflict(tx, ctx, caseId, before.id);
    await recordAudit(tx, ctx, {
      action: "conversation.noShow",
      citizenId: c.citizenId,
      entityType: "conversation",
      entityId: row.id,
      changes: diffFields(auditShape(before), auditShape(row)),
    });
    await recomputeDeadlines(tx, caseId, asOf);
    return { ok: true, id: row.id, version: row.version, warnings: [], next: null };
  });
}
