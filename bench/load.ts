/**
 * Load benchmark (issue 6): 50 concurrent logged-in users against the built server in production mode on PostgreSQL,
 * and, in the same run, the raw SQL behind each page timed directly against the database.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npm run bench:load \
 *     [-- --users-seconds 20 --seconds 10 --connections 50 --think-ms 1000 --pages frister,sag --build off]
 *
 * Two load models per page: (a) "50 brugere", a closed loop where every user thinks between clicks (the targets),
 * and (b) "mætning", the same connections without pause (capacity). Seeds the national data (98 municipalities, 30 000 citizens) when the database has none. Prints a table and
 * writes bench/results/latest.json. See bench/README.md. Not part of `npm test`.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { generateNational, readMarker } from "../cli/national/generate";
import { parseArgs } from "../cli/national/options";
import { createApiToken, createSession } from "~/platform/auth/auth.db.server";
import { csrfTokenFor, newCsrfCookieValue } from "~/platform/auth/csrf";
import { today } from "~/platform/clock";
import { openDatabase, rowsOf } from "~/platform/db/client.server";
import { migrateDatabase } from "~/platform/db/migrate.server";
import { CSRF_COOKIE, SESSION_COOKIE } from "~/platform/http/cookies";
import { captureLoaderSql, closePools, replaySql, type CapturedRequest } from "./load-sql";
import { percentile, printTable, TARGETS, verdict, type LoadNumbers, type ScenarioResult } from "./load-report";
import { driveUsers, type BenchRequest } from "./load-users";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ""), process.argv[i + 1] ?? "");
const SECONDS = Number(args.get("seconds") ?? 10);
const USERS_SECONDS = Number(args.get("users-seconds") ?? 20);
const CONNECTIONS = Number(args.get("connections") ?? 50);
const THINK_MS = Number(args.get("think-ms") ?? 1000);
const PORT = Number(args.get("port") ?? 3199);
const PAGES =
  args
    .get("pages")
    ?.split(",")
    .map((p) => p.trim())
    .filter(Boolean) ?? null;
const BUILD = args.get("build") ?? "on";
const KNOWN_ARGS = ["seconds", "users-seconds", "connections", "think-ms", "port", "pages", "build"];
for (const k of args.keys())
  if (!KNOWN_ARGS.includes(k)) usage(`ukendt tilvalg --${k} (kendte: --${KNOWN_ARGS.join(", --")})`);
if (!Number.isInteger(SECONDS) || SECONDS < 1) usage("--seconds skal være et helt tal ≥ 1");
if (!Number.isInteger(USERS_SECONDS) || USERS_SECONDS < 1) usage("--users-seconds skal være et helt tal ≥ 1");
if (!Number.isInteger(CONNECTIONS) || CONNECTIONS < 1) usage("--connections skal være et helt tal ≥ 1");
if (!Number.isInteger(THINK_MS) || THINK_MS < 0) usage("--think-ms skal være et helt tal ≥ 0");
if (!["on", "off"].includes(BUILD)) usage("--build skal være on eller off");

function usage(message: string): never {
  console.error(message);
  process.exit(2);
}

const url = process.env.DATABASE_URL?.trim();
if (!url || !url.startsWith("postgres")) {
  usage(
    "bench:load kræver PostgreSQL: sæt DATABASE_URL (needs DATABASE_URL pointing at PostgreSQL).\n" +
      "  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n" +
      "  psql -h 127.0.0.1 -U postgres -c 'create database bench'\n" +
      "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench npm run bench:load",
  );
}

interface BenchUser {
  userId: string;
  municipalityId: string;
  role: string;
  cookie: string;
  csrf: string;
  caseIds: string[];
  citizenIds: string[];
  surnames: string[];
}

async function main() {
  const handle = await openDatabase({ url });
  await migrateDatabase(handle);
  const db = handle.db;
  if (!(await readMarker(db))) {
    const parsed = parseArgs(["--municipalities", "98", "--citizens", "30000"], today().slice(0, 7));
    if (!parsed.ok) throw new Error(parsed.error);
    console.log("Ingen nationale data i databasen: genererer dem først …");
    await generateNational(db, parsed.options, { progress: (l) => console.log(l), deadlineConcurrency: 8 });
  }
  const marker = (await readMarker(db))!;
  console.log(`Data: ${marker.options.codes.length} kommuner, ${marker.options.citizens} borgere, pr. ${marker.asOf}`);

  // Bench users: in every municipality the caseworker with the most open cases, plus a leader and an analyst.
  const secret = randomBytes(32).toString("hex");
  const csrfCookie = newCsrfCookieValue();
  const csrf = csrfTokenFor(secret, csrfCookie);
  const q = async <T>(text: string) => rowsOf<T>(await db.execute(sqlRaw(text)));
  const caseworkers = await q<{ user_id: string; municipality_id: string; case_ids: string[]; citizen_ids: string[] }>(
    `select distinct on (u.municipality_id) u.id as user_id, u.municipality_id,
        array_agg(c.id order by c.id) as case_ids, array_agg(c.citizen_id order by c.id) as citizen_ids
     from users u join case_coordinators cc on cc.user_id = u.id and cc.to_date is null
     join cases c on c.id = cc.case_id and c.status = 'granted'
     where u.role = 'caseworker' and u.municipality_id = any(array[${marker.municipalityIds.map((i) => `'${i}'`).join(",")}]::uuid[])
     group by u.id, u.municipality_id order by u.municipality_id, count(*) desc`,
  );
  const surnames = (await q<{ s: string }>(`select distinct split_part(name, ' ', 2) as s from citizens limit 40`)).map(
    (r) => r.s,
  );
  const users: BenchUser[] = [];
  for (const cw of caseworkers) {
    const token = await createSession(db, cw.user_id, 240);
    users.push({
      userId: cw.user_id,
      municipalityId: cw.municipality_id,
      role: "caseworker",
      cookie: `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrfCookie}`,
      csrf,
      caseIds: cw.case_ids,
      citizenIds: cw.citizen_ids,
      surnames,
    });
  }
  const biggest = caseworkers.reduce((a, b) => (b.case_ids.length > a.case_ids.length ? b : a));
  const staff = await q<{ id: string; role: string }>(
    `select distinct on (role) id, role from users where municipality_id = '${biggest.municipality_id}' and role in ('leader', 'analyst') order by role, id`,
  );
  const analyst = staff.find((s) => s.role === "analyst");
  const analystCookie = analyst
    ? `${SESSION_COOKIE}=${await createSession(db, analyst.id, 240)}; ${CSRF_COOKIE}=${csrfCookie}`
    : null;
  const apiTokens: { token: string; caseIds: string[] }[] = [];
  for (const cw of caseworkers.slice(0, 20)) {
    const t = await createApiToken(db, {
      municipalityId: cw.municipality_id,
      role: "caseworker",
      name: "bench:load",
      createdBy: null,
    });
    apiTokens.push({ token: t.token, caseIds: cw.case_ids });
  }
  console.log(
    `Bench-brugere: ${users.length} sagsbehandlere, ${analyst ? "1 analytiker" : "ingen analytiker"}, ${apiTokens.length} API-tokens`,
  );

  // The built server, production mode. Deadlines were computed by the generator, so the start-up recompute is off.
  console.log(`${BUILD === "on" ? "Bygger og starter" : "Starter"} serveren (NODE_ENV=production) …`);
  if (BUILD === "on") {
    const build = spawnSync("npx", ["react-router", "build"], { stdio: "ignore" });
    if (build.status !== 0) throw new Error("npm run build fejlede");
  }
  const server = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_OPTIONS?.split(" ").filter(Boolean) ?? []), "server.js"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        SESSION_SECRET: secret,
        DATABASE_URL: url,
        PORT: String(PORT),
        HOST: "127.0.0.1",
        // Production's default: one log line per request, as a deployment pays for it (written to /dev/null here).
        LOG_LEVEL: "info",
        DEADLINES_AT_START: "off",
        APP_TODAY: marker.asOf,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  let peakRssKb = 0;
  const rssTimer = setInterval(() => (peakRssKb = Math.max(peakRssKb, rssOf(server.pid!))), 200);
  try {
    await waitFor(`http://127.0.0.1:${PORT}/healthz`);
    const routes = await serverRoutes();
    const statsPage = routes.find((r) => r.path === "statistik");
    const statsApi = routes.find((r) => r.path?.startsWith("api/v1/statistik") && !r.path.includes(":"));

    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
    type Req = BenchRequest & { user: BenchUser | null; caseId?: string };
    type Scenario = {
      key: string;
      name: string;
      group: "case" | "stats" | "other";
      routeId: string;
      make: () => Req;
      /** Statistics: one request per distinct cache key, timed cold before the load (the first call after a change). */
      coldKeys?: () => Req[];
    };
    const scenarios: Scenario[] = [
      {
        key: "frister",
        name: "Mine frister (/frister)",
        group: "case",
        routeId: "routes/deadlines",
        make: () => {
          const u = pick(users);
          return { user: u, method: "GET", path: "/frister", headers: { cookie: u.cookie } };
        },
      },
      {
        key: "sag",
        name: "Sag (/sager/:id)",
        group: "case",
        routeId: "routes/case-overview",
        make: () => {
          const u = pick(users);
          const c = pick(u.caseIds);
          return { user: u, method: "GET", path: `/sager/${c}`, headers: { cookie: u.cookie }, caseId: c };
        },
      },
      {
        key: "plan",
        name: "Plan (/sager/:id/plan)",
        group: "case",
        routeId: "routes/case-plan",
        make: () => {
          const u = pick(users);
          const c = pick(u.caseIds);
          return { user: u, method: "GET", path: `/sager/${c}/plan`, headers: { cookie: u.cookie }, caseId: c };
        },
      },
      {
        key: "soeg",
        name: "Søgning (POST /borgere)",
        group: "other",
        routeId: "routes/citizens",
        make: () => {
          const u = pick(users);
          return {
            user: u,
            method: "POST",
            path: "/borgere",
            headers: { cookie: u.cookie, "content-type": "application/x-www-form-urlencoded" },
            body: `_csrf=${encodeURIComponent(u.csrf)}&q=${encodeURIComponent(pick(u.surnames))}`,
          };
        },
      },
      {
        key: "api-frister",
        name: "API /api/v1/deadlines",
        group: "other",
        routeId: "routes/api.v1.deadlines",
        make: () => {
          const t = pick(apiTokens);
          return {
            user: null,
            method: "GET",
            path: "/api/v1/deadlines",
            headers: { authorization: `Bearer ${t.token}` },
          };
        },
      },
      {
        key: "api-sag",
        name: "API /api/v1/cases/:id/deadlines",
        group: "other",
        routeId: "routes/api.v1.case-deadlines",
        make: () => {
          const t = pick(apiTokens);
          const c = pick(t.caseIds);
          return {
            user: null,
            method: "GET",
            path: `/api/v1/cases/${c}/deadlines`,
            headers: { authorization: `Bearer ${t.token}` },
            caseId: c,
          };
        },
      },
    ];
    if (statsPage && analystCookie) {
      scenarios.push({
        key: "statistik",
        name: "Statistik (/statistik)",
        group: "stats",
        routeId: statsPage.id,
        make: () => ({ user: null, method: "GET", path: "/statistik", headers: { cookie: analystCookie } }),
      });
    }
    if (statsApi && apiTokens.length > 0) {
      scenarios.push({
        key: "api-statistik",
        name: `API /${statsApi.path}`,
        group: "stats",
        routeId: statsApi.id,
        make: () => ({
          user: null,
          method: "GET",
          path: `/${statsApi.path}`,
          headers: { authorization: `Bearer ${pick(apiTokens).token}` },
        }),
        coldKeys: () =>
          apiTokens.map((t) => ({
            user: null,
            method: "GET",
            path: `/${statsApi.path}`,
            headers: { authorization: `Bearer ${t.token}` },
          })),
      });
    }

    const unknown = PAGES?.filter((p) => !scenarios.some((s) => s.key === p)) ?? [];
    if (unknown.length > 0) {
      throw new Error(
        `ukendt side i --pages: ${unknown.join(", ")} (kendte: ${scenarios.map((s) => s.key).join(", ")})`,
      );
    }
    const numbers = (
      page: { times: number[]; errors: number },
      seconds: number,
      raw: { times: number[] },
    ): LoadNumbers => ({
      requests: page.times.length,
      errors: page.errors,
      rps: page.times.length / seconds,
      p50: percentile(page.times, 50),
      p95: percentile(page.times, 95),
      p99: percentile(page.times, 99),
      sqlP50: percentile(raw.times, 50),
      sqlP95: percentile(raw.times, 95),
      ratio: percentile(page.times, 50) / Math.max(0.01, percentile(raw.times, 50)),
    });
    const results: ScenarioResult[] = [];
    for (const s of scenarios.filter((x) => !PAGES || PAGES.includes(x.key))) {
      // Cache misses first, one at a time (each municipality's first call after a data change), then warm up (JIT,
      // caches, connection pool) and measure the steady state under both load models.
      const cold: number[] = [];
      for (const req of s.coldKeys?.() ?? []) {
        const t0 = performance.now();
        const res = await fetch(`http://127.0.0.1:${PORT}${req.path}`, { method: req.method, headers: req.headers });
        await res.arrayBuffer();
        cold.push(performance.now() - t0);
      }
      await drive(PORT, s.make, 10, 2);
      const users = await driveUsers(PORT, s.make, CONNECTIONS, USERS_SECONDS, THINK_MS);
      const saturated = await drive(PORT, s.make, CONNECTIONS, SECONDS);
      // The same requests' SQL, captured from the route's own loader/action and replayed on a pool like the app's.
      const samples: CapturedRequest[] = [];
      for (let i = 0; i < 40; i++) samples.push(await captureLoaderSql(url!, s.routeId, s.make(), PORT, secret));
      const rawUsers = await replaySql(
        url!,
        samples,
        CONNECTIONS,
        Math.max(5, Math.floor(USERS_SECONDS / 2)),
        THINK_MS,
      );
      const rawSaturated = await replaySql(url!, samples, CONNECTIONS, Math.max(3, Math.floor(SECONDS / 2)));
      const single = await replaySql(url!, samples, 1, 2);
      const r: ScenarioResult = {
        key: s.key,
        name: s.name,
        group: s.group,
        queriesPerRequest: samples.reduce((n, x) => n + x.statements.length, 0) / samples.length,
        sqlSingleP50: percentile(single.times, 50),
        users: numbers(users, USERS_SECONDS, rawUsers),
        saturation: numbers(saturated, SECONDS, rawSaturated),
        ...(cold.length > 0
          ? { cold: { requests: cold.length, p50: percentile(cold, 50), max: Math.max(...cold) } }
          : {}),
      };
      results.push(r);
      console.log(
        `  ${s.name}: 50 brugere p95 ${r.users.p95.toFixed(1)} ms; mætning ${r.saturation.rps.toFixed(0)} req/s, ` +
          `p95 ${r.saturation.p95.toFixed(1)} ms; ${r.users.errors + r.saturation.errors} fejl` +
          (r.cold ? `; koldt (cache-miss) p50 ${r.cold.p50.toFixed(0)} ms, max ${r.cold.max.toFixed(0)} ms` : ""),
      );
    }
    peakRssKb = Math.max(peakRssKb, rssOf(server.pid!));
    printTable(results, peakRssKb, {
      users: CONNECTIONS,
      thinkMs: THINK_MS,
      usersSeconds: USERS_SECONDS,
      saturationSeconds: SECONDS,
    });
    const out = {
      when: new Date().toISOString(),
      machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
      data: { ...marker.options, asOf: marker.asOf },
      loadModels: {
        users: {
          label: "50 brugere",
          users: CONNECTIONS,
          meanThinkMs: THINK_MS,
          seconds: USERS_SECONDS,
          note: "closed loop: each user waits for the answer, then thinks (exponential, mean thinkMs); targets judged here",
        },
        saturation: {
          label: "mætning",
          connections: CONNECTIONS,
          seconds: SECONDS,
          note: "autocannon, no pause between requests: capacity",
        },
      },
      pages: PAGES ?? "all",
      serverPeakRssMb: Math.round(peakRssKb / 1024),
      targets: TARGETS,
      scenarios: results.map((r) => ({ ...r, verdict: verdict(r) })),
    };
    const dir = path.resolve("bench/results");
    mkdirSync(dir, { recursive: true });
    // Only a run over every page replaces latest.json; a --pages run writes a file of its own.
    const file = PAGES ? `pages-${PAGES.join("-")}.json` : "latest.json";
    writeFileSync(path.join(dir, file), JSON.stringify(out, null, 2) + "\n");
    console.log(`Skrevet: bench/results/${file}`);
  } finally {
    clearInterval(rssTimer);
    server.kill("SIGTERM");
    // The bench's own sessions and tokens are removed again; audit events of the run stay (append-only).
    await db.execute(
      sqlRaw(
        `delete from sessions where user_id in (${[...users.map((u) => u.userId), analyst?.id]
          .filter(Boolean)
          .map((i) => `'${i}'`)
          .join(",")})`,
      ),
    );
    await db.execute(
      sqlRaw(`update api_tokens set revoked_at = now() where name = 'bench:load' and revoked_at is null`),
    );
    await handle.close();
    await closePools();
  }
}

function sqlRaw(text: string) {
  return sql.raw(text);
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const hwm = /VmHWM:\s+(\d+)/.exec(status) ?? /VmRSS:\s+(\d+)/.exec(status);
    return hwm ? Number(hwm[1]) : 0;
  } catch {
    return 0;
  }
}

async function waitFor(target: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(target)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`serveren svarede ikke på ${target}`);
}

async function serverRoutes(): Promise<{ id: string; path?: string }[]> {
  const { serverBuild } = await import("./load-sql");
  const build = await serverBuild();
  return Object.values(build.routes).map((r) => ({ id: r!.id, path: r!.path }));
}

/** Drives the server with autocannon; every request is built fresh (another user, case, search). */
async function drive(
  port: number,
  make: () => BenchRequest,
  connections: number,
  seconds: number,
): Promise<{ times: number[]; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const r = make();
          return { ...req, method: r.method, path: r.path, headers: r.headers, body: r.body };
        },
      },
    ],
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    if (status >= 400) errors++;
    times.push(responseTime);
  });
  instance.on("reqError", () => errors++);
  await instance;
  return { times, errors };
}

main().catch((error: unknown) => {
  console.error("bench:load fejlede:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
