import { citationText, type Citation } from "./citation";

export type Severity = "error" | "warning" | "info";

/** A finding for the caseworker: which rule, how serious, what to do (Danish), and on what basis. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Danish. */
  message: string;
  /** Legal basis as text, e.g. "LAB § 113, stk. 2; skrivelse 10112 §6.3". */
  basis: string;
  /** The forløb the finding concerns, when there is one. */
  forloebId?: string;
}

export function finding(
  ruleId: string,
  severity: Severity,
  message: string,
  citations: readonly Citation[],
  forloebId?: string,
): Finding {
  let basis = "";
  for (let i = 0; i < citations.length; i++) basis += (i ? "; " : "") + citationText(citations[i] as Citation);
  // forloebId is always set (undefined when none), so every finding has the same shape.
  return { ruleId, severity, message, basis, forloebId };
}
