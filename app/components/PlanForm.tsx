import { Form } from "react-router";
import {
  DELMAAL_AREAS,
  DELMAAL_AREA_KEYS,
  followUpRequirement,
  GOAL_TYPES,
  INTERVENTION_FORMS,
  LEGAL_BASES,
  PLAN_MIN_MONTHS,
  planFieldLabels,
  ruleBasis,
  type PlanContent,
} from "~/modules/plan";
import { CsrfInput } from "./CsrfInput";
import { ErrorSummary, fieldId, SelectField, TextField } from "./fields";
import { TextArea } from "./fields-extra";

/** The plan form as the user fills it in: strings, rows in the order shown. */
export interface PlanFormValues {
  version: number;
  goal: { type: string; text: string };
  delmaal: { id: string; area: string; text: string; reason: string }[];
  interventions: {
    id: string;
    title: string;
    legalBasis: string;
    provider: string;
    shortTermGoal: string;
    form: string;
    plannedStart: string;
    plannedEnd: string;
  }[];
  followUp: { how: string };
  mentor: { has: string; name: string; contact: string; role: string; tasks: string };
  period: { from: string; to: string };
  changeNote: string;
}

const MAX_ROWS = 50;

/** Reads the posted plan form. Rows left blank or marked for removal are dropped (as network rows are). */
export function readPlanForm(form: FormData): PlanFormValues {
  const text = (key: string) => String(form.get(key) ?? "");
  const delmaal: PlanFormValues["delmaal"] = [];
  for (let i = 0; i < Math.min(Number(form.get("delmaalRows") ?? 0), MAX_ROWS); i++) {
    const p = `delmaal.${i}.`;
    if (form.get(`${p}remove`) === "on") continue;
    const row = { id: text(`${p}id`), area: text(`${p}area`), text: text(`${p}text`), reason: text(`${p}reason`) };
    // The area of an empty row may be preset; a row counts once something is written in it.
    if (!row.text.trim() && !row.reason.trim()) continue;
    delmaal.push(row);
  }
  const interventions: PlanFormValues["interventions"] = [];
  for (let i = 0; i < Math.min(Number(form.get("interventionRows") ?? 0), MAX_ROWS); i++) {
    const p = `interventions.${i}.`;
    if (form.get(`${p}remove`) === "on") continue;
    const row = {
      id: text(`${p}id`),
      title: text(`${p}title`),
      legalBasis: text(`${p}legalBasis`),
      provider: text(`${p}provider`),
      shortTermGoal: text(`${p}shortTermGoal`),
      form: text(`${p}form`),
      plannedStart: text(`${p}plannedStart`),
      plannedEnd: text(`${p}plannedEnd`),
    };
    const { id: _id, ...fields } = row;
    if (Object.values(fields).every((v) => !v.trim())) continue;
    interventions.push(row);
  }
  return {
    version: Number(form.get("version") ?? 0),
    goal: { type: text("goal.type"), text: text("goal.text") },
    delmaal,
    interventions,
    followUp: { how: text("followUp.how") },
    mentor: {
      has: text("mentor.has"),
      name: text("mentor.name"),
      contact: text("mentor.contact"),
      role: text("mentor.role"),
      tasks: text("mentor.tasks"),
    },
    period: { from: text("period.from"), to: text("period.to") },
    changeNote: text("changeNote"),
  };
}

export function planToFormValues(c: PlanContent, version: number): PlanFormValues {
  return {
    version,
    goal: { ...c.goal },
    delmaal: c.delmaal.map((d) => ({ ...d })),
    interventions: c.interventions.map((i) => ({ ...i, plannedEnd: i.plannedEnd ?? "" })),
    followUp: { ...c.followUp },
    mentor: {
      has: c.mentor.has ? "true" : "false",
      name: c.mentor.name ?? "",
      contact: c.mentor.contact ?? "",
      role: c.mentor.role ?? "",
      tasks: c.mentor.tasks.join("\n"),
    },
    period: { ...c.period },
    changeNote: "",
  };
}

/** A first plan: one delmål row per area of PL-2 and the default period of PL-5. */
export function newPlanFormValues(period: { from: string; to: string }): PlanFormValues {
  return {
    version: 0,
    goal: { type: "", text: "" },
    delmaal: DELMAAL_AREA_KEYS.map((area) => ({ id: "", area, text: "", reason: "" })),
    interventions: [],
    followUp: { how: "" },
    mentor: { has: "", name: "", contact: "", role: "", tasks: "" },
    period,
    changeNote: "",
  };
}

const areaOptions = Object.entries(DELMAAL_AREAS).map(([value, label]) => ({ value, label }));
const basisOptions = Object.entries(LEGAL_BASES).map(([value, label]) => ({ value, label }));

function Radios({
  name,
  legend,
  hint,
  value,
  error,
  options,
}: {
  name: string;
  legend: string;
  hint?: string;
  value: string;
  error?: string;
  options: { value: string; label: string; hint?: string }[];
}) {
  const id = fieldId(name);
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <fieldset className={`form-group${error ? " form-error" : ""}`} aria-describedby={described || undefined}>
      <legend className="form-label">{legend}</legend>
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
      {options.map((o, n) => (
        <div className="form-group-radio" key={o.value}>
          <input
            className="form-radio"
            type="radio"
            // The first radio carries the field's id, so the error summary's link lands on the group.
            id={n === 0 ? id : `${id}-${o.value}`}
            name={name}
            value={o.value}
            defaultChecked={value === o.value}
            aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
          />
          <label className="form-label" htmlFor={n === 0 ? id : `${id}-${o.value}`}>
            {o.label}
          </label>
          {o.hint ? (
            <span className="form-hint plan-radio-hint" id={`${id}-${o.value}-hint`}>
              {o.hint}
            </span>
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}

export function PlanForm({
  values,
  errors,
  extraDelmaal = 0,
  extraInterventions = 0,
  savedDelmaal,
  savedInterventions,
  asOf,
  action,
}: {
  values: PlanFormValues;
  errors: Record<string, string>;
  extraDelmaal?: number;
  extraInterventions?: number;
  /** Ids of the rows in the current revision: only those get a "remove" box. */
  savedDelmaal: string[];
  savedInterventions: string[];
  asOf: string;
  /** The page's path: buttons post there with a hash that tells where to land afterwards. */
  action: string;
}) {
  // No delmål yet: one row per area of PL-2, so the four areas are in view.
  const firstDelmaal =
    values.delmaal.length > 0
      ? values.delmaal
      : DELMAAL_AREA_KEYS.map((area) => ({ id: "", area, text: "", reason: "" }));
  const delmaal = [
    ...firstDelmaal,
    ...Array.from({ length: extraDelmaal }, () => ({ id: "", area: "", text: "", reason: "" })),
  ];
  const interventions = [
    ...values.interventions,
    ...Array.from({ length: extraInterventions }, () => ({
      id: "",
      title: "",
      legalBasis: "",
      provider: "",
      shortTermGoal: "",
      form: "",
      plannedStart: "",
      plannedEnd: "",
    })),
  ];
  const e = errors;
  const fu = followUpRequirement(asOf);
  return (
    <Form method="post" noValidate className="stack plan-form">
      <ErrorSummary errors={errors} labels={planFieldLabels(delmaal.length, interventions.length)} />
      {/* Enter in a field saves: implicit submission uses the first submit button, so it is this one, not "add row". */}
      <button
        type="submit"
        name="intent"
        value="save"
        formAction={`${action}#plan-edit`}
        className="visually-hidden"
        tabIndex={-1}
      >
        Gem planen
      </button>
      <CsrfInput />
      <input type="hidden" name="version" value={values.version} />
      <input type="hidden" name="delmaalRows" value={delmaal.length} />
      <input type="hidden" name="interventionRows" value={interventions.length} />

      <fieldset className="plan-section">
        <legend className="h3">Mål (PL-1)</legend>
        <Radios
          name="goal.type"
          legend="Hvilken slags mål?"
          hint="Et konkret job- eller uddannelsesmål. Er det ikke muligt, et overordnet mål: en branche eller jobfunktion."
          value={values.goal.type}
          error={e["goal.type"]}
          options={Object.entries(GOAL_TYPES).map(([value, label]) => ({ value, label }))}
        />
        <TextArea name="goal.text" label="Målet" defaultValue={values.goal.text} error={e["goal.text"]} rows={2} />
      </fieldset>

      <fieldset className="plan-section" id={fieldId("delmaal")}>
        <legend className="h3">Delmål (PL-2)</legend>
        <p className="muted">
          Delmål inden for beskæftigelse, uddannelse, sundhed og det sociale, der skal føre til målet, hver med en
          begrundelse. Tomme rækker gemmes ikke.
        </p>
        {e.delmaal ? (
          <p className="form-error-message">
            <span className="visually-hidden">Fejl: </span>
            {e.delmaal}
          </p>
        ) : null}
        {delmaal.map((d, i) => (
          <fieldset className="plan-row" key={i} id={i === delmaal.length - 1 ? "plan-delmaal-last" : undefined}>
            <legend>Delmål {i + 1}</legend>
            <input type="hidden" name={`delmaal.${i}.id`} value={d.id} />
            <SelectField
              name={`delmaal.${i}.area`}
              label="Område"
              options={areaOptions}
              defaultValue={d.area}
              error={e[`delmaal.${i}.area`]}
            />
            <TextArea
              name={`delmaal.${i}.text`}
              label="Delmål"
              defaultValue={d.text}
              error={e[`delmaal.${i}.text`]}
              rows={2}
            />
            <TextArea
              name={`delmaal.${i}.reason`}
              label="Begrundelse"
              defaultValue={d.reason}
              error={e[`delmaal.${i}.reason`]}
              rows={2}
            />
            {d.id && savedDelmaal.includes(d.id) ? (
              <div className="form-group-checkbox">
                <input
                  className="form-checkbox"
                  type="checkbox"
                  id={`delmaal-${i}-remove`}
                  name={`delmaal.${i}.remove`}
                />
                <label htmlFor={`delmaal-${i}-remove`}>Fjern delmål {i + 1} fra planen</label>
              </div>
            ) : null}
          </fieldset>
        ))}
        <button
          type="submit"
          name="intent"
          value="addDelmaal"
          formAction={`${action}#plan-delmaal-last`}
          className="button button-secondary"
        >
          Tilføj et delmål
        </button>
      </fieldset>

      <fieldset className="plan-section" id={fieldId("interventions")}>
        <legend className="h3">Indsatser (PL-3, PL-6)</legend>
        <p className="muted">
          Konkrete tilbud og aftalte aktiviteter med mål på kort sigt, hvem i kommunen der yder dem, og hjemmel. Et
          fleksjob kan ikke være en indsats ({ruleBasis("PL-7")}). Tomme rækker gemmes ikke.
        </p>
        {e.interventions ? (
          <p className="form-error-message">
            <span className="visually-hidden">Fejl: </span>
            {e.interventions}
          </p>
        ) : null}
        {interventions.map((x, i) => (
          <fieldset
            className="plan-row"
            key={i}
            id={i === interventions.length - 1 ? "plan-intervention-last" : undefined}
          >
            <legend>Indsats {i + 1}</legend>
            <input type="hidden" name={`interventions.${i}.id`} value={x.id} />
            <TextField
              name={`interventions.${i}.title`}
              label="Indsats"
              hint="Fx Virksomhedspraktik på et lager, Kursus i at håndtere smerter"
              defaultValue={x.title}
              error={e[`interventions.${i}.title`]}
            />
            <div className="field-row">
              <SelectField
                name={`interventions.${i}.legalBasis`}
                label="Hjemmel"
                options={basisOptions}
                defaultValue={x.legalBasis}
                error={e[`interventions.${i}.legalBasis`]}
              />
              <TextField
                name={`interventions.${i}.provider`}
                label="Udføres af (del af kommunen)"
                defaultValue={x.provider}
                error={e[`interventions.${i}.provider`]}
              />
            </div>
            <TextArea
              name={`interventions.${i}.shortTermGoal`}
              label="Mål på kort sigt"
              defaultValue={x.shortTermGoal}
              error={e[`interventions.${i}.shortTermGoal`]}
              rows={2}
            />
            <Radios
              name={`interventions.${i}.form`}
              legend="Tilbud eller aftalt aktivitet? (PL-6)"
              value={x.form}
              error={e[`interventions.${i}.form`]}
              options={Object.entries(INTERVENTION_FORMS).map(([value, f]) => ({
                value,
                label: f.label,
                hint: f.explanation,
              }))}
            />
            <div className="field-row">
              <TextField
                name={`interventions.${i}.plannedStart`}
                label="Planlagt start"
                type="date"
                defaultValue={x.plannedStart}
                error={e[`interventions.${i}.plannedStart`]}
                width="s"
              />
              <TextField
                name={`interventions.${i}.plannedEnd`}
                label="Planlagt slut (valgfri)"
                type="date"
                defaultValue={x.plannedEnd}
                error={e[`interventions.${i}.plannedEnd`]}
                width="s"
              />
            </div>
            {x.id && savedInterventions.includes(x.id) ? (
              <div className="form-group-checkbox">
                <input
                  className="form-checkbox"
                  type="checkbox"
                  id={`interventions-${i}-remove`}
                  name={`interventions.${i}.remove`}
                />
                <label htmlFor={`interventions-${i}-remove`}>Fjern indsats {i + 1} fra planen</label>
              </div>
            ) : null}
          </fieldset>
        ))}
        <button
          type="submit"
          name="intent"
          value="addIntervention"
          formAction={`${action}#plan-intervention-last`}
          className="button button-secondary"
        >
          Tilføj en indsats
        </button>
      </fieldset>

      <fieldset className="plan-section">
        <legend className="h3">Opfølgning og mentor (PL-4)</legend>
        <TextArea
          name="followUp.how"
          label="Sådan følger vi op"
          hint={`Hvor ofte og hvordan I holder samtaler.${fu ? ` Mindst ${fu.required} samtaler i forløbets første ${fu.windowMonths} måneder (FU-1); derefter efter aftale med borgeren.` : ""}`}
          defaultValue={values.followUp.how}
          error={e["followUp.how"]}
          rows={3}
        />
        <Radios
          name="mentor.has"
          legend="Har borgeren en mentor?"
          hint={`En borger i ressourceforløb bør som udgangspunkt tilbydes mentor (${ruleBasis("MT-1")}).`}
          value={values.mentor.has}
          error={e["mentor.has"]}
          options={[
            { value: "true", label: "Ja" },
            { value: "false", label: "Nej" },
          ]}
        />
        <div className="field-row">
          <TextField
            name="mentor.name"
            label="Mentorens navn (valgfri)"
            hint="Vises i borgerens Min Plan (MT-4)."
            defaultValue={values.mentor.name}
            error={e["mentor.name"]}
          />
          <TextField
            name="mentor.contact"
            label="Mentorens kontakt (valgfri)"
            hint="Telefon eller e-mail."
            defaultValue={values.mentor.contact}
            error={e["mentor.contact"]}
          />
        </div>
        <TextArea
          name="mentor.role"
          label="Mentorens rolle"
          defaultValue={values.mentor.role}
          error={e["mentor.role"]}
          rows={2}
        />
        <TextArea
          name="mentor.tasks"
          label="Mentorens mål og opgaver, det vigtigste først (MT-2)"
          hint="Én pr. linje, i prioriteret rækkefølge."
          defaultValue={values.mentor.tasks}
          error={e["mentor.tasks"]}
          rows={3}
        />
      </fieldset>

      <fieldset className="plan-section">
        <legend className="h3">Planperiode (PL-5)</legend>
        <p className="muted">
          Indsatsen fastsættes for mindst {PLAN_MIN_MONTHS} måneder ad gangen ({ruleBasis("PL-5")}).
        </p>
        <div className="field-row">
          <TextField
            name="period.from"
            label="Fra"
            type="date"
            defaultValue={values.period.from}
            error={e["period.from"]}
            width="s"
          />
          <TextField
            name="period.to"
            label="Til"
            type="date"
            defaultValue={values.period.to}
            error={e["period.to"]}
            width="s"
          />
        </div>
      </fieldset>

      <TextArea
        name="changeNote"
        label="Hvad er ændret, og hvorfor? (valgfri)"
        hint="Gemmes med revisionen og vises i historikken."
        defaultValue={values.changeNote}
        error={e.changeNote}
        rows={2}
      />
      <div className="button-row">
        <button
          type="submit"
          name="intent"
          value="save"
          formAction={`${action}#plan-edit`}
          className="button button-primary"
        >
          {values.version === 0 ? "Gem planen" : "Gem ny revision"}
        </button>
      </div>
      <p className="muted plan-asof">Regler vurderet pr. {asOf.split("-").reverse().join(".")}.</p>
    </Form>
  );
}
