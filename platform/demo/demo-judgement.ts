/** Complete visitation facts (TG-1..TG-5, TG-8) as a caseworker would record them; used by demo data. */
export function completeJudgement(opts: { fromApplication?: string } = {}): Record<string, unknown> {
  const j: Record<string, unknown> = {
    tg1: {
      conclusion: "met",
      areas: ["employment", "health", "social"],
      reason: "Langvarig depression og angst, gæld og ustabil bolig; har ikke kunnet fastholde job eller uddannelse.",
    },
    tg2: {
      conclusion: "met",
      conditions: ["longTermPublicSupport", "effortWithoutEffect"],
      reason: "På offentlig forsørgelse i over fire år; to praktikker er afbrudt uden den ønskede effekt.",
    },
    tg3: {
      conclusion: "exhausted",
      measures: [
        {
          measure: "Virksomhedspraktik i butik (2024)",
          status: "tried",
          whyFutile: "Afbrudt efter tre uger pga. angst.",
        },
        {
          measure: "Vejledning og opkvalificering",
          status: "considered",
          whyFutile: "Kræver et stabilt fremmøde, som borgeren ikke har nu.",
        },
      ],
      reason: "Den ordinære indsats er vurderet udtømt; en længere, tværfaglig indsats er nødvendig.",
    },
    tg4: {
      conclusion: "present",
      interventions: [
        {
          description: "Psykologforløb via sundhedsloven",
          expectedBenefit: "Færre angstsymptomer, så praktik bliver mulig.",
        },
        {
          description: "Mentor og gradvis virksomhedspraktik",
          expectedBenefit: "Afklaring af arbejdsevne mod ordinære timer.",
        },
      ],
      signsFor: ["Motiveret for at komme i arbejde", "God erfaring fra lager tidligere"],
      signsAgainst: ["Svingende helbred"],
      qualityOfLifeOnly: false,
      goal: "ordinaryHours",
      reason: "Realistisk forventning om, at arbejdsevnen kan udvikles med en koordineret indsats.",
    },
    tg5: {
      obviouslyEntitledToFoertidspension: false,
      obviouslyFutile: false,
      overallAssessment: { healthInformation: true, functionalCapacity: true, otherCircumstances: true },
      reason:
        "Helhedsvurdering af helbred, funktionsevne og sociale forhold: ikke åbenbart berettiget til førtidspension.",
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
      reasoningAnswersRequest: "Borgeren har søgt om ressourceforløb; vurderingen viser, at borgeren er i målgruppen.",
      refusedToConsider: false,
      reason: "Hele situationen er vurderet i forhold til alle former for hjælp.",
    };
  }
  return j;
}

export const DEMO_PREPARATORY = {
  education: "Folkeskolens 9. klasse. Påbegyndt HG, afbrudt efter et år.",
  work: "Lagerarbejde i 3 år, derefter korte ansættelser i detailhandel. Kan lide praktisk arbejde.",
  health: "Depression og angst siden 2019, i behandling hos egen læge. Søvnproblemer.",
  social: "Bor alene i lejlighed, har gæld. God kontakt til sin søster.",
  citizenView: "Vil gerne i arbejde igen, gerne på et lager, men har brug for at starte langsomt.",
  resources: "Ressourcer: mødestabil når angsten er under kontrol, praktisk anlagt. Barrierer: angst, økonomi.",
};
