import type { Actor, Role } from "./actor";

/** What each role may do. Checked in modules, not only in the UI. */
export const PERMISSIONS = {
  "citizen.read": ["caseworker", "leader"],
  "citizen.write": ["caseworker", "leader"],
  "case.read": ["caseworker", "leader"],
  "case.write": ["caseworker", "leader"],
  "team.manage": ["caseworker", "leader"],
  "team.view": ["rehabteam", "caseworker", "leader"],
  "decision.make": ["caseworker", "leader"],
  "plan.write": ["caseworker", "leader"],
  /** P-8: export a case with the CPR number to another municipality, and import one. */
  "case.move": ["caseworker", "leader"],
  "minplan.own": ["citizen"],
  "deadlines.lead": ["leader"],
  "audit.read": ["admin"],
  "token.manage": ["admin"],
  "rules.evaluate": ["caseworker", "leader", "rehabteam", "analyst", "admin"],
  "ydelse.rates": ["admin"],
  /** ST-1..ST-7: aggregates of the own municipality only, small cells hidden; caseworker for the demo API token. */
  "statistics.read": ["caseworker", "leader", "analyst", "admin"],
  /** ST-4: the municipality's targets. */
  "statistics.target": ["leader", "admin"],
  /** ST-6: population figures, entered or imported. */
  "population.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Pick<Actor, "role">, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export class ForbiddenError extends Error {
  constructor(public readonly permission: Permission) {
    super(`forbidden: ${permission}`);
  }
}

export function assertCan(actor: Pick<Actor, "role">, permission: Permission): void {
  if (!can(actor, permission)) throw new ForbiddenError(permission);
}
