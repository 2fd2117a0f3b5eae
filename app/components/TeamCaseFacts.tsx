import { Fragment } from "react";
import {
  INTERVENTION_AREA_KEYS,
  INTERVENTION_AREAS,
  recommendationText,
  type Indstilling,
} from "~/modules/rehabiliteringsteam";
import { PREPARATORY_KEYS, PREPARATORY_SECTIONS, type PreparatorySection } from "~/modules/cases";

const CONCLUSIONS: Record<string, string> = {
  met: "Opfyldt",
  notMet: "Ikke opfyldt",
  exhausted: "Udtømt",
  notExhausted: "Ikke udtømt",
  present: "Til stede",
  absent: "Ikke til stede",
};
const TG1_AREAS: Record<string, string> = {
  employment: "beskæftigelse",
  education: "uddannelse",
  social: "det sociale område",
  health: "helbred",
};
const TG2_CONDITIONS: Record<string, string> = {
  longTermPublicSupport: "(a) længerevarende offentlig forsørgelse og svært ved at få fodfæste",
  effortWithoutEffect: "(b) har deltaget i en indsats uden den ønskede effekt",
  longerEffortNeeded: "(c) en længerevarende indsats er nødvendig, før job eller uddannelse er realistisk",
};
const TG4_GOALS: Record<string, string> = { ordinaryHours: "ordinære timer", fleksjob: "fleksjob" };

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown) => (typeof v === "string" ? v : "");

function Assessment({
  id,
  title,
  facts,
  children,
}: {
  id: string;
  title: string;
  facts: Obj;
  children?: React.ReactNode;
}) {
  const conclusion = str(facts.conclusion);
  return (
    <div className="team-assessment">
      <h3 className="h4">
        {id}: {title}
      </h3>
      {Object.keys(facts).length === 0 ? (
        <p className="muted">Ikke vurderet.</p>
      ) : (
        <>
          {conclusion ? (
            <p>
              <strong>Vurdering:</strong> {CONCLUSIONS[conclusion] ?? conclusion}
            </p>
          ) : null}
          {children}
          <p className="team-text">
            <strong>Begrundelse:</strong> {str(facts.reason) || "–"}
          </p>
        </>
      )}
    </div>
  );
}

/** The visitation facts the team needs: TG-1..TG-5, each with its conclusion and reason. Read-only. */
export function TeamVisitationSummary({ judgement }: { judgement: Record<string, unknown> }) {
  const tg1 = obj(judgement.tg1);
  const tg2 = obj(judgement.tg2);
  const tg3 = obj(judgement.tg3);
  const tg4 = obj(judgement.tg4);
  const tg5 = obj(judgement.tg5);
  return (
    <div className="stack">
      <Assessment id="TG-1" title="Komplekse problemer ud over ledighed" facts={tg1}>
        {list(tg1.areas).length > 0 ? (
          <p>
            Områder:{" "}
            {list(tg1.areas)
              .map((a) => TG1_AREAS[str(a)] ?? str(a))
              .join(", ")}
          </p>
        ) : null}
      </Assessment>
      <Assessment id="TG-2" title="Mindst én af betingelserne (a)-(c)" facts={tg2}>
        {list(tg2.conditions).length > 0 ? (
          <ul>
            {list(tg2.conditions).map((c) => (
              <li key={str(c)}>{TG2_CONDITIONS[str(c)] ?? str(c)}</li>
            ))}
          </ul>
        ) : null}
      </Assessment>
      <Assessment id="TG-3" title="Den ordinære indsats er udtømt" facts={tg3}>
        {list(tg3.measures).length > 0 ? (
          <ul>
            {list(tg3.measures).map((m, i) => {
              const x = obj(m);
              return (
                <li key={i}>
                  {str(x.measure)} ({x.status === "tried" ? "afprøvet" : "overvejet"}): {str(x.whyFutile)}
                </li>
              );
            })}
          </ul>
        ) : null}
      </Assessment>
      <Assessment id="TG-4" title="Udviklingsperspektiv" facts={tg4}>
        {list(tg4.interventions).length > 0 ? (
          <ul>
            {list(tg4.interventions).map((m, i) => {
              const x = obj(m);
              return (
                <li key={i}>
                  {str(x.description)}: {str(x.expectedBenefit)}
                </li>
              );
            })}
          </ul>
        ) : null}
        {tg4.goal ? <p>Mål: {TG4_GOALS[str(tg4.goal)] ?? str(tg4.goal)}</p> : null}
        {list(tg4.signsFor).length > 0 ? <p>Taler for: {list(tg4.signsFor).map(str).join("; ")}</p> : null}
        {list(tg4.signsAgainst).length > 0 ? <p>Taler imod: {list(tg4.signsAgainst).map(str).join("; ")}</p> : null}
      </Assessment>
      <Assessment id="TG-5" title="Udelukkelsesgrunde (helhedsvurdering)" facts={tg5}>
        {Object.keys(tg5).length > 0 ? (
          <ul>
            <li>Åbenbart berettiget til førtidspension: {tg5.obviouslyEntitledToFoertidspension ? "ja" : "nej"}</li>
            <li>Udvikling af arbejdsevnen åbenbart formålsløs: {tg5.obviouslyFutile ? "ja" : "nej"}</li>
          </ul>
        ) : null}
      </Assessment>
    </div>
  );
}

/** The forberedende del of the rehabiliteringsplan (P-1), by section. */
export function TeamPreparatory({ preparatory }: { preparatory: Partial<Record<PreparatorySection, string>> }) {
  return (
    <div className="stack">
      {PREPARATORY_KEYS.map((k) => (
        <div key={k}>
          <h3 className="h4">{PREPARATORY_SECTIONS[k].label}</h3>
          <p className="team-text">{preparatory[k]?.trim() || <span className="muted">Ikke udfyldt.</span>}</p>
        </div>
      ))}
    </div>
  );
}

/** One indstilling, read-only. */
export function TeamIndstillingView({ indstilling: i }: { indstilling: Indstilling }) {
  return (
    <dl className="summary-list">
      <dt>Indstilling</dt>
      <dd>{recommendationText(i)}</dd>
      {i.recommendedMonths !== null ? (
        <>
          <dt>Anbefalet varighed</dt>
          <dd>{i.recommendedMonths} måneder</dd>
        </>
      ) : null}
      {INTERVENTION_AREA_KEYS.filter((k) => i.interventions[k].length > 0).map((k) => (
        <Fragment key={k}>
          <dt>Indsatser, {INTERVENTION_AREAS[k].toLowerCase()}</dt>
          <dd>
            <ul className="nobullet-list">
              {i.interventions[k].map((line, n) => (
                <li key={n}>{line}</li>
              ))}
            </ul>
          </dd>
        </Fragment>
      ))}
      <dt>Begrundelse</dt>
      <dd className="team-text">{i.reasons}</dd>
      <dt>Ønsker at se sagen igen</dt>
      <dd>{i.seeAgain ? `Ja${i.seeAgainNote ? `: ${i.seeAgainNote}` : ""}` : "Nej"}</dd>
      <dt>Registreret</dt>
      <dd>{i.recordedByName ?? "–"}</dd>
    </dl>
  );
}
