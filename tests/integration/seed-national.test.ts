import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, generateNational, readMarker, removeNationalSeed } from "../../cli/national/generate";
import { parseArgs, type NationalOptions } from "../../cli/national/options";
import { recomputeDeadlines } from "~/modules/frister/index.server";
import { rowsOf, type Queryable } from "~/platform/db/client.server";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

const OPTIONS: NationalOptions = { seed: 7, codes: ["430", "657"], citizens: 600, from: "2013-01", to: "2026-10" };

async function one<T>(db: Queryable, query: string): Promise<T> {
  return rowsOf<T>(await db.execute(sql.raw(query)))[0]!;
}

/** A checksum over the generated rows that carry the random choices (ids, dates, outcomes, kinds). */
async function checksum(db: Queryable): Promise<string> {
  const row = await one<{ h: string }>(
    db,
    `select md5(
       (select string_agg(id::text || cpr || birth_date::text || sex || previous_benefit, ',' order by id) from citizens
          where municipality_id not in (select id from municipalities where code = '999')) ||
       (select string_agg(id::text || start_date::text || planned_end::text || coalesce(ended_on::text, '') ||
                          coalesce(outcome, '') || coalesce(status_after_3_months, ''), ',' order by id) from forloeb) ||
       (select string_agg(id::text || kind || coalesce(start_date::text, ''), ',' order by id) from intervention_records) ||
       (select count(*)::text from conversations) ||
       (select string_agg(case_id::text || kind || ref_id || due_date::text || coalesce(met_on::text, ''), ',' order by case_id, kind, ref_id) from deadlines)
     ) as h`,
  );
  return row.h;
}

describe.each(databaseKinds())("the national generator on %s", (kind) => {
  let t: TestDb;
  let first: Awaited<ReturnType<typeof generateNational>>;
  let firstChecksum: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    first = await generateNational(t.db, OPTIONS);
    firstChecksum = await checksum(t.db);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it("writes every kind of row for the chosen municipalities", () => {
    expect(first.skipped).toBe(false);
    expect(first.counts.municipalities).toBe(2);
    // A CPR collision inside a municipality drops a person; that is rare.
    expect(first.counts.citizens).toBeGreaterThan(590);
    expect(first.counts.citizens).toBeLessThanOrEqual(600);
    for (const table of [
      "cases",
      "forloeb",
      "team_meetings",
      "indstillinger",
      "afgoerelser",
      "intervention_records",
      "plans",
      "mentor_grants",
      "forloeb_periods",
      "conversations",
      "deadlines",
      "population_figures",
    ]) {
      expect(first.counts[table], table).toBeGreaterThan(0);
    }
  });

  it("follows the seeds' distributions within tolerance", async () => {
    const c = await one<{ syg: number; kth: number; led: number; women: number; over40: number }>(
      t.db,
      `select avg((previous_benefit = 'sygedagpenge')::int)::float8 as syg,
              avg((previous_benefit in ('kontanthjaelp', 'uddannelseshjaelp'))::int)::float8 as kth,
              avg((previous_benefit = 'ledighedsydelse')::int)::float8 as led,
              avg((sex = 'K')::int)::float8 as women,
              (select avg((f.decided_on - interval '40 years' > c2.birth_date)::int)::float8
                 from forloeb f join citizens c2 on c2.id = f.citizen_id) as over40
       from citizens`,
    );
    expect(c.syg).toBeGreaterThan(0.4);
    expect(c.syg).toBeLessThan(0.52);
    expect(c.kth).toBeGreaterThan(0.25);
    expect(c.kth).toBeLessThan(0.37);
    expect(c.led).toBeGreaterThan(0.07);
    expect(c.led).toBeLessThan(0.15);
    expect(c.women).toBeGreaterThan(0.5);
    expect(c.over40).toBeGreaterThan(0.5);
    const o = await one<{ target: number; ftp: number; moved: number }>(
      t.db,
      `select avg((outcome in ('fleksjob', 'ledighedsydelse', 'kontanthjaelp', 'revalidering', 'newForloeb'))::int)::float8 as target,
              avg((outcome = 'foertidspension')::int)::float8 as ftp, avg((outcome = 'moved')::int)::float8 as moved
       from forloeb where ended_on is not null`,
    );
    expect(o.target).toBeGreaterThan(0.32);
    expect(o.target).toBeLessThan(0.48);
    expect(o.ftp).toBeGreaterThan(0.21);
    expect(o.ftp).toBeLessThan(0.35);
    expect(o.moved).toBeGreaterThan(0.14);
    expect(o.moved).toBeLessThan(0.27);
    const vr = await one<{ share: number }>(
      t.db,
      `select avg((exists (select 1 from intervention_records i where i.case_id = f.case_id and i.kind in ('lab11', 'lab12')))::int)::float8 as share
       from forloeb f`,
    );
    expect(vr.share).toBeGreaterThan(0.15);
    expect(vr.share).toBeLessThan(0.5);
  });

  it("grants nothing on or after 2026-02-01 and keeps durations within each regime (D-1, D-2)", async () => {
    const r = await one<{ late: number; bad: number; maxDecided: string }>(
      t.db,
      `select count(*) filter (where decided_on >= date '2026-02-01')::int as late,
              count(*) filter (where
                (start_date < date '2022-01-01' and ((start_date + interval '12 months')::date - 1 > planned_end
                                                     or (start_date + interval '60 months')::date - 1 < planned_end))
                or (start_date >= date '2022-01-01' and ((start_date + interval '12 months')::date - 1 > planned_end
                                                     or (start_date + interval '36 months')::date - 1 < planned_end)))::int as bad,
              max(decided_on)::text as "maxDecided"
       from forloeb`,
    );
    expect(r.late).toBe(0);
    expect(r.bad).toBe(0);
    expect(r.maxDecided < "2026-02-01").toBe(true);
    const g = await one<{ n: number }>(
      t.db,
      `select count(*)::int as n from afgoerelser where decided_on >= date '2026-02-01'`,
    );
    expect(g.n).toBe(0);
  });

  it("stores for open cases exactly the deadlines the app's rules compute", async () => {
    const open = await one<{ n: number; without: number }>(
      t.db,
      `select count(*)::int as n,
              count(*) filter (where not exists (select 1 from deadlines d where d.case_id = c.id))::int as without
       from cases c where c.status = 'granted'`,
    );
    expect(open.n).toBeGreaterThan(0);
    expect(open.without).toBe(0);
    const missed = await one<{ n: number }>(
      t.db,
      `select count(*)::int as n from deadlines where met_on is null and due_date < date '2026-10-31'`,
    );
    expect(missed.n).toBeGreaterThan(0);

    // Recomputing with the app's rules changes nothing: the stored rows are the rules' own.
    const rowsOfCase = async (id: string) =>
      rowsOf<Record<string, unknown>>(
        await t.db.execute(
          sql`select kind, ref_id, due_date::text, met_on::text from deadlines where case_id = ${id} order by kind, ref_id`,
        ),
      );
    const sample = rowsOf<{ id: string; as_of: string }>(
      await t.db.execute(
        sql.raw(`select c.id, case when c.status = 'ended' then f.ended_on::text else '${first.asOf}' end as as_of
                 from cases c join forloeb f on f.case_id = c.id
                 where c.status in ('granted', 'ended') order by c.id limit 6`),
      ),
    );
    expect(sample.length).toBeGreaterThan(0);
    for (const c of sample) {
      const before = await rowsOfCase(c.id);
      await t.db.transaction((tx) => recomputeDeadlines(tx, c.id, c.as_of));
      expect(await rowsOfCase(c.id)).toEqual(before);
    }
  });

  it("gives ended forløb under the indsatsgaranti (IG-1, from 2022) their deadline as of the end (ST-5 reads it)", async () => {
    const ended = await one<{ n: number; with_ig: number }>(
      t.db,
      `select count(*)::int as n,
              count(*) filter (where exists (select 1 from deadlines d where d.case_id = c.id and d.kind = 'indsatsgaranti'))::int as with_ig
       from cases c join forloeb f on f.case_id = c.id where c.status = 'ended' and f.start_date >= date '2022-01-01'`,
    );
    expect(ended.n).toBeGreaterThan(0);
    // Exempt forløb (IG-3, e.g. barsel or fritagelse over the whole window) have none; the rest have one.
    expect(ended.with_ig).toBeGreaterThan(ended.n * 0.8);
  });

  it("skips a repeated run with the same options and gives the same rows from the same seed", async () => {
    const again = await generateNational(t.db, OPTIONS);
    expect(again.skipped).toBe(true);
    expect(again.counts).toEqual(first.counts);
    expect(await checksum(t.db)).toBe(firstChecksum);
    await expect(generateNational(t.db, { ...OPTIONS, seed: 8 })).rejects.toThrow(/--replace/);
  });

  it("clean removes exactly its rows, and the same seed regenerates the same history", async () => {
    const other = await t.db.execute(
      sql.raw(`insert into municipalities (code, name) values ('999', 'Demo Kommune') returning id`),
    );
    const otherId = rowsOf<{ id: string }>(other)[0]!.id;
    await t.db.execute(
      sql.raw(`insert into citizens (municipality_id, cpr, birth_date, sex, name, address, postal_code, city, previous_benefit)
               values ('${otherId}', '0102031234', '2003-02-01', 'K', 'Anna Andersen', 'Vej 1', '9990', 'Demoby', 'andet')`),
    );
    const marker = await readMarker(t.db);
    expect(await removeNationalSeed(t.db)).toBe(true);
    expect(await readMarker(t.db)).toBeNull();
    const left = await countRows(t.db, marker!.municipalityIds);
    expect(Object.values(left).every((n) => n === 0)).toBe(true);
    const kept = await one<{ m: number; c: number }>(
      t.db,
      `select (select count(*) from municipalities)::int as m, (select count(*) from citizens)::int as c`,
    );
    expect(kept).toEqual({ m: 1, c: 1 });
    const regenerated = await generateNational(t.db, OPTIONS);
    expect(regenerated.counts).toEqual(first.counts);
    expect(await checksum(t.db)).toBe(firstChecksum);
  }, 120_000);
});

describe("the generator's command line", () => {
  it("names the bad option and refuses grants after the abolition", () => {
    const bad = (argv: string[]) => {
      const r = parseArgs(argv, "2026-11");
      return r.ok ? null : r.error;
    };
    expect(bad(["--citizens", "many"])).toMatch(/--citizens/);
    expect(bad(["--municipalities", "99"])).toMatch(/--municipalities/);
    expect(bad(["--to", "2026-13"])).toMatch(/--to/);
    expect(bad(["--to", "2027-01"])).toMatch(/--to/);
    expect(bad(["--from", "2026-03"])).toMatch(/--from/);
    expect(bad(["--codes", "657,000"])).toMatch(/--codes/);
    expect(bad(["--speed", "1"])).toMatch(/--speed/);
    const ok = parseArgs(
      ["--municipalities", "98", "--citizens", "30000", "--from", "2013-01", "--to", "2026-10", "--seed", "1"],
      "2026-11",
    );
    expect(ok.ok && ok.options.codes.length).toBe(98);
  });
});
