import type { Explanation, Finding } from "~/legislation";
import { findCase } from "~/modules/cases/index.server";
import type { CaseRecord } from "~/modules/cases";
import { settingsOf } from "~/modules/frister/index.server";
import type { CaseAccess } from "~/platform/case-access";
import type { UseCaseContext } from "~/platform/context";
import type { Queryable } from "~/platform/db/client.server";
import type { FieldErrors } from "~/platform/validation";
import { forloebPhase, type ForloebPhase } from "./afslutning";
import { barselOfCase, forloebOfCase, type ForloebRow } from "./afslutning.db.server";

/** What every use case of this module answers. */
export type EndingResult<T extends object = object> =
  | ({ ok: true; version: number; warnings: Finding[] } & T)
  | { ok: false; reason: "INVALID"; errors: FieldErrors }
  | {
      ok: false;
      reason: "REFUSED";
      ruleId: string;
      message: string;
      errors: FieldErrors;
      explanation: Explanation | null;
    }
  | { ok: false; reason: "CONFLICT"; version: number }
  | { ok: false; reason: "WRONG_STATUS"; message: string }
  | { ok: false; reason: "NOT_ALLOWED"; ruleId: "P-6"; message: string }
  | { ok: false; reason: "NOT_FOUND" };

export type Failure = Extract<EndingResult, { ok: false }>;

export interface Loaded {
  c: CaseRecord;
  f: ForloebRow;
  phase: ForloebPhase;
  teamLeadWeeks: number;
}

/**
 * Loads the case (within the actor's municipality) and locks its forløb for the rest of the transaction. Another
 * municipality's case is "not found"; a case without a forløb cannot be ended.
 */
export async function loadLocked(
  tx: Queryable,
  ctx: UseCaseContext,
  access: CaseAccess,
  asOf: string,
): Promise<Loaded | Failure> {
  const scope = { municipalityId: ctx.actor.municipalityId };
  if (access.municipalityId !== scope.municipalityId) return { ok: false, reason: "NOT_FOUND" };
  const c = await findCase(tx, scope, access.caseId);
  if (!c) return { ok: false, reason: "NOT_FOUND" };
  const f = await forloebOfCase(tx, scope, c.id, { lock: true });
  if (!f) {
    return {
      ok: false,
      reason: "WRONG_STATUS",
      message: "Sagen har ikke et bevilget ressourceforløb, så der er intet forløb at afslutte.",
    };
  }
  const settings = await settingsOf(tx, scope.municipalityId);
  const phase = forloebPhase(
    {
      id: f.id,
      startDate: f.startDate,
      plannedEnd: f.plannedEnd,
      nextStepDecidedOn: f.nextStepDecidedOn,
      endedOn: f.endedOn,
    },
    await barselOfCase(tx, c.id),
    asOf,
    settings.teamLeadWeeks,
  );
  return { c, f, phase, teamLeadWeeks: settings.teamLeadWeeks };
}

export function isFailure(x: Loaded | Failure): x is Failure {
  return "ok" in x;
}

/** The forløb must still be running: an ended forløb is history. */
export function notEnded(l: Loaded): Failure | null {
  if (l.f.endedOn || l.c.status === "ended" || l.f.status === "ended") {
    return { ok: false, reason: "WRONG_STATUS", message: "Forløbet er afsluttet." };
  }
  if (l.c.status !== "granted") {
    return { ok: false, reason: "WRONG_STATUS", message: "Kun et bevilget forløb kan afsluttes." };
  }
  return null;
}
