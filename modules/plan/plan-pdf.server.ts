import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { renderPdf } from "~/platform/pdf/render-pdf.server";
import {
  danishDate,
  DELMAAL_AREAS,
  GOAL_TYPES,
  INTERVENTION_FORMS,
  LEGAL_BASES,
  ruleBasis,
  type PlanRevision,
} from "./plan";

export interface PlanLetterhead {
  municipalityName: string;
  citizenName: string;
  coordinator: { name: string; unit: string; email: string | null } | null;
  forloeb: { startDate: string; plannedEnd: string } | null;
  /** The day the print is made (today() from the shell). */
  printedOn: string;
}

const copenhagenDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

function row(label: string, value: string): Content[] {
  return [{ text: label, bold: true }, { text: value || "–" }];
}

function table(rows: Content[][], widths: (string | number)[] = [140, "*"]): Content {
  return {
    table: { widths, body: rows },
    layout: "lightHorizontalLines",
    margin: [0, 2, 0, 8],
  };
}

/** The document of one revision of the indsatsdel: for print and for the letter to the citizen. */
export function planDocument(rev: PlanRevision, head: PlanLetterhead): TDocumentDefinitions {
  const c = rev.content;
  const revisedOn = danishDate(copenhagenDay.format(rev.createdAt));
  const content: Content[] = [
    { text: head.municipalityName, style: "small" },
    { text: "Rehabiliteringsplanens indsatsdel", style: "title" },
    {
      text: `Til ${head.citizenName}. Revision ${rev.revision} af ${revisedOn}. Udskrevet ${danishDate(head.printedOn)}.`,
    },
    {
      text:
        "Planen er lavet sammen med dig. Den beskriver dit mål, delmålene på vejen og de indsatser, der skal hjælpe dig. " +
        "Planen bliver justeret løbende, når der er brug for det, og du kan altid se den nyeste udgave i Min Plan.",
      margin: [0, 6, 0, 0],
    },
    { text: "Planperiode", style: "h2" },
    table([
      row("Planen gælder", `${danishDate(c.period.from)} – ${danishDate(c.period.to)}`),
      ...(head.forloeb
        ? [row("Dit ressourceforløb", `${danishDate(head.forloeb.startDate)} – ${danishDate(head.forloeb.plannedEnd)}`)]
        : []),
    ]),
    { text: "Mål", style: "h2" },
    table([row(GOAL_TYPES[c.goal.type], c.goal.text)]),
    { text: "Delmål", style: "h2" },
    table(
      [
        [
          { text: "Område", bold: true },
          { text: "Delmål", bold: true },
          { text: "Begrundelse", bold: true },
        ],
        ...c.delmaal.map((d): Content[] => [DELMAAL_AREAS[d.area], d.text, d.reason]),
      ],
      [80, "*", "*"],
    ),
    { text: "Indsatser", style: "h2" },
    ...c.interventions.map(
      (i, n): Content => ({
        unbreakable: true,
        stack: [
          { text: `${n + 1}. ${i.title}`, bold: true, margin: [0, 6, 0, 0] },
          table([
            row("Mål på kort sigt", i.shortTermGoal),
            row("Udføres af", i.provider),
            row("Hjemmel", LEGAL_BASES[i.legalBasis]),
            row(
              "Tilbud eller aktivitet",
              `${INTERVENTION_FORMS[i.form].label}. ${INTERVENTION_FORMS[i.form].explanation}`,
            ),
            row(
              "Planlagt",
              i.plannedEnd
                ? `${danishDate(i.plannedStart)} – ${danishDate(i.plannedEnd)}`
                : `Fra ${danishDate(i.plannedStart)}`,
            ),
          ]),
        ],
      }),
    ),
    { text: "Opfølgning", style: "h2" },
    { text: c.followUp.how },
    { text: "Mentor", style: "h2" },
    c.mentor.has
      ? table([
          row("Mentor", c.mentor.name ?? "Mentoren er ikke fundet endnu"),
          row("Kontakt", c.mentor.contact ?? ""),
          row("Mentorens rolle", c.mentor.role ?? ""),
          row("Opgaver, vigtigste først", c.mentor.tasks.map((t, n) => `${n + 1}. ${t}`).join("\n")),
        ])
      : { text: "Du har ikke en mentor i denne plan." },
    { text: "Din koordinerende sagsbehandler", style: "h2" },
    head.coordinator
      ? table([
          row("Navn", head.coordinator.name),
          row("Enhed", head.coordinator.unit),
          row("E-mail", head.coordinator.email ?? ""),
        ])
      : { text: "Der er ikke registreret en koordinerende sagsbehandler." },
    ...(rev.changeNote ? [{ text: "Hvad er ændret", style: "h2" } as Content, { text: rev.changeNote }] : []),
    {
      text:
        "Selve planen er ikke en afgørelse, og du kan ikke klage over den. Du kan klage over afgørelsen om dit " +
        "ressourceforløb og over de enkelte indsatser; klagevejledningen står i afgørelsen.",
      style: "small",
      margin: [0, 16, 0, 0],
    },
    {
      text: `Grundlag: ${["PL-1", "PL-2", "PL-3", "PL-4", "PL-5", "PL-6", "P-4"].map(ruleBasis).join(" · ")}.`,
      style: "small",
      margin: [0, 4, 0, 0],
    },
  ];
  return {
    info: { title: `Rehabiliteringsplanens indsatsdel, revision ${rev.revision}` },
    content,
    footer: (page, pages) => ({
      text: `${head.citizenName} · Indsatsdel revision ${rev.revision} · Side ${page} af ${pages}`,
      style: "small",
      margin: [56, 24, 56, 0],
    }),
  };
}

export async function renderPlanPdf(rev: PlanRevision, head: PlanLetterhead): Promise<Buffer> {
  return renderPdf(planDocument(rev, head));
}
