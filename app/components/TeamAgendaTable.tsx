import { Form, Link } from "react-router";
import {
  AGENDA_PURPOSES,
  recommendationText,
  type AgendaPurpose,
  type Indstilling,
} from "~/modules/rehabiliteringsteam";
import { CsrfInput } from "./CsrfInput";
import { ErrorSummary, fieldId } from "./fields";

export interface AgendaTableRow {
  id: string;
  caseId: string;
  citizenName: string;
  age: number;
  slotStart: string;
  slotEnd: string;
  slotMinutes: number;
  purpose: AgendaPurpose;
  coordinatorName: string | null;
  invitationLetterId: string | null;
  invitationSentAt: Date | null;
  invitationOutOfDate: boolean;
  indstilling: Indstilling | null;
  minutesSentAt: Date | null;
}

const dayFormat = new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen", dateStyle: "short" });
const day = (d: Date | string) => dayFormat.format(new Date(d));

function Hidden({ meetingVersion, caseId }: { meetingVersion: number; caseId: string }) {
  return (
    <>
      <CsrfInput />
      <input type="hidden" name="meetingVersion" value={meetingVersion} />
      <input type="hidden" name="caseId" value={caseId} />
    </>
  );
}

/** The agenda with its time slots; for caseworkers and leaders with one-click invitations and removal. */
export function TeamAgendaTable({
  meetingId,
  meetingVersion,
  agenda,
  manage,
  held,
  invitationsClosed,
  scheduleErrors,
}: {
  meetingId: string;
  meetingVersion: number;
  agenda: AgendaTableRow[];
  manage: boolean;
  held: boolean;
  invitationsClosed: boolean;
  scheduleErrors: Record<string, string>;
}) {
  const scheduleOpen = Object.keys(scheduleErrors).length > 0;
  return (
    <div className="stack">
      <div className="table--responsive-scroll">
        <table className="table table--compact team-agenda">
          <caption>Sagerne på mødet i tidsorden</caption>
          <thead>
            <tr>
              <th scope="col">Tid</th>
              <th scope="col">Borger</th>
              <th scope="col">Alder</th>
              <th scope="col">Formål</th>
              <th scope="col">Koordinerende sagsbehandler</th>
              <th scope="col">Indkaldelse</th>
              <th scope="col">Indstilling</th>
              {manage ? (
                <th scope="col">
                  <span className="visually-hidden">Handlinger</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {agenda.map((r) => (
              <tr key={r.id}>
                <td className="team-nowrap">
                  {r.slotStart}–{r.slotEnd}
                </td>
                <th scope="row">
                  <Link to={`/team/moeder/${meetingId}/sager/${r.caseId}`}>{r.citizenName}</Link>
                </th>
                <td>{r.age} år</td>
                <td>{AGENDA_PURPOSES[r.purpose].label}</td>
                <td>{r.coordinatorName ?? "–"}</td>
                <td>
                  {r.invitationLetterId ? (
                    <>
                      Sendt {r.invitationSentAt ? day(r.invitationSentAt) : ""}
                      {manage ? (
                        <>
                          {" "}
                          (
                          <a href={`/team/moeder/${meetingId}/breve/${r.invitationLetterId}`}>
                            se brevet<span className="visually-hidden"> til {r.citizenName}</span>
                          </a>
                          )
                        </>
                      ) : null}
                    </>
                  ) : r.invitationOutOfDate ? (
                    <strong>Forældet: mødet er ændret</strong>
                  ) : (
                    "Ikke sendt"
                  )}
                </td>
                <td>
                  {r.indstilling ? (
                    <>
                      {recommendationText(r.indstilling)}
                      {r.minutesSentAt ? <span className="muted"> · referat sendt {day(r.minutesSentAt)}</span> : null}
                    </>
                  ) : (
                    <span className="muted">Ikke registreret</span>
                  )}
                </td>
                {manage ? (
                  <td className="team-actions">
                    {!r.invitationLetterId && !invitationsClosed ? (
                      <Form method="post">
                        <Hidden meetingVersion={meetingVersion} caseId={r.caseId} />
                        <button
                          type="submit"
                          name="intent"
                          value="invite"
                          className="button button-secondary button-small"
                        >
                          Send indkaldelse<span className="visually-hidden"> til {r.citizenName}</span>
                        </button>
                      </Form>
                    ) : null}
                    {!r.indstilling ? (
                      <Form method="post">
                        <Hidden meetingVersion={meetingVersion} caseId={r.caseId} />
                        <button type="submit" name="intent" value="removeCase" className="button-unstyled">
                          Tag af dagsordenen<span className="visually-hidden">: {r.citizenName}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {manage && !held ? (
        <details className="team-details" open={scheduleOpen || undefined}>
          <summary>Ret tidsplanen</summary>
          <Form method="post" className="stack" noValidate>
            <ErrorSummary errors={scheduleErrors} labels={scheduleLabels(agenda)} />
            <CsrfInput />
            <input type="hidden" name="meetingVersion" value={meetingVersion} />
            <input type="hidden" name="itemRows" value={agenda.length} />
            <p className="muted">
              Ret tidspunkt og længde for hver sag, eller giv alle sager samme længde; så lægges de i forlængelse af
              hinanden fra mødets start. Flyttes en sag, der har fået en indkaldelse, skal der sendes en ny.
            </p>
            <div className={`form-group${scheduleErrors.sameLength ? " form-error" : ""}`}>
              <label className="form-label" htmlFor={fieldId("sameLength")}>
                Samme længde for alle sager (minutter)
              </label>
              <span className="form-hint" id="f-sameLength-hint">
                Lad feltet stå tomt for at bruge tiderne i tabellen.
              </span>
              {scheduleErrors.sameLength ? (
                <span className="form-error-message" id="f-sameLength-error">
                  <span className="visually-hidden">Fejl: </span>
                  {scheduleErrors.sameLength}
                </span>
              ) : null}
              <input
                className="form-input input-width-xs"
                id={fieldId("sameLength")}
                name="sameLength"
                inputMode="numeric"
                aria-describedby={`f-sameLength-hint${scheduleErrors.sameLength ? " f-sameLength-error" : ""}`}
              />
            </div>
            <table className="table table--compact">
              <caption>Tidsplan</caption>
              <thead>
                <tr>
                  <th scope="col">Borger</th>
                  <th scope="col">Begynder (TT:MM)</th>
                  <th scope="col">Minutter</th>
                </tr>
              </thead>
              <tbody>
                {agenda.map((r, i) => (
                  <tr key={r.id}>
                    <th scope="row">
                      {r.citizenName}
                      <input type="hidden" name={`items.${i}.id`} value={r.id} />
                    </th>
                    <td>
                      <label className="visually-hidden" htmlFor={fieldId(`items.${i}.slotStart`)}>
                        Begynder, {r.citizenName}
                      </label>
                      <input
                        className={`form-input input-width-xs${scheduleErrors[`items.${i}.slotStart`] ? " form-input--error" : ""}`}
                        id={fieldId(`items.${i}.slotStart`)}
                        name={`items.${i}.slotStart`}
                        defaultValue={r.slotStart}
                        inputMode="numeric"
                        aria-invalid={scheduleErrors[`items.${i}.slotStart`] ? true : undefined}
                      />
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={fieldId(`items.${i}.slotMinutes`)}>
                        Minutter, {r.citizenName}
                      </label>
                      <input
                        className="form-input input-width-xs"
                        id={fieldId(`items.${i}.slotMinutes`)}
                        name={`items.${i}.slotMinutes`}
                        defaultValue={r.slotMinutes}
                        inputMode="numeric"
                        aria-invalid={scheduleErrors[`items.${i}.slotMinutes`] ? true : undefined}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div>
              <button type="submit" name="intent" value="schedule" className="button button-primary">
                Gem tidsplanen
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </div>
  );
}

function scheduleLabels(agenda: AgendaTableRow[]): Record<string, string> {
  const out: Record<string, string> = { sameLength: "Samme længde for alle" };
  agenda.forEach((r, i) => {
    out[`items.${i}.slotStart`] = `${r.citizenName}, begynder`;
    out[`items.${i}.slotMinutes`] = `${r.citizenName}, minutter`;
  });
  return out;
}
