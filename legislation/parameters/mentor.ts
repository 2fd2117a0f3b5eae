import { dated } from "../dated";
import { LAB, RULES_MD, SKRIVELSE_002 } from "../sources";

/** MT-3: a mentor grant runs at most this many months; a renewal needs a concrete assessment. */
export const mentorGrantMonths = dated<number>(
  "mentor.grantMonths",
  "Mentorstøtte: længste bevillingsperiode",
  [
    {
      from: "2013-01-01",
      value: 6,
      citation: { law: LAB, paragraph: "kap. 26 (§ 167)", source: `${RULES_MD} MT-3 [external: elov.dk kap. 26]`, verified: false },
      note: "Perioden før 2022 er ikke kontrolleret mod kilden.",
    },
    {
      from: "2022-01-01",
      value: 6,
      citation: { law: LAB, paragraph: "kap. 26 (§ 167)", source: `${SKRIVELSE_002} §7` },
    },
  ],
  { unit: "måneder" },
);

/** MT-5: budget cap on mentor and øvrig vejledning og opkvalificering; reporting only. */
export const mentorSpendingCapPerFuldtidsperson = dated<number>(
  "mentor.spendingCapPerFuldtidsperson",
  "Udgiftsloft for mentor og øvrig vejledning pr. fuldtidsperson",
  [
    { from: "2013-01-01", value: null, citation: { law: LAB, paragraph: "—", source: RULES_MD }, note: "Intet loft før 2026." },
    {
      from: "2026-01-01",
      value: 10602,
      citation: { law: `${LAB} (L 77 2025-26)`, paragraph: "kap. 33 a / § 203 a", source: `${RULES_MD} MT-5 [external: ft.dk; polspy.org]`, verified: false },
      note: "Lovforslagets beløb (2026-niveau); det endelige beløb er ikke verificeret.",
    },
  ],
  { unit: "kr." },
);
