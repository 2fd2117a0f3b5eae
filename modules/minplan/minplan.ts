import { z } from "zod";
import { ALL_PARAMETERS, catalogueEntry, isoWeekday, tryParseDate, tryResolve, type Dated } from "~/legislation";
import type { CaseStatus } from "~/modules/cases";
import { followUpRequirement, PLAN_MIN_MONTHS, type PlanContent } from "~/modules/plan";

/*
 * Min Plan: the citizen's own view of the case, in plain Danish (PL-5, MT-4, P-7; skrivelse 10112 §5.3, §5.9).
 * Pure: types, wording and the input schemas.
 */

/** Where the case is, said to the citizen. */
export const STATUS_FOR_CITIZEN: Record<CaseStatus, string> = {
  visitation: "Vi er ved at forberede din sag til rehabiliteringsteamet. Det gør vi sammen med dig.",
  readyForTeam: "Din sag er klar til rehabiliteringsteamet. Du får en indkaldelse til mødet.",
  onAgenda: "Din sag skal behandles på et møde i rehabiliteringsteamet. Du er inviteret med.",
  indstillingGiven: "Rehabiliteringsteamet har givet sin anbefaling. Nu beslutter kommunen, hvad der skal ske.",
  backToTeam: "Din sag skal en gang til i rehabiliteringsteamet, før kommunen beslutter, hvad der skal ske.",
  granted: "Du er i et ressourceforløb.",
  refused: "Du har fået afslag på et ressourceforløb. Du kan læse afgørelsen under Dine breve.",
  notConsidered: "Kommunen har afvist at behandle sagen om ressourceforløb. Du kan læse afgørelsen under Dine breve.",
  ended: "Dit ressourceforløb er afsluttet.",
};

/** While the case is on its way to the team, the citizen's own words go on the case for the team to read. */
export const BEFORE_TEAM: readonly CaseStatus[] = ["visitation", "readyForTeam", "onAgenda"];
/** Cases that are over: Min Plan shows an open case before one of these. */
export const CLOSED: readonly CaseStatus[] = ["refused", "notConsidered", "ended"];

export const GOAL_FOR_CITIZEN = {
  job: "Dit jobmål",
  education: "Dit uddannelsesmål",
  overall: "Dit mål",
} as const;

export const FORM_FOR_CITIZEN = {
  offer: {
    label: "Tilbud fra kommunen",
    explanation:
      "Kommunen betaler. Du skal deltage. Hvis du bliver væk uden en rimelig grund, kan det få betydning for din ydelse.",
  },
  agreed: {
    label: "Aftalt aktivitet",
    explanation:
      "Noget, vi har aftalt sammen, fx en fritidsaktivitet. Det er ikke et tilbud fra kommunen. Kommunen betaler ikke, og du mister ikke penge, hvis du ikke deltager.",
  },
} as const;

export const MEETING_MODES: Record<string, string> = {
  personal: "Møde, hvor du møder op",
  phone: "Telefonsamtale",
  video: "Videomøde",
  digital: "Digital samtale",
};

export const PARTICIPANTS: Record<string, string> = {
  mentor: "din mentor",
  jobformidler: "din jobformidler",
  network: "en fra dit netværk",
  bisidder: "din bisidder",
};

export const REQUEST_KINDS = {
  conversation: "Du bad om en samtale",
  view: "Du skrev din mening og dine ønsker",
} as const;

/** P-7 (from 2022): the right to a personal jobformidler, which the citizen must be told about. */
export function jobformidlerRightApplies(asOf: string): boolean {
  const from = catalogueEntry("P-7")?.inForce.from;
  return from !== undefined && asOf >= from;
}

export interface MinPlanMeeting {
  date: string;
  time: string | null;
  mode: string;
  participants: string[];
}

export interface MinPlanView {
  citizenName: string;
  asOf: string;
  case: {
    id: string;
    status: CaseStatus;
    citizenView: string | null;
    citizenViewAt: Date | null;
  } | null;
  forloeb: { startDate: string; plannedEnd: string } | null;
  plan: { revision: number; content: PlanContent; createdAt: Date } | null;
  nextMeeting: MinPlanMeeting | null;
  lastMeeting: MinPlanMeeting | null;
  coordinator: { name: string; email: string | null; unit: string } | null;
  jobformidler: {
    name: string | null;
    phone: string | null;
    email: string | null;
    tasks: string | null;
    agreements: string | null;
    isMentor: boolean;
  } | null;
  /** P-7: "undecided", "wants" or "declines" (JOBFORMIDLER_ANSWERS in modules/cases); null when never offered. */
  jobformidlerAnswer: string | null;
  letters: { id: string; kind: string; title: string; createdAt: Date }[];
  requests: { id: string; kind: string; message: string; createdAt: Date; handledAt: Date | null }[];
}

const message = (empty: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    z.string().trim().min(1, empty).max(4000, "Teksten er for lang. Skriv højst 4000 tegn."),
  );

export const ConversationRequestInput = z.object({
  message: message("Skriv kort, hvad du gerne vil tale om"),
});

export const OwnViewInput = z.object({
  text: message("Skriv det, du gerne vil have med"),
  /** When the citizen's earlier text was saved, as the page showed it: the optimistic lock on the text. */
  basedOn: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(40)),
});

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

/** "mandag den 24. november 2025": a legal date written out, without passing through JS Date. */
export function longDate(iso: string): string {
  const d = tryParseDate(iso);
  if (d === null) return iso;
  const [y, m, day] = iso.split("-").map(Number) as [number, number, number];
  return `${WEEKDAYS[isoWeekday(d) - 1]} den ${day}. ${MONTHS[m - 1]} ${y}`;
}

function parameter<T>(name: string, asOf: string): T | null {
  const p = ALL_PARAMETERS.find((x) => x.name === name) as Dated<T> | undefined;
  return p ? (tryResolve(p, asOf)?.value ?? null) : null;
}

function firstDayFalse(name: string): string | null {
  const p = ALL_PARAMETERS.find((x) => x.name === name) as Dated<boolean> | undefined;
  return p?.entries.find((e) => e.value === false)?.from ?? null;
}

/**
 * The facts the plain-language page about ressourceforløb states, from the dated parameters in force on `asOf`
 * (D-1/D-2 duration, A-1/A-2 appeal deadlines, TG-10 phase-out), so the page never states an outdated rule.
 */
export function aboutFacts(asOf: string) {
  const duration = parameter<{ minMonths: number; maxMonths: number }>("duration.rules", asOf);
  const phaseOutFrom = firstDayFalse("phaseOut.newGrantsAllowed");
  return {
    minYears: duration ? duration.minMonths / 12 : null,
    maxYears: duration ? duration.maxMonths / 12 : null,
    appealWeeks: parameter<number>("appeal.weeks", asOf),
    genvurderingWeeks: parameter<number>("appeal.genvurderingWeeks", asOf),
    newGrantsAllowed: parameter<boolean>("phaseOut.newGrantsAllowed", asOf) ?? false,
    phaseOutFrom,
    teamExists: parameter<boolean>("phaseOut.rehabiliteringsteamExists", asOf) ?? true,
    jobformidlerRight: jobformidlerRightApplies(asOf),
    conversations: followUpRequirement(asOf),
    /** R2026 wording: "jobcenteret" becomes "kommunen" from 2026-02-01. */
    authority: parameter<string>("phaseOut.authorityName", asOf) ?? "kommunen",
    planMinMonths: PLAN_MIN_MONTHS,
  };
}
