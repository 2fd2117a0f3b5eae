import { z } from "zod";
import { addDays, formatDate, isValidDate, parseDate } from "~/legislation";

export const UNIT_KINDS = {
  jobcenter: "Jobcentret",
  social: "Socialforvaltningen",
  health: "Sundhedsområdet",
  other: "Anden enhed",
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;

export const JOBFORMIDLER_ANSWERS = {
  undecided: "Borgeren har ikke svaret endnu",
  wants: "Borgeren ønsker en personlig jobformidler",
  declines: "Borgeren ønsker ikke en personlig jobformidler",
} as const;

const date = (msg: string) =>
  z
    .string()
    .trim()
    .refine((v) => isValidDate(v), msg);
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || isValidDate(v), "Skriv en gyldig dato (ÅÅÅÅ-MM-DD)");
const optionalText = z
  .string()
  .trim()
  .max(2000, "Teksten er for lang")
  .optional()
  .transform((v) => v || null);

/** P-6: a new koordinerende sagsbehandler, with the unit, and whether the citizen was involved first. */
export const CoordinatorInput = z
  .object({
    userId: z.string().uuid("Vælg den nye koordinerende sagsbehandler"),
    unit: z.string().trim().min(1, "Skriv enheden").max(200),
    unitKind: z.enum(Object.keys(UNIT_KINDS) as [UnitKind, ...UnitKind[]], { message: "Vælg enhedens type" }),
    fromDate: date("Skriv fra hvilken dato (ÅÅÅÅ-MM-DD)"),
    citizenConsulted: z.boolean().default(false),
    reason: z.string().trim().min(1, "Begrund skiftet").max(2000),
  })
  .refine((v) => v.citizenConsulted || v.reason.length >= 20, {
    path: ["citizenConsulted"],
    message: "Borgeren bør inddrages før et skifte (002 §5.1). Er det ikke sket, så forklar hvorfor i begrundelsen",
  });

/** P-7: the offer of a personlig jobformidler and the citizen's answer. */
export const JobformidlerInput = z
  .object({
    version: z.coerce.number().int().min(1).optional(),
    informedOn: optionalDate,
    answer: z.enum(["undecided", "wants", "declines"], { message: "Vælg borgerens svar" }),
    answeredOn: optionalDate,
    name: optionalText,
    phone: optionalText,
    email: optionalText,
    tasks: optionalText,
    agreements: optionalText,
    isMentor: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.answer !== "undecided" && !v.informedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["informedOn"],
        message: "Skriv hvornår borgeren blev vejledt om retten (P-7)",
      });
    }
    if (v.answer !== "undecided" && !v.answeredOn) {
      ctx.addIssue({ code: "custom", path: ["answeredOn"], message: "Skriv hvornår borgeren svarede" });
    }
    if (v.answer === "wants" && !v.name) {
      ctx.addIssue({ code: "custom", path: ["name"], message: "Skriv jobformidlerens navn, når borgeren ønsker en" });
    }
  });

/** P-7: the jobformidler is never the koordinerende sagsbehandler (002 §5.9). */
export function jobformidlerIsCoordinator(
  jobformidler: { name: string | null; email: string | null },
  coordinator: { name: string; email: string | null } | null,
): boolean {
  if (!coordinator || !jobformidler.name) return false;
  const same = (a: string | null, b: string | null) =>
    Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());
  return same(jobformidler.name, coordinator.name) || same(jobformidler.email, coordinator.email);
}

/** P-5: the coordinator meets the citizen at the latest one week after the team meeting (002 §5.2). */
export function firstMeetingDeadline(teamMeetingDate: string): string {
  return formatDate(addDays(parseDate(teamMeetingDate), 7));
}
