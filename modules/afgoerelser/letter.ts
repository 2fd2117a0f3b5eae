import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import {
  INTERVENTION_AREA_LABELS,
  recommendationLabel,
  REFUSAL_GROUND_LETTER_TEXT,
  type DecisionKind,
  type RefusalGround,
} from "./afgoerelse";
import type { GrantDates } from "./decision-rules";
import type { AuthorityWording } from "./wording";

/**
 * The decision letter (P-4) as a pdfmake document, pure: the use case renders it with renderPdf and stores it.
 * The letter states the exact dates (Ankestyrelsen 82-16), the reasons, the answer to the citizen's application
 * (TG-9), the legal basis from the explanation tree, the team's indstilling, the coordinating caseworker and the
 * klagevejledning (A-1, A-2, LAB § 204, 002 §4.6).
 */
export interface DecisionLetterData {
  kind: DecisionKind;
  municipalityName: string;
  decidedOn: string;
  caseRef: string;
  citizen: { name: string; address: string; postalCode: string; city: string; maskedCpr: string };
  dates: GrantDates | null;
  reasons: string;
  grounds: RefusalGround[];
  application: { receivedOn: string | null; text: string | null; answer: string | null } | null;
  allFormsOfHelpAssessed: boolean;
  indstilling: {
    recommendation: string;
    otherText: string | null;
    recommendedMonths: number | null;
    meetingDate: string | null;
    revisited: boolean;
    interventions: Record<string, string[]>;
  } | null;
  deviates: boolean;
  coordinator: { name: string; unit: string; email: string | null } | null;
  decider: { name: string; unit: string | null };
  legalBasis: { text: string; ruleIds: string[] }[];
  appeal: { deadline: string; basis: string; genvurderingBasis: string };
  wording: AuthorityWording;
}

export const dk = (iso: string | null | undefined) => (iso ? iso.split("-").reverse().join(".") : "–");

export function letterTitle(kind: DecisionKind): string {
  switch (kind) {
    case "grant":
      return "Du får et ressourceforløb";
    case "refusal":
      return "Afslag på ressourceforløb";
    case "notConsidered":
      return "Afvisning af at behandle din sag om ressourceforløb";
  }
}

function paragraphs(text: string): Content[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ text: p, margin: [0, 0, 0, 6] as [number, number, number, number] }));
}

// Headings carry headlineLevel so that pageBreakBefore can keep them with the text that follows.
const h2 = (text: string): Content => ({ text, style: "h2", headlineLevel: 1 });

const thinLines = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0,
  hLineColor: () => "#bfbfbf",
  paddingLeft: () => 0,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

export function decisionLetter(d: DecisionLetterData): TDocumentDefinitions {
  const w = d.wording;
  const title = letterTitle(d.kind);
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
  content.push({ text: title, style: "title" });

  if (d.kind === "grant" && d.dates) {
    content.push({
      text: `${w.Authority} har den ${dk(d.decidedOn)} truffet afgørelse om, at du får et ressourceforløb fra den ${dk(d.dates.startDate)} til og med den ${dk(d.dates.endDate)}.`,
      margin: [0, 0, 0, 8],
    });
    content.push(h2("Dit ressourceforløb"));
    content.push({
      table: {
        widths: [130, "*"],
        body: [
          ["Første dag", { text: dk(d.dates.startDate), bold: true }],
          ["Sidste dag", { text: dk(d.dates.endDate), bold: true }],
          ["Varighed", d.dates.months !== null ? `${d.dates.months} måneder` : "Som angivet ovenfor"],
        ],
      },
      layout: thinLines,
      margin: [0, 0, 0, 6],
    });
    content.push({
      text: "Et ressourceforløb kan ikke forlænges. Inden slutdatoen træffer vi afgørelse om, hvad der skal ske bagefter. Forløbet og din ressourceforløbsydelse fortsætter, indtil den afgørelse er truffet.",
      margin: [0, 0, 0, 6],
    });
    content.push({
      text: "Din koordinerende sagsbehandler udarbejder rehabiliteringsplanens indsatsdel sammen med dig. Du kan altid se planen i Min Plan.",
    });
  } else if (d.kind === "refusal") {
    content.push({
      text: `${w.Authority} har den ${dk(d.decidedOn)} truffet afgørelse om, at du ikke får et ressourceforløb.`,
      margin: [0, 0, 0, 8],
    });
    const grounds = d.grounds.filter((g) => REFUSAL_GROUND_LETTER_TEXT[g]);
    if (grounds.length > 0) {
      content.push(h2("Hvorfor får du afslag?"));
      content.push({ ul: grounds.map((g) => REFUSAL_GROUND_LETTER_TEXT[g]), margin: [0, 0, 0, 6] });
    }
  } else {
    content.push({
      text: `${w.Authority} har den ${dk(d.decidedOn)} besluttet ikke at behandle din sag med henblik på et ressourceforløb. Det er en afgørelse, som du kan klage over (Ankestyrelsens principafgørelse 64-11).`,
      margin: [0, 0, 0, 8],
    });
  }

  content.push(h2("Begrundelse"));
  content.push(...paragraphs(d.reasons));

  if (d.application) {
    content.push(h2("Din ansøgning"));
    if (d.application.text) {
      content.push({
        text: [
          d.application.receivedOn ? `Du søgte den ${dk(d.application.receivedOn)}: ` : "Du søgte: ",
          { text: `»${d.application.text}«`, italics: true },
        ],
        margin: [0, 0, 0, 6],
      });
    }
    if (d.application.answer) content.push(...paragraphs(d.application.answer));
    if (d.allFormsOfHelpAssessed) {
      content.push({
        text: "Vi har vurderet din samlede situation – helbred, sociale forhold og arbejdsmæssige forhold – i forhold til alle de former for hjælp, du kan få (Ankestyrelsens principafgørelse 83-15).",
      });
    }
  }

  if (d.indstilling) {
    const ind = d.indstilling;
    content.push(h2("Rehabiliteringsteamets indstilling"));
    const rec = recommendationLabel(ind.recommendation, ind.otherText).toLowerCase();
    const months =
      ind.recommendation === "ressourceforloeb" && ind.recommendedMonths !== null
        ? ` i ${ind.recommendedMonths} måneder`
        : "";
    content.push({
      text: `Rehabiliteringsteamet behandlede din sag${ind.meetingDate ? ` på mødet den ${dk(ind.meetingDate)}` : ""} og indstillede ${rec}${months}.`,
      margin: [0, 0, 0, 6],
    });
    if (d.kind === "grant") {
      const items = Object.entries(ind.interventions).flatMap(([area, list]) =>
        list.map((x) => `${INTERVENTION_AREA_LABELS[area] ?? area}: ${x}`),
      );
      if (items.length > 0) {
        content.push({ text: "Teamet anbefalede disse indsatser:", margin: [0, 0, 0, 2] });
        content.push({ ul: items, margin: [0, 0, 0, 6] });
      }
    }
    content.push({
      text: d.deviates
        ? `Afgørelsen følger ikke teamets indstilling. Derfor har sagen været forelagt teamet igen${ind.revisited && ind.meetingDate ? ` den ${dk(ind.meetingDate)}` : ""}, før afgørelsen blev truffet.`
        : "Afgørelsen følger teamets indstilling.",
    });
  }

  content.push(h2(d.kind === "grant" ? "Din koordinerende sagsbehandler" : "Din sagsbehandler"));
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
    ul: d.legalBasis.map((b) => ({
      text: [b.text, { text: ` (regel ${b.ruleIds.join(", ")})`, color: "#545454" }],
    })),
  });

  content.push(h2("Sådan klager du"));
  const appeal: Content[] = [
    `Hvis du er uenig i afgørelsen, kan du klage. Klagen skal være modtaget senest 4 uger efter, at du har modtaget dette brev. Modtager du brevet den ${dk(d.decidedOn)}, er sidste frist den ${dk(d.appeal.deadline)}.`,
    `Du sender klagen til ${w.authority} i ${d.municipalityName}, som har truffet afgørelsen – ikke direkte til Ankestyrelsen. Du kan klage skriftligt, fx med digital post, eller mundtligt ved at kontakte din sagsbehandler.`,
    `${w.Authority} vurderer afgørelsen igen inden 4 uger efter at have modtaget din klage. Får du ikke fuldt ud medhold, sender ${w.authority} klagen videre til Ankestyrelsen inden for de samme 4 uger, og du får besked om det.`,
    d.kind === "notConsidered"
      ? "Du kan klage over, at vi har afvist at behandle din sag om ressourceforløb."
      : "Du kan klage over både afgørelsen om ressourceforløb og over de enkelte indsatser i forløbet (LAB § 204). Du kan ikke klage over indsatsdelen af rehabiliteringsplanen, fordi planen er en del af kommunens faktiske forvaltningsvirksomhed.",
    {
      text: `Klagefristen følger af ${d.appeal.basis} (regel A-1), genvurderingen af ${d.appeal.genvurderingBasis} (regel A-2).`,
      style: "small",
    },
  ];
  content.push(
    ...appeal.map((a) =>
      typeof a === "string" ? { text: a, margin: [0, 0, 0, 6] as [number, number, number, number] } : a,
    ),
  );

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
    info: { title, author: d.municipalityName, subject: "Afgørelse om ressourceforløb" },
    content,
    pageBreakBefore: (node, q) => node.headlineLevel === 1 && q.getFollowingNodesOnPage().length < 2,
    footer: (currentPage: number, pageCount: number) => ({
      text: `${w.sender(d.municipalityName)} · ${title} · Side ${currentPage} af ${pageCount}`,
      style: "small",
      alignment: "center",
      margin: [56, 24, 56, 0],
    }),
  };
}
