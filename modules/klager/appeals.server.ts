import { findCase } from "~/modules/cases/index.server";
import { recomputeDeadlines } from "~/modules/frister/index.server";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { CaseAccess } from "~/platform/case-access";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import type { Queryable } from "~/platform/db/client.server";
import { fieldErrorsFrom, isUuid, type FieldErrors } from "~/platform/validation";
import {
  APPEALABLE_DECISION_LABELS,
  appealTiming,
  normalizeRaw,
  OutcomeInput,
  REASSESSMENT_RESULTS,
  ReassessInput,
  RegisterAppealInput,
  type AppealTiming,
} from "./klager";
import {
  decisionOfCase,
  findAppeal,
  insertAppeal,
  interventionsOfCase,
  updateAppealIfVersion,
} from "./klager.db.server";

export type AppealResult =
  | { ok: true; id: string; version: number; timing: AppealTiming }
  | { ok: false; reason: "INVALID"; errors: FieldErrors }
  | { ok: false; reason: "CONFLICT"; version: number }
  | { ok: false; reason: "WRONG_STATUS"; message: string }
  | { ok: false; reason: "NOT_FOUND" };

const dk = (iso: string) => iso.split("-").reverse().join(".");

async function caseOf(tx: Queryable, ctx: UseCaseContext, access: CaseAccess) {
  const scope = { municipalityId: ctx.actor.municipalityId };
  if (access.municipalityId !== scope.municipalityId) return null;
  return findCase(tx, scope, access.caseId);
}

/**
 * registers an appeal of one of the case's afgørelser or interventions (LAB § 204), with the day it was received
 * and the day the citizen received the decision. A late appeal (after the 4 weeks) is still registered, and flagged;
 * the A-2 re-assessment deadline is computed by modules/frister in the same transaction.
 */
export async function registerAppeal(ctx: UseCaseContext, access: CaseAccess, raw: unknown): Promise<AppealResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = RegisterAppealInput.safeParse(normalizeRaw(raw));
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  const asOf = today();
  return ctx.db.transaction(async (tx): Promise<AppealResult> => {
    const c = await caseOf(tx, ctx, access);
    if (!c) return { ok: false, reason: "NOT_FOUND" };
    const errors: FieldErrors = {};
    if (input.receivedOn > asOf) errors.receivedOn = "Klagen kan ikke være modtaget efter i dag";
    let subject: string;
    if (input.afgoerelseId) {
      const d = await decisionOfCase(tx, c.id, input.afgoerelseId);
      if (!d) return { ok: false, reason: "INVALID", errors: { target: "Afgørelsen findes ikke i sagen" } };
      if (input.decisionReceivedOn < d.decidedOn) {
        errors.decisionReceivedOn = `Afgørelsen blev truffet ${dk(d.decidedOn)}; borgeren kan ikke have modtaget den før`;
      }
      subject = `Afgørelse af ${dk(d.decidedOn)}: ${APPEALABLE_DECISION_LABELS[d.kind] ?? d.kind}`;
    } else {
      const i = (await interventionsOfCase(tx, c.id)).find((x) => x.id === input.interventionRecordId);
      if (!i) return { ok: false, reason: "INVALID", errors: { target: "Indsatsen findes ikke i sagen" } };
      subject = `Indsats: ${i.title}`;
    }
    if (Object.keys(errors).length > 0) return { ok: false, reason: "INVALID", errors };

    const id = await insertAppeal(tx, {
      caseId: c.id,
      afgoerelseId: input.afgoerelseId ?? null,
      interventionRecordId: input.interventionRecordId ?? null,
      subject,
      receivedOn: input.receivedOn,
      decisionReceivedOn: input.decisionReceivedOn,
      note: input.note,
      createdBy: ctx.actor.type === "user" ? ctx.actor.id : null,
    });
    const timing = appealTiming({
      receivedOn: input.receivedOn,
      decisionReceivedOn: input.decisionReceivedOn,
      reassessedOn: null,
      reassessmentResult: null,
      forwardedOn: null,
      outcome: null,
    });
    await recordAudit(tx, ctx, {
      action: "appeal.register",
      citizenId: c.citizenId,
      entityType: "appeal",
      entityId: id,
      changes: {
        subject: { before: null, after: subject },
        receivedOn: { before: null, after: input.receivedOn },
        decisionReceivedOn: { before: null, after: input.decisionReceivedOn },
        lodgedLate: { before: null, after: timing.lodgedLate },
      },
    });
    await recomputeDeadlines(tx, c.id, asOf);
    return { ok: true, id, version: 1, timing };
  });
}

/**
 * records the municipality's re-assessment. If the decision stands (fully or in part), the appeal is forwarded to
 * Ankestyrelsen, and the day is recorded; both meet the re-assessment deadline. A late re-assessment is recorded and
 * flagged. The re-assessment is a new decision on the matter, so it needs decision.make.
 */
export async function reassessAppeal(
  ctx: UseCaseContext,
  access: CaseAccess,
  appealId: string,
  raw: unknown,
): Promise<AppealResult> {
  assertCan(ctx.actor, "decision.make");
  const parsed = ReassessInput.safeParse(normalizeRaw(raw));
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  const asOf = today();
  return ctx.db.transaction(async (tx): Promise<AppealResult> => {
    const c = await caseOf(tx, ctx, access);
    const a = c && isUuid(appealId) ? await findAppeal(tx, c.id, appealId, { lock: true }) : null;
    if (!c || !a) return { ok: false, reason: "NOT_FOUND" };
    if (a.version !== input.version) return { ok: false, reason: "CONFLICT", version: a.version };
    if (a.reassessedOn) return { ok: false, reason: "WRONG_STATUS", message: "Klagen er allerede genvurderet." };
    const errors: FieldErrors = {};
    if (input.reassessedOn < a.receivedOn)
      errors.reassessedOn = "Genvurderingen kan ikke ligge før klagen blev modtaget";
    if (input.reassessedOn > asOf) errors.reassessedOn = "Datoen kan ikke ligge efter i dag";
    if (input.forwardedOn && input.forwardedOn > asOf) errors.forwardedOn = "Datoen kan ikke ligge efter i dag";
    if (Object.keys(errors).length > 0) return { ok: false, reason: "INVALID", errors };
    const patch = {
      reassessedOn: input.reassessedOn,
      reassessmentResult: input.result,
      forwardedOn: REASSESSMENT_RESULTS[input.result].forward ? (input.forwardedOn ?? null) : null,
      ...(input.note ? { note: a.note ? `${a.note}\n\n${input.note}` : input.note } : {}),
    };
    const version = await updateAppealIfVersion(tx, a.id, input.version, patch);
    if (version === null) return { ok: false, reason: "CONFLICT", version: a.version };
    const timing = appealTiming({ ...a, ...patch });
    await recordAudit(tx, ctx, {
      action: "appeal.reassess",
      citizenId: c.citizenId,
      entityType: "appeal",
      entityId: a.id,
      changes: {
        reassessedOn: { before: null, after: patch.reassessedOn },
        reassessmentResult: { before: null, after: patch.reassessmentResult },
        forwardedOn: { before: null, after: patch.forwardedOn },
        reassessedLate: { before: null, after: timing.reassessedLate },
      },
    });
    await recomputeDeadlines(tx, c.id, asOf);
    return { ok: true, id: a.id, version, timing };
  });
}

/** records Ankestyrelsen's outcome of a forwarded appeal. */
export async function recordAppealOutcome(
  ctx: UseCaseContext,
  access: CaseAccess,
  appealId: string,
  raw: unknown,
): Promise<AppealResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = OutcomeInput.safeParse(normalizeRaw(raw));
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  const asOf = today();
  return ctx.db.transaction(async (tx): Promise<AppealResult> => {
    const c = await caseOf(tx, ctx, access);
    const a = c && isUuid(appealId) ? await findAppeal(tx, c.id, appealId, { lock: true }) : null;
    if (!c || !a) return { ok: false, reason: "NOT_FOUND" };
    if (a.version !== input.version) return { ok: false, reason: "CONFLICT", version: a.version };
    if (!a.forwardedOn) {
      return {
        ok: false,
        reason: "WRONG_STATUS",
        message: "Ankestyrelsens afgørelse kan først registreres, når klagen er sendt til Ankestyrelsen (A-2).",
      };
    }
    if (a.outcome)
      return { ok: false, reason: "WRONG_STATUS", message: "Ankestyrelsens afgørelse er allerede registreret." };
    if (input.outcomeOn < a.forwardedOn) {
      return {
        ok: false,
        reason: "INVALID",
        errors: {
          outcomeOn: `Klagen blev sendt til Ankestyrelsen ${dk(a.forwardedOn)}; afgørelsen kan ikke ligge før`,
        },
      };
    }
    if (input.outcomeOn > asOf)
      return { ok: false, reason: "INVALID", errors: { outcomeOn: "Datoen kan ikke ligge efter i dag" } };
    const patch = {
      outcome: input.outcome,
      outcomeOn: input.outcomeOn,
      ...(input.note ? { note: a.note ? `${a.note}\n\n${input.note}` : input.note } : {}),
    };
    const version = await updateAppealIfVersion(tx, a.id, input.version, patch);
    if (version === null) return { ok: false, reason: "CONFLICT", version: a.version };
    await recordAudit(tx, ctx, {
      action: "appeal.outcome",
      citizenId: c.citizenId,
      entityType: "appeal",
      entityId: a.id,
      changes: {
        outcome: { before: null, after: input.outcome },
        outcomeOn: { before: null, after: input.outcomeOn },
      },
    });
    await recomputeDeadlines(tx, c.id, asOf);
    return { ok: true, id: a.id, version, timing: appealTiming({ ...a, ...patch }) };
  });
}
