import { NavLink } from "react-router";
import { Breadcrumbs } from "./Breadcrumbs";

export interface CaseHeaderData {
  caseId: string;
  status: string;
  statusLabel: string;
  citizenId: string;
  citizenName: string;
  maskedCpr: string;
  coordinatorName: string | null;
}

const TABS = [
  { to: "", label: "Overblik", end: true },
  { to: "/visitation", label: "Visitation" },
  { to: "/afgoerelse", label: "Afgørelse" },
  { to: "/plan", label: "Plan" },
  { to: "/opfoelgning", label: "Samtaler" },
  { to: "/indsatser", label: "Indsatser og perioder" },
  { to: "/afslutning", label: "Afslutning" },
  { to: "/klager", label: "Klager" },
  { to: "/personer", label: "Personer" },
];

/** The top of every case page: who, where in the journey, and the case's sections. */
export function CaseHeader({ data, page }: { data: CaseHeaderData; page: string }) {
  const base = `/sager/${data.caseId}`;
  return (
    <div className="stack">
      <Breadcrumbs
        items={[
          { label: "Forside", to: "/" },
          { label: "Borgere", to: "/borgere" },
          { label: data.citizenName, to: `/borgere/${data.citizenId}` },
          { label: `Sag: ${page}` },
        ]}
      />
      <div>
        <p className="muted case-kicker">
          Ressourceforløb · <span className="cpr">{data.maskedCpr}</span> · Status: <strong>{data.statusLabel}</strong>
          {data.coordinatorName ? ` · Koordinerende sagsbehandler: ${data.coordinatorName}` : null}
        </p>
        <h1>
          {data.citizenName}: {page.toLowerCase()}
        </h1>
      </div>
      <nav aria-label="Sagens sider" className="case-tabs">
        <ul>
          {TABS.map((t) => (
            <li key={t.to}>
              <NavLink to={`${base}${t.to}`} end={t.end}>
                {t.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
