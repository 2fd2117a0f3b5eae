import { CaseDeadlineTable, type CaseDeadlineRow } from "./CaseDeadlineTable";

/** The follow-up deadlines (FU-1, next conversation, P-5) as frister computed them, each with its "why". */
export function ConversationDeadlines({ deadlines }: { deadlines: CaseDeadlineRow[] }) {
  if (deadlines.length === 0) {
    return (
      <p className="muted">
        Ingen frister for samtaler endnu. Fristerne beregnes, når forløbet er bevilget, og når der registreres samtaler.
      </p>
    );
  }
  return <CaseDeadlineTable items={deadlines} caption="Frister for opfølgningssamtaler" hideCaption />;
}
