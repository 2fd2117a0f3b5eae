import type { Explanation } from "~/legislation";
import { formatIsoDate } from "~/app/lib/format";
import { WhyPanel } from "./WhyPanel";

export interface DeadlineRowData {
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

/** The case's deadlines for interventions, placements, mentor grants and the forløb's end: date, status and why. */
export function InterventionDeadlines({ deadlines, headingId }: { deadlines: DeadlineRowData[]; headingId: string }) {
  if (deadlines.length === 0) {
    return (
      <p className="muted">
        Der er ingen beregnede frister for indsatser endnu. Fristerne beregnes, når forløbet er bevilget, og opdateres,
        hver gang en indsats, en mentorbevilling eller en periode registreres.
      </p>
    );
  }
  return (
    <table className="table table--zebra indsats-deadlines" aria-labelledby={headingId}>
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
            <td>{d.title}</td>
            <td className="indsats-nowrap">{formatIsoDate(d.dueDate)}</td>
            <td>
              <span className={`indsats-status indsats-status-${d.status}`}>{d.statusLabel}</span>
              {d.metOn ? <span className="muted"> {formatIsoDate(d.metOn)}</span> : null}
            </td>
            <td>
              {d.explanation ? (
                <WhyPanel explanation={d.explanation} label={`Hvorfor denne dato: ${d.title}`} />
              ) : (
                <span className="muted">{d.ruleId}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
