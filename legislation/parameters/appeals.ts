import { dated } from "../dated";
import { RETSSIKKERHEDSLOVEN, RULES_MD, SKRIVELSE_002 } from "../sources";

const SOURCE = `${SKRIVELSE_002} §4.6; ${RULES_MD} A [external: dukh.dk Praksisnyt 50; ast.dk klagevejledning og tidsfrister]`;

/** an appeal is lodged through the municipality within this many weeks of receiving the decision. */
export const appealWeeks = dated<number>(
  "appeal.weeks",
  "Klagefrist",
  [{ from: "2013-01-01", value: 4, citation: { law: RETSSIKKERHEDSLOVEN, paragraph: "§ 67", source: SOURCE, verified: false } }],
  { unit: "uger" },
);

/** the municipality re-assesses (genvurdering) within this many weeks of receiving the appeal. */
export const genvurderingWeeks = dated<number>(
  "appeal.genvurderingWeeks",
  "Frist for genvurdering",
  [{ from: "2013-01-01", value: 4, citation: { law: RETSSIKKERHEDSLOVEN, paragraph: "§ 66", source: SOURCE, verified: false } }],
  { unit: "uger" },
);
