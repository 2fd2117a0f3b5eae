import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/case-import";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { CsrfInput } from "~/app/components/CsrfInput";
import { Alert } from "~/app/components/fields";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleIssue } from "~/modules/flytning";
import { importCase } from "~/modules/flytning/index.server";

/** A bundle of a long forløb is a few hundred kB; this leaves ample room and still bounds the request. */
const MAX_BYTES = 10 * 1024 * 1024;

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.move");
  const url = new URL(request.url);
  return {
    municipalityName: actor.municipalityName,
    userName: actor.name,
    imported: url.searchParams.get("importeret"),
    matched: url.searchParams.get("borger") === "fundet",
  };
}

type ActionData =
  | { kind: "invalid"; issues: BundleIssue[]; pasted: string; fileName: string | null }
  | { kind: "conflict"; message: string; pasted: string; fileName: string | null };

/**
 * P-8: the receiving municipality reads the bundle (uploaded file or pasted text). Everything is validated before
 * anything is written; the import is one transaction (modules/flytning importCase).
 */
export async function action({ request, context }: Route.ActionArgs): Promise<ActionData> {
  const actor = requireUser(request, context, "case.move");
  const form = await readForm(request, context);
  const file = form.get("file");
  const pasted = typeof form.get("bundle") === "string" ? String(form.get("bundle")) : "";
  const hasFile = typeof file === "object" && file !== null && (file as File).size > 0;
  const fileName = hasFile ? (file as File).name : null;
  const back = (issues: BundleIssue[]): ActionData => ({ kind: "invalid", issues, pasted, fileName });
  if (hasFile && (file as File).size > MAX_BYTES) {
    return back([{ path: "(fil)", message: "Filen er for stor (højst 10 MB)" }]);
  }
  const text = hasFile ? await (file as File).text() : pasted.trim();
  if (!text) return back([{ path: "(fil)", message: "Vælg filen fra den anden kommune, eller indsæt dens indhold" }]);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return back([
      { path: "(fil)", message: "Filen kunne ikke læses som JSON. Brug filen “sag-….json” fra den anden kommune." },
    ]);
  }
  const r = await importCase(useCase(context, actor), raw);
  if (r.ok) throw redirect(`/sager/import?importeret=${r.caseId}${r.citizenMatched ? "&borger=fundet" : ""}`);
  if (r.reason === "INVALID") return back(r.issues);
  return { kind: "conflict", message: r.message, pasted, fileName };
}

export const meta: Route.MetaFunction = () => [{ title: "Modtag sag fra anden kommune – Ressourceforløb" }];

export default function CaseImport({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const issues = a?.kind === "invalid" ? a.issues : [];
  return (
    <div className="stack">
      <Breadcrumbs
        items={[
          { label: "Forside", to: "/" },
          { label: "Sager", to: "/sager" },
          { label: "Modtag sag fra anden kommune" },
        ]}
      />
      <h1>Modtag sag fra anden kommune</h1>
      {d.imported && !a ? (
        <Alert kind="success" heading="Sagen er modtaget">
          <p>
            {d.matched
              ? "Borgeren fandtes allerede i kommunen og er koblet til sagen. "
              : "Borgeren er oprettet i kommunen. "}
            Planen med alle revisioner, forløbets datoer, perioder, indsatser, samtaler og afgørelser er overført, og
            fristerne er beregnet. Du er koordinerende sagsbehandler.
          </p>
          <ul>
            <li>
              <Link to={`/sager/${d.imported}`}>Åbn sagen</Link>
            </li>
            <li>
              <Link to={`/sager/${d.imported}/plan`}>Se og justér planen sammen med borgeren</Link>
            </li>
            <li>
              <Link to={`/sager/${d.imported}/afslutning`}>Forløbets datoer og næste skridt</Link>
            </li>
          </ul>
        </Alert>
      ) : null}
      {a?.kind === "conflict" ? <Alert kind="error" heading={a.message} /> : null}
      {issues.length > 0 ? (
        <div className="alert alert-error" role="alert" aria-labelledby="import-errors-heading" tabIndex={-1}>
          <div className="alert-body">
            <h2 className="alert-heading" id="import-errors-heading">
              Sagen er ikke indlæst: filen har {issues.length === 1 ? "et problem" : `${issues.length} problemer`}
            </h2>
            <p className="alert-text">Intet er gemt. Bed den anden kommune om en ny fil, eller ret indholdet.</p>
            <ul className="alert-text import-issues">
              {issues.map((i, n) => (
                <li key={n}>
                  <code>{i.path}</code>: {i.message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}

      <p>
        Når en borger i ressourceforløb flytter hertil, følger rehabiliteringsplanen med, og kommunen kan tage
        udgangspunkt i den og justere den (P-8; LAS § 68, stk. 8; skrivelse 10112 §4.7). Den kommune, borgeren flytter
        fra, henter sagen som fil under sagens side <em>Afslutning</em>. Indlæs filen her: sagen oprettes i{" "}
        {d.municipalityName} med planen og alle dens revisioner, forløbets datoer, perioder, indsatser, samtaler, klager
        og afgørelser. Borgeren findes på CPR-nummeret eller oprettes. Du ({d.userName}) bliver koordinerende
        sagsbehandler.
      </p>
      <Form
        key={d.imported ?? "new"}
        method="post"
        encType="multipart/form-data"
        noValidate
        className="stack import-form"
      >
        <CsrfInput />
        <div className={`form-group${issues.length ? " form-error" : ""}`}>
          <label className="form-label" htmlFor="import-file">
            Fil fra den anden kommune
          </label>
          <span className="form-hint" id="import-file-hint">
            Filen hedder “sag-….json” (format {BUNDLE_FORMAT}, version {BUNDLE_VERSION}).
            {a?.fileName ? ` Du valgte “${a.fileName}”; vælg den igen efter at have rettet den.` : ""}
          </span>
          <input
            className="form-file-input"
            id="import-file"
            name="file"
            type="file"
            accept=".json,application/json"
            aria-describedby="import-file-hint"
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="import-bundle">
            Eller indsæt filens indhold
          </label>
          <textarea
            className="form-input import-bundle"
            id="import-bundle"
            name="bundle"
            rows={6}
            defaultValue={a?.pasted ?? ""}
            spellCheck={false}
          />
        </div>
        <div>
          <button type="submit" className="button button-primary">
            Indlæs sagen
          </button>
        </div>
      </Form>
    </div>
  );
}
