import { Link } from "react-router";
import { formatIsoDate } from "~/app/lib/format";
import { D5_LABEL } from "~/modules/afslutning";

/**
 * D-5 (Ankestyrelsen 82-16): after the end date without a decided next step the forløb – and the ydelse – continues.
 * Shown at the top of a case page whenever that is so; `phase` comes from forloebPhaseOf (modules/afslutning).
 */
export function EndingBanner({
  caseId,
  phase,
  link = true,
}: {
  caseId: string;
  phase: { status: string; effectiveEnd: string } | null;
  link?: boolean;
}) {
  if (!phase || phase.status !== "continuesUntilDecision") return null;
  return (
    <div className="alert alert-warning ending-banner" role="status" aria-labelledby="d5-banner-heading">
      <div className="alert-body">
        <p className="alert-heading" id="d5-banner-heading">
          {D5_LABEL}
        </p>
        <p className="alert-text">
          Slutdatoen {formatIsoDate(phase.effectiveEnd)} er passeret, og næste skridt er ikke besluttet. Forløbet og
          ressourceforløbsydelsen fortsætter, indtil kommunen har besluttet næste skridt (Ankestyrelsen 82-16).{" "}
          {link ? <Link to={`/sager/${caseId}/afslutning`}>Beslut næste skridt</Link> : null}
        </p>
      </div>
    </div>
  );
}
