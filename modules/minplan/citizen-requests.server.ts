import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom, type FieldErrors } from "~/platform/validation";
import { BEFORE_TEAM, ConversationRequestInput, OwnViewInput } from "./minplan";
import { insertRequest, updateCitizenViewIfVersion } from "./minplan.db.server";
import { citizenScope, currentCaseOf } from "./read-minplan.server";

export type RequestResult =
  | { ok: true; id: string }
  | { ok: false; reason: "INVALID"; errors: FieldErrors }
  | { ok: false; reason: "NO_CASE" };

/**
 * "Bed om en samtale": there are conversations when the citizen asks for one (FU-1; skrivelse 10112 §5.5).
 * Stored as a citizen_requests row of kind "conversation", which the caseworker sees on the case.
 */
export async function requestConversation(ctx: UseCaseContext, raw: unknown): Promise<RequestResult> {
  assertCan(ctx.actor, "minplan.own");
  const scope = citizenScope(ctx.actor);
  if (!scope) return { ok: false, reason: "NO_CASE" };
  const parsed = ConversationRequestInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  return ctx.db.transaction(async (tx): Promise<RequestResult> => {
    const c = await currentCaseOf(tx, scope);
    if (!c) return { ok: false, reason: "NO_CASE" };
    const id = await insertRequest(tx, scope, { caseId: c.id, kind: "conversation", message: parsed.data.message });
    await recordAudit(tx, ctx, {
      action: "minplan.request.conversation",
      citizenId: scope.citizenId,
      entityType: "citizen_request",
      entityId: id,
      changes: { message: { before: null, after: parsed.data.message } },
    });
    return { ok: true, id };
  });
}

export type OwnViewResult =
  | { ok: true; storedOn: "case" | "request" }
  | { ok: false; reason: "INVALID"; errors: FieldErrors }
  /** The text for the team was changed elsewhere (another tab or device) after this page was opened. */
  | { ok: false; reason: "CONFLICT"; saved: string | null; basedOn: string }
  | { ok: false; reason: "NO_CASE" };

/**
 * The citizen's own view and wishes. Before the team meeting ("Min sag til teamet", P-1: the forberedende del is
 * made together with the citizen) the text is kept on the case (cases.citizen_view) for the caseworker and the
 * team; afterwards each message is a citizen_requests row of kind "view" for the caseworker.
 */
export async function addOwnView(ctx: UseCaseContext, raw: unknown): Promise<OwnViewResult> {
  assertCan(ctx.actor, "minplan.own");
  const scope = citizenScope(ctx.actor);
  if (!scope) return { ok: false, reason: "NO_CASE" };
  const parsed = OwnViewInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const { text, basedOn } = parsed.data;
  return ctx.db.transaction(async (tx): Promise<OwnViewResult> => {
    const c = await currentCaseOf(tx, scope);
    if (!c) return { ok: false, reason: "NO_CASE" };
    if (!BEFORE_TEAM.includes(c.status)) {
      const id = await insertRequest(tx, scope, { caseId: c.id, kind: "view", message: text });
      await recordAudit(tx, ctx, {
        action: "minplan.request.view",
        citizenId: scope.citizenId,
        entityType: "citizen_request",
        entityId: id,
        changes: { message: { before: null, after: text } },
      });
      return { ok: true, storedOn: "request" };
    }
    // Optimistic lock on the text: the page sends when the text it showed was saved. The case's version guards
    // the write itself, so a concurrent change of the case in between is never overwritten either.
    const savedAt = c.citizenViewAt ? c.citizenViewAt.toISOString() : "";
    if (savedAt !== basedOn) return { ok: false, reason: "CONFLICT", saved: c.citizenView, basedOn: savedAt };
    const version = await updateCitizenViewIfVersion(tx, scope, c.id, c.version, text, new Date());
    if (version === null) {
      const now = await currentCaseOf(tx, scope);
      return {
        ok: false,
        reason: "CONFLICT",
        saved: now?.citizenView ?? null,
        basedOn: now?.citizenViewAt ? now.citizenViewAt.toISOString() : "",
      };
    }
    await recordAudit(tx, ctx, {
      action: "minplan.view.forTeam",
      citizenId: scope.citizenId,
      entityType: "case",
      entityId: c.id,
      changes: { citizenView: { before: c.citizenView, after: text } },
    });
    return { ok: true, storedOn: "case" };
  });
}
