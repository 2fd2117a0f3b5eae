import { Form } from "react-router";
import {
  INTERVENTION_AREA_KEYS,
  INTERVENTION_AREAS,
  RECOMMENDATIONS,
  type Indstilling,
} from "~/modules/rehabiliteringsteam";
import { CsrfInput } from "./CsrfInput";
import { ErrorSummary, TextField } from "./fields";
import { RadioGroup, TextArea } from "./fields-extra";

export interface IndstillingFormValues {
  recommendation: string;
  otherText: string;
  recommendedMonths: string;
  interventions: Record<string, string>;
  reasons: string;
  seeAgain: boolean;
  seeAgainNote: string;
}

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

/** Reads the indstilling form; the values go back to the form unchanged when something is wrong. */
export function indstillingFormValues(form: FormData): IndstillingFormValues {
  return {
    recommendation: text(form, "recommendation"),
    otherText: text(form, "otherText"),
    recommendedMonths: text(form, "recommendedMonths").trim(),
    interventions: Object.fromEntries(INTERVENTION_AREA_KEYS.map((k) => [k, text(form, `interventions.${k}`)])),
    reasons: text(form, "reasons"),
    seeAgain: form.get("seeAgain") === "true",
    seeAgainNote: text(form, "seeAgainNote"),
  };
}

export function indstillingToFormValues(i: Indstilling | null): IndstillingFormValues {
  return {
    recommendation: i?.recommendation ?? "",
    otherText: i?.otherText ?? "",
    recommendedMonths: i?.recommendedMonths ? String(i.recommendedMonths) : "",
    interventions: Object.fromEntries(INTERVENTION_AREA_KEYS.map((k) => [k, (i?.interventions[k] ?? []).join("\n")])),
    reasons: i?.reasons ?? "",
    seeAgain: i?.seeAgain ?? false,
    seeAgainNote: i?.seeAgainNote ?? "",
  };
}

const LABELS: Record<string, string> = {
  recommendation: "Teamets indstilling",
  otherText: "Anden indstilling",
  recommendedMonths: "Anbefalet varighed",
  interventions: "Anbefalede indsatser",
  ...Object.fromEntries(
    INTERVENTION_AREA_KEYS.map((k) => [`interventions.${k}`, `Indsatser, ${INTERVENTION_AREAS[k].toLowerCase()}`]),
  ),
  reasons: "Begrundelse",
  seeAgainNote: "Se sagen igen",
};

const OPTIONS = Object.entries(RECOMMENDATIONS).map(([value, label]) => ({ value, label }));

/** The team's indstilling (P-2), recorded by the team's secretary. */
export function TeamIndstillingForm({
  values,
  errors,
  caseVersion,
  monthsHint,
  submitLabel,
}: {
  values: IndstillingFormValues;
  errors: Record<string, string>;
  caseVersion: number;
  monthsHint: string;
  submitLabel: string;
}) {
  // The summary lists the problems in the order of the fields.
  const order = Object.keys(LABELS);
  const sorted = Object.fromEntries(
    Object.entries(errors).sort(([a], [b]) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0)),
  );
  return (
    // Inputs are uncontrolled: a new key makes them show the values the server sent back.
    <Form method="post" noValidate className="stack" key={JSON.stringify(values)}>
      <ErrorSummary errors={sorted} labels={LABELS} />
      <CsrfInput />
      <input type="hidden" name="caseVersion" value={caseVersion} />
      <RadioGroup
        name="recommendation"
        legend="Teamets indstilling (P-2)"
        options={OPTIONS}
        value={values.recommendation}
        error={errors.recommendation}
      />
      <TextField
        name="otherText"
        label="Hvis andet: hvilken indstilling?"
        hint="Fx jobafklaringsforløb"
        defaultValue={values.otherText}
        error={errors.otherText}
      />
      <TextField
        name="recommendedMonths"
        label="Anbefalet varighed i måneder (ved ressourceforløb)"
        hint={monthsHint}
        defaultValue={values.recommendedMonths}
        error={errors.recommendedMonths}
        inputMode="numeric"
        width="xs"
      />
      <fieldset id="f-interventions" className={`stack${errors.interventions ? " form-error" : ""}`}>
        <legend className="h3">Anbefalede indsatser</legend>
        <p className="form-hint">Én indsats pr. linje, fordelt på områder (skrivelse 10112 afsnit 5.2).</p>
        {errors.interventions ? (
          <span className="form-error-message">
            <span className="visually-hidden">Fejl: </span>
            {errors.interventions}
          </span>
        ) : null}
        {INTERVENTION_AREA_KEYS.map((k) => (
          <TextArea
            key={k}
            name={`interventions.${k}`}
            label={INTERVENTION_AREAS[k]}
            defaultValue={values.interventions[k]}
            error={errors[`interventions.${k}`]}
            rows={3}
          />
        ))}
      </fieldset>
      <TextArea
        name="reasons"
        label="Teamets begrundelse"
        defaultValue={values.reasons}
        error={errors.reasons}
        rows={5}
      />
      <fieldset className="stack">
        <legend className="h3">Se sagen igen</legend>
        <div className="form-group-checkbox">
          <input
            className="form-checkbox"
            type="checkbox"
            id="f-seeAgain"
            name="seeAgain"
            value="true"
            defaultChecked={values.seeAgain}
          />
          <label htmlFor="f-seeAgain">Teamet ønsker at se sagen igen</label>
        </div>
        <TextField
          name="seeAgainNote"
          label="Før hvad ønsker teamet at se sagen igen?"
          hint="Fx før der iværksættes erhvervsrettede tiltag"
          defaultValue={values.seeAgainNote}
          error={errors.seeAgainNote}
        />
      </fieldset>
      <div>
        <button type="submit" name="intent" value="indstilling" className="button button-primary">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
