import { sql } from "drizzle-orm";
import { rowsOf, type Queryable } from "../../db/client.server";
import { FEMALE_NAMES, FICTIONAL_SURNAMES, MALE_NAMES, STREETS } from "../demo-names";
import { d, lit, pickFrom, RANDOM_FUNCTIONS, randomOf, uuidOf, weighted } from "./sql";

/*
 * The national history generator (issue 6), shared by `npm run seed:national` and the demo seed. Everything is
 * written by INSERT … SELECT over generate_series and a hash of the seed (pg_temp.ns_r): no row is built in
 * JavaScript. Distributions come from the seeds:
 *   000 (Herning): former benefit 46 % sygedagpenge, 25 % kontanthjælp, 11 % ledighedsydelse; more women; more over 40;
 *   001 (Halsnæs): 1-year forløb most common; conversations about every second month after the first 6 months;
 *   003 (samråd 2016): status 3 months after the end (3 % ordinary job, 11 % fleksjob, 10 % ledighedsydelse);
 *   004 (Faaborg-Midtfyn): ended forløb ~40 % to another target group (mainly fleksjob), 28 % førtidspension, 20 %
 *       moved; a 30 % target for an employment-oriented intervention.
 * Regimes: 1-5 years before 2022 (D-1), 1-3 years from 2022 (D-2), no grant decided on or after 2026-02-01 (TG-10),
 * a new forløb only under 50 (D-2). People are synthetic: CPR numbers as legislation syntheticCpr makes them (never
 * 1 January, failing modulus 11) and plainly fictional names; municipalities are real (public facts) or the demo's.
 * Deadlines are not written here: the caller runs the app's recomputeDeadlines for the open cases (the CLI does it
 * at once, the demo server at start), so they are exactly what the app computes.
 */

/** TG-10 / R2026: nothing is granted on or after 2026-02-01 (lov nr. 1750 af 29.12.2025). */
export const LAST_GRANT_DAY = "2026-01-31";

export type Progress = (line: string) => void;

export interface HistoryMunicipality {
  code: string;
  name: string;
  /** Approximate inhabitants in thousands: weighs the number of citizens and the synthetic population figures. */
  population: number;
  /** The town used in addresses and unit names; by default the name without " Kommune". */
  city?: string;
  /** An existing municipality (the demo's) whose history is added to: it is not created, its settings are kept. */
  id?: string;
}

export interface HistorySpec {
  seed: number;
  municipalities: readonly HistoryMunicipality[];
  citizens: number;
  /** First and last month of grants' history, YYYY-MM. */
  from: string;
  to: string;
  /** The day the world is generated as of (within or after `to`): later dates are planned, not held. */
  asOf: string;
  progress?: Progress;
}

/** Month weights of new grants: the slow start in 2013, growth to 2016, the 2018 clarification, the rush before 2026. */
export function grantIntensity(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  if (y === 2013) return 0.3 + (0.7 * (m - 1)) / 11;
  if (y <= 2016) return 1 + 0.1 * (y - 2014) + 0.01 * m;
  if (y <= 2019) return 1.25 - 0.08 * (y - 2017);
  if (y === 2020) return 0.9;
  if (y === 2021) return 1;
  if (y === 2022) return 1.1;
  if (y <= 2025) return 1 - 0.03 * (y - 2023);
  return 1.3; // 2026-01: the last month with grants
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  for (;;) {
    const s = `${y}-${String(m).padStart(2, "0")}`;
    if (s > to) return out;
    out.push(s);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** Citizens per municipality: by approximate population and a municipal "propensity" (seed 004: 1,1 % vs 0,5 %). */
export function allocate(
  ms: readonly Pick<HistoryMunicipality, "code" | "population">[],
  citizens: number,
  seed: number,
): Map<string, number> {
  const u = (code: string) => {
    // A small deterministic hash so the allocation does not need the database.
    let h = 2166136261 ^ seed;
    for (const ch of `${code}|propensity`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    return ((h >>> 0) % 10_000) / 10_000;
  };
  const weights = ms.map((m) => m.population * (0.55 + 0.9 * u(m.code)));
  const total = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (w / total) * citizens);
  const counts = exact.map((x) => Math.max(1, Math.floor(x)));
  let rest = citizens - counts.reduce((s, c) => s + c, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) counts[order[k]![1]]! += 1;
  for (let k = order.length - 1; rest < 0; k = (k - 1 + order.length) % order.length) {
    const i = order[k]![1];
    if (counts[i]! > 1) {
      counts[i]! -= 1;
      rest++;
    }
  }
  return new Map(ms.map((m, i) => [m.code, counts[i]!]));
}

interface Ctx {
  seed: number;
  r: (tag: string, key: string) => string;
  asOf: string;
  progress: Progress;
}

async function step(tx: Queryable, ctx: Ctx, label: string, statements: string | string[]): Promise<void> {
  const t0 = performance.now();
  for (const s of Array.isArray(statements) ? statements : [statements]) await tx.execute(sql.raw(s));
  ctx.progress(`  ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
/**
 * Writes the history in the caller's transaction and returns the municipalities it touched (`created` false for an
 * existing one). Must run inside a transaction: the temporary tables are dropped at commit.
 */
export async function writeHistory(
  tx: Queryable,
  o: HistorySpec,
): Promise<{ id: string; code: string; created: boolean }[]> {
  if (o.asOf < `${o.to}-01`) throw new Error(`asOf ${o.asOf} lies before the last month ${o.to}`);
  const seed = o.seed;
  const r = randomOf(seed);
  const asOf = o.asOf;
  const ctx: Ctx = { seed, r, asOf, progress: o.progress ?? (() => {}) };
  const S = seed;
  const AS = d(asOf);
  for (const f of RANDOM_FUNCTIONS) await tx.execute(sql.raw(f));
  const alloc = allocate(o.municipalities, o.citizens, seed);
  const ms: (HistoryMunicipality & { lo: number; hi: number; caseworkers: number })[] = [];
  let lo = 1;
  for (const m of o.municipalities) {
    const n = alloc.get(m.code)!;
    ms.push({ ...m, lo, hi: lo + n - 1, caseworkers: Math.max(2, Math.ceil((n * 0.2) / 35)) });
    lo += n;
  }

  // Municipalities, their settings (ST-4 targets: seed 004's 30 %), staff and population figures (ST-6).
  await step(tx, ctx, `${ms.length} kommuner, indstillinger og medarbejdere`, [
    `create temp table ns_alloc (municipality_id uuid, code text, name text, city text, population float8, lo int, hi int, caseworkers int, created boolean) on commit drop`,
    `insert into ns_alloc values ${ms
      .map(
        (m) =>
          `(${m.id ? `${lit(m.id)}::uuid` : uuidOf(S, "municipality", lit(m.code))}, ${lit(m.code)}, ${lit(m.name)}, ${lit(cityOf(m))}, ${m.population}, ${m.lo}, ${m.hi}, ${m.caseworkers}, ${m.id ? "false" : "true"})`,
      )
      .join(",")}`,
    `insert into municipalities (id, code, name) select municipality_id, code, name from ns_alloc where created`,
    `insert into municipality_settings (municipality_id, conversation_interval_days, team_lead_weeks, due_soon_days, decision_days, virksomhedsrettet_target_pct, mentor_target_pct)
     select municipality_id, ${weighted(r("interval", "code"), [["60", 6], ["45", 2], ["90", 1]])}, 8, 14, 14,
       ${weighted(r("vrtarget", "code"), [["30", 7], ["25", 1], ["35", 2]])}, ${weighted(r("mtarget", "code"), [["50", 6], ["40", 2], ["60", 2]])}
     from ns_alloc where created`,
    `insert into users (id, municipality_id, role, name, unit)
     select ${uuidOf(S, "user", "a.code || '|' || u.role || '|' || u.i")}, a.municipality_id, u.role,
       ${pickFrom([...FEMALE_NAMES, ...MALE_NAMES], r("uname", "a.code || u.role || u.i"))} || ' ' || ${pickFrom(FICTIONAL_SURNAMES, r("usur", "a.code || u.role || u.i"))},
       case u.role when 'analyst' then 'Økonomi og analyse, ' || a.city else 'Jobcenter ' || a.city || case when u.role = 'caseworker' then ', Ressourceforløb' else '' end end
     from ns_alloc a
     cross join lateral (
       select 'caseworker' as role, i from generate_series(1, a.caseworkers) i
       union all select 'leader', i from generate_series(1, case when a.caseworkers > 8 then 2 else 1 end) i
       union all select 'analyst', 1
     ) u`,
    // ST-6: about 63 % of the inhabitants are 16-66 (Danmarks Statistik, order of magnitude); the ST-2 bands split it
    // roughly 26/19/19/36 %. Marked as synthetic in the source column.
    `insert into population_figures (municipality_id, year, age_16_to_66, age_16_to_29, age_30_to_39, age_40_to_49, age_50_to_66, source)
     select municipality_id, y, total, a, b, c, total - a - b - c,
       'Syntetisk (genereret): omtrentligt indbyggertal × andel 16-66 år – ikke Danmarks Statistiks tal'
     from (
       select municipality_id, y, total, round(total * 0.26)::int as a, round(total * 0.19)::int as b, round(total * 0.19)::int as c
       from (
         select municipality_id, y, round(population * 1000 * 0.635 * (1 + 0.003 * (y - 2020)))::int as total
         from ns_alloc cross join generate_series(${Number(o.from.slice(0, 4))}, ${Number(o.asOf.slice(0, 4))}) y
       ) t
     ) p
     on conflict (municipality_id, year) do nothing`,
  ]);
  const ids = rowsOf<{ id: string; code: string; created: boolean }>(
    await tx.execute(sql.raw(`select municipality_id as id, code, created from ns_alloc order by code`)),
  );

  // Months in which grants are decided, with cumulative weights for sampling.
  const lastGrantMonth = o.to < "2026-01" ? o.to : "2026-01";
  const months = monthsBetween(o.from, lastGrantMonth);
  const weights = months.map(grantIntensity);
  const total = weights.reduce((s, w) => s + w, 0);
  let acc = 0;
  const monthRows = months.map((m, i) => {
    const lo2 = acc / total;
    acc += weights[i]!;
    return `(date '${m}-01', ${lo2.toFixed(9)}, ${i === months.length - 1 ? "1.1" : (acc / total).toFixed(9)})`;
  });

  // People: the first grant's decision date, sex (more women), age (more over 40), former benefit (seed 000).
  await step(tx, ctx, `${o.citizens} borgere`, [
    `create temp table ns_month (m date, lo float8, hi float8) on commit drop`,
    `insert into ns_month values ${monthRows.join(",")}`,
    `create temp table ns_person on commit drop as
     with base as materialized (
       select g, a.municipality_id, a.code, a.city,
         ${r("dec", "g")} as u_dec, ${r("day", "g")} as u_day, ${r("age", "g")} as u_age, ${r("ageday", "g")} as u_ageday,
         ${r("sex", "g")} as u_sex, ${r("ben", "g")} as u_ben
       from generate_series(1, ${o.citizens}) g join ns_alloc a on g between a.lo and a.hi
     ), dec as materialized (
       select b.*, (m.m + floor(b.u_day * (least((m.m + interval '1 month')::date, ${AS} + 1) - m.m))::int) as decided,
         case
           when b.u_age < 0.15 then 18 + floor(b.u_age / 0.15 * 12)::int
           when b.u_age < 0.37 then 30 + floor((b.u_age - 0.15) / 0.22 * 10)::int
           when b.u_age < 0.68 then 40 + floor((b.u_age - 0.37) / 0.31 * 10)::int
           else 50 + floor((b.u_age - 0.68) / 0.32 * 10)::int
         end as age
       from base b join ns_month m on b.u_dec >= m.lo and b.u_dec < m.hi
     ), born as materialized (
       select dec.*, ((decided - make_interval(years => age))::date - floor(u_ageday * 365)::int) as b0 from dec
     )
     select g, municipality_id, code, city, ${uuidOf(S, "citizen", "g")} as citizen_id, decided, age,
       case when u_sex < 0.57 then 'K' else 'M' end as sex,
       case when to_char(b0, 'MM-DD') = '01-01' then b0 + 1 else b0 end as birth_date,
       ${weighted("u_ben", [
         ["'sygedagpenge'", 46],
         ["case when age < 30 then 'uddannelseshjaelp' else 'kontanthjaelp' end", 25],
         ["'ledighedsydelse'", 11],
         ["case when age < 30 then 'uddannelseshjaelp' else 'kontanthjaelp' end", 6],
         ["'jobafklaring'", 5],
         ["'tidligereRessourceforloeb'", 3],
         ["'selvforsoergende'", 2],
         ["'andet'", 2],
       ])} as benefit
     from born`,
    // CPR as legislation syntheticCpr: the birth date (never 1 January), a 7th digit that gives the century, an odd last
    // digit for men, and a sequence that FAILS modulus 11 (so it is, as far as can be known, unissued).
    `insert into citizens (id, municipality_id, cpr, birth_date, sex, name, address, postal_code, city, previous_benefit)
     select citizen_id, municipality_id,
       case when (4*d1 + 3*d2 + 2*d3 + 7*d4 + 6*d5 + 5*d6 + 4*d7 + 3*d8 + 2*d9 + d10) % 11 = 0
         then left(c10, 9) || ((d10 + 2) % 10)::text else c10 end,
       birth_date, sex,
       case when sex = 'K' then ${pickFrom(FEMALE_NAMES, r("first", "g"))} else ${pickFrom(MALE_NAMES, r("first", "g"))} end
         || ' ' || ${pickFrom(FICTIONAL_SURNAMES, r("last", "g"))},
       ${pickFrom(STREETS, r("street", "g"))} || ' ' || (1 + floor(${r("no", "g")} * 120)::int)::text,
       '0' || code, city, benefit
     from (
       select q.*, substr(c10,1,1)::int d1, substr(c10,2,1)::int d2, substr(c10,3,1)::int d3, substr(c10,4,1)::int d4,
         substr(c10,5,1)::int d5, substr(c10,6,1)::int d6, substr(c10,7,1)::int d7, substr(c10,8,1)::int d8,
         substr(c10,9,1)::int d9, substr(c10,10,1)::int d10
       from (
         select p.*, to_char(birth_date, 'DDMMYY')
           || case when extract(year from birth_date) >= 2000 then '4' else floor(${r("s7", "g")} * 4)::int::text end
           || lpad(floor(${r("mid", "g")} * 100)::int::text, 2, '0')
           || (case when sex = 'M' then 1 else 0 end + 2 * floor(${r("lastdigit", "g")} * 5)::int)::text as c10
         from ns_person p offset 0
       ) q offset 0
     ) x
     on conflict (municipality_id, cpr) do nothing`,
    // A CPR collision inside a municipality (rare) drops the person, so every later row refers to a stored citizen.
    `delete from ns_person p where not exists (select 1 from citizens c where c.id = p.citizen_id)`,
  ]);

  // Forløb: the first from each person's decision, a second one when the first ended with a new forløb (D-2: under 50).
  await step(tx, ctx, "forløb (R2013, R2022, R2026) med afslutning og status efter 3 måneder", [
    `create temp table ns_fl (
       id uuid, case_id uuid, afg_id uuid, ind_id uuid, municipality_id uuid, citizen_id uuid, code text, k int,
       sex text, birth_date date, decided date, start date, months int, planned_end date, barsel_from date,
       barsel_days int, eff_end date, early boolean, ended_on date, outcome text, next_step text,
       next_step_decided_on date, status_after text, opened_on date, meeting_date date, coordinator int,
       caseworkers int, last_day date
     ) on commit drop`,
    forloebInsert(ctx, `select p.citizen_id, p.municipality_id, p.code, p.sex, p.birth_date, p.decided,
        p.decided + 5 + floor(${r("startlag", "p.citizen_id")} * 36)::int as start, 1 as k from ns_person p`),
    forloebInsert(ctx, `select f.citizen_id, f.municipality_id, f.code, f.sex, f.birth_date,
        greatest(f.ended_on - 5 - floor(${r("dec2", "f.id")} * 20)::int, f.start + 1) as decided,
        f.ended_on + 1 as start, 2 as k from ns_fl f where f.outcome = 'newForloeb'`),
    // Temporary tables get no automatic statistics; without them the joins below are planned blind.
    `create index on ns_fl (id)`,
    `analyze ns_fl`,
  ]);

  await step(tx, ctx, "sager, koordinerende sagsbehandlere", [
    `insert into cases (id, municipality_id, citizen_id, status, origin, application_received_on, opened_on, opened_by,
       bisidder_informed_on, citizen_wishes_forloeb, ready_for_team_at, created_at, updated_at)
     select f.case_id, f.municipality_id, f.citizen_id, case when f.ended_on is null then 'granted' else 'ended' end,
       case when ${r("origin", "f.id")} < 0.1 then 'application' else 'municipality' end,
       case when ${r("origin", "f.id")} < 0.1 then f.opened_on else null end,
       f.opened_on, ${userRef(S, "f.code", "f.coordinator")}, f.opened_on + 14, false,
       (f.meeting_date - 14)::timestamptz, f.opened_on::timestamptz, coalesce(f.ended_on, f.decided)::timestamptz
     from ns_fl f`,
    // P-6: one coordinator at a time; a long forløb sometimes changes hands (history kept).
    `insert into case_coordinators (case_id, user_id, unit, unit_kind, from_date, to_date, citizen_consulted, reason, assigned_by)
     select f.case_id, ${userRef(S, "f.code", "f.coordinator")}, 'Jobcenter, Ressourceforløb', 'jobcenter', f.decided,
       case when f.months >= 24 and ${r("handover", "f.id")} < 0.3 then f.start + 365 else null end,
       true, 'Koordinerende sagsbehandler fra bevillingen', ${userRef(S, "f.code", "f.coordinator")}
     from ns_fl f`,
    `insert into case_coordinators (case_id, user_id, unit, unit_kind, from_date, citizen_consulted, reason, assigned_by)
     select f.case_id, ${userRef(S, "f.code", "(f.coordinator % f.caseworkers) + 1")}, 'Jobcenter, Ressourceforløb', 'jobcenter',
       f.start + 366, true, 'Ny koordinerende sagsbehandler efter omorganisering; borgeren er hørt',
       ${userRef(S, "f.code", "f.coordinator")}
     from ns_fl f where f.months >= 24 and ${r("handover", "f.id")} < 0.3`,
  ]);

  // Interventions (PL-3, IG-1): a first qualifying one mostly within 6 months, some late, a few never; a
  // virksomhedsrettet one (LAB kap. 11/12) by the municipality's practice (ST-4, seed 004's 30 % target).
  await step(tx, ctx, "indsatser, planer og mentorbevillinger", [
    `create temp table ns_int on commit drop as
     with f as materialized (
       select f.*, 0.18 + 0.3 * ${r("pvr", "f.code")} as p_vr, 0.3 + 0.35 * ${r("pmentor", "f.code")} as p_mentor,
         0.06 + 0.18 * ${r("plate", "f.code")} as p_late
       from ns_fl f
     ), slots as materialized (
       select f.*, j,
         case
           when j = 1 then ${weighted(r("k1", "f.id"), [["'sundhedsloven'", 35], ["'serviceloven'", 25], ["'lab14'", 22], ["'lab11'", 14], ["'lab12'", 4]])}
           when j = 2 and ${r("vr", "f.id")} < p_vr then case when ${r("vrk", "f.id")} < 0.88 then 'lab11' else 'lab12' end
           else ${weighted(r("kn", "f.id || '|' || j"), [["'sundhedsloven'", 25], ["'serviceloven'", 20], ["'lab14'", 15], ["'other'", 15], ["'leisure'", 15], ["'lab26mentor'", 10]])}
         end as kind,
         case
           when j = 1 and ${r("none", "f.id")} < 0.05 then null
           when j = 1 and ${r("late", "f.id")} < p_late then 190 + floor(${r("off", "f.id || '|' || j")} * 110)::int
           when j = 1 then 7 + floor(${r("off", "f.id || '|' || j")} * 160)::int
           else 40 + floor(${r("off", "f.id || '|' || j")} * greatest(30, f.eff_end - f.start - 60))::int
         end as offset_days
       from f cross join generate_series(1, 1 + floor(${r("nint", "f.id")} * 4)::int) j
     )
     select s.*, ${uuidOf(S, "intervention", "s.id || '|' || s.j")} as int_id, s.start + s.offset_days as i_start,
       (s.start + s.offset_days + case when s.kind = 'lab11' then 13 * 7 - 1 else 26 * 7 - 1 end) as i_planned_end,
       ${r("inplan", "s.id || '|' || s.j")} >= 0.04 as in_plan
     from slots s
     where s.offset_days is not null and s.start + s.offset_days <= least(s.last_day, ${AS} + 60)`,
    `create index on ns_int (id)`,
    `analyze ns_int`,
    `insert into intervention_records (id, case_id, plan_item_id, kind, title, provider, is_offer, offered_on, start_date,
       planned_end, end_date, status, sk_notice_on, details, created_by, created_at, updated_at)
     select i.int_id, i.case_id, case when i.in_plan then 'i-' || i.j else null end, i.kind,
       case i.kind
         when 'lab11' then 'Virksomhedspraktik'
         when 'lab12' then 'Ansættelse med løntilskud'
         when 'lab14' then 'Opkvalificeringskursus'
         when 'serviceloven' then 'Socialpædagogisk støtte (SEL § 85)'
         when 'sundhedsloven' then ${pickFrom(["Smertehåndteringsforløb", "Psykologforløb", "Genoptræning"], r("htitle", "i.int_id"))}
         when 'lab26mentor' then 'Mentorstøtte'
         when 'leisure' then 'Fritidsaktivitet i en lokal forening'
         else 'Motion og træning'
       end,
       case when i.kind in ('lab11', 'lab12', 'lab14', 'lab26mentor') then 'Jobcentret, virksomhedsteamet'
            when i.kind = 'serviceloven' then 'Socialforvaltningen' when i.kind = 'sundhedsloven' then 'Sundhed og omsorg'
            else 'Lokal forening' end,
       i.kind <> 'leisure', i.i_start - 14, i.i_start, i.i_planned_end, i.end_date,
       case when i.i_start > ${AS} then 'planned' when i.end_date is not null then 'stopped' else 'running' end,
       case when i.kind in ('lab11', 'lab12', 'lab14') and i.start >= date '2022-01-01' then i.i_start - 14 else null end,
       case when i.kind = 'lab11' then jsonb_build_object('legalBasis', 'lab11', 'initialWeeks', 13, 'praktik', jsonb_build_object(
           'company', ${pickFrom(["Byens Bageri ApS", "Lageret A/S", "Kommunens Park og Vej", "Plejecenter Solgården", "Genbrugsbutikken"], r("company", "i.int_id"))},
           'hoursPerWeek', 6 + floor(${r("hours", "i.int_id")} * 20)::int, 'daysPerWeek', 3, 'focus',
           ${pickFrom(["ordinaryHours", "cvCompetences", "clarification"], r("focus", "i.int_id"))},
           'virksomhedscenter', false, 'mentorArrangement', null, 'shortHoursReason', null, 'shortHoursNote', null,
           'notOnlyDocumentation', true))
         else jsonb_build_object('legalBasis', case when i.kind = 'leisure' then 'other' else i.kind end) end,
       ${userRef(S, "i.code", "i.coordinator")}, (least(i.i_start, ${AS}) - 14)::timestamptz, (least(i.i_start, ${AS}) - 14)::timestamptz
     from (
       select n.*, case
           when n.i_start > ${AS} then null
           when n.i_planned_end <= least(n.last_day, ${AS}) then n.i_planned_end
           when n.last_day < ${AS} then n.last_day
           else null end as end_date
       from ns_int n
     ) i`,
    // The plan's interventions, aggregated once (a correlated subquery per plan is quadratic on the temp tables).
    `create temp table ns_plan_items on commit drop as
     select i.id, jsonb_agg(jsonb_build_object('id', 'i-' || i.j,
         'title', ir.title, 'legalBasis', case when i.kind = 'leisure' then 'other' else i.kind end,
         'provider', ir.provider, 'shortTermGoal', 'Afklaring og udvikling af arbejdsevnen',
         'form', case when i.kind = 'leisure' then 'agreed' else 'offer' end,
         'plannedStart', i.i_start, 'plannedEnd', i.i_planned_end) order by i.j) as items
     from ns_int i join intervention_records ir on ir.id = i.int_id where i.in_plan group by i.id`,
    `create index on ns_plan_items (id)`,
    `insert into plans (id, case_id, current_revision, created_at, updated_at)
     select ${uuidOf(S, "plan", "f.id")}, f.case_id, 1, (f.start + 7)::timestamptz, (f.start + 7)::timestamptz
     from ns_fl f where f.start <= ${AS}`,
    // PL-1..PL-5: a goal, delmål in two areas, the interventions of the plan (PL-6 offer/agreed), follow-up, mentor, ≥ 6 months.
    `insert into plan_revisions (plan_id, revision, content, change_note, created_by, created_at)
     select ${uuidOf(S, "plan", "f.id")}, 1, jsonb_build_object(
         'format', 1,
         'goal', jsonb_build_object('type', 'overall', 'text', ${pickFrom(
           ["Job inden for lager og logistik", "Job i detailhandlen", "Fleksjob inden for rengøring", "Job i et køkken", "Uddannelse som social- og sundhedshjælper"],
           r("goal", "f.id"),
         )}),
         'delmaal', jsonb_build_array(
           jsonb_build_object('id', 'd-1', 'area', 'health', 'text', 'Mere stabilt helbred i hverdagen', 'reason', 'Helbredet er den største barriere.'),
           jsonb_build_object('id', 'd-2', 'area', 'employment', 'text', 'Møde stabilt i en praktik', 'reason', 'Stabilt fremmøde er første skridt mod job.')),
         'interventions', coalesce(pi.items, '[]'::jsonb),
         'followUp', jsonb_build_object('how', 'Samtale mindst 4 gange i de første 6 måneder, derefter ca. hver anden måned.'),
         'mentor', case when ${r("mentor", "f.id")} < 0.3 + 0.35 * ${r("pmentor", "f.code")}
           then jsonb_build_object('has', true, 'name', ${pickFrom([...FEMALE_NAMES, ...MALE_NAMES], r("mname", "f.id"))} || ' Mentorsen',
             'contact', null, 'role', 'Støtte til fremmøde og struktur', 'tasks', '["Fremmøde i praktikken", "Struktur i hverdagen"]'::jsonb)
           else jsonb_build_object('has', false, 'name', null, 'contact', null, 'role', null, 'tasks', '[]'::jsonb) end,
         'period', jsonb_build_object('from', f.start, 'to', least(f.planned_end, (f.start + interval '12 months')::date - 1))
       ), 'Første plan, lagt sammen med borgeren.', ${userRef(S, "f.code", "f.coordinator")}, (f.start + 7)::timestamptz
     from ns_fl f left join ns_plan_items pi on pi.id = f.id where f.start <= ${AS}`,
    // MT-1..MT-3: a mentor grant of at most 6 months, sometimes renewed once.
    `insert into mentor_grants (id, case_id, mentor_name, mentor_contact, role, goals, from_date, to_date, renewal_of, created_by, created_at)
     select ${uuidOf(S, "mentor", "f.id || '|' || n")}, f.case_id,
       ${pickFrom([...FEMALE_NAMES, ...MALE_NAMES], r("mname", "f.id"))} || ' Mentorsen', null,
       'Støtte til fremmøde og struktur', '["Fremmøde i praktikken", "Struktur i hverdagen"]'::jsonb,
       f.start + 14 + floor(${r("mfrom", "f.id")} * 60)::int + (n - 1) * 183,
       (f.start + 14 + floor(${r("mfrom", "f.id")} * 60)::int + (n - 1) * 183 + interval '6 months')::date - 1,
       case when n = 2 then ${uuidOf(S, "mentor", "f.id || '|1'")} else null end,
       ${userRef(S, "f.code", "f.coordinator")}, (f.start + 7)::timestamptz
     from ns_fl f cross join generate_series(1, case when ${r("renew", "f.id")} < 0.5 then 2 else 1 end) n
     where ${r("mentor", "f.id")} < 0.3 + 0.35 * ${r("pmentor", "f.code")}
       and f.start + 14 + floor(${r("mfrom", "f.id")} * 60)::int + (n - 1) * 183 <= least(f.last_day, ${AS})`,
  ]);

  // Periods: barsel (D-4, moves the end), fritagelse and stand-by (IG-2), sickness, ordinary hours (IG-3).
  await step(tx, ctx, "perioder (barsel, fritagelse, stand by, sygdom, ordinære timer)", [
    `insert into forloeb_periods (case_id, kind, from_date, to_date, note)
     select case_id, 'barsel', barsel_from, barsel_from + barsel_days - 1, 'Barsel: slutdatoen rykkes tilsvarende (D-4).'
     from ns_fl where barsel_days > 0 and barsel_from <= ${AS}`,
    `insert into forloeb_periods (case_id, kind, from_date, to_date, note)
     select case_id, kind, p_from, p_from + len - 1, note from (
       select f.case_id, f.last_day, k.kind, k.note,
         f.start + floor(${r("pfrom", "f.id || '|' || k.kind")} * greatest(10, least(f.last_day, ${AS}) - f.start))::int as p_from,
         k.min_len + floor(${r("plen", "f.id || '|' || k.kind")} * k.spread)::int as len,
         ${r("phas", "f.id || '|' || k.kind")} as u, k.p
       from ns_fl f cross join (values
         ('fritagelse', 'Fritaget for rådighed (sygdom).', 30, 90, 0.10),
         ('standby', 'Kontaktforløb uden kontakt (stand by).', 30, 60, 0.03),
         ('sickness', 'Sygdom uden fritagelse.', 14, 45, 0.08),
         ('ordinaryWork', 'Ordinære løntimer.', 60, 140, 0.03)
       ) k(kind, note, min_len, spread, p)
       where f.start <= ${AS}
     ) x where u < p and p_from <= least(last_day, ${AS})`,
  ]);

  // FU-1: 4 conversations in the first 6 months (some forløb fewer: missed deadlines), then every ~2 months (001).
  await step(tx, ctx, "samtaler", [
    `insert into conversations (case_id, date, time, mode, status, notes, next_agreed_on, created_by, created_at, updated_at)
     select case_id, date, '10:00', mode, case when date > ${AS} then 'planned' else status0 end,
       'Opfølgning på planen og aftaler til næste gang.', lead(date) over (partition by case_id order by date), created_by,
       least(date, ${AS})::timestamptz, least(date, ${AS})::timestamptz
     from (
       select c.*, min(c.date) filter (where c.date > ${AS}) over (partition by c.case_id) as next_future
       from (
         select f.case_id, f.last_day, f.ended_on is null as active, n,
           f.start + case
             when n = 1 then 6 + floor(${r("c1", "f.id")} * 7)::int
             when n <= 4 then (n - 1) * 50 + floor(${r("cj", "f.id || '|' || n")} * 20)::int
             else 182 + (n - 5) * 61 + floor(${r("cj", "f.id || '|' || n")} * 14)::int
           end as date,
           ${weighted(r("mode", "f.id || '|' || n"), [["'personal'", 70], ["'phone'", 20], ["'video'", 10]])} as mode,
           case when ${r("noshow", "f.id || '|' || n")} < 0.03 then 'noShow' else 'held' end as status0,
           ${userRef(S, "f.code", "f.coordinator")} as created_by,
           case when ${r("few", "f.id")} < 0.1 then 2 + floor(${r("fewn", "f.id")} * 2)::int else 4 end as first_n
         from ns_fl f cross join generate_series(1, 6 + greatest(0, (f.last_day - f.start - 182) / 61)) n
         where f.start <= ${AS}
       ) c
       where c.n > 4 or c.n <= c.first_n
     ) x
     where date <= least(last_day, ${AS}) or (active and date = next_future)`,
  ]);

  // The team: the first presentation before each grant (P-1), the IG-1 return (ST-5), the next step before the end (D-6).
  await step(tx, ctx, "rehabiliteringsteamets møder, dagsordener, indstillinger og afgørelser", [
    `create temp table ns_agenda on commit drop as
       select f.id as fl_id, f.case_id, f.municipality_id, f.code, f.coordinator, 'firstPresentation' as purpose, f.meeting_date as meeting_date,
         'ressourceforloeb' as recommendation, f.months as rec_months, f.ind_id
       from ns_fl f
       union all
       select f.id, f.case_id, f.municipality_id, f.code, f.coordinator, 'nextStep',
         (date_trunc('week', f.next_step_decided_on - 10)::date + 1),
         case f.outcome when 'newForloeb' then 'ressourceforloeb' else f.outcome end, null, ${uuidOf(S, "indstilling2", "f.id")}
       from ns_fl f where f.outcome in ('fleksjob', 'foertidspension', 'newForloeb') and f.next_step_decided_on is not null
       union all
       select f.id, f.case_id, f.municipality_id, f.code, f.coordinator, 'indsatsgaranti',
         (date_trunc('week', (f.start + interval '6 months')::date + 14 + floor(${r("igm", "f.id")} * 28)::int)::date + 1), null, null, null
       from ns_fl f
       where f.start >= date '2022-01-01' and ${r("igsent", "f.id")} < 0.75
         and (f.start + interval '6 months')::date + 45 <= least(f.last_day, ${AS})
         and not exists (select 1 from ns_int i where i.id = f.id and i.in_plan
                           and i.kind in ('lab11', 'lab12', 'lab14', 'serviceloven', 'sundhedsloven')
                           and i.i_start <= (f.start + interval '6 months')::date)`,
    `insert into team_meetings (id, municipality_id, meeting_date, start_time, place, members, status, created_at)
     select ${uuidOf(S, "meeting", "municipality_id || '|' || meeting_date")}, municipality_id, meeting_date, '09:00',
       'Jobcentret, mødelokale 2', '[{"area":"employment","name":"Birgitte Beskæftigelse","title":"Teamleder, jobcentret"},{"area":"health","name":"Henrik Helbred","title":"Sundhedsfaglig konsulent"},{"area":"social","name":"Sara Socialsen","title":"Socialrådgiver"},{"area":"sundhedskoordinator","name":"Dr. Klinik Koordinatorsen","title":"Sundhedskoordinator, regionen"}]'::jsonb,
       case when meeting_date <= ${AS} then 'held' else 'planned' end, (meeting_date - 21)::timestamptz
     from (select distinct municipality_id, meeting_date from ns_agenda) m`,
    `insert into team_agenda_items (meeting_id, case_id, position, slot_start, slot_minutes, purpose, created_at)
     select meeting_id, case_id, pos, to_char(time '09:00' + (pos - 1) * interval '45 minutes', 'HH24:MI'), 45, purpose, (meeting_date - 14)::timestamptz
     from (
       select ${uuidOf(S, "meeting", "a.municipality_id || '|' || a.meeting_date")} as meeting_id, a.case_id, a.purpose, a.meeting_date,
         row_number() over (partition by a.municipality_id, a.meeting_date order by a.purpose, a.case_id) as pos
       from ns_agenda a
     ) x
     on conflict (meeting_id, case_id) do nothing`,
    `insert into indstillinger (id, case_id, meeting_id, recommendation, recommended_months, interventions, reasons, recorded_by, recorded_at)
     select a.ind_id, a.case_id, ${uuidOf(S, "meeting", "a.municipality_id || '|' || a.meeting_date")}, a.recommendation, a.rec_months,
       case when a.purpose = 'firstPresentation'
         then '{"employment":["Virksomhedspraktik med mentor"],"health":["Smertehåndtering"],"social":["Støtte i hverdagen"]}'::jsonb
         else '{}'::jsonb end,
       case when a.purpose = 'firstPresentation'
         then 'Borgeren har komplekse problemer ud over ledighed, og den ordinære indsats er udtømt (TG-1, TG-3). Der er et udviklingsperspektiv (TG-4).'
         else 'Forløbet nærmer sig sin afslutning; teamet indstiller næste skridt (D-6).' end,
       ${userRef(S, "a.code", "a.coordinator")}, (a.meeting_date + time '11:00')::timestamptz
     from ns_agenda a where a.ind_id is not null`,
    `insert into afgoerelser (id, case_id, kind, decided_on, start_date, end_date, months, reasons, indstilling_id, decided_by, created_at)
     select f.afg_id, f.case_id, 'grant', f.decided, f.start, f.planned_end, f.months,
       'Borgeren er i målgruppen for ressourceforløb (LAB § 68 a / kap. 19). Afgørelsen følger rehabiliteringsteamets indstilling.',
       f.ind_id, ${userRef(S, "f.code", "f.coordinator")}, f.decided::timestamptz
     from ns_fl f`,
    `insert into forloeb (id, case_id, municipality_id, citizen_id, start_date, planned_end, decided_on, afgoerelse_id, status,
       next_step, next_step_decided_on, ended_on, outcome, ending_facts, status_after_3_months, created_at)
     select f.id, f.case_id, f.municipality_id, f.citizen_id, f.start, f.planned_end, f.decided, f.afg_id,
       case when f.ended_on is null then 'active' else 'ended' end, f.next_step, f.next_step_decided_on, f.ended_on, f.outcome,
       case when f.ended_on is null then null else jsonb_build_object('ending', jsonb_build_object(
         'outcome', f.outcome, 'endedOn', f.ended_on, 'early', f.early,
         'earlyGround', case when not f.early then null when f.outcome in ('moved', 'dead') then f.outcome
                             when f.outcome in ('job', 'education') then 'selfSupporting' else 'other' end,
         'reasons', 'Afsluttet (genererede data).', 'recordedOn', f.ended_on, 'by', 'Genererede data')) end,
       f.status_after, f.decided::timestamptz
     from ns_fl f`,
  ]);

  return ids;
}

/** "Københavns Kommune" → "København": the town name used for units and addresses. */
function cityOf(m: HistoryMunicipality): string {
  if (m.city) return m.city;
  if (m.code === "101") return "København";
  if (m.code === "400") return "Bornholm";
  return m.name.replace(/ Kommune$/, "");
}

/** The generated user id of caseworker number `idx` in a municipality. */
function userRef(seed: number, codeExpr: string, idxExpr: string): string {
  return uuidOf(seed, "user", `${codeExpr} || '|caseworker|' || (${idxExpr})`);
}

/**
 * One forløb per source row: duration by regime (D-1 before 2022, D-2 from 2022), barsel moving the end (D-4), the
 * outcome (E-1, seed 004 shares) and its date, the D-5 continuation until the next step is decided, status after 3
 * months (ST-7, seed 003). Source columns: citizen_id, municipality_id, code, sex, birth_date, decided, start, k.
 */
function forloebInsert(ctx: Ctx, source: string): string {
  const { r, seed: S } = ctx;
  const AS = d(ctx.asOf);
  const CUT = d(LAST_GRANT_DAY);
  return `insert into ns_fl
   with src as materialized (${source}),
   a as materialized (
     select s.*, ${uuidOf(S, "forloeb", "s.citizen_id || '|' || s.k")} as id,
       case when s.start < date '2022-01-01'
         then ${weighted(r("months", "s.citizen_id || '|' || s.k"), [["12", 35], ["24", 25], ["36", 25], ["48", 7], ["60", 8]])}
         else ${weighted(r("months", "s.citizen_id || '|' || s.k"), [["12", 40], ["18", 10], ["24", 25], ["36", 25]])}
       end as months
     from src s
   ),
   b as materialized (
     select a.*, ((a.start + make_interval(months => a.months))::date - 1) as planned_end from a
   ),
   c as materialized (
     select b.*,
       case when b.sex = 'K' and b.start < (b.birth_date + interval '42 years')::date and b.planned_end - b.start > 200
             and ${r("barsel", "b.id")} < 0.05
         then b.start + 30 + floor(${r("bfrom", "b.id")} * (b.planned_end - b.start - 120))::int else null end as barsel_from,
       ${weighted(r("outcome", "b.id"), [
         ["'fleksjob'", 22],
         ["'ledighedsydelse'", 8],
         ["'kontanthjaelp'", 4],
         ["'revalidering'", 1],
         ["'newForloeb'", 5],
         ["'foertidspension'", 28],
         ["'moved'", 20],
         ["'job'", 3],
         ["'education'", 2],
         ["'dead'", 1],
         ["'lackOfParticipation'", 2],
         ["'other'", 4],
       ])} as outcome0
     from b
   ),
   e as materialized (
     select c.*, case when c.barsel_from is null then 0 else 180 + floor(${r("bdays", "c.id")} * 186)::int end as barsel_days,
       c.outcome0 in ('moved', 'dead', 'lackOfParticipation')
         or (c.outcome0 in ('job', 'education') and ${r("early", "c.id")} < 0.5) as early
     from c
   ),
   f as materialized (
     select e.*, e.planned_end + e.barsel_days as eff_end,
       case when e.early
         then e.start + greatest(30, floor((0.1 + 0.85 * ${r("earlyat", "e.id")}) * (e.planned_end + e.barsel_days - e.start))::int)
         else e.planned_end + e.barsel_days + case
           when ${r("delay", "e.id")} < 0.55 then 0
           when ${r("delay", "e.id")} < 0.9 then 1 + floor(${r("delayd", "e.id")} * 45)::int
           else 46 + floor(${r("delayd", "e.id")} * 105)::int end
       end as end_candidate
     from e
   ),
   g as materialized (
     select f.*, case when f.end_candidate <= ${AS} then f.end_candidate else null end as ended_on from f
   ),
   h as materialized (
     select g.*,
       case when g.ended_on is null then null
            when g.outcome0 = 'newForloeb' and (g.k >= 2 or g.ended_on > ${CUT} - 10
                 or g.ended_on >= (g.birth_date + interval '50 years')::date) then 'fleksjob'
            else g.outcome0 end as outcome
     from g
   )
   select h.id, ${uuidOf(S, "case", "h.citizen_id || '|' || h.k")}, ${uuidOf(S, "afgoerelse", "h.id")}, ${uuidOf(S, "indstilling", "h.id")},
     h.municipality_id, h.citizen_id, h.code, h.k, h.sex, h.birth_date, h.decided, h.start, h.months, h.planned_end,
     h.barsel_from, h.barsel_days, h.eff_end, h.early, h.ended_on, h.outcome,
     case
       when h.ended_on is not null then case h.outcome
         when 'fleksjob' then 'fleksjob' when 'foertidspension' then 'foertidspension' when 'newForloeb' then 'newForloeb'
         when 'job' then 'jobOrEducation' when 'education' then 'jobOrEducation' when 'ledighedsydelse' then 'ledighedsydelse'
         when 'kontanthjaelp' then 'kontanthjaelp' when 'revalidering' then 'revalidering' when 'other' then 'other' else null end
       when ${AS} >= h.eff_end - 70 and ${r("nextknown", "h.id")} < 0.6
         then ${weighted(r("nextstep", "h.id"), [["'fleksjob'", 45], ["'foertidspension'", 30], ["'jobOrEducation'", 10], ["'other'", 15]])}
       else null
     end,
     case
       when h.ended_on is not null and h.outcome in ('moved', 'dead', 'lackOfParticipation') then null
       when h.ended_on is not null and h.early then greatest(h.start, h.ended_on - floor(${r("nsd", "h.id")} * 10)::int)
       when h.ended_on is not null and h.end_candidate = h.eff_end then greatest(h.start, h.eff_end - floor(${r("nsd", "h.id")} * 45)::int)
       when h.ended_on is not null then greatest(h.start, h.ended_on - floor(${r("nsd", "h.id")} * 5)::int)
       when ${AS} >= h.eff_end - 70 and ${r("nextknown", "h.id")} < 0.6 then greatest(h.start, ${AS} - floor(${r("nsd", "h.id")} * 20)::int)
       else null
     end,
     case when h.ended_on is null or (h.ended_on + interval '3 months')::date > ${AS} or ${r("st7rec", "h.id")} >= 0.88 then null
       else case h.outcome
         when 'fleksjob' then case when ${r("st7", "h.id")} < 0.7 then 'fleksjob' else 'ledighedsydelse' end
         when 'ledighedsydelse' then case when ${r("st7", "h.id")} < 0.65 then 'ledighedsydelse' else 'fleksjob' end
         when 'job' then case when ${r("st7", "h.id")} < 0.8 then 'ordinaryJob' else 'benefits' end
         when 'education' then case when ${r("st7", "h.id")} < 0.85 then 'education' else 'benefits' end
         when 'revalidering' then case when ${r("st7", "h.id")} < 0.5 then 'education' else 'benefits' end
         when 'foertidspension' then 'benefits'
         when 'newForloeb' then 'benefits'
         when 'moved' then null
         when 'dead' then null
         else case when ${r("st7", "h.id")} < 0.82 then 'benefits' when ${r("st7", "h.id")} < 0.93 then 'ordinaryJob' else 'education' end
       end
     end,
     h.decided - 40 - floor(${r("opened", "h.id")} * 80)::int,
     (date_trunc('week', h.decided - 3)::date + 1),
     1 + floor(${r("coord", "h.id")} * al.caseworkers)::int, al.caseworkers,
     coalesce(h.ended_on, ${AS})
   from h join ns_alloc al on al.municipality_id = h.municipality_id`;
}

