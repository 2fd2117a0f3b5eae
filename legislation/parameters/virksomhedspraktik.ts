import { dated } from "../dated";
import { HALSNAES_001, LAB, RULES_MD, SKRIVELSE_002 } from "../sources";

/** VP-4: placement length. */
export interface PraktikLength {
  /** Typical/initial length. */
  baseWeeks: number;
  /** Longest total after a concrete assessment. */
  extendedMaxWeeks: number;
  /** Beyond extendedMaxWeeks only with "et helt særligt behov", this many weeks at a time. */
  furtherStepWeeks: number;
}

export const praktikLength = dated<PraktikLength>("virksomhedspraktik.length", "Virksomhedspraktik: varighed", [
  {
    from: "2013-01-01",
    value: { baseWeeks: 13, extendedMaxWeeks: 26, furtherStepWeeks: 13 },
    citation: {
      law: `${LAB} (LBK 280/2024)`,
      paragraph: "§ 61, stk. 2",
      source: `${HALSNAES_001}; ${RULES_MD} VP-4 [external: elov.dk]`,
      verified: false,
    },
    note: "Det er ikke verificeret, at ressourceforløb hører under stk. 1, nr. 2.",
  },
]);

/** VP-2: placements under this many hours a day need a recorded reason. */
export const praktikMinHoursPerDay = dated<number>(
  "virksomhedspraktik.minHoursPerDay",
  "Virksomhedspraktik: anbefalet mindste timetal pr. dag",
  [
    {
      from: "2013-01-01",
      value: 1,
      citation: { law: LAB, paragraph: "kap. 11", source: `${SKRIVELSE_002} §6.2 (perioden før 2022 ikke kontrolleret)`, verified: false },
    },
    { from: "2022-01-01", value: 1, citation: { law: LAB, paragraph: "kap. 11", source: `${SKRIVELSE_002} §6.2` } },
  ],
  { unit: "timer" },
);
