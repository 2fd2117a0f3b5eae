import { z } from "zod";
import { isValidDate, REFUSAL_GROUNDS } from "~/legislation";
import { AGENDA_PURPOSES, INTERVENTION_AREAS, RECOMMENDATIONS } from "~/modules/rehabiliteringsteam";

/**
 * The three afgørelser a caseworker makes about ressourceforløb (P-4, TG-7, TG-9). Every one of them is a decision
 * the citizen can appeal, so every one of them gets a letter with klagevejledning (A-1, 002 §4.6, 64-11).
 */
export const DECISION_KINDS = {
  grant: "Bevilling af ressourceforløb",
  refusal: "Afslag på ressourceforløb",
  notConsidered: "Afvisning af at behandle sagen om ressourceforløb",
} as const;
export type DecisionKind = keyof typeof DECISION_KINDS;
export const DECISION_KIND_KEYS = Object.keys(DECISION_KINDS) as DecisionKind[];

export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/** TG-7: refusal grounds as the caseworker sees them, each with the rule it rests on. */
export const REFUSAL_GROUND_LABELS: Record<RefusalGround, string> = {
  notInTargetGroup: "Borgeren er ikke i målgruppen (TG-1, TG-2; LAB § 112)",
  ordinaryEffortNotExhausted: "Mulighederne i den ordinære indsats er ikke udtømte (TG-3)",
  noDevelopmentPerspective: "Der er ikke et udviklingsperspektiv (TG-4; Ankestyrelsen 58-18)",
  obviouslyEntitledToFoertidspension: "Borgeren er åbenbart berettiget til førtidspension (TG-5)",
  obviouslyFutile: "Det er åbenbart formålsløst at udvikle arbejdsevnen (TG-5)",
  seniorRuleNoWish: "Under 6 år til folkepensionsalderen, og borgeren ønsker ikke forløbet (TG-6)",
  noNeedForCoordinatingCaseworker: "Ikke behov for en koordinerende sagsbehandler (aldrig en gyldig grund, TG-7)",
  other: "Anden grund (skriv den i begrundelsen)",
};

/** The grounds offered in the form: TG-7's invalid ground is not offered, only explained (Ankestyrelsen 1-15). */
export const OFFERED_REFUSAL_GROUNDS = REFUSAL_GROUNDS.filter((g) => g !== "noNeedForCoordinatingCaseworker");

/** The same grounds in the letter, addressed to the citizen. */
export const REFUSAL_GROUND_LETTER_TEXT: Record<RefusalGround, string> = {
  notInTargetGroup:
    "Du er ikke i målgruppen for ressourceforløb. Det kræver komplekse problemer ud over ledighed, som kræver en sammenhængende indsats på tværs af beskæftigelse, det sociale område og sundhedsområdet.",
  ordinaryEffortNotExhausted:
    "Mulighederne i den almindelige beskæftigelsesindsats er ikke udtømte. Der er indsatser, som kan bringe dig tættere på job eller uddannelse uden et ressourceforløb.",
  noDevelopmentPerspective:
    "Vi kan ikke pege på indsatser, hvor der er en realistisk forventning om, at du kan udvikle din arbejdsevne i et ressourceforløb.",
  obviouslyEntitledToFoertidspension: "Det er åbenbart, at du er berettiget til førtidspension.",
  obviouslyFutile:
    "Det er åbenbart formålsløst at forsøge at udvikle din arbejdsevne i et ressourceforløb på grund af svær sygdom eller betydelig funktionsnedsættelse.",
  seniorRuleNoWish: "Der er mindre end 6 år til din folkepensionsalder, og du har ikke selv ønsket et ressourceforløb.",
  noNeedForCoordinatingCaseworker: "",
  other: "Se begrundelsen.",
};

/** P-2: the team's recommendation, labelled as the rehabiliteringsteam module labels it. */
export const RECOMMENDATION_LABELS: Record<string, string> = { ...RECOMMENDATIONS };

export function recommendationLabel(key: string, otherText?: string | null): string {
  if (key === "andet" && otherText) return `Andet: ${otherText}`;
  return RECOMMENDATION_LABELS[key] ?? key;
}

/** The agenda item the indstilling was given under; "returnBeforeDecision" is the P-3 revisit. */
export const AGENDA_PURPOSE_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(AGENDA_PURPOSES).map(([k, v]) => [k, v.label]),
);

export function agendaPurposeLabel(key: string | null): string {
  return key ? (AGENDA_PURPOSE_LABELS[key] ?? key) : "–";
}

/** The team's latest indstilling on the case, with the purpose of the agenda item it was given under. */
export interface IndstillingView {
  id: string;
  recommendation: string;
  /** The description when the recommendation is "andet". */
  otherText: string | null;
  recommendedMonths: number | null;
  reasons: string;
  interventions: Record<string, string[]>;
  seeAgain: boolean;
  seeAgainNote: string | null;
  meetingId: string;
  meetingDate: string | null;
  recordedAt: Date;
  purpose: string | null;
}

export const INTERVENTION_AREA_LABELS: Record<string, string> = { ...INTERVENTION_AREAS };

const optionalText = (max: number, message: string) => z.string().trim().max(max, message).optional();
const optionalDate = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine((v) => v === "" || isValidDate(v), message)
    .optional()
    .transform((v) => (v ? v : undefined));

/**
 * What a caseworker (or an API client) sends to make a decision. `version` is the case version the decision
 * builds on (optimistic locking). The rules (durations, TG-6, TG-10, P-3, P-6) are checked after this.
 */
export const DecisionInput = z
  .object({
    version: z
      .number({ error: "Send den version af sagen, afgørelsen bygger på" })
      .int()
      .min(1, "Send den version af sagen, afgørelsen bygger på"),
    kind: z.enum(DECISION_KIND_KEYS as [DecisionKind, ...DecisionKind[]], {
      error: "Vælg, hvilken afgørelse du træffer",
    }),
    startDate: optionalDate("Skriv en gyldig startdato (ÅÅÅÅ-MM-DD)").describe(
      "Bevilling: forløbets første dag (ÅÅÅÅ-MM-DD)",
    ),
    endDate: optionalDate("Skriv en gyldig slutdato (ÅÅÅÅ-MM-DD)").describe(
      "Bevilling: forløbets sidste dag (ÅÅÅÅ-MM-DD), eller send months",
    ),
    months: z
      .number({ error: "Skriv varigheden som et helt antal måneder" })
      .int("Skriv varigheden som et helt antal måneder")
      .min(1, "Varigheden skal være mindst 1 måned")
      .max(120, "Varigheden kan højst være 120 måneder")
      .optional()
      .describe("Bevilling: varighed i måneder; slutdato = start + N måneder − 1 dag"),
    reasons: z
      .string({ error: "Skriv begrundelsen for afgørelsen" })
      .trim()
      .min(1, "Skriv begrundelsen for afgørelsen")
      .max(20_000, "Begrundelsen er for lang"),
    grounds: z
      .array(z.enum(REFUSAL_GROUNDS, { error: "Ukendt afslagsgrund" }))
      .optional()
      .describe("Afslag: afslagsgrunde (TG-7)"),
    answerToApplication: optionalText(10_000, "Teksten er for lang").describe(
      "Når borgeren har søgt: hvordan afgørelsen forholder sig til ansøgningen (TG-9)",
    ),
    allFormsOfHelpAssessed: z
      .boolean()
      .optional()
      .describe("Borgerens samlede situation er vurderet i forhold til alle former for hjælp (TG-9, 83-15)"),
    citizenWished: z.boolean().optional().describe("Borgeren ønsker selv forløbet (TG-6, D-1, D-2)"),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "grant") {
      if (!v.startDate) ctx.addIssue({ code: "custom", path: ["startDate"], message: "Skriv forløbets startdato" });
      if (v.months === undefined && !v.endDate) {
        ctx.addIssue({
          code: "custom",
          path: ["months"],
          message: "Angiv varigheden: enten antal måneder eller en slutdato (P-4)",
        });
      }
    }
    if (v.kind === "refusal" && (v.grounds ?? []).length === 0) {
      ctx.addIssue({ code: "custom", path: ["grounds"], message: "Vælg mindst én afslagsgrund (TG-7)" });
    }
  });
export type DecisionInput = z.infer<typeof DecisionInput>;

/**
 * Form posts are strings; the API sends JSON. Both are brought to the same shape before validation, so the
 * messages are the same: "24" becomes 24, an empty field becomes absent, a checked box becomes true.
 */
export function normalizeDecisionRaw(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const o = { ...(raw as Record<string, unknown>) };
  for (const k of ["startDate", "endDate", "answerToApplication", "months", "version"]) {
    if (o[k] === "" || o[k] === null) delete o[k];
  }
  // Dates typed the Danish way (01.02.2026) where the browser has no date picker.
  for (const k of ["startDate", "endDate"]) {
    const m = typeof o[k] === "string" ? /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(o[k] as string) : null;
    if (m) o[k] = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  }
  for (const k of ["months", "version"]) {
    if (typeof o[k] === "string" && /^\s*\d+\s*$/.test(o[k] as string)) o[k] = Number(o[k]);
  }
  for (const k of ["allFormsOfHelpAssessed", "citizenWished"]) {
    if (o[k] === "true" || o[k] === "on") o[k] = true;
    else if (o[k] === "false" || o[k] === "" || o[k] === null) o[k] = false;
  }
  return o;
}

/** A stored afgørelse as pages and the API show it. */
export interface DecisionView {
  id: string;
  caseId: string;
  kind: DecisionKind;
  decidedOn: string;
  startDate: string | null;
  endDate: string | null;
  months: number | null;
  reasons: string;
  grounds: RefusalGround[];
  answerToApplication: string | null;
  deviatesFromIndstilling: boolean;
  citizenWished: boolean;
  indstillingId: string | null;
  decidedBy: { id: string | null; name: string | null };
  letter: { id: string; status: string | null; sentAt: Date | null; attempts: number | null } | null;
  explanation: unknown;
  createdAt: Date;
}

export const OUTBOX_STATUS_LABELS: Record<string, string> = {
  pending: "Venter på afsendelse",
  sent: "Sendt",
  failed: "Afsendelsen mislykkedes – kontakt support",
};
