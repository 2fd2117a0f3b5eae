import { recomputeDeadlines } from "~/modules/frister/index.server";
import { diffFields } from "~/platform/audit/audit-event";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom, isUuid, type FieldErrors } from "~/platform/validation";
import { checkMentorGrant, ruleBasis, type MentorGrant } from "./indsatser";
import { caseFacts, insertGrant, listGrants, updateGrantIfVersion } from "./indsatser.db.server";
import { MentorGrantInput, MentorGrantUpdateInput } from "./inputs";
import { conflict, invalid, NO_FORLOEB, NOT_FOUND, type Failure } from "./results";

export type MentorGrantResult = { ok: true; grant: MentorGrant; warnings: string[] } | Failure<MentorGrant>;

function auditShape(g: Partial<MentorGrant> | null): Record<string, unknown> {
  if (!g) return {};
  return {
    mentorName: g.mentorName,
    mentorContact: g.mentorContact,
    role: g.role,
    goals: g.goals,
    fromDate: g.fromDate,
    toDate: g.toDate,
    renewalOf: g.renewalOf,
    assessment: g.assessment,
  };
}

/** MT-2 and MT-3 for a grant against the case's other grants. */
function validate(input: MentorGrantInput, others: readonly MentorGrant[], asOf: string) {
  const errors: FieldErrors = {};
  if (input.renewalOf) {
    const renewed = others.find((g) => g.id === input.renewalOf);
    if (!renewed) errors.renewalOf = "Den bevilling, der forlænges, findes ikke i sagen";
    else if (input.fromDate <= renewed.fromDate) {
      errors.fromDate = `En ny periode skal begynde efter starten af den bevilling, den forlænger (${renewed.fromDate})`;
    }
    if (!input.assessment) {
      errors.assessment = `En ny periode kræver en registreret konkret vurdering (${ruleBasis("MT-3")})`;
    }
  }
  const rule = checkMentorGrant(input, others, asOf);
  for (const [k, v] of Object.entries(rule.errors)) errors[k] ??= v;
  return { errors, warnings: rule.warnings };
}

/**
 * Grants mentor support (LAB kap. 26): the mentor, the role, the goals in order of priority (MT-2), and a period of at
 * most 6 months (MT-3); a renewal points to the earlier grant and needs a recorded concrete assessment. The mentor
 * ending deadline is recomputed in the same transaction.
 */
export async function grantMentor(ctx: UseCaseContext, caseId: string, raw: unknown): Promise<MentorGrantResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = MentorGrantInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const input = parsed.data;
  if (!isUuid(caseId)) return NOT_FOUND;
  const asOf = today();

  return ctx.db.transaction(async (tx): Promise<MentorGrantResult> => {
    const c = await caseFacts(tx, { municipalityId: ctx.actor.municipalityId, caseId }, true);
    if (!c) return NOT_FOUND;
    if (!c.forloeb) return NO_FORLOEB;
    const others = await listGrants(tx, caseId);
    const { errors, warnings } = validate(input, others, asOf);
    if (Object.keys(errors).length > 0) return invalid(errors);
    const grant = await insertGrant(tx, {
      caseId,
      mentorName: input.mentorName,
      mentorContact: input.mentorContact,
      role: input.role,
      goals: input.goals,
      fromDate: input.fromDate,
      toDate: input.toDate,
      renewalOf: input.renewalOf,
      assessment: input.assessment,
      createdBy: ctx.actor.type === "user" ? ctx.actor.id : null,
    });
    await recordAudit(tx, ctx, {
      action: input.renewalOf ? "mentorGrant.renew" : "mentorGrant.create",
      citizenId: c.citizenId,
      entityType: "mentor_grant",
      entityId: grant.id,
      changes: diffFields(null, auditShape(grant)),
    });
    await recomputeDeadlines(tx, caseId);
    return { ok: true, grant, warnings };
  });
}

/** Corrects a grant (contact, goals, dates); the same rules apply, and a stale version is a conflict. */
export async function updateMentorGrant(
  ctx: UseCaseContext,
  caseId: string,
  grantId: string,
  raw: unknown,
): Promise<MentorGrantResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = MentorGrantUpdateInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const input = parsed.data;
  if (!isUuid(caseId) || !isUuid(grantId)) return NOT_FOUND;
  const asOf = today();

  return ctx.db.transaction(async (tx): Promise<MentorGrantResult> => {
    const c = await caseFacts(tx, { municipalityId: ctx.actor.municipalityId, caseId }, true);
    if (!c) return NOT_FOUND;
    const all = await listGrants(tx, caseId);
    const existing = all.find((g) => g.id === grantId);
    if (!existing) return NOT_FOUND;
    if (!c.forloeb) return NO_FORLOEB;
    if (existing.version !== input.version) return conflict(existing);
    if (input.renewalOf === grantId) return invalid({ renewalOf: "En bevilling kan ikke forlænge sig selv" });
    const { errors, warnings } = validate(
      input,
      all.filter((g) => g.id !== grantId),
      asOf,
    );
    if (Object.keys(errors).length > 0) return invalid(errors);
    const saved = await updateGrantIfVersion(tx, caseId, grantId, input.version, {
      mentorName: input.mentorName,
      mentorContact: input.mentorContact,
      role: input.role,
      goals: input.goals,
      fromDate: input.fromDate,
      toDate: input.toDate,
      renewalOf: input.renewalOf,
      assessment: input.assessment,
    });
    if (!saved) return conflict((await listGrants(tx, caseId)).find((g) => g.id === grantId) ?? null);
    await recordAudit(tx, ctx, {
      action: "mentorGrant.update",
      citizenId: c.citizenId,
      entityType: "mentor_grant",
      entityId: grantId,
      changes: diffFields(auditShape(existing), auditShape(saved)),
    });
    await recomputeDeadlines(tx, caseId);
    return { ok: true, grant: saved, warnings };
  });
}
