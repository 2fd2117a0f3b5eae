import { parseDate, st4Definition } from "~/legislation";
import { assertCan } from "~/platform/auth/permissions";
import { today } from "~/platform/clock";
import type { UseCaseContext } from "~/platform/context";
import type { Database } from "~/platform/db/client.server";
import { fieldErrorsFrom, type FieldErrors } from "~/platform/validation";
import { regionOf, REGIONS, type Region } from "./municipalities";
import { cached } from "./statistics-cache.server";
import { statisticsQueries, type StatisticsParams } from "./statistics-queries";
import {
  buildFigures,
  lastDayOfMonth,
  periodFrom,
  StatisticsQueryInput,
  type Figure,
  type RawStatistics,
  type StatisticsPeriod,
} from "./statistik";
import {
  allMunicipalities,
  comparisonSetOf,
  dataVersion,
  runStatisticsQuery,
  saveComparisonSet,
  targetsOf,
} from "./statistik.db.server";

export interface StatisticsView {
  asOf: string;
  period: StatisticsPeriod;
  ownName: string;
  ownCode: string;
  comparisonCodes: string[];
  /** Every other municipality in the database, by region, for the comparison form. */
  choices: { region: Region; label: string; municipalities: { code: string; name: string }[] }[];
  targets: { virksomhedsrettetPct: number; mentorPct: number };
  /** Shared by every reader of the same data version and parameters: treat as read-only. */
  figures: Figure[];
  /** Data version and parameters: the same key means the same figures (for caches of their rendering). */
  cacheKey: string;
}

export type StatisticsResult =
  | { ok: true; view: StatisticsView }
  | { ok: false; reason: "INVALID"; errors: FieldErrors };

/** ST-4 targets: the municipality's own, else seed 004's 30 % and the settings' default for mentor. */
export async function targetsFor(db: Database, municipalityId: string, asOf: string) {
  const t = await targetsOf(db, municipalityId);
  return {
    virksomhedsrettetPct: t?.virksomhedsrettetTargetPct ?? st4Definition(parseDate(asOf)).defaultTargetPct,
    mentorPct: t?.mentorTargetPct ?? 50,
  };
}

/** Runs the statements of statisticsQueries and types their rows. */
export async function loadRawStatistics(db: Database, params: StatisticsParams): Promise<RawStatistics> {
  const queries = statisticsQueries(params);
  const results = await Promise.all(queries.map((q) => runStatisticsQuery(db, q)));
  const out = Object.fromEntries(queries.map((q, i) => [q.name, results[i]])) as unknown as RawStatistics;
  return out;
}

/** The parameters of statisticsQueries for a municipality and period; exported for the load benchmark. */
export function statisticsParams(p: {
  municipalityId: string;
  comparisonCodes: readonly string[];
  period: StatisticsPeriod;
  asOf: string;
}): StatisticsParams {
  const def = st4Definition(parseDate(p.asOf));
  return {
    municipalityId: p.municipalityId,
    comparisonCodes: [...p.comparisonCodes].sort(),
    from: `${p.period.fromMonth}-01`,
    to: lastDayOfMonth(p.period.toMonth),
    asOf: p.asOf,
    virksomhedsrettetKinds: def.virksomhedsrettetKinds,
    mentorKinds: def.mentorKinds,
  };
}

/**
 * ST-1..ST-7 for the actor's own municipality, compared with the chosen municipalities and the whole country.
 * Aggregates only: no person is named, and cells of 1-4 persons are hidden (ST-2). Reading aggregates is not a read of
 * a citizen's data, and the app audits only those (and changes), so nothing is written here except, when the user
 * submitted the comparison form (`remember`), their chosen comparison set.
 */
export async function readStatistics(
  ctx: UseCaseContext,
  raw: unknown,
  opts: { remember?: boolean; comparisonGiven?: boolean } = {},
): Promise<StatisticsResult> {
  assertCan(ctx.actor, "statistics.read");
  const parsed = StatisticsQueryInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "INVALID", errors: fieldErrorsFrom(parsed.error) };
  const asOf = today();
  const p = periodFrom(parsed.data, asOf);
  if (!p.ok) return { ok: false, reason: "INVALID", errors: p.errors };

  // Everything below the version read is cached per data version (see statistics-cache.server.ts): the municipality
  // list, the targets and the finished figures, so a page view costs one indexed read when nothing has changed.
  const version = await dataVersion(ctx.db);
  const all = await cached(ctx.db, version, "municipalities", () => allMunicipalities(ctx.db));
  const own = all.find((m) => m.id === ctx.actor.municipalityId);
  if (!own) return { ok: false, reason: "INVALID", errors: { sammenlign: "Din kommune findes ikke" } };
  const known = new Map(all.filter((m) => m.id !== own.id).map((m) => [m.code, m]));
  const userId = ctx.actor.type === "user" ? ctx.actor.id : null;

  let requested = parsed.data.sammenlign;
  if (!opts.comparisonGiven && requested.length === 0 && userId)
    requested = (await comparisonSetOf(ctx.db, userId)) ?? [];
  const unknown = requested.filter((c) => c !== own.code && !known.has(c));
  if (unknown.length > 0) {
    return { ok: false, reason: "INVALID", errors: { sammenlign: `Kommunekoden ${unknown.join(", ")} findes ikke` } };
  }
  const codes = [...new Set(requested.filter((c) => c !== own.code))].sort();
  if (opts.remember && userId) {
    const saved = await comparisonSetOf(ctx.db, userId);
    if (JSON.stringify(saved) !== JSON.stringify(codes)) await saveComparisonSet(ctx.db, userId, codes);
  }

  const targets = await cached(ctx.db, version, `targets|${own.id}|${asOf}`, () => targetsFor(ctx.db, own.id, asOf));
  const params = statisticsParams({ municipalityId: own.id, comparisonCodes: codes, period: p.period, asOf });
  const key = JSON.stringify(params);
  const figures = await cached(ctx.db, version, `figures|${key}`, async () =>
    buildFigures(await loadRawStatistics(ctx.db, params), {
      asOf,
      period: p.period,
      ownName: own.name,
      setNames: codes.map((c) => known.get(c)!.name),
      targets,
    }),
  );

  const byRegion = new Map<Region, { code: string; name: string }[]>();
  for (const m of known.values()) {
    const r = regionOf(m.code);
    if (!byRegion.has(r)) byRegion.set(r, []);
    byRegion.get(r)!.push({ code: m.code, name: m.name });
  }
  const choices = (Object.keys(REGIONS) as Region[])
    .filter((r) => byRegion.has(r))
    .map((r) => ({
      region: r,
      label: REGIONS[r],
      municipalities: byRegion.get(r)!.sort((a, b) => a.name.localeCompare(b.name, "da")),
    }));

  return {
    ok: true,
    view: {
      asOf,
      period: p.period,
      ownName: own.name,
      ownCode: own.code,
      comparisonCodes: codes,
      choices,
      targets,
      figures,
      cacheKey: `${version}|${key}`,
    },
  };
}
