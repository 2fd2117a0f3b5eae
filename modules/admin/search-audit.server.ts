import { findAuditEvents, listAuditActors, type AuditRow } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { UseCaseContext } from "~/platform/context";
import { isUuid } from "~/platform/validation";

export interface AuditSearch {
  citizenId?: string;
  actorId?: string;
  beforeId?: number;
}

const PAGE = 200;

/** The admin's view of the access log, always within the admin's own municipality. */
export async function searchAudit(
  ctx: UseCaseContext,
  search: AuditSearch,
): Promise<{ events: AuditRow[]; actors: { id: string; name: string; role: string }[]; more: boolean }> {
  assertCan(ctx.actor, "audit.read");
  const municipalityId = ctx.actor.municipalityId;
  const events = await findAuditEvents(ctx.db, {
    municipalityId,
    citizenId: isUuid(search.citizenId) ? search.citizenId : undefined,
    actorId: isUuid(search.actorId) ? search.actorId : undefined,
    beforeId: search.beforeId,
    limit: PAGE + 1,
  });
  return {
    events: events.slice(0, PAGE),
    more: events.length > PAGE,
    actors: await listAuditActors(ctx.db, municipalityId),
  };
}
