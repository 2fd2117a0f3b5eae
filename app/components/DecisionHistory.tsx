import type { Explanation } from "~/legislation";
import { formatDateTime, formatIsoDate } from "~/app/lib/format";
import { DECISION_KINDS, OUTBOX_STATUS_LABELS, REFUSAL_GROUND_LABELS, type DecisionView } from "~/modules/afgoerelser";
import { WhyPanel } from "./WhyPanel";

// Decisions made elsewhere also show in the history: E-4 ends the forløb and the ydelse in one decision.
const HISTORY_KIND_LABELS: Record<string, string> = {
  ...DECISION_KINDS,
  ending: "Ophør af ressourceforløb og ydelse (E-4)",
};

function period(d: DecisionView): string {
  if (d.kind !== "grant" || !d.startDate) return "–";
  return `${formatIsoDate(d.startDate)} – ${formatIsoDate(d.endDate)}${d.months ? ` (${d.months} mdr.)` : ""}`;
}

/** How far the letter has come: the outbox sends it; "sent" means handed to the channel (Digital Post). */
export function LetterStatus({ letter }: { letter: DecisionView["letter"] }) {
  if (!letter) return <span className="muted">Intet brev</span>;
  const label = OUTBOX_STATUS_LABELS[letter.status ?? ""] ?? "Ukendt";
  return (
    <>
      <a href={`/breve/${letter.id}`}>Åbn brevet (PDF)</a>
      <br />
      <span className={`tag-status decision-letter-${letter.status ?? "unknown"}`}>
        {label}
        {letter.status === "sent" && letter.sentAt ? ` ${formatDateTime(letter.sentAt)}` : ""}
      </span>
    </>
  );
}

/** The afgørelser of a case, oldest first, with the letter and its outbox status. */
export function DecisionHistory({ decisions }: { decisions: DecisionView[] }) {
  if (decisions.length === 0) return <p className="muted">Der er ikke truffet afgørelse i sagen endnu.</p>;
  return (
    <table className="table table--compact decision-history">
      <caption className="visually-hidden">Afgørelser i sagen, ældste først</caption>
      <thead>
        <tr>
          <th scope="col">Dato</th>
          <th scope="col">Afgørelse</th>
          <th scope="col">Periode</th>
          <th scope="col">Indstillingen</th>
          <th scope="col">Truffet af</th>
          <th scope="col">Brev</th>
        </tr>
      </thead>
      <tbody>
        {decisions.map((d) => (
          <tr key={d.id}>
            <td>{formatIsoDate(d.decidedOn)}</td>
            <td>{HISTORY_KIND_LABELS[d.kind] ?? d.kind}</td>
            <td>{period(d)}</td>
            <td>{d.kind === "notConsidered" ? "–" : d.deviatesFromIndstilling ? "Afviger (P-3)" : "Følges"}</td>
            <td>{d.decidedBy.name ?? "–"}</td>
            <td>
              <LetterStatus letter={d.letter} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One decision in full: reasons, grounds, the answer to the application and the rules it rests on. */
export function DecisionSummary({ decision: d }: { decision: DecisionView }) {
  return (
    <div className="stack decision-summary">
      <dl className="summary-list">
        <dt>Afgørelse</dt>
        <dd>{HISTORY_KIND_LABELS[d.kind] ?? d.kind}</dd>
        <dt>Afgørelsesdato</dt>
        <dd>{formatIsoDate(d.decidedOn)}</dd>
        {d.kind === "grant" ? (
          <>
            <dt>Første dag</dt>
            <dd>{formatIsoDate(d.startDate)}</dd>
            <dt>Sidste dag</dt>
            <dd>
              {formatIsoDate(d.endDate)}
              {d.months ? ` (${d.months} måneder)` : ""}
            </dd>
            <dt>Borgerens ønske</dt>
            <dd>{d.citizenWished ? "Borgeren ønsker selv forløbet" : "Ikke registreret"}</dd>
          </>
        ) : null}
        {d.grounds.length > 0 ? (
          <>
            <dt>Afslagsgrunde</dt>
            <dd>
              <ul className="decision-list">
                {d.grounds.map((g) => (
                  <li key={g}>{REFUSAL_GROUND_LABELS[g] ?? g}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>Begrundelse</dt>
        <dd className="decision-text">{d.reasons}</dd>
        {d.answerToApplication ? (
          <>
            <dt>Svar på ansøgningen</dt>
            <dd className="decision-text">{d.answerToApplication}</dd>
          </>
        ) : null}
        <dt>Indstillingen</dt>
        <dd>
          {d.kind === "notConsidered"
            ? "–"
            : d.deviatesFromIndstilling
              ? "Afviger; sagen har været forelagt teamet igen (P-3)"
              : "Følges"}
        </dd>
        <dt>Underskrevet af</dt>
        <dd>{d.decidedBy.name ?? "–"}</dd>
        <dt>Brev til borgeren</dt>
        <dd>
          <LetterStatus letter={d.letter} />
        </dd>
      </dl>
      {d.explanation ? (
        <div>
          <h3 className="h4">Hvorfor? Reglerne afgørelsen bygger på</h3>
          <WhyPanel explanation={d.explanation as Explanation} label="Reglerne afgørelsen bygger på" />
        </div>
      ) : null}
    </div>
  );
}
