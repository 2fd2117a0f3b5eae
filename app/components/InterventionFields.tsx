import type { ReactNode } from "react";
import { Form } from "react-router";
import { CsrfInput } from "./CsrfInput";
import { fieldId } from "./fields";

/*
 * Form fields for the "Indsatser og perioder" page. The page has many small forms with the same field names (one per
 * intervention, grant and period), so every element id carries the form's key; labels, hints and errors stay tied.
 */

export type Values = Record<string, unknown>;
export type Errors = Record<string, string>;

/** A value from a nested form tree ("praktik.company"). */
export function pick(values: Values | null | undefined, path: string): unknown {
  let node: unknown = values;
  for (const part of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function str(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.join("\n");
  return String(v);
}

export function elementId(formKey: string, name: string): string {
  return `${formKey}-${fieldId(name)}`;
}

interface FieldProps {
  formKey: string;
  name: string;
  label: string;
  hint?: string;
  values: Values | null;
  errors: Errors;
}

function described(id: string, hint?: string, error?: string): string | undefined {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <span className="form-error-message" id={`${id}-error`}>
      <span className="visually-hidden">Fejl: </span>
      {error}
    </span>
  ) : null;
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <span className="form-hint" id={`${id}-hint`}>
      {hint}
    </span>
  ) : null;
}

export function Input(
  props: FieldProps & {
    type?: "text" | "date" | "month";
    width?: "xs" | "s" | "m" | "l" | "xl";
    inputMode?: "decimal" | "numeric";
  },
) {
  const id = elementId(props.formKey, props.name);
  const error = props.errors[props.name];
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {props.label}
      </label>
      <Hint id={id} hint={props.hint} />
      <ErrorText id={id} error={error} />
      <input
        className={`form-input${props.width ? ` input-width-${props.width}` : ""}`}
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        inputMode={props.inputMode}
        defaultValue={str(pick(props.values, props.name))}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, props.hint, error)}
      />
    </div>
  );
}

export function Area(props: FieldProps & { rows?: number }) {
  const id = elementId(props.formKey, props.name);
  const error = props.errors[props.name];
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {props.label}
      </label>
      <Hint id={id} hint={props.hint} />
      <ErrorText id={id} error={error} />
      <textarea
        className="form-input"
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        defaultValue={str(pick(props.values, props.name))}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, props.hint, error)}
      />
    </div>
  );
}

export function Select(props: FieldProps & { options: readonly { value: string; label: string }[] }) {
  const id = elementId(props.formKey, props.name);
  const error = props.errors[props.name];
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {props.label}
      </label>
      <Hint id={id} hint={props.hint} />
      <ErrorText id={id} error={error} />
      <select
        className="form-select"
        id={id}
        name={props.name}
        defaultValue={str(pick(props.values, props.name))}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, props.hint, error)}
      >
        <option value="">Vælg</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Radios(props: FieldProps & { options: readonly { value: string; label: string }[] }) {
  const id = elementId(props.formKey, props.name);
  const error = props.errors[props.name];
  const current = str(pick(props.values, props.name));
  return (
    <fieldset
      className={`form-group${error ? " form-error" : ""}`}
      id={id}
      aria-describedby={described(id, props.hint, error)}
    >
      <legend className="form-label">{props.label}</legend>
      <Hint id={id} hint={props.hint} />
      <ErrorText id={id} error={error} />
      {props.options.map((o) => (
        <div className="form-group-radio" key={o.value}>
          <input
            className="form-radio"
            type="radio"
            id={`${id}-${o.value || "none"}`}
            name={props.name}
            value={o.value}
            defaultChecked={current === o.value}
          />
          <label htmlFor={`${id}-${o.value || "none"}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function Check(props: FieldProps) {
  const id = elementId(props.formKey, props.name);
  const error = props.errors[props.name];
  const v = pick(props.values, props.name);
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <ErrorText id={id} error={error} />
      <div className="form-group-checkbox">
        <input
          className="form-checkbox"
          type="checkbox"
          id={id}
          name={props.name}
          value="true"
          defaultChecked={v === true || v === "true"}
          aria-describedby={described(id, props.hint, error)}
        />
        <label htmlFor={id}>{props.label}</label>
      </div>
      <Hint id={id} hint={props.hint} />
    </div>
  );
}

/** The DKFDS error summary for one of the page's forms: links go to that form's fields. */
export function FormErrors({
  formKey,
  errors,
  labels,
}: {
  formKey: string;
  errors: Errors;
  labels: Record<string, string>;
}) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div
      className="alert alert-error indsats-feedback"
      role="alert"
      aria-labelledby={`${formKey}-errors`}
      tabIndex={-1}
    >
      <div className="alert-body">
        <p className="alert-heading" id={`${formKey}-errors`}>
          Der er {entries.length === 1 ? "et problem" : `${entries.length} problemer`} med formularen. Intet er gemt.
        </p>
        <ul className="alert-text nobullet-list">
          {entries.map(([field, message]) => (
            <li key={field}>
              <a href={`#${elementId(formKey, field)}`}>
                {labels[field] ? `${labels[field]}: ` : ""}
                {message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** One of the page's forms: CSRF, intent, the record it is about and its version, and the answer for it. */
export function IndsatsForm({
  formKey,
  action,
  intent,
  id,
  version,
  answer,
  labels,
  submit,
  secondary,
  children,
}: {
  formKey: string;
  action: string;
  intent: string;
  id?: string;
  version?: number;
  answer: { errors: Errors; conflict: string | null } | null;
  labels: Record<string, string>;
  submit: string;
  secondary?: boolean;
  children?: ReactNode;
}) {
  return (
    <Form method="post" action={`${action}#${formKey}`} noValidate className="indsats-form" id={formKey}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="formKey" value={formKey} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {answer?.conflict ? (
        <div className="alert alert-error indsats-feedback" role="alert" tabIndex={-1}>
          <div className="alert-body">
            <p className="alert-heading">Ikke gemt: der er sket en ændring imens</p>
            <p className="alert-text">{answer.conflict}</p>
          </div>
        </div>
      ) : null}
      {answer ? <FormErrors formKey={formKey} errors={answer.errors} labels={labels} /> : null}
      {children}
      <button type="submit" className={`button ${secondary ? "button-secondary" : "button-primary"}`}>
        {submit}
      </button>
    </Form>
  );
}
