import { formatIsoDate } from "~/app/lib/format";
import {
  agendaPurposeLabel,
  INTERVENTION_AREA_LABELS,
  recommendationLabel,
  type IndstillingView,
} from "~/modules/afgoerelser";

/** The team's latest indstilling (P-2) as the decision page shows it. */
export function DecisionIndstilling({
  indstilling: i,
  daysSince,
}: {
  indstilling: IndstillingView | null;
  daysSince: number | null;
}) {
  if (!i) return <p>Rehabiliteringsteamet har ikke givet en indstilling i sagen.</p>;
  const areas = Object.entries(i.interventions).filter(([, list]) => list.length > 0);
  return (
    <div className="stack">
      <dl className="summary-list">
        <dt>Indstilling</dt>
        <dd>
          <strong>
            {recommendationLabel(i.recommendation, i.otherText)}
            {i.recommendation === "ressourceforloeb" && i.recommendedMonths ? ` i ${i.recommendedMonths} måneder` : ""}
          </strong>
        </dd>
        <dt>Teammøde</dt>
        <dd>
          {formatIsoDate(i.meetingDate)} · {agendaPurposeLabel(i.purpose)}
          {daysSince !== null && daysSince >= 0 ? ` · ${daysSince} ${daysSince === 1 ? "dag" : "dage"} siden` : ""}
        </dd>
        <dt>Teamets begrundelse</dt>
        <dd className="decision-text">{i.reasons}</dd>
        {areas.length > 0 ? (
          <>
            <dt>Anbefalede indsatser</dt>
            <dd>
              <ul className="decision-list">
                {areas.flatMap(([area, list]) =>
                  list.map((x, n) => (
                    <li key={`${area}-${n}`}>
                      {INTERVENTION_AREA_LABELS[area] ?? area}: {x}
                    </li>
                  )),
                )}
              </ul>
            </dd>
          </>
        ) : null}
        {i.seeAgain ? (
          <>
            <dt>Teamet vil se sagen igen</dt>
            <dd>{i.seeAgainNote ?? "Ja"}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
