import { recomputeDeadlines } from "~/modules/frister/index.server";
import { z } from "zod";
import { findCase, setCaseStatus } from "~/modules/cases/index.server";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { CaseAccess } from "~/platform/case-access";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom, type FieldErrors } from "~/platform/validation";
import { lockCaseVersion } from "./afgoerelser.db.server";

export const SendBackInput = z.object({
  version: z.coerce.number().int().min(1, "Send den version af sagen, du bygger på"),
  /** What the municipality wants to decide instead, for the team's new treatment of the case. */
  proposal: z.string().trim().max(5000, "Teksten er for lang").optional(),
});

export type SendBackResult =
  | { ok: true; version: number }
  | { ok: false; reason: "INVALID"; errors: FieldErrors }
  | { ok: false; reason: "WRONG_STATUS"; message: string }
  | { ok: false; reason: "CONFLICT"; version: number }
  | { ok: false; reason: "NOT_FOUND" };

/**
 * P-3: the municipality will not follow the team's indstilling, so the case goes back to the team before the
 * decision (002 §5.2). The status becomes backToTeam; the team puts it on an agenda with the purpose
 * "returnBeforeDecision", and its new indstilling lets the decision depart.
 */
export async function sendBackToTeam(ctx: UseCaseContext, access: CaseAccess, raw: unknown): Promise<SendBackResult> {
  assertCan(ctx.actor, "decision.make");
  const parsed = SendBackInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const scope = { municipalityId: ctx.actor.municipalityId };
  return ctx.db.transaction(async (tx): Promise<SendBackResult> => {
    const mine = access.municipalityId === scope.municipalityId;
    const version = mine ? await lockCaseVersion(tx, scope, access.caseId) : null;
    const c = version === null ? null : await findCase(tx, scope, access.caseId);
    if (version === null || !c) return { ok: false, reason: "NOT_FOUND" };
    if (version !== parsed.data.version) return { ok: false, reason: "CONFLICT", version };
    if (c.status !== "indstillingGiven") {
      return {
        ok: false,
        reason: "WRONG_STATUS",
        message: "Kun en sag med en indstilling, der afventer afgørelse, kan sendes tilbage til teamet (P-3).",
      };
    }
    await setCaseStatus(tx, scope, c.id, "backToTeam");
    await recordAudit(tx, ctx, {
      action: "case.backToTeam",
      citizenId: c.citizenId,
      entityType: "case",
      entityId: c.id,
      changes: {
        status: { before: c.status, after: "backToTeam" },
        ...(parsed.data.proposal ? { proposal: { before: null, after: parsed.data.proposal } } : {}),
      },
    });
    // The deadlines move with this change, in the same transaction.
    await recomputeDeadlines(tx, c.id);
    return { ok: true, version: version + 1 };
  });
}
