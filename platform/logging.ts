import pino from "pino";

// A CPR number, with or without the dash, anywhere in a logged string.
const CPR_PATTERN = /\b(\d{6})-?\d{4}\b/g;

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.replace(CPR_PATTERN, "[cpr]");
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = /cpr/i.test(k) ? "[cpr]" : scrub(v, depth + 1);
  return out;
}

/** The one logger. No CPR number ever reaches a log line: fields named *cpr* and CPR-shaped text are masked. */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(
    {
      level,
      base: undefined,
      formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args;
          method.apply(this, [scrub(first) as never, ...rest.map((r) => scrub(r) as never)]);
        },
      },
    },
    destination ?? pino.destination(1),
  );
}

export type Logger = ReturnType<typeof createLogger>;
