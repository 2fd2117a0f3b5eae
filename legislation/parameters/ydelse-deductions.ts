import { dated } from "../dated";
import { LAS, RULES_MD, SKRIVELSE_002 } from "../sources";

/**
 * Y-3: wage deduction as a dated rule, in basis points (1 % = 100 bp) of the monthly wage
 * (incl. pension and feriegodtgørelse) below and above the wage threshold (lønindtægtsgrænsen).
 */
export interface WageDeductionRule {
  belowThresholdBp: number;
  aboveThresholdBp: number;
}

export const wageDeductionRule = dated<WageDeductionRule>("ydelse.wageDeduction", "Fradrag for lønindtægt", [
  {
    from: "2013-01-01",
    value: { belowThresholdBp: 3000, aboveThresholdBp: 5500 },
    citation: { law: LAS, paragraph: "§ 69 j", source: `${RULES_MD} Y-3 [external: STAR, 2021-niveau]`, verified: false },
  },
  {
    from: "2022-01-01",
    value: { belowThresholdBp: 0, aboveThresholdBp: 5500 },
    citation: {
      law: LAS,
      paragraph: "§ 69 j",
      source: `${RULES_MD} Y-3 [external: STAR ressourceforløbsydelse]; ${SKRIVELSE_002} §8`,
      verified: false,
    },
    note: "Ikrafttrædelsesdatoen 2022-01-01 er ikke verificeret.",
  },
]);

/** Y-3: deduction per working hour in an offer (LAS § 69 j, stk. 10), in øre. Known for 2024 only. */
export const hourlyDeductionOere = dated<number>(
  "ydelse.hourlyDeduction",
  "Fradrag pr. arbejdstime i tilbud",
  [
    {
      from: "2024-01-01",
      to: "2024-12-31",
      value: 1786,
      citation: { law: LAS, paragraph: "§ 69 j, stk. 10", source: `${RULES_MD} Y-3 [external: bm.dk]`, verified: false },
    },
  ],
  { unit: "øre/time" },
);

/** Y-5: how a weekly rate becomes a monthly amount ([verify]); shown in the explanation. */
export const weeklyToMonthly = dated<{ weeksPerYear: number; monthsPerYear: number }>(
  "ydelse.weeklyToMonthly",
  "Omregning fra ugesats til månedsbeløb",
  [
    {
      from: "2013-01-01",
      value: { weeksPerYear: 52, monthsPerYear: 12 },
      citation: { law: LAS, paragraph: "kap. 6 a", source: `${RULES_MD} Y-5 (omregning ikke verificeret)`, verified: false },
    },
  ],
);
