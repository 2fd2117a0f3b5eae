import { recomputeDeadlines } from "~/modules/frister/index.server";
import type { EvaluateOutput } from "~/legislation";
import { findCase, forloebOfCitizen, setCaseStatus, visitationFindings } from "~/modules/cases/index.server";
import { diffFields } from "~/platform/audit/audit-event";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { CaseAccess } from "~/platform/case-access";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import type { Queryable } from "~/platform/db/client.server";
import { fieldErrorsFrom, isUuid, type FieldErrors } from "~/platform/validation";
import { IndstillingInput } from "./inputs";
import {
  findAgendaItem,
  findMeeting,
  indstillingerOf,
  insertIndstilling,
  letterFacts,
  lockCase,
} from "./team.db.server";
import { INTERVENTION_AREA_KEYS, joinInterventions, recommendationText, type Indstilling } from "./team";

export type RecordIndstillingResult =
  | { ok: true; id: string; caseVersion: number }
  | { ok: false; reason: "INVALID"; errors: FieldErrors }
  | { ok: false; reason: "CONFLICT"; current: Indstilling | null; caseVersion: number }
  | { ok: false; reason: "LOCKED"; message: string }
  | { ok: false; reason: "NOT_FOUND" };

/**
 * D-1/D-2 and TG-10 for a recommended ressourceforløb: the months must lie in the regime's range (12-36 under R2022)
 * and a new forløb must still be possible. Takes the rules engine's output for the citizen.
 */
export function durationErrors(
  findings: Pick<EvaluateOutput, "newForloeb" | "regime" | "findings">,
  months: number | null,
): FieldErrors {
  const nf = findings.newForloeb;
  if (!nf.allowed) {
    const why = findings.findings.find((f) => f.ruleId === "TG-10" || f.ruleId === "PA-1");
    return {
      recommendation: `Der kan ikke bevilges et nyt ressourceforløb til borgeren: ${why?.message ?? "reglerne tillader det ikke"} (${why?.ruleId ?? "TG-10"}). Vælg en anden indstilling.`,
    };
  }
  const rule = findings.regime === "R2013" ? "D-1" : "D-2";
  if (months !== null && (months < nf.minMonths || months > nf.maxMonthsWithWish)) {
    return {
      recommendedMonths: `Et ressourceforløb varer mellem ${nf.minMonths} og ${nf.maxMonthsWithWish} måneder (${rule}, LAB § 113)`,
    };
  }
  return {};
}

async function rulesFor(tx: Queryable, scope: { municipalityId: string }, caseId: string, asOf: string) {
  const c = await findCase(tx, scope, caseId);
  const facts = await letterFacts(tx, scope, caseId);
  if (!c || !facts) return null;
  const forloeb = (await forloebOfCitizen(tx, scope, c.citizenId)).filter((f) => f.caseId !== caseId);
  return visitationFindings({
    asOf,
    birthDate: facts.citizen.birthDate,
    wishesNewForloeb: c.citizenWishesForloeb,
    forloeb,
  });
}

function auditShape(i: {
  recommendation: string;
  otherText: string | null;
  recommendedMonths: number | null;
  interventions: Record<string, string[]>;
  reasons: string;
  seeAgain: boolean;
  seeAgainNote: string | null;
}) {
  return {
    recommendation: i.recommendation,
    otherText: i.otherText,
    recommendedMonths: i.recommendedMonths,
    ...Object.fromEntries(INTERVENTION_AREA_KEYS.map((k) => [`interventions.${k}`, i.interventions[k] ?? []])),
    reasons: i.reasons,
    seeAgain: i.seeAgain,
    seeAgainNote: i.seeAgainNote,
  };
}

/**
 * The team's secretary (a caseworker or leader) records the team's indstilling for a case on the meeting's agenda
 * (P-2). The case must be on that agenda; the case version is the optimistic lock. A correction on the same meeting
 * is a new recording (history is kept, the newest is in force). The case status becomes "indstilling given".
 */
export async function recordIndstilling(
  ctx: UseCaseContext,
  meetingId: string,
  caseId: string,
  raw: unknown,
): Promise<RecordIndstillingResult> {
  assertCan(ctx.actor, "team.manage");
  const parsed = IndstillingInput.safeParse(raw);
  const scope = { municipalityId: ctx.actor.municipalityId };
  if (!isUuid(meetingId) || !isUuid(caseId)) return { ok: false, reason: "NOT_FOUND" };
  const asOf = today();
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, scope, caseId);
    const item = c ? await findAgendaItem(tx, scope, meetingId, caseId) : null;
    const meeting = item ? await findMeeting(tx, scope, meetingId) : null;
    if (!c || !item || !meeting) return { ok: false, reason: "NOT_FOUND" } as const;
    const history = await indstillingerOf(tx, scope, caseId);
    const latest = history[0] ?? null;
    const correction = c.status === "indstillingGiven" && latest?.meetingId === meetingId;
    if (c.status !== "onAgenda" && !correction) {
      return {
        ok: false,
        reason: "LOCKED",
        message: "Sagen er gået videre fra dette møde, så indstillingen kan ikke længere registreres eller rettes her.",
      } as const;
    }
    // Validation first (nothing is lost), then the lock: a stale form gets the conflict view with its values kept.
    const errors: FieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
    const rules = await rulesFor(tx, scope, caseId, asOf);
    // The rules' checks run even when another field is wrong, so every problem is named at once.
    const loose = (raw ?? {}) as { recommendation?: unknown; recommendedMonths?: unknown };
    const recommendation = parsed.success ? parsed.data.recommendation : loose.recommendation;
    const months = parsed.success
      ? parsed.data.recommendedMonths
      : Number(String(loose.recommendedMonths ?? "").trim());
    if (recommendation === "ressourceforloeb" && rules) {
      const ruleErrors = durationErrors(rules, Number.isInteger(months) ? (months as number) : null);
      for (const [k, m] of Object.entries(ruleErrors)) errors[k] ??= m;
    }
    if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, reason: "INVALID", errors } as const;
    const v = parsed.data;
    if (v.caseVersion !== c.version) {
      return {
        ok: false,
        reason: "CONFLICT",
        current: latest?.meetingId === meetingId ? latest : null,
        caseVersion: c.version,
      } as const;
    }
    const isForloeb = v.recommendation === "ressourceforloeb";
    const values = {
      recommendation: v.recommendation,
      otherText: v.recommendation === "andet" ? v.otherText : null,
      recommendedMonths: isForloeb ? v.recommendedMonths : null,
      interventions: v.interventions,
      reasons: v.reasons,
      seeAgain: v.seeAgain,
      seeAgainNote: v.seeAgain ? v.seeAgainNote : null,
    };
    const saved = await insertIndstilling(tx, {
      caseId,
      meetingId,
      recommendation: values.recommendation,
      recommendedMonths: values.recommendedMonths,
      interventions: joinInterventions(values.interventions, values.otherText),
      reasons: values.reasons,
      seeAgain: values.seeAgain,
      seeAgainNote: values.seeAgainNote,
      recordedBy: ctx.actor.type === "user" ? ctx.actor.id : null,
    });
    await setCaseStatus(tx, scope, caseId, "indstillingGiven");
    const previous = correction && latest ? auditShape(latest) : null;
    await recordAudit(tx, ctx, {
      action: correction ? "team.indstilling.correct" : "team.indstilling.record",
      citizenId: c.citizenId,
      entityType: "indstilling",
      entityId: saved.id,
      changes: {
        ...diffFields(previous, auditShape(values)),
        ...(correction ? {} : { status: { before: c.status, after: "indstillingGiven" } }),
        summary: {
          before: latest && correction ? recommendationText(latest) : null,
          after: recommendationText(values),
        },
        purpose: { before: null, after: item.purpose },
      },
    });
    // The deadlines move with this change, in the same transaction.
    await recomputeDeadlines(tx, caseId);
    return { ok: true, id: saved.id, caseVersion: c.version + 1 } as const;
  });
}

/**
 * The latest indstilling of the case, with the purpose of the agenda item it was given on. The afgørelse uses it for
 * the P-3 guard: a decision that departs from the indstilling waits for an indstilling from a "returnBeforeDecision"
 * item. Takes the CaseAccess of an audited case read.
 */
export async function latestIndstilling(db: Queryable, access: CaseAccess): Promise<Indstilling | null> {
  const all = await indstillingerOf(db, { municipalityId: access.municipalityId }, access.caseId);
  return all[0] ?? null;
}

/** Every indstilling of the case, newest first (corrections included), for the case overview. */
export async function indstillingerForCase(db: Queryable, access: CaseAccess): Promise<Indstilling[]> {
  return indstillingerOf(db, { municipalityId: access.municipalityId }, access.caseId);
}
