import type { Citation } from "./citation";
import { dated, resolve, type Resolved } from "./dated";
import { parseDate, type DayNumber, type IsoDate } from "./dates";
import { FAABORG_004, LAW_2013, LAW_2022, LAW_2026, RULES_MD, SKRIVELSE_002 } from "./sources";

/**
 * The regimes of rules.md as data. Rules never compare years in code: they resolve dated
 * parameters, and transitional rules read their cut-over dates from this table.
 */
export type RegimeId = "R2013" | "R2022" | "R2026";

export interface RegimeDefinition {
  id: RegimeId | "R2018";
  /** "regime" = a set of rules in force; "clarification" = practice within a regime. */
  kind: "regime" | "clarification";
  from: IsoDate;
  to?: IsoDate;
  titleDa: string;
  summaryDa: string;
  citation: Citation;
}

export const REGIME_DEFINITIONS: readonly RegimeDefinition[] = [
  {
    id: "R2013",
    kind: "regime",
    from: "2013-01-01",
    to: "2021-12-31",
    titleDa: "Reformen af førtidspension og fleksjob (2013)",
    summaryDa: "Ressourceforløb på 1-5 år; borgere over 40 år som udgangspunkt ét forløb.",
    citation: { law: LAW_2013, paragraph: "LAB kap. 12 b (senere §§ 112-114)", source: RULES_MD, verified: false },
  },
  {
    id: "R2018",
    kind: "clarification",
    from: "2018-06-01",
    to: "2021-12-31",
    titleDa: "Præcisering af udviklingsperspektivet (2018)",
    summaryDa: "Der kræves et udviklingsperspektiv mod ordinære timer eller fleksjob.",
    citation: { law: "Præcisering af målgruppen for ressourceforløb", paragraph: "—", source: FAABORG_004, verified: false },
  },
  {
    id: "R2022",
    kind: "regime",
    from: "2022-01-01",
    to: "2026-01-31",
    titleDa: "Bedre ressourceforløb (2022)",
    summaryDa:
      "Forløb på 1-3 år, indsatsgaranti, seniorregel, ret til samtale med sundhedskoordinator og personlig jobformidler.",
    citation: { law: LAW_2022, paragraph: "§ 1", source: SKRIVELSE_002 },
  },
  {
    id: "R2026",
    kind: "regime",
    from: "2026-02-01",
    titleDa: "Udfasning af ressourceforløb (2026)",
    summaryDa:
      "Ingen nye forløb bevilges med afgørelsesdato fra 2026-02-01; igangværende forløb løber til deres slutdato efter de hidtidige regler.",
    citation: {
      law: LAW_2026,
      paragraph: "§ 4",
      source: "lovguiden.dk (L 66); STAR webinar 21.01.2026; ligevaerd.dk [external]",
      verified: false,
    },
  },
];

export const regime = dated<RegimeId>(
  "regime",
  "Regelsæt i kraft",
  REGIME_DEFINITIONS.filter((r) => r.kind === "regime").map((r) => ({
    from: r.from,
    ...(r.to ? { to: r.to } : {}),
    value: r.id as RegimeId,
    citation: r.citation,
  })),
);

export function regimeOn(d: DayNumber | IsoDate): Resolved<RegimeId> {
  return resolve(regime, d);
}

export function regimeDefinition(id: RegimeDefinition["id"]): RegimeDefinition {
  const r = REGIME_DEFINITIONS.find((x) => x.id === id);
  if (!r) throw new Error(`Ukendt regelsæt ${id}`);
  return r;
}

const STARTS = new Map(REGIME_DEFINITIONS.map((r) => [r.id, parseDate(r.from)]));

/** First day of a regime, as a day number (e.g. the R2022 cut-over for transitional rules). */
export function regimeStart(id: RegimeDefinition["id"]): DayNumber {
  const d = STARTS.get(id);
  if (d === undefined) throw new Error(`Ukendt regelsæt ${id}`);
  return d;
}

/** The first day any ressourceforløb rule is in force. Earlier dates are invalid input. */
export const LEGISLATION_START: IsoDate = REGIME_DEFINITIONS[0]!.from;
