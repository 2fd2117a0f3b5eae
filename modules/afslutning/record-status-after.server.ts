import { recomputeDeadlines } from "~/modules/frister/index.server";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { CaseAccess } from "~/platform/case-access";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom } from "~/platform/validation";
import {
  endingFactsOf,
  normalizeRaw,
  statusAfter3MonthsFrom,
  StatusAfter3MonthsInput,
  type EndingFacts,
} from "./afslutning";
import { updateForloebIfVersion } from "./afslutning.db.server";
import { isFailure, loadLocked, type EndingResult } from "./load.server";

export type StatusAfterResult = EndingResult<{ status: string }>;

/**
 * ST-7 (seed 003): the citizen's status three months after the forløb ended – ordinary job, fleksjob,
 * ledighedsydelse, benefits or education – recorded from three months after the end date. It feeds the statistics.
 */
export async function recordStatusAfter3Months(
  ctx: UseCaseContext,
  access: CaseAccess,
  raw: unknown,
): Promise<StatusAfterResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = StatusAfter3MonthsInput.safeParse(normalizeRaw(raw));
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  const asOf = today();

  return ctx.db.transaction(async (tx): Promise<StatusAfterResult> => {
    const loaded = await loadLocked(tx, ctx, access, asOf);
    if (isFailure(loaded)) return loaded;
    const { c, f } = loaded;
    if (!f.endedOn) {
      return {
        ok: false,
        reason: "WRONG_STATUS",
        message: "Status 3 måneder efter kan først registreres, når forløbet er afsluttet (ST-7).",
      };
    }
    if (f.version !== input.version) return { ok: false, reason: "CONFLICT", version: f.version };
    const from = statusAfter3MonthsFrom(f.endedOn);
    if (asOf < from) {
      const message = `Status 3 måneder efter afslutningen kan registreres fra ${from.split("-").reverse().join(".")} (ST-7).`;
      return { ok: false, reason: "REFUSED", ruleId: "ST-7", message, errors: { status: message }, explanation: null };
    }
    const facts = endingFactsOf(f.endingFacts);
    const endingFacts: EndingFacts = {
      ...facts,
      statusAfter3Months: { status: input.status, recordedOn: asOf, note: input.note, by: ctx.actor.name },
    };
    const version = await updateForloebIfVersion(tx, f.id, input.version, {
      statusAfter3Months: input.status,
      endingFacts: endingFacts as Record<string, unknown>,
    });
    if (version === null) return { ok: false, reason: "CONFLICT", version: f.version };
    await recordAudit(tx, ctx, {
      action: "forloeb.statusAfter3Months",
      citizenId: c.citizenId,
      entityType: "forloeb",
      entityId: f.id,
      changes: { statusAfter3Months: { before: f.statusAfter3Months, after: input.status } },
    });
    await recomputeDeadlines(tx, c.id, asOf);
    return { ok: true, version, status: input.status, warnings: [] };
  });
}
