import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateNational } from "~/cli/national/generate";
import { recomputeDeadlines } from "~/modules/frister/index.server";
import { figureById, formatCell, type Figure } from "~/modules/statistik";
import { importPopulation, readStatistics, setTargets, type StatisticsView } from "~/modules/statistik/index.server";
import type { Actor } from "~/platform/auth/actor";
import { ForbiddenError } from "~/platform/auth/permissions";
import { rowsOf } from "~/platform/db/client.server";
import { municipalities, users } from "~/platform/db/schema";
import { createTestDb, databaseKinds, type TestDb } from "../support/test-db";

/*
 * The statistics on generated data against direct SQL written independently here (per month, per municipality, no
 * shared CTEs), and the privacy rules on the same data.
 */

const AS_OF = "2024-12-31";
const FROM = "2023-01";
const TO = "2024-12";

async function q<T>(t: TestDb, text: string): Promise<T[]> {
  return rowsOf<T>(await t.db.execute(sql.raw(text)));
}

function cellValue(f: Figure, rowKey: string, col: number): number | null {
  const c = f.rows.find((r) => r.key === rowKey)?.cells[col];
  if (!c) throw new Error(`no cell ${rowKey}/${col} in ${f.id}`);
  return c.suppressed ? null : c.value;
}

describe.each(databaseKinds())("statistics on generated data, %s", (kind) => {
  let t: TestDb;
  let analyst: Actor;
  let admin: Actor;
  let view: StatisticsView;
  let own: { id: string; code: string; name: string };
  let other: { id: string; code: string };

  beforeAll(async () => {
    process.env.APP_TODAY = AS_OF;
    t = await createTestDb(kind);
    await generateNational(t.db, { seed: 7, codes: ["147", "751"], citizens: 400, from: "2019-01", to: "2024-12" });
    const ms = await t.db.select().from(municipalities);
    own = ms.find((m) => m.code === "147")!;
    other = ms.find((m) => m.code === "751")!;
    const mk = async (role: "analyst" | "admin"): Promise<Actor> => {
      const [u] = await t.db
        .insert(users)
        .values({ municipalityId: own.id, role, name: `${role} test` })
        .returning();
      return {
        type: "user",
        id: u!.id,
        name: u!.name,
        role,
        municipalityId: own.id,
        municipalityCode: own.code,
        municipalityName: own.name,
        citizenId: null,
        unit: null,
      };
    };
    analyst = await mk("analyst");
    admin = await mk("admin");
    const r = await readStatistics(
      { db: t.db, actor: analyst },
      { fra: FROM, til: TO, sammenlign: ["751"] },
      { comparisonGiven: true, remember: true },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    view = r.view;
    if (process.env.STATISTIK_DEBUG) {
      for (const f of view.figures) {
        console.log(`\n${f.caption}\n${[f.rowHeader, ...f.columns.map((c) => c.label)].join(" | ")}`);
        for (const row of f.rows) console.log([row.label, ...row.cells.map(formatCell)].join(" | "));
      }
    }
  }, 240_000);
  afterAll(async () => {
    delete process.env.APP_TODAY;
    await t?.drop();
  });

  it("ST-1 per month matches a direct count of forløb days, for the municipality and the whole country", async () => {
    const f = figureById(view.figures, "fuldtid")!;
    expect(f.columns.map((c) => c.key)).toEqual(["own", "set", "national"]);
    let compared = 0;
    for (const row of f.rows.filter((r) => !r.total)) {
      const start = `${row.key}-01`;
      const [direct] = await q<{ own: number; national: number; days: number }>(
        t,
        `select
           coalesce(sum(case when f.municipality_id = '${own.id}' then d end), 0)::float8 as own,
           coalesce(sum(d), 0)::float8 as national,
           extract(day from (date '${start}' + interval '1 month' - interval '1 day'))::int as days
         from (
           select f.municipality_id,
             least(coalesce(f.ended_on, date '${AS_OF}'), date '${AS_OF}', (date '${start}' + interval '1 month' - interval '1 day')::date)
               - greatest(f.start_date, date '${start}') + 1 as d
           from forloeb f
         ) f where d > 0`,
      );
      const ownValue = cellValue(f, row.key, 0);
      if (ownValue !== null) {
        expect(ownValue).toBeCloseTo(direct!.own / direct!.days, 9);
        compared++;
      }
      const nat = cellValue(f, row.key, 2);
      if (nat !== null) expect(nat).toBeCloseTo(direct!.national / direct!.days, 9);
    }
    expect(compared).toBeGreaterThan(12);
    // With two municipalities in the database, the country is the municipality plus its comparison set.
    const total = f.rows.find((r) => r.total)!;
    expect(total.cells[0]!.value! + total.cells[1]!.value!).toBeCloseTo(total.cells[2]!.value!, 9);
  });

  it("ST-2: fuldtidspersoner by sex and by benefit match direct SQL", async () => {
    const f = figureById(view.figures, "koen")!;
    const days = await q<{ sex: string; d: number }>(
      t,
      `select c.sex, sum(least(coalesce(f.ended_on, date '${AS_OF}'), date '${AS_OF}', date '2024-12-31') - greatest(f.start_date, date '2023-01-01') + 1)::float8 as d
       from forloeb f join citizens c on c.id = f.citizen_id
       where f.municipality_id = '${own.id}'
         and least(coalesce(f.ended_on, date '${AS_OF}'), date '${AS_OF}', date '2024-12-31') >= greatest(f.start_date, date '2023-01-01')
       group by c.sex`,
    );
    const periodDays = 731; // 2023 + leap year 2024
    for (const r of days) {
      const v = cellValue(f, r.sex, 0);
      if (v !== null) expect(v).toBeCloseTo(r.d / periodDays, 9);
    }
    expect(days.length).toBe(2);
    const benefit = figureById(view.figures, "forsoergelse")!;
    const syg = await q<{ d: number }>(
      t,
      `select coalesce(sum(least(coalesce(f.ended_on, date '${AS_OF}'), date '${AS_OF}') - greatest(f.start_date, date '2023-01-01') + 1), 0)::float8 as d
       from forloeb f join citizens c on c.id = f.citizen_id
       where f.municipality_id = '${own.id}' and c.previous_benefit = 'sygedagpenge'
         and least(coalesce(f.ended_on, date '${AS_OF}'), date '${AS_OF}') >= greatest(f.start_date, date '2023-01-01')`,
    );
    const v = cellValue(benefit, "sygedagpenge", 0);
    expect(v).not.toBeNull();
    expect(v!).toBeCloseTo(syg[0]!.d / periodDays, 9);
  });

  it("ST-3 and ST-7: outcomes of forløb ended in the period match a direct count", async () => {
    const f = figureById(view.figures, "udfald")!;
    const direct = await q<{ outcome: string; n: number }>(
      t,
      `select outcome, count(*)::int as n from forloeb
       where municipality_id = '${own.id}' and ended_on between date '2023-01-01' and date '2024-12-31'
       group by outcome`,
    );
    const total = direct.reduce((s, r) => s + r.n, 0);
    expect(total).toBeGreaterThan(10);
    expect(cellValue(f, "total", 0)).toBe(total);
    for (const r of direct) {
      const shown = f.rows.find((row) => row.key === r.outcome)!.cells[0]!;
      if (r.n >= 5) expect(shown).toMatchObject({ value: r.n, suppressed: false });
      if (r.n > 0 && r.n < 5) expect(shown).toMatchObject({ value: null, suppressed: true });
    }
    const status = figureById(view.figures, "status3")!;
    const [rec] = await q<{ n: number }>(
      t,
      `select count(*)::int as n from forloeb where municipality_id = '${own.id}'
         and ended_on between date '2023-01-01' and date '2024-12-31' and status_after_3_months is not null`,
    );
    const shownRecorded = status.rows
      .filter((r) => !r.total && r.key !== "notRecorded" && r.key !== "notYet")
      .reduce((s, r) => s + (r.cells[0]!.value ?? 0), 0);
    expect(shownRecorded).toBeLessThanOrEqual(rec!.n);
  });

  it("ST-4: the share with a virksomhedsrettet intervention matches direct SQL, with the municipality's target", async () => {
    const f = figureById(view.figures, "indsats")!;
    const [d] = await q<{ persons: number; vr: number }>(
      t,
      `select count(distinct f.citizen_id)::int as persons,
         count(distinct f.citizen_id) filter (where i.id is not null)::int as vr
       from forloeb f
       left join intervention_records i on i.case_id = f.case_id and i.kind in ('lab11', 'lab12')
         and i.start_date <= least(coalesce(f.ended_on, date '${AS_OF}'), date '2024-12-31')
         and coalesce(i.end_date, date '${AS_OF}') >= greatest(f.start_date, date '2023-01-01')
       where f.municipality_id = '${own.id}' and f.start_date <= date '2024-12-31'
         and coalesce(f.ended_on, date '${AS_OF}') >= date '2023-01-01'`,
    );
    expect(cellValue(f, "persons", 0)).toBe(d!.persons);
    expect(cellValue(f, "virksomhedsrettet", 0)).toBeCloseTo((100 * d!.vr) / d!.persons, 9);
    const [target] = await q<{ pct: number }>(
      t,
      `select virksomhedsrettet_target_pct as pct from municipality_settings where municipality_id = '${own.id}'`,
    );
    expect(f.rows.find((r) => r.key === "virksomhedsrettet")!.cells.at(-1)!.value).toBe(target?.pct ?? 30);
  });

  it("ST-5: indsatsgaranti deadlines due in the period match direct SQL", async () => {
    const f = figureById(view.figures, "indsatsgaranti")!;
    const [d] = await q<{ due: number; met: number; persons: number }>(
      t,
      `select count(*)::int as due, count(*) filter (where met_on <= due_date)::int as met,
         count(distinct c.citizen_id)::int as persons
       from deadlines d join cases c on c.id = d.case_id
       where d.kind = 'indsatsgaranti' and d.municipality_id = '${own.id}' and d.due_date between date '2023-01-01' and date '2024-12-31'`,
    );
    expect(d!.due).toBeGreaterThan(0);
    const due = f.rows.find((r) => r.key === "due")!.cells[0]!;
    if (d!.persons >= 5 || d!.persons === 0) expect(due.value).toBe(d!.due);
    else expect(due.suppressed).toBe(true);
    const met = cellValue(f, "met", 0);
    if (met !== null) expect(met).toBeCloseTo((100 * d!.met) / d!.due, 9);
  });

  it("ST-6: the share of the population 16-66 matches direct SQL", async () => {
    const f = figureById(view.figures, "befolkning")!;
    const [pop] = await q<{ n: number }>(
      t,
      `select age_16_to_66 as n from population_figures where municipality_id = '${own.id}' and year = 2024`,
    );
    const [d] = await q<{ d: number }>(
      t,
      `select sum(least(coalesce(ended_on, date '${AS_OF}'), date '${AS_OF}', date '2024-12-31') - greatest(start_date, date '2024-01-01') + 1)::float8 as d
       from forloeb where municipality_id = '${own.id}'
         and least(coalesce(ended_on, date '${AS_OF}'), date '${AS_OF}', date '2024-12-31') >= greatest(start_date, date '2024-01-01')`,
    );
    expect(cellValue(f, "2024", 0)).toBeCloseTo((100 * (d!.d / 366)) / pop!.n, 9);
  });

  it("hides cells of 1-4 persons as <5 everywhere they appear, with a second cell so the total gives nothing away", () => {
    for (const f of view.figures) {
      for (const r of f.rows) for (const c of r.cells) if (c.suppressed) expect(formatCell(c)).toBe("<5");
    }
    const ud = figureById(view.figures, "udfald")!;
    // In every column of a breakdown with a shown total, a hidden cell never stands alone.
    for (let col = 0; col < ud.columns.length; col++) {
      const total = ud.rows.find((r) => r.total)!.cells[col]!;
      const hidden = ud.rows.filter((r) => !r.total && r.cells[col]!.suppressed).length;
      if (!total.suppressed) expect(hidden === 0 || hidden >= 2).toBe(true);
    }
  });

  it("remembers the comparison set per user, and refuses an unknown municipality code", async () => {
    const again = await readStatistics({ db: t.db, actor: analyst }, { fra: FROM, til: TO });
    expect(again.ok && again.view.comparisonCodes).toEqual(["751"]);
    const bad = await readStatistics({ db: t.db, actor: analyst }, { sammenlign: ["123"] }, { comparisonGiven: true });
    expect(bad).toMatchObject({ ok: false, errors: { sammenlign: "Kommunekoden 123 findes ikke" } });
    const badPeriod = await readStatistics({ db: t.db, actor: analyst }, { fra: "2025-01", til: "2024-01" });
    expect(badPeriod.ok).toBe(false);
  });

  it("recomputes after a change: a new target shows at once (the data version moves)", async () => {
    expect(
      (await setTargets({ db: t.db, actor: analyst }, { virksomhedsrettetTargetPct: 40, mentorTargetPct: 50 }).catch(
        (e) => e,
      )) instanceof ForbiddenError,
    ).toBe(true);
    const r = await setTargets({ db: t.db, actor: admin }, { virksomhedsrettetTargetPct: "35", mentorTargetPct: "45" });
    expect(r).toEqual({ ok: true });
    const bad = await setTargets(
      { db: t.db, actor: admin },
      { virksomhedsrettetTargetPct: "135", mentorTargetPct: "x" },
    );
    expect(bad.ok).toBe(false);
    const after = await readStatistics({ db: t.db, actor: analyst }, { fra: FROM, til: TO });
    const f = figureById(after.ok ? after.view.figures : [], "indsats")!;
    expect(f.rows.find((r) => r.key === "virksomhedsrettet")!.cells.at(-1)!.value).toBe(35);
  });

  it("keeps the data version when deadlines are recomputed unchanged, and moves it when an IG deadline changes", async () => {
    const version = async () =>
      (await q<{ v: number }>(t, "select version::int as v from statistics_data_version"))[0]!.v;
    const [c] = await q<{ id: string }>(
      t,
      `select case_id as id from deadlines where kind = 'indsatsgaranti' and municipality_id = '${own.id}' limit 1`,
    );
    const before = await version();
    await t.db.transaction((tx) => recomputeDeadlines(tx, c!.id, AS_OF));
    expect(await version()).toBe(before);
    await t.db.execute(
      sql.raw(`update deadlines set met_on = null where case_id = '${c!.id}' and kind = 'indsatsgaranti'`),
    );
    await t.db.execute(
      sql.raw(`update deadlines set due_date = due_date + 1 where case_id = '${c!.id}' and kind = 'indsatsgaranti'`),
    );
    expect(await version()).toBeGreaterThan(before);
    await t.db.transaction((tx) => recomputeDeadlines(tx, c!.id, AS_OF));
  });

  it("imports population figures in one transaction: any bad line, nothing saved, with Danish messages per line", async () => {
    const before = await q<{ n: number }>(t, `select count(*)::int as n from population_figures`);
    const bad = await importPopulation(
      { db: t.db, actor: admin },
      "kommunekode;år;16-66 år;16-29 år;30-39 år;40-49 år;50-66 år\n147;2030;60.000;15000;15000;15000;15000\n999;2030;100\n751;20x0;5\n147;2030;1\n",
      "Danmarks Statistik, FOLK1A",
    );
    expect(bad.ok).toBe(false);
    const errors = bad.ok ? [] : bad.errors;
    expect(errors).toEqual([
      "Linje 3: kommunen med kode 999 findes ikke i systemet.",
      'Linje 4: året "20x0" skal være et årstal fra 2013 til 2100.',
      "Linje 5: kommune 147 og år 2030 står også i linje 2.",
    ]);
    expect(await q<{ n: number }>(t, `select count(*)::int as n from population_figures`)).toEqual(before);
    const sumBad = await importPopulation({ db: t.db, actor: admin }, "147;2030;100;10;10;10;10", "DST");
    expect(sumBad.ok ? [] : sumBad.errors).toEqual([
      "Linje 1: aldersgrupperne giver tilsammen 40, men 16-66 år er 100.",
    ]);
    const ok = await importPopulation(
      { db: t.db, actor: admin },
      "\uFEFF147;2030;60.000;15000;15000;15000;15000\r\n751;2030;250000\r\n",
      "DST",
    );
    expect(ok).toEqual({ ok: true, saved: 2 });
    const [row] = await q<{ n: number; by: string; band: number }>(
      t,
      `select age_16_to_66 as n, entered_by::text as by, age_50_to_66 as band from population_figures where municipality_id = '${own.id}' and year = 2030`,
    );
    expect(row).toEqual({ n: 60000, by: admin.id, band: 15000 });
    expect(await importPopulation({ db: t.db, actor: analyst }, "147;2030;1", "x").catch((e) => e)).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("counts only the own municipality as 'own' for a user of the other municipality", async () => {
    const [u] = await t.db
      .insert(users)
      .values({ municipalityId: other.id, role: "leader", name: "Leder 751" })
      .returning();
    const leader: Actor = {
      type: "user",
      id: u!.id,
      name: u!.name,
      role: "leader",
      municipalityId: other.id,
      municipalityCode: other.code,
      municipalityName: "Aarhus Kommune",
      citizenId: null,
      unit: null,
    };
    const r = await readStatistics(
      { db: t.db, actor: leader },
      { fra: FROM, til: TO, sammenlign: ["147"] },
      { comparisonGiven: true },
    );
    if (!r.ok) throw new Error("not ok");
    const mine = figureById(view.figures, "fuldtid")!.rows.find((x) => x.total)!;
    const theirs = figureById(r.view.figures, "fuldtid")!.rows.find((x) => x.total)!;
    expect(theirs.cells[1]!.value).toBeCloseTo(mine.cells[0]!.value!, 9);
    expect(theirs.cells[2]!.value).toBeCloseTo(mine.cells[2]!.value!, 9);
  });
});
