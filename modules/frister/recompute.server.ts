import { today } from "~/platform/clock";
import type { Queryable } from "~/platform/db/client.server";
import { computeDeadlines } from "./deadlines";
import { activeCaseIds, endedCasesWithoutDeadlines, loadDeadlineFacts, storeDeadlines } from "./frister.db.server";
import type { Database } from "~/platform/db/client.server";

/**
 * Recomputes a case's deadlines from its facts. Call it inside the transaction of any change that can move one,
 * so the deadlines a caseworker sees are never out of step with the case.
 */
export async function recomputeDeadlines(tx: Queryable, caseId: string, asOf: string = today()): Promise<void> {
  const loaded = await loadDeadlineFacts(tx, caseId, asOf);
  if (!loaded) return;
  await storeDeadlines(tx, caseId, loaded.municipalityId, loaded.coordinatorUserId, computeDeadlines(loaded.facts));
}

/**
 * Recomputes every active case, one transaction each: statuses that depend on today (a forløb passing its end,
 * the next conversation after six months) appear without anyone touching the case. Run at start and daily.
 */
export async function recomputeAllDeadlines(db: Database, asOf: string = today()): Promise<number> {
  const ids = await activeCaseIds(db);
  for (const caseId of ids) {
    await db.transaction((tx) => recomputeDeadlines(tx, caseId, asOf));
    await nextTick();
  }
  return ids.length;
}

/**
 * Ended forløb that have no deadlines yet (generated or imported history) get them once, as of their end, the way
 * the ending transaction would have stored them; ST-5 reads every forløb's indsatsgaranti.
 */
export async function backfillEndedDeadlines(db: Database, asOf: string = today()): Promise<number> {
  const ended = await endedCasesWithoutDeadlines(db);
  for (const c of ended) {
    await db.transaction((tx) => recomputeDeadlines(tx, c.id, c.endedOn < asOf ? c.endedOn : asOf));
    await nextTick();
  }
  return ended.length;
}

/** Lets waiting requests in between cases: embedded PGlite runs on this thread, and promise chains alone never yield. */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
