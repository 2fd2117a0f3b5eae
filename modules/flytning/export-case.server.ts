import { endingFactsOf, type MovedInFacts } from "~/modules/afslutning";
import type { CaseView } from "~/modules/cases/index.server";
import { assertCan } from "~/platform/auth/permissions";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import { renderPdf } from "~/platform/pdf/render-pdf.server";
import { BUNDLE_FORMAT, BUNDLE_VERSION, BundleSchema, type Bundle, type BundleMoveRecord } from "./bundle";
import { bundleSummary } from "./bundle-pdf";
import { loadCaseForExport, type ExportRows } from "./flytning.db.server";

type PlanContent = NonNullable<Bundle["plan"]>["revisions"][number]["content"];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The moves recorded on an imported forløb (forloeb.ending_facts.movedIn), as the bundle's history, oldest first. */
function movesOf(movedIn: MovedInFacts | undefined): BundleMoveRecord[] {
  if (!movedIn) return [];
  const earlier = Array.isArray(movedIn.earlier) ? (movedIn.earlier as BundleMoveRecord[]) : [];
  return [
    ...earlier,
    {
      from: movedIn.from,
      sourceCaseRef: movedIn.sourceCaseRef,
      exportedAt: movedIn.exportedAt,
      importedOn: movedIn.importedOn,
      indstillinger: movedIn.indstillinger as BundleMoveRecord["indstillinger"],
      coordinators: movedIn.coordinators as BundleMoveRecord["coordinators"],
    },
  ];
}

/** Builds the bundle from the stored rows. Pure apart from the clock, which the caller passes. */
export function toBundle(r: ExportRows, meta: { exportedAt: Date; exportedOn: string; exportedBy: string }): Bundle {
  const facts = endingFactsOf(r.forloeb?.endingFacts);
  const { movedIn, ...ownFacts } = facts;
  const signers = movedIn?.afgoerelseSigners ?? {};
  const authors = movedIn?.revisionAuthors ?? {};
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: meta.exportedAt.toISOString(),
    exportedOn: meta.exportedOn,
    source: {
      municipality: { code: r.municipality.code, name: r.municipality.name },
      caseRef: r.case.id,
      exportedBy: meta.exportedBy,
    },
    citizen: {
      cpr: r.citizen.cpr,
      birthDate: r.citizen.birthDate,
      sex: r.citizen.sex as "M" | "K",
      name: r.citizen.name,
      address: r.citizen.address,
      postalCode: r.citizen.postalCode,
      city: r.citizen.city,
      phone: r.citizen.phone,
      email: r.citizen.email,
      previousBenefit: r.citizen.previousBenefit as Bundle["citizen"]["previousBenefit"],
      network: r.network.map((p) => ({
        name: p.name,
        relation: p.relation as Bundle["citizen"]["network"][number]["relation"],
        phone: p.phone,
      })),
    },
    case: {
      ref: r.case.id,
      status: r.case.status as Bundle["case"]["status"],
      origin: r.case.origin as Bundle["case"]["origin"],
      applicationReceivedOn: r.case.applicationReceivedOn,
      applicationText: r.case.applicationText,
      openedOn: r.case.openedOn,
      judgement: r.case.judgement,
      preparatory: r.case.preparatory,
      bisidderInformedOn: r.case.bisidderInformedOn,
      citizenWishesForloeb: r.case.citizenWishesForloeb,
      citizenView: r.case.citizenView,
      citizenViewAt: iso(r.case.citizenViewAt),
    },
    indstillinger: r.indstillinger.map((i) => ({
      ref: i.id,
      meetingDate: i.meetingDate,
      purpose: i.purpose,
      recommendation: i.recommendation,
      recommendedMonths: i.recommendedMonths,
      interventions: i.interventions,
      reasons: i.reasons,
      seeAgain: i.seeAgain,
      seeAgainNote: i.seeAgainNote,
      recordedAt: i.recordedAt.toISOString(),
    })),
    afgoerelser: r.afgoerelser.map((a) => ({
      ref: a.id,
      kind: a.kind,
      decidedOn: a.decidedOn,
      startDate: a.startDate,
      endDate: a.endDate,
      months: a.months,
      reasons: a.reasons,
      explanation: a.explanation ?? null,
      indstillingRef: a.indstillingId,
      deviatesFromIndstilling: a.deviatesFromIndstilling,
      citizenWished: a.citizenWished,
      decidedBy: {
        name: a.decidedByName ?? signers[a.id]?.name ?? null,
        municipality: signers[a.id]?.municipality ?? r.municipality.name,
      },
    })),
    forloeb: r.forloeb
      ? {
          ref: r.forloeb.id,
          startDate: r.forloeb.startDate,
          plannedEnd: r.forloeb.plannedEnd,
          decidedOn: r.forloeb.decidedOn,
          afgoerelseRef: r.forloeb.afgoerelseId,
          status: r.forloeb.status,
          nextStep: r.forloeb.nextStep,
          nextStepDecidedOn: r.forloeb.nextStepDecidedOn,
          endedOn: r.forloeb.endedOn,
          outcome: r.forloeb.outcome,
          endingFacts: Object.keys(ownFacts).length > 0 ? (ownFacts as Record<string, unknown>) : null,
          statusAfter3Months: r.forloeb.statusAfter3Months,
        }
      : null,
    plan:
      r.revisions.length > 0
        ? {
            revisions: r.revisions.map((v) => ({
              revision: v.revision,
              content: v.content as PlanContent,
              changeNote: v.changeNote,
              createdAt: v.createdAt.toISOString(),
              createdBy: v.createdByName ?? authors[String(v.revision)] ?? null,
            })),
          }
        : null,
    interventions: r.interventions.map((i) => ({
      ref: i.id,
      planItemId: i.planItemId,
      kind: i.kind,
      title: i.title,
      provider: i.provider,
      isOffer: i.isOffer,
      offeredOn: i.offeredOn,
      startDate: i.startDate,
      plannedEnd: i.plannedEnd,
      endDate: i.endDate,
      status: i.status,
      skNoticeOn: i.skNoticeOn,
      skRequestedOn: i.skRequestedOn,
      skDecidedOn: i.skDecidedOn,
      skDecision: i.skDecision,
      details: i.details,
    })),
    mentorGrants: r.mentorGrants.map((g) => ({
      ref: g.id,
      mentorName: g.mentorName,
      mentorContact: g.mentorContact,
      role: g.role,
      goals: g.goals,
      fromDate: g.fromDate,
      toDate: g.toDate,
      renewalOfRef: g.renewalOf,
      assessment: g.assessment,
    })),
    periods: r.periods.map((p) => ({ kind: p.kind, fromDate: p.fromDate, toDate: p.toDate, note: p.note })),
    conversations: r.conversations.map((c) => ({
      date: c.date,
      time: c.time,
      mode: c.mode,
      status: c.status,
      participants: c.participants,
      notes: c.notes,
      nextAgreedOn: c.nextAgreedOn,
      nonAttendance: c.nonAttendance ?? null,
      sanctionProposedOn: c.sanctionProposedOn,
    })),
    appeals: r.appeals.map((a) => ({
      ref: a.id,
      afgoerelseRef: a.afgoerelseId,
      interventionRef: a.interventionRecordId,
      subject: a.subject,
      receivedOn: a.receivedOn,
      decisionReceivedOn: a.decisionReceivedOn,
      reassessedOn: a.reassessedOn,
      reassessmentResult: a.reassessmentResult,
      forwardedOn: a.forwardedOn,
      outcome: a.outcome,
      outcomeOn: a.outcomeOn,
      note: a.note,
    })),
    coordinators: r.coordinators.map((c) => ({
      name: c.name,
      email: c.email,
      unit: c.unit,
      unitKind: c.unitKind,
      fromDate: c.fromDate,
      toDate: c.toDate,
      citizenConsulted: c.citizenConsulted,
      reason: c.reason,
    })),
    jobformidler: r.jobformidler
      ? {
          informedOn: r.jobformidler.informedOn,
          answer: r.jobformidler.answer,
          answeredOn: r.jobformidler.answeredOn,
          name: r.jobformidler.name,
          phone: r.jobformidler.phone,
          email: r.jobformidler.email,
          tasks: r.jobformidler.tasks,
          agreements: r.jobformidler.agreements,
          isMentor: r.jobformidler.isMentor,
        }
      : null,
    history: { moves: movesOf(movedIn) },
  };
  return bundle;
}

/**
 * P-8: the whole case as a versioned bundle, for a case read that was audited by readCase (the route reads the case
 * with the purpose "export.json", "export.pdf" or "export.api", so the download – which includes the CPR number, as
 * the receiving municipality needs it – is in the audit log). The result is checked against the schema it documents.
 */
export async function exportBundle(ctx: UseCaseContext, view: CaseView): Promise<Bundle> {
  assertCan(ctx.actor, "case.move");
  const rows = await loadCaseForExport(ctx.db, { municipalityId: view.access.municipalityId }, view.access.caseId);
  if (!rows) throw new Error("case vanished after an audited read");
  return BundleSchema.parse(
    toBundle(rows, { exportedAt: new Date(), exportedOn: today(), exportedBy: ctx.actor.name }),
  );
}

/** P-8: the PDF summary of the same bundle, for the receiving caseworker to read first. */
export async function exportPdf(ctx: UseCaseContext, view: CaseView): Promise<Buffer> {
  return renderPdf(bundleSummary(await exportBundle(ctx, view)));
}
