import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { effectiveEnd, parseDate } from "~/legislation";
import { CASE_STATUSES, PREPARATORY_SECTIONS, type CaseStatus, type PreparatorySection } from "~/modules/cases";
import { PREVIOUS_BENEFITS, type PreviousBenefit } from "~/modules/citizens";
import { nextStepLabel, OUTCOMES, type Outcome } from "~/modules/afslutning";
import { APPEAL_OUTCOMES, APPEALABLE_DECISION_LABELS, REASSESSMENT_RESULTS } from "~/modules/klager";
import type { Bundle } from "./bundle";

/**
 * P-8: the PDF summary that goes with the bundle – what the receiving caseworker reads first. Every section of the
 * bundle is summarised; the JSON file holds every field (docs/case-bundle.md). Pure.
 */

const dk = (iso: string | null | undefined) => (iso ? iso.slice(0, 10).split("-").reverse().join(".") : "–");
const h2 = (text: string): Content => ({ text, style: "h2", headlineLevel: 1 });
const none = (text: string): Content => ({ text, color: "#545454", margin: [0, 0, 0, 6] });
const label = (map: Record<string, string>, key: string | null | undefined) => (key ? (map[key] ?? key) : "–");

const thin = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0,
  hLineColor: () => "#bfbfbf",
  paddingLeft: () => 0,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

function table(headers: string[], rows: (string | number | null)[][], widths?: (string | number)[]): Content {
  return {
    table: {
      headerRows: 1,
      widths: widths ?? headers.map(() => "*"),
      body: [
        headers.map((h) => ({ text: h, bold: true })),
        ...rows.map((r) => r.map((c) => (c === null || c === "" ? "–" : String(c)))),
      ],
    },
    layout: thin,
    fontSize: 9,
    margin: [0, 0, 0, 8],
  };
}

function facts(rows: [string, string][]): Content {
  return { table: { widths: [150, "*"], body: rows }, layout: thin, margin: [0, 0, 0, 8] };
}

/** D-4: the end date moved by the barsel periods, as the legislation computes it. */
function endAfterBarsel(start: string, plannedEnd: string, periods: Bundle["periods"]): string {
  const barsel = periods
    .filter((p) => p.kind === "barsel")
    .map((p) => ({ from: parseDate(p.fromDate), to: parseDate(p.toDate) }));
  const r = effectiveEnd({ start: parseDate(start), plannedEnd: parseDate(plannedEnd), barsel }, parseDate(plannedEnd));
  return r.value.barselDays > 0
    ? `${dk(r.value.effectiveEnd)} (${r.value.barselDays} dages barsel)`
    : `${dk(r.value.effectiveEnd)} (ingen barsel)`;
}

export function bundleSummary(b: Bundle): TDocumentDefinitions {
  const title = "Sag om ressourceforløb – overdragelse ved flytning";
  const content: Content[] = [];
  content.push({
    columns: [
      {
        width: "*",
        stack: [
          { text: b.source.municipality.name, bold: true },
          { text: `Sag: ${b.source.caseRef}`, style: "small" },
        ],
      },
      { width: "auto", text: `Dannet: ${dk(b.exportedOn)}`, alignment: "right" },
    ],
    margin: [0, 0, 0, 20],
  });
  content.push({ text: title, style: "title" });
  content.push({
    text: `Borgeren flytter, og rehabiliteringsplanen følger med til den nye kommune, som kan tage udgangspunkt i den og justere den (P-8; LAS § 68, stk. 8; skrivelse 10112 §4.7). Den tilhørende fil (JSON, format ${b.format}, version ${b.version}) indeholder alle oplysninger og indlæses i den nye kommunes system under “Modtag sag”. Dokumentet indeholder borgerens CPR-nummer og skal behandles fortroligt.`,
    margin: [0, 0, 0, 6],
  });
  content.push({ text: `Dannet af ${b.source.exportedBy}, ${b.source.municipality.name}.`, style: "small" });

  content.push(h2("Borgeren"));
  content.push(
    facts([
      ["Navn", b.citizen.name],
      ["CPR-nummer", `${b.citizen.cpr.slice(0, 6)}-${b.citizen.cpr.slice(6)}`],
      ["Adresse", `${b.citizen.address}, ${b.citizen.postalCode} ${b.citizen.city}`],
      ["Telefon / e-mail", [b.citizen.phone, b.citizen.email].filter(Boolean).join(" / ") || "–"],
      [
        "Forsørgelse før forløbet",
        label(PREVIOUS_BENEFITS as Record<PreviousBenefit, string>, b.citizen.previousBenefit),
      ],
      [
        "Netværk",
        b.citizen.network.map((p) => `${p.name} (${p.relation})${p.phone ? `, ${p.phone}` : ""}`).join("; ") || "–",
      ],
    ]),
  );

  content.push(h2("Sagen"));
  content.push(
    facts([
      ["Status", label(CASE_STATUSES as Record<CaseStatus, string>, b.case.status)],
      ["Åbnet", dk(b.case.openedOn)],
      [
        "Start",
        b.case.origin === "application"
          ? `Borgeren søgte ${dk(b.case.applicationReceivedOn)}`
          : "Kommunen rejste sagen",
      ],
      ["Bisidder oplyst", dk(b.case.bisidderInformedOn)],
      ["Borgeren ønsker forløbet", b.case.citizenWishesForloeb ? "Ja" : "Ikke registreret"],
    ]),
  );

  content.push(h2("Rehabiliteringsplanens forberedende del"));
  const prep = Object.entries(b.case.preparatory).filter(([, v]) => v.trim());
  if (prep.length === 0) content.push(none("Ikke udfyldt."));
  for (const [k, v] of prep) {
    content.push({ text: PREPARATORY_SECTIONS[k as PreparatorySection]?.label ?? k, bold: true, margin: [0, 4, 0, 2] });
    content.push({ text: v, margin: [0, 0, 0, 4] });
  }
  if (b.case.citizenView) {
    content.push({ text: "Borgerens eget syn", bold: true, margin: [0, 4, 0, 2] });
    content.push({ text: b.case.citizenView, margin: [0, 0, 0, 4] });
  }

  content.push(h2("Rehabiliteringsteamets indstillinger"));
  content.push(
    b.indstillinger.length === 0
      ? none("Ingen i denne kommune.")
      : table(
          ["Møde", "Indstilling", "Måneder", "Begrundelse"],
          b.indstillinger.map((i) => [dk(i.meetingDate), i.recommendation, i.recommendedMonths, i.reasons]),
          [55, 80, 45, "*"],
        ),
  );

  content.push(h2("Afgørelser"));
  content.push(
    b.afgoerelser.length === 0
      ? none("Ingen.")
      : table(
          ["Dato", "Afgørelse", "Periode", "Truffet af", "Begrundelse"],
          b.afgoerelser.map((a) => [
            dk(a.decidedOn),
            label(APPEALABLE_DECISION_LABELS, a.kind),
            a.startDate ? `${dk(a.startDate)} – ${dk(a.endDate)}` : a.endDate ? `Sidste dag ${dk(a.endDate)}` : "–",
            `${a.decidedBy.name ?? "–"}, ${a.decidedBy.municipality}`,
            a.reasons,
          ]),
          [50, 85, 80, 80, "*"],
        ),
  );

  content.push(h2("Forløbet"));
  if (!b.forloeb) content.push(none("Der er ikke bevilget et forløb."));
  else {
    const f = b.forloeb;
    content.push(
      facts([
        ["Første dag", dk(f.startDate)],
        ["Sidste dag (afgørelsen)", dk(f.plannedEnd)],
        ["Slutdato efter barsel (D-4)", endAfterBarsel(f.startDate, f.plannedEnd, b.periods)],
        ["Afgørelse om forløbet", dk(f.decidedOn)],
        [
          "Næste skridt (D-6)",
          f.nextStep
            ? `${nextStepLabel(f.nextStep)}${f.nextStepDecidedOn ? `, besluttet ${dk(f.nextStepDecidedOn)}` : ", ikke besluttet endnu"}`
            : "Ikke besluttet",
        ],
        ["Afsluttet", f.endedOn ? `${dk(f.endedOn)}: ${label(OUTCOMES as Record<Outcome, string>, f.outcome)}` : "Nej"],
      ]),
    );
  }

  content.push(h2("Rehabiliteringsplanens indsatsdel"));
  const revisions = b.plan?.revisions ?? [];
  const current = revisions.at(-1);
  if (!current) content.push(none("Der er ikke lagt en plan."));
  else {
    const c = current.content as {
      goal?: { text?: string };
      period?: { from?: string; to?: string };
      interventions?: { title?: string; provider?: string; plannedStart?: string; plannedEnd?: string | null }[];
      delmaal?: { area?: string; text?: string }[];
    };
    content.push(
      facts([
        ["Mål (PL-1)", c.goal?.text ?? "–"],
        ["Periode", `${dk(c.period?.from)} – ${dk(c.period?.to)}`],
        ["Gældende revision", `${current.revision} af ${revisions.length}`],
      ]),
    );
    if ((c.delmaal ?? []).length > 0) {
      content.push({ ul: (c.delmaal ?? []).map((d) => `${d.area ?? ""}: ${d.text ?? ""}`), margin: [0, 0, 0, 6] });
    }
    if ((c.interventions ?? []).length > 0) {
      content.push(
        table(
          ["Indsats i planen", "Udbyder", "Planlagt"],
          (c.interventions ?? []).map((i) => [
            i.title ?? "",
            i.provider ?? "",
            `${dk(i.plannedStart)} – ${dk(i.plannedEnd)}`,
          ]),
          ["*", 120, 110],
        ),
      );
    }
    content.push(
      table(
        ["Revision", "Dato", "Af", "Ændring"],
        revisions.map((r) => [r.revision, dk(r.createdAt), r.createdBy, r.changeNote]),
        [45, 55, 100, "*"],
      ),
    );
  }

  content.push(h2("Indsatser (faktisk start og stop)"));
  content.push(
    b.interventions.length === 0
      ? none("Ingen registreret.")
      : table(
          ["Indsats", "Art", "Start", "Slut", "Status"],
          b.interventions.map((i) => [i.title, i.kind, dk(i.startDate), dk(i.endDate ?? i.plannedEnd), i.status]),
          ["*", 60, 55, 55, 55],
        ),
  );

  content.push(h2("Mentorbevillinger"));
  content.push(
    b.mentorGrants.length === 0
      ? none("Ingen.")
      : table(
          ["Mentor", "Periode", "Mål"],
          b.mentorGrants.map((g) => [g.mentorName, `${dk(g.fromDate)} – ${dk(g.toDate)}`, g.goals.join("; ")]),
          [100, 110, "*"],
        ),
  );

  content.push(h2("Perioder (barsel, fritagelse m.m.)"));
  content.push(
    b.periods.length === 0
      ? none("Ingen.")
      : table(
          ["Art", "Fra", "Til", "Note"],
          b.periods.map((p) => [p.kind, dk(p.fromDate), dk(p.toDate), p.note]),
          [80, 60, 60, "*"],
        ),
  );

  content.push(h2("Samtaler"));
  content.push(
    b.conversations.length === 0
      ? none("Ingen.")
      : table(
          ["Dato", "Form", "Status", "Næste aftalt", "Noter"],
          b.conversations.map((c) => [dk(c.date), c.mode, c.status, dk(c.nextAgreedOn), c.notes]),
          [50, 55, 50, 60, "*"],
        ),
  );

  content.push(h2("Klager"));
  content.push(
    b.appeals.length === 0
      ? none("Ingen.")
      : table(
          ["Modtaget", "Over", "Genvurdering", "Ankestyrelsen"],
          b.appeals.map((a) => [
            dk(a.receivedOn),
            a.subject,
            a.reassessedOn
              ? `${dk(a.reassessedOn)}: ${label(Object.fromEntries(Object.entries(REASSESSMENT_RESULTS).map(([k, v]) => [k, v.label])), a.reassessmentResult)}`
              : "Afventer",
            a.outcome
              ? `${dk(a.outcomeOn)}: ${label(APPEAL_OUTCOMES, a.outcome)}`
              : a.forwardedOn
                ? `Sendt ${dk(a.forwardedOn)}`
                : "–",
          ]),
          [50, "*", 120, 110],
        ),
  );

  content.push(h2("Koordinerende sagsbehandlere"));
  content.push(
    table(
      ["Navn", "Enhed", "Fra", "Til"],
      b.coordinators.map((c) => [c.name, c.unit, dk(c.fromDate), dk(c.toDate)]),
      [110, "*", 55, 55],
    ),
  );
  if (b.jobformidler) {
    content.push(h2("Personlig jobformidler (P-7)"));
    content.push(
      facts([
        ["Svar", b.jobformidler.answer],
        ["Navn", b.jobformidler.name ?? "–"],
        ["Aftaler", b.jobformidler.agreements ?? "–"],
      ]),
    );
  }
  if (b.history.moves.length > 0) {
    content.push(h2("Tidligere flytninger"));
    content.push(
      table(
        ["Fra kommune", "Modtaget", "Indstillinger", "Koordinatorer"],
        b.history.moves.map((m) => [
          m.from.name,
          dk(m.importedOn),
          m.indstillinger.length,
          m.coordinators.map((c) => c.name).join(", "),
        ]),
      ),
    );
  }

  return {
    info: { title, author: b.source.municipality.name, subject: "Flytning af sag om ressourceforløb (P-8)" },
    content,
    pageBreakBefore: (node, q) => node.headlineLevel === 1 && q.getFollowingNodesOnPage().length < 2,
    footer: (currentPage: number, pageCount: number) => ({
      text: `${b.source.municipality.name} · Fortroligt: indeholder CPR-nummer · Side ${currentPage} af ${pageCount}`,
      style: "small",
      alignment: "center",
      margin: [56, 24, 56, 0],
    }),
  };
}
