import { Link, redirect } from "react-router";
import type { Route } from "./+types/login";
import { Alert } from "~/app/components/fields";
import { safeRedirectTarget } from "~/app/lib/auth.server";

export function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const returnTo = safeRedirectTarget(url.searchParams.get("til"));
  if (context.actor) throw redirect(returnTo);
  return {
    oidc: context.env.oidcConfigured,
    demo: context.env.demoEnabled,
    returnTo,
    loggedOut: url.searchParams.has("logget-af"),
    failed: url.searchParams.get("fejl"),
  };
}

export const meta: Route.MetaFunction = () => [{ title: "Log på – Ressourceforløb" }];

const FAILURES: Record<string, string> = {
  ukendt: "Du er ikke oprettet som bruger i systemet. Kontakt din administrator.",
  afbrudt: "Login blev afbrudt eller er udløbet. Prøv igen.",
};

export default function Login({ loaderData }: Route.ComponentProps) {
  const d = loaderData;
  return (
    <div className="stack">
      <h1>Log på</h1>
      {d.loggedOut ? <Alert kind="success" heading="Du er logget af." /> : null}
      {d.failed ? (
        <Alert kind="error" heading="Login mislykkedes">
          {FAILURES[d.failed] ?? FAILURES.afbrudt}
        </Alert>
      ) : null}
      {d.oidc ? (
        <p>
          <a className="button button-primary" href={`/auth/oidc/start?til=${encodeURIComponent(d.returnTo)}`}>
            Log på med MitID
          </a>
        </p>
      ) : null}
      {d.demo ? (
        <p>
          Dette er en demoversion. <Link to="/demo">Vælg en demobruger</Link> for at logge på uden adgangskode.
        </p>
      ) : null}
      {!d.oidc && !d.demo ? (
        <Alert kind="warning" heading="Login er ikke sat op">
          Administratoren skal angive OIDC_ISSUER, OIDC_CLIENT_ID og OIDC_CLIENT_SECRET.
        </Alert>
      ) : null}
    </div>
  );
}
