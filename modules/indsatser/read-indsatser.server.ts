import type { Explanation } from "~/legislation";
import { deadlineStatus, DEADLINE_STATUS_LABELS, type DeadlineStatus } from "~/modules/frister";
import { settingsOf } from "~/modules/frister/index.server";
import { countsForIndsatsgaranti } from "~/modules/plan";
import type { CaseAccess } from "~/platform/case-access";
import type { Queryable } from "~/platform/db/client.server";
import {
  endAfterBarsel,
  hoursPerDay,
  INTERVENTION_STATUSES,
  mentorNotes,
  mentorNotice,
  periodEffect,
  ruleBasis,
  skApplies,
  skNoticeProblem,
  skState,
  statusOf,
  type ForloebPeriod,
  type InterventionRecord,
  type InterventionStatus,
  type MentorGrant,
  type PlanItem,
  type SkState,
} from "./indsatser";
import { caseFacts, deadlinesOfCase, listGrants, listPeriods, listRecords, planItems } from "./indsatser.db.server";

/*
 * Case-scoped reads. They take the CaseAccess that readCase (modules/cases) minted after checking the municipality
 * and writing the access event, so a page's one audited read covers them.
 */

const scopeOf = (access: CaseAccess) => ({ municipalityId: access.municipalityId, caseId: access.caseId });

/** The deadline kinds this part of the case handles (computed and stored by modules/frister). */
export const INDSATS_DEADLINE_KINDS = ["indsatsgaranti", "placementEnding", "mentorEnding", "forloebEnding"] as const;

export interface RecordView extends InterventionRecord {
  /** In the current plan's indsatsdel (only those count for IG-1). */
  inPlan: boolean;
  countsForIg: boolean;
  igNote: string;
  currentStatus: InterventionStatus;
  statusLabel: string;
  sk: { applies: boolean; state: SkState; text: string | null; explanation: Explanation | null };
  notes: string[];
  hoursPerDay: number | null;
}

function igNote(r: InterventionRecord, inPlan: boolean, qualifies: boolean, forloebStart: string | null): string {
  if (!inPlan) return `Ikke i planen: tæller ikke i indsatsgarantien (${ruleBasis("IG-1")})`;
  if (!qualifies)
    return "Tæller ikke i indsatsgarantien (IG-1): kun tilbud efter LAB kap. 11, 12, 14, serviceloven og sundhedsloven";
  if (r.startDate && forloebStart && r.startDate < forloebStart) {
    return "Startet før forløbets start: tæller ikke i indsatsgarantien (IG-1)";
  }
  return "Tæller i indsatsgarantien (IG-1)";
}

export function recordView(
  r: InterventionRecord,
  planIds: ReadonlySet<string>,
  forloebStart: string | null,
  asOf: string,
): RecordView {
  const inPlan = r.planItemId !== null && planIds.has(r.planItemId);
  const qualifies = countsForIndsatsgaranti(
    { legalBasis: r.legalBasis ?? "other", form: r.isOffer ? "offer" : "agreed" },
    asOf,
  );
  const currentStatus = statusOf(r, asOf);
  const notes: string[] = [];
  const notice = skNoticeProblem(r);
  if (notice) notes.push(notice);
  if (skApplies(r.kind, r.isOffer) && !r.offeredOn && !r.startDate) {
    notes.push(
      `Når tilbuddet gives, skal borgeren senest samtidig vejledes skriftligt om retten til en samtale med sundhedskoordinatoren (${ruleBasis("SK-1")}).`,
    );
  }
  const p = r.details.praktik;
  const perDay = p ? hoursPerDay(p) : null;
  if (p && perDay !== null && perDay < 1) {
    notes.push(
      p.shortHoursReason
        ? `Under 1 time om dagen (${String(perDay).replace(".", ",")} timer) med registreret begrundelse (${ruleBasis("VP-2")}).`
        : `Under 1 time om dagen (${String(perDay).replace(".", ",")} timer) anbefales ikke og kræver en begrundelse (${ruleBasis("VP-2")}).`,
    );
  }
  const sk = skState(r, asOf);
  return {
    ...r,
    inPlan,
    countsForIg: inPlan && qualifies && !(r.startDate && forloebStart && r.startDate < forloebStart),
    igNote: igNote(r, inPlan, qualifies, forloebStart),
    currentStatus,
    statusLabel: INTERVENTION_STATUSES[currentStatus],
    sk: { applies: skApplies(r.kind, r.isOffer), ...sk },
    notes,
    hoursPerDay: perDay,
  };
}

export interface DeadlineView {
  id: string;
  kind: string;
  refId: string;
  title: string;
  dueDate: string;
  metOn: string | null;
  ruleId: string;
  status: DeadlineStatus;
  statusLabel: string;
  explanation: Explanation | null;
}

export interface IndsatserOverview {
  forloeb: {
    startDate: string;
    plannedEnd: string;
    effectiveEnd: string;
    barselDays: number;
    endExplanation: Explanation;
    status: string;
  } | null;
  planItems: (PlanItem & { countsForIg: boolean; records: RecordView[] })[];
  /** Records not (or no longer) in the current plan. */
  otherRecords: RecordView[];
  records: RecordView[];
  grants: (MentorGrant & { active: boolean; renewedBy: string | null })[];
  mentorNotice: string | null;
  mentorNotes: string[];
  periods: (ForloebPeriod & { effect: string })[];
  deadlines: DeadlineView[];
  dueSoonDays: number;
}

/** Everything the "Indsatser og perioder" page shows for a case, judged against `asOf`. */
export async function indsatserOverview(db: Queryable, access: CaseAccess, asOf: string): Promise<IndsatserOverview> {
  const scope = scopeOf(access);
  const c = await caseFacts(db, scope);
  const [items, records, grants, periods, rows, settings] = await Promise.all([
    planItems(db, access.caseId),
    listRecords(db, access.caseId),
    listGrants(db, access.caseId),
    listPeriods(db, access.caseId),
    deadlinesOfCase(db, scope, INDSATS_DEADLINE_KINDS),
    settingsOf(db, access.municipalityId),
  ]);
  const fl = c?.forloeb ?? null;
  const planIds = new Set(items.map((i) => i.id));
  const views = records.map((r) => recordView(r, planIds, fl?.startDate ?? null, asOf));
  const end = fl ? endAfterBarsel(fl, periods) : null;
  return {
    forloeb:
      fl && end
        ? {
            startDate: fl.startDate,
            plannedEnd: fl.plannedEnd,
            effectiveEnd: end.effectiveEnd,
            barselDays: end.barselDays,
            endExplanation: end.explanation,
            status: fl.status,
          }
        : null,
    planItems: items.map((i) => ({
      ...i,
      countsForIg: countsForIndsatsgaranti(i, asOf),
      records: views.filter((v) => v.planItemId === i.id),
    })),
    otherRecords: views.filter((v) => !v.inPlan),
    records: views,
    grants: grants.map((g) => ({
      ...g,
      active: g.fromDate <= asOf && asOf <= g.toDate,
      renewedBy: grants.find((x) => x.renewalOf === g.id)?.id ?? null,
    })),
    mentorNotice: fl ? mentorNotice(grants, asOf) : null,
    mentorNotes: mentorNotes(grants, asOf),
    periods: periods.map((p) => ({ ...p, effect: periodEffect(p.kind) })),
    deadlines: rows.map((d) => {
      const status = deadlineStatus(d, asOf, settings.dueSoonDays);
      return {
        id: d.id,
        kind: d.kind,
        refId: d.refId,
        title: d.title,
        dueDate: d.dueDate,
        metOn: d.metOn,
        ruleId: d.ruleId,
        status,
        statusLabel: DEADLINE_STATUS_LABELS[status],
        explanation: (d.explanation as Explanation | null) ?? null,
      };
    }),
    dueSoonDays: settings.dueSoonDays,
  };
}

/** The case's intervention records with their place in the plan (API). */
export async function interventionsOfCase(db: Queryable, access: CaseAccess, asOf: string): Promise<RecordView[]> {
  const c = await caseFacts(db, scopeOf(access));
  if (!c) return [];
  const planIds = new Set((await planItems(db, access.caseId)).map((i) => i.id));
  return (await listRecords(db, access.caseId)).map((r) => recordView(r, planIds, c.forloeb?.startDate ?? null, asOf));
}

/**
 * The case's running interventions only, for the case overview: one query instead of interventionsOfCase's five
 * (the overview shows title, start and provider, none of the plan or forløb facts).
 */
export async function runningInterventionsOfCase(db: Queryable, access: CaseAccess, asOf: string) {
  return (await listRecords(db, access.caseId))
    .filter((r) => statusOf(r, asOf) === "running")
    .map((r) => ({ id: r.id, title: r.title, startDate: r.startDate, provider: r.provider }));
}

export async function mentorGrantsOfCase(db: Queryable, access: CaseAccess): Promise<MentorGrant[]> {
  return (await caseFacts(db, scopeOf(access))) ? listGrants(db, access.caseId) : [];
}

export async function periodsOfCase(db: Queryable, access: CaseAccess): Promise<ForloebPeriod[]> {
  return (await caseFacts(db, scopeOf(access))) ? listPeriods(db, access.caseId) : [];
}
