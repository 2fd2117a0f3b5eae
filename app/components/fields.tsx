import type { ReactNode } from "react";

interface BaseProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  id?: string;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldShell({ id, label, hint, error, children }: BaseProps & { id: string; children: ReactNode }) {
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="visually-hidden">Fejl: </span>
          {error}
        </span>
      ) : null}
      {children}
    </div>
  );
}

/** Turns a field path like "network.0.name" into a valid, stable element id. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

export function TextField(
  props: BaseProps & {
    defaultValue?: string | null;
    type?: "text" | "email" | "tel" | "date" | "search" | "number";
    autoComplete?: string;
    inputMode?: "numeric" | "text" | "tel" | "email";
    required?: boolean;
    width?: "xs" | "s" | "m" | "l" | "xl";
  },
) {
  const id = props.id ?? fieldId(props.name);
  return (
    <FieldShell {...props} id={id}>
      <input
        className={`form-input${props.width ? ` input-width-${props.width}` : ""}`}
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue ?? ""}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        aria-required={props.required || undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </FieldShell>
  );
}

export function SelectField(
  props: BaseProps & {
    options: readonly { value: string; label: string }[];
    defaultValue?: string | null;
    required?: boolean;
    placeholder?: string;
  },
) {
  const id = props.id ?? fieldId(props.name);
  return (
    <FieldShell {...props} id={id}>
      <select
        className="form-select"
        id={id}
        name={props.name}
        defaultValue={props.defaultValue ?? ""}
        aria-required={props.required || undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        <option value="">{props.placeholder ?? "Vælg"}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** The DKFDS error summary: one link per field error, focused so screen readers announce it. */
export function ErrorSummary({ errors, labels }: { errors: Record<string, string>; labels?: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert" aria-labelledby="error-summary-heading" tabIndex={-1}>
      <div className="alert-body">
        <h2 className="alert-heading" id="error-summary-heading">
          Der er {entries.length === 1 ? "et problem" : `${entries.length} problemer`} med formularen
        </h2>
        <ul className="alert-text nobullet-list">
          {entries.map(([field, message]) => (
            <li key={field}>
              <a href={`#${fieldId(field)}`}>
                {labels?.[field] ? `${labels[field]}: ` : ""}
                {message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function Alert({
  kind,
  heading,
  children,
}: {
  kind: "info" | "success" | "warning" | "error";
  heading?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`alert alert-${kind}`} role={kind === "error" || kind === "warning" ? "alert" : "status"}>
      <div className="alert-body">
        {heading ? <p className="alert-heading">{heading}</p> : null}
        {children ? <div className="alert-text">{children}</div> : null}
      </div>
    </div>
  );
}
