import {
  addDaysIso,
  ageAt,
  citationText,
  isoWeekday,
  isValidDate,
  parseDate,
  tryResolve,
  type Citation,
  type Explanation,
} from "~/legislation";
import { authorityName, rehabiliteringsteamExists } from "~/legislation/parameters";

/*
 * The rehabiliteringsteam (rules.md P-1, P-2, P-3, P-5, P-9): meetings, the agenda, the indstilling.
 * Pure: no clock, no I/O. Dates are ISO strings; times of day are "HH:MM" in Danish local time.
 */

const SKRIVELSE = "STAR, Skrivelse om ressourceforløb nr. 10112 af 23/12 2021 (seed 002)";
const HERNING = "Herning Kommune, notat 2015 (seed 000)";
const HALSNAES = "Halsnæs jobcenter, beskæftigelsesplan 2019 (seed 001)";

/** The legal basis of each procedural rule this module implements, as shown in the UI, letters and tests. */
export const TEAM_RULES = {
  "P-1": {
    title: "Sagen forelægges rehabiliteringsteamet før bevilling; borgeren må have en bisidder med",
    citation: { law: "Skrivelse om ressourceforløb", paragraph: "afsnit 2 og 3", source: SKRIVELSE },
  },
  "P-2": {
    title: "Teamets sammensætning og indstillingens muligheder",
    citation: { law: "Herning Kommune, notat", paragraph: "om rehabiliteringsteamet og eksempel 4", source: HERNING },
  },
  "P-3": {
    title: "Sagen forelægges teamet igen, før der træffes en afgørelse, der ikke følger indstillingen",
    citation: { law: "Skrivelse om ressourceforløb", paragraph: "afsnit 5.2", source: SKRIVELSE },
  },
  "P-5": {
    title: "Den koordinerende sagsbehandler mødes med borgeren senest en uge efter teamets møde",
    citation: { law: "Skrivelse om ressourceforløb", paragraph: "afsnit 5.2", source: `${SKRIVELSE}; ${HALSNAES}` },
  },
  "P-9": {
    title: "Borgerens netværk kan deltage i møderne",
    citation: { law: "Skrivelse om ressourceforløb", paragraph: "afsnit 5.7", source: SKRIVELSE },
  },
} as const satisfies Record<string, { title: string; citation: Citation }>;
export type TeamRuleId = keyof typeof TEAM_RULES;

/** "P-2 (Herning Kommune, notat om rehabiliteringsteamet …)": rule id and legal basis in one line for the UI. */
export function ruleBasis(id: TeamRuleId): string {
  return `${id}: ${citationText(TEAM_RULES[id].citation)}`;
}

/* Members (P-2) ------------------------------------------------------------------------------ */

/** The areas a team member represents (P-2). UU takes part when a citizen on the agenda is under 30. */
export const MEMBER_AREAS = {
  employment: { label: "Beskæftigelsesområdet", required: true },
  health: { label: "Sundhedsområdet", required: true },
  social: { label: "Socialområdet", required: true },
  sundhedskoordinator: { label: "Regionens sundhedskoordinator", required: true },
  uu: { label: "Ungdommens Uddannelsesvejledning (UU)", required: false },
} as const;
export type MemberArea = keyof typeof MEMBER_AREAS;
export const MEMBER_AREA_KEYS = Object.keys(MEMBER_AREAS) as [MemberArea, ...MemberArea[]];
export const REQUIRED_MEMBER_AREAS = MEMBER_AREA_KEYS.filter((a) => MEMBER_AREAS[a].required);

export interface TeamMember {
  area: MemberArea;
  name: string;
  title?: string;
}

/** P-2 (seed 000): "I sager, hvor borgeren er under 30 år, kan der også deltage en repræsentant fra UU." */
export const UU_AGE_LIMIT = { belowAge: 30, ruleId: "P-2" as const };

export function missingRequiredAreas(members: readonly { area: string }[]): MemberArea[] {
  return REQUIRED_MEMBER_AREAS.filter((a) => !members.some((m) => m.area === a));
}

/** Age in whole years on the meeting day (legislation's date arithmetic: a birthday counts from the day). */
export function ageOn(birthDate: string, onDate: string): number {
  return ageAt(parseDate(birthDate), parseDate(onDate)).years;
}

/**
 * P-2: citizens on the agenda under 30 when no UU representative is listed. An empty list means no hint is needed.
 */
export function uuHint(
  members: readonly { area: string }[],
  agenda: readonly { citizenName: string; birthDate: string }[],
  meetingDate: string,
): { citizenName: string; age: number }[] {
  if (members.some((m) => m.area === "uu")) return [];
  return agenda
    .map((a) => ({ citizenName: a.citizenName, age: ageOn(a.birthDate, meetingDate) }))
    .filter((a) => a.age < UU_AGE_LIMIT.belowAge);
}

/**
 * R2026: whether the rehabiliteringsteam exists on the meeting day (dated parameter, date not verified). After it,
 * sundhedskoordinatorens rådgivning replaces the team for fleksjob and førtidspension.
 */
export function teamExistsOn(date: string): { exists: boolean; from: string | null; verified: boolean } {
  const r = tryResolve(rehabiliteringsteamExists, date);
  return { exists: r?.value === true, from: r?.from ?? null, verified: r?.citation.verified !== false };
}

/** R2026 wording: letters dated from the change say "kommunen" instead of "jobcenteret" (dated parameter). */
export function authorityOn(letterDate: string): { name: string; citation: Citation } {
  const r = tryResolve(authorityName, letterDate);
  if (!r) throw new Error(`Ingen myndighedsbetegnelse i kraft ${letterDate}`);
  return { name: r.value, citation: r.citation };
}

/* Agenda --------------------------------------------------------------------------------------- */

/** Why a case is on the agenda. The last three are used by later steps (indsatsgaranti, D-6, "se sagen igen"). */
export const AGENDA_PURPOSES = {
  firstPresentation: {
    label: "Første forelæggelse",
    letter:
      "Teamet skal tale med dig om din situation og komme med en indstilling om, hvilken indsats der kan hjælpe dig videre mod job eller uddannelse – fx et ressourceforløb.",
  },
  returnBeforeDecision: {
    label: "Forelægges igen før afgørelse (P-3)",
    letter:
      "Teamet skal se på din sag igen, fordi der overvejes en afgørelse, der ikke følger teamets tidligere indstilling. Teamet skal vurdere sagen igen, før der træffes afgørelse.",
  },
  seeAgain: {
    label: "Teamet ønsker at se sagen igen",
    letter:
      "Teamet har tidligere bedt om at se din sag igen. Teamet skal høre, hvordan det går, og vurdere næste skridt.",
  },
  indsatsgaranti: {
    label: "Indsatsgaranti: ingen indsats inden for 6 måneder (IG-1)",
    letter:
      "Du har ikke inden for de første 6 måneder af dit ressourceforløb fået en af de indsatser, der er nævnt i loven. Teamet skal derfor se på din sag igen.",
  },
  nextStep: {
    label: "Næste skridt før forløbets afslutning (D-6)",
    letter:
      "Dit ressourceforløb nærmer sig sin afslutning. Teamet skal komme med en indstilling om, hvad der skal ske bagefter.",
  },
} as const;
export type AgendaPurpose = keyof typeof AGENDA_PURPOSES;
export const AGENDA_PURPOSE_KEYS = Object.keys(AGENDA_PURPOSES) as [AgendaPurpose, ...AgendaPurpose[]];

/** Case statuses that may be put on the agenda, and the purpose that follows (P-1, P-3). */
export const AGENDA_SOURCES = {
  readyForTeam: "firstPresentation",
  backToTeam: "returnBeforeDecision",
} as const satisfies Record<string, AgendaPurpose>;
export type AgendaSourceStatus = keyof typeof AGENDA_SOURCES;
export const AGENDA_SOURCE_STATUSES = Object.keys(AGENDA_SOURCES) as AgendaSourceStatus[];

/** Where a case goes back to when it is taken off the agenda before the team has given its indstilling. */
export function statusBeforeAgenda(purpose: AgendaPurpose): AgendaSourceStatus | null {
  for (const [status, p] of Object.entries(AGENDA_SOURCES)) if (p === purpose) return status as AgendaSourceStatus;
  return null;
}

export const DEFAULT_SLOT_MINUTES = 45;
export const SLOT_MINUTES_RANGE = { min: 5, max: 240 } as const;

/** "9:00", "09.00", "0900" → "09:00"; null when it is not a time of day. */
export function normaliseTime(raw: string): string | null {
  const m = /^\s*(\d{1,2})[:.]?(\d{2})\s*$/.exec(raw);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

export function minutesOfDay(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function timeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function slotEnd(slotStart: string, slotMinutes: number): string {
  return timeOfDay(minutesOfDay(slotStart) + slotMinutes);
}

/** The next free time slot: right after the latest slot on the agenda, or the meeting's start when it is empty. */
export function nextSlotStart(meetingStart: string, items: readonly { slotStart: string; slotMinutes: number }[]) {
  const ends = items.map((i) => minutesOfDay(i.slotStart) + i.slotMinutes);
  return timeOfDay(Math.max(minutesOfDay(meetingStart), ...ends));
}

/** The slot length a new item gets: the length of the latest slot, so a meeting keeps its rhythm; else 45. */
export function defaultSlotMinutes(items: readonly { slotStart: string; slotMinutes: number }[]): number {
  const last = [...items].sort((a, b) => minutesOfDay(a.slotStart) - minutesOfDay(b.slotStart)).at(-1);
  return last?.slotMinutes ?? DEFAULT_SLOT_MINUTES;
}

/** Consecutive slots from the start time, in the given order (used when the meeting sets one length for all). */
export function consecutiveSlots(meetingStart: string, lengths: readonly number[]): string[] {
  let at = minutesOfDay(meetingStart);
  return lengths.map((len) => {
    const start = timeOfDay(at);
    at += len;
    return start;
  });
}

/** Slots that overlap an earlier one, for a warning on the schedule. */
export function overlappingSlots<T extends { slotStart: string; slotMinutes: number }>(items: readonly T[]): T[] {
  const sorted = [...items].sort((a, b) => minutesOfDay(a.slotStart) - minutesOfDay(b.slotStart));
  const out: T[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    if (minutesOfDay(sorted[i]!.slotStart) < minutesOfDay(prev.slotStart) + prev.slotMinutes) out.push(sorted[i]!);
  }
  return out;
}

/* Indstilling (P-2) ----------------------------------------------------------------------------- */

/** The team's indstilling is one of these (P-2). */
export const RECOMMENDATIONS = {
  ressourceforloeb: "Ressourceforløb",
  fleksjob: "Fleksjob",
  foertidspension: "Førtidspension",
  fortsatIndsats: "Fortsat nuværende indsats",
  andet: "Andet (fx jobafklaringsforløb)",
} as const;
export type Recommendation = keyof typeof RECOMMENDATIONS;
export const RECOMMENDATION_KEYS = Object.keys(RECOMMENDATIONS) as [Recommendation, ...Recommendation[]];

/** Recommended interventions are listed per area (002 §5.2: beskæftigelses-, uddannelses-, social- og sundhedsområdet). */
export const INTERVENTION_AREAS = {
  employment: "Beskæftigelse",
  education: "Uddannelse",
  health: "Sundhed",
  social: "Socialt",
} as const;
export type InterventionArea = keyof typeof INTERVENTION_AREAS;
export const INTERVENTION_AREA_KEYS = Object.keys(INTERVENTION_AREAS) as InterventionArea[];

/**
 * The text of an "andet" indstilling is kept with the interventions under this key: the indstillinger table has no
 * column of its own for it. Only this module reads and writes the stored shape.
 */
export const OTHER_TEXT_KEY = "andet";

export interface Indstilling {
  id: string;
  caseId: string;
  meetingId: string;
  meetingDate: string;
  /** The purpose of the agenda item the indstilling was given on (the P-3 guard needs "returnBeforeDecision"). */
  purpose: AgendaPurpose;
  recommendation: Recommendation;
  /** The description when recommendation is "andet". */
  otherText: string | null;
  recommendedMonths: number | null;
  interventions: Record<InterventionArea, string[]>;
  reasons: string;
  seeAgain: boolean;
  seeAgainNote: string | null;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: Date;
}

/** From the stored interventions JSON to the module's shape. */
export function splitInterventions(stored: Record<string, string[]>): {
  interventions: Record<InterventionArea, string[]>;
  otherText: string | null;
} {
  const interventions = Object.fromEntries(
    INTERVENTION_AREA_KEYS.map((k) => [k, Array.isArray(stored[k]) ? stored[k] : []]),
  ) as Record<InterventionArea, string[]>;
  const other = stored[OTHER_TEXT_KEY];
  return { interventions, otherText: Array.isArray(other) && other[0] ? other[0] : null };
}

export function joinInterventions(
  interventions: Record<InterventionArea, string[]>,
  otherText: string | null,
): Record<string, string[]> {
  return { ...interventions, ...(otherText ? { [OTHER_TEXT_KEY]: [otherText] } : {}) };
}

/** One line for lists: "Ressourceforløb i 24 måneder", "Andet: jobafklaringsforløb". */
export function recommendationText(i: Pick<Indstilling, "recommendation" | "otherText" | "recommendedMonths">): string {
  if (i.recommendation === "andet") return i.otherText ? `Andet: ${i.otherText}` : RECOMMENDATIONS.andet;
  if (i.recommendation === "ressourceforloeb" && i.recommendedMonths)
    return `Ressourceforløb i ${i.recommendedMonths} måneder`;
  return RECOMMENDATIONS[i.recommendation];
}

/* P-5 --------------------------------------------------------------------------------------------- */

/** P-5 (002 §5.2): "senest efter en uge". */
export const P5_MAX_DAYS_AFTER_MEETING = 7;

/**
 * P-5: the coordinating caseworker meets the citizen right after the team meeting, and at the latest one week after
 * it, to go through the indstilling. Pure; the case page shows the result as a deadline with its explanation.
 */
export function p5FirstMeetingDeadline(meetingDate: string): { value: string; explanation: Explanation } {
  if (!isValidDate(meetingDate)) throw new Error(`Ugyldig mødedato ${meetingDate}`);
  const value = addDaysIso(meetingDate, P5_MAX_DAYS_AFTER_MEETING);
  return {
    value,
    explanation: {
      ruleId: "P-5",
      title: TEAM_RULES["P-5"].title,
      citations: [TEAM_RULES["P-5"].citation],
      inputs: { meetingDate },
      parameters: [
        {
          name: "p5.maxDaysAfterMeeting",
          value: P5_MAX_DAYS_AFTER_MEETING,
          from: "2013-01-01",
          to: null,
          citation: TEAM_RULES["P-5"].citation,
        },
      ],
      result: value,
      reasoning: `Teamets møde ${meetingDate} + ${P5_MAX_DAYS_AFTER_MEETING} dage = ${value}. Mødet med borgeren bør ligge i umiddelbar forlængelse af teammødet og senest denne dag.`,
      children: [],
    },
  };
}

/* Danish dates for letters ------------------------------------------------------------------------ */

const WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];
const MONTHS = [
  "januar",
  "februar",
  "marts",
  "april",
  "maj",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "december",
];

/** "2026-03-12" → "torsdag den 12. marts 2026". */
export function danishLongDate(iso: string): string {
  const weekday = WEEKDAYS[isoWeekday(parseDate(iso)) - 1]!;
  const [y, m, day] = iso.split("-").map(Number);
  return `${weekday} den ${day}. ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** "2026-03-12" → "12.03.2026". */
export function danishShortDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}
