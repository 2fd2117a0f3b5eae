import { Link } from "react-router";
import type { Route } from "./+types/citizen-view";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { Alert } from "~/app/components/fields";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { formatIsoDate } from "~/app/lib/format";
import { PREVIOUS_BENEFITS, RELATIONS } from "~/modules/citizens";
import { readCitizen } from "~/modules/citizens/index.server";
import { CASE_STATUSES, type CaseStatus } from "~/modules/cases";
import { casesOfCitizen } from "~/modules/cases/index.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "citizen.read");
  const citizen = await readCitizen(useCase(context, actor), params.citizenId);
  // Another municipality's citizen gets exactly the same answer as one that does not exist.
  if (!citizen) throw new Response("Ikke fundet", { status: 404 });
  const cases = await casesOfCitizen(useCase(context, actor), citizen.id);
  return { citizen, cases, saved: new URL(request.url).searchParams.has("gemt") };
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.citizen.name ?? "Borger"} – Ressourceforløb` },
];

export default function CitizenView({ loaderData }: Route.ComponentProps) {
  const c = loaderData.citizen;
  return (
    <div className="stack">
      <Breadcrumbs items={[{ label: "Forside", to: "/" }, { label: "Borgere", to: "/borgere" }, { label: c.name }]} />
      {loaderData.saved ? <Alert kind="success" heading="Oplysningerne er gemt." /> : null}
      <h1>{c.name}</h1>
      <dl className="summary-list">
        <dt>CPR-nummer</dt>
        <dd className="cpr">
          {c.cpr.slice(0, 6)}-{c.cpr.slice(6)}
        </dd>
        <dt>Fødselsdato</dt>
        <dd>{formatIsoDate(c.birthDate)}</dd>
        <dt>Køn</dt>
        <dd>{c.sex === "K" ? "Kvinde" : "Mand"}</dd>
        <dt>Adresse</dt>
        <dd>
          {c.address}, {c.postalCode} {c.city}
        </dd>
        <dt>Telefon</dt>
        <dd>{c.phone ?? "–"}</dd>
        <dt>E-mail</dt>
        <dd>{c.email ?? "–"}</dd>
        <dt>Forsørgelse før forløbet</dt>
        <dd>{PREVIOUS_BENEFITS[c.previousBenefit]}</dd>
      </dl>
      <section>
        <h2>Netværk</h2>
        {c.network.length === 0 ? (
          <p className="muted">Der er ikke registreret personer fra borgerens netværk.</p>
        ) : (
          <ul>
            {c.network.map((p, i) => (
              <li key={i}>
                {p.name} – {RELATIONS[p.relation]}
                {p.phone ? `, tlf. ${p.phone}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link to={`/borgere/${c.id}/rediger`} className="button button-secondary">
          Rediger oplysninger
        </Link>
      </p>
      <section className="stack">
        <h2>Sager om ressourceforløb</h2>
        {loaderData.cases.length === 0 ? (
          <p className="muted">Borgeren har ingen sager om ressourceforløb.</p>
        ) : (
          <ul>
            {loaderData.cases.map((k) => (
              <li key={k.id}>
                <Link to={`/sager/${k.id}`}>Sag åbnet {formatIsoDate(k.openedOn)}</Link> –{" "}
                {CASE_STATUSES[k.status as CaseStatus]}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`/sager/ny?borger=${c.id}`} className="button button-primary">
            Åbn sag om ressourceforløb
          </Link>
        </p>
      </section>
    </div>
  );
}
