import * as z from "zod";

/** A problem with the input, named by its JSON path (e.g. "forloeb[0].start"), in Danish. */
export interface InputIssue {
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };

/** ["forloeb", 0, "start"] → "forloeb[0].start"; [] → "" (the whole document). */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out;
}

const TYPE_DA: Record<string, string> = {
  string: "tekst",
  number: "tal",
  boolean: "true/false",
  object: "objekt",
  array: "liste",
  null: "null",
  undefined: "intet",
};

function received(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "liste";
  return TYPE_DA[typeof input] ?? typeof input;
}

const daLocale = z.locales.da();

/** Danish message for a zod issue; falls back to zod's Danish locale. */
export function danishIssueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Feltet mangler";
      return `Forkert type: forventede ${TYPE_DA[issue.expected] ?? issue.expected}, fik ${received(issue.input)}`;
    case "invalid_value":
      if (issue.input === undefined) return `Feltet mangler; tilladte værdier: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
      return `Ukendt værdi ${JSON.stringify(issue.input)}; tilladte værdier: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      if (issue.format === "regex" && "pattern" in issue && String(issue.pattern).includes("\\d{4}-\\d{2}-\\d{2}")) {
        return `Ugyldig dato ${JSON.stringify(issue.input)}: skal have formen ÅÅÅÅ-MM-DD`;
      }
      if (issue.format === "regex" && "pattern" in issue && String(issue.pattern).includes("\\d{4}-\\d{2}$")) {
        return `Ugyldig måned ${JSON.stringify(issue.input)}: skal have formen ÅÅÅÅ-MM`;
      }
      break;
    case "too_small":
      if (issue.origin === "string") return "Feltet må ikke være tomt";
      if (issue.origin === "number") return `Tallet skal være mindst ${String(issue.minimum)}`;
      break;
    case "too_big":
      if (issue.origin === "number") return `Tallet må højst være ${String(issue.maximum)}`;
      break;
    case "unrecognized_keys":
      return `Ukendte felter: ${issue.keys.join(", ")}`;
  }
  if (issue.code === "custom" || issue.message) {
    // Custom messages in our schemas are already Danish.
    if (issue.code === "custom") return issue.message;
  }
  const m = daLocale.localeError(issue as never);
  return typeof m === "string" ? m : (m?.message ?? issue.message);
}

/** Parse with zod and return Danish issues with JSON paths; the raw input is reported in issues. */
export function safeParseDanish<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const fast = schema.safeParse(input);
  if (fast.success) return { ok: true, value: fast.data };
  // Only on failure: parse again reporting the input, which the Danish messages need.
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: danishIssueMessage(i) })),
  };
}
