import { Link } from "react-router";
import type { Route } from "./+types/cases";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { formatIsoDate } from "~/app/lib/format";
import { CASE_STATUSES, type CaseStatus } from "~/modules/cases";
import { listCases } from "~/modules/cases/index.server";

const GROUPS: { title: string; statuses: CaseStatus[] }[] = [
  { title: "Under visitation", statuses: ["visitation"] },
  { title: "Klar til eller på teamets dagsorden", statuses: ["readyForTeam", "onAgenda", "backToTeam"] },
  { title: "Afventer afgørelse", statuses: ["indstillingGiven"] },
  { title: "Igangværende ressourceforløb", statuses: ["granted"] },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.read");
  const rows = await listCases(
    useCase(context, actor),
    GROUPS.flatMap((g) => g.statuses),
  );
  return { rows };
}

export const meta: Route.MetaFunction = () => [{ title: "Sager – Ressourceforløb" }];

export default function Cases({ loaderData }: Route.ComponentProps) {
  return (
    <div className="stack">
      <Breadcrumbs items={[{ label: "Forside", to: "/" }, { label: "Sager" }]} />
      <h1>Sager om ressourceforløb</h1>
      <p>
        En ny sag åbnes fra borgerens side. <Link to="/borgere">Find borgeren</Link>. En borger, der flytter til
        kommunen, får sin sag med: <Link to="/sager/import">Modtag en sag fra en anden kommune (P-8)</Link>.
      </p>
      {GROUPS.map((g) => {
        const rows = loaderData.rows.filter((r) => g.statuses.includes(r.status as CaseStatus));
        return (
          <section key={g.title}>
            <h2>
              {g.title} ({rows.length})
            </h2>
            {rows.length === 0 ? (
              <p className="muted">Ingen sager.</p>
            ) : (
              <table className="table table--zebra">
                <caption className="visually-hidden">{g.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Borger</th>
                    <th scope="col">Status</th>
                    <th scope="col">Åbnet</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link to={`/sager/${r.id}`}>{r.citizenName}</Link>
                      </td>
                      <td>{CASE_STATUSES[r.status as CaseStatus]}</td>
                      <td>{formatIsoDate(r.openedOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
}
