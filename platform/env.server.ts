import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  PUBLIC_URL: optionalText,
  DATABASE_URL: optionalText,
  DATA_DIR: z.string().default("./data"),
  SESSION_SECRET: optionalText,
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  COOKIE_SECURE: z.enum(["auto", "always", "never"]).default("auto"),
  OIDC_ISSUER: optionalText,
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_SCOPE: z.string().default("openid profile"),
  OIDC_CPR_CLAIM: z.string().default("dk:gov:saml:attribute:CprNumberIdentifier"),
  /** Only for a local test identity provider on http://; refused in production. */
  OIDC_ALLOW_HTTP: z.enum(["0", "1"]).default("0"),
  DEMO_MODE: z.enum(["auto", "off"]).default("auto"),
  DEMO_SEED: z.enum(["auto", "off"]).default("auto"),
  /** The day the demo runs on; new forløb can only be granted before 2026-02-01 (TG-10). Empty = real date. */
  DEMO_TODAY: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "DEMO_TODAY skal være ÅÅÅÅ-MM-DD eller tom")
    .default("2026-01-14"),
  /** Pins today's date for the whole app (tests, training). */
  APP_TODAY: optionalText,
  /** Recompute every active case's deadlines when the server starts (off for load tests on huge data). */
  DEADLINES_AT_START: z.enum(["on", "off"]).default("on"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  OUTBOX_DIR: z.string().default("./data/outbox"),
});

export type Env = z.infer<typeof EnvSchema> & {
  oidcConfigured: boolean;
  demoEnabled: boolean;
};

export class EnvError extends Error {}

/** Parses the environment once; refuses unsafe combinations instead of guessing. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new EnvError(`Invalid environment: ${fields}`);
  }
  const env = parsed.data;
  const oidcParts = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  const oidcConfigured = oidcParts.every(Boolean);
  if (!oidcConfigured && oidcParts.some(Boolean)) {
    throw new EnvError("OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together");
  }
  // Demo login can never be on in production or next to a real identity provider.
  const demoEnabled = env.DEMO_MODE === "auto" && !oidcConfigured && env.NODE_ENV !== "production";
  if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
    throw new EnvError("SESSION_SECRET is required when NODE_ENV=production");
  }
  if (env.NODE_ENV === "production" && env.OIDC_ALLOW_HTTP === "1") {
    throw new EnvError("OIDC_ALLOW_HTTP cannot be used when NODE_ENV=production");
  }
  if (env.SESSION_SECRET && env.SESSION_SECRET.length < 32) {
    throw new EnvError("SESSION_SECRET must be at least 32 characters");
  }
  return { ...env, oidcConfigured, demoEnabled };
}
