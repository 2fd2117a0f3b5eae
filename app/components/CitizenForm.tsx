import { Form, Link } from "react-router";
import { PREVIOUS_BENEFITS, RELATIONS } from "~/modules/citizens";
import { CITIZEN_FIELD_LABELS, type CitizenFormValues } from "~/app/lib/citizen-form";
import { CsrfInput } from "./CsrfInput";
import { ErrorSummary, SelectField, TextField } from "./fields";

const benefitOptions = Object.entries(PREVIOUS_BENEFITS).map(([value, label]) => ({ value, label }));
const relationOptions = Object.entries(RELATIONS).map(([value, label]) => ({ value, label }));

function networkLabels(count: number): Record<string, string> {
  const labels: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    labels[`network.${i}.name`] = `Netværksperson ${i + 1}, navn`;
    labels[`network.${i}.relation`] = `Netværksperson ${i + 1}, relation`;
    labels[`network.${i}.phone`] = `Netværksperson ${i + 1}, telefon`;
  }
  return labels;
}

export function CitizenForm({
  values,
  errors,
  version,
  submitLabel,
  cancelTo,
  extraRows = 1,
}: {
  values: CitizenFormValues;
  errors: Record<string, string>;
  version?: number;
  submitLabel: string;
  cancelTo: string;
  extraRows?: number;
}) {
  const rows = [...values.network, ...Array.from({ length: extraRows }, () => ({ name: "", relation: "", phone: "" }))];
  return (
    <Form method="post" noValidate className="stack">
      <ErrorSummary errors={errors} labels={{ ...CITIZEN_FIELD_LABELS, ...networkLabels(rows.length) }} />
      <CsrfInput />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <input type="hidden" name="networkRows" value={rows.length} />
      <fieldset>
        <legend className="h2">Borgerens oplysninger</legend>
        <TextField
          name="cpr"
          label="CPR-nummer"
          hint="10 cifre, fx 010180-1235. Bindestregen er valgfri."
          defaultValue={values.cpr}
          error={errors.cpr}
          inputMode="numeric"
          autoComplete="off"
          required
          width="s"
        />
        <TextField
          name="name"
          label="Navn"
          defaultValue={values.name}
          error={errors.name}
          autoComplete="off"
          required
        />
        <TextField name="address" label="Adresse" defaultValue={values.address} error={errors.address} required />
        <div className="field-row">
          <TextField
            name="postalCode"
            label="Postnummer"
            defaultValue={values.postalCode}
            error={errors.postalCode}
            inputMode="numeric"
            required
            width="xs"
          />
          <TextField name="city" label="By" defaultValue={values.city} error={errors.city} required />
        </div>
        <div className="field-row">
          <TextField name="phone" label="Telefon" type="tel" defaultValue={values.phone} error={errors.phone} />
          <TextField name="email" label="E-mail" type="email" defaultValue={values.email} error={errors.email} />
        </div>
        <SelectField
          name="previousBenefit"
          label="Forsørgelse før forløbet"
          hint="Bestemmer niveauet for ressourceforløbsydelsen (LAS § 69 j) og indgår i statistikken."
          options={benefitOptions}
          defaultValue={values.previousBenefit}
          error={errors.previousBenefit}
          required
        />
      </fieldset>
      <fieldset>
        <legend className="h2">Netværk</legend>
        <p className="muted">Personer fra borgerens netværk, der kan deltage i møder. Tomme rækker gemmes ikke.</p>
        {rows.map((p, i) => (
          <fieldset className="network-person" key={i}>
            <legend>Netværksperson {i + 1}</legend>
            <div className="field-row">
              <TextField
                name={`network.${i}.name`}
                label="Navn"
                defaultValue={p.name}
                error={errors[`network.${i}.name`]}
              />
              <SelectField
                name={`network.${i}.relation`}
                label="Relation"
                options={relationOptions}
                defaultValue={p.relation}
                error={errors[`network.${i}.relation`]}
              />
              <TextField
                name={`network.${i}.phone`}
                label="Telefon"
                type="tel"
                defaultValue={p.phone}
                error={errors[`network.${i}.phone`]}
              />
            </div>
            {i < values.network.length ? (
              <div className="form-group-checkbox">
                <input
                  className="form-checkbox"
                  type="checkbox"
                  id={`network-${i}-remove`}
                  name={`network.${i}.remove`}
                />
                <label htmlFor={`network-${i}-remove`}>Fjern {p.name || "personen"} fra netværket</label>
              </div>
            ) : null}
          </fieldset>
        ))}
      </fieldset>
      {/* Save comes first in the DOM so that Enter in a field saves (implicit submission uses the first button). */}
      <div className="button-row">
        <button type="submit" name="intent" value="save" className="button button-primary">
          {submitLabel}
        </button>{" "}
        <button type="submit" name="intent" value="addPerson" className="button button-secondary">
          Tilføj en netværksperson mere
        </button>{" "}
        <Link to={cancelTo} className="button button-tertiary">
          Annuller
        </Link>
      </div>
    </Form>
  );
}
