import type { Explanation } from "~/legislation";
import { formatIsoDate } from "~/app/lib/format";
import { DEADLINE_STATUS_LABELS, type DeadlineStatus } from "~/modules/frister";
import { WhyPanel } from "./WhyPanel";

/** One stored deadline of a case, as the case pages show it. */
export interface CaseDeadlineRow {
  id: string;
  title: string;
  dueDate: string;
  metOn: string | null;
  status: DeadlineStatus;
  ruleId: string;
  explanation: unknown;
}

const TAG: Record<DeadlineStatus, string> = {
  overdue: "deadline-tag deadline-overdue",
  dueSoon: "deadline-tag deadline-soon",
  upcoming: "deadline-tag",
  met: "deadline-tag deadline-met",
};

/** A deadline's status as a tag: overdue, due soon, upcoming or met (modules/frister deadlineStatus). */
export function DeadlineTag({ status }: { status: DeadlineStatus }) {
  return <span className={TAG[status]}>{DEADLINE_STATUS_LABELS[status]}</span>;
}

/** A case's deadlines on one of its pages: date, status, what, and "Hvorfor denne dato?" from the rules. */
export function CaseDeadlineTable({
  items,
  caption,
  hideCaption = false,
}: {
  items: CaseDeadlineRow[];
  caption: string;
  hideCaption?: boolean;
}) {
  return (
    <div className="table--responsive-scroll">
      <table className="table table--compact case-deadlines">
        <caption className={hideCaption ? "visually-hidden" : undefined}>{caption}</caption>
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
              <td className="nowrap">{formatIsoDate(d.dueDate)}</td>
              <td>
                <DeadlineTag status={d.status} />
                {d.metOn ? <span className="muted nowrap"> {formatIsoDate(d.metOn)}</span> : null}
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
    </div>
  );
}
