import { lettersOfCitizen } from "~/modules/letters/index.server";
import { currentPlan } from "~/modules/plan/index.server";
import { recordAudit } from "~/platform/audit/audit.db.server";
import type { Actor } from "~/platform/auth/actor";
import { assertCan } from "~/platform/auth/permissions";
import { mintCaseAccess } from "~/platform/case-access";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import type { Queryable } from "~/platform/db/client.server";
import { CLOSED, type MinPlanView } from "./minplan";
import {
  casesOfCitizen,
  coordinatorOfCase,
  forloebOfCase,
  jobformidlerOfCase,
  lastMeeting,
  nextMeeting,
  requestsOfCitizen,
  type CitizenScope,
} from "./minplan.db.server";

/** The citizen's own scope, from the login; a citizen login without a citizen sees nothing. */
export function citizenScope(actor: Actor): CitizenScope | null {
  if (actor.role !== "citizen" || !actor.citizenId) return null;
  return { municipalityId: actor.municipalityId, citizenId: actor.citizenId };
}

/** The case Min Plan is about: the newest open case, else the newest case. */
export async function currentCaseOf(db: Queryable, scope: CitizenScope) {
  const all = await casesOfCitizen(db, scope);
  return all.find((c) => !CLOSED.includes(c.status)) ?? all[0] ?? null;
}

/**
 * Everything Min Plan shows, read in one transaction with one audit event ("minplan.read"): the citizen reading
 * their own data is also a read. Every query is bounded by the citizen of the login.
 */
export async function readMinPlan(ctx: UseCaseContext): Promise<MinPlanView | null> {
  assertCan(ctx.actor, "minplan.own");
  const scope = citizenScope(ctx.actor);
  if (!scope) return null;
  const asOf = today();
  return ctx.db.transaction(async (tx) => {
    const c = await currentCaseOf(tx, scope);
    await recordAudit(tx, ctx, {
      action: "minplan.read",
      citizenId: scope.citizenId,
      entityType: c ? "case" : "citizen",
      entityId: c ? c.id : scope.citizenId,
    });
    const base: MinPlanView = {
      citizenName: ctx.actor.name,
      asOf,
      case: null,
      forloeb: null,
      plan: null,
      nextMeeting: null,
      lastMeeting: null,
      coordinator: null,
      jobformidler: null,
      jobformidlerAnswer: null,
      letters: [],
      requests: await requestsOfCitizen(tx, scope),
    };
    if (!c) return base;
    // The read above is audited and bounded by the citizen's own id, so the plan and letter reads may use it.
    const access = mintCaseAccess({ caseId: c.id, citizenId: scope.citizenId, municipalityId: scope.municipalityId });
    const plan = await currentPlan(tx, access);
    const jf = await jobformidlerOfCase(tx, c.id);
    const letters = await lettersOfCitizen(tx, access);
    return {
      ...base,
      case: { id: c.id, status: c.status, citizenView: c.citizenView, citizenViewAt: c.citizenViewAt },
      forloeb: await forloebOfCase(tx, scope, c.id),
      plan: plan ? { revision: plan.revision, content: plan.content, createdAt: plan.createdAt } : null,
      nextMeeting: await nextMeeting(tx, c.id, asOf),
      lastMeeting: await lastMeeting(tx, c.id, asOf),
      coordinator: await coordinatorOfCase(tx, c.id),
      // P-7: the jobformidler is shown when the citizen wished one (JOBFORMIDLER_ANSWERS in modules/cases).
      jobformidler:
        jf && jf.answer === "wants"
          ? {
              name: jf.name,
              phone: jf.phone,
              email: jf.email,
              tasks: jf.tasks,
              agreements: jf.agreements,
              isMentor: jf.isMentor,
            }
          : null,
      jobformidlerAnswer: jf?.answer ?? null,
      letters: letters.map((l) => ({ id: l.id, kind: l.kind, title: l.title, createdAt: l.createdAt })),
    };
  });
}
