import { formatIsoDate } from "~/app/lib/format";
import {
  FIELD_LABELS,
  INTERVENTION_KIND_LABELS,
  LEGAL_BASIS_OPTIONS,
  PRAKTIK_FOCUS_LABELS,
  SHORT_HOURS_REASON_LABELS,
  SK3_TEXT,
  SK_DECISIONS,
  skApplies,
  type LegalBasisKey,
  type PlanItem,
} from "~/modules/indsatser";
import type { RecordView } from "~/modules/indsatser/index.server";
import { Alert } from "./fields";
import { Area, Check, IndsatsForm, Input, Radios, Select, type Errors, type Values } from "./InterventionFields";
import { WhyPanel } from "./WhyPanel";

/** The server's answer to one of the page's forms. */
export interface Answer {
  formKey: string;
  values: Values;
  errors: Errors;
  conflict: string | null;
}
export type AnswerFor = (formKey: string) => Answer | null;

const FOCUS_OPTIONS = Object.entries(PRAKTIK_FOCUS_LABELS).map(([value, label]) => ({ value, label }));
const REASON_OPTIONS = [
  { value: "", label: "Ikke relevant: praktikken er på 1 time om dagen eller mere" },
  ...Object.entries(SHORT_HOURS_REASON_LABELS).map(([value, label]) => ({ value, label })),
];
const YES_NO = [
  { value: "true", label: "Ja" },
  { value: "false", label: "Nej" },
];
const BASIS_OPTIONS = LEGAL_BASIS_OPTIONS.map((k) => ({ value: k, label: INTERVENTION_KIND_LABELS[k] }));

const SK1_HINT =
  "Ved tilbud efter LAB kap. 11, 12 og 14 skal borgeren senest sammen med tilbuddet vejledes skriftligt om retten til en samtale med sundhedskoordinatoren og den koordinerende sagsbehandler (SK-1). Uden vejledningen kan starten ikke registreres.";

/** A saved record as form values. */
export function recordValues(r: RecordView): Values {
  const p = r.details.praktik;
  return {
    title: r.title,
    legalBasis: r.legalBasis,
    form: r.isOffer ? "offer" : "agreed",
    provider: r.provider,
    offeredOn: r.offeredOn,
    skNoticeOn: r.skNoticeOn,
    startDate: r.startDate,
    plannedEnd: r.plannedEnd,
    endDate: r.endDate,
    praktik: p
      ? {
          ...p,
          virksomhedscenter: p.virksomhedscenter === null ? "" : String(p.virksomhedscenter),
          shortHoursReason: p.shortHoursReason ?? "",
        }
      : { shortHoursReason: "" },
  };
}

function PraktikFields({ formKey, values, errors }: { formKey: string; values: Values | null; errors: Errors }) {
  const f = { formKey, values, errors };
  return (
    <fieldset className="indsats-fieldset">
      <legend className="h4">Virksomhedspraktik (LAB kap. 11)</legend>
      <p className="muted">Udfyldes, før praktikken starter (VP-1 til VP-4).</p>
      <Input {...f} name="praktik.company" label="Virksomhed" width="l" />
      <div className="field-row">
        <Input
          {...f}
          name="praktik.hoursPerWeek"
          label="Timer pr. uge"
          inputMode="decimal"
          width="xs"
          hint="Under 1 time om dagen anbefales ikke og kræver en begrundelse (VP-2)."
        />
        <Input {...f} name="praktik.daysPerWeek" label="Dage pr. uge" inputMode="numeric" width="xs" />
      </div>
      <Radios
        {...f}
        name="praktik.focus"
        label="Praktikkens primære fokus (VP-1)"
        hint="Vælg præcis ét, før praktikken starter."
        options={FOCUS_OPTIONS}
      />
      <Radios {...f} name="praktik.virksomhedscenter" label="Er praktikken i et virksomhedscenter?" options={YES_NO} />
      <Area
        {...f}
        name="praktik.mentorArrangement"
        label="Mentorordning"
        hint="Skal beskrives ved praktik i et virksomhedscenter (VP-4)."
      />
      <Radios
        {...f}
        name="praktik.shortHoursReason"
        label="Begrundelse, hvis praktikken er på under 1 time om dagen (VP-2)"
        options={REASON_OPTIONS}
      />
      <Area {...f} name="praktik.shortHoursNote" label="Uddybning af begrundelsen (valgfri)" rows={2} />
      <Check
        {...f}
        name="praktik.notOnlyDocumentation"
        label="Praktikken gives ikke alene for at dokumentere, at borgeren ikke kan arbejde (VP-3)"
      />
    </fieldset>
  );
}

/** Offer, notice, start, planned end and stop of one intervention; the placement's facts for LAB kap. 11. */
export function RecordForm({
  formKey,
  action,
  intent,
  id,
  version,
  planItemId,
  adHoc,
  legalBasis,
  isOffer,
  values,
  answer,
  showStop,
  submit,
}: {
  formKey: string;
  action: string;
  intent: "record" | "update";
  id?: string;
  version?: number;
  planItemId?: string;
  /** An intervention outside the plan: title, legal basis and form are chosen in the form. */
  adHoc: boolean;
  legalBasis: LegalBasisKey | null;
  isOffer: boolean | null;
  values: Values | null;
  answer: Answer | null;
  showStop: boolean;
  submit: string;
}) {
  const errors = answer?.errors ?? {};
  const v = answer?.values ?? values;
  const f = { formKey, values: v, errors };
  const sk = adHoc || (legalBasis !== null && skApplies(legalBasis, isOffer ?? true));
  const praktik = legalBasis === "lab11" && isOffer !== false;
  return (
    <IndsatsForm
      formKey={formKey}
      action={action}
      intent={intent}
      id={id}
      version={version}
      answer={answer}
      labels={FIELD_LABELS}
      submit={submit}
    >
      {planItemId ? <input type="hidden" name="planItemId" value={planItemId} /> : null}
      {adHoc ? (
        <>
          <Input {...f} name="title" label="Indsats" width="xl" />
          <Select {...f} name="legalBasis" label="Hjemmel" options={BASIS_OPTIONS} />
          <Radios
            {...f}
            name="form"
            label="Tilbud eller aftalt aktivitet (PL-6)"
            options={[
              { value: "offer", label: "Tilbud (kommunen betaler; udeblivelse kan sanktioneres)" },
              { value: "agreed", label: "Aftalt aktivitet – ikke et tilbud" },
            ]}
          />
          <Input {...f} name="provider" label="Udføres af" width="l" />
        </>
      ) : null}
      {sk ? (
        <div className="field-row">
          <Input {...f} type="date" name="offeredOn" label="Tilbuddet givet" width="s" />
          <Input
            {...f}
            type="date"
            name="skNoticeOn"
            label="Skriftlig vejledning om sundhedskoordinator givet (SK-1)"
            width="s"
          />
        </div>
      ) : null}
      {sk ? <p className="form-hint">{SK1_HINT}</p> : null}
      <div className="field-row">
        <Input
          {...f}
          type="date"
          name="startDate"
          label="Faktisk start"
          width="s"
          hint="Den dag, borgeren begyndte. Står indsatsen i planen, tæller den i indsatsgarantien (IG-1)."
        />
        <Input
          {...f}
          type="date"
          name="plannedEnd"
          label="Planlagt slut"
          width="s"
          hint={legalBasis === "lab11" ? "Typisk 13 uger (VP-4). En forlængelse registreres for sig." : undefined}
        />
        {showStop ? (
          <Input {...f} type="date" name="endDate" label="Stoppet" width="s" hint="Udfyld, når indsatsen stopper." />
        ) : null}
      </div>
      {praktik ? <PraktikFields {...f} /> : null}
      {adHoc && !praktik ? (
        <details
          className="indsats-details"
          open={Boolean(answer && Object.keys(errors).some((k) => k.startsWith("praktik.")))}
        >
          <summary>Kun for virksomhedspraktik (LAB kap. 11)</summary>
          <PraktikFields {...f} />
        </details>
      ) : null}
    </IndsatsForm>
  );
}

function ExtensionForm({ r, action, answer }: { r: RecordView; action: string; answer: Answer | null }) {
  const formKey = `ext-${r.id}`;
  const f = { formKey, values: answer?.values ?? null, errors: answer?.errors ?? {} };
  const ext = r.details.extensions ?? [];
  const total = (r.details.initialWeeks ?? 0) + ext.reduce((s, x) => s + x.weeks, 0);
  return (
    <IndsatsForm
      formKey={formKey}
      action={action}
      intent="extend"
      id={r.id}
      version={r.version}
      answer={answer}
      labels={FIELD_LABELS}
      submit="Forlæng praktikken"
      secondary
    >
      <p>
        Praktikken er nu på {total} uger. Typisk 13 uger; efter en konkret vurdering i alt op til 26 uger. Ud over 26
        uger kun ved et helt særligt behov, højst 13 uger ad gangen (VP-4).
      </p>
      <Input {...f} name="weeks" label="Forlæng med (uger)" inputMode="numeric" width="xs" />
      <Area {...f} name="assessment" label="Konkret vurdering (VP-4)" hint="Hvorfor skal praktikken forlænges?" />
      <Check {...f} name="specialNeed" label="Der er et helt særligt behov (kræves ud over 26 uger)" />
    </IndsatsForm>
  );
}

function SkForms({ r, action, answerFor }: { r: RecordView; action: string; answerFor: AnswerFor }) {
  const pending = r.skRequestedOn !== null && r.skDecidedOn === null;
  if (!pending) {
    const formKey = `sk-${r.id}`;
    const answer = answerFor(formKey);
    return (
      <IndsatsForm
        formKey={formKey}
        action={action}
        intent="skRequest"
        id={r.id}
        version={r.version}
        answer={answer}
        labels={FIELD_LABELS}
        submit="Registrér, at borgeren bruger retten"
        secondary
      >
        <p>
          Bruger borgeren retten før start, sættes tilbuddet i bero, til kommunen har besluttet, om det skal tilpasses.
          Bruges den under tilbuddet, fortsætter borgeren, medmindre kommunen på sundhedskoordinatorens råd beslutter
          andet (SK-2). {SK3_TEXT} (SK-3).
        </p>
        <Input
          formKey={formKey}
          values={answer?.values ?? null}
          errors={answer?.errors ?? {}}
          type="date"
          name="requestedOn"
          label="Borgeren bad om samtalen"
          width="s"
        />
      </IndsatsForm>
    );
  }
  const formKey = `skd-${r.id}`;
  const answer = answerFor(formKey);
  const f = { formKey, values: answer?.values ?? null, errors: answer?.errors ?? {} };
  const beforeStart = r.startDate === null || (r.skRequestedOn !== null && r.skRequestedOn < r.startDate);
  return (
    <IndsatsForm
      formKey={formKey}
      action={action}
      intent="skDecide"
      id={r.id}
      version={r.version}
      answer={answer}
      labels={FIELD_LABELS}
      submit="Registrér kommunens beslutning"
    >
      <Input {...f} type="date" name="decidedOn" label="Kommunens beslutning" width="s" />
      <Radios
        {...f}
        name="decision"
        label="Beslutning (SK-2)"
        options={Object.entries(SK_DECISIONS).map(([value, label]) => ({ value, label }))}
      />
      {beforeStart ? (
        <Input
          {...f}
          type="date"
          name="newStartDate"
          label="Ny start"
          width="s"
          hint="Borgeren begynder tidligst den dag, kommunen har besluttet. Udfyld, hvis starten flyttes."
        />
      ) : null}
      <Area {...f} name="note" label="Begrundelse (sundhedskoordinatorens råd)" />
      <p className="form-hint">{SK3_TEXT} (SK-3).</p>
    </IndsatsForm>
  );
}

function open(answerFor: AnswerFor, ...keys: string[]): boolean {
  return keys.some((k) => answerFor(k) !== null);
}

/** One recorded intervention: its facts, notes, SK state, and the forms to change it. */
export function RecordBlock({ r, action, answerFor }: { r: RecordView; action: string; answerFor: AnswerFor }) {
  const p = r.details.praktik;
  const ext = r.details.extensions ?? [];
  const editKey = `edit-${r.id}`;
  const stopped = r.currentStatus === "stopped";
  return (
    <div className="indsats-record">
      <p>
        <span className={`indsats-status indsats-status-${r.currentStatus}`}>{r.statusLabel}</span>{" "}
        <span className={r.countsForIg ? "indsats-tag indsats-tag-ig" : "indsats-tag"}>{r.igNote}</span>
      </p>
      <dl className="summary-list">
        {r.offeredOn ? (
          <>
            <dt>Tilbuddet givet</dt>
            <dd>{formatIsoDate(r.offeredOn)}</dd>
          </>
        ) : null}
        {r.sk.applies ? (
          <>
            <dt>Skriftlig vejledning (SK-1)</dt>
            <dd>{r.skNoticeOn ? formatIsoDate(r.skNoticeOn) : "Ikke registreret"}</dd>
          </>
        ) : null}
        <dt>Start</dt>
        <dd>{r.startDate ? formatIsoDate(r.startDate) : "Ikke startet"}</dd>
        <dt>Planlagt slut</dt>
        <dd>{formatIsoDate(r.plannedEnd)}</dd>
        {r.endDate ? (
          <>
            <dt>Stoppet</dt>
            <dd>{formatIsoDate(r.endDate)}</dd>
          </>
        ) : null}
        {p ? (
          <>
            <dt>Virksomhed</dt>
            <dd>{p.company ?? "–"}</dd>
            <dt>Timer</dt>
            <dd>
              {p.hoursPerWeek !== null ? `${String(p.hoursPerWeek).replace(".", ",")} timer pr. uge` : "–"}
              {p.daysPerWeek !== null ? ` på ${p.daysPerWeek} dage` : ""}
              {r.hoursPerDay !== null ? ` (${String(r.hoursPerDay).replace(".", ",")} timer om dagen)` : ""}
              {p.shortHoursReason ? `. Begrundelse (VP-2): ${SHORT_HOURS_REASON_LABELS[p.shortHoursReason]}` : ""}
              {p.shortHoursNote ? `: ${p.shortHoursNote}` : ""}
            </dd>
            <dt>Fokus (VP-1)</dt>
            <dd>{p.focus ? PRAKTIK_FOCUS_LABELS[p.focus] : "Ikke valgt"}</dd>
            <dt>Virksomhedscenter</dt>
            <dd>
              {p.virksomhedscenter === null ? "–" : p.virksomhedscenter ? "Ja" : "Nej"}
              {p.mentorArrangement ? `. Mentorordning: ${p.mentorArrangement}` : ""}
            </dd>
            <dt>Længde (VP-4)</dt>
            <dd>
              {r.details.initialWeeks ? `${r.details.initialWeeks} uger` : "–"}
              {ext.map((x, i) => (
                <span key={i}>
                  ; forlænget {formatIsoDate(x.recordedOn)} med {x.weeks} uger
                  {x.specialNeed ? " (helt særligt behov)" : ""} til {formatIsoDate(x.newEnd)}: {x.assessment}
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {r.notes.length > 0 ? (
        <Alert kind="warning">
          <ul>
            {r.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {r.sk.text ? (
        <div className="indsats-sk">
          <p>
            <strong>Sundhedskoordinator: </strong>
            {r.sk.text}
            {r.details.skNote ? ` Begrundelse: ${r.details.skNote}` : ""}
          </p>
          {r.sk.explanation ? <WhyPanel explanation={r.sk.explanation} label="Hvorfor (SK-2)" /> : null}
        </div>
      ) : null}
      <details className="indsats-details" open={open(answerFor, editKey)}>
        <summary>{r.startDate ? "Ret datoer og stop" : "Registrér start"}</summary>
        <RecordForm
          formKey={editKey}
          action={action}
          intent="update"
          id={r.id}
          version={r.version}
          adHoc={r.planItemId === null}
          legalBasis={r.legalBasis}
          isOffer={r.isOffer}
          values={recordValues(r)}
          answer={answerFor(editKey)}
          showStop
          submit="Gem"
        />
      </details>
      {r.sk.applies && !stopped ? (
        <details className="indsats-details" open={open(answerFor, `sk-${r.id}`, `skd-${r.id}`)}>
          <summary>
            {r.skRequestedOn && !r.skDecidedOn
              ? "Registrér kommunens beslutning (sundhedskoordinator)"
              : "Borgeren bruger retten til samtale med sundhedskoordinator"}
          </summary>
          <SkForms r={r} action={action} answerFor={answerFor} />
        </details>
      ) : null}
      {r.kind === "lab11" && r.startDate && !r.endDate ? (
        <details className="indsats-details" open={open(answerFor, `ext-${r.id}`)}>
          <summary>Forlæng praktikken (VP-4)</summary>
          <ExtensionForm r={r} action={action} answer={answerFor(`ext-${r.id}`)} />
        </details>
      ) : null}
    </div>
  );
}

/** An intervention of the plan with its records, and the form to record it. */
export function PlanItemCard({
  item,
  records,
  action,
  answerFor,
}: {
  item: PlanItem & { countsForIg: boolean };
  records: RecordView[];
  action: string;
  answerFor: AnswerFor;
}) {
  const open = records.some((r) => r.currentStatus !== "stopped");
  const newKey = `new-${item.id}`;
  return (
    <li className="indsats-card" id={`indsats-${item.id}`}>
      <h4 className="indsats-card-title">{item.title}</h4>
      <p>
        <span className="indsats-tag">{INTERVENTION_KIND_LABELS[item.legalBasis]}</span>
        <span className="indsats-tag">{item.form === "offer" ? "Tilbud" : "Aftalt aktivitet – ikke et tilbud"}</span>
        {item.countsForIg ? (
          <span className="indsats-tag indsats-tag-ig">Kan opfylde indsatsgarantien (IG-1)</span>
        ) : null}
      </p>
      <p className="muted">
        Udføres af {item.provider}. Planlagt {formatIsoDate(item.plannedStart)}
        {item.plannedEnd ? ` – ${formatIsoDate(item.plannedEnd)}` : ""}. Mål: {item.shortTermGoal}
      </p>
      {records.map((r) => (
        <RecordBlock key={r.id} r={r} action={action} answerFor={answerFor} />
      ))}
      {!open ? (
        <details className="indsats-details" open={answerFor(newKey) !== null}>
          <summary>{records.length > 0 ? "Registrér indsatsen igen" : "Registrér tilbud og start"}</summary>
          <RecordForm
            formKey={newKey}
            action={action}
            intent="record"
            planItemId={item.id}
            adHoc={false}
            legalBasis={item.legalBasis}
            isOffer={item.form === "offer"}
            values={{ plannedEnd: item.plannedEnd, praktik: { shortHoursReason: "" } }}
            answer={answerFor(newKey)}
            showStop={false}
            submit="Registrér"
          />
        </details>
      ) : null}
    </li>
  );
}
