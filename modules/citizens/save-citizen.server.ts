import { diffFields, type FieldChanges } from "~/platform/audit/audit-event";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom, type FieldErrors } from "~/platform/validation";
import { auditShape, CitizenInput, type Citizen } from "./citizen";
import {
  findCitizen,
  findCitizenIdByCpr,
  insertCitizen,
  updateCitizenIfVersion,
  type CitizenValues,
} from "./citizens.db.server";
import { checkCpr, maskCpr } from "./cpr";

export type SaveCitizenResult =
  | { ok: true; id: string; version: number }
  | { ok: false; reason: "INVALID"; errors: FieldErrors }
  | { ok: false; reason: "CONFLICT"; current: Citizen }
  | { ok: false; reason: "NOT_FOUND" };

function validate(
  raw: unknown,
): { ok: true; values: CitizenValues; input: CitizenInput } | { ok: false; errors: FieldErrors } {
  const parsed = CitizenInput.safeParse(raw);
  const cprRaw = typeof (raw as { cpr?: unknown })?.cpr === "string" ? (raw as { cpr: string }).cpr : "";
  const cpr = checkCpr(cprRaw);
  const cprError = cpr.ok ? null : cprRaw.trim() === "" ? "Skriv borgerens CPR-nummer" : cpr.message;
  // CPR first, as in the form; the CPR rule's message wins over zod's.
  const errors: FieldErrors = {
    ...(cprError ? { cpr: cprError } : {}),
    ...(parsed.success ? {} : fieldErrorsFrom(parsed.error)),
    ...(cprError ? { cpr: cprError } : {}),
  };
  if (!parsed.success || !cpr.ok) return { ok: false, errors };
  const { network: _network, cpr: _cpr, ...rest } = parsed.data;
  return {
    ok: true,
    input: parsed.data,
    values: { ...rest, cpr: cpr.cpr, birthDate: cpr.birthDate, sex: cpr.sex },
  };
}

// The audit log shows that the CPR changed, never the number itself.
function maskCprChange(changes: FieldChanges): FieldChanges {
  const c = changes.cpr;
  if (!c) return changes;
  const mask = (v: unknown) => (typeof v === "string" ? maskCpr(v) : v);
  return { ...changes, cpr: { before: mask(c.before), after: mask(c.after) } };
}

const DUPLICATE_CPR = "Der findes allerede en borger med dette CPR-nummer i kommunen";

export async function createCitizen(ctx: UseCaseContext, raw: unknown): Promise<SaveCitizenResult> {
  assertCan(ctx.actor, "citizen.write");
  const v = validate(raw);
  if (!v.ok) return { ok: false, reason: "INVALID", errors: v.errors };
  const scope = { municipalityId: ctx.actor.municipalityId };
  return ctx.db.transaction(async (tx) => {
    if (await findCitizenIdByCpr(tx, scope, v.values.cpr)) {
      return { ok: false, reason: "INVALID", errors: { cpr: DUPLICATE_CPR } } as const;
    }
    const id = await insertCitizen(tx, scope, v.values, v.input.network);
    await recordAudit(tx, ctx, {
      action: "citizen.create",
      citizenId: id,
      entityType: "citizen",
      entityId: id,
      changes: maskCprChange(diffFields(null, auditShape({ ...v.values, network: v.input.network }))),
    });
    return { ok: true, id, version: 1 } as const;
  });
}

export async function updateCitizen(
  ctx: UseCaseContext,
  id: string,
  expectedVersion: number,
  raw: unknown,
): Promise<SaveCitizenResult> {
  assertCan(ctx.actor, "citizen.write");
  const v = validate(raw);
  if (!v.ok) return { ok: false, reason: "INVALID", errors: v.errors };
  const scope = { municipalityId: ctx.actor.municipalityId };
  return ctx.db.transaction(async (tx) => {
    const before = await findCitizen(tx, scope, id);
    if (!before) return { ok: false, reason: "NOT_FOUND" } as const;
    if (before.version !== expectedVersion) return { ok: false, reason: "CONFLICT", current: before } as const;
    const other = await findCitizenIdByCpr(tx, scope, v.values.cpr);
    if (other && other !== id) return { ok: false, reason: "INVALID", errors: { cpr: DUPLICATE_CPR } } as const;
    const version = await updateCitizenIfVersion(tx, scope, id, expectedVersion, v.values, v.input.network);
    // A concurrent edit committed between our read and the update.
    if (version === null) {
      const current = await findCitizen(tx, scope, id);
      return current
        ? ({ ok: false, reason: "CONFLICT", current } as const)
        : ({ ok: false, reason: "NOT_FOUND" } as const);
    }
    await recordAudit(tx, ctx, {
      action: "citizen.update",
      citizenId: id,
      entityType: "citizen",
      entityId: id,
      changes: maskCprChange(diffFields(auditShape(before), auditShape({ ...v.values, network: v.input.network }))),
    });
    return { ok: true, id, version } as const;
  });
}
