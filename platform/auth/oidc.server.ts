import * as client from "openid-client";
import type { Env } from "../env.server";
import { hmac, safeEqual } from "./tokens";

let cached: Promise<client.Configuration> | null = null;

/** Discovers the identity provider once (NemLog-in or a MitID broker), from OIDC_* settings. */
export function oidcConfiguration(env: Env): Promise<client.Configuration> {
  if (!env.oidcConfigured) throw new Error("OIDC is not configured");
  const insecure = env.OIDC_ALLOW_HTTP === "1" ? { execute: [client.allowInsecureRequests] } : undefined;
  cached ??= client
    .discovery(new URL(env.OIDC_ISSUER!), env.OIDC_CLIENT_ID!, env.OIDC_CLIENT_SECRET!, undefined, insecure)
    .catch((e: unknown) => {
      cached = null;
      throw e;
    });
  return cached;
}

export interface PendingLogin {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

/** The PKCE verifier, state and nonce travel in a short-lived, HMAC-signed cookie. */
export function sealPendingLogin(secret: string, p: PendingLogin): string {
  const body = Buffer.from(JSON.stringify(p)).toString("base64url");
  return `${body}.${hmac(secret, `oidc:${body}`)}`;
}

export function openPendingLogin(secret: string, sealed: string | undefined): PendingLogin | null {
  if (!sealed) return null;
  const [body, sig] = sealed.split(".");
  if (!body || !sig || !safeEqual(hmac(secret, `oidc:${body}`), sig)) return null;
  try {
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as PendingLogin;
  } catch {
    return null;
  }
}

export async function startLogin(env: Env, redirectUri: string, returnTo: string) {
  const config = await oidcConfiguration(env);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: env.OIDC_SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url, pending: { verifier, state, nonce, returnTo } satisfies PendingLogin };
}

export interface OidcIdentity {
  subject: string;
  name: string | null;
  cpr: string | null;
}

export async function finishLogin(env: Env, currentUrl: URL, pending: PendingLogin): Promise<OidcIdentity> {
  const config = await oidcConfiguration(env);
  const tokens = await client.authorizationCodeGrant(config, currentUrl, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error("no id_token claims");
  const cprClaim = claims[env.OIDC_CPR_CLAIM];
  return {
    subject: claims.sub,
    name: typeof claims.name === "string" ? claims.name : null,
    cpr: typeof cprClaim === "string" ? cprClaim : null,
  };
}

export function callbackUrl(request: Request, publicUrl: string | undefined): string {
  return new URL("/auth/oidc/callback", publicUrl ?? new URL(request.url).origin).toString();
}
