import { randomUUID } from "node:crypto";
import { endingFactsOf, type EndingFacts, type MovedInFacts } from "~/modules/afslutning";
import type { CaseStatus } from "~/modules/cases";
import { checkCpr, maskCpr } from "~/modules/citizens";
import { recomputeDeadlines } from "~/modules/frister/index.server";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import { isUuid } from "~/platform/validation";
import { parseBundle, type Bundle, type BundleIssue } from "./bundle";
import {
  findCitizenByCpr,
  insertCitizenWithNetwork,
  insertImportedCase,
  sameForloebExists,
  staffMember,
  type ImportRows,
} from "./flytning.db.server";

export type ImportResult =
  | { ok: true; caseId: string; citizenId: string; citizenMatched: boolean; status: CaseStatus }
  | { ok: false; reason: "INVALID"; issues: BundleIssue[] }
  | { ok: false; reason: "CONFLICT"; message: string };

/** Statuses that move as a case not yet decided: the receiving municipality's own team treats it (P-1). */
const BEFORE_DECISION: CaseStatus[] = ["visitation", "readyForTeam", "onAgenda", "indstillingGiven", "backToTeam"];

/**
 * What the imported case's status is, or why the bundle cannot be imported. A granted forløb – also one the sending
 * municipality ended with the outcome "moved" – continues here with its dates; a case not yet decided starts in
 * visitation here; a refused or otherwise ended case has nothing to move.
 */
function importedStatus(b: Bundle): { status: CaseStatus; forloebContinues: boolean } | BundleIssue {
  const s = b.case.status;
  if (BEFORE_DECISION.includes(s)) return { status: "visitation", forloebContinues: false };
  if (s === "granted" && b.forloeb && !b.forloeb.endedOn) return { status: "granted", forloebContinues: true };
  if ((s === "granted" || s === "ended") && b.forloeb?.outcome === "moved") {
    return { status: "granted", forloebContinues: true };
  }
  return {
    path: "case.status",
    message:
      "Sagen har ikke et igangværende forløb at flytte (status er afslag, afvisning eller afsluttet med et andet udfald end flytning).",
  };
}

/**
 * P-8 (LAS § 68, stk. 8; skrivelse 10112 §4.7): imports a bundle as a new case in the receiving municipality that keeps
 * the plan with all its revisions, the forløb's dates, the periods, interventions, mentor grants, conversations,
 * appeals and decisions. The citizen is matched by CPR within the municipality, or created. The receiving caseworker
 * (or the given staff member, for an API token) becomes the coordinating caseworker (P-6). One transaction, audit-
 * logged; the deadlines are computed at once. The sending municipality's indstillinger and coordinators – which have no
 * place in this municipality's tables – are kept with the forløb as its move history, and go on if the case moves again.
 */
export async function importCase(
  ctx: UseCaseContext,
  raw: unknown,
  options: { coordinatorUserId?: string } = {},
): Promise<ImportResult> {
  assertCan(ctx.actor, "case.move");
  assertCan(ctx.actor, "case.write");
  assertCan(ctx.actor, "citizen.write");
  const parsed = parseBundle(raw);
  if (!parsed.ok) return { ok: false, reason: "INVALID", issues: parsed.issues };
  const b = parsed.bundle;
  const issues: BundleIssue[] = [];
  const cpr = checkCpr(b.citizen.cpr);
  if (!cpr.ok) issues.push({ path: "citizen.cpr", message: cpr.message });
  else if (cpr.birthDate !== b.citizen.birthDate) {
    issues.push({ path: "citizen.birthDate", message: "Fødselsdatoen passer ikke med CPR-nummeret" });
  }
  const target = importedStatus(b);
  if ("path" in target) issues.push(target);
  const coordinatorId = options.coordinatorUserId ?? (ctx.actor.type === "user" ? ctx.actor.id : undefined);
  if (!coordinatorId || !isUuid(coordinatorId)) {
    issues.push({
      path: "coordinatorUserId",
      message: "Vælg den medarbejder, der bliver koordinerende sagsbehandler (P-6)",
    });
  }
  if (issues.length > 0 || "path" in target || !cpr.ok || !coordinatorId) {
    return { ok: false, reason: "INVALID", issues };
  }
  if (b.source.municipality.code === ctx.actor.municipalityCode) {
    return {
      ok: false,
      reason: "CONFLICT",
      message: "Sagen kommer fra din egen kommune. En flytning importeres i den kommune, borgeren flytter til.",
    };
  }
  const scope = { municipalityId: ctx.actor.municipalityId };
  const importedOn = today();

  return ctx.db.transaction(async (tx): Promise<ImportResult> => {
    const coordinator = await staffMember(tx, scope, coordinatorId);
    if (!coordinator) {
      return {
        ok: false,
        reason: "INVALID",
        issues: [{ path: "coordinatorUserId", message: "Vælg en sagsbehandler eller leder i kommunen (P-6)" }],
      };
    }
    const existing = await findCitizenByCpr(tx, scope, b.citizen.cpr);
    if (existing && b.forloeb && (await sameForloebExists(tx, scope, existing.id, b.forloeb))) {
      return {
        ok: false,
        reason: "CONFLICT",
        message: "Sagen er allerede importeret: borgeren har et forløb med de samme datoer i kommunen.",
      };
    }
    const citizenId =
      existing?.id ??
      (await insertCitizenWithNetwork(
        tx,
        scope,
        {
          cpr: b.citizen.cpr,
          birthDate: b.citizen.birthDate,
          sex: b.citizen.sex,
          name: b.citizen.name,
          address: b.citizen.address,
          postalCode: b.citizen.postalCode,
          city: b.citizen.city,
          phone: b.citizen.phone,
          email: b.citizen.email,
          previousBenefit: b.citizen.previousBenefit,
        },
        b.citizen.network,
      ));
    if (!existing) {
      await recordAudit(tx, ctx, {
        action: "citizen.create",
        citizenId,
        entityType: "citizen",
        entityId: citizenId,
        changes: {
          cpr: { before: null, after: maskCpr(b.citizen.cpr) },
          name: { before: null, after: b.citizen.name },
          source: { before: null, after: `Flytning fra ${b.source.municipality.name} (P-8)` },
        },
      });
    }

    const rows = buildRows(b, {
      municipalityId: scope.municipalityId,
      citizenId,
      status: target.status,
      forloebContinues: target.forloebContinues,
      importedOn,
      actorId: ctx.actor.type === "user" ? ctx.actor.id : null,
      coordinator: { id: coordinator.id, unit: coordinator.unit ?? "Jobcentret" },
    });
    await insertImportedCase(tx, rows);
    const caseId = rows.case.id!;
    await recordAudit(tx, ctx, {
      action: "case.import",
      citizenId,
      entityType: "case",
      entityId: caseId,
      changes: {
        from: { before: null, after: `${b.source.municipality.name} (${b.source.municipality.code})` },
        sourceCaseRef: { before: null, after: b.source.caseRef },
        bundleVersion: { before: null, after: b.version },
        status: { before: b.case.status, after: target.status },
        citizenMatched: { before: null, after: Boolean(existing) },
        coordinator: { before: null, after: coordinator.name },
        planRevisions: { before: null, after: rows.revisions.length },
        interventions: { before: null, after: rows.interventions.length },
        conversations: { before: null, after: rows.conversations.length },
        periods: { before: null, after: rows.periods.length },
      },
    });
    await recomputeDeadlines(tx, caseId, importedOn);
    return { ok: true, caseId, citizenId, citizenMatched: Boolean(existing), status: target.status };
  });
}

interface BuildContext {
  municipalityId: string;
  citizenId: string;
  status: CaseStatus;
  forloebContinues: boolean;
  importedOn: string;
  actorId: string | null;
  coordinator: { id: string; unit: string };
}

/** The bundle as rows of the receiving municipality, every record with a new id and every reference mapped. */
function buildRows(b: Bundle, k: BuildContext): ImportRows {
  const caseId = randomUUID();
  const map = (refs: { ref: string }[]) => new Map(refs.map((x) => [x.ref, randomUUID()]));
  const afgIds = map(b.afgoerelser);
  const intvIds = map(b.interventions);
  const mentorIds = map(b.mentorGrants);
  const afgRef = (r: string | null) => (r ? (afgIds.get(r) ?? null) : null);

  const movedIn: MovedInFacts = {
    from: b.source.municipality,
    sourceCaseRef: b.source.caseRef,
    exportedAt: b.exportedAt,
    importedOn: k.importedOn,
    bundleVersion: b.version,
    indstillinger: b.indstillinger,
    coordinators: b.coordinators,
    afgoerelseSigners: Object.fromEntries(
      b.afgoerelser.map((a) => [
        afgIds.get(a.ref)!,
        { name: a.decidedBy.name, municipality: a.decidedBy.municipality },
      ]),
    ),
    revisionAuthors: Object.fromEntries((b.plan?.revisions ?? []).map((r) => [String(r.revision), r.createdBy])),
    earlier: b.history.moves,
  };

  let forloeb: ImportRows["forloeb"] = null;
  if (b.forloeb && k.forloebContinues) {
    const f = b.forloeb;
    // A forløb the sending municipality closed with "moved" runs on here: its ending belongs to that municipality.
    const moved = f.outcome === "moved";
    const own = endingFactsOf(f.endingFacts);
    const facts: EndingFacts = moved
      ? { ...(own.nextStep ? { nextStep: own.nextStep } : {}), ...(own.e2 ? { e2: own.e2 } : {}), movedIn }
      : { ...own, movedIn };
    forloeb = {
      id: randomUUID(),
      caseId,
      municipalityId: k.municipalityId,
      citizenId: k.citizenId,
      startDate: f.startDate,
      plannedEnd: f.plannedEnd,
      decidedOn: f.decidedOn,
      afgoerelseId: afgRef(f.afgoerelseRef),
      status: moved ? "active" : f.status,
      nextStep: f.nextStep,
      nextStepDecidedOn: f.nextStepDecidedOn,
      endedOn: moved ? null : f.endedOn,
      outcome: moved ? null : f.outcome,
      endingFacts: facts as Record<string, unknown>,
      statusAfter3Months: moved ? null : f.statusAfter3Months,
    };
  }
  const planId = b.plan ? randomUUID() : null;
  return {
    case: {
      id: caseId,
      municipalityId: k.municipalityId,
      citizenId: k.citizenId,
      status: k.status,
      origin: b.case.origin,
      applicationReceivedOn: b.case.applicationReceivedOn,
      applicationText: b.case.applicationText,
      openedOn: k.importedOn,
      openedBy: k.actorId,
      judgement: b.case.judgement,
      bisidderInformedOn: b.case.bisidderInformedOn,
      citizenWishesForloeb: b.case.citizenWishesForloeb,
      preparatory: b.case.preparatory,
      citizenView: b.case.citizenView,
      citizenViewAt: b.case.citizenViewAt ? new Date(b.case.citizenViewAt) : null,
    },
    coordinator: {
      caseId,
      userId: k.coordinator.id,
      unit: k.coordinator.unit,
      unitKind: "jobcenter",
      fromDate: k.importedOn,
      citizenConsulted: false,
      reason: `Borgeren er flyttet fra ${b.source.municipality.name}; sagen er modtaget og fortsætter her (P-8)`,
      assignedBy: k.actorId,
    },
    afgoerelser: b.afgoerelser.map((a) => ({
      id: afgIds.get(a.ref)!,
      caseId,
      kind: a.kind,
      decidedOn: a.decidedOn,
      startDate: a.startDate,
      endDate: a.endDate,
      months: a.months,
      reasons: a.reasons,
      explanation: a.explanation ?? null,
      indstillingId: null,
      deviatesFromIndstilling: a.deviatesFromIndstilling,
      citizenWished: a.citizenWished,
      decidedBy: null,
      letterId: null,
    })),
    forloeb,
    plan: planId ? { id: planId, currentRevision: b.plan!.revisions.length } : null,
    revisions: planId
      ? b.plan!.revisions.map((r) => ({
          planId,
          revision: r.revision,
          content: r.content as Record<string, unknown>,
          changeNote: r.changeNote,
          createdBy: null,
          createdAt: new Date(r.createdAt),
        }))
      : [],
    interventions: b.interventions.map((i) => ({
      id: intvIds.get(i.ref)!,
      caseId,
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
      createdBy: null,
    })),
    mentorGrants: b.mentorGrants.map((g) => ({
      id: mentorIds.get(g.ref)!,
      caseId,
      mentorName: g.mentorName,
      mentorContact: g.mentorContact,
      role: g.role,
      goals: g.goals,
      fromDate: g.fromDate,
      toDate: g.toDate,
      renewalOf: g.renewalOfRef ? (mentorIds.get(g.renewalOfRef) ?? null) : null,
      assessment: g.assessment,
      createdBy: null,
    })),
    periods: b.periods.map((p) => ({
      caseId,
      kind: p.kind,
      fromDate: p.fromDate,
      toDate: p.toDate,
      note: p.note,
      createdBy: null,
    })),
    conversations: b.conversations.map((c) => ({
      caseId,
      date: c.date,
      time: c.time,
      mode: c.mode,
      status: c.status,
      participants: c.participants,
      notes: c.notes,
      nextAgreedOn: c.nextAgreedOn,
      nonAttendance: c.nonAttendance,
      sanctionProposedOn: c.sanctionProposedOn,
      createdBy: null,
    })),
    appeals: b.appeals.map((a) => ({
      caseId,
      afgoerelseId: afgRef(a.afgoerelseRef),
      interventionRecordId: a.interventionRef ? (intvIds.get(a.interventionRef) ?? null) : null,
      subject: a.subject,
      receivedOn: a.receivedOn,
      decisionReceivedOn: a.decisionReceivedOn,
      reassessedOn: a.reassessedOn,
      reassessmentResult: a.reassessmentResult,
      forwardedOn: a.forwardedOn,
      outcome: a.outcome,
      outcomeOn: a.outcomeOn,
      note: a.note,
      createdBy: null,
    })),
    jobformidler: b.jobformidler ? { caseId, ...b.jobformidler } : null,
  };
}
