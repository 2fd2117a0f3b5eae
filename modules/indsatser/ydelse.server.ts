import {
  BUILT_IN_RATES,
  RATE_CATEGORY_TITLES,
  ydelseUnknown,
  type YdelseInputRaw,
  type YdelseOutput,
} from "~/legislation";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { CaseAccess } from "~/platform/case-access";
import type { UseCaseContext } from "~/platform/context";
import type { Queryable } from "~/platform/db/client.server";
import { fieldErrorsFrom, type FieldErrors } from "~/platform/validation";
import { citizenForYdelse, insertRate, listRates } from "./indsatser.db.server";
import { YdelsePreviewInput, YdelseRateInput } from "./inputs";
import { invalid } from "./results";

/*
 * Y-1..Y-5: the monthly ressourceforløbsydelse as decision support. Nothing here pays, stops or changes a payment:
 * that takes a recorded decision. Admin-entered rates (Y-5) fill years missing from the built-in table.
 */

export type EnteredRate = Awaited<ReturnType<typeof listRates>>[number];

/** The newest admin entry per year and category (a later entry replaces an earlier one; history is kept). */
export function latestRates(rows: readonly EnteredRate[]): EnteredRate[] {
  const seen = new Map<string, EnteredRate>();
  for (const r of rows) {
    const key = `${r.year}/${r.category}`;
    if (!seen.has(key)) seen.set(key, r);
  }
  return [...seen.values()];
}

/** The extraRates of the ydelse contract, from the admin-entered rates. */
export async function extraRates(db: Queryable) {
  return latestRates(await listRates(db)).map((r) => ({
    year: r.year,
    category: r.category as (typeof BUILT_IN_RATES)[number]["category"],
    amount: r.amount,
    citation: { law: r.law, paragraph: r.paragraph, source: r.source },
  }));
}

export type YdelsePreviewResult =
  | { ok: true; output: YdelseOutput; previousBenefit: string; usedEnteredRates: number }
  | { ok: false; reason: "INVALID"; errors: FieldErrors }
  | { ok: false; reason: "NOT_FOUND" };

const PATHS: Record<string, string> = {
  month: "month",
  forsoerger: "forsoerger",
  livingWithParents: "livingWithParents",
  sygedagpengeEnd: "sygedagpengeEnd",
  previousWeeklyRate: "previousWeeklyRate",
  offerHours: "offerHours",
  "citizen.birthDate": "month",
};

/**
 * One month's ressourceforløbsydelse for the case's citizen: the previous benefit and birth date from the citizen
 * record, the rest from the caseworker's input. Uses the admin-entered rates as extraRates (Y-5).
 */
export async function previewYdelse(
  ctx: UseCaseContext,
  access: CaseAccess,
  raw: unknown,
): Promise<YdelsePreviewResult> {
  assertCan(ctx.actor, "case.read");
  const parsed = YdelsePreviewInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const v = parsed.data;
  const citizen = await citizenForYdelse(ctx.db, access.municipalityId, access.citizenId);
  if (!citizen || access.municipalityId !== ctx.actor.municipalityId) return { ok: false, reason: "NOT_FOUND" };
  const rates = await extraRates(ctx.db);
  const incomes = [
    ...(v.wage ? [{ kind: "wage" as const, amount: v.wage }] : []),
    ...(v.feriegodtgoerelse ? [{ kind: "feriegodtgoerelse" as const, amount: v.feriegodtgoerelse }] : []),
    ...(v.otherIncome ? [{ kind: "other" as const, amount: v.otherIncome }] : []),
  ];
  const input: YdelseInputRaw = {
    month: v.month,
    citizen: { birthDate: citizen.birthDate },
    forsoerger: v.forsoerger,
    livingWithParents: v.livingWithParents,
    previousBenefit: citizen.previousBenefit as YdelseInputRaw["previousBenefit"],
    ...(v.sygedagpengeEnd ? { sygedagpengeEnd: v.sygedagpengeEnd } : {}),
    ...(v.previousWeeklyRate !== null ? { previousWeeklyRate: v.previousWeeklyRate } : {}),
    incomes,
    ...(v.offerHours !== null ? { offerHours: v.offerHours } : {}),
    extraRates: rates,
  };
  const r = ydelseUnknown(input);
  if (!r.ok) {
    const errors: FieldErrors = {};
    for (const i of r.issues) errors[PATHS[i.path] ?? "month"] ??= i.message;
    return invalid(errors);
  }
  return { ok: true, output: r.value, previousBenefit: citizen.previousBenefit, usedEnteredRates: rates.length };
}

/* ---- admin: the rates (Y-5) ------------------------------------------------------------------- */

export interface RateOverview {
  builtIn: { year: number; category: string; title: string; amount: number }[];
  entered: (EnteredRate & { title: string; inForce: boolean })[];
}

export async function ydelseRates(ctx: UseCaseContext): Promise<RateOverview> {
  assertCan(ctx.actor, "ydelse.rates");
  const rows = await listRates(ctx.db);
  const inForce = new Set(latestRates(rows).map((r) => r.id));
  return {
    builtIn: BUILT_IN_RATES.map((r) => ({
      year: r.year,
      category: r.category,
      title: RATE_CATEGORY_TITLES[r.category],
      amount: r.amount,
    })),
    entered: rows.map((r) => ({
      ...r,
      title: RATE_CATEGORY_TITLES[r.category as keyof typeof RATE_CATEGORY_TITLES] ?? r.category,
      inForce: inForce.has(r.id),
    })),
  };
}

export type AddRateResult = { ok: true; id: string } | { ok: false; reason: "INVALID"; errors: FieldErrors };

/**
 * Y-5: an admin enters the rate of a year and category missing from the built-in table, with its source. Entries are
 * never changed or deleted; a new entry for the same year and category replaces the earlier one from then on, and the
 * history stays. Audited.
 */
export async function addYdelseRate(ctx: UseCaseContext, raw: unknown): Promise<AddRateResult> {
  assertCan(ctx.actor, "ydelse.rates");
  const parsed = YdelseRateInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const v = parsed.data;
  if (BUILT_IN_RATES.some((r) => r.year === v.year && r.category === v.category)) {
    return invalid({
      year: `Satsen "${RATE_CATEGORY_TITLES[v.category]}" for ${v.year} står allerede i den indbyggede satstabel (Y-5). Her indtastes kun satser, der mangler.`,
    });
  }
  return ctx.db.transaction(async (tx): Promise<AddRateResult> => {
    const id = await insertRate(tx, {
      year: v.year,
      category: v.category,
      amount: v.amount,
      law: v.law,
      paragraph: v.paragraph,
      source: v.source,
      enteredBy: ctx.actor.type === "user" ? ctx.actor.id : null,
    });
    await recordAudit(tx, ctx, {
      action: "ydelse.rate.add",
      entityType: "ydelse_rate",
      entityId: id,
      changes: {
        year: { before: null, after: v.year },
        category: { before: null, after: v.category },
        amount: { before: null, after: v.amount },
        law: { before: null, after: v.law },
        paragraph: { before: null, after: v.paragraph },
        source: { before: null, after: v.source },
      },
    });
    return { ok: true, id };
  });
}
