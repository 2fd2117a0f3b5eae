import { Link } from "react-router";
import type { Route } from "./+types/rules";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { formatIsoDate } from "~/app/lib/format";
import { CATALOGUE, REGIME_DEFINITIONS } from "~/legislation";

const GROUP_TITLES: Record<string, string> = {
  TG: "Målgruppe og visitation",
  PA: "Folkepensionsalder",
  P: "Sagsbehandling",
  PL: "Rehabiliteringsplanens indsatsdel",
  FU: "Opfølgning",
  IG: "Indsatsgaranti",
  D: "Varighed",
  E: "Afslutning",
  MT: "Mentor",
  VP: "Virksomhedspraktik",
  SK: "Sundhedskoordinator",
  Y: "Ressourceforløbsydelse",
  A: "Klage",
  ST: "Statistik",
};

const KIND: Record<string, string> = {
  computed: "Beregnes af systemet",
  judgement: "Sagsbehandlerens vurdering (systemet kræver den registreret med begrundelse)",
  procedure: "Sagsgang",
};

// Public: the rules are the law, and anyone may see how the system applies them.
export function loader() {
  return {
    rules: CATALOGUE.map((r) => ({
      ...r,
      citations: [...r.citations],
      tests: [...r.tests],
      parameters: [...r.parameters],
    })),
    regimes: REGIME_DEFINITIONS.map((r) => ({
      id: r.id,
      titleDa: r.titleDa,
      summaryDa: r.summaryDa,
      from: r.from,
      to: r.to ?? null,
    })),
  };
}

export const meta: Route.MetaFunction = () => [{ title: "Regler – Ressourceforløb" }];

export default function Rules({ loaderData }: Route.ComponentProps) {
  const groups = [...new Set(loaderData.rules.map((r) => r.group))];
  return (
    <div className="stack">
      <Breadcrumbs items={[{ label: "Forside", to: "/" }, { label: "Regler" }]} />
      <h1>Reglerne, systemet arbejder efter</h1>
      <p>
        Siden er lavet direkte ud fra reglernes kode, så den altid viser det, systemet faktisk regner efter. Hver regel
        har et ID, en hjemmel og en gyldighedsperiode. Værdier, der endnu ikke er kontrolleret mod retsinformation.dk,
        er markeret <strong>ikke verificeret</strong>.
      </p>
      <nav aria-label="Regelgrupper">
        <ul className="nobullet-list">
          {groups.map((g) => (
            <li key={g}>
              <a href={`#gruppe-${g}`}>
                {g}: {GROUP_TITLES[g] ?? g}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section>
        <h2>Regimer</h2>
        <ul>
          {loaderData.regimes.map((r) => (
            <li key={r.id}>
              <strong>{r.id}</strong>: {r.titleDa}. {r.summaryDa} ({formatIsoDate(r.from)}
              {r.to ? ` – ${formatIsoDate(r.to)}` : " –"})
            </li>
          ))}
        </ul>
      </section>
      {groups.map((g) => (
        <section key={g} id={`gruppe-${g}`}>
          <h2>
            {g}: {GROUP_TITLES[g] ?? g}
          </h2>
          <table className="table table--compact">
            <caption className="visually-hidden">Regler i gruppen {GROUP_TITLES[g] ?? g}</caption>
            <thead>
              <tr>
                <th scope="col">ID</th>
                <th scope="col">Regel</th>
                <th scope="col">Hjemmel</th>
                <th scope="col">Gælder</th>
                <th scope="col">Verificeret</th>
                <th scope="col">Tests</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.rules
                .filter((r) => r.group === g)
                .map((r) => (
                  <tr key={r.id} id={r.id}>
                    <th scope="row">{r.id}</th>
                    <td>
                      <strong>{r.titleDa}</strong>
                      <br />
                      {r.summaryDa}
                      <br />
                      <span className="muted">{KIND[r.kind]}</span>
                    </td>
                    <td>{r.basis}</td>
                    <td>
                      {formatIsoDate(r.inForce.from)}
                      {r.inForce.to ? ` – ${formatIsoDate(r.inForce.to)}` : " –"}
                    </td>
                    <td>{r.verified ? "Ja" : "Ikke verificeret"}</td>
                    <td>
                      {r.tests.length === 0
                        ? "–"
                        : r.tests.map((t) => (
                            <span key={t}>
                              <Link to={`/regler/test?fil=${encodeURIComponent(t)}`}>{t.split("/").at(-1)}</Link>{" "}
                            </span>
                          ))}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
