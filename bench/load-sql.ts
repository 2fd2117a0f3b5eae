/**
 * The raw SQL behind a page: the route's own loader (or action) from the server build runs in this process on a
 * drizzle instance that records every statement, and the recorded statements are then replayed with plain `pg` on a
 * pool as large as the app's. The difference to the page time is what the server adds (rendering, HTTP, JS).
 */
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { resolveApiToken, resolveSession } from "~/platform/auth/auth.db.server";
import * as schema from "~/platform/db/schema";
import { SESSION_COOKIE } from "~/platform/http/cookies";
import { sleep } from "./load-users";

export interface CapturedRequest {
  statements: { query: string; params: unknown[] }[];
}

type RouteModule = {
  loader?: (args: unknown) => Promise<unknown>;
  action?: (args: unknown) => Promise<unknown>;
};
type ServerBuild = { routes: Record<string, { id: string; path?: string; module: RouteModule } | undefined> };

let build: ServerBuild | null = null;
export async function serverBuild(): Promise<ServerBuild> {
  if (build) return build;
  const dir = path.resolve("build/server/assets");
  const file = readdirSync(dir).find((f) => f.startsWith("server-build"));
  if (!file) throw new Error("build/server/assets/server-build-*.js mangler: kør npm run build");
  build = (await import(path.join(dir, file))) as ServerBuild;
  return build;
}

pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => Number(v));
const pools = new Map<string, pg.Pool>();
function poolFor(url: string): pg.Pool {
  let p = pools.get(url);
  if (!p) {
    p = new pg.Pool({ connectionString: url, max: 10 });
    pools.set(url, p);
  }
  return p;
}

let recording: CapturedRequest["statements"] | null = null;
let capturing: ReturnType<typeof drizzle> | null = null;

/** Runs a route's loader (GET) or action (POST) for one bench request and returns the SQL it executed. */
export async function captureLoaderSql(
  url: string,
  routeId: string,
  req: { method: string; path: string; headers: Record<string, string>; body?: string },
  port: number,
  secret: string,
): Promise<CapturedRequest> {
  const b = await serverBuild();
  const route = b.routes[routeId];
  if (!route) throw new Error(`ruten ${routeId} findes ikke i buildet`);
  capturing ??= drizzle(poolFor(url), {
    schema,
    logger: { logQuery: (query, params) => recording?.push({ query, params }) },
  });
  const db = capturing as never;
  const statements: CapturedRequest["statements"] = [];
  recording = statements;
  try {
    // The server's authentication runs first for every request: include its queries.
    const cookie = /(?:^|; )rf_session=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
    const bearer = req.headers.authorization?.replace(/^Bearer /, "");
    const actor = bearer ? await resolveApiToken(db, bearer) : cookie ? await resolveSession(db, cookie, 240) : null;
    const request = new Request(`http://127.0.0.1:${port}${req.path}`, {
      method: req.method,
      headers: req.headers,
      body: req.body,
    });
    const params: Record<string, string> = {};
    const parts = route.path?.split("/") ?? [];
    const actual = req.path.split("?")[0]!.replace(/^\//, "").split("/");
    parts.forEach((p, i) => {
      if (p.startsWith(":")) params[p.slice(1)] = actual[i]!;
    });
    const csrf = /_csrf=([^&]+)/.exec(req.body ?? "")?.[1];
    const context = {
      db,
      dbKind: "postgres",
      env: { demoEnabled: false, NODE_ENV: "production" },
      secret,
      actor,
      authVia: bearer ? "token" : cookie ? "session" : null,
      sessionToken: cookie ?? null,
      csrfToken: csrf ? decodeURIComponent(csrf) : "",
      requestId: randomUUID(),
      secureCookies: false,
      log: { info() {}, warn() {}, error() {}, debug() {} },
      migrations: null,
    };
    // A posted page (the search) runs its action, then renders with its loader's data as well: both count.
    const calls: [RouteModule["loader"], Request][] =
      req.method === "POST"
        ? [
            [route.module.action, request],
            [route.module.loader, new Request(request.url, { method: "GET", headers: req.headers })],
          ]
        : [[route.module.loader, request]];
    for (const [fn, r] of calls) {
      if (!fn) throw new Error(`ruten ${routeId} mangler en loader eller action`);
      try {
        await fn({ request: r, params, context });
      } catch (thrown) {
        if (!(thrown instanceof Response)) throw thrown;
        if (thrown.status >= 400) throw new Error(`${routeId} svarede ${thrown.status} for ${req.path}`);
      }
    }
  } finally {
    recording = null;
  }
  void SESSION_COOKIE;
  return { statements };
}

/**
 * Replays captured requests' SQL from `concurrency` workers for `seconds`; time per request in ms. With `thinkMs`
 * every worker pauses like a user of bench/load-users.ts between requests, so the SQL meets the same load model.
 * A request's statements run one after another on one connection: the sum of its statements' times.
 */
export async function replaySql(
  url: string,
  samples: CapturedRequest[],
  concurrency: number,
  seconds: number,
  thinkMs = 0,
): Promise<{ times: number[] }> {
  const pool = poolFor(url);
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  let next = 0;
  const think = () => Math.min(-Math.log(1 - Math.random()) * thinkMs, thinkMs * 5);
  const worker = async () => {
    if (thinkMs > 0) await sleep(Math.random() * thinkMs);
    while (performance.now() < until) {
      const s = samples[next++ % samples.length]!;
      const t0 = performance.now();
      const client = await pool.connect();
      try {
        for (const st of s.statements) await client.query(st.query, st.params as unknown[]);
      } finally {
        client.release();
      }
      times.push(performance.now() - t0);
      if (thinkMs > 0) await sleep(think());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { times };
}

export async function closePools(): Promise<void> {
  await Promise.all([...pools.values()].map((p) => p.end()));
}
