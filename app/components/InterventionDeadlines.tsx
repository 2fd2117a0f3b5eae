import { CaseDeadlineTable, type CaseDeadlineRow } from "./CaseDeadlineTable";

/** The case's deadlines for interventions, placements, mentor grants and the forløb's end: date, status and why. */
export function InterventionDeadlines({ deadlines }: { deadlines: CaseDeadlineRow[] }) {
  if (deadlines.length === 0) {
    return (
      <p className="muted">
        Der er ingen beregnede frister for indsatser endnu. Fristerne beregnes, når forløbet er bevilget, og opdateres,
        hver gang en indsats, en mentorbevilling eller en periode registreres.
      </p>
    );
  }
  return (
    <CaseDeadlineTable items={deadlines} caption="Frister for indsatser, mentor og forløbets slutning" hideCaption />
  );
}
