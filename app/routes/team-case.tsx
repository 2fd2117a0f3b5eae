import { Link, redirect } from "react-router";
import type { Route } from "./+types/team-case";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { Alert } from "~/app/components/fields";
import { RulesFindings } from "~/app/components/RulesFindings";
import { TeamIndstillingView, TeamPreparatory, TeamVisitationSummary } from "~/app/components/TeamCaseFacts";
import {
  indstillingFormValues,
  indstillingToFormValues,
  TeamIndstillingForm,
  type IndstillingFormValues,
} from "~/app/components/TeamIndstillingForm";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { formatDateTime, formatIsoDate } from "~/app/lib/format";
import { CASE_STATUSES } from "~/modules/cases";
import { maskCpr } from "~/modules/citizens";
import {
  AGENDA_PURPOSES,
  danishLongDate,
  p5FirstMeetingDeadline,
  recommendationText,
  ruleBasis,
  type Indstilling,
} from "~/modules/rehabiliteringsteam";
import { readAgendaCase, recordIndstilling } from "~/modules/rehabiliteringsteam/index.server";
import { can } from "~/platform/auth/permissions";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "team.view");
  const r = await readAgendaCase(useCase(context, actor), params.meetingId, params.caseId);
  // Not on this meeting's agenda, another municipality, or (for a team member) a past meeting: not found.
  if (!r) throw new Response("Ikke fundet", { status: 404 });
  const { view } = r;
  const nf = r.rules.findings.newForloeb;
  const rule = r.rules.findings.regime === "R2013" ? "D-1" : "D-2";
  return {
    meeting: { id: r.meeting.id, meetingDate: r.meeting.meetingDate, place: r.meeting.place },
    item: r.item,
    age: r.age,
    citizen: { name: view.citizen.name, maskedCpr: maskCpr(view.citizen.cpr), birthDate: view.citizen.birthDate },
    caseInfo: {
      id: view.case.id,
      status: view.case.status,
      version: view.case.version,
      bisidderInformedOn: view.case.bisidderInformedOn,
      citizenWishesForloeb: view.case.citizenWishesForloeb,
      preparatory: view.case.preparatory,
      judgement: view.case.judgement,
      citizenView: view.case.citizenView,
      citizenViewAt: view.case.citizenViewAt,
    },
    coordinator: view.coordinator ? { name: view.coordinator.name, unit: view.coordinator.unit } : null,
    rules: r.rules.findings,
    indstillinger: r.indstillinger,
    indstillingHere: r.indstillingHere,
    canRecord: r.canRecord,
    manage: can(actor, "team.manage"),
    asOf: view.asOf,
    saved: new URL(request.url).searchParams.get("besked") === "gemt",
    monthsHint: nf.allowed
      ? `Reglerne (${rule}, LAB § 113): ${nf.minMonths}–${nf.maxMonthsWithWish} måneder. For denne borger: ${
          nf.requiresCitizenWish
            ? "kun hvis borgeren selv ønsker et nyt forløb"
            : `højst ${nf.maxMonths} måneder, medmindre borgeren ønsker mere`
        }.`
      : "Der kan ikke bevilges nye ressourceforløb på datoen (TG-10); vælg en anden indstilling.",
  };
}

type ActionData = {
  values: IndstillingFormValues;
  errors: Record<string, string>;
  caseVersion?: number;
  conflict?: { current: Indstilling | null } | null;
  notice?: string;
};

export async function action({ request, params, context }: Route.ActionArgs): Promise<ActionData> {
  const actor = requireUser(request, context, "team.manage");
  const form = await readForm(request, context);
  const values = indstillingFormValues(form);
  const result = await recordIndstilling(useCase(context, actor), params.meetingId, params.caseId, {
    ...values,
    caseVersion: form.get("caseVersion"),
    recommendation: values.recommendation || undefined,
  });
  if (result.ok) throw redirect(`/team/moeder/${params.meetingId}/sager/${params.caseId}?besked=gemt`);
  switch (result.reason) {
    case "NOT_FOUND":
      throw new Response("Ikke fundet", { status: 404 });
    case "INVALID":
      return { values, errors: result.errors };
    case "CONFLICT":
      return { values, errors: {}, caseVersion: result.caseVersion, conflict: { current: result.current } };
    case "LOCKED":
      return { values, errors: {}, notice: result.message };
  }
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.citizen.name ?? "Sag"} – Rehabiliteringsteam – Ressourceforløb` },
];

export default function TeamCase({ loaderData: d, actionData }: Route.ComponentProps) {
  const a = actionData as ActionData | undefined;
  const earlier = d.indstillinger.filter((i) => i.id !== d.indstillingHere?.id);
  const p5 = d.indstillingHere ? p5FirstMeetingDeadline(d.meeting.meetingDate) : null;
  return (
    <div className="stack">
      <Breadcrumbs
        items={[
          { label: "Forside", to: "/" },
          { label: "Rehabiliteringsteam", to: "/team" },
          { label: `Møde ${formatIsoDate(d.meeting.meetingDate)}`, to: `/team/moeder/${d.meeting.id}` },
          { label: d.citizen.name },
        ]}
      />
      {d.saved ? <Alert kind="success" heading="Teamets indstilling er gemt." /> : null}
      <div>
        <p className="muted case-kicker">
          Rehabiliteringsteamets møde {danishLongDate(d.meeting.meetingDate)}, kl. {d.item.slotStart}–{d.item.slotEnd} ·{" "}
          {AGENDA_PURPOSES[d.item.purpose].label}
        </p>
        <h1>{d.citizen.name}</h1>
      </div>
      <dl className="summary-list">
        <dt>Alder på mødedagen</dt>
        <dd>{d.age} år</dd>
        <dt>CPR-nummer</dt>
        <dd className="cpr">{d.citizen.maskedCpr}</dd>
        <dt>Koordinerende sagsbehandler</dt>
        <dd>{d.coordinator ? `${d.coordinator.name}, ${d.coordinator.unit}` : "–"}</dd>
        <dt>Sagens status</dt>
        <dd>{CASE_STATUSES[d.caseInfo.status]}</dd>
        <dt>Oplyst om retten til bisidder (P-1)</dt>
        <dd>{d.caseInfo.bisidderInformedOn ? formatIsoDate(d.caseInfo.bisidderInformedOn) : "Ikke registreret"}</dd>
        <dt>Borgeren ønsker selv et forløb</dt>
        <dd>{d.caseInfo.citizenWishesForloeb ? "Ja" : "Ikke registreret"}</dd>
      </dl>
      {d.manage ? (
        <p>
          <Link to={`/sager/${d.caseInfo.id}`}>Åbn hele sagen</Link>
        </p>
      ) : (
        <p className="muted">
          Du ser sagen, fordi den er på teamets dagsorden. Din adgang er registreret i adgangsloggen.
        </p>
      )}

      {d.item.purpose === "returnBeforeDecision" && earlier.length > 0 ? (
        <Alert kind="info" heading="Sagen forelægges igen før afgørelse (P-3)">
          <p>
            Kommunen overvejer en afgørelse, der ikke følger teamets tidligere indstilling: “
            {recommendationText(earlier[0]!)}” fra mødet {formatIsoDate(earlier[0]!.meetingDate)}. Teamet skal revurdere
            sagen, før der træffes afgørelse ({ruleBasis("P-3")}).
          </p>
        </Alert>
      ) : null}

      <section className="stack" aria-labelledby="citizen-heading">
        <h2 id="citizen-heading">Borgerens eget bidrag</h2>
        {d.caseInfo.citizenView ? (
          <>
            <p className="team-text">{d.caseInfo.citizenView}</p>
            {d.caseInfo.citizenViewAt ? (
              <p className="muted">Skrevet af borgeren {formatDateTime(d.caseInfo.citizenViewAt)}</p>
            ) : null}
          </>
        ) : (
          <p className="muted">Borgeren har ikke selv skrevet noget til teamet.</p>
        )}
      </section>

      <section className="stack" aria-labelledby="prep-heading">
        <h2 id="prep-heading">Rehabiliteringsplanens forberedende del</h2>
        <TeamPreparatory preparatory={d.caseInfo.preparatory} />
      </section>

      <section className="stack" aria-labelledby="visitation-heading">
        <h2 id="visitation-heading">Visitationen (TG-1 – TG-5)</h2>
        <TeamVisitationSummary judgement={d.caseInfo.judgement} />
      </section>

      <RulesFindings out={d.rules} />

      <section className="stack" aria-labelledby="indstilling-heading">
        <h2 id="indstilling-heading">Teamets indstilling</h2>
        {a?.notice ? <Alert kind="error" heading={a.notice} /> : null}
        {a?.conflict ? (
          <Alert kind="error" heading="Indstillingen er ikke gemt: sagen er ændret, efter du åbnede siden">
            <p>
              {a.conflict.current
                ? `Gemt nu: ${recommendationText(a.conflict.current)}, registreret af ${a.conflict.current.recordedByName ?? "–"}.`
                : "Sagen er ændret af en anden."}{" "}
              Dine indtastninger står stadig i formularen; gem igen, hvis de skal gælde.
            </p>
          </Alert>
        ) : null}
        {d.canRecord && d.indstillingHere ? (
          <>
            <TeamIndstillingView indstilling={d.indstillingHere} />
            <details className="team-details" open={a ? true : undefined}>
              <summary>Ret indstillingen</summary>
              <div className="stack">
                <p className="muted">
                  En rettelse gemmes som en ny registrering; den tidligere bevares i sagens historik.
                </p>
                <TeamIndstillingForm
                  values={a?.values ?? indstillingToFormValues(d.indstillingHere)}
                  errors={a?.errors ?? {}}
                  caseVersion={a?.caseVersion ?? d.caseInfo.version}
                  monthsHint={d.monthsHint}
                  submitLabel={d.indstillingHere ? "Gem rettelsen" : "Gem indstillingen"}
                />
              </div>
            </details>
          </>
        ) : d.canRecord ? (
          <>
            {d.meeting.meetingDate > d.asOf ? (
              <Alert kind="info" heading={`Mødet er først ${formatIsoDate(d.meeting.meetingDate)}`}>
                <p>Indstillingen registreres normalt på mødet, når teamet har drøftet sagen.</p>
              </Alert>
            ) : null}
            <p className="muted">
              Du registrerer teamets indstilling som teamets sekretær. Indstillingen er ikke en afgørelse; kommunen
              træffer afgørelsen bagefter ({ruleBasis("P-2")}).
            </p>
            <TeamIndstillingForm
              values={a?.values ?? indstillingToFormValues(d.indstillingHere)}
              errors={a?.errors ?? {}}
              caseVersion={a?.caseVersion ?? d.caseInfo.version}
              monthsHint={d.monthsHint}
              submitLabel={d.indstillingHere ? "Gem rettelsen" : "Gem indstillingen"}
            />
          </>
        ) : d.indstillingHere ? (
          <TeamIndstillingView indstilling={d.indstillingHere} />
        ) : (
          <p>Teamets indstilling er ikke registreret endnu.</p>
        )}
        {p5 && d.manage ? (
          <Alert kind="info" heading={`Mød borgeren senest ${formatIsoDate(p5.value)} (P-5)`}>
            <p>
              Den koordinerende sagsbehandler gennemgår indstillingen med borgeren i umiddelbar forlængelse af mødet og
              senest en uge efter ({ruleBasis("P-5")}).
            </p>
          </Alert>
        ) : null}
      </section>

      {earlier.length > 0 ? (
        <section className="stack" aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">Tidligere indstillinger</h2>
          {earlier.map((i) => (
            <div key={i.id} className="stack">
              <h3 className="h4">
                {formatIsoDate(i.meetingDate)} · {AGENDA_PURPOSES[i.purpose].label}
                {i.meetingId === d.meeting.id ? " (rettet senere)" : ""}
              </h3>
              <TeamIndstillingView indstilling={i} />
            </div>
          ))}
        </section>
      ) : null}
    </div>
  );
}
