import { recordAudit, recordAuditMany } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { UseCaseContext } from "~/platform/context";
import { isUuid } from "~/platform/validation";
import type { Citizen, CitizenListItem } from "./citizen";
import { findCitizen, searchCitizenRows } from "./citizens.db.server";
import { checkCpr, maskCpr } from "./cpr";

/**
 * Reads one citizen and writes the access event in the same transaction.
 * A citizen of another municipality is answered exactly like one that does not exist,
 * and the attempt is logged.
 */
export async function readCitizen(
  ctx: UseCaseContext,
  id: string,
  purpose: "view" | "edit" | "api" = "view",
): Promise<Citizen | null> {
  assertCan(ctx.actor, "citizen.read");
  return ctx.db.transaction(async (tx) => {
    const citizen = isUuid(id) ? await findCitizen(tx, { municipalityId: ctx.actor.municipalityId }, id) : null;
    await recordAudit(tx, ctx, {
      action: citizen ? `citizen.read.${purpose}` : "citizen.read.notFound",
      citizenId: citizen ? citizen.id : null,
      entityType: "citizen",
      entityId: id.slice(0, 64),
    });
    return citizen;
  });
}

export interface CitizenSearch {
  /** Free text: a CPR number (with or without dash) or part of a name. */
  q?: string;
  page: number;
  pageSize: number;
}

export interface CitizenSearchResult {
  items: CitizenListItem[];
  total: number;
  page: number;
  pageSize: number;
  kind: "all" | "cpr" | "name";
}

/** Lists are audit-logged per citizen shown: a list entry is also a read of that person's data. */
export async function searchCitizens(ctx: UseCaseContext, search: CitizenSearch): Promise<CitizenSearchResult> {
  assertCan(ctx.actor, "citizen.read");
  const q = search.q?.trim() ?? "";
  const digits = q.replace(/[\s-]/g, "");
  const cpr = /^\d{10}$/.test(digits) ? checkCpr(digits) : null;
  const kind = q === "" ? "all" : /^\d{10}$/.test(digits) ? "cpr" : "name";
  const scope = { municipalityId: ctx.actor.municipalityId };
  return ctx.db.transaction(async (tx) => {
    const { rows, total } =
      kind === "cpr" && !cpr?.ok
        ? { rows: [], total: 0 }
        : await searchCitizenRows(tx, scope, {
            cpr: kind === "cpr" && cpr?.ok ? cpr.cpr : undefined,
            name: kind === "name" ? q : undefined,
            limit: search.pageSize,
            offset: (search.page - 1) * search.pageSize,
          });
    await recordAuditMany(
      tx,
      ctx,
      rows.map((row) => ({ action: "citizen.listed", citizenId: row.id, entityType: "citizen", entityId: row.id })),
    );
    return {
      items: rows.map(({ cpr: full, ...rest }) => ({ ...rest, maskedCpr: maskCpr(full) })),
      total,
      page: search.page,
      pageSize: search.pageSize,
      kind,
    };
  });
}
