import { Form, Link } from "react-router";
import type { Route } from "./+types/citizens";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { CitizenTable } from "~/app/components/CitizenTable";
import { CsrfInput } from "~/app/components/CsrfInput";
import { Alert } from "~/app/components/fields";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { searchCitizens } from "~/modules/citizens/index.server";

const PAGE_SIZE = 25;

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "citizen.read");
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("side")) || 1);
  const list = await searchCitizens(useCase(context, actor), { page, pageSize: PAGE_SIZE });
  return { list, canCreate: actor.role === "caseworker" || actor.role === "leader" };
}

// Search is a POST so that a CPR number never appears in a URL, a browser history or a log line.
export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireUser(request, context, "citizen.read");
  const form = await readForm(request, context);
  const q = String(form.get("q") ?? "").trim();
  if (q.length === 0) return { q, result: null, error: "Skriv et navn eller et CPR-nummer" };
  const result = await searchCitizens(useCase(context, actor), { q, page: 1, pageSize: 50 });
  return { q: result.kind === "cpr" ? "" : q, result, error: null };
}

export const meta: Route.MetaFunction = () => [{ title: "Borgere – Ressourceforløb" }];

export default function Citizens({ loaderData, actionData }: Route.ComponentProps) {
  const { list } = loaderData;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const search = actionData?.result;
  return (
    <div className="stack">
      <Breadcrumbs items={[{ label: "Forside", to: "/" }, { label: "Borgere" }]} />
      <h1>Borgere</h1>
      {loaderData.canCreate ? (
        <p>
          <Link to="/borgere/ny" className="button button-primary">
            Opret borger
          </Link>
        </p>
      ) : null}
      <Form method="post" role="search" aria-label="Søg efter borger" className="stack">
        <CsrfInput />
        <div className={`form-group${actionData?.error ? " form-error" : ""}`}>
          <label className="form-label" htmlFor="q">
            Søg på navn eller CPR-nummer
          </label>
          {actionData?.error ? (
            <span className="form-error-message" id="q-error">
              <span className="visually-hidden">Fejl: </span>
              {actionData.error}
            </span>
          ) : null}
          <div className="search">
            <input
              className="form-input input-width-l"
              id="q"
              name="q"
              type="search"
              defaultValue={actionData?.q ?? ""}
              autoComplete="off"
              aria-describedby={actionData?.error ? "q-error" : undefined}
            />{" "}
            <button type="submit" className="button button-primary">
              Søg
            </button>
          </div>
        </div>
      </Form>
      {search ? (
        <section aria-live="polite" className="stack">
          <h2>Søgeresultat</h2>
          {search.items.length === 0 ? (
            <Alert kind="info" heading="Ingen borgere fundet">
              {search.kind === "cpr"
                ? "Der er ingen borger med dette CPR-nummer i kommunen."
                : "Ingen borgere matcher søgningen. Prøv med en del af navnet."}
            </Alert>
          ) : (
            <CitizenTable
              items={search.items}
              caption={`${search.total} borger${search.total === 1 ? "" : "e"} fundet`}
            />
          )}
          <p>
            <Link to="/borgere">Vis alle borgere</Link>
          </p>
        </section>
      ) : (
        <section className="stack">
          <h2>Alle borgere</h2>
          <CitizenTable
            items={list.items}
            caption={`${list.total} borgere i kommunen, side ${list.page} af ${pages}`}
          />
          {pages > 1 ? (
            <nav aria-label="Sider" className="pagination">
              {list.page > 1 ? <Link to={`/borgere?side=${list.page - 1}`}>Forrige side</Link> : null}{" "}
              <span>
                Side {list.page} af {pages}
              </span>{" "}
              {list.page < pages ? <Link to={`/borgere?side=${list.page + 1}`}>Næste side</Link> : null}
            </nav>
          ) : null}
        </section>
      )}
    </div>
  );
}
