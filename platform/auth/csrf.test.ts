import { describe, expect, it } from "vitest";
import { csrfTokenFor, csrfTokenValid, newCsrfCookieValue } from "./csrf";

describe("CSRF tokens", () => {
  const secret = "s".repeat(40);
  it("accepts the HMAC of the cookie and nothing else", () => {
    const cookie = newCsrfCookieValue();
    expect(csrfTokenValid(secret, cookie, csrfTokenFor(secret, cookie))).toBe(true);
    expect(csrfTokenValid(secret, cookie, cookie)).toBe(false);
    expect(csrfTokenValid(secret, cookie, csrfTokenFor("other".repeat(10), cookie))).toBe(false);
    expect(csrfTokenValid(secret, newCsrfCookieValue(), csrfTokenFor(secret, cookie))).toBe(false);
    expect(csrfTokenValid(secret, undefined, csrfTokenFor(secret, cookie))).toBe(false);
    expect(csrfTokenValid(secret, cookie, null)).toBe(false);
  });
});
