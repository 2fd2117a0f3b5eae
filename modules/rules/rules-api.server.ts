import { evaluateUnknown, ydelseUnknown, type EvaluateOutput, type InputIssue, type YdelseOutput } from "~/legislation";
import { assertCan } from "~/platform/auth/permissions";
import type { Actor } from "~/platform/auth/actor";

export type RulesResult<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };

/** The evaluate contract (shared/spec/evaluate.md) for an authenticated caller. Pure below the permission check. */
export function evaluateForCaller(actor: Actor, input: unknown): RulesResult<EvaluateOutput> {
  assertCan(actor, "rules.evaluate");
  return evaluateUnknown(input);
}

/** The monthly ressourceforløbsydelse (Y-1..Y-5), decision support only. */
export function ydelseForCaller(actor: Actor, input: unknown): RulesResult<YdelseOutput> {
  assertCan(actor, "rules.evaluate");
  return ydelseUnknown(input);
}
