import { z } from "zod";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { createApiToken, listApiTokens, revokeApiToken } from "~/platform/auth/auth.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom, isUuid, type FieldErrors } from "~/platform/validation";
import { TOKEN_ROLES } from "./token-roles";

export const NewTokenInput = z.object({
  name: z
    .string()
    .trim()
    .min(3, "Giv tokenet et navn på mindst 3 tegn, fx systemets navn")
    .max(100, "Navnet er for langt"),
  role: z.enum(TOKEN_ROLES, { message: "Vælg den rolle, systemet skal have" }),
});

export async function listTokens(ctx: UseCaseContext) {
  assertCan(ctx.actor, "token.manage");
  return listApiTokens(ctx.db, ctx.actor.municipalityId);
}

/** A service account is scoped to the admin's municipality and one role. The token is shown once. */
export async function createToken(
  ctx: UseCaseContext,
  raw: unknown,
): Promise<{ ok: true; token: string; name: string } | { ok: false; errors: FieldErrors }> {
  assertCan(ctx.actor, "token.manage");
  const parsed = NewTokenInput.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrorsFrom(parsed.error) };
  return ctx.db.transaction(async (tx) => {
    const created = await createApiToken(tx, {
      municipalityId: ctx.actor.municipalityId,
      role: parsed.data.role,
      name: parsed.data.name,
      createdBy: ctx.actor.type === "user" ? ctx.actor.id : null,
    });
    await recordAudit(tx, ctx, {
      action: "token.create",
      entityType: "apiToken",
      entityId: created.id,
      changes: { name: { before: null, after: parsed.data.name }, role: { before: null, after: parsed.data.role } },
    });
    return { ok: true, token: created.token, name: parsed.data.name } as const;
  });
}

export async function revokeToken(ctx: UseCaseContext, id: string): Promise<{ ok: boolean }> {
  assertCan(ctx.actor, "token.manage");
  if (!isUuid(id)) return { ok: false };
  return ctx.db.transaction(async (tx) => {
    const revoked = await revokeApiToken(tx, {
      id,
      municipalityId: ctx.actor.municipalityId,
      revokedBy: ctx.actor.type === "user" ? ctx.actor.id : null,
    });
    if (!revoked) return { ok: false };
    await recordAudit(tx, ctx, {
      action: "token.revoke",
      entityType: "apiToken",
      entityId: id,
      changes: { revoked: { before: false, after: true } },
    });
    return { ok: true };
  });
}
