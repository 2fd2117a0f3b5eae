import type { Explanation } from "~/legislation";
import { decisionsOf } from "~/modules/afgoerelser/index.server";
import type { CaseView } from "~/modules/cases/index.server";
import { deadlineStatus, type DeadlineStatus } from "~/modules/frister";
import { settingsOf } from "~/modules/frister/index.server";
import { can } from "~/platform/auth/permissions";
import type { CaseAccess } from "~/platform/case-access";
import type { UseCaseContext } from "~/platform/context";
import type { Queryable } from "~/platform/db/client.server";
import { APPEALABLE_DECISION_LABELS, appealTiming, type AppealRecord, type AppealTiming } from "./klager";
import { appealDeadlinesOfCase, appealsOfCase, interventionsOfCase } from "./klager.db.server";

export interface AppealView extends AppealRecord {
  timing: AppealTiming;
  deadline: { dueDate: string; metOn: string | null; status: DeadlineStatus; explanation: Explanation | null } | null;
}

/** The case's appeals with timing and their stored deadline, for a case read that was already audited. */
export async function appealsOf(db: Queryable, access: CaseAccess, asOf: string): Promise<AppealView[]> {
  const settings = await settingsOf(db, access.municipalityId);
  const deadlines = await appealDeadlinesOfCase(db, access.caseId);
  return (await appealsOfCase(db, access.caseId)).map((a) => {
    const d = deadlines.find((x) => x.refId === a.id);
    return {
      ...a,
      timing: appealTiming(a),
      deadline: d
        ? {
            dueDate: d.dueDate,
            metOn: d.metOn,
            status: deadlineStatus(d, asOf, settings.dueSoonDays),
            explanation: (d.explanation as Explanation | null) ?? null,
          }
        : null,
    };
  });
}

/**
 * The Klager page: each afgørelse and each recorded intervention with its appeals (the decision's history), and what
 * the user may do. Decisions come from the afgørelser module through the same CaseAccess.
 */
export async function appealsOverview(ctx: UseCaseContext, view: CaseView) {
  const appeals = await appealsOf(ctx.db, view.access, view.asOf);
  const decisions = (await decisionsOf(ctx.db, view.access)).map((d) => ({
    id: d.id,
    kind: d.kind as string,
    label: APPEALABLE_DECISION_LABELS[d.kind] ?? d.kind,
    decidedOn: d.decidedOn,
    startDate: d.startDate,
    endDate: d.endDate,
    decidedBy: d.decidedBy.name,
    letterId: d.letter?.id ?? null,
    appeals: appeals.filter((a) => a.afgoerelseId === d.id),
  }));
  const interventions = (await interventionsOfCase(ctx.db, view.case.id)).map((i) => ({
    ...i,
    appeals: appeals.filter((a) => a.interventionRecordId === i.id),
  }));
  return {
    asOf: view.asOf,
    decisions,
    interventions,
    appeals,
    canWrite: can(ctx.actor, "case.write"),
    canReassess: can(ctx.actor, "decision.make"),
  };
}
