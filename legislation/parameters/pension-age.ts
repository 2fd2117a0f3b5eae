import { dated } from "../dated";
import type { IsoDate, YearsMonths } from "../dates";
import { PENSIONSLOVEN, RULES_MD } from "../sources";

/** One row of the folkepensionsalder table (PA-1): born in [bornFrom, bornTo] (inclusive, null = open). */
export interface PensionAgeRow {
  bornFrom: IsoDate | null;
  bornTo: IsoDate | null;
  age: YearsMonths;
}

/**
 * PA-1: folkepensionsalder by birth date (lov om social pension § 1 a). The table is held as one
 * dated entry: it is the law as known now, including the 2025 change to 70 for those born from
 * 1971. [verify] — a historical evaluation before that change used 69 for that cohort.
 */
export const folkepensionsalderTable = dated<readonly PensionAgeRow[]>(
  "folkepension.ageByBirthDate",
  "Folkepensionsalder efter fødselsdato",
  [
    {
      from: "2013-01-01",
      value: [
        { bornFrom: null, bornTo: "1953-12-31", age: { years: 65, months: 0 } },
        { bornFrom: "1954-01-01", bornTo: "1954-06-30", age: { years: 65, months: 6 } },
        { bornFrom: "1954-07-01", bornTo: "1954-12-31", age: { years: 66, months: 0 } },
        { bornFrom: "1955-01-01", bornTo: "1955-06-30", age: { years: 66, months: 6 } },
        { bornFrom: "1955-07-01", bornTo: "1962-12-31", age: { years: 67, months: 0 } },
        { bornFrom: "1963-01-01", bornTo: "1966-12-31", age: { years: 68, months: 0 } },
        { bornFrom: "1967-01-01", bornTo: "1970-12-31", age: { years: 69, months: 0 } },
        { bornFrom: "1971-01-01", bornTo: null, age: { years: 70, months: 0 } },
      ],
      citation: {
        law: PENSIONSLOVEN,
        paragraph: "§ 1 a",
        source: `${RULES_MD} PA-1 [external: pensionsloven § 1 a; 70 år vedtaget maj 2025]`,
        verified: false,
      },
    },
  ],
);
