import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

const OIDC = { OIDC_ISSUER: "https://idp.example", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s" };

describe("parseEnv", () => {
  it("enables demo login only outside production and without OIDC", () => {
    expect(parseEnv({}).demoEnabled).toBe(true);
    expect(parseEnv({ NODE_ENV: "test" }).demoEnabled).toBe(true);
    expect(parseEnv({ ...OIDC }).demoEnabled).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) }).demoEnabled).toBe(false);
    expect(parseEnv({ DEMO_MODE: "off" }).demoEnabled).toBe(false);
  });

  it("refuses half an OIDC configuration, production without a session secret, and http IdPs in production", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "https://idp.example" })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/32/);
    expect(() =>
      parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32), OIDC_ALLOW_HTTP: "1", ...OIDC }),
    ).toThrow(/OIDC_ALLOW_HTTP/);
  });

  it("names the bad variable", () => {
    expect(() => parseEnv({ PORT: "nope" })).toThrow(/PORT/);
  });
});
