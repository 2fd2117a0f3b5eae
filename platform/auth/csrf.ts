import { hmac, randomToken, safeEqual } from "./tokens";

/**
 * Signed double-submit CSRF protection: a random value lives in an HttpOnly, SameSite=Strict cookie,
 * and every form posts back its HMAC. A cross-site page can neither read the cookie nor forge the HMAC.
 */
export function newCsrfCookieValue(): string {
  return randomToken(24);
}

export function csrfTokenFor(secret: string, cookieValue: string): string {
  return hmac(secret, `csrf:${cookieValue}`);
}

export function csrfTokenValid(secret: string, cookieValue: string | undefined, posted: unknown): boolean {
  if (!cookieValue || typeof posted !== "string" || posted.length === 0) return false;
  return safeEqual(csrfTokenFor(secret, cookieValue), posted);
}
