import { dated } from "../dated";
import { LAB, LAW_2013, LAW_2022, SKRIVELSE_002 } from "../sources";

/**
 * TG-6: a forløb is not started when fewer than this many years remain to the folkepensionsalder,
 * unless the citizen wishes it. Introduced with Bedre ressourceforløb; R2013 had no such rule.
 */
export const seniorRuleYears = dated<number>(
  "seniorRule.yearsBeforeFolkepension",
  "Seniorregel: år før folkepensionsalderen",
  [
    {
      from: "2013-01-01",
      value: null,
      citation: { law: LAW_2013, paragraph: "LAB kap. 12 b", source: `${SKRIVELSE_002} §9 (reglen gælder fra 2022)` },
      note: "Ingen seniorregel før 2022-01-01.",
    },
    {
      from: "2022-01-01",
      value: 6,
      citation: { law: LAB, paragraph: "§ 112", source: `${LAW_2022}; ${SKRIVELSE_002} §4.1, §9` },
    },
  ],
  { unit: "år" },
);
