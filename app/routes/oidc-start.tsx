import { redirect } from "react-router";
import type { Route } from "./+types/oidc-start";
import { safeRedirectTarget } from "~/app/lib/auth.server";
import { OIDC_COOKIE, serializeCookie } from "~/platform/http/cookies";
import { callbackUrl, sealPendingLogin, startLogin } from "~/platform/auth/oidc.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  if (!context.env.oidcConfigured) throw new Response("Ikke fundet", { status: 404 });
  const returnTo = safeRedirectTarget(new URL(request.url).searchParams.get("til"));
  const { url, pending } = await startLogin(context.env, callbackUrl(request, context.env.PUBLIC_URL), returnTo);
  return redirect(url.toString(), {
    headers: {
      // Lax, not Strict: the identity provider's redirect back to us is a cross-site top-level navigation.
      "Set-Cookie": serializeCookie(OIDC_COOKIE, sealPendingLogin(context.secret, pending), {
        secure: context.secureCookies,
        sameSite: "Lax",
        maxAgeSeconds: 600,
      }),
    },
  });
}
