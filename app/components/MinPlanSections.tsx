import { DELMAAL_AREAS, danishDate, type PlanContent } from "~/modules/plan";
import {
  FORM_FOR_CITIZEN,
  GOAL_FOR_CITIZEN,
  MEETING_MODES,
  PARTICIPANTS,
  longDate,
  type MinPlanMeeting,
  type MinPlanView,
} from "~/modules/minplan";

/** The citizen's plan in plain words: goal, delmål and activities, offers told apart from agreed activities (PL-6). */
export function MinPlanPlan({ content, revisedOn }: { content: PlanContent; revisedOn: string }) {
  const c = content;
  const offers = c.interventions.filter((i) => i.form === "offer").length;
  const agreed = c.interventions.length - offers;
  return (
    <div className="stack">
      <div className="minplan-goal">
        <h3>{GOAL_FOR_CITIZEN[c.goal.type]}</h3>
        <p className="minplan-goal-text">{c.goal.text}</p>
        <p className="muted">
          Planen gælder fra {danishDate(c.period.from)} til {danishDate(c.period.to)}. Den blev sidst ændret {revisedOn}
          .
        </p>
      </div>

      <h3>Dine delmål på vejen</h3>
      <ul className="minplan-list">
        {c.delmaal.map((d) => (
          <li key={d.id}>
            <p>
              <strong>{DELMAAL_AREAS[d.area]}:</strong> {d.text}
            </p>
            <p className="muted">Hvorfor: {d.reason}</p>
          </li>
        ))}
      </ul>

      <h3>Dine aktiviteter</h3>
      <p>
        Du har {offers === 1 ? "ét tilbud" : `${offers} tilbud`} fra kommunen
        {agreed > 0 ? ` og ${agreed === 1 ? "én aftalt aktivitet" : `${agreed} aftalte aktiviteter`}` : ""}.
      </p>
      <dl className="minplan-explain">
        <dt>
          <span className="minplan-tag minplan-tag-offer">{FORM_FOR_CITIZEN.offer.label}</span>
        </dt>
        <dd>{FORM_FOR_CITIZEN.offer.explanation}</dd>
        <dt>
          <span className="minplan-tag minplan-tag-agreed">{FORM_FOR_CITIZEN.agreed.label}</span>
        </dt>
        <dd>{FORM_FOR_CITIZEN.agreed.explanation}</dd>
      </dl>
      <ul className="minplan-list">
        {c.interventions.map((i) => (
          <li key={i.id} className="minplan-card">
            <p className="minplan-card-title">
              <strong>{i.title}</strong>
            </p>
            <p>
              <span className={`minplan-tag minplan-tag-${i.form}`}>{FORM_FOR_CITIZEN[i.form].label}</span>
            </p>
            <p>
              <strong>Målet er:</strong> {i.shortTermGoal}
            </p>
            <p>
              <strong>Hvornår:</strong>{" "}
              {i.plannedEnd
                ? `Fra ${danishDate(i.plannedStart)} til ${danishDate(i.plannedEnd)}`
                : `Fra ${danishDate(i.plannedStart)}`}
            </p>
            <p>
              <strong>Hvem står for det:</strong> {i.provider}
            </p>
          </li>
        ))}
      </ul>

      <h3>Sådan følger vi op</h3>
      <p className="plan-pre">{c.followUp.how}</p>
    </div>
  );
}

function Meeting({ m }: { m: MinPlanMeeting }) {
  return (
    <>
      <strong>{longDate(m.date)}</strong>
      {m.time ? ` kl. ${m.time}` : ""}
      <br />
      {MEETING_MODES[m.mode] ?? m.mode}
      {m.participants.length > 0 ? `. Med på mødet: ${m.participants.map((p) => PARTICIPANTS[p] ?? p).join(", ")}` : ""}
    </>
  );
}

export function MinPlanMeetings({ next, last }: { next: MinPlanMeeting | null; last: MinPlanMeeting | null }) {
  return (
    <dl className="minplan-facts">
      <dt>Dit næste møde</dt>
      <dd>
        {next ? <Meeting m={next} /> : "Der er ikke aftalt et nyt møde endnu. Du kan bede om en samtale herunder."}
      </dd>
      <dt>Dit sidste møde</dt>
      <dd>{last ? <Meeting m={last} /> : "Du har ikke haft et møde endnu."}</dd>
    </dl>
  );
}

/** P-6 coordinator, MT-4 mentor and P-7 jobformidler: who they are, what they do and how to reach them. */
export function MinPlanContacts({
  view,
  mentor,
  jobformidlerRight,
}: {
  view: Pick<MinPlanView, "coordinator" | "jobformidler" | "jobformidlerAnswer">;
  mentor: PlanContent["mentor"] | null;
  jobformidlerRight: boolean;
}) {
  const { coordinator: co, jobformidler: jf } = view;
  return (
    <div className="stack">
      <div className="minplan-card">
        <h3>Din koordinerende sagsbehandler</h3>
        {co ? (
          <>
            <p>
              <strong>{co.name}</strong>
              <br />
              {co.unit}
              {co.email ? (
                <>
                  <br />
                  <a href={`mailto:${co.email}`}>{co.email}</a>
                </>
              ) : null}
            </p>
            <p className="muted">
              Din faste kontakt i kommunen. Din sagsbehandler holder styr på hele dit forløb og laver planen sammen med
              dig.
            </p>
          </>
        ) : (
          <p>Du har ikke fået en koordinerende sagsbehandler endnu.</p>
        )}
      </div>

      <div className="minplan-card">
        <h3>Din mentor</h3>
        {mentor?.has ? (
          <>
            <p>
              <strong>{mentor.name ?? "Vi er ved at finde en mentor til dig."}</strong>
              {mentor.contact ? (
                <>
                  <br />
                  {mentor.contact}
                </>
              ) : null}
            </p>
            {mentor.role ? <p>{mentor.role}</p> : null}
            {mentor.tasks.length > 0 ? (
              <>
                <p>Det hjælper din mentor dig med. Det vigtigste står først:</p>
                <ol>
                  {mentor.tasks.map((t, n) => (
                    <li key={n}>{t}</li>
                  ))}
                </ol>
              </>
            ) : null}
          </>
        ) : (
          <p>
            Du har ikke en mentor. En mentor er en person, der kan støtte dig i hverdagen og på en arbejdsplads. Spørg
            din sagsbehandler, hvis du gerne vil have en.
          </p>
        )}
      </div>

      <div className="minplan-card">
        <h3>Din personlige jobformidler</h3>
        {jf ? (
          <>
            <p>
              <strong>{jf.name ?? "Vi er ved at finde en jobformidler til dig."}</strong>
              {jf.phone ? (
                <>
                  <br />
                  Telefon: <a href={`tel:${jf.phone.replace(/\s/g, "")}`}>{jf.phone}</a>
                </>
              ) : null}
              {jf.email ? (
                <>
                  <br />
                  <a href={`mailto:${jf.email}`}>{jf.email}</a>
                </>
              ) : null}
            </p>
            {jf.isMentor ? <p>Din jobformidler er også din mentor.</p> : null}
            {jf.tasks ? (
              <>
                <p>
                  <strong>Det hjælper din jobformidler dig med:</strong>
                </p>
                <p className="plan-pre">{jf.tasks}</p>
              </>
            ) : null}
            {jf.agreements ? (
              <>
                <p>
                  <strong>Det har I aftalt:</strong>
                </p>
                <p className="plan-pre">{jf.agreements}</p>
              </>
            ) : null}
          </>
        ) : jobformidlerRight ? (
          <p>
            {view.jobformidlerAnswer === "declines"
              ? "Du har sagt nej tak til en personlig jobformidler. Du kan altid ombestemme dig. Sig det til din sagsbehandler."
              : "Du har ret til en personlig jobformidler, hvis du ønsker det. En jobformidler hjælper dig med at finde en arbejdsplads, der passer til dig. Sig det til din sagsbehandler, hvis du gerne vil have en."}
          </p>
        ) : (
          <p>Du har ikke en personlig jobformidler.</p>
        )}
      </div>
    </div>
  );
}
