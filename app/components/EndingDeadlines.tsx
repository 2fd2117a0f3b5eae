import type { Explanation } from "~/legislation";
import { formatIsoDate } from "~/app/lib/format";
import { DEADLINE_STATUS_LABELS, type DeadlineStatus } from "~/modules/frister";
import { WhyPanel } from "./WhyPanel";

export interface EndingDeadlineItem {
  id: string;
  title: string;
  dueDate: string;
  metOn: string | null;
  status: DeadlineStatus;
  ruleId: string;
  explanation: unknown;
}

/** A deadline's status as a tag: overdue, due soon, upcoming or met (modules/frister deadlineStatus). */
export function EndingDeadlineTag({ status }: { status: DeadlineStatus }) {
  return <span className={`ending-tag ending-tag-${status}`}>{DEADLINE_STATUS_LABELS[status]}</span>;
}

/** The stored deadlines shown on a case page: date, status and "Hvorfor denne dato?" with the rules' explanation. */
export function EndingDeadlines({ items, caption }: { items: EndingDeadlineItem[]; caption: string }) {
  if (items.length === 0) return null;
  return (
    <table className="table table--compact ending-deadlines">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Frist</th>
          <th scope="col">Status</th>
          <th scope="col">Hvad</th>
          <th scope="col">Hvorfor denne dato?</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id}>
            <td>{formatIsoDate(d.dueDate)}</td>
            <td>
              <EndingDeadlineTag status={d.status} />
              {d.metOn ? <span className="muted"> {formatIsoDate(d.metOn)}</span> : null}
            </td>
            <td>
              {d.title} <span className="muted">({d.ruleId})</span>
            </td>
            <td>
              {d.explanation ? (
                <WhyPanel explanation={d.explanation as Explanation} label={`Hvorfor denne dato? ${d.title}`} />
              ) : (
                "–"
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
