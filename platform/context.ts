import type { Actor } from "./auth/actor";
import type { Database } from "./db/client.server";

/** What every use case gets from the shell: the database, who acts, and the request for the audit trail. */
export interface UseCaseContext {
  db: Database;
  actor: Actor;
  requestId?: string;
}
