import { completeness, type MissingElement } from "~/legislation";

/** Where a case is in the journey from visitation to a running forløb. */
export const CASE_STATUSES = {
  visitation: "Visitation",
  readyForTeam: "Klar til rehabiliteringsteamet",
  onAgenda: "På teamets dagsorden",
  indstillingGiven: "Indstilling givet – afventer afgørelse",
  backToTeam: "Tilbage til teamet før afgørelse (P-3)",
  granted: "Ressourceforløb bevilget",
  refused: "Afslag",
  notConsidered: "Afvist at behandle (TG-9)",
  ended: "Afsluttet",
} as const;
export type CaseStatus = keyof typeof CASE_STATUSES;

export const CASE_ORIGINS = {
  municipality: "Kommunen rejste sagen",
  application: "Borgeren har søgt (TG-9)",
} as const;
export type CaseOrigin = keyof typeof CASE_ORIGINS;

/** The sections of the forberedende del of the rehabiliteringsplan (LAB § 30 a). */
export const PREPARATORY_SECTIONS = {
  education: { label: "Uddannelse", hint: "Skole, uddannelser, kurser og hvordan de gik." },
  work: { label: "Beskæftigelse og kompetencer", hint: "Tidligere job, praktik, kompetencer og interesser." },
  health: { label: "Helbred", hint: "Borgerens egen beskrivelse og de helbredsoplysninger, der er i sagen." },
  social: { label: "Sociale forhold og familie", hint: "Bolig, økonomi, familie, netværk og fritid." },
  citizenView: {
    label: "Borgerens eget perspektiv og ønsker",
    hint: "Hvad borgeren selv ønsker og mener om sin situation.",
  },
  resources: { label: "Ressourcer og barrierer", hint: "Hvad taler for og imod, at borgeren kommer i job." },
} as const;
export type PreparatorySection = keyof typeof PREPARATORY_SECTIONS;
export const PREPARATORY_KEYS = Object.keys(PREPARATORY_SECTIONS) as PreparatorySection[];

export interface CaseRecord {
  id: string;
  municipalityId: string;
  citizenId: string;
  status: CaseStatus;
  origin: CaseOrigin;
  applicationReceivedOn: string | null;
  applicationText: string | null;
  openedOn: string;
  judgement: Record<string, unknown>;
  bisidderInformedOn: string | null;
  citizenWishesForloeb: boolean;
  preparatory: Partial<Record<PreparatorySection, string>>;
  citizenView: string | null;
  citizenViewAt: Date | null;
  version: number;
}

/**
 * What must be in place before the case may go to the rehabiliteringsteam (P-1): the judgement facts of a grant,
 * the citizen's application answered (TG-9), the bisidder information, and the forberedende del.
 */
export function missingForTeam(
  c: Pick<CaseRecord, "judgement" | "origin" | "bisidderInformedOn" | "preparatory">,
): MissingElement[] {
  const missing = completeness({ ...c.judgement, purpose: "grant" });
  // TG-9: a case begun by the citizen's application must answer that request; completeness checks its content.
  if (c.origin === "application" && !(c.judgement as { tg9?: unknown }).tg9) {
    missing.push({ ruleId: "TG-9", path: "tg9", message: "Mangler: behandling af borgerens ansøgning (TG-9)" });
  }
  if (!c.bisidderInformedOn) {
    missing.push({
      ruleId: "P-1",
      path: "bisidderInformedOn",
      message: "Registrér, hvornår borgeren blev oplyst om retten til at have en bisidder med",
    });
  }
  for (const key of PREPARATORY_KEYS) {
    if (!c.preparatory[key]?.trim()) {
      missing.push({
        ruleId: "P-1",
        path: `preparatory.${key}`,
        message: `Udfyld afsnittet "${PREPARATORY_SECTIONS[key].label}" i den forberedende del`,
      });
    }
  }
  return missing;
}
