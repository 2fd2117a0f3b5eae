import { today } from "~/platform/clock";
import type { Queryable } from "~/platform/db/client.server";
import { computeDeadlines } from "./deadlines";
import { loadDeadlineFacts, storeDeadlines } from "./frister.db.server";

/**
 * Recomputes a case's deadlines from its facts. Call it inside the transaction of any change that can move one,
 * so the deadlines a caseworker sees are never out of step with the case.
 */
export async function recomputeDeadlines(tx: Queryable, caseId: string, asOf: string = today()): Promise<void> {
  const loaded = await loadDeadlineFacts(tx, caseId, asOf);
  if (!loaded) return;
  await storeDeadlines(tx, caseId, loaded.municipalityId, loaded.coordinatorUserId, computeDeadlines(loaded.facts));
}
