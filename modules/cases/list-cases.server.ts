import { recordAuditMany } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { UseCaseContext } from "~/platform/context";
import type { CaseStatus } from "./case";
import { listCasesByStatus, listCasesOfCitizen } from "./cases.db.server";

/** The municipality's cases in the given states; each citizen shown is an audited read. */
export async function listCases(ctx: UseCaseContext, statuses: CaseStatus[]) {
  assertCan(ctx.actor, "case.read");
  return ctx.db.transaction(async (tx) => {
    const rows = await listCasesByStatus(tx, { municipalityId: ctx.actor.municipalityId }, statuses);
    await recordAuditMany(
      tx,
      ctx,
      rows.map((r) => ({ action: "case.listed", citizenId: r.citizenId, entityType: "case", entityId: r.id })),
    );
    return rows;
  });
}

/** A citizen's cases, for the citizen page (whose read is audited by the citizens module). */
export async function casesOfCitizen(ctx: UseCaseContext, citizenId: string) {
  assertCan(ctx.actor, "case.read");
  return listCasesOfCitizen(ctx.db, { municipalityId: ctx.actor.municipalityId }, citizenId);
}
