import { z } from "zod";
import {
  addDays,
  addMonths,
  ALL_PARAMETERS,
  catalogueEntry,
  citationText,
  formatDate,
  parseDate,
  tryParseDate,
  tryResolve,
  type Dated,
} from "~/legislation";

/*
 * The indsatsdel of the rehabiliteringsplan (rules PL-1..PL-7; LAB § 113; STAR-skrivelse 10112 §5.3, §6.1).
 * Pure: types, the input schema with its Danish messages, and the rules the plan is checked against.
 */

/** PL-1: a concrete job goal, a concrete education goal, or, when neither is possible, an overall goal. */
export const GOAL_TYPES = {
  job: "Konkret jobmål",
  education: "Konkret uddannelsesmål",
  overall: "Overordnet mål (branche eller jobfunktion)",
} as const;
export type GoalType = keyof typeof GOAL_TYPES;
export const GOAL_TYPE_KEYS = Object.keys(GOAL_TYPES) as [GoalType, ...GoalType[]];

/** PL-2: the areas of the delmål. */
export const DELMAAL_AREAS = {
  employment: "Beskæftigelse",
  education: "Uddannelse",
  health: "Sundhed",
  social: "Socialt",
} as const;
export type DelmaalArea = keyof typeof DELMAAL_AREAS;
export const DELMAAL_AREA_KEYS = Object.keys(DELMAAL_AREAS) as [DelmaalArea, ...DelmaalArea[]];

/**
 * PL-3: the legal basis of an intervention. The keys are the intervention kinds of the rules engine
 * (legislation INTERVENTION_KINDS), so the indsatsgaranti (IG-1) can count the plan's interventions.
 */
export const LEGAL_BASES = {
  lab11: "LAB kap. 11 – virksomhedspraktik",
  lab12: "LAB kap. 12 – ansættelse med løntilskud",
  lab14: "LAB kap. 14 – vejledning og opkvalificering",
  lab26mentor: "LAB kap. 26 – mentorstøtte",
  serviceloven: "Serviceloven",
  sundhedsloven: "Sundhedsloven",
  other: "Andet",
} as const;
export type LegalBasis = keyof typeof LEGAL_BASES;
export const LEGAL_BASIS_KEYS = Object.keys(LEGAL_BASES) as [LegalBasis, ...LegalBasis[]];

/** PL-6: an offer (tilbud) or an agreed activity that is not an offer. */
export const INTERVENTION_FORMS = {
  offer: {
    label: "Tilbud",
    explanation: "Kommunen betaler. Udeblivelse uden rimelig grund kan sanktioneres.",
  },
  agreed: {
    label: "Aftalt aktivitet – ikke et tilbud",
    explanation: "Fx en fritidsaktivitet. Kommunen betaler ikke, og manglende deltagelse kan ikke sanktioneres.",
  },
} as const;
export type InterventionForm = keyof typeof INTERVENTION_FORMS;
export const INTERVENTION_FORM_KEYS = Object.keys(INTERVENTION_FORMS) as [InterventionForm, ...InterventionForm[]];

/** PL-5: the effort is set for at least this many months at a time (LAB § 113; skrivelse 10112 §5.3). */
export const PLAN_MIN_MONTHS = 6;

export interface PlanGoal {
  type: GoalType;
  text: string;
}

export interface Delmaal {
  /** Stable across revisions, so a revision's diff can say "changed" rather than "removed and added". */
  id: string;
  area: DelmaalArea;
  text: string;
  reason: string;
}

export interface PlanIntervention {
  /** Stable across revisions: actual start/stop and the indsatsgaranti (IG-1) refer to it. */
  id: string;
  title: string;
  legalBasis: LegalBasis;
  /** The part of the municipality that provides it (PL-3). */
  provider: string;
  shortTermGoal: string;
  form: InterventionForm;
  plannedStart: string;
  plannedEnd: string | null;
}

export interface PlanMentor {
  has: boolean;
  name: string | null;
  contact: string | null;
  role: string | null;
  /** MT-2: goals and focus areas of the mentor support, most important first. */
  tasks: string[];
}

/** The whole indsatsdel at one revision, as stored in plan_revisions.content. */
export interface PlanContent {
  format: 1;
  goal: PlanGoal;
  delmaal: Delmaal[];
  interventions: PlanIntervention[];
  followUp: { how: string };
  mentor: PlanMentor;
  period: { from: string; to: string };
}

/** A revision as the pages, the API, Min Plan and later issues see it. */
export interface PlanRevision {
  revision: number;
  content: PlanContent;
  changeNote: string | null;
  createdAt: Date;
  createdByName: string | null;
}

export interface CurrentPlan extends PlanRevision {
  planId: string;
  caseId: string;
  /** plans.version: send it back with the next revision (optimistic locking). */
  version: number;
}

export interface PlanRevisionListItem {
  revision: number;
  changeNote: string | null;
  createdAt: Date;
  createdByName: string | null;
}

/* ---------------------------------------------------------------------------------------------- */
/* Legal basis text for the UI, the letters and the messages: rule ID and citations from the catalogue. */

/** "PL-5: LAB § 113 (skrivelse 10112 §5.3)" */
export function ruleBasis(ruleId: string): string {
  const entry = catalogueEntry(ruleId);
  if (!entry) return ruleId;
  return `${ruleId}: ${entry.citations.map((c) => citationText(c)).join("; ")}`;
}

export function ruleTitle(ruleId: string): string {
  return catalogueEntry(ruleId)?.titleDa ?? ruleId;
}

/* ---------------------------------------------------------------------------------------------- */
/* PL-7: a fleksjob is never an intervention in the plan (also TG-8; LAB § 112; skrivelse 10112 §4.3). */

const FLEKSJOB_WORD = /fleks[\s-]?job/i;
/** A title that *is* a fleksjob: "Fleksjob hos Bilka", "Ansættelse i fleksjob 12 timer". */
const FLEKSJOB_TITLE =
  /^(?:(?:ansættelse|ansat|job|start|opstart)\s+(?:i|som|på)\s+(?:et\s+)?|et\s+|i\s+)?fleks[\s-]?job(?:$|[\s,.:;–-])/i;

/** The legal basis sent was a fleksjob (a crafted form or an API call; the form offers no such choice). */
export function isFleksjobBasis(raw: unknown): boolean {
  return typeof raw === "string" && FLEKSJOB_WORD.test(raw.replace(/\s+/g, ""));
}

/**
 * PL-7: the title is plainly a fleksjob. A title that only names fleksjob as the direction
 * ("Virksomhedspraktik med henblik på fleksjob") is an intervention toward one, and is allowed.
 */
export function isFleksjobTitle(title: string): boolean {
  return FLEKSJOB_TITLE.test(title.trim());
}

export const PL7_MESSAGE = `Et fleksjob kan ikke være en indsats i planen (${ruleBasis("PL-7")}). Et forløb kan sigte mod et fleksjob, men selve fleksjobbet er ikke en indsats.`;

/* ---------------------------------------------------------------------------------------------- */
/* PL-5: at least 6 months at a time. */

/** The last day a period starting on `from` must reach to be at least PLAN_MIN_MONTHS long. */
export function minimumPeriodEnd(from: string): string {
  return formatDate(addDays(addMonths(parseDate(from), PLAN_MIN_MONTHS), -1));
}

export function danishDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** The default period of a first plan: from the forløb's start (or today, if later) for PLAN_MIN_MONTHS. */
export function defaultPeriod(forloebStart: string, asOf: string): { from: string; to: string } {
  const from = forloebStart > asOf ? forloebStart : asOf;
  return { from, to: minimumPeriodEnd(from) };
}

/* ---------------------------------------------------------------------------------------------- */
/* The input: the form (strings) and the API (JSON) both parse through this schema. */

const text = (message: string, max = 2000) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    z.string().trim().min(1, message).max(max, `Teksten er for lang (højst ${max} tegn)`),
  );

const optionalText = (max = 500) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string()
      .max(max, `Teksten er for lang (højst ${max} tegn)`)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
  );

const isoDate = (message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ message }).refine((v) => tryParseDate(v) !== null, message),
  );

const optionalId = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
  z.string().max(64).optional(),
);

const boolish = (message: string) =>
  z.preprocess(
    (v) => (v === "true" || v === "ja" ? true : v === "false" || v === "nej" ? false : v),
    z.boolean({ message }),
  );

/** Lines of a textarea or a list from the API; blank lines dropped, order kept (it is the priority, MT-2). */
const taskList = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean)
      : Array.isArray(v)
        ? v.map((l) => (typeof l === "string" ? l.trim() : l)).filter((l) => l !== "")
        : v === undefined || v === null
          ? []
          : v,
  z.array(z.string().max(500, "En opgave er for lang (højst 500 tegn)")).max(20, "Højst 20 opgaver"),
);

export const DelmaalInput = z.object({
  id: optionalId,
  area: z.enum(DELMAAL_AREA_KEYS, { message: "Vælg området for delmålet (PL-2)" }),
  text: text("Skriv delmålet (PL-2)"),
  reason: text("Skriv begrundelsen for delmålet (PL-2)"),
});

export const InterventionInput = z
  .object({
    id: optionalId,
    title: text("Skriv, hvad indsatsen er (PL-3)", 200),
    legalBasis: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z.string({ message: "Vælg indsatsens hjemmel (PL-3)" }).min(1, "Vælg indsatsens hjemmel (PL-3)"),
    ),
    provider: text("Skriv, hvilken del af kommunen der yder indsatsen (PL-3)", 200),
    shortTermGoal: text("Skriv indsatsens mål på kort sigt (PL-3)"),
    form: z.enum(INTERVENTION_FORM_KEYS, {
      message: "Vælg, om indsatsen er et tilbud eller en aftalt aktivitet, der ikke er et tilbud (PL-6)",
    }),
    plannedStart: isoDate("Skriv den planlagte start som en gyldig dato (ÅÅÅÅ-MM-DD)"),
    plannedEnd: z.preprocess(
      (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null),
      z
        .string()
        .refine(
          (v) => tryParseDate(v) !== null,
          "Skriv slutdatoen som en gyldig dato (ÅÅÅÅ-MM-DD), eller lad feltet stå tomt",
        )
        .nullable(),
    ),
  })
  .superRefine((v, ctx) => {
    // PL-7 / TG-8, checked before the list of bases so the message names the rule rather than "choose one".
    if (isFleksjobBasis(v.legalBasis)) {
      ctx.addIssue({ code: "custom", path: ["legalBasis"], message: PL7_MESSAGE });
    } else if (!(LEGAL_BASIS_KEYS as string[]).includes(v.legalBasis)) {
      ctx.addIssue({ code: "custom", path: ["legalBasis"], message: "Vælg indsatsens hjemmel (PL-3)" });
    }
    if (isFleksjobTitle(v.title)) ctx.addIssue({ code: "custom", path: ["title"], message: PL7_MESSAGE });
    if (v.plannedEnd && v.plannedEnd < v.plannedStart) {
      ctx.addIssue({
        code: "custom",
        path: ["plannedEnd"],
        message: "Den planlagte slutdato skal være samme dag som eller efter starten",
      });
    }
  })
  .transform((v) => ({ ...v, legalBasis: v.legalBasis as LegalBasis }));

export const MentorInput = z
  .object({
    has: boolish("Vælg, om borgeren har en mentor (PL-4, MT-1)"),
    name: optionalText(200),
    contact: optionalText(300),
    role: optionalText(2000),
    tasks: taskList,
  })
  .superRefine((v, ctx) => {
    if (!v.has) return;
    if (!v.role) ctx.addIssue({ code: "custom", path: ["role"], message: "Beskriv mentorens rolle (PL-4, MT-2)" });
    if (v.tasks.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["tasks"],
        message: "Skriv mentorens mål og fokusområder, det vigtigste først (MT-2)",
      });
    }
  })
  // Without a mentor nothing else about a mentor is kept.
  .transform((v): PlanMentor => (v.has ? v : { has: false, name: null, contact: null, role: null, tasks: [] }));

export const PlanInput = z
  .object({
    version: z.coerce
      .number({ message: "Send den version af planen, ændringen bygger på" })
      .int()
      .min(0, "Send den version af planen, ændringen bygger på"),
    goal: z.object({
      type: z.enum(GOAL_TYPE_KEYS, {
        message: "Vælg, om målet er et jobmål, et uddannelsesmål eller et overordnet mål (PL-1)",
      }),
      text: text("Skriv borgerens mål (PL-1)", 1000),
    }),
    delmaal: z.array(DelmaalInput).min(1, "Skriv mindst ét delmål med begrundelse (PL-2)").max(30, "Højst 30 delmål"),
    interventions: z
      .array(InterventionInput)
      .min(1, "Skriv mindst én konkret indsats (PL-3)")
      .max(40, "Højst 40 indsatser"),
    followUp: z.object({ how: text("Beskriv, hvordan og hvor ofte der følges op (PL-4)") }),
    mentor: MentorInput,
    period: z.object({
      from: isoDate("Skriv planperiodens start som en gyldig dato (ÅÅÅÅ-MM-DD)"),
      to: isoDate("Skriv planperiodens slut som en gyldig dato (ÅÅÅÅ-MM-DD)"),
    }),
    changeNote: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    const { from, to } = v.period;
    if (tryParseDate(from) === null || tryParseDate(to) === null) return;
    const minEnd = minimumPeriodEnd(from);
    if (to < minEnd) {
      ctx.addIssue({
        code: "custom",
        path: ["period", "to"],
        message: `Indsatsen skal fastsættes for mindst ${PLAN_MIN_MONTHS} måneder ad gangen (${ruleBasis("PL-5")}). Med start ${danishDate(from)} skal perioden mindst gå til ${danishDate(minEnd)}.`,
      });
    }
  });
export type PlanInput = z.output<typeof PlanInput>;

/** Field labels for error summaries and the API's problem details. */
export const PLAN_FIELD_LABELS: Record<string, string> = {
  "goal.type": "Måltype",
  "goal.text": "Mål",
  delmaal: "Delmål",
  interventions: "Indsatser",
  "followUp.how": "Opfølgning",
  "mentor.has": "Mentor",
  "mentor.name": "Mentorens navn",
  "mentor.contact": "Mentorens kontaktoplysninger",
  "mentor.role": "Mentorens rolle",
  "mentor.tasks": "Mentorens opgaver",
  "period.from": "Planperiode fra",
  "period.to": "Planperiode til",
  changeNote: "Ændringsnote",
  version: "Version",
};

export const DELMAAL_FIELD_LABELS = { area: "område", text: "delmål", reason: "begrundelse" } as const;
export const INTERVENTION_FIELD_LABELS = {
  title: "indsats",
  legalBasis: "hjemmel",
  provider: "udføres af",
  shortTermGoal: "mål på kort sigt",
  form: "tilbud eller aftalt aktivitet",
  plannedStart: "planlagt start",
  plannedEnd: "planlagt slut",
} as const;

/** Labels for the numbered rows ("Indsats 2: hjemmel"). */
export function planFieldLabels(delmaalRows: number, interventionRows: number): Record<string, string> {
  const labels = { ...PLAN_FIELD_LABELS };
  for (let i = 0; i < delmaalRows; i++) {
    for (const [k, l] of Object.entries(DELMAAL_FIELD_LABELS)) labels[`delmaal.${i}.${k}`] = `Delmål ${i + 1}, ${l}`;
  }
  for (let i = 0; i < interventionRows; i++) {
    for (const [k, l] of Object.entries(INTERVENTION_FIELD_LABELS))
      labels[`interventions.${i}.${k}`] = `Indsats ${i + 1}, ${l}`;
  }
  return labels;
}

/**
 * Builds the content of a new revision. A row keeps its id when the id is in the previous revision; a row sent
 * without an id (an API client replacing the whole plan) keeps the id of an unclaimed earlier row with exactly the
 * same content. Every other row gets a new id: an id not in the previous revision is never trusted.
 */
export function toContent(input: PlanInput, previous: PlanContent | null, newId: () => string): PlanContent {
  const delmaal = assignIds(
    input.delmaal.map((d) => ({ id: d.id, area: d.area, text: d.text, reason: d.reason })),
    previous?.delmaal ?? [],
    newId,
  );
  const interventions = assignIds(
    input.interventions.map((i) => ({
      id: i.id,
      title: i.title,
      legalBasis: i.legalBasis,
      provider: i.provider,
      shortTermGoal: i.shortTermGoal,
      form: i.form,
      plannedStart: i.plannedStart,
      plannedEnd: i.plannedEnd,
    })),
    previous?.interventions ?? [],
    newId,
  );
  return {
    format: 1,
    goal: { type: input.goal.type, text: input.goal.text },
    delmaal,
    interventions,
    followUp: { how: input.followUp.how },
    mentor: input.mentor,
    period: { from: input.period.from, to: input.period.to },
  };
}

function assignIds<T extends { id: string }>(
  rows: (Omit<T, "id"> & { id?: string | undefined })[],
  previous: T[],
  newId: () => string,
): T[] {
  const known = new Set(previous.map((p) => p.id));
  // Ids that rows ask for by name are kept for them, so a content match cannot take one.
  const requested = new Set(rows.flatMap((r) => (r.id && known.has(r.id) ? [r.id] : [])));
  const claimed = new Set<string>();
  return rows.map((r) => {
    const { id, ...rest } = r;
    if (id && known.has(id) && !claimed.has(id)) {
      claimed.add(id);
      return { ...rest, id } as unknown as T;
    }
    const twin = id
      ? undefined
      : previous.find((p) => !requested.has(p.id) && !claimed.has(p.id) && sameValue(withoutId(p), rest));
    const assigned = twin ? twin.id : newId();
    claimed.add(assigned);
    return { ...rest, id: assigned } as unknown as T;
  });
}

function withoutId<T extends { id: string }>(row: T): Omit<T, "id"> {
  const { id: _id, ...rest } = row;
  return rest;
}

/** Structural equality with object keys in any order (jsonb does not keep the order keys were written in). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

/** Two contents are the same plan when nothing a reader sees differs (ids included). */
export function samePlan(a: PlanContent, b: PlanContent): boolean {
  return sameValue(a, b);
}

/** The audited shape: one flat, readable field per item, so the audit log shows what changed. */
export function auditShape(c: PlanContent | null): Record<string, unknown> {
  if (!c) return {};
  const out: Record<string, unknown> = {
    "goal.type": GOAL_TYPES[c.goal.type],
    "goal.text": c.goal.text,
    "followUp.how": c.followUp.how,
    "mentor.has": c.mentor.has,
    "mentor.name": c.mentor.name,
    "mentor.contact": c.mentor.contact,
    "mentor.role": c.mentor.role,
    "mentor.tasks": c.mentor.tasks,
    "period.from": c.period.from,
    "period.to": c.period.to,
  };
  for (const d of c.delmaal) out[`delmaal.${d.id}`] = `${DELMAAL_AREAS[d.area]}: ${d.text} (begrundelse: ${d.reason})`;
  for (const i of c.interventions) {
    out[`interventions.${i.id}`] =
      `${i.title} · ${LEGAL_BASES[i.legalBasis]} · ${INTERVENTION_FORMS[i.form].label} · ${i.provider} · ` +
      `${i.plannedStart}–${i.plannedEnd ?? ""} · mål: ${i.shortTermGoal}`;
  }
  return out;
}

/* ---------------------------------------------------------------------------------------------- */
/* IG-1: which interventions of the plan count toward the indsatsgaranti, per the rules in force. */

/** The rules engine's intervention kind: an agreed activity that is not an offer is "leisure" (PL-6). */
export function interventionKind(i: Pick<PlanIntervention, "legalBasis" | "form">): string {
  return i.form === "agreed" ? "leisure" : i.legalBasis;
}

const igRules = ALL_PARAMETERS.find((p) => p.name === "indsatsgaranti.rules") as
  | Dated<{ windowMonths: number; qualifyingKinds: readonly string[] }>
  | undefined;

/** IG-1: an offer under LAB kap. 11, 12 or 14, serviceloven or sundhedsloven, as in force on `asOf`. */
export function countsForIndsatsgaranti(i: Pick<PlanIntervention, "legalBasis" | "form">, asOf: string): boolean {
  const rules = igRules ? tryResolve(igRules, asOf) : null;
  return rules ? rules.value.qualifyingKinds.includes(interventionKind(i)) : false;
}

/** FU-1: the conversations required in the first months of the forløb, as in force on `asOf`. */
export function followUpRequirement(asOf: string): { required: number; windowMonths: number } | null {
  const p = ALL_PARAMETERS.find((x) => x.name === "followUp.rules") as
    | Dated<{ required: number; windowMonths: number }>
    | undefined;
  const r = p ? tryResolve(p, asOf) : null;
  return r ? { required: r.value.required, windowMonths: r.value.windowMonths } : null;
}

/* ---------------------------------------------------------------------------------------------- */
/* Notes for the caseworker: nothing here blocks a save, each names its rule. */

export interface PlanNote {
  ruleId: string;
  message: string;
}

export function planNotes(c: PlanContent, forloeb: { startDate: string; plannedEnd: string } | null, asOf: string) {
  const notes: PlanNote[] = [];
  const missingAreas = DELMAAL_AREA_KEYS.filter((a) => !c.delmaal.some((d) => d.area === a));
  if (missingAreas.length > 0) {
    notes.push({
      ruleId: "PL-2",
      message: `Der er ingen delmål for ${missingAreas.map((a) => DELMAAL_AREAS[a].toLowerCase()).join(", ")}. Delmålene skal dække de områder, der fører til målet (${ruleBasis("PL-2")}).`,
    });
  }
  if (!c.mentor.has) {
    notes.push({
      ruleId: "MT-1",
      message: `Borgeren har ingen mentor i planen. En borger i ressourceforløb bør som udgangspunkt tilbydes mentor (${ruleBasis("MT-1")}).`,
    });
  }
  const ig = igRules ? tryResolve(igRules, asOf) : null;
  if (ig && !c.interventions.some((i) => countsForIndsatsgaranti(i, asOf))) {
    notes.push({
      ruleId: "IG-1",
      message: `Ingen af planens indsatser tæller i indsatsgarantien: et tilbud efter LAB kap. 11, 12 eller 14, serviceloven eller sundhedsloven skal begynde inden for ${ig.value.windowMonths} måneder efter forløbets start, ellers skal sagen tilbage til rehabiliteringsteamet (IG-1: ${citationText(ig.citation)}).`,
    });
  }
  if (forloeb && c.period.to > forloeb.plannedEnd) {
    notes.push({
      ruleId: "D-3",
      message: `Planperioden går til ${danishDate(c.period.to)}, efter forløbets slutdato ${danishDate(forloeb.plannedEnd)}. Et forløb forlænges ikke; fortsættelse kræver et nyt forløb gennem teamet (D-3).`,
    });
  }
  if (forloeb && c.period.from < forloeb.startDate) {
    notes.push({
      ruleId: "PL-5",
      message: `Planperioden begynder ${danishDate(c.period.from)}, før forløbet begynder ${danishDate(forloeb.startDate)}.`,
    });
  }
  return notes;
}
