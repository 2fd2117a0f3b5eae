import { z } from "zod";
import { isValidDate, type MissingElement } from "~/legislation";
import { diffFields } from "~/platform/audit/audit-event";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom, type FieldErrors } from "~/platform/validation";
import { missingForTeam, PREPARATORY_KEYS, type CaseRecord } from "./case";
import { findCase, updateCaseIfVersion } from "./cases.db.server";

const JUDGEMENT_SECTIONS = ["tg1", "tg2", "tg3", "tg4", "tg5", "tg7", "tg8", "tg9"] as const;
const EDITABLE: CaseRecord["status"][] = ["visitation", "readyForTeam", "backToTeam"];

export const VisitationInput = z.object({
  version: z.coerce.number().int().min(1),
  bisidderInformedOn: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isValidDate(v), "Skriv en gyldig dato (ÅÅÅÅ-MM-DD)"),
  citizenWishesForloeb: z.boolean().optional(),
  judgement: z.record(z.string(), z.unknown()).optional(),
  preparatory: z.record(z.string(), z.string().max(20_000, "Teksten er for lang")).optional(),
});

export type SaveVisitationResult =
  | { ok: true; version: number; missing: MissingElement[]; sentToTeam: boolean }
  | { ok: false; reason: "INVALID"; errors: FieldErrors }
  | { ok: false; reason: "INCOMPLETE"; missing: MissingElement[]; version: number }
  | { ok: false; reason: "CONFLICT" | "NOT_FOUND" | "LOCKED" };

/**
 * Saves the visitation as a draft, and optionally sends the case to the rehabiliteringsteam. A draft is always
 * kept; sending is refused while anything required is missing, and the page names each missing element.
 */
export async function saveVisitation(
  ctx: UseCaseContext,
  caseId: string,
  raw: unknown,
  options: { sendToTeam: boolean },
): Promise<SaveVisitationResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = VisitationInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  const scope = { municipalityId: ctx.actor.municipalityId };
  return ctx.db.transaction(async (tx) => {
    const current = await findCase(tx, scope, caseId);
    if (!current) return { ok: false, reason: "NOT_FOUND" } as const;
    if (!EDITABLE.includes(current.status)) return { ok: false, reason: "LOCKED" } as const;
    if (current.version !== input.version) return { ok: false, reason: "CONFLICT" } as const;

    const judgement: Record<string, unknown> = {};
    for (const s of JUDGEMENT_SECTIONS) {
      const v = input.judgement?.[s];
      if (v && typeof v === "object" && Object.keys(v).length > 0) judgement[s] = v;
    }
    const preparatory: Record<string, string> = {};
    for (const k of PREPARATORY_KEYS) {
      const v = input.preparatory?.[k]?.trim();
      if (v) preparatory[k] = v;
    }
    const next = {
      ...current,
      judgement,
      preparatory,
      bisidderInformedOn: input.bisidderInformedOn || null,
      citizenWishesForloeb: input.citizenWishesForloeb ?? false,
    };
    const missing = missingForTeam(next);
    const send = options.sendToTeam && missing.length === 0;
    // Editing a case that was ready takes it back to visitation if something required is now missing.
    const status =
      send && current.status === "visitation"
        ? "readyForTeam"
        : current.status === "readyForTeam" && missing.length > 0
          ? "visitation"
          : current.status;
    const version = await updateCaseIfVersion(tx, scope, caseId, input.version, {
      judgement,
      preparatory,
      bisidderInformedOn: next.bisidderInformedOn,
      citizenWishesForloeb: next.citizenWishesForloeb,
      status,
      ...(send && current.status === "visitation" ? { readyForTeamAt: new Date() } : {}),
    });
    if (version === null) return { ok: false, reason: "CONFLICT" } as const;
    const changes = diffFields(auditView(current), auditView({ ...next, status }));
    await recordAudit(tx, ctx, {
      action: "case.visitation.save",
      citizenId: current.citizenId,
      entityType: "case",
      entityId: caseId,
      changes,
    });
    if (options.sendToTeam && missing.length > 0) return { ok: false, reason: "INCOMPLETE", missing, version } as const;
    return { ok: true, version, missing, sentToTeam: send } as const;
  });
}

// Sections are audited as readable JSON, one field each, so the log shows what changed.
function auditView(
  c: Pick<CaseRecord, "judgement" | "preparatory" | "bisidderInformedOn" | "citizenWishesForloeb" | "status">,
) {
  const out: Record<string, unknown> = {
    status: c.status,
    bisidderInformedOn: c.bisidderInformedOn,
    citizenWishesForloeb: c.citizenWishesForloeb,
  };
  for (const [k, v] of Object.entries(c.judgement)) out[`judgement.${k}`] = JSON.stringify(v);
  for (const [k, v] of Object.entries(c.preparatory)) out[`preparatory.${k}`] = v;
  return out;
}
