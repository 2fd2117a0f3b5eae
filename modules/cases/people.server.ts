import { recomputeDeadlines } from "~/modules/frister/index.server";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { CaseAccess } from "~/platform/case-access";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import type { Queryable } from "~/platform/db/client.server";
import { fieldErrorsFrom, isUuid, type FieldErrors } from "~/platform/validation";
import { addDays, formatDate, parseDate } from "~/legislation";
import { currentCoordinator, endCurrentCoordinator, findCase, insertCoordinator } from "./cases.db.server";
import { findJobformidler, staffOfMunicipality, upsertJobformidler } from "./people.db.server";
import { CoordinatorInput, JobformidlerInput, jobformidlerIsCoordinator } from "./people";

type Failure = { ok: false; reason: "INVALID"; errors: FieldErrors } | { ok: false; reason: "NOT_FOUND" | "CONFLICT" };
type Result = { ok: true } | Failure;

const invalid = (errors: FieldErrors): Failure => ({ ok: false, reason: "INVALID", errors });
const fail = (reason: "NOT_FOUND" | "CONFLICT"): Failure => ({ ok: false, reason });
const done: Result = { ok: true };

/** P-6: appoints a new koordinerende sagsbehandler; the earlier one's period ends the day before. History is kept. */
export async function assignCoordinator(ctx: UseCaseContext, caseId: string, raw: unknown): Promise<Result> {
  assertCan(ctx.actor, "case.write");
  const parsed = CoordinatorInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const v = parsed.data;
  const scope = { municipalityId: ctx.actor.municipalityId };
  return ctx.db.transaction(async (tx): Promise<Result> => {
    const c = isUuid(caseId) ? await findCase(tx, scope, caseId) : null;
    if (!c) return fail("NOT_FOUND");
    const staff = await staffOfMunicipality(tx, scope.municipalityId);
    const person = staff.find((s) => s.id === v.userId);
    if (!person) return invalid({ userId: "Vælg en sagsbehandler i kommunen" });
    const current = await currentCoordinator(tx, caseId);
    if (current?.userId === v.userId && current.unit === v.unit) {
      return invalid({ userId: "Personen er allerede koordinerende sagsbehandler" });
    }
    if (current && v.fromDate <= current.fromDate) {
      return invalid({ fromDate: "Datoen skal ligge efter den nuværende sagsbehandlers startdato" });
    }
    const jf = await findJobformidler(tx, caseId);
    if (jf && jobformidlerIsCoordinator(jf, { name: person.name, email: person.email })) {
      return invalid({
        userId: "Personen er borgerens personlige jobformidler og kan ikke også være koordinerende sagsbehandler (P-7)",
      });
    }
    if (current) await endCurrentCoordinator(tx, caseId, formatDate(addDays(parseDate(v.fromDate), -1)));
    await insertCoordinator(tx, {
      caseId,
      userId: v.userId,
      unit: v.unit,
      unitKind: v.unitKind,
      fromDate: v.fromDate,
      citizenConsulted: v.citizenConsulted,
      reason: v.reason,
      assignedBy: ctx.actor.type === "user" ? ctx.actor.id : null,
    });
    await recordAudit(tx, ctx, {
      action: "case.coordinator.assign",
      citizenId: c.citizenId,
      entityType: "case",
      entityId: caseId,
      changes: {
        coordinator: { before: current?.name ?? null, after: person.name },
        unit: { before: current?.unit ?? null, after: v.unit },
        unitKind: { before: current?.unitKind ?? null, after: v.unitKind },
        citizenConsulted: { before: null, after: v.citizenConsulted },
      },
    });
    // Deadlines follow the coordinator who now owns them.
    await recomputeDeadlines(tx, caseId);
    return done;
  });
}

/** P-7: records the offer of a personlig jobformidler and the citizen's answer, with optimistic locking. */
export async function saveJobformidler(ctx: UseCaseContext, caseId: string, raw: unknown): Promise<Result> {
  assertCan(ctx.actor, "case.write");
  const parsed = JobformidlerInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const { version, ...values } = parsed.data;
  const scope = { municipalityId: ctx.actor.municipalityId };
  return ctx.db.transaction(async (tx): Promise<Result> => {
    const c = isUuid(caseId) ? await findCase(tx, scope, caseId) : null;
    if (!c) return fail("NOT_FOUND");
    const coordinator = await currentCoordinator(tx, caseId);
    if (jobformidlerIsCoordinator(values, coordinator)) {
      return invalid({
        name: "Den koordinerende sagsbehandler kan ikke være borgerens personlige jobformidler (P-7, 002 §5.9)",
      });
    }
    const before = await findJobformidler(tx, caseId);
    if ((before?.version ?? null) !== (version ?? null)) return fail("CONFLICT");
    const saved = await upsertJobformidler(tx, caseId, version ?? null, values);
    if (saved === null) return fail("CONFLICT");
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [k, v] of Object.entries(values)) {
      const b = (before as Record<string, unknown> | null)?.[k] ?? null;
      if (b !== v) changes[k] = { before: b, after: v };
    }
    await recordAudit(tx, ctx, {
      action: "case.jobformidler.save",
      citizenId: c.citizenId,
      entityType: "case",
      entityId: caseId,
      changes,
    });
    return done;
  });
}

/** The people on a case, for pages whose case read was audited. */
export async function peopleOfCase(db: Queryable, access: CaseAccess) {
  return {
    jobformidler: await findJobformidler(db, access.caseId),
    staff: await staffOfMunicipality(db, access.municipalityId),
  };
}

/** The municipality's caseworkers and leaders, for pickers. */
export async function staffList(ctx: UseCaseContext) {
  assertCan(ctx.actor, "case.read");
  return staffOfMunicipality(ctx.db, ctx.actor.municipalityId);
}

/** The leader moves a case to another caseworker from today; the P-6 history records why. */
export async function reassignCase(ctx: UseCaseContext, caseId: string, userId: string): Promise<Result> {
  assertCan(ctx.actor, "deadlines.lead");
  const staff = await staffOfMunicipality(ctx.db, ctx.actor.municipalityId);
  const person = staff.find((s) => s.id === userId);
  if (!person) return invalid({ userId: "Vælg en sagsbehandler i kommunen" });
  return assignCoordinator(ctx, caseId, {
    userId,
    unit: person.unit ?? "Jobcentret",
    unitKind: "jobcenter",
    fromDate: today(),
    citizenConsulted: false,
    reason: `Omfordelt af ${ctx.actor.name} (faglig leder) for at overholde sagens frister. Borgeren orienteres.`,
  });
}
