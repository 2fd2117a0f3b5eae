import { z } from "zod";
import {
  catalogueEntry,
  citationText,
  completeness,
  CONTACT_CHANNELS,
  CONVERSATION_MODES,
  Fu4NonAttendanceSchema,
  nextMeetingAgreed,
  parseDate,
  REASONABLE_GROUNDS,
  remoteConversations,
  tryParseDate,
  type Fu4NonAttendance,
} from "~/legislation";

/*
 * Follow-up (opfølgning): the conversations of a forløb and the citizen's requests (FU-1..FU-4; LAB §§ 27, 31-33;
 * skrivelse 10112 §5.3, §5.5, §6.6). Pure: types, Danish wording, input schemas and the rule checks.
 */

/* ---------------------------------------------------------------------------------------------- */
/* Vocabulary */

export const CONVERSATION_STATUSES = {
  planned: "Planlagt",
  held: "Holdt",
  noShow: "Udeblevet",
  cancelled: "Aflyst",
} as const;
export type ConversationStatus = keyof typeof CONVERSATION_STATUSES;

export const MODES = {
  personal: "Personligt fremmøde",
  phone: "Telefon",
  video: "Video",
  digital: "Digital (skriftlig)",
} as const satisfies Record<(typeof CONVERSATION_MODES)[number], string>;
export type Mode = keyof typeof MODES;
export const MODE_KEYS = Object.keys(MODES) as [Mode, ...Mode[]];

/** Who takes part besides the citizen and the coordinating caseworker (002 §5.5, §5.7-§5.9; P-9). */
export const PARTICIPANT_KINDS = {
  mentor: "Mentor",
  jobformidler: "Personlig jobformidler",
  network: "Borgerens netværk",
  bisidder: "Bisidder",
} as const;
export type ParticipantKind = keyof typeof PARTICIPANT_KINDS;
export const PARTICIPANT_KEYS = Object.keys(PARTICIPANT_KINDS) as [ParticipantKind, ...ParticipantKind[]];

export const CONTACT_CHANNEL_LABELS = {
  phone: "Telefon",
  letter: "Brev",
  digitalPost: "Digital Post",
  homeVisit: "Hjemmebesøg",
  network: "Via borgerens netværk",
  mentor: "Via mentor",
  other: "Andet",
} as const satisfies Record<(typeof CONTACT_CHANNELS)[number], string>;
export type ContactChannel = keyof typeof CONTACT_CHANNEL_LABELS;
export const CONTACT_CHANNEL_KEYS = Object.keys(CONTACT_CHANNEL_LABELS) as [ContactChannel, ...ContactChannel[]];

/** LAS § 13, stk. 7-8 and 002 §6.6: what can be a reasonable ground for not attending. */
export const REASONABLE_GROUND_LABELS = {
  illness: "Sygdom",
  healthRisk: "Risiko for, at helbredet forværres",
  seriousMentalIllness: "Alvorlig psykisk lidelse",
  social: "Sociale forhold",
  substanceAbuse: "Misbrug",
  other: "Anden rimelig grund",
} as const satisfies Record<(typeof REASONABLE_GROUNDS)[number], string>;
export type ReasonableGround = keyof typeof REASONABLE_GROUND_LABELS;
export const REASONABLE_GROUND_KEYS = Object.keys(REASONABLE_GROUND_LABELS) as [
  ReasonableGround,
  ...ReasonableGround[],
];

export const REQUEST_KIND_LABELS: Record<string, string> = {
  conversation: "Beder om en samtale",
  view: "Borgerens eget syn og ønsker",
};

/** The calendar export assumes this length for a conversation; the case records only the start. */
export const CONVERSATION_MINUTES = 60;

/** "FU-4: LAS § 13, stk. 7-8 (skrivelse 10112 §5.5, §6.6)": the rule ID and its legal basis, from the catalogue. */
export function ruleBasis(ruleId: string): string {
  const entry = catalogueEntry(ruleId);
  if (!entry) return ruleId;
  return `${ruleId}: ${entry.citations.map((c) => citationText(c)).join("; ")}`;
}

/* ---------------------------------------------------------------------------------------------- */
/* Read model */

export interface ConversationFinding {
  ruleId: string;
  message: string;
  /** Legal basis as text. */
  basis: string;
}

export interface ConversationItem {
  id: string;
  date: string;
  time: string | null;
  mode: Mode;
  status: ConversationStatus;
  participants: ParticipantKind[];
  notes: string | null;
  nextAgreedOn: string | null;
  /** FU-4: the recorded contact attempts and assessment after a no-show (legislation Fu4NonAttendanceSchema). */
  nonAttendance: Fu4NonAttendance | null;
  sanctionProposedOn: string | null;
  request: { id: string; kind: string; message: string; createdAt: Date } | null;
  createdByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  findings: ConversationFinding[];
}

export interface CitizenRequestItem {
  id: string;
  kind: string;
  message: string;
  createdAt: Date;
  handledAt: Date | null;
  handledByName: string | null;
}

/** An employment-oriented offer as the FU-2 rule needs it: what kind, and when it actually ran. */
export interface OfferFact {
  kind: string;
  start: string;
  end: string | null;
}

/* ---------------------------------------------------------------------------------------------- */
/* Rule checks (FU-2, FU-3, FU-4) */

/**
 * FU-2: a conversation may be held by phone or another remote form only while the citizen is in an
 * employment-oriented offer (LAB kap. 11, 12 or 14) on its date (002 §5.5). A warning, never a block.
 * The legislation's `remoteConversations` rule decides; for a planned conversation the wording looks ahead.
 */
export function fu2Warning(
  c: { date: string; mode: string; status: string },
  offers: readonly OfferFact[],
): ConversationFinding | null {
  const date = tryParseDate(c.date);
  if (date === null || (c.status !== "held" && c.status !== "planned")) return null;
  const r = remoteConversations(
    {
      conversations: [{ date, mode: c.mode as Mode, held: true }],
      offers: offers.map((o) => ({
        kind: o.kind as never,
        start: parseDate(o.start),
        ...(o.end ? { end: parseDate(o.end) } : {}),
      })),
    },
    date,
  );
  const f = r.value.findings[0];
  if (!f) return null;
  const message =
    c.status === "planned"
      ? `Samtalen er planlagt som ${MODES[c.mode as Mode].toLowerCase()}, men borgeren er ikke registreret i et beskæftigelsesrettet tilbud (LAB kap. 11, 12 eller 14) den dag. Samtalen skal som udgangspunkt holdes ved personligt fremmøde.`
      : f.message;
  return { ruleId: f.ruleId, message, basis: f.basis };
}

/** FU-3: a held conversation should end with the next meeting agreed (002 §5.3). A warning, never a block. */
export function fu3Warning(c: {
  date: string;
  mode: string;
  status: string;
  nextAgreedOn: string | null;
}): ConversationFinding | null {
  const date = tryParseDate(c.date);
  if (date === null || c.status !== "held") return null;
  const r = nextMeetingAgreed(
    { conversations: [{ date, mode: c.mode as Mode, held: true, nextAgreed: c.nextAgreedOn !== null }] },
    date,
  );
  const f = r.value.findings[0];
  return f ? { ruleId: f.ruleId, message: f.message, basis: f.basis } : null;
}

/** FU-4: a no-show must be assessed (contact attempts and reasonable ground) before anything else follows. */
export function fu4Missing(c: { status: string; nonAttendance: unknown }): ConversationFinding | null {
  if (c.status !== "noShow" || c.nonAttendance) return null;
  return {
    ruleId: "FU-4",
    message:
      "Borgeren udeblev. Registrér forsøgene på at komme i personlig kontakt med borgeren, og vurdér, om der var en rimelig grund til udeblivelsen.",
    basis: ruleBasis("FU-4").replace(/^FU-4: /, ""),
  };
}

export function conversationFindings(
  c: { date: string; mode: string; status: string; nextAgreedOn: string | null; nonAttendance: unknown },
  offers: readonly OfferFact[],
): ConversationFinding[] {
  return [fu2Warning(c, offers), fu3Warning(c), fu4Missing(c)].filter((f): f is ConversationFinding => f !== null);
}

/**
 * FU-4, the sanction guard (LAS § 13, stk. 7-8; skrivelse 10112 §5.5, §6.6): a sanction may be proposed only when
 * all reasonable attempts at personal contact are exhausted, no reasonable ground is recorded, and a sanction would
 * improve availability. The legislation's completeness check for the purpose "sanction" names what blocks it.
 * An empty list means the proposal may be recorded; the system never sanctions by itself.
 */
export function sanctionBlockers(assessment: Fu4NonAttendance | null): string[] {
  if (!assessment) {
    return [
      `FU-4: Udeblivelsen er ikke vurderet. Registrér kontaktforsøgene og vurderingen af, om der var en rimelig grund, før der kan foreslås en sanktion (skrivelse 10112 §6.6).`,
    ];
  }
  const missing = completeness({ purpose: "sanction", fu4: [{ ...assessment, sanctionProposed: true }] });
  return [...new Set(missing.map((m) => `${m.ruleId}: ${m.message} (skrivelse 10112 §6.6).`))];
}

/* ---------------------------------------------------------------------------------------------- */
/* Input: the page's forms (strings) and the API (JSON) parse through the same schemas. */

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : trimmed(v));

const isoDate = (message: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : trimmed(v)),
    z.string({ message }).refine((v) => tryParseDate(v) !== null, message),
  );

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = (message: string) =>
  z.preprocess(
    (v) => {
      const s = trimmed(v);
      // "9:30" and "09.30" are what people type; store "09:30".
      if (typeof s === "string" && /^\d{1,2}[:.]\d{2}$/.test(s)) return s.replace(".", ":").padStart(5, "0");
      return s === undefined || s === null ? "" : s;
    },
    z.string({ message }).regex(TIME, message),
  );
const optionalTime = (message: string) =>
  z.preprocess(blankToUndefined, time(message).optional()).transform((v) => v ?? null);

const mode = (message: string) =>
  z.preprocess((v) => (v === undefined || v === null ? "" : trimmed(v)), z.enum(MODE_KEYS, { message }));

const participants = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(PARTICIPANT_KEYS, { message: "Vælg deltagere fra listen" }))
    .transform((list) => PARTICIPANT_KEYS.filter((k) => list.includes(k))),
);

const optionalText = (max: number) =>
  z
    .preprocess(blankToUndefined, z.string().max(max, `Teksten er for lang (højst ${max} tegn)`).optional())
    .transform((v) => v ?? null);

const requiredText = (message: string, max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : trimmed(v)),
    z.string({ message }).min(1, message).max(max, `Teksten er for lang (højst ${max} tegn)`),
  );

/**
 * Cross-field checks run even when a field is invalid, so the user sees every problem at once. They guard their own
 * reads, since a field that failed still holds what was sent.
 */
const ALWAYS = { when: () => true };

const uuid = z.preprocess(blankToUndefined, z.uuid({ message: "Ugyldig reference" }).optional());

const version = z.coerce
  .number({ message: "Send den version af samtalen, ændringen bygger på" })
  .int("Send den version af samtalen, ændringen bygger på")
  .min(1, "Send den version af samtalen, ændringen bygger på");

const boolish = (message: string) =>
  z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ message }));

/** Plan a conversation (date from today, a time, the form and who takes part); from a citizen's request or not. */
export function scheduleInput(asOf: string) {
  return z
    .object({
      date: isoDate("Skriv datoen for samtalen som en gyldig dato (ÅÅÅÅ-MM-DD)"),
      time: time("Skriv klokkeslættet som TT:MM, fx 10:00"),
      mode: mode("Vælg, hvordan samtalen holdes"),
      participants,
      notes: optionalText(4000),
      requestId: uuid,
    })
    .superRefine((v, ctx) => {
      if (tryParseDate(v.date) !== null && v.date < asOf) {
        ctx.addIssue({
          code: "custom",
          path: ["date"],
          message: "En samtale kan kun planlægges fra i dag og frem. Er samtalen holdt, så registrér den som holdt.",
        });
      }
    }, ALWAYS);
}
export type ScheduleInput = z.output<ReturnType<typeof scheduleInput>>;

/**
 * Record a conversation as held (a planned one, or one not planned in the system), with notes and the next meeting
 * agreed (FU-3). A next date books the next conversation in the same step.
 */
export function heldInput(asOf: string) {
  return z
    .object({
      conversationId: uuid,
      version: z.preprocess(blankToUndefined, version.optional()),
      date: isoDate("Skriv datoen for samtalen som en gyldig dato (ÅÅÅÅ-MM-DD)"),
      time: optionalTime("Skriv klokkeslættet som TT:MM, fx 10:00, eller lad feltet stå tomt"),
      mode: mode("Vælg, hvordan samtalen blev holdt"),
      participants,
      notes: requiredText("Skriv et kort referat af samtalen: hvad blev drøftet og aftalt", 8000),
      nextDate: z.preprocess(
        blankToUndefined,
        isoDate("Skriv datoen for næste samtale som en gyldig dato (ÅÅÅÅ-MM-DD), eller lad feltet stå tomt").optional(),
      ),
      nextTime: optionalTime("Skriv klokkeslættet for næste samtale som TT:MM, fx 10:00"),
      nextMode: z.preprocess(blankToUndefined, mode("Vælg, hvordan næste samtale holdes").optional()),
      nextParticipants: participants,
    })
    .superRefine((v, ctx) => {
      if (v.conversationId && v.version === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["version"],
          message: "Send den version af samtalen, ændringen bygger på",
        });
      }
      const dateOk = tryParseDate(v.date) !== null;
      if (dateOk && v.date > asOf) {
        ctx.addIssue({
          code: "custom",
          path: ["date"],
          message: "En samtale kan først registreres som holdt på dagen eller bagefter. Planlæg den i stedet.",
        });
      }
      if (v.nextDate === undefined || tryParseDate(v.nextDate) === null) return;
      if (dateOk && v.nextDate <= v.date) {
        ctx.addIssue({ code: "custom", path: ["nextDate"], message: "Næste samtale skal ligge efter denne samtale" });
      } else if (v.nextDate < asOf) {
        ctx.addIssue({
          code: "custom",
          path: ["nextDate"],
          message: "Næste samtale ligger før i dag. Registrér den i stedet som holdt eller udeblevet.",
        });
      }
      if (v.nextTime === null) {
        ctx.addIssue({
          code: "custom",
          path: ["nextTime"],
          message: "Skriv klokkeslættet for næste samtale som TT:MM, fx 10:00",
        });
      }
      if (v.nextMode === undefined) {
        ctx.addIssue({ code: "custom", path: ["nextMode"], message: "Vælg, hvordan næste samtale holdes" });
      }
    }, ALWAYS);
}
export type HeldInput = z.output<ReturnType<typeof heldInput>>;

/** Which conversation, at which version: the optimistic lock of every change to one conversation. */
export const ConversationRef = z.object({
  conversationId: z.preprocess(blankToUndefined, z.uuid({ message: "Vælg en samtale" })),
  version,
});

export const CancelInput = ConversationRef.extend({
  reason: optionalText(2000),
});

/**
 * FU-4: the contact attempts and the assessment after a no-show (LAS § 13, stk. 7-8; 002 §5.5, §6.6), as the
 * caseworker fills them in. Becomes the legislation's Fu4NonAttendance shape.
 */
export function nonAttendanceInput(conversationDate: string, asOf: string) {
  return ConversationRef.extend({
    attempts: z.preprocess(
      (v) => (v === undefined || v === null ? [] : v),
      z
        .array(
          z.object({
            date: isoDate("Skriv datoen for kontaktforsøget som en gyldig dato (ÅÅÅÅ-MM-DD)"),
            channel: z.preprocess(
              (v) => (v === undefined || v === null ? "" : trimmed(v)),
              z.enum(CONTACT_CHANNEL_KEYS, { message: "Vælg, hvordan I forsøgte at få kontakt" }),
            ),
            outcome: requiredText("Beskriv udfaldet af kontaktforsøget", 2000),
          }),
        )
        .max(50, "Højst 50 kontaktforsøg"),
    ),
    groundExists: boolish("Vælg, om der var en rimelig grund til udeblivelsen (LAS § 13, stk. 7-8)"),
    groundKind: z.preprocess(blankToUndefined, z.enum(REASONABLE_GROUND_KEYS).optional()),
    groundReason: requiredText("Begrund vurderingen af, om der var en rimelig grund (FU-4)", 4000),
    attemptsExhausted: boolish("Vælg, om alle rimelige muligheder for personlig kontakt er udtømt (FU-4)"),
    sanctionWouldImprove: boolish("Vælg, om en sanktion vil fremme borgerens rådighed (FU-4)"),
  }).superRefine((v, ctx) => {
    (Array.isArray(v.attempts) ? v.attempts : []).forEach((a, i) => {
      if (typeof a?.date !== "string" || tryParseDate(a.date) === null) return;
      if (a.date < conversationDate) {
        ctx.addIssue({
          code: "custom",
          path: ["attempts", i, "date"],
          message: "Kontaktforsøget skal ligge på dagen for udeblivelsen eller senere",
        });
      } else if (a.date > asOf) {
        ctx.addIssue({
          code: "custom",
          path: ["attempts", i, "date"],
          message: "Kontaktforsøget kan ikke ligge i fremtiden",
        });
      }
    });
    if (v.groundExists === true && v.groundKind === undefined) {
      ctx.addIssue({ code: "custom", path: ["groundKind"], message: "Vælg, hvilken rimelig grund der var (FU-4)" });
    }
  }, ALWAYS);
}
export type NonAttendanceInput = z.output<ReturnType<typeof nonAttendanceInput>>;

/** The caseworker's input as the legislation's FU-4 record; a standing sanction proposal is kept only if allowed. */
export function toFu4(
  conversationDate: string,
  input: NonAttendanceInput,
  sanctionProposed: boolean,
): Fu4NonAttendance {
  return Fu4NonAttendanceSchema.parse({
    date: conversationDate,
    contactAttempts: [...input.attempts].sort((a, b) => a.date.localeCompare(b.date)),
    reasonableGround: {
      exists: input.groundExists,
      ...(input.groundExists && input.groundKind ? { kind: input.groundKind } : {}),
      reason: input.groundReason,
    },
    allReasonableAttemptsExhausted: input.attemptsExhausted,
    sanctionWouldImproveAvailability: input.sanctionWouldImprove,
    sanctionProposed,
  });
}

/** A stored FU-4 record, read back; anything that does not parse is treated as not assessed. */
export function parseFu4(raw: unknown): Fu4NonAttendance | null {
  const r = Fu4NonAttendanceSchema.safeParse(raw);
  return r.success ? r.data : null;
}

/** Error keys in the order of the form, so the error summary reads top to bottom. */
export function inOrder(errors: Record<string, string>, order: readonly string[]): Record<string, string> {
  const rank = (k: string) => {
    const i = order.findIndex((o) => k === o || k.startsWith(`${o}.`));
    return i < 0 ? order.length : i;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

export const SCHEDULE_FIELDS = ["date", "time", "mode", "participants", "notes", "requestId"] as const;
export const HELD_FIELDS = [
  "conversationId",
  "version",
  "date",
  "time",
  "mode",
  "participants",
  "notes",
  "nextDate",
  "nextTime",
  "nextMode",
  "nextParticipants",
] as const;
export const FU4_FIELDS = [
  "conversationId",
  "version",
  "attempts",
  "groundExists",
  "groundKind",
  "groundReason",
  "attemptsExhausted",
  "sanctionWouldImprove",
] as const;

/** Danish wording of this module's audit actions (for the admin's log and the citizen's insight). */
export const OPFOELGNING_AUDIT_LABELS: Record<string, string> = {
  "conversation.schedule": "Planlagde en samtale",
  "conversation.held": "Registrerede en samtale som holdt",
  "conversation.cancel": "Aflyste en samtale",
  "conversation.noShow": "Registrerede, at borgeren udeblev fra en samtale",
  "conversation.nonAttendance.assess": "Registrerede kontaktforsøg og vurdering af udeblivelse (FU-4)",
  "conversation.sanction.propose": "Registrerede et forslag om sanktion til særskilt afgørelse (FU-4)",
  "conversation.sanction.withdraw": "Trak et forslag om sanktion tilbage (FU-4)",
  "citizenRequest.handle": "Behandlede borgerens henvendelse fra Min Plan",
  "calendar.export": "Hentede sine møder som kalender (iCalendar)",
};
