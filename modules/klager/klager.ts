import { z } from "zod";
import {
  appealDeadline,
  catalogueEntry,
  citationText,
  genvurderingDeadline,
  isValidDate,
  parseDate,
  type Explanation,
} from "~/legislation";
import { isUuid } from "~/platform/validation";

/*
 * Appeals (rules.md A-1..A-3; LAB § 204; retssikkerhedsloven §§ 66-67 [verify]; skrivelse 10112 §4.6): an appeal of
 * an afgørelse or of an intervention is lodged through the municipality within 4 weeks of receiving the decision
 * the municipality re-assesses it within 4 weeks and, if the decision stands, forwards it to Ankestyrelsen
 * within the same 4 weeks; Ankestyrelsen's outcome is one of five. Pure: types, inputs and the dates.
 */

/** "A-1: Retssikkerhedsloven § 66 (…)" for the UI and messages. */
export function ruleBasis(ruleId: string): string {
  const entry = catalogueEntry(ruleId);
  if (!entry) return ruleId;
  return `${ruleId}: ${entry.citations.map((c) => citationText(c)).join("; ")}`;
}

/** the municipality's re-assessment (genvurdering). Unless the citizen gets full redress, the appeal goes on. */
export const REASSESSMENT_RESULTS = {
  upheld: { label: "Afgørelsen fastholdes – klagen sendes til Ankestyrelsen", forward: true },
  partlyChanged: { label: "Borgeren får delvis medhold – resten af klagen sendes til Ankestyrelsen", forward: true },
  changed: { label: "Borgeren får fuldt medhold – afgørelsen ændres, og klagen er afsluttet", forward: false },
} as const;
export type ReassessmentResult = keyof typeof REASSESSMENT_RESULTS;
export const REASSESSMENT_RESULT_KEYS = Object.keys(REASSESSMENT_RESULTS) as [
  ReassessmentResult,
  ...ReassessmentResult[],
];

/** Ankestyrelsen's outcome. */
export const APPEAL_OUTCOMES = {
  stadfaestet: "Stadfæstet – afgørelsen er rigtig",
  aendret: "Ændret – Ankestyrelsen har ændret afgørelsen",
  ophaevet: "Ophævet – afgørelsen er ugyldig",
  hjemvist: "Hjemvist – kommunen skal behandle sagen igen",
  afvist: "Afvist – Ankestyrelsen har ikke behandlet klagen",
} as const;
export type AppealOutcome = keyof typeof APPEAL_OUTCOMES;
export const APPEAL_OUTCOME_KEYS = Object.keys(APPEAL_OUTCOMES) as [AppealOutcome, ...AppealOutcome[]];

/** Labels of the decisions an appeal can be about (the afgørelser module's kinds, and E-4's ending). */
export const APPEALABLE_DECISION_LABELS: Record<string, string> = {
  grant: "Bevilling af ressourceforløb",
  refusal: "Afslag på ressourceforløb",
  notConsidered: "Afvisning af at behandle sagen",
  ending: "Ophør af ressourceforløb og ydelse (E-4)",
};

const DATE_MESSAGE = "Skriv en gyldig dato (ÅÅÅÅ-MM-DD)";
const requiredDate = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .refine((v) => isValidDate(v), DATE_MESSAGE);
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || isValidDate(v), DATE_MESSAGE);
const note = z
  .string()
  .trim()
  .max(5000, "Teksten er for lang")
  .optional()
  .transform((v) => (v ? v : null));
const version = z.coerce
  .number({ error: "Send den version af klagen, du bygger på" })
  .int()
  .min(1, "Send den version af klagen, du bygger på");

export const RegisterAppealInput = z
  .object({
    afgoerelseId: z.string().refine(isUuid, "Vælg afgørelsen").optional(),
    interventionRecordId: z.string().refine(isUuid, "Vælg indsatsen").optional(),
    receivedOn: requiredDate("Skriv datoen, klagen blev modtaget"),
    decisionReceivedOn: requiredDate("Skriv datoen, borgeren modtog afgørelsen"),
    note,
  })
  .superRefine(
    (v, ctx) => {
      if (!v || typeof v !== "object") return;
      if (Boolean(v.afgoerelseId) === Boolean(v.interventionRecordId)) {
        ctx.addIssue({
          code: "custom",
          path: ["target"],
          message: "Vælg, hvilken afgørelse eller indsats borgeren klager over",
        });
      }
      if (isValidDate(v.decisionReceivedOn) && isValidDate(v.receivedOn) && v.decisionReceivedOn > v.receivedOn) {
        ctx.addIssue({
          code: "custom",
          path: ["decisionReceivedOn"],
          message: "Borgeren kan ikke have modtaget afgørelsen efter at have klaget over den",
        });
      }
    },
    { when: () => true },
  );
export type RegisterAppealInput = z.infer<typeof RegisterAppealInput>;

export const ReassessInput = z
  .object({
    version,
    reassessedOn: requiredDate("Skriv datoen for genvurderingen"),
    result: z.enum(REASSESSMENT_RESULT_KEYS, { error: "Vælg resultatet af genvurderingen" }),
    forwardedOn: optionalDate,
    note,
  })
  .superRefine(
    (v, ctx) => {
      if (!v || typeof v.result !== "string" || !(v.result in REASSESSMENT_RESULTS)) return;
      const forward = REASSESSMENT_RESULTS[v.result].forward;
      if (forward && !v.forwardedOn) {
        ctx.addIssue({
          code: "custom",
          path: ["forwardedOn"],
          message: "Skriv datoen, klagen blev sendt til Ankestyrelsen (A-2)",
        });
      }
      if (!forward && v.forwardedOn) {
        ctx.addIssue({
          code: "custom",
          path: ["forwardedOn"],
          message: "Får borgeren fuldt medhold, sendes klagen ikke til Ankestyrelsen – lad feltet stå tomt",
        });
      }
      if (
        v.forwardedOn &&
        isValidDate(v.forwardedOn) &&
        isValidDate(v.reassessedOn) &&
        v.forwardedOn < v.reassessedOn
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["forwardedOn"],
          message: "Klagen kan ikke sendes videre før genvurderingen",
        });
      }
    },
    { when: () => true },
  );
export type ReassessInput = z.infer<typeof ReassessInput>;

export const OutcomeInput = z.object({
  version,
  outcome: z.enum(APPEAL_OUTCOME_KEYS, { error: "Vælg Ankestyrelsens afgørelse (A-3)" }),
  outcomeOn: requiredDate("Skriv datoen for Ankestyrelsens afgørelse"),
  note,
});
export type OutcomeInput = z.infer<typeof OutcomeInput>;

/** Form posts and JSON to one shape: "" absent, "3" a number, 01.02.2026 an ISO date, "afgoerelse:<id>" split. */
export function normalizeRaw(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const o: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const [k, v] of Object.entries(o)) {
    if (v === "" || v === null) delete o[k];
    else if (typeof v === "string") {
      const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(v);
      if (m) o[k] = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
    }
  }
  if (typeof o.version === "string" && /^\s*\d+\s*$/.test(o.version)) o.version = Number(o.version);
  if (typeof o.target === "string") {
    const [kind, id] = o.target.split(":");
    if (kind === "afgoerelse") o.afgoerelseId = id;
    if (kind === "intervention") o.interventionRecordId = id;
    delete o.target;
  }
  return o;
}

/** A stored appeal, as the pages and the API see it. */
export interface AppealRecord {
  id: string;
  caseId: string;
  afgoerelseId: string | null;
  interventionRecordId: string | null;
  subject: string;
  receivedOn: string;
  decisionReceivedOn: string | null;
  reassessedOn: string | null;
  reassessmentResult: string | null;
  forwardedOn: string | null;
  outcome: string | null;
  outcomeOn: string | null;
  note: string | null;
  version: number;
  createdAt: Date;
}

export type AppealStage = "registered" | "reassessed" | "forwarded" | "closed";

export const APPEAL_STAGE_LABELS: Record<AppealStage, string> = {
  registered: "Modtaget – afventer genvurdering",
  reassessed: "Genvurderet – borgeren har fået medhold",
  forwarded: "Sendt til Ankestyrelsen – afventer afgørelse",
  closed: "Afgjort af Ankestyrelsen",
};

export interface AppealTiming {
  stage: AppealStage;
  /** the last day to lodge the appeal, from the day the citizen received the decision. */
  lodgeDeadline: string | null;
  lodgedLate: boolean;
  /** the last day for the re-assessment and the forwarding. */
  reassessDeadline: string;
  reassessedLate: boolean;
  forwardedLate: boolean;
  explanations: Explanation[];
}

/** for one appeal: whether it was lodged in time, and the re-assessment deadline and whether it was kept. */
export function appealTiming(
  a: Pick<
    AppealRecord,
    "receivedOn" | "decisionReceivedOn" | "reassessedOn" | "reassessmentResult" | "forwardedOn" | "outcome"
  >,
): AppealTiming {
  const received = parseDate(a.receivedOn);
  const a2 = genvurderingDeadline({ appealReceivedOn: received }, received);
  const a1 = a.decisionReceivedOn
    ? appealDeadline({ decisionReceivedOn: parseDate(a.decisionReceivedOn) }, received)
    : null;
  const lodgeDeadline = a1?.value.deadline ?? null;
  const reassessDeadline = a2.value.deadline;
  const stage: AppealStage = a.outcome
    ? "closed"
    : a.forwardedOn
      ? "forwarded"
      : a.reassessedOn
        ? "reassessed"
        : "registered";
  return {
    stage,
    lodgeDeadline,
    lodgedLate: lodgeDeadline !== null && a.receivedOn > lodgeDeadline,
    reassessDeadline,
    reassessedLate: a.reassessedOn !== null && a.reassessedOn > reassessDeadline,
    forwardedLate: a.forwardedOn !== null && a.forwardedOn > reassessDeadline,
    explanations: [...(a1 ? [a1.explanation] : []), a2.explanation],
  };
}
