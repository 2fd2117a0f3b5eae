import { Form } from "react-router";
import type { Explanation } from "~/legislation";
import { formatIsoDate } from "~/app/lib/format";
import {
  APPEAL_OUTCOMES,
  APPEAL_STAGE_LABELS,
  REASSESSMENT_RESULTS,
  type AppealOutcome,
  type AppealStage,
  type ReassessmentResult,
} from "~/modules/klager";
import type { DeadlineStatus } from "~/modules/frister";
import { CsrfInput } from "./CsrfInput";
import { ErrorSummary, SelectField, TextField } from "./fields";
import { RadioGroup, TextArea } from "./fields-extra";
import { DeadlineTag } from "./CaseDeadlineTable";
import { WhyPanel } from "./WhyPanel";

/*
 * The Klager page's parts (A-1..A-3): the form that registers an appeal, and each appeal's history with the forms for
 * the re-assessment and Ankestyrelsen's outcome. Field names carry their form's prefix so several forms share a page.
 */

export type AppealValues = Record<string, unknown>;
const str = (v: AppealValues | null | undefined, k: string) => (typeof v?.[k] === "string" ? (v[k] as string) : "");

export interface AppealTarget {
  value: string;
  label: string;
}

export function AppealRegisterForm(props: {
  targets: { decisions: AppealTarget[]; interventions: AppealTarget[] };
  values: AppealValues | null;
  errors: Record<string, string>;
  asOf: string;
}) {
  const { values, errors } = props;
  const options = [...props.targets.decisions, ...props.targets.interventions];
  return (
    <Form method="post" noValidate className="stack appeal-form" aria-labelledby="appeal-register-heading">
      <h3 id="appeal-register-heading">Registrér en klage</h3>
      <ErrorSummary errors={errors} />
      <CsrfInput />
      <SelectField
        name="reg.target"
        label="Hvad klager borgeren over?"
        hint="Borgeren kan klage over afgørelsen og over de enkelte indsatser (LAB § 204), men ikke over indsatsdelen af planen (skrivelse 10112 §4.6)."
        placeholder="Vælg afgørelse eller indsats"
        options={options}
        defaultValue={str(values, "target")}
        error={errors["reg.target"]}
      />
      <TextField
        name="reg.decisionReceivedOn"
        label="Borgeren modtog afgørelsen den"
        hint="Klagefristen på 4 uger regnes herfra (A-1). Med digital post er det normalt afgørelsens dato."
        type="date"
        width="s"
        defaultValue={str(values, "decisionReceivedOn")}
        error={errors["reg.decisionReceivedOn"]}
      />
      <TextField
        name="reg.receivedOn"
        label="Klagen blev modtaget den"
        hint="Fristen for genvurderingen på 4 uger regnes herfra (A-2)."
        type="date"
        width="s"
        defaultValue={str(values, "receivedOn") || props.asOf}
        error={errors["reg.receivedOn"]}
      />
      <TextArea
        name="reg.note"
        label="Hvad klager borgeren over? (valgfri)"
        defaultValue={str(values, "note")}
        error={errors["reg.note"]}
        rows={2}
      />
      <div>
        <button type="submit" name="intent" value="register" className="button button-primary">
          Registrér klagen
        </button>
      </div>
    </Form>
  );
}

export interface AppealHistoryItem {
  id: string;
  subject: string;
  receivedOn: string;
  decisionReceivedOn: string | null;
  reassessedOn: string | null;
  reassessmentResult: string | null;
  forwardedOn: string | null;
  outcome: string | null;
  outcomeOn: string | null;
  note: string | null;
  version: number;
  timing: {
    stage: AppealStage;
    lodgeDeadline: string | null;
    lodgedLate: boolean;
    reassessDeadline: string;
    reassessedLate: boolean;
    forwardedLate: boolean;
    explanations: Explanation[];
  };
  deadline: { dueDate: string; metOn: string | null; status: DeadlineStatus; explanation: Explanation | null } | null;
}

/** One appeal, step by step, with the next form to fill in. */
export function AppealHistory(props: {
  appeal: AppealHistoryItem;
  canWrite: boolean;
  canReassess: boolean;
  values: AppealValues | null;
  errors: Record<string, string>;
  open: boolean;
}) {
  const a = props.appeal;
  const t = a.timing;
  const p = `re-${a.id}`;
  const o = `out-${a.id}`;
  const { values, errors } = props;
  return (
    <article className="appeal-card stack" aria-labelledby={`appeal-${a.id}`}>
      <h4 id={`appeal-${a.id}`}>
        Klage modtaget {formatIsoDate(a.receivedOn)} <span className="muted">– {APPEAL_STAGE_LABELS[t.stage]}</span>
      </h4>
      {t.lodgedLate ? (
        <p className="appeal-flag">
          <strong>Klagen er modtaget efter fristen (A-1).</strong> Fristen var {formatIsoDate(t.lodgeDeadline)}, 4 uger
          efter at borgeren modtog afgørelsen. Klagen er registreret; vurdér, om der er grund til at se bort fra
          overskridelsen.
        </p>
      ) : null}
      <dl className="summary-list">
        <dt>Klagen angår</dt>
        <dd>{a.subject}</dd>
        <dt>Borgeren modtog afgørelsen</dt>
        <dd>{formatIsoDate(a.decisionReceivedOn)}</dd>
        <dt>Klagefrist (A-1)</dt>
        <dd>
          {formatIsoDate(t.lodgeDeadline)} – {t.lodgedLate ? "overskredet" : "overholdt"}
        </dd>
        <dt>Genvurdering senest (A-2)</dt>
        <dd>
          {formatIsoDate(t.reassessDeadline)} {a.deadline ? <DeadlineTag status={a.deadline.status} /> : null}
        </dd>
        <dt>Genvurderet</dt>
        <dd>
          {a.reassessedOn
            ? `${formatIsoDate(a.reassessedOn)}: ${REASSESSMENT_RESULTS[a.reassessmentResult as ReassessmentResult]?.label ?? a.reassessmentResult}${t.reassessedLate ? " (efter fristen)" : ""}`
            : "Ikke endnu"}
        </dd>
        <dt>Sendt til Ankestyrelsen</dt>
        <dd>
          {a.forwardedOn
            ? `${formatIsoDate(a.forwardedOn)}${t.forwardedLate ? " (efter fristen)" : ""}`
            : a.reassessmentResult === "changed"
              ? "Nej – borgeren fik fuldt medhold"
              : "Ikke endnu"}
        </dd>
        <dt>Ankestyrelsens afgørelse (A-3)</dt>
        <dd>
          {a.outcome
            ? `${formatIsoDate(a.outcomeOn)}: ${APPEAL_OUTCOMES[a.outcome as AppealOutcome] ?? a.outcome}`
            : a.forwardedOn
              ? "Afventer"
              : "–"}
        </dd>
        {a.note ? (
          <>
            <dt>Noter</dt>
            <dd className="ending-pre">{a.note}</dd>
          </>
        ) : null}
      </dl>
      <WhyPanel
        explanation={
          a.deadline?.explanation ?? {
            ruleId: "A-2",
            title: "Genvurdering inden 4 uger",
            citations: [],
            inputs: {},
            parameters: [],
            result: t.reassessDeadline,
            children: [],
          }
        }
        label={`Hvorfor denne dato? Genvurdering af klagen modtaget ${formatIsoDate(a.receivedOn)}`}
      />
      {t.explanations[0] && a.decisionReceivedOn ? (
        <WhyPanel explanation={t.explanations[0]} label="Hvorfor? Klagefristen (A-1)" />
      ) : null}

      {!a.reassessedOn && props.canReassess ? (
        <details className="ending-details" open={props.open || undefined}>
          <summary>Registrér genvurderingen (A-2)</summary>
          <Form method="post" noValidate className="stack appeal-form">
            <ErrorSummary errors={props.open ? errors : {}} />
            <CsrfInput />
            <input type="hidden" name="appealId" value={a.id} />
            <input type="hidden" name={`${p}.version`} value={a.version} />
            <TextField
              name={`${p}.reassessedOn`}
              label="Genvurderet den"
              type="date"
              width="s"
              defaultValue={str(values, "reassessedOn")}
              error={errors[`${p}.reassessedOn`]}
            />
            <RadioGroup
              name={`${p}.result`}
              legend="Resultat"
              options={Object.entries(REASSESSMENT_RESULTS).map(([value, r]) => ({ value, label: r.label }))}
              value={str(values, "result")}
              error={errors[`${p}.result`]}
            />
            <TextField
              name={`${p}.forwardedOn`}
              label="Sendt til Ankestyrelsen den"
              hint={`Når afgørelsen fastholdes helt eller delvis, sendes klagen videre inden for samme frist (senest ${formatIsoDate(t.reassessDeadline)}).`}
              type="date"
              width="s"
              defaultValue={str(values, "forwardedOn")}
              error={errors[`${p}.forwardedOn`]}
            />
            <TextArea
              name={`${p}.note`}
              label="Begrundelse (valgfri)"
              defaultValue={str(values, "note")}
              error={errors[`${p}.note`]}
              rows={2}
            />
            <div>
              <button type="submit" name="intent" value="reassess" className="button button-secondary">
                Gem genvurderingen
              </button>
            </div>
          </Form>
        </details>
      ) : null}

      {a.forwardedOn && !a.outcome && props.canWrite ? (
        <details className="ending-details" open={props.open || undefined}>
          <summary>Registrér Ankestyrelsens afgørelse (A-3)</summary>
          <Form method="post" noValidate className="stack appeal-form">
            <ErrorSummary errors={props.open ? errors : {}} />
            <CsrfInput />
            <input type="hidden" name="appealId" value={a.id} />
            <input type="hidden" name={`${o}.version`} value={a.version} />
            <RadioGroup
              name={`${o}.outcome`}
              legend="Ankestyrelsens afgørelse"
              options={Object.entries(APPEAL_OUTCOMES).map(([value, label]) => ({ value, label }))}
              value={str(values, "outcome")}
              error={errors[`${o}.outcome`]}
            />
            <TextField
              name={`${o}.outcomeOn`}
              label="Afgørelsen er dateret"
              type="date"
              width="s"
              defaultValue={str(values, "outcomeOn")}
              error={errors[`${o}.outcomeOn`]}
            />
            <TextArea
              name={`${o}.note`}
              label="Bemærkning (valgfri)"
              defaultValue={str(values, "note")}
              error={errors[`${o}.note`]}
              rows={2}
            />
            <div>
              <button type="submit" name="intent" value="outcome" className="button button-secondary">
                Gem Ankestyrelsens afgørelse
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </article>
  );
}
