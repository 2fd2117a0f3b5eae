import { Link } from "react-router";
import type { Explanation } from "~/legislation";
import { deadlineHref } from "~/app/lib/deadline-link";
import { formatIsoDate } from "~/app/lib/format";
import type { DeadlineStatus } from "~/modules/frister";
import { DeadlineTag } from "./CaseDeadlineTable";
import { WhyPanel } from "./WhyPanel";

export interface DeadlineItem {
  id: string;
  caseId: string;
  citizenName?: string;
  coordinatorName?: string | null;
  title: string;
  dueDate: string;
  metOn: string | null;
  status: DeadlineStatus;
  ruleId: string;
  anchor: string;
  explanation: unknown;
}

/** Deadlines with date, status and "why this date", each one click from where it is handled. */
export function DeadlineList({
  items,
  caption,
  showCitizen = true,
  showCoordinator = false,
}: {
  items: DeadlineItem[];
  caption: string;
  showCitizen?: boolean;
  showCoordinator?: boolean;
}) {
  return (
    <table className="table table--compact deadline-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Frist</th>
          {showCitizen ? <th scope="col">Borger</th> : null}
          <th scope="col">Hvad</th>
          {showCoordinator ? <th scope="col">Sagsbehandler</th> : null}
          <th scope="col">Hvorfor denne dato?</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id}>
            <td>
              <DeadlineTag status={d.status} />
            </td>
            <td>
              {formatIsoDate(d.dueDate)}
              {d.metOn ? <span className="muted"> (opfyldt {formatIsoDate(d.metOn)})</span> : null}
            </td>
            {showCitizen ? (
              <td>
                <Link to={deadlineHref(d.caseId, d.anchor)}>{d.citizenName}</Link>
              </td>
            ) : null}
            <td>
              {showCitizen ? d.title : <Link to={deadlineHref(d.caseId, d.anchor)}>{d.title}</Link>}{" "}
              <span className="muted">({d.ruleId})</span>
            </td>
            {showCoordinator ? <td>{d.coordinatorName ?? "–"}</td> : null}
            <td>{d.explanation ? <WhyPanel explanation={d.explanation as Explanation} /> : "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
