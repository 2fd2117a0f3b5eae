import { Form, redirect } from "react-router";
import type { Route } from "./+types/deadlines-team";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { CsrfInput } from "~/app/components/CsrfInput";
import { DeadlineList } from "~/app/components/DeadlineList";
import { Alert } from "~/app/components/fields";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { formatIsoDate } from "~/app/lib/format";
import { reassignCase, staffList } from "~/modules/cases/index.server";
import { teamDeadlines } from "~/modules/frister/index.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "deadlines.lead");
  const ctx = useCase(context, actor);
  const r = await teamDeadlines(ctx);
  return { ...r, staff: await staffList(ctx), moved: new URL(request.url).searchParams.get("flyttet") };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireUser(request, context, "deadlines.lead");
  const form = await readForm(request, context);
  const r = await reassignCase(
    useCase(context, actor),
    String(form.get("caseId") ?? ""),
    String(form.get("userId") ?? ""),
  );
  if (r.ok) throw redirect("/frister/team?flyttet=1");
  return { error: r.reason === "INVALID" ? Object.values(r.errors).join(" ") : "Sagen findes ikke" };
}

export const meta: Route.MetaFunction = () => [{ title: "Teamets frister – Ressourceforløb" }];

export default function TeamDeadlines({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  return (
    <div className="stack">
      <Breadcrumbs
        items={[{ label: "Forside", to: "/" }, { label: "Mine frister", to: "/frister" }, { label: "Teamets frister" }]}
      />
      <h1>Teamets frister</h1>
      <p>Pr. {formatIsoDate(d.asOf)}.</p>
      {d.moved ? <Alert kind="success" heading="Sagen er flyttet. Fristerne følger den nye sagsbehandler." /> : null}
      {actionData?.error ? (
        <Alert kind="error" heading="Sagen blev ikke flyttet">
          {actionData.error}
        </Alert>
      ) : null}
      <table className="table table--compact">
        <caption>Åbne frister pr. sagsbehandler</caption>
        <thead>
          <tr>
            <th scope="col">Sagsbehandler</th>
            <th scope="col">Åbne</th>
            <th scope="col">Overskredne</th>
          </tr>
        </thead>
        <tbody>
          {d.counts.map((c) => (
            <tr key={c.userId ?? "none"}>
              <td>{c.name ?? "Ingen sagsbehandler"}</td>
              <td>{c.open}</td>
              <td>{c.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.overdue.length === 0 ? (
        <p>Ingen overskredne frister.</p>
      ) : (
        <>
          <DeadlineList items={d.overdue} caption={`Overskredne frister (${d.overdue.length})`} showCoordinator />
          <section className="stack">
            <h2>Flyt en sag til en anden sagsbehandler</h2>
            <Form method="post" className="stack">
              <CsrfInput />
              <div className="field-row">
                <div className="form-group">
                  <label className="form-label" htmlFor="reassign-case">
                    Sag
                  </label>
                  <select className="form-select" id="reassign-case" name="caseId">
                    {[...new Map(d.overdue.map((o) => [o.caseId, o])).values()].map((o) => (
                      <option key={o.caseId} value={o.caseId}>
                        {o.citizenName} ({o.coordinatorName ?? "ingen"})
                      </option>
                    ))}
                  </select>
                </div>
                <div className="form-group">
                  <label className="form-label" htmlFor="reassign-user">
                    Ny koordinerende sagsbehandler
                  </label>
                  <select className="form-select" id="reassign-user" name="userId">
                    {d.staff.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <p className="muted">Skiftet registreres i sagens historik (P-6). Husk at orientere borgeren.</p>
              <div>
                <button type="submit" className="button button-primary">
                  Flyt sagen
                </button>
              </div>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}
