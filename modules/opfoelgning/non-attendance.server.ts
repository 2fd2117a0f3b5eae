import { recomputeDeadlines } from "~/modules/frister/index.server";
import { diffFields } from "~/platform/audit/audit-event";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom, isUuid } from "~/platform/validation";
import {
  ConversationRef,
  FU4_FIELDS,
  inOrder,
  nonAttendanceInput,
  parseFu4,
  sanctionBlockers,
  toFu4,
} from "./opfoelgning";
import { updateConversationIfVersion } from "./opfoelgning.db.server";
import { auditShape, conflict, conversationToChange, type ConversationResult } from "./shared.server";

export type AssessResult =
  | (Extract<ConversationResult, { ok: true }> & {
      /** A standing sanction proposal no longer holds under the new assessment and was withdrawn. */
      withdrawn: string[] | null;
    })
  | Extract<ConversationResult, { ok: false }>;

/**
 * FU-4 (LAS § 13, stk. 7-8; skrivelse 10112 §5.5, §6.6): records the attempts at personal contact after a no-show and
 * the assessment of a reasonable ground, as the legislation's Fu4NonAttendance record on the conversation. It can be
 * saved again as the attempts go on. If a sanction had been proposed and the new assessment no longer allows it, the
 * proposal is withdrawn in the same transaction and the answer says why.
 */
export async function assessNonAttendance(ctx: UseCaseContext, caseId: string, raw: unknown): Promise<AssessResult> {
  assertCan(ctx.actor, "case.write");
  const ref = ConversationRef.safeParse(raw);
  if (!ref.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(ref.error) };
  if (!isUuid(caseId)) return { ok: false, reason: "NOT_FOUND" };
  const asOf = today();

  return ctx.db.transaction(async (tx): Promise<AssessResult> => {
    const found = await conversationToChange(tx, ctx, caseId, ref.data.conversationId);
    if (!found.ok) return found;
    const { c, before } = found;
    const parsed = nonAttendanceInput(before.date, asOf).safeParse(raw);
    if (!parsed.success)
      return { ok: false, reason: "INVALID", errors: inOrder(fieldErrorsFrom(parsed.error), FU4_FIELDS) };
    if (before.version !== parsed.data.version) return conflict(tx, ctx, caseId, before.id);
    if (before.status !== "noShow") {
      return {
        ok: false,
        reason: "WRONG_STATUS",
        message: "Registrér først, at borgeren udeblev fra samtalen. Så kan udeblivelsen vurderes (FU-4).",
      };
    }
    const draft = toFu4(before.date, parsed.data, false);
    const blockers = before.sanctionProposedOn ? sanctionBlockers(draft) : [];
    const keep = before.sanctionProposedOn !== null && blockers.length === 0;
    const assessment = { ...draft, sanctionProposed: keep };
    const row = await updateConversationIfVersion(tx, caseId, before.id, before.version, {
      nonAttendance: assessment,
      sanctionProposedOn: keep ? before.sanctionProposedOn : null,
    });
    if (!row) return conflict(tx, ctx, caseId, before.id);
    await recordAudit(tx, ctx, {
      action: "conversation.nonAttendance.assess",
      citizenId: c.citizenId,
      entityType: "conversation",
      entityId: row.id,
      changes: diffFields(auditShape(before), auditShape(row)),
    });
    const withdrawn = before.sanctionProposedOn && !keep ? blockers : null;
    if (withdrawn) {
      await recordAudit(tx, ctx, {
        action: "conversation.sanction.withdraw",
        citizenId: c.citizenId,
        entityType: "conversation",
        entityId: row.id,
        changes: {
          sanctionProposedOn: { before: before.sanctionProposedOn, after: null },
          reason: { before: null, after: withdrawn.join(" ") },
        },
      });
    }
    await recomputeDeadlines(tx, caseId, asOf);
    return { ok: true, id: row.id, version: row.version, warnings: [], next: null, withdrawn };
  });
}

/**
 * FU-4: records a proposal to sanction the non-attendance, for a separate decision. Blocked while the attempts at
 * personal contact are not exhausted, while a reasonable ground is recorded, or where a sanction would not improve
 * availability (skrivelse 10112 §5.5, §6.6). The system never sanctions by itself: nothing about the ydelse changes.
 */
export async function proposeSanction(ctx: UseCaseContext, caseId: string, raw: unknown): Promise<ConversationResult> {
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
    if (before.status !== "noShow") {
      return {
        ok: false,
        reason: "WRONG_STATUS",
        message: "Der kan kun foreslås sanktion for en samtale, borgeren er udeblevet fra (FU-4).",
      };
    }
    if (before.sanctionProposedOn) {
      return {
        ok: false,
        reason: "WRONG_STATUS",
        message: `Der er allerede registreret et forslag om sanktion (${before.sanctionProposedOn}).`,
      };
    }
    const assessment = parseFu4(before.nonAttendance);
    const blockers = sanctionBlockers(assessment);
    if (blockers.length > 0 || !assessment) return { ok: false, reason: "BLOCKED", messages: blockers };
    const row = await updateConversationIfVersion(tx, caseId, before.id, before.version, {
      nonAttendance: { ...assessment, sanctionProposed: true },
      sanctionProposedOn: asOf,
    });
    if (!row) return conflict(tx, ctx, caseId, before.id);
    await recordAudit(tx, ctx, {
      action: "conversation.sanction.propose",
      citizenId: c.citizenId,
      entityType: "conversation",
      entityId: row.id,
      changes: diffFields(auditShape(before), auditShape(row)),
    });
    await recomputeDeadlines(tx, caseId, asOf);
    return { ok: true, id: row.id, version: row.version, warnings: [], next: null };
  });
}

/** Withdraws a recorded sanction proposal (e.g. the citizen got in touch with a reasonable ground). */
export async function withdrawSanction(ctx: UseCaseContext, caseId: string, raw: unknown): Promise<ConversationResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = ConversationRef.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  if (!isUuid(caseId)) return { ok: false, reason: "NOT_FOUND" };

  return ctx.db.transaction(async (tx): Promise<ConversationResult> => {
    const found = await conversationToChange(tx, ctx, caseId, input.conversationId, input.version);
    if (!found.ok) return found;
    const { c, before } = found;
    if (!before.sanctionProposedOn) {
      return { ok: false, reason: "WRONG_STATUS", message: "Der er ikke noget forslag om sanktion at trække tilbage." };
    }
    const assessment = parseFu4(before.nonAttendance);
    const row = await updateConversationIfVersion(tx, caseId, before.id, before.version, {
      nonAttendance: assessment ? { ...assessment, sanctionProposed: false } : before.nonAttendance,
      sanctionProposedOn: null,
    });
    if (!row) return conflict(tx, ctx, caseId, before.id);
    await recordAudit(tx, ctx, {
      action: "conversation.sanction.withdraw",
      citizenId: c.citizenId,
      entityType: "conversation",
      entityId: row.id,
      changes: diffFields(auditShape(before), auditShape(row)),
    });
    await recomputeDeadlines(tx, caseId);
    return { ok: true, id: row.id, version: row.version, warnings: [], next: null };
  });
}
