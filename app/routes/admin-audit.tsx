import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/admin-audit";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { CsrfInput } from "~/app/components/CsrfInput";
import { Alert, TextField } from "~/app/components/fields";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { formatDateTime } from "~/app/lib/format";
import { searchAudit } from "~/modules/admin/index.server";
import { findCitizenIdForAudit } from "~/modules/citizens/index.server";
import { ROLE_LABELS, type Role } from "~/platform/auth/actor";
import { auditActionLabel } from "~/platform/audit/audit-labels";
import { OPFOELGNING_AUDIT_LABELS } from "~/modules/opfoelgning";

const MODULE_AUDIT_LABELS = { ...OPFOELGNING_AUDIT_LABELS };

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "audit.read");
  const url = new URL(request.url);
  const citizenId = url.searchParams.get("borger") ?? undefined;
  const actorId = url.searchParams.get("bruger") ?? undefined;
  const before = Number(url.searchParams.get("foer")) || undefined;
  const ctx = useCase(context, actor);
  const citizen = citizenId ? await findCitizenIdForAudit(ctx, { id: citizenId }) : null;
  const result = await searchAudit(ctx, { citizenId, actorId, beforeId: before });
  return {
    ...result,
    events: result.events.map((e) => ({
      id: e.id,
      at: formatDateTime(e.occurredAt),
      actorName: e.actorName,
      actorRole: e.actorRole ? (ROLE_LABELS[e.actorRole as Role] ?? e.actorRole) : "System",
      action: auditActionLabel(e.action, MODULE_AUDIT_LABELS),
      citizenId: e.citizenId,
      citizenName: e.citizenName,
      changes: e.changes,
    })),
    filter: { citizenId, actorId, citizenName: citizen?.ok ? citizen.name : null },
  };
}

// The CPR is posted, never put in the URL; the page then filters on the citizen's internal id.
export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireUser(request, context, "audit.read");
  const form = await readForm(request, context);
  const found = await findCitizenIdForAudit(useCase(context, actor), { cpr: String(form.get("cpr") ?? "") });
  if (!found.ok) return { cprError: found.message, cpr: String(form.get("cpr") ?? "") };
  throw redirect(`/admin/audit?borger=${found.id}`);
}

export const meta: Route.MetaFunction = () => [{ title: "Adgangslog – Ressourceforløb" }];

function showValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "–";
  if (Array.isArray(v)) return v.length ? v.join("; ") : "–";
  return String(v);
}

export default function AdminAudit({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  return (
    <div className="stack">
      <Breadcrumbs items={[{ label: "Forside", to: "/" }, { label: "Adgangslog" }]} />
      <h1>Adgangslog</h1>
      <p>
        Hver gang nogen ser eller ændrer en borgers oplysninger, skrives det her. Loggen kan ikke ændres. Brug den til
        at svare en borger på, hvem der har set deres data.
      </p>
      <div className="field-row">
        <Form method="post" className="stack" aria-label="Find borger på CPR-nummer">
          <CsrfInput />
          <TextField
            name="cpr"
            label="Borgerens CPR-nummer"
            hint="Vis alt, der er sket med én borgers data."
            defaultValue={actionData?.cpr ?? ""}
            error={actionData?.cprError}
            inputMode="numeric"
            autoComplete="off"
            width="s"
          />
          <button type="submit" className="button button-secondary">
            Vis borgerens log
          </button>
        </Form>
        <Form method="get" className="stack" aria-label="Filtrer på bruger">
          <div className="form-group">
            <label className="form-label" htmlFor="bruger">
              Bruger
            </label>
            <span className="form-hint" id="bruger-hint">
              Vis alt, én bruger eller ét system har gjort.
            </span>
            <select
              className="form-select"
              id="bruger"
              name="bruger"
              defaultValue={d.filter.actorId ?? ""}
              aria-describedby="bruger-hint"
            >
              <option value="">Alle brugere</option>
              {d.actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({ROLE_LABELS[a.role as Role] ?? a.role})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary">
            Vis brugerens log
          </button>
        </Form>
      </div>
      {d.filter.citizenId || d.filter.actorId ? (
        <p>
          Filter: {d.filter.citizenName ? `borgeren ${d.filter.citizenName}` : null}
          {d.filter.actorId ? ` brugeren ${d.actors.find((a) => a.id === d.filter.actorId)?.name ?? ""}` : null}.{" "}
          <Link to="/admin/audit">Fjern filter</Link>
        </p>
      ) : null}
      {d.events.length === 0 ? (
        <Alert kind="info" heading="Ingen hændelser" />
      ) : (
        <table className="table table--compact table--zebra">
          <caption>Seneste hændelser først</caption>
          <thead>
            <tr>
              <th scope="col">Tidspunkt</th>
              <th scope="col">Hvem</th>
              <th scope="col">Handling</th>
              <th scope="col">Borger</th>
              <th scope="col">Ændringer</th>
            </tr>
          </thead>
          <tbody>
            {d.events.map((e) => (
              <tr key={e.id}>
                <td>{e.at}</td>
                <td>
                  {e.actorName}
                  <br />
                  <span className="muted">{e.actorRole}</span>
                </td>
                <td>{e.action}</td>
                <td>
                  {e.citizenId ? (
                    <Link to={`/admin/audit?borger=${e.citizenId}`}>{e.citizenName ?? "Borger"}</Link>
                  ) : (
                    "–"
                  )}
                </td>
                <td>
                  {e.changes ? (
                    <ul className="nobullet-list">
                      {Object.entries(e.changes).map(([field, c]) => (
                        <li key={field}>
                          <strong>{field}</strong>: {showValue(c.before)} → {showValue(c.after)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    "–"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d.more ? (
        <p>
          <Link
            to={`/admin/audit?${new URLSearchParams({
              ...(d.filter.citizenId ? { borger: d.filter.citizenId } : {}),
              ...(d.filter.actorId ? { bruger: d.filter.actorId } : {}),
              foer: String(d.events.at(-1)?.id ?? ""),
            })}`}
          >
            Vis ældre hændelser
          </Link>
        </p>
      ) : null}
    </div>
  );
}
