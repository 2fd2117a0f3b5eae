import { addDaysIso } from "~/legislation";
import { recomputeDeadlines } from "~/modules/frister/index.server";
import { diffFields } from "~/platform/audit/audit-event";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom, isUuid, type FieldErrors } from "~/platform/validation";
import {
  checkExtension,
  checkPraktik,
  recordAuditShape,
  ruleBasis,
  skApplies,
  skNoticeProblem,
  statusOf,
  storedKind,
  weeksBetween,
  type InterventionDetails,
  type InterventionRecord,
  type LegalBasisKey,
  type PraktikDetails,
} from "./indsatser";
import {
  caseFacts,
  findRecord,
  insertRecord,
  listRecords,
  planItems,
  updateRecordIfVersion,
  type RecordPatch,
} from "./indsatser.db.server";
import { InterventionInput, InterventionUpdateInput, PraktikExtensionInput } from "./inputs";
import { conflict, invalid, NO_FORLOEB, NOT_FOUND, type Failure } from "./results";

export type RecordResult =
  | { ok: true; record: InterventionRecord; warnings: string[] }
  | Failure<InterventionRecord>
  /** The plan's intervention already has a record that is not stopped: change that one instead. */
  | { ok: false; reason: "DUPLICATE"; current: InterventionRecord };

interface Base {
  planItemId: string | null;
  title: string;
  legalBasis: LegalBasisKey;
  isOffer: boolean;
  provider: string | null;
}

interface Dates {
  offeredOn: string | null;
  skNoticeOn: string | null;
  startDate: string | null;
  plannedEnd: string | null;
  endDate: string | null;
  praktik: PraktikDetails;
}

/**
 * The rules for a record's facts: SK-1 before an offer under LAB kap. 11, 12 or 14 starts; VP-1..VP-4 for a
 * placement; SK-2 while the offer is on hold. Returns the field errors, the notes to show, and the details to store.
 */
function validate(
  base: Base,
  v: Dates,
  existing: InterventionRecord | null,
): { errors: FieldErrors; warnings: string[]; details: InterventionDetails } {
  const errors: FieldErrors = {};
  const warnings: string[] = [];
  const kind = storedKind(base.legalBasis, base.isOffer);
  const details: InterventionDetails = { ...(existing?.details ?? {}), legalBasis: base.legalBasis };

  // SK-2: an offer on hold does not start (or stop) until the municipality has decided.
  if (existing?.status === "onHold" && (v.startDate !== existing.startDate || v.endDate !== existing.endDate)) {
    errors.startDate = `Tilbuddet er sat i bero, fordi borgeren før start bad om en samtale med sundhedskoordinatoren. Borgeren begynder ikke, før kommunen har besluttet, om tilbuddet skal tilpasses (${ruleBasis("SK-2")}). Registrér kommunens beslutning først.`;
  }

  // SK-1: the written notice, at the latest with the offer; an offer does not start without it.
  if (skApplies(kind, base.isOffer)) {
    const problem = skNoticeProblem({ kind, isOffer: base.isOffer, offeredOn: v.offeredOn, skNoticeOn: v.skNoticeOn });
    if (v.startDate && !v.offeredOn) {
      errors.offeredOn = `Skriv datoen, hvor tilbuddet blev givet: vejledningen om retten til en samtale med sundhedskoordinatoren skal gives senest sammen med tilbuddet (${ruleBasis("SK-1")})`;
    } else if (problem && v.startDate) {
      errors.skNoticeOn = `${problem} Tilbuddet kan ikke registreres som startet: giv borgeren den skriftlige vejledning senest sammen med (et nyt) tilbud, og registrér datoerne.`;
    } else if (problem) {
      warnings.push(problem);
    }
  }

  // VP-1..VP-4 for virksomhedspraktik.
  if (kind === "lab11") {
    const p = checkPraktik(
      v.praktik,
      { startDate: v.startDate, plannedEnd: v.plannedEnd },
      existing?.details.extensions ?? [],
      v.startDate !== null,
      // VP-4 is checked when the start or the planned end changes (an extension has its own check).
      !existing || existing.startDate !== v.startDate || existing.plannedEnd !== v.plannedEnd,
    );
    Object.assign(errors, p.errors);
    warnings.push(...p.warnings);
    details.praktik = v.praktik;
    if (p.initialWeeks !== null) details.initialWeeks = p.initialWeeks;
  } else {
    delete details.praktik;
  }
  return { errors, warnings, details };
}

/**
 * Records an intervention: one of the current plan's (by its stable id: title, legal basis and offer/agreed come
 * from the plan, and it counts for the indsatsgaranti, IG-1) or one not in the plan (it does not count). In one
 * transaction: the record, the audit event and the recomputed deadlines.
 */
export async function recordIntervention(ctx: UseCaseContext, caseId: string, raw: unknown): Promise<RecordResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = InterventionInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const input = parsed.data;
  if (!isUuid(caseId)) return NOT_FOUND;
  const scope = { municipalityId: ctx.actor.municipalityId, caseId };
  const asOf = today();

  return ctx.db.transaction(async (tx): Promise<RecordResult> => {
    const c = await caseFacts(tx, scope, true);
    if (!c) return NOT_FOUND;
    if (!c.forloeb) return NO_FORLOEB;
    let base: Base;
    if (input.planItemId) {
      const item = (await planItems(tx, caseId)).find((i) => i.id === input.planItemId);
      if (!item) {
        return invalid({
          planItemId:
            "Indsatsen findes ikke i den gældende plan. Genindlæs siden, eller registrér den som ikke i planen.",
        });
      }
      const open = (await listRecords(tx, caseId)).find(
        (r) => r.planItemId === item.id && statusOf(r, asOf) !== "stopped",
      );
      if (open) return { ok: false, reason: "DUPLICATE", current: open };
      base = {
        planItemId: item.id,
        title: item.title,
        legalBasis: item.legalBasis,
        isOffer: item.form === "offer",
        provider: input.provider ?? item.provider,
      };
    } else {
      base = {
        planItemId: null,
        title: input.title!,
        legalBasis: input.legalBasis!,
        isOffer: input.form === "offer",
        provider: input.provider,
      };
    }
    const { errors, warnings, details } = validate(base, input, null);
    if (Object.keys(errors).length > 0) return invalid(errors);

    const kind = storedKind(base.legalBasis, base.isOffer);
    const dates = { startDate: input.startDate, endDate: input.endDate, skRequestedOn: null, skDecidedOn: null };
    const record = await insertRecord(tx, {
      caseId,
      planItemId: base.planItemId,
      kind,
      title: base.title,
      provider: base.provider,
      isOffer: base.isOffer,
      offeredOn: input.offeredOn,
      skNoticeOn: input.skNoticeOn,
      startDate: input.startDate,
      plannedEnd: input.plannedEnd,
      endDate: input.endDate,
      status: statusOf(dates, asOf),
      details: details as Record<string, unknown>,
      createdBy: ctx.actor.type === "user" ? ctx.actor.id : null,
    });
    await recordAudit(tx, ctx, {
      action: "intervention.record",
      citizenId: c.citizenId,
      entityType: "intervention_record",
      entityId: record.id,
      changes: diffFields(null, recordAuditShape(record)),
    });
    await recomputeDeadlines(tx, caseId);
    return { ok: true, record, warnings };
  });
}

/**
 * Changes a record: offer and notice dates, actual start, planned end, stop, and the placement's facts (VP-1..VP-4).
 * A stale version is a conflict and nothing is written.
 */
export async function updateIntervention(
  ctx: UseCaseContext,
  caseId: string,
  recordId: string,
  raw: unknown,
): Promise<RecordResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = InterventionUpdateInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const input = parsed.data;
  if (!isUuid(caseId) || !isUuid(recordId)) return NOT_FOUND;
  const scope = { municipalityId: ctx.actor.municipalityId, caseId };
  const asOf = today();

  return ctx.db.transaction(async (tx): Promise<RecordResult> => {
    const c = await caseFacts(tx, scope, true);
    if (!c) return NOT_FOUND;
    const existing = await findRecord(tx, caseId, recordId);
    if (!existing) return NOT_FOUND;
    if (!c.forloeb) return NO_FORLOEB;
    if (existing.version !== input.version) return conflict(existing);
    // An intervention of the plan keeps the plan's title, legal basis and form; one outside the plan may change them.
    const inPlan = existing.planItemId !== null;
    const base: Base = {
      planItemId: existing.planItemId,
      title: inPlan ? existing.title : (input.title ?? existing.title),
      legalBasis: inPlan || !input.legalBasis ? (existing.legalBasis ?? "other") : input.legalBasis,
      isOffer: inPlan || !input.form ? existing.isOffer : input.form === "offer",
      provider: input.provider ?? existing.provider,
    };
    const { errors, warnings, details } = validate(base, input, existing);
    if (Object.keys(errors).length > 0) return invalid(errors);

    const patch: RecordPatch = {
      title: base.title,
      kind: storedKind(base.legalBasis, base.isOffer),
      isOffer: base.isOffer,
      provider: base.provider,
      offeredOn: input.offeredOn,
      skNoticeOn: input.skNoticeOn,
      startDate: input.startDate,
      plannedEnd: input.plannedEnd,
      endDate: input.endDate,
      status: statusOf({ ...existing, startDate: input.startDate, endDate: input.endDate }, asOf),
      details: details as Record<string, unknown>,
    };
    const saved = await updateRecordIfVersion(tx, caseId, recordId, input.version, patch);
    if (!saved) return conflict(await findRecord(tx, caseId, recordId));
    await recordAudit(tx, ctx, {
      action: "intervention.update",
      citizenId: c.citizenId,
      entityType: "intervention_record",
      entityId: recordId,
      changes: diffFields(recordAuditShape(existing), recordAuditShape(saved)),
    });
    await recomputeDeadlines(tx, caseId);
    return { ok: true, record: saved, warnings };
  });
}

/**
 * VP-4: extends a placement by some weeks after a recorded concrete assessment. Up to 26 weeks in all; beyond that
 * only with "et helt særligt behov", 13 weeks at a time. The planned end moves, and with it the placement deadline.
 */
export async function extendPraktik(
  ctx: UseCaseContext,
  caseId: string,
  recordId: string,
  raw: unknown,
): Promise<RecordResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = PraktikExtensionInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const input = parsed.data;
  if (!isUuid(caseId) || !isUuid(recordId)) return NOT_FOUND;
  const scope = { municipalityId: ctx.actor.municipalityId, caseId };
  const asOf = today();

  return ctx.db.transaction(async (tx): Promise<RecordResult> => {
    const c = await caseFacts(tx, scope, true);
    if (!c) return NOT_FOUND;
    const existing = await findRecord(tx, caseId, recordId);
    if (!existing) return NOT_FOUND;
    if (!c.forloeb) return NO_FORLOEB;
    if (existing.version !== input.version) return conflict(existing);
    if (existing.kind !== "lab11") return invalid({ weeks: "Kun en virksomhedspraktik kan forlænges her (VP-4)" });
    if (!existing.startDate || !existing.plannedEnd) {
      return invalid({ weeks: "Registrér praktikkens start og planlagte slut, før den forlænges (VP-4)" });
    }
    if (existing.endDate) return invalid({ weeks: "Praktikken er stoppet og kan ikke forlænges" });
    const earlier = existing.details.extensions ?? [];
    const initialWeeks =
      existing.details.initialWeeks ??
      Math.max(1, weeksBetween(existing.startDate, existing.plannedEnd) - earlier.reduce((s, x) => s + x.weeks, 0));
    const next = { weeks: input.weeks, assessment: input.assessment ?? "", specialNeed: input.specialNeed };
    const check = checkExtension(existing.startDate, initialWeeks, earlier, next);
    if (Object.keys(check.errors).length > 0) return invalid(check.errors);

    const newEnd = addDaysIso(existing.plannedEnd, input.weeks * 7);
    const details: InterventionDetails = {
      ...existing.details,
      initialWeeks,
      extensions: [
        ...earlier,
        {
          ...next,
          recordedOn: asOf,
          previousEnd: existing.plannedEnd,
          newEnd,
          recordedBy: ctx.actor.name,
        },
      ],
    };
    const saved = await updateRecordIfVersion(tx, caseId, recordId, input.version, {
      plannedEnd: newEnd,
      details: details as Record<string, unknown>,
    });
    if (!saved) return conflict(await findRecord(tx, caseId, recordId));
    await recordAudit(tx, ctx, {
      action: "intervention.praktikExtend",
      citizenId: c.citizenId,
      entityType: "intervention_record",
      entityId: recordId,
      changes: {
        plannedEnd: { before: existing.plannedEnd, after: newEnd },
        extension: {
          before: null,
          after: `${input.weeks} uger${input.specialNeed ? " (helt særligt behov)" : ""}: ${next.assessment}`,
        },
        totalWeeks: { before: check.totalWeeks - input.weeks, after: check.totalWeeks },
      },
    });
    await recomputeDeadlines(tx, caseId);
    return { ok: true, record: saved, warnings: [] };
  });
}
