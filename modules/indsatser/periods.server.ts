import { recomputeDeadlines } from "~/modules/frister/index.server";
import { diffFields } from "~/platform/audit/audit-event";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom, isUuid } from "~/platform/validation";
import { danishDate, overlappingPeriod, PERIOD_KIND_INFO, type ForloebPeriod } from "./indsatser";
import {
  caseFacts,
  deletePeriodIfVersion,
  insertPeriod,
  listPeriods,
  updatePeriodIfVersion,
} from "./indsatser.db.server";
import { PeriodInput, PeriodUpdateInput, VersionInput } from "./inputs";
import { conflict, invalid, NO_FORLOEB, NOT_FOUND, type Failure } from "./results";

export type PeriodResult = { ok: true; period: ForloebPeriod } | Failure<ForloebPeriod>;

function auditShape(p: ForloebPeriod | null): Record<string, unknown> {
  return p ? { kind: p.kind, fromDate: p.fromDate, toDate: p.toDate, note: p.note } : {};
}

function overlapMessage(o: ForloebPeriod): string {
  return `Perioden overlapper en anden periode med ${PERIOD_KIND_INFO[o.kind].label.toLowerCase()} (${danishDate(o.fromDate)} – ${danishDate(o.toDate)}). Ret den eksisterende periode i stedet.`;
}

/**
 * Records a period that moves deadlines: barsel moves the end date (D-4); fritagelse and stand-by extend the
 * indsatsgaranti window (IG-2); ordinary paid hours, STU and KHE § 15 in the first 6 months exempt from it (IG-3);
 * sickness moves nothing. Two periods of the same kind may not overlap. Deadlines recompute in the same transaction.
 */
export async function recordPeriod(ctx: UseCaseContext, caseId: string, raw: unknown): Promise<PeriodResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = PeriodInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const input = parsed.data;
  if (!isUuid(caseId)) return NOT_FOUND;

  return ctx.db.transaction(async (tx): Promise<PeriodResult> => {
    const c = await caseFacts(tx, { municipalityId: ctx.actor.municipalityId, caseId }, true);
    if (!c) return NOT_FOUND;
    if (!c.forloeb) return NO_FORLOEB;
    const overlap = overlappingPeriod(input, await listPeriods(tx, caseId));
    if (overlap) return invalid({ fromDate: overlapMessage(overlap) });
    const period = await insertPeriod(tx, {
      caseId,
      kind: input.kind,
      fromDate: input.fromDate,
      toDate: input.toDate,
      note: input.note,
      createdBy: ctx.actor.type === "user" ? ctx.actor.id : null,
    });
    await recordAudit(tx, ctx, {
      action: "period.create",
      citizenId: c.citizenId,
      entityType: "forloeb_period",
      entityId: period.id,
      changes: diffFields(null, auditShape(period)),
    });
    await recomputeDeadlines(tx, caseId);
    return { ok: true, period };
  });
}

export async function updatePeriod(
  ctx: UseCaseContext,
  caseId: string,
  periodId: string,
  raw: unknown,
): Promise<PeriodResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = PeriodUpdateInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const input = parsed.data;
  if (!isUuid(caseId) || !isUuid(periodId)) return NOT_FOUND;

  return ctx.db.transaction(async (tx): Promise<PeriodResult> => {
    const c = await caseFacts(tx, { municipalityId: ctx.actor.municipalityId, caseId }, true);
    if (!c) return NOT_FOUND;
    const all = await listPeriods(tx, caseId);
    const existing = all.find((p) => p.id === periodId);
    if (!existing) return NOT_FOUND;
    if (!c.forloeb) return NO_FORLOEB;
    if (existing.version !== input.version) return conflict(existing);
    const overlap = overlappingPeriod(input, all, periodId);
    if (overlap) return invalid({ fromDate: overlapMessage(overlap) });
    const saved = await updatePeriodIfVersion(tx, caseId, periodId, input.version, {
      kind: input.kind,
      fromDate: input.fromDate,
      toDate: input.toDate,
      note: input.note,
    });
    if (!saved) return conflict((await listPeriods(tx, caseId)).find((p) => p.id === periodId) ?? null);
    await recordAudit(tx, ctx, {
      action: "period.update",
      citizenId: c.citizenId,
      entityType: "forloeb_period",
      entityId: periodId,
      changes: diffFields(auditShape(existing), auditShape(saved)),
    });
    await recomputeDeadlines(tx, caseId);
    return { ok: true, period: saved };
  });
}

/** Removes a period recorded by mistake; the audit event keeps what it was. */
export async function deletePeriod(
  ctx: UseCaseContext,
  caseId: string,
  periodId: string,
  raw: unknown,
): Promise<PeriodResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = VersionInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  if (!isUuid(caseId) || !isUuid(periodId)) return NOT_FOUND;

  return ctx.db.transaction(async (tx): Promise<PeriodResult> => {
    const c = await caseFacts(tx, { municipalityId: ctx.actor.municipalityId, caseId }, true);
    if (!c) return NOT_FOUND;
    const existing = (await listPeriods(tx, caseId)).find((p) => p.id === periodId);
    if (!existing) return NOT_FOUND;
    if (existing.version !== parsed.data.version) return conflict(existing);
    const deleted = await deletePeriodIfVersion(tx, caseId, periodId, parsed.data.version);
    if (!deleted) return conflict((await listPeriods(tx, caseId)).find((p) => p.id === periodId) ?? null);
    await recordAudit(tx, ctx, {
      action: "period.delete",
      citizenId: c.citizenId,
      entityType: "forloeb_period",
      entityId: periodId,
      changes: diffFields(auditShape(existing), null),
    });
    await recomputeDeadlines(tx, caseId);
    return { ok: true, period: deleted };
  });
}
