import { dated } from "../dated";
import { HALSNAES_001, HERNING_000, LAB, LAW_2013, LAW_2022, SKRIVELSE_002 } from "../sources";

/** D-1 / D-2: the duration rules of the regime in force when a forløb starts. */
export interface DurationRules {
  minMonths: number;
  maxMonths: number;
  /** From this age at the start of a new forløb, one forløb only unless the citizen wishes more. */
  oneForloebFromAge: number;
  /** true: the one-forløb limit is firm (R2022); false: "as a rule" (R2013). */
  oneForloebFirm: boolean;
  /** Aged [fromAge, belowAge) at the start of a new forløb: at most totalMonths in all forløb, unless wished. */
  totalCap: { fromAge: number; belowAge: number; totalMonths: number } | null;
}

export const durationRules = dated<DurationRules>("duration.rules", "Varighed af ressourceforløb", [
  {
    from: "2013-01-01",
    value: { minMonths: 12, maxMonths: 60, oneForloebFromAge: 40, oneForloebFirm: false, totalCap: null },
    citation: {
      law: LAB,
      paragraph: "§ 68 b (fra 2020: § 113)",
      source: `${LAW_2013}; ${HERNING_000}; ${HALSNAES_001} fodnote 1; ${SKRIVELSE_002} §6.5 (Ankestyrelsen 82-16)`,
    },
  },
  {
    from: "2022-01-01",
    value: {
      minMonths: 12,
      maxMonths: 36,
      oneForloebFromAge: 50,
      oneForloebFirm: true,
      totalCap: { fromAge: 40, belowAge: 50, totalMonths: 60 },
    },
    citation: { law: LAB, paragraph: "§ 113", source: `${LAW_2022}; ${SKRIVELSE_002} §6.5` },
  },
]);
