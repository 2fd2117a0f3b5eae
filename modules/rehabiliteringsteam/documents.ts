import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { citationText } from "~/legislation";
import {
  AGENDA_PURPOSES,
  authorityOn,
  danishLongDate,
  danishShortDate,
  INTERVENTION_AREA_KEYS,
  INTERVENTION_AREAS,
  MEMBER_AREA_KEYS,
  MEMBER_AREAS,
  p5FirstMeetingDeadline,
  RECOMMENDATIONS,
  recommendationText,
  ruleBasis,
  slotEnd,
  type AgendaPurpose,
  type Indstilling,
  type TeamMember,
} from "./team";

/*
 * The PDFs of the rehabiliteringsteam as pdfmake documents: invitation (P-1, P-2, P-9), the citizen's minutes letter
 * (P-2, P-3, P-5) and the meeting's minutes. Pure: the caller passes the letter date (today) and renders.
 */

const RELATION_LABELS: Record<string, string> = {
  aegtefaelle: "ægtefælle/samlever",
  foraelder: "forælder",
  barn: "barn",
  soeskende: "søskende",
  ven: "ven/veninde",
  andet: "anden relation",
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface LetterParty {
  municipalityName: string;
  citizen: { name: string; address: string; postalCode: string; city: string };
  coordinator: { name: string; email: string | null; unit: string } | null;
}

export interface MeetingFacts {
  meetingDate: string;
  place: string;
  members: TeamMember[];
}

function membersByArea(members: readonly TeamMember[]): Content {
  const rows = MEMBER_AREA_KEYS.flatMap((area) =>
    members
      .filter((m) => m.area === area)
      .map((m) => `${MEMBER_AREAS[area].label}: ${m.name}${m.title ? `, ${m.title}` : ""}`),
  );
  return rows.length ? { ul: rows } : { text: "Teamets medlemmer er ikke registreret." };
}

function header(party: LetterParty, letterDate: string, authority: string): Content[] {
  return [
    {
      columns: [
        {
          width: "*",
          stack: [party.citizen.name, party.citizen.address, `${party.citizen.postalCode} ${party.citizen.city}`],
        },
        {
          width: "auto",
          alignment: "right",
          stack: [
            { text: party.municipalityName, bold: true },
            capitalise(authority),
            `Dato: ${danishShortDate(letterDate)}`,
          ],
        },
      ],
      margin: [0, 0, 0, 28],
    },
  ];
}

function contact(party: LetterParty, authority: string): Content[] {
  const c = party.coordinator;
  return [
    { text: "Din koordinerende sagsbehandler", style: "h2" },
    c
      ? { stack: [c.name, c.unit, ...(c.email ? [`E-mail: ${c.email}`] : [])] }
      : { text: `Kontakt ${authority} i ${party.municipalityName}.` },
    { text: "Med venlig hilsen", margin: [0, 16, 0, 0] },
    { text: `${c?.name ?? ""}${c ? ", " : ""}${capitalise(authority)}, ${party.municipalityName}` },
  ];
}

function basisLine(ids: Parameters<typeof ruleBasis>[0][], letterDate: string): Content {
  const wording = authorityOn(letterDate);
  return {
    text: [
      "Regler: ",
      ids.map(ruleBasis).join("; "),
      `. Betegnelsen "${wording.name}": ${citationText(wording.citation)}.`,
    ].join(""),
    style: "small",
    margin: [0, 24, 0, 0],
  };
}

/** P-1, P-2, P-9: the invitation to the team meeting. */
export function invitationDocument(v: {
  letterDate: string;
  party: LetterParty;
  meeting: MeetingFacts;
  slotStart: string;
  slotMinutes: number;
  purpose: AgendaPurpose;
  network: { name: string; relation: string }[];
}): TDocumentDefinitions {
  const authority = authorityOn(v.letterDate).name;
  const network: Content =
    v.network.length > 0
      ? {
          stack: [
            "Vi har registreret disse personer i dit netværk:",
            { ul: v.network.map((p) => `${p.name} (${RELATION_LABELS[p.relation] ?? p.relation})`) },
          ],
        }
      : {
          text: "Vi har ikke registreret personer fra dit netværk. Fortæl din sagsbehandler, hvis du tager nogen med.",
        };
  return {
    info: { title: "Indkaldelse til møde i rehabiliteringsteamet" },
    content: [
      ...header(v.party, v.letterDate, authority),
      { text: "Indkaldelse til møde i rehabiliteringsteamet", style: "title" },
      `Kære ${v.party.citizen.name}`,
      {
        text: `${capitalise(authority)} har sat din sag på dagsordenen til et møde i rehabiliteringsteamet. Du indkaldes hermed til mødet.`,
        margin: [0, 8, 0, 8],
      },
      {
        table: {
          widths: ["auto", "*"],
          body: [
            [{ text: "Dato", bold: true }, danishLongDate(v.meeting.meetingDate)],
            [{ text: "Tidspunkt", bold: true }, `kl. ${v.slotStart}–${slotEnd(v.slotStart, v.slotMinutes)}`],
            [{ text: "Sted", bold: true }, v.meeting.place],
          ],
        },
        layout: "noBorders",
      },
      { text: "Hvorfor skal du til møde?", style: "h2" },
      AGENDA_PURPOSES[v.purpose].letter,
      {
        text: `Teamet kommer med en indstilling. Indstillingen er ikke en afgørelse: ${authority} træffer afgørelsen bagefter, og du får den skriftligt med klagevejledning.`,
        margin: [0, 4, 0, 0],
      },
      { text: "Hvem sidder i teamet?", style: "h2" },
      "Teamet består af repræsentanter fra beskæftigelses-, sundheds- og socialområdet og regionens sundhedskoordinator. På mødet deltager:",
      membersByArea(v.meeting.members),
      { text: "Du må gerne tage en bisidder med", style: "h2" },
      "Du har ret til at tage en bisidder med til mødet, fx et familiemedlem, en ven eller en anden, du har tillid til. En bisidder kan støtte dig og hjælpe dig med at huske, hvad der bliver sagt.",
      { text: "Dit netværk er velkomment", style: "h2" },
      "Du må også gerne tage personer fra dit netværk med, fx din ægtefælle, dine forældre eller en ven.",
      network,
      { text: "Sådan kan du forberede dig", style: "h2" },
      {
        ul: [
          "Læs den forberedende del af din rehabiliteringsplan igennem. Den er skrevet sammen med dig, og teamet har læst den før mødet.",
          "Tænk over, hvad du selv ønsker, og hvad der skal til, for at du kan komme videre mod job eller uddannelse.",
          "Skriv gerne de spørgsmål ned, du vil stille teamet.",
          "Tag eventuelle nye papirer med, fx fra din læge eller behandler.",
        ],
      },
      { text: "Kan du ikke komme?", style: "h2" },
      "Kontakt din koordinerende sagsbehandler hurtigst muligt, så vi kan finde en ny tid.",
      ...contact(v.party, authority),
      basisLine(["P-1", "P-2", "P-9"], v.letterDate),
    ],
  };
}

function indstillingContent(i: Indstilling | null): Content[] {
  if (!i) return [{ text: "Teamet har ikke givet en indstilling i sagen på mødet.", italics: true }];
  const areas = INTERVENTION_AREA_KEYS.filter((k) => i.interventions[k].length > 0);
  return [
    {
      table: {
        widths: ["auto", "*"],
        body: [
          [
            { text: "Indstilling", bold: true },
            i.recommendation === "andet" ? recommendationText(i) : RECOMMENDATIONS[i.recommendation],
          ],
          ...(i.recommendedMonths !== null
            ? [[{ text: "Anbefalet varighed", bold: true }, `${i.recommendedMonths} måneder`]]
            : []),
          [
            { text: "Ønsker at se sagen igen", bold: true },
            i.seeAgain ? `Ja${i.seeAgainNote ? `: ${i.seeAgainNote}` : ""}` : "Nej",
          ],
        ],
      },
      layout: "noBorders",
    },
    { text: "Anbefalede indsatser", bold: true, margin: [0, 6, 0, 2] },
    areas.length > 0
      ? {
          stack: areas.map((k) => ({
            stack: [{ text: INTERVENTION_AREAS[k], italics: true }, { ul: i.interventions[k] }],
            margin: [0, 0, 0, 4],
          })),
        }
      : { text: "Ingen." },
    { text: "Begrundelse", bold: true, margin: [0, 6, 0, 2] },
    i.reasons,
  ];
}

/** The citizen's letter with the team's indstilling in their case (P-2), and what happens next (P-3, P-4, P-5). */
export function minutesLetterDocument(v: {
  letterDate: string;
  party: LetterParty;
  meeting: MeetingFacts;
  indstilling: Indstilling;
}): TDocumentDefinitions {
  const authority = authorityOn(v.letterDate).name;
  const p5 = p5FirstMeetingDeadline(v.meeting.meetingDate).value;
  return {
    info: { title: "Rehabiliteringsteamets indstilling i din sag" },
    content: [
      ...header(v.party, v.letterDate, authority),
      { text: "Rehabiliteringsteamets indstilling i din sag", style: "title" },
      `Kære ${v.party.citizen.name}`,
      {
        text: `Rehabiliteringsteamet behandlede din sag på mødet ${danishLongDate(v.meeting.meetingDate)} (${v.meeting.place}). Her er referatet af teamets indstilling.`,
        margin: [0, 8, 0, 8],
      },
      { text: "Deltagere i teamet", style: "h2" },
      membersByArea(v.meeting.members),
      { text: "Teamets indstilling", style: "h2" },
      ...indstillingContent(v.indstilling),
      { text: "Hvad sker der nu?", style: "h2" },
      {
        ul: [
          `Din koordinerende sagsbehandler mødes med dig snarest og senest ${danishShortDate(p5)} for at gennemgå indstillingen med dig.`,
          `${capitalise(authority)} træffer afgørelse hurtigst muligt på baggrund af indstillingen. Du får afgørelsen skriftligt med klagevejledning.`,
          `Vil ${authority} ikke følge teamets indstilling, skal sagen forelægges teamet igen, før der træffes afgørelse.`,
          "Indstillingen er ikke en afgørelse, og du kan derfor ikke klage over den. Du kan klage over afgørelsen.",
        ],
      },
      ...contact(v.party, authority),
      basisLine(["P-2", "P-3", "P-5"], v.letterDate),
    ],
  };
}

export interface MinutesItem {
  slotStart: string;
  slotMinutes: number;
  citizenName: string;
  age: number;
  purpose: AgendaPurpose;
  coordinatorName: string | null;
  indstilling: Indstilling | null;
}

/** The meeting's minutes: members, and per case the indstilling (P-2). Internal: it names every citizen. */
export function minutesDocument(v: {
  municipalityName: string;
  printedOn: string;
  meeting: MeetingFacts & { startTime: string };
  items: MinutesItem[];
}): TDocumentDefinitions {
  return {
    info: { title: `Referat fra rehabiliteringsteamets møde ${danishShortDate(v.meeting.meetingDate)}` },
    content: [
      { text: `${v.municipalityName} · Rehabiliteringsteamet`, style: "small" },
      { text: "Referat fra rehabiliteringsteamets møde", style: "title" },
      {
        table: {
          widths: ["auto", "*"],
          body: [
            [{ text: "Dato", bold: true }, danishLongDate(v.meeting.meetingDate)],
            [{ text: "Begyndte", bold: true }, `kl. ${v.meeting.startTime}`],
            [{ text: "Sted", bold: true }, v.meeting.place],
          ],
        },
        layout: "noBorders",
      },
      { text: "Deltagere", style: "h2" },
      membersByArea(v.meeting.members),
      { text: "Sager", style: "h2" },
      ...(v.items.length === 0 ? [{ text: "Der var ingen sager på dagsordenen." }] : []),
      ...v.items.flatMap((it, n): Content[] => [
        {
          text: `${n + 1}. Kl. ${it.slotStart}–${slotEnd(it.slotStart, it.slotMinutes)}: ${it.citizenName} (${it.age} år)`,
          bold: true,
          margin: [0, 12, 0, 2],
        },
        {
          text: `Formål: ${AGENDA_PURPOSES[it.purpose].label}. Koordinerende sagsbehandler: ${it.coordinatorName ?? "ikke angivet"}.`,
          style: "small",
          margin: [0, 0, 0, 4],
        },
        ...indstillingContent(it.indstilling),
      ]),
      {
        text: `Udskrevet ${danishShortDate(v.printedOn)}. Referatet indeholder fortrolige personoplysninger. Regler: ${ruleBasis("P-2")}; ${ruleBasis("P-3")}.`,
        style: "small",
        margin: [0, 24, 0, 0],
      },
    ],
  };
}
