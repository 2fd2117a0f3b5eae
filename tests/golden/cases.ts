/**
 * Golden scenarios (OpenFisca style) stored as YAML in tests/golden/*.yaml. This module lists
 * them and checks an output against a case, so the same cases drive the in-process test
 * (golden.test.ts), the CLI contract test (cli/rules.test.ts) and later the HTTP contract test.
 *
 * A case:
 *   name, ruleIds, contract: evaluate | ydelse | rule (a rule function, not an API contract)
 *   input            the request body (for "rule": { asOf, facts } and `rule` names the function)
 *   expected         a subset of the output: objects match key by key, arrays position by
 *                    position with equal length, everything else by ===
 *   findings         include: [{ ruleId, severity?, forloebId?, messageContains?, basisContains? }],
 *                    exclude: [ruleId], count: { ruleId: n }
 *   expectedIssues   for invalid input: JSON paths that must be named (exit 2 / HTTP 400)
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { tryParseDate } from "../../legislation/dates";
import type { Finding } from "../../legislation/finding";
import type { InputIssue } from "../../legislation/input-issues";
import { appealDeadline, genvurderingDeadline } from "../../legislation/rules/appeals";
import { kontanthjaelpAllowed } from "../../legislation/rules/ending";

export const GOLDEN_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = join(GOLDEN_DIR, "..", "..");

export interface FindingMatcher {
  ruleId: string;
  severity?: Finding["severity"];
  forloebId?: string;
  messageContains?: string;
  basisContains?: string;
}

export interface GoldenCase {
  /** Repo-relative path of the YAML file. */
  file: string;
  name: string;
  ruleIds: string[];
  contract: "evaluate" | "ydelse" | "rule";
  rule?: string;
  input: unknown;
  expected?: unknown;
  findings?: { include?: FindingMatcher[]; exclude?: string[]; count?: Record<string, number> };
  expectedIssues?: string[];
}

/** Every golden case, in file order. `contracts` filters, e.g. ["evaluate", "ydelse"] for HTTP. */
export function listGoldenCases(contracts?: readonly GoldenCase["contract"][]): GoldenCase[] {
  const files = readdirSync(GOLDEN_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .sort();
  const out: GoldenCase[] = [];
  for (const f of files) {
    const doc = parse(readFileSync(join(GOLDEN_DIR, f), "utf8")) as unknown;
    if (!Array.isArray(doc)) throw new Error(`${f}: a golden file is a YAML list of cases`);
    for (const raw of doc as Record<string, unknown>[]) {
      const c: GoldenCase = {
        file: relative(REPO_ROOT, join(GOLDEN_DIR, f)).split("\\").join("/"),
        name: String(raw.name),
        ruleIds: (raw.ruleIds as string[] | undefined) ?? [],
        contract: raw.contract as GoldenCase["contract"],
        input: raw.input,
      };
      if (raw.rule !== undefined) c.rule = String(raw.rule);
      if (raw.expected !== undefined) c.expected = raw.expected;
      if (raw.findings !== undefined) c.findings = raw.findings as GoldenCase["findings"];
      if (raw.expectedIssues !== undefined) c.expectedIssues = raw.expectedIssues as string[];
      if (!["evaluate", "ydelse", "rule"].includes(c.contract))
        throw new Error(`${f}: "${c.name}" has no valid contract`);
      out.push(c);
    }
  }
  return contracts ? out.filter((c) => contracts.includes(c.contract)) : out;
}

/** true when the case is about invalid input (exit code 2 / HTTP 400). */
export function isInvalidCase(c: GoldenCase): boolean {
  return c.expectedIssues !== undefined;
}

/** Differences between `actual` and the expected subset; [] when it matches. */
export function matchSubset(actual: unknown, expected: unknown, path = ""): string[] {
  const at = path || "(root)";
  if (expected === null || typeof expected !== "object") {
    return Object.is(actual, expected)
      ? []
      : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${at}: expected a list, got ${JSON.stringify(actual)}`];
    if (actual.length !== expected.length) return [`${at}: expected ${expected.length} items, got ${actual.length}`];
    return expected.flatMap((e, i) => matchSubset(actual[i], e, `${path}[${i}]`));
  }
  if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
    return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
  }
  return Object.entries(expected as Record<string, unknown>).flatMap(([k, v]) =>
    matchSubset((actual as Record<string, unknown>)[k], v, path ? `${path}.${k}` : k),
  );
}

function findingMatches(f: Finding, m: FindingMatcher): boolean {
  return (
    f.ruleId === m.ruleId &&
    (m.severity === undefined || f.severity === m.severity) &&
    (m.forloebId === undefined || f.forloebId === m.forloebId) &&
    (m.messageContains === undefined || f.message.includes(m.messageContains)) &&
    (m.basisContains === undefined || f.basis.includes(m.basisContains))
  );
}

/** Check an output (of evaluate, ydelse or a rule) against a valid-input case. */
export function checkGoldenOutput(c: GoldenCase, output: unknown): string[] {
  const problems: string[] = [];
  if (c.expected !== undefined) problems.push(...matchSubset(output, c.expected));
  const findings = ((output as { findings?: Finding[] }).findings ?? []) as Finding[];
  for (const m of c.findings?.include ?? []) {
    if (!findings.some((f) => findingMatches(f, m))) {
      problems.push(
        `missing finding ${JSON.stringify(m)}; got ${JSON.stringify(findings.map((f) => [f.ruleId, f.severity, f.forloebId]))}`,
      );
    }
  }
  for (const id of c.findings?.exclude ?? []) {
    const hit = findings.filter((f) => f.ruleId === id);
    if (hit.length) problems.push(`unexpected finding ${id}: ${hit.map((f) => f.message).join(" | ")}`);
  }
  for (const [id, n] of Object.entries(c.findings?.count ?? {})) {
    const got = findings.filter((f) => f.ruleId === id).length;
    if (got !== n) problems.push(`expected ${n} finding(s) ${id}, got ${got}`);
  }
  return problems;
}

/** Check the issues of an invalid-input case: every expected path is named. */
export function checkGoldenIssues(c: GoldenCase, issues: readonly InputIssue[]): string[] {
  const paths = new Set(issues.map((i) => i.path));
  const missing = (c.expectedIssues ?? []).filter((p) => !paths.has(p));
  const problems = missing.map((p) => `no issue named "${p}"; got ${JSON.stringify([...paths])}`);
  for (const i of issues) if (!i.message.trim()) problems.push(`empty message for ${i.path}`);
  return problems;
}

/** Rule functions callable from "rule" cases; ISO date strings in facts become day numbers. */
const RULES: Record<string, (facts: never, asOf: number) => { value: unknown }> = {
  kontanthjaelpAllowed: kontanthjaelpAllowed as never,
  appealDeadline: appealDeadline as never,
  genvurderingDeadline: genvurderingDeadline as never,
};

function datesToDays(v: unknown): unknown {
  if (typeof v === "string") return tryParseDate(v) ?? v;
  if (Array.isArray(v)) return v.map(datesToDays);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, k === "reason" ? x : datesToDays(x)]),
    );
  }
  return v;
}

/** Run a "rule" case in-process; returns the rule's value (which carries its findings). */
export function runRuleCase(c: GoldenCase): unknown {
  const fn = c.rule ? RULES[c.rule] : undefined;
  if (!fn) throw new Error(`unknown rule function ${c.rule}`);
  const input = c.input as { asOf: string; facts: unknown };
  const asOf = tryParseDate(input.asOf);
  if (asOf === null) throw new Error(`${c.name}: invalid asOf`);
  return fn(datesToDays(input.facts) as never, asOf).value;
}
