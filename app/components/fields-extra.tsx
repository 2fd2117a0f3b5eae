import { fieldId } from "./fields";

interface ChoiceProps {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: readonly { value: string; label: string }[];
}

function errorBlock(id: string, error?: string) {
  return error ? (
    <span className="form-error-message" id={`${id}-error`}>
      <span className="visually-hidden">Fejl: </span>
      {error}
    </span>
  ) : null;
}

/** Radio buttons in a fieldset; the stored value (string or boolean) is selected. */
export function RadioGroup(props: ChoiceProps & { value?: unknown }) {
  const id = fieldId(props.name);
  return (
    <fieldset
      className={`form-group${props.error ? " form-error" : ""}`}
      id={id}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend className="form-label">{props.legend}</legend>
      {props.hint ? <span className="form-hint">{props.hint}</span> : null}
      {errorBlock(id, props.error)}
      {props.options.map((o) => (
        <div className="form-group-radio" key={o.value}>
          <input
            className="form-radio"
            type="radio"
            id={`${id}-${o.value}`}
            name={props.name}
            value={o.value}
            defaultChecked={String(props.value ?? "") === o.value}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Checkboxes posting as name[] (a list). */
export function CheckboxGroup(props: ChoiceProps & { values?: unknown }) {
  const id = fieldId(props.name);
  const chosen = new Set(Array.isArray(props.values) ? props.values.map(String) : []);
  return (
    <fieldset
      className={`form-group${props.error ? " form-error" : ""}`}
      id={id}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend className="form-label">{props.legend}</legend>
      {props.hint ? <span className="form-hint">{props.hint}</span> : null}
      {errorBlock(id, props.error)}
      {props.options.map((o) => (
        <div className="form-group-checkbox" key={o.value}>
          <input
            className="form-checkbox"
            type="checkbox"
            id={`${id}-${o.value}`}
            name={`${props.name}[]`}
            value={o.value}
            defaultChecked={chosen.has(o.value)}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function TextArea(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string | null;
  rows?: number;
}) {
  const id = fieldId(props.name);
  const described = [props.error ? `${id}-error` : null, props.hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div className={`form-group${props.error ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {props.label}
      </label>
      {props.hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {errorBlock(id, props.error)}
      <textarea
        className="form-input"
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        defaultValue={props.defaultValue ?? ""}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}
