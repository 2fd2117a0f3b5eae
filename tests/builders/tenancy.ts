import type { Actor, Role } from "~/platform/auth/actor";
import type { Database } from "~/platform/db/client.server";
import { municipalities, users } from "~/platform/db/schema";

let counter = 0;

/** A municipality with one user per requested role, as actors ready for use cases. */
export async function aMunicipality(db: Database, name = "Testkommune") {
  counter += 1;
  // Each test file has its own database, so a running counter gives unique codes.
  const rows = await db
    .insert(municipalities)
    .values({ code: String(100 + counter), name })
    .returning();
  const municipality = rows[0]!;
  async function actor(role: Role, userName = `${role} i ${name}`): Promise<Actor> {
    const [u] = await db.insert(users).values({ municipalityId: municipality.id, role, name: userName }).returning();
    return {
      type: "user",
      id: u!.id,
      name: userName,
      role,
      municipalityId: municipality.id,
      municipalityCode: municipality.code,
      municipalityName: municipality.name,
      citizenId: null,
      unit: null,
    };
  }
  return { municipality, actor };
}

/** A valid citizen form; CPR 150385-1234 is synthetic (fails modulus 11, not 1 January). */
export function aCitizenInput(overrides: Record<string, unknown> = {}) {
  return {
    cpr: "150385-1234",
    name: "Ellen Eksempelsen",
    address: "Prøvevej 7",
    postalCode: "9990",
    city: "Demoby",
    phone: "12345678",
    email: "ellen@eksempel.dk",
    previousBenefit: "sygedagpenge",
    network: [{ name: "Erik Eksempelsen", relation: "aegtefaelle", phone: null }],
    ...overrides,
  };
}
