import { Link } from "react-router";
import type { Route } from "./+types/statistik";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { Alert } from "~/app/components/fields";
import { requireUser, useCase } from "~/app/lib/auth.server";
import { formatIsoDate } from "~/app/lib/format";
import { statisticsQueryFromUrl, statisticsSearch } from "~/app/lib/statistik-query";
import { can } from "~/platform/auth/permissions";
import { choicesHtml, figuresHtml } from "~/app/lib/statistik-render.server";
import { readStatistics } from "~/modules/statistik/index.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "statistics.read");
  const ctx = useCase(context, actor);
  const q = statisticsQueryFromUrl(new URL(request.url));
  let r = await readStatistics(ctx, q.raw, { comparisonGiven: q.comparisonGiven, remember: q.remember });
  let errors: Record<string, string> = {};
  if (!r.ok) {
    errors = r.errors;
    r = await readStatistics(ctx, {}, {});
    if (!r.ok) throw new Response("Statistikken kunne ikke vises", { status: 500 });
  }
  const { figures, choices, ...v } = r.view;
  return {
    view: { ...v, toc: figures.map((f) => ({ id: f.id, title: f.title, ruleId: f.ruleId })) },
    figuresHtml: figuresHtml(figures, statisticsSearch(r.view), r.view.cacheKey),
    choicesHtml: choicesHtml(r.view),
    requested: { fra: q.raw.fra ?? v.period.fromMonth, til: q.raw.til ?? v.period.toMonth },
    errors,
    canSetTargets: can(actor, "statistics.target"),
    canManagePopulation: can(actor, "population.manage"),
    targetsSaved: new URL(request.url).searchParams.get("maal") === "gemt",
  };
}

export const meta: Route.MetaFunction = () => [{ title: "Statistik – Ressourceforløb" }];

const ERROR_FIELDS: Record<string, string> = { fra: "stat-fra", til: "stat-til", sammenlign: "stat-sammenlign" };

export default function Statistics({ loaderData }: Route.ComponentProps) {
  const { view: v, errors, requested } = loaderData;
  const errorEntries = Object.entries(errors);
  return (
    <div className="stack">
      <Breadcrumbs items={[{ label: "Forside", to: "/" }, { label: "Statistik" }]} />
      <h1>Statistik for {v.ownName}</h1>
      <p>
        Ressourceforløb {v.period.fromMonth} til {v.period.toMonth}, opgjort pr. {formatIsoDate(v.asOf)}, sammenlignet
        med{" "}
        {v.comparisonCodes.length === 1
          ? "1 valgt kommune og "
          : v.comparisonCodes.length > 1
            ? `${v.comparisonCodes.length} valgte kommuner og `
            : ""}
        hele landet (alle kommuner i systemet). Tallene er samlede tal: ingen borger kan ses, og celler med færre end 5
        personer vises som "&lt;5".
      </p>
      {loaderData.targetsSaved ? <Alert kind="success" heading="Kommunens mål er gemt." /> : null}
      {errorEntries.length > 0 ? (
        <div className="alert alert-error" role="alert" aria-labelledby="stat-error-heading">
          <div className="alert-body">
            <h2 className="alert-heading" id="stat-error-heading">
              Statistikken vises for standardperioden, fordi valget ikke kunne bruges
            </h2>
            <ul className="alert-text nobullet-list">
              {errorEntries.map(([field, message]) => (
                <li key={field}>
                  <a href={`#${ERROR_FIELDS[field.split(".")[0]!] ?? "stat-fra"}`}>{message}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}

      <form method="get" action="/statistik" className="stack statistik-form" aria-labelledby="stat-form-heading">
        <h2 id="stat-form-heading">Periode og sammenligning</h2>
        <input type="hidden" name="valgt" value="1" />
        <div className="field-row">
          <div className={`form-group${errors.fra ? " form-error" : ""}`}>
            <label className="form-label" htmlFor="stat-fra">
              Første måned
            </label>
            <span className="form-hint" id="stat-fra-hint">
              ÅÅÅÅ-MM, tidligst 2013-01
            </span>
            <input
              className="form-input input-width-s"
              id="stat-fra"
              name="fra"
              defaultValue={requested.fra}
              aria-describedby="stat-fra-hint"
              inputMode="numeric"
            />
          </div>
          <div className={`form-group${errors.til ? " form-error" : ""}`}>
            <label className="form-label" htmlFor="stat-til">
              Sidste måned
            </label>
            <span className="form-hint" id="stat-til-hint">
              ÅÅÅÅ-MM
            </span>
            <input
              className="form-input input-width-s"
              id="stat-til"
              name="til"
              defaultValue={requested.til}
              aria-describedby="stat-til-hint"
              inputMode="numeric"
            />
          </div>
        </div>
        {/* 98 checkboxes: static HTML rendered once per data version and choice (statistik-render.server.tsx). */}
        <div dangerouslySetInnerHTML={{ __html: loaderData.choicesHtml }} />
        <div className="statistik-actions">
          <button type="submit" className="button button-primary">
            Vis statistik
          </button>
          <a href={`/statistik?fra=${v.period.fromMonth}&til=${v.period.toMonth}&valgt=1`}>Fjern sammenligningen</a>
        </div>
      </form>

      <nav aria-labelledby="stat-toc-heading">
        <h2 id="stat-toc-heading">Indhold</h2>
        <ul>
          {v.toc.map((f) => (
            <li key={f.id}>
              <a href={`#${f.id}`}>
                {f.title} ({f.ruleId})
              </a>
            </li>
          ))}
        </ul>
        <p>
          <a href={`/statistik/eksport.xlsx?${statisticsSearch(v, { figur: "alle" })}`} download>
            Hent alle tabeller som Excel (XLSX)
          </a>
        </p>
        {loaderData.canSetTargets || loaderData.canManagePopulation ? (
          <ul className="nobullet-list">
            {loaderData.canSetTargets ? (
              <li>
                <Link to="/statistik/maal">Ret kommunens mål for virksomhedsrettet indsats og mentor</Link>
              </li>
            ) : null}
            {loaderData.canManagePopulation ? (
              <li>
                <Link to="/admin/befolkningstal">Indtast eller importer befolkningstal</Link>
              </li>
            ) : null}
          </ul>
        ) : null}
      </nav>

      {/* The figures are static HTML rendered once per figure on the server (no React work per request). */}
      <div className="stack" dangerouslySetInnerHTML={{ __html: loaderData.figuresHtml }} />
    </div>
  );
}
