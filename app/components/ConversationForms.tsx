import { Form, Link } from "react-router";
import { formatIsoDate } from "~/app/lib/format";
import {
  CONTACT_CHANNEL_KEYS,
  CONTACT_CHANNEL_LABELS,
  MODE_KEYS,
  MODES,
  REASONABLE_GROUND_KEYS,
  REASONABLE_GROUND_LABELS,
  ruleBasis,
} from "~/modules/opfoelgning";
import { CsrfInput } from "./CsrfInput";
import { Alert, ErrorSummary, SelectField, TextField } from "./fields";
import { CheckboxGroup, RadioGroup, TextArea } from "./fields-extra";

/*
 * The forms of the Samtaler page. Every field name has a prefix per form ("schedule.", "held.", "fu4."), so two
 * forms on one page never share an element id; the route strips the prefix before calling the module.
 */

export interface ScheduleValues {
  date: string;
  time: string;
  mode: string;
  participants: string[];
  notes: string;
  requestId: string;
}

export interface HeldValues {
  conversationId: string;
  version: string;
  date: string;
  time: string;
  mode: string;
  participants: string[];
  notes: string;
  nextDate: string;
  nextTime: string;
  nextMode: string;
  nextParticipants: string[];
}

export interface Fu4Values {
  conversationId: string;
  version: string;
  attempts: { date: string; channel: string; outcome: string }[];
  groundExists: string;
  groundKind: string;
  groundReason: string;
  attemptsExhausted: string;
  sanctionWouldImprove: string;
}

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};
const list = (form: FormData, key: string) => form.getAll(`${key}[]`).map(String);

export function readScheduleForm(form: FormData): ScheduleValues {
  return {
    date: text(form, "schedule.date"),
    time: text(form, "schedule.time"),
    mode: text(form, "schedule.mode"),
    participants: list(form, "schedule.participants"),
    notes: text(form, "schedule.notes"),
    requestId: text(form, "schedule.requestId"),
  };
}

export function readHeldForm(form: FormData): HeldValues {
  return {
    conversationId: text(form, "held.conversationId"),
    version: text(form, "held.version"),
    date: text(form, "held.date"),
    time: text(form, "held.time"),
    mode: text(form, "held.mode"),
    participants: list(form, "held.participants"),
    notes: text(form, "held.notes"),
    nextDate: text(form, "held.nextDate"),
    nextTime: text(form, "held.nextTime"),
    nextMode: text(form, "held.nextMode"),
    nextParticipants: list(form, "held.nextParticipants"),
  };
}

const MAX_ATTEMPT_ROWS = 50;

/** Reads the FU-4 form. Rows left blank are dropped, as in the other forms with rows. */
export function readFu4Form(form: FormData): Fu4Values {
  const attempts: Fu4Values["attempts"] = [];
  const rows = Math.min(Number(form.get("fu4.attemptRows") ?? 0) || 0, MAX_ATTEMPT_ROWS);
  for (let i = 0; i < rows; i++) {
    const row = {
      date: text(form, `fu4.attempts.${i}.date`),
      channel: text(form, `fu4.attempts.${i}.channel`),
      outcome: text(form, `fu4.attempts.${i}.outcome`),
    };
    if (!row.date.trim() && !row.channel && !row.outcome.trim()) continue;
    attempts.push(row);
  }
  return {
    conversationId: text(form, "fu4.conversationId"),
    version: text(form, "fu4.version"),
    attempts,
    groundExists: text(form, "fu4.groundExists"),
    groundKind: text(form, "fu4.groundKind"),
    groundReason: text(form, "fu4.groundReason"),
    attemptsExhausted: text(form, "fu4.attemptsExhausted"),
    sanctionWouldImprove: text(form, "fu4.sanctionWouldImprove"),
  };
}

/** A module's field errors ("attempts.0.date") under the form's prefix ("fu4.attempts.0.date"). */
export function prefixed(prefix: string, errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}.${k}`, v]));
}

const MODE_OPTIONS = MODE_KEYS.map((k) => ({ value: k, label: MODES[k] }));

export type ParticipantOptions = readonly { value: string; label: string }[];

function TimeField(props: { name: string; label: string; value: string; error?: string }) {
  return (
    <TextField
      name={props.name}
      label={props.label}
      hint="TT:MM, fx 10:00"
      defaultValue={props.value}
      error={props.error}
      inputMode="numeric"
      autoComplete="off"
      width="xs"
    />
  );
}

const SCHEDULE_LABELS = {
  "schedule.date": "Dato",
  "schedule.time": "Klokkeslæt",
  "schedule.mode": "Samtaleform",
  "schedule.participants": "Deltagere",
  "schedule.notes": "Emne",
  "schedule.requestId": "Henvendelse",
};

/** Plan a conversation; from a citizen's request the request is handled in the same step. */
export function ScheduleForm({
  values,
  errors,
  participants,
  fromRequest,
  cancelHref,
}: {
  values: ScheduleValues;
  errors: Record<string, string>;
  participants: ParticipantOptions;
  fromRequest: { message: string; createdAt: string } | null;
  cancelHref: string;
}) {
  return (
    <Form method="post" className="stack followup-form" noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value="schedule" />
      <input type="hidden" name="schedule.requestId" value={values.requestId} />
      <ErrorSummary errors={errors} labels={SCHEDULE_LABELS} />
      {fromRequest ? (
        <Alert kind="info" heading="Samtalen bookes på borgerens henvendelse fra Min Plan">
          <p className="followup-quote">“{fromRequest.message}”</p>
          <p className="muted">
            Sendt {fromRequest.createdAt}. Henvendelsen markeres som behandlet, når samtalen er planlagt.{" "}
            <Link to={cancelHref}>Planlæg uden henvendelsen</Link>
          </p>
        </Alert>
      ) : null}
      <div className="field-row">
        <TextField
          name="schedule.date"
          label="Dato"
          type="date"
          defaultValue={values.date}
          error={errors["schedule.date"]}
          required
          width="s"
        />
        <TimeField name="schedule.time" label="Klokkeslæt" value={values.time} error={errors["schedule.time"]} />
      </div>
      <SelectField
        name="schedule.mode"
        label="Samtaleform"
        hint="Telefon, video og digital kun, når borgeren er i et beskæftigelsesrettet tilbud (FU-2)."
        options={MODE_OPTIONS}
        defaultValue={values.mode}
        error={errors["schedule.mode"]}
        required
      />
      <CheckboxGroup
        name="schedule.participants"
        legend="Hvem deltager ud over borgeren og dig?"
        hint="Borgeren kan tage en bisidder med; netværket kan deltage, hvis borgeren ønsker det (P-9)."
        options={participants}
        values={values.participants}
        error={errors["schedule.participants"]}
      />
      <TextArea
        name="schedule.notes"
        label="Emne (valgfrit)"
        hint="Fx hvad borgeren vil tale om. Bliver stående, når samtalen registreres som holdt."
        defaultValue={values.notes}
        error={errors["schedule.notes"]}
        rows={3}
      />
      <button type="submit" className="button button-primary">
        Planlæg samtalen
      </button>
    </Form>
  );
}

const HELD_LABELS = {
  "held.conversationId": "Samtale",
  "held.version": "Samtale",
  "held.date": "Dato",
  "held.time": "Klokkeslæt",
  "held.mode": "Samtaleform",
  "held.participants": "Deltagere",
  "held.notes": "Referat",
  "held.nextDate": "Næste samtale: dato",
  "held.nextTime": "Næste samtale: klokkeslæt",
  "held.nextMode": "Næste samtale: samtaleform",
  "held.nextParticipants": "Næste samtale: deltagere",
};

/** Record a conversation as held and agree the next one, in one form (FU-3). */
export function HeldForm({
  values,
  errors,
  participants,
  selected,
  clearHref,
  alreadyPlanned,
}: {
  values: HeldValues;
  errors: Record<string, string>;
  participants: ParticipantOptions;
  /** The planned conversation being recorded, if any. */
  selected: { date: string; time: string | null } | null;
  clearHref: string;
  /** A later conversation already planned: the next meeting is then agreed. */
  alreadyPlanned: { date: string; time: string | null } | null;
}) {
  return (
    <Form method="post" className="stack followup-form" noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value="held" />
      <input type="hidden" name="held.conversationId" value={values.conversationId} />
      <input type="hidden" name="held.version" value={values.version} />
      <ErrorSummary errors={errors} labels={HELD_LABELS} />
      {selected ? (
        <p>
          Du registrerer den planlagte samtale{" "}
          <strong>
            {formatIsoDate(selected.date)}
            {selected.time ? ` kl. ${selected.time}` : ""}
          </strong>{" "}
          som holdt. <Link to={clearHref}>Registrér en anden samtale</Link>
        </p>
      ) : null}
      <div className="field-row">
        <TextField
          name="held.date"
          label="Dato"
          type="date"
          defaultValue={values.date}
          error={errors["held.date"]}
          required
          width="s"
        />
        <TextField
          name="held.time"
          label="Klokkeslæt (valgfrit)"
          hint="TT:MM"
          defaultValue={values.time}
          error={errors["held.time"]}
          inputMode="numeric"
          autoComplete="off"
          width="xs"
        />
        <SelectField
          name="held.mode"
          label="Samtaleform"
          options={MODE_OPTIONS}
          defaultValue={values.mode}
          error={errors["held.mode"]}
          required
        />
      </div>
      <CheckboxGroup
        name="held.participants"
        legend="Hvem deltog ud over borgeren og dig?"
        options={participants}
        values={values.participants}
        error={errors["held.participants"]}
      />
      <TextArea
        name="held.notes"
        label="Referat"
        hint="Hvad blev drøftet og aftalt, og hvordan går det med indsatserne i planen."
        defaultValue={values.notes}
        error={errors["held.notes"]}
        rows={6}
      />
      <fieldset className="followup-next">
        <legend className="h3">Næste samtale (FU-3)</legend>
        <p className="form-hint">
          Aftal altid næste møde, før samtalen slutter, så borgeren ved, at der følges op – og hvornår (
          {ruleBasis("FU-3")}). Udfyld dato og klokkeslæt, så bookes samtalen samtidig.
        </p>
        {alreadyPlanned ? (
          <p className="muted">
            Der er allerede planlagt en samtale {formatIsoDate(alreadyPlanned.date)}
            {alreadyPlanned.time ? ` kl. ${alreadyPlanned.time}` : ""}; den er udfyldt herunder og bookes ikke igen.
          </p>
        ) : null}
        <div className="field-row">
          <TextField
            name="held.nextDate"
            label="Dato"
            type="date"
            defaultValue={values.nextDate}
            error={errors["held.nextDate"]}
            width="s"
          />
          <TimeField name="held.nextTime" label="Klokkeslæt" value={values.nextTime} error={errors["held.nextTime"]} />
          <SelectField
            name="held.nextMode"
            label="Samtaleform"
            options={MODE_OPTIONS}
            defaultValue={values.nextMode}
            error={errors["held.nextMode"]}
          />
        </div>
        <CheckboxGroup
          name="held.nextParticipants"
          legend="Hvem deltager i næste samtale?"
          options={participants}
          values={values.nextParticipants}
          error={errors["held.nextParticipants"]}
        />
      </fieldset>
      <button type="submit" className="button button-primary">
        Gem samtalen{values.nextDate ? " og næste samtale" : ""}
      </button>
    </Form>
  );
}

const YES_NO = (yes: string, no: string) => [
  { value: "true", label: yes },
  { value: "false", label: no },
];

/** FU-4: contact attempts and the assessment after a no-show; saved again as the attempts go on. */
export function Fu4Form({
  values,
  errors,
  conversationDate,
  extraRows,
  asOf,
}: {
  values: Fu4Values;
  errors: Record<string, string>;
  conversationDate: string;
  extraRows: number;
  asOf: string;
}) {
  const rows = [
    ...values.attempts,
    ...Array.from({ length: extraRows }, () => ({ date: asOf, channel: "", outcome: "" })),
  ];
  const labels: Record<string, string> = {
    "fu4.groundExists": "Rimelig grund",
    "fu4.groundKind": "Hvilken grund",
    "fu4.groundReason": "Begrundelse",
    "fu4.attemptsExhausted": "Kontaktforsøg",
    "fu4.sanctionWouldImprove": "Sanktion og rådighed",
    "fu4.version": "Samtale",
  };
  rows.forEach((_, i) => {
    labels[`fu4.attempts.${i}.date`] = `Kontaktforsøg ${i + 1}, dato`;
    labels[`fu4.attempts.${i}.channel`] = `Kontaktforsøg ${i + 1}, hvordan`;
    labels[`fu4.attempts.${i}.outcome`] = `Kontaktforsøg ${i + 1}, udfald`;
  });
  return (
    <Form method="post" className="stack followup-form" noValidate>
      <CsrfInput />
      <input type="hidden" name="fu4.conversationId" value={values.conversationId} />
      <input type="hidden" name="fu4.version" value={values.version} />
      <input type="hidden" name="fu4.attemptRows" value={rows.length} />
      <ErrorSummary errors={errors} labels={labels} />
      <p className="form-hint">
        Borgeren udeblev {formatIsoDate(conversationDate)}. Kommunen skal udtømme alle rimelige muligheder for at komme
        i personlig kontakt med borgeren og vurdere, om der var en rimelig grund ({ruleBasis("FU-4")}).
      </p>
      <fieldset className="followup-attempts">
        <legend className="h4">Forsøg på personlig kontakt</legend>
        {rows.length === 0 ? <p className="muted">Ingen kontaktforsøg registreret endnu.</p> : null}
        {rows.map((r, i) => (
          <div key={i} className="followup-attempt field-row">
            <TextField
              name={`fu4.attempts.${i}.date`}
              label={`${i + 1}. Dato`}
              type="date"
              defaultValue={r.date}
              error={errors[`fu4.attempts.${i}.date`]}
              width="s"
            />
            <SelectField
              name={`fu4.attempts.${i}.channel`}
              label="Hvordan"
              options={CONTACT_CHANNEL_KEYS.map((k) => ({ value: k, label: CONTACT_CHANNEL_LABELS[k] }))}
              defaultValue={r.channel}
              error={errors[`fu4.attempts.${i}.channel`]}
            />
            <TextField
              name={`fu4.attempts.${i}.outcome`}
              label="Udfald"
              defaultValue={r.outcome}
              error={errors[`fu4.attempts.${i}.outcome`]}
            />
          </div>
        ))}
        <button type="submit" name="intent" value="addAttempt" className="button button-secondary">
          Tilføj et kontaktforsøg
        </button>
        <p className="form-hint">Et kontaktforsøg fjernes ved at tømme dets felter og gemme.</p>
      </fieldset>
      <RadioGroup
        name="fu4.groundExists"
        legend="Var der en rimelig grund til udeblivelsen? (LAS § 13, stk. 7-8)"
        hint="Fx sygdom, risiko for at helbredet forværres, alvorlig psykisk lidelse, sociale forhold eller misbrug. Kommunen skal også undersøge andre forhold end de nævnte."
        options={YES_NO("Ja, der var en rimelig grund", "Nej, der er ikke oplyst eller fundet en rimelig grund")}
        value={values.groundExists}
        error={errors["fu4.groundExists"]}
      />
      <SelectField
        name="fu4.groundKind"
        label="Hvilken rimelig grund? (når der var en)"
        options={REASONABLE_GROUND_KEYS.map((k) => ({ value: k, label: REASONABLE_GROUND_LABELS[k] }))}
        defaultValue={values.groundKind}
        error={errors["fu4.groundKind"]}
      />
      <TextArea
        name="fu4.groundReason"
        label="Begrundelse for vurderingen"
        defaultValue={values.groundReason}
        error={errors["fu4.groundReason"]}
        rows={3}
      />
      <RadioGroup
        name="fu4.attemptsExhausted"
        legend="Er alle rimelige muligheder for personlig kontakt udtømt?"
        options={YES_NO("Ja, alle rimelige muligheder er udtømt", "Nej, ikke endnu")}
        value={values.attemptsExhausted}
        error={errors["fu4.attemptsExhausted"]}
      />
      <RadioGroup
        name="fu4.sanctionWouldImprove"
        legend="Vil en sanktion fremme borgerens rådighed?"
        hint="Hvor en sanktion ikke fremmer rådigheden, skal der ikke gives en sanktion (skrivelse 10112 §6.6)."
        options={YES_NO("Ja", "Nej")}
        value={values.sanctionWouldImprove}
        error={errors["fu4.sanctionWouldImprove"]}
      />
      <button type="submit" name="intent" value="fu4" className="button button-primary">
        Gem kontaktforsøg og vurdering
      </button>
    </Form>
  );
}
