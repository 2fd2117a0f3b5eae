import type { Explanation } from "~/legislation";
import { formatIsoDate } from "~/app/lib/format";
import { WhyPanel } from "./WhyPanel";

export interface ConversationDeadlineView {
  id: string;
  kind: string;
  title: string;
  dueDate: string;
  metOn: string | null;
  ruleId: string;
  status: "met" | "overdue" | "dueSoon" | "upcoming";
  statusLabel: string;
  explanation: Explanation | null;
}

/** The follow-up deadlines (FU-1, next conversation, P-5) as frister computed them, each with its "why". */
export function ConversationDeadlines({ deadlines }: { deadlines: ConversationDeadlineView[] }) {
  if (deadlines.length === 0) {
    return (
      <p className="muted">
        Ingen frister for samtaler endnu. Fristerne beregnes, når forløbet er bevilget, og når der registreres samtaler.
      </p>
    );
  }
  return (
    <div className="table--responsive-scroll">
      <table className="table table--compact followup-deadlines">
        <caption className="visually-hidden">Frister for opfølgningssamtaler</caption>
        <thead>
          <tr>
            <th scope="col">Frist</th>
            <th scope="col">Dato</th>
            <th scope="col">Status</th>
            <th scope="col">Hvorfor denne dato?</th>
          </tr>
        </thead>
        <tbody>
          {deadlines.map((d) => (
            <tr key={d.id}>
              <td>
                {d.title}
                <br />
                <span className="muted">{d.ruleId}</span>
              </td>
              <td className="followup-nowrap">{formatIsoDate(d.dueDate)}</td>
              <td>
                <span className={`followup-tag followup-deadline-${d.status}`}>{d.statusLabel}</span>
                {d.metOn ? <span className="muted followup-nowrap"> {formatIsoDate(d.metOn)}</span> : null}
              </td>
              <td>
                {d.explanation ? (
                  <WhyPanel explanation={d.explanation} label={`Hvorfor denne dato? ${d.title}`} />
                ) : (
                  "–"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
