import {
  appealDeadline,
  catalogueEntry,
  citationText,
  maskCpr,
  parseDate,
  type Citation,
  type Explanation,
} from "~/legislation";
import { authorityWording } from "~/modules/afgoerelser";
import { currentCoordinator, setCaseStatus } from "~/modules/cases/index.server";
import { recomputeDeadlines } from "~/modules/frister/index.server";
import { storeLetter } from "~/modules/letters/index.server";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { CaseAccess } from "~/platform/case-access";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import { renderPdf } from "~/platform/pdf/render-pdf.server";
import { fieldErrorsFrom, type FieldErrors } from "~/platform/validation";
import {
  dayAfter,
  endingFactsOf,
  LackOfParticipationInput,
  normalizeRaw,
  p6Refusal,
  type EndingFacts,
  type LackOfParticipationFacts,
} from "./afslutning";
import {
  insertEndingAfgoerelse,
  recipientOf,
  setAfgoerelseLetter,
  updateForloebIfVersion,
} from "./afslutning.db.server";
import { ENDING_LETTER_TITLE, endingLetter } from "./ending-letter";
import { isFailure, loadLocked, notEnded, type EndingResult } from "./load.server";

export type LackOfParticipationResult = EndingResult<{ afgoerelseId: string; letterId: string; endsOn: string }>;

const clean = (citations: readonly Citation[]) =>
  citations.map(citationText).join("; ").replaceAll(" [ikke verificeret]", "");

/** The letter's "Regler, afgørelsen bygger på": one line per provision, with the rules that cite it. */
function legalBasis(e: Explanation): { text: string; ruleIds: string[] }[] {
  const byProvision = new Map<string, { text: string; ruleIds: Set<string> }>();
  const visit = (x: Explanation) => {
    for (const c of x.citations) {
      const key = `${c.law} ${c.paragraph}`.trim();
      const entry = byProvision.get(key) ?? {
        text: citationText(c).replaceAll(" [ikke verificeret]", ""),
        ruleIds: new Set(),
      };
      entry.ruleIds.add(x.ruleId);
      byProvision.set(key, entry);
    }
    x.children.forEach(visit);
  };
  visit(e);
  return [...byProvision.values()].map((p) => ({ text: p.text, ruleIds: [...p.ruleIds] }));
}

/**
 * E-4 (LAS kap. 6 a; skrivelse 10112 §8): lack of participation ends both the forløb and the ressourceforløbsydelse in
 * one decision. Before it: the contact attempts and the reasonable-ground assessment (LAS § 13, stk. 7-8; skrivelse
 * 10112 §6.6) and the partshøring (forvaltningsloven § 19). In one transaction: an afgørelse of kind "ending" with its
 * explanation, the letter with klagevejledning in the outbox, the forløb ended with outcome "lack of
 * participation", the case status "ended", the audit event and the deadlines recomputed. Not retroactive: the last day
 * is today or later. A person in the jobcenter signs (P-6).
 */
export async function endForLackOfParticipation(
  ctx: UseCaseContext,
  access: CaseAccess,
  raw: unknown,
): Promise<LackOfParticipationResult> {
  assertCan(ctx.actor, "decision.make");
  const parsed = LackOfParticipationInput.safeParse(normalizeRaw(raw));
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const input = parsed.data;
  const decidedOn = today();
  const scope = { municipalityId: ctx.actor.municipalityId };

  return ctx.db.transaction(async (tx): Promise<LackOfParticipationResult> => {
    const loaded = await loadLocked(tx, ctx, access, decidedOn);
    if (isFailure(loaded)) return loaded;
    const stop = notEnded(loaded);
    if (stop) return stop;
    const { c, f, phase } = loaded;
    const coordinator = await currentCoordinator(tx, c.id);
    const p6 = p6Refusal(ctx.actor, coordinator);
    if (p6) return { ok: false, reason: "NOT_ALLOWED", ruleId: "P-6", message: p6 };
    if (f.version !== input.version) return { ok: false, reason: "CONFLICT", version: f.version };

    const errors: FieldErrors = {};
    if (input.endsOn < decidedOn) {
      errors.endsOn = "Afgørelsen kan ikke få virkning bagud i tid: den sidste dag skal være i dag eller senere";
    } else if (input.endsOn < f.startDate) {
      errors.endsOn = "Den sidste dag kan ikke ligge før forløbets start";
    } else if (input.endsOn > phase.effectiveEnd && phase.status !== "continuesUntilDecision") {
      errors.endsOn = "Den sidste dag ligger efter forløbets slutdato";
    }
    if (input.heardOn > decidedOn) errors.heardOn = "Partshøringen skal være sket før afgørelsen";
    if (Object.keys(errors).length > 0) return { ok: false, reason: "INVALID", errors };

    const recipient = await recipientOf(tx, scope, c.citizenId);
    if (!recipient) return { ok: false, reason: "NOT_FOUND" };
    const d = parseDate(decidedOn);
    const appeal = appealDeadline({ decisionReceivedOn: d }, d);
    const e4 = catalogueEntry("E-4");
    const explanation: Explanation = {
      ruleId: "E-4",
      title: e4?.titleDa ?? "Manglende medvirken",
      citations: [
        ...(e4?.citations ?? []),
        { law: "LAS", paragraph: "§ 13, stk. 7-8", source: "Skrivelse om ressourceforløb nr. 10112 §6.6" },
      ],
      inputs: {
        forloebStart: f.startDate,
        effectiveEnd: phase.effectiveEnd,
        endsOn: input.endsOn,
        heardOn: input.heardOn,
        noReasonableGround: true,
      },
      parameters: [],
      result: { endsForloebAndYdelse: true, endsOn: input.endsOn },
      reasoning:
        "Indsatsen og ydelsen hænger sammen som én samlet indsats; manglende medvirken kan afslutte begge i én afgørelse (skrivelse 10112 §8). Der er ikke en rimelig grund, og forsøgene på personlig kontakt er beskrevet.",
      children: [appeal.explanation],
    };
    const afgoerelseId = await insertEndingAfgoerelse(tx, {
      caseId: c.id,
      decidedOn,
      startDate: null,
      endDate: input.endsOn,
      months: null,
      reasons: input.reasons,
      explanation,
      decidedBy: ctx.actor.id,
    });
    const a2 = catalogueEntry("A-2")?.citations ?? [];
    const pdf = await renderPdf(
      endingLetter({
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
        forloeb: { startDate: f.startDate, plannedEnd: phase.effectiveEnd },
        endsOn: input.endsOn,
        dayAfter: dayAfter(input.endsOn),
        failures: input.failures,
        contactAttempts: input.contactAttempts,
        reasonableGroundAssessment: input.reasonableGroundAssessment,
        heardOn: input.heardOn,
        citizenComments: input.citizenComments,
        reasons: input.reasons,
        coordinator: coordinator ? { name: coordinator.name, unit: coordinator.unit, email: coordinator.email } : null,
        decider: { name: ctx.actor.name, unit: ctx.actor.unit },
        legalBasis: legalBasis(explanation),
        appeal: {
          deadline: appeal.value.deadline,
          basis: clean(appeal.explanation.citations),
          genvurderingBasis: clean(a2),
        },
        wording: authorityWording(decidedOn),
      }),
    );
    const letterId = await storeLetter(tx, ctx, {
      municipalityId: scope.municipalityId,
      citizenId: c.citizenId,
      caseId: c.id,
      kind: "decision",
      title: `Afgørelse: ${ENDING_LETTER_TITLE}`,
      pdf,
      createdBy: ctx.actor.id,
    });
    await setAfgoerelseLetter(tx, afgoerelseId, letterId);

    const lack: LackOfParticipationFacts = {
      afgoerelseId,
      letterId,
      decidedOn,
      endsOn: input.endsOn,
      failures: input.failures,
      contactAttempts: input.contactAttempts,
      reasonableGroundAssessment: input.reasonableGroundAssessment,
      heardOn: input.heardOn,
      citizenComments: input.citizenComments,
    };
    const facts = endingFactsOf(f.endingFacts);
    const endingFacts: EndingFacts = {
      ...facts,
      lackOfParticipation: lack,
      ending: {
        outcome: "lackOfParticipation",
        endedOn: input.endsOn,
        early: input.endsOn < phase.effectiveEnd,
        earlyGround: null,
        reasons: input.reasons,
        recordedOn: decidedOn,
        by: ctx.actor.name,
      },
    };
    const version = await updateForloebIfVersion(tx, f.id, input.version, {
      status: "ended",
      endedOn: input.endsOn,
      outcome: "lackOfParticipation",
      endingFacts: endingFacts as Record<string, unknown>,
    });
    if (version === null) return { ok: false, reason: "CONFLICT", version: f.version };
    await setCaseStatus(tx, scope, c.id, "ended");
    await recordAudit(tx, ctx, {
      action: "afgoerelse.create",
      citizenId: c.citizenId,
      entityType: "afgoerelse",
      entityId: afgoerelseId,
      changes: {
        kind: { before: null, after: "ending" },
        decidedOn: { before: null, after: decidedOn },
        endsOn: { before: null, after: input.endsOn },
        "forloeb.outcome": { before: f.outcome, after: "lackOfParticipation" },
        "forloeb.endedOn": { before: f.endedOn, after: input.endsOn },
        "case.status": { before: c.status, after: "ended" },
        letterId: { before: null, after: letterId },
      },
    });
    await recomputeDeadlines(tx, c.id, decidedOn);
    return { ok: true, version, afgoerelseId, letterId, endsOn: input.endsOn, warnings: [] };
  });
}
