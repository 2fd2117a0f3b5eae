import { Form, redirect } from "react-router";
import type { Route } from "./+types/admin-befolkningstal";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { CsrfInput } from "~/app/components/CsrfInput";
import { Alert, TextField } from "~/app/components/fields";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { POPULATION_CSV_HEADER, POPULATION_YEARS } from "~/modules/statistik";
import { importPopulation, populationOverview } from "~/modules/statistik/index.server";

const MAX_BYTES = 2 * 1024 * 1024;
const FIELDS = ["code", "year", "age16to66", "age16to29", "age30to39", "age40to49", "age50to66"] as const;

/** ST-6: population figures aged 16-66 per municipality and year, typed in or imported as CSV. Admins only. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "population.manage");
  const saved = new URL(request.url).searchParams.get("gemt");
  return { rows: await populationOverview(useCase(context, actor)), saved: saved ? Number(saved) : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireUser(request, context, "population.manage");
  const form = await readForm(request, context);
  const intent = String(form.get("intent") ?? "");
  const source = String(form.get("source") ?? "");
  // What was typed comes back on an error, so nothing has to be typed again (a chosen file must be chosen again).
  const values = Object.fromEntries([...FIELDS, "csv", "source"].map((k) => [k, String(form.get(k) ?? "")])) as Record<
    string,
    string
  >;
  let csv: string;
  if (intent === "manual") {
    const f = (k: string) => String(form.get(k) ?? "").trim();
    const bands = ["age16to29", "age30to39", "age40to49", "age50to66"].map(f);
    csv = [f("code"), f("year"), f("age16to66"), ...(bands.some((b) => b !== "") ? bands : [])].join(";");
  } else {
    const file = form.get("file");
    const hasFile = typeof file === "object" && file !== null && (file as File).size > 0;
    if (hasFile && (file as File).size > MAX_BYTES) {
      return { intent, values, errors: ["Filen er for stor (højst 2 MB)."] };
    }
    csv = hasFile ? await (file as File).text() : String(form.get("csv") ?? "");
  }
  const r = await importPopulation(useCase(context, actor), csv, source);
  if (r.ok) throw redirect(`/admin/befolkningstal?gemt=${r.saved}`);
  return { intent, values, errors: r.errors };
}

export const meta: Route.MetaFunction = () => [{ title: "Befolkningstal – Ressourceforløb" }];

const n = new Intl.NumberFormat("da-DK");
const num = (v: number | null) => (v === null ? "–" : n.format(v));

export default function AdminPopulation({ loaderData, actionData }: Route.ComponentProps) {
  const a = actionData ?? null;
  const errorsFor = (intent: string) => (a && a.intent === intent ? a.errors : []);
  const typed = (intent: string, k: string) => (a && a.intent === intent ? (a.values?.[k] ?? "") : "");
  return (
    <div className="stack">
      <Breadcrumbs
        items={[{ label: "Forside", to: "/" }, { label: "Statistik", to: "/statistik" }, { label: "Befolkningstal" }]}
      />
      <h1>Befolkningstal til statistikken</h1>
      <p>
        Andelen af befolkningen i ressourceforløb (ST-6) regnes ud fra antallet af indbyggere på 16-66 år pr. kommune og
        år, fx fra Danmarks Statistik. Fordelingen på aldersgrupperne 16-29, 30-39, 40-49 og 50-66 år er valgfri;
        angives den, skal de fire tal give antallet 16-66 år. Et nyt tal for samme kommune og år erstatter det gamle.
        Hver indtastning og import står i adgangsloggen.
      </p>
      {loaderData.saved !== null ? (
        <Alert
          kind="success"
          heading={`${loaderData.saved} ${loaderData.saved === 1 ? "linje er gemt" : "linjer er gemt"}.`}
        />
      ) : null}

      <section aria-labelledby="csv-heading" className="stack">
        <h2 id="csv-heading">Importer en CSV-fil</h2>
        <Errors errors={errorsFor("csv")} />
        <p>
          Én linje pr. kommune og år, felter adskilt af semikolon, som Excel gemmer "CSV (semikolonsepareret)". Første
          linje må være overskrifter: <code>{POPULATION_CSV_HEADER}</code>. Tal må have punktum som
          tusindtalsskilletegn. Er der fejl i blot én linje, gemmes intet.
        </p>
        <Form method="post" encType="multipart/form-data" className="stack">
          <CsrfInput />
          <input type="hidden" name="intent" value="csv" />
          <div className="form-group">
            <label className="form-label" htmlFor="pop-file">
              CSV-fil
            </label>
            <input className="form-input" type="file" id="pop-file" name="file" accept=".csv,text/csv,text/plain" />
          </div>
          <div className="form-group">
            <label className="form-label" htmlFor="pop-csv">
              Eller indsæt linjerne her
            </label>
            <textarea className="form-input" id="pop-csv" name="csv" rows={6} defaultValue={typed("csv", "csv")} />
          </div>
          <SourceField id="pop-source-csv" value={typed("csv", "source")} />
          <div>
            <button type="submit" className="button button-primary">
              Importer
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="manual-heading" className="stack">
        <h2 id="manual-heading">Indtast ét år for én kommune</h2>
        <Errors errors={errorsFor("manual")} />
        <Form method="post" className="stack">
          <CsrfInput />
          <input type="hidden" name="intent" value="manual" />
          <div className="field-row">
            <NumberField
              id="pop-code"
              name="code"
              label="Kommunekode"
              hint="3 cifre, fx 999"
              value={typed("manual", "code")}
            />
            <NumberField
              id="pop-year"
              name="year"
              label="År"
              hint={`${POPULATION_YEARS.min}-${POPULATION_YEARS.max}`}
              value={typed("manual", "year")}
            />
            <NumberField
              id="pop-total"
              name="age16to66"
              label="Indbyggere 16-66 år"
              value={typed("manual", "age16to66")}
            />
          </div>
          <fieldset>
            <legend className="form-label">Fordelt på alder (valgfrit)</legend>
            <div className="field-row">
              <NumberField id="pop-a1" name="age16to29" label="16-29 år" value={typed("manual", "age16to29")} />
              <NumberField id="pop-a2" name="age30to39" label="30-39 år" value={typed("manual", "age30to39")} />
              <NumberField id="pop-a3" name="age40to49" label="40-49 år" value={typed("manual", "age40to49")} />
              <NumberField id="pop-a4" name="age50to66" label="50-66 år" value={typed("manual", "age50to66")} />
            </div>
          </fieldset>
          <SourceField id="pop-source-manual" value={typed("manual", "source")} />
          <div>
            <button type="submit" className="button button-primary">
              Gem tallet
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">Befolkningstal i systemet</h2>
        {loaderData.rows.length === 0 ? (
          <p className="muted">Der er ingen befolkningstal endnu.</p>
        ) : (
          <div className="indsats-scroll">
            <table className="table table--compact table--zebra">
              <caption>Befolkningstal, nyeste år først (højst 300 linjer)</caption>
              <thead>
                <tr>
                  <th scope="col">År</th>
                  <th scope="col">Kommune</th>
                  <th scope="col">16-66 år</th>
                  <th scope="col">16-29</th>
                  <th scope="col">30-39</th>
                  <th scope="col">40-49</th>
                  <th scope="col">50-66</th>
                  <th scope="col">Kilde</th>
                  <th scope="col">Indtastet af</th>
                </tr>
              </thead>
              <tbody>
                {loaderData.rows.map((r) => (
                  <tr key={`${r.code}-${r.year}`}>
                    <td>{r.year}</td>
                    <th scope="row">
                      {r.name} ({r.code})
                    </th>
                    <td>{num(r.age16to66)}</td>
                    <td>{num(r.age16to29)}</td>
                    <td>{num(r.age30to39)}</td>
                    <td>{num(r.age40to49)}</td>
                    <td>{num(r.age50to66)}</td>
                    <td>{r.source}</td>
                    <td>
                      {r.enteredBy ?? "Genererede data"}, {r.updatedAt}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function Errors({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <p className="alert-heading">Intet er gemt. Ret disse fejl og prøv igen:</p>
        <ul className="alert-text">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function NumberField(props: { id: string; name: string; label: string; hint?: string; value: string }) {
  return <TextField {...props} defaultValue={props.value} inputMode="numeric" width="s" />;
}

function SourceField({ id, value }: { id: string; value: string }) {
  return (
    <TextField
      id={id}
      name="source"
      label="Kilde"
      hint="Fx Danmarks Statistik, FOLK1A, 1. januar 2025"
      defaultValue={value}
      width="xl"
    />
  );
}
