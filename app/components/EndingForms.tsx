import { Form } from "react-router";
import { CsrfInput } from "./CsrfInput";
import { ErrorSummary, TextField, fieldId } from "./fields";
import { CheckboxGroup, RadioGroup, TextArea } from "./fields-extra";
import { formatIsoDate } from "~/app/lib/format";
import {
  E2_PATHS,
  E2_TARGET_GROUPS,
  EARLY_GROUNDS,
  NEXT_STEPS,
  NEXT_STEP_STAGES,
  OUTCOMES,
  STATUS_AFTER_3_MONTHS,
} from "~/modules/afslutning";

/*
 * The forms of the Afslutning page (D-6, E-1..E-4, ST-7). Every field is named after its form ("next.step",
 * "end.e2.path", …) so the four forms can share a page without sharing element ids, and the route reads each form's
 * fields with formToTree(form, prefix). Values come back after an error, so nothing typed is lost.
 */

export type FormValues = Record<string, unknown>;

function get(values: FormValues | null | undefined, path: string): unknown {
  let node: unknown = values;
  for (const part of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const text = (values: FormValues | null | undefined, path: string): string => {
  const v = get(values, path);
  if (Array.isArray(v)) return v.join("\n");
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
};

const options = (map: Record<string, string | { label: string }>) =>
  Object.entries(map).map(([value, l]) => ({ value, label: typeof l === "string" ? l : l.label }));

/** A single checkbox that posts "true" when ticked. */
function Checkbox(props: { name: string; label: string; checked: boolean; error?: string; hint?: string }) {
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
      </div>
      {props.hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
    </div>
  );
}

/** The field errors of one form, keyed by the prefixed field names, for the error summary and the fields. */
export function prefixed(prefix: string, errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}.${k}`, v]));
}

/** E-2: the two paths to kontanthjælp, with what each needs (LAB § 113, stk. 2; skrivelse 10112 §6.5, §6.7). */
export function EndingE2Fields({
  prefix,
  values,
  errors,
}: {
  prefix: string;
  values: FormValues | null;
  errors: Record<string, string>;
}) {
  const n = (k: string) => `${prefix}.e2.${k}`;
  const open = Object.keys(errors).some((k) => k.startsWith(`${prefix}.e2.`)) || Boolean(get(values, "e2.path"));
  return (
    <details className="ending-details" open={open || undefined}>
      <summary>Kun ved kontanthjælp eller uddannelseshjælp: betingelserne i E-2</summary>
      <fieldset className="ending-fieldset stack">
        <legend className="h4">Betingelserne for kontanthjælp (E-2)</legend>
        <p className="form-hint">
          Borgeren kan kun overgå til kontanthjælp ad en af to veje (E-2; LAB § 113, stk. 2; skrivelse 10112 §6.5,
          §6.7). Udfyld den vej, der er opfyldt.
        </p>
        <RadioGroup
          name={n("path")}
          legend="Hvilken betingelse er opfyldt?"
          options={options(E2_PATHS)}
          value={text(values, "e2.path")}
          error={errors[n("path")]}
        />
        <TextArea
          name={n("evidence")}
          label="Vej 1: Dokumentation for den positive udvikling"
          hint="Én oplysning pr. linje, fx lægeerklæring, praktikforløb eller arbejdsprøvning med dato."
          defaultValue={text(values, "e2.evidence")}
          error={errors[n("evidence")]}
          rows={3}
        />
        <CheckboxGroup
          name={n("notInTargetGroupFor")}
          legend="Vej 1: Borgeren er ikke længere i målgruppen for"
          hint="Alle tre skal være vurderet."
          options={options(E2_TARGET_GROUPS)}
          values={get(values, "e2.notInTargetGroupFor")}
          error={errors[n("notInTargetGroupFor")]}
        />
        <TextField
          name={n("assessedOn")}
          label="Vej 1: Vurderet den"
          type="date"
          width="s"
          defaultValue={text(values, "e2.assessedOn")}
          error={errors[n("assessedOn")]}
        />
        <Checkbox
          name={n("notInTargetGroupFleksjobFoertidspension")}
          label="Vej 2: Kommunen har vurderet, at borgeren ikke er i målgruppen for førtidspension eller fleksjob"
          checked={get(values, "e2.notInTargetGroupFleksjobFoertidspension") === true}
          error={errors[n("notInTargetGroupFleksjobFoertidspension")]}
        />
        <Checkbox
          name={n("explicitlyDeclinedNewForloeb")}
          label="Vej 2: Borgeren har udtrykkeligt sagt nej til et nyt ressourceforløb"
          hint="Skrivelsens §6.7 nævner kun denne vej for borgere over 50 år; er borgeren yngre, så begrund overgangen konkret."
          checked={get(values, "e2.explicitlyDeclinedNewForloeb") === true}
          error={errors[n("explicitlyDeclinedNewForloeb")]}
        />
        <TextField
          name={n("declinedOn")}
          label="Vej 2: Borgeren sagde nej den"
          type="date"
          width="s"
          defaultValue={text(values, "e2.declinedOn")}
          error={errors[n("declinedOn")]}
        />
        <TextArea
          name={n("reason")}
          label="Begrundelse for vurderingen (E-2)"
          defaultValue={text(values, "e2.reason")}
          error={errors[n("reason")]}
          rows={3}
        />
      </fieldset>
    </details>
  );
}

/** D-6: the next step, and for a step that needs the team whether it is with the team or decided. */
export function EndingNextStepForm(props: {
  version: number;
  values: FormValues | null;
  errors: Record<string, string>;
  asOf: string;
  presentTo: string;
  newForloebNote: string | null;
}) {
  const { values, errors } = props;
  const teamSteps = Object.entries(NEXT_STEPS)
    .filter(([, s]) => s.viaTeam)
    .map(([, s]) => s.label.toLowerCase())
    .join(", ");
  return (
    <Form method="post" noValidate className="stack ending-form" aria-labelledby="next-form-heading">
      <h3 id="next-form-heading">Registrér næste skridt</h3>
      <ErrorSummary errors={errors} />
      <CsrfInput />
      <input type="hidden" name="next.version" value={props.version} />
      <RadioGroup
        name="next.step"
        legend="Hvad skal der ske efter forløbet?"
        hint={`${teamSteps.charAt(0).toUpperCase()}${teamSteps.slice(1)} kræver ${props.presentTo}s indstilling først (D-6).`}
        options={options(NEXT_STEPS)}
        value={text(values, "step")}
        error={errors["next.step"]}
      />
      {props.newForloebNote ? <p className="form-hint">{props.newForloebNote}</p> : null}
      <RadioGroup
        name="next.stage"
        legend="Kun for nyt forløb, fleksjob og førtidspension: hvor langt er sagen?"
        hint="Vælger du at forelægge sagen, fortsætter forløbet, indtil afgørelsen er truffet (D-5). Et nyt forløb oprettes som en ny sag, der går gennem visitationen og teamet."
        options={options(NEXT_STEP_STAGES)}
        value={text(values, "stage")}
        error={errors["next.stage"]}
      />
      <Checkbox
        name="next.citizenWishes"
        label="Kun for nyt forløb: borgeren ønsker selv et nyt forløb (D-2, TG-6)"
        checked={get(values, "citizenWishes") === true}
        error={errors["next.citizenWishes"]}
      />
      <TextField
        name="next.decidedOn"
        label="Afgørelsen om næste skridt blev truffet den"
        hint="Udfyldes, når næste skridt er besluttet – ikke når sagen blot forelægges teamet."
        type="date"
        width="s"
        defaultValue={text(values, "decidedOn")}
        error={errors["next.decidedOn"]}
      />
      <TextArea
        name="next.note"
        label="Begrundelse og aftaler"
        defaultValue={text(values, "note")}
        error={errors["next.note"]}
        rows={3}
      />
      <EndingE2Fields prefix="next" values={values} errors={errors} />
      <div>
        <button type="submit" name="intent" value="nextStep" className="button button-primary">
          Gem næste skridt
        </button>
      </div>
    </Form>
  );
}

/** E-1: the outcome and the end date; E-3 refuses the 6-year line; E-2 for kontanthjælp. */
export function EndingEndForm(props: {
  version: number;
  values: FormValues | null;
  errors: Record<string, string>;
  asOf: string;
  effectiveEnd: string;
}) {
  const { values, errors } = props;
  const outcomes = Object.fromEntries(Object.entries(OUTCOMES).filter(([k]) => k !== "lackOfParticipation"));
  return (
    <Form method="post" noValidate className="stack ending-form" aria-labelledby="end-form-heading">
      <h3 id="end-form-heading">Afslut forløbet</h3>
      <ErrorSummary errors={errors} />
      <CsrfInput />
      <input type="hidden" name="end.version" value={props.version} />
      <RadioGroup
        name="end.outcome"
        legend="Udfald (E-1)"
        hint="Ophør på grund af manglende medvirken er en afgørelse med brev: brug formularen nedenfor (E-4)."
        options={options(outcomes)}
        value={text(values, "outcome")}
        error={errors["end.outcome"]}
      />
      <TextField
        name="end.endedOn"
        label="Forløbet sluttede den"
        hint={`Forløbets slutdato er ${formatIsoDate(props.effectiveEnd)}. Datoen kan ikke ligge efter i dag.`}
        type="date"
        width="s"
        defaultValue={text(values, "endedOn") || props.asOf}
        error={errors["end.endedOn"]}
      />
      <RadioGroup
        name="end.earlyGround"
        legend="Kun hvis forløbet slutter før slutdatoen: hvorfor?"
        hint="Et forløb kan ikke stoppes, fordi borgeren når 6-års-grænsen til folkepensionsalderen (E-3)."
        options={options(EARLY_GROUNDS)}
        value={text(values, "earlyGround")}
        error={errors["end.earlyGround"]}
      />
      <TextArea
        name="end.reasons"
        label="Begrundelse"
        defaultValue={text(values, "reasons")}
        error={errors["end.reasons"]}
        rows={3}
      />
      <EndingE2Fields prefix="end" values={values} errors={errors} />
      <div>
        <button type="submit" name="intent" value="end" className="button button-primary">
          Afslut forløbet
        </button>
      </div>
    </Form>
  );
}

/** E-4: ending for lack of participation, one decision for the forløb and the ydelse, with a letter. */
export function EndingLackOfParticipationForm(props: {
  version: number;
  values: FormValues | null;
  errors: Record<string, string>;
  asOf: string;
}) {
  const { values, errors } = props;
  return (
    <Form method="post" noValidate className="stack ending-form" aria-labelledby="e4-form-heading">
      <h3 id="e4-form-heading">Træf afgørelse om ophør (E-4)</h3>
      <ErrorSummary errors={errors} />
      <CsrfInput />
      <input type="hidden" name="e4.version" value={props.version} />
      <TextField
        name="e4.endsOn"
        label="Sidste dag i forløbet og med ressourceforløbsydelse"
        hint="Afgørelsen kan ikke få virkning bagud i tid."
        type="date"
        width="s"
        defaultValue={text(values, "endsOn") || props.asOf}
        error={errors["e4.endsOn"]}
      />
      <TextArea
        name="e4.failures"
        label="Hvad har borgeren ikke medvirket til?"
        defaultValue={text(values, "failures")}
        error={errors["e4.failures"]}
        rows={3}
      />
      <TextArea
        name="e4.contactAttempts"
        label="Forsøg på at komme i personlig kontakt med borgeren"
        hint="Alle rimelige muligheder skal være udtømt (skrivelse 10112 §6.6): opkald, breve, hjemmebesøg, netværk, mentor."
        defaultValue={text(values, "contactAttempts")}
        error={errors["e4.contactAttempts"]}
        rows={3}
      />
      <TextArea
        name="e4.reasonableGroundAssessment"
        label="Vurdering af rimelig grund (LAS § 13, stk. 7-8)"
        hint="Fx sygdom, risiko for helbredet, alvorlig psykisk sygdom – og om et ophør overhovedet fremmer rådigheden."
        defaultValue={text(values, "reasonableGroundAssessment")}
        error={errors["e4.reasonableGroundAssessment"]}
        rows={3}
      />
      <Checkbox
        name="e4.noReasonableGround"
        label="Der er efter en konkret vurdering ikke en rimelig grund"
        checked={get(values, "noReasonableGround") === true}
        error={errors["e4.noReasonableGround"]}
      />
      <TextField
        name="e4.heardOn"
        label="Borgeren blev partshørt den"
        hint="Forvaltningslovens § 19: borgeren skal have mulighed for at komme med sine bemærkninger før afgørelsen."
        type="date"
        width="s"
        defaultValue={text(values, "heardOn")}
        error={errors["e4.heardOn"]}
      />
      <TextArea
        name="e4.citizenComments"
        label="Borgerens bemærkninger (hvis nogen)"
        defaultValue={text(values, "citizenComments")}
        error={errors["e4.citizenComments"]}
        rows={2}
      />
      <TextArea
        name="e4.reasons"
        label="Begrundelse for afgørelsen"
        defaultValue={text(values, "reasons")}
        error={errors["e4.reasons"]}
        rows={4}
      />
      <div>
        <button type="submit" name="intent" value="lackOfParticipation" className="button button-primary">
          Træf afgørelsen og send brevet
        </button>
      </div>
    </Form>
  );
}

/** ST-7: where the citizen is three months after the end. */
export function EndingStatusAfterForm(props: {
  version: number;
  values: FormValues | null;
  errors: Record<string, string>;
  current: string | null;
}) {
  const { values, errors } = props;
  return (
    <Form method="post" noValidate className="stack ending-form" aria-labelledby="st7-form-heading">
      <h3 id="st7-form-heading" className="h4">
        {props.current ? "Ret status 3 måneder efter" : "Registrér status 3 måneder efter"}
      </h3>
      <ErrorSummary errors={errors} />
      <CsrfInput />
      <input type="hidden" name="st7.version" value={props.version} />
      <RadioGroup
        name="st7.status"
        legend="Borgerens status 3 måneder efter forløbet (ST-7)"
        options={options(STATUS_AFTER_3_MONTHS)}
        value={text(values, "status") || props.current || ""}
        error={errors["st7.status"]}
      />
      <TextField
        name="st7.note"
        label="Bemærkning (valgfri)"
        defaultValue={text(values, "note")}
        error={errors["st7.note"]}
      />
      <div>
        <button type="submit" name="intent" value="statusAfter3Months" className="button button-secondary">
          Gem status
        </button>
      </div>
    </Form>
  );
}
