import {
  addDays,
  catalogueEntry,
  citationText,
  effectiveEnd,
  formatDate,
  mentorGrants,
  parseDate,
  praktikFocus,
  praktikLengthCheck,
  praktikShortHours,
  PRAKTIK_FOCUS,
  SHORT_HOURS_REASONS,
  skNotice,
  skRightUsed,
  tryParseDate,
  type Explanation,
  type Finding,
} from "~/legislation";
import type { FieldErrors } from "~/platform/validation";

/*
 * Interventions, virksomhedspraktik (VP-1..VP-4), mentor grants (MT-1..MT-3), the sundhedskoordinator right
 * (SK-1..SK-3) and the periods that move deadlines (IG-2, IG-3, D-4). Pure: types, labels and the checks, each
 * naming its rule and legal basis. The rules themselves live in legislation/; this file only applies them.
 */

/* ---------------------------------------------------------------------------------------------- */
/* Rule basis text for messages: "VP-2: LAB kap. 11 (skrivelse 10112 §6.2)". */

export function ruleBasis(ruleId: string): string {
  const entry = catalogueEntry(ruleId);
  if (!entry) return ruleId;
  // A rule cited once per period names the same paragraph twice; the latest citation of each paragraph is shown.
  const latest = new Map<string, string>();
  for (const c of entry.citations) latest.set(`${c.law} ${c.paragraph}`, citationText(c));
  return `${ruleId}: ${[...latest.values()].join("; ")}`;
}

/** A finding as one Danish sentence with its rule and basis, for field messages and notes. */
export function findingText(f: Finding): string {
  return `${f.message} (${f.ruleId}: ${f.basis})`;
}

/* ---------------------------------------------------------------------------------------------- */
/* Kinds and statuses. */

/** The rules engine's intervention kinds (legislation INTERVENTION_KINDS), in Danish. */
export const INTERVENTION_KIND_LABELS = {
  lab11: "LAB kap. 11 – virksomhedspraktik",
  lab12: "LAB kap. 12 – ansættelse med løntilskud",
  lab14: "LAB kap. 14 – vejledning og opkvalificering",
  lab26mentor: "LAB kap. 26 – mentorstøtte",
  serviceloven: "Serviceloven",
  sundhedsloven: "Sundhedsloven",
  other: "Andet",
  leisure: "Aftalt aktivitet – ikke et tilbud",
} as const;
export type InterventionKindKey = keyof typeof INTERVENTION_KIND_LABELS;

/** The legal bases a caseworker can choose for an intervention (the plan's list, PL-3). */
export const LEGAL_BASIS_OPTIONS = [
  "lab11",
  "lab12",
  "lab14",
  "lab26mentor",
  "serviceloven",
  "sundhedsloven",
  "other",
] as const;
export type LegalBasisKey = (typeof LEGAL_BASIS_OPTIONS)[number];

/**
 * The kind the deadlines use: an agreed activity that is not an offer counts as "leisure" (PL-6), so it never
 * meets the indsatsgaranti (IG-1), whatever its legal basis. The plan module uses the same mapping.
 */
export function storedKind(legalBasis: LegalBasisKey, isOffer: boolean): InterventionKindKey {
  return isOffer ? legalBasis : "leisure";
}

/** SK-1: the offers that trigger the written notice of the sundhedskoordinator right (LAB § 113, stk. 3). */
export const SK_KINDS = ["lab11", "lab12", "lab14"] as const;
export function skApplies(kind: string, isOffer: boolean): boolean {
  return isOffer && (SK_KINDS as readonly string[]).includes(kind);
}

export const INTERVENTION_STATUSES = {
  planned: "Planlagt",
  running: "I gang",
  stopped: "Stoppet",
  onHold: "Sat i bero (SK-2)",
} as const;
export type InterventionStatus = keyof typeof INTERVENTION_STATUSES;

/** The stored status after a change: on hold while the SK-2 decision is pending, else from the dates. */
export function statusOf(
  r: {
    startDate: string | null;
    endDate: string | null;
    skRequestedOn: string | null;
    skDecidedOn: string | null;
  },
  asOf: string,
): InterventionStatus {
  if (r.skRequestedOn && !r.skDecidedOn && (r.startDate === null || r.skRequestedOn < r.startDate)) return "onHold";
  if (r.endDate && r.endDate <= asOf) return "stopped";
  if (r.startDate && r.startDate <= asOf) return "running";
  return "planned";
}

/* ---------------------------------------------------------------------------------------------- */
/* Virksomhedspraktik (VP-1..VP-4). */

export const PRAKTIK_FOCUS_LABELS: Record<(typeof PRAKTIK_FOCUS)[number], string> = {
  ordinaryHours: "Opnåelse af ordinære løntimer",
  cvCompetences: "Optræning af specifikke kompetencer til cv'et",
  clarification: "Afklaring af jobmål og kompetencer (snusepraktik)",
};
export type PraktikFocusKey = (typeof PRAKTIK_FOCUS)[number];

export const SHORT_HOURS_REASON_LABELS: Record<(typeof SHORT_HOURS_REASONS)[number], string> = {
  citizenWish: "Borgeren ønsker det",
  startUpWithDevelopment: "Opstart med et udviklingsperspektiv",
  retentionDuringPoorHealth: "Fastholdelse i praktikken i en periode med dårligt helbred",
};
export type ShortHoursReasonKey = (typeof SHORT_HOURS_REASONS)[number];

export interface PraktikDetails {
  company: string | null;
  hoursPerWeek: number | null;
  daysPerWeek: number | null;
  focus: PraktikFocusKey | null;
  virksomhedscenter: boolean | null;
  /** VP-4: a virksomhedscenter placement records the mentor arrangement. */
  mentorArrangement: string | null;
  shortHoursReason: ShortHoursReasonKey | null;
  shortHoursNote: string | null;
  /** VP-3: confirmed that the placement is not only to document that the citizen cannot work. */
  notOnlyDocumentation: boolean;
}

export interface PraktikExtensionRecord {
  weeks: number;
  assessment: string;
  specialNeed: boolean;
  recordedOn: string;
  previousEnd: string;
  newEnd: string;
  recordedBy: string | null;
}

/** intervention_records.details. */
export interface InterventionDetails {
  /** The legal basis as chosen (the stored kind is "leisure" for an agreed activity). */
  legalBasis?: LegalBasisKey;
  praktik?: PraktikDetails;
  /** VP-4: weeks of the first grant of the placement. */
  initialWeeks?: number;
  extensions?: PraktikExtensionRecord[];
  /** SK-2: the municipality's note on its decision. */
  skNote?: string | null;
}

/**
 * The stored details, read defensively: jsonb written by an older version, an import or a seed may lack fields or
 * hold values outside the lists; those read as "not recorded" rather than breaking the page or the API.
 */
export function normalizeDetails(raw: unknown): InterventionDetails {
  const d = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const out: InterventionDetails = {};
  if (typeof d.legalBasis === "string" && (LEGAL_BASIS_OPTIONS as readonly string[]).includes(d.legalBasis)) {
    out.legalBasis = d.legalBasis as LegalBasisKey;
  }
  const p = d.praktik && typeof d.praktik === "object" ? (d.praktik as Record<string, unknown>) : null;
  if (p) {
    const text = (v: unknown) => (typeof v === "string" && v.trim() ? v : null);
    const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
    const focus = Array.isArray(p.focus) && p.focus.length === 1 ? p.focus[0] : p.focus;
    out.praktik = {
      company: text(p.company),
      hoursPerWeek: num(p.hoursPerWeek),
      daysPerWeek: num(p.daysPerWeek),
      focus: (PRAKTIK_FOCUS as readonly unknown[]).includes(focus) ? (focus as PraktikFocusKey) : null,
      virksomhedscenter: typeof p.virksomhedscenter === "boolean" ? p.virksomhedscenter : null,
      mentorArrangement: text(p.mentorArrangement),
      shortHoursReason: (SHORT_HOURS_REASONS as readonly unknown[]).includes(p.shortHoursReason)
        ? (p.shortHoursReason as ShortHoursReasonKey)
        : null,
      shortHoursNote: text(p.shortHoursNote),
      notOnlyDocumentation: p.notOnlyDocumentation === true,
    };
  }
  if (typeof d.initialWeeks === "number" && Number.isInteger(d.initialWeeks)) out.initialWeeks = d.initialWeeks;
  if (Array.isArray(d.extensions)) {
    out.extensions = d.extensions.filter(
      (x): x is PraktikExtensionRecord =>
        Boolean(x) && typeof x === "object" && typeof (x as PraktikExtensionRecord).weeks === "number",
    );
  }
  if (typeof d.skNote === "string") out.skNote = d.skNote;
  return out;
}

/** Whole weeks from start to end, both days included; a started week counts (VP-4). */
export function weeksBetween(start: string, end: string): number {
  return Math.ceil((parseDate(end) - parseDate(start) + 1) / 7);
}

export function hoursPerDay(p: Pick<PraktikDetails, "hoursPerWeek" | "daysPerWeek">): number | null {
  if (p.hoursPerWeek === null || p.daysPerWeek === null || p.daysPerWeek <= 0) return null;
  return Math.round((p.hoursPerWeek / p.daysPerWeek) * 100) / 100;
}

/**
 * VP-1..VP-4 for a placement. `required` is true once the placement starts: then the company, hours, the one main
 * focus (VP-1), the VP-3 confirmation and the planned end (VP-4) must be there.
 */
export function checkPraktik(
  p: PraktikDetails,
  dates: { startDate: string | null; plannedEnd: string | null },
  extensions: readonly { weeks: number; assessment: string; specialNeed: boolean }[],
  required: boolean,
  checkLength = true,
): { errors: FieldErrors; warnings: string[]; initialWeeks: number | null } {
  const errors: FieldErrors = {};
  const warnings: string[] = [];
  if (required && !p.company) errors["praktik.company"] = "Skriv, hvilken virksomhed praktikken er hos";
  if (required && p.hoursPerWeek === null) errors["praktik.hoursPerWeek"] = "Skriv timer pr. uge, fx 10 eller 7,5";
  if (required && p.daysPerWeek === null) errors["praktik.daysPerWeek"] = "Skriv antal dage pr. uge (1-7)";
  if (required || p.focus) {
    const f = praktikFocus({ focus: p.focus ? [p.focus] : [] }, 0);
    if (!f.value.ok) errors["praktik.focus"] = findingText(f.value.findings[0]!);
  }
  if (required && !p.notOnlyDocumentation) {
    errors["praktik.notOnlyDocumentation"] =
      `Bekræft, at praktikken ikke alene skal dokumentere, at borgeren ikke kan arbejde (${ruleBasis("VP-3")})`;
  }
  if (p.virksomhedscenter && !p.mentorArrangement) {
    errors["praktik.mentorArrangement"] = `Beskriv mentorordningen i virksomhedscentret (${ruleBasis("VP-4")})`;
  }
  const perDay = hoursPerDay(p);
  if (perDay !== null && dates.startDate) {
    const s = praktikShortHours(
      {
        start: parseDate(dates.startDate),
        hoursPerDay: perDay,
        ...(p.shortHoursReason ? { shortHoursReason: p.shortHoursReason } : {}),
      },
      0,
    );
    if (s.value.short) {
      if (!s.value.ok) errors["praktik.shortHoursReason"] = findingText(s.value.findings[0]!);
      else
        warnings.push(
          `Praktikken er på ${danishNumber(perDay)} timer om dagen, under 1 time. Begrundelse: ${SHORT_HOURS_REASON_LABELS[p.shortHoursReason!]} (${ruleBasis("VP-2")}).`,
        );
    }
  }
  let initialWeeks: number | null = null;
  if (!checkLength) {
    // The dates are as saved: a length recorded earlier is not checked again, so a stop can always be recorded.
  } else if (dates.startDate && dates.plannedEnd && dates.plannedEnd >= dates.startDate) {
    const total = weeksBetween(dates.startDate, dates.plannedEnd);
    const extended = extensions.reduce((s, x) => s + x.weeks, 0);
    initialWeeks = Math.max(1, total - extended);
    const l = praktikLengthCheck(
      { start: parseDate(dates.startDate), initialWeeks, extensions: extensions.map((x) => ({ ...x })) },
      0,
    );
    const first = l.value.findings.find((x) => x.severity === "error");
    if (first) errors["plannedEnd"] = `${findingText(first)} Brug "Forlæng praktikken" til en forlængelse.`;
  } else if (required && !dates.plannedEnd) {
    errors["plannedEnd"] = `Skriv, hvornår praktikken planlægges at slutte (${ruleBasis("VP-4")})`;
  }
  return { errors, warnings, initialWeeks };
}

/** VP-4: one more extension, checked with the earlier ones against the 13/26-week parameters. */
export function checkExtension(
  start: string,
  initialWeeks: number,
  earlier: readonly { weeks: number; assessment: string; specialNeed: boolean }[],
  next: { weeks: number; assessment: string; specialNeed: boolean },
): { errors: FieldErrors; totalWeeks: number; explanation: Explanation } {
  const l = praktikLengthCheck(
    { start: parseDate(start), initialWeeks, extensions: [...earlier, next].map((x) => ({ ...x })) },
    0,
  );
  const errors: FieldErrors = {};
  const n = earlier.length + 1;
  for (const f of l.value.findings) {
    if (f.severity !== "error") continue;
    if (!f.message.startsWith(`Forlængelse ${n} `)) continue;
    const key = /vurdering/.test(f.message)
      ? "assessment"
      : /ad gangen/.test(f.message)
        ? "weeks"
        : /særligt behov/.test(f.message)
          ? "specialNeed"
          : "weeks";
    errors[key] ??= findingText(f);
  }
  return { errors, totalWeeks: l.value.totalWeeks, explanation: l.explanation };
}

/* ---------------------------------------------------------------------------------------------- */
/* Sundhedskoordinator (SK-1..SK-3). */

export const SK_DECISIONS = {
  adjust: "Tilbuddet tilpasses",
  keep: "Tilbuddet fastholdes uændret",
} as const;
export type SkDecision = keyof typeof SK_DECISIONS;

export const SK3_TEXT =
  "At borgeren bruger retten til en samtale med sundhedskoordinatoren, påvirker ikke borgerens ret til at klage over tilbuddet eller afgørelser i sagen";

/** SK-1: the written notice at the latest with the offer; an error text, or null when in order. */
export function skNoticeProblem(r: {
  kind: string;
  isOffer: boolean;
  offeredOn: string | null;
  skNoticeOn: string | null;
}): string | null {
  if (!skApplies(r.kind, r.isOffer) || !r.offeredOn) return null;
  const n = skNotice(
    {
      kind: r.kind as (typeof SK_KINDS)[number],
      offeredOn: parseDate(r.offeredOn),
      ...(r.skNoticeOn ? { writtenNoticeOn: parseDate(r.skNoticeOn) } : {}),
    },
    0,
  );
  return n.value.ok ? null : findingText(n.value.findings[0]!);
}

export type SkState = "notRequested" | "onHoldUntilDecision" | "mayStart" | "continues" | "decided";

/** SK-2: where the citizen's use of the right leaves the offer, in Danish. */
export function skState(
  r: {
    kind: string;
    isOffer: boolean;
    startDate: string | null;
    skRequestedOn: string | null;
    skDecidedOn: string | null;
    skDecision: string | null;
  },
  asOf: string,
): { state: SkState; text: string | null; explanation: Explanation | null } {
  if (!r.skRequestedOn) return { state: "notRequested", text: null, explanation: null };
  const start = r.startDate ?? formatDate(addDays(parseDate(r.skRequestedOn), 1));
  const u = skRightUsed(
    {
      kind: r.kind as (typeof SK_KINDS)[number],
      start: parseDate(start),
      requestedOn: parseDate(r.skRequestedOn),
      ...(r.skDecidedOn ? { municipalityDecidedOn: parseDate(r.skDecidedOn) } : {}),
    },
    parseDate(asOf),
  );
  const decision = r.skDecision && r.skDecision in SK_DECISIONS ? SK_DECISIONS[r.skDecision as SkDecision] : null;
  const when = danishDate(r.skRequestedOn);
  if (r.skDecidedOn) {
    return {
      state: "decided",
      text: `Borgeren bad ${when} om en samtale med sundhedskoordinatoren. Kommunen besluttede ${danishDate(r.skDecidedOn)}: ${decision ?? "–"} (SK-2).`,
      explanation: u.explanation,
    };
  }
  if (u.value.status === "onHoldUntilDecision") {
    return {
      state: "onHoldUntilDecision",
      text: `Borgeren bad ${when} før start om en samtale med sundhedskoordinatoren. Borgeren begynder ikke, før kommunen har besluttet, om tilbuddet skal tilpasses (SK-2).`,
      explanation: u.explanation,
    };
  }
  return {
    state: "continues",
    text: `Borgeren bad ${when} under tilbuddet om en samtale med sundhedskoordinatoren. Borgeren fortsætter i tilbuddet, medmindre kommunen på sundhedskoordinatorens råd beslutter andet (SK-2).`,
    explanation: u.explanation,
  };
}

/* ---------------------------------------------------------------------------------------------- */
/* Mentor grants (MT-1..MT-3). */

export interface MentorGrantFacts {
  id: string;
  fromDate: string;
  toDate: string;
  assessment: string | null;
}

/**
 * MT-3 for a new or changed grant, against the case's other grants: each grant at most 6 months, every grant after
 * the first only after a recorded concrete assessment. Returns the findings the new grant adds.
 */
export function checkMentorGrant(
  grant: { fromDate: string; toDate: string; assessment: string | null },
  others: readonly MentorGrantFacts[],
  asOf: string,
): { errors: FieldErrors; warnings: string[] } {
  const toFacts = (g: { fromDate: string; toDate: string; assessment: string | null }) => ({
    start: parseDate(g.fromDate),
    end: parseDate(g.toDate),
    ...(g.assessment ? { concreteAssessment: g.assessment } : {}),
  });
  const day = parseDate(asOf);
  const before = new Set(mentorGrants({ grants: others.map(toFacts) }, day).value.findings.map((f) => f.message));
  const after = mentorGrants({ grants: [...others.map(toFacts), toFacts(grant)] }, day).value.findings;
  const added = after.filter((f) => !before.has(f.message));
  const errors: FieldErrors = {};
  const warnings: string[] = [];
  for (const f of added) {
    if (f.severity === "error") {
      const key = /vurdering/.test(f.message) ? "assessment" : "toDate";
      errors[key] ??= findingText(f);
    } else warnings.push(findingText(f));
  }
  return { errors, warnings };
}

/** The findings (warnings included) on all of a case's grants, for the page. */
export function mentorNotes(grants: readonly MentorGrantFacts[], asOf: string): string[] {
  const r = mentorGrants(
    {
      grants: grants.map((g) => ({
        start: parseDate(g.fromDate),
        end: parseDate(g.toDate),
        ...(g.assessment ? { concreteAssessment: g.assessment } : {}),
      })),
    },
    parseDate(asOf),
  );
  return r.value.findings.map(findingText);
}

/** MT-1: a granted forløb should, as a rule, have a mentor. Null when there is one on `asOf`. */
export function mentorNotice(grants: readonly { fromDate: string; toDate: string }[], asOf: string): string | null {
  if (grants.some((g) => g.fromDate <= asOf && asOf <= g.toDate)) return null;
  const upcoming = grants.find((g) => g.fromDate > asOf);
  if (upcoming) return null;
  return grants.length === 0
    ? `Borgeren har ingen mentorbevilling. En borger i ressourceforløb bør som udgangspunkt tilbydes en mentor (${ruleBasis("MT-1")}).`
    : `Borgeren har ingen aktiv mentorbevilling i dag. En borger i ressourceforløb bør som udgangspunkt have en mentor; en ny periode kræver en konkret vurdering (${ruleBasis("MT-1")}; ${ruleBasis("MT-3")}).`;
}

/* ---------------------------------------------------------------------------------------------- */
/* Periods: what each does to the deadlines (IG-2, IG-3, D-4). */

export const PERIOD_KIND_INFO = {
  barsel: {
    label: "Barsel (graviditet, barsel eller adoption)",
    effect:
      "Tæller ikke med i forløbets varighed: slutdatoen rykkes tilsvarende, og det kræver ikke forelæggelse for rehabiliteringsteamet.",
    ruleId: "D-4",
  },
  fritagelse: {
    label: "Fritaget for rådighed",
    effect:
      "Tæller ikke med i de 6 måneder i indsatsgarantien: fristen for en kvalificerende indsats forlænges med dagene. Slutdatoen rykkes ikke.",
    ruleId: "IG-2",
  },
  standby: {
    label: "Stand by (kontaktforløb uden kontakt)",
    effect:
      "Tæller ikke med i de 6 måneder i indsatsgarantien: fristen for en kvalificerende indsats forlænges med dagene. Slutdatoen rykkes ikke.",
    ruleId: "IG-2",
  },
  ordinaryWork: {
    label: "Ordinære løntimer",
    effect:
      "Har borgeren ordinære løntimer (uanset omfang) i de første 6 måneder, er sagen undtaget fra indsatsgarantien.",
    ruleId: "IG-3",
  },
  stu: {
    label: "STU (særligt tilrettelagt ungdomsuddannelse)",
    effect: "Deltager borgeren i STU i de første 6 måneder, er sagen undtaget fra indsatsgarantien.",
    ruleId: "IG-3",
  },
  khe15: {
    label: "Løntilskud efter kompensationsloven § 15",
    effect:
      "Er borgeren ansat med løntilskud efter kompensationsloven § 15 i de første 6 måneder, er sagen undtaget fra indsatsgarantien.",
    ruleId: "IG-3",
  },
  sickness: {
    label: "Sygdom (uden fritagelse)",
    effect:
      "Flytter hverken indsatsgarantien eller slutdatoen. Er borgeren fritaget for rådighed på grund af sygdom, registreres en fritagelse.",
    ruleId: "D-4",
  },
} as const;
export type PeriodKindKey = keyof typeof PERIOD_KIND_INFO;
export const PERIOD_KIND_KEYS = Object.keys(PERIOD_KIND_INFO) as [PeriodKindKey, ...PeriodKindKey[]];

/** "Barsel: … (D-4: LAB § 113 …)" */
export function periodEffect(kind: PeriodKindKey): string {
  const i = PERIOD_KIND_INFO[kind];
  return `${i.effect} (${ruleBasis(i.ruleId)})`;
}

/** Periods of the same kind may not overlap; returns the period it overlaps, if any. */
export function overlappingPeriod<T extends { id: string; kind: string; fromDate: string; toDate: string }>(
  p: { kind: string; fromDate: string; toDate: string },
  others: readonly T[],
  exceptId?: string,
): T | null {
  return (
    others.find((o) => o.id !== exceptId && o.kind === p.kind && o.fromDate <= p.toDate && o.toDate >= p.fromDate) ??
    null
  );
}

/** D-4: the end date after barsel, with the rules engine's explanation. */
export function endAfterBarsel(
  forloeb: { startDate: string; plannedEnd: string },
  periods: readonly { kind: string; fromDate: string; toDate: string }[],
): { plannedEnd: string; effectiveEnd: string; barselDays: number; explanation: Explanation } {
  const r = effectiveEnd(
    {
      start: parseDate(forloeb.startDate),
      plannedEnd: parseDate(forloeb.plannedEnd),
      barsel: periods
        .filter((p) => p.kind === "barsel")
        .map((p) => ({ from: parseDate(p.fromDate), to: parseDate(p.toDate) })),
    },
    0,
  );
  return {
    plannedEnd: forloeb.plannedEnd,
    effectiveEnd: r.value.effectiveEnd,
    barselDays: r.value.barselDays,
    explanation: r.explanation,
  };
}

/* ---------------------------------------------------------------------------------------------- */

export function danishDate(iso: string | null | undefined): string {
  if (!iso) return "–";
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

export function danishNumber(n: number): string {
  return String(n).replace(".", ",");
}

export function isDate(v: unknown): v is string {
  return typeof v === "string" && tryParseDate(v) !== null;
}

/* ---------------------------------------------------------------------------------------------- */
/* The records as the pages and the API see them. */

export interface InterventionRecord {
  id: string;
  caseId: string;
  /** The intervention's stable id in the plan; null for one recorded outside the plan. */
  planItemId: string | null;
  kind: InterventionKindKey;
  legalBasis: LegalBasisKey | null;
  title: string;
  provider: string | null;
  isOffer: boolean;
  offeredOn: string | null;
  startDate: string | null;
  plannedEnd: string | null;
  endDate: string | null;
  status: InterventionStatus;
  skNoticeOn: string | null;
  skRequestedOn: string | null;
  skDecidedOn: string | null;
  skDecision: SkDecision | null;
  details: InterventionDetails;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface MentorGrant {
  id: string;
  caseId: string;
  mentorName: string;
  mentorContact: string | null;
  role: string;
  /** MT-2: in order of priority. */
  goals: string[];
  fromDate: string;
  toDate: string;
  renewalOf: string | null;
  assessment: string | null;
  version: number;
  createdAt: Date;
}

export interface ForloebPeriod {
  id: string;
  caseId: string;
  kind: PeriodKindKey;
  fromDate: string;
  toDate: string;
  note: string | null;
  version: number;
  createdAt: Date;
}

/** An intervention of the current plan, as the page lists it. */
export interface PlanItem {
  id: string;
  title: string;
  legalBasis: LegalBasisKey;
  provider: string;
  form: "offer" | "agreed";
  plannedStart: string;
  plannedEnd: string | null;
  shortTermGoal: string;
}

/** The audited shape of a record: flat, readable fields. */
export function recordAuditShape(r: Partial<InterventionRecord> | null): Record<string, unknown> {
  if (!r) return {};
  const p = r.details?.praktik;
  return {
    title: r.title,
    kind: r.kind,
    planItemId: r.planItemId,
    isOffer: r.isOffer,
    provider: r.provider,
    offeredOn: r.offeredOn,
    skNoticeOn: r.skNoticeOn,
    startDate: r.startDate,
    plannedEnd: r.plannedEnd,
    endDate: r.endDate,
    status: r.status,
    skRequestedOn: r.skRequestedOn,
    skDecidedOn: r.skDecidedOn,
    skDecision: r.skDecision,
    ...(p
      ? {
          "praktik.company": p.company,
          "praktik.hoursPerWeek": p.hoursPerWeek,
          "praktik.daysPerWeek": p.daysPerWeek,
          "praktik.focus": p.focus,
          "praktik.virksomhedscenter": p.virksomhedscenter,
          "praktik.mentorArrangement": p.mentorArrangement,
          "praktik.shortHoursReason": p.shortHoursReason,
          "praktik.shortHoursNote": p.shortHoursNote,
          "praktik.notOnlyDocumentation": p.notOnlyDocumentation,
        }
      : {}),
    initialWeeks: r.details?.initialWeeks ?? null,
    extensions: r.details?.extensions?.length ?? 0,
  };
}
