import { Link, redirect } from "react-router";
import type { Route } from "./+types/home";
import { ROLE_LABELS } from "~/platform/auth/actor";

export function loader({ context }: Route.LoaderArgs) {
  const actor = context.actor;
  if (!actor) throw redirect("/login");
  return {
    name: actor.name,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    municipality: actor.municipalityName,
  };
}

export const meta: Route.MetaFunction = () => [{ title: "Forside – Ressourceforløb" }];

export default function Home({ loaderData }: Route.ComponentProps) {
  const d = loaderData;
  return (
    <div className="stack">
      <h1>Goddag, {d.name}</h1>
      <p>
        Du er logget på som {d.roleLabel.toLowerCase()} i {d.municipality}.
      </p>
      {d.role === "caseworker" || d.role === "leader" ? (
        <ul>
          <li>
            <Link to="/borgere">Find eller opret en borger</Link>
          </li>
          <li>
            <Link to="/regler">Se reglerne, systemet regner efter</Link>
          </li>
        </ul>
      ) : null}
      {d.role === "admin" ? (
        <ul>
          <li>
            <Link to="/admin/audit">Adgangslog: hvem har set eller ændret en borgers data</Link>
          </li>
          <li>
            <Link to="/admin/tokens">API-adgang for andre systemer</Link>
          </li>
        </ul>
      ) : null}
      {d.role === "citizen" ? (
        <ul>
          <li>
            <Link to="/min-plan">Min plan: din plan, dine møder, dine kontaktpersoner og dine breve</Link>
          </li>
          <li>
            <Link to="/min-plan/om-ressourceforloeb">Hvad er et ressourceforløb?</Link>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
