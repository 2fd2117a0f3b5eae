/** One load model's numbers for one page. */
export interface LoadNumbers {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** The page's SQL replayed under the same load model on a pool like the app's. */
  sqlP50: number;
  sqlP95: number;
  /** Page p50 / raw SQL p50 under the same load model. */
  ratio: number;
}

export interface ScenarioResult {
  key: string;
  name: string;
  group: "case" | "stats" | "other";
  queriesPerRequest: number;
  /** The page's SQL for one request alone. */
  sqlSingleP50: number;
  /** "50 brugere": closed loop with think time; the targets are judged here. */
  users: LoadNumbers;
  /** "mætning": the same connections without pause; capacity. */
  saturation: LoadNumbers;
  /** Statistics: the first call per cache key (a data change empties the cache), one at a time before the load. */
  cold?: { requests: number; p50: number; max: number };
}

export const TARGETS = { casePagesP95Ms: 100, statisticsP95Ms: 500, pageToSqlRatio: 2 };

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Whether the p95 target holds ("–" for pages without one) and whether the ratio target holds. */
export function verdict(r: ScenarioResult): { p95: "ok" | "MISSET" | "–"; ratio: "ok" | "MISSET" } {
  const limit = r.group === "case" ? TARGETS.casePagesP95Ms : r.group === "stats" ? TARGETS.statisticsP95Ms : null;
  return {
    p95: limit === null ? "–" : r.users.p95 < limit ? "ok" : "MISSET",
    ratio: r.users.ratio < TARGETS.pageToSqlRatio ? "ok" : "MISSET",
  };
}

export function printTable(
  rows: ScenarioResult[],
  peakRssKb: number,
  model: { users: number; thinkMs: number; usersSeconds: number; saturationSeconds: number },
): void {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
  const table = (head: string[], lines: string[][]) => {
    const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
    const row = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
    console.log(row(head));
    for (const l of lines) console.log(row(l));
  };
  console.log(
    `\n(a) 50 brugere: ${model.users} brugere, hver venter på svaret og tænker ${model.thinkMs} ms i snit ` +
      `(eksponentielt fordelt) før næste klik; ${model.usersSeconds} s pr. side. Målene gælder her. Tider i ms.`,
  );
  table(
    [
      "Side",
      "req/s",
      "p50",
      "p95",
      "p99",
      "fejl",
      "SQL/req",
      "SQL p50",
      "SQL alene",
      "side/SQL",
      "p95-mål",
      "ratio-mål",
    ],
    rows.map((r) => {
      const v = verdict(r);
      return [
        r.name,
        f(r.users.rps),
        f(r.users.p50),
        f(r.users.p95),
        f(r.users.p99),
        String(r.users.errors),
        f(r.queriesPerRequest),
        f(r.users.sqlP50),
        f(r.sqlSingleP50),
        f(r.users.ratio),
        v.p95,
        v.ratio,
      ];
    }),
  );
  console.log(
    `\n(b) mætning: ${model.users} forbindelser uden pause (autocannon), ${model.saturationSeconds} s pr. side: ` +
      `kapacitet (req/s) og ventetid ved fuld last. Ingen mål; rapporteres.`,
  );
  table(
    ["Side", "req/s", "p50", "p95", "p99", "fejl", "SQL p50", "SQL p95", "side/SQL"],
    rows.map((r) => [
      r.name,
      f(r.saturation.rps),
      f(r.saturation.p50),
      f(r.saturation.p95),
      f(r.saturation.p99),
      String(r.saturation.errors),
      f(r.saturation.sqlP50),
      f(r.saturation.sqlP95),
      f(r.saturation.ratio),
    ]),
  );
  console.log(`Serverens største RSS (VmHWM): ${Math.round(peakRssKb / 1024)} MB`);
}
