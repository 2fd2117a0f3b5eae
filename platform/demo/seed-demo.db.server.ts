import { eq } from "drizzle-orm";
import { syntheticCpr } from "~/legislation/cpr";
import { recordAudit } from "../audit/audit.db.server";
import { hmac, sha256 } from "../auth/tokens";
import type { Database } from "../db/client.server";
import { apiTokens, citizens, municipalities, networkPersons, users, type Role } from "../db/schema";
import { pick, seededRandom, weighted } from "../random";
import { today } from "../clock";
import { seedDemoHistory } from "./national/demo-history.db.server";
import { seedDemoCases } from "./seed-demo-cases.db.server";
import { seedRunningForloeb } from "./seed-demo-running.db.server";
import { FEMALE_NAMES, FICTIONAL_SURNAMES, MALE_NAMES, NETWORK_RELATIONS, STREETS } from "./demo-names";

export const DEMO_MUNICIPALITIES = [
  { code: "999", name: "Demo Kommune", city: "Demoby", postalCode: "9990", citizens: 50, population: 80 },
  { code: "998", name: "Naboby Kommune", city: "Naboby", postalCode: "9980", citizens: 6, population: 40 },
] as const;

/** Readable, stable ids, so tests and docs can point at a demo citizen: 99900000-0000-4000-8000-000000000001. */
export function demoCitizenId(code: string, index: number): string {
  return `${code}00000-0000-4000-8000-${index.toString(16).padStart(12, "0")}`;
}

const DEMO_USERS: { code: string; role: Role; name: string; unit: string | null; citizenIndex?: number }[] = [
  { code: "999", role: "caseworker", name: "Karen Koordinator", unit: "Jobcenter Demo, Ressourceforløb" },
  { code: "999", role: "caseworker", name: "Kim Kollega", unit: "Jobcenter Demo, Ressourceforløb" },
  { code: "999", role: "leader", name: "Lene Leder", unit: "Jobcenter Demo" },
  { code: "999", role: "rehabteam", name: "Rasmus Rehab", unit: "Rehabiliteringsteamet, Demo Kommune" },
  { code: "999", role: "analyst", name: "Anja Analyse", unit: "Økonomi og analyse" },
  { code: "999", role: "admin", name: "Adam Admin", unit: "IT og digitalisering" },
  { code: "999", role: "citizen", name: "", unit: null, citizenIndex: 1 },
  { code: "998", role: "caseworker", name: "Nikolaj Nabo", unit: "Jobcenter Naboby" },
];

export interface DemoInfo {
  municipality: string;
  apiToken: string;
  users: { role: Role; name: string; municipality: string }[];
}

const BENEFITS = [
  ["sygedagpenge", 46],
  ["kontanthjaelp", 25],
  ["ledighedsydelse", 11],
  ["uddannelseshjaelp", 6],
  ["jobafklaring", 5],
  ["tidligereRessourceforloeb", 4],
  ["andet", 3],
] as const;

/** The demo token is derived from the installation secret, so it is the same at every start and can be printed. */
export function demoApiToken(secret: string): string {
  return `rf_demo_${hmac(secret, "demo-api-token").slice(0, 43)}`;
}

/** Idempotent: creates the demo municipalities, people and citizens once, and makes sure the demo token exists. */
export async function seedDemo(db: Database, secret: string): Promise<DemoInfo> {
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(municipalities).where(eq(municipalities.code, "999"));
    if (existing) return;
    const rand = seededRandom(20260201);
    const byCode = new Map<string, string>();
    const citizenNames = new Map<string, string>();
    for (const m of DEMO_MUNICIPALITIES) {
      const [row] = await tx.insert(municipalities).values({ code: m.code, name: m.name }).returning();
      byCode.set(m.code, row!.id);
      const usedCprs = new Set<string>();
      for (let i = 1; i <= m.citizens; i++) {
        const female = rand() < 0.56;
        // More people over 40 than under, as in seed 000.
        const birthYear = 1962 + Math.floor(Math.pow(rand(), 1.3) * 42);
        const opts = {
          birthFrom: `${birthYear}-01-01`,
          birthTo: `${birthYear}-12-31`,
          sex: female ? "female" : "male",
        } as const;
        let generated = syntheticCpr(rand, opts);
        while (usedCprs.has(generated.cpr)) generated = syntheticCpr(rand, opts);
        usedCprs.add(generated.cpr);
        const cpr = { cpr: generated.cpr.replace("-", ""), birthDate: generated.birthDate, sex: female ? "K" : "M" };
        const first = pick(rand, female ? FEMALE_NAMES : MALE_NAMES);
        const name = `${first} ${pick(rand, FICTIONAL_SURNAMES)}`;
        const id = demoCitizenId(m.code, i);
        citizenNames.set(id, name);
        await tx.insert(citizens).values({
          id,
          municipalityId: row!.id,
          cpr: cpr.cpr,
          birthDate: cpr.birthDate,
          sex: cpr.sex,
          name,
          address: `${pick(rand, STREETS)} ${1 + Math.floor(rand() * 120)}`,
          postalCode: m.postalCode,
          city: m.city,
          phone: rand() < 0.9 ? `2${String(Math.floor(rand() * 1e7)).padStart(7, "0")}` : null,
          email: rand() < 0.6 ? `${first.toLowerCase()}.${i}@eksempel.dk` : null,
          previousBenefit: weighted(rand, BENEFITS),
        });
        const networkSize = Math.floor(rand() * 3);
        for (let n = 0; n < networkSize; n++) {
          const rel = pick(rand, NETWORK_RELATIONS);
          await tx.insert(networkPersons).values({
            citizenId: id,
            position: n,
            name: `${pick(rand, rand() < 0.5 ? FEMALE_NAMES : MALE_NAMES)} ${pick(rand, FICTIONAL_SURNAMES)}`,
            relation: rel,
            phone: rand() < 0.7 ? `4${String(Math.floor(rand() * 1e7)).padStart(7, "0")}` : null,
          });
        }
      }
    }
    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const citizenId = u.citizenIndex ? demoCitizenId(u.code, u.citizenIndex) : null;
      const [inserted] = await tx
        .insert(users)
        .values({
          municipalityId: byCode.get(u.code)!,
          role: u.role,
          name: citizenId ? citizenNames.get(citizenId)! : u.name,
          unit: u.unit,
          email: u.role === "citizen" ? null : `${u.name.split(" ")[0]!.toLowerCase()}@demo.dk`,
          citizenId,
          isDemo: true,
        })
        .returning({ id: users.id });
      userIds.set(u.name, inserted!.id);
    }
    const karen = DEMO_USERS[0]!;
    await seedDemoCases(tx, {
      municipalityId: byCode.get("999")!,
      caseworkerId: userIds.get(karen.name)!,
      caseworkerUnit: karen.unit!,
      citizenId: (i) => demoCitizenId("999", i),
    });
    await seedRunningForloeb(tx, {
      municipalityId: byCode.get("999")!,
      caseworkerId: userIds.get(karen.name)!,
      otherCaseworkerId: userIds.get("Kim Kollega")!,
      caseworkerUnit: karen.unit!,
      citizenId: (i) => demoCitizenId("999", i),
    });
    // Statistics need history: generated citizens and cases since 2013 (issue 6), after the hand-made ones.
    await seedDemoHistory(
      tx,
      DEMO_MUNICIPALITIES.map((m) => ({ ...m, municipalityId: byCode.get(m.code)! })),
      today(),
    );
    await recordAudit(
      tx,
      { actor: { type: "system", name: "Demo-data" } },
      {
        action: "demo.seed",
        municipalityId: byCode.get("999"),
      },
    );
  });

  const [demoMunicipality] = await db.select().from(municipalities).where(eq(municipalities.code, "999"));
  const token = demoApiToken(secret);
  await db
    .insert(apiTokens)
    .values({
      municipalityId: demoMunicipality!.id,
      role: "caseworker",
      name: "Demo-integration",
      tokenHash: sha256(token),
      tokenPrefix: "demo",
    })
    .onConflictDoNothing();
  const demoUsers = await db
    .select({ role: users.role, name: users.name, municipality: municipalities.name })
    .from(users)
    .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(eq(users.isDemo, true));
  return { municipality: demoMunicipality!.name, apiToken: token, users: demoUsers };
}
