import { z } from "zod";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { assertCan } from "~/platform/auth/permissions";
import type { UseCaseContext } from "~/platform/context";
import { fieldErrorsFrom, type FieldErrors } from "~/platform/validation";
import { parsePopulationCsv } from "./population-csv";
import {
  allMunicipalities,
  listPopulation,
  populationFor,
  targetsOf,
  upsertPopulation,
  upsertTargets,
} from "./statistik.db.server";

/* Changes an admin or leader makes to what the statistics read: ST-6 population figures and ST-4 targets. Audited. */

const MAX_SOURCE = 200;

export type ImportPopulationResult = { ok: true; saved: number } | { ok: false; errors: string[] };

/**
 * Saves population figures from CSV text (or the one-line manual form, sent as the same text). All lines are checked
 * first; with any error nothing is saved. Otherwise all are written in one transaction with the audit event.
 */
export async function importPopulation(
  ctx: UseCaseContext,
  csv: string,
  source: string,
): Promise<ImportPopulationResult> {
  assertCan(ctx.actor, "population.manage");
  const src = source.trim();
  const errors: string[] = [];
  if (src.length === 0) errors.push("Skriv kilden til tallene, fx Danmarks Statistik, FOLK1A, 1. januar.");
  if (src.length > MAX_SOURCE) errors.push(`Kilden må højst være ${MAX_SOURCE} tegn.`);
  const all = await allMunicipalities(ctx.db);
  const byCode = new Map(all.map((m) => [m.code, m.id]));
  const parsed = parsePopulationCsv(csv, new Set(byCode.keys()));
  errors.push(...parsed.errors);
  if (errors.length > 0) return { ok: false, errors };
  const actor = ctx.actor;
  const userId = actor.type === "user" ? actor.id : null;
  const rows = parsed.lines.map((l) => ({
    municipalityId: byCode.get(l.code)!,
    year: l.year,
    age16to66: l.age16to66,
    age16to29: l.bands?.age16to29 ?? null,
    age30to39: l.bands?.age30to39 ?? null,
    age40to49: l.bands?.age40to49 ?? null,
    age50to66: l.bands?.age50to66 ?? null,
    source: src,
  }));
  await ctx.db.transaction(async (tx) => {
    const before = await populationFor(tx, [...new Set(rows.map((r) => r.municipalityId))]);
    const replaced = rows.filter((r) =>
      before.some((b) => b.municipalityId === r.municipalityId && b.year === r.year),
    ).length;
    await upsertPopulation(tx, rows, userId);
    await recordAudit(tx, ctx, {
      action: "statistics.population.import",
      entityType: "population_figures",
      changes: {
        lines: { before: null, after: rows.length },
        replaced: { before: null, after: replaced },
        years: { before: null, after: [...new Set(parsed.lines.map((l) => l.year))].sort().join(", ") },
        source: { before: null, after: src },
      },
    });
  });
  return { ok: true, saved: rows.length };
}

export async function populationOverview(ctx: UseCaseContext) {
  assertCan(ctx.actor, "population.manage");
  return listPopulation(ctx.db, 300);
}

const pct = (label: string) =>
  z.coerce
    .number({ error: `Skriv ${label} som et helt tal fra 0 til 100` })
    .int({ error: `Skriv ${label} som et helt tal fra 0 til 100` })
    .min(0, { error: `${label} skal være mindst 0 %` })
    .max(100, { error: `${label} kan højst være 100 %` });

export const TargetsInput = z.object({
  virksomhedsrettetTargetPct: pct("målet for virksomhedsrettet indsats"),
  mentorTargetPct: pct("målet for mentor"),
});

export type SetTargetsResult = { ok: true } | { ok: false; reason: "INVALID"; errors: FieldErrors };

/** ST-4: the municipality's own targets (seed 004: 30 % virksomhedsrettet). Leaders and admins. */
export async function setTargets(ctx: UseCaseContext, raw: unknown): Promise<SetTargetsResult> {
  assertCan(ctx.actor, "statistics.target");
  const parsed = TargetsInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const municipalityId = ctx.actor.municipalityId;
  await ctx.db.transaction(async (tx) => {
    const before = await targetsOf(tx, municipalityId);
    await upsertTargets(tx, municipalityId, parsed.data);
    await recordAudit(tx, ctx, {
      action: "statistics.target.update",
      entityType: "municipality_settings",
      entityId: municipalityId,
      changes: {
        virksomhedsrettetTargetPct: {
          before: before?.virksomhedsrettetTargetPct ?? null,
          after: parsed.data.virksomhedsrettetTargetPct,
        },
        mentorTargetPct: { before: before?.mentorTargetPct ?? null, after: parsed.data.mentorTargetPct },
      },
    });
  });
  return { ok: true };
}
