import type { Finding } from "~/legislation";
import { setCaseStatus } from "~/modules/cases/index.server";
import { recomputeDeadlines } from "~/modules/frister/index.server";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { CaseAccess } from "~/platform/case-access";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom } from "~/platform/validation";
import {
  assessE2,
  checkEnding,
  dayAfter,
  EndInput,
  endingFactsOf,
  normalizeRaw,
  type E2Facts,
  type EndingFacts,
  type EndingRecord,
} from "./afslutning";
import { recipientOf, updateForloebIfVersion } from "./afslutning.db.server";
import { isFailure, loadLocked, notEnded, type EndingResult } from "./load.server";

export type EndResult = EndingResult<{ outcome: string; endedOn: string }>;

/**
 * E-1: ends the forløb with an outcome from the fixed list, and the case gets status "ended". Refused, with the rule
 * named, when the ending breaks E-3 (the 6-year line), D-5 (after the end date without a decided next step), D-6/P-1
 * (a team step not decided through the team) or E-2 (kontanthjælp without one of its two paths); lack of participation
 * is E-4's own decision with a letter. The E-2 facts are stored with the ending.
 */
export async function endForloeb(ctx: UseCaseContext, access: CaseAccess, raw: unknown): Promise<EndResult> {
  assertCan(ctx.actor, "decision.make");
  const parsed = EndInput.safeParse(normalizeRaw(raw));
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  const asOf = today();
  const scope = { municipalityId: ctx.actor.municipalityId };

  return ctx.db.transaction(async (tx): Promise<EndResult> => {
    const loaded = await loadLocked(tx, ctx, access, asOf);
    if (isFailure(loaded)) return loaded;
    const stop = notEnded(loaded);
    if (stop) return stop;
    const { c, f, phase } = loaded;
    if (f.version !== input.version) return { ok: false, reason: "CONFLICT", version: f.version };

    const check = checkEnding(
      input,
      {
        startDate: f.startDate,
        effectiveEnd: phase.effectiveEnd,
        nextStep: f.nextStep,
        nextStepDecidedOn: f.nextStepDecidedOn,
      },
      asOf,
    );
    if (!check.ok) {
      return {
        ok: false,
        reason: "REFUSED",
        ruleId: check.ruleId,
        message: check.message,
        errors: { [check.field]: check.message },
        explanation: check.ruleId === "D-5" || check.ruleId === "D-6" ? phase.explanation : null,
      };
    }

    const facts = endingFactsOf(f.endingFacts);
    let e2: E2Facts | undefined = facts.e2;
    let warnings: Finding[] = [];
    if (input.outcome === "kontanthjaelp") {
      const citizen = await recipientOf(tx, scope, c.citizenId);
      if (!citizen) return { ok: false, reason: "NOT_FOUND" };
      const gate = assessE2(input.e2, {
        birthDate: citizen.birthDate,
        transitionDate: dayAfter(input.endedOn),
        recordedOn: asOf,
      });
      if (!gate.ok) {
        return gate.kind === "invalid"
          ? { ok: false, reason: "INVALID", errors: gate.errors }
          : {
              ok: false,
              reason: "REFUSED",
              ruleId: "E-2",
              message: gate.message,
              errors: gate.errors,
              explanation: gate.explanation,
            };
      }
      e2 = gate.facts;
      warnings = gate.facts.findings.filter((x) => x.severity !== "error");
    }

    const ending: EndingRecord = {
      outcome: input.outcome,
      endedOn: input.endedOn,
      early: check.early,
      earlyGround: check.early ? (input.earlyGround ?? null) : null,
      reasons: input.reasons,
      recordedOn: asOf,
      by: ctx.actor.name,
    };
    const endingFacts: EndingFacts = { ...facts, ending, ...(e2 ? { e2 } : {}) };
    const version = await updateForloebIfVersion(tx, f.id, input.version, {
      status: "ended",
      endedOn: input.endedOn,
      outcome: input.outcome,
      endingFacts: endingFacts as Record<string, unknown>,
    });
    if (version === null) return { ok: false, reason: "CONFLICT", version: f.version };
    await setCaseStatus(tx, scope, c.id, "ended");
    await recordAudit(tx, ctx, {
      action: "forloeb.end",
      citizenId: c.citizenId,
      entityType: "forloeb",
      entityId: f.id,
      changes: {
        outcome: { before: f.outcome, after: input.outcome },
        endedOn: { before: f.endedOn, after: input.endedOn },
        early: { before: null, after: check.early },
        ...(ending.earlyGround ? { earlyGround: { before: null, after: ending.earlyGround } } : {}),
        ...(input.outcome === "kontanthjaelp"
          ? { "e2.path": { before: facts.e2?.path ?? null, after: e2?.path } }
          : {}),
        status: { before: f.status, after: "ended" },
        "case.status": { before: c.status, after: "ended" },
      },
    });
    await recomputeDeadlines(tx, c.id, asOf);
    return { ok: true, version, outcome: input.outcome, endedOn: input.endedOn, warnings };
  });
}
