import { z } from "zod";
import {
  addDays,
  addMonths,
  catalogueEntry,
  citationText,
  E2DocumentedDevelopmentSchema,
  effectiveEnd,
  formatDate,
  forloebStatus,
  isValidDate,
  kontanthjaelpAllowed,
  nextStepDeadline,
  parseDate,
  type Explanation,
  type Finding,
} from "~/legislation";

/*
 * Ending the forløb (rules.md D-5, D-6, E-1..E-4, ST-7; LAB § 113, stk. 2; LAS kap. 6 a; skrivelse 10112 §6.5, §6.7,
 * §8). Pure: types, the input schemas with their Danish messages, and the checks a use case runs before it saves.
 */

/** The legal basis of a rule as one line for the UI and messages: "E-2: LAB § 113, stk. 2 (skrivelse 10112 §6.5)". */
export function ruleBasis(ruleId: string): string {
  const entry = catalogueEntry(ruleId);
  if (!entry) return ruleId;
  return `${ruleId}: ${entry.citations.map((c) => citationText(c).replaceAll(" [ikke verificeret]", "")).join("; ")}`;
}

/* D-6: the next step ------------------------------------------------------------------------------------------- */

/**
 * The next step the municipality decides before the end date (D-6). The first three need an indstilling: the case goes
 * back through the team flow (P-1; skrivelse 10112 §6.5, §6.7). After the team's abolition the sundhedskoordinator's
 * advice replaces the team for fleksjob and førtidspension (R2026) – the legislation says which on the date.
 */
export const NEXT_STEPS = {
  newForloeb: { label: "Nyt ressourceforløb", viaTeam: true },
  fleksjob: { label: "Fleksjob", viaTeam: true },
  foertidspension: { label: "Førtidspension", viaTeam: true },
  jobOrEducation: { label: "Job eller uddannelse (selvforsørgelse)", viaTeam: false },
  revalidering: { label: "Revalidering", viaTeam: false },
  kontanthjaelp: { label: "Kontanthjælp eller uddannelseshjælp (kræver E-2)", viaTeam: false },
  ledighedsydelse: { label: "Ledighedsydelse", viaTeam: false },
  other: { label: "Andet", viaTeam: false },
} as const;
export type NextStep = keyof typeof NEXT_STEPS;
export const NEXT_STEP_KEYS = Object.keys(NEXT_STEPS) as [NextStep, ...NextStep[]];

export function nextStepLabel(key: string | null | undefined): string {
  return key && key in NEXT_STEPS ? NEXT_STEPS[key as NextStep].label : (key ?? "–");
}

export function isTeamStep(step: string | null | undefined): boolean {
  return Boolean(step && step in NEXT_STEPS && NEXT_STEPS[step as NextStep].viaTeam);
}

/** For a step that needs the team: present it first, or record that the decision has been made after the indstilling. */
export const NEXT_STEP_STAGES = {
  toTeam: "Sagen skal forelægges rehabiliteringsteamet – afgørelsen træffes efter teamets indstilling",
  decided: "Afgørelsen om næste skridt er truffet efter teamets indstilling",
} as const;
export type NextStepStage = keyof typeof NEXT_STEP_STAGES;

/* E-1: outcomes ------------------------------------------------------------------------------------------------ */

/** E-1: the fixed list of outcomes (skrivelse 10112 §6.5, §6.7; Herning 000; Faaborg-Midtfyn 004). */
export const OUTCOMES = {
  job: "Ordinært job / selvforsørgende",
  education: "Uddannelse",
  fleksjob: "Fleksjob",
  ledighedsydelse: "Ledighedsydelse",
  foertidspension: "Førtidspension",
  newForloeb: "Nyt ressourceforløb",
  revalidering: "Revalidering",
  kontanthjaelp: "Kontanthjælp/uddannelseshjælp",
  moved: "Flyttet til en anden kommune",
  dead: "Død",
  lackOfParticipation: "Afsluttet på grund af manglende medvirken",
  other: "Andet",
} as const;
export type Outcome = keyof typeof OUTCOMES;
export const OUTCOME_KEYS = Object.keys(OUTCOMES) as [Outcome, ...Outcome[]];

/** Outcomes whose step needs the rehabiliteringsteam's indstilling first (D-6, P-1). */
export const TEAM_OUTCOMES: readonly Outcome[] = ["newForloeb", "fleksjob", "foertidspension"];

/** Outcomes that end the forløb whatever the next step: the forløb cannot continue (D-5 does not apply). */
export const UNCONDITIONAL_OUTCOMES: readonly Outcome[] = ["moved", "dead"];

/**
 * Why a forløb ends before its end date. E-3: reaching the 6-year line is not a lawful ground; it is listed so that the
 * system can say why it refuses it (skrivelse 10112 §4.1), as caseworkers may believe it is one.
 */
export const EARLY_GROUNDS = {
  selfSupporting: "Borgeren er blevet selvforsørgende (job eller uddannelse)",
  otherMeasure: "Der er truffet afgørelse om en anden indsats eller forsørgelse (fx fleksjob eller førtidspension)",
  moved: "Borgeren er flyttet til en anden kommune",
  dead: "Borgeren er død",
  sixYearLine: "Borgeren har nået 6-års-grænsen til folkepensionsalderen",
  other: "Anden grund (skriv den i begrundelsen)",
} as const;
export type EarlyGround = keyof typeof EARLY_GROUNDS;
export const EARLY_GROUND_KEYS = Object.keys(EARLY_GROUNDS) as [EarlyGround, ...EarlyGround[]];

export const E3_MESSAGE =
  "Forløbet kan ikke stoppes, fordi borgeren når 6-års-grænsen til folkepensionsalderen. Et forløb under vejs fortsætter til sin slutdato; det kan kun ophøre af andre grunde, fx job og selvforsørgelse (E-3, TG-6; skrivelse 10112 §4.1).";

/* ST-7: status three months after the end ------------------------------------------------------------------------ */

/** ST-7 (seed 003): where the citizen is three months after the end. */
export const STATUS_AFTER_3_MONTHS = {
  ordinaryJob: "Ordinært job",
  fleksjob: "Fleksjob",
  ledighedsydelse: "Ledighedsydelse",
  benefits: "Offentlig forsørgelse (ydelser)",
  education: "Uddannelse",
} as const;
export type StatusAfter3Months = keyof typeof STATUS_AFTER_3_MONTHS;
export const STATUS_AFTER_3_MONTHS_KEYS = Object.keys(STATUS_AFTER_3_MONTHS) as [
  StatusAfter3Months,
  ...StatusAfter3Months[],
];

/** ST-7: the status can be recorded from three months after the end. */
export function statusAfter3MonthsFrom(endedOn: string): string {
  return formatDate(addMonths(parseDate(endedOn), 3));
}

/* The forløb's phase: D-4, D-5, D-6 ------------------------------------------------------------------------------ */

export const FORLOEB_STATUS_LABELS = {
  planned: "Ikke begyndt endnu",
  running: "I gang",
  continuesUntilDecision: "Fortsætter, indtil næste skridt er besluttet (D-5)",
  ended: "Afsluttet",
} as const;
export type ForloebPhaseStatus = keyof typeof FORLOEB_STATUS_LABELS;

/** The D-5 marking, as the case header and this page show it. */
export const D5_LABEL = FORLOEB_STATUS_LABELS.continuesUntilDecision;

export interface ForloebDatesFacts {
  id: string;
  startDate: string;
  plannedEnd: string;
  nextStepDecidedOn: string | null;
  endedOn: string | null;
}

export interface ForloebPhase {
  status: ForloebPhaseStatus;
  effectiveEnd: string;
  barselDays: number;
  decideBy: string;
  presentBy: string | null;
  presentTo: "rehabiliteringsteam" | "sundhedskoordinator";
  findings: Finding[];
  explanation: Explanation;
}

/**
 * Where the forløb stands on `asOf`: the effective end after barsel (D-4), the status with the D-5 continuation, and
 * the D-6 dates (decide by the end; present the case to the team `teamLeadWeeks` before it).
 */
export function forloebPhase(
  f: ForloebDatesFacts,
  barsel: readonly { from: string; to: string }[],
  asOf: string,
  teamLeadWeeks: number,
): ForloebPhase {
  const start = parseDate(f.startDate);
  const today = parseDate(asOf);
  const end = effectiveEnd(
    {
      start,
      plannedEnd: parseDate(f.plannedEnd),
      barsel: barsel.map((b) => ({ from: parseDate(b.from), to: parseDate(b.to) })),
    },
    today,
    f.id,
  );
  const facts = {
    start,
    effectiveEnd: end.value.effectiveEndDay,
    nextStepDecidedOn: f.nextStepDecidedOn ? parseDate(f.nextStepDecidedOn) : undefined,
    endedOn: f.endedOn ? parseDate(f.endedOn) : undefined,
  };
  const status = forloebStatus(facts, today, f.id);
  const next = nextStepDeadline({ ...facts, teamLeadWeeks }, today, f.id);
  return {
    status: status.value.status,
    effectiveEnd: end.value.effectiveEnd,
    barselDays: end.value.barselDays,
    decideBy: next.value.decideBy,
    presentBy: next.value.presentBy,
    presentTo: next.value.presentTo,
    findings: [...end.value.findings, ...status.value.findings, ...next.value.findings],
    explanation: {
      ruleId: "D-5",
      title: "Forløbets slutdato og status",
      citations: [...(catalogueEntry("D-5")?.citations ?? [])],
      inputs: { start: f.startDate, plannedEnd: f.plannedEnd, asOf },
      parameters: [],
      result: { status: status.value.status, effectiveEnd: end.value.effectiveEnd },
      children: [end.explanation, status.explanation, next.explanation],
    },
  };
}

/* Stored facts (forloeb.ending_facts) ----------------------------------------------------------------------------- */

export interface E2Facts {
  path: "documentedDevelopment" | "declinedNewForloeb";
  documentedDevelopment: z.infer<typeof E2DocumentedDevelopmentSchema> | null;
  notInTargetGroupFleksjobFoertidspension: boolean;
  explicitlyDeclinedNewForloeb: boolean;
  declinedOn: string | null;
  reason: string;
  transitionDate: string;
  findings: Finding[];
  explanation: Explanation;
  recordedOn: string;
}

export interface NextStepFacts {
  step: NextStep;
  chosenOn: string;
  viaTeam: boolean;
  presentTo: "rehabiliteringsteam" | "sundhedskoordinator" | null;
  note: string;
  citizenWishes: boolean;
  newCaseId: string | null;
  decidedOn: string | null;
  by: string;
}

export interface EndingRecord {
  outcome: Outcome;
  endedOn: string;
  early: boolean;
  earlyGround: EarlyGround | null;
  reasons: string;
  recordedOn: string;
  by: string;
}

export interface LackOfParticipationFacts {
  afgoerelseId: string;
  letterId: string;
  decidedOn: string;
  endsOn: string;
  failures: string;
  contactAttempts: string;
  reasonableGroundAssessment: string;
  heardOn: string;
  citizenComments: string | null;
}

/** P-8: where a forløb imported from another municipality came from, and the history that has no table of its own. */
export interface MovedInFacts {
  from: { code: string; name: string };
  sourceCaseRef: string;
  exportedAt: string;
  importedOn: string;
  bundleVersion: number;
  /** The sending municipality's indstillinger and coordinators, as they were in the bundle. */
  indstillinger: unknown[];
  coordinators: unknown[];
  /** Who signed each imported afgørelse (the signer is no user here), by the new afgørelse id. */
  afgoerelseSigners: Record<string, { name: string | null; municipality: string }>;
  /** Who wrote each imported plan revision (the author is no user here), by revision number. */
  revisionAuthors: Record<string, string | null>;
  /** Earlier moves, oldest first. */
  earlier: unknown[];
}

export interface EndingFacts {
  nextStep?: NextStepFacts;
  e2?: E2Facts;
  ending?: EndingRecord;
  lackOfParticipation?: LackOfParticipationFacts;
  statusAfter3Months?: { status: StatusAfter3Months; recordedOn: string; note: string | null; by: string };
  movedIn?: MovedInFacts;
}

export function endingFactsOf(raw: unknown): EndingFacts {
  return raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as EndingFacts) : {};
}

/* Inputs ---------------------------------------------------------------------------------------------------------- */

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
const text = (message: string, max = 5000) =>
  z.string({ error: message }).trim().min(1, message).max(max, "Teksten er for lang");
const optionalText = (max = 5000) =>
  z
    .string()
    .trim()
    .max(max, "Teksten er for lang")
    .optional()
    .transform((v) => (v ? v : null));
const version = z.coerce
  .number({ error: "Send den version af forløbet, du bygger på" })
  .int()
  .min(1, "Send den version af forløbet, du bygger på");

export const E2_TARGET_GROUPS = {
  ressourceforloeb: "Ressourceforløb",
  fleksjob: "Fleksjob",
  foertidspension: "Førtidspension",
} as const;
export type E2TargetGroup = keyof typeof E2_TARGET_GROUPS;

export const E2_PATHS = {
  documentedDevelopment:
    "1. Der er dokumentation for en så positiv udvikling, at borgeren hverken er i målgruppen for ressourceforløb, fleksjob eller førtidspension",
  declinedNewForloeb:
    "2. Kommunen har vurderet, at borgeren ikke er i målgruppen for førtidspension eller fleksjob, og borgeren har udtrykkeligt sagt nej til et nyt forløb",
} as const;

/** E-2: the facts behind a move to kontanthjælp, one of the two paths, with the caseworker's reason. */
export const E2Input = z.object({
  path: z.enum(["documentedDevelopment", "declinedNewForloeb"], {
    error: "Vælg, hvilken af de to betingelser for kontanthjælp der er opfyldt (E-2)",
  }),
  evidence: z.array(z.string().trim().min(1).max(2000, "Teksten er for lang")).max(30).default([]),
  notInTargetGroupFor: z
    .array(z.enum(["ressourceforloeb", "fleksjob", "foertidspension"], { error: "Ukendt målgruppe" }))
    .default([]),
  assessedOn: optionalDate,
  notInTargetGroupFleksjobFoertidspension: z.boolean().default(false),
  explicitlyDeclinedNewForloeb: z.boolean().default(false),
  declinedOn: optionalDate,
  reason: text("Begrund vurderingen (E-2)"),
});
export type E2Input = z.infer<typeof E2Input>;

export const NextStepInput = z
  .object({
    version,
    step: z.enum(NEXT_STEP_KEYS, { error: "Vælg næste skridt" }),
    stage: z.enum(["toTeam", "decided"], { error: "Vælg, hvor langt sagen er" }).optional(),
    decidedOn: optionalDate,
    note: text("Begrund næste skridt"),
    citizenWishes: z.boolean().default(false),
    e2: z.unknown().optional(),
  })
  .superRefine(
    (v, ctx) => {
      // Runs also when other fields are invalid, so every message is shown at once: the value may be partial.
      if (typeof v?.step !== "string" || !(v.step in NEXT_STEPS)) return;
      const team = NEXT_STEPS[v.step].viaTeam;
      if (team && !v.stage) ctx.addIssue({ code: "custom", path: ["stage"], message: "Vælg, hvor langt sagen er" });
      const decided = !team || v.stage === "decided";
      if (decided && !v.decidedOn) {
        ctx.addIssue({
          code: "custom",
          path: ["decidedOn"],
          message: "Skriv datoen for afgørelsen om næste skridt (D-6)",
        });
      }
    },
    { when: () => true },
  );
export type NextStepInput = z.infer<typeof NextStepInput>;

export const EndInput = z.object({
  version,
  outcome: z.enum(OUTCOME_KEYS, { error: "Vælg udfaldet (E-1)" }),
  endedOn: requiredDate("Skriv datoen, forløbet sluttede"),
  earlyGround: z.enum(EARLY_GROUND_KEYS, { error: "Vælg, hvorfor forløbet slutter før slutdatoen" }).optional(),
  reasons: text("Skriv begrundelsen for afslutningen"),
  e2: z.unknown().optional(),
});
export type EndInput = z.infer<typeof EndInput>;

export const LackOfParticipationInput = z.object({
  version,
  endsOn: requiredDate("Skriv forløbets og ydelsens sidste dag"),
  failures: text("Beskriv, hvad borgeren ikke har medvirket til"),
  contactAttempts: text("Beskriv forsøgene på at komme i personlig kontakt med borgeren"),
  noReasonableGround: z.literal(true, {
    error: "Bekræft, at der efter en konkret vurdering ikke er en rimelig grund (LAS § 13, stk. 7-8)",
  }),
  reasonableGroundAssessment: text("Skriv vurderingen af, om der er en rimelig grund"),
  heardOn: requiredDate("Skriv, hvornår borgeren blev partshørt"),
  citizenComments: optionalText(),
  reasons: text("Skriv begrundelsen for afgørelsen"),
});
export type LackOfParticipationInput = z.infer<typeof LackOfParticipationInput>;

export const StatusAfter3MonthsInput = z.object({
  version,
  status: z.enum(STATUS_AFTER_3_MONTHS_KEYS, { error: "Vælg borgerens status 3 måneder efter (ST-7)" }),
  note: optionalText(2000),
});
export type StatusAfter3MonthsInput = z.infer<typeof StatusAfter3MonthsInput>;

/**
 * Form posts are strings and the API sends JSON; both are brought to one shape before validation so the messages are
 * the same: "3" becomes 3, a ticked box true, an empty field absent, textarea lines a list, 01.02.2026 an ISO date.
 */
export function normalizeRaw(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const o: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const [k, v] of Object.entries(o)) {
    if (v === "" || v === null) delete o[k];
    else if (typeof v === "string") o[k] = danishDate(v);
    if (v === "true" || v === "on") o[k] = true;
    if (v === "false") o[k] = false;
  }
  if (typeof o.version === "string" && /^\s*\d+\s*$/.test(o.version)) o.version = Number(o.version);
  if (o.e2 && typeof o.e2 === "object") {
    const e2 = normalizeRaw(o.e2) as Record<string, unknown>;
    if (typeof e2.evidence === "string") e2.evidence = lines(e2.evidence);
    if (typeof e2.notInTargetGroupFor === "string") e2.notInTargetGroupFor = [e2.notInTargetGroupFor];
    o.e2 = e2;
  }
  return o;
}

function danishDate(v: string): string {
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(v);
  return m ? `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : v;
}

export function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/* E-2: the kontanthjælp gate ---------------------------------------------------------------------------------------- */

export type E2Assessment =
  | { ok: true; facts: E2Facts }
  | { ok: false; kind: "invalid"; errors: Record<string, string> }
  | { ok: false; kind: "refused"; message: string; errors: Record<string, string>; explanation: Explanation };

/**
 * E-2 (LAB § 113, stk. 2; skrivelse 10112 §6.5, §6.7): a move to kontanthjælp is allowed only on one of two paths,
 * checked by the legislation's `kontanthjaelpAllowed`. Path 1 is a judgement recorded with the
 * E2DocumentedDevelopmentSchema; path 2 needs both assessments. A refusal names E-2 and what is missing; the under-50
 * warning of §6.7 is kept with the facts.
 */
export function assessE2(
  raw: unknown,
  ctx: { birthDate: string; transitionDate: string; recordedOn: string },
): E2Assessment {
  const prefix = (errors: Record<string, string>) =>
    Object.fromEntries(Object.entries(errors).map(([k, v]) => [`e2.${k}`, v]));
  const parsed = E2Input.safeParse(raw ?? {});
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const i of parsed.error.issues) errors[i.path.map(String).join(".")] ??= i.message;
    return { ok: false, kind: "invalid", errors: prefix(errors) };
  }
  const v = parsed.data;
  const errors: Record<string, string> = {};
  let documentedDevelopment: E2Facts["documentedDevelopment"] = null;
  if (v.path === "documentedDevelopment") {
    if (v.evidence.length === 0) {
      errors.evidence = "Angiv dokumentationen for den positive udvikling, én pr. linje (E-2)";
    }
    const missing = (["ressourceforloeb", "fleksjob", "foertidspension"] as const).filter(
      (g) => !v.notInTargetGroupFor.includes(g),
    );
    if (missing.length > 0) {
      errors.notInTargetGroupFor = `Borgeren skal være uden for målgruppen for alle tre: ressourceforløb, fleksjob og førtidspension. Mangler: ${missing.map((g) => E2_TARGET_GROUPS[g].toLowerCase()).join(", ")} (E-2)`;
    }
    const dd = E2DocumentedDevelopmentSchema.safeParse({
      documented: Object.keys(errors).length === 0,
      evidence: v.evidence,
      notInTargetGroupFor: v.notInTargetGroupFor,
      reason: v.reason,
      ...(v.assessedOn ? { assessedOn: v.assessedOn } : {}),
    });
    if (dd.success) documentedDevelopment = dd.data;
  } else {
    if (!v.notInTargetGroupFleksjobFoertidspension) {
      errors.notInTargetGroupFleksjobFoertidspension =
        "Kommunen skal have vurderet, at borgeren ikke er i målgruppen for førtidspension eller fleksjob (E-2)";
    }
    if (!v.explicitlyDeclinedNewForloeb) {
      errors.explicitlyDeclinedNewForloeb = "Borgeren skal udtrykkeligt have sagt nej til et nyt forløb (E-2)";
    } else if (!v.declinedOn) {
      errors.declinedOn = "Skriv, hvornår borgeren sagde nej til et nyt forløb";
    }
  }
  const gate = kontanthjaelpAllowed(
    {
      birthDate: parseDate(ctx.birthDate),
      transitionDate: parseDate(ctx.transitionDate),
      ...(v.path === "documentedDevelopment"
        ? { documentedDevelopment: { documented: documentedDevelopment?.documented === true, reason: v.reason } }
        : {
            notInTargetGroupFleksjobFoertidspension: v.notInTargetGroupFleksjobFoertidspension,
            explicitlyDeclinedNewForloeb: v.explicitlyDeclinedNewForloeb && Boolean(v.declinedOn),
          }),
    },
    parseDate(ctx.recordedOn),
  );
  if (!gate.value.allowed || Object.keys(errors).length > 0) {
    const reason = gate.value.findings.find((f) => f.severity === "error")?.message ?? "";
    return {
      ok: false,
      kind: "refused",
      message: `Overgang til kontanthjælp er ikke tilladt (E-2). ${reason}`.trim(),
      errors: prefix(errors),
      explanation: gate.explanation,
    };
  }
  return {
    ok: true,
    facts: {
      path: v.path,
      documentedDevelopment,
      notInTargetGroupFleksjobFoertidspension: v.path === "declinedNewForloeb",
      explicitlyDeclinedNewForloeb: v.path === "declinedNewForloeb",
      declinedOn: v.path === "declinedNewForloeb" ? (v.declinedOn ?? null) : null,
      reason: v.reason,
      transitionDate: ctx.transitionDate,
      findings: gate.value.findings,
      explanation: gate.explanation,
      recordedOn: ctx.recordedOn,
    },
  };
}

/* E-1, E-3, D-5, D-6: may the forløb end like this? ------------------------------------------------------------------ */

export type EndingCheck = { ok: true; early: boolean } | { ok: false; ruleId: string; message: string; field: string };

/**
 * The checks before the forløb ends with an E-1 outcome (the E-2 gate is checked separately):
 * - E-4: lack of participation is a decision with a letter, made in its own form;
 * - E-3: reaching the 6-year line is no ground to stop a forløb;
 * - an early ending needs its ground;
 * - D-5: after the end date the forløb continues until the next step is decided (moving and death end it anyway);
 * - D-6/P-1: a new forløb, fleksjob or førtidspension goes through the team, so it must be decided as the next step.
 */
export function checkEnding(
  input: Pick<EndInput, "outcome" | "endedOn" | "earlyGround">,
  f: { startDate: string; effectiveEnd: string; nextStep: string | null; nextStepDecidedOn: string | null },
  asOf: string,
): EndingCheck {
  if (input.outcome === "lackOfParticipation") {
    return {
      ok: false,
      ruleId: "E-4",
      field: "outcome",
      message:
        "Ophør på grund af manglende medvirken er en afgørelse, der stopper både forløbet og ydelsen, med brev og klagevejledning. Brug formularen “Ophør på grund af manglende medvirken (E-4)”.",
    };
  }
  // Moving away or death may come before the forløb has begun; any other ending needs a forløb that has started.
  if (input.endedOn < f.startDate && !UNCONDITIONAL_OUTCOMES.includes(input.outcome)) {
    return { ok: false, ruleId: "E-1", field: "endedOn", message: "Forløbet kan ikke slutte, før det er begyndt." };
  }
  if (input.endedOn > asOf) {
    return {
      ok: false,
      ruleId: "E-1",
      field: "endedOn",
      message: "Registrér afslutningen, når den er sket: datoen kan ikke ligge efter i dag.",
    };
  }
  const early = input.endedOn < f.effectiveEnd;
  if (early && input.earlyGround === "sixYearLine") {
    return { ok: false, ruleId: "E-3", field: "earlyGround", message: E3_MESSAGE };
  }
  if (early && !input.earlyGround && !UNCONDITIONAL_OUTCOMES.includes(input.outcome)) {
    return {
      ok: false,
      ruleId: "E-1",
      field: "earlyGround",
      message: `Forløbet slutter før slutdatoen ${danish(f.effectiveEnd)}. Vælg, hvorfor det slutter før tid.`,
    };
  }
  const decided = Boolean(f.nextStepDecidedOn && f.nextStepDecidedOn <= input.endedOn);
  if (TEAM_OUTCOMES.includes(input.outcome) && (!decided || f.nextStep !== input.outcome)) {
    return {
      ok: false,
      ruleId: "D-6",
      field: "outcome",
      message: `Et nyt forløb, fleksjob og førtidspension går gennem rehabiliteringsteamet (D-6, P-1). Registrér først “${OUTCOMES[input.outcome]}” som næste skridt, og at afgørelsen er truffet efter teamets indstilling.`,
    };
  }
  if (!early && !decided && !UNCONDITIONAL_OUTCOMES.includes(input.outcome)) {
    return {
      ok: false,
      ruleId: "D-5",
      field: "endedOn",
      message: `Slutdatoen ${danish(f.effectiveEnd)} er nået, men næste skridt er ikke besluttet. Forløbet og ressourceforløbsydelsen fortsætter, indtil kommunen har besluttet næste skridt (D-5; Ankestyrelsen 82-16). Registrér næste skridt først.`,
    };
  }
  return { ok: true, early };
}

function danish(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** The day the citizen would move on: the day after the forløb's last day (E-2 is judged on it). */
export function dayAfter(iso: string): string {
  return formatDate(addDays(parseDate(iso), 1));
}

/* P-6: who may sign a decision ------------------------------------------------------------------------------------ */

/**
 * P-6 (skrivelse 10112 §5.1): a person signs an afgørelse, and a coordinating caseworker from a unit other than the
 * jobcenter cannot make decisions under employment law. Null when the actor may decide.
 */
export function p6Refusal(
  actor: { type: "user" | "token"; id: string },
  coordinator: { userId: string; unitKind: string } | null,
): string | null {
  if (actor.type !== "user")
    return "En afgørelse træffes og underskrives af en person i jobcentret, ikke af en servicekonto (P-6).";
  if (coordinator && coordinator.userId === actor.id && coordinator.unitKind !== "jobcenter") {
    return "En koordinerende sagsbehandler fra en anden enhed end jobcentret kan ikke træffe afgørelse efter beskæftigelseslovgivningen (P-6; skrivelse 10112 §5.1).";
  }
  return null;
}
