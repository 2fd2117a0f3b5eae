import { Link } from "react-router";
import type { Route } from "./+types/deadlines";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { DeadlineList } from "~/app/components/DeadlineList";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { formatIsoDate } from "~/app/lib/format";
import { myDeadlines } from "~/modules/frister/index.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.read");
  const all = new URL(request.url).searchParams.has("alle");
  const r = await myDeadlines(useCase(context, actor), { all });
  return { ...r, all, isLeader: actor.role === "leader" };
}

export const meta: Route.MetaFunction = () => [{ title: "Mine frister – Ressourceforløb" }];

export default function Deadlines({ loaderData }: Route.ComponentProps) {
  const d = loaderData;
  const overdue = d.items.filter((i) => i.status === "overdue");
  const soon = d.items.filter((i) => i.status === "dueSoon");
  const later = d.items.filter((i) => i.status === "upcoming");
  return (
    <div className="stack">
      <Breadcrumbs items={[{ label: "Forside", to: "/" }, { label: "Mine frister" }]} />
      <h1>Mine frister</h1>
      <p>
        Fristerne beregnes af reglerne ud fra sagernes oplysninger pr. {formatIsoDate(d.asOf)}; ingen er tastet i
        hånden. "Snart" er inden for {d.dueSoonDays} dage. Klik på borgeren for at gå direkte til stedet i sagen.{" "}
        <a href="/mine-moeder.ics">Hent mine møder som kalender (iCal)</a>
      </p>
      <p>
        {d.all ? (
          <Link to="/frister">Vis kun overskredne og snarlige</Link>
        ) : (
          <Link to="/frister?alle=1">Vis alle åbne frister</Link>
        )}
        {d.isLeader ? (
          <>
            {" · "}
            <Link to="/frister/team">Teamets frister</Link>
          </>
        ) : null}
      </p>
      {d.items.length === 0 ? <p>Du har ingen frister, der er overskredet eller snart udløber.</p> : null}
      {overdue.length > 0 ? <DeadlineList items={overdue} caption={`Overskredne frister (${overdue.length})`} /> : null}
      {soon.length > 0 ? <DeadlineList items={soon} caption={`Frister, der snart udløber (${soon.length})`} /> : null}
      {later.length > 0 ? <DeadlineList items={later} caption={`Senere frister (${later.length})`} /> : null}
    </div>
  );
}
