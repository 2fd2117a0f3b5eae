import { Form, Link } from "react-router";
import type { Route } from "./+types/case-plan-history";
import { CaseHeader } from "~/app/components/CaseHeader";
import { Alert } from "~/app/components/fields";
import { PlanDiff, PlanView } from "~/app/components/PlanView";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { caseHeader } from "~/app/lib/case-header.server";
import { formatDateTime } from "~/app/lib/format";
import { readCase } from "~/modules/cases/index.server";
import { diffPlans, ruleBasis } from "~/modules/plan";
import { planRevision, planRevisions } from "~/modules/plan/index.server";

function revisionParam(url: URL, name: string): number | null {
  const raw = url.searchParams.get(name);
  return raw && /^\d{1,6}$/.test(raw) ? Number(raw) : null;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.read");
  const view = await readCase(useCase(context, actor), params.caseId, "plan.history");
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const list = await planRevisions(context.db, view.access);
  const url = new URL(request.url);
  const newest = list[0]?.revision ?? 0;
  // Default: what the newest revision changed, compared with the one before it.
  const b = revisionParam(url, "b") ?? newest;
  const a = revisionParam(url, "a") ?? (b > 1 ? b - 1 : 0);
  const [ra, rb] = await Promise.all([
    a > 0 ? planRevision(context.db, view.access, a) : Promise.resolve(null),
    b > 0 ? planRevision(context.db, view.access, b) : Promise.resolve(null),
  ]);
  const shown = revisionParam(url, "vis");
  const shownRevision = shown ? await planRevision(context.db, view.access, shown) : null;
  return {
    header: caseHeader(view),
    caseId: view.case.id,
    revisions: list.map((r) => ({
      revision: r.revision,
      changeNote: r.changeNote,
      createdAt: formatDateTime(r.createdAt),
      createdByName: r.createdByName,
    })),
    a: ra ? a : 0,
    b: rb ? b : 0,
    missing: (a > 0 && !ra) || (b > 0 && !rb),
    changes: rb ? diffPlans(ra?.content ?? null, rb.content) : [],
    changeNoteB: rb?.changeNote ?? null,
    shown: shownRevision ? { revision: shownRevision.revision, content: shownRevision.content } : null,
  };
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Planens historik – ${data?.header.citizenName ?? "sag"} – Ressourceforløb` },
];

export default function CasePlanHistory({ loaderData }: Route.ComponentProps) {
  const d = loaderData;
  const base = `/sager/${d.caseId}/plan`;
  const options = d.revisions.map((r) => (
    <option key={r.revision} value={r.revision}>
      Revision {r.revision} ({r.createdAt})
    </option>
  ));
  return (
    <div className="stack">
      <CaseHeader data={d.header} page="Planens historik" />
      <p>
        <Link to={base}>Tilbage til planen</Link>
      </p>
      <p className="muted">Planen revideres løbende, og hver revision gemmes uændret ({ruleBasis("PL-5")}).</p>
      {d.revisions.length === 0 ? (
        <Alert kind="info" heading="Der er ikke lavet en plan endnu." />
      ) : (
        <>
          <section className="stack" aria-labelledby="diff-heading">
            <h2 id="diff-heading">Sammenlign to revisioner</h2>
            <Form method="get" className="plan-compare">
              <div className="form-group">
                <label className="form-label" htmlFor="compare-a">
                  Fra
                </label>
                <select className="form-select" id="compare-a" name="a" defaultValue={String(d.a)}>
                  <option value="0">Ingen plan (før første revision)</option>
                  {options}
                </select>
              </div>
              <div className="form-group">
                <label className="form-label" htmlFor="compare-b">
                  Til
                </label>
                <select className="form-select" id="compare-b" name="b" defaultValue={String(d.b)}>
                  {options}
                </select>
              </div>
              <div className="form-group">
                <button type="submit" className="button button-secondary">
                  Vis forskelle
                </button>
              </div>
            </Form>
            {d.missing ? <Alert kind="warning" heading="Den valgte revision findes ikke." /> : null}
            {d.b > 0 ? (
              <>
                <p>
                  <strong>
                    {d.a > 0 ? `Fra revision ${d.a} til revision ${d.b}` : `Revision ${d.b} i forhold til ingen plan`}
                  </strong>
                  {d.a > d.b ? " (den nyeste er valgt som “fra”)" : ""}
                </p>
                {d.changeNoteB ? (
                  <p>
                    Ændringsnote for revision {d.b}: {d.changeNoteB}
                  </p>
                ) : null}
                <PlanDiff
                  changes={d.changes}
                  caption={d.a > 0 ? `Fra revision ${d.a} til revision ${d.b}` : `Revision ${d.b}`}
                />
              </>
            ) : null}
          </section>

          <section aria-labelledby="list-heading">
            <h2 id="list-heading">Alle revisioner</h2>
            <table className="table table--compact">
              <caption className="visually-hidden">Revisioner af planens indsatsdel, nyeste først</caption>
              <thead>
                <tr>
                  <th scope="col">Revision</th>
                  <th scope="col">Gemt</th>
                  <th scope="col">Af</th>
                  <th scope="col">Hvad er ændret</th>
                  <th scope="col">Se</th>
                </tr>
              </thead>
              <tbody>
                {d.revisions.map((r) => (
                  <tr key={r.revision}>
                    <td>{r.revision}</td>
                    <td>{r.createdAt}</td>
                    <td>{r.createdByName ?? "Servicekonto (API)"}</td>
                    <td>{r.changeNote ?? "–"}</td>
                    <td>
                      <Link to={`?vis=${r.revision}#vist`}>Vis revision {r.revision}</Link>
                      {" · "}
                      <a href={`${base}.pdf?revision=${r.revision}`}>PDF</a>
                      {r.revision > 1 ? (
                        <>
                          {" · "}
                          <Link to={`?a=${r.revision - 1}&b=${r.revision}`}>Forskelle</Link>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          {d.shown ? (
            <section aria-labelledby="vist" className="stack">
              <h2 id="vist">Revision {d.shown.revision}</h2>
              <PlanView content={d.shown.content} headingLevel={3} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
