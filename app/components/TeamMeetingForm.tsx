import { Form, Link } from "react-router";
import { MEMBER_AREAS } from "~/modules/rehabiliteringsteam";
import { CsrfInput } from "./CsrfInput";
import { ErrorSummary, SelectField, TextField } from "./fields";

export interface MeetingFormValues {
  meetingDate: string;
  startTime: string;
  place: string;
  members: { area: string; name: string; title: string }[];
}

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

/** Reads the meeting form. Member rows with neither name nor title are dropped (that is how a member is removed). */
export function meetingFormValues(form: FormData): MeetingFormValues {
  const rows = Math.min(Number(form.get("memberRows") ?? 0), 40);
  const members: MeetingFormValues["members"] = [];
  for (let i = 0; i < rows; i++) {
    const row = {
      area: text(form, `members.${i}.area`),
      name: text(form, `members.${i}.name`).trim(),
      title: text(form, `members.${i}.title`).trim(),
    };
    if (!row.name && !row.title) continue;
    members.push(row);
  }
  return {
    meetingDate: text(form, "meetingDate").trim(),
    startTime: text(form, "startTime").trim(),
    place: text(form, "place"),
    members,
  };
}

const AREA_OPTIONS = Object.entries(MEMBER_AREAS).map(([value, a]) => ({ value, label: a.label }));

export const MEETING_FIELD_LABELS: Record<string, string> = {
  meetingDate: "Dato",
  startTime: "Mødet begynder",
  place: "Sted",
  members: "Teamets medlemmer",
};

function memberLabels(count: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    out[`members.${i}.area`] = `Medlem ${i + 1}, område`;
    out[`members.${i}.name`] = `Medlem ${i + 1}, navn`;
    out[`members.${i}.title`] = `Medlem ${i + 1}, titel`;
  }
  return out;
}

/** Date, start, place and members by area (P-2). Works without JavaScript; "Tilføj medlem" posts and comes back. */
export function TeamMeetingForm({
  values,
  errors,
  version,
  submitLabel,
  cancelTo,
  extraRows = 1,
  intent,
}: {
  values: MeetingFormValues;
  errors: Record<string, string>;
  version?: number;
  submitLabel: string;
  cancelTo: string;
  extraRows?: number;
  intent?: string;
}) {
  const rows = [...values.members, ...Array.from({ length: extraRows }, () => ({ area: "", name: "", title: "" }))];
  return (
    // Inputs are uncontrolled: a new key makes them take the values the server sent back (rows may have been dropped).
    <Form method="post" noValidate className="stack" key={JSON.stringify([values, extraRows])}>
      <ErrorSummary errors={errors} labels={{ ...MEETING_FIELD_LABELS, ...memberLabels(rows.length) }} />
      <CsrfInput />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <input type="hidden" name="memberRows" value={rows.length} />
      <div className="field-row team-field-row">
        <TextField
          name="meetingDate"
          label="Dato"
          type="date"
          defaultValue={values.meetingDate}
          error={errors.meetingDate}
          required
          width="s"
        />
        <TextField
          name="startTime"
          label="Mødet begynder (TT:MM)"
          defaultValue={values.startTime}
          error={errors.startTime}
          inputMode="numeric"
          required
          width="xs"
        />
      </div>
      <TextField name="place" label="Sted" defaultValue={values.place} error={errors.place} required />
      <fieldset id="f-members" className={errors.members ? "form-error team-members" : "team-members"}>
        <legend className="h3">Teamets medlemmer (P-2)</legend>
        <p className="form-hint">
          Teamet skal have en repræsentant for beskæftigelses-, sundheds- og socialområdet samt regionens
          sundhedskoordinator. UU deltager, når en borger på dagsordenen er under 30 år. Tøm navn og titel for at fjerne
          et medlem; brug &quot;Tilføj medlem&quot; for flere rækker.
        </p>
        {errors.members ? (
          <span className="form-error-message">
            <span className="visually-hidden">Fejl: </span>
            {errors.members}
          </span>
        ) : null}
        {rows.map((m, i) => (
          <div className="field-row team-field-row team-member-row" key={i}>
            <SelectField
              name={`members.${i}.area`}
              label={`Medlem ${i + 1}: område`}
              options={AREA_OPTIONS}
              defaultValue={m.area}
              error={errors[`members.${i}.area`]}
            />
            <TextField
              name={`members.${i}.name`}
              label={`Medlem ${i + 1}: navn`}
              defaultValue={m.name}
              error={errors[`members.${i}.name`]}
              autoComplete="off"
            />
            <TextField
              name={`members.${i}.title`}
              label={`Medlem ${i + 1}: titel`}
              defaultValue={m.title}
              error={errors[`members.${i}.title`]}
              autoComplete="off"
            />
          </div>
        ))}
      </fieldset>
      <div>
        {/* The primary button comes first, so Enter in a field saves. */}
        <button type="submit" name="intent" value={intent ?? "save"} className="button button-primary">
          {submitLabel}
        </button>{" "}
        <button type="submit" name="intent" value="addMember" className="button button-secondary">
          Tilføj medlem
        </button>{" "}
        <Link to={cancelTo} className="button button-tertiary">
          Annullér
        </Link>
      </div>
    </Form>
  );
}
