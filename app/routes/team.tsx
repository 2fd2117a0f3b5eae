import { Link } from "react-router";
import type { Route } from "./+types/team";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { Alert } from "~/app/components/fields";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { formatIsoDate } from "~/app/lib/format";
import { ruleBasis } from "~/modules/rehabiliteringsteam";
import { teamOverview } from "~/modules/rehabiliteringsteam/index.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "team.view");
  return teamOverview(useCase(context, actor));
}

export const meta: Route.MetaFunction = () => [{ title: "Rehabiliteringsteam – Ressourceforløb" }];

type Meeting = Awaited<ReturnType<typeof teamOverview>>["upcoming"][number];

function MeetingTable({ items, caption, past }: { items: Meeting[]; caption: string; past?: boolean }) {
  return (
    <div className="table--responsive-scroll">
      <table className="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Dato</th>
            <th scope="col">Begynder</th>
            <th scope="col">Sted</th>
            <th scope="col">Sager</th>
            <th scope="col">{past ? "Indstillinger" : "Indkaldelser sendt"}</th>
            {past ? <th scope="col">Status</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id}>
              <td>
                <Link to={`/team/moeder/${m.id}`}>{formatIsoDate(m.meetingDate)}</Link>
              </td>
              <td>kl. {m.startTime}</td>
              <td>{m.place}</td>
              <td>{m.caseCount}</td>
              <td>
                {past ? m.indstillingCount : m.invitationsSent} af {m.caseCount}
              </td>
              {past ? <td>{m.status === "held" ? "Afholdt" : "Referat ikke sendt"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Team({ loaderData: d }: Route.ComponentProps) {
  const waiting = d.readyCount + d.backToTeamCount;
  return (
    <div className="stack">
      <Breadcrumbs items={[{ label: "Forside", to: "/" }, { label: "Rehabiliteringsteam" }]} />
      <h1>Rehabiliteringsteam</h1>
      <p className="muted">
        Sagen forelægges rehabiliteringsteamet, før der bevilges et ressourceforløb ({ruleBasis("P-1")}). Teamet giver
        en indstilling; kommunen træffer afgørelsen.
      </p>
      {d.canManage ? (
        <div className="stack">
          {waiting > 0 ? (
            <Alert kind="info" heading={`${waiting} ${waiting === 1 ? "sag venter" : "sager venter"} på teamet`}>
              <p>
                {d.readyCount} klar til første forelæggelse
                {d.backToTeamCount > 0 ? `, ${d.backToTeamCount} skal forelægges igen før afgørelse (P-3)` : ""}. Opret
                et møde, eller åbn et kommende møde og sæt sagerne på dagsordenen.
              </p>
            </Alert>
          ) : (
            <p>Ingen sager venter på teamet lige nu.</p>
          )}
          <p>
            <Link to="/team/moeder/ny" className="button button-primary">
              Opret møde
            </Link>
          </p>
        </div>
      ) : (
        <p>
          Her er teamets kommende møder. Åbn et møde for at se dagsordenen og læse sagerne før mødet. Hver gang du åbner
          en sag, registreres det i adgangsloggen.
        </p>
      )}
      <section className="stack" aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Kommende møder</h2>
        {d.upcoming.length === 0 ? (
          <p>Der er ingen planlagte møder.</p>
        ) : (
          <MeetingTable items={d.upcoming} caption={`Møder fra ${formatIsoDate(d.asOf)}`} />
        )}
      </section>
      {d.canManage ? (
        <section className="stack" aria-labelledby="past-heading">
          <h2 id="past-heading">Afholdte møder</h2>
          {d.past.length === 0 ? (
            <p>Der er ingen tidligere møder.</p>
          ) : (
            <MeetingTable items={d.past} caption="Tidligere møder, nyeste først" past />
          )}
        </section>
      ) : null}
    </div>
  );
}
