import { openCase, saveVisitation, setCaseStatus } from "~/modules/cases/index.server";
import { PREPARATORY_KEYS, type PreparatorySection } from "~/modules/cases";
import { createCitizen } from "~/modules/citizens/index.server";
import type { Actor } from "~/platform/auth/actor";
import type { Database } from "~/platform/db/client.server";
import { aCitizenInput } from "./tenancy";

/*
 * Builders for cases in the visitation journey. Everything they record is valid, so a test starts from a case the
 * rules accept and changes only what it is about.
 */

let serial = 0;

/**
 * A synthetic CPR number for a birth date, unique within the test process (the 7th digit gives the century, see
 * legislation/cpr.ts; the last digit's parity gives the sex: odd = man).
 */
export function aCprFor(birthDate: string, sex: "M" | "K" = "K"): string {
  const [y, m, d] = birthDate.split("-");
  const year = Number(y);
  const century = year >= 2000 ? "4" : "1";
  serial = (serial + 1) % 500;
  const last = serial * 2 + (sex === "M" ? 1 : 0);
  return `${d}${m}${y!.slice(2)}-${century}${String(last).padStart(3, "0")}`;
}

/** Creates a citizen (caseworker or leader actor) and returns the id. */
export async function aCitizen(
  db: Database,
  actor: Actor,
  overrides: {
    birthDate?: string;
    name?: string;
    network?: { name: string; relation: string; phone: string | null }[];
  } = {},
): Promise<string> {
  const birthDate = overrides.birthDate ?? "1985-03-15";
  const r = await createCitizen(
    { db, actor },
    aCitizenInput({
      cpr: aCprFor(birthDate),
      ...(overrides.name ? { name: overrides.name } : {}),
      ...(overrides.network ? { network: overrides.network } : {}),
    }),
  );
  if (!r.ok) throw new Error(`aCitizen: ${JSON.stringify(r)}`);
  return r.id;
}

/** Complete judgement facts for a grant (TG-1..TG-5, TG-8; TG-9 when the case began with an application). */
export function aJudgement(opts: { fromApplication?: string } = {}): Record<string, unknown> {
  const j: Record<string, unknown> = {
    tg1: {
      conclusion: "met",
      areas: ["employment", "health", "social"],
      reason: "Angst og depression, gæld og ustabil bolig; har ikke kunnet fastholde job eller uddannelse.",
      assessedOn: "2025-12-01",
    },
    tg2: {
      conclusion: "met",
      conditions: ["longTermPublicSupport", "effortWithoutEffect"],
      reason: "Offentligt forsørget i over fire år; to praktikker er afbrudt uden effekt.",
      assessedOn: "2025-12-01",
    },
    tg3: {
      conclusion: "exhausted",
      measures: [
        { measure: "Virksomhedspraktik i butik", status: "tried", whyFutile: "Afbrudt efter tre uger pga. angst." },
        {
          measure: "Vejledning og opkvalificering",
          status: "considered",
          whyFutile: "Kræver et stabilt fremmøde, som borgeren ikke har nu.",
        },
      ],
      reason: "Den ordinære indsats er vurderet udtømt.",
      assessedOn: "2025-12-01",
    },
    tg4: {
      conclusion: "present",
      interventions: [
        {
          description: "Psykologforløb efter sundhedsloven",
          expectedBenefit: "Færre angstsymptomer, så praktik bliver mulig.",
        },
        {
          description: "Mentor og gradvis virksomhedspraktik",
          expectedBenefit: "Udvikling af arbejdsevnen mod ordinære timer.",
        },
      ],
      signsFor: ["Motiveret for at arbejde", "Erfaring fra lager"],
      signsAgainst: ["Svingende helbred"],
      qualityOfLifeOnly: false,
      goal: "ordinaryHours",
      reason: "Realistisk forventning om, at arbejdsevnen kan udvikles.",
      assessedOn: "2025-12-01",
    },
    tg5: {
      obviouslyEntitledToFoertidspension: false,
      obviouslyFutile: false,
      overallAssessment: { healthInformation: true, functionalCapacity: true, otherCircumstances: true },
      reason:
        "Helhedsvurdering: ikke åbenbart berettiget til førtidspension, og udvikling er ikke åbenbart formålsløs.",
      assessedOn: "2025-12-01",
    },
    tg8: {
      refusedForMissingFleksjobAssessment: false,
      fleksjobPlannedAsIntervention: false,
      reason: "Fleksjob er ikke en forudsætning og indgår ikke som indsats.",
    },
  };
  if (opts.fromApplication) {
    j.tg9 = {
      startedFromApplication: true,
      requestedHelp: opts.fromApplication,
      allFormsOfHelpAssessed: true,
      reasoningAnswersRequest: "Borgeren har søgt om ressourceforløb; vurderingen svarer på ansøgningen.",
      refusedToConsider: false,
      reason: "Hele situationen er vurderet i forhold til alle former for hjælp.",
    };
  }
  return j;
}

/** A complete forberedende del (P-1), one text per section. */
export function aPreparatory(): Record<PreparatorySection, string> {
  const texts: Record<PreparatorySection, string> = {
    education: "Folkeskolens 9. klasse. Påbegyndt HG, afbrudt efter et år.",
    work: "Lagerarbejde i tre år, derefter korte ansættelser i detailhandel.",
    health: "Angst og depression siden 2019, i behandling hos egen læge.",
    social: "Bor alene, har gæld. God kontakt til sin søster.",
    citizenView: "Vil gerne i arbejde igen, gerne på et lager, men skal starte langsomt.",
    resources: "Ressourcer: praktisk anlagt og mødestabil i gode perioder. Barrierer: angst og økonomi.",
  };
  return Object.fromEntries(PREPARATORY_KEYS.map((k) => [k, texts[k]])) as Record<PreparatorySection, string>;
}

/**
 * Opens a case for the citizen and sends it to the rehabiliteringsteam with everything the rules require (P-1, TG-1..
 * TG-5, TG-8, TG-9 for an application). The case ends in status "readyForTeam".
 */
export async function aReadyCase(
  db: Database,
  actor: Actor,
  citizenId: string,
  opts: { origin?: "municipality" | "application"; wishesForloeb?: boolean; bisidderInformedOn?: string } = {},
): Promise<{ caseId: string; version: number }> {
  const ctx = { db, actor };
  const application = opts.origin === "application";
  const opened = await openCase(
    ctx,
    citizenId,
    application
      ? {
          origin: "application",
          applicationReceivedOn: "2025-11-20",
          applicationText: "Jeg søger om et ressourceforløb.",
        }
      : { origin: "municipality" },
  );
  if (!opened.ok) throw new Error(`aReadyCase/openCase: ${JSON.stringify(opened)}`);
  const saved = await saveVisitation(
    ctx,
    opened.id,
    {
      version: 1,
      bisidderInformedOn: opts.bisidderInformedOn ?? "2025-12-02",
      citizenWishesForloeb: opts.wishesForloeb ?? false,
      judgement: aJudgement(application ? { fromApplication: "Jeg søger om et ressourceforløb." } : {}),
      preparatory: aPreparatory(),
    },
    { sendToTeam: true },
  );
  if (!saved.ok || !saved.sentToTeam) throw new Error(`aReadyCase/saveVisitation: ${JSON.stringify(saved)}`);
  return { caseId: opened.id, version: saved.version };
}

/** P-3: the municipality will not follow the indstilling, so the case goes back to the team before the decision. */
export async function sendBackToTeam(db: Database, actor: Actor, caseId: string): Promise<void> {
  await setCaseStatus(db, { municipalityId: actor.municipalityId }, caseId, "backToTeam");
}
