import { z } from "zod";
import {
  PRAKTIK_FOCUS,
  praktikFocus,
  RATE_CATEGORIES,
  SHORT_HOURS_REASONS,
  tryParseDate,
  parseYearMonth,
} from "~/legislation";
import {
  findingText,
  LEGAL_BASIS_OPTIONS,
  PERIOD_KIND_KEYS,
  ruleBasis,
  type PraktikDetails,
  type PraktikFocusKey,
} from "./indsatser";

/*
 * The inputs of the indsatser module. The page's forms (strings, through formToTree) and the API (JSON) parse
 * through the same schemas, so both get the same Danish messages, each naming its rule.
 */

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);
const blankToNull = (v: unknown) => {
  const t = trimmed(v);
  return t === "" || t === undefined ? null : t;
};

const text = (message: string, max = 2000) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : trimmed(v)),
    z.string({ message }).min(1, message).max(max, `Teksten er for lang (højst ${max} tegn)`),
  );

const optionalText = (max = 2000) =>
  z.preprocess(blankToNull, z.string().max(max, `Teksten er for lang (højst ${max} tegn)`).nullable().default(null));

const date = (message: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : trimmed(v)),
    z.string({ message }).refine((v) => tryParseDate(v) !== null, message),
  );

const optionalDate = (message: string) =>
  z.preprocess(
    blankToNull,
    z
      .string({ message })
      .refine((v) => tryParseDate(v) !== null, message)
      .nullable()
      .default(null),
  );

/** "7,5" and "7.5" are both 7.5; a blank field is null. */
const optionalNumber = (message: string, min: number, max: number, int = false) =>
  z.preprocess(
    (v) => {
      const t = blankToNull(v);
      if (typeof t === "string") {
        const n = Number(t.replace(/\s/g, "").replace(",", "."));
        return Number.isFinite(n) ? n : t;
      }
      return t;
    },
    (int ? z.number({ message }).int(message) : z.number({ message }))
      .min(min, message)
      .max(max, message)
      .nullable()
      .default(null),
  );

const boolish = (message: string) =>
  z.preprocess(
    (v) => (v === "true" || v === "ja" ? true : v === "false" || v === "nej" ? false : v),
    z.boolean({ message }),
  );

const optionalBool = z.preprocess(
  (v) => (v === "true" || v === "ja" ? true : v === "false" || v === "nej" ? false : v === "" ? null : v),
  z.boolean({ message: "Vælg ja eller nej" }).nullable().default(null),
);

const checkbox = z.preprocess((v) => v === true || v === "true" || v === "on" || v === "ja", z.boolean());

const version = z.coerce
  .number({ message: "Send den version, ændringen bygger på" })
  .int("Send den version, ændringen bygger på")
  .min(1, "Send den version, ændringen bygger på");

/** Lines of a textarea or a list from the API; blank lines dropped, order kept (it is the priority, MT-2). */
const orderedList = (message: string) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean)
        : Array.isArray(v)
          ? v.map(trimmed).filter((l) => l !== "")
          : v === undefined || v === null
            ? []
            : v,
    z.array(z.string().max(500, "Et mål er for langt (højst 500 tegn)")).min(1, message).max(20, "Højst 20 mål"),
  );

/* ---------------------------------------------------------------------------------------------- */
/* Virksomhedspraktik (VP-1..VP-4). */

export const PraktikInput = z
  .object({
    company: optionalText(200),
    hoursPerWeek: optionalNumber("Skriv timer pr. uge som et tal mellem 0,5 og 60, fx 10 eller 7,5", 0.5, 60),
    daysPerWeek: optionalNumber("Skriv antal dage pr. uge som et helt tal fra 1 til 7", 1, 7, true),
    focus: z.preprocess(
      (v) => (Array.isArray(v) ? v : v === undefined || v === null || v === "" ? [] : [v]),
      z.array(z.enum(PRAKTIK_FOCUS, { message: `Vælg praktikkens ene primære fokus (${ruleBasis("VP-1")})` })),
    ),
    virksomhedscenter: optionalBool,
    mentorArrangement: optionalText(2000),
    shortHoursReason: z.preprocess(
      blankToNull,
      z
        .enum(SHORT_HOURS_REASONS, { message: `Vælg en af begrundelserne (${ruleBasis("VP-2")})` })
        .nullable()
        .default(null),
    ),
    shortHoursNote: optionalText(1000),
    notOnlyDocumentation: checkbox,
  })
  .superRefine((v, ctx) => {
    // VP-1: exactly one main focus; the rule's own message when more than one is sent.
    if (v.focus.length > 1) {
      const f = praktikFocus({ focus: v.focus }, 0);
      ctx.addIssue({ code: "custom", path: ["focus"], message: findingText(f.value.findings[0]!) });
    }
  })
  .transform(
    (v): PraktikDetails => ({
      ...v,
      focus: v.focus.length === 1 ? (v.focus[0] as PraktikFocusKey) : null,
    }),
  );

const EMPTY_PRAKTIK = {};

/* ---------------------------------------------------------------------------------------------- */
/* Interventions: offer, start, planned end and stop. */

const interventionFields = {
  title: optionalText(200),
  legalBasis: z.preprocess(
    blankToNull,
    z.enum(LEGAL_BASIS_OPTIONS, { message: "Vælg indsatsens hjemmel (PL-3)" }).nullable().default(null),
  ),
  form: z.preprocess(
    blankToNull,
    z
      .enum(["offer", "agreed"], { message: "Vælg, om indsatsen er et tilbud eller en aftalt aktivitet (PL-6)" })
      .nullable()
      .default(null),
  ),
  provider: optionalText(200),
  offeredOn: optionalDate("Skriv datoen for tilbuddet som en gyldig dato (ÅÅÅÅ-MM-DD)"),
  skNoticeOn: optionalDate("Skriv datoen for den skriftlige vejledning som en gyldig dato (ÅÅÅÅ-MM-DD)"),
  startDate: optionalDate("Skriv den faktiske start som en gyldig dato (ÅÅÅÅ-MM-DD)"),
  plannedEnd: optionalDate("Skriv den planlagte slutdato som en gyldig dato (ÅÅÅÅ-MM-DD)"),
  endDate: optionalDate("Skriv stopdatoen som en gyldig dato (ÅÅÅÅ-MM-DD)"),
  praktik: z.preprocess((v) => v ?? EMPTY_PRAKTIK, PraktikInput),
};

type DatesShape = {
  offeredOn: string | null;
  startDate: string | null;
  plannedEnd: string | null;
  endDate: string | null;
};

function checkDates(v: DatesShape, ctx: z.RefinementCtx) {
  if (v.plannedEnd && v.startDate && v.plannedEnd < v.startDate) {
    ctx.addIssue({ code: "custom", path: ["plannedEnd"], message: "Den planlagte slutdato skal ligge efter starten" });
  }
  if (v.endDate && !v.startDate) {
    ctx.addIssue({
      code: "custom",
      path: ["endDate"],
      message: "En indsats kan først stoppes, når starten er registreret",
    });
  }
  if (v.endDate && v.startDate && v.endDate < v.startDate) {
    ctx.addIssue({
      code: "custom",
      path: ["endDate"],
      message: "Stopdatoen skal være samme dag som eller efter starten",
    });
  }
  if (v.offeredOn && v.startDate && v.offeredOn > v.startDate) {
    ctx.addIssue({
      code: "custom",
      path: ["offeredOn"],
      message: "Tilbuddet skal være givet senest den dag, indsatsen starter",
    });
  }
}

/** A new record: an intervention of the plan (planItemId), or one not in the plan (title, legal basis, form). */
export const InterventionInput = z
  .object({
    planItemId: z.preprocess(blankToNull, z.string().max(64).nullable().default(null)),
    ...interventionFields,
  })
  .superRefine((v, ctx) => {
    if (!v.planItemId) {
      if (!v.title) ctx.addIssue({ code: "custom", path: ["title"], message: "Skriv, hvad indsatsen er (PL-3)" });
      if (!v.legalBasis)
        ctx.addIssue({ code: "custom", path: ["legalBasis"], message: "Vælg indsatsens hjemmel (PL-3)" });
      if (!v.form) {
        ctx.addIssue({
          code: "custom",
          path: ["form"],
          message: "Vælg, om indsatsen er et tilbud eller en aftalt aktivitet (PL-6)",
        });
      }
    }
    checkDates(v, ctx);
  });
export type InterventionInput = z.output<typeof InterventionInput>;

/** A change to a record: the dates (start, planned end, stop), the offer and the placement's facts. */
export const InterventionUpdateInput = z
  .object({ version, ...interventionFields })
  .superRefine((v, ctx) => checkDates(v, ctx));
export type InterventionUpdateInput = z.output<typeof InterventionUpdateInput>;

/** VP-4: one more extension of a placement, with its concrete assessment. */
export const PraktikExtensionInput = z.object({
  version,
  weeks: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : v),
    z
      .number({ message: "Skriv antal uger som et helt tal fra 1 til 26" })
      .int("Skriv antal uger som et helt tal fra 1 til 26")
      .min(1, "Skriv antal uger som et helt tal fra 1 til 26")
      .max(26, "Skriv antal uger som et helt tal fra 1 til 26"),
  ),
  assessment: optionalText(4000),
  specialNeed: checkbox,
});
export type PraktikExtensionInput = z.output<typeof PraktikExtensionInput>;

/* ---------------------------------------------------------------------------------------------- */
/* Sundhedskoordinator (SK-2). */

export const SkRequestInput = z.object({
  version,
  requestedOn: date("Skriv datoen, hvor borgeren bad om samtalen, som en gyldig dato (ÅÅÅÅ-MM-DD)"),
});
export type SkRequestInput = z.output<typeof SkRequestInput>;

export const SkDecisionInput = z.object({
  version,
  decidedOn: date("Skriv datoen for kommunens beslutning som en gyldig dato (ÅÅÅÅ-MM-DD)"),
  decision: z.enum(["adjust", "keep"], {
    message: `Vælg, om tilbuddet tilpasses eller fastholdes (${ruleBasis("SK-2")})`,
  }),
  note: optionalText(2000),
  newStartDate: optionalDate("Skriv den nye start som en gyldig dato (ÅÅÅÅ-MM-DD)"),
});
export type SkDecisionInput = z.output<typeof SkDecisionInput>;

/* ---------------------------------------------------------------------------------------------- */
/* Mentor grants (MT-2, MT-3). */

const mentorFields = {
  mentorName: text("Skriv mentorens navn", 200),
  mentorContact: optionalText(300),
  role: text(`Beskriv mentorens rolle (${ruleBasis("MT-2")})`, 2000),
  goals: orderedList(`Skriv mindst ét mål eller fokusområde, det vigtigste først (${ruleBasis("MT-2")})`),
  fromDate: date("Skriv bevillingens start som en gyldig dato (ÅÅÅÅ-MM-DD)"),
  toDate: date("Skriv bevillingens slut som en gyldig dato (ÅÅÅÅ-MM-DD)"),
  renewalOf: z.preprocess(blankToNull, z.string().max(64).nullable().default(null)),
  assessment: optionalText(4000),
};

function checkGrantDates(v: { fromDate: string; toDate: string }, ctx: z.RefinementCtx) {
  if (tryParseDate(v.fromDate) !== null && tryParseDate(v.toDate) !== null && v.toDate < v.fromDate) {
    ctx.addIssue({ code: "custom", path: ["toDate"], message: "Bevillingens slut skal ligge efter starten" });
  }
}

export const MentorGrantInput = z.object(mentorFields).superRefine(checkGrantDates);
export type MentorGrantInput = z.output<typeof MentorGrantInput>;
export const MentorGrantUpdateInput = z.object({ version, ...mentorFields }).superRefine(checkGrantDates);
export type MentorGrantUpdateInput = z.output<typeof MentorGrantUpdateInput>;

/* ---------------------------------------------------------------------------------------------- */
/* Periods (IG-2, IG-3, D-4). */

const periodFields = {
  kind: z.enum(PERIOD_KIND_KEYS, { message: "Vælg, hvilken slags periode det er" }),
  fromDate: date("Skriv periodens start som en gyldig dato (ÅÅÅÅ-MM-DD)"),
  toDate: date("Skriv periodens slut som en gyldig dato (ÅÅÅÅ-MM-DD)"),
  note: optionalText(2000),
};

function checkPeriodDates(v: { fromDate: string; toDate: string }, ctx: z.RefinementCtx) {
  if (tryParseDate(v.fromDate) !== null && tryParseDate(v.toDate) !== null && v.toDate < v.fromDate) {
    ctx.addIssue({
      code: "custom",
      path: ["toDate"],
      message: "Periodens slut skal være samme dag som eller efter starten",
    });
  }
}

export const PeriodInput = z.object(periodFields).superRefine(checkPeriodDates);
export type PeriodInput = z.output<typeof PeriodInput>;
export const PeriodUpdateInput = z.object({ version, ...periodFields }).superRefine(checkPeriodDates);
export type PeriodUpdateInput = z.output<typeof PeriodUpdateInput>;
export const VersionInput = z.object({ version });

/* ---------------------------------------------------------------------------------------------- */
/* The ydelse preview (Y-1..Y-5) and admin-entered rates (Y-5). */

const kroner = (label: string) => optionalNumber(`Skriv ${label} i kroner som et tal (0 eller mere)`, 0, 10_000_000);

export const YdelsePreviewInput = z.object({
  month: z.preprocess(
    (v) => (v === undefined || v === null ? "" : trimmed(v)),
    z
      .string({ message: "Skriv måneden som ÅÅÅÅ-MM" })
      .refine((v) => /^\d{4}-\d{2}$/.test(v) && parseYearMonth(v) !== null, "Skriv måneden som ÅÅÅÅ-MM, fx 2025-03"),
  ),
  forsoerger: boolish("Vælg, om borgeren er forsørger (Y-1)"),
  livingWithParents: z.preprocess((v) => (v === undefined || v === "" ? false : v), boolish("Vælg ja eller nej")),
  sygedagpengeEnd: optionalDate("Skriv datoen som en gyldig dato (ÅÅÅÅ-MM-DD)"),
  previousWeeklyRate: kroner("ugesatsen"),
  wage: kroner("lønnen"),
  feriegodtgoerelse: kroner("feriegodtgørelsen"),
  otherIncome: kroner("den anden indtægt"),
  offerHours: optionalNumber("Skriv timer i tilbud som et tal mellem 0 og 744", 0, 744),
});
export type YdelsePreviewInput = z.output<typeof YdelsePreviewInput>;

export const YdelseRateInput = z.object({
  year: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : v),
    z
      .number({ message: "Skriv året som et tal, fx 2025" })
      .int("Skriv året som et tal, fx 2025")
      .min(2013, "Året skal ligge fra 2013 til 2100")
      .max(2100, "Året skal ligge fra 2013 til 2100"),
  ),
  category: z.enum(RATE_CATEGORIES, { message: "Vælg satsens kategori" }),
  amount: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim().replace(/[\s.]/g, "").replace(",", ".")) : v),
    z
      .number({ message: "Skriv beløbet i hele kroner, fx 12500" })
      .int("Skriv beløbet i hele kroner, fx 12500")
      .min(0, "Beløbet kan ikke være negativt")
      .max(1_000_000, "Beløbet er for stort"),
  ),
  law: text("Skriv loven, satsen står i, fx LAS", 200),
  paragraph: text("Skriv paragraffen, fx § 69 j", 200),
  source: text('Skriv kilden, fx bm.dk "Satser for 2025"', 500),
});
export type YdelseRateInput = z.output<typeof YdelseRateInput>;

/** Field labels for error summaries. */
export const FIELD_LABELS: Record<string, string> = {
  title: "Indsats",
  legalBasis: "Hjemmel",
  form: "Tilbud eller aftalt aktivitet",
  provider: "Udføres af",
  offeredOn: "Tilbuddet givet",
  skNoticeOn: "Skriftlig vejledning om sundhedskoordinator",
  startDate: "Faktisk start",
  plannedEnd: "Planlagt slut",
  endDate: "Stoppet",
  "praktik.company": "Virksomhed",
  "praktik.hoursPerWeek": "Timer pr. uge",
  "praktik.daysPerWeek": "Dage pr. uge",
  "praktik.focus": "Praktikkens fokus",
  "praktik.virksomhedscenter": "Virksomhedscenter",
  "praktik.mentorArrangement": "Mentorordning",
  "praktik.shortHoursReason": "Begrundelse for under 1 time om dagen",
  "praktik.shortHoursNote": "Uddybning",
  "praktik.notOnlyDocumentation": "Praktikkens formål",
  weeks: "Uger",
  assessment: "Konkret vurdering",
  specialNeed: "Helt særligt behov",
  requestedOn: "Borgeren bad om samtalen",
  decidedOn: "Kommunens beslutning",
  decision: "Beslutning",
  note: "Note",
  newStartDate: "Ny start",
  mentorName: "Mentorens navn",
  mentorContact: "Kontakt",
  role: "Mentorens rolle",
  goals: "Mål og fokusområder",
  fromDate: "Fra",
  toDate: "Til",
  renewalOf: "Forlænger bevilling",
  kind: "Slags periode",
  month: "Måned",
  forsoerger: "Forsørger",
  livingWithParents: "Hjemmeboende",
  sygedagpengeEnd: "Sygedagpengene ville være ophørt",
  previousWeeklyRate: "Borgerens egen ugesats",
  wage: "Løn",
  feriegodtgoerelse: "Feriegodtgørelse",
  otherIncome: "Anden indtægt",
  offerHours: "Timer i tilbud",
  year: "År",
  category: "Kategori",
  amount: "Beløb",
  law: "Lov",
  paragraph: "Paragraf",
  source: "Kilde",
  version: "Version",
};
