/**
 * Bench: generate 25,000 realistic case files deterministically (seeded PRNG) and evaluate
 * them all, input parsing included. Prints total ms, µs per case and memory.
 *
 *   npx tsx bench/rules.ts [cases=25000] [seed=2022]
 *
 * Target: under 1 s on one core. Not a timed test; run it by hand or in CI for a trend.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { syntheticCpr } from "../legislation/cpr";
import { addDays, addMonths, formatDate, parseDate, type DayNumber } from "../legislation/dates";
import { evaluate, parseEvaluateInput, type EvaluateInputRaw } from "../legislation/evaluate";
import { createPrng } from "../legislation/prng";

const N = Number(process.argv[2] ?? 25_000);
const SEED = Number(process.argv[3] ?? 2022);

type Rng = () => number;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const chance = (r: Rng, p: number) => r() < p;

/** One case file: a citizen, 1-3 forløb across R2013/R2022/R2026, periods, interventions and conversations. */
export function generateCase(r: Rng): EvaluateInputRaw {
  const firstStart = int(r, parseDate("2014-01-01"), parseDate("2026-01-15"));
  const age = int(r, 20, 64);
  const birth = addDays(firstStart, -(age * 365 + int(r, 0, 364)));
  const citizen = chance(r, 0.3)
    ? { cpr: syntheticCpr(r, { birthFrom: formatDate(birth - 200), birthTo: formatDate(birth) }).cpr }
    : { birthDate: formatDate(birth), wishesNewForloeb: chance(r, 0.2) };
  const forloeb: NonNullable<EvaluateInputRaw["forloeb"]> = [];
  const periods: NonNullable<EvaluateInputRaw["periods"]> = [];
  const interventions: NonNullable<EvaluateInputRaw["interventions"]> = [];
  const conversations: NonNullable<EvaluateInputRaw["conversations"]> = [];
  let start: DayNumber = firstStart;
  const count = pick(r, [1, 1, 1, 2, 2, 3]);
  for (let k = 0; k < count; k++) {
    const months = start < parseDate("2022-01-01") ? pick(r, [12, 24, 36, 48, 60]) : pick(r, [12, 18, 24, 36]);
    const plannedEnd = addMonths(start, months) - 1;
    const decidedOn = addDays(start, -int(r, 5, 40));
    forloeb.push({
      id: `F${k + 1}`,
      start: formatDate(start),
      plannedEnd: formatDate(plannedEnd),
      decidedOn: formatDate(decidedOn),
      ...(chance(r, 0.1) ? { citizenWished: true } : {}),
      ...(k < count - 1 || chance(r, 0.4)
        ? { nextStepDecidedOn: formatDate(addDays(plannedEnd, -int(r, 0, 30))) }
        : {}),
      ...(chance(r, 0.03) ? { igException: { reason: "Indlagt i længere tid" } } : {}),
    });
    // Periods: fritagelse, stand-by, sickness, barsel, ordinary work.
    for (let p = int(r, 0, 4); p > 0; p--) {
      const from = addDays(start, int(r, 0, months * 30));
      periods.push({
        kind: pick(r, [
          "fritagelse",
          "fritagelse",
          "standby",
          "sickness",
          "sickness",
          "barsel",
          "ordinaryWork",
          "stu",
          "khe15",
        ] as const),
        from: formatDate(from),
        to: formatDate(addDays(from, int(r, 1, 120))),
      });
    }
    // Interventions, most early in the forløb.
    for (let i = int(r, 0, 5); i > 0; i--) {
      const s = addDays(start, int(r, -20, 300));
      const kind = pick(r, [
        "lab11",
        "lab11",
        "lab12",
        "lab14",
        "lab26mentor",
        "serviceloven",
        "sundhedsloven",
        "other",
        "leisure",
      ] as const);
      interventions.push({
        kind,
        start: formatDate(s),
        inPlan: chance(r, 0.85),
        ...(chance(r, 0.6)
          ? { end: formatDate(addDays(s, kind === "lab26mentor" ? int(r, 60, 200) : int(r, 30, 180))) }
          : {}),
        ...(kind === "lab11" && chance(r, 0.5)
          ? {
              offeredOn: formatDate(addDays(s, -int(r, 3, 20))),
              ...(chance(r, 0.8) ? { skNoticeOn: formatDate(addDays(s, -int(r, 3, 25))) } : {}),
              placement: {
                focus: [pick(r, ["ordinaryHours", "cvCompetences", "clarification"] as const)],
                hoursPerDay: pick(r, [0.5, 2, 4, 6]),
                initialWeeks: 13,
              },
            }
          : {}),
      });
    }
    // Conversations: roughly monthly, some remote.
    for (let c = int(r, 2, 10); c > 0; c--) {
      conversations.push({
        date: formatDate(addDays(start, int(r, 0, 330))),
        mode: pick(r, ["personal", "personal", "personal", "phone", "video", "digital"] as const),
        held: chance(r, 0.9),
        ...(chance(r, 0.5) ? { nextAgreed: chance(r, 0.9) } : {}),
      });
    }
    start = addDays(plannedEnd, int(r, 1, 200));
    if (start > parseDate("2026-06-01")) break;
  }
  const lastEnd = parseDate(forloeb[forloeb.length - 1]!.plannedEnd);
  const asOf = formatDate(Math.max(firstStart, Math.min(parseDate("2027-12-31"), addDays(lastEnd, -int(r, -90, 700)))));
  return {
    asOf,
    citizen,
    forloeb,
    periods,
    interventions,
    conversations,
    ...(chance(r, 0.5) ? { settings: { teamLeadWeeks: pick(r, [6, 8, 12]) } } : {}),
  };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * CPU time of the main (JavaScript) thread in ms, from /proc on Linux (10 ms resolution); null
 * elsewhere. Unlike wall time it does not grow when other processes compete for the CPU, and
 * unlike process.cpuUsage() it leaves out V8's background compiler and GC threads.
 */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in 1/100 s
  } catch {
    return null;
  }
}

interface Pass {
  ms: number;
  cpuMs: number;
  mainThreadCpuMs: number | null;
  findings: number;
  invalid: number;
  statuses: Record<string, number>;
}

/** One pass over all cases: validate (parseEvaluateInput) and evaluate each. */
function pass(objects: readonly unknown[]): Pass {
  let findings = 0;
  let invalid = 0;
  const statuses: Record<string, number> = {};
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadCpuMs();
  const t0 = performance.now();
  for (const o of objects) {
    const parsed = parseEvaluateInput(o);
    if (!parsed.ok) {
      invalid++;
      continue;
    }
    const out = evaluate(parsed.value);
    findings += out.findings.length;
    for (const f of out.forloeb) statuses[f.indsatsgaranti.status] = (statuses[f.indsatsgaranti.status] ?? 0) + 1;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const main1 = mainThreadCpuMs();
  return {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    mainThreadCpuMs: main0 === null || main1 === null ? null : main1 - main0,
    findings,
    invalid,
    statuses,
  };
}

function main() {
  const rng = createPrng(SEED);
  const genStart = performance.now();
  // Cases arrive as JSON text, as over HTTP or the CLI.
  const docs = Array.from({ length: N }, () => JSON.stringify(generateCase(rng)));
  const genMs = performance.now() - genStart;
  const bytes = docs.reduce((s, d) => s + d.length, 0);

  const heapBefore = process.memoryUsage().heapUsed;
  const tJson = performance.now();
  const objects = docs.map((d) => JSON.parse(d) as unknown);
  const jsonMs = performance.now() - tJson;

  // The first pass is the cold run a CLI batch sees; later passes are what a warm server sees.
  const passes = [pass(objects), pass(objects), pass(objects), pass(objects)];
  const mem = process.memoryUsage();
  const first = passes[0]!;
  const warm = passes
    .slice(1)
    .map((p) => p.ms)
    .sort((a, b) => a - b);
  const round = (x: number) => Math.round(x);

  console.log(
    JSON.stringify(
      {
        cases: N,
        seed: SEED,
        averageCaseBytes: round(bytes / N),
        generateMs: round(genMs),
        jsonParseMs: round(jsonMs),
        firstPass: {
          totalMs: round(first.ms),
          usPerCase: Number(((first.ms * 1000) / N).toFixed(1)),
          processCpuMs: round(first.cpuMs),
          mainThreadCpuMs: first.mainThreadCpuMs,
        },
        warmPasses: {
          bestMs: round(warm[0]!),
          medianMs: round(warm[1]!),
          usPerCaseBest: Number(((warm[0]! * 1000) / N).toFixed(1)),
          mainThreadCpuMs: passes.slice(1).map((p) => p.mainThreadCpuMs),
        },
        invalid: first.invalid,
        findings: first.findings,
        indsatsgaranti: first.statuses,
        heapUsed: mb(mem.heapUsed),
        heapDeltaDuringRun: mb(mem.heapUsed - heapBefore),
        rss: mb(mem.rss),
        target: "validate + evaluate 25,000 cases in < 1000 ms on one core",
        metFirstPass: first.ms < 1000,
        metWarm: warm[0]! < 1000,
        loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
      },
      null,
      2,
    ),
  );
}

// Run only when executed directly, so generateCase can be imported.
if (process.argv[1] && /bench\/rules\.ts$/.test(process.argv[1])) main();
