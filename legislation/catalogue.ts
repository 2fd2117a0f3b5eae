import type { Citation } from "./citation";
import { REGIME_DEFINITIONS } from "./regimes";
import { A_1, A_2 } from "./rules/appeals";
import { D_1, D_2, D_3, D_4, D_5, D_6, D_7 } from "./rules/duration";
import { E_2 } from "./rules/ending";
import { FU_1, FU_2, FU_3 } from "./rules/follow-up";
import { IG_1, IG_2, IG_3, IG_4, IG_5, IG_6 } from "./rules/indsatsgaranti";
import { MT_3 } from "./rules/mentor";
import { PA_1 } from "./rules/pension-age";
import { defineRule, RULE_GROUPS, type RuleMeta } from "./rules/rule-meta";
import { ST_1, ST_2, ST_3, ST_4, ST_5, ST_6, ST_7 } from "./rules/statistics";
import { SK_1, SK_2 } from "./rules/sundhedskoordinator";
import { TG_10, TG_6 } from "./rules/target-group";
import { VP_1, VP_2, VP_4 } from "./rules/virksomhedspraktik";
import { Y_1, Y_2, Y_3, Y_4, Y_5 } from "./rules/ydelse-amount";
import { FAABORG_004, HALSNAES_001, HERNING_000, LAB, LAS, RETSSIKKERHEDSLOVEN, RULES_MD, SKRIVELSE_002 } from "./sources";

/**
 * The rule catalogue (/regler): every rule ID of shared/spec/rules.md. Computed rules come from
 * the metadata their implementations register (id, citations, period, parameters, tests), so
 * the page cannot drift from the code. Judgement and procedure rules are described here.
 */

const c = (law: string, paragraph: string, source: string, verified?: boolean): Citation =>
  verified === undefined ? { law, paragraph, source } : { law, paragraph, source, verified };
const s002 = (sec: string) => `${SKRIVELSE_002} ${sec}`;
const JUDGEMENT_TESTS = ["legislation/judgement/completeness.test.ts", "legislation/judgement/schemas.test.ts"];
const FROM_2013 = { from: "2013-01-01" };
const FROM_2022 = { from: "2022-01-01" };

const judgement = (id: string, titleDa: string, summaryDa: string, citations: Citation[], inForce = FROM_2013) =>
  defineRule({ id, titleDa, summaryDa, citations, inForce, kind: "judgement", tests: JUDGEMENT_TESTS });
const procedure = (id: string, titleDa: string, summaryDa: string, citations: Citation[], inForce: RuleMeta["inForce"] = FROM_2013) =>
  defineRule({ id, titleDa, summaryDa, citations, inForce, kind: "procedure" });

const JUDGEMENT_RULES: RuleMeta[] = [
  judgement(
    "TG-1",
    "Komplekse problemer ud over ledighed",
    "Borgeren har komplekse problemer ud over ledighed, som kræver en tværgående indsats i forhold til beskæftigelse/uddannelse og mindst ét af det sociale område og sundhedsområdet.",
    [c(LAB, "§ 112", s002("§4.1"))],
  ),
  judgement(
    "TG-2",
    "Betingelser for målgruppen",
    "Mindst én af: (a) længerevarende offentlig forsørgelse med svært ved at få fodfæste; (b) deltaget i en indsats uden den ønskede effekt; (c) kommunen vurderer, at en længerevarende indsats er nødvendig.",
    [c(LAB, "§ 112", s002("§4.1"))],
  ),
  judgement(
    "TG-3",
    "Den ordinære indsats er udtømt",
    "Mulighederne i den ordinære indsats skal være vurderet udtømte, men ikke nødvendigvis afprøvede (Ankestyrelsen 24-14). Sagen dokumenterer hvilke indsatser der er foretaget eller overvejet, og hvorfor de er vurderet formålsløse.",
    [c(LAB, "§ 112", s002("§4.2 (Ankestyrelsen 24-14)"))],
  ),
  judgement(
    "TG-4",
    "Udviklingsperspektiv",
    "Der kan peges på indsatser med en realistisk forventning om, at borgeren kan drage nytte af dem og på sigt arbejde i ordinære timer eller fleksjob (Ankestyrelsen 58-18). Indsatser alene for livskvalitet tæller ikke.",
    [c(LAB, "§ 112", s002("§4.4 (Ankestyrelsen 58-18)"))],
  ),
  judgement(
    "TG-5",
    "Udelukkelse",
    "Der tilkendes ikke forløb, når borgeren åbenbart er berettiget til førtidspension, eller når udvikling af arbejdsevnen er åbenbart formålsløs pga. svær sygdom eller betydelig funktionsnedsættelse. Det kræver en helhedsvurdering.",
    [c(LAB, "§ 112", s002("§4.1, §4.4"))],
  ),
  judgement(
    "TG-7",
    "Ikke behov for koordinerende sagsbehandler er aldrig en afslagsgrund",
    "At der ikke er behov for en koordinerende sagsbehandler, er aldrig en gyldig grund til afslag (Ankestyrelsen 1-15).",
    [c(LAB, "§ 36, stk. 3", s002("§5.1 (Ankestyrelsen 1-15)"))],
  ),
  judgement(
    "TG-8",
    "Forholdet til fleksjob",
    "En forudgående fleksjobvurdering er ikke en betingelse, og et fleksjob kan aldrig være en indsats i forløbet.",
    [c(LAB, "§ 112", s002("§4.2, §4.3"))],
  ),
  judgement(
    "TG-9",
    "Borgerens ansøgning",
    "Borgeren kan søge. Kommunen vurderer hele situationen i forhold til alle former for hjælp (83-15); et afslag på at behandle sagen er en afgørelse, der kan påklages (64-11); begrundelsen forholder sig til borgerens anmodning.",
    [c(LAB, "§ 112", s002("§4.5 (Ankestyrelsen 83-15, 64-11)"))],
  ),
  judgement(
    "FU-4",
    "Udeblivelse og rimelig grund",
    "Ved udeblivelse vurderes, om der var en rimelig grund (LAS § 13, stk. 7-8). Sanktion kun uden rimelig grund, efter at alle rimelige forsøg på personlig kontakt er udtømt, og ikke hvor en sanktion ikke fremmer rådigheden.",
    [c(LAS, "§ 13, stk. 7-8", s002("§5.5, §6.6"))],
  ),
];

const PROCEDURE_RULES: RuleMeta[] = [
  procedure("P-1", "Forelæggelse for rehabiliteringsteamet", "Før bevilling forelægges sagen rehabiliteringsteamet. Den forberedende del udarbejdes sammen med borgeren, som orienteres om retten til bisidder.", [c(LAB, "kap. 12 a", s002("§2, §3"))]),
  procedure("P-2", "Teamets sammensætning og indstilling", "Teamet har repræsentanter fra beskæftigelse, sundhed og socialområdet samt regionens sundhedskoordinator (UU ved borgere under 30). Indstillingen er ressourceforløb, fleksjob, førtidspension, fortsat indsats eller andet.", [c(LAB, "kap. 12 a", HERNING_000)]),
  procedure("P-3", "Indstillingen følges ikke", "Vil kommunen ikke følge indstillingen, forelægges sagen teamet igen før afgørelsen.", [c(LAB, "§ 113", s002("§5.2"))]),
  procedure("P-4", "Afgørelsen", "Afgørelsen træffes hurtigst muligt efter indstillingen, angiver præcis start- og slutdato (82-16) og har klagevejledning (LAB § 204). Indsatsdelen kan ikke påklages.", [c(LAB, "§ 204", s002("§4.6"))]),
  procedure("P-5", "Møde efter teammødet", "Den koordinerende sagsbehandler bør mødes med borgeren lige efter teammødet og senest efter en uge.", [c(LAB, "§ 113", `${s002("§5.2")}; ${HALSNAES_001}`)]),
  procedure("P-6", "Koordinerende sagsbehandler", "Hvert forløb har præcis én aktuel koordinerende sagsbehandler. Borgeren inddrages før udskiftning; historikken bevares.", [c(LAB, "§ 36, stk. 3", s002("§5.1"))]),
  procedure("P-7", "Personlig jobformidler", "Borgeren har ret til og skal vejledes om en personlig jobformidler, som ikke er den koordinerende sagsbehandler. Overgang: borgere i forløb fra før 2022 vejledes senest 2022-05-01.", [c(LAB, "§ 113", s002("§5.9, §9"))], FROM_2022),
  procedure("P-8", "Flytning", "Ved flytning følger rehabiliteringsplanen med og kan justeres i den nye kommune.", [c(LAS, "§ 68, stk. 8", s002("§4.7"))]),
  procedure("P-9", "Netværket", "Netværket kan deltage i møder; det registreres.", [c(LAB, "§ 113", s002("§5.7"))]),
  procedure("PL-1", "Job- eller uddannelsesmål", "Indsatsdelen har et konkret job- eller uddannelsesmål, ellers et overordnet mål (branche eller jobfunktion).", [c(LAB, "§ 113", s002("§5.3"))]),
  procedure("PL-2", "Delmål", "Delmål inden for beskæftigelse, uddannelse, sundhed og det sociale, hver med begrundelse.", [c(LAB, "§ 113", s002("§5.3"))]),
  procedure("PL-3", "Konkrete tilbud og aktiviteter", "Hvert tilbud har et kortsigtet mål, den del af kommunen der yder det, og dets hjemmel.", [c(LAB, "§ 113", s002("§5.3, §6.1"))]),
  procedure("PL-4", "Opfølgning i planen", "Planen beskriver opfølgningen, herunder mentor og mentorens rolle.", [c(LAB, "§ 113", s002("§5.3"))]),
  procedure("PL-5", "Indsats for mindst 6 måneder ad gangen", "Indsatsen fastsættes for mindst 6 måneder ad gangen, revideres løbende med historik og vises i Min Plan.", [c(LAB, "§ 113", s002("§5.3"))]),
  procedure("PL-6", "Tilbud eller aftalt aktivitet", "Et tilbud betales af kommunen og kan sanktioneres; en aftalt aktivitet, der ikke er et tilbud, hverken betales eller sanktioneres. Planen viser forskellen.", [c(LAB, "§ 113", s002("§6.1"))]),
  procedure("PL-7", "Fleksjob er ikke en indsats", "Et fleksjob kan ikke være en indsats i planen.", [c(LAB, "§ 112", s002("§4.3"))]),
  procedure("E-1", "Udfald", "Udfaldet registreres fra en fast liste (job, uddannelse, fleksjob, ledighedsydelse, førtidspension, nyt forløb, revalidering, kontanthjælp, flyttet, død, manglende medvirken, andet).", [c(LAB, "§ 113", `${s002("§6.5, §6.7")}; ${HERNING_000}; ${FAABORG_004}`)]),
  procedure("E-3", "Forløbet stoppes ikke ved 6-års-grænsen", "Et forløb kan ikke afbrydes, fordi borgeren når 6-års-grænsen; det kan ophøre af andre grunde (fx job og selvforsørgelse).", [c(LAB, "§ 112", s002("§4.1"))], FROM_2022),
  procedure("E-4", "Manglende medvirken", "Manglende medvirken kan afslutte både forløb og ydelse i én afgørelse.", [c(LAS, "kap. 6 a", s002("§8"))]),
  procedure("MT-1", "Tilbud om mentor", "En borger i forløb bør som udgangspunkt tilbydes mentor.", [c(LAB, "kap. 26", s002("§5.8"))]),
  procedure("MT-2", "Mål for mentorstøtten", "En mentorbevilling har mål og indsatsområder i prioriteret rækkefølge, og mentorens rolle gøres klar.", [c(LAB, "kap. 26", s002("§5.8"))]),
  procedure("MT-4", "Mentor i Min Plan", "Oplysninger om mentor fremgår af Min Plan.", [c(LAB, "kap. 26", s002("§7"))]),
  procedure("MT-5", "Udgiftsloft for mentor (rapportering)", "Fra 2026-01-01 er der et udgiftsloft for mentor og øvrig vejledning (ca. 10.602 kr. pr. fuldtidsperson i udkastet). Det er et kommunalt budgettal til rapportering; borgerens rettigheder er uændrede.", [c(`${LAB} (L 77 2025-26)`, "kap. 33 a / § 203 a", `${RULES_MD} MT-5 [external: ft.dk; polspy.org]`, false)], { from: "2026-01-01" }),
  procedure("VP-3", "Praktik ikke kun for at dokumentere", "En praktik gives aldrig alene for at dokumentere, at borgeren ikke kan arbejde.", [c(LAB, "kap. 11", s002("§6.2"))]),
  procedure("SK-3", "Retten påvirker ikke klageadgangen", "Brug af retten til samtale med sundhedskoordinator påvirker ikke retten til at klage.", [c(LAB, "§ 204", s002("§6.4"))], FROM_2022),
  procedure("A-3", "Klagens udfald", "Udfaldet registreres som stadfæstet, ændret, ophævet, hjemvist eller afvist.", [c(RETSSIKKERHEDSLOVEN, "§§ 66-67", `${RULES_MD} A [external: ast.dk]`, false)]),
];

const COMPUTED_RULES: RuleMeta[] = [
  PA_1, TG_6, TG_10,
  D_1, D_2, D_3, D_4, D_5, D_6, D_7,
  IG_1, IG_2, IG_3, IG_4, IG_5, IG_6,
  FU_1, FU_2, FU_3,
  MT_3, VP_1, VP_2, VP_4, SK_1, SK_2,
  E_2, A_1, A_2,
  Y_1, Y_2, Y_3, Y_4, Y_5,
  ST_1, ST_2, ST_3, ST_4, ST_5, ST_6, ST_7,
];

function sortKey(id: string): [number, number] {
  const [g, n] = id.split("-");
  return [RULE_GROUPS.indexOf(g as (typeof RULE_GROUPS)[number]), Number(n)];
}

/** Every rule of rules.md, sorted by group (as in rules.md) and number. */
export const CATALOGUE: readonly RuleMeta[] = [...COMPUTED_RULES, ...JUDGEMENT_RULES, ...PROCEDURE_RULES].sort((a, b) => {
  const [ga, na] = sortKey(a.id);
  const [gb, nb] = sortKey(b.id);
  return ga - gb || na - nb;
});

export function catalogueEntry(id: string): RuleMeta | undefined {
  return CATALOGUE.find((r) => r.id === id);
}

export { REGIME_DEFINITIONS };
export type { RuleMeta };
