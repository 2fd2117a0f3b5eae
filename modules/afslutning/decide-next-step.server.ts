import { grantAllowed, parseDate, type Finding } from "~/legislation";
import { findCase, openCase, saveVisitation } from "~/modules/cases/index.server";
import { recomputeDeadlines } from "~/modules/frister/index.server";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { CaseAccess } from "~/platform/case-access";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import type { Database, Queryable } from "~/platform/db/client.server";
import { fieldErrorsFrom } from "~/platform/validation";
import {
  assessE2,
  dayAfter,
  endingFactsOf,
  NEXT_STEPS,
  NextStepInput,
  normalizeRaw,
  type E2Facts,
  type NextStepFacts,
} from "./afslutning";
import { recipientOf, updateForloebIfVersion } from "./afslutning.db.server";
import { isFailure, loadLocked, notEnded, type EndingResult } from "./load.server";

export type NextStepResult = EndingResult<{ newCaseId: string | null; decided: boolean }>;

/**
 * D-6: the municipality decides the next step before the end date (LAB § 113, stk. 2; skrivelse 10112 §6.7).
 *
 * - A step without the team (job/uddannelse, revalidering, kontanthjælp, ledighedsydelse, andet) is decided at once:
 *   next_step_decided_on is set, which meets the D-6 deadline and ends the D-5 continuation at the end date.
 *   Kontanthjælp passes the E-2 gate first.
 * - A new forløb, fleksjob or førtidspension needs the team's indstilling, so it is first recorded as "to the team":
 *   the forløb keeps running (D-5) and the D-6 deadline stays open until the decision is recorded after the
 *   indstilling. A new forløb is a new case (a forløb belongs to one case): it is opened here via openCase, with the
 *   forberedende del copied as the draft to revise with the citizen, and goes through visitation, the team and a new
 *   decision (P-1, D-3, 82-16). The decision on it is recorded here once the new case is granted.
 *
 * One transaction: the forløb row is locked and its version compared, the new case (if any) is opened in a savepoint,
 * the change is audit-logged and the deadlines of both cases are recomputed.
 */
export async function decideNextStep(ctx: UseCaseContext, access: CaseAccess, raw: unknown): Promise<NextStepResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = NextStepInput.safeParse(normalizeRaw(raw));
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  const asOf = today();
  const scope = { municipalityId: ctx.actor.municipalityId };

  return ctx.db.transaction(async (tx): Promise<NextStepResult> => {
    const loaded = await loadLocked(tx, ctx, access, asOf);
    if (isFailure(loaded)) return loaded;
    const stop = notEnded(loaded);
    if (stop) return stop;
    const { c, f, phase } = loaded;
    if (f.version !== input.version) return { ok: false, reason: "CONFLICT", version: f.version };

    const step = NEXT_STEPS[input.step];
    const facts = endingFactsOf(f.endingFacts);
    const previous = facts.nextStep;
    const decided = !step.viaTeam || input.stage === "decided";
    const decidedOn = decided ? input.decidedOn! : null;
    if (decidedOn && decidedOn > asOf) {
      return { ok: false, reason: "INVALID", errors: { decidedOn: "Datoen kan ikke ligge efter i dag" } };
    }
    if (decidedOn && decidedOn < f.decidedOn) {
      return {
        ok: false,
        reason: "INVALID",
        errors: { decidedOn: "Næste skridt kan ikke være besluttet før afgørelsen om forløbet" },
      };
    }

    // D-6/P-1: a step that needs the team is decided only after it has been put to the team.
    if (step.viaTeam && decided && (previous?.step !== input.step || !previous.viaTeam)) {
      return {
        ok: false,
        reason: "REFUSED",
        ruleId: "D-6",
        message: `${step.label} kræver rehabiliteringsteamets indstilling (D-6, P-1). Registrér først, at sagen skal forelægges teamet; afgørelsen registreres, når teamet har givet sin indstilling.`,
        errors: { stage: "Forelæg først sagen for rehabiliteringsteamet" },
        explanation: phase.explanation,
      };
    }

    let newCaseId: string | null = previous?.step === "newForloeb" ? previous.newCaseId : null;
    if (input.step === "newForloeb") {
      // TG-10 (R2026): no new forløb is granted on or after the abolition date.
      const allowed = grantAllowed({ decisionDate: parseDate(asOf) }, parseDate(asOf), f.id);
      if (!allowed.value.allowed && !decided) {
        return {
          ok: false,
          reason: "REFUSED",
          ruleId: "TG-10",
          message:
            allowed.value.findings[0]?.message ??
            "Der kan ikke bevilges nye ressourceforløb efter ophævelsen (TG-10). Vælg et andet næste skridt.",
          errors: { step: "Et nyt ressourceforløb kan ikke bevilges (TG-10)" },
          explanation: allowed.explanation,
        };
      }
      if (decided) {
        const next = newCaseId ? await findCase(tx, scope, newCaseId) : null;
        if (!next || next.status !== "granted") {
          return {
            ok: false,
            reason: "REFUSED",
            ruleId: "D-6",
            message:
              "Det nye ressourceforløb er ikke bevilget endnu. Afgørelsen træffes i den nye sag efter teamets indstilling (P-1, P-4); registrér næste skridt som besluttet bagefter.",
            errors: { stage: "Det nye forløb er ikke bevilget endnu" },
            explanation: null,
          };
        }
      } else if (!newCaseId || !(await findCase(tx, scope, newCaseId))) {
        // The new case is opened in a savepoint of this transaction: all or nothing.
        const inner = { db: tx as unknown as Database, actor: ctx.actor, requestId: ctx.requestId };
        const opened = await openCase(inner, c.citizenId, { origin: "municipality" });
        if (!opened.ok) throw new Error(`openCase failed: ${opened.reason}`);
        newCaseId = opened.id;
        const copied = await saveVisitation(
          inner,
          newCaseId,
          { version: 1, preparatory: c.preparatory, citizenWishesForloeb: input.citizenWishes },
          { sendToTeam: false },
        );
        if (!copied.ok) throw new Error(`saveVisitation failed: ${copied.reason}`);
      }
    } else {
      newCaseId = null;
    }

    // E-2 facts belong to a move to kontanthjælp; another next step leaves none behind.
    let e2: E2Facts | undefined;
    let warnings: Finding[] = [];
    if (input.step === "kontanthjaelp") {
      const last = decidedOn && decidedOn > phase.effectiveEnd ? decidedOn : phase.effectiveEnd;
      const gate = assessE2(input.e2, {
        birthDate: await birthDateOf(tx, scope, c.citizenId),
        transitionDate: dayAfter(last),
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

    const nextStep: NextStepFacts = {
      step: input.step,
      chosenOn: previous?.step === input.step ? previous.chosenOn : asOf,
      viaTeam: step.viaTeam,
      presentTo: step.viaTeam ? phase.presentTo : null,
      note: input.note,
      citizenWishes: input.step === "newForloeb" ? input.citizenWishes : false,
      newCaseId,
      decidedOn,
      by: ctx.actor.name,
    };
    const { e2: _previousE2, ...rest } = facts;
    const endingFacts = { ...rest, nextStep, ...(e2 ? { e2 } : {}) };
    const version = await updateForloebIfVersion(tx, f.id, input.version, {
      nextStep: input.step,
      nextStepDecidedOn: decidedOn,
      endingFacts: endingFacts as Record<string, unknown>,
    });
    if (version === null) return { ok: false, reason: "CONFLICT", version: f.version };

    await recordAudit(tx, ctx, {
      action: "forloeb.nextStep",
      citizenId: c.citizenId,
      entityType: "forloeb",
      entityId: f.id,
      changes: {
        nextStep: { before: f.nextStep, after: input.step },
        nextStepDecidedOn: { before: f.nextStepDecidedOn, after: decidedOn },
        ...(step.viaTeam ? { stage: { before: null, after: input.stage } } : {}),
        ...(newCaseId !== (previous?.newCaseId ?? null)
          ? { newCaseId: { before: previous?.newCaseId ?? null, after: newCaseId } }
          : {}),
        ...(input.step === "kontanthjaelp" ? { "e2.path": { before: facts.e2?.path ?? null, after: e2?.path } } : {}),
      },
    });
    await recomputeDeadlines(tx, c.id, asOf);
    if (newCaseId) await recomputeDeadlines(tx, newCaseId, asOf);
    return { ok: true, version, newCaseId, decided, warnings };
  });
}

async function birthDateOf(tx: Queryable, scope: { municipalityId: string }, citizenId: string): Promise<string> {
  const r = await recipientOf(tx, scope, citizenId);
  if (!r) throw new Error("citizen of the case is missing");
  return r.birthDate;
}
