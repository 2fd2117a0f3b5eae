import { addDays, formatDate, parseDate } from "~/legislation";
import { recordAuditMany } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { CaseAccess } from "~/platform/case-access";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import type { Queryable } from "~/platform/db/client.server";
import { deadlineStatus, type DeadlineStatus } from "./deadlines";
import { countsPerCaseworker, deadlinesOfCase, openDeadlines, settingsOf, type DeadlineRow } from "./frister.db.server";

export interface DeadlineView {
  id: string;
  caseId: string;
  citizenName: string;
  coordinatorName: string | null;
  userId: string | null;
  kind: string;
  title: string;
  dueDate: string;
  metOn: string | null;
  status: DeadlineStatus;
  ruleId: string;
  anchor: string;
  explanation: unknown;
}

function view(r: DeadlineRow, asOf: string, dueSoonDays: number): DeadlineView {
  return {
    id: r.id,
    caseId: r.caseId,
    citizenName: r.citizenName,
    coordinatorName: r.coordinatorName,
    userId: r.userId,
    kind: r.kind,
    title: r.title,
    dueDate: r.dueDate,
    metOn: r.metOn,
    status: deadlineStatus(r, asOf, dueSoonDays),
    ruleId: r.ruleId,
    anchor: r.anchor,
    explanation: r.explanation,
  };
}

const ORDER: Record<DeadlineStatus, number> = { overdue: 0, dueSoon: 1, upcoming: 2, met: 3 };

async function listed(ctx: UseCaseContext, tx: Queryable, rows: DeadlineRow[]) {
  // A deadline list names citizens: each one shown is an audited read.
  const seen = new Map(rows.map((r) => [r.caseId, r]));
  await recordAuditMany(
    tx,
    ctx,
    [...seen.values()].map((r) => ({
      action: "deadline.listed",
      entityType: "case",
      entityId: r.caseId,
      citizenId: r.citizenId,
    })),
  );
}

/** "Mine frister": the caseworker's open deadlines, overdue first, then due soon (or all open with `all`). */
export async function myDeadlines(ctx: UseCaseContext, opts: { all?: boolean; userId?: string | null } = {}) {
  assertCan(ctx.actor, "case.read");
  const asOf = today();
  return ctx.db.transaction(async (tx) => {
    const settings = await settingsOf(tx, ctx.actor.municipalityId);
    const dueBy = opts.all ? "9999-12-31" : formatDate(addDays(parseDate(asOf), settings.dueSoonDays));
    // userId null: every caseworker in the municipality (API callers without a person of their own).
    const userId = opts.userId === undefined ? ctx.actor.id : (opts.userId ?? undefined);
    const rows = await openDeadlines(tx, { municipalityId: ctx.actor.municipalityId, userId, dueBy });
    await listed(ctx, tx, rows);
    const items = rows
      .map((r) => view(r, asOf, settings.dueSoonDays))
      .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.dueDate.localeCompare(b.dueDate));
    return { asOf, dueSoonDays: settings.dueSoonDays, items };
  });
}

/** The team leader's view: counts per caseworker and every overdue deadline in the municipality. */
export async function teamDeadlines(ctx: UseCaseContext) {
  assertCan(ctx.actor, "deadlines.lead");
  const asOf = today();
  return ctx.db.transaction(async (tx) => {
    const settings = await settingsOf(tx, ctx.actor.municipalityId);
    const counts = await countsPerCaseworker(tx, ctx.actor.municipalityId, asOf);
    const overdueRows = await openDeadlines(tx, {
      municipalityId: ctx.actor.municipalityId,
      dueBy: formatDate(addDays(parseDate(asOf), -1)),
    });
    await listed(ctx, tx, overdueRows);
    return { asOf, counts, overdue: overdueRows.map((r) => view(r, asOf, settings.dueSoonDays)) };
  });
}

/**
 * A case's deadlines, for a case page whose read was audited. `settings`: the municipality's, when the page has
 * already read them (saves a round trip).
 */
export async function caseDeadlines(
  db: Queryable,
  access: CaseAccess,
  settings?: Awaited<ReturnType<typeof settingsOf>>,
) {
  const asOf = today();
  const [s, rows] = await Promise.all([
    settings ?? settingsOf(db, access.municipalityId),
    deadlinesOfCase(db, access.caseId),
  ]);
  return rows
    .map((r) =>
      view({ ...r, citizenId: access.citizenId, citizenName: "", coordinatorName: null }, asOf, s.dueSoonDays),
    )
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.dueDate.localeCompare(b.dueDate));
}
