import type { Role } from "../db/schema";

export type { Role };

/** Who is acting: a logged-in person or a service account (API token). */
export interface Actor {
  type: "user" | "token";
  id: string;
  name: string;
  role: Role;
  municipalityId: string;
  municipalityCode: string;
  municipalityName: string;
  /** Set only for the citizen role: the citizen this login belongs to. */
  citizenId: string | null;
  unit: string | null;
}

export const ROLE_LABELS: Record<Role, string> = {
  caseworker: "Sagsbehandler",
  leader: "Faglig leder",
  rehabteam: "Medlem af rehabiliteringsteamet",
  analyst: "Analytiker",
  admin: "Administrator",
  citizen: "Borger",
};
