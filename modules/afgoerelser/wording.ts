import { ALL_PARAMETERS, citationText, resolve, type Citation, type Dated } from "~/legislation";

/**
 * R2026 wording (rules.md, "Wording"): from 2026-02-01 the law says "kommunen" where it said "jobcenteret", and
 * letters dated from then say "kommunen". The word is the dated parameter `phaseOut.authorityName` of the
 * legislation (lov nr. 1750 af 29. december 2025), so the date and its citation live in one place. Shared by
 * every letter: decisions, invitations and minutes.
 */
const AUTHORITY_NAME = "phaseOut.authorityName";

function authorityParameter(): Dated<string> {
  const p = ALL_PARAMETERS.find((x) => x.name === AUTHORITY_NAME);
  if (!p) throw new Error(`legislation parameter ${AUTHORITY_NAME} is missing`);
  return p as Dated<string>;
}

export interface AuthorityWording {
  /** "jobcenteret" or "kommunen", as used inside a sentence. */
  authority: string;
  /** The same with a capital letter, for the start of a sentence. */
  Authority: string;
  /** Who signs: "Jobcenteret, Demo Kommune" before the change, "Demo Kommune" after. */
  sender: (municipalityName: string) => string;
  /** The parameter entry used: in force from, and its legal basis. */
  from: string;
  citation: Citation;
  basis: string;
}

/** The authority's name in a letter dated `letterDate` (YYYY-MM-DD). */
export function authorityWording(letterDate: string): AuthorityWording {
  const r = resolve(authorityParameter(), letterDate);
  const authority = r.value;
  const Authority = authority.charAt(0).toUpperCase() + authority.slice(1);
  return {
    authority,
    Authority,
    sender: (municipalityName) => (authority === "kommunen" ? municipalityName : `${Authority}, ${municipalityName}`),
    from: r.from,
    citation: r.citation,
    basis: citationText(r.citation),
  };
}
