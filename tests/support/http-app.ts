import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { StartedApp } from "~/server/app";
import { createEmptyPostgresDb } from "./test-db";
import type { DatabaseKind } from "~/platform/db/client.server";

const BUILD = path.resolve("build/server/index.js");

export interface RunningApp {
  baseUrl: string;
  started: StartedApp;
  logs: string[];
  close(): Promise<void>;
}

/** Starts the built server (npm test builds before running vitest) on a fresh database of the given kind. */
export async function startBuiltApp(kind: DatabaseKind, env: Record<string, string> = {}): Promise<RunningApp> {
  if (!existsSync(BUILD))
    throw new Error("build/server/index.js is missing: run `npm run build` first (npm test does)");
  const { startApp } = (await import(pathToFileURL(BUILD).href)) as {
    startApp: typeof import("~/server/app").startApp;
  };
  const dataDir = mkdtempSync(path.join(tmpdir(), "rf-http-"));
  const pgdb = kind === "postgres" ? await createEmptyPostgresDb() : null;
  const logs: string[] = [];
  const started = await startApp(
    { NODE_ENV: "test", LOG_LEVEL: "info", DATA_DIR: dataDir, ...(pgdb ? { DATABASE_URL: pgdb.url } : {}), ...env },
    { logDestination: { write: (line: string) => void logs.push(line) } },
  );
  const server = started.app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    started,
    logs,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await started.close();
      await pgdb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A minimal browser: keeps cookies, does not follow redirects, and can read the CSRF token from a page. */
export class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", this.cookieHeader());
    const res = await fetch(this.baseUrl + pathname, { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/Max-Age=0/i.test(c) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async page(pathname: string): Promise<{ res: Response; html: string; csrf: string }> {
    const res = await this.request(pathname);
    const html = await res.text();
    const csrf = /name="_csrf" value="([^"]*)"/.exec(html)?.[1] ?? "";
    return { res, html, csrf };
  }

  post(pathname: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(pathname, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    });
  }

  /** Logs in through the demo page as the named demo user. */
  async loginAs(name: string): Promise<void> {
    const { html, csrf } = await this.page("/demo");
    const re = new RegExp(`name="userId" value="([^"]+)"/><button[^>]*aria-label="Log på som ${name} `);
    const userId = re.exec(html)?.[1];
    if (!userId) throw new Error(`demo user ${name} not on /demo`);
    const res = await this.post("/demo", { _csrf: csrf, userId });
    if (res.status !== 302) throw new Error(`login failed: ${res.status}`);
  }
}
