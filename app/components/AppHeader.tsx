import { Form, Link, NavLink } from "react-router";
import type { Role } from "~/platform/auth/actor";
import { CsrfInput } from "./CsrfInput";

export interface HeaderUser {
  name: string;
  roleLabel: string;
  role: Role;
  municipalityName: string;
}

const NAV: { to: string; label: string; roles: Role[] | "all" }[] = [
  { to: "/", label: "Forside", roles: "all" },
  { to: "/borgere", label: "Borgere", roles: ["caseworker", "leader"] },
  { to: "/frister", label: "Mine frister", roles: ["caseworker", "leader"] },
  { to: "/sager", label: "Sager", roles: ["caseworker", "leader"] },
  { to: "/team", label: "Rehabiliteringsteam", roles: ["caseworker", "leader", "rehabteam"] },
  { to: "/statistik", label: "Statistik", roles: ["leader", "analyst", "admin"] },
  { to: "/admin/audit", label: "Adgangslog", roles: ["admin"] },
  { to: "/admin/tokens", label: "API-adgang", roles: ["admin"] },
  { to: "/admin/ydelsessatser", label: "Ydelsessatser", roles: ["admin"] },
  { to: "/regler", label: "Regler", roles: "all" },
];

export function AppHeader({
  user,
  demo,
  pinnedToday,
}: {
  user: HeaderUser | null;
  demo: boolean;
  pinnedToday: string | null;
}) {
  const items = NAV.filter((n) => n.roles === "all" || (user && n.roles.includes(user.role)));
  return (
    <header className="header">
      {demo ? (
        <div className="demo-banner">
          <div className="container">
            Demoversion: alle personer og CPR-numre er opdigtede.
            {pinnedToday
              ? ` Systemet regner, som om dagens dato er ${pinnedToday.split("-").reverse().join(".")}, så et nyt ressourceforløb stadig kan bevilges (det kan det ikke fra 01.02.2026).`
              : null}
          </div>
        </div>
      ) : null}
      <div className="portal-info">
        <div className="portal-info-inner container">
          <Link to="/" className="app-name">
            Ressourceforløb
          </Link>
          <div className="portal-user always">
            {user ? (
              <>
                <p className="user">
                  <strong>{user.name}</strong>
                  <br />
                  <span>
                    {user.roleLabel}, {user.municipalityName}
                  </span>
                </p>
                <Form method="post" action="/logout" className="inline-form">
                  <CsrfInput />
                  <button type="submit" className="button button-secondary">
                    Log af
                  </button>
                </Form>
              </>
            ) : (
              <Link to="/login" className="button button-secondary">
                Log på
              </Link>
            )}
          </div>
        </div>
      </div>
      {user && user.role !== "citizen" ? (
        <nav className="navigation-menu" aria-label="Hovedmenu">
          <div className="navigation-menu-inner container">
            <ul className="mainmenu">
              {items.map((n) => (
                <li key={n.to}>
                  <NavLink to={n.to} end={n.to === "/"} className="nav-link">
                    <span>{n.label}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      ) : null}
    </header>
  );
}
