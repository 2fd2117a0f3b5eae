import type { Queryable } from "../../db/client.server";
import { writeHistory, type HistoryMunicipality } from "./history.db.server";

/**
 * Real municipalities in the demo's generated history, so the statistics pages have something to compare with: the
 * seeds' own (Herning 000, Halsnæs 001, Faaborg-Midtfyn 004) and a few of similar size. Names and approximate
 * inhabitants (thousands) as in modules/statistik/municipalities.ts (a test keeps them equal).
 */
export const DEMO_HISTORY_MUNICIPALITIES: readonly Omit<HistoryMunicipality, "id">[] = [
  { code: "260", name: "Halsnæs Kommune", population: 31 },
  { code: "330", name: "Slagelse Kommune", population: 80 },
  { code: "430", name: "Faaborg-Midtfyn Kommune", population: 52 },
  { code: "561", name: "Esbjerg Kommune", population: 116 },
  { code: "615", name: "Horsens Kommune", population: 100 },
  { code: "657", name: "Herning Kommune", population: 90 },
  { code: "727", name: "Odder Kommune", population: 24 },
  { code: "813", name: "Frederikshavn Kommune", population: 58 },
];

/** Citizens in the demo's generated history (all municipalities together): enough for the figures, fast to seed. */
export const DEMO_HISTORY_CITIZENS = 2500;

/**
 * Adds a generated history (2013 to the demo day) to the demo: Demo Kommune and Naboby get generated citizens and
 * cases next to the hand-made ones, coordinated by generated caseworkers (never the demo users), and the real
 * municipalities above are created. Deadlines of the open cases come from the server's recompute at start.
 */
export async function seedDemoHistory(
  tx: Queryable,
  demo: { municipalityId: string; code: string; name: string; city: string; population: number }[],
  asOf: string,
): Promise<void> {
  await writeHistory(tx, {
    seed: 2026,
    municipalities: [
      ...demo.map((m) => ({ code: m.code, name: m.name, population: m.population, city: m.city, id: m.municipalityId })),
      ...DEMO_HISTORY_MUNICIPALITIES,
    ],
    citizens: DEMO_HISTORY_CITIZENS,
    from: "2013-01",
    to: asOf.slice(0, 7),
    asOf,
  });
}
