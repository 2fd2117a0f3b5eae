import { recordAudit } from "~/platform/audit/audit.db.server";
import { can } from "~/platform/auth/permissions";
import type { CaseAccess } from "~/platform/case-access";
import type { UseCaseContext } from "~/platform/context";
import type { Queryable } from "~/platform/db/client.server";
import { isUuid } from "~/platform/validation";
import { findLetter, listLettersOfCitizen } from "./letters.db.server";

/**
 * A letter's PDF, for staff of the municipality with case access, or for the citizen it was sent to.
 * Every opening is audit-logged.
 */
export async function readLetter(ctx: UseCaseContext, id: string) {
  const staff = can(ctx.actor, "case.read") || can(ctx.actor, "team.view");
  const citizen = ctx.actor.role === "citizen";
  if (!isUuid(id) || (!staff && !citizen)) return null;
  return ctx.db.transaction(async (tx) => {
    const letter = await findLetter(tx, ctx.actor.municipalityId, id);
    const allowed = letter && (staff || letter.citizenId === ctx.actor.citizenId);
    await recordAudit(tx, ctx, {
      action: allowed ? "letter.read" : "letter.read.notFound",
      citizenId: allowed ? letter.citizenId : null,
      entityType: "letter",
      entityId: id,
    });
    return allowed ? letter : null;
  });
}

/** The citizen's letters, newest first, for a case view whose read was already audited. */
export async function lettersOfCitizen(db: Queryable, access: CaseAccess) {
  return listLettersOfCitizen(db, access.municipalityId, access.citizenId);
}
