import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/minplan";
import { CsrfInput } from "~/app/components/CsrfInput";
import { Alert, ErrorSummary } from "~/app/components/fields";
import { TextArea } from "~/app/components/fields-extra";
import { MinPlanContacts, MinPlanMeetings, MinPlanPlan } from "~/app/components/MinPlanSections";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { formatDateTime } from "~/app/lib/format";
import { LETTER_KINDS, type LetterKind } from "~/modules/letters";
import {
  BEFORE_TEAM,
  REQUEST_KINDS,
  STATUS_FOR_CITIZEN,
  aboutFacts,
  jobformidlerRightApplies,
} from "~/modules/minplan";
import { addOwnView, readMinPlan, requestConversation } from "~/modules/minplan/index.server";
import { danishDate } from "~/modules/plan";

const day = new Intl.DateTimeFormat("da-DK", {
  timeZone: "Europe/Copenhagen",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
/** A stored time as the Danish day it fell on: 25.11.2026. */
const formatDay = (d: Date) => day.format(d);

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "minplan.own");
  const v = await readMinPlan(useCase(context, actor));
  if (!v) throw new Response("Din bruger er ikke knyttet til en borger. Kontakt kommunen.", { status: 404 });
  const sent = new URL(request.url).searchParams.get("sendt");
  return {
    firstName: v.citizenName.split(" ")[0] ?? v.citizenName,
    caseStatus: v.case?.status ?? null,
    statusText: v.case ? STATUS_FOR_CITIZEN[v.case.status] : null,
    beforeTeam: v.case ? BEFORE_TEAM.includes(v.case.status) : false,
    citizenView: v.case?.citizenView ?? null,
    citizenViewAt: v.case?.citizenViewAt ? formatDateTime(v.case.citizenViewAt) : null,
    basedOn: v.case?.citizenViewAt ? v.case.citizenViewAt.toISOString() : "",
    forloeb: v.forloeb,
    plan: v.plan ? { content: v.plan.content, revisedOn: formatDay(v.plan.createdAt) } : null,
    nextMeeting: v.nextMeeting,
    lastMeeting: v.lastMeeting,
    coordinator: v.coordinator,
    jobformidler: v.jobformidler,
    jobformidlerAnswer: v.jobformidlerAnswer,
    jobformidlerRight: jobformidlerRightApplies(v.asOf),
    authority: aboutFacts(v.asOf).authority,
    letters: v.letters.map((l) => ({
      id: l.id,
      title: l.title,
      kind: LETTER_KINDS[l.kind as LetterKind] ?? "Brev",
      date: formatDay(l.createdAt),
    })),
    requests: v.requests.map((r) => ({
      id: r.id,
      kind: REQUEST_KINDS[r.kind as keyof typeof REQUEST_KINDS] ?? "Du skrev til os",
      message: r.message,
      at: formatDateTime(r.createdAt),
      handled: r.handledAt !== null,
    })),
    sent,
  };
}

type ActionData =
  | { form: "conversation"; errors: Record<string, string>; message: string }
  | {
      form: "view";
      errors: Record<string, string>;
      text: string;
      conflict: { saved: string | null; basedOn: string } | null;
    };

export async function action({ request, context }: Route.ActionArgs): Promise<ActionData> {
  const actor = requireUser(request, context, "minplan.own");
  const form = await readForm(request, context);
  const ctx = useCase(context, actor);
  if (form.get("intent") === "conversation") {
    const message = String(form.get("message") ?? "");
    const r = await requestConversation(ctx, { message });
    if (r.ok) throw redirect("/min-plan?sendt=samtale#samtale");
    return {
      form: "conversation",
      message,
      errors: r.reason === "INVALID" ? r.errors : { message: "Du har ingen sag, vi kan knytte din besked til." },
    };
  }
  const text = String(form.get("text") ?? "");
  const r = await addOwnView(ctx, { text, basedOn: String(form.get("basedOn") ?? "") });
  if (r.ok) throw redirect(`/min-plan?sendt=${r.storedOn === "case" ? "teamet" : "mening"}#mening`);
  if (r.reason === "CONFLICT")
    return { form: "view", text, errors: {}, conflict: { saved: r.saved, basedOn: r.basedOn } };
  return {
    form: "view",
    text,
    conflict: null,
    errors:
      r.reason === "INVALID"
        ? { text: r.errors.text ?? "Skriv det, du gerne vil have med" }
        : { text: "Du har ingen sag, vi kan knytte din tekst til." },
  };
}

export const meta: Route.MetaFunction = () => [{ title: "Min plan – Ressourceforløb" }];

export default function MinPlan({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const conv = actionData?.form === "conversation" ? actionData : null;
  const view = actionData?.form === "view" ? actionData : null;
  return (
    <div className="stack minplan">
      <h1>Min plan</h1>
      <p className="minplan-lead">
        Hej {d.firstName}. Her kan du se din plan, dine møder, hvem du kan kontakte, og de breve, vi har sendt dig.
      </p>
      <p>
        <Link to="/min-plan/om-ressourceforloeb">Læs om ressourceforløb, dine rettigheder og hvordan du klager</Link>
      </p>

      {d.caseStatus === null ? (
        <Alert kind="info" heading="Du har ikke en sag om ressourceforløb lige nu">
          <p>
            Når kommunen går i gang med en sag om ressourceforløb sammen med dig, kan du følge den her. Du vil kunne se
            din plan, dine møder og dine breve. Har du spørgsmål, så kontakt {d.authority}.
          </p>
        </Alert>
      ) : (
        <>
          <nav aria-label="På denne side" className="minplan-toc">
            <ul>
              <li>
                <a href="#plan">Din plan</a>
              </li>
              <li>
                <a href="#moeder">Møder</a>
              </li>
              <li>
                <a href="#kontakt">Kontakt</a>
              </li>
              <li>
                <a href="#breve">Breve</a>
              </li>
              <li>
                <a href="#samtale">Bed om en samtale</a>
              </li>
              <li>
                <a href="#mening">{d.beforeTeam ? "Min sag til teamet" : "Skriv din mening"}</a>
              </li>
            </ul>
          </nav>

          <div className="minplan-status">
            <p>
              <strong>{d.statusText}</strong>
            </p>
            {d.forloeb ? (
              <p>
                Dit ressourceforløb varer fra {danishDate(d.forloeb.startDate)} til {danishDate(d.forloeb.plannedEnd)}.
              </p>
            ) : null}
          </div>

          <section aria-labelledby="plan" className="stack">
            <h2 id="plan">Din plan</h2>
            {d.plan ? (
              <MinPlanPlan content={d.plan.content} revisedOn={d.plan.revisedOn} />
            ) : (
              <p>
                {d.caseStatus === "granted"
                  ? "Din plan er ikke lavet endnu. Du laver den sammen med din koordinerende sagsbehandler."
                  : "Du får en plan, hvis du får et ressourceforløb. Den laver du sammen med din koordinerende sagsbehandler."}
              </p>
            )}
          </section>

          <section aria-labelledby="moeder" className="stack">
            <h2 id="moeder">Dine møder</h2>
            <MinPlanMeetings next={d.nextMeeting} last={d.lastMeeting} />
            <p className="muted">Du må altid tage en bisidder med til dine møder, fx et familiemedlem eller en ven.</p>
          </section>

          <section aria-labelledby="kontakt" className="stack">
            <h2 id="kontakt">Dine kontaktpersoner</h2>
            <MinPlanContacts
              view={{
                coordinator: d.coordinator,
                jobformidler: d.jobformidler,
                jobformidlerAnswer: d.jobformidlerAnswer,
              }}
              mentor={d.plan?.content.mentor ?? null}
              jobformidlerRight={d.jobformidlerRight}
            />
          </section>

          <section aria-labelledby="breve" className="stack">
            <h2 id="breve">Dine breve</h2>
            {d.letters.length === 0 ? (
              <p>Du har ingen breve fra os endnu.</p>
            ) : (
              <ul className="minplan-list">
                {d.letters.map((l) => (
                  <li key={l.id}>
                    <a href={`/breve/${l.id}`}>{l.title}</a>
                    <br />
                    <span className="muted">
                      {l.kind}, {l.date} (PDF)
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="samtale" className="stack">
            <h2 id="samtale">Bed om en samtale</h2>
            {d.sent === "samtale" ? (
              <Alert kind="success" heading="Tak. Din besked er sendt.">
                <p>Din sagsbehandler kontakter dig for at aftale en samtale.</p>
              </Alert>
            ) : null}
            <p>Du kan altid bede om en samtale med din sagsbehandler. Skriv kort, hvad du gerne vil tale om.</p>
            {/* A new key after each message, so the sent text does not stay in the field. */}
            <Form
              method="post"
              noValidate
              className="stack"
              action="/min-plan#samtale"
              key={`samtale-${d.requests.length}`}
            >
              <ErrorSummary errors={conv?.errors ?? {}} labels={{ message: "Din besked" }} />
              <CsrfInput />
              <TextArea
                name="message"
                label="Din besked"
                defaultValue={conv?.message}
                error={conv?.errors.message}
                rows={4}
              />
              <div>
                <button type="submit" name="intent" value="conversation" className="button button-primary">
                  Send
                </button>
              </div>
            </Form>
          </section>

          <section aria-labelledby="mening" className="stack">
            <h2 id="mening">{d.beforeTeam ? "Min sag til teamet" : "Skriv din mening og dine ønsker"}</h2>
            {d.sent === "teamet" ? (
              <Alert kind="success" heading="Tak. Din tekst er gemt.">
                <p>Din sagsbehandler og rehabiliteringsteamet kan nu læse den.</p>
              </Alert>
            ) : null}
            {d.sent === "mening" ? (
              <Alert kind="success" heading="Tak. Din besked er sendt til din sagsbehandler." />
            ) : null}
            {view?.conflict ? (
              <Alert kind="warning" heading="Din tekst er ikke gemt endnu">
                <p>
                  Teksten til teamet er blevet ændret et andet sted, efter du åbnede siden. Her er det, der er gemt nu:
                </p>
                <blockquote className="plan-pre">{view.conflict.saved ?? "(ingenting)"}</blockquote>
                <p>Din egen tekst står stadig i feltet. Tryk Gem igen, hvis det er den, der skal gælde.</p>
              </Alert>
            ) : null}
            {d.beforeTeam ? (
              <p>
                Før mødet i rehabiliteringsteamet kan du skrive, hvad du selv ønsker, og hvordan du ser din situation.
                Din sagsbehandler og teamet læser det før mødet.
                {d.citizenViewAt ? ` Du gemte din tekst sidst ${d.citizenViewAt}.` : ""}
              </p>
            ) : (
              <p>Skriv, hvis du har ønsker til din plan, eller hvis der er noget, du er uenig i.</p>
            )}
            <Form
              method="post"
              noValidate
              className="stack"
              action="/min-plan#mening"
              key={`mening-${d.requests.length}-${d.basedOn}`}
            >
              <ErrorSummary
                errors={view?.errors ?? {}}
                labels={{ text: d.beforeTeam ? "Min sag til teamet" : "Din mening og dine ønsker" }}
              />
              <CsrfInput />
              <input type="hidden" name="basedOn" value={view?.conflict ? view.conflict.basedOn : d.basedOn} />
              <TextArea
                name="text"
                label={d.beforeTeam ? "Det vil jeg gerne sige til teamet" : "Din mening og dine ønsker"}
                defaultValue={view ? view.text : d.beforeTeam ? d.citizenView : ""}
                error={view?.errors.text}
                rows={6}
              />
              <div>
                <button type="submit" name="intent" value="view" className="button button-primary">
                  {d.beforeTeam ? "Gem" : "Send"}
                </button>
              </div>
            </Form>
          </section>

          {d.requests.length > 0 ? (
            <section aria-labelledby="henvendelser" className="stack">
              <h2 id="henvendelser">Det har du skrevet til os</h2>
              <ul className="minplan-list">
                {d.requests.map((r) => (
                  <li key={r.id}>
                    <p>
                      <strong>{r.kind}</strong> {r.at}.{" "}
                      {r.handled ? "Din sagsbehandler har set den." : "Din sagsbehandler har ikke svaret endnu."}
                    </p>
                    <p className="plan-pre muted">{r.message}</p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
