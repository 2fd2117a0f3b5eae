import type { Citation } from "./citation";
import type { Resolved } from "./dated";

/** A parameter value as used by a rule, with the entry's period, for the "why" panel. */
export interface ParameterUse {
  name: string;
  value: unknown;
  from: string;
  to: string | null;
  citation: Citation;
}

/**
 * Why a rule gave its result. The same tree feeds the caseworker's "why" panel, the legal
 * reasoning of a decision letter and the audit log.
 */
export interface Explanation {
  ruleId: string;
  /** Danish title. */
  title: string;
  citations: Citation[];
  /** The facts the rule read. */
  inputs: Record<string, unknown>;
  parameters: ParameterUse[];
  result: unknown;
  /** Danish sentence stating the reasoning, when the result alone does not say it. */
  reasoning?: string;
  children: Explanation[];
}

/** A resolved parameter already has the shape of a ParameterUse (and is immutable), so it is used as is. */
export function paramUse<T>(r: Resolved<T>): ParameterUse {
  return r;
}

export interface RuleResult<V> {
  value: V;
  explanation: Explanation;
}

export function explain(e: {
  ruleId: string;
  title: string;
  citations: Citation[];
  inputs?: Record<string, unknown>;
  parameters?: ParameterUse[];
  result: unknown;
  reasoning?: string;
  children?: Explanation[];
}): Explanation {
  // The argument is always a fresh literal, so it is completed in place instead of copied.
  const out = e as Explanation;
  out.inputs ??= {};
  out.parameters ??= [];
  out.children ??= [];
  return out;
}
