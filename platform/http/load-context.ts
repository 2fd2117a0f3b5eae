import type { Actor } from "../auth/actor";
import type { Database, DatabaseKind } from "../db/client.server";
import type { Env } from "../env.server";
import type { Logger } from "../logging";

/** What the HTTP shell hands every loader and action. */
export type AppContext = {
  db: Database;
  dbKind: DatabaseKind;
  env: Env;
  /** HMAC key for CSRF tokens and demo tokens; from SESSION_SECRET or generated once per installation. */
  secret: string;
  actor: Actor | null;
  authVia: "session" | "token" | null;
  sessionToken: string | null;
  /** The value a form must post back as `_csrf`. */
  csrfToken: string;
  requestId: string;
  secureCookies: boolean;
  log: Logger;
  migrations: { applied: number; latest: string | null; upToDate: boolean };
};

declare module "react-router" {
  interface AppLoadContext extends AppContext {}
}
