import { recomputeDeadlines } from "~/modules/frister/index.server";
import { appealDeadline, catalogueEntry, citationText, maskCpr, parseDate, type Explanation } from "~/legislation";
import { currentCoordinator, findCase, forloebOfCitizen, setCaseStatus } from "~/modules/cases/index.server";
import { storeLetter } from "~/modules/letters/index.server";
import { latestIndstilling } from "~/modules/rehabiliteringsteam/index.server";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import { today } from "~/platform/clock";
import type { CaseAccess } from "~/platform/case-access";
import type { UseCaseContext } from "~/platform/context";
import { renderPdf } from "~/platform/pdf/render-pdf.server";
import { fieldErrorsFrom, type FieldErrors } from "~/platform/validation";
import { DecisionInput, normalizeDecisionRaw, type DecisionKind } from "./afgoerelse";
import {
  insertAfgoerelse,
  insertForloeb,
  lockCaseVersion,
  recipientOf,
  setAfgoerelseLetter,
} from "./afgoerelser.db.server";
import { assessDecision, legalBasis } from "./decision-rules";
import { decisionLetter, letterTitle } from "./letter";
import { authorityWording } from "./wording";

export type DecideResult =
  | { ok: true; id: string; letterId: string; forloebId: string | null; kind: DecisionKind; version: number }
  | { ok: false; reason: "INVALID"; errors: FieldErrors; explanation: Explanation | null }
  | { ok: false; reason: "BLOCKED"; ruleId: "P-3"; message: string; explanation: Explanation }
  | { ok: false; reason: "NOT_ALLOWED"; ruleId: "P-6"; message: string }
  | { ok: false; reason: "WRONG_STATUS"; message: string }
  | { ok: false; reason: "CONFLICT"; version: number }
  | { ok: false; reason: "NOT_FOUND" };

function withPlaceholderReasons(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const o = raw as Record<string, unknown>;
  return typeof o.reasons === "string" && o.reasons.trim() ? o : { ...o, reasons: "–" };
}

const FIELD_ORDER = [
  "version",
  "kind",
  "startDate",
  "months",
  "endDate",
  "citizenWished",
  "grounds",
  "reasons",
  "answerToApplication",
  "allFormsOfHelpAssessed",
];

/** Errors in the order of the form, so the error summary reads top to bottom. */
function inFormOrder(errors: FieldErrors): FieldErrors {
  const rank = (k: string) => FIELD_ORDER.indexOf(k) + 1 || FIELD_ORDER.length + 1;
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

const NEXT_STATUS = { grant: "granted", refusal: "refused", notConsidered: "notConsidered" } as const;

/**
 * The caseworker decides (P-4): grant, refusal (TG-7) or refusal to consider (TG-9). In one transaction: the case
 * row is locked and its version compared (a stale form is a conflict, nothing is written), the rules are checked
 * (P-6, D-1, D-2, D-7, TG-6, TG-10, TG-7, TG-9, P-3), and then the afgørelse, the forløb (on a grant), the case
 * status, the letter with its outbox entry, and the audit event are written together.
 */
export async function decide(ctx: UseCaseContext, access: CaseAccess, raw: unknown): Promise<DecideResult> {
  assertCan(ctx.actor, "decision.make");
  const normalized = normalizeDecisionRaw(raw);
  const parsed = DecisionInput.safeParse(normalized);
  // A missing reason alone should not hide what the rules say about the dates: check the rest with a placeholder.
  const fieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  const checkable = parsed.success ? parsed : DecisionInput.safeParse(withPlaceholderReasons(normalized));
  if (!checkable.success) return { ok: false, reason: "INVALID", errors: fieldErrors, explanation: null };
  const input = checkable.data;
  const scope = { municipalityId: ctx.actor.municipalityId };
  const decidedOn = today();

  return ctx.db.transaction(async (tx): Promise<DecideResult> => {
    const mine = access.municipalityId === scope.municipalityId;
    const version = mine ? await lockCaseVersion(tx, scope, access.caseId) : null;
    const c = version === null ? null : await findCase(tx, scope, access.caseId);
    if (version === null || !c) return { ok: false, reason: "NOT_FOUND" };
    if (version !== input.version) return { ok: false, reason: "CONFLICT", version };
    const recipient = await recipientOf(tx, scope, c.citizenId);
    if (!recipient) return { ok: false, reason: "NOT_FOUND" };
    const coordinator = await currentCoordinator(tx, c.id);
    const earlierForloeb = (await forloebOfCitizen(tx, scope, c.citizenId)).filter((f) => f.caseId !== c.id);
    const indstilling = input.kind === "notConsidered" ? null : await latestIndstilling(tx, access);

    const assessment = assessDecision({
      input,
      decidedOn,
      caseStatus: c.status,
      origin: c.origin,
      applicationText: c.applicationText,
      judgement: c.judgement,
      birthDate: recipient.birthDate,
      earlierForloeb,
      indstilling,
      coordinator: coordinator
        ? { userId: coordinator.userId, name: coordinator.name, unitKind: coordinator.unitKind }
        : null,
      decider: { type: ctx.actor.type, id: ctx.actor.id, name: ctx.actor.name },
    });
    switch (assessment.outcome) {
      case "notAllowed":
        return { ok: false, reason: "NOT_ALLOWED", ruleId: "P-6", message: assessment.message };
      case "wrongStatus":
        return { ok: false, reason: "WRONG_STATUS", message: assessment.message };
      case "invalid":
        return {
          ok: false,
          reason: "INVALID",
          errors: inFormOrder({ ...assessment.errors, ...fieldErrors }),
          explanation: assessment.explanation,
        };
      case "blocked":
        if (Object.keys(fieldErrors).length > 0) {
          return { ok: false, reason: "INVALID", errors: fieldErrors, explanation: assessment.explanation };
        }
        return {
          ok: false,
          reason: "BLOCKED",
          ruleId: "P-3",
          message: assessment.message,
          explanation: assessment.explanation,
        };
      case "ok":
        if (Object.keys(fieldErrors).length > 0) {
          return { ok: false, reason: "INVALID", errors: fieldErrors, explanation: assessment.explanation };
        }
        break;
    }
    const { explanation, dates, deviates } = assessment;
    const answer = input.answerToApplication?.trim() || null;
    const reasons = input.reasons.trim();

    const id = await insertAfgoerelse(tx, {
      caseId: c.id,
      kind: input.kind,
      decidedOn,
      startDate: dates?.startDate ?? null,
      endDate: dates?.endDate ?? null,
      months: dates?.months ?? null,
      reasons,
      explanation,
      indstillingId: indstilling?.id ?? null,
      deviatesFromIndstilling: deviates,
      citizenWished: input.citizenWished === true,
      decidedBy: ctx.actor.id,
    });
    const forloebId =
      input.kind === "grant" && dates
        ? await insertForloeb(tx, {
            caseId: c.id,
            municipalityId: scope.municipalityId,
            citizenId: c.citizenId,
            startDate: dates.startDate,
            plannedEnd: dates.endDate,
            decidedOn,
            afgoerelseId: id,
          })
        : null;
    const status = NEXT_STATUS[input.kind];
    await setCaseStatus(tx, scope, c.id, status);

    const d = parseDate(decidedOn);
    const appeal = appealDeadline({ decisionReceivedOn: d }, d);
    const a2 = catalogueEntry("A-2")?.citations ?? [];
    const pdf = await renderPdf(
      decisionLetter({
        kind: input.kind,
        municipalityName: ctx.actor.municipalityName,
        decidedOn,
        caseRef: c.id.slice(-8).toUpperCase(),
        citizen: {
          name: recipient.name,
          address: recipient.address,
          postalCode: recipient.postalCode,
          city: recipient.city,
          maskedCpr: maskCpr(recipient.cpr),
        },
        dates,
        reasons,
        grounds: input.kind === "refusal" ? (input.grounds ?? []) : [],
        application:
          c.origin === "application" ? { receivedOn: c.applicationReceivedOn, text: c.applicationText, answer } : null,
        allFormsOfHelpAssessed: c.origin === "application" && input.allFormsOfHelpAssessed === true,
        indstilling: indstilling
          ? {
              recommendation: indstilling.recommendation,
              otherText: indstilling.otherText,
              recommendedMonths: indstilling.recommendedMonths,
              meetingDate: indstilling.meetingDate,
              revisited: indstilling.purpose === "returnBeforeDecision",
              interventions: indstilling.interventions,
            }
          : null,
        deviates,
        coordinator: coordinator ? { name: coordinator.name, unit: coordinator.unit, email: coordinator.email } : null,
        decider: { name: ctx.actor.name, unit: ctx.actor.unit },
        legalBasis: legalBasis(explanation),
        appeal: {
          deadline: appeal.value.deadline,
          basis: appeal.explanation.citations.map(citationText).join("; ").replaceAll(" [ikke verificeret]", ""),
          genvurderingBasis: a2.map(citationText).join("; ").replaceAll(" [ikke verificeret]", ""),
        },
        wording: authorityWording(decidedOn),
      }),
    );
    const letterId = await storeLetter(tx, ctx, {
      municipalityId: scope.municipalityId,
      citizenId: c.citizenId,
      caseId: c.id,
      kind: "decision",
      title: `Afgørelse: ${letterTitle(input.kind)}`,
      pdf,
      createdBy: ctx.actor.id,
    });
    await setAfgoerelseLetter(tx, id, letterId);
    await recordAudit(tx, ctx, {
      action: "afgoerelse.create",
      citizenId: c.citizenId,
      entityType: "afgoerelse",
      entityId: id,
      changes: {
        kind: { before: null, after: input.kind },
        decidedOn: { before: null, after: decidedOn },
        ...(dates
          ? {
              startDate: { before: null, after: dates.startDate },
              endDate: { before: null, after: dates.endDate },
              forloebId: { before: null, after: forloebId },
            }
          : {}),
        deviatesFromIndstilling: { before: null, after: deviates },
        "case.status": { before: c.status, after: status },
        letterId: { before: null, after: letterId },
      },
    });
    // The deadlines move with this change, in the same transaction.
    await recomputeDeadlines(tx, c.id);
    return { ok: true, id, letterId, forloebId, kind: input.kind, version: version + 1 };
  });
}
