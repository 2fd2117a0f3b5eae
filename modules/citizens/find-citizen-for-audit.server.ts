import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { UseCaseContext } from "~/platform/context";
import { isUuid } from "~/platform/validation";
import { findCitizen, findCitizenIdByCpr } from "./citizens.db.server";
import { checkCpr } from "./cpr";

/**
 * The admin's lookup behind "who has seen this citizen's data": by CPR (posted, never in a URL) or id.
 * The lookup itself is logged.
 */
export async function findCitizenIdForAudit(
  ctx: UseCaseContext,
  by: { cpr?: string; id?: string },
): Promise<{ ok: true; id: string; name: string } | { ok: false; message: string }> {
  assertCan(ctx.actor, "audit.read");
  const scope = { municipalityId: ctx.actor.municipalityId };
  let id = by.id ?? null;
  if (by.cpr !== undefined) {
    const cpr = checkCpr(by.cpr);
    if (!cpr.ok) return { ok: false, message: cpr.message };
    id = await findCitizenIdByCpr(ctx.db, scope, cpr.cpr);
  }
  if (!isUuid(id)) return { ok: false, message: "Der er ingen borger med dette CPR-nummer i kommunen" };
  return ctx.db.transaction(async (tx) => {
    const citizen = await findCitizen(tx, scope, id);
    if (!citizen) return { ok: false, message: "Borgeren findes ikke i kommunen" } as const;
    await recordAudit(tx, ctx, {
      action: "audit.lookupCitizen",
      citizenId: citizen.id,
      entityType: "citizen",
      entityId: citizen.id,
    });
    return { ok: true, id: citizen.id, name: citizen.name } as const;
  });
}
