import { z } from "zod";
import { isValidDate } from "~/legislation";
import { CASE_STATUSES, type CaseStatus } from "~/modules/cases";
import { PREVIOUS_BENEFIT_KEYS, RELATION_KEYS } from "~/modules/citizens";

/*
 * P-8 (LAS § 68, stk. 8; skrivelse 10112 §4.7): when the citizen moves, the rehabiliteringsplan follows to the new
 * municipality. The whole case travels as one documented, versioned JSON bundle – docs/case-bundle.md describes every
 * field – validated by this schema on import. Structural only (no transforms), so the API's OpenAPI document shows it.
 *
 * Every record carries `ref`, its id in the sending system; references between records use refs, and the receiving
 * system gives everything new ids.
 */

export const BUNDLE_FORMAT = "ressourceforloeb-bundle";
export const BUNDLE_VERSION = 1;

const DATE = "skal være en dato (ÅÅÅÅ-MM-DD)";
const date = () =>
  z
    .string({ error: `Mangler eller er ikke en dato (ÅÅÅÅ-MM-DD)` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Feltet ${DATE}`)
    .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isValidDate(v), "Datoen findes ikke");
const nullableDate = () => date().nullable();
const dateTime = () =>
  z
    .string({ error: "Mangler eller er ikke et tidspunkt (ISO 8601)" })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, "Skal være et tidspunkt (ISO 8601)");
const text = (max = 20_000) =>
  z.string({ error: "Mangler eller er ikke tekst" }).max(max, `Teksten er længere end ${max} tegn`);
const requiredText = (max = 20_000) => text(max).min(1, "Må ikke være tom");
const nullableText = (max = 20_000) => text(max).nullable();
const bool = () => z.boolean({ error: "Skal være true eller false" });
const ref = () => z.string({ error: "Mangler id (ref)" }).min(1, "Må ikke være tom").max(100, "For langt id");
const nullableRef = () => ref().nullable();
const record = () => z.record(z.string(), z.unknown(), { error: "Skal være et objekt" });
const list = <T extends z.ZodType>(item: T, max = 5000) =>
  z.array(item, { error: "Skal være en liste" }).max(max, `Højst ${max} elementer`);

const STATUS_KEYS = Object.keys(CASE_STATUSES) as [CaseStatus, ...CaseStatus[]];

export const BundleCitizen = z
  .object(
    {
      cpr: z
        .string({ error: "Mangler CPR-nummer" })
        .regex(/^\d{10}$/, "CPR-nummeret skal være 10 cifre uden bindestreg"),
      birthDate: date(),
      sex: z.enum(["M", "K"], { error: "Skal være M eller K" }),
      name: requiredText(200),
      address: requiredText(200),
      postalCode: z.string({ error: "Mangler postnummer" }).regex(/^\d{4}$/, "Postnummeret skal være 4 cifre"),
      city: requiredText(100),
      phone: nullableText(50),
      email: nullableText(200),
      previousBenefit: z.enum(PREVIOUS_BENEFIT_KEYS, { error: "Ukendt forsørgelse før forløbet" }),
      network: list(
        z.object({
          name: requiredText(200),
          relation: z.enum(RELATION_KEYS, { error: "Ukendt relation" }),
          phone: nullableText(50),
        }),
        20,
      ),
    },
    { error: "Mangler borgeren (et objekt)" },
  )
  .describe("Borgeren, med fuldt CPR-nummer: den nye kommune skal bruge det");

export const BundleCase = z
  .object(
    {
      ref: ref(),
      status: z.enum(STATUS_KEYS, { error: "Ukendt status" }),
      origin: z.enum(["municipality", "application"], { error: "Skal være municipality eller application" }),
      applicationReceivedOn: nullableDate(),
      applicationText: nullableText(),
      openedOn: date(),
      judgement: record().describe("Visitationens skønsfakta (legislation JudgementFactsSchema: tg1..tg9, e2, fu4)"),
      preparatory: z
        .record(z.string(), text(), { error: "Skal være et objekt med tekster" })
        .describe("Rehabiliteringsplanens forberedende del pr. afsnit"),
      bisidderInformedOn: nullableDate(),
      citizenWishesForloeb: bool(),
      citizenView: nullableText(),
      citizenViewAt: dateTime().nullable(),
    },
    { error: "Mangler sagen (et objekt)" },
  )
  .describe("Sagen og visitationens fakta");

export const BundleIndstilling = z.object({
  ref: ref(),
  meetingDate: nullableDate(),
  purpose: nullableText(100),
  recommendation: requiredText(100),
  recommendedMonths: z.number({ error: "Skal være et tal" }).int().min(0).max(120).nullable(),
  interventions: z.record(z.string(), z.array(text(2000)), { error: "Skal være et objekt med lister" }),
  reasons: text(),
  seeAgain: bool(),
  seeAgainNote: nullableText(),
  recordedAt: dateTime(),
});

export const BundleAfgoerelse = z.object({
  ref: ref(),
  kind: requiredText(50).describe("grant, refusal, notConsidered eller ending (E-4)"),
  decidedOn: date(),
  startDate: nullableDate(),
  endDate: nullableDate(),
  months: z.number({ error: "Skal være et tal" }).int().min(0).max(120).nullable(),
  reasons: text(),
  explanation: z.unknown().describe("Regelmotorens forklaringstræ, som afgørelsen bygger på"),
  indstillingRef: nullableRef(),
  deviatesFromIndstilling: bool(),
  citizenWished: bool(),
  decidedBy: z.object({ name: nullableText(200), municipality: requiredText(200) }),
});

export const BundleForloeb = z.object(
  {
    ref: ref(),
    startDate: date(),
    plannedEnd: date(),
    decidedOn: date(),
    afgoerelseRef: nullableRef(),
    status: requiredText(50),
    nextStep: nullableText(50),
    nextStepDecidedOn: nullableDate(),
    endedOn: nullableDate(),
    outcome: nullableText(50),
    endingFacts: record().nullable().describe("Næste skridt (D-6), E-2-fakta, afslutning (E-1, E-4) og ST-7"),
    statusAfter3Months: nullableText(50),
  },
  { error: "Mangler forløbet (et objekt, eller null uden forløb)" },
);

const PlanContent = z.looseObject({
  format: z.literal(1, { error: "Planens format skal være 1" }),
  goal: z.looseObject({ type: requiredText(50), text: text() }),
  delmaal: list(z.looseObject({ id: ref(), area: requiredText(50), text: text(), reason: text() }), 200),
  interventions: list(
    z.looseObject({ id: ref(), title: requiredText(500), legalBasis: requiredText(50), plannedStart: date() }),
    200,
  ),
  followUp: z.looseObject({ how: text() }),
  mentor: z.looseObject({ has: bool() }),
  period: z.object({ from: date(), to: date() }),
});

export const BundlePlan = z.object(
  {
    revisions: list(
      z.object({
        revision: z.number({ error: "Skal være et tal" }).int().min(1),
        content: PlanContent,
        changeNote: nullableText(),
        createdAt: dateTime(),
        createdBy: nullableText(200),
      }),
      1000,
    ).min(1, "En plan har mindst én revision"),
  },
  { error: "Mangler planen (et objekt, eller null uden plan)" },
);

export const BundleIntervention = z.object({
  ref: ref(),
  planItemId: nullableText(100).describe("Indsatsens stabile id i planens revisioner (IG-1)"),
  kind: requiredText(50),
  title: requiredText(500),
  provider: nullableText(500),
  isOffer: bool(),
  offeredOn: nullableDate(),
  startDate: nullableDate(),
  plannedEnd: nullableDate(),
  endDate: nullableDate(),
  status: requiredText(50),
  skNoticeOn: nullableDate(),
  skRequestedOn: nullableDate(),
  skDecidedOn: nullableDate(),
  skDecision: nullableText(),
  details: record(),
});

export const BundleMentorGrant = z.object({
  ref: ref(),
  mentorName: requiredText(200),
  mentorContact: nullableText(500),
  role: text(),
  goals: list(text(2000), 50),
  fromDate: date(),
  toDate: date(),
  renewalOfRef: nullableRef(),
  assessment: nullableText(),
});

export const BundlePeriod = z.object({
  kind: requiredText(50),
  fromDate: date(),
  toDate: date(),
  note: nullableText(),
});

export const BundleConversation = z.object({
  date: date(),
  time: nullableText(10),
  mode: requiredText(50),
  status: requiredText(50),
  participants: list(text(100), 20),
  notes: nullableText(),
  nextAgreedOn: nullableDate(),
  nonAttendance: record().nullable(),
  sanctionProposedOn: nullableDate(),
});

export const BundleAppeal = z.object({
  ref: ref(),
  afgoerelseRef: nullableRef(),
  interventionRef: nullableRef(),
  subject: requiredText(500),
  receivedOn: date(),
  decisionReceivedOn: nullableDate(),
  reassessedOn: nullableDate(),
  reassessmentResult: nullableText(50),
  forwardedOn: nullableDate(),
  outcome: nullableText(50),
  outcomeOn: nullableDate(),
  note: nullableText(),
});

export const BundleCoordinator = z.object({
  name: requiredText(200),
  email: nullableText(200),
  unit: text(200),
  unitKind: requiredText(50),
  fromDate: date(),
  toDate: nullableDate(),
  citizenConsulted: bool(),
  reason: text(),
});

export const BundleJobformidler = z.object(
  {
    informedOn: nullableDate(),
    answer: requiredText(50),
    answeredOn: nullableDate(),
    name: nullableText(200),
    phone: nullableText(50),
    email: nullableText(200),
    tasks: nullableText(),
    agreements: nullableText(),
    isMentor: bool(),
  },
  { error: "Mangler jobformidleren (et objekt, eller null)" },
);

/** An earlier move of the same case: where it came from, and the history that stayed with that municipality. */
export const BundleMove = z.object({
  from: z.object({ code: requiredText(10), name: requiredText(200) }),
  sourceCaseRef: ref(),
  exportedAt: dateTime(),
  importedOn: date(),
  indstillinger: list(BundleIndstilling, 200),
  coordinators: list(BundleCoordinator, 200),
});

export const BundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT, {
      error: `Filen er ikke en sag fra Ressourceforløb (format skal være "${BUNDLE_FORMAT}")`,
    }),
    version: z.literal(BUNDLE_VERSION, {
      error: `Kun version ${BUNDLE_VERSION} af formatet kan læses`,
    }),
    exportedAt: dateTime(),
    exportedOn: date(),
    source: z.object(
      {
        municipality: z.object({ code: requiredText(10), name: requiredText(200) }, { error: "Mangler kommunen" }),
        caseRef: ref(),
        exportedBy: requiredText(200),
      },
      { error: "Mangler afsenderen (et objekt)" },
    ),
    citizen: BundleCitizen,
    case: BundleCase,
    indstillinger: list(BundleIndstilling, 200),
    afgoerelser: list(BundleAfgoerelse, 200),
    forloeb: BundleForloeb.nullable(),
    plan: BundlePlan.nullable(),
    interventions: list(BundleIntervention, 1000),
    mentorGrants: list(BundleMentorGrant, 200),
    periods: list(BundlePeriod, 500),
    conversations: list(BundleConversation, 2000),
    appeals: list(BundleAppeal, 200),
    coordinators: list(BundleCoordinator, 200),
    jobformidler: BundleJobformidler.nullable(),
    history: z
      .object({ moves: list(BundleMove, 50) }, { error: "Mangler historikken (et objekt med moves)" })
      .describe("Tidligere flytninger af sagen, ældste først"),
  })
  .superRefine((b, ctx) => {
    const refs = (items: { ref: string }[], path: string) => {
      const seen = new Set<string>();
      items.forEach((x, i) => {
        if (seen.has(x.ref))
          ctx.addIssue({ code: "custom", path: [path, i, "ref"], message: "Id'et (ref) findes to gange" });
        seen.add(x.ref);
      });
      return seen;
    };
    const afg = refs(b.afgoerelser, "afgoerelser");
    const ind = refs(b.indstillinger, "indstillinger");
    const intv = refs(b.interventions, "interventions");
    const mentors = refs(b.mentorGrants, "mentorGrants");
    refs(b.appeals, "appeals");
    const missing = (path: (string | number)[], what: string) =>
      ctx.addIssue({ code: "custom", path, message: `Henviser til ${what}, der ikke er med i filen` });
    b.afgoerelser.forEach((a, i) => {
      if (a.indstillingRef && !ind.has(a.indstillingRef))
        missing(["afgoerelser", i, "indstillingRef"], "en indstilling");
    });
    if (b.forloeb?.afgoerelseRef && !afg.has(b.forloeb.afgoerelseRef)) {
      missing(["forloeb", "afgoerelseRef"], "en afgørelse");
    }
    if (b.forloeb && b.forloeb.plannedEnd < b.forloeb.startDate) {
      ctx.addIssue({ code: "custom", path: ["forloeb", "plannedEnd"], message: "Slutdatoen ligger før startdatoen" });
    }
    b.mentorGrants.forEach((g, i) => {
      if (g.renewalOfRef && !mentors.has(g.renewalOfRef))
        missing(["mentorGrants", i, "renewalOfRef"], "en mentorbevilling");
      if (g.toDate < g.fromDate) {
        ctx.addIssue({
          code: "custom",
          path: ["mentorGrants", i, "toDate"],
          message: "Slutdatoen ligger før startdatoen",
        });
      }
    });
    b.periods.forEach((p, i) => {
      if (p.toDate < p.fromDate) {
        ctx.addIssue({ code: "custom", path: ["periods", i, "toDate"], message: "Slutdatoen ligger før startdatoen" });
      }
    });
    b.appeals.forEach((a, i) => {
      if (a.afgoerelseRef && !afg.has(a.afgoerelseRef)) missing(["appeals", i, "afgoerelseRef"], "en afgørelse");
      if (a.interventionRef && !intv.has(a.interventionRef)) missing(["appeals", i, "interventionRef"], "en indsats");
    });
    b.plan?.revisions.forEach((r, i) => {
      if (r.revision !== i + 1) {
        ctx.addIssue({
          code: "custom",
          path: ["plan", "revisions", i, "revision"],
          message: `Revisionerne skal være nummereret 1, 2, 3 … i rækkefølge (forventede ${i + 1})`,
        });
      }
    });
    if (b.case.status === "granted" && !b.forloeb) {
      ctx.addIssue({ code: "custom", path: ["forloeb"], message: "En bevilget sag skal have sit forløb med" });
    }
  })
  .meta({ id: "CaseBundle", description: "Hele sagen som versioneret pakke (P-8); se docs/case-bundle.md" });

export type Bundle = z.infer<typeof BundleSchema>;
export type BundleMoveRecord = z.infer<typeof BundleMove>;

export interface BundleIssue {
  /** The field's path as in the rules contract: plan.revisions[0].content.goal */
  path: string;
  message: string;
}

/** JSON path: plan.revisions[0].content.goal */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || "(fil)";
}

/**
 * Validates a bundle. The format and version are checked first, so a wrong file gets one clear message rather than a
 * hundred; then every field, each issue named by its path.
 */
export function parseBundle(raw: unknown): { ok: true; bundle: Bundle } | { ok: false; issues: BundleIssue[] } {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: "(fil)", message: "Filen skal indeholde et JSON-objekt" }] };
  }
  const head = raw as { format?: unknown; version?: unknown };
  if (head.format !== BUNDLE_FORMAT) {
    return {
      ok: false,
      issues: [
        { path: "format", message: `Filen er ikke en sag fra Ressourceforløb (format skal være "${BUNDLE_FORMAT}")` },
      ],
    };
  }
  if (head.version !== BUNDLE_VERSION) {
    return {
      ok: false,
      issues: [
        {
          path: "version",
          message: `Version ${JSON.stringify(head.version ?? null)} af formatet kan ikke læses; denne udgave læser version ${BUNDLE_VERSION}`,
        },
      ],
    };
  }
  const parsed = BundleSchema.safeParse(raw);
  if (parsed.success) return { ok: true, bundle: parsed.data };
  // One message per field: the first one zod found.
  const issues = new Map<string, string>();
  for (const i of parsed.error.issues) {
    const path = formatPath(i.path);
    if (!issues.has(path)) issues.set(path, i.message);
  }
  return { ok: false, issues: [...issues].slice(0, 100).map(([path, message]) => ({ path, message })) };
}
