import { Fragment, useEffect } from "react";
import { Link } from "react-router";
import type { Route } from "./+types/case-ydelse";
import { CaseHeader } from "~/app/components/CaseHeader";
import { Alert } from "~/app/components/fields";
import { IndsatsForm, Input, Radios, type Values } from "~/app/components/InterventionFields";
import { WhyPanel } from "~/app/components/WhyPanel";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { caseHeader } from "~/app/lib/case-header.server";
import { formToTree } from "~/app/lib/form-data";
import type { YdelseOutput } from "~/legislation";
import { readCase } from "~/modules/cases/index.server";
import { PREVIOUS_BENEFITS, type PreviousBenefit } from "~/modules/citizens";
import { FIELD_LABELS } from "~/modules/indsatser";
import { previewYdelse } from "~/modules/indsatser/index.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.read");
  const view = await readCase(useCase(context, actor), params.caseId, "ydelse");
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  return {
    header: caseHeader(view),
    caseId: view.case.id,
    previousBenefit: view.citizen.previousBenefit as PreviousBenefit,
    birthDate: view.citizen.birthDate,
    defaults: { month: view.asOf.slice(0, 7), livingWithParents: "false" } as Values,
  };
}

type ActionData = {
  nonce: number;
  values: Values;
  errors: Record<string, string>;
  output: YdelseOutput | null;
};

export async function action({ request, params, context }: Route.ActionArgs): Promise<ActionData> {
  const actor = requireUser(request, context, "case.read");
  const form = await readForm(request, context);
  const ctx = useCase(context, actor);
  const view = await readCase(ctx, params.caseId, "ydelse");
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const values = formToTree(form);
  const r = await previewYdelse(ctx, view.access, values);
  if (!r.ok) {
    if (r.reason === "NOT_FOUND") throw new Response("Ikke fundet", { status: 404 });
    return { nonce: Date.now(), values, errors: r.errors, output: null };
  }
  return { nonce: Date.now(), values, errors: {}, output: r.output };
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Ydelse (beregning) – ${data?.header.citizenName ?? "sag"} – Ressourceforløb` },
];

const LEVELS: Record<string, string> = {
  forsoerger: "Kontanthjælpsniveau for forsørgere",
  ikkeForsoerger: "Kontanthjælpsniveau for ikke-forsørgere",
  hjemmeboendeUnder25: "Hjemmeboende under 25 år",
  sygedagpenge: "Sygedagpengeniveau",
  ledighedsydelse: "Ledighedsydelsesniveau",
  foertidspension: "Førtidspension (der udbetales ikke ressourceforløbsydelse)",
};
const DEDUCTIONS: Record<string, string> = {
  wage: "Løn (inkl. feriegodtgørelse)",
  other: "Anden indtægt, krone for krone",
  offerHours: "Timer i tilbud",
};
const SEVERITY: Record<string, string> = { error: "Fejl", warning: "Advarsel", info: "Oplysning" };

const money = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const kr = (n: number) => `${money.format(n)} kr.`;

const YES_NO = [
  { value: "true", label: "Ja" },
  { value: "false", label: "Nej" },
];

export default function CaseYdelse({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const a = actionData ?? null;
  const out = a?.output ?? null;
  useEffect(() => {
    if (a)
      document
        .getElementById(a.output ? "ydelse-result" : "ydelse")
        ?.querySelector<HTMLElement>(".indsats-feedback, h2")
        ?.focus();
  }, [a?.nonce]);
  const f = { formKey: "ydelse", values: a?.values ?? d.defaults, errors: a?.errors ?? {} };
  const fromBenefit = d.previousBenefit === "sygedagpenge" || d.previousBenefit === "ledighedsydelse";
  return (
    <div className="stack">
      <CaseHeader data={d.header} page="Ydelse (beregning)" />
      <Alert kind="info" heading="Beslutningsstøtte – ingen udbetaling ændres her">
        <p>
          Beregningen viser, hvad ressourceforløbsydelsen vil være for en måned efter reglerne (Y-1 til Y-5). Den ændrer
          ingen udbetaling. En ændring af borgerens ydelse kræver en registreret afgørelse, som står i adgangsloggen.
        </p>
      </Alert>
      <p>
        Borgerens forsørgelse før forløbet (fra borgerens stamdata):{" "}
        <strong>{PREVIOUS_BENEFITS[d.previousBenefit] ?? d.previousBenefit}</strong>. Er den forkert,{" "}
        <Link to={`/borgere/${d.header.citizenId}/rediger`}>ret borgerens oplysninger</Link>.
      </p>
      <section aria-labelledby="ydelse-form-heading">
        <h2 id="ydelse-form-heading">Måned og indtægter</h2>
        <IndsatsForm
          formKey="ydelse"
          action={`/sager/${d.caseId}/ydelse`}
          intent="preview"
          answer={a && !a.output ? { errors: a.errors, conflict: null } : null}
          labels={FIELD_LABELS}
          submit="Beregn"
        >
          <Input {...f} type="month" name="month" label="Måned" width="s" hint="ÅÅÅÅ-MM, fx 2026-01" />
          <Radios {...f} name="forsoerger" label="Er borgeren forsørger? (Y-1)" options={YES_NO} />
          <Radios
            {...f}
            name="livingWithParents"
            label="Bor borgeren hjemme hos forældrene?"
            hint="Har kun betydning for borgere under 25 år (Y-1)."
            options={YES_NO}
          />
          {d.previousBenefit === "sygedagpenge" ? (
            <Input
              {...f}
              type="date"
              name="sygedagpengeEnd"
              label="Sidste dag, sygedagpengene ville være udbetalt"
              width="s"
              hint="Til og med denne dag gives sygedagpengeniveau, derefter kontanthjælpsniveau (Y-1)."
            />
          ) : null}
          {fromBenefit ? (
            <Input
              {...f}
              name="previousWeeklyRate"
              label="Borgerens egen ugesats (kr.)"
              inputMode="decimal"
              width="s"
              hint="Tom: maksimumsatsen for året bruges (Y-5)."
            />
          ) : null}
          <div className="field-row">
            <Input {...f} name="wage" label="Løn i måneden (kr., før skat)" inputMode="decimal" width="s" />
            <Input {...f} name="feriegodtgoerelse" label="Feriegodtgørelse (kr.)" inputMode="decimal" width="s" />
            <Input {...f} name="otherIncome" label="Anden indtægt (kr.)" inputMode="decimal" width="s" />
            <Input {...f} name="offerHours" label="Arbejdstimer i tilbud" inputMode="decimal" width="xs" />
          </div>
          <p className="form-hint">
            Formue og ægtefællens indtægt indgår ikke i ydelsen (Y-2) og spørges derfor ikke om.
          </p>
        </IndsatsForm>
      </section>

      {out ? (
        <section aria-labelledby="ydelse-result-heading" id="ydelse-result" className="stack">
          <h2 id="ydelse-result-heading" tabIndex={-1}>
            Resultat for {out.month}
          </h2>
          <dl className="summary-list">
            <dt>Niveau (Y-1)</dt>
            <dd>{LEVELS[out.level] ?? out.level}</dd>
            {out.segments.length > 1
              ? out.segments.map((s) => (
                  <Fragment key={s.from}>
                    <dt>
                      {s.from} – {s.to}
                    </dt>
                    <dd>
                      {LEVELS[s.level] ?? s.level}: {kr(s.amount)}
                    </dd>
                  </Fragment>
                ))
              : null}
            <dt>Grundbeløb (Y-5)</dt>
            <dd>{out.baseAmount === null ? "Ingen sats i kraft" : kr(out.baseAmount)}</dd>
            {out.deductions.map((x) => (
              <Fragment key={x.kind}>
                <dt>Fradrag (Y-3): {DEDUCTIONS[x.kind]}</dt>
                <dd>− {kr(x.amount)}</dd>
              </Fragment>
            ))}
            <dt>Til udbetaling</dt>
            <dd>
              <strong>{out.payable === null ? "Kan ikke beregnes" : kr(out.payable)}</strong>
            </dd>
          </dl>
          {out.findings.length > 0 ? (
            <Alert
              kind={out.findings.some((x) => x.severity === "error") ? "warning" : "info"}
              heading="Det skal du vide"
            >
              <ul>
                {out.findings.map((x, i) => (
                  <li key={i}>
                    {SEVERITY[x.severity]} ({x.ruleId}): {x.message} <span className="muted">Hjemmel: {x.basis}</span>
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <h3>Sådan er beløbet beregnet</h3>
          <WhyPanel explanation={out.explanation} label="Hvorfor dette beløb?" />
          <p className="muted">
            Mangler en sats for året, kan en administrator indtaste den med kilde under Ydelsessatser (Y-5).
          </p>
        </section>
      ) : null}
    </div>
  );
}
