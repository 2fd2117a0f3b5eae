import { Link } from "react-router";
import type { Route } from "./+types/case-overview";
import { Alert } from "~/app/components/fields";
import { CaseHeader } from "~/app/components/CaseHeader";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { caseHeader } from "~/app/lib/case-header.server";
import { formatDateTime, formatIsoDate } from "~/app/lib/format";
import { CASE_ORIGINS, UNIT_KINDS, type CaseStatus, type UnitKind } from "~/modules/cases";
import { readCase, visitationStatus } from "~/modules/cases/index.server";
import { LETTER_KINDS, type LetterKind } from "~/modules/letters";
import { lettersOfCitizen } from "~/modules/letters/index.server";
import { caseDeadlines, settingsOf } from "~/modules/frister/index.server";
import { currentPlan } from "~/modules/plan/index.server";
import { DeadlineList } from "~/app/components/DeadlineList";
import { EndingBanner } from "~/app/components/EndingBanner";
import { forloebPhaseOf } from "~/modules/afslutning/index.server";
import { followUpGlance } from "~/modules/opfoelgning/index.server";
import { runningInterventionsOfCase } from "~/modules/indsatser/index.server";
import { MODES as MODE_LABELS } from "~/modules/opfoelgning";

const NEXT_STEP: Record<CaseStatus, { text: string; to?: string; link?: string }> = {
  visitation: {
    text: "Udfyld visitationen og den forberedende del sammen med borgeren.",
    to: "visitation",
    link: "Gå til visitationen",
  },
  readyForTeam: {
    text: "Sagen er klar. Sæt den på et møde i rehabiliteringsteamet.",
    to: "/team",
    link: "Gå til rehabiliteringsteamet",
  },
  onAgenda: { text: "Sagen er på dagsordenen i rehabiliteringsteamet.", to: "/team", link: "Se møderne" },
  indstillingGiven: {
    text: "Teamet har givet sin indstilling. Træf afgørelse hurtigst muligt (P-4).",
    to: "afgoerelse",
    link: "Træf afgørelse",
  },
  backToTeam: {
    text: "Afgørelsen afviger fra indstillingen. Sagen skal forelægges teamet igen før afgørelsen (P-3).",
    to: "/team",
    link: "Gå til rehabiliteringsteamet",
  },
  granted: {
    text: "Ressourceforløbet er bevilget. Læg og følg planen sammen med borgeren.",
    to: "plan",
    link: "Gå til planen",
  },
  refused: {
    text: "Der er givet afslag. Borgeren kan klage (se afgørelsen).",
    to: "afgoerelse",
    link: "Se afgørelsen",
  },
  notConsidered: {
    text: "Kommunen har afvist at behandle sagen om ressourceforløb (TG-9).",
    to: "afgoerelse",
    link: "Se afgørelsen",
  },
  ended: { text: "Forløbet er afsluttet." },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.read");
  // The municipality's settings serve two of the parts below; read once, beside the case.
  const [view, settings] = await Promise.all([
    readCase(useCase(context, actor), params.caseId, "overview"),
    settingsOf(context.db, actor.municipalityId),
  ]);
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const c = view.case;
  const inVisitation = ["visitation", "readyForTeam", "onAgenda", "backToTeam"].includes(c.status);
  const status = inVisitation ? visitationStatus(view) : null;
  // The case's parts are independent reads covered by readCase's audited access: run them side by side.
  const [letters, plan, deadlines, phase, followUp, running] = await Promise.all([
    lettersOfCitizen(context.db, view.access),
    currentPlan(context.db, view.access),
    caseDeadlines(context.db, view.access, settings),
    forloebPhaseOf(context.db, view.access, view.asOf, { settings }),
    followUpGlance(context.db, view.access, view.asOf),
    runningInterventionsOfCase(context.db, view.access, view.asOf),
  ]);
  return {
    header: caseHeader(view),
    caseId: c.id,
    status: c.status,
    origin: CASE_ORIGINS[c.origin],
    openedOn: c.openedOn,
    application: c.origin === "application" ? { on: c.applicationReceivedOn, text: c.applicationText } : null,
    missing: status?.missing ?? [],
    newForloeb: status?.findings.newForloeb ?? null,
    coordinator: view.coordinator
      ? {
          name: view.coordinator.name,
          unit: view.coordinator.unit,
          unitKind: UNIT_KINDS[view.coordinator.unitKind as UnitKind] ?? view.coordinator.unitKind,
          from: view.coordinator.fromDate,
        }
      : null,
    forloeb: view.forloeb.find((f) => f.caseId === c.id) ?? null,
    letters: letters.map((l) => ({
      id: l.id,
      title: l.title,
      kind: LETTER_KINDS[l.kind as LetterKind] ?? l.kind,
      createdAt: formatDateTime(l.createdAt),
      sent: l.status === "sent",
    })),
    sent: new URL(request.url).searchParams.has("sendt"),
    plan: plan
      ? {
          goal: plan.content.goal.text,
          interventions: plan.content.interventions.map((i) => ({ id: i.id, title: i.title, start: i.plannedStart })),
          revision: plan.revision,
        }
      : null,
    nextDeadlines: deadlines.filter((x) => x.status !== "met").slice(0, 3),
    phase,
    running: running.map((i) => ({ id: i.id, title: i.title, start: i.startDate, provider: i.provider })),
    nextConversation: followUp.next
      ? { date: followUp.next.date, time: followUp.next.time, mode: followUp.next.mode }
      : null,
    lastConversation: followUp.last ? { date: followUp.last.date, mode: followUp.last.mode } : null,
    requests: followUp.requests,
  };
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Sag – ${data?.header.citizenName ?? ""} – Ressourceforløb` },
];

export default function CaseOverview({ loaderData }: Route.ComponentProps) {
  const d = loaderData;
  const next = NEXT_STEP[d.status as CaseStatus];
  const base = `/sager/${d.caseId}`;
  return (
    <div className="stack">
      <CaseHeader data={d.header} page="Overblik" />
      <EndingBanner caseId={d.caseId} phase={d.phase} />
      {d.sent ? <Alert kind="success" heading="Sagen er sendt til rehabiliteringsteamet." /> : null}
      <section className="stack" aria-labelledby="next-heading">
        <h2 id="next-heading">Næste skridt</h2>
        <p>{next.text}</p>
        {next.to ? (
          <p>
            <Link className="button button-primary" to={next.to.startsWith("/") ? next.to : `${base}/${next.to}`}>
              {next.link}
            </Link>
          </p>
        ) : null}
        {d.missing.length > 0 ? (
          <Alert kind="warning" heading={`Mangler før teamet (${d.missing.length})`}>
            <ul>
              {d.missing.slice(0, 8).map((m, i) => (
                <li key={i}>
                  {m.ruleId}: {m.message}
                </li>
              ))}
            </ul>
            {d.missing.length > 8 ? <p>… og {d.missing.length - 8} mere.</p> : null}
          </Alert>
        ) : null}
      </section>
      {d.forloeb ? (
        <section className="stack" aria-labelledby="glance-heading">
          <h2 id="glance-heading">Overblik</h2>
          {d.plan ? (
            <p>
              <strong>Mål: </strong>
              {d.plan.goal} <Link to={`${base}/plan`}>(planen, revision {d.plan.revision})</Link>
            </p>
          ) : null}
          {d.nextDeadlines.length > 0 ? (
            <DeadlineList items={d.nextDeadlines} caption="De næste frister" showCitizen={false} />
          ) : null}
          {d.forloeb.endedOn ? (
            <p>
              <strong>Forløbet sluttede {formatIsoDate(d.forloeb.endedOn)}.</strong>{" "}
              <Link to={`${base}/afslutning`}>Se udfaldet og status 3 måneder efter</Link>
            </p>
          ) : null}
          <h3 className="h4">Igangværende indsatser</h3>
          {d.running.length === 0 && d.forloeb.endedOn ? (
            <p className="muted">Ingen – forløbet er afsluttet.</p>
          ) : d.running.length === 0 ? (
            <p className="muted">
              Ingen registreret som startet. <Link to={`${base}/indsatser#indsatser`}>Registrér start</Link>
            </p>
          ) : (
            <ul>
              {d.running.map((i) => (
                <li key={i.id}>
                  {i.title}
                  {i.provider ? `, ${i.provider}` : ""} (startet {formatIsoDate(i.start)})
                </li>
              ))}
            </ul>
          )}
          <h3 className="h4">Samtaler</h3>
          <p>
            Seneste:{" "}
            {d.lastConversation
              ? `${formatIsoDate(d.lastConversation.date)} (${MODE_LABELS[d.lastConversation.mode]})`
              : "ingen"}
            . Næste:{" "}
            {d.nextConversation
              ? `${formatIsoDate(d.nextConversation.date)}${d.nextConversation.time ? ` kl. ${d.nextConversation.time}` : ""} (${MODE_LABELS[d.nextConversation.mode]})`
              : "ikke aftalt"}
            . <Link to={`${base}/opfoelgning#samtaler`}>Samtaler</Link>
          </p>
          {d.requests.length > 0 ? (
            <p>
              <strong>Borgeren har bedt om noget via Min Plan ({d.requests.length}).</strong>{" "}
              <Link to={`${base}/opfoelgning`}>Se henvendelserne</Link>
            </p>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">Sagen</h2>
        <dl className="summary-list">
          <dt>Start</dt>
          <dd>
            {d.origin}, {formatIsoDate(d.openedOn)}
          </dd>
          {d.application ? (
            <>
              <dt>Ansøgning</dt>
              <dd>
                {formatIsoDate(d.application.on)}: <q>{d.application.text}</q>
              </dd>
            </>
          ) : null}
          <dt>Koordinerende sagsbehandler</dt>
          <dd>
            {d.coordinator
              ? `${d.coordinator.name}, ${d.coordinator.unit} (${d.coordinator.unitKind}), fra ${formatIsoDate(d.coordinator.from)}`
              : "Ingen"}{" "}
            <Link to={`${base}/personer`}>Skift eller se historik</Link>
          </dd>
          {d.newForloeb ? (
            <>
              <dt>Nyt forløb efter reglerne</dt>
              <dd>
                {d.newForloeb.allowed
                  ? `${d.newForloeb.minMonths}–${d.newForloeb.maxMonths} måneder${d.newForloeb.requiresCitizenWish ? ", kræver borgerens ønske" : ""}`
                  : "Kan ikke bevilges (TG-10)"}
              </dd>
            </>
          ) : null}
          {d.forloeb ? (
            <>
              <dt>Ressourceforløb</dt>
              <dd>
                {formatIsoDate(d.forloeb.startDate)} – {formatIsoDate(d.forloeb.plannedEnd)}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="letters-heading">
        <h2 id="letters-heading">Breve til borgeren</h2>
        {d.letters.length === 0 ? (
          <p className="muted">Ingen breve endnu.</p>
        ) : (
          <ul>
            {d.letters.map((l) => (
              <li key={l.id}>
                <a href={`/breve/${l.id}`}>{l.title}</a> – {l.kind}, {l.createdAt}{" "}
                {l.sent ? "(sendt)" : "(afventer afsendelse)"}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
