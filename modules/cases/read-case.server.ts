import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan, type Permission } from "~/platform/auth/permissions";
import { mintCaseAccess, type CaseAccess } from "~/platform/case-access";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import { isUuid } from "~/platform/validation";
import { missingForTeam, type CaseRecord } from "./case";
import { coordinatorHistory, currentCoordinator, findCase, forloebOfCitizen } from "./cases.db.server";
import { citizenSummary } from "./citizen-lookup.db.server";
import { visitationFindings } from "./visitation-findings";

export interface CaseView {
  access: CaseAccess;
  case: CaseRecord;
  citizen: NonNullable<Awaited<ReturnType<typeof citizenSummary>>>;
  coordinator: Awaited<ReturnType<typeof currentCoordinator>>;
  coordinators: Awaited<ReturnType<typeof coordinatorHistory>>;
  forloeb: Awaited<ReturnType<typeof forloebOfCitizen>>;
  asOf: string;
}

/**
 * Reads a case within the actor's municipality and writes the access event in the same transaction.
 * Returns a CaseAccess that other modules require for their parts of the case.
 */
export async function readCase(
  ctx: UseCaseContext,
  caseId: string,
  purpose: string = "view",
  permission: Permission = "case.read",
): Promise<CaseView | null> {
  assertCan(ctx.actor, permission);
  const scope = { municipalityId: ctx.actor.municipalityId };
  return ctx.db.transaction(async (tx) => {
    const c = isUuid(caseId) ? await findCase(tx, scope, caseId) : null;
    const citizen = c ? await citizenSummary(tx, scope, c.citizenId) : null;
    await recordAudit(tx, ctx, {
      action: c ? `case.read.${purpose}` : "case.read.notFound",
      citizenId: c?.citizenId ?? null,
      entityType: "case",
      entityId: caseId.slice(0, 64),
    });
    if (!c || !citizen) return null;
    const coordinators = await coordinatorHistory(tx, c.id);
    return {
      access: mintCaseAccess({ caseId: c.id, citizenId: c.citizenId, municipalityId: c.municipalityId }),
      case: c,
      citizen,
      coordinator: currentOf(coordinators),
      coordinators,
      forloeb: await forloebOfCitizen(tx, scope, c.citizenId),
      asOf: today(),
    };
  });
}

/** As currentCoordinator, from the history already read: the open assignment with the latest start. */
function currentOf(history: Awaited<ReturnType<typeof coordinatorHistory>>): CaseView["coordinator"] {
  const open = history.filter((h) => h.toDate === null);
  const latest = open.reduce<(typeof open)[number] | null>((a, b) => (a && a.fromDate > b.fromDate ? a : b), null);
  if (!latest) return null;
  const { id, userId, name, email, unit, unitKind, fromDate } = latest;
  return { id, userId, name, email, unit, unitKind, fromDate };
}

/** The rules' view of a new forløb for the case's citizen, and what is missing before the team. */
export function visitationStatus(view: CaseView) {
  const findings = visitationFindings({
    asOf: view.asOf,
    birthDate: view.citizen.birthDate,
    wishesNewForloeb: view.case.citizenWishesForloeb,
    forloeb: view.forloeb.filter((f) => f.caseId !== view.case.id),
  });
  return { findings, missing: missingForTeam(view.case) };
}
