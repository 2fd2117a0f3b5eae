import { assertCitation, type Citation } from "../citation";
import { allVerified, type Dated } from "../dated";
import type { IsoDate } from "../dates";

export const RULE_GROUPS = ["TG", "PA", "P", "PL", "FU", "IG", "D", "E", "MT", "VP", "SK", "Y", "A", "ST"] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];
export type RuleKind = "computed" | "judgement" | "procedure";

/** What the rule catalogue (/regler) shows for a rule. */
export interface RuleMeta {
  id: string;
  group: RuleGroup;
  titleDa: string;
  /** What the rule says, in Danish. */
  summaryDa: string;
  /** Legal basis as text. */
  basis: string;
  citations: readonly Citation[];
  inForce: { from: IsoDate; to?: IsoDate };
  kind: RuleKind;
  /** false when a citation or a parameter the rule uses is unverified. */
  verified: boolean;
  /** Repo-relative paths of the test files that exercise the rule. */
  tests: readonly string[];
  /** Names of the dated parameters the rule reads. */
  parameters: readonly string[];
}

export interface RuleDefinition {
  id: string;
  titleDa: string;
  summaryDa: string;
  citations: readonly Citation[];
  inForce: { from: IsoDate; to?: IsoDate };
  kind: RuleKind;
  tests?: readonly string[];
  parameters?: readonly Dated<unknown>[];
  /** Overrides the basis text built from the citations. */
  basis?: string;
}

function groupOf(id: string): RuleGroup {
  const g = id.split("-")[0] as RuleGroup;
  if (!RULE_GROUPS.includes(g)) throw new Error(`Ukendt regelgruppe i ${id}`);
  return g;
}

/** Register a rule's metadata; its citations are checked at module load. */
export function defineRule(def: RuleDefinition): RuleMeta {
  if (def.citations.length === 0) throw new Error(`${def.id}: mindst én hjemmel er påkrævet`);
  def.citations.forEach((c, i) => assertCitation(c, `${def.id} citation ${i}`));
  const params = def.parameters ?? [];
  return Object.freeze({
    id: def.id,
    group: groupOf(def.id),
    titleDa: def.titleDa,
    summaryDa: def.summaryDa,
    basis: def.basis ?? def.citations.map((c) => `${c.law} ${c.paragraph}`.trim()).join("; "),
    citations: def.citations,
    inForce: def.inForce,
    kind: def.kind,
    verified: def.citations.every((c) => c.verified !== false) && params.every((p) => allVerified(p)),
    tests: def.tests ?? [],
    parameters: params.map((p) => p.name),
  });
}
