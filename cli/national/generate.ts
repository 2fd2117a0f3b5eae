import { sql } from "drizzle-orm";
import { recomputeDeadlines } from "~/modules/frister/index.server";
import { danishMunicipality } from "~/modules/statistik/municipalities";
import { rowsOf, type Database, type Queryable } from "~/platform/db/client.server";
import { writeHistory, type Progress } from "~/platform/demo/national/history.db.server";
import { lit } from "~/platform/demo/national/sql";
import { lastDayOf, optionsKey, type NationalOptions } from "./options";

/*
 * The CLI side of the national generator: the marker that makes a repeated run a no-op, --clean, and the deadlines
 * of the open cases computed by the app's own rules (modules/frister recomputeDeadlines). The history itself is
 * written by platform/demo/national (shared with the demo seed).
 */

export const MARKER_KEY = "national_seed";

export interface Marker {
  key: string;
  options: NationalOptions;
  asOf: string;
  municipalityIds: string[];
  generatedAt: string;
}

export interface GenerateResult {
  asOf: string;
  counts: Record<string, number>;
  skipped: boolean;
}

/** Reads the marker of an earlier national seed, if any. */
export async function readMarker(db: Queryable): Promise<Marker | null> {
  const rows = rowsOf<{ value: string }>(
    await db.execute(sql`select value from app_settings where key = ${MARKER_KEY}`),
  );
  return rows[0] ? (JSON.parse(rows[0].value) as Marker) : null;
}

/** Tables in delete order (children first), each with the condition that selects a municipality's rows. */
const CASE_OF = "case_id in (select id from cases where municipality_id in (select unnest($1::uuid[])))";
const CLEANUP: [string, string][] = [
  ["deadlines", "municipality_id = any($1::uuid[])"],
  ["appeals", CASE_OF],
  ["conversations", CASE_OF],
  ["citizen_requests", "municipality_id = any($1::uuid[])"],
  ["mentor_grants", CASE_OF],
  ["forloeb_periods", CASE_OF],
  ["intervention_records", CASE_OF],
  ["plan_revisions", `plan_id in (select id from plans where ${CASE_OF})`],
  ["plans", CASE_OF],
  ["case_coordinators", CASE_OF],
  ["jobformidler_offers", CASE_OF],
  ["forloeb", "municipality_id = any($1::uuid[])"],
  ["afgoerelser", CASE_OF],
  ["indstillinger", CASE_OF],
  ["team_agenda_items", CASE_OF],
  ["team_meetings", "municipality_id = any($1::uuid[])"],
  ["outbox", "letter_id in (select id from letters where municipality_id = any($1::uuid[]))"],
  ["letters", "municipality_id = any($1::uuid[])"],
  ["cases", "municipality_id = any($1::uuid[])"],
  ["network_persons", "citizen_id in (select id from citizens where municipality_id = any($1::uuid[]))"],
  ["sessions", "user_id in (select id from users where municipality_id = any($1::uuid[]))"],
  ["api_tokens", "municipality_id = any($1::uuid[])"],
  ["users", "municipality_id = any($1::uuid[])"],
  ["citizens", "municipality_id = any($1::uuid[])"],
  ["population_figures", "municipality_id = any($1::uuid[])"],
  ["municipality_settings", "municipality_id = any($1::uuid[])"],
  ["municipalities", "id = any($1::uuid[])"],
];

/** Removes a previous national seed: every row of its municipalities. The append-only audit log is left as it is. */
export async function removeNationalSeed(db: Database, progress: Progress = () => {}): Promise<boolean> {
  const marker = await readMarker(db);
  if (!marker) return false;
  const ids = `array[${marker.municipalityIds.map(lit).join(",")}]::uuid[]`;
  await db.transaction(async (tx) => {
    for (const [table, where] of CLEANUP) {
      await tx.execute(
        sql.raw(`delete from ${table} where ${where.replaceAll("$1::uuid[]", ids).replaceAll("$1", ids)}`),
      );
    }
    await tx.execute(sql`delete from app_settings where key = ${MARKER_KEY}`);
  });
  progress(
    `Fjernede det tidligere nationale datasæt (${marker.municipalityIds.length} kommuner, seed ${marker.options.seed}).`,
  );
  return true;
}

/**
 * Generates the national history. Idempotent: the same options twice do nothing the second time; other options
 * are refused unless `replace` is set, which removes the previous national seed first.
 */
export async function generateNational(
  db: Database,
  options: NationalOptions,
  opts: { replace?: boolean; progress?: Progress; deadlineConcurrency?: number } = {},
): Promise<GenerateResult> {
  const progress = opts.progress ?? (() => {});
  const asOf = lastDayOf(options.to);
  const key = optionsKey(options);
  const previous = await readMarker(db);
  if (previous) {
    if (previous.key === key) {
      progress(
        `Det nationale datasæt med de samme argumenter findes allerede (genereret ${previous.generatedAt}); intet at gøre.`,
      );
      return { asOf: previous.asOf, counts: await countRows(db, previous.municipalityIds), skipped: true };
    }
    if (!opts.replace) {
      throw new Error(
        `Der findes allerede et nationalt datasæt med andre argumenter (seed ${previous.options.seed}, ${previous.options.codes.length} kommuner, ${previous.options.citizens} borgere). Kør med --replace for at fjerne det og generere igen.`,
      );
    }
    await removeNationalSeed(db, progress);
  }
  const existing = rowsOf<{ code: string; name: string }>(
    await db.execute(
      sql.raw(`select code, name from municipalities where code in (${options.codes.map(lit).join(",")})`),
    ),
  );
  if (existing.length > 0) {
    throw new Error(
      `Kommunekoden ${existing.map((e) => `${e.code} (${e.name})`).join(", ")} findes allerede i databasen og er ikke lavet af generatoren. Vælg andre kommuner med --codes, eller brug en tom database.`,
    );
  }

  const t0 = performance.now();
  progress(
    `Genererer ${options.citizens} borgere i ${options.codes.length} kommuner, ${options.from} til ${options.to} (seed ${options.seed}), som det så ud ${asOf} …`,
  );
  const municipalityIds = await db.transaction(async (tx) => {
    const touched = await writeHistory(tx, {
      seed: options.seed,
      municipalities: options.codes.map((code) => danishMunicipality(code)!),
      citizens: options.citizens,
      from: options.from,
      to: options.to,
      asOf,
      progress,
    });
    return touched.map((m) => m.id);
  });
  progress(`  historik skrevet (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const t1 = performance.now();
  // Open cases as of the generation day; ended forløb as of their end, as the ending transaction would have (ST-5
  // reads every forløb's indsatsgaranti row).
  const active = rowsOf<{ id: string; as_of: string }>(
    await db.execute(
      sql.raw(
        `select c.id, case when c.status = 'ended' then least(f.ended_on, ${lit(asOf)}::date)::text else ${lit(asOf)} end as as_of
           from cases c left join forloeb f on f.case_id = c.id
          where (c.status = 'granted' or (c.status = 'ended' and f.ended_on is not null))
            and c.municipality_id in (${municipalityIds.map(lit).join(",")}) order by c.id`,
      ),
    ),
  );
  // Deadlines come from the rules engine (modules/frister computeDeadlines), one case per transaction, several at once.
  const concurrency = opts.deadlineConcurrency ?? 8;
  let done = 0;
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= active.length) return;
      const c = active[i]!;
      await db.transaction((tx) => recomputeDeadlines(tx, c.id, c.as_of));
      done++;
      if (done % 1000 === 0) progress(`  frister: ${done} af ${active.length} sager`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, active.length)) }, worker));
  progress(
    `  frister beregnet af reglerne for ${active.length} sager (åbne og afsluttede) (${((performance.now() - t1) / 1000).toFixed(1)} s)`,
  );

  const marker: Marker = { key, options, asOf, municipalityIds, generatedAt: new Date().toISOString() };
  await db.execute(
    sql`insert into app_settings (key, value) values (${MARKER_KEY}, ${JSON.stringify(marker)})
        on conflict (key) do update set value = excluded.value`,
  );
  await db.execute(sql.raw("analyze"));
  const counts = await countRows(db, municipalityIds);
  progress(`Færdig på ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
  return { asOf, counts, skipped: false };
}

export async function countRows(db: Queryable, municipalityIds: string[]): Promise<Record<string, number>> {
  const ids = `array[${municipalityIds.map(lit).join(",")}]::uuid[]`;
  const c = (table: string, where: string) =>
    `(select count(*) from ${table} where ${where.replaceAll("$1::uuid[]", ids).replaceAll("$1", ids)})::int as "${table}"`;
  const row = rowsOf<Record<string, number>>(
    await db.execute(
      sql.raw(
        `select ${[
          c("municipalities", "id = any($1::uuid[])"),
          c("users", "municipality_id = any($1::uuid[])"),
          c("citizens", "municipality_id = any($1::uuid[])"),
          c("cases", "municipality_id = any($1::uuid[])"),
          c("forloeb", "municipality_id = any($1::uuid[])"),
          c("team_meetings", "municipality_id = any($1::uuid[])"),
          c("team_agenda_items", CASE_OF),
          c("indstillinger", CASE_OF),
          c("afgoerelser", CASE_OF),
          c("case_coordinators", CASE_OF),
          c("intervention_records", CASE_OF),
          c("plans", CASE_OF),
          c("mentor_grants", CASE_OF),
          c("forloeb_periods", CASE_OF),
          c("conversations", CASE_OF),
          c("deadlines", "municipality_id = any($1::uuid[])"),
          c("population_figures", "municipality_id = any($1::uuid[])"),
        ].join(", ")}`,
      ),
    ),
  )[0]!;
  return row;
}
