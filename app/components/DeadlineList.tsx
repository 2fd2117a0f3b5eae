import { Link } from "react-router";
import type { Explanation } from "~/legislation";
import { deadlineHref } from "~/app/lib/deadline-link";
import { formatIsoDate } from "~/app/lib/format";
import { DEADLINE_STATUS_LABELS, type DeadlineStatus } from "~/modules/frister";
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

const TAG: Record<DeadlineStatus, string> = {
  overdue: "deadline-tag deadline-overdue",
  dueSoon: "deadline-tag deadline-soon",
  upcoming: "deadline-tag",
  met: "deadline-tag deadline-met",
};

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
              <span className={TAG[d.status]}>{DEADLINE_STATUS_LABELS[d.status]}</span>
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
