/**
 * The national data generator (issue 6): a deterministic, synthetic history of ressourceforløb for Denmark's
 * municipalities, written by server-side SQL into the configured database.
 *
 *   npm run seed:national -- --municipalities 98 --citizens 30000 --from 2013-01 --to 2026-10 --seed 1
 *   npx tsx cli/seed-national.ts --codes 657,430 --citizens 800       (a few municipalities)
 *   npx tsx cli/seed-national.ts --clean                               (remove the national data again)
 *
 * DATABASE_URL selects PostgreSQL; without it the embedded PGlite in $DATA_DIR/pglite is used, and the generator
 * refuses to run while another process (the app) has that directory open.
 */
import { readdirSync, readlinkSync } from "node:fs";
import path from "node:path";
import { generateNational, removeNationalSeed } from "./national/generate";
import { parseArgs } from "./national/options";
import { today } from "~/platform/clock";
import { openDatabase } from "~/platform/db/client.server";
import { migrateDatabase } from "~/platform/db/migrate.server";

/** Other processes with files open under `dir` (PGlite keeps its relation files open while the app runs). */
export function processesUsing(dir: string): number[] {
  const target = path.resolve(dir) + path.sep;
  const found: number[] = [];
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid);
  } catch {
    return found;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if ((readlinkSync(`/proc/${pid}/fd/${fd}`) + path.sep).startsWith(target)) {
          found.push(Number(pid));
          break;
        }
      } catch {
        /* the descriptor closed meanwhile */
      }
    }
  }
  return found;
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2), today().slice(0, 7));
  if (!parsed.ok && parsed.help) {
    console.log(parsed.error);
    return 0;
  }
  if (!parsed.ok) {
    console.error(parsed.error);
    return 2;
  }
  const url = process.env.DATABASE_URL?.trim() || undefined;
  const dataDir = `${process.env.DATA_DIR ?? "./data"}/pglite`;
  if (!url) {
    const users = processesUsing(dataDir);
    if (users.length > 0) {
      console.error(
        `PGlite-mappen ${path.resolve(dataDir)} er åben i en anden proces (pid ${users.join(", ")}), sandsynligvis appen. ` +
          "Stop den først: to processer må aldrig åbne samme datamappe.",
      );
      return 1;
    }
  }
  console.log(`Database: ${url ? "PostgreSQL (DATABASE_URL)" : `PGlite i ${path.resolve(dataDir)}`}`);
  const handle = await openDatabase({ url, dataDir });
  try {
    await migrateDatabase(handle);
    if (parsed.clean) {
      if (!(await removeNationalSeed(handle.db, (l) => console.log(l))))
        console.log("Der er intet nationalt datasæt at fjerne.");
      return 0;
    }
    const result = await generateNational(handle.db, parsed.options, {
      replace: parsed.replace,
      progress: (line) => console.log(line),
      deadlineConcurrency: handle.kind === "postgres" ? 8 : 1,
    });
    console.log(`Rækker (genererede kommuner, pr. ${result.asOf}):`);
    for (const [table, n] of Object.entries(result.counts))
      console.log(`  ${table.padEnd(22)} ${n.toLocaleString("da-DK")}`);
    return 0;
  } catch (error) {
    // drizzle wraps a database error as "Failed query: <sql>"; the cause says what went wrong.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
    console.error(cause ? `Databasefejl: ${cause}` : error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error("Fejl:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
