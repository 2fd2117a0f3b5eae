/**
 * The legal basis of a value or a rule. Required on every parameter entry: a value without a
 * source cannot be checked, so constructing one fails at module load.
 */
export interface Citation {
  /** The act or source, e.g. "LAB" or "lov nr. 1160 af 8. juni 2021". */
  law: string;
  /** The provision, e.g. "§ 113, stk. 2". */
  paragraph: string;
  /** Where the value was read, e.g. "STAR skrivelse nr. 10112 af 23/12 2021 (seed 002) §6.3". */
  source: string;
  /** false when the spec marks the value [verify]; absent means checked against the source. */
  verified?: boolean;
}

export class MissingCitationError extends Error {
  override readonly name = "MissingCitationError";
  constructor(readonly where: string) {
    super(`Manglende eller ufuldstændig hjemmel (citation) for ${where}: law, paragraph og source er påkrævet`);
  }
}

function nonEmpty(v: unknown): v is string {
  return typeof v === "string" && v.trim().length > 0;
}

/** Throws MissingCitationError unless `c` has a non-empty law, paragraph and source. */
export function assertCitation(c: unknown, where: string): asserts c is Citation {
  if (typeof c !== "object" || c === null) throw new MissingCitationError(where);
  const o = c as Record<string, unknown>;
  if (!nonEmpty(o.law) || !nonEmpty(o.paragraph) || !nonEmpty(o.source)) throw new MissingCitationError(where);
  if (o.verified !== undefined && typeof o.verified !== "boolean") throw new MissingCitationError(where);
}

export function isVerified(c: Citation): boolean {
  return c.verified !== false;
}

const SKRIVELSE_MARK = "(seed 002)";

/**
 * "LAB § 113, stk. 2" style text for findings and letters. When the source is a section of
 * the skrivelse (seed 002), the section is named too: "LAB § 113, stk. 2 (skrivelse 10112 §6.7)".
 */
const TEXT_CACHE = new WeakMap<Citation, string>();

export function citationText(c: Citation): string {
  const hit = TEXT_CACHE.get(c);
  if (hit !== undefined) return hit;
  const text = buildCitationText(c);
  TEXT_CACHE.set(c, text);
  return text;
}

function buildCitationText(c: Citation): string {
  let text = `${c.law} ${c.paragraph}`.trim();
  const i = c.source.indexOf(SKRIVELSE_MARK);
  if (i >= 0) {
    const section = /^\s*(§[\d.]+(?:,\s*§[\d.]+)*)/.exec(c.source.slice(i + SKRIVELSE_MARK.length));
    if (section) text += ` (skrivelse 10112 ${section[1]})`;
  }
  return c.verified === false ? `${text} [ikke verificeret]` : text;
}

/** A citation for a value the caller supplies in input (municipal settings and the like). */
export function cite(law: string, paragraph: string, source: string, verified?: boolean): Citation {
  const c: Citation = verified === undefined ? { law, paragraph, source } : { law, paragraph, source, verified };
  assertCitation(c, `${law} ${paragraph}`);
  return c;
}
