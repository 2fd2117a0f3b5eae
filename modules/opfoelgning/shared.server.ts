import { CASE_STATUSES, type CaseRecord } from "~/modules/cases";
import { findCase } from "~/modules/cases/index.server";
import type { UseCaseContext } from "~/platform/context";
import type { Queryable } from "~/platform/db/client.server";
import type { FieldErrors } from "~/platform/validation";
import type { ConversationFinding, ConversationItem } from "./opfoelgning";
import { findConversation, offersOfCase, type ConversationRow } from "./opfoelgning.db.server";
import { toItem } from "./read-followup.server";

/** What every change to a conversation can answer. */
export type ConversationResult =
  | {
      ok: true;
      id: string;
      version: number;
      warnings: ConversationFinding[];
      next: { id: string; date: string } | null;
    }
  | { ok: false; reason: "INVALID"; errors: FieldErrors }
  /** Someone changed the conversation after the user opened it: nothing is written. */
  | { ok: false; reason: "CONFLICT"; current: ConversationItem | null }
  | { ok: false; reason: "WRONG_STATUS"; message: string }
  /** FU-4: a sanction proposal is blocked; each message names the rule and its basis. */
  | { ok: false; reason: "BLOCKED"; messages: string[] }
  /** The citizen's request was handled by someone else meanwhile. */
  | { ok: false; reason: "REQUEST_HANDLED"; handledByName: string | null; handledAt: Date | null }
  | { ok: false; reason: "NOT_FOUND" };

/** A case that is over gets no new conversations planned. */
export const CLOSED_STATUSES: readonly string[] = ["refused", "notConsidered", "ended"];

export function closedMessage(c: CaseRecord): string {
  return `Sagen er lukket (status: ${CASE_STATUSES[c.status]}). Der kan ikke planlægges flere samtaler.`;
}

/** Users are referenced by id; an API token is no user (its name is in the audit log). */
export function userIdOf(ctx: UseCaseContext): string | null {
  return ctx.actor.type === "user" ? ctx.actor.id : null;
}

export async function caseInMunicipality(tx: Queryable, ctx: UseCaseContext, caseId: string) {
  return findCase(tx, { municipalityId: ctx.actor.municipalityId }, caseId);
}

/**
 * The case and the conversation a change is about, within the actor's municipality. With `version`, a conversation
 * changed since the user opened it is a conflict and nothing is written.
 */
export async function conversationToChange(
  tx: Queryable,
  ctx: UseCaseContext,
  caseId: string,
  conversationId: string,
  version?: number,
): Promise<
  | { ok: true; c: NonNullable<Awaited<ReturnType<typeof findCase>>>; before: ConversationRow }
  | { ok: false; reason: "NOT_FOUND" }
  | Awaited<ReturnType<typeof conflict>>
> {
  const c = await caseInMunicipality(tx, ctx, caseId);
  if (!c) return { ok: false, reason: "NOT_FOUND" };
  const before = await findConversation(tx, { municipalityId: ctx.actor.municipalityId }, caseId, conversationId);
  if (!before) return { ok: false, reason: "NOT_FOUND" };
  if (version !== undefined && before.version !== version) return conflict(tx, ctx, caseId, before.id);
  return { ok: true, c, before };
}

export async function conflict(tx: Queryable, ctx: UseCaseContext, caseId: string, id: string) {
  const row = await findConversation(tx, { municipalityId: ctx.actor.municipalityId }, caseId, id);
  return {
    ok: false as const,
    reason: "CONFLICT" as const,
    current: row ? toItem(row, {}, await offersOfCase(tx, caseId)) : null,
  };
}

/** The audited fields of a conversation, flat, for before/after in the audit log. */
export function auditShape(row: ConversationRow | null): Record<string, unknown> | null {
  if (!row) return null;
  return {
    date: row.date,
    time: row.time,
    mode: row.mode,
    status: row.status,
    participants: row.participants,
    notes: row.notes,
    nextAgreedOn: row.nextAgreedOn,
    nonAttendance: row.nonAttendance,
    sanctionProposedOn: row.sanctionProposedOn,
    requestId: row.requestId,
  };
}
