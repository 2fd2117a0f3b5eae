import {
  CHANGE_KINDS,
  DELMAAL_AREAS,
  GOAL_TYPES,
  INTERVENTION_FORMS,
  LEGAL_BASES,
  PLAN_SECTIONS,
  danishDate,
  type PlanChange,
  type PlanContent,
  type PlanSection,
} from "~/modules/plan";

/** The indsatsdel read-only, for the caseworker (plan page and history). */
export function PlanView({
  content,
  countsForIg,
  headingLevel = 2,
}: {
  content: PlanContent;
  /** Ids of the interventions that count in the indsatsgaranti (IG-1). */
  countsForIg?: string[];
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const c = content;
  return (
    <div className="stack plan-view">
      <section>
        <H>Mål</H>
        <p>
          <span className="plan-tag">{GOAL_TYPES[c.goal.type]}</span> {c.goal.text}
        </p>
        <p className="muted">
          Planperiode {danishDate(c.period.from)} – {danishDate(c.period.to)}
        </p>
      </section>
      <section>
        <H>Delmål</H>
        <ul className="plan-list">
          {c.delmaal.map((d) => (
            <li key={d.id}>
              <strong>{DELMAAL_AREAS[d.area]}:</strong> {d.text}
              <br />
              <span className="muted">Begrundelse: {d.reason}</span>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <H>Indsatser</H>
        <ol className="plan-list plan-interventions">
          {c.interventions.map((i) => (
            <li key={i.id} className="plan-card">
              <p className="plan-card-title">
                <strong>{i.title}</strong>{" "}
                <span className={`plan-tag plan-tag-${i.form}`}>{INTERVENTION_FORMS[i.form].label}</span>
                {countsForIg?.includes(i.id) ? (
                  <span className="plan-tag">Tæller i indsatsgarantien (IG-1)</span>
                ) : null}
              </p>
              <dl className="summary-list">
                <dt>Mål på kort sigt</dt>
                <dd>{i.shortTermGoal}</dd>
                <dt>Udføres af</dt>
                <dd>{i.provider}</dd>
                <dt>Hjemmel</dt>
                <dd>{LEGAL_BASES[i.legalBasis]}</dd>
                <dt>Planlagt</dt>
                <dd>
                  {danishDate(i.plannedStart)}
                  {i.plannedEnd ? ` – ${danishDate(i.plannedEnd)}` : " og frem"}
                </dd>
              </dl>
            </li>
          ))}
        </ol>
      </section>
      <section>
        <H>Opfølgning</H>
        <p className="plan-pre">{c.followUp.how}</p>
      </section>
      <section>
        <H>Mentor</H>
        {c.mentor.has ? (
          <dl className="summary-list">
            <dt>Mentor</dt>
            <dd>{c.mentor.name ?? "Ikke fundet endnu"}</dd>
            <dt>Kontakt</dt>
            <dd>{c.mentor.contact ?? "–"}</dd>
            <dt>Rolle</dt>
            <dd>{c.mentor.role}</dd>
            <dt>Mål og opgaver (prioriteret)</dt>
            <dd>
              <ol className="plan-tasks">
                {c.mentor.tasks.map((t, n) => (
                  <li key={n}>{t}</li>
                ))}
              </ol>
            </dd>
          </dl>
        ) : (
          <p>Borgeren har ingen mentor i planen.</p>
        )}
      </section>
    </div>
  );
}

/** A readable diff between two revisions, grouped by section. */
export function PlanDiff({
  changes,
  caption,
  headingLevel = 3,
  columns = { before: "Før", after: "Efter" },
}: {
  changes: PlanChange[];
  caption: string;
  columns?: { before: string; after: string };
  /** "none" where headings would break the page's outline (inside an alert). */
  headingLevel?: 3 | 4 | "none";
}) {
  if (changes.length === 0) return <p>Der er ingen forskelle i planens indhold.</p>;
  const sections = Object.keys(PLAN_SECTIONS) as PlanSection[];
  return (
    <div className="stack plan-diff">
      <p className="visually-hidden">{caption}</p>
      {sections.map((s) => {
        const list = changes.filter((c) => c.section === s);
        if (list.length === 0) return null;
        return (
          <section key={s}>
            {headingLevel === "none" ? (
              <p>
                <strong>{PLAN_SECTIONS[s]}</strong>
              </p>
            ) : headingLevel === 4 ? (
              <h4>{PLAN_SECTIONS[s]}</h4>
            ) : (
              <h3>{PLAN_SECTIONS[s]}</h3>
            )}
            {list.map((c, n) => (
              <div className={`plan-change plan-change-${c.kind}`} key={n}>
                <p>
                  <span className={`plan-tag plan-tag-${c.kind}`}>{CHANGE_KINDS[c.kind]}</span> {c.subject}
                </p>
                <table className="table table--compact plan-diff-table">
                  <caption className="visually-hidden">
                    {CHANGE_KINDS[c.kind]}: {c.subject}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Felt</th>
                      <th scope="col">{columns.before}</th>
                      <th scope="col">{columns.after}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.fields.map((f) => (
                      <tr key={f.label}>
                        <th scope="row">{f.label}</th>
                        <td className="plan-pre">{f.before ? <del>{f.before}</del> : "–"}</td>
                        <td className="plan-pre">{f.after ? <ins>{f.after}</ins> : "–"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
