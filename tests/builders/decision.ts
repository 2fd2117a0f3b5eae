import { and, eq } from "drizzle-orm";
import { openCase, readCase } from "~/modules/cases/index.server";
import { createCitizen } from "~/modules/citizens/index.server";
import type { Actor } from "~/platform/auth/actor";
import type { Database } from "~/platform/db/client.server";
import { caseCoordinators, cases, forloeb, indstillinger, teamAgendaItems, teamMeetings } from "~/platform/db/schema";
import { completeJudgement, DEMO_PREPARATORY } from "~/platform/demo/demo-judgement";
import { aCitizenInput } from "./tenancy";

let sequence = 1000;

/** A citizen born on `birthDate` (YYYY-MM-DD, 1900s), with a unique synthetic CPR number (no modulus 11). */
export function aCitizenBorn(birthDate: string, overrides: Record<string, unknown> = {}) {
  const [y, m, d] = birthDate.split("-");
  sequence += 1;
  // The 7th digit 1 places the birth year in the 1900s for every two-digit year.
  return aCitizenInput({ cpr: `${d}${m}${y!.slice(2)}-${sequence}`, ...overrides });
}

export interface IndstillingSpec {
  recommendation?: string;
  recommendedMonths?: number | null;
  purpose?: "firstPresentation" | "returnBeforeDecision";
  meetingDate?: string;
  interventions?: Record<string, string[]>;
  recordedAt?: Date;
}

/** Records an indstilling on a (held) team meeting, as the rehabiliteringsteam would, and moves the case to it. */
export async function anIndstilling(db: Database, caseId: string, municipalityId: string, spec: IndstillingSpec = {}) {
  const [meeting] = await db
    .insert(teamMeetings)
    .values({
      municipalityId,
      meetingDate: spec.meetingDate ?? "2026-01-07",
      startTime: "09:00",
      place: "Rådhuset, mødelokale 2",
      members: [{ area: "employment", name: "Jonas Jobcenter" }],
      status: "held",
    })
    .returning({ id: teamMeetings.id });
  await db.insert(teamAgendaItems).values({
    meetingId: meeting!.id,
    caseId,
    position: 1,
    slotStart: "09:00",
    slotMinutes: 45,
    purpose: spec.purpose ?? "firstPresentation",
  });
  const [row] = await db
    .insert(indstillinger)
    .values({
      caseId,
      meetingId: meeting!.id,
      recommendation: spec.recommendation ?? "ressourceforloeb",
      recommendedMonths:
        spec.recommendedMonths === undefined
          ? (spec.recommendation ?? "ressourceforloeb") === "ressourceforloeb"
            ? 24
            : null
          : spec.recommendedMonths,
      interventions: spec.interventions ?? {
        employment: ["Mentor med fokus på fremmøde"],
        health: ["Psykologforløb via egen læge"],
      },
      reasons: "Teamet vurderer, at borgeren er i målgruppen og har et udviklingsperspektiv.",
      ...(spec.recordedAt ? { recordedAt: spec.recordedAt } : {}),
    })
    .returning({ id: indstillinger.id });
  await db.update(cases).set({ status: "indstillingGiven" }).where(eq(cases.id, caseId));
  return row!.id;
}

/**
 * A citizen's case waiting for a decision: opened by `caseworker` (the coordinating caseworker, jobcenter), with
 * complete visitation facts and, unless `indstilling: null`, the team's indstilling (status indstillingGiven).
 */
export async function aCaseAwaitingDecision(
  db: Database,
  caseworker: Actor,
  opts: {
    birthDate?: string;
    origin?: "municipality" | "application";
    indstilling?: IndstillingSpec | null;
    status?: string;
    earlierForloeb?: { start: string; end: string; ended?: boolean }[];
    coordinatorUnitKind?: string;
    citizenWishes?: boolean;
  } = {},
) {
  const ctx = { db, actor: caseworker };
  const citizen = await createCitizen(ctx, aCitizenBorn(opts.birthDate ?? "1985-03-15"));
  if (!citizen.ok) throw new Error(`citizen: ${JSON.stringify(citizen)}`);
  const fromApplication = opts.origin === "application";
  const opened = await openCase(ctx, citizen.id, {
    origin: opts.origin ?? "municipality",
    ...(fromApplication
      ? {
          applicationReceivedOn: "2025-12-01",
          applicationText: "Jeg søger om et ressourceforløb i stedet for kontanthjælp.",
        }
      : {}),
  });
  if (!opened.ok) throw new Error(`case: ${JSON.stringify(opened)}`);
  const caseId = opened.id;
  await db
    .update(cases)
    .set({
      status: opts.status ?? "visitation",
      citizenWishesForloeb: opts.citizenWishes ?? false,
      judgement: completeJudgement(fromApplication ? { fromApplication: "Ressourceforløb" } : {}),
      preparatory: DEMO_PREPARATORY,
      bisidderInformedOn: "2025-12-15",
    })
    .where(eq(cases.id, caseId));
  if (opts.coordinatorUnitKind) {
    await db
      .update(caseCoordinators)
      .set({ unitKind: opts.coordinatorUnitKind, unit: "Socialforvaltningen" })
      .where(and(eq(caseCoordinators.caseId, caseId), eq(caseCoordinators.userId, caseworker.id)));
  }
  for (const f of opts.earlierForloeb ?? []) {
    const [earlier] = await db
      .insert(cases)
      .values({
        municipalityId: caseworker.municipalityId,
        citizenId: citizen.id,
        status: f.ended === false ? "granted" : "ended",
        origin: "municipality",
        openedOn: f.start,
      })
      .returning({ id: cases.id });
    await db.insert(forloeb).values({
      caseId: earlier!.id,
      municipalityId: caseworker.municipalityId,
      citizenId: citizen.id,
      startDate: f.start,
      plannedEnd: f.end,
      decidedOn: f.start,
      status: f.ended === false ? "active" : "ended",
      endedOn: f.ended === false ? null : f.end,
    });
  }
  if (opts.indstilling !== null && !opts.status) {
    await anIndstilling(db, caseId, caseworker.municipalityId, opts.indstilling ?? {});
  }
  if (opts.status) await db.update(cases).set({ status: opts.status }).where(eq(cases.id, caseId));
  const view = await readCase(ctx, caseId, "decision");
  if (!view) throw new Error("case not readable");
  return { caseId, citizenId: citizen.id, access: view.access, version: view.case.version, view };
}
