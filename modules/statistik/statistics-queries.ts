/**
 * The SQL behind the statistics pages (ST-1..ST-7), one set-based statement per figure, as plain text with positional
 * parameters. The page runs exactly these (modules/statistik/statistik.db.server.ts), and the load benchmark times them
 * directly against the database: `statisticsQueries(params)` is the "raw SQL behind the page".
 *
 * Every statement computes the user's own municipality ('own'), the chosen comparison set ('set', never including
 * 'own') and the national total ('national': every municipality in the database) in one pass: each forløb carries the
 * scopes it belongs to and is unnested into them. Parameters: $1 own municipality id, $2 comparison municipality codes
 * (comma separated), $3 first day of the period, $4 last day of the period, $5 asOf (today: open forløb count up to it,
 * D-5). Numbers are cast to int/float8 and dates to text so PGlite and node-postgres return the same shapes.
 */

export interface StatisticsParams {
  municipalityId: string;
  comparisonCodes: readonly string[];
  /** First day of the first month. */
  from: string;
  /** Last day of the last month. */
  to: string;
  asOf: string;
  /** ST-4: intervention kinds that count as virksomhedsrettet, and as mentor support. */
  virksomhedsrettetKinds: readonly string[];
  mentorKinds: readonly string[];
}

export type StatisticsQueryName =
  | "fuldtid"
  | "breakdown"
  | "outcomes"
  | "interventions"
  | "indsatsgaranti"
  | "population";

export interface StatisticsQuery {
  name: StatisticsQueryName;
  text: string;
  params: unknown[];
}

const SCOPES = (municipalityCol: string, codeCol: string) => `array_remove(array[
      'national',
      case when ${municipalityCol} = $1::uuid then 'own' end,
      case when ${municipalityCol} <> $1::uuid and ${codeCol} = any(string_to_array($2::text, ',')) then 'set' end
    ], null)`;

/** Forløb with a counted day in the period: from the start to the end, or to asOf while it continues (ST-1, D-5). */
const FORLOEB_IN_PERIOD = `fl as materialized (
  select f.id, f.case_id, f.citizen_id, f.municipality_id, f.start_date, f.ended_on, f.outcome, f.status_after_3_months,
    least(coalesce(f.ended_on, $5::date), $5::date) as last_day,
    ${SCOPES("f.municipality_id", "m.code")} as scopes
  from forloeb f join municipalities m on m.id = f.municipality_id
  where f.start_date <= least($4::date, $5::date) and coalesce(f.ended_on, $5::date) >= $3::date
    and least(coalesce(f.ended_on, $5::date), $5::date) >= f.start_date
)`;

/**
 * ST-1: fuldtidspersoner per month and for the whole period ('total'), with the persons behind each figure. Persons are
 * counted by grouping per citizen first (a citizen with two forløb in a month is one person), which the planner does
 * with hash aggregates instead of sorting for count(distinct).
 */
const FULDTID = `with ${FORLOEB_IN_PERIOD},
fm as (
  select f.citizen_id, f.scopes, f.start_date, f.last_day, make_date(mi / 12, mi % 12 + 1, 1) as m_from
  from fl f
  cross join lateral generate_series(
    (extract(year from greatest(f.start_date, $3::date)) * 12 + extract(month from greatest(f.start_date, $3::date)) - 1)::int,
    (extract(year from least(f.last_day, $4::date)) * 12 + extract(month from least(f.last_day, $4::date)) - 1)::int
  ) mi
  where greatest(f.start_date, $3::date) <= least(f.last_day, $4::date)
),
per_citizen as (
  select s.scope, fm.m_from as month, fm.citizen_id,
    sum(least(fm.last_day, (fm.m_from + interval '1 month')::date - 1) - greatest(fm.start_date, fm.m_from) + 1) as days
  from fm cross join unnest(fm.scopes) s(scope)
  group by s.scope, fm.m_from, fm.citizen_id
),
period_citizen as (
  select s.scope, f.citizen_id, sum(least(f.last_day, $4::date) - greatest(f.start_date, $3::date) + 1) as days
  from fl f cross join unnest(f.scopes) s(scope)
  where greatest(f.start_date, $3::date) <= least(f.last_day, $4::date)
  group by s.scope, f.citizen_id
)
select scope, to_char(month, 'YYYY-MM') as key,
  sum(days)::float8 / ((month + interval '1 month')::date - month)::float8 as fte, count(*)::int as persons
from per_citizen group by scope, month
union all
select scope, 'total', sum(days)::float8 / ($4::date - $3::date + 1)::float8, count(*)::int
from period_citizen group by scope`;

/** ST-2: fuldtidspersoner in the period by sex, age group (age on the first counted day), under/over 40, benefit. */
const BREAKDOWN = `with ${FORLOEB_IN_PERIOD},
p as (
  select f.citizen_id, f.scopes, c.sex, c.previous_benefit,
    extract(year from age(greatest(f.start_date, $3::date)::timestamp, c.birth_date::timestamp))::int as age_years,
    least(f.last_day, $4::date) - greatest(f.start_date, $3::date) + 1 as days
  from fl f join citizens c on c.id = f.citizen_id
  where greatest(f.start_date, $3::date) <= least(f.last_day, $4::date)
),
per_citizen as (
  select s.scope, x.dim, x.key, p.citizen_id, sum(p.days) as days
  from p cross join unnest(p.scopes) s(scope)
  cross join lateral (values
    ('sex', p.sex),
    ('age', case when p.age_years < 30 then 'under30' when p.age_years < 40 then '30-39' when p.age_years < 50 then '40-49' else '50+' end),
    ('age40', case when p.age_years < 40 then 'under40' else 'over40' end),
    ('benefit', p.previous_benefit),
    ('total', 'total')
  ) x(dim, key)
  group by s.scope, x.dim, x.key, p.citizen_id
)
select scope, dim, key, sum(days)::float8 / ($4::date - $3::date + 1)::float8 as fte, count(*)::int as persons
from per_citizen group by scope, dim, key`;

/** ST-3 and ST-7: forløb ended in the period by outcome (E-1) and by status 3 months after. */
const OUTCOMES = `with ${FORLOEB_IN_PERIOD},
e as (
  select f.citizen_id, f.scopes, coalesce(f.outcome, 'other') as outcome,
    case when f.status_after_3_months is not null then f.status_after_3_months
         when (f.ended_on + interval '3 months')::date > $5::date then 'notYet'
         else 'notRecorded' end as after3
  from fl f where f.ended_on between $3::date and least($4::date, $5::date)
),
per_citizen as (
  select s.scope, x.dim, x.key, e.citizen_id, count(*) as forloeb
  from e cross join unnest(e.scopes) s(scope)
  cross join lateral (values ('outcome', e.outcome), ('after3', e.after3), ('total', 'total')) x(dim, key)
  group by s.scope, x.dim, x.key, e.citizen_id
)
select scope, dim, key, sum(forloeb)::int as forloeb, count(*)::int as persons
from per_citizen group by scope, dim, key`;

/** ST-4: persons in forløb in the period, those with a virksomhedsrettet intervention and those with a mentor in it. */
const INTERVENTIONS = `with ${FORLOEB_IN_PERIOD},
p as (
  select f.citizen_id, f.case_id, f.scopes, greatest(f.start_date, $3::date) as p_from, least(f.last_day, $4::date) as p_to
  from fl f where greatest(f.start_date, $3::date) <= least(f.last_day, $4::date)
),
flags as (
  select p.citizen_id, p.scopes,
    exists (select 1 from intervention_records i where i.case_id = p.case_id and i.kind = any(string_to_array($6::text, ','))
            and i.start_date <= p.p_to and coalesce(i.end_date, $5::date) >= p.p_from) as vr,
    exists (select 1 from mentor_grants g where g.case_id = p.case_id and g.from_date <= p.p_to and g.to_date >= p.p_from)
      or exists (select 1 from intervention_records i where i.case_id = p.case_id and i.kind = any(string_to_array($7::text, ','))
            and i.start_date <= p.p_to and coalesce(i.end_date, $5::date) >= p.p_from) as mentor
  from p
),
per_citizen as (
  select s.scope, flags.citizen_id, bool_or(flags.vr) as vr, bool_or(flags.mentor) as mentor
  from flags cross join unnest(flags.scopes) s(scope)
  group by s.scope, flags.citizen_id
)
select scope, count(*)::int as persons, count(*) filter (where vr)::int as vr_persons,
  count(*) filter (where mentor)::int as mentor_persons
from per_citizen group by scope`;

/**
 * ST-5: the IG-1 deadlines (as the rules engine stored them, modules/frister) that fell due in the period and by asOf:
 * met when the qualifying intervention began by the deadline (IG-4), and those put before the team for it.
 */
const INDSATSGARANTI = `with x as (
  select c.citizen_id, ${SCOPES("d.municipality_id", "m.code")} as scopes,
    (d.met_on is not null and d.met_on <= d.due_date) as met,
    exists (select 1 from team_agenda_items a where a.case_id = d.case_id and a.purpose = 'indsatsgaranti') as back
  from deadlines d
  join municipalities m on m.id = d.municipality_id
  join cases c on c.id = d.case_id
  where d.kind = 'indsatsgaranti' and d.due_date between $3::date and least($4::date, $5::date)
)
select s.scope, count(*)::int as due, count(*) filter (where met)::int as met, count(*) filter (where back)::int as back,
  count(distinct citizen_id)::int as persons,
  count(distinct citizen_id) filter (where met)::int as met_persons,
  count(distinct citizen_id) filter (where back)::int as back_persons
from x cross join unnest(scopes) s(scope)
group by s.scope`;

/**
 * ST-6: per year of the period, fuldtidspersoner in the municipalities that have population figures for that year,
 * and their population aged 16-66, in total and by the ST-2 age bands where a municipality gave them.
 */
const POPULATION = `with ${FORLOEB_IN_PERIOD},
yrs as (
  select y, greatest(make_date(y, 1, 1), $3::date) as y_from, least(make_date(y, 12, 31), $4::date) as y_to
  from generate_series(extract(year from $3::date)::int, extract(year from $4::date)::int) y
),
pf as (
  select p.*, ${SCOPES("p.municipality_id", "m.code")} as scopes
  from population_figures p join municipalities m on m.id = p.municipality_id
  where p.year between extract(year from $3::date)::int and extract(year from $4::date)::int
),
pop as (
  select s.scope, pf.year, k.key, sum(k.n)::float8 as population
  from pf cross join unnest(pf.scopes) s(scope)
  cross join lateral (values
    ('total', pf.age_16_to_66), ('under30', pf.age_16_to_29), ('30-39', pf.age_30_to_39),
    ('40-49', pf.age_40_to_49), ('50+', pf.age_50_to_66)
  ) k(key, n)
  where k.n is not null
  group by s.scope, pf.year, k.key
),
fd as (
  select f.citizen_id, f.scopes, y.y as year, y.y_to - y.y_from + 1 as year_days, pf.age_16_to_29 is not null as banded,
    least(f.last_day, y.y_to) - greatest(f.start_date, y.y_from) + 1 as days,
    extract(year from age(greatest(f.start_date, y.y_from)::timestamp, c.birth_date::timestamp))::int as age_years
  from fl f
  join yrs y on f.start_date <= y.y_to and f.last_day >= y.y_from
  join population_figures pf on pf.municipality_id = f.municipality_id and pf.year = y.y
  join citizens c on c.id = f.citizen_id
),
per_citizen as (
  select s.scope, fd.year, k.key, fd.citizen_id, max(fd.year_days) as year_days, sum(fd.days) as days
  from fd cross join unnest(fd.scopes) s(scope)
  cross join lateral (values
    ('total'),
    (case when not fd.banded then null when fd.age_years < 30 then 'under30' when fd.age_years < 40 then '30-39'
          when fd.age_years < 50 then '40-49' else '50+' end)
  ) k(key)
  where k.key is not null
  group by s.scope, fd.year, k.key, fd.citizen_id
),
fte as (
  select scope, year, key, sum(days)::float8 / max(year_days)::float8 as fte, count(*)::int as persons
  from per_citizen group by scope, year, key
)
select pop.scope, pop.year, pop.key, coalesce(fte.fte, 0)::float8 as fte, coalesce(fte.persons, 0)::int as persons,
  pop.population
from pop left join fte on fte.scope = pop.scope and fte.year = pop.year and fte.key = pop.key`;

const TEXTS: Record<StatisticsQueryName, string> = {
  fuldtid: FULDTID,
  breakdown: BREAKDOWN,
  outcomes: OUTCOMES,
  interventions: INTERVENTIONS,
  indsatsgaranti: INDSATSGARANTI,
  population: POPULATION,
};

/** The statements the statistics page runs for these parameters, in order. */
export function statisticsQueries(p: StatisticsParams): StatisticsQuery[] {
  const base = [p.municipalityId, p.comparisonCodes.join(","), p.from, p.to, p.asOf];
  return (Object.keys(TEXTS) as StatisticsQueryName[]).map((name) => ({
    name,
    text: TEXTS[name],
    params: name === "interventions" ? [...base, p.virksomhedsrettetKinds.join(","), p.mentorKinds.join(",")] : base,
  }));
}
