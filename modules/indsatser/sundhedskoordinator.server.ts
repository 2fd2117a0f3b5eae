import { recomputeDeadlines } from "~/modules/frister/index.server";
import { diffFields } from "~/platform/audit/audit-event";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import type { Tx } from "~/platform/db/client.server";
import { fieldErrorsFrom, isUuid } from "~/platform/validation";
import { danishDate, recordAuditShape, ruleBasis, skApplies, statusOf, type InterventionRecord } from "./indsatser";
import { caseFacts, findRecord, updateRecordIfVersion } from "./indsatser.db.server";
import { SkDecisionInput, SkRequestInput } from "./inputs";
import { conflict, invalid, NO_FORLOEB, NOT_FOUND, type Failure } from "./results";

export type SkResult = { ok: true; record: InterventionRecord } | Failure<InterventionRecord>;

async function load(ctx: UseCaseContext, tx: Tx, caseId: string, recordId: string, version: number) {
  const c = await caseFacts(tx, { municipalityId: ctx.actor.municipalityId, caseId }, true);
  if (!c) return NOT_FOUND;
  const r = await findRecord(tx, caseId, recordId);
  if (!r) return NOT_FOUND;
  if (!c.forloeb) return NO_FORLOEB;
  if (r.version !== version) return conflict(r);
  return { c, r };
}

/**
 * SK-2: the citizen uses the right to a conversation with the sundhedskoordinator and the coordinating caseworker.
 * Before the start, the offer is put on hold (status onHold: it neither starts nor counts) until the municipality has
 * decided whether to adjust it. During the offer, nothing changes until a decision. SK-3: the right to appeal is
 * not affected.
 */
export async function requestSundhedskoordinator(
  ctx: UseCaseContext,
  caseId: string,
  recordId: string,
  raw: unknown,
): Promise<SkResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = SkRequestInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const input = parsed.data;
  if (!isUuid(caseId) || !isUuid(recordId)) return NOT_FOUND;
  const asOf = today();

  return ctx.db.transaction(async (tx): Promise<SkResult> => {
    const l = await load(ctx, tx, caseId, recordId, input.version);
    if ("ok" in l) return l;
    const { c, r } = l;
    if (!skApplies(r.kind, r.isOffer)) {
      return invalid({
        requestedOn: `Retten til en samtale med sundhedskoordinatoren gælder konkrete tilbud efter LAB kap. 11, 12 og 14 (${ruleBasis("SK-1")})`,
      });
    }
    if (r.skRequestedOn && !r.skDecidedOn) {
      return invalid({
        requestedOn: `Borgeren bad allerede ${danishDate(r.skRequestedOn)} om en samtale; registrér kommunens beslutning først (SK-2)`,
      });
    }
    if (input.requestedOn > asOf) {
      return invalid({ requestedOn: "Datoen kan ikke ligge efter i dag" });
    }
    if (r.endDate && input.requestedOn > r.endDate) {
      return invalid({ requestedOn: `Tilbuddet stoppede ${danishDate(r.endDate)}, før den dato` });
    }
    const next = { ...r, skRequestedOn: input.requestedOn, skDecidedOn: null, skDecision: null };
    const saved = await updateRecordIfVersion(tx, caseId, recordId, input.version, {
      skRequestedOn: input.requestedOn,
      skDecidedOn: null,
      skDecision: null,
      status: statusOf(next, asOf),
    });
    if (!saved) return conflict(await findRecord(tx, caseId, recordId));
    await recordAudit(tx, ctx, {
      action: "intervention.skRequest",
      citizenId: c.citizenId,
      entityType: "intervention_record",
      entityId: recordId,
      changes: diffFields(recordAuditShape(r), recordAuditShape(saved)),
    });
    await recomputeDeadlines(tx, caseId);
    return { ok: true, record: saved };
  });
}

/**
 * SK-2: the municipality's decision after the conversation: adjust the offer or keep it. An offer on hold is
 * released; a planned start that has passed while it was on hold must be moved to the decision day or later.
 */
export async function decideSundhedskoordinator(
  ctx: UseCaseContext,
  caseId: string,
  recordId: string,
  raw: unknown,
): Promise<SkResult> {
  assertCan(ctx.actor, "case.write");
  const parsed = SkDecisionInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const input = parsed.data;
  if (!isUuid(caseId) || !isUuid(recordId)) return NOT_FOUND;
  const asOf = today();

  return ctx.db.transaction(async (tx): Promise<SkResult> => {
    const l = await load(ctx, tx, caseId, recordId, input.version);
    if ("ok" in l) return l;
    const { c, r } = l;
    if (!r.skRequestedOn || r.skDecidedOn) {
      return invalid({
        decidedOn: "Der er ingen anmodning om samtale med sundhedskoordinatoren, der venter på en beslutning",
      });
    }
    if (input.decidedOn < r.skRequestedOn) {
      return invalid({
        decidedOn: `Beslutningen kan ikke ligge før borgerens anmodning (${danishDate(r.skRequestedOn)})`,
      });
    }
    if (input.decidedOn > asOf) return invalid({ decidedOn: "Datoen kan ikke ligge efter i dag" });
    const beforeStart = r.startDate === null || r.skRequestedOn < r.startDate;
    let startDate = r.startDate;
    if (beforeStart) {
      if (input.newStartDate && input.newStartDate < input.decidedOn) {
        return invalid({
          newStartDate: `Borgeren kan tidligst begynde den dag, kommunen har besluttet (${ruleBasis("SK-2")})`,
        });
      }
      if (!input.newStartDate && r.startDate && r.startDate < input.decidedOn) {
        return invalid({
          newStartDate: `Den planlagte start ${danishDate(r.startDate)} ligger før beslutningen. Borgeren begynder ikke før kommunens beslutning (${ruleBasis("SK-2")}); skriv den nye start.`,
        });
      }
      startDate = input.newStartDate ?? r.startDate;
    }
    const next = { ...r, startDate, skDecidedOn: input.decidedOn, skDecision: input.decision };
    const saved = await updateRecordIfVersion(tx, caseId, recordId, input.version, {
      startDate,
      skDecidedOn: input.decidedOn,
      skDecision: input.decision,
      status: statusOf(next, asOf),
      details: { ...r.details, skNote: input.note } as Record<string, unknown>,
    });
    if (!saved) return conflict(await findRecord(tx, caseId, recordId));
    await recordAudit(tx, ctx, {
      action: "intervention.skDecision",
      citizenId: c.citizenId,
      entityType: "intervention_record",
      entityId: recordId,
      changes: {
        ...diffFields(recordAuditShape(r), recordAuditShape(saved)),
        ...(input.note ? { skNote: { before: r.details.skNote ?? null, after: input.note } } : {}),
      },
    });
    await recomputeDeadlines(tx, caseId);
    return { ok: true, record: saved };
  });
}
