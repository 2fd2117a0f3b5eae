import { Form } from "react-router";
import {
  DECISION_KINDS,
  OFFERED_REFUSAL_GROUNDS,
  REFUSAL_GROUND_LABELS,
  type DecisionKind,
} from "~/modules/afgoerelser";
import { CsrfInput } from "./CsrfInput";
import { ErrorSummary, fieldId, TextField } from "./fields";
import { CheckboxGroup, RadioGroup, TextArea } from "./fields-extra";

export const DECISION_FIELD_LABELS: Record<string, string> = {
  kind: "Afgørelse",
  startDate: "Første dag",
  months: "Varighed i måneder",
  endDate: "Sidste dag",
  citizenWished: "Borgerens ønske",
  grounds: "Afslagsgrunde",
  reasons: "Begrundelse",
  answerToApplication: "Svar på ansøgningen",
  allFormsOfHelpAssessed: "Samlet vurdering",
  version: "Sagens version",
};

/** What the form shows and posts; strings as typed, so nothing is lost on an error. */
export interface DecisionFormValues {
  kind: string;
  startDate: string;
  months: string;
  endDate: string;
  citizenWished: boolean;
  grounds: string[];
  reasons: string;
  answerToApplication: string;
  allFormsOfHelpAssessed: boolean;
}

function Checkbox(props: { name: string; label: string; hint?: string; checked: boolean; error?: string }) {
  const id = fieldId(props.name);
  return (
    <div className={`form-group${props.error ? " form-error" : ""}`}>
      {props.error ? (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="visually-hidden">Fejl: </span>
          {props.error}
        </span>
      ) : null}
      <div className="form-group-checkbox">
        <input
          className="form-checkbox"
          type="checkbox"
          id={id}
          name={props.name}
          value="true"
          defaultChecked={props.checked}
          aria-describedby={
            [props.error ? `${id}-error` : null, props.hint ? `${id}-hint` : null].filter(Boolean).join(" ") ||
            undefined
          }
        />
        <label htmlFor={id}>{props.label}</label>
        {props.hint ? (
          <span className="form-hint" id={`${id}-hint`}>
            {props.hint}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The decision form (P-4). Works without JavaScript: the fields of each kind of decision are in their own
 * fieldset, and the server validates everything with the rules and names the rule on each field.
 */
export function DecisionForm({
  kinds,
  values,
  errors,
  version,
  application,
  recommendedMonths,
}: {
  kinds: DecisionKind[];
  values: DecisionFormValues;
  errors: Record<string, string>;
  version: number;
  application: { receivedOn: string | null; text: string | null } | null;
  recommendedMonths: number | null;
}) {
  const canGrant = kinds.includes("grant");
  const canRefuse = kinds.includes("refusal");
  const notConsidered = kinds.includes("notConsidered");
  return (
    <Form method="post" noValidate className="stack decision-form" aria-labelledby="decision-form-heading">
      <h2 id="decision-form-heading">
        {notConsidered ? "Afvis at behandle sagen om ressourceforløb (TG-9)" : "Træf afgørelse"}
      </h2>
      <ErrorSummary errors={errors} labels={DECISION_FIELD_LABELS} />
      <CsrfInput />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="intent" value="decide" />
      {notConsidered ? (
        <>
          <input type="hidden" name="kind" value="notConsidered" />
          <p>
            Kommunen kan vurdere, at der intet taler for, at borgeren er i målgruppen, og afvise at behandle sagen med
            henblik på ressourceforløb. Det er en afgørelse, borgeren kan klage over (Ankestyrelsen 64-11), og borgerens
            samlede situation skal være vurderet i forhold til alle former for hjælp (83-15).
          </p>
        </>
      ) : (
        <RadioGroup
          name="kind"
          legend="Hvilken afgørelse træffer du?"
          error={errors.kind}
          value={values.kind}
          options={kinds.map((k) => ({ value: k, label: DECISION_KINDS[k] }))}
        />
      )}

      {canGrant ? (
        <fieldset className="decision-group">
          <legend className="h3">Ved bevilling: forløbets periode (P-4)</legend>
          <p className="form-hint decision-hint">
            Afgørelsen skal angive præcis start- og slutdato (Ankestyrelsen 82-16). Udfyld antal måneder <em>eller</em>{" "}
            sidste dag; slutdatoen er startdatoen plus antal måneder minus én dag.
          </p>
          <TextField
            name="startDate"
            label="Første dag i forløbet"
            type="date"
            defaultValue={values.startDate}
            error={errors.startDate}
            width="s"
          />
          <div className="field-row">
            <TextField
              name="months"
              label="Varighed i måneder"
              hint={recommendedMonths ? `Teamet indstillede ${recommendedMonths} måneder.` : "Fx 24."}
              defaultValue={values.months}
              error={errors.months}
              inputMode="numeric"
              width="xs"
            />
            <TextField
              name="endDate"
              label="Eller: sidste dag i forløbet"
              hint="Kun hvis forløbet ikke er hele måneder."
              type="date"
              defaultValue={values.endDate}
              error={errors.endDate}
              width="s"
            />
          </div>
          <Checkbox
            name="citizenWished"
            label="Borgeren ønsker selv forløbet"
            hint="Kræves, når der er under 6 år til folkepensionsalderen (TG-6), fra 50 år ved et nyt forløb, og for mere end 5 år i alt i alderen 40-49 (D-2)."
            checked={values.citizenWished}
            error={errors.citizenWished}
          />
        </fieldset>
      ) : null}

      {canRefuse ? (
        <fieldset className="decision-group">
          <legend className="h3">Ved afslag: afslagsgrunde (TG-7)</legend>
          <CheckboxGroup
            name="grounds"
            legend="Hvorfor får borgeren afslag?"
            hint="At der ikke er behov for en koordinerende sagsbehandler, er aldrig en gyldig afslagsgrund (TG-7, Ankestyrelsen 1-15)."
            error={errors.grounds}
            values={values.grounds}
            options={OFFERED_REFUSAL_GROUNDS.map((g) => ({ value: g, label: REFUSAL_GROUND_LABELS[g] }))}
          />
        </fieldset>
      ) : null}

      <TextArea
        name="reasons"
        label="Begrundelse"
        hint="Begrundelsen står i brevet til borgeren. Skriv, hvilke oplysninger og vurderinger afgørelsen bygger på."
        defaultValue={values.reasons}
        error={errors.reasons}
        rows={6}
      />

      {application ? (
        <fieldset className="decision-group">
          <legend className="h3">Borgerens ansøgning (TG-9)</legend>
          {application.text ? (
            <blockquote className="decision-quote">
              <p>
                {application.receivedOn
                  ? `Ansøgning modtaget ${application.receivedOn.split("-").reverse().join(".")}: `
                  : ""}
                »{application.text}«
              </p>
            </blockquote>
          ) : null}
          <TextArea
            name="answerToApplication"
            label="Hvordan forholder afgørelsen sig til ansøgningen?"
            hint="Begrundelsen skal svare på borgerens anmodning (skrivelse 10112 §4.5). Teksten står i brevet."
            defaultValue={values.answerToApplication}
            error={errors.answerToApplication}
            rows={4}
          />
          {canRefuse || notConsidered ? (
            <Checkbox
              name="allFormsOfHelpAssessed"
              label="Borgerens samlede situation er vurderet i forhold til alle former for hjælp"
              hint="Kræves ved afslag og afvisning (Ankestyrelsen 83-15)."
              checked={values.allFormsOfHelpAssessed}
              error={errors.allFormsOfHelpAssessed}
            />
          ) : null}
        </fieldset>
      ) : null}

      <p className="muted">
        Afgørelsen underskrives af dig og sendes til borgeren som brev med klagevejledning via udbakken (Digital Post).
      </p>
      <div>
        <button type="submit" className="button button-primary">
          {notConsidered ? "Afvis at behandle sagen og send brev" : "Træf afgørelse og send brev"}
        </button>
      </div>
    </Form>
  );
}
