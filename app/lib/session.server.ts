import { redirect, type AppLoadContext } from "react-router";
import type { Actor } from "~/platform/auth/actor";
import { recordAudit } from "~/platform/audit/audit.db.server";
import { createSession, deleteSession } from "~/platform/auth/auth.db.server";
import { serializeCookie, SESSION_COOKIE } from "~/platform/http/cookies";

/** Starts a database session for the actor, logs the login and sends the browser on. */
export async function loginAndRedirect(context: AppLoadContext, actor: Actor, to: string, method: string) {
  const token = await context.db.transaction(async (tx) => {
    const t = await createSession(tx, actor.id, context.env.SESSION_IDLE_MINUTES);
    await recordAudit(
      tx,
      { actor, requestId: context.requestId },
      {
        action: "auth.login",
        entityType: "user",
        entityId: actor.id,
        changes: { method: { before: null, after: method } },
      },
    );
    return t;
  });
  return redirect(to, {
    headers: {
      "Set-Cookie": serializeCookie(SESSION_COOKIE, token, { secure: context.secureCookies, sameSite: "Lax" }),
    },
  });
}

export async function logoutAndRedirect(context: AppLoadContext) {
  if (context.sessionToken) {
    const token = context.sessionToken;
    await context.db.transaction(async (tx) => {
      await deleteSession(tx, token);
      if (context.actor) {
        await recordAudit(
          tx,
          { actor: context.actor, requestId: context.requestId },
          {
            action: "auth.logout",
            entityType: "user",
            entityId: context.actor.id,
          },
        );
      }
    });
  }
  return redirect("/login?logget-af=1", {
    headers: {
      "Set-Cookie": serializeCookie(SESSION_COOKIE, "", {
        secure: context.secureCookies,
        sameSite: "Lax",
        maxAgeSeconds: 0,
      }),
    },
  });
}

/** Where each role lands after login. */
export function landingFor(actor: Actor): string {
  switch (actor.role) {
    case "citizen":
      return "/min-plan";
    case "admin":
      return "/admin/audit";
    default:
      return "/";
  }
}
