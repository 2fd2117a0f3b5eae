import { z } from "zod";
import { isValidDate } from "~/legislation";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom, isUuid, type FieldErrors } from "~/platform/validation";
import { insertCase, insertCoordinator } from "./cases.db.server";
import { citizenExists } from "./citizen-lookup.db.server";

export const OpenCaseInput = z
  .object({
    origin: z.enum(["municipality", "application"], { message: "Vælg, hvordan sagen er startet" }),
    applicationReceivedOn: z.string().trim().optional(),
    applicationText: z.string().trim().max(5000, "Teksten er for lang").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.origin !== "application") return;
    if (!v.applicationReceivedOn || !isValidDate(v.applicationReceivedOn)) {
      ctx.addIssue({
        code: "custom",
        path: ["applicationReceivedOn"],
        message: "Skriv datoen for ansøgningen (ÅÅÅÅ-MM-DD)",
      });
    }
    if (!v.applicationText) {
      ctx.addIssue({ code: "custom", path: ["applicationText"], message: "Skriv, hvad borgeren søger om" });
    }
  });

/** A caseworker opens a case about ressourceforløb; the opener is the coordinating caseworker until changed (P-6). */
export async function openCase(
  ctx: UseCaseContext,
  citizenId: string,
  raw: unknown,
): Promise<
  { ok: true; id: string } | { ok: false; reason: "INVALID"; errors: FieldErrors } | { ok: false; reason: "NOT_FOUND" }
> {
  assertCan(ctx.actor, "case.write");
  const parsed = OpenCaseInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const scope = { municipalityId: ctx.actor.municipalityId };
  const input = parsed.data;
  return ctx.db.transaction(async (tx) => {
    if (!isUuid(citizenId) || !(await citizenExists(tx, scope, citizenId)))
      return { ok: false, reason: "NOT_FOUND" } as const;
    const fromApplication = input.origin === "application";
    const openedOn = today();
    const id = await insertCase(tx, scope, {
      citizenId,
      origin: input.origin,
      applicationReceivedOn: fromApplication ? (input.applicationReceivedOn ?? null) : null,
      applicationText: fromApplication ? (input.applicationText ?? null) : null,
      openedOn,
      openedBy: ctx.actor.type === "user" ? ctx.actor.id : null,
      judgement: fromApplication
        ? { tg9: { startedFromApplication: true, requestedHelp: input.applicationText, refusedToConsider: false } }
        : {},
    });
    if (ctx.actor.type === "user") {
      await insertCoordinator(tx, {
        caseId: id,
        userId: ctx.actor.id,
        unit: ctx.actor.unit ?? "Jobcentret",
        unitKind: "jobcenter",
        fromDate: openedOn,
        citizenConsulted: false,
        reason: "Sagsbehandleren, der åbnede sagen",
        assignedBy: ctx.actor.id,
      });
    }
    await recordAudit(tx, ctx, {
      action: "case.open",
      citizenId,
      entityType: "case",
      entityId: id,
      changes: { origin: { before: null, after: input.origin } },
    });
    return { ok: true, id } as const;
  });
}
