import { Form, redirect } from "react-router";
import type { Route } from "./+types/case-visitation";
import { CaseHeader } from "~/app/components/CaseHeader";
import { CsrfInput } from "~/app/components/CsrfInput";
import { Alert, ErrorSummary, fieldId, TextField } from "~/app/components/fields";
import { CheckboxGroup, RadioGroup, TextArea } from "~/app/components/fields-extra";
import { RulesFindings } from "~/app/components/RulesFindings";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { caseHeader } from "~/app/lib/case-header.server";
import { formatIsoDate } from "~/app/lib/format";
import { fieldNameForPath, visitationFromForm } from "~/app/lib/visitation-form";
import { CASE_STATUSES, PREPARATORY_KEYS, PREPARATORY_SECTIONS } from "~/modules/cases";
import { readCase, saveVisitation, visitationStatus } from "~/modules/cases/index.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.read");
  const view = await readCase(useCase(context, actor), params.caseId, "visitation");
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const { findings, missing } = visitationStatus(view);
  const c = view.case;
  return {
    header: caseHeader(view),
    caseId: c.id,
    status: c.status,
    editable: ["visitation", "readyForTeam", "backToTeam"].includes(c.status),
    origin: c.origin,
    application: c.origin === "application" ? { on: c.applicationReceivedOn, text: c.applicationText } : null,
    citizenView: c.citizenView ? { text: c.citizenView, at: c.citizenViewAt?.toISOString() ?? null } : null,
    version: c.version,
    values: {
      judgement: c.judgement,
      preparatory: c.preparatory as Record<string, string>,
      bisidderInformedOn: c.bisidderInformedOn ?? undefined,
      citizenWishesForloeb: c.citizenWishesForloeb,
    },
    findings,
    missing,
    saved: new URL(request.url).searchParams.has("gemt"),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireUser(request, context, "case.write");
  const form = await readForm(request, context);
  const values = visitationFromForm(form);
  const send = form.get("intent") === "send";
  const result = await saveVisitation(useCase(context, actor), params.caseId, values, { sendToTeam: send });
  if (result.ok) {
    throw redirect(result.sentToTeam ? `/sager/${params.caseId}?sendt=1` : `/sager/${params.caseId}/visitation?gemt=1`);
  }
  switch (result.reason) {
    case "NOT_FOUND":
      throw new Response("Ikke fundet", { status: 404 });
    case "INCOMPLETE":
      // The draft is saved; the page names what is missing, on each field.
      return {
        kind: "incomplete" as const,
        errors: errorsFromMissing(result.missing),
        values: null,
        version: result.version,
      };
    case "INVALID":
      return { kind: "invalid" as const, errors: result.errors, values, version: Number(values.version) };
    case "CONFLICT":
      return { kind: "conflict" as const, errors: {}, values, version: null };
    case "LOCKED":
      return { kind: "locked" as const, errors: {}, values, version: null };
  }
}

function errorsFromMissing(missing: { ruleId: string; path: string; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const m of missing) errors[fieldNameForPath(m.path)] ??= `${m.message} (${m.ruleId})`;
  return errors;
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Visitation – ${data?.header.citizenName ?? "sag"} – Ressourceforløb` },
];

const yesNo = [
  { value: "true", label: "Ja" },
  { value: "false", label: "Nej" },
] as const;

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === "object" ? (v as Obj) : {});
const s = (v: unknown): string => (typeof v === "string" ? v : "");

export default function Visitation({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const values = actionData?.values ?? d.values;
  const j = o(values.judgement);
  const errors: Record<string, string> = actionData?.errors ?? {};
  const version = actionData?.kind === "conflict" ? d.version : (actionData?.version ?? d.version);
  const e = (name: string) => errors[name];
  const tg3 = o(j.tg3);
  const tg4 = o(j.tg4);
  const measures = [...((tg3.measures as Obj[] | undefined) ?? []), {}];
  const interventions = [...((tg4.interventions as Obj[] | undefined) ?? []), {}];
  return (
    <div className="stack">
      <CaseHeader data={d.header} page="Visitation" />
      {d.saved && !actionData ? <Alert kind="success" heading="Visitationen er gemt." /> : null}
      {actionData?.kind === "conflict" ? (
        <Alert kind="error" heading="Ikke gemt: en anden har ændret sagen imens">
          Dine indtastninger står stadig i formularen. Se sagen igennem, og gem igen, hvis de skal gælde.
        </Alert>
      ) : null}
      {actionData?.kind === "locked" ? (
        <Alert kind="error" heading="Visitationen kan ikke ændres nu">
          Sagen har status "{CASE_STATUSES[d.status as keyof typeof CASE_STATUSES]}".
        </Alert>
      ) : null}
      {actionData?.kind === "incomplete" ? (
        <Alert kind="warning" heading="Gemt som kladde – sagen kan ikke sendes til teamet endnu">
          Udfyld det, der mangler nedenfor. Alt, du har skrevet, er gemt.
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} />
      <div className="row">
        <div className="col-12 col-lg-4 stack">
          <RulesFindings out={d.findings} />
          <section aria-labelledby="missing-heading">
            <h2 id="missing-heading">Før sagen kan gå til teamet</h2>
            {d.missing.length === 0 ? (
              <p>Alt krævet er udfyldt.</p>
            ) : (
              <ul className="missing-list">
                {d.missing.map((m, i) => (
                  <li key={i}>
                    <a href={`#${fieldId(fieldNameForPath(m.path))}`}>
                      {m.ruleId}: {m.message}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <div className="col-12 col-lg-8">
          <Form method="post" noValidate className="stack">
            <CsrfInput />
            <input type="hidden" name="version" value={version} />
            <fieldset disabled={!d.editable} className="stack">
              {d.application ? (
                <section className="stack">
                  <h2>Borgerens ansøgning (TG-9)</h2>
                  <p>
                    Modtaget {formatIsoDate(d.application.on)}: <q>{d.application.text}</q>
                  </p>
                  <TextArea
                    name="judgement.tg9.requestedHelp"
                    label="Hvad søger borgeren om?"
                    defaultValue={s(o(j.tg9).requestedHelp)}
                    error={e("judgement.tg9.requestedHelp")}
                    rows={2}
                  />
                  <RadioGroup
                    name="judgement.tg9.allFormsOfHelpAssessed"
                    legend="Er borgerens samlede situation vurderet i forhold til alle former for hjælp? (Ankestyrelsen 83-15)"
                    options={yesNo}
                    value={o(j.tg9).allFormsOfHelpAssessed}
                    error={e("judgement.tg9.allFormsOfHelpAssessed")}
                  />
                  <TextArea
                    name="judgement.tg9.reasoningAnswersRequest"
                    label="Hvordan svarer vurderingen på borgerens anmodning?"
                    defaultValue={s(o(j.tg9).reasoningAnswersRequest)}
                    error={e("judgement.tg9.reasoningAnswersRequest")}
                  />
                  <TextArea
                    name="judgement.tg9.reason"
                    label="Begrundelse"
                    defaultValue={s(o(j.tg9).reason)}
                    error={e("judgement.tg9.reason")}
                    rows={2}
                  />
                </section>
              ) : null}

              <section className="stack">
                <h2>Borgerens rettigheder og ønsker</h2>
                <TextField
                  name="bisidderInformedOn"
                  label="Borgeren blev oplyst om retten til en bisidder den"
                  hint="ÅÅÅÅ-MM-DD (P-1, forvaltningsloven § 8)"
                  type="date"
                  defaultValue={values.bisidderInformedOn ?? ""}
                  error={e("bisidderInformedOn")}
                  width="s"
                />
                <div className="form-group-checkbox">
                  <input
                    className="form-checkbox"
                    type="checkbox"
                    id="f-citizenWishesForloeb"
                    name="citizenWishesForloeb"
                    value="true"
                    defaultChecked={values.citizenWishesForloeb === true}
                  />
                  <label htmlFor="f-citizenWishesForloeb">
                    Borgeren ønsker selv et ressourceforløb (betydning for seniorreglen TG-6 og D-2)
                  </label>
                </div>
              </section>

              <section className="stack">
                <h2>TG-1: Komplekse problemer ud over ledighed</h2>
                <RadioGroup
                  name="judgement.tg1.conclusion"
                  legend="Vurdering"
                  options={[
                    { value: "met", label: "Borgeren har komplekse problemer, der kræver en tværfaglig indsats" },
                    { value: "notMet", label: "Nej" },
                  ]}
                  value={o(j.tg1).conclusion}
                  error={e("judgement.tg1.conclusion")}
                />
                <CheckboxGroup
                  name="judgement.tg1.areas"
                  legend="Områder, indsatsen skal gå på tværs af"
                  hint="Beskæftigelse eller uddannelse, og mindst ét af det sociale område og sundhedsområdet"
                  options={[
                    { value: "employment", label: "Beskæftigelse" },
                    { value: "education", label: "Uddannelse" },
                    { value: "social", label: "Socialt" },
                    { value: "health", label: "Sundhed" },
                  ]}
                  values={o(j.tg1).areas}
                  error={e("judgement.tg1.areas")}
                />
                <TextArea
                  name="judgement.tg1.reason"
                  label="Begrundelse"
                  defaultValue={s(o(j.tg1).reason)}
                  error={e("judgement.tg1.reason")}
                />
              </section>

              <section className="stack">
                <h2>TG-2: Betingelser</h2>
                <RadioGroup
                  name="judgement.tg2.conclusion"
                  legend="Vurdering"
                  options={[
                    { value: "met", label: "Mindst én betingelse er opfyldt" },
                    { value: "notMet", label: "Ingen er opfyldt" },
                  ]}
                  value={o(j.tg2).conclusion}
                  error={e("judgement.tg2.conclusion")}
                />
                <CheckboxGroup
                  name="judgement.tg2.conditions"
                  legend="Hvilke?"
                  options={[
                    {
                      value: "longTermPublicSupport",
                      label: "(a) Længerevarende offentlig forsørgelse og svært ved at få fodfæste",
                    },
                    { value: "effortWithoutEffect", label: "(b) Har deltaget i en indsats uden den ønskede effekt" },
                    {
                      value: "longerEffortNeeded",
                      label: "(c) Kommunen vurderer, at der er brug for en længerevarende indsats",
                    },
                  ]}
                  values={o(j.tg2).conditions}
                  error={e("judgement.tg2.conditions")}
                />
                <TextArea
                  name="judgement.tg2.reason"
                  label="Begrundelse"
                  defaultValue={s(o(j.tg2).reason)}
                  error={e("judgement.tg2.reason")}
                />
              </section>

              <section className="stack">
                <h2>TG-3: Den ordinære indsats er udtømt</h2>
                <p className="muted">
                  Mulighederne skal være vurderet udtømte, men behøver ikke være afprøvet (Ankestyrelsen 24-14).
                </p>
                <RadioGroup
                  name="judgement.tg3.conclusion"
                  legend="Vurdering"
                  options={[
                    { value: "exhausted", label: "Udtømt" },
                    { value: "notExhausted", label: "Ikke udtømt" },
                  ]}
                  value={tg3.conclusion}
                  error={e("judgement.tg3.conclusion")}
                />
                <div id={fieldId("judgement.tg3.measures")}>
                  {e("judgement.tg3.measures") ? (
                    <p className="form-error-message">{e("judgement.tg3.measures")}</p>
                  ) : null}
                  {measures.map((m, i) => (
                    <fieldset className="network-person" key={i}>
                      <legend>
                        Foranstaltning {i + 1}
                        {i === measures.length - 1 ? " (ny)" : ""}
                      </legend>
                      <TextField
                        name={`judgement.tg3.measures.${i}.measure`}
                        label="Foranstaltning"
                        defaultValue={s(m.measure)}
                        error={e(`judgement.tg3.measures.${i}.measure`)}
                      />
                      <RadioGroup
                        name={`judgement.tg3.measures.${i}.status`}
                        legend="Afprøvet eller overvejet?"
                        options={[
                          { value: "tried", label: "Afprøvet" },
                          { value: "considered", label: "Overvejet" },
                        ]}
                        value={m.status}
                        error={e(`judgement.tg3.measures.${i}.status`)}
                      />
                      <TextField
                        name={`judgement.tg3.measures.${i}.whyFutile`}
                        label="Hvorfor vurderet formålsløs"
                        defaultValue={s(m.whyFutile)}
                        error={e(`judgement.tg3.measures.${i}.whyFutile`)}
                      />
                    </fieldset>
                  ))}
                  <p className="muted">Der kommer en ny tom række, når du gemmer.</p>
                </div>
                <TextArea
                  name="judgement.tg3.reason"
                  label="Begrundelse"
                  defaultValue={s(tg3.reason)}
                  error={e("judgement.tg3.reason")}
                />
              </section>

              <section className="stack">
                <h2>TG-4: Udviklingsperspektiv</h2>
                <p className="muted">
                  Indsatser, der alene sigter mod livskvalitet, tæller ikke (Ankestyrelsen 58-18).
                </p>
                <RadioGroup
                  name="judgement.tg4.conclusion"
                  legend="Vurdering"
                  options={[
                    { value: "present", label: "Der er et udviklingsperspektiv" },
                    { value: "absent", label: "Der er ikke" },
                  ]}
                  value={tg4.conclusion}
                  error={e("judgement.tg4.conclusion")}
                />
                <RadioGroup
                  name="judgement.tg4.goal"
                  legend="Målet på sigt"
                  options={[
                    { value: "ordinaryHours", label: "Ordinære timer" },
                    { value: "fleksjob", label: "Fleksjob" },
                  ]}
                  value={tg4.goal}
                  error={e("judgement.tg4.goal")}
                />
                <div id={fieldId("judgement.tg4.interventions")}>
                  {e("judgement.tg4.interventions") ? (
                    <p className="form-error-message">{e("judgement.tg4.interventions")}</p>
                  ) : null}
                  {interventions.map((m, i) => (
                    <fieldset className="network-person" key={i}>
                      <legend>
                        Indsats {i + 1}
                        {i === interventions.length - 1 ? " (ny)" : ""}
                      </legend>
                      <TextField
                        name={`judgement.tg4.interventions.${i}.description`}
                        label="Indsats"
                        defaultValue={s(m.description)}
                        error={e(`judgement.tg4.interventions.${i}.description`)}
                      />
                      <TextField
                        name={`judgement.tg4.interventions.${i}.expectedBenefit`}
                        label="Realistisk forventning til indsatsen"
                        defaultValue={s(m.expectedBenefit)}
                        error={e(`judgement.tg4.interventions.${i}.expectedBenefit`)}
                      />
                    </fieldset>
                  ))}
                </div>
                <TextArea
                  name="judgement.tg4.signsFor"
                  label="Tegn der taler for (én pr. linje)"
                  defaultValue={((tg4.signsFor as string[] | undefined) ?? []).join("\n")}
                  rows={3}
                />
                <TextArea
                  name="judgement.tg4.signsAgainst"
                  label="Tegn der taler imod (én pr. linje)"
                  defaultValue={((tg4.signsAgainst as string[] | undefined) ?? []).join("\n")}
                  rows={3}
                />
                <RadioGroup
                  name="judgement.tg4.qualityOfLifeOnly"
                  legend="Sigter indsatserne alene mod livskvalitet?"
                  options={yesNo}
                  value={tg4.qualityOfLifeOnly}
                  error={e("judgement.tg4.qualityOfLifeOnly")}
                />
                <TextArea
                  name="judgement.tg4.reason"
                  label="Begrundelse"
                  defaultValue={s(tg4.reason)}
                  error={e("judgement.tg4.reason")}
                />
              </section>

              <section className="stack">
                <h2>TG-5: Udelukkelsesgrunde</h2>
                <RadioGroup
                  name="judgement.tg5.obviouslyEntitledToFoertidspension"
                  legend="Er borgeren åbenbart berettiget til førtidspension?"
                  options={yesNo}
                  value={o(j.tg5).obviouslyEntitledToFoertidspension}
                  error={e("judgement.tg5.obviouslyEntitledToFoertidspension")}
                />
                <RadioGroup
                  name="judgement.tg5.obviouslyFutile"
                  legend="Er det åbenbart formålsløst at udvikle arbejdsevnen (alvorlig sygdom eller betydelig funktionsnedsættelse)?"
                  options={yesNo}
                  value={o(j.tg5).obviouslyFutile}
                  error={e("judgement.tg5.obviouslyFutile")}
                />
                <CheckboxGroup
                  name="judgement.tg5.overallAssessment"
                  legend="Helhedsvurderingen omfatter"
                  hint="Helbredsoplysninger alene afgør ikke sagen"
                  options={[
                    { value: "healthInformation", label: "Helbredsoplysninger" },
                    { value: "functionalCapacity", label: "Funktionsevne" },
                    { value: "otherCircumstances", label: "Borgerens øvrige forhold" },
                  ]}
                  values={Object.entries(o(o(j.tg5).overallAssessment))
                    .filter(([, v]) => v === true)
                    .map(([k]) => k)}
                  error={e("judgement.tg5.overallAssessment")}
                />
                <TextArea
                  name="judgement.tg5.reason"
                  label="Begrundelse"
                  defaultValue={s(o(j.tg5).reason)}
                  error={e("judgement.tg5.reason")}
                />
              </section>

              <section className="stack">
                <h2>TG-7 og TG-8: Grænser for afslag</h2>
                <p>
                  At der ikke er behov for en koordinerende sagsbehandler, er aldrig en afslagsgrund (TG-7,
                  Ankestyrelsen 1-15). Et fleksjob er ikke en forudsætning og kan ikke være en indsats i forløbet
                  (TG-8).
                </p>
                <RadioGroup
                  name="judgement.tg8.refusedForMissingFleksjobAssessment"
                  legend="Afvises borgeren, fordi der ikke er en fleksjobvurdering?"
                  options={yesNo}
                  value={o(j.tg8).refusedForMissingFleksjobAssessment}
                  error={e("judgement.tg8.refusedForMissingFleksjobAssessment")}
                />
                <RadioGroup
                  name="judgement.tg8.fleksjobPlannedAsIntervention"
                  legend="Er et fleksjob planlagt som indsats i forløbet?"
                  options={yesNo}
                  value={o(j.tg8).fleksjobPlannedAsIntervention}
                  error={e("judgement.tg8.fleksjobPlannedAsIntervention")}
                />
                <TextArea
                  name="judgement.tg8.reason"
                  label="Begrundelse"
                  defaultValue={s(o(j.tg8).reason)}
                  error={e("judgement.tg8.reason")}
                  rows={2}
                />
              </section>

              <section className="stack">
                <h2>Rehabiliteringsplanens forberedende del</h2>
                <p className="muted">Udarbejdes sammen med borgeren (P-1).</p>
                {d.citizenView ? (
                  <Alert kind="info" heading='Borgerens eget bidrag fra Min Plan ("Min sag til teamet")'>
                    <p>{d.citizenView.text}</p>
                  </Alert>
                ) : null}
                {PREPARATORY_KEYS.map((k) => (
                  <TextArea
                    key={k}
                    name={`preparatory.${k}`}
                    label={PREPARATORY_SECTIONS[k].label}
                    hint={PREPARATORY_SECTIONS[k].hint}
                    defaultValue={values.preparatory[k] ?? ""}
                    error={e(`preparatory.${k}`)}
                    rows={4}
                  />
                ))}
              </section>

              {d.editable ? (
                <div className="button-row">
                  <button type="submit" name="intent" value="save" className="button button-primary">
                    Gem
                  </button>{" "}
                  {d.status === "visitation" ? (
                    <button type="submit" name="intent" value="send" className="button button-secondary">
                      Gem og send til rehabiliteringsteamet
                    </button>
                  ) : null}
                </div>
              ) : null}
            </fieldset>
          </Form>
        </div>
      </div>
    </div>
  );
}
