import { redirect, type AppLoadContext } from "react-router";
import type { Actor } from "~/platform/auth/actor";
import { csrfTokenValid } from "~/platform/auth/csrf";
import { can, type Permission } from "~/platform/auth/permissions";
import type { UseCaseContext } from "~/platform/context";
import { CSRF_COOKIE, parseCookies } from "~/platform/http/cookies";

/** For pages: no login → the login page; a role without the permission → 403. */
export function requireUser(request: Request, context: AppLoadContext, permission?: Permission): Actor {
  const actor = context.actor;
  if (!actor) {
    const url = new URL(request.url);
    throw redirect(`/login?til=${encodeURIComponent(url.pathname)}`);
  }
  if (permission && !can(actor, permission)) {
    throw new Response("Du har ikke adgang til denne side.", { status: 403, statusText: "Forbidden" });
  }
  return actor;
}

export function useCase(context: AppLoadContext, actor: Actor): UseCaseContext {
  return { db: context.db, actor, requestId: context.requestId };
}

/** Reads a posted form and checks its CSRF token. Every action goes through here. */
export async function readForm(request: Request, context: AppLoadContext): Promise<FormData> {
  const form = await request.formData();
  const cookie = parseCookies(request.headers.get("Cookie"))[CSRF_COOKIE];
  if (!csrfTokenValid(context.secret, cookie, form.get("_csrf"))) {
    throw new Response("Formularen er udløbet. Gå tilbage, genindlæs siden og prøv igen.", {
      status: 403,
      statusText: "CSRF",
    });
  }
  return form;
}

/** Only same-site relative paths are followed after login. */
export function safeRedirectTarget(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return fallback;
  }
  return value;
}
