import { redirect } from "react-router";
import type { Route } from "./+types/admin-ydelse-rates";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { Alert } from "~/app/components/fields";
import { IndsatsForm, Input, Select, type Values } from "~/app/components/InterventionFields";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { formToTree } from "~/app/lib/form-data";
import { formatDateTime } from "~/app/lib/format";
import { RATE_CATEGORIES, RATE_CATEGORY_TITLES } from "~/legislation";
import { FIELD_LABELS } from "~/modules/indsatser";
import { addYdelseRate, ydelseRates } from "~/modules/indsatser/index.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "ydelse.rates");
  const r = await ydelseRates(useCase(context, actor));
  const years = [...new Set(r.builtIn.map((x) => x.year))].sort((a, b) => a - b);
  return {
    builtIn: years.map((year) => ({
      year,
      amounts: RATE_CATEGORIES.map((c) => r.builtIn.find((x) => x.year === year && x.category === c)?.amount ?? null),
    })),
    entered: r.entered.map((e) => ({
      id: e.id,
      year: e.year,
      title: e.title,
      amount: e.amount,
      source: `${e.law} ${e.paragraph}; ${e.source}`,
      enteredBy: e.enteredByName ?? "–",
      enteredAt: formatDateTime(e.enteredAt),
      inForce: e.inForce,
    })),
    saved: new URL(request.url).searchParams.get("gemt") !== null,
    /** The form is rebuilt after every load, so a saved entry does not stay in it. */
    loadedAt: Date.now(),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireUser(request, context, "ydelse.rates");
  const form = await readForm(request, context);
  const values = formToTree(form);
  const r = await addYdelseRate(useCase(context, actor), values);
  if (r.ok) throw redirect("/admin/ydelsessatser?gemt=1#indtastede");
  return { values: values as Values, errors: r.errors, nonce: Date.now() };
}

export const meta: Route.MetaFunction = () => [{ title: "Ydelsessatser – Ressourceforløb" }];

const amount = new Intl.NumberFormat("da-DK");
const CATEGORY_OPTIONS = RATE_CATEGORIES.map((c) => ({ value: c, label: RATE_CATEGORY_TITLES[c] }));

export default function AdminYdelseRates({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const a = actionData ?? null;
  const f = { formKey: "rate", values: a?.values ?? null, errors: a?.errors ?? {} };
  return (
    <div className="stack" key={d.loadedAt}>
      <Breadcrumbs items={[{ label: "Forside", to: "/" }, { label: "Ydelsessatser" }]} />
      <h1>Satser for ressourceforløbsydelse</h1>
      <p>
        Ydelsen beregnes efter satserne for det år, måneden ligger i (Y-5). Mangler et år eller en kategori i den
        indbyggede tabel, giver beregningen ikke et beløb, men siger, at satsen mangler: der bruges aldrig 0 eller et
        andet års sats. Her indtastes en manglende sats med sin kilde. Indtastninger kan ikke rettes eller slettes; en
        ny indtastning for samme år og kategori gælder fra nu af, og historikken bevares. Hver indtastning står i
        adgangsloggen.
      </p>
      {d.saved ? <Alert kind="success" heading="Satsen er gemt og bruges fra nu af i beregningerne." /> : null}

      <section aria-labelledby="rate-form-heading">
        <h2 id="rate-form-heading">Indtast en manglende sats</h2>
        <IndsatsForm
          formKey="rate"
          action="/admin/ydelsessatser"
          intent="add"
          answer={a ? { errors: a.errors, conflict: null } : null}
          labels={FIELD_LABELS}
          submit="Gem satsen"
        >
          <div className="field-row">
            <Input {...f} name="year" label="År" inputMode="numeric" width="xs" />
            <Select {...f} name="category" label="Kategori" options={CATEGORY_OPTIONS} />
            <Input {...f} name="amount" label="Beløb (hele kroner)" inputMode="numeric" width="s" />
          </div>
          <div className="field-row">
            <Input {...f} name="law" label="Lov" hint="Fx LAS" width="s" />
            <Input {...f} name="paragraph" label="Paragraf" hint="Fx § 69 j" width="s" />
          </div>
          <Input {...f} name="source" label="Kilde" hint='Fx bm.dk "Satser for 2025", med dato' width="xl" />
        </IndsatsForm>
      </section>

      <section aria-labelledby="indtastede">
        <h2 id="indtastede" tabIndex={-1}>
          Indtastede satser (historik)
        </h2>
        {d.entered.length === 0 ? (
          <p className="muted">Der er ikke indtastet nogen satser.</p>
        ) : (
          <table className="table table--zebra">
            <caption className="visually-hidden">Indtastede satser, nyeste først</caption>
            <thead>
              <tr>
                <th scope="col">År</th>
                <th scope="col">Kategori</th>
                <th scope="col">Beløb</th>
                <th scope="col">Kilde</th>
                <th scope="col">Indtastet</th>
                <th scope="col">Gælder</th>
              </tr>
            </thead>
            <tbody>
              {d.entered.map((e) => (
                <tr key={e.id}>
                  <td>{e.year}</td>
                  <td>{e.title}</td>
                  <td className="indsats-nowrap">{amount.format(e.amount)} kr.</td>
                  <td>{e.source}</td>
                  <td>
                    {e.enteredAt}, {e.enteredBy}
                  </td>
                  <td>{e.inForce ? "Ja" : "Nej, erstattet af en nyere indtastning"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="indbyggede">
        <h2 id="indbyggede">Indbyggede satser</h2>
        <p className="muted">
          Fra regelkataloget (Y-5; LAS kap. 6 a, § 69 j; bm.dk "satser for 20XX"). Tomme felter har ingen sats.
        </p>
        <div className="indsats-scroll">
          <table className="table table--zebra">
            <caption className="visually-hidden">Indbyggede satser pr. år og kategori</caption>
            <thead>
              <tr>
                <th scope="col">År</th>
                {RATE_CATEGORIES.map((c) => (
                  <th scope="col" key={c}>
                    {RATE_CATEGORY_TITLES[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.builtIn.map((row) => (
                <tr key={row.year}>
                  <th scope="row">{row.year}</th>
                  {row.amounts.map((x, i) => (
                    <td key={i} className="indsats-nowrap">
                      {x === null ? "–" : amount.format(x)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
