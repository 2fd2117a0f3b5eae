import { redirect } from "react-router";
import type { Route } from "./+types/oidc-callback";
import { loginAndRedirect } from "~/app/lib/session.server";
import { findActorByOidcSubject, linkCitizenLogin } from "~/platform/auth/auth.db.server";
import { callbackUrl, finishLogin, openPendingLogin } from "~/platform/auth/oidc.server";
import { OIDC_COOKIE, parseCookies } from "~/platform/http/cookies";

export async function loader({ request, context }: Route.LoaderArgs) {
  if (!context.env.oidcConfigured) throw new Response("Ikke fundet", { status: 404 });
  const pending = openPendingLogin(context.secret, parseCookies(request.headers.get("Cookie"))[OIDC_COOKIE]);
  if (!pending) throw redirect("/login?fejl=afbrudt");
  const incoming = new URL(request.url);
  // Validate against the registered redirect URI, not whatever host the proxy passed on.
  const current = new URL(callbackUrl(request, context.env.PUBLIC_URL));
  current.search = incoming.search;
  let identity;
  try {
    identity = await finishLogin(context.env, current, pending);
  } catch (error) {
    context.log.warn(
      { requestId: context.requestId, err: error instanceof Error ? error.message : "oidc" },
      "oidc login failed",
    );
    throw redirect("/login?fejl=afbrudt");
  }
  const actor =
    (await findActorByOidcSubject(context.db, identity.subject)) ??
    (identity.cpr
      ? await linkCitizenLogin(context.db, { cpr: identity.cpr.replace("-", ""), subject: identity.subject })
      : null);
  if (!actor) throw redirect("/login?fejl=ukendt");
  return loginAndRedirect(context, actor, pending.returnTo, "oidc");
}
