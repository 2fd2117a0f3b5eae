import { formatIsoDate } from "~/app/lib/format";
import { FIELD_LABELS, type MentorGrant } from "~/modules/indsatser";
import { Alert } from "./fields";
import type { AnswerFor } from "./InterventionCards";
import { Area, IndsatsForm, Input, Select, type Values } from "./InterventionFields";

export type GrantView = MentorGrant & { active: boolean; renewedBy: string | null };

function grantValues(g: MentorGrant): Values {
  return {
    mentorName: g.mentorName,
    mentorContact: g.mentorContact,
    role: g.role,
    goals: g.goals.join("\n"),
    fromDate: g.fromDate,
    toDate: g.toDate,
    renewalOf: g.renewalOf,
    assessment: g.assessment,
  };
}

function GrantFields({
  formKey,
  values,
  errors,
  renewalOptions,
}: {
  formKey: string;
  values: Values | null;
  errors: Record<string, string>;
  renewalOptions: { value: string; label: string }[];
}) {
  const f = { formKey, values, errors };
  return (
    <>
      <div className="field-row">
        <Input {...f} name="mentorName" label="Mentorens navn" width="l" />
        <Input {...f} name="mentorContact" label="Kontakt (telefon, e-mail)" width="l" />
      </div>
      <Area
        {...f}
        name="role"
        label="Mentorens rolle (MT-2)"
        hint="Hvad mentoren skal gøre, og hvad mentoren ikke skal."
      />
      <Area
        {...f}
        name="goals"
        label="Mål og fokusområder (MT-2)"
        hint="Ét pr. linje, det vigtigste først: rækkefølgen er prioriteringen."
        rows={4}
      />
      <div className="field-row">
        <Input {...f} type="date" name="fromDate" label="Fra" width="s" />
        <Input {...f} type="date" name="toDate" label="Til" width="s" hint="Højst 6 måneder ad gangen (MT-3)." />
      </div>
      {renewalOptions.length > 0 ? (
        <>
          <Select
            {...f}
            name="renewalOf"
            label="Ny periode af bevilling"
            hint="Vælg den bevilling, der forlænges, eller lad feltet stå tomt for en helt ny bevilling."
            options={renewalOptions}
          />
          <Area
            {...f}
            name="assessment"
            label="Konkret vurdering (MT-3)"
            hint="En ny periode på op til 6 måneder kræver en konkret vurdering af, at borgeren stadig har brug for mentorstøtte."
          />
        </>
      ) : null}
    </>
  );
}

/** MT-1..MT-3: the case's mentor grants, the MT-1 notice, and the forms to grant, renew and correct. */
export function MentorGrants({
  grants,
  notice,
  notes,
  defaults,
  action,
  answerFor,
  canWrite,
  asOf,
}: {
  grants: GrantView[];
  notice: string | null;
  notes: string[];
  defaults: Values;
  action: string;
  answerFor: AnswerFor;
  canWrite: boolean;
  asOf: string;
}) {
  const renewalOptions = grants.map((g) => ({
    value: g.id,
    label: `${g.mentorName}, ${formatIsoDate(g.fromDate)} – ${formatIsoDate(g.toDate)}`,
  }));
  const newAnswer = answerFor("mentor-new");
  return (
    <div className="stack">
      {notice ? (
        <Alert kind="info" heading="Ingen aktiv mentorbevilling">
          {<p>{notice}</p>}
        </Alert>
      ) : null}
      {notes.length > 0 ? (
        <Alert kind="warning">
          <ul>
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {grants.length > 0 ? (
        <ol className="indsats-list">
          {grants.map((g) => {
            const key = `mentor-${g.id}`;
            const state = g.active ? "Aktiv" : g.toDate < asOf ? "Udløbet" : "Kommende";
            return (
              <li key={g.id} className="indsats-card">
                <h3 className="indsats-card-title">
                  {g.mentorName}: {formatIsoDate(g.fromDate)} – {formatIsoDate(g.toDate)}
                </h3>
                <p>
                  <span className={`indsats-status indsats-status-${g.active ? "running" : "planned"}`}>{state}</span>
                  {g.renewalOf ? <span className="indsats-tag">Ny periode (forlængelse)</span> : null}
                  {g.renewedBy ? <span className="indsats-tag">Forlænget</span> : null}
                </p>
                <dl className="summary-list">
                  <dt>Rolle</dt>
                  <dd className="indsats-pre">{g.role}</dd>
                  {g.mentorContact ? (
                    <>
                      <dt>Kontakt</dt>
                      <dd>{g.mentorContact}</dd>
                    </>
                  ) : null}
                  <dt>Mål, vigtigste først</dt>
                  <dd>
                    <ol className="indsats-goals">
                      {g.goals.map((x, i) => (
                        <li key={i}>{x}</li>
                      ))}
                    </ol>
                  </dd>
                  {g.assessment ? (
                    <>
                      <dt>Konkret vurdering (MT-3)</dt>
                      <dd className="indsats-pre">{g.assessment}</dd>
                    </>
                  ) : null}
                </dl>
                {canWrite ? (
                  <details className="indsats-details" open={answerFor(key) !== null}>
                    <summary>Ret bevillingen</summary>
                    <IndsatsForm
                      formKey={key}
                      action={action}
                      intent="mentorUpdate"
                      id={g.id}
                      version={g.version}
                      answer={answerFor(key)}
                      labels={FIELD_LABELS}
                      submit="Gem"
                    >
                      <GrantFields
                        formKey={key}
                        values={answerFor(key)?.values ?? grantValues(g)}
                        errors={answerFor(key)?.errors ?? {}}
                        renewalOptions={renewalOptions.filter((o) => o.value !== g.id)}
                      />
                    </IndsatsForm>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted">Der er ingen mentorbevillinger i sagen.</p>
      )}
      {canWrite ? (
        <details className="indsats-details" open={newAnswer !== null || grants.length === 0}>
          <summary>{grants.length > 0 ? "Bevil en ny periode eller en ny mentor" : "Bevil mentorstøtte"}</summary>
          <IndsatsForm
            formKey="mentor-new"
            action={action}
            intent="mentorCreate"
            answer={newAnswer}
            labels={FIELD_LABELS}
            submit="Bevil mentorstøtte"
          >
            <GrantFields
              formKey="mentor-new"
              values={newAnswer?.values ?? defaults}
              errors={newAnswer?.errors ?? {}}
              renewalOptions={renewalOptions}
            />
          </IndsatsForm>
        </details>
      ) : null}
    </div>
  );
}
