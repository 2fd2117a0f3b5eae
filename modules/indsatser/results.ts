import type { FieldErrors } from "~/platform/validation";

/** What every use case of the module can answer besides success. */
export type Failure<Current = never> =
  | { ok: false; reason: "NOT_FOUND" }
  /** The case has no forløb (not granted): there is nothing to record interventions or periods against. */
  | { ok: false; reason: "NO_FORLOEB" }
  | { ok: false; reason: "INVALID"; errors: FieldErrors }
  /** Someone saved after the user opened the form: nothing is written; `current` is what is saved now. */
  | { ok: false; reason: "CONFLICT"; current: Current | null };

export const NOT_FOUND = { ok: false, reason: "NOT_FOUND" } as const;
export const NO_FORLOEB = { ok: false, reason: "NO_FORLOEB" } as const;
export function invalid(errors: FieldErrors) {
  return { ok: false as const, reason: "INVALID" as const, errors };
}
export function conflict<T>(current: T | null) {
  return { ok: false as const, reason: "CONFLICT" as const, current };
}

/** The Danish text for a failure without field errors (for pages and the API). */
export const FAILURE_TEXT = {
  NOT_FOUND: "Sagen eller registreringen findes ikke",
  NO_FORLOEB:
    "Sagen har ikke et bevilget ressourceforløb. Indsatser, mentorbevillinger og perioder registreres, når forløbet er bevilget.",
  CONFLICT:
    "Ændringen er ikke gemt: en anden har gemt en ændring, efter du åbnede siden. Dine indtastninger står stadig i formularen; se den gemte udgave og gem igen, hvis dine skal gælde.",
} as const;
