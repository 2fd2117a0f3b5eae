import "react-router";
import { createRequestHandler } from "@react-router/express";
import express, { type NextFunction, type Request, type Response } from "express";
import { randomUUID } from "node:crypto";
import type { DestinationStream } from "pino";
import { getOrCreateSetting, resolveApiToken, resolveSession } from "~/platform/auth/auth.db.server";
import { csrfTokenFor, newCsrfCookieValue } from "~/platform/auth/csrf";
import { randomToken } from "~/platform/auth/tokens";
import { openDatabase, type DbHandle } from "~/platform/db/client.server";
import { migrateDatabase, migrationLevel } from "~/platform/db/migrate.server";
import { seedDemo, type DemoInfo } from "~/platform/demo/seed-demo.db.server";
import { parseEnv, type Env } from "~/platform/env.server";
import { CSRF_COOKIE, parseCookies, serializeCookie, SESSION_COOKIE } from "~/platform/http/cookies";
import type { AppContext } from "~/platform/http/load-context";
import { createLogger } from "~/platform/logging";
import { pinToday } from "~/platform/clock";
import { dispatchOutbox, fileSender } from "~/modules/letters/index.server";
import { backfillEndedDeadlines, recomputeAllDeadlines } from "~/modules/frister/index.server";
import "~/platform/validation";

export interface StartedApp {
  app: express.Express;
  env: Env;
  handle: DbHandle;
  demo: DemoInfo | null;
  close(): Promise<void>;
}

/** Opens the database, applies migrations, seeds demo data when allowed, and builds the HTTP app. */
export async function startApp(
  source: Record<string, string | undefined> = process.env,
  options: { logDestination?: DestinationStream } = {},
): Promise<StartedApp> {
  const env = parseEnv(source);
  const log = createLogger(env.LOG_LEVEL, options.logDestination);
  // The demo runs on a fixed day before the 2026 phase-out so the whole journey to a grant can be tried.
  pinToday(env.APP_TODAY ?? (env.demoEnabled && env.DEMO_TODAY ? env.DEMO_TODAY : null));
  const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: `${env.DATA_DIR}/pglite` });
  await migrateDatabase(handle);
  const migrations = await migrationLevel(handle);
  const secret =
    env.SESSION_SECRET ?? (await getOrCreateSetting(handle.db, "installation_secret", () => randomToken(48)));
  const demo = env.demoEnabled && env.DEMO_SEED === "auto" ? await seedDemo(handle.db, secret) : null;

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.use((req, res, next) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      // Path only: query strings are never logged.
      log.info({
        requestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        actor: res.locals.actorId,
      });
    });
    next();
  });

  app.get("/healthz", (_req, res) => {
    res.json({
      status: "ok",
      database: { kind: handle.kind, migrations },
      demo: env.demoEnabled,
    });
  });

  const secureFor = (req: Request) =>
    env.COOKIE_SECURE === "always" || (env.COOKIE_SECURE === "auto" && (req.secure || env.NODE_ENV === "production"));

  // Authentication: a Bearer token (service accounts) or the session cookie (people).
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      const cookies = parseCookies(req.headers.cookie);
      let csrfCookie = cookies[CSRF_COOKIE];
      // Pages get a CSRF cookie; API calls authenticate per request and need none.
      if (!csrfCookie && !req.path.startsWith("/api/")) {
        csrfCookie = newCsrfCookieValue();
        res.append(
          "Set-Cookie",
          serializeCookie(CSRF_COOKIE, csrfCookie, { secure: secureFor(req), sameSite: "Strict" }),
        );
      }
      res.locals.csrfToken = csrfCookie ? csrfTokenFor(secret, csrfCookie) : "";
      const auth = req.headers.authorization;
      if (auth?.startsWith("Bearer ")) {
        const actor = await resolveApiToken(handle.db, auth.slice(7).trim());
        if (!actor) {
          res.status(401).type("application/problem+json").json({
            type: "about:blank",
            title: "Ugyldigt eller tilbagekaldt API-token",
            status: 401,
          });
          return;
        }
        res.locals.actor = actor;
        res.locals.authVia = "token";
      } else if (cookies[SESSION_COOKIE]) {
        const actor = await resolveSession(handle.db, cookies[SESSION_COOKIE], env.SESSION_IDLE_MINUTES);
        if (actor) {
          res.locals.actor = actor;
          res.locals.authVia = "session";
          res.locals.sessionToken = cookies[SESSION_COOKIE];
        }
      }
      res.locals.actorId = res.locals.actor?.id;
      // Defence in depth next to the CSRF token: a cookie-authenticated write must come from our own pages.
      const unsafe = !["GET", "HEAD", "OPTIONS"].includes(req.method);
      if (unsafe && res.locals.authVia !== "token" && req.headers["sec-fetch-site"] === "cross-site") {
        res.status(403).type("text/plain; charset=utf-8").send("Afvist: anmodningen kom fra et andet websted.");
        return;
      }
      next();
    } catch (error) {
      next(error);
    }
  });

  app.all(
    "/{*splat}",
    createRequestHandler({
      // A function makes React Router rebuild its route tables on every request, which only Vite's dev reloads
      // need; the built app loads them once (under load that per-request work was ~8 % of the server's CPU).
      build: import.meta.env.DEV
        ? () => import("virtual:react-router/server-build")
        : await import("virtual:react-router/server-build"),
      mode: "production",
      getLoadContext: (req, res): AppContext => ({
        db: handle.db,
        dbKind: handle.kind,
        env,
        secret,
        actor: res.locals.actor ?? null,
        authVia: res.locals.authVia ?? null,
        sessionToken: res.locals.sessionToken ?? null,
        csrfToken: res.locals.csrfToken,
        requestId: res.locals.requestId,
        secureCookies: secureFor(req),
        log,
        migrations,
      }),
    }),
  );

  // Last resort: never a stack trace or SQL to the user.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    log.error({ requestId: res.locals.requestId, err: error }, "unhandled error");
    if (res.headersSent) return;
    res
      .status(500)
      .type("text/html; charset=utf-8")
      .send(
        '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Der opstod en fejl</title></head>' +
          "<body><main><h1>Der opstod en fejl</h1><p>Prøv igen om lidt. Fejlen er registreret med id " +
          String(res.locals.requestId) +
          ".</p></main></body></html>",
      );
  });

  // Deadlines that depend on today (a forløb passing its end, the next conversation) are refreshed at start and
  // every night; changes to a case recompute its own deadlines at once. The embedded database (demo, small sites)
  // waits for the start refresh so the first page already shows them; PostgreSQL serves meanwhile.
  const refreshDeadlines = () =>
    recomputeAllDeadlines(handle.db)
      .then((n) => log.info({ cases: n }, "deadlines recomputed"))
      .catch((err: unknown) => log.error({ err }, "deadline recompute failed"));
  const backfillEnded = () =>
    backfillEndedDeadlines(handle.db)
      .then((n) => log.info({ cases: n }, "deadlines of ended forløb backfilled"))
      .catch((err: unknown) => log.error({ err }, "deadline backfill failed"));
  const deadlineTimer = setInterval(refreshDeadlines, 24 * 60 * 60 * 1000);
  deadlineTimer.unref();
  if (env.DEADLINES_AT_START === "on") {
    if (handle.kind === "pglite") await refreshDeadlines();
    else void refreshDeadlines();
    void backfillEnded();
  }

  // Letters leave after their transaction has committed; a failed send is retried with the same key.
  const sender = fileSender(env.OUTBOX_DIR);
  let dispatching = false;
  const outboxTimer = setInterval(() => {
    if (dispatching) return;
    dispatching = true;
    dispatchOutbox(handle.db, sender)
      .catch((err: unknown) => log.error({ err }, "outbox dispatch failed"))
      .finally(() => {
        dispatching = false;
      });
  }, 3_000);
  outboxTimer.unref();

  return {
    app,
    env,
    handle,
    demo,
    close: async () => {
      clearInterval(outboxTimer);
      clearInterval(deadlineTimer);
      await handle.close();
    },
  };
}
