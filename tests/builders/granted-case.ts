import { eq } from "drizzle-orm";
import type { Actor } from "~/platform/auth/actor";
import type { Database } from "~/platform/db/client.server";
import { caseCoordinators, cases, citizens, forloeb, municipalities, users } from "~/platform/db/schema";
import type { CaseStatus } from "~/modules/cases";
import { addDaysIso, addMonthsIso } from "~/legislation";

let counter = 0;

export interface GrantedCase {
  caseId: string;
  citizenId: string;
  citizenName: string;
  /** The coordinating caseworker of the case (P-6). */
  caseworker: Actor;
  /** The citizen's own login (role citizen), for Min Plan. */
  citizen: Actor;
  forloeb: { startDate: string; plannedEnd: string } | null;
}

/**
 * A case written straight into the tables, for tests of what comes after the grant: a citizen, a case in the given
 * status (granted by default) with its forløb, the coordinating caseworker, and the citizen's login.
 */
export async function aGrantedCase(
  db: Database,
  municipalityId: string,
  options: { status?: CaseStatus; start?: string; months?: number; citizenName?: string; caseworker?: Actor } = {},
): Promise<GrantedCase> {
  counter += 1;
  const status = options.status ?? "granted";
  const start = options.start ?? "2025-09-01";
  const months = options.months ?? 24;
  const [m] = await db.select().from(municipalities).where(eq(municipalities.id, municipalityId));
  if (!m) throw new Error("no such municipality");
  const name = options.citizenName ?? `Borger ${counter}`;
  const citizenId = await insertCitizen(db, municipalityId, name);
  const caseworker =
    options.caseworker ??
    (await user(db, m, "caseworker", `Sagsbehandler ${counter}`, null, `sb${counter}@kommune.example`));
  const citizen = await user(db, m, "citizen", name, citizenId, null);

  const [k] = await db
    .insert(cases)
    .values({ municipalityId, citizenId, status, origin: "municipality", openedOn: addDaysIso(start, -90) })
    .returning({ id: cases.id });
  const caseId = k!.id;
  await db.insert(caseCoordinators).values({
    caseId,
    userId: caseworker.id,
    unit: "Jobcenter Demoby, Ressourceforløb",
    unitKind: "jobcenter",
    fromDate: addDaysIso(start, -90),
    reason: "Sagsbehandleren, der åbnede sagen",
  });
  let f: GrantedCase["forloeb"] = null;
  if (status === "granted" || status === "ended") {
    f = { startDate: start, plannedEnd: addDaysIso(addMonthsIso(start, months), -1) };
    await db.insert(forloeb).values({
      caseId,
      municipalityId,
      citizenId,
      startDate: f.startDate,
      plannedEnd: f.plannedEnd,
      decidedOn: addDaysIso(start, -14),
    });
  }
  return { caseId, citizenId, citizenName: name, caseworker, citizen, forloeb: f };
}

/** A citizen with a login (role citizen) and no case at all. */
export async function aCitizenWithoutCase(db: Database, municipalityId: string, name = "Carl Uden Sag") {
  counter += 1;
  const [m] = await db.select().from(municipalities).where(eq(municipalities.id, municipalityId));
  if (!m) throw new Error("no such municipality");
  const citizenId = await insertCitizen(db, municipalityId, name);
  return { citizenId, citizen: await user(db, m, "citizen", name, citizenId, null) };
}

async function insertCitizen(db: Database, municipalityId: string, name: string): Promise<string> {
  const [c] = await db
    .insert(citizens)
    .values({
      municipalityId,
      // Synthetic: day 15, month 03, year 85, a running serial; never a real person's number.
      cpr: `150385${String(1000 + counter).slice(-4)}`,
      birthDate: "1985-03-15",
      sex: counter % 2 ? "K" : "M",
      name,
      address: `Prøvevej ${counter}`,
      postalCode: "9990",
      city: "Demoby",
      previousBenefit: "sygedagpenge",
    })
    .returning({ id: citizens.id });
  return c!.id;
}

async function user(
  db: Database,
  m: typeof municipalities.$inferSelect,
  role: Actor["role"],
  name: string,
  citizenId: string | null,
  email: string | null,
): Promise<Actor> {
  const [u] = await db.insert(users).values({ municipalityId: m.id, role, name, citizenId, email }).returning();
  return {
    type: "user",
    id: u!.id,
    name,
    role,
    municipalityId: m.id,
    municipalityCode: m.code,
    municipalityName: m.name,
    citizenId,
    unit: role === "caseworker" ? "Jobcenter Demoby" : null,
  };
}
