import { z } from "zod";
import { recomputeDeadlines } from "~/modules/frister/index.server";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom, isUuid, type FieldErrors } from "~/platform/validation";
import { findRequest, markRequestHandledIfOpen } from "./opfoelgning.db.server";
import { caseInMunicipality, userIdOf } from "./shared.server";

export type HandleRequestResult =
  | { ok: true; id: string }
  | { ok: false; reason: "INVALID"; errors: FieldErrors }
  | { ok: false; reason: "REQUEST_HANDLED"; handledByName: string | null; handledAt: Date | null }
  | { ok: false; reason: "NOT_FOUND" };

const HandleInput = z.object({
  requestId: z.uuid({ message: "Vælg en henvendelse" }),
  note: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z.string().max(2000, "Teksten er for lang (højst 2000 tegn)").optional(),
  ),
});

/**
 * Marks a citizen's request from Min Plan as handled (FU-1: conversations also when the citizen asks, 002 §5.5).
 * A request can be handled once; a second attempt (another tab, a colleague) is told who handled it.
 */
export async function handleRequest(ctx: UseCaseContext, caseId: string, raw: unknown): Promise<HandleRequestResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = HandleInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  if (!isUuid(caseId)) return { ok: false, reason: "NOT_FOUND" };
  const { requestId, note } = parsed.data;

  return ctx.db.transaction(async (tx): Promise<HandleRequestResult> => {
    const c = await caseInMunicipality(tx, ctx, caseId);
    if (!c) return { ok: false, reason: "NOT_FOUND" };
    const scope = { municipalityId: ctx.actor.municipalityId };
    const request = await findRequest(tx, scope, caseId, c.citizenId, requestId);
    if (!request) return { ok: false, reason: "NOT_FOUND" };
    if (request.handledAt || !(await markRequestHandledIfOpen(tx, request.id, userIdOf(ctx), new Date()))) {
      const now = await findRequest(tx, scope, caseId, c.citizenId, requestId);
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
      changes: {
        handled: { before: false, after: true },
        ...(note ? { note: { before: null, after: note } } : {}),
      },
    });
    await recomputeDeadlines(tx, caseId);
    return { ok: true, id: request.id };
  });
}
