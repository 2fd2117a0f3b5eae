import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import type { AuthorityWording } from "~/modules/afgoerelser";

/**
 * E-4: the decision that ends both the ressourceforløb and the ressourceforløbsydelse because the citizen has not
 * taken part (LAS kap. 6 a; skrivelse 10112 §8), as one letter with the reasons, the contact attempts and the
 * reasonable-ground assessment (LAS § 13, stk. 7-8; skrivelse 10112 §6.6), the partshøring, the legal basis and the
 * klagevejledning (A-1, A-2; LAB § 204). Pure: the use case renders it with renderPdf and stores it.
 */
export interface EndingLetterData {
  municipalityName: string;
  decidedOn: string;
  caseRef: string;
  citizen: { name: string; address: string; postalCode: string; city: string; maskedCpr: string };
  forloeb: { startDate: string; plannedEnd: string };
  endsOn: string;
  /** The first day without the forløb and the ydelse. */
  dayAfter: string;
  failures: string;
  contactAttempts: string;
  reasonableGroundAssessment: string;
  heardOn: string;
  citizenComments: string | null;
  reasons: string;
  coordinator: { name: string; unit: string; email: string | null } | null;
  decider: { name: string; unit: string | null };
  legalBasis: { text: string; ruleIds: string[] }[];
  appeal: { deadline: string; basis: string; genvurderingBasis: string };
  wording: AuthorityWording;
}

export const ENDING_LETTER_TITLE = "Dit ressourceforløb og din ressourceforløbsydelse ophører";

const dk = (iso: string) => iso.split("-").reverse().join(".");

function paragraphs(text: string): Content[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ text: p, margin: [0, 0, 0, 6] as [number, number, number, number] }));
}

const h2 = (text: string): Content => ({ text, style: "h2", headlineLevel: 1 });

export function endingLetter(d: EndingLetterData): TDocumentDefinitions {
  const w = d.wording;
  const content: Content[] = [];
  content.push({
    columns: [
      {
        width: "*",
        stack: [
          { text: w.sender(d.municipalityName), bold: true },
          { text: `Sag: ${d.caseRef}`, style: "small" },
        ],
      },
      { width: "auto", text: `Dato: ${dk(d.decidedOn)}`, alignment: "right" },
    ],
    margin: [0, 0, 0, 24],
  });
  content.push({
    stack: [
      d.citizen.name,
      d.citizen.address,
      `${d.citizen.postalCode} ${d.citizen.city}`,
      { text: `CPR-nr.: ${d.citizen.maskedCpr}`, style: "small", margin: [0, 4, 0, 0] },
    ],
    margin: [0, 0, 0, 28],
  });
  content.push({ text: ENDING_LETTER_TITLE, style: "title" });
  content.push({
    text: `${w.Authority} har den ${dk(d.decidedOn)} truffet afgørelse om, at dit ressourceforløb og din ressourceforløbsydelse ophører, fordi du ikke har medvirket til at gennemføre forløbet. Den sidste dag i forløbet og med ressourceforløbsydelse er den ${dk(d.endsOn)}.`,
    margin: [0, 0, 0, 6],
  });
  content.push({
    text: `Dit ressourceforløb begyndte den ${dk(d.forloeb.startDate)} og skulle have varet til og med den ${dk(d.forloeb.plannedEnd)}. Indsatsen i forløbet og ydelsen hænger sammen, og derfor ophører de begge med denne ene afgørelse.`,
    margin: [0, 0, 0, 8],
  });

  content.push(h2("Hvad har du ikke medvirket til?"));
  content.push(...paragraphs(d.failures));
  content.push(h2("Vores forsøg på at komme i kontakt med dig"));
  content.push(...paragraphs(d.contactAttempts));
  content.push(h2("Har du haft en rimelig grund?"));
  content.push(...paragraphs(d.reasonableGroundAssessment));
  content.push({
    text: "Vi har vurderet, om du har haft en rimelig grund til ikke at deltage, fx sygdom, og om der er andre forhold, fx alvorlig psykisk sygdom, der betyder, at du ikke skal miste forløbet og ydelsen. Vi har ikke fundet en sådan grund.",
    margin: [0, 0, 0, 6],
  });
  content.push(h2("Dine bemærkninger"));
  content.push({
    text: `Vi bad dig om dine bemærkninger, før vi traf afgørelsen (partshøring den ${dk(d.heardOn)}).`,
    margin: [0, 0, 0, 6],
  });
  content.push(
    ...(d.citizenComments ? paragraphs(d.citizenComments) : [{ text: "Vi har ikke modtaget bemærkninger fra dig." }]),
  );
  content.push(h2("Begrundelse"));
  content.push(...paragraphs(d.reasons));

  content.push(h2("Hvad sker der nu?"));
  content.push({
    text: `Fra den ${dk(d.dayAfter)} får du ikke længere ressourceforløbsydelse. Kontakt ${w.authority}, hvis du har brug for at søge anden hjælp, fx kontanthjælp. Du kan fortsat få vejledning hos din sagsbehandler.`,
  });

  content.push(h2("Din sagsbehandler"));
  content.push({
    text: d.coordinator
      ? [
          `${d.coordinator.name}, ${d.coordinator.unit}.`,
          d.coordinator.email ? ` E-mail: ${d.coordinator.email}.` : "",
          ` Kontakt ${d.coordinator.name}, hvis du har spørgsmål til afgørelsen.`,
        ].join("")
      : `Kontakt ${w.authority}, hvis du har spørgsmål til afgørelsen.`,
  });

  content.push(h2("Regler, afgørelsen bygger på"));
  content.push({
    ul: d.legalBasis.map((b) => ({ text: [b.text, { text: ` (regel ${b.ruleIds.join(", ")})`, color: "#545454" }] })),
  });

  content.push(h2("Sådan klager du"));
  const appeal: string[] = [
    `Hvis du er uenig i afgørelsen, kan du klage. Klagen skal være modtaget senest 4 uger efter, at du har modtaget dette brev. Modtager du brevet den ${dk(d.decidedOn)}, er sidste frist den ${dk(d.appeal.deadline)}.`,
    `Du sender klagen til ${w.authority} i ${d.municipalityName}, som har truffet afgørelsen – ikke direkte til Ankestyrelsen. Du kan klage skriftligt, fx med digital post, eller mundtligt ved at kontakte din sagsbehandler.`,
    `${w.Authority} vurderer afgørelsen igen inden 4 uger efter at have modtaget din klage. Får du ikke fuldt ud medhold, sender ${w.authority} klagen videre til Ankestyrelsen inden for de samme 4 uger, og du får besked om det.`,
    "Du kan klage over både afgørelsen og over de enkelte indsatser i forløbet (LAB § 204).",
  ];
  content.push(...appeal.map((a) => ({ text: a, margin: [0, 0, 0, 6] as [number, number, number, number] })));
  content.push({
    text: `Klagefristen følger af ${d.appeal.basis} (regel A-1), genvurderingen af ${d.appeal.genvurderingBasis} (regel A-2).`,
    style: "small",
  });

  content.push({
    stack: [
      "Med venlig hilsen",
      { text: d.decider.name, margin: [0, 14, 0, 0] },
      ...(d.decider.unit ? [d.decider.unit, d.municipalityName] : [w.sender(d.municipalityName)]),
    ],
    margin: [0, 18, 0, 0],
    unbreakable: true,
  });

  return {
    info: { title: ENDING_LETTER_TITLE, author: d.municipalityName, subject: "Afgørelse om ophør af ressourceforløb" },
    content,
    pageBreakBefore: (node, q) => node.headlineLevel === 1 && q.getFollowingNodesOnPage().length < 2,
    footer: (currentPage: number, pageCount: number) => ({
      text: `${w.sender(d.municipalityName)} · ${ENDING_LETTER_TITLE} · Side ${currentPage} af ${pageCount}`,
      style: "small",
      alignment: "center",
      margin: [56, 24, 56, 0],
    }),
  };
}
