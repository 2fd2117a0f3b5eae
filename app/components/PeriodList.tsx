import { Fragment } from "react";
import { Form } from "react-router";
import { formatIsoDate } from "~/app/lib/format";
import {
  FIELD_LABELS,
  PERIOD_KIND_INFO,
  PERIOD_KIND_KEYS,
  periodEffect,
  type ForloebPeriod,
} from "~/modules/indsatser";
import { CsrfInput } from "./CsrfInput";
import type { AnswerFor } from "./InterventionCards";
import { Area, IndsatsForm, Input, Select, type Values } from "./InterventionFields";

const KIND_OPTIONS = PERIOD_KIND_KEYS.map((k) => ({ value: k, label: PERIOD_KIND_INFO[k].label }));

function PeriodFields({
  formKey,
  values,
  errors,
}: {
  formKey: string;
  values: Values | null;
  errors: Record<string, string>;
}) {
  const f = { formKey, values, errors };
  return (
    <>
      <Select {...f} name="kind" label="Slags periode" options={KIND_OPTIONS} />
      <div className="field-row">
        <Input {...f} type="date" name="fromDate" label="Fra" width="s" />
        <Input {...f} type="date" name="toDate" label="Til og med" width="s" />
      </div>
      <Area
        {...f}
        name="note"
        label="Note (valgfri)"
        hint="Fx grundlaget: lægeerklæring, aftale om stand by."
        rows={2}
      />
    </>
  );
}

/** The periods that move deadlines, each with its effect in Danish, and the forms to add, correct and remove. */
export function PeriodList({
  periods,
  action,
  answerFor,
  canWrite,
}: {
  periods: (ForloebPeriod & { effect: string })[];
  action: string;
  answerFor: AnswerFor;
  canWrite: boolean;
}) {
  const newAnswer = answerFor("period-new");
  return (
    <div className="stack">
      <details className="indsats-details">
        <summary>Hvad gør de forskellige perioder ved fristerne?</summary>
        <dl className="summary-list">
          {PERIOD_KIND_KEYS.map((k) => (
            <Fragment key={k}>
              <dt>{PERIOD_KIND_INFO[k].label}</dt>
              <dd>{periodEffect(k)}</dd>
            </Fragment>
          ))}
        </dl>
      </details>
      {periods.length > 0 ? (
        <ul className="indsats-list">
          {periods.map((p) => {
            const key = `period-${p.id}`;
            const delKey = `period-del-${p.id}`;
            const delAnswer = answerFor(delKey);
            return (
              <li key={p.id} className="indsats-card">
                <h3 className="indsats-card-title">
                  {PERIOD_KIND_INFO[p.kind].label}: {formatIsoDate(p.fromDate)} – {formatIsoDate(p.toDate)}
                </h3>
                <p>{p.effect}</p>
                {p.note ? <p className="muted indsats-pre">{p.note}</p> : null}
                {canWrite ? (
                  <>
                    <details className="indsats-details" open={answerFor(key) !== null}>
                      <summary>Ret perioden</summary>
                      <IndsatsForm
                        formKey={key}
                        action={action}
                        intent="periodUpdate"
                        id={p.id}
                        version={p.version}
                        answer={answerFor(key)}
                        labels={FIELD_LABELS}
                        submit="Gem"
                      >
                        <PeriodFields
                          formKey={key}
                          values={
                            answerFor(key)?.values ?? {
                              kind: p.kind,
                              fromDate: p.fromDate,
                              toDate: p.toDate,
                              note: p.note,
                            }
                          }
                          errors={answerFor(key)?.errors ?? {}}
                        />
                      </IndsatsForm>
                    </details>
                    <Form method="post" action={`${action}#perioder`} className="inline-form" id={delKey}>
                      <CsrfInput />
                      <input type="hidden" name="intent" value="periodDelete" />
                      <input type="hidden" name="formKey" value={delKey} />
                      <input type="hidden" name="id" value={p.id} />
                      <input type="hidden" name="version" value={p.version} />
                      {delAnswer?.conflict ? <p className="form-error-message">{delAnswer.conflict}</p> : null}
                      <button
                        type="submit"
                        className="button button-tertiary"
                        aria-label={`Slet perioden ${PERIOD_KIND_INFO[p.kind].label} ${formatIsoDate(p.fromDate)} – ${formatIsoDate(p.toDate)}`}
                      >
                        Slet perioden
                      </button>
                    </Form>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">Der er ingen perioder registreret.</p>
      )}
      {canWrite ? (
        <details className="indsats-details" open={newAnswer !== null}>
          <summary>Registrér en periode</summary>
          <IndsatsForm
            formKey="period-new"
            action={action}
            intent="periodCreate"
            answer={newAnswer}
            labels={FIELD_LABELS}
            submit="Registrér perioden"
          >
            <PeriodFields formKey="period-new" values={newAnswer?.values ?? null} errors={newAnswer?.errors ?? {}} />
          </IndsatsForm>
        </details>
      ) : null}
    </div>
  );
}
